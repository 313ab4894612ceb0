from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from newsevents.config import Settings
from newsevents.errors import PipelineError
from newsevents.model import Article
from newsevents.pipeline import Pipeline, Stage, check_order


def _stage(name: str, requires: tuple[str, ...], provides: str) -> Stage:
    return Stage(name, requires, provides, lambda workspace: ())


def test_check_order_accepts_providers_first() -> None:
    check_order(
        [_stage("a", ("parse",), "entities"), _stage("b", ("entities",), "events")],
        available=("parse",),
    )


def test_check_order_rejects_a_missing_input() -> None:
    with pytest.raises(PipelineError, match="'b' requires entities"):
        check_order([_stage("b", ("entities",), "events")], available=("parse",))


def test_the_real_stage_order_is_valid(nlp: Any) -> None:
    pipeline = Pipeline(Settings(), nlp=nlp)
    assert [stage.name for stage in pipeline.stages] == [
        "actors",
        "dates",
        "references",
        "quotes",
        "events",
        "classify",
        "judge",
        "dating",
        "places",
    ]


def test_no_classifier_leaves_the_rule_stages_alone(nlp: Any) -> None:
    pipeline = Pipeline(Settings(use_classifier=False), nlp=nlp)
    assert "classify" not in [stage.name for stage in pipeline.stages]


def test_a_crashing_stage_costs_only_its_output(nlp: Any) -> None:
    pipeline = Pipeline(Settings(), nlp=nlp)

    def boom(workspace: dict[str, Any]) -> Any:
        raise ValueError("broken on purpose")

    stages = list(pipeline.stages)
    index = next(i for i, stage in enumerate(stages) if stage.name == "quotes")
    stages[index] = dataclasses.replace(stages[index], run=boom)
    pipeline.stages = tuple(stages)
    text = 'Iran\'s foreign minister said on Monday: "We will not negotiate."'
    annotation = pipeline.annotate_one(Article(id="a", text=text, date="2019-05-13"))
    assert annotation.quotes == ()
    assert annotation.entities and annotation.timexes
    (problem,) = [p for p in annotation.problems if p.stage == "quotes"]
    assert problem.code == "NE300" and "broken on purpose" in problem.message


def test_missing_publication_date_is_inferred_and_flagged(nlp: Any) -> None:
    pipeline = Pipeline(Settings(), nlp=nlp)
    text = "GENEVA, March 3 - Envoys met on 3 March 2021 to discuss the ceasefire."
    annotation = pipeline.annotate_one(Article(id="a", text=text))
    assert annotation.article.date == "2021-03-03"
    assert annotation.article.date_inferred
