"""Evaluate the quotes stage on the quote development and held-out sets (issue 6).

Runs clean -> parse -> actors (when the actor stage is importable) -> quotes on every article of
``eval/quotes/dev.jsonl`` and of the held-out ``eval/quotes/test.jsonl`` (written after the rules
were settled and never used to change them; scores keyed ``test_...``) and prints precision,
recall and F1 of quote spans, at overlap >= 50% and exact, per kind, and speaker accuracy, dev
and held-out side by side. Run: ``.venv/bin/python eval/quotes.py [-v]``.

Matching: a predicted quote matches a gold quote of the same kind when their overlap (shared
characters over the longer of the two) is at least 0.5; each quote matches at most once.
A matched quote's speaker is right when the gold and predicted speaker mentions share their
words (one's words are a contiguous run of the other's, case-insensitive: "Pompeo" is right for
"Secretary of State Mike Pompeo"), or both are None; and, when actors ran and the gold names an
actor, the predicted actor code starts with the gold code ("USA" is right for "USAGOV").
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.model import Article, Entity, Parse, Quote
from newsevents.nlp import load_nlp
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts
from newsevents.stages.quotes import extract_quotes

DEV = Path(__file__).resolve().parent / "quotes" / "dev.jsonl"
TEST = Path(__file__).resolve().parent / "quotes" / "test.jsonl"
# Floors from issue 6; they only ever rise.
FLOORS = {"direct_f1_overlap": 0.90, "speaker_accuracy": 0.90}
MIN_OVERLAP = 0.5

ActorStage = Callable[[Parse, Article], tuple[Entity, ...]]


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    kind: str
    speaker: str | None
    actor: str | None


def load_dev(path: Path = DEV) -> Iterator[tuple[Article, list[Gold]]]:
    """Yield each dev article with its gold quotes, checking that the offsets hold."""
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = Article(id=record["id"], text=record["text"], date=record["date"])
        golds: list[Gold] = []
        for quote in record["quotes"]:
            if article.text[quote["start"] : quote["end"]] != quote["text"]:
                raise ValueError(f"{article.id}: offsets of {quote['text']!r} do not hold")
            golds.append(
                Gold(quote["start"], quote["end"], quote["kind"], quote["speaker"], quote["actor"])
            )
        yield article, golds


def actor_stage() -> ActorStage | None:
    """The actor stage when it is importable (it is developed alongside this one)."""
    try:
        from newsevents.dictionaries.actors import load_actor_dictionaries
        from newsevents.stages.actors import extract_actors
    except ImportError:
        return None
    dictionaries = load_actor_dictionaries()

    def run(parse: Parse, article: Article) -> tuple[Entity, ...]:
        return extract_actors(parse, article=article, dictionaries=dictionaries)

    return run


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    shared = min(a_end, b_end) - max(a_start, b_start)
    return max(shared, 0) / max(a_end - a_start, b_end - b_start, 1)


def match(golds: list[Gold], quotes: tuple[Quote, ...], *, exact: bool) -> list[tuple[Gold, Quote]]:
    """Pair gold and predicted quotes of one kind, best overlap first, each at most once."""
    candidates = []
    for gold_index, gold in enumerate(golds):
        for quote_index, quote in enumerate(quotes):
            if _as_set_kind(quote) != gold.kind:
                continue
            if exact and (quote.start, quote.end) != (gold.start, gold.end):
                continue
            score = overlap(gold.start, gold.end, quote.start, quote.end)
            if score >= MIN_OVERLAP:
                candidates.append((score, gold_index, quote_index))
    pairs: list[tuple[Gold, Quote]] = []
    used_gold: set[int] = set()
    used_quote: set[int] = set()
    for _, gold_index, quote_index in sorted(candidates, reverse=True):
        if gold_index not in used_gold and quote_index not in used_quote:
            used_gold.add(gold_index)
            used_quote.add(quote_index)
            pairs.append((golds[gold_index], quotes[quote_index]))
    return pairs


def _words(text: str | None) -> tuple[str, ...]:
    return tuple((text or "").lower().replace("'s", " 's").split())


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def speaker_mention_right(gold: Gold, quote: Quote) -> bool:
    """The speaker mention is right: same words (one inside the other), or both None."""
    if gold.speaker is None or quote.speaker is None:
        return gold.speaker is None and quote.speaker is None
    expected, found = _words(gold.speaker), _words(quote.speaker)
    return _contains(expected, found) or _contains(found, expected)


def speaker_actor_right(gold: Gold, quote: Quote) -> bool:
    return gold.actor is None or (quote.speaker_actor or "").startswith(gold.actor)


def speaker_right(gold: Gold, quote: Quote, *, with_actors: bool) -> bool:
    if not speaker_mention_right(gold, quote):
        return False
    return speaker_actor_right(gold, quote) if with_actors else True


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class _Tally:
    """Span counts per kind and speaker counts over one set (a plain class: see eval/time.py)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.speakers = [0, 0, 0, 0]  # right, matched, mention right, actor right
        self.with_actor = 0  # matched quotes whose gold speaker has an actor code


def _score_set(path: Path, nlp: Any, actors: ActorStage | None, *, verbose: bool) -> _Tally:
    """Run the stages on one set and tally spans and speakers."""
    tally = _Tally()
    data = list(load_dev(path))
    cleaned = [
        (article.id, clean_text(article.text, article_id=article.id).text) for article, _ in data
    ]
    with_actors = actors is not None
    for (article, golds), parse in zip(data, parse_texts(nlp, cleaned), strict=True):
        entities = actors(parse, article) if actors else ()
        quotes = extract_quotes(parse, article=article, entities=entities)
        for kind in ("direct", "indirect"):
            kind_golds = [gold for gold in golds if gold.kind == kind]
            kind_quotes = tuple(quote for quote in quotes if _as_set_kind(quote) == kind)
            loose = match(kind_golds, kind_quotes, exact=False)
            exact = match(kind_golds, kind_quotes, exact=True)
            _count(tally.counts, kind, len(kind_golds), len(kind_quotes), loose, exact)
            for gold, quote in loose:
                _tally_speaker(tally, gold, quote, with_actors=with_actors)
                if verbose and not speaker_right(gold, quote, with_actors=with_actors):
                    _show_speaker(article, gold, quote)
            if verbose:
                _show_misses(article, kind_golds, kind_quotes, loose)
    return tally


def _as_set_kind(quote: Quote) -> str:
    """These sets predate mixed quotes (issue 13): a mixed quote is their indirect quote."""
    return "indirect" if quote.kind == "mixed" else quote.kind


def _tally_speaker(tally: _Tally, gold: Gold, quote: Quote, *, with_actors: bool) -> None:
    tally.speakers[0] += speaker_right(gold, quote, with_actors=with_actors)
    tally.speakers[1] += 1
    tally.speakers[2] += speaker_mention_right(gold, quote)
    tally.speakers[3] += gold.actor is not None and speaker_actor_right(gold, quote)
    tally.with_actor += gold.actor is not None


def evaluate(
    path: Path = DEV, *, test: Path | None = TEST, verbose: bool = False
) -> dict[str, float]:
    """Run the stages on the dev and held-out sets; held-out keys are prefixed ``test_``."""
    nlp = load_nlp("en_core_web_sm")
    actors = actor_stage()
    print(f"quotes: actors {'on' if actors else 'off (stage not importable)'}")
    tallies = []
    for each in [path] if test is None else [path, test]:
        if verbose:
            print(f"  errors on {each.name}:")
        tallies.append(_score_set(each, nlp, actors, verbose=verbose))
    sets = [_scores(tally) for tally in tallies]
    _print_sets(sets, tallies)
    scores = dict(sets[0])
    if len(sets) > 1:
        scores.update({f"test_{name}": value for name, value in sets[1].items()})
    return scores


def _count(
    counts: dict[str, int],
    kind: str,
    n_gold: int,
    n_predicted: int,
    loose: list[Any],
    exact: list[Any],
) -> None:
    for key, value in (
        ("gold", n_gold),
        ("predicted", n_predicted),
        ("overlap", len(loose)),
        ("exact", len(exact)),
    ):
        counts[f"{kind}_{key}"] = counts.get(f"{kind}_{key}", 0) + value


def _scores(tally: _Tally) -> dict[str, float]:
    counts, speakers = tally.counts, tally.speakers
    scores: dict[str, float] = {}
    for kind in ("direct", "indirect"):
        for match_kind in ("overlap", "exact"):
            _, _, f1 = prf(
                counts[f"{kind}_{match_kind}"], counts[f"{kind}_predicted"], counts[f"{kind}_gold"]
            )
            scores[f"{kind}_f1_{match_kind}"] = f1
    matched = speakers[1]
    scores["speaker_accuracy"] = speakers[0] / matched if matched else 0.0
    scores["speaker_mention_accuracy"] = speakers[2] / matched if matched else 0.0
    scores["speaker_actor_accuracy"] = speakers[3] / tally.with_actor if tally.with_actor else 0.0
    scores["n_gold"] = float(counts["direct_gold"] + counts["indirect_gold"])
    return scores


def _print_sets(sets: list[dict[str, float]], tallies: list[_Tally]) -> None:
    """Precision, recall and F1 per kind, then speaker scores, dev and held-out side by side."""
    names = ["dev", "held-out"][: len(sets)]
    print(f"  {'':24}" + "".join(f" {name:>24}" for name in names))
    for kind in ("direct", "indirect"):
        for match_kind in ("overlap", "exact"):
            cells = []
            for tally in tallies:
                p, r, f = prf(
                    tally.counts[f"{kind}_{match_kind}"],
                    tally.counts[f"{kind}_predicted"],
                    tally.counts[f"{kind}_gold"],
                )
                cells.append(f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
            print(f"  {kind + ' ' + match_kind:24}" + "".join(f" {cell:>24}" for cell in cells))
    for name in ("speaker_accuracy", "speaker_mention_accuracy", "speaker_actor_accuracy"):
        print(f"  {name:24}" + "".join(f" {scores[name]:24.3f}" for scores in sets))
    gold = [f"{tally.counts['direct_gold']} + {tally.counts['indirect_gold']}" for tally in tallies]
    print(f"  {'gold (direct + indirect)':24}" + "".join(f" {cell:>24}" for cell in gold))


def _show_speaker(article: Article, gold: Gold, quote: Quote) -> None:
    print(
        f"    speaker {article.id}: {article.text[gold.start : gold.end][:50]!r} "
        f"gold {gold.speaker!r}/"
        f"{gold.actor} got {quote.speaker!r}/{quote.speaker_actor} ({quote.verb})"
    )


def _show_misses(
    article: Article, golds: list[Gold], quotes: tuple[Quote, ...], pairs: list[tuple[Gold, Quote]]
) -> None:
    matched_golds = {id(gold) for gold, _ in pairs}
    matched_quotes = {id(quote) for _, quote in pairs}
    for gold in golds:
        if id(gold) not in matched_golds:
            print(
                f"    missed {gold.kind} {article.id}: {article.text[gold.start : gold.end][:80]!r}"
            )
    for quote in quotes:
        if id(quote) not in matched_quotes:
            print(
                f"    spurious {quote.kind} {article.id}: {quote.text[:80]!r} "
                f"({quote.speaker}, {quote.verb})"
            )


def main() -> int:
    scores = evaluate(verbose="-v" in sys.argv)
    failed = [key for key, floor in FLOORS.items() if scores[key] < floor]
    for key in failed:
        print(f"FAIL {key} {scores[key]:.3f} < floor {FLOORS[key]:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
