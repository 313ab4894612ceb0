"""Score the event coder on eval/events/dev.jsonl: precision, recall and F1 at three levels.

Run ``python eval/events.py`` from the repository root (needs the spaCy model); it prints the
development set and the held-out set (``events/test.jsonl``) side by side, and ``evaluate()``
returns both, the held-out scores under ``test_`` keys. The held-out set was written after the
rules were settled and is never used to change them: ``--errors`` lists dev errors only, and
docs/events.md describes its error classes. Each line is one
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
TEST = DEV.with_name("test.jsonl")  # held out: never used to change the rules
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


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(
    path: Path = DEV, *, nlp: Any = None, held_out: Path | None = TEST
) -> dict[str, float]:
    """Score the event coder on ``path`` and, under ``test_`` keys, on ``held_out``."""
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    records = _records(path)
    result = score([record["events"] for record in records], predict(records, nlp=nlp))
    if held_out is not None:
        tests = _records(held_out)
        scores = score([record["events"] for record in tests], predict(tests, nlp=nlp))
        result |= {f"test_{name}": value for name, value in scores.items()}
    return result


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
    nlp = load_nlp("en_core_web_sm")
    records = _records(DEV)
    predictions = predict(records, nlp=nlp, petrarch=options.petrarch)
    if options.errors:  # never the held-out set: its errors would tune the rules to it
        print("\n".join(errors(records, predictions, level=options.level)))
    dev = score([record["events"] for record in records], predictions)
    tests = _records(TEST)
    held_out = score(
        [record["events"] for record in tests],
        predict(tests, nlp=nlp, petrarch=options.petrarch),
    )
    print(_table(dev, held_out, sentences=(len(records), len(tests))))


def _table(dev: dict[str, float], held_out: dict[str, float], *, sentences: tuple[int, int]) -> str:
    """Dev and held-out scores side by side, one level a line."""
    lines = [
        f"events: dev {sentences[0]} sentences, {int(dev['n_gold'])} gold events; "
        f"held-out {sentences[1]} sentences, {int(held_out['n_gold'])} gold events",
        f"  {'level':10} {'dev P':>6} {'R':>6} {'F1':>6}   {'held-out P':>10} {'R':>6} {'F1':>6}",
    ]
    for level in LEVELS:
        shown = [f"{result[f'{level}_{m}']:6.3f}" for result in (dev, held_out) for m in "pr"]
        f1s = [f"{result[f'{level}_f1']:6.3f}" for result in (dev, held_out)]
        lines.append(
            f"  {level:10} {shown[0]} {shown[1]} {f1s[0]}   {shown[2]:>10} {shown[3]} {f1s[1]}"
        )
    key = "false_events_per_10_empty"
    lines.append(
        f"  false events per 10 sentences without events: dev {dev[key]:.2f}, "
        f"held-out {held_out[key]:.2f}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
