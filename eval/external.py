"""Score the whole pipeline on other people's event annotations and on our event-free sentences.

Run ``python eval/external.py`` from the repository root; it prints one table with the study part
(four fifths) and the untouched fifth of every file, split by ``eval/split.py``. Floors in
``eval/floors.json`` sit on the untouched fifth only (``untouched_`` keys). ``--errors`` lists
errors of the study part, never of the untouched fifth.

The pipeline is ``newsevents.pipeline.Pipeline`` with default ``Settings`` (one model load,
batched parsing); every record is one article and every coded event counts, whatever its mode.

- ConfliBERT (``events_conflibert_train.jsonl``, one sentence with its PentaClass and, in the
  records with ``spans_aligned``, source / target / reciprocal spans; news of 2017-18, so each
  sentence is dated 2018-01-01 for date-restricted roles):
  class hit (the gold PentaClass is among the coded events' classes), class precision (coded
  events of the gold class / coded events, over all records), no event (share of sentences
  without any event), dyad hit (some event whose source matches a gold source span and whose
  target matches a gold target span; reciprocal spans count on both sides; a side without gold
  spans is not checked; records with ``spans_aligned`` only) and dyad+class hit (that event also
  has the gold class). An event's party matches a gold span when the party's words (its
  ``source_text`` / ``target_text``, as a whole word anywhere in the sentence) or a mention the
  actor stage gave the party's actor code overlap the span. When two reciprocal spans are given,
  source and target must match different ones.
- PLOVER (``events_plover_gsr.jsonl``): type accuracy (the gold PLOVER type is among the coded
  events' PLOVER types) and dyad hit by country-level codes (first three letters of the source
  and target codes; records with both sides coded).
- PETRARCH2 (``events_petr2_gsr.jsonl``): root hit (records with gold events: a gold root is
  among the coded roots) and (source, target, root) triples by country-level codes, precision,
  recall and F1; events coded in ``noevents`` records are false triples.
- Event-free (``eval/external/event_free.jsonl``): sentences of ``../shared/data/reuters`` and
  ``voa`` the team read and judged to carry no codable CAMEO event between political actors,
  stored as offsets and a hash, never as text. The pipeline runs on the whole record (realistic
  context) and a labelled sentence is charged with every event whose evidence includes a parse
  sentence lying mostly (more than half of its characters) inside the label, or, when the parser
  joined the label to a neighbour, the parse sentence holding most of it. Metric: false events
  per event-free sentence.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # eval/ is not a package

from split import untouched

EVAL = Path(__file__).resolve().parent
SHARED = EVAL.parents[1] / "shared" / "data"  # ../shared from the repository root
DEV_DATA = SHARED / "dev"
LABELS = EVAL / "external"
CONFLIBERT = "events_conflibert_train.jsonl"
PLOVER = "events_plover_gsr.jsonl"
PETR2 = "events_petr2_gsr.jsonl"
CONFLIBERT_DATE = "2018-01-01"  # the shared README: "real news sentences (2017-18)"
PARTS = ("study", "untouched")
Span = tuple[int, int]
Record = dict[str, Any]
Coded = dict[str, Any]  # one coded event as plain data: root, plover, source, target, spans


class DataMissing(FileNotFoundError):
    """The shared development data is not where the evaluation reads it."""


# --------------------------------------------------------------------------- class of a code


def penta_class(root: str) -> int:
    """ConfliBERT's PentaClass of a CAMEO root: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13,
    4 = 14-20 (the shared data's README)."""
    number = int(root[:2])
    for penta, last_root in enumerate((2, 5, 8, 13, 20)):
        if number <= last_root:
            return penta
    raise ValueError(f"no PentaClass for CAMEO root {root!r}")


def country(code: str | None) -> str | None:
    """The country-level part of an actor code (its first three letters)."""
    return code[:3] if code else None


# --------------------------------------------------------------------------- span matching


def word_spans(text: str, words: str | None) -> list[Span]:
    """Every place ``words`` occurs in ``text`` as whole words."""
    if not words:
        return []
    pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    return [(found.start(), found.end()) for found in pattern.finditer(text)]


def party_spans(
    text: str, words: str | None, code: str | None, mentions: Sequence[Any]
) -> list[Span]:
    """Where a party of an event is in ``text``: its words, and mentions carrying its actor code."""
    spans = word_spans(text, words)
    if code:
        spans += [(m["start"], m["end"]) for m in mentions if m["actor"] == code]
    return sorted(set(spans))


def overlaps(spans: Iterable[Span], gold: Span) -> bool:
    return any(start < gold[1] and gold[0] < end for start, end in spans)


# --------------------------------------------------------------------------- ConfliBERT


def _gold_sides(record: Record) -> tuple[list[tuple[Span, bool]], list[tuple[Span, bool]]]:
    """Gold source and target spans, each flagged when it is reciprocal (counts on both sides)."""
    reciprocal = [((s["start"], s["end"]), True) for s in record["reciprocal"]]
    sources = [((s["start"], s["end"]), False) for s in record["sources"]]
    targets = [((s["start"], s["end"]), False) for s in record["targets"]]
    return sources + reciprocal, targets + reciprocal


def dyad_match(record: Record, event: Coded) -> bool:
    """The event joins the gold source and target spans of a ConfliBERT record."""
    sources, targets = _gold_sides(record)
    source_hits = [span for span, _ in sources if overlaps(event["source_spans"], span)]
    target_hits = [span for span, _ in targets if overlaps(event["target_spans"], span)]
    if (sources and not source_hits) or (targets and not target_hits):
        return False
    if not sources or not targets:
        return bool(source_hits or target_hits)
    if len(record["reciprocal"]) > 1 and not record["sources"] and not record["targets"]:
        return any(s != t for s in source_hits for t in target_hits)
    return True


def score_conflibert(records: Sequence[Record], coded: Sequence[list[Coded]]) -> dict[str, float]:
    """Class hit, class precision, no-event share, dyad hit and dyad+class hit."""
    class_hits = events = gold_class_events = empty = 0
    dyad_records = dyad_hits = dyad_class_hits = 0
    for record, record_events in zip(records, coded, strict=True):
        classes = [penta_class(event["root"]) for event in record_events]
        class_hits += record["penta"] in classes
        events += len(classes)
        gold_class_events += classes.count(record["penta"])
        empty += not record_events
        if record["spans_aligned"]:
            dyads = [event for event in record_events if dyad_match(record, event)]
            dyad_records += 1
            dyad_hits += bool(dyads)
            dyad_class_hits += any(penta_class(e["root"]) == record["penta"] for e in dyads)
    return {
        "class_hit": _share(class_hits, len(records)),
        "class_precision": _share(gold_class_events, events),
        "dyad_hit": _share(dyad_hits, dyad_records),
        "dyad_class_hit": _share(dyad_class_hits, dyad_records),
        "no_event": _share(empty, len(records)),
        "events_per_sentence": _share(events, len(records)),
        "n": float(len(records)),
        "n_dyad": float(dyad_records),
    }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


# --------------------------------------------------------------------------- PLOVER


def score_plover(records: Sequence[Record], coded: Sequence[list[Coded]]) -> dict[str, float]:
    """PLOVER type accuracy, and dyad hit by country-level codes where both sides are coded."""
    type_hits = dyad_records = dyad_hits = 0
    for record, record_events in zip(records, coded, strict=True):
        type_hits += any(event["plover"] == record["event"] for event in record_events)
        sources = {country(party["code"]) for party in record["source"] if party.get("code")}
        targets = {country(party["code"]) for party in record["target"] if party.get("code")}
        if sources and targets:
            dyad_records += 1
            dyad_hits += any(
                country(e["source"]) in sources and country(e["target"]) in targets
                for e in record_events
            )
    return {
        "type_accuracy": _share(type_hits, len(records)),
        "dyad_hit": _share(dyad_hits, dyad_records),
        "n": float(len(records)),
        "n_dyad": float(dyad_records),
    }


# --------------------------------------------------------------------------- PETRARCH2


def triples(events: Iterable[dict[str, Any]]) -> set[tuple[str | None, str | None, str]]:
    """(source, target, root) by country-level codes; gold events give ``code``, coded ``root``."""
    return {
        (country(e["source"]), country(e["target"]), e["root"] if "root" in e else e["code"][:2])
        for e in events
    }


def score_petr2(records: Sequence[Record], coded: Sequence[list[Coded]]) -> dict[str, float]:
    """Root hit on records with gold events, and triple precision, recall and F1."""
    root_records = root_hits = matched = predicted = gold = 0
    for record, record_events in zip(records, coded, strict=True):
        gold_events = [] if record["noevents"] else record["events"]
        if gold_events:
            root_records += 1
            roots = {event["root"] for event in record_events}
            root_hits += any(event["code"][:2] in roots for event in gold_events)
        gold_triples, coded_triples = triples(gold_events), triples(record_events)
        matched += len(gold_triples & coded_triples)
        predicted += len(coded_triples)
        gold += len(gold_triples)
    precision, recall = _share(matched, predicted), _share(matched, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "root_hit": _share(root_hits, root_records),
        "triple_precision": precision,
        "triple_recall": recall,
        "triple_f1": f1,
        "n": float(len(records)),
    }


# --------------------------------------------------------------------------- event-free sentences


def sentence_hash(text: str) -> str:
    """A short hash of a labelled sentence's text, so a changed source file is noticed."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def charged_sentences(label: Span, sentences: Sequence[Span]) -> set[int]:
    """Parse sentences lying mostly (more than half their characters) inside a labelled span;
    when the parser joined the label to a neighbour, the sentence holding most of the label."""
    inside = [min(end, label[1]) - max(start, label[0]) for start, end in sentences]
    charged = {
        index
        for index, (start, end) in enumerate(sentences)
        if end > start and inside[index] * 2 > end - start
    }
    if not charged and inside and max(inside) > 0:
        charged.add(inside.index(max(inside)))
    return charged


def score_event_free(labels: Sequence[Record], found: Sequence[list[Coded]]) -> dict[str, float]:
    """False events per event-free sentence, and the share of such sentences with any event."""
    return {
        "false_events_per_sentence": _share(sum(map(len, found)), len(labels)),
        "sentences_with_events": _share(sum(1 for events in found if events), len(labels)),
        "n": float(len(labels)),
    }


# --------------------------------------------------------------------------- running the pipeline


@dataclass
class Runner:
    """One pipeline (one model load) for every file."""

    pipeline: Any = None
    annotations: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.pipeline is None:
            from newsevents.config import Settings
            from newsevents.pipeline import Pipeline

            self.pipeline = Pipeline(Settings())

    def annotate(self, articles: list[Any]) -> list[Any]:
        return list(self.pipeline.annotate(articles))


def coded_events(annotation: Any) -> list[Coded]:
    """The events of one annotation as plain data, with where their parties are in the text."""
    text = annotation.article.text
    mentions = [{"start": e.start, "end": e.end, "actor": e.actor} for e in annotation.entities]
    return [
        {
            "source": event.source,
            "target": event.target,
            "root": event.root,
            "code": event.code,
            "plover": event.plover,
            "mode": event.mode,
            "rule": event.rule,
            "source_text": event.source_text,
            "target_text": event.target_text,
            "source_spans": party_spans(text, event.source_text, event.source, mentions),
            "target_spans": party_spans(text, event.target_text, event.target, mentions),
            "evidence": list(event.evidence or (event.sentence,)),
        }
        for event in annotation.events
    ]


def read_jsonl(path: Path) -> list[Record]:
    if not path.exists():
        raise DataMissing(
            f"{path} is absent: the external evaluation needs ../shared/data next to the "
            "repository (see ../shared/data/dev/README.md); skipped"
        )
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def code_records(
    runner: Runner, records: Sequence[Record], *, date: Callable[[Record], str | None]
) -> list[list[Coded]]:
    from newsevents.model import Article

    articles = [Article(id=r["id"], text=r["text"], date=date(r)) for r in records]
    return [coded_events(annotation) for annotation in runner.annotate(articles)]


def _petr2_date(record: Record) -> str | None:
    value = str(record.get("date") or "")
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if len(value) == 8 else None


Scorer = Callable[[Sequence[Record], Sequence[list[Coded]]], dict[str, float]]
CORPORA: dict[str, tuple[str, Scorer, Callable[[Record], str | None]]] = {
    "conflibert": (CONFLIBERT, score_conflibert, lambda _: CONFLIBERT_DATE),
    "plover": (PLOVER, score_plover, lambda _: None),  # CAMEO-manual examples carry no date
    "petr2": (PETR2, score_petr2, _petr2_date),
}


def split_scores(
    scorer: Scorer, records: Sequence[Record], coded: Sequence[list[Coded]]
) -> dict[str, dict[str, float]]:
    """Scores of the study part and of the untouched fifth (by each record's file position)."""
    parts: dict[str, tuple[list[Record], list[list[Coded]]]] = {p: ([], []) for p in PARTS}
    for index, (record, record_events) in enumerate(zip(records, coded, strict=True)):
        part = parts[PARTS[untouched(index)]]
        part[0].append(record)
        part[1].append(record_events)
    return {name: scorer(*part) for name, part in parts.items()}


def run_corpus(
    runner: Runner, corpus: str, *, data: Path = DEV_DATA
) -> tuple[list[Record], list[list[Coded]]]:
    file_name, _, date = CORPORA[corpus]
    records = read_jsonl(data / file_name)
    return records, code_records(runner, records, date=date)


SOURCES = {  # the corpora event-free sentences come from, and how each dates its records
    "reuters": ("reuters/articles.jsonl", lambda record: record.get("date")),
    "voa": ("voa/stories.jsonl", lambda record: str(record.get("published") or "")[:10] or None),
}
VOA_RESERVED = 2  # VOA story i with i % 4 == 2 is kept for whole-article gold readings (#11)


def read_labels(path: Path = LABELS / "event_free.jsonl") -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def labelled_records(
    labels: Sequence[Record], *, shared: Path = SHARED
) -> dict[tuple[str, str], Record]:
    """The source records the labels point into, by (corpus, id), each checked against its hash."""
    wanted = {(label["corpus"], label["id"]) for label in labels}
    records: dict[tuple[str, str], Record] = {}
    for corpus, (file_name, _) in SOURCES.items():
        for record in read_jsonl(shared / file_name):
            if (corpus, record["id"]) in wanted:
                records[corpus, record["id"]] = record
    for label in labels:
        record = records.get((label["corpus"], label["id"]))
        text = record["text"][label["start"] : label["end"]] if record else ""
        if sentence_hash(text) != label["sha1"]:
            raise ValueError(
                f"event-free label {label['corpus']}:{label['id']}:{label['start']}-{label['end']} "
                "no longer matches its source text: the shared file changed; relabel it"
            )
    return records


def run_event_free(runner: Runner, labels: Sequence[Record], *, shared: Path = SHARED) -> list[int]:
    """Events coded in each labelled sentence, the pipeline running on whole records."""
    from newsevents.model import Article

    records = labelled_records(labels, shared=shared)
    keys = sorted(records, key=lambda key: (key[0], key[1]))
    articles = [
        Article(
            id=f"{corpus}:{record_id}",
            text=records[corpus, record_id]["text"],
            date=SOURCES[corpus][1](records[corpus, record_id]),
        )
        for corpus, record_id in keys
    ]
    coded = {
        key: (
            [(sentence.start, sentence.end) for sentence in annotation.sentences],
            coded_events(annotation),
        )
        for key, annotation in zip(keys, runner.annotate(articles), strict=True)
    }
    return [charged_events(label, *coded[label["corpus"], label["id"]]) for label in labels]


def charged_events(
    label: Record, sentences: Sequence[Span], events: Sequence[Coded]
) -> list[Coded]:
    charged = charged_sentences((label["start"], label["end"]), sentences)
    return [event for event in events if charged & set(event["evidence"])]


def evaluate(*, runner: Runner | None = None, data: Path = DEV_DATA) -> dict[str, float]:
    """Every external score: ``<corpus>_<metric>`` for the study part, ``untouched_...`` too."""
    if not data.is_dir():
        raise DataMissing(
            f"{data} is absent: the external evaluation reads other people's annotations there "
            "(../shared/data/dev beside the repository); skipped"
        )
    runner = runner or Runner()
    result: dict[str, float] = {}
    for corpus, (_, scorer, _) in CORPORA.items():
        records, coded = run_corpus(runner, corpus, data=data)
        for part, scores in split_scores(scorer, records, coded).items():
            prefix = "" if part == "study" else "untouched_"
            result |= {f"{prefix}{corpus}_{name}": value for name, value in scores.items()}
    labels = read_labels()
    found = run_event_free(runner, labels, shared=data.parent)
    for part, scores in split_scores(score_event_free, labels, found).items():
        prefix = "" if part == "study" else "untouched_"
        result |= {f"{prefix}event_free_{name}": value for name, value in scores.items()}
    return result


# --------------------------------------------------------------------------- report


def table(scores: dict[str, float]) -> str:
    """Study and untouched scores side by side, one metric a line."""
    lines = [f"  {'metric':40} {'study':>8} {'untouched':>10}"]
    for name, value in scores.items():
        if name.startswith("untouched_"):
            continue
        held = scores.get(f"untouched_{name}", float("nan"))
        if name.endswith(("_n", "_n_dyad")):
            lines.append(f"  {name:40} {int(value):8d} {int(held):10d}")
        else:
            lines.append(f"  {name:40} {value:8.3f} {held:10.3f}")
    return "\n".join(lines)


def _shown(event: Coded) -> str:
    return (
        f"{event['source']}({event['source_text']}) -> {event['target']}({event['target_text']}) "
        f"{event['code']} {event['mode']} [{event['rule']}]"
    )


def conflibert_errors(records: Sequence[Record], coded: Sequence[list[Coded]]) -> list[str]:
    """Study-part records whose class or dyad is missed, with the gold and the coded events."""
    lines = []
    for index, (record, record_events) in enumerate(zip(records, coded, strict=True)):
        if untouched(index):
            continue  # never read the untouched fifth's errors
        class_hit = record["penta"] in {penta_class(e["root"]) for e in record_events}
        dyad_hit = not record["spans_aligned"] or any(dyad_match(record, e) for e in record_events)
        if class_hit and dyad_hit:
            continue
        misses = ("" if class_hit else " CLASS") + ("" if dyad_hit else " DYAD")
        lines.append(f"{record['id']} penta {record['penta']}{misses}: {record['text']}")
        gold = [
            f"{side} {s['text']!r}"
            for side in ("sources", "targets", "reciprocal")
            for s in record[side]
        ]
        if gold:
            lines.append("  gold " + "; ".join(gold))
        lines.extend(f"  coded {_shown(event)}" for event in record_events)
    return lines


def event_free_errors(
    labels: Sequence[Record], found: Sequence[list[Coded]], *, shared: Path = SHARED
) -> list[str]:
    """Study-part event-free sentences that got events, with the events and their rules."""
    records = labelled_records(labels, shared=shared)
    lines = []
    for index, (label, events) in enumerate(zip(labels, found, strict=True)):
        if untouched(index) or not events:
            continue  # never read the untouched fifth's errors
        text = records[label["corpus"], label["id"]]["text"][label["start"] : label["end"]]
        lines.append(f"{label['corpus']}:{label['id']} {label['kind']}: {' '.join(text.split())}")
        lines.extend(f"  coded {_shown(event)}" for event in events)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--errors", action="store_true", help="print the study part's errors (never the fifth's)"
    )
    options = parser.parse_args(argv)
    try:
        if options.errors:
            runner = Runner()
            print("\n".join(conflibert_errors(*run_corpus(runner, "conflibert"))))
            labels = read_labels()
            found = run_event_free(runner, labels)
            print("\n".join(event_free_errors(labels, found)))
        print(table(evaluate()))
    except DataMissing as missing:
        print(f"external: {missing}")
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
