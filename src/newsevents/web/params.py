"""Query parameters of the API and the pages: parsed, validated, and turned into filters.

Every parameter arrives as text and is checked here, so a bad value is a 400 that says how to fix
it (never a 500, never a value formatted into SQL).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Query

from newsevents.model import MODES
from newsevents.storage.duckdb import ASSERTED, EventFilter, parse_modes
from newsevents.web.errors import BadParameter

# Page sizes: big enough for a CSV export page, small enough to answer in milliseconds (issue 8).
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_TEXT = 200  # longest free-text search, in characters

_ACTOR = re.compile(r"[A-Za-z0-9]{1,40}")
_CODE = re.compile(r"\d{2,4}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Ids are whatever the user gave (URLs, paths, spaces included); only control characters and
# lengths no input has are refused. They are always bound as SQL parameters, never formatted.
_ID = re.compile(r"[^\x00-\x1f\x7f]{1,2000}")
FORMATS = ("json", "csv")
INTERVALS = ("day", "week", "month", "year")
SPLITS = ("quad_class", "root", "none")
ORDERS = ("asc", "desc")
QUOTE_KINDS = ("direct", "indirect")


def _blank(value: str | None) -> str | None:
    """HTML forms send empty fields; treat them as absent."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def actor_code(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not _ACTOR.fullmatch(value):
        raise BadParameter(name, "give a CAMEO actor code or prefix such as USA or USAGOV")
    return value.upper()


def event_code(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and not _CODE.fullmatch(value):
        raise BadParameter(name, "give a CAMEO event code or prefix of 2-4 digits, e.g. 04 or 042")
    return value


def root_code(value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and not (value.isdigit() and len(value) == 2 and 1 <= int(value) <= 20):
        raise BadParameter("root", "give a CAMEO root code from 01 to 20")
    return value


def integer(name: str, value: str | None, *, low: int, high: int) -> int | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(name, f"give a whole number from {low} to {high}") from None
    if not low <= number <= high:
        raise BadParameter(name, f"{number} is out of range; give {low} to {high}")
    return number


def choice(name: str, value: str | None, options: tuple[str, ...], default: str) -> str:
    value = _blank(value)
    if value is None:
        return default
    if value not in options:
        raise BadParameter(name, f"{value!r} is not one of {', '.join(options)}")
    return value


def iso_date(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a date; write YYYY-MM-DD") from None


def free_text(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and len(value) > MAX_TEXT:
        raise BadParameter(name, f"at most {MAX_TEXT} characters")
    return value


def record_key(name: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and not _ID.fullmatch(value):
        raise BadParameter(name, "ids have no control characters (at most 2,000 characters)")
    return value


def limit(value: str | None) -> int:
    number = integer("limit", value, low=1, high=MAX_LIMIT)
    return DEFAULT_LIMIT if number is None else number


def modes(value: str | None, *, default: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """``mode``: ``all`` or a comma-separated list of modes; ``default`` when absent."""
    try:
        return parse_modes(_blank(value), default=default)
    except ValueError as error:
        raise BadParameter("mode", str(error)) from None


MODE_HELP = f"all, or one or more of {', '.join(MODES)}, comma-separated"


class FilterParams:
    """The event filters of every event endpoint and page (a FastAPI dependency).

    Lists show every mode unless told; counts, charts, dyads and networks count ``default_modes``
    (asserted events) unless told (issue 14: one rule, everywhere).
    """

    def __init__(self, *, default_modes: tuple[str, ...] | None) -> None:
        self.default_modes = default_modes

    def __call__(
        self,
        source: Annotated[
            str | None, Query(description="Source actor code prefix (USA matches USAGOV).")
        ] = None,
        target: Annotated[str | None, Query(description="Target actor code prefix.")] = None,
        actor: Annotated[str | None, Query(description="Either side's actor code prefix.")] = None,
        code: Annotated[
            str | None, Query(description="CAMEO code prefix (04 matches 040-046).")
        ] = None,
        root: Annotated[str | None, Query(description="CAMEO root code, 01-20.")] = None,
        quad_class: Annotated[str | None, Query(description="QuadClass 1-4.")] = None,
        mode: Annotated[str | None, Query(description=MODE_HELP)] = None,
        since: Annotated[str | None, Query(description="First event day, YYYY-MM-DD.")] = None,
        until: Annotated[str | None, Query(description="Last event day, YYYY-MM-DD.")] = None,
        q: Annotated[str | None, Query(description="Text in the evidence sentence.")] = None,
        article_id: Annotated[str | None, Query(description="Only events of this article.")] = None,
    ) -> EventFilter:
        first, last = iso_date("since", since), iso_date("until", until)
        if first and last and first > last:
            raise BadParameter("until", f"{last} is before since={first}; swap them")
        return EventFilter(
            source=actor_code("source", source),
            target=actor_code("target", target),
            actor=actor_code("actor", actor),
            code=event_code("code", code),
            root=root_code(root),
            quad_class=integer("quad_class", quad_class, low=1, high=4),
            modes=modes(mode, default=self.default_modes),
            since=first,
            until=last,
            q=free_text("q", q),
            article_id=record_key("article_id", article_id),
        )


event_filter = FilterParams(default_modes=None)
counting_filter = FilterParams(default_modes=ASSERTED)


def mode_param(event_filter: EventFilter) -> str:
    """The ``mode`` parameter that asks for ``event_filter``'s modes."""
    return "all" if event_filter.modes is None else ",".join(event_filter.modes)


def filter_params(event_filter: EventFilter) -> dict[str, Any]:
    """The non-empty filters, to rebuild links (the JSON twin, the next page)."""
    names = ("source", "target", "actor", "code", "root", "quad_class", "since", "until")
    pairs = {name: getattr(event_filter, name) for name in (*names, "q", "article_id")}
    pairs["mode"] = mode_param(event_filter)
    return {name: value for name, value in pairs.items() if value not in (None, "")}


@dataclass(frozen=True, slots=True)
class Page:
    """Where a page of results starts: after the row ``key`` in ``sort`` ``order``."""

    limit: int
    sort: str
    order: str
    key: tuple[Any, ...] | None = None


def encode_cursor(sort: str, order: str, key: tuple[Any, ...]) -> str:
    raw = json.dumps([sort, order, *key], default=str, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(
    value: str | None, *, sort: str, order: str, width: int
) -> tuple[Any, ...] | None:
    """The key a cursor points after; it must come from the same sort and order."""
    value = _blank(value)
    if value is None:
        return None
    try:
        padded = value + "=" * (-len(value) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        raise BadParameter("cursor", "not a cursor; copy `next` from the previous page") from None
    if (
        not isinstance(decoded, list)
        or len(decoded) != width + 2
        or not all(isinstance(part, str | int | float) for part in decoded)
    ):
        raise BadParameter("cursor", "not a cursor; copy `next` from the previous page")
    if decoded[:2] != [sort, order]:
        raise BadParameter("cursor", "it belongs to another sort or order; drop it to start over")
    return tuple(decoded[2:])
