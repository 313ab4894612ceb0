"""The Engine protocol, the in-process engine, and choosing an engine from settings."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa

from newsevents.config import Settings
from newsevents.engines.work import annotate_chunk, failure_row, to_tables
from newsevents.errors import AnnotationError, ConfigError
from newsevents.model import Article, Problem
from newsevents.pipeline import Pipeline
from newsevents.storage.parquet import Manifest, read_parts, remove_parts

ENGINES = ("local", "dask")


class Handle(Protocol):
    """A chunk being annotated: its tables once done, and cleanup after they are stored."""

    def result(self) -> dict[str, pa.Table]: ...

    def release(self) -> None: ...


class Engine(Protocol):
    """Annotates chunks of articles; ``in_flight`` chunks may run while the driver stores.

    ``counts_articles`` is true when the engine reports each annotated article to the progress
    callback itself (then the driver reports only the records it skipped or quarantined).
    """

    in_flight: int
    counts_articles: bool

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Handle: ...

    def close(self) -> None: ...


class Done:
    """A handle whose tables are already computed."""

    def __init__(self, tables: dict[str, pa.Table]) -> None:
        self.tables = tables

    def result(self) -> dict[str, pa.Table]:
        return self.tables

    def release(self) -> None:
        self.tables = {}


# Blocking: annotate these articles as the spool part named, and return the part's manifest.
Resubmit = Callable[[list[Article], str], Manifest]


class Spooled:
    """A handle on a worker's future Parquet manifest.

    When the worker process died on the chunk (one of ``crashes``), the chunk is run again
    once; when it dies again, each article is run alone, and an article that still kills its
    worker is quarantined (issue 12), so one poison text costs only itself.
    """

    def __init__(
        self,
        future: Future[Manifest] | Callable[[], Manifest],
        *,
        articles: Sequence[Article] = (),
        part: str = "",
        resubmit: Resubmit | None = None,
        crashes: tuple[type[BaseException], ...] = (),
    ) -> None:
        self.future = future
        self.articles = list(articles)
        self.part = part
        self.resubmit = resubmit
        self.crashes = crashes
        self.manifests: list[Manifest] = []

    def result(self) -> dict[str, pa.Table]:
        future = self.future
        try:
            self.manifests = [future.result() if isinstance(future, Future) else future()]
        except self.crashes:
            if self.resubmit is None:
                raise
            return self._retry(self.resubmit)
        return read_parts(self.manifests[0])

    def _retry(self, resubmit: Resubmit) -> dict[str, pa.Table]:
        try:
            self.manifests = [resubmit(self.articles, f"{self.part}-again")]
            return read_parts(self.manifests[0])
        except self.crashes:
            pass
        failures: list[dict[str, Any]] = []
        for index, article in enumerate(self.articles):
            try:
                self.manifests.append(resubmit([article], f"{self.part}-{index:04d}"))
            except self.crashes as error:
                failures.append(failure_row(_crash(article, error), run_id=""))
        tables = [read_parts(manifest) for manifest in self.manifests]
        tables.append(to_tables({"quarantine": failures}))
        return _concatenated(tables)

    def release(self) -> None:
        for manifest in self.manifests:
            remove_parts(manifest)


def _crash(article: Article, error: BaseException) -> Problem:
    crashed = AnnotationError(
        f"the article crashed a worker process twice ({type(error).__name__})",
        where="engine",
        fix="please report it with the article; it is quarantined and the run went on",
    )
    return Problem(article.id, "engine", crashed.code, crashed.describe())


def _concatenated(parts: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    names = sorted({name for tables in parts for name in tables})
    return {
        name: pa.concat_tables([tables[name] for tables in parts if name in tables])
        for name in names
    }


class InProcessEngine:
    """Annotate in this process, chunk by chunk (``--engine local --workers 1``)."""

    in_flight = 0

    def __init__(
        self, pipeline: Pipeline, *, progress: Callable[[int], None] | None = None
    ) -> None:
        self.pipeline = pipeline
        self.progress = progress
        self.counts_articles = progress is not None

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Handle:
        rows = annotate_chunk(self.pipeline, articles, run_id=run_id, on_article=self.progress)
        return Done(to_tables(rows))

    def close(self) -> None:
        return None


def spool_directory(settings: Settings) -> Path:
    """Where workers write Parquet parts: ``settings.spool`` or beside the store."""
    return Path(settings.spool or f"{settings.db}.spool")


def remove_spool(spool: Path) -> None:
    """Parts left by a killed run were never committed (or already were): both are safe to drop."""
    if spool.is_dir():
        shutil.rmtree(spool)


def clear_spool(spool: Path) -> None:
    """An empty spool for this run's parts."""
    remove_spool(spool)
    spool.mkdir(parents=True, exist_ok=True)


def make_engine(
    settings: Settings, *, pipeline: Pipeline, progress: Callable[[int], None] | None = None
) -> Engine:
    """The engine ``settings.engine`` names, with ``settings.workers`` workers.

    In this process, ``progress`` hears of every annotated article as it is done; other engines
    report whole chunks as the driver stores them.
    """
    if settings.engine not in ENGINES:
        raise ConfigError(
            f"unknown engine {settings.engine!r}", fix=f"use one of {', '.join(ENGINES)}"
        )
    if settings.engine == "dask":
        from newsevents.engines.dask import DaskEngine

        return DaskEngine(settings, spool=spool_directory(settings))
    if settings.workers <= 1:
        # No spool of its own, but the parts a killed --workers run left are dropped here too.
        remove_spool(spool_directory(settings))
        return InProcessEngine(pipeline, progress=progress)
    from newsevents.engines.local import ProcessEngine

    return ProcessEngine(settings, spool=spool_directory(settings))
