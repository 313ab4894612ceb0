"""Throughput of the full pipeline as a ratio against bare spaCy, on real news (../shared/data).

Alternates A/B passes in one run and reports medians, since the machine is shared and noisy
(PERFORMANCE-NOTES: medians move 3-8% between passes). Run: ``make bench`` or
``python benchmarks/run.py --articles 200 --passes 3``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsevents.config import Settings
from newsevents.model import Article
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import DEFAULT_BATCH_SIZE, parse_texts

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def load_articles(limit: int) -> list[Article]:
    articles: list[Article] = []
    for name in ("voa/stories.jsonl", "reuters/articles.jsonl"):
        with (SHARED / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if len(record.get("text", "").split()) < 80:
                    continue
                date = (record.get("published") or record.get("date") or "")[:10] or None
                articles.append(Article(id=str(record["id"]), text=record["text"], date=date))
                if len(articles) >= limit:
                    return articles
    return articles


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    options = parser.parse_args()
    articles = load_articles(options.articles)
    words = sum(len(article.text.split()) for article in articles)
    nlp = load_nlp("en_core_web_sm")
    pipeline = Pipeline(Settings(), nlp=nlp)
    pipeline.annotate_one(articles[0])  # load dictionaries outside the timing

    def bare() -> None:
        for _ in nlp.pipe((a.text for a in articles), batch_size=DEFAULT_BATCH_SIZE):
            pass

    def parse_only() -> None:
        items = ((a.id, clean_text(a.text).text) for a in articles)
        for _ in parse_texts(nlp, items):
            pass

    def full() -> None:
        for _ in pipeline.annotate(articles):
            pass

    runs: dict[str, list[float]] = {"bare spaCy": [], "parse + records": [], "full pipeline": []}
    bare()  # warm-up: first-batch allocations and lazy loads are not throughput
    for _ in range(options.passes):
        for name, function in zip(runs, (bare, parse_only, full), strict=True):
            runs[name].append(timed(function))
    base = statistics.median(runs["bare spaCy"])
    print(f"{len(articles)} articles, {words} words, {options.passes} alternating passes")
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        print(
            f"{name:16} {len(articles) / median:7.1f} articles/s  {words / median:8.0f} words/s"
            f"  ratio {base / median:.2f}"
        )


if __name__ == "__main__":
    main()
