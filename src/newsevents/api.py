"""The Python API: annotate texts and records, ingest a corpus into a store."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from newsevents.config import Settings
from newsevents.contract import annotation_to_json, error_to_json
from newsevents.ids import content_hash
from newsevents.model import Annotation, Article, Problem, Run
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import (
    RawRecord,
    Rejected,
    article_from_mapping,
    read_records,
    validate_record,
)
from newsevents.storage.duckdb import DuckDBStore
from newsevents.storage.rows import Rows, annotation_rows, quarantine_row

Progress = Callable[[int], None]


def annotate(
    text: str,
    *,
    date: str | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> Annotation:
    """Annotate one text; ``date`` is its publication date (``YYYY-MM-DD``)."""
    article = article_from_mapping({"text": text, "date": date, "id": article_id})
    return (pipeline or Pipeline(settings or Settings())).annotate_one(article)


def annotate_records(
    records: Iterable[RawRecord], *, pipeline: Pipeline, chunk_size: int = 128
) -> Iterator[dict[str, Any]]:
    """One output line (the annotate contract) per input record, in input order."""
    iterator = iter(records)
    while chunk := list(islice(iterator, chunk_size)):
        validated = [validate_record(record) for record in chunk]
        articles = [item for item in validated if isinstance(item, Article)]
        annotated = iter(pipeline.annotate(articles))
        for item in validated:
            if isinstance(item, Rejected):
                yield error_to_json(item.id, item.problem)
            else:
                yield annotation_to_json(next(annotated))


def _merge(target: Rows, rows: Rows) -> None:
    for name, table_rows in rows.items():
        target.setdefault(name, []).extend(table_rows)


class Ingestion:
    """One ingest run into a store: validate, skip what is stored, annotate, write, count."""

    def __init__(self, store: DuckDBStore, pipeline: Pipeline, *, progress: Progress | None = None):
        self.store = store
        self.pipeline = pipeline
        self.progress = progress
        self.run_id = uuid.uuid4().hex[:12]
        self.counts = {"read": 0, "stored": 0, "duplicates": 0, "quarantined": 0}
        self.counts.update({"events": 0, "warnings": 0})

    def run(self, records: Iterable[RawRecord], *, chunk_size: int = 128) -> Run:
        started = datetime.now()
        iterator = iter(records)
        while chunk := list(islice(iterator, chunk_size)):
            self._ingest_chunk(chunk)
            if self.progress:
                self.progress(len(chunk))
        run = Run(**self.counts)
        self.store.record_run(self.run_id, run, started=started, finished=datetime.now())
        return run

    def _quarantine(self, rows: Rows, record: RawRecord, identifier: str, problem: Problem) -> None:
        row = quarantine_row(
            record_id_=identifier,
            origin=record.origin,
            line=record.line,
            raw=record.raw,
            problem=problem,
            run_id=self.run_id,
        )
        rows.setdefault("quarantine", []).append(row)
        self.counts["quarantined"] += 1

    def _ingest_chunk(self, chunk: list[RawRecord]) -> None:
        self.counts["read"] += len(chunk)
        rows: Rows = {}
        fresh: list[Article] = []
        pairs = [(record, validate_record(record)) for record in chunk]
        articles = [item for _, item in pairs if isinstance(item, Article)]
        hashes = {article.id: content_hash(article.text) for article in articles}
        stored_hashes = self.store.known_hashes(sorted(set(hashes.values())))
        stored_ids = self.store.known_ids(sorted(hashes))
        seen_hashes: set[str] = set()
        seen_ids: dict[str, str] = {}
        for record, item in pairs:
            if isinstance(item, Rejected):
                self._quarantine(rows, record, item.id, item.problem)
                continue
            digest = content_hash(item.text)
            if digest in stored_hashes or digest in seen_hashes:
                self.counts["duplicates"] += 1
                self.counts["stored"] += 1
                continue
            if stored_ids.get(item.id, digest) != digest or seen_ids.get(item.id, digest) != digest:
                self._quarantine(rows, record, item.id, _id_conflict(item, record))
                continue
            seen_hashes.add(digest)
            seen_ids[item.id] = digest
            fresh.append(item)
        for annotation in self.pipeline.annotate(fresh):
            _merge(rows, annotation_rows(annotation, run_id=self.run_id))
            self.counts["stored"] += 1
            self.counts["events"] += len(annotation.events)
            self.counts["warnings"] += sum(p.severity == "warning" for p in annotation.problems)
        self.store.write(rows)


def _id_conflict(article: Article, record: RawRecord) -> Problem:
    return Problem(
        article.id,
        "ingest",
        "NE107",
        f"{record.origin}:{record.line}: [NE107] the id {article.id!r} is already used by a "
        "different text; fix: give each article a unique id, or leave the id out to use the "
        "content hash",
        line=record.line,
    )


def ingest(
    paths: Iterable[str | Path],
    *,
    store: DuckDBStore,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
    stdin: TextIO | None = None,
) -> Run:
    """Ingest files and folders (JSONL, .txt) into ``store``; returns the run's counts."""
    pipeline = pipeline or Pipeline(settings or Settings())
    chunk_size = max(1, pipeline.settings.batch_size) * 4
    ingestion = Ingestion(store, pipeline, progress=progress)
    return ingestion.run(read_records(paths, stdin=stdin), chunk_size=chunk_size)
