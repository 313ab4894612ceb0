"""Evaluate actor code assignment on ``eval/actors/dev.jsonl`` (texts written by the team).

A gold mention is found when a returned entity overlapping it has the same actor code.
Precision counts every coded entity that overlaps a gold mention (a wrong code there is a
false positive); coded entities outside every gold mention are reported, not scored, as the
gold set annotates the actors of each text, not every noun phrase.
Run ``python eval/actors.py`` for the table; the floor is F1 >= 0.97 (issue 3, round 3: 0.988
on 303 mentions).
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


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def evaluate(*, verbose: bool = False, nlp: Any = None) -> dict[str, float]:
    """Score the actor stage on the dev set: precision, recall, F1 and the gold count."""
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    dictionaries = load_actor_dictionaries()
    records = _records()
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
    print(f"{'metric':<10} {'value':>8}")
    for key in ("precision", "recall", "f1"):
        print(f"{key:<10} {scores[key]:>8.3f}")
    print(f"{'n_gold':<10} {int(scores['n_gold']):>8}")
    print(f"{'unscored':<10} {int(scores['unscored']):>8}  (coded entities outside gold mentions)")
    status = "ok" if scores["f1"] >= FLOOR_F1 else "BELOW FLOOR"
    print(f"floor F1 >= {FLOOR_F1}: {status}")


if __name__ == "__main__":
    main()
