"""Code PETRARCH2's validation sentences from raw text with their own dictionaries only.

``../shared/data/dev/petrarch_validate_dev.jsonl`` holds 234 of PETRARCH's validation records
(sentences written by PETRARCH's authors to test it) with the events PETRARCH2 is expected to
produce, and ``petrarch_dictionaries/`` the actor, agent and verb dictionaries written for them
(issue 16). Each sentence runs through the whole pipeline with those dictionaries and no built-in
ones (``--no-builtin-dictionaries --actors --agents --verbs``),
and is scored by exact-set accuracy (the sentence's set of (source, target, code) triples equals
the expected set; a record marked ``noevents`` expects none) and triple precision, recall and F1,
overall and by the record's category. The split is ``eval/split.py``'s: errors are printed for
the study part only (``--errors``); the untouched fifth is only scored (``test_`` keys).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # eval/ is not a package
from split import DataMissing, untouched

from newsevents.config import Settings
from newsevents.model import Article
from newsevents.pipeline import Pipeline

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
RECORDS = DEV / "petrarch_validate_dev.jsonl"
DICTIONARIES = DEV / "petrarch_dictionaries"
Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Result:
    """One record: its category, part, expected and coded triples."""

    id: str
    category: str
    held: bool
    text: str
    gold: frozenset[Triple]
    coded: frozenset[Triple]


def settings() -> Settings:
    """The validation dictionaries only, no built-in ones."""
    return Settings(
        actor_files=(str(DICTIONARIES / "PETR.Validate.actors.txt"),),
        agent_files=(str(DICTIONARIES / "PETR.Validate.agents.txt"),),
        verb_files=(str(DICTIONARIES / "PETR.Validate.verbs.txt"),),
        builtin_dictionaries=False,
    )


def load() -> list[dict[str, Any]]:
    if not RECORDS.exists() or not DICTIONARIES.is_dir():
        raise DataMissing(
            f"{RECORDS} is absent: PETRARCH's validation records live in ../shared/data/dev "
            "beside the repository"
        )
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line]


def _date(value: str) -> str | None:
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if len(value) == 8 and value.isdigit() else None


def run(records: Sequence[dict[str, Any]], *, pipeline: Pipeline | None = None) -> list[Result]:
    pipeline = pipeline or Pipeline(settings())
    articles = [
        Article(id=record["id"], text=record["text"], date=_date(record.get("date", "")))
        for record in records
    ]
    results = []
    for index, (record, annotation) in enumerate(
        zip(records, pipeline.annotate(articles), strict=True)
    ):
        gold = frozenset(
            (event["source"], event["target"], event["code"])
            for event in record.get("events", [])
            if not record.get("noevents")
        )
        coded = frozenset(
            (event.source or "", event.target or "", event.code) for event in annotation.events
        )
        results.append(
            Result(record["id"], record["category"], untouched(index), record["text"], gold, coded)
        )
    return results


def scores(results: Sequence[Result]) -> dict[str, float]:
    exact = sum(result.gold == result.coded for result in results)
    found = sum(len(result.gold & result.coded) for result in results)
    coded = sum(len(result.coded) for result in results)
    gold = sum(len(result.gold) for result in results)
    precision = found / coded if coded else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "exact": exact / len(results) if results else 0.0,
        "triple_precision": precision,
        "triple_recall": recall,
        "triple_f1": f1,
        "n": float(len(results)),
    }


def summarize(results: Sequence[Result]) -> dict[str, float]:
    study = scores([result for result in results if not result.held])
    held = scores([result for result in results if result.held])
    return {**study, **{f"test_{name}": value for name, value in held.items()}}


def evaluate() -> dict[str, float]:
    return summarize(run(load()))


def by_category(results: Sequence[Result]) -> dict[str, tuple[int, int]]:
    """Exact matches and records per category (study part)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for result in results:
        if not result.held:
            table[result.category][0] += result.gold == result.coded
            table[result.category][1] += 1
    return {category: (done, total) for category, (done, total) in table.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="Print study-part mismatches.")
    options = parser.parse_args(argv)
    try:
        results = run(load())
    except DataMissing as missing:
        print(f"petrarch: {missing}")
        return 0
    summary = summarize(results)
    print("part       exact  P     R     F1    n")
    for label, prefix in (("study", ""), ("untouched", "test_")):
        values = [summary[f"{prefix}{name}"] for name in ("exact", "triple_precision")]
        values += [summary[f"{prefix}{name}"] for name in ("triple_recall", "triple_f1")]
        shown = "  ".join(f"{value:.2f}" for value in values)
        print(f"{label:10} {shown}  {summary[f'{prefix}n']:.0f}")
    print("study part by category (exact/records):")
    table = by_category(results)
    for category, (done, total) in sorted(table.items(), key=lambda item: -item[1][1]):
        print(f"  {category:10} {done:3}/{total:<3}")
    if options.errors:
        for result in results:
            if result.held or result.gold == result.coded:
                continue
            print(f"\n{result.id} [{result.category}] {result.text}")
            print(f"  expected {sorted(result.gold)}")
            print(f"  coded    {sorted(result.coded)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
