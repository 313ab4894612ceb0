"""What the driver's side of an ingest costs as the store grows, and the bytes per article (#17).

The model of docs/scale.md needs the cost of the single writer (store, near-duplicate lookup,
merge) at 10k and 100k articles, which annotating that many stories on a 2-core machine cannot
give in an hour. So the first K Reuters-21578 stories are annotated once, for real, and synthetic
articles are built from them: article n copies the annotations of story n % K under a new id, its
days shifted by n // K (K new articles a day), with a MinHash signature of its own (every tenth one
a near copy of an earlier synthetic article, so stories form). The driver then stores them in runs
of ``--block`` articles exactly as an ingest does (``Ingestion``: validation, exact duplicates,
near duplicates, one transaction per chunk, the incremental merge at the end of each run).

Run: ``python benchmarks/growth.py --articles 10000`` (texts stay in a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

import newsevents.ingestion as ingestion
from newsevents.config import Settings
from newsevents.engines.base import Done
from newsevents.engines.work import annotate_chunk, to_tables
from newsevents.ids import content_hash
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import RawRecord
from newsevents.storage.duckdb import open_store
from newsevents.storage.parquet import write_parts
from newsevents.storage.rows import Rows

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters" / "articles.jsonl"
SIGNATURE_BYTES = 128 * 8  # datasketch MinHash, 128 permutations of 64 bits (stages/dedup.py)
LINKED = ("id", "article_id", "event")  # columns that carry an article's own ids


def templates(count: int) -> tuple[list[dict[str, Any]], dict[str, Rows]]:
    """The first ``count`` stories and the worker rows of each, annotated once."""
    with REUTERS.open(encoding="utf-8") as source:
        records = [json.loads(line) for _, line in zip(range(count), source, strict=False)]
    pipeline = Pipeline(Settings())
    by_article: dict[str, Rows] = {}
    for record in records:
        day = (record.get("date") or "")[:10] or None
        article = Article(id=record["id"], text=record["text"], date=day)
        by_article[article.id] = annotate_chunk(pipeline, [article], run_id="template")
    return records, by_article


class Synthetic:
    """An engine that annotates article n by copying its template's rows (no spaCy)."""

    in_flight = 0
    counts_articles = False

    def __init__(self, rows: dict[str, Rows], records: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.records = records
        self.random = random.Random(17)
        self.signatures: list[bytes] = []

    def submit(self, articles: Sequence[Article], *, run_id: str, part: str) -> Done:
        tables: dict[str, list[dict[str, Any]]] = {}
        for article in articles:
            number = int(article.id.rsplit("~", 1)[1])
            template = self.records[number % len(self.records)]["id"]
            shift = timedelta(days=number // len(self.records))
            for name, rows in self.rows[template].items():
                copies = [self._copy(row, template, article, shift) for row in rows]
                tables.setdefault(name, []).extend(copies)
        for row in tables.get("fingerprints", []):
            row["signature"] = self._signature()
        for row in tables.get("articles", []):
            row["run_id"] = run_id
        return Done(to_tables({name: tables.get(name, []) for name in self.rows[template]}))

    def _copy(
        self, row: dict[str, Any], template: str, article: Article, shift: timedelta
    ) -> dict[str, Any]:
        copy = dict(row)
        for column in LINKED:
            value = copy.get(column)
            if isinstance(value, str) and value:
                copy[column] = article.id if value == template else f"{value}~{article.id}"
        if "hash" in copy:
            copy["hash"] = content_hash(article.text)
        for column in ("day", "date"):
            if isinstance(copy.get(column), date):
                copy[column] = copy[column] + shift
        return copy

    def _signature(self) -> bytes:
        """A fresh signature; every tenth one shares 90% of an earlier one's values."""
        if self.signatures and len(self.signatures) % 10 == 9:
            base = bytearray(self.random.choice(self.signatures))
            for slot in self.random.sample(range(128), 13):
                base[slot * 8 : slot * 8 + 8] = self.random.randbytes(8)
            signature = bytes(base)
        else:
            signature = self.random.randbytes(SIGNATURE_BYTES)
        self.signatures.append(signature)
        return signature

    def close(self) -> None:
        return None


def synthetic_records(records: list[dict[str, Any]], first: int, count: int) -> list[RawRecord]:
    lines = []
    for number in range(first, first + count):
        template = records[number % len(records)]
        day = date(1987, 1, 1) + timedelta(days=number // len(records))
        text = f"{template['text']}\n(synthetic {number})"
        item = {"id": f"syn~{number}", "text": text, "date": day.isoformat()}
        lines.append(RawRecord("synthetic.jsonl", number + 1, json.dumps(item)))
    return lines


def spool_bytes(rows: dict[str, Rows], folder: Path) -> float:
    """Bytes of Parquet parts per article, for a chunk of every template."""
    merged: Rows = {}
    for article_rows in rows.values():
        for name, table_rows in article_rows.items():
            merged.setdefault(name, []).extend(table_rows)
    manifest = write_parts(to_tables(merged), folder / "spool", part="templates")
    return sum(os.path.getsize(path) for path in manifest.values()) / len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--templates", type=int, default=200)
    parser.add_argument("--block", type=int, default=1000, help="articles per ingest run")
    options = parser.parse_args()
    records, rows = templates(options.templates)
    events = sum(len(r["events"]) for r in rows.values()) / len(rows)
    print(f"{len(rows)} templates, {events:.1f} events per article")
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        print(f"spool: {spool_bytes(rows, folder):,.0f} bytes per article (zstd Parquet)")
        db = folder / "growth.duckdb"
        engine = Synthetic(rows, records)
        pipeline = Pipeline(Settings(db=str(db)))
        timings = {"commit": 0.0, "merge": 0.0}
        commit, remerge = ingestion.Ingestion._commit, ingestion.remerge

        def timed_commit(self: Any, prepared: Any, handle: Any) -> None:
            started = time.perf_counter()
            commit(self, prepared, handle)
            timings["commit"] += time.perf_counter() - started

        def timed_remerge(store: Any, **options: Any) -> int:
            started = time.perf_counter()
            try:
                return remerge(store, **options)
            finally:
                timings["merge"] += time.perf_counter() - started

        ingestion.Ingestion._commit = timed_commit  # type: ignore[method-assign]
        ingestion.remerge = timed_remerge
        print("stored    run of   store+dedup  merge (run)  total     store bytes/article")
        with open_store(db) as store:
            for first in range(0, options.articles, options.block):
                timings.update(commit=0.0, merge=0.0)
                batch = synthetic_records(records, first, options.block)
                started = time.perf_counter()
                run = ingestion.Ingestion(store, pipeline, engine=engine).run(batch)
                seconds = time.perf_counter() - started
                store.connection.execute("CHECKPOINT")
                size = db.stat().st_size / (first + options.block)
                per = 1000 / options.block
                print(
                    f"{first + options.block:>7,} {run.stored:>7,}  "
                    f"{per * timings['commit']:7.2f} s/1k {timings['merge']:7.2f} s    "
                    f"{per * seconds:6.2f} s/1k  {size:9,.0f}"
                )
        pa.default_memory_pool().release_unused()


if __name__ == "__main__":
    main()
