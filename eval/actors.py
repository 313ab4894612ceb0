"""Evaluate actor code assignment on ``eval/actors/dev.jsonl`` (texts written by the team).

A gold mention is found when a returned entity overlapping it has the same actor code.
Precision counts every coded entity that overlaps a gold mention (a wrong code there is a
false positive); coded entities outside every gold mention are reported, not scored, as the
gold set annotates the actors of each text, not every noun phrase.
Run ``python eval/actors.py`` for the table; the floor is F1 >= 0.97 (issue 3, round 3: 0.988
on 303 mentions). ``evaluate()`` also scores the held-out set (``actors/test.jsonl``, written
after the rules were settled and never used to change them) under ``test_`` keys; misses are
listed for the dev set only, and docs/actors.md describes the held-out error classes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsevents.dictionaries.actors import load_actor_dictionaries
from newsevents.model import Article, Entity
from newsevents.nlp import load_nlp
from newsevents.stages.actors import extract_actors
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts

DEV = Path(__file__).resolve().parent / "actors" / "dev.jsonl"
TEST = DEV.with_name("test.jsonl")  # held out: never used to change the rules
FLOOR_F1 = 0.97  # eval/floors.json (issue 3, round 3)


def _overlaps(entity: Entity, gold: dict[str, Any]) -> bool:
    return bool(entity.start < gold["end"] and gold["start"] < entity.end)


def _score(entities: tuple[Entity, ...], golds: list[dict[str, Any]]) -> dict[str, int]:
    coded = [entity for entity in entities if entity.actor]
    found = sum(
        any(_overlaps(e, gold) and e.actor == gold["code"] for e in coded) for gold in golds
    )
    scored = [e for e in coded if any(_overlaps(e, gold) for gold in golds)]
    correct = sum(
        any(_overlaps(e, gold) and e.actor == gold["code"] for gold in golds) for e in scored
    )
    return {
        "found": found,
        "gold": len(golds),
        "correct": correct,
        "scored": len(scored),
        "unscored": len(coded) - len(scored),
    }


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(
    *, verbose: bool = False, nlp: Any = None, held_out: Path | None = TEST
) -> dict[str, float]:
    """Precision, recall, F1 and the gold count on the dev set, and on ``held_out`` as ``test_``."""
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    result = _evaluate(DEV, nlp=nlp, verbose=verbose)
    if held_out is not None:
        scores = _evaluate(held_out, nlp=nlp, verbose=False)  # its misses stay unread
        result |= {f"test_{name}": value for name, value in scores.items()}
    return result


def _evaluate(path: Path, *, nlp: Any, verbose: bool) -> dict[str, float]:
    dictionaries = load_actor_dictionaries()
    records = _records(path)
    items = [(r["id"], clean_text(r["text"], article_id=r["id"]).text) for r in records]
    totals = {"found": 0, "gold": 0, "correct": 0, "scored": 0, "unscored": 0}
    for record, parse in zip(records, parse_texts(nlp, items), strict=True):
        article = Article(id=record["id"], text=record["text"], date=record["date"])
        entities = extract_actors(parse, article=article, dictionaries=dictionaries)
        counts = _score(entities, record["mentions"])
        for key, value in counts.items():
            totals[key] += value
        if verbose:
            _print_misses(record, entities)
    precision = totals["correct"] / totals["scored"] if totals["scored"] else 0.0
    recall = totals["found"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "n_gold": float(totals["gold"]),
        "unscored": float(totals["unscored"]),
    }


def _print_misses(record: dict[str, Any], entities: tuple[Entity, ...]) -> None:
    for gold in record["mentions"]:
        got = [e.actor for e in entities if _overlaps(e, gold) and e.actor]
        if gold["code"] not in got:
            print(f"  {record['id']}: {gold['text']!r} gold {gold['code']} got {got}")


def main() -> None:
    scores = evaluate(verbose=True)
    print(f"{'metric':<10} {'dev':>8} {'held-out':>9}")
    for key in ("precision", "recall", "f1"):
        print(f"{key:<10} {scores[key]:>8.3f} {scores[f'test_{key}']:>9.3f}")
    for key in ("n_gold", "unscored"):
        print(f"{key:<10} {int(scores[key]):>8} {int(scores[f'test_{key}']):>9}")
    print("(unscored: coded entities outside gold mentions)")
    status = "ok" if scores["f1"] >= FLOOR_F1 else "BELOW FLOOR"
    print(f"floor F1 >= {FLOOR_F1}: {status}")


if __name__ == "__main__":
    main()
