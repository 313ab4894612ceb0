"""Rules for calendar dates: days, lists and ranges of days, months, years, decades, quarters."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsevents.stages.dates.calendar import valid_day, year_for
from newsevents.stages.dates.context import Candidate, Context, Handler
from newsevents.stages.dates.lexicon import (
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASONS,
    SPOKEN_CENTURIES,
)
from newsevents.stages.dates.patterns import (
    DAY,
    DAY_SEPARATOR,
    DIGITS,
    MONTH_ANY,
    MONTH_FULL,
    MONTH_WORDS,
    WEEKDAY,
    YEAR,
)

_DAY = re.compile(DAY)
_MONTH_DAYS = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH_ANY})\s+(?:the\s+)?"
    rf"(?P<days>{DAY}(?:{DAY_SEPARATOR}{DAY})*)(?:,?\s+(?P<year>{YEAR}))?"
)
_DAYS_MONTH = re.compile(
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<days>{DAY}(?:{DAY_SEPARATOR}{DAY})*)"
    rf"(?:\s+of)?\s+(?P<month>{MONTH_ANY})(?:,?\s+(?P<year>{YEAR}))?"
)
_ISO = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
_MONTH_YEAR = re.compile(rf"(?P<month>{MONTH_ANY})(?:\s+of)?,?\s+(?P<year>{YEAR})")
_MONTH = re.compile(
    rf"(?:(?P<relation>last|this|next|(?:the\s+)?(?:previous|following|coming))\s+)?"
    rf"(?P<month>{MONTH_FULL})"
)
_YEAR = re.compile(rf"{YEAR}(?:\s*[-–]\s*(?P<short>\d\d)(?!\d))?")
_THE_YEAR = re.compile(r"(?i:\bthe\s+year\s+)(?P<year>[1-9]\d{2,3})(?!\d|[.,]\d)")
_DECADE = re.compile(r"(?:[Tt]he\s+)?(?:(?P<digits>1[5-9]\d|20\d)0|'(?P<short>\d)0)s(?![a-z])")
_CENTURY = re.compile(
    r"(?i:(?:the\s+)?(?:(?P<number>\d{1,2})(?:st|nd|rd|th)|(?P<word>nineteenth|twentieth"
    r"|twenty-first))[\s-]century)\b"
)
_QUARTER = re.compile(
    rf"(?i:(?:the\s+)?(?P<ordinal>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    rf"[\s-]+(?P<part>quarter|half)(?:\s+of\s+(?P<year>{YEAR}|(?:this|last|next|the)\s+year))?)\b"
    rf"|\bQ(?P<q>[1-4])\s*(?P<qyear>{YEAR})?\b"
)
_SEASON_YEAR = re.compile(
    rf"(?i:(?:the\s+)?(?P<season>summer|winter|spring|autumn|fall)(?:\s+of)?,?\s+)(?P<year>{YEAR})"
)
_SPOKEN_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_SPOKEN_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# "nineteen ninety-six", "January nineteen ninety-seven", "the winter of nineteen ninety-four",
# "the year two thousand": years read out in broadcast transcripts (TimeBank's ABC, CNN, PRI, VOA).
_SPOKEN_YEAR = re.compile(
    rf"(?:(?P<month>{MONTH_FULL})\s+|(?i:the\s+(?P<season>summer|winter|spring|autumn|fall)\s+of\s+)"
    r"|(?i:the\s+year\s+))?"
    rf"(?i:\b(?P<century>eighteen|nineteen|twenty)[\s-]+(?P<tens>{_SPOKEN_TENS})"
    rf"(?:[\s-]+(?P<ones>{_SPOKEN_ONES}))?\b"
    rf"|(?<=year\s)two\s+thousand(?:\s+and\s+(?P<after>{_SPOKEN_ONES}))?\b)"
)
_HOLIDAY = re.compile(
    r"\b(?:Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Thanksgiving(?: Day)?|Election Day"
    r"|Labor Day|Memorial Day)\b"
)

# Words before a bare year or month that make it a date: "in 2019", "since March", "early 2018".
_DATE_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "during",
        "before",
        "after",
        "through",
        "throughout",
        "of",
        "between",
        "and",
        "or",
        "to",
        "early",
        "late",
        "mid",
        "-",
        "end",
        "start",
        "beginning",
        "middle",
        "year",
        "around",
        "circa",
        "fiscal",
        "summer",
        "winter",
        "spring",
        "autumn",
        "fall",
        "last",
        "this",
        "next",
        "for",
        "as",
    ]
)
# Words before a number that make it an identifier, not a year: "resolution 2397", "No. 1718".
_IDENTIFIER_CONTEXT = frozenset(
    [
        "resolution",
        "resolutions",
        "no",
        "no.",
        "nos",
        "number",
        "committee",
        "article",
        "articles",
        "paragraph",
        "section",
        "flight",
        "route",
        "highway",
        "page",
        "room",
        "item",
        "code",
        "chapter",
        "bill",
        "act",
        "model",
        "version",
        "unit",
        "battalion",
        "brigade",
        "division",
        "regiment",
        "squadron",
        "rule",
        "law",
        "decree",
        "order",
        "file",
        "case",
    ]
)
# NER labels under which a number is a name, an amount or a measure, not a year.
# Nouns a year may name before a place or a name without "in": "the failed 2009 Copenhagen
# summit", "the 2014 Sochi Games" (issue 5; docs/time.md listed it as a known miss).
_EVENT_NOUNS = frozenset(
    {
        "summit", "conference", "games", "olympics", "election", "elections", "vote",
        "referendum", "war", "crisis", "accord", "agreement", "deal", "treaty", "talks",
        "attack", "attacks", "invasion", "uprising", "revolution", "protests", "campaign",
        "cup", "championship", "tournament", "earthquake", "tsunami", "coup", "meeting",
    }
)  # fmt: skip
_NOT_A_YEAR = frozenset({"ORG", "LAW", "MONEY", "PERCENT", "QUANTITY", "PRODUCT", "FAC"})
_NOT_A_MONTH = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"})
_VERB_TAGS = frozenset({"MD", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG"})
_HOLIDAYS: dict[str, tuple[int, int]] = {
    "Christmas": (12, 25),
    "Christmas Day": (12, 25),
    "Christmas Eve": (12, 24),
    "New Year's Day": (1, 1),
    "New Year's Eve": (12, 31),
}
# US holidays on a weekday: (month, ISO weekday, first day it can fall on). Thanksgiving is the
# fourth Thursday of November, Election Day the Tuesday after the first Monday of November,
# Labor Day the first Monday of September, Memorial Day the last Monday of May (US federal law).
_FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "Thanksgiving": (11, 4, 22),
    "Thanksgiving Day": (11, 4, 22),
    "Election Day": (11, 2, 2),
    "Labor Day": (9, 1, 1),
    "Memorial Day": (5, 1, 25),
}
_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _day_value(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def month_days(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "June 12", "12 June 2018", "July 6 and 7", "6-7 July": one DATE per day, in order."""
    month = _month(match["month"])
    found = list(_DAY.finditer(match.string, match.start("days"), match.end("days")))
    month_first = match.start("month") < match.start("days")
    days = _cut_quantities(found, context) if month_first else found
    explicit = match["year"] is not None
    first = _day_number(days[0][0])
    year = (
        int(match["year"])
        if explicit
        else year_for(context.today, month, first, tense=context.tense(match.start(), match.end()))
    )
    if year is None:
        return []
    whole = len(days) == len(found)
    return _day_members(match, days, (year, month), whole=whole, relative=not explicit)


def _cut_quantities(days: list[re.Match[str]], context: Context) -> list[re.Match[str]]:
    """Drop list members that count something: "on June 12 and 15 people died"."""
    kept = days[:1]
    for day in days[1:]:
        following = context.token_after(day.end())
        if following is not None and following.pos in ("NOUN", "PROPN", "ADJ"):
            break
        kept.append(day)
    return kept


def _day_members(
    match: re.Match[str],
    days: list[re.Match[str]],
    month_of: tuple[int, int],
    *,
    whole: bool,
    relative: bool,
) -> list[Candidate]:
    """The first member takes the words before it, the last the words after it (month, year)."""
    year, month = month_of
    candidates: list[Candidate] = []
    seen: set[int] = set()
    for index, day in enumerate(days):
        number = _day_number(day[0])
        if number in seen or not valid_day(year, month, number):
            continue  # "July 6 and 6": a garbled repeat is not a second date
        seen.add(number)
        start = match.start() if index == 0 else day.start()
        end = match.end() if index == len(days) - 1 and whole else day.end()
        value = _day_value(year, month, number)
        candidates.append(Candidate(start, end, "DATE", value, "day", relative=relative))
    return candidates


def iso_date(match: re.Match[str], context: Context) -> list[Candidate]:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not valid_day(year, month, day):
        return []
    return [Candidate(match.start(), match.end(), "DATE", _day_value(year, month, day), "iso")]


def month_year(match: re.Match[str], context: Context) -> list[Candidate]:
    value = f"{int(match['year']):04d}-{_month(match['month']):02d}"
    return [Candidate(match.start(), match.end(), "DATE", value, "month_year")]


def bare_month(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "in June", "last December", "since March": the month in the year the context implies."""
    token = context.token_at(match.start("month"))
    relation = (match["relation"] or "").split()[-1:] or [""]
    if token is None or not _is_month(match, token.pos, token.tag, token.ent_type, context):
        return []
    month = _month(match["month"])
    today = context.today
    if relation[0] in ("last", "previous"):
        year = today.year if month < today.month else today.year - 1
    elif relation[0] in ("next", "following", "coming"):
        year = today.year if month > today.month else today.year + 1
    elif relation[0] == "this":
        year = today.year
    else:
        tense = context.tense(match.start(), match.end())
        year = year_for(today, month, None, tense=tense) or today.year
    value = f"{year:04d}-{month:02d}"
    rule = "month" if not relation[0] else "month_relation"
    return [Candidate(match.start(), match.end(), "DATE", value, rule, relative=True)]


def _is_month(match: re.Match[str], pos: str, tag: str, ent_type: str, context: Context) -> bool:
    if ent_type in _NOT_A_MONTH:
        return False
    if match["month"] in ("May", "March") and (pos in ("VERB", "AUX") or tag in _VERB_TAGS):
        return False
    if match["relation"]:
        return True
    return context.word_before(match.start()) in _DATE_CONTEXT or ent_type == "DATE"


def year(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "in 2019", "between 1950 and 1953", "the 2018 quotas" (NER), not "resolution 2397"."""
    token = context.token_at(match.start())
    if token is None or not _is_year(match, token.ent_type, context):
        return []
    first = int(match[0][:4])
    candidates = [Candidate(match.start(), match.start() + 4, "DATE", f"{first:04d}", "year")]
    if match["short"]:
        second = first // 100 * 100 + int(match["short"])
        if second > first:
            end = match.end()
            candidates.append(Candidate(end - 2, end, "DATE", f"{second:04d}", "year"))
    return candidates


def _is_year(match: re.Match[str], ent_type: str, context: Context) -> bool:
    before = context.word_before(match.start())
    if before in _IDENTIFIER_CONTEXT or ent_type in _NOT_A_YEAR:
        return False
    following = context.token_after(match.start() + 4)
    if following is not None and following.text[:1].isupper() and following.pos == "PROPN":
        if following.text in ("GMT", "UTC"):
            return False
        return before in _DATE_CONTEXT or _names_an_event(match, context)
    if ent_type == "DATE":
        return True
    counts_things = following is not None and following.tag == "NNS"
    return before in _DATE_CONTEXT and not counts_things and ent_type != "CARDINAL"


def _names_an_event(match: re.Match[str], context: Context) -> bool:
    """The year modifies an event noun after a name: "the 2009 Copenhagen summit"."""
    token = context.token_at(match.start())
    if token is None or token.dep not in ("nummod", "compound", "amod", "nmod"):
        return False
    return context.parse.tokens[token.head].lower in _EVENT_NOUNS


def the_year(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "the year 869" -> 0869."""
    value = f"{int(match['year']):04d}"
    return [Candidate(match.start("year"), match.end(), "DATE", value, "year")]


def decade(match: re.Match[str], context: Context) -> list[Candidate]:
    if match["digits"]:
        value = match["digits"]
    else:
        short = int(match["short"])
        value = f"20{short}" if 2000 + short * 10 <= context.today.year else f"19{short}"
    return [Candidate(match.start(), match.end(), "DATE", value, "decade")]


def century(match: re.Match[str], context: Context) -> list[Candidate]:
    number = int(match["number"]) if match["number"] else _CENTURY_WORDS[match["word"].lower()]
    return [Candidate(match.start(), match.end(), "DATE", f"{number - 1:02d}", "century")]


def quarter(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "the fourth quarter of 2017" -> 2017-Q4, "Q3 2018", "the first half of 2018" -> 2018-H1."""
    if match["q"]:
        year_value = int(match["qyear"]) if match["qyear"] else context.today.year
        value = f"{year_value:04d}-Q{match['q']}"
        return [Candidate(match.start(), match.end(), "DATE", value, "quarter", relative=True)]
    ordinal = ORDINALS[match["ordinal"].lower().replace("final", "last")]
    written = (match["year"] or "").lower()
    if ordinal == 4 and match["ordinal"].lower() in ("last", "final") and not written:
        return []  # "last quarter" is the previous quarter: a relative rule reads it
    part = "Q" if match["part"].lower() == "quarter" else "H"
    if part == "H" and (ordinal > 2 or not written):
        return []  # "the second half" of a match is not a half-year
    shift = {"last year": -1, "next year": 1}.get(written, 0)
    year_value = int(written) if written[:1].isdigit() else context.today.year + shift
    value = f"{year_value:04d}-{part}{ordinal}"
    relative = not written[:1].isdigit()
    return [Candidate(match.start(), match.end(), "DATE", value, "quarter", relative=relative)]


def season_year(match: re.Match[str], context: Context) -> list[Candidate]:
    value = f"{int(match['year']):04d}-{SEASONS[match['season'].lower()]}"
    return [Candidate(match.start(), match.end(), "DATE", value, "season")]


def spoken_year(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "nineteen ninety-six" -> 1996, "March nineteen ninety-eight" -> 1998-03."""
    if match["century"]:
        century = SPOKEN_CENTURIES[match["century"].lower()]
        number = int(NUMBER_WORDS[match["tens"].lower()]) + int(
            NUMBER_WORDS[(match["ones"] or "").lower()] if match["ones"] else 0
        )
        year_value = century + number
    else:
        year_value = 2000 + (int(NUMBER_WORDS[match["after"].lower()]) if match["after"] else 0)
    if match["month"]:
        value = f"{year_value:04d}-{_month(match['month']):02d}"
    elif match["season"]:
        value = f"{year_value:04d}-{SEASONS[match['season'].lower()]}"
    else:
        value = f"{year_value:04d}"
    return [Candidate(match.start(), match.end(), "DATE", value, "spoken_year")]


def holiday(match: re.Match[str], context: Context) -> list[Candidate]:
    tense = context.tense(match.start(), match.end())
    if match[0] in _FLOATING_HOLIDAYS:
        month, weekday, first = _FLOATING_HOLIDAYS[match[0]]
        year_value = year_for(context.today, month, first + 3, tense=tense) or context.today.year
        start = date(year_value, month, first)
        value = (start + timedelta(days=(weekday - start.isoweekday()) % 7)).isoformat()
        return [Candidate(match.start(), match.end(), "DATE", value, "holiday", relative=True)]
    month, day = _HOLIDAYS[match[0]]
    year_value = year_for(context.today, month, day, tense=tense) or context.today.year
    value = _day_value(year_value, month, day)
    return [Candidate(match.start(), match.end(), "DATE", value, "holiday", relative=True)]


RULES: tuple[tuple[re.Pattern[str], Handler, frozenset[str]], ...] = (
    (_MONTH_DAYS, month_days, MONTH_WORDS),
    (_DAYS_MONTH, month_days, MONTH_WORDS),
    (_ISO, iso_date, DIGITS),
    (_MONTH_YEAR, month_year, MONTH_WORDS),
    (_MONTH, bare_month, MONTH_WORDS),
    (_YEAR, year, DIGITS),
    (_THE_YEAR, the_year, DIGITS),
    (_DECADE, decade, DIGITS),
    (_CENTURY, century, frozenset({"century"})),
    (_QUARTER, quarter, frozenset({"quarter", "half", "q1", "q2", "q3", "q4"})),
    (_SEASON_YEAR, season_year, frozenset(SEASONS)),
    (_HOLIDAY, holiday, frozenset({"christmas", "year", "thanksgiving", "day"})),
    (_SPOKEN_YEAR, spoken_year, frozenset(SPOKEN_CENTURIES) | {"thousand"}),
)


def written_dates(text: str) -> list[date]:
    """Every day written in full, with its year ("12 June 2018", "2018-06-12")."""
    found: list[date] = []
    for pattern in (_MONTH_DAYS, _DAYS_MONTH):
        for match in pattern.finditer(text):
            if match["year"] is None:
                continue
            month = _month(match["month"])
            for day in _DAY.finditer(text, match.start("days"), match.end("days")):
                if valid_day(int(match["year"]), month, _day_number(day[0])):
                    found.append(date(int(match["year"]), month, _day_number(day[0])))
    for match in _ISO.finditer(text):
        if valid_day(int(match["year"]), int(match["month"]), int(match["day"])):
            found.append(date(int(match["year"]), int(match["month"]), int(match["day"])))
    return found
