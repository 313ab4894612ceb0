"""The Dask engine sizes a LocalCluster from the machine unless told how many workers to run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from newsevents.config import Settings
from newsevents.engines import dask as dask_engine
from newsevents.engines.dask import (
    WORKER_MEMORY,
    machine_workers,
    physical_memory,
    untrimmed_malloc,
    usable_cores,
)
from newsevents.model import Article

GIB = 1 << 30


@pytest.mark.parametrize(
    ("cores", "memory", "expected"),
    [
        (8, 64 * WORKER_MEMORY, 8),  # the cores bound
        (8, 3 * WORKER_MEMORY + WORKER_MEMORY // 2, 3),  # the memory bounds: 3 workers fit
        (2, WORKER_MEMORY // 2, 1),  # too little memory for one worker still runs one
        (4, 0, 4),  # memory unknown: the cores decide
        (1, 64 * WORKER_MEMORY, 1),
    ],
)
def test_machine_workers_is_one_per_core_as_memory_allows(
    cores: int, memory: int, expected: int
) -> None:
    assert machine_workers(cores=cores, memory=memory) == expected


def test_usable_cores_are_the_affinity_mask_not_the_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dask_engine.os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    monkeypatch.setattr(dask_engine.os, "cpu_count", lambda: 64)
    assert usable_cores() == 3


@pytest.mark.parametrize(
    ("limit", "lower"),
    [("max\n", False), ("1073741824\n", True), (None, False)],
)
def test_a_container_memory_limit_lowers_the_memory(
    tmp_path: Path, limit: str | None, lower: bool
) -> None:
    cgroup = tmp_path / "memory.max"
    if limit is not None:
        cgroup.write_text(limit, encoding="ascii")
    machine = physical_memory(cgroup=tmp_path / "absent")
    found = physical_memory(cgroup=cgroup)
    assert found == (GIB if lower else machine)


@pytest.mark.parametrize(("given", "expected"), [(0, 1), (2, 2)])
def test_a_local_cluster_is_sized_from_the_machine_unless_workers_are_given(
    monkeypatch: pytest.MonkeyPatch, given: int, expected: int
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(dask_engine, "machine_workers", lambda: 1)
    cluster = dask_engine.local_cluster(given)
    try:
        assert len(cluster.workers) == expected
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def one_worker_cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    cluster = dask_engine.local_cluster(1)
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _worker_settings() -> tuple[str | None, bool]:
    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get(
        "distributed.worker.profile.enabled"
    )


def test_local_cluster_workers_run_untrimmed_and_unprofiled(one_worker_cluster: Any) -> None:
    assert list(one_worker_cluster.run(_worker_settings).values()) == [(None, False)]


@pytest.mark.parametrize(("variable", "changed"), [("65536", True), (None, False)])
def test_a_worker_started_with_malloc_trim_gets_plain_thresholds(
    monkeypatch: pytest.MonkeyPatch, variable: str | None, changed: bool
) -> None:
    if variable is None:
        monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    else:
        monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", variable)
    assert untrimmed_malloc() is changed


def test_chunks_in_flight_follow_the_workers_that_join(
    one_worker_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine, "WORKER_COUNT_SECONDS", 0.0)
    settings = Settings(engine="dask", scheduler=one_worker_cluster.scheduler.address)
    engine = dask_engine.DaskEngine(settings, spool=tmp_path / "spool")
    try:
        before = engine.in_flight
        one_worker_cluster.cluster.scale(2)
        one_worker_cluster.wait_for_workers(2, timeout=60)
        assert (before, engine.in_flight) == (2, 4)
    finally:
        engine.client.close()
        one_worker_cluster.cluster.scale(1)


def test_a_worker_hides_its_loaded_pipeline_from_the_garbage_collector(
    one_worker_cluster: Any, tmp_path: Path
) -> None:
    import gc

    article = Article(id="a1", text="Officials from Chile and Peru met in Lima on Monday.")
    settings = Settings(engine="dask")
    task = partial(dask_engine.annotate_on_worker, settings=settings, run_id="r", part="p")
    manifest = one_worker_cluster.submit(task, [article], spool=str(tmp_path)).result()
    frozen = one_worker_cluster.run(gc.get_freeze_count)
    assert "articles" in manifest and all(count > 100_000 for count in frozen.values())
