"""End-to-end, as on a cluster: a ``dask scheduler`` and two ``dask worker`` processes started on
their own (localhost only, ports the system picks), the spool on a shared path, and ``newsevents
ingest --engine dask --scheduler tcp://...`` storing what the local engine stores."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsevents
from newsevents.api import ingest
from newsevents.config import Settings
from newsevents.pipeline import Pipeline
from newsevents.storage.duckdb import open_store

distributed = pytest.importorskip("distributed")

SAMPLE = Path(newsevents.__file__).parent / "data" / "sample_corpus.jsonl"
ARTICLES = 6
BATCH = 2  # three chunks of two articles: the two workers share the run
DASK = Path(sys.executable).with_name("dask")
STARTUP_SECONDS = 60


def _environment() -> dict[str, str]:
    """Workers import this checkout's newsevents, whatever the current directory."""
    source = str(Path(newsevents.__file__).resolve().parents[1])
    paths = [source, *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths))


def _start(arguments: list[str], folder: Path, name: str) -> subprocess.Popen[bytes]:
    log = (folder / f"{name}.log").open("wb")
    # A session of its own: teardown signals the command and every process it spawned.
    return subprocess.Popen(
        [str(DASK), *arguments],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=_environment(),
        cwd=folder,
        start_new_session=True,
    )


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _address(scheduler_file: Path, scheduler: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and scheduler.poll() is None:
        if scheduler_file.exists():
            try:
                return str(json.loads(scheduler_file.read_text(encoding="utf-8"))["address"])
            except (ValueError, KeyError):
                pass  # written but not yet complete
        time.sleep(0.2)
    raise RuntimeError(f"the dask scheduler did not start (exit code {scheduler.poll()})")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The scheduler's address, once two single-threaded workers have joined it."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed beside this Python")
    folder = tmp_path_factory.mktemp("cluster")
    scheduler_file = folder / "scheduler.json"
    processes = [
        _start(
            [
                "scheduler",
                *("--host", "127.0.0.1", "--port", "0", "--no-dashboard"),
                *("--scheduler-file", str(scheduler_file)),
            ],
            folder,
            "scheduler",
        )
    ]
    try:
        address = _address(scheduler_file, processes[0])
        for number in (1, 2):
            arguments = ["worker", address, "--nworkers", "1", "--nthreads", "1"]
            arguments += ["--host", "127.0.0.1", "--no-dashboard", "--name", f"w{number}"]
            processes.append(_start(arguments, folder, f"worker{number}"))
        with distributed.Client(address, timeout=STARTUP_SECONDS) as client:
            client.wait_for_workers(2, timeout=STARTUP_SECONDS)
        yield address
    finally:
        _stop(processes)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:ARTICLES]
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_separately_started_cluster_stores_what_the_local_engine_stores(
    cluster: str, corpus: Path, nlp: Any, tmp_path: Path, store_contents: Any
) -> None:
    local_db = tmp_path / "local.duckdb"
    settings = Settings(db=str(local_db), batch_size=BATCH)
    with open_store(local_db) as store:
        ingest([corpus], store=store, pipeline=Pipeline(settings, nlp=nlp))
    shared = tmp_path / "shared"  # the path every worker and the driver reach
    shared.mkdir()
    db = shared / "store.duckdb"
    command = [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--quiet"]
    command += ["--db", str(db), "--batch-size", str(BATCH), "--engine", "dask"]
    command += ["--scheduler", cluster, "--spool", str(shared / "spool")]
    done = subprocess.run(command, env=_environment(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"stored {ARTICLES}" in done.stdout
    assert store_contents(db) == store_contents(local_db)
