"""TimeML conventions of the time stage (issue 13): durations, references, weekday direction by
tense, fiscal years and quarters, seasons, sets, clock times with their day, spoken years."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Article, Parse, TimeExpr
from newsevents.stages.dates import extract_timexes

# Thursday, as in test_dates.py.
PUBLISHED = "2018-07-12"
# A Thursday in a season of company results, as in much of TimeBank.
RESULTS_DAY = "1989-10-26"

Timexes = Callable[[str, str], tuple[TimeExpr, ...]]


@pytest.fixture(scope="module")
def timexes(parse_text: Callable[[str, str], Parse]) -> Timexes:
    cache: dict[str, Parse] = {}

    def _timexes(text: str, published: str) -> tuple[TimeExpr, ...]:
        if text not in cache:
            cache[text] = parse_text(text, "t")
        return extract_timexes(cache[text], article=Article(id="t", text=text, date=published))

    return _timexes


def _found(found: tuple[TimeExpr, ...], words: str) -> TimeExpr:
    matches = [timex for timex in found if timex.text == words]
    assert matches, f"no timex {words!r} in {[timex.text for timex in found]}"
    return matches[0]


DURATIONS = [
    # (sentence, words, value): TimeML writes decades in years and never a fraction
    ("The rebels have fought the army for a decade.", "a decade", "P10Y"),
    ("Two decades of sanctions ended in March.", "Two decades", "P20Y"),
    ("The plan will take eight years to complete.", "eight years", "P8Y"),
    ("The new bridge will open in five years, the mayor said.", "five years", "P5Y"),
    ("Ministers promised results within 100 days.", "100 days", "P100D"),
    ("Exports fell for the past two quarters.", "the past two quarters", "P2Q"),
    ("The dock strike lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
    ("The hearing lasted an hour and a half.", "an hour and a half", "PT1H30M"),
    ("Prices rose in recent weeks.", "recent weeks", "PXW"),
    ("The truce ended a decades-long feud.", "decades-long", "PXY"),
    ("It was the largest rally in years.", "years", "PXY"),
    ("The court gave the firm two more weeks.", "two more weeks", "P2W"),
    ("The loan may be extended for an additional year.", "an additional year", "P1Y"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), DURATIONS)
def test_duration_is_a_timeml_duration_not_a_date(
    timexes: Timexes, sentence: str, words: str, value: str
) -> None:
    timex = _found(timexes(sentence, PUBLISHED), words)
    assert (timex.type, timex.value) == ("DURATION", value)


@pytest.mark.parametrize(
    "sentence",
    ["A quarter of the voters stayed home.", "Three quarters of the wells were dry."],
)
def test_a_fraction_written_with_quarter_is_no_duration(timexes: Timexes, sentence: str) -> None:
    assert not [timex for timex in timexes(sentence, PUBLISHED) if "quarter" in timex.text]


REFERENCES = [
    ("Oil prices are now falling.", "now", "PRESENT_REF"),
    ("Under current rules, banks report every month.", "current", "PRESENT_REF"),
    ("Troops were in the city at the time.", "the time", "PAST_REF"),
    ("Rates should stay low in the near term.", "the near term", "FUTURE_REF"),
    ("The vote was put off to a later date.", "a later date", "FUTURE_REF"),
    ("Investors expect more cuts in coming months.", "coming months", "FUTURE_REF"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), REFERENCES)
def test_vague_reference_is_a_timeml_ref(
    timexes: Timexes, sentence: str, words: str, value: str
) -> None:
    assert _found(timexes(sentence, PUBLISHED), words).value == value


WEEKDAYS = [
    # (sentence, words, value) read on Thursday 2018-07-12
    ("The minister resigned on Monday.", "Monday", "2018-07-09"),
    ("The minister will resign on Monday.", "Monday", "2018-07-16"),
    ("Lawyers will appeal Monday's verdict.", "Monday", "2018-07-09"),
    ("Shares rose, closing higher on Tuesday.", "Tuesday", "2018-07-10"),
    ("The bond was priced at a premium over Tuesday's close.", "Tuesday", "2018-07-10"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), WEEKDAYS)
def test_weekday_takes_its_direction_from_its_clause(
    timexes: Timexes, sentence: str, words: str, value: str
) -> None:
    assert _found(timexes(sentence, PUBLISHED), words).value == value


MONTHS = [
    # (sentence, published, words, value)
    ("The board declared a dividend payable Aug. 15.", PUBLISHED, "Aug. 15", "2018-08-15"),
    ("The merger is effective Feb. 1.", RESULTS_DAY, "Feb. 1", "1990-02-01"),
    ("The firm said in July or August this year it had grown.", "1987-03-02", "July", "1987-07"),
    ("The firm said in July or August this year it had grown.", "1987-03-02", "August", "1987-08"),
    ("Talks took place in December of last year.", "1987-03-02", "December", "1986-12"),
    ("Profits doubled after 1980. In September, it bought a rival.", RESULTS_DAY, "September",
     "1989-09"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "published", "words", "value"), MONTHS)
def test_month_or_day_without_a_year_takes_the_year_its_context_gives(
    timexes: Timexes, sentence: str, published: str, words: str, value: str
) -> None:
    assert _found(timexes(sentence, published), words).value == value


RESULTS = [
    # (text, words, type, value) read on Thursday 1989-10-26
    ("Net rose in the third quarter. Sales in the quarter rose 5%.", "the quarter", "DATE",
     "1989-Q3"),
    ("Net rose in the second quarter. Net rose from a year earlier.", "a year earlier", "DATE",
     "1988-Q2"),
    ("Net rose in the third quarter, up from a year ago.", "a year ago", "DATE", "1988-Q3"),
    ("Net rose in the third quarter from the year-ago quarter.", "the year-ago quarter", "DATE",
     "1988-Q3"),
    ("Costs rose in the latest period.", "the latest period", "DATE", "1989-Q3"),
    ("Net for last year's third quarter was restated.", "last year's third quarter", "DATE",
     "1988-Q3"),
    ("The plant was bigger a year ago.", "a year ago", "DATE", "1988"),
    ("Revenue for the year ended March 31 rose.", "the year", "DURATION", "P1Y"),
    ("The stock hit a high for the year in June.", "the year", "DATE", "1989"),
    ("Sales will rise this fiscal year.", "this fiscal year", "DATE", "1989"),
    ("The firm was founded in 1985, and later that year it listed.", "later that year", "DATE",
     "1985"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "kind", "value"), RESULTS)
def test_quarter_and_fiscal_year_in_a_results_story(
    timexes: Timexes, text: str, words: str, kind: str, value: str
) -> None:
    timex = _found(timexes(text, RESULTS_DAY), words)
    assert (timex.type, timex.value) == (kind, value)


def test_the_year_that_opens_a_relative_clause_is_no_expression(timexes: Timexes) -> None:
    found = timexes("Forces have held it since 2014, the year Russia annexed Crimea.", PUBLISHED)
    assert [timex.text for timex in found] == ["2014"]


SEASONS = [
    ("The offensive began last summer.", "last summer", "2017-SU"),
    ("Rebels retreated in the spring of 2016.", "the spring of 2016", "2016-SP"),
    ("Prices fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
     "1994-WI"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "words", "value"), SEASONS)
def test_season_is_a_timeml_season(timexes: Timexes, sentence: str, words: str, value: str) -> None:
    assert _found(timexes(sentence, PUBLISHED), words).value == value


SETS = [
    ("The navies hold drills every August.", "every August", "XXXX-08"),
    ("Protesters gather every Friday.", "every Friday", "XXXX-WXX-5"),
    ("Flights to the island leave twice a week.", "twice a week", "P1W"),
    ("The index is revised quarterly.", "quarterly", "P3M"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), SETS)
def test_set_is_how_often(timexes: Timexes, sentence: str, words: str, value: str) -> None:
    timex = _found(timexes(sentence, PUBLISHED), words)
    assert (timex.type, timex.value) == ("SET", value)


def test_a_quarterly_dividend_is_no_set(timexes: Timexes) -> None:
    assert timexes("The bank raised its quarterly dividend.", PUBLISHED) == ()


CLOCKS = [
    ("The deadline expired at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2018-07-11T22:00"),
    ("Trading ended at 5 p.m. EST, July 9.", "5 p.m. EST, July 9", "2018-07-09T17:00"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), CLOCKS)
def test_clock_time_and_the_day_after_it_are_one_time(
    timexes: Timexes, sentence: str, words: str, value: str
) -> None:
    found = timexes(sentence, PUBLISHED)
    assert [(timex.text, timex.type, timex.value) for timex in found] == [(words, "TIME", value)]


def test_clock_time_before_on_and_a_day_stays_two_expressions(timexes: Timexes) -> None:
    found = timexes("The ceasefire began at noon on Friday.", PUBLISHED)
    assert [timex.text for timex in found] == ["noon", "Friday"]


SPOKEN = [
    ("Unemployment peaked in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("Jobs were promised by the year two thousand.", "the year two thousand", "2000"),
    ("The law passed in January nineteen ninety-seven.", "January nineteen ninety-seven",
     "1997-01"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "words", "value"), SPOKEN)
def test_spoken_year_of_a_broadcast_transcript(
    timexes: Timexes, sentence: str, words: str, value: str
) -> None:
    assert _found(timexes(sentence, PUBLISHED), words).value == value


HOLIDAYS = [
    ("Voters go to the polls on Election Day.", "Election Day", "2018-11-06"),
    ("Families will gather on Thanksgiving Day.", "Thanksgiving Day", "2018-11-22"),
]


@pytest.mark.parametrize(("sentence", "words", "value"), HOLIDAYS)
def test_holiday_on_a_weekday_follows_its_calendar_rule(
    timexes: Timexes, sentence: str, words: str, value: str
) -> None:
    assert _found(timexes(sentence, PUBLISHED), words).value == value
