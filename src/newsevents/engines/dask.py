"""dask.distributed: a scheduler address, or ``local`` for a LocalCluster on this machine.

Imported only when ``--engine dask`` is chosen: dask is an optional extra (``newsevents[dask]``).
"""

from __future__ import annotations

import ctypes
import os
import time
from collections.abc import Sequence
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.engines.base import Handle, Spooled, clear_spool
from newsevents.engines.work import annotate_to_parquet
from newsevents.errors import ConfigError
from newsevents.model import Article
from newsevents.storage.parquet import Manifest

QUEUED_PER_WORKER = 2
WORKER_COUNT_SECONDS = 2.0  # how long a count of the cluster's workers is trusted
# A LocalCluster serves one batch job and no dashboard, so it drops what only a dashboard or an
# interactive session needs. PERFORMANCE-NOTES: Dask's default MALLOC_TRIM_THRESHOLD_=65536 in
# workers slows spaCy ~11% (`benchmarks/engines.py --malloc`: +10% CPU). The event-loop tick
# (20 ms), system monitor (0.5 s), memory monitor (0.1 s) and the workers' 10 ms statistical
# profiler cost the driver, which hosts the scheduler and the nannies, 1.2-2.3 s of CPU per 150
# stories against 0.5 s with these values (the pool's driver: 0.55 s), and the workers 5% of
# their CPU (docs/benchmarks.md).
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.profile.enabled": False,
}
# glibc's mallopt parameters (malloc.h), and the thresholds its dynamic rule grows to on 64-bit
# (DEFAULT_MMAP_THRESHOLD_MAX 32 MiB, the trim threshold twice it), which setting
# MALLOC_TRIM_THRESHOLD_ switches off: every block over 128 KiB is then mmap'd and unmapped.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise ConfigError(
            "the dask engine needs dask.distributed",
            fix='pip install "newsevents[dask]"',
        ) from error
    return distributed


# A worker's peak resident memory with headroom: benchmarks/scale.py measured 585-731 MiB per
# Dask worker at 1,000 and 10,000 articles (docs/benchmarks.md).
WORKER_MEMORY = 1 << 30
CGROUP_MEMORY = Path("/sys/fs/cgroup/memory.max")  # cgroup v2: a number, or "max" for none


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, e.g. under taskset or Slurm)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def physical_memory(*, cgroup: Path = CGROUP_MEMORY) -> int:
    """Bytes of memory this process may use: the machine's, or its container's limit if lower.

    0 when the system does not say.
    """
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, OSError, ValueError):
        memory = 0
    try:
        limit = cgroup.read_text(encoding="ascii").strip()
    except OSError:
        return memory
    if limit.isdigit() and (memory == 0 or int(limit) < memory):
        return int(limit)
    return memory


def machine_workers(*, cores: int | None = None, memory: int | None = None) -> int:
    """One single-threaded worker per usable core, no more than the memory holds, at least one."""
    cores = usable_cores() if cores is None else cores
    memory = physical_memory() if memory is None else memory
    fit = memory // WORKER_MEMORY if memory > 0 else cores
    return max(1, min(cores, fit))


def local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` processes with one thread each (spaCy holds the GIL).

    ``workers`` 0 sizes it from the machine (``machine_workers``).
    """
    distributed = _distributed()
    import dask

    workers = workers or machine_workers()
    # Nannies hand the configuration they were made with to their worker processes.
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        return distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


def untrimmed_malloc() -> bool:
    """Undo ``MALLOC_TRIM_THRESHOLD_`` in this process (a ``dask worker`` Nanny sets it).

    The LocalCluster never sets it (``LOCAL_CLUSTER_CONFIG``), but workers started by
    ``dask worker``, dask-jobqueue or dask-kubernetes do, unless their configuration says not to.
    True when the thresholds were changed.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc: the variable means nothing there
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )


@lru_cache(maxsize=1)
def tune_worker() -> None:
    """Once per worker process, whoever started it: memory allocation as in a plain process."""
    untrimmed_malloc()


def annotate_on_worker(
    articles: Sequence[Article], *, settings: Settings, run_id: str, spool: str, part: str
) -> Manifest:
    """The Dask task: ``annotate_to_parquet`` in a worker tuned for it."""
    tune_worker()
    return annotate_to_parquet(articles, settings=settings, run_id=run_id, spool=spool, part=part)


class DaskEngine:
    """``--engine dask --scheduler ADDRESS|local``; workers write Parquet parts to the spool.

    On a real cluster the spool must be a directory every worker and the driver can reach
    (``--spool``, a shared file system); see docs/scale.md.
    """

    def __init__(self, settings: Settings, *, spool: Path, cluster: Any = None) -> None:
        distributed = _distributed()
        self.settings = settings
        self.spool = spool
        clear_spool(spool)
        self.cluster = None
        if cluster is None and settings.scheduler in ("", "local"):
            cluster = self.cluster = local_cluster(settings.workers)
        self.client = distributed.Client(cluster or settings.scheduler)
        self._workers = 1
        self._counted_at = float("-inf")  # counted on first use
        self.counts_articles = False  # chunks are reported as the driver stores them

    @property
    def in_flight(self) -> int:
        """Two chunks per worker in the cluster now, so workers that join a run get work too."""
        now = time.monotonic()
        if now - self._counted_at >= WORKER_COUNT_SECONDS:
            info = self.client.scheduler_info(n_workers=1)  # the count, not every worker's details
            self._workers = max(1, int(info.get("n_workers") or len(info.get("workers", {}))))
            self._counted_at = now
        return self._workers * QUEUED_PER_WORKER

    def _future(self, articles: Sequence[Article], part: str, *, run_id: str) -> Any:
        return self.client.submit(
            annotate_on_worker,
            list(articles),
            settings=self.settings,
            run_id=run_id,
            spool=str(self.spool.resolve()),
            part=part,
            pure=False,
        )

    def _again(self, articles: list[Article], part: str, *, run_id: str) -> Manifest:
        manifest: Manifest = self._future(articles, part, run_id=run_id).result()
        return manifest

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Handle:
        # KilledWorker: the scheduler gave up on a task whose workers kept dying.
        from distributed.scheduler import KilledWorker

        return Spooled(
            self._future(articles, part, run_id=run_id).result,
            articles=articles,
            part=part,
            resubmit=partial(self._again, run_id=run_id),
            crashes=(KilledWorker,),
        )

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
