"""The JSON API: events, articles, actors, dyads, timeline, quotes, summary and optional SQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from newsevents.dictionaries.cameo import QUAD_CLASS_NAMES
from newsevents.storage.duckdb import ASSERTED, EventFilter
from newsevents.web import queries
from newsevents.web.errors import ApiError, NotFound
from newsevents.web.names import event_name
from newsevents.web.params import (
    FORMATS,
    INTERVALS,
    MAX_LIMIT,
    MODE_HELP,
    ORDERS,
    QUOTE_KINDS,
    SPLITS,
    Page,
    actor_code,
    choice,
    counting_filter,
    decode_cursor,
    encode_cursor,
    event_filter,
    free_text,
    integer,
    iso_date,
    limit,
    modes,
    record_key,
)

# SQL console bounds (issue 8: "read-only SQL queries against the store with a time limit").
SQL_TIMEOUT_SECONDS = 5.0
SQL_MAX_ROWS = 1000
# An answer over 8 MB is no longer something to read in a browser; it stalls the server instead
# (issue 12: one 259 MB answer held the server for 8 s).
SQL_MAX_BYTES = 8_000_000
SQL_MAX_LENGTH = 10_000

router = APIRouter(prefix="/api", tags=["api"])

Param = Annotated[str | None, Query()]
Filters = Annotated[EventFilter, Depends(event_filter)]
# Counts, charts and dyads: asserted events unless `mode` says otherwise (issue 14).
Counting = Annotated[EventFilter, Depends(counting_filter)]


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the read-only store for this request (closed when the response is sent)."""
    cursor = request.app.state.store.connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


Connection = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]


def csv_text(table: list[dict[str, Any]]) -> str:
    """Rows as CSV with a header; lists are joined with ``;``."""
    buffer = io.StringIO()
    if table:
        writer = csv.DictWriter(buffer, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        for row in table:
            writer.writerow(
                {
                    key: ";".join(map(str, value)) if isinstance(value, list) else value
                    for key, value in row.items()
                }
            )
    return buffer.getvalue()


def respond(
    request: Request,
    body: dict[str, Any],
    *,
    table: str,
    fmt: str | None,
    next_key: str | None = None,
) -> Response:
    """JSON, or the ``table`` part of it as CSV; the next page travels in a Link header too."""
    headers = {}
    if next_key is not None:
        headers["Link"] = f'<{request.url.include_query_params(cursor=next_key)}>; rel="next"'
    if choice("format", fmt, FORMATS, "json") == "csv":
        return Response(
            csv_text(body[table]), media_type="text/csv; charset=utf-8", headers=headers
        )
    return JSONResponse(body, headers=headers)


def _next_url(request: Request, next_key: str | None) -> str | None:
    return str(request.url.include_query_params(cursor=next_key)) if next_key else None


@router.get("/events", summary="Events, filtered, sorted and paginated")
def list_events(
    request: Request,
    connection: Connection,
    filters: Filters,
    sort: Annotated[
        str | None, Query(description=f"One of {', '.join(queries.EVENT_SORTS)}.")
    ] = None,
    order: Annotated[str | None, Query(description="asc or desc.")] = None,
    limit_: Annotated[
        str | None, Query(alias="limit", description=f"1-{MAX_LIMIT}, default 50.")
    ] = None,
    cursor: Annotated[str | None, Query(description="`next` of the previous page.")] = None,
    format: Annotated[str | None, Query(description="json or csv.")] = None,
) -> Response:
    chosen_sort = choice("sort", sort, tuple(queries.EVENT_SORTS), "date")
    chosen_order = choice("order", order, ORDERS, "asc")
    key = decode_cursor(cursor, sort=chosen_sort, order=chosen_order, width=3)
    page = Page(limit=limit(limit_), sort=chosen_sort, order=chosen_order, key=key)
    events, last, total = queries.events_page(connection, filters, page)
    next_key = encode_cursor(chosen_sort, chosen_order, last) if last else None
    body = {
        "events": events,
        "count": len(events),
        "total": total,
        "next": next_key,
        "next_url": _next_url(request, next_key),
    }
    return respond(request, body, table="events", fmt=format, next_key=next_key)


@router.get("/events/{event_id}", summary="One event with its evidence, rule and sources")
def get_event(event_id: str, connection: Connection) -> dict[str, Any]:
    event = queries.event_detail(connection, record_key("event_id", event_id) or "")
    if event is None:
        raise NotFound(f"event {event_id!r}", "take an id from /api/events")
    event["name"] = event_name(event["code"])
    event["quad_class_name"] = QUAD_CLASS_NAMES.get(event["quad_class"])
    return event


@router.get("/articles/{article_id:path}", summary="An article's text with all its spans")
def get_article(article_id: str, connection: Connection) -> dict[str, Any]:
    article = queries.article_detail(connection, record_key("article_id", article_id) or "")
    if article is None:
        raise NotFound(f"article {article_id!r}", "take an article_id from /api/events")
    for event in article["events"]:
        event["name"] = event_name(event["code"])
    return article


ACTOR_KINDS = ("events", "mentions", "unknown")


@router.get("/actors", summary="Top actors (in events, by mentions) and unknown actors")
def list_actors(
    request: Request,
    connection: Connection,
    filters: Counting,
    kind: Annotated[
        str | None, Query(description="events, mentions or unknown; all if absent.")
    ] = None,
    limit_: Annotated[str | None, Query(alias="limit")] = None,
    format: Param = None,
) -> Response:
    size = limit(limit_)
    kinds = ACTOR_KINDS if kind is None else (choice("kind", kind, ACTOR_KINDS, "events"),)
    if len(kinds) > 1 and choice("format", format, FORMATS, "json") == "csv":
        raise ApiError(400, "CSV holds one table: add kind=events, kind=mentions or kind=unknown")
    store = queries.reader(request.app.state.store, connection)
    body: dict[str, Any] = {}
    for name in kinds:
        if name == "events":
            body[name] = queries.event_actors(connection, filters, limit=size)
        elif name == "mentions":
            body[name] = store.top_actors(limit=size)
        else:
            body[name] = store.unknown_actors(limit=size)
    return respond(request, body, table=kinds[0], fmt=format)


@router.get("/dyads", summary="Source-target pairs with cooperation, conflict and mean Goldstein")
def list_dyads(
    request: Request,
    connection: Connection,
    filters: Counting,
    limit_: Annotated[str | None, Query(alias="limit")] = None,
    format: Param = None,
) -> Response:
    body = {"dyads": queries.dyads(connection, filters, limit=limit(limit_))}
    return respond(request, body, table="dyads", fmt=format)


NETWORK_ACTORS = 25  # nodes drawn by default: labels stay legible (issue 14)
NETWORK_EDGES = 80  # the busiest dyads among them; more is unreadable


@router.get("/network", summary="The busiest actors and dyads among them, and what was left out")
def get_network(
    connection: Connection,
    filters: Counting,
    actors: Annotated[
        str | None, Query(description=f"Nodes, 2-200, default {NETWORK_ACTORS}.")
    ] = None,
    edges: Annotated[
        str | None, Query(description=f"Edges, 1-1000, default {NETWORK_EDGES}.")
    ] = None,
) -> dict[str, Any]:
    nodes = integer("actors", actors, low=2, high=200) or NETWORK_ACTORS
    drawn = integer("edges", edges, low=1, high=MAX_LIMIT) or NETWORK_EDGES
    return queries.network(connection, filters, actors=nodes, edges=drawn)


@router.get("/places", summary="Located events with their coordinates, for the map")
def list_places(
    request: Request,
    connection: Connection,
    filters: Counting,
    limit_: Annotated[
        str | None, Query(alias="limit", description=f"1-{MAX_LIMIT}, default {MAX_LIMIT}.")
    ] = None,
    format: Param = None,
) -> Response:
    chosen = integer("limit", limit_, low=1, high=MAX_LIMIT) or MAX_LIMIT
    found, total = queries.places(connection, filters, limit=chosen)
    body = {"places": found, "count": len(found), "total": total}
    return respond(request, body, table="places", fmt=format)


@router.get("/timeline", summary="Counts and mean Goldstein per day, week or month")
def get_timeline(
    request: Request,
    connection: Connection,
    filters: Counting,
    interval: Annotated[
        str | None, Query(description="day, week, month (default) or year.")
    ] = None,
    split: Annotated[str | None, Query(description="quad_class (default), root or none.")] = None,
    format: Param = None,
) -> Response:
    body = queries.timeline(
        connection,
        filters,
        interval=choice("interval", interval, INTERVALS, "month"),
        split=choice("split", split, SPLITS, "quad_class"),
    )
    return respond(request, body, table="buckets", fmt=format)


@router.get("/quotes", summary="Quotes with their speakers")
def list_quotes(
    request: Request,
    connection: Connection,
    speaker: Annotated[str | None, Query(description="Speaker actor code prefix.")] = None,
    kind: Annotated[str | None, Query(description="direct or indirect.")] = None,
    article_id: Param = None,
    q: Annotated[str | None, Query(description="Text in the quote.")] = None,
    since: Annotated[str | None, Query(description="First article date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last article date, YYYY-MM-DD.")] = None,
    limit_: Annotated[str | None, Query(alias="limit")] = None,
    cursor: Param = None,
    format: Param = None,
) -> Response:
    quote_filter = {
        "speaker": actor_code("speaker", speaker),
        "kind": choice("kind", kind, QUOTE_KINDS, "") or None,
        "article_id": record_key("article_id", article_id),
        "q": free_text("q", q),
        "since": iso_date("since", since),
        "until": iso_date("until", until),
    }
    key = decode_cursor(cursor, sort="quotes", order="asc", width=2)
    page = Page(limit=limit(limit_), sort="quotes", order="asc", key=key)
    quotes, last = queries.quotes_page(connection, quote_filter, page)
    next_key = encode_cursor("quotes", "asc", last) if last else None
    body = {
        "quotes": quotes,
        "count": len(quotes),
        "next": next_key,
        "next_url": _next_url(request, next_key),
    }
    return respond(request, body, table="quotes", fmt=format, next_key=next_key)


@router.get("/summary", summary="Counts, date range, events by root, QuadClass and mode, top dyads")
def get_summary(
    request: Request,
    connection: Connection,
    mode: Annotated[
        str | None, Query(description=f"Events counted: {MODE_HELP}; default asserted.")
    ] = None,
) -> dict[str, Any]:
    counted = modes(mode, default=ASSERTED)
    summary = queries.reader(request.app.state.store, connection).summary(modes=counted)
    summary["quad_class_names"] = {str(k): v for k, v in QUAD_CLASS_NAMES.items()}
    return summary


@router.get("/sql", summary="Read-only SQL (needs --allow-sql)")
@router.post("/sql", summary="Read-only SQL (needs --allow-sql)", operation_id="run_sql_post")
def run_sql(
    request: Request,
    connection: Connection,
    sql: Annotated[str | None, Query(description="One SELECT statement.")] = None,
    format: Param = None,
) -> Response:
    if not request.app.state.allow_sql:
        raise ApiError(403, "SQL queries are off; restart with `newsevents serve --allow-sql`")
    if not sql or not sql.strip():
        raise ApiError(400, "parameter 'sql': give one SELECT statement, e.g. sql=SELECT 1")
    if len(sql) > SQL_MAX_LENGTH:
        raise ApiError(400, f"parameter 'sql': at most {SQL_MAX_LENGTH} characters")
    result = queries.run_sql(
        connection,
        sql,
        timeout=SQL_TIMEOUT_SECONDS,
        max_rows=SQL_MAX_ROWS,
        max_bytes=SQL_MAX_BYTES,
    )
    if choice("format", format, FORMATS, "json") == "csv":
        table = [dict(zip(result["columns"], row, strict=True)) for row in result["rows"]]
        return Response(csv_text(table), media_type="text/csv; charset=utf-8")
    return JSONResponse(result)
