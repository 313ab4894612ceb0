"""Score the whole pipeline on other people's event annotations and on our event-free sentences.

Run ``python eval/external.py`` from the repository root; it prints one table with the study part
(four fifths) and the untouched fifth of every file, split by ``eval/split.py``. Floors in
``eval/floors.json`` sit on the untouched fifth only (``untouched_`` keys). ``--errors [FILE]``
lists the study part's errors (all files, or ``conflibert``, ``plover``, ``petr2``,
``event_free``), never the untouched fifth's.

The pipeline is ``newsevents.pipeline.Pipeline`` with default ``Settings`` (one model load,
batched parsing); every record is one article and every coded event counts, whatever its mode.

- ConfliBERT (``events_conflibert_train.jsonl``, one sentence with its PentaClass (see
  ``newsevents.dictionaries.cameo.penta_class``: root 16 is class 3) and, in the
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
- PLOVER (``events_plover_gsr.jsonl``): type accuracy (the gold PLOVER type, renamed from
  PLOVER 0.5b1 by ``PLOVER_RENAMES``, is among the coded events' PLOVER types) and dyad hit by
  country-level codes (first three letters of the source and target codes; records with both
  sides coded; see ``GOLD_ALIASES``).
- PETRARCH2 (``events_petr2_gsr.jsonl``): root hit (records with gold events: a gold root is
  among the coded roots) and (source, target, root) triples by country-level codes, precision,
  recall and F1; events coded in ``noevents`` records are false triples; ``---`` is no party.
- Event-free (``eval/external/event_free.jsonl``): sentences of ``../shared/data/reuters`` and
  ``voa`` the team read and judged to carry no codable CAMEO event between political actors,
  stored as offsets and a hash, never as text. The pipeline runs on the whole record (realistic
  context) and a labelled sentence is charged with every event whose evidence includes a parse
  sentence lying mostly (more than half of its characters) inside the label, or, when the parser
  joined the label to a neighbour, the parse sentence holding most of it. Metric: false events
  per event-free sentence, also on the ``HARD`` kinds alone (sentences that name actors).
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

from split import DataMissing, untouched

from newsevents.dictionaries.cameo import penta_class as cameo_penta_class
from newsevents.errors import DictionaryError

EVAL = Path(__file__).resolve().parent
SHARED = EVAL.parents[1] / "shared" / "data"  # ../shared from the repository root
DEV_DATA = SHARED / "dev"
LABELS = EVAL / "external"
CONFLIBERT = "events_conflibert_train.jsonl"
PLOVER = "events_plover_gsr.jsonl"
PETR2 = "events_petr2_gsr.jsonl"
CONFLIBERT_DATE = "2018-01-01"  # the shared README: "real news sentences (2017-18)"
PARTS = ("study", "untouched")
HARD = {"description", "background", "opinion", "quote"}  # kinds that name actors, not numbers
Span = tuple[int, int]
Record = dict[str, Any]
Coded = dict[str, Any]  # one coded event as plain data: root, plover, source, target, spans


# --------------------------------------------------------------------------- class of a code


# ConfliBERT's PentaClass is the Phoenix data's class of a CAMEO root: 0 statements and appeals,
# 1 verbal and 2 material cooperation, 3 verbal conflict, 4 material conflict. Root 16 (reduce
# relations: sanctions, suspended aid, expulsions) is verbal conflict there, not material as in
# QuadClass: the shared README's "3 = 09-13, 4 = 14-20" shorthand misses it, and in the study part
# 28 of the 29 sentences where a root-16 event joins the gold dyad are gold class 3.
def penta_class(root: str) -> int:
    """ConfliBERT's PentaClass of a CAMEO root (or code, by its first two digits)."""
    try:
        return cameo_penta_class(root)
    except DictionaryError:
        raise ValueError(f"no PentaClass for CAMEO root {root!r}") from None


# Three gold codes of the PLOVER GSR that are no CAMEO country codes (3, 2 and 1 parties).
GOLD_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def country(code: str | None) -> str | None:
    """The country-level part of an actor code (its first three letters); PETRARCH's ``---``
    (an actor without a code) is no party."""
    if not code or code.startswith("---"):
        return None
    return GOLD_ALIASES.get(code[:3], code[:3])


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


# The GSR is coded in PLOVER 0.5b1; the package speaks the 16-type PLOVER (docs/taxonomy.md), in
# which these four early names are merged or renamed.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"} | {
    "FIGHT": "ASSAULT"
}


def plover_type(record: Record) -> str:
    """The gold PLOVER type of a GSR record in the package's 16-type PLOVER."""
    return PLOVER_RENAMES.get(record["event"], record["event"])


def score_plover(records: Sequence[Record], coded: Sequence[list[Coded]]) -> dict[str, float]:
    """PLOVER type accuracy, and dyad hit by country-level codes where both sides are coded."""
    type_hits = dyad_records = dyad_hits = 0
    for record, record_events in zip(records, coded, strict=True):
        type_hits += any(event["plover"] == plover_type(record) for event in record_events)
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
    """False events per event-free sentence (all, and the hard kinds that name actors), and the
    share of such sentences with any event."""
    hard = [events for label, events in zip(labels, found, strict=True) if label["kind"] in HARD]
    return {
        "false_events_per_sentence": _share(sum(map(len, found)), len(labels)),
        "hard_false_events_per_sentence": _share(sum(map(len, hard)), len(hard)),
        "sentences_with_events": _share(sum(1 for events in found if events), len(labels)),
        "n": float(len(labels)),
        "hard_n": float(len(hard)),
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
EVENT_FREE = "event_free"
Results = dict[str, tuple[list[Record], list[list[Coded]]]]  # corpus -> (records, coded events)


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


def run_event_free(
    runner: Runner, labels: Sequence[Record], *, shared: Path = SHARED
) -> tuple[list[Record], list[list[Coded]]]:
    """The labels with their sentence text (read now, never stored) and the events charged to
    each, the pipeline running on whole records."""
    from newsevents.model import Article

    records = labelled_records(labels, shared=shared)
    keys = sorted(records)
    articles = [
        Article(
            id=f"{corpus}:{record_id}",
            text=records[corpus, record_id]["text"],
            date=SOURCES[corpus][1](records[corpus, record_id]),
        )
        for corpus, record_id in keys
    ]
    coded = {
        key: ([(s.start, s.end) for s in annotation.sentences], coded_events(annotation))
        for key, annotation in zip(keys, runner.annotate(articles), strict=True)
    }
    found = [charged_events(label, *coded[label["corpus"], label["id"]]) for label in labels]
    texts = [
        label
        | {"text": records[label["corpus"], label["id"]]["text"][label["start"] : label["end"]]}
        for label in labels
    ]
    return texts, found


def charged_events(
    label: Record, sentences: Sequence[Span], events: Sequence[Coded]
) -> list[Coded]:
    """The events whose evidence includes a parse sentence of a labelled sentence."""
    charged = charged_sentences((label["start"], label["end"]), sentences)
    return [event for event in events if charged & set(event["evidence"])]


def code_all(runner: Runner, *, data: Path = DEV_DATA) -> Results:
    """Run the pipeline once over every annotated file and every labelled record."""
    if not data.is_dir():
        raise DataMissing(
            f"{data} is absent: the external evaluation reads other people's annotations there "
            "(../shared/data/dev beside the repository); skipped"
        )
    results: Results = {corpus: run_corpus(runner, corpus, data=data) for corpus in CORPORA}
    results[EVENT_FREE] = run_event_free(runner, read_labels(), shared=data.parent)
    return results


def scores_of(results: Results) -> dict[str, float]:
    """``<corpus>_<metric>`` for the study part and ``untouched_<corpus>_<metric>``."""
    scorers = {corpus: scorer for corpus, (_, scorer, _) in CORPORA.items()}
    scorers[EVENT_FREE] = score_event_free
    scores: dict[str, float] = {}
    for corpus, (records, coded) in results.items():
        for part, values in split_scores(scorers[corpus], records, coded).items():
            prefix = "" if part == "study" else "untouched_"
            scores |= {f"{prefix}{corpus}_{name}": value for name, value in values.items()}
    return scores


def evaluate(*, runner: Runner | None = None, data: Path = DEV_DATA) -> dict[str, float]:
    """Every external score: ``<corpus>_<metric>`` for the study part, ``untouched_...`` too."""
    return scores_of(code_all(runner or Runner(), data=data))


# --------------------------------------------------------------------------- report


def table(scores: dict[str, float]) -> str:
    """Study and untouched scores side by side, one metric a line."""
    lines = [f"  {'metric':44} {'study':>8} {'untouched':>10}"]
    for name, value in scores.items():
        if name.startswith("untouched_"):
            continue
        held = scores.get(f"untouched_{name}", float("nan"))
        if name.endswith(("_n", "_n_dyad")):
            lines.append(f"  {name:44} {int(value):8d} {int(held):10d}")
        else:
            lines.append(f"  {name:44} {value:8.3f} {held:10.3f}")
    return "\n".join(lines)


def _shown(event: Coded) -> str:
    return (
        f"{event['source']}({event['source_text']}) -> {event['target']}({event['target_text']}) "
        f"{event['code']} {event['mode']} [{event['rule']}]"
    )


def _conflibert_error(record: Record, events: list[Coded]) -> list[str]:
    class_hit = record["penta"] in {penta_class(e["root"]) for e in events}
    dyad_hit = not record["spans_aligned"] or any(dyad_match(record, e) for e in events)
    if class_hit and dyad_hit:
        return []
    misses = ("" if class_hit else " CLASS") + ("" if dyad_hit else " DYAD")
    sides = ("sources", "targets", "reciprocal")
    gold = [f"{side} {span['text']!r}" for side in sides for span in record[side]]
    return [
        f"{record['id']} penta {record['penta']}{misses}: {record['text']}",
        *(["  gold " + "; ".join(gold)] if gold else []),
    ]


def _plover_error(record: Record, events: list[Coded]) -> list[str]:
    sources = {country(party["code"]) for party in record["source"] if party.get("code")}
    targets = {country(party["code"]) for party in record["target"] if party.get("code")}
    type_hit = any(event["plover"] == plover_type(record) for event in events)
    dyad_hit = not (sources and targets) or any(
        country(e["source"]) in sources and country(e["target"]) in targets for e in events
    )
    if type_hit and dyad_hit:
        return []
    misses = ("" if type_hit else " TYPE") + ("" if dyad_hit else " DYAD")
    return [
        f"{record['id']} {plover_type(record)}{misses}: {record['text']}",
        f"  gold {sorted(map(str, sources))} -> {sorted(map(str, targets))}",
    ]


def _petr2_error(record: Record, events: list[Coded]) -> list[str]:
    gold = triples([] if record["noevents"] else record["events"])
    if gold == triples(events):
        return []
    shown = ", ".join(f"{s} -> {t} {root}" for s, t, root in sorted(gold, key=str)) or "none"
    return [f"{record['id']}: {record['text']}", f"  gold {shown}"]


def _event_free_error(label: Record, events: list[Coded]) -> list[str]:
    if not events:
        return []
    return [f"{label['corpus']}:{label['id']} {label['kind']}: {' '.join(label['text'].split())}"]


ERRORS: dict[str, Callable[[Record, list[Coded]], list[str]]] = {
    "conflibert": _conflibert_error,
    "plover": _plover_error,
    "petr2": _petr2_error,
    EVENT_FREE: _event_free_error,
}


def study_errors(corpus: str, records: Sequence[Record], coded: Sequence[list[Coded]]) -> list[str]:
    """One block per study-part record the coder gets wrong: what is missed, the gold, the coded
    events with their rules. The untouched fifth is skipped: its errors are never read."""
    lines = []
    for index, (record, events) in enumerate(zip(records, coded, strict=True)):
        if untouched(index):
            continue
        block = ERRORS[corpus](record, events)
        if block:
            lines += block + [f"  coded {_shown(event)}" for event in events]
    return lines


def class_confusion(records: Sequence[Record], coded: Sequence[list[Coded]]) -> str:
    """Study part of ConfliBERT: per gold PentaClass, the coded events of each class (and the
    sentences without any event), so class errors show as a table."""
    counts = {gold: [0] * 6 for gold in range(5)}
    for index, (record, events) in enumerate(zip(records, coded, strict=True)):
        if untouched(index):
            continue
        row = counts[record["penta"]]
        row[5] += not events
        for event in events:
            row[penta_class(event["root"])] += 1
    lines = ["  gold \\ coded     0      1      2      3      4   none"]
    lines += [f"  {gold:<10}" + "".join(f"{n:7d}" for n in row) for gold, row in counts.items()]
    return "\n".join(lines)


def rule_family(rule: str) -> str:
    """The first pattern an event's rule names, without its code: ``verb:say->010`` is
    ``verb:say``."""
    return rule.split("->", 1)[0]


def rule_table(results: Results, *, top: int = 25) -> str:
    """Study part: per rule family, ConfliBERT events of the gold class and of another class, and
    events charged to event-free sentences; the families with the most wrong events first."""
    counts: dict[str, list[int]] = {}
    for corpus, column in (("conflibert", 0), (EVENT_FREE, 2)):
        records, coded = results[corpus]
        for index, (record, events) in enumerate(zip(records, coded, strict=True)):
            if untouched(index):
                continue
            for event in events:
                row = counts.setdefault(rule_family(event["rule"]), [0, 0, 0])
                right = column == 0 and penta_class(event["root"]) == record["penta"]
                row[column + (0 if right or column else 1)] += 1
    ranked = sorted(counts.items(), key=lambda item: (-(item[1][1] + item[1][2]), item[0]))
    lines = [f"  {'rule':40} {'gold class':>10} {'other class':>11} {'event-free':>10}"]
    lines += [f"  {rule:40} {r:10d} {w:11d} {f:10d}" for rule, (r, w, f) in ranked[:top]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--errors",
        nargs="?",
        const="all",
        choices=["all", *ERRORS],
        help="print the study part's errors (never the untouched fifth's), of one file or all",
    )
    parser.add_argument(
        "--rules",
        action="store_true",
        help="print, for the study part, which rule families code events of the wrong class "
        "(ConfliBERT) or events in event-free sentences",
    )
    options = parser.parse_args(argv)
    try:
        results = code_all(Runner())
    except DataMissing as missing:
        print(f"external: {missing}")
        return 0
    for corpus, (records, coded) in results.items():
        if options.errors in ("all", corpus):
            print(f"# {corpus}: errors on the study part")
            print("\n".join(study_errors(corpus, records, coded)))
            if corpus == "conflibert":
                print("# conflibert: PentaClass of coded events by gold class, study part")
                print(class_confusion(records, coded))
    if options.rules:
        print("# rules on the study part: ConfliBERT events by class, event-free sentences")
        print(rule_table(results))
    print(table(scores_of(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
