"""dask.distributed: a scheduler address, or ``local`` for a LocalCluster on this machine.

Imported only when ``--engine dask`` is chosen: dask is an optional extra (``newsevents[dask]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.engines.base import Handle, Spooled, clear_spool
from newsevents.engines.work import annotate_to_parquet
from newsevents.errors import ConfigError
from newsevents.model import Article
from newsevents.storage.parquet import Manifest

QUEUED_PER_WORKER = 2
# PERFORMANCE-NOTES: Dask's default MALLOC_TRIM_THRESHOLD_=65536 in workers slows spaCy ~11%.
NO_MALLOC_TRIM = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def _distributed() -> Any:
    try:
        import dask
        import distributed
    except ImportError as error:
        raise ConfigError(
            "the dask engine needs dask.distributed",
            fix='pip install "newsevents[dask]"',
        ) from error
    dask.config.set(NO_MALLOC_TRIM)
    return distributed


def local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` processes with one thread each (spaCy holds the GIL)."""
    distributed = _distributed()
    return distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )


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
            cluster = self.cluster = local_cluster(max(1, settings.workers))
        self.client = distributed.Client(cluster or settings.scheduler)
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.in_flight = workers * QUEUED_PER_WORKER
        self.counts_articles = False  # chunks are reported as the driver stores them

    def _future(self, articles: Sequence[Article], part: str, *, run_id: str) -> Any:
        return self.client.submit(
            annotate_to_parquet,
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
