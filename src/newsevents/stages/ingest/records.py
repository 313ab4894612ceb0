"""Validate raw input records (JSON, plain text, HTML pages) into Articles.

A record that cannot become an Article becomes a ``Problem`` with a code, a message saying how to
fix it, and the raw input, so the run can quarantine it and go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

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
from newsevents.stages.ingest.html import html_to_mapping

OPTIONAL_FIELDS = ("title", "source", "url", "language")
# Names crawlers and news datasets give the publication date, tried in this order when "date" is
# absent (VOA and news-please write "published"/"date_publish", schema.org "datePublished").
DATE_ALIASES = ("date", "published", "date_publish", "datePublished", "publish_date")
RecordKind = Literal["json", "html"]
# Years outside this range are almost always typos or epoch artefacts in news metadata.
MIN_YEAR, MAX_YEAR = 1800, 2100


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input record before validation: where it came from and its raw content."""

    origin: str  # file path or "<stdin>"
    line: int  # 1-based line number (1 for a whole text file)
    raw: str
    is_text_file: bool = False
    kind: RecordKind = "json"  # "html": ``raw`` is a web page, its main text is extracted
    url: str | None = None  # where an HTML page was fetched from (WARC target, fetch)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that failed validation, with everything needed to quarantine it."""

    record: RawRecord
    problem: Problem
    id: str


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
    """Validate one decoded record into an Article; an ``InputError`` says how to fix it."""
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
    raw_date = next((data[name] for name in DATE_ALIASES if data.get(name) not in (None, "")), None)
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
    if record.kind == "html":
        return html_to_mapping(record.raw, url=record.url)
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
    if record.is_text_file or record.kind == "html":
        return content_hash(record.raw)
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
