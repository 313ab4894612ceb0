"""End-to-end: the same corpus gives identical stored results in process, on a process pool and
on a real Dask LocalCluster (2 workers, one thread each)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsevents.api import ingest
from newsevents.config import Settings
from newsevents.pipeline import Pipeline
from newsevents.storage.duckdb import open_store

SHARED = Path(__file__).resolve().parents[3] / "shared"
VOA = SHARED / "data" / "voa" / "stories.jsonl"
STORIES = 12

pytestmark = pytest.mark.skipif(
    not VOA.exists(), reason="../shared/data is not beside the checkout"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real stories, a syndicated copy under a new id and an exact repeat under another id."""
    stories = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()[:STORIES]]
    copy = dict(stories[2], id="copy-of-2", text="By a staff writer. " + stories[2]["text"][:-40])
    repeat = dict(stories[5], id="repeat-of-5")
    path = tmp_path_factory.mktemp("engines") / "corpus.jsonl"
    lines = [json.dumps(story) for story in [*stories, copy, repeat]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Stored:
    """What a run left: the store's contents, and whether its spool folder is still there."""

    contents: dict[str, list[tuple[Any, ...]]]
    spool_left: bool


def _ingest(
    corpus: Path, folder: Path, contents: Callable[[Path], Any], nlp: Any = None, **engine: Any
) -> Stored:
    db = folder / "store.duckdb"
    spool = folder / "spool"
    settings = Settings(db=str(db), batch_size=2, spool=str(spool), **engine)
    with open_store(db) as store:
        ingest([corpus], store=store, pipeline=Pipeline(settings, nlp=nlp))
    return Stored(contents(db), spool.exists())


@pytest.fixture(scope="module")
def in_process(
    corpus: Path, nlp: Any, tmp_path_factory: pytest.TempPathFactory, store_contents: Any
) -> dict[str, Any]:
    return _ingest(corpus, tmp_path_factory.mktemp("inline"), store_contents, nlp).contents


@pytest.fixture(scope="module")
def pool(corpus: Path, tmp_path_factory: pytest.TempPathFactory, store_contents: Any) -> Stored:
    folder = tmp_path_factory.mktemp("pool")
    return _ingest(corpus, folder, store_contents, engine="local", workers=2)


@pytest.fixture(scope="module")
def dask_cluster(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory, store_contents: Any
) -> Stored:
    pytest.importorskip("distributed")
    folder = tmp_path_factory.mktemp("dask")
    return _ingest(corpus, folder, store_contents, engine="dask", workers=2, scheduler="local")


def test_the_corpus_exercises_stories_copies_and_merges(in_process: dict[str, Any]) -> None:
    stories = {row[0]: row[1] for row in in_process["stories"]}
    assert stories["copy-of-2"] != "copy-of-2"
    assert [row[0] for row in in_process["copies"]] == ["repeat-of-5"]
    assert len(in_process["events"]) > 50 and len(in_process["merged_events"]) > 0


def test_process_pool_stores_what_one_process_stores(
    pool: Stored, in_process: dict[str, Any]
) -> None:
    assert pool.contents == in_process


def test_dask_local_cluster_stores_what_one_process_stores(
    dask_cluster: Stored, in_process: dict[str, Any]
) -> None:
    assert dask_cluster.contents == in_process


@pytest.mark.parametrize("engine", ["pool", "dask_cluster"])
def test_a_finished_run_removes_its_spool(engine: str, request: pytest.FixtureRequest) -> None:
    stored: Stored = request.getfixturevalue(engine)
    assert not stored.spool_left
