"""The judge stage: the classifier scores, re-codes and vetoes hand-made rule candidates."""

from __future__ import annotations

import pytest

from newsevents.dictionaries.cameo import cameo_code
from newsevents.model import Event, SentenceClass
from newsevents.stages.judge import judge_events


def _event(code: str, *, sentence: int = 0, target: str | None = "UKR") -> Event:
    entry = cameo_code(code)
    return Event(
        article_id="a",
        source="RUS",
        target=target,
        code=code,
        root=entry.root,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=entry.plover,
        mode="asserted",
        sentence=sentence,
        start=0,
        end=10,
        rule=f"verb:test->{code}",
        evidence=(sentence,),
    )


def _reading(
    classes: tuple[float, ...], *, sentence: int = 0, event: float | None = None
) -> SentenceClass:
    return SentenceClass("a", sentence, 0, 10, event, classes, "test")


MATERIAL_CONFLICT = (0.02, 0.02, 0.02, 0.04, 0.9)  # PentaClass 4 at 0.9
UNSURE = (0.2, 0.2, 0.2, 0.2, 0.2)


@pytest.mark.parametrize(("code", "score"), [("190", 0.9), ("010", 0.02), ("042", 0.02)])
def test_every_event_gets_the_probability_of_its_own_class(code: str, score: float) -> None:
    (judged,) = judge_events((_event(code),), classes=(_reading(MATERIAL_CONFLICT),))
    assert judged.code == code
    assert judged.class_score == score


def test_a_sure_classifier_recodes_an_event_of_another_class() -> None:
    (judged,) = judge_events(
        (_event("042"),), classes=(_reading(MATERIAL_CONFLICT),), recode_at=0.8
    )
    assert (judged.code, judged.root, judged.quad_class) == ("180", "18", 4)
    assert judged.rule == "verb:test->042+classifier=>180"
    assert (judged.source, judged.target, judged.class_score) == ("RUS", "UKR", 0.9)


@pytest.mark.parametrize(
    ("classes", "recode_at"), [(UNSURE, 0.5), (MATERIAL_CONFLICT, 0.95), (MATERIAL_CONFLICT, None)]
)
def test_an_unsure_classifier_or_no_threshold_keeps_the_rule_code(
    classes: tuple[float, ...], recode_at: float | None
) -> None:
    (judged,) = judge_events((_event("042"),), classes=(_reading(classes),), recode_at=recode_at)
    assert judged.code == "042"


def test_an_event_of_the_classifiers_class_keeps_its_specific_code() -> None:
    (judged,) = judge_events(
        (_event("194"),), classes=(_reading(MATERIAL_CONFLICT),), recode_at=0.5
    )
    assert judged.code == "194"


@pytest.mark.parametrize(("event", "kept"), [(0.1, 0), (0.6, 1), (None, 1)])
def test_veto_drops_events_of_sentences_without_an_event(event: float | None, kept: int) -> None:
    judged = judge_events(
        (_event("190"),), classes=(_reading(MATERIAL_CONFLICT, event=event),), veto_below=0.5
    )
    assert len(judged) == kept


def test_an_event_without_a_reading_passes_unchanged() -> None:
    event = _event("042", sentence=3)
    assert judge_events((event,), classes=(_reading(MATERIAL_CONFLICT),), recode_at=0.5) == (event,)


def test_events_that_recoding_makes_equal_merge() -> None:
    judged = judge_events(
        (_event("042"), _event("043")), classes=(_reading(MATERIAL_CONFLICT),), recode_at=0.8
    )
    assert [event.code for event in judged] == ["180"]


def test_rank_keeps_the_events_of_the_most_probable_class_in_each_sentence() -> None:
    events = (_event("042"), _event("190"), _event("194", target="SYR"), _event("042", sentence=1))
    readings = (_reading(MATERIAL_CONFLICT), _reading(MATERIAL_CONFLICT, sentence=1))
    judged = judge_events(events, classes=readings, rank=True)
    assert [(event.sentence, event.code) for event in judged] == [
        (0, "190"),
        (0, "194"),
        (1, "042"),
    ]
