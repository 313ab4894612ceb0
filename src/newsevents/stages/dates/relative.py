"""Rules for expressions read against the publication date: weekdays, "yesterday", "last week",
"24 days ago", durations, sets and times of day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsevents.model import TimexType
from newsevents.stages.dates.calendar import iso_week, shift_months, weekday
from newsevents.stages.dates.context import Candidate, Context, Handler
from newsevents.stages.dates.lexicon import (
    ATTRIBUTIVE_SETS,
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    POINT_MODS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from newsevents.stages.dates.patterns import (
    DAY,
    DIGITS,
    MONTH_ANY,
    NUMBER,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
)

_PART = r"(?:morning|afternoon|evening|night)"
_WEEKDAY = re.compile(
    rf"(?:(?P<relation>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<weekday>{WEEKDAY})"
    rf"(?P<plural>s)?(?:\s+(?P<part>{_PART}))?(?![A-Za-z])"
)
_DAY_WORD = re.compile(
    r"(?i:\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday"
    rf"|tomorrow|tonight)\b(?:(?:'s)?\s+(?P<part>{_PART})\b)?)"
)
_THIS_PART = re.compile(rf"(?i:\b(?P<relation>this|last)\s+(?P<part>{_PART})\b)")
_UNIT_RELATION = re.compile(
    r"(?i:\b(?:(?P<near>earlier|later)\s+)?(?P<the>the\s+)?(?P<relation>last|this|next|past"
    r"|coming|previous|following|current)\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade"
    r"|summer|winter|spring|fall|autumn)\b)"
)
_AGO = re.compile(
    rf"(?i:\b(?P<number>{NUMBER}|{VAGUE})?[\s-]*\b(?P<unit>{UNIT})s?\s+"
    r"(?P<direction>ago|from\s+now|hence)\b)"
)
_IN_UNITS = re.compile(
    rf"(?i:\b(?P<preposition>in|within)\s+(?P<span>(?P<number>{NUMBER}|{VAGUE})[\s-]+"
    rf"(?P<unit>{UNIT})s?)(?:'s?\s+time)?\b)"
)
_DURATION = re.compile(
    rf"(?i:\b(?P<the>the\s+(?:(?:past|last|next|previous|coming|first|final|following)\s+)?)?"
    rf"(?P<number>{NUMBER}|{VAGUE})[\s-]+(?:(?:more|additional|extra|straight|consecutive|trading)\s+)?"
    rf"(?P<unit_text>(?P<unit>{UNIT})s?)(?P<half>\s+and\s+a\s+half)?(?P<long>-long)?\b)"
    r"(?![\s-]*old\b)"
)
# "recent weeks": a span of unknown length up to now (TimeBank: PXW).
_RECENT = re.compile(r"(?i:\brecent\s+(?P<unit>day|week|month|year|decade)s\b)")
# Bare plural units of unknown length (PXM): "for years", "could take months", "decades of war",
# "the first time in years", "a decades-long battle".
_FOR_UNITS = re.compile(
    r"(?i:\b(?:(?:for|over|within|after|take|takes|took|taking|lasted|last|lasts|spent|spend|in)"
    r"\s+(?P<unit>hour|day|week|month|year|decade|centurie)s\b"
    r"|(?P<lead>hour|day|week|month|year|decade|centurie)s(?:(?=\s+of\b)|-long\b)))"
)
# "1 hour 59 minutes 40 seconds", "two hours and 15 minutes": one DURATION.
_COMPOUND = re.compile(
    rf"(?i:\b(?P<hours>{NUMBER})\s+hours?,?\s+(?:and\s+)?(?P<minutes>{NUMBER})\s+minutes?"
    rf"(?:,?\s+(?:and\s+)?(?P<seconds>{NUMBER})\s+seconds?)?\b)"
)
_EVERY_DATE = re.compile(rf"(?i:\b(?:every|each)\s+)(?P<month>{MONTH_ANY})\s+(?P<day>{DAY})")
# "over the weekend", "by the autumn": the nearest one, back or ahead as the tense says.
_THE_PERIOD = re.compile(r"(?i:\bthe\s+(?P<unit>weekend|summer|winter|spring|autumn|fall)\b)")
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_EVERY = re.compile(
    rf"(?i:\b(?:every|each)\s+(?P<other>other\s+)?(?:(?P<number>{NUMBER})\s+)?(?P<unit>{UNIT}"
    rf"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|{_PART}|{_MONTH_NAMES})s?\b)"
)
_TIMES_PER = re.compile(
    rf"(?i:\b(?:once|twice|thrice|(?:{NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+"
    rf"(?P<unit>{UNIT})\b)"
)
_PER = re.compile(rf"(?i:\bper\s+(?P<unit>{UNIT})\b)")
_ADVERB_SET = re.compile(
    r"(?i:\b(?P<word>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly)\b)"
)
# Time zones written after a clock time; TIMEX3 values here keep the clock time as written.
_ZONE = (
    r"(?:local|Eastern|Pacific|Central|Mountain|Moscow|Beijing|Tokyo|Greenwich\s+Mean)\s+time"
    r"|GMT|UTC|EDT|EST|ET|PDT|PST|BST|CET|CEST|KST|JST|IST"
)
_CLOCK = re.compile(
    r"(?<![\d:.,])(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
    r"(?P<half>[ap])\.?\s?m\b\.?"
    rf"(?:\s+(?P<zone>{_ZONE}))?"
)
_CLOCK_24 = re.compile(
    r"(?<![\d:.,])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])"
    rf"(?:\s+(?P<zone>{_ZONE}))?"
    r"|(?<![\d:.,])(?P<military>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s+(?P<mzone>GMT|UTC|local\s+time)"
)
_NOON = re.compile(r"(?i:\b(?P<word>noon|midday|midnight)\b)")
_REFERENCE = re.compile(
    r"(?i:\b(?P<word>now|currently|recently|nowadays|soon|at\s+present|these\s+days"
    r"|the\s+past|the\s+future|the\s+near\s+future|current|the\s+(?:short|near)\s+term"
    r"|a\s+later\s+date|(?<=at\s)the\s+time"
    r"|(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|the\s+time\s+being)\b)"
)
_END_OF_THE = re.compile(
    r"(?i:\b(?:the\s+)?(?:very\s+)?(?P<position>start|beginning|middle|end|close)\s+of\s+the\s+"
    r"(?P<unit>week|month|year|decade)\b)"
)
# TimeML: "two days later" is a DURATION ("two days") with a signal; "the next day" is a DATE.
_ANCHORED = re.compile(
    r"(?i:\b(?:the\s+(?P<relation>previous|next|following|same)\s+day"
    r"|the\s+day\s+(?P<side>before|after)(?=\s*[,.;]))\b)"
)

# Company results: "the quarter", "the latest period", "the year-ago quarter", "the 1988 period",
# "year-earlier": the quarter last named (or the last one completed), or that quarter a year back
# (TimeBank study part: 40 such expressions, all valued as a quarter; issue 13).
_QUARTER_REF = re.compile(
    r"(?i:\b(?:(?:(?:the|that)\s+(?:(?P<which>latest|current|same|comparable|recent)\s+)?"
    r"|(?P<relyear>this|last|next)\s+year's\s+)"
    rf"(?:(?P<back>year-earlier|year-ago)\s+|(?P<year>{YEAR})\s+)?"
    r"(?:(?P<ordinal>first|second|third|fourth)[\s-]+)?(?P<unit>quarter|period)"
    r"|(?P<adjective>year-earlier|year-ago)(?:\s+(?P<noun>quarter|period))?)\b)"
)
# "the year ended March 31" is a DURATION (a fiscal year); "a high for the year", "the full year",
# "earlier in the year": the year of the reference date; "(later) that year": the year last named
# (TimeBank study part, issue 13).
_THE_YEAR = re.compile(
    r"(?i:\b(?:(?:earlier|later)\s+(?:in\s+)?)?(?P<determiner>the|that)\s+(?:(?:fiscal|full)\s+)?"
    r"year\b(?P<ended>(?=\s+end(?:ed|ing)\b))?(?!\s+(?:before|after|earlier|later|ago|two|nineteen"
    r"|in\s+which|when)|\s*\d|-|'s?\s))"
)
# Words that open a relative clause after "the year" ("the year Russia annexed Crimea").
_CLAUSE_OPENERS = frozenset({"PROPN", "PRON", "DET", "NOUN", "NUM"})
# "a year earlier" in a results story is the year-ago quarter; elsewhere, last year.
_YEAR_EARLIER = re.compile(r"(?i:\b(?:a|one)\s+year\s+earlier\b)")

_TIME_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P3M",
}
_REFERENCES = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the coming": "FUTURE_REF",
    "current": "PRESENT_REF",
    "the short": "FUTURE_REF",
    "the near": "FUTURE_REF",
    "a later": "FUTURE_REF",
    "the time": "PAST_REF",
    "coming": "FUTURE_REF",
}
_REFERENCE_WORDS = frozenset(
    {"now", "currently", "recently", "nowadays", "soon", "present", "days", "past", "future"}
    | {"current", "coming", "being", "weeks", "months", "years", "quarters", "term", "date", "time"}
)
# Placeholder values completed once the surrounding dates are known (see extract.py).
TIME_PREFIX = "T"
ANCHOR_PREFIX = "ANCHOR"
# "QUARTER-4|1988||": the quarter last named, moved four quarters back, or "1988" when none was;
# "QUARTER+0||1988|3": the third quarter of 1988 (a year or a quarter number replaces the named
# one's); an empty fallback stands for the last quarter completed before the reference date.
QUARTER_PREFIX = "QUARTER"
# "that year": the year last named before it, else the reference date's.
YEAR_PREFIX = "YEAR"


def _number(text: str | None) -> float | None:
    """A count from digits or words; None for vague counts ("a few")."""
    if text is None:
        return 1
    words = " ".join(text.lower().replace("-", " ").split())
    half = 0.5 if words.endswith(("and a half", " 1/2")) else 0.0
    words = words.removesuffix(" and a half").removesuffix(" 1/2")
    if words.replace(",", "").replace(".", "", 1).isdigit():
        return float(words.replace(",", "")) + half
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words] + half
    parts = words.split()
    if len(parts) == 2 and all(part in NUMBER_WORDS for part in parts):
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def _unit(text: str) -> str:
    word = text.lower()
    return "century" if word.startswith("centur") else word


# The next smaller unit and how many of it make one: a fraction is written in it.
_SMALLER: dict[str, tuple[str, int]] = {
    "Y": ("M", 12),
    "W": ("D", 7),
    "TH": ("TM", 60),
    "TM": ("TS", 60),
}


def period(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: "P3D", "PT48H", "P2.5Y", "PXY" for a vague count."""
    designator = UNITS[unit]
    factor = designator[: len(designator) - len(designator.lstrip("0123456789"))]
    if factor:  # "2W", "10Y", "100Y": a multiple of a smaller unit
        designator = designator.removeprefix(factor)
        amount = None if amount is None else amount * int(factor)
    written = "X" if amount is None else f"{amount:g}"
    if amount is not None and amount % 1 and designator in _SMALLER:
        # "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S: TimeML writes no fractions
        smaller, count = _SMALLER[designator]
        rest = round(amount % 1 * count)
        written = f"{int(amount)}{designator.removeprefix('T')}{rest}"
        designator = smaller
    if designator.startswith("T"):
        return f"PT{written}{designator[1:]}"
    return f"P{written}{designator}"


def _day(value: date, part: str | None = None) -> tuple[TimexType, str]:
    """The TIMEX3 type and value of a day, or of a part of it ("2018-07-12TNI")."""
    if part:
        return "TIME", f"{value.isoformat()}T{DAY_PARTS[part.lower()]}"
    return "DATE", value.isoformat()


def weekday_rule(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "on Thursday", "last Sunday", "Monday night", "on Mondays" (a SET)."""
    number = WEEKDAYS[match["weekday"].lower()]
    if match["plural"]:
        start = match.start("weekday")
        value = f"XXXX-WXX-{number}"
        return [Candidate(start, match.end(), "SET", value, "weekday_set")]
    relation = (match["relation"] or "").lower().replace("past", "last")
    tense = context.tense(match.start(), match.end())
    if tense != "upcoming" and context.parse.text.startswith("'s", match.end()):
        tense = "past"  # "Friday's vote", "Tuesday's declaration": a thing already done
    if tense == "perfect":  # "has been postponed until Tuesday" looks ahead; "has met Monday" back
        until = context.word_before(match.start()) in ("until", "till")
        tense = "future" if until else "past"
    day = weekday(context.today, number, relation=relation, tense=tense)
    kind, value = _day(day, match["part"])
    return [Candidate(match.start(), match.end(), kind, value, "weekday", relative=True)]


def day_word(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "yesterday", "tomorrow morning", "tonight", "the day before yesterday"."""
    word = " ".join(match["word"].lower().split())
    shift = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    part = match["part"] or ("night" if word == "tonight" else None)
    kind, value = _day(context.today + timedelta(days=shift), part)
    return [Candidate(match.start(), match.end(), kind, value, "day_word", relative=True)]


def this_part(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "this morning", "last night"."""
    shift = -1 if match["relation"].lower() == "last" else 0
    kind, value = _day(context.today + timedelta(days=shift), match["part"])
    return [Candidate(match.start(), match.end(), kind, value, "day_part", relative=True)]


def unit_relation(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "last week", "earlier this month", "next year", "the past year" (a DURATION)."""
    relation = match["relation"].lower()
    unit = match["unit"].lower()
    if match["the"] and relation in ("past", "last") and unit in UNITS:
        value = period(1, unit)
        return [Candidate(match.start(), match.end(), "DURATION", value, "unit_relation")]
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}
    value = _shifted(context.today, unit, step.get(relation, 0))
    return [Candidate(match.start(), match.end(), "DATE", value, "unit_relation", relative=True)]


def _shifted(today: date, unit: str, step: int) -> str:
    if unit == "week":
        return iso_week(today + timedelta(weeks=step))
    if unit == "weekend":
        return iso_week(today + timedelta(weeks=step)) + "-WE"
    if unit == "month":
        year, month = shift_months(today, step)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = shift_months(today, 3 * step)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{today.year // 10 + step:03d}"
    if unit in SEASONS:
        return _season(today, SEASONS[unit], step)
    return f"{today.year + step:04d}"


def _season(today: date, season: str, step: int) -> str:
    """ "last summer" is the most recent summer that has ended; "next summer" the coming one."""
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    year = today.year
    if step < 0:
        year = year if today.month > first_month + 2 else year - 1
    elif step > 0:
        year = year if today.month < first_month else year + 1
    return f"{year:04d}-{season}"


def ago(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "24 days ago", "two years ago", "a week from now"; a vague count is PAST_REF/FUTURE_REF."""
    amount = _number(match["number"]) if match["number"] else None
    forward = not match["direction"].lower().startswith("ago")
    if amount is None:
        value = "FUTURE_REF" if forward else "PAST_REF"
        return [Candidate(match.start(), match.end(), "DATE", value, "ago", relative=True)]
    value = _moved(context.today, _unit(match["unit"]), amount if forward else -amount)
    if not forward and amount == 1 and _unit(match["unit"]) == "year":
        value = f"{QUARTER_PREFIX}-4|{value}||"  # "a year ago" in a results story: that quarter
    return [Candidate(match.start(), match.end(), "DATE", value, "ago", relative=True)]


def the_year(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "the year ended June 30" (P1Y), "for the full year" (this year), "that year"."""
    if match["ended"] is not None:
        return [Candidate(match.start(), match.end(), "DURATION", "P1Y", "the_year")]
    if match["determiner"].lower() == "that":
        if context.word_before(match.start()) == "of":
            return []  # "August of that year": the month rule takes the year
        return [Candidate(match.start(), match.end(), "DATE", YEAR_PREFIX, "the_year", None, True)]
    following = context.token_after(match.end())
    if following is not None and following.pos in _CLAUSE_OPENERS:
        return []  # "2014, the year Russia annexed Crimea" names a year by what happened in it
    value = f"{context.today.year:04d}"
    return [Candidate(match.start(), match.end(), "DATE", value, "the_year", relative=True)]


def year_earlier(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "a year earlier": the year-ago quarter in a results story, else last year."""
    value = f"{QUARTER_PREFIX}-4|{context.today.year - 1:04d}||"
    return [Candidate(match.start(), match.end(), "DATE", value, "year_earlier", relative=True)]


def quarter_reference(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "the quarter", "the latest period", "the year-ago quarter", "the 1988 period"."""
    unit = (match["unit"] or match["noun"] or "").lower()
    named = match["which"] or match["back"] or match["year"] or match["ordinal"]
    if match["adjective"] is None and unit == "period" and not named:
        return []  # "the period" alone names no quarter
    if match["ordinal"] and not (match["back"] or match["year"] or match["relyear"]):
        return []  # "the third quarter": the quarter rule reads it
    if (match["which"] or "").lower() == "current":
        value = f"{context.today.year:04d}-Q{(context.today.month - 1) // 3 + 1}"
        return [Candidate(match.start(), match.end(), "DATE", value, "quarter_ref", None, True)]
    back = match["back"] or match["adjective"]
    shift = "-4" if back else "+0"
    quarter = ORDINALS[match["ordinal"].lower()] if match["ordinal"] else ""
    year = match["year"] or ""
    if match["relyear"]:  # "last year's third quarter"
        step = {"this": 0, "last": -1, "next": 1}[match["relyear"].lower()]
        year = f"{context.today.year + step:04d}"
    value = f"{QUARTER_PREFIX}{shift}||{year}|{quarter}"
    return [Candidate(match.start(), match.end(), "DATE", value, "quarter_ref", relative=True)]


def _moved(today: date, unit: str, amount: float) -> str:
    whole = round(amount)
    if unit in ("second", "minute", "hour"):
        return today.isoformat()
    if unit == "day":
        return (today + timedelta(days=whole)).isoformat()
    if unit in ("week", "fortnight"):
        weeks = whole * (2 if unit == "fortnight" else 1)
        return iso_week(today + timedelta(weeks=weeks))
    if unit == "month":
        year, month = shift_months(today, whole)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = shift_months(today, 3 * whole)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    factor = {"year": 1, "decade": 10, "century": 100}[unit]
    return f"{today.year + whole * factor:04d}"


def in_units(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "in two weeks", "within three days": a DURATION; the preposition is a TimeML signal."""
    amount = _number(match["number"])
    start, end = match.start("span"), match.end("span")
    return [Candidate(start, end, "DURATION", period(amount, _unit(match["unit"])), "duration")]


def duration(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "three days", "48 hours", "a three-day visit", "the past two years", "a few weeks"."""
    unit = _unit(match["unit"])
    number_text = match["number"]
    if unit == "second" and number_text.lower() in ("a", "an"):
        return []  # "a second meeting"
    if number_text.lower() in ("a", "an") and match["unit_text"].lower().endswith("s"):
        return []  # "a decades-long war": the count belongs to the war
    if unit == "quarter" and (
        number_text.lower() in ("a", "an") or match.string.startswith(" of", match.end())
    ):
        return []  # "a quarter of the vote", "three quarters of voters" are fractions
    if number_text.lower() in ("a", "an") and _is_rate(match, context):
        value = period(1, unit)
        return [Candidate(match.start(), match.end(), "SET", value, "rate")]
    amount = _number(number_text)
    if amount is not None and match["half"]:
        amount += 0.5  # "a minute and a half"
    start = match.start()
    if match["the"] and match["the"].split()[-1].lower() == "the" and "-" in match[0]:
        start = match.start("number")  # "the two-decade war": "the" belongs to "war"
    return [Candidate(start, match.end(), "DURATION", period(amount, unit), "duration")]


def _is_rate(match: re.Match[str], context: Context) -> bool:
    """ "100 barrels a day": a count of things per unit of time is a SET."""
    token = context.token_at(match.start())
    if token is None or token.i == 0:
        return False
    before = context.parse.tokens[token.i - 1]
    return before.tag in ("NNS", "CD") and not before.text[:1].isdigit()


def recent(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "recent weeks" -> PXW, "recent years" -> PXY."""
    value = period(None, _unit(match["unit"]))
    return [Candidate(match.start(), match.end(), "DURATION", value, "vague_duration")]


def for_units(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "for years", "over decades": a duration of unknown length."""
    unit = match["unit"] or match["lead"]
    start = match.start("unit") if match["unit"] else match.start("lead")
    value = period(None, _unit(unit))
    return [Candidate(start, match.end(), "DURATION", value, "vague_duration")]


def compound(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "1 hour 59 minutes 40 seconds" -> PT1H59M40S."""
    parts = [("hours", "H"), ("minutes", "M"), ("seconds", "S")]
    amounts = [(_number(match[name]), letter) for name, letter in parts if match[name]]
    if any(amount is None for amount, _ in amounts):
        return []
    value = "PT" + "".join(f"{amount:g}{letter}" for amount, letter in amounts)
    return [Candidate(match.start(), match.end(), "DURATION", value, "duration")]


def every_date(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "every July 18" -> XXXX-07-18."""
    month = MONTHS[match["month"].lower().rstrip(".")]
    day = int(match["day"].rstrip("stndrh"))
    value = f"XXXX-{month:02d}-{day:02d}"
    return [Candidate(match.start(), match.end(), "SET", value, "set")]


def the_period(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "over the weekend" (just past, or coming in a future clause), "by the autumn"."""
    unit = match["unit"].lower()
    if context.parse.text.startswith(" of ", match.end()):
        return []  # "the fall of the Berlin Wall", "the summer of discontent"
    tense = context.tense(match.start(), match.end())
    if unit == "weekend":
        back = tense in ("past", "perfect")
        saturday = weekday(context.today, 6, relation="", tense="past" if back else "future")
        value = iso_week(saturday) + "-WE"
    else:
        value = _season_by_tense(context.today, SEASONS[unit], tense)
    return [Candidate(match.start(), match.end(), "DATE", value, "the_period", relative=True)]


def _season_by_tense(today: date, season: str, tense: str) -> str:
    first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if tense in ("past", "perfect") and first_month > today.month:
        return f"{today.year - 1:04d}-{season}"
    return f"{today.year:04d}-{season}"


def every(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "every Monday" -> XXXX-WXX-1, "each year" -> P1Y, "every other week" -> P2W."""
    unit = match["unit"].lower()
    if unit in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[unit]}"
    elif unit in DAY_PARTS:
        value = f"XXXX-XX-XXT{DAY_PARTS[unit]}"
    elif unit in MONTHS:  # "every August"
        value = f"XXXX-{MONTHS[unit]:02d}"
    else:
        amount = _number(match["number"]) or 1
        value = period(amount * (2 if match["other"] else 1), _unit(unit))
    return [Candidate(match.start(), match.end(), "SET", value, "set")]


def unit_set(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "twice a week", "per day": how often, as a SET of one unit."""
    value = period(1, _unit(match["unit"]))
    return [Candidate(match.start(), match.end(), "SET", value, "set")]


def adverb_set(match: re.Match[str], context: Context) -> list[Candidate]:
    token = context.token_at(match.start())
    if token is not None and token.pos in ("NOUN", "PROPN"):
        return []  # "the satirical weekly" is a newspaper
    word = match["word"].lower()
    if token is not None and token.dep == "amod" and word not in ATTRIBUTIVE_SETS:
        return []  # "its quarterly dividend"
    value = _SET_ADVERBS[word]
    return [Candidate(match.start(), match.end(), "SET", value, "set")]


def clock(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "3 p.m. local time", "15:30 GMT", "1400 GMT": a TIME on a day found later."""
    if match.re is _CLOCK:
        hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
        minute = int(match["minute"] or 0)
    elif match["military"]:
        hour, minute = int(match["military"]), int(match["mm"])
    else:
        if not (match["zone"] or context.word_before(match.start()) in ("at", "by", "until")):
            return []  # "a 3:1 vote" is a ratio
        hour, minute = int(match["hour"]), int(match["minute"])
    value = f"{TIME_PREFIX}{hour:02d}:{minute:02d}"
    return [Candidate(match.start(), match.end(), "TIME", value, "clock", relative=True)]


def noon(match: re.Match[str], context: Context) -> list[Candidate]:
    value = TIME_PREFIX + _TIME_WORDS[match["word"].lower()]
    return [Candidate(match.start(), match.end(), "TIME", value, "clock", relative=True)]


def reference(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "now", "recently", "in the future": TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF."""
    words = " ".join(match["word"].lower().split())
    token = context.token_at(match.start())
    if words == "now" and (token is None or token.pos not in ("ADV", "NOUN")):
        return []
    if words == "soon" and context.word_before(match.start()) == "as":
        return []  # "as soon as" is a conjunction
    if words == "current" and (token is None or token.dep != "amod"):
        return []  # "the current" of a river; "current conditions" is the present
    key = words if words in _REFERENCES else " ".join(words.split()[:2])
    key = key if key in _REFERENCES else words.split()[0]
    value = _REFERENCES[key]
    return [Candidate(match.start(), match.end(), "DATE", value, "reference")]


def end_of_the(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "the end of the year", "the start of the month": this period, with a TIMEX3 mod."""
    value = _shifted(context.today, match["unit"].lower(), 0)
    mod = POINT_MODS[match["position"].lower()]
    return [Candidate(match.start(), match.end(), "DATE", value, "end_of_the", mod, True)]


def anchored(match: re.Match[str], context: Context) -> list[Candidate]:
    """ "the next day", "the previous day": one day from the last day named before it."""
    word = (match["relation"] or match["side"]).lower()
    shift = {"previous": -1, "before": -1, "same": 0}.get(word, 1)
    value = f"{ANCHOR_PREFIX}{shift:+d}"
    return [Candidate(match.start(), match.end(), "DATE", value, "anchored", relative=True)]


_UNIT_WORDS = frozenset(UNITS) | {unit + "s" for unit in UNITS} | {"centuries"}
RULES: tuple[tuple[re.Pattern[str], Handler, frozenset[str]], ...] = (
    (_WEEKDAY, weekday_rule, frozenset(WEEKDAYS) | {day + "s" for day in WEEKDAYS}),
    (_DAY_WORD, day_word, frozenset({"today", "yesterday", "tomorrow", "tonight"})),
    (_THIS_PART, this_part, frozenset(DAY_PARTS)),
    (_UNIT_RELATION, unit_relation, frozenset({"weekend", "quarter", *UNITS, *SEASONS})),
    (_AGO, ago, frozenset({"ago", "now", "hence"})),
    (_IN_UNITS, in_units, _UNIT_WORDS),
    (_DURATION, duration, _UNIT_WORDS),
    (_FOR_UNITS, for_units, _UNIT_WORDS),
    (_RECENT, recent, frozenset({"recent"})),
    (_EVERY, every, frozenset({"every", "each"})),
    (_EVERY_DATE, every_date, frozenset({"every", "each"})),
    (_COMPOUND, compound, frozenset({"hour", "hours"})),
    (_THE_PERIOD, the_period, frozenset({"weekend", *SEASONS})),
    (_TIMES_PER, unit_set, frozenset({"once", "twice", "thrice", "times"})),
    (_PER, unit_set, frozenset({"per"})),
    (_ADVERB_SET, adverb_set, frozenset(_SET_ADVERBS)),
    (_CLOCK, clock, DIGITS),
    (_CLOCK_24, clock, DIGITS),
    (_NOON, noon, frozenset(_TIME_WORDS)),
    (_REFERENCE, reference, _REFERENCE_WORDS),
    (_END_OF_THE, end_of_the, frozenset({"week", "month", "year", "decade"})),
    (_ANCHORED, anchored, frozenset({"day"})),
    (_QUARTER_REF, quarter_reference, frozenset({"quarter", "period", "earlier", "ago"})),
    (_YEAR_EARLIER, year_earlier, frozenset({"earlier"})),
    (_THE_YEAR, the_year, frozenset({"year"})),
)
