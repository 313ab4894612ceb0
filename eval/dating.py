"""Score event dating on eval/dating/dev.jsonl: the date each hand-placed event is given.

Run ``python eval/dating.py`` from the repository root (``-v`` lists every error); it scores
the development set and the held-out set (``dating/test.jsonl``), ``evaluate()`` the first.
Each sentence holds one event trigger; the event is built by hand from the trigger's span,
the sentence is cleaned and parsed as the pipeline does, and ``date_events`` dates it with the
time stage's expressions. A date is right when its value and precision are the gold ones; an
event is historical in the gold when its gold date ends more than ``HISTORICAL_AFTER_DAYS``
before publication.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from newsevents.model import Article, Event, Parse
from newsevents.nlp import load_nlp
from newsevents.stages.clean import clean_text
from newsevents.stages.dates import extract_timexes
from newsevents.stages.dating import HISTORICAL_AFTER_DAYS, date_events
from newsevents.stages.parse import parse_texts
from newsevents.timeml import interval

DEV = Path(__file__).resolve().parent / "dating" / "dev.jsonl"
TEST = DEV.with_name("test.jsonl")  # held out: never used to change the rules


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _gold(record: dict[str, Any]) -> tuple[str, str, bool]:
    """The gold date at its precision, the precision, and whether the event is historical."""
    if record["gold"] == "PUB":
        return record["date"], "day", False
    span = interval(record["gold"])
    if span is None:
        raise ValueError(f"{record['id']}: gold {record['gold']!r} is not a calendar value")
    published = date.fromisoformat(record["date"])
    return span.text, span.precision, (published - span.last).days > HISTORICAL_AFTER_DAYS


def _event(record: dict[str, Any], parse: Parse) -> Event:
    """An event on the trigger alone, in the sentence the parser put it in."""
    start, end = record["trigger_start"], record["trigger_end"]
    (sentence,) = [s.index for s in parse.sentences if s.start <= start < s.end]
    return Event(
        article_id=record["id"],
        source=None,
        target=None,
        code="010",
        root="01",
        quad_class=0,
        goldstein=0.0,
        plover=None,
        mode="asserted",
        sentence=sentence,
        start=start,
        end=end,
        rule="eval",
        trigger_start=start,
        trigger_end=end,
    )


def _dated(records: list[dict[str, Any]]) -> list[Event]:
    nlp = load_nlp("en_core_web_sm")
    items = [(r["id"], clean_text(r["text"], article_id=r["id"]).text) for r in records]
    dated: list[Event] = []
    for record, parse in zip(records, parse_texts(nlp, items), strict=True):
        article = Article(id=record["id"], text=record["text"], date=record["date"])
        timexes = extract_timexes(parse, article=article)
        (event,) = date_events(
            (_event(record, parse),), parse=parse, article=article, timexes=timexes
        )
        dated.append(event)
    return dated


def evaluate(path: Path = DEV, *, verbose: bool = False) -> dict[str, float]:
    """Accuracy of event dates and precision/recall of the historical mode on the dev set."""
    records = _records(path)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    flagged = truly = both = 0
    for record, event in zip(records, _dated(records), strict=True):
        gold_date, gold_precision, historical = _gold(record)
        correct = (event.date, event.date_precision) == (gold_date, gold_precision)
        total[record["kind"]] += 1
        right[record["kind"]] += correct
        predicted = event.mode == "historical"
        flagged += predicted
        truly += historical
        both += predicted and historical
        if verbose and (not correct or predicted != historical):
            _show(record, event, gold_date, historical)
    for kind in sorted(total):
        print(f"{kind:12} {right[kind]:3}/{total[kind]:3} {right[kind] / total[kind]:.3f}")
    n_gold = sum(total.values())
    return {
        "accuracy": sum(right.values()) / n_gold,
        "historical_precision": both / flagged if flagged else 0.0,
        "historical_recall": both / truly if truly else 0.0,
        "n_gold": float(n_gold),
    }


def _show(record: dict[str, Any], event: Event, gold_date: str, historical: bool) -> None:
    print(
        f"  {record['id']} [{record['kind']}] {record['trigger']!r}: gold {gold_date}"
        f"{' H' if historical else ''} <- {event.date} {event.date_precision}"
        f"{' H' if event.mode == 'historical' else ''} from {event.date_text!r}"
        f"\n      {record['text']}"
    )


if __name__ == "__main__":
    for name, path in (("dev", DEV), ("held-out", TEST)):
        print(f"== {name}")
        results = evaluate(path, verbose="-v" in sys.argv)
        print(", ".join(f"{metric} {value:.3f}" for metric, value in results.items()))
