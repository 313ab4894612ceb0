"""Stream raw records from files, folders and stdin: JSON Lines, text, HTML and WARC files."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from newsevents.errors import InputFileError
from newsevents.stages.ingest.records import RawRecord
from newsevents.stages.ingest.warc import is_warc, iter_warc

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
HTML_SUFFIXES = (".html", ".htm")
BOM = "\ufeff"
REPLACEMENT = "\ufffd"
REPLACEMENT_BYTES = REPLACEMENT.encode("utf-8")


def decode_input(data: bytes, *, first: bool = True) -> tuple[str, int]:
    """UTF-8 text of input bytes and how many bytes were not UTF-8 (each became U+FFFD).

    A byte-order mark at the start of the input is dropped; files and stdin decode alike.
    """
    if first and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    text = data.decode("utf-8", errors="replace")
    return text, text.count(REPLACEMENT) - data.count(REPLACEMENT_BYTES)


def _iter_lines(handle: IO[Any], origin: str) -> Iterator[RawRecord]:
    # Blank lines too: each becomes an error line, so output line N answers input line N.
    for number, line in enumerate(handle, start=1):
        if isinstance(line, bytes):
            text, replaced = decode_input(line, first=number == 1)
        else:
            text, replaced = line.removeprefix(BOM) if number == 1 else line, 0
        yield RawRecord(origin, number, text.rstrip("\r\n"), replaced=replaced)


def _read(path: Path) -> tuple[str, int]:
    return decode_input(path.read_bytes())


def _iter_file(path: Path) -> Iterator[RawRecord]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text, replaced = _read(path)
        yield RawRecord(str(path), 1, text, True, replaced=replaced)
    elif suffix in HTML_SUFFIXES:
        html, replaced = _read(path)
        yield RawRecord(str(path), 1, html, kind="html", replaced=replaced)
    elif is_warc(path):
        yield from iter_warc(path)
    else:
        with path.open("rb") as handle:
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


def check_inputs(paths: Iterable[str | Path]) -> None:
    """Raise InputFileError for the first named file or folder that does not exist."""
    for given in paths:
        if str(given) != "-" and not Path(given).exists():
            raise InputFileError(
                f"no input file or folder {str(given)!r}",
                fix="check the path (`-` reads stdin)",
            )


def read_records(
    paths: Iterable[str | Path], *, stdin: IO[Any] | None = None
) -> Iterator[RawRecord]:
    """Stream raw records from files and folders; ``-`` (or no path) reads ``stdin``."""
    given = list(paths) or ["-"]
    for path in given:
        if str(path) == "-":
            # Bytes, decoded like a file: invalid UTF-8 is replaced and counted, never a crash.
            source = stdin or sys.stdin
            yield from _iter_lines(getattr(source, "buffer", source), "<stdin>")
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
