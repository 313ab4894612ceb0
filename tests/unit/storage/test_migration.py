"""A store created before issue 7 gains the new tables and run columns when opened."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from newsevents.model import Run
from newsevents.storage.duckdb import open_store

OLD_RUNS = (
    "CREATE TABLE runs (run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, "
    "read BIGINT, stored BIGINT, duplicates BIGINT, quarantined BIGINT, events BIGINT, "
    "warnings BIGINT)"
)


def test_an_old_runs_table_gains_the_new_counts(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute(OLD_RUNS)
        connection.execute("INSERT INTO runs (run_id, read) VALUES ('old', 3)")
    run = Run(read=2, stored=2, extra={"near_duplicates": 1, "copies": 0, "merged_events": 4})
    with open_store(path) as store:
        store.record_run("new", run, started=datetime.now(), finished=datetime.now())
        rows = store.query(
            "SELECT run_id, near_duplicates, merged_events FROM runs ORDER BY run_id"
        )
    assert rows == [
        {"run_id": "new", "near_duplicates": 1, "merged_events": 4},
        {"run_id": "old", "near_duplicates": None, "merged_events": None},
    ]
