"""A process pool on this machine; each worker process loads the spaCy model once."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
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
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCHDOG_SECONDS = 1.0


def die_with_driver(driver: int) -> None:
    """Worker initializer: end this process when the driver dies, even by kill -9 (issue 12).

    On Linux the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); everywhere a
    watchdog thread notices that the parent changed. Without either, a killed driver left its
    workers (400 MB each) blocked forever on their task queue.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != driver:  # the driver died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(driver,), daemon=True, name="watchdog").start()


def _watch(driver: int) -> None:
    while os.getppid() == driver:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


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
        self.counts_articles = False  # chunks are reported as the driver stores them

    def _executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the driver holds a DuckDB connection and its threads.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.settings.workers,
            mp_context=context,
            initializer=die_with_driver,
            initargs=(os.getpid(),),
        )

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
