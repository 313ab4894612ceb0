"""kill -9 of the driver of `ingest --workers N` leaves no process behind and no spool part."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from newsevents.api import ingest
from newsevents.config import Settings
from newsevents.pipeline import Pipeline
from newsevents.storage.duckdb import open_store

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="Linux")]
TEXT = "Russia warned Ukraine on Tuesday. The minister met the president in Kyiv."


def _workers(driver: psutil.Process, count: int, seconds: float = 60.0) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [
            c for c in driver.children(recursive=True) if "spawn_main" in " ".join(c.cmdline())
        ]
        if len(found) >= count:
            return found
        time.sleep(0.2)
    raise AssertionError("the workers never started")


def test_kill_9_of_the_driver_leaves_no_worker_behind(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": str(n), "text": f"{TEXT} Story {n}."}) for n in range(3000)]
    corpus.write_text("\n".join(lines) + "\n")
    db = tmp_path / "store.duckdb"
    command = [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--db", str(db)]
    driver = subprocess.Popen([*command, "--workers", "2"], stderr=subprocess.DEVNULL)
    try:
        workers = _workers(psutil.Process(driver.pid), 2)
        time.sleep(1.0)  # let them take work
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait(timeout=10)
        _, alive = psutil.wait_procs(workers, timeout=15)
        for process in alive:  # a failing run must not leave them either
            process.kill()
        assert alive == []
    finally:
        if driver.poll() is None:
            driver.kill()


def test_a_rerun_drops_the_spool_parts_of_a_dead_run(tmp_path: Path, nlp: object) -> None:
    db = tmp_path / "store.duckdb"
    stale = Path(f"{db}.spool") / "articles" / "part-dead-000001.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"left by a killed run")
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"text": TEXT}) + "\n")
    with open_store(db) as store:
        ingest([corpus], store=store, pipeline=Pipeline(Settings(db=str(db)), nlp=nlp))
    assert not stale.exists()
