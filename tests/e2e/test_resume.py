"""End-to-end: ``newsevents ingest`` killed with SIGKILL mid-run, then restarted, stores each
article exactly once, quarantines each bad line once, and its second run's counts add up."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
VOA = SHARED / "data" / "voa" / "stories.jsonl"
BAD_LINES = ['{"id": "bad-1", "text": 7}', "not json at all", '{"id": "bad-3"}']
GOOD = 40

pytestmark = pytest.mark.skipif(
    not VOA.exists(), reason="../shared/data is not beside the checkout"
)


def _corpus(path: Path) -> tuple[int, int]:
    """GOOD real stories, three bad lines spread among them, and two exact repeats."""
    stories = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()[:GOOD]]
    lines = [json.dumps(story) for story in stories]
    for offset, bad in enumerate(BAD_LINES):
        lines.insert(7 + 13 * offset, bad)
    lines += [json.dumps(stories[3]), json.dumps(stories[20])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    distinct = len({story["text"].strip() for story in stories})
    return distinct, len(lines)


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--batch-size", "2"],  # chunks of 8: many commits to interrupt
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after_first_commit(process: subprocess.Popen[str], db: Path) -> None:
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 0:
            time.sleep(0.7)  # land somewhere inside a later chunk
            break
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def _scalar(connection: Any, sql: str) -> Any:
    return connection.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def resumed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("resume")
    corpus, db = folder / "corpus.jsonl", folder / "store.duckdb"
    distinct, lines = _corpus(corpus)
    _kill_after_first_commit(_ingest(corpus, db), db)
    finished = _ingest(corpus, db)
    output, errors = finished.communicate(timeout=300)
    assert finished.returncode == 0, errors
    return {"db": db, "distinct": distinct, "lines": lines, "output": output}


def test_the_killed_run_had_stored_part_but_not_all(resumed: dict[str, Any]) -> None:
    with duckdb.connect(str(resumed["db"]), read_only=True) as connection:
        runs = connection.execute("SELECT duplicates, stored FROM runs").fetchall()
    # Only the restarted run finished; it found part of the corpus already stored.
    assert len(runs) == 1
    assert 0 < runs[0][0] < runs[0][1]


def test_every_article_is_stored_exactly_once(resumed: dict[str, Any]) -> None:
    with duckdb.connect(str(resumed["db"]), read_only=True) as connection:
        assert _scalar(connection, "SELECT count(*) FROM articles") == resumed["distinct"]
        assert (
            _scalar(connection, "SELECT count(DISTINCT hash) FROM articles") == resumed["distinct"]
        )


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("sentences", "article_id, idx"),
        ("entities", "article_id, idx"),
        ("events", "article_id, idx"),
        ("fingerprints", "article_id"),
        ("stories", "article_id"),
        ("merged_event_links", "event_id"),
    ],
)
def test_no_row_of_an_article_is_written_twice(
    resumed: dict[str, Any], table: str, key: str
) -> None:
    with duckdb.connect(str(resumed["db"]), read_only=True) as connection:
        total = _scalar(connection, f"SELECT count(*) FROM {table}")
        distinct = _scalar(connection, f"SELECT count(*) FROM (SELECT DISTINCT {key} FROM {table})")
    assert total == distinct > 0


def test_every_article_has_its_fingerprint_story_and_merged_events(
    resumed: dict[str, Any],
) -> None:
    with duckdb.connect(str(resumed["db"]), read_only=True) as connection:
        for table in ("fingerprints", "stories"):
            assert _scalar(connection, f"SELECT count(*) FROM {table}") == resumed["distinct"]
        events = _scalar(connection, "SELECT count(*) FROM events")
        assert _scalar(connection, "SELECT count(*) FROM merged_event_links") == events
        assert _scalar(connection, "SELECT count(*) FROM merge_pending") == 0


def test_each_bad_line_is_quarantined_once(resumed: dict[str, Any]) -> None:
    with duckdb.connect(str(resumed["db"]), read_only=True) as connection:
        rows = connection.execute("SELECT code FROM quarantine ORDER BY line").fetchall()
    assert [row[0] for row in rows] == ["NE103", "NE101", "NE102"]


def test_the_restarted_run_reads_every_line_and_its_counts_add_up(
    resumed: dict[str, Any],
) -> None:
    with duckdb.connect(str(resumed["db"]), read_only=True) as connection:
        read, stored, quarantined = connection.execute(
            "SELECT read, stored, quarantined FROM runs"
        ).fetchone()
    assert read == resumed["lines"] == stored + quarantined
    assert quarantined == len(BAD_LINES)
