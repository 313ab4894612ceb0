"""Render rows as a table, CSV or JSON Lines on the terminal."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from newsevents.dictionaries.cameo import QUAD_CLASS_NAMES, root_name

EVENT_COLUMNS = ("date", "source", "code", "target", "mode", "goldstein", "plover", "sentence_text")


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    return str(value)


def write_rows(
    rows: list[dict[str, Any]],
    *,
    fmt: str,
    columns: tuple[str, ...] | None = None,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    out = stream or sys.stdout
    names = list(columns or (rows[0].keys() if rows else ()))
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _plain(row.get(name)) for name in names})
    else:
        table = Table(title=title, show_lines=False)
        for name in names:
            table.add_column(name, overflow="fold", max_width=70 if name.endswith("text") else None)
        for row in rows:
            table.add_row(*("" if row.get(n) is None else str(row.get(n)) for n in names))
        Console(file=out, width=160 if not out.isatty() else None).print(table)


def _named(summary: dict[str, Any]) -> dict[str, Any]:
    """Add the codebook's names to the root and QuadClass rows."""
    named = dict(summary)
    named["by_root"] = [{**row, "name": root_name(row["root"])} for row in summary["by_root"]]
    named["by_quad_class"] = [
        {**row, "name": QUAD_CLASS_NAMES.get(row["quad_class"], "")}
        for row in summary["by_quad_class"]
    ]
    return named


def write_summary(summary: dict[str, Any], stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    console = Console(file=out, width=100 if not out.isatty() else None)
    first, last = summary["date_range"]
    console.print(
        f"articles {summary['articles']}  events {summary['events']}  quotes {summary['quotes']}  "
        f"entities {summary['entities']}  time expressions {summary['timexes']}  "
        f"quarantined {summary['quarantined']}  not in English {summary['not_english']}\n"
        f"asserted events from {first or '-'} to {last or '-'}"
    )
    summary = _named(summary)
    for key, title in (
        ("by_root", "events by CAMEO root"),
        ("by_quad_class", "events by QuadClass"),
        ("by_mode", "events by mode"),
        ("top_dyads", "top dyads"),
        ("languages", "articles by language"),
    ):
        if summary[key]:
            write_rows(summary[key], fmt="table", title=title, stream=out)
