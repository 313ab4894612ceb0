"""Tests for stages/references.py: UN resolutions, UN committees and treaties found by offset."""

from __future__ import annotations

from itertools import pairwise

import pytest

from newsevents.model import Article, Parse, Reference
from newsevents.stages.clean import clean_text
from newsevents.stages.references import extract_references


def _references(text: str) -> tuple[Reference, ...]:
    """References of one text; the stage reads only the cleaned text, so no parse is needed."""
    article = Article(id="test", text=text)
    cleaned = clean_text(text, article_id=article.id)
    parse = Parse(article_id=article.id, text=cleaned.text, tokens=(), sentences=(), spans=())
    return extract_references(parse, article=article)


def _triples(text: str) -> list[tuple[str, str, str]]:
    return [(ref.text, ref.kind, ref.id) for ref in _references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ban was written into resolution 2397 last year.",
            [("resolution 2397", "unsc_resolution", "UNSCR 2397")],
        ),
        (
            "Resolution 2231 (2015) endorsed the deal.",
            [("Resolution 2231 (2015)", "unsc_resolution", "UNSCR 2231")],
        ),
        (
            "They cited Security Council Resolution 242 again.",
            [("Security Council Resolution 242", "unsc_resolution", "UNSCR 242")],
        ),
        (
            "Under UN Security Council resolution 1540 states must act.",
            [("UN Security Council resolution 1540", "unsc_resolution", "UNSCR 1540")],
        ),
        (
            "It passed Resolution No. 678 in 1990.",
            [("Resolution No. 678", "unsc_resolution", "UNSCR 678")],
        ),
        ("UNSCR 2270 banned coal exports.", [("UNSCR 2270", "unsc_resolution", "UNSCR 2270")]),
        (
            "The symbol S/RES/2334 (2016) names it.",
            [("S/RES/2334 (2016)", "unsc_resolution", "UNSCR 2334")],
        ),
    ],
)
def test_security_council_resolutions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _triples(text) == expected


def test_a_list_of_resolutions_gives_one_reference_per_number() -> None:
    text = "Shipments breached UNSC resolutions 1718, 1874 (2009) and 2397."
    assert _triples(text) == [
        ("UNSC resolutions 1718", "unsc_resolution", "UNSCR 1718"),
        ("1874 (2009)", "unsc_resolution", "UNSCR 1874"),
        ("2397", "unsc_resolution", "UNSCR 2397"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("General Assembly resolution ES-11/1 passed.", ("unga_resolution", "UNGA ES-11/1")),
        ("They recalled resolution 67/19 on Palestine.", ("unga_resolution", "UNGA 67/19")),
        ("The General Assembly adopted resolution 377 (V).", ("unga_resolution", "UNGA 377 (V)")),
        ("The symbol A/RES/ES-11/1 names it.", ("unga_resolution", "UNGA ES-11/1")),
        ("Human Rights Council resolution 31/1 passed.", ("unhrc_resolution", "UNHRC 31/1")),
    ],
)
def test_other_bodies_resolutions(text: str, expected: tuple[str, str]) -> None:
    assert [(ref.kind, ref.id) for ref in _references(text)] == [expected]


def test_a_general_assembly_mention_does_not_leak_to_the_next_resolution() -> None:
    text = "General Assembly resolution ES-11/1 and resolution 2397 were cited."
    assert [ref.id for ref in _references(text)] == ["UNGA ES-11/1", "UNSCR 2397"]


@pytest.mark.parametrize(
    ("text", "expected_text", "expected_id"),
    [
        ("We ask the 1718 Committee to act.", "1718 Committee", "UNSC 1718 Committee"),
        (
            "The 1267 sanctions committee listed him.",
            "1267 sanctions committee",
            "UNSC 1267 Committee",
        ),
        ("The 1267/1989/2253 Committee met.", "1267/1989/2253 Committee", "UNSC 1267 Committee"),
        (
            "The Committee established pursuant to resolution 2140 (2014) met.",
            "Committee established pursuant to resolution 2140 (2014)",
            "UNSC 2140 Committee",
        ),
    ],
)
def test_un_committees(text: str, expected_text: str, expected_id: str) -> None:
    assert _triples(text) == [(expected_text, "un_committee", expected_id)]


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Washington left the JCPOA in 2018.", "JCPOA"),
        ("Europe tried to save the Iran nuclear deal.", "JCPOA"),
        ("Moscow suspended New START in 2023.", "New START"),
        ("The INF Treaty lapsed in 2019.", "INF Treaty"),
        ("North Korea quit the NPT in 2003.", "NPT"),
        ("The Paris climate agreement took effect in 2016.", "Paris Agreement"),
        ("Both sides accused each other of breaking the Minsk agreements.", "Minsk agreements"),
        ("The Minsk II package was signed in 2015.", "Minsk agreements"),
        ("The Good Friday Agreement was signed in 1998.", "Good Friday Agreement"),
        ("The Oslo Accords were signed in 1993.", "Oslo Accords"),
        ("Ukraine had not ratified the Rome Statute.", "Rome Statute"),
        ("The strike broke the Geneva Conventions.", "Geneva Conventions"),
        ("Syria joined the Chemical Weapons Convention.", "CWC"),
        ("The Arms Trade Treaty took effect in 2014.", "ATT"),
        ("The Comprehensive Test Ban Treaty is not in force.", "CTBT"),
        ("The Dayton Agreement ended the Bosnian war.", "Dayton Agreement"),
        ("Bahrain joined the Abraham Accords.", "Abraham Accords"),
        ("Talks continued under the Astana process.", "Astana process"),
        ("Russia quit the Black Sea Grain Initiative in 2023.", "Black Sea Grain Initiative"),
        ("They cited Article 51 of the UN Charter.", "UN Charter"),
    ],
)
def test_treaties_by_name(text: str, expected_id: str) -> None:
    assert [(ref.kind, ref.id) for ref in _references(text)] == [("treaty", expected_id)]


@pytest.mark.parametrize(
    "text",
    [
        "The council voted 15 to 0 in 2017.",
        "About 1718 people were evacuated.",
        "The 2018 committee report named 12 ships.",
        "Two resolutions 15 days apart failed.",
        "The resolution passed 13-2 in 2016.",
        "Imports were capped at 500,000 barrels in 2018.",
        "A resolution in 2017 changed nothing.",
        "Police detained 242 people and fined 1,441.",
    ],
)
def test_years_and_quantities_are_not_references(text: str) -> None:
    assert _references(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "They will start treaty talks soon.",  # "START" only in capitals
        "He said the npt was weak.",  # an acronym only in capitals
        "Irresolution 5 was his nickname.",  # inside a longer word
    ],
)
def test_case_sensitive_aliases_and_word_boundaries(text: str) -> None:
    assert _references(text) == ()


def test_text_is_sliced_from_the_article_not_the_cleaned_text() -> None:
    text = "It broke resolution\u00a02397 openly."
    (reference,) = _references(text)
    assert reference.text == "resolution\u00a02397"
    assert text[reference.start : reference.end] == reference.text


def test_references_are_sorted_and_do_not_overlap() -> None:
    text = (
        "The NPT, resolution 2397 and the Committee established pursuant to resolution 1718 "
        "(2006) were all cited next to the JCPOA."
    )
    references = _references(text)
    assert [ref.id for ref in references] == [
        "NPT",
        "UNSCR 2397",
        "UNSC 1718 Committee",
        "JCPOA",
    ]
    assert all(a.end <= b.start for a, b in pairwise(references))


def test_seed_article_references(seed_article: Article, seed_parse: Parse) -> None:
    references = extract_references(seed_parse, article=seed_article)
    found = {(ref.kind, ref.id) for ref in references}
    assert ("unsc_resolution", "UNSCR 2397") in found
    assert ("un_committee", "UNSC 1718 Committee") in found
    for reference in references:
        assert seed_article.text[reference.start : reference.end] == reference.text
        assert reference.article_id == seed_article.id
