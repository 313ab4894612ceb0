"""Tests for the event coder on the error classes found on whole articles (round 4, issue 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.dictionaries.lexicon import load_lexicon
from newsevents.model import Article, Entity, Event, Parse
from newsevents.stages.events import extract_events

# Hand-built mentions: (actor code, actor-stage rule). A capital read as a place keeps its
# country code, as the actor stage gives it before the event coder sees its role.
ACTORS = {
    "Washington": ("USAGOV", "capital:metonym:Washington"),
    "Pyongyang": ("PRK", "capital:place:Pyongyang"),
    "SINGAPORE": ("SGP", "builtin:countries:Singapore"),
    "BEIJING": ("CHN", "builtin:countries:China"),
    "Trump": ("USAGOV", "builtin:persons"),
    "Kim": ("PRKGOV", "builtin:persons"),
    "Xi": ("CHNGOV", "builtin:persons"),
    "Russia": ("RUS", "builtin:countries"),
    "Ukraine": ("UKR", "builtin:countries"),
    "Iran": ("IRN", "builtin:countries"),
    "Japan": ("JPN", "builtin:countries"),
    "Turkey": ("TUR", "builtin:countries"),
    "Syrian": ("SYR", "builtin:countries"),
    "Germany": ("DEU", "builtin:countries"),
    "India": ("IND", "builtin:countries"),
    "New Delhi": ("INDGOV", "capital:metonym:New Delhi"),
    "Indian": ("IND", "builtin:countries"),
    "Pakistan": ("PAK", "builtin:countries"),
    "North Korea": ("PRK", "builtin:countries"),
}

Dyad = tuple[str | None, str | None, str, str]
ASSERTED, HYPOTHETICAL, NEGATED = "asserted", "hypothetical", "negated"

# Sentences and an event they must yield.
CASES: list[tuple[str, Dyad]] = [
    # A dateline is no part of the first sentence: the story's subject is the source.
    (
        "SINGAPORE, June 12 (newsevents) - Trump and Kim signed a statement.",
        ("USAGOV", "PRKGOV", "057", ASSERTED),
    ),
    (
        "BEIJING, Nov 9 (newsevents) - Trump met Xi on Thursday.",
        ("USAGOV", "CHNGOV", "040", ASSERTED),
    ),
    # A capital read as a place is its government when it is the party of an exchange.
    ("Washington pledged security guarantees to Pyongyang.", ("USAGOV", "PRKGOV", "030", ASSERTED)),
    ("Trump flew to Pyongyang.", ("USAGOV", "PRK", "042", ASSERTED)),
    # Conditions, demands, denials and plans that did not happen.
    (
        "Germany would consider sanctions against Russia if the ceasefire failed.",
        ("DEU", None, "014", HYPOTHETICAL),
    ),
    (
        "Ukraine demanded that Russia withdraw its troops from Crimea.",
        ("UKR", "RUS", "1056", ASSERTED),
    ),
    ("Japan has no plans to send troops to Syria.", ("JPN", None, "074", NEGATED)),
    (
        "Iran warned that any country helping Russia would be punished.",
        ("IRN", None, "012", ASSERTED),
    ),
    # "Tell X to ..." is a demand; "strike" with a party as object is force.
    ("Russia told Japan to leave the talks.", ("RUS", "JPN", "100", ASSERTED)),
    ("Russia told Japan to stop the exercises.", ("RUS", "JPN", "1056", ASSERTED)),
    ("Turkey struck Syrian positions.", ("TUR", "SYR", "195", ASSERTED)),
]

# Sentences that must yield no event with the given code, and why.
NO_CODE: list[tuple[str, str, str]] = [
    ("Turkey hosts three million Syrian refugees.", "043", "refugees are no visit"),
    ("Iran received a letter from Japan.", "043", "a letter is no guest"),
    ("North Korea has not met its commitments.", "040", "meeting commitments is no meeting"),
    ("Indian aircraft crossed into Pakistan.", "042", "aircraft make no visit"),
    ("Russia denied sending troops to Ukraine.", "074", "what is denied is no event"),
    ("Iran stepped out from under sanctions.", "0831", "stepping out is no resignation"),
    ("Iran allowed Japan to buy oil.", "086", "a bare allow is no international involvement"),
    ("Kim holds no power over the military.", "181", "holding is no hostage-taking"),
    ("Trump is under sanctions imposed by Iran.", "163", "under sanctions names a known state"),
    ("Sanctions on Iran will remain in place.", "163", "a standing state is no new event"),
    ("India struck what New Delhi called a camp.", "195", "a country and its government"),
]

# Sentences whose events all have this mode.
MODES = [
    ("Trump said Japan would halt the exercises if Kim agreed.", "halt", "hypothetical"),
    ("Trump said Japan would halt the exercises with Russia.", "halt", "future"),
    ("Russia said Germany would attack Ukraine even if Japan objected.", "attack", "future"),
]


def _entities(parse: Parse) -> tuple[Entity, ...]:
    found: list[Entity] = []
    for name, (code, rule) in ACTORS.items():
        start = parse.text.find(name)
        while start >= 0:
            end = start + len(name)
            if parse.text[end : end + 1].isalpha():  # "Indian" is no mention of "India"
                start = parse.text.find(name, end)
                continue
            sentence = next(s.index for s in parse.sentences if s.start <= start < s.end)
            found.append(Entity(parse.article_id, start, end, name, "GPE", code, sentence, rule))
            start = parse.text.find(name, end)
    return tuple(sorted(found, key=lambda entity: entity.start))


def _code(parse: Parse) -> tuple[Event, ...]:
    article = Article(id=parse.article_id, text=parse.text, date="2019-01-01")
    return extract_events(
        parse, article=article, entities=_entities(parse), quotes=(), lexicon=load_lexicon()
    )


@pytest.fixture(scope="module")
def coded(parse_text: Callable[[str, str], Parse]) -> dict[str, tuple[Event, ...]]:
    texts = {text for text, _ in CASES} | {case[0] for case in [*NO_CODE, *MODES]}
    return {text: _code(parse_text(text, "t")) for text in texts}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_yields_event(
    coded: dict[str, tuple[Event, ...]], text: str, expected: Dyad
) -> None:
    assert expected in {(e.source, e.target, e.code, e.mode) for e in coded[text]}


@pytest.mark.parametrize(("text", "code", "why"), NO_CODE)
def test_sentence_yields_no_such_event(
    coded: dict[str, tuple[Event, ...]], text: str, code: str, why: str
) -> None:
    assert code not in {e.code for e in coded[text]}, why


def test_dateline_is_no_party(coded: dict[str, tuple[Event, ...]]) -> None:
    events = coded[CASES[0][0]]
    assert events and all("SGP" not in (e.source, e.target) for e in events)


@pytest.mark.parametrize(("text", "trigger", "mode"), MODES)
def test_event_mode(
    coded: dict[str, tuple[Event, ...]], text: str, trigger: str, mode: str
) -> None:
    events = [e for e in coded[text] if text[e.trigger_start or 0 :].startswith(trigger)]
    assert events and {e.mode for e in events} == {mode}
