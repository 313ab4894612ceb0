"""Recompute merged events in the store for the dyads that new events touched.

Merging only ever joins events of one dyad, so recomputing every event of the touched dyads
gives exactly what a full recomputation would, at a fraction of the cost. The dyads to redo are
queued in ``merge_pending`` in the same transaction as the events themselves, so a run killed
before it merged leaves them queued and the next run (or ``remerge``) picks them up.
"""

from __future__ import annotations

from typing import Any

from newsevents.stages.merge import Report, link_rows, merge_reports, merged_row
from newsevents.storage.duckdb import DuckDBStore

PENDING = "SELECT DISTINCT source, target FROM merge_pending"
ALL_DYADS = "SELECT DISTINCT source, target FROM events"

# One row per raw event with what merging needs from its article and story.
REPORTS = """
SELECT e.id, e.article_id, e.source, e.target, e.code, e.root, e.quad_class, e.goldstein,
       e.plover, e.mode, coalesce(e.day, a.date) AS day, e.sentence, e.evidence, a.date,
       coalesce(a.source, a.id), a.url, s.story_id, e.location_name, e.location_country,
       e.location_lat, e.location_lon, e.date, e.date_precision
FROM events e
JOIN ({dyads}) d ON d.source IS NOT DISTINCT FROM e.source
                AND d.target IS NOT DISTINCT FROM e.target
JOIN articles a ON a.id = e.article_id
LEFT JOIN stories s ON s.article_id = e.article_id
"""
DELETE_WHERE = """
DELETE FROM {table} WHERE EXISTS (
    SELECT 1 FROM ({dyads}) d
    WHERE d.source IS NOT DISTINCT FROM {table}.source
      AND d.target IS NOT DISTINCT FROM {table}.target)
"""


def _report(row: tuple[Any, ...]) -> Report:
    sentences = tuple(row[12]) if row[12] else (row[11],)
    return Report(
        event_id=row[0],
        article_id=row[1],
        source=row[2],
        target=row[3],
        code=row[4],
        root=row[5],
        quad_class=row[6],
        goldstein=row[7],
        plover=row[8],
        mode=row[9],
        day=row[10],
        sentences=sentences,
        article_date=row[13],
        publisher=row[14],
        url=row[15],
        story_id=row[16],
        location_name=row[17],
        location_country=row[18],
        location_lat=row[19],
        location_lon=row[20],
        date=row[21],
        date_precision=row[22],
    )


def remerge(store: DuckDBStore, *, window_days: int, full: bool = False) -> int:
    """Recompute merged events of the queued dyads (every dyad if ``full``); returns how many."""
    dyads = ALL_DYADS if full else PENDING
    connection = store.connection
    with store.transaction():
        rows = connection.execute(REPORTS.format(dyads=dyads)).fetchall()
        merged = merge_reports((_report(row) for row in rows), window_days=window_days)
        for table in ("merged_events", "merged_event_links"):
            statement = "DELETE FROM {table}" if full else DELETE_WHERE
            connection.execute(statement.format(table=table, dyads=dyads))
        connection.execute("DELETE FROM merge_pending")
        store.insert("merged_events", [merged_row(event) for event in merged])
        store.insert("merged_event_links", [row for event in merged for row in link_rows(event)])
    return len(merged)
