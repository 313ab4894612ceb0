"""Tests for the event stage on hand-built actor mentions and on the seed article."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.dictionaries.lexicon import load_lexicon
from newsevents.model import Article, Entity, Event, Parse, Quote
from newsevents.stages.events import extract_events

# Hand-built actor codes for the names in the sentences below (CAMEO country/role codes).
ACTORS = {
    "Pompeo": "USAGOV", "North Korea": "PRK", "Pyongyang": "PRK", "Kim": "PRKGOV",
    "Trump": "USAGOV", "Russia": "RUS", "Ukraine": "UKR", "China": "CHN", "Taiwan": "TWN",
    "Turkey": "TUR", "Syria": "SYR", "Iran": "IRN", "Japan": "JPN", "Israel": "ISR",
    "Germany": "DEU", "France": "FRA", "the United States": "USA", "Obama": "USAGOV",
    "British": "GBR", "Egypt": "EGY", "Qatar": "QAT", "Sudan": "SDN", "Singapore": "SGP",
    "Oslo": "NOR", "Paris": "FRA", "German": "DEU", "French": "FRA", "Britain": "GBR",
    "the two leaders": "GOV", "Protesters": "CVL", "its troops": "GBRMIL",
}  # fmt: skip


def _entities(parse: Parse) -> tuple[Entity, ...]:
    found: list[Entity] = []
    for name, code in ACTORS.items():
        start = parse.text.find(name)
        while start >= 0:
            end = start + len(name)
            sentence = next(s.index for s in parse.sentences if s.start <= start < s.end)
            found.append(Entity(parse.article_id, start, end, name, "GPE", code, sentence))
            start = parse.text.find(name, end)
    return tuple(sorted(found, key=lambda entity: entity.start))


def _code(parse: Parse, text: str, **options: object) -> tuple[Event, ...]:
    article = Article(id=parse.article_id, text=text, date="2019-01-01")
    return extract_events(
        parse,
        article=article,
        entities=_entities(parse),
        quotes=(),
        lexicon=load_lexicon(),
        **options,  # type: ignore[arg-type]
    )


def _dyads(events: tuple[Event, ...]) -> set[tuple[str | None, str | None, str, str]]:
    return {(e.source, e.target, e.code, e.mode) for e in events}


ASSERTED = "asserted"
CASES = [
    ("Russia accused Ukraine of shelling the city.", ("RUS", "UKR", "112", "asserted")),
    ("Pompeo was criticized by North Korea.", ("PRK", "USAGOV", "111", "asserted")),
    ("Japan and Germany agreed to hold talks with Iran.", ("DEU", "IRN", "036", "asserted")),
    ("Pompeo's visit to Pyongyang ended on Saturday.", ("USAGOV", "PRK", "042", "asserted")),
    ("Pompeo's visit to Pyongyang ended on Saturday.", ("PRK", "USAGOV", "043", "asserted")),
    ("Obama did not meet Kim.", ("USAGOV", "PRKGOV", "040", "negated")),
    ("Japan is expected to visit China.", ("JPN", "CHN", "042", "future")),
    ("Trump will visit China.", ("USAGOV", "CHN", "042", "future")),
    ("China could attack Taiwan.", ("CHN", "TWN", "180", "hypothetical")),
    ("Trump said China would attack Taiwan.", ("CHN", "TWN", "180", "future")),
    ("Trump said China would attack Taiwan.", ("USAGOV", None, "010", "asserted")),
    ("Turkey threatened to impose sanctions on Syria.", ("TUR", "SYR", "1312", "asserted")),
    ("France and Japan urged Russia to release the prisoners.", ("FRA", "RUS", "0253", "asserted")),
    ("Israel carried out air strikes on Syria.", ("ISR", "SYR", "195", "asserted")),
    ("Iran called for humanitarian aid from Russia.", ("IRN", "RUS", "0233", "asserted")),
    ("Trump met Kim and praised him.", ("PRKGOV", "USAGOV", "040", "asserted")),
    ("Japan welcomed the agreement.", ("JPN", None, "051", "asserted")),
    ("German and French delegations held talks.", ("DEU", "FRA", "040", "asserted")),
    ("Iran seized a British oil tanker.", ("IRN", "GBR", "1711", "asserted")),
    ("Egypt and Qatar called for a ceasefire in Sudan.", ("QAT", "SDN", "0256", "asserted")),
    ("Russia warned that Ukraine's bid was dangerous.", ("RUS", "UKR", "012", "asserted")),
    ("Israel declared war on Iran.", ("ISR", "IRN", "190", "asserted")),
    ("Iran vowed to retaliate against Israel.", ("IRN", "ISR", "138", "asserted")),
    ("Germany suspended arms exports to Turkey.", ("DEU", "TUR", "1622", "asserted")),
    ("Russia suspended an agreement with the United States.", ("RUS", "USA", "160", "asserted")),
    ("Trump and Kim signed an agreement in Singapore.", ("PRKGOV", "USAGOV", "057", "asserted")),
    # Nominal events: between-phrases, hyphenated parties, venues, a visit's meeting.
    ("The summit between Trump and Kim in Singapore ended.", ("USAGOV", "PRKGOV", "044", ASSERTED)),
    ("The summit between Trump and Kim in Singapore ended.", ("PRKGOV", "USAGOV", "044", ASSERTED)),
    ("The Singapore summit between Trump and Kim ended.", ("PRKGOV", "USAGOV", "044", "asserted")),
    ("The Trump-Kim summit ended without a deal.", ("USAGOV", "PRKGOV", "040", "asserted")),
    ("The Russia-Ukraine talks in Turkey ended.", ("UKR", "RUS", "044", "asserted")),
    ("Russia and Ukraine held talks in Turkey.", ("RUS", "UKR", "044", "asserted")),
    ("Trump met Kim in Singapore.", ("USAGOV", "PRKGOV", "044", "asserted")),
    ("Trump met Kim in Pyongyang.", ("USAGOV", "PRKGOV", "040", "asserted")),
    ("Pompeo's visit to Pyongyang with Kim ended.", ("USAGOV", "PRKGOV", "040", ASSERTED)),
    ("Pompeo's visit to Pyongyang with Kim ended.", ("PRKGOV", "USAGOV", "040", ASSERTED)),
    # Naming and describing someone is a statement addressed to them.
    ("Israel called Iran a threat to the region.", ("ISR", "IRN", "010", "asserted")),
    ("Iran described the United States as an enemy.", ("IRN", "USA", "010", "asserted")),
]  # fmt: skip

# Sentences that must yield no event, and why.
NO_EVENT = [
    ("The two leaders pledged to work toward peace.", "a bare role code is no party"),
    ("Protesters rallied against the decision.", "a bare role code is no party"),
    ("Japan agreed to work toward peace.", "a bare intent without content or target"),
    ("Obama received the Nobel Peace Prize in Oslo.", "hosting needs a guest; Oslo is a venue"),
    ("Trump and Kim ended their summit.", "ending a summit is no event"),
    ("Japan adopted the Paris agreement.", "an event noun another verb acts on"),
    ("Egypt sent aircraft to evacuate its citizens.", "evacuating citizens is no event"),
    ("The summit with Kim ended.", "a noun event needs a source"),
]

# Sentences whose only codes are these: content, reasons and allegations are not events.
ONLY_CODES = [
    ("Russia accused Ukraine of shelling the city.", {"112"}),
    ("Turkey thanked Japan for its support.", {"051"}),
    ("Britain withdrew its troops from Qatar.", {"087"}),
    ("Trump met Kim in Pyongyang.", {"040"}),
    ("Pompeo's visit to Pyongyang with Kim ended.", {"042", "043", "040"}),
]


HEADLINE_TEXT = "Turkey condemns Syria\n\nAnkara, Monday. Turkey condemned Syria after the attack."


@pytest.fixture(scope="module")
def parsed(parse_text: Callable[[str, str], Parse]) -> dict[str, Parse]:
    texts = {text for text, _ in [*CASES, *NO_EVENT, *ONLY_CODES]} | {
        "The weather in Geneva was mild.",
        "Pompeo met Kim. Later, Pompeo met Kim again.",
        HEADLINE_TEXT,
    }
    return {text: parse_text(text, "t") for text in texts}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_yields_event(
    parsed: dict[str, Parse], text: str, expected: tuple[str | None, str | None, str, str]
) -> None:
    assert expected in _dyads(_code(parsed[text], text))


@pytest.mark.parametrize(("text", "why"), NO_EVENT)
def test_sentence_yields_no_event(parsed: dict[str, Parse], text: str, why: str) -> None:
    assert _code(parsed[text], text) == (), why


@pytest.mark.parametrize(("text", "codes"), ONLY_CODES)
def test_sentence_yields_only_codes(parsed: dict[str, Parse], text: str, codes: set[str]) -> None:
    assert {event.code for event in _code(parsed[text], text)} == codes


def test_venue_is_no_target(parsed: dict[str, Parse]) -> None:
    text = "Trump and Kim signed an agreement in Singapore."
    assert "SGP" not in {event.target for event in _code(parsed[text], text)}


def test_own_troops_are_no_target(parsed: dict[str, Parse]) -> None:
    text = "Britain withdrew its troops from Qatar."
    assert {event.target for event in _code(parsed[text], text)} <= {None, "QAT"}


def test_sentence_without_actors_yields_nothing(parsed: dict[str, Parse]) -> None:
    text = "The weather in Geneva was mild."
    assert _code(parsed[text], text) == ()


def test_embedded_content_of_a_threat_is_not_an_event(parsed: dict[str, Parse]) -> None:
    text = "Turkey threatened to impose sanctions on Syria."
    assert {event.code for event in _code(parsed[text], text)} == {"1312"}


def test_one_a_story_merges_repeated_event(parsed: dict[str, Parse]) -> None:
    text = "Pompeo met Kim. Later, Pompeo met Kim again."
    (meeting,) = [e for e in _code(parsed[text], text) if e.source == "USAGOV"]
    assert meeting.evidence == (0, 1)


def test_without_one_a_story_each_sentence_keeps_its_event(parsed: dict[str, Parse]) -> None:
    text = "Pompeo met Kim. Later, Pompeo met Kim again."
    events = _code(parsed[text], text, one_a_story=False)
    assert sorted(e.sentence for e in events if e.source == "USAGOV") == [0, 1]


def test_headline_copy_of_body_event_is_dropped(parsed: dict[str, Parse]) -> None:
    text = HEADLINE_TEXT
    events = [e for e in _code(parsed[text], text, one_a_story=False) if e.source == "TUR"]
    assert [(e.sentence, e.evidence) for e in events] == [(1, (0, 1))]


@pytest.mark.parametrize("text", [text for text, _ in CASES[:6]])
def test_evidence_offsets_cover_trigger_and_codebook_fields(
    parsed: dict[str, Parse], text: str
) -> None:
    for event in _code(parsed[text], text):
        assert event.start <= (event.trigger_start or -1) < (event.trigger_end or -1) <= event.end
        assert event.root == event.code[:2]
        assert event.rule.startswith(("verb:", "noun:", "quote:"))


def test_quote_with_speaker_yields_statement_event(parsed: dict[str, Parse]) -> None:
    text = "Trump said China would attack Taiwan."
    parse = parsed[text]
    quote = Quote("t", 11, 36, text[11:36], "indirect", "Trump", 0, 5, "USAGOV", 0, verb="say")
    article = Article(id="t", text=text)
    events = extract_events(
        parse, article=article, entities=_entities(parse), quotes=(quote,), lexicon=load_lexicon()
    )
    (statement,) = [e for e in events if e.code == "010"]
    assert statement.quote == 0


@pytest.fixture(scope="module")
def seed_events(seed_article: Article, seed_parse: Parse) -> tuple[Event, ...]:
    from newsevents.dictionaries.actors import load_actor_dictionaries
    from newsevents.stages.actors import extract_actors
    from newsevents.stages.quotes import extract_quotes

    entities = extract_actors(
        seed_parse, article=seed_article, dictionaries=load_actor_dictionaries()
    )
    quotes = extract_quotes(seed_parse, article=seed_article, entities=entities)
    return extract_events(
        seed_parse, article=seed_article, entities=entities, quotes=quotes, lexicon=load_lexicon()
    )


SEED_EVENTS = [
    ("Trump's optimism about North Korea", "USA", "PRK", "01"),
    ("Kim's request for concrete steps", "PRK", "USA", "02"),
    ("Kim's wish for a new meeting", "PRK", "USA", "03"),
    ("Pompeo's visit to Pyongyang", "USA", "PRK", "04"),
    ("the joint statement we signed in Singapore", "PRK", "USA", "05"),
    ("the joint statement we signed in Singapore", "USA", "PRK", "05"),
    ("the June 12 summit in Singapore", "PRK", "USA", "04"),
    ("the June 12 summit in Singapore", "USA", "PRK", "04"),
    ("the first meeting with you, Mr. President", "USA", "PRK", "04"),
    ("the Foreign Ministry's criticism of the US", "PRK", "USA", "11"),
    ("the US request to the UN", "USA", "IGO", "02"),
    ("the US accusation about the petroleum quota", "USA", "PRK", "11"),
]


@pytest.mark.parametrize(("what", "source", "target", "root"), SEED_EVENTS)
def test_seed_article_event(
    seed_events: tuple[Event, ...], what: str, source: str, target: str | None, root: str
) -> None:
    dyads = {
        ((e.source or "")[:3], (e.target or "")[:3] or None, e.root)
        for e in seed_events
        if e.mode == "asserted"
    }
    assert (source, target, root) in dyads, what


def test_seed_korean_war_deaths_are_not_an_asserted_event(
    seed_article: Article, seed_events: tuple[Event, ...]
) -> None:
    killed = [e for e in seed_events if e.root in ("18", "19", "20") and e.mode == "asserted"]
    assert killed == []


def test_seed_pompeo_meets_kim_yong_chul_during_his_visit(
    seed_parse: Parse, seed_events: tuple[Event, ...]
) -> None:
    text = seed_parse.text
    (visit,) = [s.index for s in seed_parse.sentences if "Yong-chul" in text[s.start : s.end]]
    meetings = {
        (e.source, e.target) for e in seed_events if e.code == "040" and visit in e.evidence
    }
    assert meetings >= {("USAGOV", "PRKGOV"), ("PRKGOV", "USAGOV")}


@pytest.fixture(scope="module")
def seed_summit(
    seed_article: Article, seed_parse: Parse, seed_events: tuple[Event, ...]
) -> tuple[Event, ...]:
    """The Singapore summit events after the real dating and places stages."""
    from newsevents.dictionaries.actors import load_actor_dictionaries
    from newsevents.stages.actors import extract_actors
    from newsevents.stages.dates import extract_timexes
    from newsevents.stages.dating import date_events
    from newsevents.stages.places import locate_events

    entities = extract_actors(
        seed_parse, article=seed_article, dictionaries=load_actor_dictionaries()
    )
    timexes = extract_timexes(seed_parse, article=seed_article)
    events = date_events(seed_events, parse=seed_parse, article=seed_article, timexes=timexes)
    events = locate_events(events, parse=seed_parse, article=seed_article, entities=entities)
    text = seed_parse.text
    return tuple(e for e in events if text[e.trigger_start or 0 : e.trigger_end or 0] == "summit")


def test_seed_summit_is_a_meeting_at_a_third_location_both_ways(
    seed_summit: tuple[Event, ...],
) -> None:
    assert {(e.source, e.target, e.code) for e in seed_summit if e.mode == "asserted"} >= {
        ("PRKGOV", "USAGOV", "044"),
        ("USAGOV", "PRKGOV", "044"),
    }


def test_seed_summit_is_dated_june_12_in_singapore(seed_summit: tuple[Event, ...]) -> None:
    summits = [e for e in seed_summit if e.code == "044"]
    assert summits
    assert {(e.date, e.date_precision) for e in summits} == {("2018-06-12", "day")}
    assert {e.location.name if e.location else None for e in summits} == {"Singapore"}


def test_seed_headline_events_stay_inside_the_headline(
    seed_article: Article, seed_events: tuple[Event, ...]
) -> None:
    end = len(seed_article.title or "")
    assert seed_article.text.startswith(seed_article.title or "-")
    assert all(e.end <= end or e.start >= end for e in seed_events)
