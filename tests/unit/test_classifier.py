"""The sentence classifier: features, deterministic training, the model file, the shipped model."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsevents.classifier import (
    FORMAT,
    SentenceModel,
    load_model,
    model_to_json,
    read_model,
    save_model,
    sentence_features,
    train_model,
)
from newsevents.errors import ClassifierError
from newsevents.model import Token

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "data" / "dev"

# Invented sentences' features: enough to separate three labels.
EXAMPLES: list[tuple[list[str], str]] = [
    (["w:shell", "w:town", "w:troops"], "4"),
    (["w:shell", "w:village", "w:artillery"], "4"),
    (["w:fire", "w:town", "w:troops"], "4"),
    (["w:meet", "w:minister", "w:talks"], "1"),
    (["w:meet", "w:president", "w:talks"], "1"),
    (["w:visit", "w:minister", "w:talks"], "1"),
    (["w:weather", "w:sunny", "w:town"], "none"),
    (["w:weather", "w:rain", "w:village"], "none"),
    (["w:sunny", "w:rain", "w:weather"], "none"),
]


def _model() -> SentenceModel:
    return train_model(EXAMPLES, name="invented", min_count=1)


def _token(i: int, text: str, *, pos: str = "NOUN", dep: str = "dobj", head: int = 0) -> Token:
    return Token(
        i, i * 10, i * 10 + len(text), text, text.lower(), pos, "", dep, head, 0, "O", "", " "
    )


def test_training_twice_gives_the_same_weights() -> None:
    first, second = _model(), _model()
    assert first.vocabulary == second.vocabulary
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.bias, second.bias)


@pytest.mark.parametrize(
    ("features", "label"),
    [(["w:shell", "w:troops"], "4"), (["w:meet", "w:talks"], "1"), (["w:weather"], "none")],
)
def test_the_model_learns_invented_classes(features: list[str], label: str) -> None:
    model = _model()
    probabilities = model.probabilities(features)
    assert model.labels[int(np.argmax(probabilities))] == label
    assert probabilities.sum() == pytest.approx(1.0)


def test_unknown_features_give_the_prior() -> None:
    model = _model()
    assert np.allclose(model.probabilities(["w:never-seen"]), model.probabilities([]))


def test_the_model_file_round_trips(tmp_path: Path) -> None:
    model = _model()
    path = tmp_path / "model.json.gz"
    save_model(model, path)
    again = read_model(path)
    assert again.labels == model.labels and again.vocabulary == model.vocabulary
    assert np.allclose(again.weights, model.weights, atol=1e-4)
    assert np.allclose(
        again.probabilities(["w:shell"]), model.probabilities(["w:shell"]), atol=1e-3
    )


def test_equal_models_are_equal_files(tmp_path: Path) -> None:
    save_model(_model(), tmp_path / "a.json.gz")
    save_model(_model(), tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


@pytest.mark.parametrize(
    "content",
    [b"not gzip", gzip.compress(b"not json"), gzip.compress(json.dumps({"format": "x"}).encode())],
)
def test_a_bad_model_file_is_a_coded_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.json.gz"
    path.write_bytes(content)
    with pytest.raises(ClassifierError, match=r"\[NE600\]"):
        read_model(path)


def test_training_needs_two_labels() -> None:
    with pytest.raises(ClassifierError, match="at least two labels"):
        train_model([(["w:a"], "1"), (["w:b"], "1")], name="one")


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            [
                _token(0, "Troops", dep="nsubj", head=1),
                _token(1, "shelled", pos="VERB", dep="ROOT", head=1),
            ],
            {"w:troops", "w:shelled", "b:troops_shelled", "d:shelled>nsubj>troops"},
        ),
        ([_token(0, "Talks", dep="ROOT"), _token(1, ".", pos="PUNCT", dep="punct")], {"w:talks"}),
    ],
)
def test_sentence_features_are_lemmas_bigrams_and_arguments(
    tokens: list[Token], expected: set[str]
) -> None:
    assert set(sentence_features(tokens)) == expected


def test_the_shipped_model_is_read_lazily_and_knows_the_five_classes() -> None:
    model = load_model()
    assert {"0", "1", "2", "3", "4"} <= set(model.labels)
    assert model_to_json(model)["format"] == FORMAT


@pytest.mark.slow
def test_the_shipped_model_is_reproducible_from_the_study_data(nlp: Any) -> None:
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is absent: the shipped classifier is trained on ../shared/data/dev")
    sys.path.insert(0, str(ROOT / "eval"))
    from classifier import MODEL_NAME, study_rows  # type: ignore[import-not-found]

    retrained = model_to_json(train_model(study_rows(nlp=nlp), name=MODEL_NAME))
    shipped = model_to_json(load_model())
    assert retrained["features"] == shipped["features"]
    assert retrained["labels"] == shipped["labels"]
    assert np.allclose(retrained["weights"], shipped["weights"], atol=1e-3)


@pytest.mark.parametrize(
    "sentences",
    [
        [["w:shell"], ["w:meet", "w:talks"], ["w:weather"]],
        [[], ["w:shell"], []],
        [["w:never-seen"], ["w:meet"]],
        [["w:shell", "w:never-seen"], [], ["w:rain", "w:sunny"], []],
    ],
)
def test_an_article_at_once_gives_what_each_sentence_gives(sentences: list[list[str]]) -> None:
    model = _model()
    together = model.probabilities_of(sentences)
    assert np.allclose(together, [model.probabilities(features) for features in sentences])
