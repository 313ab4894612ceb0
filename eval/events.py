"""Score the event coder on eval/events/dev.jsonl: precision, recall and F1 at three levels.

Run ``python eval/events.py`` from the repository root (needs the spaCy model). Each line is one
sentence written by the team about a real event, with its publication date and gold events
(source, target, code, mode). The sentence runs through clean -> parse -> actors -> quotes ->
events. An event matches a gold event when its mode is the gold mode and, by level, its root,
its full code, or its root/code together with the dyad. Dyads compare the first three letters of
the actor codes (the country or IGO part), so the event coder is not scored on role codes that
the actor stage decides.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsevents.dictionaries.actors import load_actor_dictionaries
from newsevents.dictionaries.lexicon import load_lexicon
from newsevents.model import Article, Entity, Event, Parse, Quote
from newsevents.nlp import load_nlp
from newsevents.stages.actors import extract_actors
from newsevents.stages.clean import clean_text
from newsevents.stages.events import extract_events
from newsevents.stages.parse import parse_texts

DEV = Path(__file__).resolve().parent / "events" / "dev.jsonl"
Key = tuple[str | None, ...]
LEVELS: dict[str, Callable[[dict[str, Any]], Key]] = {
    "root": lambda e: (e["code"][:2], e["mode"]),
    "code": lambda e: (e["code"], e["mode"]),
    "dyad_root": lambda e: (_party(e["source"]), _party(e["target"]), e["code"][:2], e["mode"]),
    "dyad_code": lambda e: (_party(e["source"]), _party(e["target"]), e["code"], e["mode"]),
}


def _party(code: str | None) -> str | None:
    return code[:3] if code else None


def _quotes(parse: Parse, article: Article, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    try:
        from newsevents.stages.quotes import extract_quotes
    except ImportError:  # the quote stage is optional for this score
        return ()
    return extract_quotes(parse, article=article, entities=entities)


def predict(
    records: list[dict[str, Any]], *, nlp: Any = None, petrarch: Path | None = None
) -> list[list[dict[str, Any]]]:
    """Run the pipeline on each record's text and return its events as dicts.

    With ``petrarch`` (a directory with the Phoenix files) only PETRARCH2 dictionaries code.
    """
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    texts = [(a.id, clean_text(a.text, article_id=a.id).text) for a in articles]
    if petrarch is None:
        dictionaries = load_actor_dictionaries()
        lexicon = load_lexicon()
    else:
        dictionaries = load_actor_dictionaries(
            actor_files=sorted(petrarch.glob("Phoenix.*.actors.txt")),
            agent_files=petrarch / "Phoenix.agents.txt",
            builtin=False,
        )
        lexicon = load_lexicon(verb_files=[petrarch / "CAMEO.2.0.txt"], builtin=False)
    predictions: list[list[dict[str, Any]]] = []
    for article, parse in zip(articles, parse_texts(nlp, texts), strict=True):
        entities = extract_actors(parse, article=article, dictionaries=dictionaries)
        quotes = _quotes(parse, article, entities)
        events = extract_events(
            parse, article=article, entities=entities, quotes=quotes, lexicon=lexicon
        )
        predictions.append([_as_dict(event) for event in events])
    return predictions


def _as_dict(event: Event) -> dict[str, Any]:
    return {
        "source": event.source,
        "target": event.target,
        "code": event.code,
        "mode": event.mode,
        "rule": event.rule,
    }


def score(
    golds: list[list[dict[str, Any]]], predictions: list[list[dict[str, Any]]]
) -> dict[str, float]:
    """P/R/F1 per level, and false events per 10 sentences that have no gold event."""
    result: dict[str, float] = {"n_gold": float(sum(len(gold) for gold in golds))}
    for level, key in LEVELS.items():
        matched = sum(
            _overlap(map(key, gold), map(key, predicted))
            for gold, predicted in zip(golds, predictions, strict=True)
        )
        precision, recall, f1 = _prf(matched, sum(map(len, predictions)), sum(map(len, golds)))
        result |= {f"{level}_p": precision, f"{level}_r": recall, f"{level}_f1": f1}
    empty = [predicted for gold, predicted in zip(golds, predictions, strict=True) if not gold]
    false_events = sum(map(len, empty))
    result["false_events_per_10_empty"] = 10 * false_events / len(empty) if empty else 0.0
    return result


def _overlap(gold: Iterable[Key], predicted: Iterable[Key]) -> int:
    return sum((Counter(gold) & Counter(predicted)).values())


def _prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path = DEV, *, nlp: Any = None) -> dict[str, float]:
    """Score the event coder on ``path`` (the dev set by default)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    predictions = predict(records, nlp=nlp)
    return score([record["events"] for record in records], predictions)


def errors(
    records: list[dict[str, Any]], predictions: list[list[dict[str, Any]]], *, level: str
) -> list[str]:
    """One line per false positive (FP) and false negative (FN) at ``level``, per sentence."""
    key = LEVELS[level]
    lines: list[str] = []
    for record, predicted in zip(records, predictions, strict=True):
        gold = record["events"]
        missed = Counter(map(key, gold)) - Counter(map(key, predicted))
        extra = Counter(map(key, predicted)) - Counter(map(key, gold))
        if not missed and not extra:
            continue
        lines.append(f"{record['id']}: {record['text']}")
        lines.extend(f"  FN {_shown(e)}" for e in gold if _take(missed, key(e)))
        lines.extend(f"  FP {_shown(e)}" for e in predicted if _take(extra, key(e)))
    return lines


def _take(counter: Counter[Key], key: Key) -> bool:
    if counter[key] <= 0:
        return False
    counter[key] -= 1
    return True


def _shown(event: dict[str, Any]) -> str:
    rule = f"  [{event['rule']}]" if event.get("rule") else ""
    return f"{event['source']} -> {event['target']} {event['code']} {event['mode']}{rule}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--errors", action="store_true", help="print every false positive and false negative"
    )
    parser.add_argument("--level", choices=sorted(LEVELS), default="dyad_root")
    parser.add_argument(
        "--petrarch",
        type=Path,
        metavar="DIR",
        help="code with the PETRARCH2 dictionaries in DIR only (CAMEO.2.0.txt, Phoenix.*.txt)",
    )
    options = parser.parse_args(argv)
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    predictions = predict(records, petrarch=options.petrarch)
    if options.errors:
        print("\n".join(errors(records, predictions, level=options.level)))
    result = score([record["events"] for record in records], predictions)
    print(f"events dev set: {int(result['n_gold'])} gold events")
    for level in LEVELS:
        p, r, f1 = (result[f"{level}_{m}"] for m in ("p", "r", "f1"))
        print(f"  {level:10} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    print(f"  false events per 10 sentences without events: {result['false_events_per_10_empty']}")


if __name__ == "__main__":
    main()
