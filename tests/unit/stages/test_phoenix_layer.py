"""The Phoenix base layer in the pipeline: what it adds, and where the team's reading wins."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.config import Settings
from newsevents.model import Annotation, Article
from newsevents.pipeline import Pipeline

# Sentences written for these tests about real events: (date, text).
CLEMENCY = ("2016-01-17", "The United States granted clemency to seven Iranians.")


def _annotate(nlp: Any, date: str, text: str, **settings: Any) -> Annotation:
    pipeline = Pipeline(Settings(**settings), nlp=nlp)
    return pipeline.annotate_one(Article(id="phoenix", text=text, date=date))


def _codes(annotation: Annotation) -> set[tuple[str | None, str, str | None]]:
    return {(event.source, event.code, event.target) for event in annotation.events}


def test_a_phoenix_verb_pattern_codes_a_dyad_and_names_its_line(nlp: Any) -> None:
    annotation = _annotate(nlp, *CLEMENCY)
    rules = [event.rule for event in annotation.events if event.code == "081"]
    assert ("USA", "081", "IRN") in _codes(annotation)
    assert rules[0].startswith("verb:grant:clemency->081@phoenix:CAMEO.2.0.txt:")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("The United States did not grant clemency to the Iranians.", "negated"),
        ("The United States may grant clemency to the Iranians.", "hypothetical"),
        ("The United States granted clemency.", "no target: no dyad"),
    ],
)
def test_a_phoenix_verb_pattern_codes_only_asserted_dyads(nlp: Any, text: str, why: str) -> None:
    assert "081" not in {code for _, code, _ in _codes(_annotate(nlp, "2016-01-17", text))}, why


def test_phoenix_actors_are_off_by_default(nlp: Any) -> None:
    annotation = _annotate(nlp, "2010-06-01", "Paul Kagame said the vote was fair.")
    assert all(not (entity.rule or "").startswith("phoenix:") for entity in annotation.entities)


def test_no_phoenix_drops_its_verb_patterns(nlp: Any) -> None:
    assert ("USA", "081", "IRN") not in _codes(_annotate(nlp, *CLEMENCY, phoenix=False))


@pytest.mark.parametrize(
    ("date", "text", "name", "code", "rule"),
    [
        ("2010-06-01", "Paul Kagame said the vote was fair.", "Paul Kagame", "RWAGOV", "phoenix:"),
        # Phoenix's roles end about 2014: the title in the text gives the role.
        (
            "2018-09-12",
            "South Sudan's rebel leader Riek Machar signed the deal.",
            "rebel leader Riek Machar",
            "SSDREB",
            "title:",
        ),
        # The name span took in the title: the rest is the name of the titled person.
        (
            "2020-01-01",
            "Magistrate Ngozi Adeyemi-Balogun spoke at the market.",
            "Magistrate Ngozi Adeyemi-Balogun",
            "JUD",
            "title",
        ),
    ],
)
def test_persons_from_phoenix_and_titles(
    nlp: Any, date: str, text: str, name: str, code: str, rule: str
) -> None:
    entities = _annotate(nlp, date, text, phoenix_actors=True).entities
    found = [(e.actor, e.rule or "") for e in entities if e.text.endswith(name)]
    assert found and found[0][0] == code
    assert found[0][1].startswith(rule)
