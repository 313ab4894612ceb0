"""Domestic events (issue 11): police, courts, prosecutors, juries, protesters, militants and
local officials coded with their country, as CAMEO does (USACOP 173 USACVL).

Each row is a sentence written for these tests, run through the actor stage and the event
coder with the built-in dictionaries, and an event it must yield with full actor codes (the
sector decides whether a same-country dyad is an event).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.dictionaries.actors import load_actor_dictionaries
from newsevents.dictionaries.lexicon import load_lexicon
from newsevents.model import Article, Entity, Parse
from newsevents.stages.actors import extract_actors
from newsevents.stages.events import extract_events
from newsevents.stages.events._index import Mention, same_party

Coded = tuple[str, str, str]  # source, code, target ("-" for none)
DATE = "2019-06-01"

# (sentence, "SOURCE CODE TARGET"): the country comes from a modifier, a place or the story.
DOMESTIC: list[tuple[str, str]] = [
    ("Police in Lagos arrested dozens of protesters on Monday.", "NGACOP 173 NGACVL"),
    ("Kenyan police raided the offices of an opposition newspaper.", "KENCOP 173 KENOPP"),
    ("Indian police arrested the opposition leader in New Delhi.", "INDCOP 173 INDOPP"),
    ("Police in Minsk placed the opposition leader under house arrest.", "BLRCOP 173 BLROPP"),
    ("Egyptian police rounded up dozens of activists in Cairo.", "EGYCOP 173 EGYOPP"),
    ("Prosecutors in Ankara charged the former mayor with corruption.", "TURJUD 173 TURELI"),
    ("A court in Nairobi convicted a journalist of sedition.", "KENJUD 116 KENMED"),
    ("Nigeria held a trial. A judge in Abuja sentenced the activist.", "NGAJUD 116 NGAOPP"),
    ("The Supreme Court of Pakistan ruled against the prime minister.", "PAKJUD 116 PAKGOV"),
    ("Police fired tear gas at protesters in Nairobi.", "KENCOP 175 KENCVL"),
    ("Security forces clashed with militants in the northern city of Mosul.", "IRQCOP 190 IRQUAF"),
    ("Protesters in Caracas marched against the government.", "VENCVL 141 VENGOV"),
    ("Myanmar's army detained the president.", "MMRMIL 173 MMRGOV"),
    ("Thousands of people protested in Caracas against the government.", "VENCVL 140 VENGOV"),
    ("Beijing police detained 18 people after a fire.", "CHNCOP 173 CHNCVL"),
]


def _expected(spec: str) -> Coded:
    source, code, target = spec.split()
    return source, code, target


@pytest.fixture(scope="module")
def coded(parse_text: Callable[[str, str], Parse]) -> dict[str, set[Coded]]:
    """Every sentence's events as (source, code, target), coded once."""
    dictionaries = load_actor_dictionaries()
    lexicon = load_lexicon()
    found: dict[str, set[Coded]] = {}
    for number, (text, _) in enumerate(DOMESTIC):
        article = Article(id=f"domestic-{number}", text=text, date=DATE)
        parse = parse_text(text, article.id)
        entities = extract_actors(parse, article=article, dictionaries=dictionaries)
        events = extract_events(
            parse, article=article, entities=entities, quotes=(), lexicon=lexicon
        )
        found[text] = {(e.source or "-", e.code, e.target or "-") for e in events}
    return found


@pytest.mark.parametrize(("text", "spec"), DOMESTIC, ids=[s for _, s in DOMESTIC])
def test_a_domestic_event_is_coded_with_both_sides_country(
    coded: dict[str, set[Coded]], text: str, spec: str
) -> None:
    assert _expected(spec) in coded[text], f"{text!r} gave {sorted(coded[text])}"


@pytest.mark.parametrize(
    ("source", "target", "one"),
    [
        ("IND", "INDGOV", True),  # a country and its own government
        ("USAGOV", "USAGOV", True),
        ("USACOP", "USACVL", False),  # police and protesters: the sectors differ
        ("KENJUD", "KENMED", False),
        ("SYRMIL", "SYRREB", False),
        ("MMRMIL", "MMRGOV", False),  # an army that detains the government
    ],
)
def test_a_same_country_pair_is_one_party_only_for_a_country_and_its_government(
    source: str, target: str, *, one: bool
) -> None:
    entity = Entity(article_id="a", start=0, end=1, text="x", label="GPE", actor=source, sentence=0)
    assert same_party(Mention(source, entity, 0), Mention(target, entity, 0)) is one
