"""Train the shipped sentence classifier on the study part of ../shared/data/dev and measure it.

``python eval/classifier.py --write`` retrains ``src/newsevents/data/classifier.json.gz`` from the
study parts (four fifths, ``eval/split.py``) of the ConfliBERT, PLOVER and PETRARCH2 files and of
the team's event-free sentences (``eval/external/event_free.jsonl``, label ``none``). Without
``--write`` it prints PentaClass accuracy and a table of the ways the classifier can judge the
rule coder's events (``stages/judge.py``), scored with ``eval/external.py``'s scorers: on the study
part cross-validated (every sentence judged by a model trained without it), and on the untouched
fifth (the model trained on the whole study part) for the rules alone and the kept combination
only. The untouched fifth is only scored, never read for errors or used to choose anything.
Each sentence runs through the pipeline on its own (event-free sentences too, without their
article), so the numbers differ a little from ``eval/external.py``'s.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # eval/ is not a package

from split import FOLDS, untouched

from newsevents.classifier import (
    DATA_PACKAGE,
    MODEL_FILE,
    NONE,
    PENTA_LABELS,
    SentenceModel,
    save_model,
    sentence_features,
    train_model,
)
from newsevents.config import Settings
from newsevents.dictionaries.cameo import cameo_codes, penta_class
from newsevents.model import Annotation, Article, Event, SentenceClass
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline
from newsevents.stages.clean import clean_text
from newsevents.stages.judge import judge_events
from newsevents.stages.parse import parse_texts

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev"
EVENT_FREE = Path(__file__).resolve().parent / "external" / "event_free.jsonl"
SHIPPED = Path(__file__).resolve().parents[1] / "src" / DATA_PACKAGE.replace(".", "/") / MODEL_FILE
MODEL_NAME = "newsevents-dev-1"
Probabilities = np.ndarray[Any, Any]


@dataclass(frozen=True)
class Example:
    """One sentence of a dev file: where it comes from, its training label, its gold record."""

    file: str
    index: int  # position in its file (the split rule's record index)
    text: str
    label: str | None  # PentaClass "0".."4", "none", or None: scored but not trained on
    record: dict[str, Any]
    date: str | None = None

    @property
    def untouched(self) -> bool:
        return untouched(self.index)


def plover_penta(event_type: str) -> int | None:
    """PentaClass of a PLOVER type (or an older GSR name that is a CAMEO root name: DEMAND,
    DISAPPROVE, INVESTIGATE, FIGHT), when all the CAMEO codes it comes from agree."""
    classes = {penta_class(c.code) for c in cameo_codes() if c.plover == event_type}
    if not classes:
        classes = {
            penta_class(c.code) for c in cameo_codes() if c.is_root and c.name.upper() == event_type
        }
    return classes.pop() if len(classes) == 1 else None


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _petr2_label(record: dict[str, Any]) -> str | None:
    classes = {
        penta_class(event["code"]) for event in record["events"] if event["code"][:2].isdigit()
    }
    if record.get("noevents") and not record["events"]:
        return NONE
    return str(classes.pop()) if len(classes) == 1 else None


def _petr2_date(record: dict[str, Any]) -> str | None:
    value = str(record.get("date") or "")
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if len(value) == 8 else None


def dev_examples(dev: Path = DEV) -> list[Example]:
    """Every sentence of the three event files and the event-free labels, with file positions."""
    examples: list[Example] = []
    for index, record in enumerate(_lines(dev / "events_conflibert_train.jsonl")):
        label = str(record["penta"])
        # The shared README: "real news sentences (2017-18)"; dated like eval/external.py.
        examples.append(Example("conflibert", index, record["text"], label, record, "2018-01-01"))
    for index, record in enumerate(_lines(dev / "events_plover_gsr.jsonl")):
        penta = plover_penta(record["event"])
        label = None if penta is None else str(penta)
        examples.append(Example("plover", index, record["text"], label, record))
    for index, record in enumerate(_lines(dev / "events_petr2_gsr.jsonl")):
        label = _petr2_label(record)
        examples.append(Example("petr2", index, record["text"], label, record, _petr2_date(record)))
    return examples + event_free_examples(dev)


def event_free_examples(dev: Path = DEV) -> list[Example]:
    """The team's event-free sentences (``eval/external/event_free.jsonl``, offsets and a hash
    into ../shared/data/reuters and voa), read from their source now, never stored."""
    if not EVENT_FREE.is_file():
        return []
    from external import labelled_records, read_labels

    labels = read_labels(EVENT_FREE)
    records = labelled_records(labels, shared=dev.parent)
    examples = []
    for index, label in enumerate(labels):
        text = records[label["corpus"], label["id"]]["text"][label["start"] : label["end"]]
        examples.append(Example("event_free", index, text, NONE, label | {"text": text}))
    return examples


def features_of(examples: Sequence[Example], *, nlp: Any) -> list[list[str]]:
    """Each example's classifier features (parsing takes ~15 s)."""
    texts = [(f"{e.file}-{e.index}", clean_text(e.text, article_id=e.file).text) for e in examples]
    return [sentence_features(parse.tokens) for parse in parse_texts(nlp, texts)]


def study_rows(*, nlp: Any = None) -> list[tuple[list[str], str]]:
    """The training rows of the shipped model: (features, label) of the labelled study part."""
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    examples = [e for e in dev_examples() if not e.untouched and e.label is not None]
    features = features_of(examples, nlp=nlp)
    return [(row, e.label) for row, e in zip(features, examples, strict=True) if e.label]


def _fold_probabilities(
    model: SentenceModel, features: Sequence[list[str]], labels: tuple[str, ...]
) -> Probabilities:
    """Probabilities with columns in ``labels`` order (0 for a label the model lacks)."""
    result = np.zeros((len(features), len(labels)))
    for row, feature_list in enumerate(features):
        probabilities = model.probabilities(feature_list)
        for column, label in enumerate(model.labels):
            result[row, labels.index(label)] = probabilities[column]
    return result


def cv_probabilities(
    examples: Sequence[Example], features: Sequence[list[str]], *, labels: tuple[str, ...]
) -> Probabilities:
    """Each example's probabilities from the model trained on the other folds (by position)."""
    result = np.zeros((len(examples), len(labels)))
    for fold in range(FOLDS):
        train = [
            (row, e.label)
            for index, (row, e) in enumerate(zip(features, examples, strict=True))
            if index % FOLDS != fold and e.label is not None
        ]
        model = train_model(train, name=f"cv{fold}")
        held = [index for index in range(len(examples)) if index % FOLDS == fold]
        result[held] = _fold_probabilities(model, [features[i] for i in held], labels)
    return result


def penta_accuracy(
    probabilities: Probabilities, labels: tuple[str, ...], gold: Sequence[str | None]
) -> float:
    """Share of event sentences whose most likely PentaClass is the gold one."""
    columns = [labels.index(label) for label in PENTA_LABELS]
    hits = [
        PENTA_LABELS[int(np.argmax(row[columns]))] == label
        for row, label in zip(probabilities, gold, strict=True)
        if label is not None and label != NONE
    ]
    return sum(hits) / len(hits) if hits else 0.0


# The combinations measured: judge_events options (docs/events.md, "Classifier").
COMBINATIONS: dict[str, dict[str, Any]] = {
    "rules alone": {},
    "rank": {"rank": True},
    **{f"re-code >= {at}": {"recode_at": at} for at in (0.5, 0.7, 0.8, 0.9)},
    "rank + re-code >= 0.8": {"rank": True, "recode_at": 0.8},
    **{f"veto < {below}": {"veto_below": below} for below in (0.2, 0.3, 0.5, 0.7)},
    "veto < 0.5 + rank": {"veto_below": 0.5, "rank": True},
}


def rule_annotations(examples: Sequence[Example], *, nlp: Any) -> list[Annotation]:
    """The pipeline without the classifier on each example's text."""
    pipeline = Pipeline(Settings(use_classifier=False), nlp=nlp)
    articles = [Article(id=f"{e.file}-{e.index}", text=e.text, date=e.date) for e in examples]
    return list(pipeline.annotate(articles))


def readings_of(
    probabilities: Probabilities, labels: tuple[str, ...], events: tuple[Event, ...]
) -> tuple[SentenceClass, ...]:
    """The example's probabilities as the reading of every sentence its events are in."""
    penta = np.array([probabilities[labels.index(label)] for label in PENTA_LABELS])
    event = 1.0 - float(probabilities[labels.index(NONE)]) if NONE in labels else None
    classes = tuple(float(value) for value in penta / (penta.sum() or 1.0))
    sentences = sorted({e.sentence for e in events})
    return tuple(SentenceClass("eval", s, 0, 0, event, classes, "eval") for s in sentences)


def _scorers() -> dict[str, tuple[Callable[..., dict[str, float]], tuple[str, ...]]]:
    from external import score_conflibert, score_event_free, score_plover

    return {
        "conflibert": (score_conflibert, ("class_hit", "class_precision", "dyad_class_hit")),
        "plover": (score_plover, ("type_accuracy",)),
        "event_free": (score_event_free, ("false_events_per_sentence",)),
    }


def combination_table(
    examples: Sequence[Example],
    annotations: Sequence[Annotation],
    probabilities: Probabilities,
    labels: tuple[str, ...],
    combinations: dict[str, dict[str, Any]],
) -> list[str]:
    """One line per combination, scored by eval/external.py's scorers."""
    from external import coded_events

    scorers = _scorers()
    header = [f"{file} {metric}" for file, (_, metrics) in scorers.items() for metric in metrics]
    lines = ["  " + " | ".join(["combination", *header])]
    for name, options in combinations.items():
        coded = []
        for annotation, row in zip(annotations, probabilities, strict=True):
            readings = readings_of(row, labels, annotation.events)
            events = judge_events(annotation.events, classes=readings, **options)
            coded.append(coded_events(dataclasses.replace(annotation, events=events)))
        cells = []
        for file, (scorer, metrics) in scorers.items():
            chosen = [i for i, e in enumerate(examples) if e.file == file]
            scores = scorer([examples[i].record for i in chosen], [coded[i] for i in chosen])
            cells.extend(f"{scores[metric]:.3f}" for metric in metrics)
        lines.append("  " + " | ".join([name, *cells]))
    return lines


def kept_combination(settings: Settings) -> dict[str, Any]:
    """The judge options the pipeline uses by default."""
    return {
        "recode_at": settings.classifier_recode or None,
        "veto_below": settings.classifier_veto or None,
        "rank": settings.classifier_rank,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help=f"retrain {SHIPPED.name}")
    options = parser.parse_args(argv)
    if not DEV.is_dir():
        raise SystemExit(f"{DEV} is absent: the classifier trains on ../shared/data/dev")
    nlp = load_nlp("en_core_web_sm")
    if options.write:
        rows = study_rows(nlp=nlp)
        model = train_model(rows, name=MODEL_NAME)
        save_model(model, SHIPPED)
        print(f"wrote {SHIPPED} ({len(rows)} study sentences, {len(model.vocabulary)} features)")
        return
    examples = dev_examples()
    features = features_of(examples, nlp=nlp)
    study = [i for i, e in enumerate(examples) if not e.untouched]
    held = [i for i, e in enumerate(examples) if e.untouched]
    labels = tuple(sorted({e.label for e in examples if e.label is not None}))
    study_examples = [examples[i] for i in study]
    cv = cv_probabilities(study_examples, [features[i] for i in study], labels=labels)
    train = [(features[i], examples[i].label) for i in study if examples[i].label is not None]
    model = train_model(train, name=MODEL_NAME)
    held_probs = _fold_probabilities(model, [features[i] for i in held], labels)
    gold = [e.label for e in study_examples]
    print(f"study CV PentaClass accuracy: {penta_accuracy(cv, labels, gold):.3f}")
    held_gold = [examples[i].label for i in held]
    print(f"untouched PentaClass accuracy: {penta_accuracy(held_probs, labels, held_gold):.3f}")
    annotations = rule_annotations(examples, nlp=nlp)
    print("study part, cross-validated (each sentence judged by a model that never saw it):")
    study_annotations = [annotations[i] for i in study]
    print("\n".join(combination_table(study_examples, study_annotations, cv, labels, COMBINATIONS)))
    kept = {"rules alone": {}, "kept (defaults)": kept_combination(Settings())}
    held_examples = [examples[i] for i in held]
    held_annotations = [annotations[i] for i in held]
    print("untouched fifth (scored only): the rules alone and the kept combination:")
    print("\n".join(combination_table(held_examples, held_annotations, held_probs, labels, kept)))


if __name__ == "__main__":
    main()
