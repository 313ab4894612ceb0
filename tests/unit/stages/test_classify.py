"""The classify stage: one reading per sentence from a model trained on invented features."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.classifier import SentenceModel, sentence_features, train_model
from newsevents.model import Article, Parse
from newsevents.stages.classify import classify_sentences

TEXT = "Troops shelled the town. Ministers met for talks."


@pytest.fixture(scope="module")
def parse(parse_text: Callable[[str], Parse]) -> Parse:
    return parse_text(TEXT)


def _trained(parse: Parse, labels: tuple[str, str]) -> SentenceModel:
    examples = [
        (sentence_features(parse.sentence_tokens(sentence)), label)
        for sentence, label in zip(parse.sentences, labels, strict=True)
    ]
    return train_model(examples * 3, name="invented", min_count=1)


def test_each_sentence_gets_its_class_probabilities(parse: Parse) -> None:
    model = _trained(parse, ("4", "1"))
    readings = classify_sentences(parse, article=Article(id="test", text=TEXT), model=model)
    assert [reading.sentence for reading in readings] == [0, 1]
    assert [reading.best for reading in readings] == [4, 1]
    assert all(sum(reading.classes) == pytest.approx(1.0, abs=1e-3) for reading in readings)
    assert all(reading.event is None and reading.model == "invented" for reading in readings)


def test_a_model_with_none_gives_an_event_probability(parse: Parse) -> None:
    model = _trained(parse, ("4", "none"))
    first, second = classify_sentences(parse, article=Article(id="test", text=TEXT), model=model)
    assert first.event is not None and second.event is not None
    assert first.event > 0.5 > second.event
