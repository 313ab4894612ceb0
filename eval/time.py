"""Score the time expression stage on the dev and held-out sets against a dateparser baseline.

Run ``python eval/time.py`` from the repository root (``-v`` lists every error). The dev set
(eval/time/dev.jsonl) was written by the engineers who tuned the rules; the held-out set
(eval/time/test.jsonl) was written after the rules were settled and is never used to change
them, so its scores (keys prefixed ``test_``) are the honest ones. Spans are matched strictly
(same offsets) and relaxed (overlapping, one to one); type accuracy is over relaxed matches;
value F1 counts a relaxed match with the gold TIMEX3 value. The baseline is dateparser's
``search_dates`` with the publication date as ``RELATIVE_BASE``, its dates written at the
precision their words show.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from newsevents.model import Article
from newsevents.nlp import load_nlp
from newsevents.stages.clean import clean_text
from newsevents.stages.dates import extract_timexes
from newsevents.stages.parse import parse_texts

DEV = Path(__file__).resolve().parent / "time" / "dev.jsonl"
TEST = Path(__file__).resolve().parent / "time" / "test.jsonl"
_YEAR_ONLY = re.compile(r"\d{4}")
_HAS_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|today|yesterday|tomorrow|ago|day", re.I)
_HAS_CLOCK = re.compile(r"\d:\d\d|\b[ap]\.?m\b", re.I)


class Mention(NamedTuple):
    start: int
    end: int
    type: str
    value: str


class Tally:
    """Counts for one system over the whole set.

    A plain class: eval/gate.py loads this file without registering it as a module, which
    dataclasses need.
    """

    def __init__(self) -> None:
        self.gold = self.predicted = self.strict = self.relaxed = self.typed = self.valued = 0

    def add(self, gold: list[Mention], predicted: list[Mention]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        spans = {(mention.start, mention.end) for mention in predicted}
        self.strict += sum((mention.start, mention.end) in spans for mention in gold)
        for truth, guess in _pairs(gold, predicted):
            self.relaxed += 1
            self.typed += truth.type == guess.type
            self.valued += truth.value == guess.value

    def scores(self) -> dict[str, float]:
        return {
            "strict_f1": _f1(self.strict, self.predicted, self.gold),
            "relaxed_f1": _f1(self.relaxed, self.predicted, self.gold),
            "type_accuracy": self.typed / self.relaxed if self.relaxed else 0.0,
            "value_precision": self.valued / self.predicted if self.predicted else 0.0,
            "value_recall": self.valued / self.gold if self.gold else 0.0,
            "value_f1": _f1(self.valued, self.predicted, self.gold),
        }


def _pairs(gold: list[Mention], predicted: list[Mention]) -> Iterable[tuple[Mention, Mention]]:
    """Overlapping gold and predicted mentions, each used once, in text order."""
    used: set[int] = set()
    for truth in gold:
        for index, guess in enumerate(predicted):
            if index not in used and guess.start < truth.end and truth.start < guess.end:
                used.add(index)
                yield truth, guess
                break


def _f1(hits: int, predicted: int, gold: int) -> float:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _ours(records: list[dict[str, Any]]) -> list[list[Mention]]:
    nlp = load_nlp("en_core_web_sm")
    items = [
        (record["id"], clean_text(record["text"], article_id=record["id"]).text)
        for record in records
    ]
    found: list[list[Mention]] = []
    for record, parse in zip(records, parse_texts(nlp, items), strict=True):
        article = Article(id=record["id"], text=record["text"], date=record["date"])
        timexes = extract_timexes(parse, article=article)
        found.append([Mention(t.start, t.end, t.type, t.value) for t in timexes])
    return found


def _baseline(record: dict[str, Any]) -> list[Mention]:
    """dateparser's search_dates, anchored on the publication date."""
    from dateparser.search import search_dates  # a dev dependency, only for the baseline

    base = datetime.fromisoformat(record["date"])
    settings = {"RELATIVE_BASE": base}
    results = search_dates(record["text"], languages=["en"], settings=settings) or []
    mentions: list[Mention] = []
    position = 0
    for words, moment in results:
        start = record["text"].find(words, position)
        if start < 0:
            continue
        position = start + len(words)
        mentions.append(Mention(start, position, *_baseline_value(words, moment)))
    return mentions


def _baseline_value(words: str, moment: datetime) -> tuple[str, str]:
    """The value at the precision the words show: a year, a month, a day or a clock time."""
    if _YEAR_ONLY.fullmatch(words.strip()):
        return "DATE", f"{moment.year:04d}"
    if _HAS_CLOCK.search(words):
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if not _HAS_DAY.search(words) and re.search(r"\d{4}", words):
        return "DATE", moment.strftime("%Y-%m")
    return "DATE", moment.strftime("%Y-%m-%d")


def _gold(record: dict[str, Any]) -> list[Mention]:
    return [Mention(t["start"], t["end"], t["type"], t["value"]) for t in record["timexes"]]


def _score(path: Path, *, verbose: bool) -> tuple[Tally, Tally]:
    """Tallies of ours and of the baseline on one set."""
    records = _records(path)
    ours, baseline = Tally(), Tally()
    for record, found in zip(records, _ours(records), strict=True):
        gold = _gold(record)
        ours.add(gold, found)
        baseline.add(gold, _baseline(record))
        if verbose:
            _show_errors(record, gold, found)
    return ours, baseline


def _keys(ours: Tally, baseline: Tally, prefix: str = "") -> dict[str, float]:
    scores = ours.scores()
    keys = ("strict_f1", "relaxed_f1", "type_accuracy", "value_f1")
    found = {f"{prefix}{name}": scores[name] for name in keys}
    found[f"{prefix}baseline_value_f1"] = baseline.scores()["value_f1"]
    found[f"{prefix}n_gold"] = float(ours.gold)
    return found


def evaluate(
    path: Path = DEV, *, test: Path | None = TEST, verbose: bool = False
) -> dict[str, float]:
    """Scores of ours and of the dateparser baseline on the dev and held-out (``test_``) sets."""
    if verbose:
        print(f"errors on {path.name}:")
    tallies = [_score(path, verbose=verbose)]
    if test is not None:
        if verbose:
            print(f"errors on {test.name} (held out):")
        tallies.append(_score(test, verbose=verbose))
    _print_table(tallies)
    results = _keys(*tallies[0])
    if len(tallies) > 1:
        results.update(_keys(*tallies[1], prefix="test_"))
    return results


def _print_table(tallies: list[tuple[Tally, Tally]]) -> None:
    """Dev and held-out side by side, ours next to dateparser."""
    names = ("dev", "held-out")
    header = "".join(f" {name + ' ours':>14} {name + ' dp':>12}" for name in names[: len(tallies)])
    print(f"{'metric':16}{header}")
    table = [(ours.scores(), baseline.scores()) for ours, baseline in tallies]
    for metric in table[0][0]:
        row = "".join(f" {ours[metric]:14.3f} {base[metric]:12.3f}" for ours, base in table)
        print(f"{metric:16}{row}")
    print(f"{'gold':16}" + "".join(f" {ours.gold:14d} {'':12}" for ours, _ in tallies))


def _show_errors(record: dict[str, Any], gold: list[Mention], found: list[Mention]) -> None:
    text = record["text"]
    matched = {id(truth): guess for truth, guess in _pairs(gold, found)}
    for truth in gold:
        guess = matched.get(id(truth))
        if guess is None or guess != truth:
            shown = "-" if guess is None else f"{text[guess.start : guess.end]!r} {guess.value}"
            print(f"  {record['id']}: {text[truth.start : truth.end]!r} {truth.value}  <- {shown}")
    used = {id(guess) for guess in matched.values()}
    for guess in found:
        if id(guess) not in used:
            print(f"  {record['id']}: extra {text[guess.start : guess.end]!r} {guess.value}")


if __name__ == "__main__":
    results = evaluate(verbose="-v" in sys.argv)
    print(", ".join(f"{name} {value:.3f}" for name, value in results.items()))
