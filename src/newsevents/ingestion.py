"""One ingest run: validate, skip what is stored, annotate on an engine, find copies, store, merge.

Resumability rests on two facts. Each chunk's rows (articles, their annotations, fingerprints,
story memberships, quarantined records and the dyads to re-merge) are written in ONE
transaction, in input order; and an article whose content hash is stored is skipped. So a run
killed at any point, started again, stores every article exactly once.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from newsevents.engines.base import Done, Engine, Handle, make_engine
from newsevents.ids import content_hash
from newsevents.model import Article, Problem, Run
from newsevents.pipeline import Pipeline
from newsevents.stages.dedup import Fingerprint, assign_stories, band_keys
from newsevents.stages.ingest import RawRecord, Rejected, replaced_bytes_warning, validate_record
from newsevents.storage.duckdb import DuckDBStore
from newsevents.storage.merging import remerge
from newsevents.storage.rows import Rows, problem_row, quarantine_row

Progress = Callable[[int], None]


@dataclass(slots=True)
class Prepared:
    """A validated chunk: what goes to the engine, and the rows the driver writes itself."""

    size: int
    fresh: list[Article] = field(default_factory=list)
    rows: Rows = field(default_factory=dict)
    records: dict[str, RawRecord] = field(default_factory=dict)  # of ``fresh``, by article id


class Ingestion:
    """One ingest run into a store: validate, skip what is stored, annotate, write, count."""

    def __init__(
        self,
        store: DuckDBStore,
        pipeline: Pipeline,
        *,
        progress: Progress | None = None,
        engine: Engine | None = None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.settings = pipeline.settings
        self.progress = progress
        self.engine = engine
        self.run_id = uuid.uuid4().hex[:12]
        self.counts = {"read": 0, "stored": 0, "duplicates": 0, "quarantined": 0}
        self.counts.update({"events": 0, "warnings": 0})
        self.extra = {"copies": 0, "near_duplicates": 0, "merged_events": 0}
        self.engine_counts = False
        # Hashes and ids of articles submitted but not yet committed (bounded by in_flight).
        self.pending_hashes: dict[str, str] = {}
        self.pending_ids: dict[str, str] = {}

    def run(self, records: Iterable[RawRecord], *, chunk_size: int = 128) -> Run:
        started = datetime.now()
        engine = self.engine or make_engine(
            self.settings, pipeline=self.pipeline, progress=self.progress
        )
        self.engine_counts = engine.counts_articles
        try:
            self._run_chunks(engine, records, chunk_size=chunk_size)
        finally:
            if self.engine is None:
                engine.close()
        self.extra["merged_events"] = remerge(
            self.store, window_days=self.settings.merge_window_days
        )
        run = Run(**self.counts, extra=dict(self.extra))
        self.store.record_run(self.run_id, run, started=started, finished=datetime.now())
        return run

    def _run_chunks(self, engine: Engine, records: Iterable[RawRecord], *, chunk_size: int) -> None:
        iterator = iter(records)
        pending: deque[tuple[Prepared, Handle]] = deque()
        part = 0
        while chunk := list(islice(iterator, chunk_size)):
            prepared = self._prepare(chunk)
            part += 1
            name = f"{self.run_id}-{part:06d}"
            handle = (
                engine.submit(prepared.fresh, run_id=self.run_id, part=name)
                if prepared.fresh
                else Done({})
            )
            pending.append((prepared, handle))
            while len(pending) > engine.in_flight:
                self._commit(*pending.popleft())
        while pending:
            self._commit(*pending.popleft())

    # --- before annotation: validation and exact duplicates --------------------------------

    def _prepare(self, chunk: list[RawRecord]) -> Prepared:
        self.counts["read"] += len(chunk)
        prepared = Prepared(len(chunk))
        pairs = [(record, validate_record(record)) for record in chunk]
        digests = [
            content_hash(item.text) if isinstance(item, Article) else "" for _, item in pairs
        ]
        stored_hashes = self.store.known_hashes(sorted(set(digests) - {""}))
        stored_ids = self.store.known_ids(
            sorted({item.id for _, item in pairs if isinstance(item, Article)})
        )
        for (record, item), digest in zip(pairs, digests, strict=True):
            if isinstance(item, Rejected):
                self._quarantine(prepared.rows, record, item.id, item.problem)
                continue
            original = stored_hashes.get(digest) or self.pending_hashes.get(digest)
            if original is not None:
                self._duplicate(prepared.rows, record, item, original, digest)
                continue
            known = stored_ids.get(item.id) or self.pending_ids.get(item.id)
            if known is not None and known != digest:
                self._quarantine(prepared.rows, record, item.id, _id_conflict(item, record))
                continue
            self.pending_hashes[digest] = item.id
            self.pending_ids[item.id] = digest
            prepared.fresh.append(item)
            prepared.records[item.id] = record
            self._warn_replaced(prepared.rows, record, item.id)
        return prepared

    def _duplicate(
        self, rows: Rows, record: RawRecord, article: Article, original: str, digest: str
    ) -> None:
        """An exact copy: stored once; a copy under another id is kept as a source."""
        self.counts["duplicates"] += 1
        self.counts["stored"] += 1
        if article.id == original:
            return
        self.extra["copies"] += 1
        rows.setdefault("copies", []).append(
            {
                "id": article.id,
                "article_id": original,
                "hash": digest,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "date": date.fromisoformat(article.date) if article.date else None,
                "origin": record.origin,
                "line": record.line,
                "run_id": self.run_id,
            }
        )

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

    def _warn_replaced(self, rows: Rows, record: RawRecord, article_id: str) -> None:
        warning = replaced_bytes_warning(record, article_id)
        if warning is not None:
            rows.setdefault("problems", []).append(problem_row(warning, self.run_id))
            self.counts["warnings"] += 1

    def _quarantine_failures(self, rows: Rows, prepared: Prepared, table: pa.Table | None) -> None:
        """Articles the engine could not annotate are quarantined with their raw input."""
        for failure in [] if table is None else table.to_pylist():
            record = prepared.records[failure["record_id"]]
            problem = Problem(failure["record_id"], "annotate", failure["code"], failure["message"])
            self._quarantine(rows, record, failure["record_id"], problem)

    # --- after annotation: near-duplicates, one transaction per chunk ----------------------

    def _commit(self, prepared: Prepared, handle: Handle) -> None:
        tables = handle.result()
        rows: dict[str, Any] = dict(prepared.rows)
        self._quarantine_failures(rows, prepared, tables.pop("quarantine", None))
        rows.update(self._stories(tables.get("fingerprints")))
        rows["merge_pending"] = _dyads(tables.get("events"))
        with self.store.transaction():
            for name, table in tables.items():
                self.store.insert(name, table)
            for name, table_rows in rows.items():
                self.store.insert(name, table_rows)
        handle.release()
        self._count(tables)
        for article in prepared.fresh:
            self.pending_ids.pop(article.id, None)
        self.pending_hashes = {
            h: i for h, i in self.pending_hashes.items() if i in self.pending_ids
        }
        if self.progress:
            # An engine that counts articles as it annotates them leaves the rest of the chunk
            # (duplicates, quarantined records) to the driver.
            done = prepared.size - (len(prepared.fresh) if self.engine_counts else 0)
            if done:
                self.progress(done)

    def _stories(self, table: pa.Table | None) -> Rows:
        if table is None or table.num_rows == 0:
            return {}
        threshold = self.settings.near_duplicate_threshold
        fresh = [
            Fingerprint(row["article_id"], row["signature"], row["shingles"])
            for row in table.to_pylist()
        ]
        keys = {item.article_id: band_keys(item.signature) for item in fresh}
        stored = self.store.fingerprints_sharing(sorted({k for ks in keys.values() for k in ks}))
        known = {row[0]: (Fingerprint(row[0], row[1], row[2]), row[3]) for row in stored}
        memberships = assign_stories(fresh, known, threshold=threshold)
        self.extra["near_duplicates"] += sum(m.story_id != m.article_id for m in memberships)
        return {
            "stories": [
                {
                    "article_id": m.article_id,
                    "story_id": m.story_id,
                    "similarity": m.similarity,
                    "run_id": self.run_id,
                }
                for m in memberships
            ],
            "lsh_bands": [
                {"key": key, "article_id": article_id}
                for article_id, article_keys in keys.items()
                for key in article_keys
            ],
        }

    def _count(self, tables: dict[str, pa.Table]) -> None:
        articles, events, problems = (tables.get(n) for n in ("articles", "events", "problems"))
        self.counts["stored"] += articles.num_rows if articles is not None else 0
        self.counts["events"] += events.num_rows if events is not None else 0
        if problems is not None and problems.num_rows:
            warnings = pc.sum(pc.equal(problems["severity"], "warning")).as_py()
            self.counts["warnings"] += int(warnings or 0)


def _dyads(events: pa.Table | None) -> list[dict[str, Any]]:
    """The (source, target) pairs whose merged events must be recomputed."""
    if events is None or events.num_rows == 0:
        return []
    sources, targets = events["source"].to_pylist(), events["target"].to_pylist()
    pairs = set(zip(sources, targets, strict=True))
    ordered = sorted(pairs, key=lambda pair: (pair[0] or "", pair[1] or ""))
    return [{"source": source, "target": target} for source, target in ordered]


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
