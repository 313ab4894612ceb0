"""The unit of work every engine runs: annotate a chunk of articles into Arrow tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsevents.config import Settings
from newsevents.model import Article, Problem
from newsevents.pipeline import Pipeline
from newsevents.stages.dedup import fingerprint
from newsevents.storage.parquet import Manifest, write_parts
from newsevents.storage.rows import Rows, annotation_rows
from newsevents.storage.schema import SCHEMAS

# Tables a worker fills; the driver adds stories, copies and merged events, and completes the
# quarantine rows of articles the pipeline could not annotate with their raw input.
WORKER_TABLES = (
    "quarantine",
    "articles",
    "sentences",
    "entities",
    "timexes",
    "events",
    "quotes",
    "refs",
    "problems",
    "fingerprints",
)


def annotate_chunk(
    pipeline: Pipeline,
    articles: Sequence[Article],
    *,
    run_id: str,
    on_article: Callable[[int], None] | None = None,
) -> Rows:
    """Rows of every worker table for ``articles``, in their order; ``on_article(1)`` after each."""
    rows: Rows = {name: [] for name in WORKER_TABLES}
    for annotation in pipeline.annotate_results(articles):
        if on_article is not None:
            on_article(1)
        if isinstance(annotation, Problem):
            rows["quarantine"].append(failure_row(annotation, run_id=run_id))
            continue
        for name, table_rows in annotation_rows(annotation, run_id=run_id).items():
            rows[name].extend(table_rows)
        article = annotation.article
        mark = fingerprint(article.id, article.text)
        rows["fingerprints"].append(
            {
                "article_id": article.id,
                "shingles": mark.shingles,
                "signature": mark.signature,
                "run_id": run_id,
            }
        )
    return rows


def failure_row(problem: Problem, *, run_id: str) -> dict[str, Any]:
    """A quarantine row the driver completes with the record's origin, line and raw input."""
    return {
        "id": "",
        "record_id": problem.article_id,
        "origin": "",
        "line": 0,
        "raw": "",
        "code": problem.code,
        "message": problem.message,
        "run_id": run_id,
    }


def to_tables(rows: Rows) -> dict[str, pa.Table]:
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in rows}


@lru_cache(maxsize=2)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The pipeline of this worker process: the model is loaded once, on first use."""
    return Pipeline(settings)


def annotate_to_parquet(
    articles: Sequence[Article], *, settings: Settings, run_id: str, spool: str, part: str
) -> Manifest:
    """Worker entry point: annotate a chunk and write its tables to the Parquet spool."""
    rows = annotate_chunk(worker_pipeline(settings), articles, run_id=run_id)
    return write_parts(to_tables(rows), Path(spool), part=part)
