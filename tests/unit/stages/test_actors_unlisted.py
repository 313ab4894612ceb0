"""The actor stage on people and organizations no dictionary lists (issue 11): the text gives
their country and sector (nationality and role, apposition, possessive, "of" phrase, membership),
later surnames and pronouns keep it, and agents that need a tie get one from the text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Entity

# Invented people in sentences written for these tests: name -> (date, text).
TEXTS = {
    "nationality": (
        "2019-03-04",
        "Egyptian presidential spokesman Omar Fathy said the talks would resume. Fathy added "
        "that he expected a deal.",
    ),
    "apposition": (
        "2019-03-04",
        "Lena Berg, Sweden's ambassador to the UN, criticized Russia. Berg said her country "
        "was worried.",
    ),
    "possessive": (
        "2019-03-04",
        "Japan's national security adviser Taro Mori arrived in Seoul. Mori said the visit "
        "went well.",
    ),
    "of-phrase": (
        "2019-03-04",
        "The foreign minister of Chile, Ana Soto, said the vote was fair. Soto added that "
        "she would travel to Lima.",
    ),
    "membership": (
        "2019-03-04",
        "Kenya held a vote. Paul Otieno, a senior member of the ruling party, denounced the "
        "result.",
    ),
    "employee": (
        "2019-11-20",
        "Ankara kept Kemal Arslan, a local U.S. consulate employee, in jail.",
    ),
    "council": (
        "2021-03-12",
        '"The site is safe," said Wali Rahimi, a provincial council member in Ghazni province.',
    ),
    "general": (
        "2021-03-12",
        "U.S. Air Force Chief of Staff, General Dan Miller, spoke. Miller said the crew was safe.",
    ),
    "office": (
        "2021-03-12",
        "Kenya hosts many refugees. Anna Lund, a spokesperson for UNHCR Kenya, said funds were "
        "short.",
    ),
    "think-tank": (
        "2019-11-20",
        "North Korea fired a missile. Dan Poole, vice president at the Carnegie Endowment, said "
        "talks were stuck. Poole added that a summit was unlikely.",
    ),
    "former": (
        "2019-11-20",
        "North Korea fired a missile. Ed Rivers, a former State Department official, said it "
        "was a warning.",
    ),
    "un-mission": ("2019-03-04", "Brazil's U.N. mission protested the decision."),
    "un-ambassador": ("2019-03-04", "China's U.N. ambassador Wei Lan criticized the plan."),
    "un-envoy": ("2019-03-04", "The UN's Syria envoy met the delegations."),
    "province": ("2019-03-04", "The Quebec government sued the oil company."),
    "region-title": (
        "2019-03-04",
        "Tamil Nadu Chief Minister Meena Raman criticized the central government.",
    ),
    "city-court": ("2019-03-04", "An Istanbul court charged the journalist with terrorism."),
    "un-chief": ("2019-03-04", "U.N. peacekeeping chief Jean Morel visited Mali."),
    "undersecretary": (
        "2019-03-04",
        "Tom Reed, U.S. undersecretary of state, met Cuban officials.",
    ),
    "region-word": ("2019-03-04", "Police in Helmand province arrested two men."),
    "based": ("2025-03-12", "A Lagos-based rights lawyer, Ada Obi, criticized the police."),
    "court-place": ("2019-03-04", "A court in Nairobi convicted a journalist of sedition."),
    "judge-acting": ("2019-03-04", "Nigeria held a trial. A judge sentenced the activist."),
    "counted": ("2019-03-04", "Beijing police detained 18 people after a fire."),
    "in-court": ("2019-03-04", "The oil company went to court over the contract."),
    "unknown-owner": ("2019-10-10", "Kurdish forces accused Turkish troops of shelling."),
    "named-place": ("2018-11-01", "Abe met Xi Jinping at the Great Hall of the People."),
}


@pytest.fixture(scope="module")
def entities(
    actors_of: Callable[[dict[str, tuple[str, str]]], dict[str, tuple[Entity, ...]]],
) -> dict[str, tuple[Entity, ...]]:
    return actors_of(TEXTS)


def _code(entities: tuple[Entity, ...], text: str) -> str | None:
    matches = [entity for entity in entities if entity.text == text]
    return matches[0].actor if matches else "(no mention)"


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("nationality", "Egyptian presidential spokesman Omar Fathy", "EGYGOV"),
        ("apposition", "Lena Berg", "SWEGOV"),
        ("possessive", "Japan's national security adviser Taro Mori", "JPNGOV"),
        ("of-phrase", "Ana Soto", "CHLGOV"),
        ("membership", "Paul Otieno", "KENPTY"),
        ("employee", "Kemal Arslan", "USAGOV"),  # a member named by a compound
        ("council", "Wali Rahimi", "AFGGOV"),  # a title placed by "in <region> province"
        ("general", "General Dan Miller", "USAMIL"),  # a title that needs a tie, with a name
        ("general", "Miller", "USAMIL"),
        ("office", "Anna Lund", "IGOUNOREFHCR"),  # a title "for" an organization
        ("think-tank", "Dan Poole", None),  # a title at a body no dictionary knows
        ("think-tank", "Poole", None),
        ("former", "Ed Rivers", "USAELI"),  # "former" before the title in apposition
    ],
)
def test_a_person_nobody_listed_takes_country_and_sector_from_the_text(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str | None
) -> None:
    assert _code(entities[name], text) == code


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("nationality", "Fathy", "EGYGOV"),
        ("nationality", "he", "EGYGOV"),
        ("apposition", "Berg", "SWEGOV"),
        ("apposition", "her", "SWEGOV"),
        ("possessive", "Mori", "JPNGOV"),
        ("of-phrase", "Soto", "CHLGOV"),
        ("of-phrase", "she", "CHLGOV"),
    ],
)
def test_later_surnames_and_pronouns_keep_the_persons_code(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str
) -> None:
    assert _code(entities[name], text) == code


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("un-mission", "Brazil's U.N. mission", "BRAGOV"),  # the possessor owns the title
        ("un-ambassador", "China's U.N. ambassador Wei Lan", "CHNGOV"),
        ("un-envoy", "The UN's Syria envoy", "IGOUNO"),
        ("office", "UNHCR Kenya", "IGOUNOREFHCR"),  # the first owner owns: the office
        ("province", "government", "CANGOV"),  # a region before the role ties it
        ("city-court", "court", "TURJUD"),
        ("region-title", "Chief Minister Meena Raman", "INDGOV"),
        ("un-chief", "U.N. peacekeeping chief Jean Morel", "IGOUNO"),
        ("undersecretary", "Tom Reed", "USAGOV"),
    ],
)
def test_an_organization_takes_its_owner_from_the_text(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str
) -> None:
    assert _code(entities[name], text) == code


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("court-place", "court", "KENJUD"),  # tied to a place
        ("region-word", "Police", "AFGCOP"),  # "<region> province" is the region
        ("based", "lawyer", "NGAJUD"),  # "<place>-based"
        ("court-place", "journalist", "KENMED"),  # media are where their sentence is
        ("judge-acting", "judge", "NGAJUD"),  # a state institution that acts
        ("in-court", "court", "(no mention)"),  # no tie, does not act
        ("counted", "people", "CHNCVL"),  # counted people are civilians where the story is
        ("unknown-owner", "forces", "(no mention)"),  # an owner no dictionary knows
        ("named-place", "People", "(no mention)"),  # inside a name the tagger found
    ],
)
def test_an_agent_that_needs_a_tie_is_an_actor_only_with_one(
    entities: dict[str, tuple[Entity, ...]], name: str, text: str, code: str
) -> None:
    assert _code(entities[name], text) == code
