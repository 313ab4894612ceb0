"""A sentence classifier beside the event rules: bag-of-words linear weights over parsed tokens.

The model says, for one sentence, how likely it reports an event at all (the label ``none`` is
"no codable event") and which PentaClass the event has. It is a softmax regression over binary
features of the parse (lemmas, lemma bigrams, verb-argument pairs), trained without randomness
(zero start, full-batch steps), so the same data always give the same weights. The shipped model
is package data (``data/classifier.json.gz``), read on first use; ``eval/classifier.py`` trains it
from the study part of ``../shared/data/dev/`` (see docs/events.md, "Classifier").
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsevents.errors import ClassifierError
from newsevents.model import Token

FORMAT = "newsevents-sentence-classifier/1"
DATA_PACKAGE = "newsevents.data"
MODEL_FILE = "classifier.json.gz"
NONE = "none"  # the label of a sentence without a codable event
PENTA_LABELS: tuple[str, ...] = ("0", "1", "2", "3", "4")
# Parts of speech whose words carry no content for the class (punctuation, numbers, spaces).
_SKIP_POS = frozenset({"PUNCT", "SPACE", "NUM", "SYM", "X"})
# Dependency labels that tie an argument to its verb ("troops <nsubj fire", "fire dobj> shells").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "xcomp", "ccomp", "prep"})
# Training defaults, chosen by cross-validation on the study part (docs/events.md, "Classifier").
L2 = 1e-5
EPOCHS = 150
LEARNING_RATE = 0.1
MIN_COUNT = 2  # a feature seen once in training carries no weight worth shipping
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SentenceModel:
    """Labels, a feature vocabulary and linear weights (one row per feature, one column a label)."""

    name: str
    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: Floats
    bias: Floats

    @property
    def has_none(self) -> bool:
        return NONE in self.labels

    def probabilities(self, features: Iterable[str]) -> Floats:
        """The label probabilities of one sentence's features (softmax of the summed weights)."""
        result: Floats = self.probabilities_of([features])[0]
        return result

    def probabilities_of(self, sentences: Sequence[Iterable[str]]) -> Floats:
        """One row of label probabilities per sentence, in one pass (cheap per article)."""
        vocabulary = self.vocabulary
        rows: list[int] = []
        starts: list[int] = []
        for features in sentences:
            starts.append(len(rows))
            rows.extend({vocabulary[f] for f in features if f in vocabulary})
        counts = np.diff(np.array([*starts, len(rows)]))
        present = counts > 0  # sentences with no known feature keep the bias alone
        scores = np.tile(self.bias, (len(sentences), 1))
        if rows:
            # Segments between the starts of sentences with features are exactly their rows.
            sums = np.add.reduceat(self.weights[rows], np.array(starts)[present], axis=0)
            scores[present] += sums / np.sqrt(counts[present])[:, np.newaxis]
        return _softmax(scores)


def sentence_features(tokens: Sequence[Token]) -> list[str]:
    """The features of one sentence: lemmas, lemma bigrams and verb-argument pairs."""
    words = [token for token in tokens if token.pos not in _SKIP_POS]
    word_of = {token.i: _word(token) for token in tokens}
    lemmas = [word_of[token.i] for token in words]
    features = ["w:" + lemma for lemma in lemmas]
    features.extend(f"b:{first}_{second}" for first, second in itertools.pairwise(lemmas))
    for token in words:
        if token.dep in _ARGUMENT_DEPS and token.head != token.i and token.head in word_of:
            features.append(f"d:{word_of[token.head]}>{token.dep}>{word_of[token.i]}")
    return features


def _word(token: Token) -> str:
    """The lemma, or the entity type for names (a country's name says nothing of the class)."""
    if token.ent_type in ("GPE", "PERSON", "ORG", "NORP", "LOC", "FAC"):
        return token.ent_type
    return token.lemma.lower()


def train_model(
    examples: Sequence[tuple[Sequence[str], str]],
    *,
    name: str,
    l2: float = L2,
    epochs: int = EPOCHS,
    learning_rate: float = LEARNING_RATE,
    min_count: int = MIN_COUNT,
) -> SentenceModel:
    """Fit softmax regression on ``(features, label)`` pairs; the same examples, the same model.

    Raises:
        ClassifierError: fewer than two labels among ``examples``.
    """
    labels = tuple(sorted({label for _, label in examples}))
    if len(labels) < 2:
        raise ClassifierError(
            f"training needs at least two labels, got {list(labels)}",
            fix="label sentences of at least two PentaClasses (or a class and 'none')",
        )
    counts = Counter(f for features, _ in examples for f in set(features))
    kept = sorted(f for f, count in counts.items() if count >= min_count)
    vocabulary = {feature: index for index, feature in enumerate(kept)}
    rows, columns, values = _design(examples, vocabulary)
    target = np.array([labels.index(label) for _, label in examples])
    weights, bias = _fit(
        (rows, columns, values),
        target,
        shape=(len(examples), len(kept), len(labels)),
        l2=l2,
        epochs=epochs,
        learning_rate=learning_rate,
    )
    return SentenceModel(name, labels, vocabulary, weights, bias)


Design = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Floats]


def _design(examples: Sequence[tuple[Sequence[str], str]], vocabulary: dict[str, int]) -> Design:
    """The sparse design matrix as (row, column, value) arrays; rows have unit length."""
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for row, (features, _) in enumerate(examples):
        present = sorted({vocabulary[f] for f in features if f in vocabulary})
        rows.extend([row] * len(present))
        columns.extend(present)
        values.extend([1.0 / np.sqrt(len(present))] * len(present))
    return (
        np.array(rows, dtype=np.int64),
        np.array(columns, dtype=np.int64),
        np.array(values, dtype=np.float64),
    )


def _fit(
    design: Design,
    target: npt.NDArray[np.int64],
    *,
    shape: tuple[int, int, int],
    l2: float,
    epochs: int,
    learning_rate: float,
) -> tuple[Floats, Floats]:
    """Full-batch Adam on the mean cross-entropy plus an L2 penalty, from zero weights."""
    rows, columns, values = design
    n, d, k = shape
    weights = np.zeros((d, k))
    bias = np.zeros(k)
    onehot = np.eye(k)[target]
    moments = [np.zeros_like(weights), np.zeros_like(bias)]
    squares = [np.zeros_like(weights), np.zeros_like(bias)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8  # Adam's published defaults (Kingma and Ba 2015)
    for step in range(1, epochs + 1):
        scores = np.stack(
            [np.bincount(rows, values * weights[columns, c], minlength=n) for c in range(k)], axis=1
        )
        error = (_softmax(scores + bias) - onehot) / n
        grad_w = np.stack(
            [np.bincount(columns, values * error[rows, c], minlength=d) for c in range(k)], axis=1
        )
        grads = [grad_w + l2 * weights, error.sum(axis=0)]
        for index, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            moments[index] = beta1 * moments[index] + (1 - beta1) * grad
            squares[index] = beta2 * squares[index] + (1 - beta2) * grad * grad
            m_hat = moments[index] / (1 - beta1**step)
            v_hat = squares[index] / (1 - beta2**step)
            param -= learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return weights, bias


def _softmax(scores: Floats) -> Floats:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    result: Floats = shifted / shifted.sum(axis=1, keepdims=True)
    return result


# Weights are stored to this many decimals: the file stays small and diffs stay readable.
_DECIMALS = 4


def model_to_json(model: SentenceModel) -> dict[str, Any]:
    features = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    return {
        "format": FORMAT,
        "name": model.name,
        "labels": list(model.labels),
        "bias": [round(float(value), _DECIMALS) for value in model.bias],
        "features": features,
        "weights": [
            [round(float(value), _DECIMALS) for value in model.weights[model.vocabulary[f]]]
            for f in features
        ],
    }


def save_model(model: SentenceModel, path: Path) -> None:
    """Write ``model`` as gzipped JSON (no timestamp inside, so equal models are equal files)."""
    text = json.dumps(model_to_json(model), separators=(",", ":"), sort_keys=True)
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def read_model(path: Path) -> SentenceModel:
    """Read a model written by ``save_model``.

    Raises:
        ClassifierError: the file is missing, not gzipped JSON, or not a classifier model.
    """
    try:
        data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    except (OSError, EOFError, ValueError) as error:
        raise ClassifierError(
            f"cannot read the classifier model: {error}",
            where=str(path),
            fix="give a file written by `newsevents train`, or use --no-classifier",
        ) from error
    return _model_from_json(data, where=str(path))


def _model_from_json(data: Any, *, where: str) -> SentenceModel:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ClassifierError(
            "the file is not a newsevents sentence classifier",
            where=where,
            fix=f"give a file written by `newsevents train` (format {FORMAT!r})",
        )
    features = data["features"]
    labels = tuple(data["labels"])
    weights = np.array(data["weights"], dtype=np.float64).reshape(len(features), len(labels))
    return SentenceModel(
        name=str(data["name"]),
        labels=labels,
        vocabulary={feature: index for index, feature in enumerate(features)},
        weights=weights,
        bias=np.array(data["bias"], dtype=np.float64),
    )


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> SentenceModel:
    """The model at ``path``, or the shipped one; read once per process."""
    if path is not None:
        return read_model(Path(path))
    with resources.as_file(resources.files(DATA_PACKAGE) / MODEL_FILE) as packaged:
        return read_model(packaged)
