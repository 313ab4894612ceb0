"""The actor stage on explicit ties over context, venues, organizations named by description,
"-led" groups, "former" titles and pronouns joined to a mention or near a plural noun."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Entity

# Sentences written for these tests about real events: name -> (date, text).
TEXTS = {
    "spokesman": (
        "2015-02-12",
        "Talks went on in Minsk. Ukrainian military spokesman Andriy Lysenko said tanks had "
        "crossed from Russia.",
    ),
    "prosecutor": (
        "2018-10-20",
        "Turkey searched the consulate. The Saudi public prosecutor said the inquiry went on.",
    ),
    "from": ("2015-12-12", "France hosted the talks, said a negotiator from the Marshall Islands."),
    "of-org": ("2016-06-24", "The presidents of the European Council said they regretted it."),
    "venue": (
        "2017-09-12",
        "Myanmar's army denied the reports. Opening a session in Geneva, the rights chief said "
        "security forces had burned villages.",
    ),
    "seat": ("2016-01-17", "Washington, Brussels and the United Nations lifted sanctions."),
    "dateline": ("2016-03-19", "BRUSSELS, March 19 (Reuters) - Turkey agreed to take migrants."),
    "treasury": ("2018-05-09", "Iran protested. The Treasury Department imposed sanctions."),
    "alliance": ("2018-03-27", "NATO expelled seven Russians. The alliance said it would act."),
    "bloc": ("2016-03-19", "The EU met Turkey. Later the bloc agreed to pay."),
    "hamas-led": ("2023-10-08", "Hamas-led fighters attacked southern Israel."),
    "former": ("2016-10-03", "Former Colombian president Alvaro Uribe rejected the deal."),
    "tplf-2018": ("2018-04-02", "The TPLF backed the new prime minister."),
    "tplf-2020": ("2020-11-04", "The TPLF attacked an army base in Mekelle."),
    "conjoined": (
        "2018-07-12",
        "Trump met Kim. The talks between him and the US president went well.",
    ),
    "them": (
        "2018-06-12",
        "Trump met Kim. Trump said he would halt the war games, calling them provocative.",
    ),
    "envoy": ("2017-12-23", "Russia's envoy Vassily Nebenzia said her country opposed it."),
    "unknown-he": (
        "2019-06-17",
        "Carrie Lam spoke. Joshua Wong, a leader of the student movement, was freed, and he "
        "told reporters she should quit.",
    ),
    "protest": (
        "2019-06-17",
        "Hong Kong police fired tear gas. Protest leaders said it was not enough.",
    ),
    "regional": ("2017-01-21", "Gambia's Yahya Jammeh left after two regional presidents flew in."),
}


@pytest.fixture(scope="module")
def entities(
    actors_of: Callable[[dict[str, tuple[str, str]]], dict[str, tuple[Entity, ...]]],
) -> dict[str, tuple[Entity, ...]]:
    return actors_of(TEXTS)


def _code(entities: tuple[Entity, ...], text: str, nth: int = 0) -> str | None:
    matches = [entity for entity in entities if entity.text == text]
    return matches[nth].actor if len(matches) > nth else "(no mention)"


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("spokesman", "Ukrainian military spokesman Andriy Lysenko", "UKRGOV"),
        ("prosecutor", "Saudi public prosecutor", "SAUJUD"),
        ("from", "negotiator", "MHLGOV"),
        ("of-org", "presidents", "IGOEUREEC"),
        ("seat", "Brussels", "IGOEUREEC"),
        ("seat", "Washington", "USAGOV"),
        ("dateline", "BRUSSELS", "BEL"),
        ("treasury", "Treasury Department", "USAGOV"),
        ("alliance", "The alliance", "IGOWSTNAT"),
        ("alliance", "it", "IGOWSTNAT"),
        ("bloc", "the bloc", "IGOEUREEC"),
        ("hamas-led", "fighters", "PSEREBHMS"),
        ("former", "Colombian president Alvaro Uribe", "COLELI"),
        ("tplf-2018", "TPLF", "ETHPTY"),
        ("tplf-2020", "TPLF", "ETHREB"),
        ("envoy", "her", "RUSGOV"),
        ("protest", "Protest leaders", "HKGCVL"),
        ("regional", "Gambia's Yahya Jammeh", "GMBELI"),
        ("regional", "presidents", "GOV"),
    ],
)
def test_a_tie_in_the_text_gives_the_code(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str
) -> None:
    assert _code(entities[name], text) == code


def test_a_venue_city_is_no_country_context(entities: dict[str, tuple[Entity, ...]]) -> None:
    assert _code(entities["venue"], "security forces") == "MMRCOP"


def test_a_pronoun_joined_to_a_mention_is_someone_else(
    entities: dict[str, tuple[Entity, ...]],
) -> None:
    assert _code(entities["conjoined"], "him") == "PRKGOV"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("them", "them"),  # the war games, not Kim
        ("unknown-he", "he"),  # Joshua Wong, whom no dictionary knows
    ],
)
def test_a_pronoun_of_a_non_actor_gets_no_mention(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str
) -> None:
    assert _code(entities[name], text) == "(no mention)"
