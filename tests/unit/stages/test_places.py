"""Tests for stages/places.py: where events took place, from the parse and the dateline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from newsevents.model import Article, Entity, Event, Location, Mode, Parse
from newsevents.stages.places import locate_events, lookup

ParseText = Callable[[str, str], Parse]

# Sentences whose event trigger has a place in its own clause: (text, trigger, name, ISO3).
ATTACHED = [
    ("Trump met Kim at the summit in Hanoi in February 2019.", "met", "Hanoi", "VNM"),
    ("Negotiators resumed talks in Vienna on Monday.", "talks", "Vienna", "AUT"),
    ("The two ministers signed the agreement in Geneva.", "signed", "Geneva", "CHE"),
    ("Pompeo described his visit to Pyongyang as productive.", "visit", "Pyongyang", "PRK"),
    ("Merkel traveled to Moscow to meet Putin.", "traveled", "Moscow", "RUS"),
    ("Macron visited Kyiv in May 2022.", "visited", "Kyiv", "UKR"),
    ("The Hanoi summit ended without a deal.", "summit", "Hanoi", "VNM"),
    ("The summit was held in Helsinki in July 2018.", "summit", "Helsinki", "FIN"),
    ("Israeli aircraft struck targets in Gaza overnight.", "struck", "Gaza", "PSE"),
    ("Modi arrived in Washington for a state visit.", "arrived", "Washington", "USA"),
    ("Putin said in Moscow that he would meet Erdogan in Sochi.", "said", "Moscow", "RUS"),
    ("Putin said in Moscow that he would meet Erdogan in Sochi.", "meet", "Sochi", "RUS"),
    ("They met in March in Geneva.", "met", "Geneva", "CHE"),
]
# Sentences that name countries or cities without saying where the event happened.
UNPLACED = [
    ("The North Korean foreign ministry criticized the United States.", "criticized"),
    ("China accused Japan of provocation.", "accused"),
    ("The minister called for talks on Ukraine.", "called"),
    ("Refugees fled from Syria during the war.", "fled"),
    ("The Iran talks stalled over sanctions relief.", "talks"),
    ("Washington demanded that Pyongyang return to negotiations.", "demanded"),
    ("France recalled its ambassador from Australia.", "recalled"),
    ("The delegates met in March.", "met"),  # a month, not the English town
    ("Hamas leaders met at Kim's residence.", "met"),  # names of people and groups
]
DATELINE = "SEOUL (Reuters) - North Korea fired two missiles on Thursday.\n\nThe war ended in 1953."
TWO_PLACES = "Officials in Tokyo and diplomats in Seoul criticized the launch."
CLAIMED = "Leaders who met in Hanoi later criticized the plan."


def _event(parse: Parse, trigger: str, *, occurrence: int = 0, mode: Mode = "asserted") -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = parse.text.index(trigger, start + 1)
    end = start + len(trigger)
    sentence = next(s.index for s in parse.sentences if s.start <= start < s.end)
    return Event(
        article_id=parse.article_id,
        source=None,
        target=None,
        code="040",
        root="04",
        quad_class=1,
        goldstein=1.0,
        plover=None,
        mode=mode,
        sentence=sentence,
        start=start,
        end=end,
        rule="test",
        trigger_start=start,
        trigger_end=end,
    )


def _locate(parse: Parse, *events: Event, entities: tuple[Entity, ...] = ()) -> tuple[Event, ...]:
    article = Article(id=parse.article_id, text=parse.text)
    return locate_events(events, parse=parse, article=article, entities=entities)


@pytest.fixture(scope="module")
def parses(parse_text: ParseText) -> dict[str, Parse]:
    """Every test sentence parsed once for the module."""
    texts = {text for text, *_ in ATTACHED} | {text for text, _ in UNPLACED}
    texts |= {DATELINE, TWO_PLACES, CLAIMED}
    return {text: parse_text(text, "test") for text in texts}


@pytest.mark.parametrize(("text", "trigger", "name", "country"), ATTACHED)
def test_place_attached_to_the_trigger(
    parses: dict[str, Parse], text: str, trigger: str, name: str, country: str
) -> None:
    (event,) = _locate(parses[text], _event(parses[text], trigger))
    assert event.location is not None
    assert (event.location.name, event.location.country) == (name, country)


@pytest.mark.parametrize(("text", "trigger", "name", "country"), ATTACHED[:4])
def test_location_offsets_point_at_the_place_mention(
    parses: dict[str, Parse], text: str, trigger: str, name: str, country: str
) -> None:
    (event,) = _locate(parses[text], _event(parses[text], trigger))
    assert event.location is not None
    assert event.location.start is not None and event.location.end is not None
    assert text[event.location.start : event.location.end] == name


@pytest.mark.parametrize(("text", "trigger"), UNPLACED)
def test_mentioned_countries_are_not_places(
    parses: dict[str, Parse], text: str, trigger: str
) -> None:
    (event,) = _locate(parses[text], _event(parses[text], trigger))
    assert event.location is None


def test_dateline_places_events_without_a_place_of_their_own(parses: dict[str, Parse]) -> None:
    parse = parses[DATELINE]
    (event,) = _locate(parse, _event(parse, "fired"))
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Seoul", "KOR")
    assert (event.location.start, event.location.end) == (0, 5)


def test_dateline_does_not_place_historical_events(parses: dict[str, Parse]) -> None:
    parse = parses[DATELINE]
    (event,) = _locate(parse, _event(parse, "ended", mode="historical"))
    assert event.location is None


def test_two_places_in_the_sentence_are_ambiguous(parses: dict[str, Parse]) -> None:
    (event,) = _locate(parses[TWO_PLACES], _event(parses[TWO_PLACES], "launch"))
    assert event.location is None


def test_sentence_place_claimed_by_another_event_is_not_shared(parses: dict[str, Parse]) -> None:
    parse = parses[CLAIMED]
    met, criticized = _locate(parse, _event(parse, "met"), _event(parse, "criticized"))
    assert met.location is not None and met.location.name == "Hanoi"
    assert criticized.location is None


def test_unambiguous_sentence_place_is_used_without_another_claim(
    parses: dict[str, Parse],
) -> None:
    (criticized,) = _locate(parses[CLAIMED], _event(parses[CLAIMED], "criticized"))
    assert criticized.location is not None and criticized.location.name == "Hanoi"


def test_an_existing_location_is_kept(parses: dict[str, Parse]) -> None:
    text = ATTACHED[0][0]
    given = Location("Somewhere", None, None, None)
    (event,) = _locate(parses[text], replace(_event(parses[text], "met"), location=given))
    assert event.location is given


def test_no_events_gives_no_events(parses: dict[str, Parse]) -> None:
    assert _locate(parses[DATELINE]) == ()


def test_place_entities_from_the_actor_stage_count_as_mentions(parse_text: ParseText) -> None:
    text = "The envoys met in Lusaka on Monday."
    parse = parse_text(text, "test")
    start = text.index("Lusaka")
    entity = Entity("test", start, start + 6, "Lusaka", "GPE", None, 0)
    (event,) = _locate(parse, _event(parse, "met"), entities=(entity,))
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Lusaka", "ZMB")


@pytest.mark.parametrize(
    ("name", "expected_name", "country"),
    [
        ("Washington", "Washington", "USA"),
        ("the United States", "United States", "USA"),
        ("MOSCOW", "Moscow", "RUS"),
        ("the DPRK", "North Korea", "PRK"),
        ("Gaza", "Gaza", "PSE"),
        ("Kiev", "Kyiv", "UKR"),
        ("France", "France", "FRA"),
    ],
)
def test_lookup_resolves_news_forms(name: str, expected_name: str, country: str) -> None:
    place = lookup(name)
    assert place is not None
    assert (place.name, place.country) == (expected_name, country)


def test_lookup_gives_a_country_its_capitals_coordinates() -> None:
    france, paris = lookup("France"), lookup("Paris")
    assert france is not None and paris is not None
    assert (france.lat, france.lon) == (paris.lat, paris.lon)
    assert france.is_country and not paris.is_country


def test_lookup_prefers_the_most_populous_city() -> None:
    place = lookup("Vienna")  # Austria's capital, not the towns in the United States
    assert place is not None and place.country == "AUT"


def test_lookup_of_an_unknown_name_is_none() -> None:
    assert lookup("Zzyzxville Heights") is None


def test_seed_summit_in_singapore(seed_article: Article, seed_parse: Parse) -> None:
    start = seed_article.text.index("historic summit of June 12 in Singapore") + len("historic ")
    event = replace(
        _event(seed_parse, "summit"),
        sentence=seed_parse.tokens[_token_at(seed_parse, start)].sent,
        start=start,
        end=start + 6,
        trigger_start=start,
        trigger_end=start + 6,
    )
    (located,) = locate_events((event,), parse=seed_parse, article=seed_article, entities=())
    location = located.location
    assert location is not None
    assert (location.name, location.country) == ("Singapore", "SGP")
    assert location.lat == pytest.approx(1.29, abs=0.01)
    assert location.lon == pytest.approx(103.85, abs=0.01)


def test_seed_visit_to_pyongyang(seed_article: Article, seed_parse: Parse) -> None:
    start = seed_article.text.index("his visit to Pyongyang") + len("his ")
    event = replace(
        _event(seed_parse, "visit"),
        sentence=seed_parse.tokens[_token_at(seed_parse, start)].sent,
        start=start,
        end=start + 5,
        trigger_start=start,
        trigger_end=start + 5,
    )
    (located,) = locate_events((event,), parse=seed_parse, article=seed_article, entities=())
    assert located.location is not None
    assert (located.location.name, located.location.country) == ("Pyongyang", "PRK")


def _token_at(parse: Parse, offset: int) -> int:
    return next(token.i for token in parse.tokens if token.start <= offset < token.end)
