"""The Engine protocol, the in-process engine, and choosing an engine from settings."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol

import pyarrow as pa

from newsevents.config import Settings
from newsevents.engines.work import annotate_chunk, to_tables
from newsevents.errors import ConfigError
from newsevents.model import Article
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


class Spooled:
    """A handle on a worker's future Parquet manifest."""

    def __init__(self, future: Future[Manifest] | Callable[[], Manifest]) -> None:
        self.future = future
        self.manifest: Manifest = {}

    def result(self) -> dict[str, pa.Table]:
        future = self.future
        self.manifest = future.result() if isinstance(future, Future) else future()
        return read_parts(self.manifest)

    def release(self) -> None:
        remove_parts(self.manifest)


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


def clear_spool(spool: Path) -> None:
    """Parts left by a killed run were never committed (or already were): both are safe to drop."""
    if spool.is_dir():
        shutil.rmtree(spool)
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
        return InProcessEngine(pipeline, progress=progress)
    from newsevents.engines.local import ProcessEngine

    return ProcessEngine(settings, spool=spool_directory(settings))
