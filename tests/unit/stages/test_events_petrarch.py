"""Tests for coding with users' PETRARCH2 dictionaries (the Phoenix files in ../shared/data)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries
from newsevents.dictionaries.lexicon import NULL_CODE, Lexicon, Pattern, load_lexicon
from newsevents.model import Article, Entity, Event, Parse
from newsevents.stages.actors import extract_actors
from newsevents.stages.events import extract_events

PHOENIX = Path(__file__).resolve().parents[4] / "shared" / "data" / "phoenix"


@pytest.fixture(scope="module")
def phoenix_lexicon() -> Lexicon:
    if not PHOENIX.exists():
        pytest.skip("../shared/data/phoenix is not beside this checkout")
    return load_lexicon(verb_files=[PHOENIX / "CAMEO.2.0.txt"], builtin=False)


@pytest.fixture(scope="module")
def phoenix_actors() -> ActorDictionaries:
    if not PHOENIX.exists():
        pytest.skip("../shared/data/phoenix is not beside this checkout")
    return load_actor_dictionaries(
        actor_files=sorted(PHOENIX.glob("Phoenix.*.actors.txt")),
        agent_files=PHOENIX / "Phoenix.agents.txt",
        builtin=False,
    )


# Sentences coded from raw text with the Phoenix dictionaries only: (source, target, root).
CASES = [
    ("Russia accused Ukraine of shelling the city.", ("RUS", "UKR", "11")),
    ("Japan criticized China over the missile test.", ("JPN", "CHN", "11")),
    ("The Turkish army fired at Syrian soldiers.", ("TUR", "SYR", "19")),
    ("Iran seized a British oil tanker in the Gulf.", ("IRN", "GBR", "17")),
]


@pytest.fixture(scope="module")
def coded(
    parse_text: Callable[[str, str], Parse],
    phoenix_lexicon: Lexicon,
    phoenix_actors: ActorDictionaries,
) -> dict[str, tuple[Event, ...]]:
    found: dict[str, tuple[Event, ...]] = {}
    for text, _ in CASES:
        parse = parse_text(text, "p")
        article = Article(id="p", text=text, date="2019-07-20")
        entities = extract_actors(parse, article=article, dictionaries=phoenix_actors)
        found[text] = extract_events(
            parse, article=article, entities=entities, quotes=(), lexicon=phoenix_lexicon
        )
    return found


def test_verb_dictionary_converts_into_patterns(phoenix_lexicon: Lexicon) -> None:
    (default, *_) = phoenix_lexicon.verbs["accuse"]
    assert (default.code, default.entry.split(":")[0]) == ("112", "CAMEO.2.0.txt")
    assert len(phoenix_lexicon.codes) > 150


@pytest.mark.parametrize(("text", "dyad"), CASES)
def test_phoenix_dictionaries_code_raw_text(
    coded: dict[str, tuple[Event, ...]], text: str, dyad: tuple[str, str, str]
) -> None:
    found = {((e.source or "")[:3], (e.target or "")[:3], e.root) for e in coded[text]}
    assert dyad in found


def test_null_pattern_blocks_the_verb_default(parse_text: Callable[[str, str], Parse]) -> None:
    text = "Japan fired the employee."
    lexicon = Lexicon(
        {
            "fire": (
                Pattern("190", "verb", "fire", targets=("dobj",)),
                Pattern(NULL_CODE, "verb", "fire", obj=frozenset({"employee"})),
            )
        },
        {},
    )
    parse = parse_text(text, "n")
    japan = Entity("n", 0, 5, "Japan", "GPE", "JPN", 0)
    article = Article(id="n", text=text)
    events = extract_events(parse, article=article, entities=(japan,), quotes=(), lexicon=lexicon)
    assert events == ()
