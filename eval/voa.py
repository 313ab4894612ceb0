"""Score whole VOA stories against gold readings written by hand from the text alone.

Run ``python eval/voa.py`` from the repository root (needs the spaCy model and ``../shared``).
The ten stories are records ``i % 4 == 2`` of ``../shared/data/voa/stories.jsonl``; their texts
stay in ``../shared`` and ``eval/voa/gold.jsonl`` holds only offsets, codes and a hash of each
text (eval/voa/README.md gives the conventions). The full pipeline (default ``Settings``, one
model load, batched) annotates every story with its publication date, and three kinds of gold
item are looked for:

- an event (not optional) is found when a coded event whose evidence sentences (or span)
  overlap the gold sentence has the gold root and mode and the gold source and target at
  country level (first three letters; a listed alternative also counts; an empty gold party
  accepts any; a symmetric gold event also matches the other direction);
- an actor mention is found when an entity overlapping it carries the gold code (or an
  alternative); a quote when a predicted quote overlapping it has the gold speaker's code.

``items`` is the share of all gold items found. Event precision is the share of coded events
that match a gold event, an event that matches only optional gold counting as neither. The
untouched part (eval/split.py: positions 4 and 9 of the ten) is scored under ``test_`` keys and
its errors are never printed; ``all_`` keys pool the ten stories.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.config import Settings
from newsevents.model import Annotation, Article
from newsevents.pipeline import Pipeline

EVAL = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL))
from split import DataMissing, untouched  # noqa: E402  - eval/ is not a package

GOLD = EVAL / "voa" / "gold.jsonl"
STORIES = EVAL.parents[1] / "shared" / "data" / "voa" / "stories.jsonl"
HASH_LENGTH = 16  # hex digits of the text's SHA-256 kept in the gold file
Span = tuple[int, int]


@dataclass(frozen=True)
class CodedEvent:
    """One coded event reduced to what the score compares."""

    source: str | None
    target: str | None
    code: str
    mode: str
    spans: tuple[Span, ...]  # its evidence sentences and its own span
    rule: str = ""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str | None


@dataclass
class Result:
    """Counts for one story (or a sum of stories) and what was missed."""

    events: int = 0
    events_found: int = 0
    code_agree: int = 0
    actors_agree: int = 0
    coded: int = 0
    coded_right: int = 0
    coded_neutral: int = 0
    actors: int = 0
    actors_found: int = 0
    actors_country: int = 0
    quotes: int = 0
    quotes_found: int = 0
    quotes_country: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def add(self, other: Result) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(other, name)
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)

    def scores(self) -> dict[str, float]:
        items = self.events + self.actors + self.quotes
        found = self.events_found + self.actors_found + self.quotes_found
        judged = self.coded - self.coded_neutral
        return {
            "items": _share(found, items),
            "event_recall": _share(self.events_found, self.events),
            "event_precision": _share(self.coded_right, judged),
            "event_code_agreement": _share(self.code_agree, self.events_found),
            "event_actor_agreement": _share(self.actors_agree, self.events_found),
            "actor_recall": _share(self.actors_found, self.actors),
            "actor_country_recall": _share(self.actors_country, self.actors),
            "quote_recall": _share(self.quotes_found, self.quotes),
            "quote_country_recall": _share(self.quotes_country, self.quotes),
            "n_items": float(items),
        }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def missing() -> str | None:
    """Why this evaluation cannot run here, or None when it can."""
    if not STORIES.exists():
        return f"{STORIES} is absent: the VOA texts live in ../shared beside the checkout"
    return None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def load(gold_path: Path = GOLD, stories: Path = STORIES) -> list[tuple[dict[str, Any], str]]:
    """The gold readings with their story texts, checked against the recorded hashes."""
    lines = stories.read_text(encoding="utf-8").splitlines()
    pairs = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        story = json.loads(lines[gold["index"]])
        if story["id"] != gold["id"] or text_hash(story["text"]) != gold["sha256"]:
            raise ValueError(
                f"VOA story {gold['id']} (line {gold['index']}) changed since it was read: "
                "the gold offsets no longer fit; read the story again or restore ../shared"
            )
        pairs.append((gold, story["text"]))
    return pairs


def annotate(pairs: Sequence[tuple[dict[str, Any], str]]) -> list[Annotation]:
    """Run the whole pipeline once over the stories, with their publication dates."""
    pipeline = Pipeline(Settings())
    articles = [
        Article(id=gold["id"], text=text, date=gold["published"][:10]) for gold, text in pairs
    ]
    return list(pipeline.annotate(articles))


def coded_events(annotation: Annotation) -> list[CodedEvent]:
    sentences = {
        sentence.index: (sentence.start, sentence.end) for sentence in annotation.sentences
    }
    events = []
    for event in annotation.events:
        indices = event.evidence or (event.sentence,)
        spans = [sentences[i] for i in indices if i in sentences] + [(event.start, event.end)]
        events.append(
            CodedEvent(event.source, event.target, event.code, event.mode, tuple(spans), event.rule)
        )
    return events


def entity_mentions(annotation: Annotation) -> list[Mention]:
    return [Mention(e.start, e.end, e.actor) for e in annotation.entities]


def quote_mentions(annotation: Annotation) -> list[Mention]:
    return [Mention(q.start, q.end, q.speaker_actor) for q in annotation.quotes]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _codes(item: dict[str, Any], key: str, alt: str) -> list[str]:
    first = item.get(key)
    return ([first] if first else []) + list(item.get(alt, ()))


def _party_fits(gold: list[str], coded: str | None) -> bool:
    """An empty gold party accepts any; else the coded party's country is one of the gold's."""
    if not gold:
        return True
    return coded is not None and coded[:3] in {code[:3] for code in gold}


def event_matches(gold: dict[str, Any], coded: CodedEvent) -> bool:
    """Same sentence, root, mode, and dyad at country level (either way round if symmetric)."""
    if coded.code[:2] != gold["root"] or coded.mode != gold["mode"]:
        return False
    if not any(_overlaps((gold["start"], gold["end"]), span) for span in coded.spans):
        return False
    sources = _codes(gold, "source", "source_alt")
    targets = _codes(gold, "target", "target_alt")
    if _party_fits(sources, coded.source) and _party_fits(targets, coded.target):
        return True
    return bool(gold.get("symmetric")) and (
        _party_fits(targets, coded.source) and _party_fits(sources, coded.target)
    )


def _exact(gold: dict[str, Any], coded: CodedEvent) -> bool:
    """The full actor codes agree too (either way round for a symmetric event)."""
    sources = _codes(gold, "source", "source_alt")
    targets = _codes(gold, "target", "target_alt")

    def fits(codes: list[str], code: str | None) -> bool:
        return not codes or code in codes

    straight = fits(sources, coded.source) and fits(targets, coded.target)
    crossed = fits(targets, coded.source) and fits(sources, coded.target)
    return straight or (bool(gold.get("symmetric")) and crossed)


def score_story(
    gold: dict[str, Any],
    text: str,
    events: Iterable[CodedEvent],
    entities: Iterable[Mention],
    quotes: Iterable[Mention],
) -> Result:
    """Match one story's coded output against its gold reading."""
    result = Result()
    events, entities, quotes = list(events), list(entities), list(quotes)
    for item in gold["events"]:
        if item["optional"]:
            continue
        result.events += 1
        matches = [coded for coded in events if event_matches(item, coded)]
        if matches:
            result.events_found += 1
            result.code_agree += any(coded.code == item["code"] for coded in matches)
            result.actors_agree += any(_exact(item, coded) for coded in matches)
        else:
            result.missed.append(_describe_gold(item, text))
    for coded in events:
        fitting = [item for item in gold["events"] if event_matches(item, coded)]
        result.coded += 1
        if any(not item["optional"] for item in fitting):
            result.coded_right += 1
        elif fitting:
            result.coded_neutral += 1
        else:
            result.false.append(_describe_coded(coded, text))
    for mention in gold["actors"]:
        codes = _codes(mention, "code", "alt")
        over = [
            e for e in entities if _overlaps((mention["start"], mention["end"]), (e.start, e.end))
        ]
        result.actors += 1
        result.actors_found += any(e.code in codes for e in over)
        result.actors_country += any(_party_fits(codes, e.code) and e.code for e in over)
        if not any(e.code in codes for e in over):
            got = ", ".join(str(e.code) for e in over) or "no entity"
            result.missed.append(
                f"actor  {text[mention['start'] : mention['end']]!r} {'/'.join(codes)} <- {got}"
            )
    for quote in gold["quotes"]:
        codes = _codes(quote, "speaker", "speaker_alt")
        over = [q for q in quotes if _overlaps((quote["start"], quote["end"]), (q.start, q.end))]
        result.quotes += 1
        found = any(not codes or q.code in codes for q in over)
        result.quotes_found += found
        result.quotes_country += any(_party_fits(codes, q.code) for q in over)
        if not found:
            got = ", ".join(str(q.code) for q in over) or "no quote"
            speaker = text[quote["speaker_start"] : quote["speaker_end"]]
            result.missed.append(f"quote  {speaker!r} {'/'.join(codes) or '-'} <- {got}")
    return result


def _sentence(text: str, start: int, end: int, width: int = 90) -> str:
    snippet = " ".join(text[start:end].split())
    return snippet if len(snippet) <= width else snippet[: width - 3] + "..."


def _describe_gold(item: dict[str, Any], text: str) -> str:
    source = "/".join(_codes(item, "source", "source_alt")) or "*"
    target = "/".join(_codes(item, "target", "target_alt")) or "*"
    return (
        f"event  {source} -> {target} {item['code']} {item['mode']} [{item['trigger']}] "
        f"| {_sentence(text, item['start'], item['end'])}"
    )


def _describe_coded(coded: CodedEvent, text: str) -> str:
    start, end = coded.spans[-1]
    return (
        f"false  {coded.source} -> {coded.target} {coded.code} {coded.mode} ({coded.rule}) "
        f"| {_sentence(text, start, end)}"
    )


def run(pairs: Sequence[tuple[dict[str, Any], str]]) -> list[Result]:
    annotations = annotate(pairs)
    return [
        score_story(
            gold,
            text,
            coded_events(annotation),
            entity_mentions(annotation),
            quote_mentions(annotation),
        )
        for (gold, text), annotation in zip(pairs, annotations, strict=True)
    ]


def summarize(results: Sequence[Result]) -> dict[str, float]:
    """Study scores under plain keys, the untouched part under ``test_``, all under ``all_``."""
    study, held, every = Result(), Result(), Result()
    for position, result in enumerate(results):
        (held if untouched(position) else study).add(result)
        every.add(result)
    scores = study.scores()
    scores |= {f"test_{name}": value for name, value in held.scores().items()}
    scores |= {f"all_{name}": value for name, value in every.scores().items()}
    return scores


def evaluate() -> dict[str, float]:
    """Score the pipeline on the ten gold-read VOA stories."""
    reason = missing()
    if reason is not None:
        raise DataMissing(reason)
    return summarize(run(load()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="misses and false events (study)")
    args = parser.parse_args(argv)
    reason = missing()
    if reason is not None:
        print(reason)
        return 1
    pairs = load()
    results = run(pairs)
    print("pos story    part   items  ev_R  ev_P  actors quotes  (found/gold)")
    for position, ((gold, _), result) in enumerate(zip(pairs, results, strict=True)):
        part = "test" if untouched(position) else "study"
        s = result.scores()
        print(
            f"{position:3} {gold['id']:8} {part:5} {s['items']:6.2f} {s['event_recall']:5.2f} "
            f"{s['event_precision']:5.2f} {s['actor_recall']:6.2f} {s['quote_recall']:6.2f}  "
            f"ev {result.events_found}/{result.events} coded {result.coded} "
            f"actors {result.actors_found}/{result.actors} "
            f"quotes {result.quotes_found}/{result.quotes}"
        )
    for name, value in summarize(results).items():
        print(f"{name:28} {value:.3f}")
    if args.errors:
        for position, ((gold, _), result) in enumerate(zip(pairs, results, strict=True)):
            if untouched(position):
                continue  # the untouched part is only scored
            print(f"\n== {gold['id']} (line {gold['index']})")
            for line in result.missed + result.false:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
