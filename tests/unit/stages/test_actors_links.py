"""The actor stage on dyads, bare surnames and the ties that give a role its country."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Entity

# Sentences written for these tests about real events: name -> (date, text).
TEXTS = {
    "us-china": ("2019-05-10", "The U.S.-China trade talks in Washington ended without a deal."),
    "sino-us": ("2019-05-10", "Sino-US relations worsened after the tariffs."),
    "us-russia": ("2021-06-16", "U.S.-Russia talks on arms control resumed in Geneva."),
    "trump-kim": ("2019-02-27", "The Trump-Kim summit in Hanoi ended early."),
    "biden-putin": ("2021-06-16", "The Biden-Putin summit lasted less than four hours."),
    "israeli-palestinian": ("2014-04-29", "The Israeli-Palestinian talks collapsed in April."),
    "russia-ukraine": ("2022-03-29", "The Russia-Ukraine talks moved to Istanbul."),
    "al-qaeda": ("2011-05-02", "Al-Qaeda confirmed the death of its leader."),
    "moon-kim": ("2018-04-27", "Moon praised Kim's courage at the border."),
    "abe": ("2018-10-26", "Abe met Xi in Beijing to mend ties."),
    "castro": ("2016-03-21", "Castro demanded the return of the naval base."),
    "trump-2025": ("2025-02-28", "Trump accused Zelensky of gambling with a world war."),
    "castro-later": ("2016-11-26", "Castro dies at ninety. Fidel Castro led Cuba for decades."),
    "its-troops": ("2022-02-24", "Russia said its troops would leave Belarus after the drills."),
    "deputy": ("2017-12-22", "China's deputy ambassador Wu Haitao said the vote was fair."),
    "kabul": ("2021-08-16", "Pakistan called for an inclusive government in Kabul."),
    "seoul": ("2019-02-28", "Officials in Seoul said they had not been briefed."),
    "opposition": ("2017-09-04", "China expressed firm opposition to the nuclear test."),
    "two-leaders": ("2019-02-28", "The White House said the two leaders had a good meeting."),
    "rights": ("2019-12-10", "Human rights groups criticized Abiy's government over arrests."),
    "tripoli": ("2019-10-20", "Lebanese troops deployed in Tripoli after the protests."),
    "european": ("2025-03-02", "European leaders met in London to discuss Ukraine."),
    "conjoined": ("2022-03-29", "Russian and Ukrainian negotiators met in Istanbul."),
    "ivanka": ("2019-06-30", "Ivanka Trump spoke."),
}


@pytest.fixture(scope="module")
def entities(
    actors_of: Callable[[dict[str, tuple[str, str]]], dict[str, tuple[Entity, ...]]],
) -> dict[str, tuple[Entity, ...]]:
    return actors_of(TEXTS)


def _codes(entities: tuple[Entity, ...]) -> list[tuple[str, str | None]]:
    return [(entity.text, entity.actor) for entity in entities]


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("us-china", [("U.S.", "USA"), ("China", "CHN")]),
        ("sino-us", [("Sino", "CHN"), ("US", "USA")]),
        ("us-russia", [("U.S.", "USA"), ("Russia", "RUS")]),
        ("trump-kim", [("Trump", "USAGOV"), ("Kim", "PRKGOV")]),
        ("biden-putin", [("Biden", "USAGOV"), ("Putin", "RUSGOV")]),
        ("israeli-palestinian", [("Israeli", "ISR"), ("Palestinian", "PSE")]),
        ("russia-ukraine", [("Russia", "RUS"), ("Ukraine", "UKR")]),
    ],
)
def test_hyphenated_dyad_is_one_mention_a_part(
    entities: dict[str, tuple[Entity, ...]], name: str, parts: list[tuple[str, str]]
) -> None:
    assert _codes(entities[name])[: len(parts)] == parts


def test_dyad_part_offsets_point_into_the_text(entities: dict[str, tuple[Entity, ...]]) -> None:
    text = TEXTS["us-china"][1]
    assert [(e.start, e.end) for e in entities["us-china"][:2]] == [(4, 8), (9, 14)]
    assert all(text[e.start : e.end] == e.text for e in entities["us-china"])


def test_hyphenated_name_stays_whole(entities: dict[str, tuple[Entity, ...]]) -> None:
    assert _codes(entities["al-qaeda"])[0][0] == "Al-Qaeda"


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("moon-kim", "Moon", "KORGOV"),
        ("moon-kim", "Kim", "PRKGOV"),
        ("abe", "Abe", "JPNGOV"),  # second term 2012-12-26..2020-09-16
        ("castro", "Castro", "CUBGOV"),  # Raul Castro, president 2008-2018
        ("trump-2025", "Trump", "USAGOV"),  # the tagger reads "Trump" as a noun here
        ("trump-2025", "Zelensky", "UKRGOV"),
    ],
)
def test_bare_surname_is_the_office_holder(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str
) -> None:
    assert (text, code) in _codes(entities[name])


def test_surname_before_a_namesake_refers_to_it(entities: dict[str, tuple[Entity, ...]]) -> None:
    castro = entities["castro-later"][0]
    assert (castro.text, castro.actor, castro.rule) == ("Castro", "CUBELI", "coref:name")


@pytest.mark.parametrize(
    ("name", "text", "code", "rule"),
    [
        ("its-troops", "troops", "RUSMIL", "context:country:possessive"),
        ("kabul", "government", "AFGGOV", "context:country:place"),
        ("seoul", "Officials", "KORGOV", "context:country:place"),
        ("two-leaders", "leaders", "GOV", "builtin:agents:leader"),
        ("rights", "Human rights groups", "HRI", "builtin:agents:human rights group"),
        ("rights", "Abiy's government", "ETHGOV", "builtin:agents:government"),
    ],
)
def test_role_takes_the_country_that_ties_it(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str, rule: str
) -> None:
    assert (text, code, rule) in {(e.text, e.actor, e.rule) for e in entities[name]}


def test_modifier_after_a_possessive_stays_in_the_title(
    entities: dict[str, tuple[Entity, ...]],
) -> None:
    assert _codes(entities["deputy"]) == [("China's deputy ambassador Wu Haitao", "CHNGOV")]


def test_abstract_noun_after_an_adjective_is_no_agent(
    entities: dict[str, tuple[Entity, ...]],
) -> None:
    assert "opposition" not in {entity.text for entity in entities["opposition"]}


def test_capital_namesake_in_the_story_country(entities: dict[str, tuple[Entity, ...]]) -> None:
    assert ("Tripoli", "LBN") in _codes(entities["tripoli"])


def test_european_leaders_are_the_region_not_the_union(
    entities: dict[str, tuple[Entity, ...]],
) -> None:
    assert ("European leaders", "EURGOV") in _codes(entities["european"])


def test_conjoined_demonym_shares_the_agent_role(
    entities: dict[str, tuple[Entity, ...]],
) -> None:
    assert _codes(entities["conjoined"])[:2] == [
        ("Russian", "RUSGOV"),
        ("Ukrainian negotiators", "UKRGOV"),
    ]


def test_surname_after_an_unknown_first_name_is_no_mention(
    entities: dict[str, tuple[Entity, ...]],
) -> None:
    assert "Trump" not in {entity.text for entity in entities["ivanka"]}
