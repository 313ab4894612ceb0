"""The Python API: annotate texts and records, ingest a corpus into a store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import IO, Any

from newsevents.config import Settings
from newsevents.contract import annotation_to_json, error_to_json, problem_to_json
from newsevents.engines.base import Engine
from newsevents.errors import NotEnglishError
from newsevents.ingestion import Ingestion
from newsevents.model import Annotation, Article, Problem, Run
from newsevents.pipeline import NOT_ENGLISH, Pipeline
from newsevents.stages.ingest import (
    RawRecord,
    Rejected,
    article_from_mapping,
    check_inputs,
    read_records,
    replaced_bytes_warning,
    validate_record,
)
from newsevents.storage.duckdb import DuckDBStore

Progress = Callable[[int], None]

__all__ = ["Ingestion", "annotate", "annotate_records", "ingest"]


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
    records: Iterable[RawRecord], *, pipeline: Pipeline, chunk_size: int = 128, strict: bool = False
) -> Iterator[dict[str, Any]]:
    """One output line (the annotate contract) per input record, in input order.

    With ``strict``, a text not in English is an error line (NE110) instead of a warning.
    """
    iterator = iter(records)
    while chunk := list(islice(iterator, chunk_size)):
        validated = [validate_record(record) for record in chunk]
        articles = [item for item in validated if isinstance(item, Article)]
        annotated = iter(pipeline.annotate_results(articles))
        for record, item in zip(chunk, validated, strict=True):
            if isinstance(item, Rejected):
                line = error_to_json(item.id, item.problem)
            else:
                line = _output_line(item.id, next(annotated), strict=strict)
            warning = replaced_bytes_warning(record, line["id"])
            if warning is not None:
                line["warnings"].append(problem_to_json(warning))
            yield line


def _output_line(identifier: str, result: Annotation | Problem, *, strict: bool) -> dict[str, Any]:
    if isinstance(result, Problem):
        return error_to_json(identifier, result)
    foreign = [problem for problem in result.problems if problem.code == NOT_ENGLISH]
    if strict and foreign:
        message = foreign[0].message.replace(f"[{NOT_ENGLISH}]", f"[{NotEnglishError.code}]")
        return error_to_json(
            identifier, replace(foreign[0], code=NotEnglishError.code, message=message)
        )
    return annotation_to_json(result)


def ingest(
    paths: Iterable[str | Path],
    *,
    store: DuckDBStore,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
    stdin: IO[Any] | None = None,
    engine: Engine | None = None,
) -> Run:
    """Ingest files and folders (JSONL, text, HTML, WARC) into ``store``; returns the counts.

    The engine is ``settings.engine`` with ``settings.workers`` unless one is given.
    """
    paths = list(paths)
    check_inputs(paths)
    pipeline = pipeline or Pipeline(settings or Settings())
    # The same chunks on every engine: spaCy's results can depend on which texts share a batch,
    # so identical chunking is what makes every engine store identical results.
    chunk_size = max(1, pipeline.settings.batch_size) * 4
    ingestion = Ingestion(store, pipeline, progress=progress, engine=engine)
    return ingestion.run(read_records(paths, stdin=stdin), chunk_size=chunk_size)
