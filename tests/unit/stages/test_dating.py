"""Tests for event dating: which time expression governs an event, precision, historical mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from newsevents.model import Article, Event, Mode, Parse
from newsevents.stages.dates import extract_timexes
from newsevents.stages.dating import HISTORICAL_AFTER_DAYS, date_events

PUBLISHED = "2018-07-12"


@pytest.fixture(scope="module")
def parsed(parse_text: Callable[[str, str], Parse]) -> Callable[[str], Parse]:
    cache: dict[str, Parse] = {}

    def _parsed(text: str) -> Parse:
        if text not in cache:
            cache[text] = parse_text(text, "t")
        return cache[text]

    return _parsed


def _event(text: str, trigger: str, *, after: str = "", mode: Mode = "asserted") -> Event:
    """An event triggered by the first ``trigger`` in ``text`` at or after the words ``after``."""
    start = text.index(trigger, text.index(after))
    end = start + len(trigger)
    return Event(
        article_id="t",
        source=None,
        target=None,
        code="040",
        root="04",
        quad_class=1,
        goldstein=1.0,
        plover=None,
        mode=mode,
        sentence=0,
        start=start,
        end=end,
        rule="test",
        trigger_start=start,
        trigger_end=end,
    )


def _dated(
    parsed: Callable[[str], Parse], text: str, events: tuple[Event, ...], date: str | None
) -> tuple[Event, ...]:
    parse = parsed(text)
    article = Article(id="t", text=text, date=date)
    placed = tuple(_in_sentence(event, parse) for event in events)
    timexes = extract_timexes(parse, article=article)
    return date_events(placed, parse=parse, article=article, timexes=timexes)


def _in_sentence(event: Event, parse: Parse) -> Event:
    """The event with the sentence index the event stage would give it."""
    (sentence,) = [s for s in parse.sentences if s.start <= event.start < s.end]
    return replace(event, sentence=sentence.index)


GOVERNED = [
    # (text, trigger, date, precision, date text)
    ("Kim and Trump met in Singapore on June 12.", "met", "2018-06-12", "day", "June 12"),
    ("The summit of June 12 opened a new phase.", "summit", "2018-06-12", "day", "June 12"),
    ("Pompeo visited Pyongyang on July 6 and 7.", "visited", "2018-07-06", "day", "July 6"),
    ("Troops withdrew from the zone in 2017.", "withdrew", "2017", "year", "2017"),
    ("Rebels seized the town in June 2017.", "seized", "2017-06", "month", "June 2017"),
    ("The army withdrew last year.", "withdrew", "2017", "year", "last year"),
    ("Prices rose last week.", "rose", "2018-07", "month", "last week"),
    (
        "On June 3 officials said the army would withdraw.",
        "withdraw",
        "2018-06-03",
        "day",
        "June 3",
    ),
    ("The siege lasted three days.", "lasted", PUBLISHED, "day", None),
    ("Protesters gathered outside the embassy.", "gathered", PUBLISHED, "day", None),
]


@pytest.mark.parametrize(("text", "trigger", "date", "precision", "words"), GOVERNED)
def test_event_takes_the_governing_expression_or_the_publication_date(
    parsed: Callable[[str], Parse],
    text: str,
    trigger: str,
    date: str,
    precision: str,
    words: str | None,
) -> None:
    (event,) = _dated(parsed, text, (_event(text, trigger),), PUBLISHED)
    assert (event.date, event.date_precision, event.date_text) == (date, precision, words)


def test_two_events_in_one_sentence_keep_their_own_dates(parsed: Callable[[str], Parse]) -> None:
    text = "The army withdrew on Monday and the rebels returned on Wednesday."
    events = (_event(text, "withdrew"), _event(text, "returned"))
    assert [event.date for event in _dated(parsed, text, events, PUBLISHED)] == [
        "2018-07-09",
        "2018-07-11",
    ]


MODES = [
    # (text, trigger, mode before, mode after)
    ("The Korean War raged between 1950 and 1953.", "raged", "asserted", "historical"),
    ("The Korean War raged between 1950 and 1953.", "raged", "negated", "negated"),
    ("The Korean War raged between 1950 and 1953.", "raged", "hypothetical", "hypothetical"),
    ("The army withdrew last year.", "withdrew", "asserted", "asserted"),
    ("The treaty was signed in March 2017.", "signed", "asserted", "historical"),
    ("The treaty was signed in September 2017.", "signed", "asserted", "asserted"),
]


@pytest.mark.parametrize(("text", "trigger", "before", "after"), MODES)
def test_events_long_before_publication_are_historical(
    parsed: Callable[[str], Parse], text: str, trigger: str, before: Mode, after: Mode
) -> None:
    (event,) = _dated(parsed, text, (_event(text, trigger, mode=before),), PUBLISHED)
    assert event.mode == after


def test_historical_threshold_is_about_a_year() -> None:
    assert 360 <= HISTORICAL_AFTER_DAYS <= 370


def test_undated_article_leaves_undated_events_alone(parsed: Callable[[str], Parse]) -> None:
    text = "Protesters gathered outside the embassy."
    event = _event(text, "gathered")
    assert _dated(parsed, text, (event,), None) == (event,)


def test_other_fields_are_kept(parsed: Callable[[str], Parse]) -> None:
    text = "Kim and Trump met in Singapore on June 12."
    event = _event(text, "met")
    (dated,) = _dated(parsed, text, (event,), PUBLISHED)
    assert (dated.code, dated.start, dated.end, dated.rule) == (
        event.code,
        event.start,
        event.end,
        event.rule,
    )


SEED_EVENTS = [
    ("summit of June 12", "summit", "2018-06-12"),
    ("his visit to Pyongyang", "visit", "2018-07-06"),
]


@pytest.mark.parametrize(("context", "trigger", "date"), SEED_EVENTS)
def test_seed_events_are_dated(
    seed_parse: Parse, seed_article: Article, context: str, trigger: str, date: str
) -> None:
    event = _in_sentence(_event(seed_article.text, trigger, after=context), seed_parse)
    timexes = extract_timexes(seed_parse, article=seed_article)
    (dated,) = date_events((event,), parse=seed_parse, article=seed_article, timexes=timexes)
    assert dated.date == date
