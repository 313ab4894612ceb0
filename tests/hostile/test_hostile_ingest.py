"""Ingest on every engine: poison records are quarantined, every other record is stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hostile_inputs import CRASH, POISON, crashing_work, good_line, interleaved

from newsevents.api import ingest
from newsevents.config import Settings
from newsevents.engines.local import ProcessEngine
from newsevents.model import Run
from newsevents.pipeline import Pipeline
from newsevents.storage.duckdb import open_store

pytestmark = pytest.mark.slow
GOOD_IDS = sorted(f"good-{index}" for index in range(len(POISON) + 1))
# The blank line is no record of a store: it is quarantined like the rest, under its hash.
POISON_CODES = sorted(code for _, _, code in POISON)


def _stored(db: Path) -> tuple[list[str], list[str]]:
    with duckdb.connect(str(db), read_only=True) as connection:
        ids = [
            row[0] for row in connection.execute("SELECT id FROM articles ORDER BY id").fetchall()
        ]
        codes = [
            row[0]
            for row in connection.execute("SELECT code FROM quarantine ORDER BY code").fetchall()
        ]
    return ids, codes


def _ingest(
    lines: list[str], folder: Path, *, nlp: Any = None, runner: Any = None, **options: Any
) -> tuple[Run, Path]:
    source = folder / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "store.duckdb"
    settings = Settings(db=str(db), batch_size=2, spool=str(folder / "spool"), **options)
    with open_store(db) as store:
        run = ingest([source], store=store, pipeline=Pipeline(settings, nlp=nlp), engine=runner)
    return run, db


@pytest.mark.parametrize(
    "options",
    [{}, {"workers": 2}, {"engine": "dask", "scheduler": "local", "workers": 1}],
    ids=["in-process", "workers", "dask"],
)
def test_poison_records_are_quarantined_and_the_rest_stored(
    tmp_path: Path, nlp: Any, options: dict[str, Any]
) -> None:
    if options.get("engine") == "dask":
        pytest.importorskip("distributed")
    run, db = _ingest(interleaved(), tmp_path, nlp=nlp, **options)
    ids, codes = _stored(db)
    assert ids == GOOD_IDS
    assert codes == POISON_CODES
    assert (run.read, run.stored, run.quarantined) == (len(ids) + len(codes), len(ids), len(codes))


def test_an_article_that_kills_its_worker_is_retried_alone_then_quarantined(
    tmp_path: Path,
) -> None:
    lines = [good_line(0), json.dumps({"id": "crash", "text": f"{CRASH} now."}), good_line(1)]
    settings = Settings(workers=1, batch_size=2)
    engine = ProcessEngine(settings, spool=tmp_path / "spool", work=crashing_work)
    try:
        run, db = _ingest(lines, tmp_path, runner=engine, workers=1)
    finally:
        engine.close()
    ids, codes = _stored(db)
    assert ids == ["good-0", "good-1"]
    assert codes == ["NE302"]
    assert run.balanced
