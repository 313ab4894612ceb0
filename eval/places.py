"""Score the places stage on eval/places/dev.jsonl: precision, recall and F1 of event locations.

Run ``python eval/places.py`` from the repository root (needs the spaCy model). Each line has a
sentence, the event trigger (its first occurrence) and the gold place (name and ISO3 country) or
null. A prediction is right when its country and its name (ignoring case) match the gold ones;
a place predicted where the gold is null counts against precision.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsevents.model import Article, Event, Location, Parse
from newsevents.nlp import load_nlp
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts
from newsevents.stages.places import locate_events

DEV = Path(__file__).resolve().parent / "places" / "dev.jsonl"


def evaluate(path: Path = DEV, *, nlp: Any = None) -> dict[str, float]:
    """Locate one hand-built event per sentence and compare with the gold place."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=f"dev-{n}", text=record["text"]) for n, record in enumerate(records)]
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    texts = [(a.id, clean_text(a.text, article_id=a.id).text) for a in articles]
    true_positives = predicted = gold_count = 0
    for record, article, parse in zip(records, articles, parse_texts(nlp, texts), strict=True):
        event = _event(parse, record["trigger"])
        (located,) = locate_events((event,), parse=parse, article=article, entities=())
        gold = record["gold"]
        gold_count += gold is not None
        predicted += located.location is not None
        true_positives += _matches(located.location, gold)
    return _scores(true_positives, predicted, gold_count)


def _event(parse: Parse, trigger: str) -> Event:
    start = parse.text.index(trigger)
    end = start + len(trigger)
    sentence = next(s.index for s in parse.sentences if s.start <= start < s.end)
    return Event(
        article_id=parse.article_id,
        source=None,
        target=None,
        code="040",
        root="04",
        quad_class=1,
        goldstein=1.0,
        plover=None,
        mode="asserted",
        sentence=sentence,
        start=start,
        end=end,
        rule="eval",
        trigger_start=start,
        trigger_end=end,
    )


def _matches(location: Location | None, gold: dict[str, str] | None) -> bool:
    if location is None or gold is None:
        return False
    return location.country == gold["country"] and location.name.lower() == gold["name"].lower()


def _scores(true_positives: int, predicted: int, gold: int) -> dict[str, float]:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": float(gold)}


if __name__ == "__main__":
    for name, value in evaluate().items():
        print(f"{name}: {value:.3f}")
