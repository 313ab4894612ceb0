"""Validate raw input records (JSON, plain text, HTML pages) into Articles.

A record that cannot become an Article becomes a ``Problem`` with a code, a message saying how to
fix it, and the raw input, so the run can quarantine it and go on.
"""

from __future__ import annotations

import json
import re
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
    TextTooLongError,
    UnreadableRecordError,
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
# spaCy's default ``Language.max_length`` (1,000,000 characters): the parser needs about 1 GB of
# memory per 100,000 characters beyond it (spaCy's error E088), so a longer text is rejected
# before it reaches a worker (issue 12; memory per character measured in docs/benchmarks.md).
MAX_TEXT_CHARS = 1_000_000
# A date, optionally followed by a time of day in any notation ("2018-07-12 10:00 UTC"); nothing
# else may follow the date, so "2018-07-12garbage!!" is rejected (issue 12).
_DATE_WITH_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?[^\n]{0,40})?")


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input record before validation: where it came from and its raw content."""

    origin: str  # file path or "<stdin>"
    line: int  # 1-based line number (1 for a whole text file)
    raw: str
    is_text_file: bool = False
    kind: RecordKind = "json"  # "html": ``raw`` is a web page, its main text is extracted
    url: str | None = None  # where an HTML page was fetched from (WARC target, fetch)
    replaced: int = 0  # bytes that were not UTF-8 and became U+FFFD when the input was read


def replaced_bytes_warning(record: RawRecord, article_id: str | None) -> Problem | None:
    """The coded warning of a record whose input had bytes that are not UTF-8 (W001)."""
    if not record.replaced:
        return None
    return Problem(
        article_id,
        "ingest",
        "W001",
        f"{record.origin}:{record.line}: {record.replaced} byte(s) that are not UTF-8 were "
        "replaced by U+FFFD; fix: write the input as UTF-8",
        "warning",
        line=record.line,
    )


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
        match = _DATE_WITH_TIME.fullmatch(text)
        try:
            if match is None:
                raise ValueError(text)
            parsed = date.fromisoformat(match.group(1))
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
    if value is None:
        return value
    if not isinstance(value, str):
        raise InvalidFieldError(
            f"field {name!r} must be a string, got {type(value).__name__}",
            fix=f'give "{name}" as a string or leave it out',
        )
    return _encodable(value, name, InvalidFieldError)


def _encodable(value: str, name: str, error: type[InputError]) -> str:
    """``value`` if it can be written as UTF-8; a lone surrogate ("\\ud800") cannot be stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as problem:
        raise error(
            f"field {name!r} holds a lone surrogate {value[problem.start]!r} at character "
            f"{problem.start}, which is not Unicode text",
            fix="fix the producer's escaping (a surrogate pair must be written in full)",
        ) from problem
    return value


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
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLongError(
            f'"text" has {len(text):,} characters, more than the parser\'s limit of '
            f"{MAX_TEXT_CHARS:,}",
            fix="split the text into articles (e.g. one per story) and give each its own id",
        )
    _encodable(text, "text", InvalidTextError)
    identifier = _identifier(data.get("id"))
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


def _identifier(identifier: Any) -> str | None:
    if isinstance(identifier, int | float) and not isinstance(identifier, bool):
        identifier = _number_text(identifier)
    if identifier is not None and not isinstance(identifier, str):
        raise InvalidFieldError(
            f'"id" must be a string, got {type(identifier).__name__}',
            fix='give "id" as a string, or leave it out to use the content hash',
        )
    return None if identifier is None else _encodable(identifier, "id", InvalidFieldError)


def _number_text(number: float) -> str:
    try:
        return str(number)
    except ValueError as error:  # int -> str stops at 4,300 digits (CVE-2020-10735)
        raise InvalidFieldError(
            f'"id" is a number too long to convert ({error})',
            fix='give "id" as a string',
        ) from error


def _decode(record: RawRecord) -> dict[str, Any]:
    if record.is_text_file:
        return {"id": None, "text": record.raw, "source": Path(record.origin).name}
    if record.kind == "html":
        return html_to_mapping(record.raw, url=record.url)
    if not record.raw.strip():
        raise EmptyTextError(
            "the line is blank", fix="remove blank lines, or give each line a JSON record"
        )
    try:
        data = json.loads(record.raw)
    except json.JSONDecodeError as error:
        raise InvalidJSONError(
            f"not valid JSON ({error.msg} at column {error.colno})",
            fix="write one JSON object per line (JSON Lines)",
        ) from error
    except (RecursionError, ValueError) as error:
        # Nesting deeper than the interpreter's recursion limit, or an integer over 4,300 digits.
        raise InvalidJSONError(
            f"JSON this reader cannot hold ({type(error).__name__}: {str(error)[:120]})",
            fix="flatten deeply nested values and write very long numbers as strings",
        ) from error
    if not isinstance(data, dict):
        raise InvalidJSONError(
            f"expected a JSON object, got {type(data).__name__}",
            fix='write each line as an object like {"id": "...", "text": "..."}',
        )
    return data


def _fallback_id(record: RawRecord) -> str:
    """The id of a rejected record: its own id when it has a usable one, else its hash."""
    raw_hash = content_hash(record.raw.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    if record.is_text_file or record.kind == "html":
        return raw_hash
    try:
        return _identifier(json.loads(record.raw).get("id")) or raw_hash
    except Exception:  # any reason the id is unusable (bad JSON, a list, a surrogate, too long)
        return raw_hash


def validate_record(record: RawRecord) -> Article | Rejected:
    """Turn a raw record into an Article, or a Rejected saying what is wrong and how to fix it."""
    try:
        return article_from_mapping(_decode(record))
    except InputError as error:
        return _rejected(record, error)
    except Exception as error:  # the error policy: whatever breaks one record, the run goes on
        return _rejected(record, _unreadable(error))


def _unreadable(error: Exception) -> UnreadableRecordError:
    unreadable = UnreadableRecordError(
        f"the record could not be read ({type(error).__name__}: {str(error)[:200]!r})",
        fix="check the record against docs/annotate.md; please report it with the record",
    )
    unreadable.__cause__ = error
    return unreadable


def _rejected(record: RawRecord, error: InputError) -> Rejected:
    identifier = _fallback_id(record)
    problem = Problem(
        article_id=identifier,
        stage="ingest",
        code=error.code,
        message=f"{record.origin}:{record.line}: {error.describe()}",
        line=record.line,
    )
    return Rejected(record, problem, identifier)
