"""Tests for where the event coder finds an event's parties on real news phrasings (issue 11).

Each row is a sentence written for newsevents, run through the actor stage and the event coder
with the built-in dictionaries, and an event it must yield: source party, CAMEO code and target
party, compared by their first three letters as ``eval/external.py`` compares PLOVER dyads.
The rows are grouped by the mechanism that finds the party; the classes of errors they stand for
were found on the study part of the ConfliBERT sentences (docs/events.md).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.dictionaries.actors import load_actor_dictionaries
from newsevents.dictionaries.lexicon import load_lexicon
from newsevents.model import Article, Parse
from newsevents.stages.actors import extract_actors
from newsevents.stages.events import extract_events

Dyad = tuple[str, str, str]  # source party, code, target party ("-" for none)
DATE = "2019-05-01"

# (mechanism, sentence, "SOURCE CODE TARGET")
CASES: list[tuple[str, str, str]] = [
    # An international militarized group (IMG...) is a party like an IGO, not a bare role.
    ("militant group", "Iraqi troops attacked Islamic State fighters near Tikrit.", "IRQ 180 IMG"),
    ("militant group", "Al-Qaeda claimed responsibility for the bombing.", "IMG 015 -"),
    # The object names an act: whose act it is, by its by-phrase.
    ("by-phrase", "Norway rejected a request by Pakistan for more aid.", "NOR 122 PAK"),
    ("by-phrase", "Chile welcomed the visit by the Peruvian foreign minister.", "CHL 051 PER"),
    (
        "participle agent",
        "Kenya rejected a proposal submitted by Uganda on the border.",
        "KEN 127 UGA",
    ),
    # A pattern that names its object and no target slot takes the object's owner.
    ("owner of the object", "Egypt refused Sudan's request for help.", "EGY 122 SDN"),
    ("owner of the object", "Peru accepted Bolivia's demand on the river.", "PER 080 BOL"),
    # A for-phrase of the object names whom the act is for.
    ("for-phrase", "Ghana expressed concern for the Nigerian president's health.", "GHA 012 NGA"),
    ("for-phrase", "Spain expressed condolences for the Moroccan people.", "ESP 018 MAR"),
    # A state and its insurgents are two sides; a state and its own troops are one.
    ("two sides", "The Taliban rejected an Afghan government offer of talks.", "AFG 125 AFG"),
    ("one side", "India refused to send Indian troops to the border.", "IND 1224 -"),
    # Joint subjects of a symmetric act act on each other; the object's phrase is the topic.
    (
        "joint subjects",
        "Chilean and Peruvian negotiators reached a deal on the Bolivian border.",
        "CHL 057 PER",
    ),
    # A time after "on" is no particle of "urge on" and no party's phrase.
    ("dated preposition", "Peru urged Chile on Monday to reopen the pass.", "PER 020 CHL"),
    (
        "dated preposition",
        "Chile's foreign minister met with Peruvian President Ana Soto Tuesday to discuss trade.",
        "CHL 040 PER",
    ),
    # An uncoded content clause: its patient or counterpart is the target, never the source's
    # own country.
    ("content clause", "Mali threatened to halt all shipments with Niger.", "MLI 134 NER"),
    ("content clause", "Vietnam refused to join the Chinese naval drills.", "VNM 120 CHN"),
    ("content clause", "Syria refused to open the border to Syrian refugees.", "SYR 120 -"),
    # A participle modifying the object carries the object's counterpart phrase.
    ("participle phrase", "The United Nations lifted sanctions imposed on Eritrea.", "IGO 085 ERI"),
    ("participle phrase", "Japan lifted a travel ban imposed on Chadian citizens.", "JPN 081 TCD"),
    # A subject shared through "is willing/ready to".
    ("shared subject", "Canada is willing to provide military aid to Jordan.", "CAN 072 JOR"),
    (
        "shared subject",
        "Amnesty International issued a statement urging Egypt to free the reporters.",
        "NGO 0253 EGY",
    ),
    # An owning participle: "rebel-held", "Saudi-led".
    ("owning participle", "Russian jets bombed a Turkish-held outpost.", "RUS 195 TUR"),
]


def _party(code: str | None) -> str:
    return code[:3] if code else "-"


@pytest.fixture(scope="module")
def coded(parse_text: Callable[[str, str], Parse]) -> dict[str, set[Dyad]]:
    """Every sentence's events as (source party, code, target party), coded once."""
    dictionaries = load_actor_dictionaries()
    lexicon = load_lexicon()
    found: dict[str, set[Dyad]] = {}
    for number, (_, text, _) in enumerate(CASES):
        article = Article(id=f"targets-{number}", text=text, date=DATE)
        parse = parse_text(text, article.id)
        entities = extract_actors(parse, article=article, dictionaries=dictionaries)
        events = extract_events(
            parse, article=article, entities=entities, quotes=(), lexicon=lexicon
        )
        found[text] = {(_party(e.source), e.code, _party(e.target)) for e in events}
    return found


@pytest.mark.parametrize(
    ("mechanism", "text", "spec"),
    CASES,
    ids=[f"{mechanism}-{n}" for n, (mechanism, _, _) in enumerate(CASES)],
)
def test_party_is_found(coded: dict[str, set[Dyad]], mechanism: str, text: str, spec: str) -> None:
    source, code, target = spec.split()
    assert (source, code, target) in coded[text], f"{mechanism}: {text!r} gave {coded[text]}"
