from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.model import Annotation, Article, Entity, Event, Sentence
from newsevents.storage.duckdb import EventFilter, open_store
from newsevents.storage.rows import annotation_rows


def _annotation(article_id: str, code: str, source: str, target: str, date: str) -> Annotation:
    text = f"{source} and {target} did {code}."
    event = Event(
        article_id=article_id,
        source=source,
        target=target,
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=1.0,
        plover=None,
        mode="asserted",
        sentence=0,
        start=0,
        end=len(text),
        rule="test",
        date=date,
        date_precision="month",
        class_score=0.75,
    )
    entity = Entity(article_id, 0, len(source), source, "ORG", None, 0)
    return Annotation(
        article=Article(id=article_id, text=text, date="2020-01-01"),
        entities=(entity,),
        events=(event,),
        sentences=(Sentence(0, 0, len(text), 0, 5),),
    )


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "t.duckdb") as store:
        for annotation in (
            _annotation("a", "042", "USAGOV", "PRKGOV", "2018-07"),
            _annotation("b", "112", "PRKGOV", "USA", "2018-07-06"),
            _annotation("c", "0211", "USA", "IGOUNO", "2017"),
        ):
            store.write(annotation_rows(annotation, run_id="r"))
        yield store


@pytest.mark.parametrize(
    ("event_filter", "articles"),
    [
        (EventFilter(), ["c", "a", "b"]),
        (EventFilter(source="USA"), ["c", "a"]),
        (EventFilter(target="PRK"), ["a"]),
        (EventFilter(actor="PRKGOV"), ["a", "b"]),
        (EventFilter(code="02"), ["c"]),
        (EventFilter(root="11"), ["b"]),
        (EventFilter(since="2018-07-02"), ["b"]),
        (EventFilter(until="2017-12-31"), ["c"]),
        (EventFilter(q="did 042"), ["a"]),
        (EventFilter(source="USA'; DROP TABLE events; --"), []),
    ],
)
def test_event_filters(store, event_filter: EventFilter, articles: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [row["article_id"] for row in store.events(event_filter)] == articles


def test_partial_dates_are_queryable_by_their_first_day(store) -> None:  # type: ignore[no-untyped-def]
    days = {row["article_id"]: str(row["day"]) for row in store.events()}
    assert days == {"a": "2018-07-01", "b": "2018-07-06", "c": "2017-01-01"}


def test_the_classifier_score_is_stored_with_each_event(store) -> None:  # type: ignore[no-untyped-def]
    rows = store.events(EventFilter())
    assert [row["class_score"] for row in rows] == [0.75, 0.75, 0.75]


def test_writing_an_article_twice_keeps_one(store) -> None:  # type: ignore[no-untyped-def]
    store.write(
        {
            "articles": annotation_rows(_annotation("a", "042", "X", "Y", "2018"), run_id="r")[
                "articles"
            ]
        }
    )
    assert store.count("articles") == 3


def test_a_failed_batch_leaves_nothing_behind(store) -> None:  # type: ignore[no-untyped-def]
    rows = annotation_rows(_annotation("d", "042", "X", "Y", "2018"), run_id="r")
    rows["events"][0]["quad_class"] = "not a number"
    with pytest.raises(Exception):  # noqa: B017 - any failure must roll back
        store.write(rows)
    assert store.count("articles") == 3 and store.count("events") == 3


def test_summary_counts(store) -> None:  # type: ignore[no-untyped-def]
    summary = store.summary()
    assert summary["articles"] == 3 and summary["events"] == 3
    assert {row["root"] for row in summary["by_root"]} == {"04", "11", "02"}
    assert summary["date_range"] == ["2017-01-01", "2018-07-06"]


def test_unknown_actors_lists_unresolved_mentions(store) -> None:  # type: ignore[no-untyped-def]
    assert {row["text"] for row in store.unknown_actors()} == {"USAGOV", "PRKGOV", "USA"}


def test_opening_a_missing_store_read_only_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="ingest"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
