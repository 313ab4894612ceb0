"""Train the sentence classifier on a user's labelled sentences (``newsevents train``).

The input is JSON Lines, one ``{"text": ..., "label": ...}`` a line. A label is a PentaClass
(0-4, as a number or a string), ``"none"`` for a sentence without a codable event, or a CAMEO
code ("190", "04"), which stands for its PentaClass. A bad line is reported with a coded error
and skipped; training goes on with the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.classifier import NONE, PENTA_LABELS, SentenceModel, sentence_features, train_model
from newsevents.dictionaries.cameo import is_cameo_code, penta_class
from newsevents.errors import ClassifierError, TrainingLineError
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts

_LABEL_FIX = 'give a PentaClass 0-4, "none" or a CAMEO code such as "190"'


@dataclass(frozen=True, slots=True)
class Labelled:
    """One usable training line."""

    line: int
    text: str
    label: str  # "0".."4" or "none"


def label_of(value: Any) -> str | None:
    """The training label a user's label stands for, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if value.lower() == NONE or value in PENTA_LABELS:
        return str(value.lower())
    if len(value) >= 2 and is_cameo_code(value):
        return str(penta_class(value))
    return None


def read_labelled(path: Path) -> tuple[list[Labelled], list[TrainingLineError]]:
    """The usable lines of ``path`` and one coded error for each line that is not."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ClassifierError(
            f"cannot read the training file: {error}",
            where=str(path),
            fix='give a UTF-8 JSON Lines file of {"text": ..., "label": ...}',
        ) from error
    labelled: list[Labelled] = []
    errors: list[TrainingLineError] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            labelled.append(_labelled(line, number))
        except TrainingLineError as error:
            errors.append(error)
    return labelled, errors


def _labelled(line: str, number: int) -> Labelled:
    where = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise TrainingLineError(
            f"not JSON ({error.msg})", where=where, fix="one JSON object a line"
        ) from error
    if not isinstance(record, dict):
        raise TrainingLineError("not a JSON object", where=where, fix="one JSON object a line")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise TrainingLineError("no text", where=where, fix='give the sentence as "text"')
    label = label_of(record.get("label"))
    if label is None:
        raise TrainingLineError(
            f"unknown label {record.get('label')!r}", where=where, fix=_LABEL_FIX
        )
    return Labelled(number, text, label)


def train_on(labelled: Iterable[Labelled], *, nlp: Any, name: str) -> SentenceModel:
    """Parse the sentences and train a model on their features."""
    items = list(labelled)
    texts = (
        (str(item.line), clean_text(item.text, article_id=str(item.line)).text) for item in items
    )
    examples = [
        (sentence_features(parse.tokens), item.label)
        for item, parse in zip(items, parse_texts(nlp, texts), strict=True)
    ]
    return train_model(examples, name=name)
