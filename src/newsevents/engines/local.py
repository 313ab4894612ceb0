"""A process pool on this machine; each worker process loads the spaCy model once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from newsevents.config import Settings
from newsevents.engines.base import Handle, Spooled, clear_spool
from newsevents.engines.work import annotate_to_parquet
from newsevents.model import Article

# Two chunks queued per worker keep every worker busy while the driver stores results.
QUEUED_PER_WORKER = 2


class ProcessEngine:
    """``--engine local --workers N``: N spawned processes writing Parquet parts."""

    def __init__(self, settings: Settings, *, spool: Path) -> None:
        self.settings = settings
        self.spool = spool
        clear_spool(spool)
        # spawn, not fork: the driver holds a DuckDB connection and its threads.
        context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(max_workers=settings.workers, mp_context=context)
        self.in_flight = settings.workers * QUEUED_PER_WORKER
        self.counts_articles = False  # chunks are reported as the driver stores them

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Handle:
        work = partial(
            annotate_to_parquet,
            list(articles),
            settings=self.settings,
            run_id=run_id,
            spool=str(self.spool),
            part=part,
        )
        return Spooled(self.executor.submit(work))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
