"""Read-only, parameterized queries behind the API and the pages (values are never formatted in)."""

from __future__ import annotations

import copy
import json
import threading
import time
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.storage.duckdb import DuckDBStore, EventFilter
from newsevents.web.errors import ApiError, BadParameter
from newsevents.web.params import Page

Row = dict[str, Any]

# Sort keys of the event list: an expression without NULLs (so keyset pagination can compare it)
# and the SQL type a cursor value is cast back to.
EVENT_SORTS: dict[str, tuple[str, str]] = {
    "date": ("COALESCE(day, DATE '9999-12-31')", "DATE"),
    "goldstein": ("COALESCE(goldstein, 0.0)", "DOUBLE"),
    "code": ("code", "VARCHAR"),
    "source": ("COALESCE(source, '')", "VARCHAR"),
    "target": ("COALESCE(target, '')", "VARCHAR"),
    "quad_class": ("COALESCE(quad_class, 0)", "BIGINT"),
    "mode": ("mode", "VARCHAR"),
}
EVENT_LIST_COLUMNS = (
    "id, article_id, idx, day, date, date_precision, source, target, code, root, quad_class, "
    'goldstein, plover, mode, rule, source_text, target_text, sentence, start, "end", '
    "trigger_start, trigger_end, location_name, location_country, sentence_text"
)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json_value(value: Any) -> Any:
    """A value JSON can hold: dates in ISO, decimals, UUIDs, intervals and blobs as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    return _plain(value) if isinstance(value, date | datetime) else str(value)


def rows(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    """Run one parameterized query; dates come back as ISO strings (ready for JSON and CSV)."""
    cursor = connection.execute(sql, params)
    names = [column[0] for column in cursor.description or []]
    return [
        {name: _plain(value) for name, value in zip(names, row, strict=True)}
        for row in cursor.fetchall()
    ]


def reader(store: DuckDBStore, connection: duckdb.DuckDBPyConnection) -> DuckDBStore:
    """The store's own queries over this request's cursor.

    A DuckDB connection must not be shared between threads, and FastAPI answers requests on a
    thread pool; a cursor is a per-request duplicate of the same read-only database.
    """
    view = copy.copy(store)
    view.connection = connection
    return view


def _where(event_filter: EventFilter, *extra: str) -> tuple[str, list[Any]]:
    where, params = event_filter.where()
    if extra:
        joined = " AND ".join(extra)
        where = f"{where} AND {joined}" if where else f" WHERE {joined}"
    return where, params


def events_page(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, page: Page
) -> tuple[list[Row], tuple[Any, ...] | None, int]:
    """One page of events, the key to continue after (None on the last page), and the total."""
    expression, cast = EVENT_SORTS[page.sort]
    where, params = event_filter.where()
    total = rows(connection, f"SELECT count(*) AS n FROM events{where}", list(params))[0]["n"]
    direction, compare = ("DESC", "<") if page.order == "desc" else ("ASC", ">")
    if page.key is not None:
        keyset = f"({expression}, article_id, idx) {compare} (CAST(? AS {cast}), ?, ?)"
        where, params = _where(event_filter, keyset)
        params += list(page.key)
    sql = (
        f"SELECT {EVENT_LIST_COLUMNS}, {expression} AS _key FROM events{where} "
        f"ORDER BY _key {direction}, article_id {direction}, idx {direction} LIMIT ?"
    )
    try:
        found = rows(connection, sql, [*params, page.limit + 1])
    except duckdb.Error:  # the cursor's values are the only input not checked before (issue 12)
        raise BadParameter("cursor", "it does not fit this sort; drop it to start over") from None
    more = len(found) > page.limit
    found = found[: page.limit]
    keys = [(row.pop("_key"), row["article_id"], row["idx"]) for row in found]
    return found, (keys[-1] if more else None), total


def event_detail(connection: duckdb.DuckDBPyConnection, event_id: str) -> Row | None:
    """One event with its evidence sentences, quote, article and other articles reporting it."""
    found = rows(
        connection, "SELECT * FROM events WHERE id = ? ORDER BY article_id, idx", [event_id]
    )
    if not found:
        return None
    event = found[0]
    article_id = event["article_id"]
    indexes = sorted({event["sentence"], *(event.get("evidence") or [])})
    event["evidence_sentences"] = rows(
        connection,
        'SELECT idx, start, "end", text FROM sentences WHERE article_id = ? '
        "AND idx IN (SELECT unnest(?)) ORDER BY idx",
        [article_id, indexes],
    )
    event["article"] = _article_head(connection, article_id)
    event["quote_record"] = None
    if event.get("quote") is not None:
        quotes = rows(
            connection,
            "SELECT * FROM quotes WHERE article_id = ? AND idx = ?",
            [article_id, event["quote"]],
        )
        event["quote_record"] = quotes[0] if quotes else None
    event["also_reported_by"] = _corroborating(connection, event)
    return event


def _article_head(connection: duckdb.DuckDBPyConnection, article_id: str) -> Row | None:
    found = rows(
        connection, "SELECT id, title, date, source, url FROM articles WHERE id = ?", [article_id]
    )
    return found[0] if found else None


def _corroborating(connection: duckdb.DuckDBPyConnection, event: Row) -> list[Row]:
    """Events of other articles with the same code, dyad and day: the event's other sources."""
    return rows(
        connection,
        "SELECT e.id, e.article_id, a.title, a.source, a.url, a.date FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.code = ? "
        "AND e.source IS NOT DISTINCT FROM ? AND e.target IS NOT DISTINCT FROM ? "
        "AND e.day IS NOT DISTINCT FROM CAST(? AS DATE) AND e.article_id <> ? "
        "ORDER BY a.date, e.article_id LIMIT 20",
        [event["code"], event["source"], event["target"], event["day"], event["article_id"]],
    )


ARTICLE_PARTS: dict[str, str] = {
    "sentences": 'SELECT idx, start, "end", text FROM sentences',
    "entities": (
        'SELECT idx, start, "end", text, label, actor, sentence, rule, wikidata FROM entities'
    ),
    "timexes": 'SELECT idx, start, "end", text, type, value, sentence, rule FROM timexes',
    "quotes": (
        'SELECT idx, id, start, "end", text, kind, speaker, speaker_start, speaker_end, '
        "speaker_actor, sentence, verb, event FROM quotes"
    ),
    "events": (
        'SELECT idx, id, start, "end", trigger_start, trigger_end, source, target, code, root, '
        "quad_class, goldstein, plover, mode, rule, sentence, source_text, target_text, date, "
        "date_precision, date_text, location_name, quote FROM events"
    ),
    "references": 'SELECT idx, start, "end", text, kind, ref_id FROM refs',
}


def article_detail(connection: duckdb.DuckDBPyConnection, article_id: str) -> Row | None:
    """An article's text with every span stored for it (offsets into that text)."""
    found = rows(connection, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    article = found[0]
    for name, select in ARTICLE_PARTS.items():
        article[name] = rows(
            connection, f"{select} WHERE article_id = ? ORDER BY idx", [article_id]
        )
    return article


def event_actors(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, *, limit: int
) -> list[Row]:
    """Actors by the events they take part in, as source or target, with mean Goldstein."""
    where, params = event_filter.where()
    sql = (
        "WITH picked AS (SELECT source, target, goldstein FROM events" + where + "), sides AS ("
        "SELECT source AS actor, goldstein, 1 AS as_source, 0 AS as_target FROM picked "
        "WHERE source IS NOT NULL UNION ALL "
        "SELECT target, goldstein, 0, 1 FROM picked WHERE target IS NOT NULL) "
        "SELECT actor, count(*) AS events, sum(as_source) AS as_source, "
        "sum(as_target) AS as_target, round(avg(goldstein), 2) AS goldstein "
        "FROM sides GROUP BY actor ORDER BY events DESC, actor LIMIT ?"
    )
    return rows(connection, sql, [*params, limit])


def dyads(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, *, limit: int
) -> list[Row]:
    """Directed source-target pairs with counts of cooperation and conflict and mean Goldstein."""
    where, params = _where(event_filter, "source IS NOT NULL", "target IS NOT NULL")
    sql = (
        "SELECT source, target, count(*) AS events, round(avg(goldstein), 2) AS goldstein, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        f"min(day) AS first_day, max(day) AS last_day FROM events{where} "
        "GROUP BY source, target ORDER BY events DESC, source, target LIMIT ?"
    )
    return rows(connection, sql, [*params, limit])


def network(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, *, actors: int, edges: int
) -> Row:
    """The ``actors`` busiest actors, the ``edges`` busiest dyads among them, and what was left out.

    A store of any size draws at most this many nodes and edges (issue 14: readable at any size);
    ``left_out`` says how many actors, dyads and events are not drawn.
    """
    where, params = _where(event_filter, "source IS NOT NULL", "target IS NOT NULL")
    picked = f"SELECT source, target, goldstein FROM events{where}"
    degrees = (
        f"SELECT actor, count(*) AS events FROM (SELECT source AS actor FROM ({picked}) "
        f"UNION ALL SELECT target FROM ({picked})) GROUP BY actor"
    )
    nodes = rows(
        connection,
        f"SELECT actor, events FROM ({degrees}) ORDER BY events DESC, actor LIMIT ?",
        [*params, *params, actors],
    )
    kept = [node["actor"] for node in nodes]
    pairs = (
        f"SELECT source, target, count(*) AS events, round(avg(goldstein), 2) AS goldstein "
        f"FROM ({picked}) GROUP BY source, target"
    )
    drawn = rows(
        connection,
        f"SELECT * FROM ({pairs}) WHERE source IN (SELECT unnest(?)) "
        "AND target IN (SELECT unnest(?)) ORDER BY events DESC, source, target LIMIT ?",
        [*params, kept, kept, edges],
    )
    totals = rows(
        connection,
        f"SELECT (SELECT count(*) FROM ({degrees})) AS actors, "
        f"(SELECT count(*) FROM ({pairs})) AS dyads, (SELECT count(*) FROM ({picked})) AS events",
        [*params, *params, *params, *params],
    )[0]
    return {
        "nodes": nodes,
        "edges": drawn,
        "left_out": {
            "actors": totals["actors"] - len(nodes),
            "dyads": totals["dyads"] - len(drawn),
            "events": totals["events"] - sum(edge["events"] for edge in drawn),
        },
    }


def places(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, *, limit: int
) -> tuple[list[Row], int]:
    """Located events (with coordinates), most recent first, and how many match in all."""
    where, params = _where(event_filter, "location_lat IS NOT NULL", "location_lon IS NOT NULL")
    total = rows(connection, f"SELECT count(*) AS n FROM events{where}", list(params))[0]["n"]
    found = rows(
        connection,
        "SELECT id, article_id, date, date_precision, source, target, code, quad_class, "
        "goldstein, mode, location_name, location_country, location_lat AS lat, "
        f"location_lon AS lon FROM events{where} "
        "ORDER BY day DESC NULLS LAST, article_id, idx LIMIT ?",
        [*params, limit],
    )
    return found, total


_SPLIT_COLUMNS = {"quad_class": "quad_class", "root": "root", "none": "NULL"}


def timeline(
    connection: duckdb.DuckDBPyConnection, event_filter: EventFilter, *, interval: str, split: str
) -> Row:
    """Counts and mean Goldstein per period (and per QuadClass or root); undated events counted."""
    key = _SPLIT_COLUMNS[split]
    where, params = _where(event_filter, "day IS NOT NULL")
    buckets = rows(
        connection,
        f"SELECT CAST(date_trunc(?, day) AS DATE) AS period, {key} AS key, count(*) AS events, "
        f"round(avg(goldstein), 2) AS goldstein FROM events{where} "
        "GROUP BY period, key ORDER BY period, key",
        [interval, *params],
    )
    where, params = _where(event_filter, "day IS NULL")
    undated = rows(connection, f"SELECT count(*) AS n FROM events{where}", params)[0]["n"]
    return {"interval": interval, "split": split, "buckets": buckets, "undated": undated}


def quotes_page(
    connection: duckdb.DuckDBPyConnection, quote_filter: dict[str, Any], page: Page
) -> tuple[list[Row], tuple[Any, ...] | None]:
    """One page of quotes (keyset on article and position) and the key to continue after."""
    clauses: list[str] = []
    params: list[Any] = []
    templates = {
        "speaker": "q.speaker_actor LIKE ? || '%'",
        "kind": "q.kind = ?",
        "article_id": "q.article_id = ?",
        "q": "q.text ILIKE '%' || ? || '%'",
        "since": "a.date >= CAST(? AS DATE)",
        "until": "a.date <= CAST(? AS DATE)",
    }
    for name, clause in templates.items():
        if quote_filter.get(name) is not None:
            clauses.append(clause)
            params.append(quote_filter[name])
    if page.key is not None:
        clauses.append("(q.article_id, q.idx) > (?, ?)")
        params += list(page.key)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    sql = (
        'SELECT q.id, q.article_id, q.idx, q.start, q."end", q.text, q.kind, q.speaker, '
        "q.speaker_actor, q.verb, q.sentence, a.title, a.date FROM quotes q "
        f"JOIN articles a ON a.id = q.article_id{where} ORDER BY q.article_id, q.idx LIMIT ?"
    )
    try:
        found = rows(connection, sql, [*params, page.limit + 1])
    except duckdb.Error:  # the cursor's values are the only input not checked before
        raise BadParameter("cursor", "not a quotes cursor; drop it to start over") from None
    more = len(found) > page.limit
    found = found[: page.limit]
    return found, ((found[-1]["article_id"], found[-1]["idx"]) if more and found else None)


ALLOWED_STATEMENTS = {duckdb.StatementType.SELECT}
SQL_BATCH_ROWS = 256  # rows per Arrow batch read while checking an answer's size


def run_sql(
    connection: duckdb.DuckDBPyConnection,
    sql: str,
    *,
    timeout: float,
    max_rows: int,
    max_bytes: int,
) -> Row:
    """One read-only SELECT: at most ``max_rows`` rows and ``max_bytes`` bytes of JSON, answered
    within ``timeout`` seconds from parse to serialized body, or an error (408, 413)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise BadParameter("sql", f"does not parse: {error}") from None
    if len(statements) != 1 or statements[0].type not in ALLOWED_STATEMENTS:
        raise BadParameter("sql", "give exactly one SELECT (or WITH ... SELECT) statement")
    started = time.perf_counter()
    timer = threading.Timer(timeout, connection.interrupt)
    timer.start()
    try:
        table = _bounded(connection.sql(sql).to_arrow_reader(SQL_BATCH_ROWS), max_rows, max_bytes)
    except duckdb.InterruptException:
        raise _too_slow(timeout) from None
    except (
        duckdb.Error,
        pa.ArrowException,
        OSError,
    ) as error:  # Arrow reports DuckDB errors as OSError
        if time.perf_counter() - started >= timeout:  # interrupted while Arrow read the answer
            raise _too_slow(timeout) from None
        raise BadParameter("sql", str(error).splitlines()[0]) from None
    finally:
        timer.cancel()
    shown = table.slice(0, max_rows)
    columns = [column.to_pylist() for column in shown.columns]
    result: Row = {
        "columns": table.column_names,
        "rows": [[_json_value(value) for value in row] for row in zip(*columns, strict=True)],
        "truncated": table.num_rows > max_rows,
    }
    # The answer's own size: Arrow's bytes bound it, but escapes can make JSON longer.
    if len(json.dumps(result, default=str)) > max_bytes:
        raise _too_big(max_bytes)
    elapsed = time.perf_counter() - started
    if elapsed > timeout:
        raise _too_slow(timeout)
    result["elapsed_ms"] = round(elapsed * 1000, 2)
    return result


def _bounded(reader: pa.RecordBatchReader, max_rows: int, max_bytes: int) -> pa.Table:
    """Batches up to one row past ``max_rows``, refusing the answer once it passes ``max_bytes``."""
    batches, size, count = [], 0, 0
    for batch in reader:
        size += batch.nbytes
        if size > max_bytes:
            raise _too_big(max_bytes)
        batches.append(batch)
        count += batch.num_rows
        if count > max_rows:
            break
    return pa.Table.from_batches(batches, schema=reader.schema)


def _too_big(max_bytes: int) -> ApiError:
    return ApiError(
        413,
        f"the answer is over {max_bytes:,} bytes; select fewer columns or rows, or aggregate",
    )


def _too_slow(timeout: float) -> ApiError:
    return ApiError(408, f"the query ran over {timeout:g} s; narrow it or add a LIMIT")
