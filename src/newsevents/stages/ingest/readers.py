"""Stream raw records from files, folders and stdin: JSON Lines, text, HTML and WARC files."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from newsevents.stages.ingest.records import RawRecord
from newsevents.stages.ingest.warc import is_warc, iter_warc

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
HTML_SUFFIXES = (".html", ".htm")


def _iter_lines(handle: TextIO, origin: str) -> Iterator[RawRecord]:
    # Blank lines too: each becomes an error line, so output line N answers input line N.
    for number, line in enumerate(handle, start=1):
        yield RawRecord(origin, number, line.rstrip("\r\n"))


def _iter_file(path: Path) -> Iterator[RawRecord]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield RawRecord(str(path), 1, path.read_text(encoding="utf-8", errors="replace"), True)
    elif suffix in HTML_SUFFIXES:
        html = path.read_text(encoding="utf-8", errors="replace")
        yield RawRecord(str(path), 1, html, kind="html")
    elif is_warc(path):
        yield from iter_warc(path)
    else:
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from _iter_lines(handle, str(path))


def is_input_file(path: Path) -> bool:
    """Whether a file found in a folder is one newsevents reads."""
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES or is_warc(path)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into the files newsevents reads, sorted for a deterministic order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_input_file(p))
        else:
            yield path


def read_records(
    paths: Iterable[str | Path], *, stdin: TextIO | None = None
) -> Iterator[RawRecord]:
    """Stream raw records from files and folders; ``-`` (or no path) reads ``stdin``."""
    given = list(paths) or ["-"]
    for path in given:
        if str(path) == "-":
            yield from _iter_lines(stdin or sys.stdin, "<stdin>")
        else:
            for file in iter_input_files([path]):
                yield from _iter_file(file)


def count_records(paths: Iterable[str | Path]) -> int | None:
    """Count input records cheaply for a progress bar; None when unknown (stdin, WARC)."""
    total = 0
    for given in paths:
        if str(given) == "-":
            return None
        for path in iter_input_files([given]):
            if not path.is_file() or is_warc(path):
                return None
            suffix = path.suffix.lower()
            if suffix in TEXT_SUFFIXES + HTML_SUFFIXES:
                total += 1
                continue
            with path.open("rb") as handle:
                total += sum(1 for _ in handle)
    return total
