"""A process pool on this machine; each worker process loads the spaCy model once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from newsevents.config import Settings
from newsevents.engines.base import Handle, Spooled, clear_spool
from newsevents.engines.work import annotate_to_parquet
from newsevents.model import Article
from newsevents.storage.parquet import Manifest

# Two chunks queued per worker keep every worker busy while the driver stores results.
QUEUED_PER_WORKER = 2


class ProcessEngine:
    """``--engine local --workers N``: N spawned processes writing Parquet parts."""

    def __init__(
        self,
        settings: Settings,
        *,
        spool: Path,
        work: Callable[..., Manifest] = annotate_to_parquet,
    ) -> None:
        self.settings = settings
        self.spool = spool
        self.work = work
        clear_spool(spool)
        self.executor = self._executor()
        self.in_flight = settings.workers * QUEUED_PER_WORKER

    def _executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the driver holds a DuckDB connection and its threads.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self.settings.workers, mp_context=context)

    def _future(self, articles: Sequence[Article], part: str, *, run_id: str) -> Future[Manifest]:
        work = partial(
            self.work,
            list(articles),
            settings=self.settings,
            run_id=run_id,
            spool=str(self.spool),
            part=part,
        )
        try:
            return self.executor.submit(work)
        except BrokenProcessPool:  # a worker died: its pool takes no more work, start another
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._executor()
            return self.executor.submit(work)

    def _again(self, articles: list[Article], part: str, *, run_id: str) -> Manifest:
        return self._future(articles, part, run_id=run_id).result()

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Handle:
        return Spooled(
            self._future(articles, part, run_id=run_id),
            articles=articles,
            part=part,
            resubmit=partial(self._again, run_id=run_id),
            crashes=(BrokenProcessPool,),
        )

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
