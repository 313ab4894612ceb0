"""Train the shipped sentence classifier on the study part of ../shared/data/dev and measure it.

``python eval/classifier.py --write`` retrains ``src/newsevents/data/classifier.json.gz`` from the
study parts (four fifths, ``eval/split.py``) of the ConfliBERT, PLOVER and PETRARCH2 files (and of
``eval/external/event_free.jsonl`` when present: sentences without an event). Without ``--write`` it
prints PentaClass accuracy: cross-validated on the study part (each study sentence predicted by a
model that never saw it) and, for the untouched fifth, by the model trained on the whole study part.
The untouched fifth is only scored, never read for errors or used to choose anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))  # eval/split.py beside this file

from split import FOLDS, untouched

from newsevents.classifier import (
    DATA_PACKAGE,
    MODEL_FILE,
    NONE,
    SentenceModel,
    save_model,
    sentence_features,
    train_model,
)
from newsevents.config import Settings
from newsevents.dictionaries.cameo import cameo_codes, penta_class
from newsevents.model import Article, Event, Parse, SentenceClass
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline
from newsevents.stages.clean import clean_text
from newsevents.stages.judge import judge_events
from newsevents.stages.parse import parse_texts

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev"
EVENT_FREE = Path(__file__).resolve().parent / "external" / "event_free.jsonl"
SHIPPED = Path(__file__).resolve().parents[1] / "src" / DATA_PACKAGE.replace(".", "/") / MODEL_FILE
MODEL_NAME = "newsevents-dev-1"


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence of a dev file: where it comes from and which part it is in."""

    file: str
    index: int  # position in its file (the split rule's record index)
    text: str
    label: str  # PentaClass "0".."4" or "none"

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


def dev_examples(dev: Path = DEV) -> list[Example]:
    """Every labelled sentence of the three event files, with its file position."""
    examples: list[Example] = []
    for index, record in enumerate(_lines(dev / "events_conflibert_train.jsonl")):
        examples.append(Example("conflibert", index, record["text"], str(record["penta"])))
    for index, record in enumerate(_lines(dev / "events_plover_gsr.jsonl")):
        penta = plover_penta(record["event"])
        if penta is not None:
            examples.append(Example("plover", index, record["text"], str(penta)))
    for index, record in enumerate(_lines(dev / "events_petr2_gsr.jsonl")):
        classes = {penta_class(event["code"]) for event in record["events"]}
        if record.get("noevents") and not classes:
            examples.append(Example("petr2", index, record["text"], NONE))
        elif len(classes) == 1:
            examples.append(Example("petr2", index, record["text"], str(classes.pop())))
    return examples


def parse_examples(examples: Sequence[Example], *, nlp: Any = None) -> list[Parse]:
    nlp = nlp if nlp is not None else load_nlp("en_core_web_sm")
    texts = [(f"{e.file}-{e.index}", clean_text(e.text, article_id=e.file).text) for e in examples]
    return list(parse_texts(nlp, texts))


def features_of(parse: Parse) -> list[str]:
    return sentence_features(parse.tokens)


def labelled_rows(*, nlp: Any = None) -> list[tuple[Example, list[str]]]:
    """Every dev example with its features (parsing takes ~15 s)."""
    examples = dev_examples()
    parses = parse_examples(examples, nlp=nlp)
    return [(example, features_of(parse)) for example, parse in zip(examples, parses, strict=True)]


def study_rows(*, nlp: Any = None) -> list[tuple[list[str], str]]:
    """The training rows of the shipped model: (features, label) of the study part."""
    return [(features, e.label) for e, features in labelled_rows(nlp=nlp) if not e.untouched]


def cross_validated(
    rows: Sequence[tuple[list[str], str]], *, folds: int = FOLDS, **options: Any
) -> Iterator[tuple[int, SentenceModel]]:
    """(fold, model trained without that fold) for ``folds`` folds by position."""
    for fold in range(folds):
        train = [row for index, row in enumerate(rows) if index % folds != fold]
        yield fold, train_model(train, name=f"cv{fold}", **options)


def cv_probabilities(
    rows: Sequence[tuple[list[str], str]], *, labels: tuple[str, ...], **options: Any
) -> np.ndarray[Any, Any]:
    """Each row's label probabilities from the model that did not see it (columns ``labels``)."""
    result = np.zeros((len(rows), len(labels)))
    for fold, model in cross_validated(rows, **options):
        for index, (features, _) in enumerate(rows):
            if index % FOLDS == fold:
                probabilities = model.probabilities(features)
                for column, label in enumerate(model.labels):
                    result[index, labels.index(label)] = probabilities[column]
    return result


def penta_accuracy(
    probabilities: np.ndarray[Any, Any], labels: tuple[str, ...], gold: list[str]
) -> float:
    """Share of event sentences whose most likely PentaClass is the gold one."""
    columns = [labels.index(label) for label in labels if label != NONE]
    hits = [
        labels[columns[int(np.argmax(row[columns]))]] == label
        for row, label in zip(probabilities, gold, strict=True)
        if label != NONE
    ]
    return sum(hits) / len(hits) if hits else 0.0


# The combinations measured: judge_events options (docs/events.md, "Classifier").
COMBINATIONS: dict[str, dict[str, Any]] = {
    "rules alone": {},
    "rank": {"rank": True},
    **{f"re-code >= {at}": {"recode_at": at} for at in (0.5, 0.6, 0.7, 0.8, 0.9)},
    "rank + re-code >= 0.8": {"rank": True, "recode_at": 0.8},
    **{f"veto < {below}": {"veto_below": below} for below in (0.3, 0.5, 0.7)},
}


def rule_events(examples: Sequence[Example], *, nlp: Any) -> list[tuple[Event, ...]]:
    """The rule coder's events of each example (the pipeline without the classifier)."""
    pipeline = Pipeline(Settings(use_classifier=False), nlp=nlp)
    articles = [Article(id=f"{e.file}-{e.index}", text=e.text) for e in examples]
    return [annotation.events for annotation in pipeline.annotate(articles)]


def readings_of(
    probabilities: np.ndarray[Any, Any], labels: tuple[str, ...], events: tuple[Event, ...]
) -> tuple[SentenceClass, ...]:
    """The example's probabilities as a reading of every sentence its events are in."""
    penta = np.array([probabilities[labels.index(label)] for label in "01234"])
    event = 1.0 - float(probabilities[labels.index(NONE)]) if NONE in labels else None
    classes = tuple(float(value) for value in penta / (penta.sum() or 1.0))
    sentences = sorted({e.sentence for e in events})
    return tuple(SentenceClass("eval", s, 0, 0, event, classes, "eval") for s in sentences)


def class_scores(
    examples: Sequence[Example], coded: Sequence[tuple[Event, ...]]
) -> dict[str, float]:
    """Class hit, class precision, and false events per event-free sentence."""
    hits = events = right = free = false_events = 0
    for example, found in zip(examples, coded, strict=True):
        if example.label == NONE:
            free += 1
            false_events += len(found)
            continue
        classes = [penta_class(event.code) for event in found]
        hits += int(example.label) in classes
        right += sum(c == int(example.label) for c in classes)
        events += len(classes)
    sentences = len(examples) - free
    return {
        "class_hit": hits / sentences if sentences else 0.0,
        "class_precision": right / events if events else 0.0,
        "false_per_free": false_events / free if free else 0.0,
    }


def combination_table(
    examples: Sequence[Example],
    events: Sequence[tuple[Event, ...]],
    probabilities: np.ndarray[Any, Any],
    labels: tuple[str, ...],
    combinations: dict[str, dict[str, Any]],
) -> list[str]:
    """One line per combination: class hit and precision on ConfliBERT, PLOVER and all files."""
    lines = [
        f"  {'combination':24} {'ConfliBERT hit/prec':>20} {'PLOVER hit/prec':>16} "
        f"{'all hit/prec':>13} {'false/free':>10}"
    ]
    for name, options in combinations.items():
        coded = [
            judge_events(found, classes=readings_of(row, labels, found), **options)
            for found, row in zip(events, probabilities, strict=True)
        ]
        cells = []
        for file in ("conflibert", "plover", None):
            chosen = [i for i, e in enumerate(examples) if file is None or e.file == file]
            score = class_scores([examples[i] for i in chosen], [coded[i] for i in chosen])
            cells.append(f"{score['class_hit']:.3f}/{score['class_precision']:.3f}")
        free = class_scores(examples, coded)["false_per_free"]
        lines.append(f"  {name:24} {cells[0]:>20} {cells[1]:>16} {cells[2]:>13} {free:>10.2f}")
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
    rows = labelled_rows(nlp=nlp)
    study = [(features, e.label) for e, features in rows if not e.untouched]
    held = [(features, e.label) for e, features in rows if e.untouched]
    labels = tuple(sorted({label for _, label in study}))
    model = train_model(study, name=MODEL_NAME)
    if options.write:
        save_model(model, SHIPPED)
        print(f"wrote {SHIPPED} ({len(study)} study sentences, {len(model.vocabulary)} features)")
        return
    cv = cv_probabilities(study, labels=labels)
    accuracy = penta_accuracy(cv, labels, [label for _, label in study])
    print(f"study CV PentaClass accuracy: {accuracy:.3f}")
    untouched_probs = np.array([model.probabilities(features) for features, _ in held])
    print(
        "untouched PentaClass accuracy: "
        f"{penta_accuracy(untouched_probs, model.labels, [label for _, label in held]):.3f}"
    )
    examples = [e for e, _ in rows]
    events = rule_events(examples, nlp=nlp)
    study_examples = [e for e in examples if not e.untouched]
    study_events = [found for e, found in zip(examples, events, strict=True) if not e.untouched]
    print("study part, cross-validated (each sentence scored by a model that never saw it):")
    print("\n".join(combination_table(study_examples, study_events, cv, labels, COMBINATIONS)))
    kept = {"rules alone": {}, "kept (defaults)": kept_combination(Settings())}
    held_examples = [e for e in examples if e.untouched]
    held_events = [found for e, found in zip(examples, events, strict=True) if e.untouched]
    columns = [model.labels.index(label) for label in labels]
    held_probs = untouched_probs[:, columns]
    print("untouched fifth (scored only), the rules and the kept combination:")
    print("\n".join(combination_table(held_examples, held_events, held_probs, labels, kept)))


if __name__ == "__main__":
    main()
