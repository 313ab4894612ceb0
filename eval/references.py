"""Score the references stage on eval/references/dev.jsonl: precision, recall and F1 of (kind, id).

Run ``python eval/references.py`` from the repository root. References only read the cleaned
text, so no spaCy model is needed here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from newsevents.model import Article, Parse
from newsevents.stages.clean import clean_text
from newsevents.stages.references import extract_references

DEV = Path(__file__).resolve().parent / "references" / "dev.jsonl"


def evaluate(path: Path = DEV) -> dict[str, float]:
    """Compare predicted and gold (kind, id) pairs sentence by sentence, as multisets."""
    true_positives = predicted = gold_count = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        article = Article(id=f"dev-{number}", text=record["text"])
        cleaned = clean_text(article.text, article_id=article.id)
        parse = Parse(article_id=article.id, text=cleaned.text, tokens=(), sentences=(), spans=())
        found = Counter((ref.kind, ref.id) for ref in extract_references(parse, article=article))
        gold = Counter((item["kind"], item["id"]) for item in record["gold"])
        true_positives += sum((found & gold).values())
        predicted += sum(found.values())
        gold_count += sum(gold.values())
    return _scores(true_positives, predicted, gold_count)


def _scores(true_positives: int, predicted: int, gold: int) -> dict[str, float]:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": float(gold)}


if __name__ == "__main__":
    for name, value in evaluate().items():
        print(f"{name}: {value:.3f}")
