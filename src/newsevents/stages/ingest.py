"""Read input records (JSON Lines, text files, folders, stdin) and validate them into Articles.

A record that cannot become an Article becomes a ``Problem`` with a code, a message saying how to
fix it, and the raw input, so the run can quarantine it and go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from newsevents.errors import (
    EmptyTextError,
    InputError,
    InvalidDateError,
    InvalidFieldError,
    InvalidJSONError,
    InvalidTextError,
    MissingTextError,
)
from newsevents.ids import content_hash
from newsevents.model import Article, Problem

OPTIONAL_FIELDS = ("title", "source", "url", "language")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
# Years outside this range are almost always typos or epoch artefacts in news metadata.
MIN_YEAR, MAX_YEAR = 1800, 2100


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input record before validation: where it came from and its raw content."""

    origin: str  # file path or "<stdin>"
    line: int  # 1-based line number (1 for a whole text file)
    raw: str
    is_text_file: bool = False


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that failed validation, with everything needed to quarantine it."""

    record: RawRecord
    problem: Problem
    id: str


def _iter_lines(handle: TextIO, origin: str) -> Iterator[RawRecord]:
    for number, line in enumerate(handle, start=1):
        if line.strip():
            yield RawRecord(origin, number, line.rstrip("\r\n"))


def _iter_file(path: Path) -> Iterator[RawRecord]:
    if path.suffix.lower() in TEXT_SUFFIXES:
        yield RawRecord(str(path), 1, path.read_text(encoding="utf-8", errors="replace"), True)
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from _iter_lines(handle, str(path))


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into their JSONL and text files, sorted for a deterministic order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            suffixes = TEXT_SUFFIXES + JSONL_SUFFIXES
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes)
        else:
            yield path


def read_records(paths: Iterable[str | Path], *, stdin: TextIO | None = None) -> Iterator[RawRecord]:
    """Stream raw records from files and folders; ``-`` (or no path) reads ``stdin``."""
    given = list(paths) or ["-"]
    for path in given:
        if str(path) == "-":
            yield from _iter_lines(stdin or sys.stdin, "<stdin>")
        else:
            for file in iter_input_files([path]):
                yield from _iter_file(file)


def parse_date(value: Any) -> str:
    """Normalize a publication date (``YYYY-MM-DD`` or ISO 8601 datetime) to ``YYYY-MM-DD``."""
    if not isinstance(value, str):
        raise InvalidDateError(
            f"date must be a string, got {type(value).__name__}",
            fix='give the date as "YYYY-MM-DD" or an ISO 8601 datetime, or leave it out',
        )
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            parsed = date.fromisoformat(text[:10])
        except ValueError as error:
            raise InvalidDateError(
                f"date {value!r} is not an ISO 8601 date",
                fix='give the date as "YYYY-MM-DD" (e.g. "2018-07-12") or leave it out',
            ) from error
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise InvalidDateError(
            f"date {value!r} is outside {MIN_YEAR}-{MAX_YEAR}",
            fix="check the year of the publication date",
        )
    return parsed.isoformat()


def _optional_string(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None or isinstance(value, str):
        return value
    raise InvalidFieldError(
        f"field {name!r} must be a string, got {type(value).__name__}",
        fix=f'give "{name}" as a string or leave it out',
    )


def article_from_mapping(data: dict[str, Any]) -> Article:
    """Validate one decoded record into an Article; raises an ``InputError`` saying how to fix it."""
    if "text" not in data:
        raise MissingTextError(
            'the record has no "text" field',
            fix='add the article body as "text": "..."',
        )
    text = data["text"]
    if not isinstance(text, str):
        raise InvalidTextError(
            f'"text" must be a string, got {type(text).__name__}',
            fix='give the article body as a JSON string in "text"',
        )
    if not text.strip():
        raise EmptyTextError('"text" is empty', fix="remove the record or give it a body")
    identifier = data.get("id")
    if isinstance(identifier, int | float) and not isinstance(identifier, bool):
        identifier = str(identifier)
    if identifier is not None and not isinstance(identifier, str):
        raise InvalidFieldError(
            f'"id" must be a string, got {type(identifier).__name__}',
            fix='give "id" as a string, or leave it out to use the content hash',
        )
    raw_date = data.get("date")
    return Article(
        id=identifier or content_hash(text),
        text=text,
        date=None if raw_date in (None, "") else parse_date(raw_date),
        title=_optional_string(data, "title"),
        source=_optional_string(data, "source"),
        url=_optional_string(data, "url"),
        language=_optional_string(data, "language"),
    )


def _decode(record: RawRecord) -> dict[str, Any]:
    if record.is_text_file:
        return {"id": None, "text": record.raw, "source": Path(record.origin).name}
    try:
        data = json.loads(record.raw)
    except json.JSONDecodeError as error:
        raise InvalidJSONError(
            f"not valid JSON ({error.msg} at column {error.colno})",
            fix="write one JSON object per line (JSON Lines)",
        ) from error
    if not isinstance(data, dict):
        raise InvalidJSONError(
            f"expected a JSON object, got {type(data).__name__}",
            fix='write each line as an object like {"id": "...", "text": "..."}',
        )
    return data


def _fallback_id(record: RawRecord) -> str:
    try:
        data = json.loads(record.raw)
    except json.JSONDecodeError:
        return content_hash(record.raw)
    identifier = data.get("id") if isinstance(data, dict) else None
    return str(identifier) if isinstance(identifier, str | int) else content_hash(record.raw)


def validate_record(record: RawRecord) -> Article | Rejected:
    """Turn a raw record into an Article, or a Rejected saying what is wrong and how to fix it."""
    try:
        return article_from_mapping(_decode(record))
    except InputError as error:
        identifier = _fallback_id(record)
        problem = Problem(
            article_id=identifier,
            stage="ingest",
            code=error.code,
            message=f"{record.origin}:{record.line}: {error.describe()}",
            line=record.line,
        )
        return Rejected(record, problem, identifier)
