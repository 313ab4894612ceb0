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


def test_indexed_patterns_match_like_all_patterns(
    parse_text: Callable[[str, str], Parse],
    phoenix_lexicon: Lexicon,
    phoenix_actors: ActorDictionaries,
) -> None:
    from newsevents.stages.events import _dependent_words
    from newsevents.stages.events._index import build_index
    from newsevents.stages.events._match import match_verb

    text = " ".join(sentence for sentence, _ in CASES)
    parse = parse_text(text, "i")
    article = Article(id="i", text=text, date="2019-07-20")
    index = build_index(parse, extract_actors(parse, article=article, dictionaries=phoenix_actors))
    compared = 0
    for token in parse.tokens:
        verb_index = phoenix_lexicon.verb_index.get(token.lemma.lower())
        if token.pos != "VERB" or verb_index is None:
            continue
        indexed = verb_index.candidates(_dependent_words(index, token))
        everything = match_verb(index, token, verb_index.patterns)
        assert (match_verb(index, token, indexed) if indexed else None) == everything
        compared += 1
    assert compared >= len(CASES)


@pytest.mark.parametrize(
    ("code", "reverse", "expected"),
    [("042", "043", ("CHN", "JPN", "043")), ("046", "046", ("CHN", "JPN", "046"))],
)
def test_reverse_code_gives_the_target_side(
    parse_text: Callable[[str, str], Parse],
    code: str,
    reverse: str,
    expected: tuple[str, str, str],
) -> None:
    text = "Japan toured China."
    pattern = Pattern(code, "verb", "tour", targets=("dobj",), reverse=reverse)
    parse = parse_text(text, "r")
    japan = Entity("r", 0, 5, "Japan", "GPE", "JPN", 0)
    china = Entity("r", 13, 18, "China", "GPE", "CHN", 0)
    events = extract_events(
        parse,
        article=Article(id="r", text=text),
        entities=(japan, china),
        quotes=(),
        lexicon=Lexicon({"tour": (pattern,)}, {}),
    )
    assert expected in {(e.source, e.target, e.code) for e in events}


def test_petrarch_reverse_codes_are_kept(phoenix_lexicon: Lexicon) -> None:
    reverses = {p.reverse for group in phoenix_lexicon.verbs.values() for p in group}
    assert {"043", "042"} <= reverses
