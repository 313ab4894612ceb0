"""Choosing an engine, and the driver's bookkeeping while several chunks are in flight."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from newsevents.config import Settings
from newsevents.engines.base import InProcessEngine, make_engine
from newsevents.errors import ConfigError
from newsevents.ingestion import Ingestion
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import RawRecord
from newsevents.storage.duckdb import open_store

STORY = (
    "Ministers from Japan and South Korea met in Tokyo on Monday and agreed to resume regular "
    "security talks that were suspended three years ago, officials from both governments said."
)
OTHER = "Brazil and Argentina signed a trade agreement in Brasilia on Friday."


class Deferred:
    """A handle that annotates only when its result is asked for, as a busy worker would."""

    def __init__(self, engine: InProcessEngine, articles: Sequence[Article], run_id: str) -> None:
        self.engine, self.articles, self.run_id = engine, list(articles), run_id

    def result(self) -> dict[str, pa.Table]:
        return self.engine.submit(self.articles, run_id=self.run_id, part="").result()

    def release(self) -> None:
        return None


class InFlightEngine:
    """The in-process engine with three chunks in flight before the first is stored."""

    in_flight = 3
    counts_articles = False

    def __init__(self, pipeline: Pipeline) -> None:
        self.engine = InProcessEngine(pipeline)

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Deferred:
        return Deferred(self.engine, articles, run_id)

    def close(self) -> None:
        return None


def _records(*items: dict[str, Any]) -> list[RawRecord]:
    return [RawRecord("in.jsonl", n, json.dumps(item)) for n, item in enumerate(items, start=1)]


@pytest.fixture
def ingested(nlp: Any, tmp_path: Path) -> tuple[Any, dict[str, Any]]:
    records = _records(
        {"id": "a", "text": STORY},
        {"id": "b", "text": OTHER},
        {"id": "a-copy", "text": STORY},  # exact copy under another id, while "a" is in flight
        {"id": "a", "text": STORY},  # the same record again
        {"id": "b", "text": "A different text under a used id."},
    )
    pipeline = Pipeline(Settings(), nlp=nlp)
    with open_store(tmp_path / "s.duckdb") as store:
        ingestion = Ingestion(store, pipeline, engine=InFlightEngine(pipeline))
        run = ingestion.run(records, chunk_size=1)
        tables = {
            name: store.query(f"SELECT * FROM {name} ORDER BY ALL")
            for name in ("articles", "copies", "quarantine", "stories")
        }
    return run, tables


def test_in_flight_duplicates_are_stored_once(ingested: tuple[Any, dict[str, Any]]) -> None:
    run, tables = ingested
    assert [row["id"] for row in tables["articles"]] == ["a", "b"]
    assert (run.read, run.stored, run.duplicates, run.quarantined) == (5, 4, 2, 1)


def test_an_in_flight_copy_under_another_id_is_kept_as_a_source(
    ingested: tuple[Any, dict[str, Any]],
) -> None:
    _, tables = ingested
    assert [(row["id"], row["article_id"]) for row in tables["copies"]] == [("a-copy", "a")]


def test_an_in_flight_id_reused_for_another_text_is_quarantined(
    ingested: tuple[Any, dict[str, Any]],
) -> None:
    _, tables = ingested
    assert [(row["record_id"], row["code"]) for row in tables["quarantine"]] == [("b", "NE107")]


def test_every_stored_article_has_a_story(ingested: tuple[Any, dict[str, Any]]) -> None:
    _, tables = ingested
    assert [(row["article_id"], row["story_id"]) for row in tables["stories"]] == [
        ("a", "a"),
        ("b", "b"),
    ]


def test_one_local_worker_runs_in_process(nlp: Any) -> None:
    pipeline = Pipeline(Settings(), nlp=nlp)
    assert isinstance(make_engine(Settings(workers=1), pipeline=pipeline), InProcessEngine)


def test_an_unknown_engine_says_which_exist(nlp: Any) -> None:
    with pytest.raises(ConfigError, match="local, dask"):
        make_engine(Settings(engine="spark"), pipeline=Pipeline(Settings(), nlp=nlp))


def test_the_in_process_engine_reports_each_article_as_it_is_annotated(nlp: Any) -> None:
    heard: list[int] = []
    pipeline = Pipeline(Settings(), nlp=nlp)
    engine = make_engine(Settings(workers=1), pipeline=pipeline, progress=heard.append)
    articles = [Article(id=f"a{n}", text="Talks opened in Geneva.") for n in range(3)]
    engine.submit(articles, run_id="r", part="p").result()
    assert heard == [1, 1, 1] and engine.counts_articles
