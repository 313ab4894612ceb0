"""Speakers the actor stage left uncoded take a code from the article's other mentions (#13)."""

from __future__ import annotations

import pytest

from newsevents.config import Settings
from newsevents.model import Article, Entity, Quote
from newsevents.pipeline import Pipeline
from newsevents.stages.quotes.speakers import code_speakers

TEXT = (
    "Energy Minister Anna Berg said prices would fall. They said nothing more. "
    '"Prices will fall," Berg said. "Demand is weak," she added. "We wait," they said.'
)


def _quote(words: str, speaker: str, actor: str | None, *, after: int = 0) -> Quote:
    start = TEXT.index(words, after)
    spoken = TEXT.index(speaker, start + len(words))
    return Quote(
        "a",
        start,
        start + len(words),
        words,
        "direct",
        speaker,
        spoken,
        spoken + len(speaker),
        actor,
        0,
    )


ENTITIES = (
    Entity("a", 0, 26, "Energy Minister Anna Berg", "PERSON", "NORGOV", 0),
    Entity("a", 50, 54, "They", "PRON", None, 1),
)


def test_a_name_said_again_takes_the_code_of_its_full_mention() -> None:
    coded = code_speakers([_quote("Prices will fall", "Berg", None)], ENTITIES)
    assert coded[0].speaker_actor == "NORGOV"


@pytest.mark.parametrize(("words", "speaker"), [("Demand is weak", "she"), ("We wait", "they")])
def test_a_pronoun_is_left_to_the_actor_stage(words: str, speaker: str) -> None:
    named = _quote("Prices will fall", "Berg", "NORGOV")
    assert code_speakers([named, _quote(words, speaker, None)], ENTITIES)[-1].speaker_actor is None


def test_a_name_nobody_coded_stays_uncoded() -> None:
    quote = _quote("Prices will fall", "Berg", None)
    assert code_speakers([quote], (ENTITIES[1],)) == [quote]


def test_a_coded_speaker_keeps_its_code() -> None:
    quote = _quote("Prices will fall", "Berg", "NOR")
    assert code_speakers([quote], ENTITIES)[0].speaker_actor == "NOR"


# --- Through the whole pipeline: the actor stage's mentions, then the quote stage ----------

WIRE_STORIES = [
    (
        "SEOUL, March 3 - South Korea will cut its oil imports next year.\n\n"
        '"We expect demand to fall by five percent," said Huh Sun-yong, an Energy Ministry '
        'official.\n\n"Prices will stay low," he added.',
        # The actor stage's pronoun chain (#11) codes "he" as the nearest person before it.
        [("Huh Sun-yong", "KORGOV"), ("he", "KORGOV")],
    ),
    (
        "BONN, March 3 - West German Economics Minister Martin Bangemann said growth would "
        'slow. "We expect two pct growth this year," Bangemann said.',
        [("West German Economics Minister Martin Bangemann", "DEUGOV"), ("Bangemann", "DEUGOV")],
    ),
]


@pytest.fixture(scope="module")
def pipeline(nlp: object) -> Pipeline:
    return Pipeline(Settings(), nlp=nlp)


@pytest.mark.parametrize(("text", "speakers"), WIRE_STORIES)
def test_speakers_resolve_to_actor_codes(
    pipeline: Pipeline, text: str, speakers: list[tuple[str, str | None]]
) -> None:
    annotation = pipeline.annotate_one(Article(id="s", text=text, date="1987-03-03"))
    found = [(quote.speaker, quote.speaker_actor) for quote in annotation.quotes]
    assert found == speakers
