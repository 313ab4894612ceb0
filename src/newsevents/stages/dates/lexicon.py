"""Word tables for time expressions: months, weekdays, number words, units and modifiers."""

from __future__ import annotations

# Month names and the abbreviations wire services use (AP Stylebook: Jan., Feb., Aug., Sept., ...).
MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# ISO 8601 weekday numbers (Monday is 1), as TIMEX3 "XXXX-WXX-1" uses them.
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "half a": 0.5,
    "a half": 0.5,
    "half an": 0.5,
}

# Spoken years in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
SPOKEN_CENTURIES: dict[str, int] = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}

# Vague quantities: TimeML writes the unknown number as "X" ("a few days" is PXD).
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "some", "many", "a couple of", "couple of"})

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
}

# Unit word -> TIMEX3 duration designator; "T" marks units written after the time separator.
# Decades and centuries are written in years, as TimeBank writes them ("a decade" is P10Y,
# "centuries" PXY; issue 13).
UNITS: dict[str, str] = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "10Y",
    "century": "100Y",
}

# Adverbs of frequency that stay a SET before a noun ("daily flights"); the others name a kind of
# thing there ("a quarterly dividend", never annotated in TimeBank's study part; issue 13).
ATTRIBUTIVE_SETS = frozenset({"daily", "weekly", "nightly", "hourly"})

# TimeML seasons: SP, SU, FA, WI.
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

# Parts of the day, as TIMEX3 writes them after the date ("2018-07-12TMO").
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}

# Position modifiers before a point ("the end of 2017", "early 2018"): TIMEX3 mod values.
POINT_MODS: dict[str, str] = {
    "start": "START",
    "beginning": "START",
    "early": "START",
    "middle": "MID",
    "mid": "MID",
    "end": "END",
    "close": "END",
    "late": "END",
}

# Quantity modifiers before a duration or point ("more than two years"): TIMEX3 mod values.
QUANTITY_MODS: dict[str, str] = {
    "more than": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "approximately": "APPROX",
}
