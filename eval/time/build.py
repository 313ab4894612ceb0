"""Build eval/time/dev.jsonl and test.jsonl from the marked-up articles in dev.txt and test.txt.

Run ``python eval/time/build.py`` from the repository root after editing either file; test.txt
is the held-out set (written after the rules were settled, never used to change them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_TAG = re.compile(r"\[\[([^|\]]+)\|(DATE|TIME|DURATION|SET)\|([^|\]]+)(?:\|([A-Z_]+))?\]\]")
_HEADER = re.compile(r"=== (?P<id>\S+) \| (?P<date>\d{4}-\d{2}-\d{2}) \| (?P<title>.+)")


def article(header: re.Match[str], body: str) -> dict[str, Any]:
    """Strip the markup from ``body``, keeping each expression's offsets into the plain text."""
    text: list[str] = []
    timexes: list[dict[str, object]] = []
    position = 0
    length = 0
    for match in _TAG.finditer(body):
        text.append(body[position : match.start()])
        length += match.start() - position
        words, kind, value, mod = match.groups()
        timex: dict[str, object] = {"start": length, "end": length + len(words), "text": words}
        timex.update({"type": kind, "value": value})
        if mod:
            timex["mod"] = mod
        timexes.append(timex)
        text.append(words)
        length += len(words)
        position = match.end()
    text.append(body[position:])
    return {
        "id": header["id"],
        "date": header["date"],
        "title": header["title"],
        "text": "".join(text).rstrip("\n"),
        "timexes": timexes,
    }


def build(source: Path = HERE / "dev.txt") -> list[dict[str, Any]]:
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    records: list[dict[str, Any]] = []
    header: re.Match[str] | None = None
    body: list[str] = []
    for line in [*lines, "=== end | 0000-00-00 | end"]:
        found = _HEADER.fullmatch(line)
        if found is None:
            body.append(line)
            continue
        if header is not None:
            records.append(article(header, "\n".join(body)))
        header, body = found, []
    return records


def write(name: str) -> None:
    """Build ``<name>.jsonl`` from ``<name>.txt`` and print its size."""
    records = build(HERE / f"{name}.txt")
    with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    count = sum(len(record["timexes"]) for record in records)
    print(f"{name}: {len(records)} articles, {count} expressions")


if __name__ == "__main__":
    for name in ("dev", "test"):
        write(name)
