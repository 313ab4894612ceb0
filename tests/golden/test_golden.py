"""Golden files: whole articles through the whole pipeline, compared as sorted, pretty JSON.

The golden files keep codes, values and offsets only (never text), so the seed article from
../shared contributes no sentence to the project. A change in output is a reviewed diff:
regenerate with ``NEWSEVENTS_UPDATE_GOLDEN=1 pytest tests/golden`` and read ``git diff``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsevents.config import Settings
from newsevents.model import Annotation, Article
from newsevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "data"
SEED = ROOT.parent / "shared" / "seed" / "article.jsonl"
SAMPLE = ROOT / "src" / "newsevents" / "data" / "sample_corpus.jsonl"
SAMPLE_IDS = (
    "sample-005-singapore-summit",
    "sample-001-iran-implementation-day",
    "sample-063-south-sudan-peace-deal",
)


def summarize(annotation: Annotation) -> dict[str, Any]:
    """What the golden file keeps: everything but text."""
    return {
        "date": annotation.article.date,
        "entities": sorted([e.start, e.end, e.label, e.actor or ""] for e in annotation.entities),
        "timexes": sorted([t.start, t.end, t.type, t.value] for t in annotation.timexes),
        "events": sorted(
            [
                e.sentence,
                e.source or "",
                e.code,
                e.target or "",
                e.mode,
                e.date or "",
                e.date_precision or "",
                e.location.country if e.location and e.location.country else "",
                e.rule,
            ]
            for e in annotation.events
        ),
        "quotes": sorted(
            [q.start, q.end, q.kind, q.speaker_actor or "", q.verb or ""] for q in annotation.quotes
        ),
        "references": sorted([r.start, r.end, r.kind, r.id] for r in annotation.references),
    }


def render(summary: dict[str, Any]) -> str:
    """Pretty, diff-friendly JSON: one line per record."""
    lines = ["{"]
    for index, (key, value) in enumerate(sorted(summary.items())):
        comma = "," if index < len(summary) - 1 else ""
        if isinstance(value, list):
            rows = [f"    {json.dumps(row, ensure_ascii=False)}" for row in value]
            body = ",\n".join(rows)
            lines.append(f'  "{key}": [\n{body}\n  ]{comma}' if rows else f'  "{key}": []{comma}')
        else:
            lines.append(f'  "{key}": {json.dumps(value)}{comma}')
    return "\n".join([*lines, "}"]) + "\n"


def _articles() -> list[Article]:
    articles = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in SAMPLE_IDS:
            articles.append(Article(id=record["id"], text=record["text"], date=record["date"]))
    if SEED.exists():
        record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
        articles.append(Article(id=record["id"], text=record["text"], date=record["date"]))
    return articles


ARTICLES = _articles()


@pytest.fixture(scope="module")
def annotations(nlp: Any) -> dict[str, Annotation]:
    pipeline = Pipeline(Settings(), nlp=nlp)
    return {annotation.article.id: annotation for annotation in pipeline.annotate(ARTICLES)}


@pytest.mark.parametrize("article_id", [article.id for article in ARTICLES])
def test_article_matches_its_golden_file(
    annotations: dict[str, Annotation], article_id: str
) -> None:
    path = GOLDEN / f"{article_id}.json"
    actual = render(summarize(annotations[article_id]))
    if os.environ.get("NEWSEVENTS_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with NEWSEVENTS_UPDATE_GOLDEN=1"
    assert json.loads(actual) == json.loads(path.read_text(encoding="utf-8"))


def test_golden_files_hold_no_text() -> None:
    for path in GOLDEN.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for rows in data.values():
            if isinstance(rows, list):
                for row in rows:
                    assert all(len(str(value)) < 60 for value in row), path.name
