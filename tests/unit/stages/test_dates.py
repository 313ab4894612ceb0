"""Tests for the time expression stage: recognition, TIMEX3 values, false positives, inference."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.model import Article, Parse, TimeExpr
from newsevents.stages.dates import extract_timexes, infer_publication_date

# Thursday, like the seed article's publication date.
PUBLISHED = "2018-07-12"

Timexes = Callable[..., tuple[TimeExpr, ...]]


@pytest.fixture(scope="module")
def parsed(parse_text: Callable[[str, str], Parse]) -> Callable[[str], Parse]:
    """Parse each distinct text once for the whole module."""
    cache: dict[str, Parse] = {}

    def _parsed(text: str) -> Parse:
        if text not in cache:
            cache[text] = parse_text(text, "t")
        return cache[text]

    return _parsed


@pytest.fixture(scope="module")
def timexes(parsed: Callable[[str], Parse]) -> Timexes:
    def _timexes(text: str, date: str | None = PUBLISHED) -> tuple[TimeExpr, ...]:
        return extract_timexes(parsed(text), article=Article(id="t", text=text, date=date))

    return _timexes


def _found(found: tuple[TimeExpr, ...], words: str) -> TimeExpr:
    matches = [timex for timex in found if timex.text == words]
    assert matches, f"no timex {words!r} in {[timex.text for timex in found]}"
    return matches[0]


KINDS = [
    # (sentence, words, type, value)
    ("The talks opened on 12 June 2018 in Singapore.", "12 June 2018", "DATE", "2018-06-12"),
    ("The summit was held on June 12, 2018.", "June 12, 2018", "DATE", "2018-06-12"),
    (
        "They met on Tuesday, June 12, 2018, on Sentosa.",
        "Tuesday, June 12, 2018",
        "DATE",
        "2018-06-12",
    ),
    ("The envoy arrived on June 12.", "June 12", "DATE", "2018-06-12"),
    ("The envoy arrived on the 12th of June.", "the 12th of June", "DATE", "2018-06-12"),
    ("Delegates met on 6-7 July in Pyongyang.", "6", "DATE", "2018-07-06"),
    ("Delegates met on 6-7 July in Pyongyang.", "7 July", "DATE", "2018-07-07"),
    ("Pompeo was in Pyongyang on July 6 and 7.", "July 6", "DATE", "2018-07-06"),
    ("Pompeo was in Pyongyang on July 6 and 7.", "7", "DATE", "2018-07-07"),
    ("Elections are due in 2019.", "2019", "DATE", "2019"),
    ("The economy stagnated through the 1990s.", "the 1990s", "DATE", "199"),
    ("The rally took place in June 2017.", "June 2017", "DATE", "2017-06"),
    ("The ministry issued the report in March.", "March", "DATE", "2018-03"),
    ("The ministry published its budget last December.", "last December", "DATE", "2017-12"),
    ("Talks will resume in September.", "September", "DATE", "2018-09"),
    ("The statement was released on 2018-07-10.", "2018-07-10", "DATE", "2018-07-10"),
    ("The ship docked yesterday.", "yesterday", "DATE", "2018-07-11"),
    ("The vote is scheduled for tomorrow.", "tomorrow", "DATE", "2018-07-13"),
    ("The envoy left the capital today.", "today", "DATE", "2018-07-12"),
    ("The letter was signed 24 days ago.", "24 days ago", "DATE", "2018-06-18"),
    ("The border reopened two years ago.", "two years ago", "DATE", "2016"),
    ("Inflation rose last week.", "last week", "DATE", "2018-W27"),
    ("Exports fell earlier this month.", "earlier this month", "DATE", "2018-07"),
    ("Parliament will vote next year.", "next year", "DATE", "2019"),
    ("Troops were deployed last summer.", "last summer", "DATE", "2017-SU"),
    ("The rebels held the town for three days.", "three days", "DURATION", "P3D"),
    ("Prices rose over the past week.", "the past week", "DURATION", "P1W"),
    ("The court handed down a 10-year sentence.", "10-year", "DURATION", "P10Y"),
    ("The hostages were held for 48 hours.", "48 hours", "DURATION", "PT48H"),
    ("A few days before the visit, officials met.", "A few days", "DURATION", "PXD"),
    ("Ministers meet every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("Inspectors visit twice a year.", "twice a year", "SET", "P1Y"),
    ("The council meets weekly.", "weekly", "SET", "P1W"),
    ("The consulate issues 200 visas a day.", "a day", "SET", "P1D"),
    ("The blast occurred at 3 p.m. local time.", "3 p.m. local time", "TIME", "2018-07-12T15:00"),
    ("The convoy left at 06:30 GMT.", "06:30 GMT", "TIME", "2018-07-12T06:30"),
    ("Shelling resumed on Monday night.", "Monday night", "TIME", "2018-07-09TNI"),
    ("Police were called last night.", "last night", "TIME", "2018-07-11TNI"),
    ("Output grew in the fourth quarter of 2017.", "the fourth quarter of 2017", "DATE", "2017-Q4"),
    ("The treaty dates from the 20th century.", "the 20th century", "DATE", "19"),
    ("Officials now expect a deal.", "now", "DATE", "PRESENT_REF"),
    ("The ceasefire collapsed recently.", "recently", "DATE", "PAST_REF"),
    ("Fighting began on Sunday and ended the next day.", "the next day", "DATE", "2018-07-09"),
    (
        "She won in 2 hours 5 minutes 30 seconds.",
        "2 hours 5 minutes 30 seconds",
        "DURATION",
        "PT2H5M30S",
    ),
    ("Independence Day is marked every July 4.", "every July 4", "SET", "XXXX-07-04"),
    ("Talks collapsed over the weekend.", "the weekend", "DATE", "2018-W27-WE"),
    ("Repairs could take months, engineers said.", "months", "DURATION", "PXM"),
    ("The city was founded in the year 869.", "869", "DATE", "0869"),
    ("The cathedral was begun in 1163.", "1163", "DATE", "1163"),
    ("Parliament must approve the budget by December 20.", "December 20", "DATE", "2018-12-20"),
    ("Marches are planned for Saturday.", "Saturday", "DATE", "2018-07-14"),
    ("Residents were told to leave on Monday.", "Monday", "DATE", "2018-07-09"),
    ("It started at 8 a.m. Eastern time.", "8 a.m. Eastern time", "TIME", "2018-07-12T08:00"),
]


@pytest.mark.parametrize(("text", "words", "kind", "value"), KINDS)
def test_expression_is_found_and_normalized(
    timexes: Timexes, text: str, words: str, kind: str, value: str
) -> None:
    timex = _found(timexes(text), words)
    assert (timex.type, timex.value) == (kind, value)


MODS = [
    ("Imports exceeded the cap by the end of 2017.", "the end of 2017", "2017", "END"),
    ("Growth slowed in early 2018.", "early 2018", "2018", "START"),
    ("The plant has been idle since mid-June.", "mid-June", "2018-06", "MID"),
    ("The deal collapsed late last year.", "late last year", "2017", "END"),
    ("The strike lasted more than two years.", "more than two years", "P2Y", "MORE_THAN"),
    ("Reserves will last the end of the year.", "the end of the year", "2018", "END"),
]


@pytest.mark.parametrize(("text", "words", "value", "mod"), MODS)
def test_fuzzy_point_keeps_value_and_gets_mod(
    timexes: Timexes, text: str, words: str, value: str, mod: str
) -> None:
    timex = _found(timexes(text), words)
    assert (timex.value, timex.mod) == (value, mod)


WEEKDAYS = [
    ("The minister arrived on Monday.", "2018-07-09"),
    ("The minister will arrive on Monday.", "2018-07-16"),
    ("The minister arrived on Thursday.", "2018-07-12"),
    ("The minister will arrive on Thursday.", "2018-07-12"),
    ("The minister arrived last Thursday.", "2018-07-05"),
    ("The minister arrives next Thursday.", "2018-07-19"),
    ("The envoy is meeting rebel leaders on Saturday.", "2018-07-14"),
    ("Negotiators said on Friday that progress was slow.", "2018-07-06"),
    ("The talks have been postponed until Tuesday.", "2018-07-17"),
]


@pytest.mark.parametrize(("text", "value"), WEEKDAYS)
def test_weekday_follows_publication_day_and_tense(timexes: Timexes, text: str, value: str) -> None:
    (timex,) = [timex for timex in timexes(text) if timex.rule == "weekday"]
    assert timex.value == value


PLANNED = [
    # (published, sentence, words, value): a planned time is never read as the last one
    ("2018-06-12", "The allies will suspend joint drills planned for August.", "August", "2018-08"),
    ("2018-09-20", "The allies will suspend joint drills planned for August.", "August", "2019-08"),
    ("2018-08-20", "The allies will suspend joint drills planned for August.", "August", "2018-08"),
    ("2018-06-12", "Seoul said the talks were scheduled for August.", "August", "2018-08"),
    ("2018-06-12", "The drills had been planned for August.", "August", "2018-08"),
    (
        "2018-11-20",
        "The drills that had been planned for August were cancelled in July.",
        "August",
        "2018-08",
    ),
    ("2018-07-12", "A new vote is scheduled for June.", "June", "2019-06"),
    ("2018-07-12", "Talks scheduled for Monday will go ahead.", "Monday", "2018-07-16"),
    ("2018-06-12", "The report was published in August.", "August", "2017-08"),
]


@pytest.mark.parametrize(("published", "text", "words", "value"), PLANNED)
def test_planned_time_is_the_next_one_in_a_future_context(
    timexes: Timexes, published: str, text: str, words: str, value: str
) -> None:
    assert _found(timexes(text, published), words).value == value


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The failed 2009 Copenhagen summit still weighed on delegates.", "2009", "2009"),
        ("Athletes recalled the 2016 Rio Olympics.", "2016", "2016"),
    ],
)
def test_year_modifying_a_named_event_is_a_date(
    timexes: Timexes, text: str, words: str, value: str
) -> None:
    assert _found(timexes(text), words).value == value


NOT_DATES = [
    ("The 1718 Committee oversees the sanctions.", "1718"),
    ("The council adopted resolution 2397 unanimously.", "2397"),
    ("Officials counted 155,221 bags at the port.", "155,221"),
    ("Some 4,500 troops crossed the border.", "4,500"),
    ("The 45-year-old officer was arrested.", "45-year-old"),
    ("The officer, 45 years old, was arrested.", "45 years old"),
    ("Flight 2018 landed safely in Doha.", "2018"),
    ("Officials may visit the site.", "may"),
    ("May God protect the country, the cleric said.", "May"),
    ("The vote was 3:1 in favour.", "3:1"),
    ("He won a second term in office.", "second"),
    ("But as soon as the envoy left, the ministry objected.", "soon"),
    ("Thousands of students march to the ministry every spring.", "march"),
    ("Police clashed with fans in the second half of the match.", "the second half"),
    ("The satirical weekly printed a new cartoon.", "weekly"),
    ("Crowds celebrated the fall of the Berlin Wall.", "the fall"),
    ("Jan Egeland spoke to reporters.", "Jan"),
    ("Some 2000 Copenhagen residents joined the march.", "2000"),
]


@pytest.mark.parametrize(("text", "words"), NOT_DATES)
def test_number_or_word_that_is_not_a_date_yields_no_timex(
    timexes: Timexes, text: str, words: str
) -> None:
    start = text.index(words)
    end = start + len(words)
    overlapping = [t.text for t in timexes(text) if t.start < end and start < t.end]
    assert overlapping == []


YEARS = [
    # (sentence, words, value): a month or day takes a year written just before it
    ("The final is in 2022, in November and December.", "December", "2022-12"),
    ("Trade was banned in 2017; raids in April and May 2019 found more.", "April", "2019-04"),
    (
        "Strikes began in 2013, after an attack in August of that year.",
        "August of that year",
        "2013-08",
    ),
    (
        "Talks began in February 2020 and dragged on for months; the deadline is August 31.",
        "August 31",
        "2018-08-31",
    ),
]


@pytest.mark.parametrize(("text", "words", "value"), YEARS)
def test_yearless_date_takes_a_nearby_written_year(
    timexes: Timexes, text: str, words: str, value: str
) -> None:
    assert _found(timexes(text), words).value == value


QUOTED = [
    # (text, words, value): relative words inside a dated quote are read against its date
    ('On Monday the minister said: "We met them yesterday."', "yesterday", "2018-07-08"),
    ('On Monday the minister said: "We meet again on Friday."', "Friday", "2018-07-13"),
    ('The minister said: "We met them yesterday."', "yesterday", "2018-07-11"),
]


@pytest.mark.parametrize(("text", "words", "value"), QUOTED)
def test_quoted_speech_is_read_against_its_own_date(
    timexes: Timexes, text: str, words: str, value: str
) -> None:
    assert _found(timexes(text), words).value == value


def test_garbled_repeated_day_yields_one_date(timexes: Timexes) -> None:
    found = timexes("Pompeo was in Pyongyang on July 6 and 6 with officials.")
    assert [(timex.text, timex.value) for timex in found] == [("July 6", "2018-07-06")]


def test_offsets_point_at_the_words_and_sentences(timexes: Timexes) -> None:
    text = "Talks began on Monday. They ended on 14 July 2018 after 48 hours."
    found = timexes(text)
    assert [text[timex.start : timex.end] for timex in found] == [timex.text for timex in found]
    assert [timex.sentence for timex in found] == [0, 1, 1]


def test_clock_time_takes_the_day_named_in_its_sentence(timexes: Timexes) -> None:
    timex = _found(timexes("The blast hit the market at 9 a.m. on 3 July 2018."), "9 a.m.")
    assert timex.value == "2018-07-03T09:00"


def test_undated_article_keeps_only_absolute_expressions(timexes: Timexes) -> None:
    found = timexes("The talks opened yesterday, after the summit in June 2018.", None)
    assert [(timex.text, timex.value) for timex in found] == [("June 2018", "2018-06")]


def test_undated_article_is_read_against_its_dateline(timexes: Timexes) -> None:
    text = "SEOUL, July 12, 2018 (Yonhap) - The envoy left yesterday."
    assert _found(timexes(text, None), "yesterday").value == "2018-07-11"


SEED = [
    ("Thursday", 0, "2018-07-12"),
    ("June 12", 0, "2018-06-12"),
    ("July 6", 0, "2018-07-06"),
    ("Sunday", 0, "2018-07-08"),
    ("the end of 2017", 0, "2017"),
    ("24 days ago", 0, "2018-06-18"),
]


@pytest.fixture(scope="module")
def seed_timexes(seed_parse: Parse, seed_article: Article) -> tuple[TimeExpr, ...]:
    return extract_timexes(seed_parse, article=seed_article)


@pytest.mark.parametrize(("words", "occurrence", "value"), SEED)
def test_seed_expression_value(
    seed_timexes: tuple[TimeExpr, ...], words: str, occurrence: int, value: str
) -> None:
    matches = [timex for timex in seed_timexes if timex.text == words]
    assert matches[occurrence].value == value


@pytest.mark.parametrize("number", ["19659002", "1718", "2397"])
def test_seed_identifier_is_not_a_date(
    seed_timexes: tuple[TimeExpr, ...], seed_article: Article, number: str
) -> None:
    start = seed_article.text.index(number)
    end = start + len(number)
    assert [t.text for t in seed_timexes if t.start < end and start < t.end] == []


INFERENCE = [
    (
        "GENEVA, March 3, 2017 (Reuters) - Talks on Syria resumed.",
        ("2017-03-03", "dateline"),
    ),
    (
        "SEOUL, July 12 (Yonhap) - Officials recalled the summit of 12 June 2018.",
        ("2018-07-12", "dateline, year of the latest date in the text"),
    ),
    (
        "The truce agreed on 4 May 2018 held until 20 May 2018, monitors said.",
        ("2018-05-20", "latest date in the text"),
    ),
    ("Nothing in this sentence says when it was written.", None),
    ("SEOUL, July 12 (Yonhap) - No year is written anywhere here.", None),
]


@pytest.mark.parametrize(("text", "expected"), INFERENCE)
def test_publication_date_is_inferred(
    parsed: Callable[[str], Parse], text: str, expected: tuple[str, str] | None
) -> None:
    assert infer_publication_date(parsed(text)) == expected


SHARED = Path(__file__).resolve().parents[4] / "shared"
# Every value shape the stage may write (TimeML TIMEX3).
_VALUE = re.compile(
    r"\d{4}(?:-(?:\d{2}(?:-\d{2}(?:T[\w:]+)?)?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?"
    r"|\d{2,3}|P[\dX.]+(?:Y|M|W|D|DE|CE)|PT[\dX.]+[HMS](?:[\d.]+[MS])*"
    r"|XXXX-WXX-\d|XXXX-\d{2}-\d{2}|XXXX-XX-XXT\w+|PAST_REF|PRESENT_REF|FUTURE_REF"
)


def _corpus(name: str, count: int) -> list[dict[str, str]]:
    path = SHARED / "data" / name
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(next(lines)) for _ in range(count)]


@pytest.fixture(scope="module")
def wire_stories(parse_text: Callable[[str, str], Parse]) -> list[tuple[Article, Parse]]:
    """Real wire copy: Reuters-21578 with its dateline put back, and VOA stories."""
    texts = [
        (f"{record['dateline']} - {record['text']}", record["date"][:10])
        for record in _corpus("reuters/articles.jsonl", 12)
    ]
    texts += [
        (record["text"], record["published"][:10]) for record in _corpus("voa/stories.jsonl", 8)
    ]
    return [
        (Article(id=str(number), text=text, date=date), parse_text(text, str(number)))
        for number, (text, date) in enumerate(texts)
    ]


def test_wire_stories_give_well_formed_timexes(
    wire_stories: list[tuple[Article, Parse]],
) -> None:
    for article, parse in wire_stories:
        found = extract_timexes(parse, article=article)
        assert all(article.text[t.start : t.end] == t.text for t in found)
        assert all(one.end <= other.start for one, other in itertools.pairwise(found))
        assert [t.value for t in found if not _VALUE.fullmatch(t.value)] == []


def test_reuters_dateline_gives_the_day_when_a_year_is_known(
    wire_stories: list[tuple[Article, Parse]],
) -> None:
    for article, parse in wire_stories[:12]:
        inferred = infer_publication_date(parse)
        assert inferred is None or inferred[0][5:] == (article.date or "")[5:]
