"""Merged events in the store: recomputed for queued dyads, equal to a full recomputation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsevents.model import Annotation, Article, Event, Sentence
from newsevents.storage.duckdb import DuckDBStore, open_store
from newsevents.storage.merging import remerge
from newsevents.storage.rows import annotation_rows

WINDOW = 3


def _annotation(article_id: str, day: str, source: str = "USAGOV", code: str = "042") -> Annotation:
    text = f"Report {article_id}: {source} met envoys."
    event = Event(
        article_id=article_id, source=source, target="PRKGOV", code=code, root=code[:2],
        quad_class=1, goldstein=1.9, plover="CONSULT", mode="asserted", sentence=0, start=0,
        end=len(text), rule="test", date=day, date_precision="day",
    )  # fmt: skip
    return Annotation(
        article=Article(id=article_id, text=text, date=day, source=f"outlet-{article_id}"),
        events=(event,),
        sentences=(Sentence(0, 0, len(text), 0, 5),),
    )


def _add(store: DuckDBStore, annotation: Annotation) -> None:
    rows: dict[str, Any] = annotation_rows(annotation, run_id="r")
    rows["merge_pending"] = [{"source": e.source, "target": e.target} for e in annotation.events]
    store.write(rows)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "m.duckdb") as store:
        yield store


def _merged(store: DuckDBStore) -> list[tuple[Any, ...]]:
    return store.connection.execute(
        "SELECT source, num_articles, num_sources, day, last_day FROM merged_events ORDER BY ALL"
    ).fetchall()


def test_reports_of_one_event_in_two_articles_become_one_merged_event(store) -> None:  # type: ignore[no-untyped-def]
    _add(store, _annotation("a", "2018-06-12"))
    _add(store, _annotation("b", "2018-06-13"))
    assert remerge(store, window_days=WINDOW) == 1
    (row,) = _merged(store)
    assert row[1:3] == (2, 2)


def test_a_later_run_merges_into_events_of_an_earlier_one(store) -> None:  # type: ignore[no-untyped-def]
    _add(store, _annotation("a", "2018-06-12"))
    remerge(store, window_days=WINDOW)
    _add(store, _annotation("b", "2018-06-14"))
    remerge(store, window_days=WINDOW)
    assert [row[1] for row in _merged(store)] == [2]


def test_only_queued_dyads_are_recomputed_and_the_queue_empties(store) -> None:  # type: ignore[no-untyped-def]
    _add(store, _annotation("a", "2018-06-12"))
    _add(store, _annotation("b", "2018-06-12", source="CHNGOV"))
    remerge(store, window_days=WINDOW)
    _add(store, _annotation("c", "2018-06-12", source="CHNGOV"))
    assert remerge(store, window_days=WINDOW) == 1  # only the CHNGOV dyad
    assert store.count("merge_pending") == 0
    assert [row[:2] for row in _merged(store)] == [("CHNGOV", 2), ("USAGOV", 1)]


def test_incremental_equals_full_recomputation(store) -> None:  # type: ignore[no-untyped-def]
    for number, day in enumerate(["2018-06-12", "2018-06-20", "2018-06-14", "2018-06-21"]):
        _add(store, _annotation(f"x{number}", day))
        remerge(store, window_days=WINDOW)
    incremental = _merged(store)
    remerge(store, window_days=WINDOW, full=True)
    assert _merged(store) == incremental and len(incremental) == 2


def test_links_point_every_raw_event_at_its_merged_event(store) -> None:  # type: ignore[no-untyped-def]
    _add(store, _annotation("a", "2018-06-12"))
    _add(store, _annotation("b", "2018-06-13"))
    remerge(store, window_days=WINDOW)
    links = store.query("SELECT DISTINCT merged_id FROM merged_event_links")
    assert store.count("merged_event_links") == store.count("events") == 2 and len(links) == 1
