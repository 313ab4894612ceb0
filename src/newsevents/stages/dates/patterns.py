"""Regular-expression pieces shared by the time rules (compiled once, by the rule modules)."""

from __future__ import annotations

from newsevents.stages.dates.lexicon import MONTHS, NUMBER_WORDS, UNITS

# Month names are matched case-sensitively: lower-case "may" and "march" are verbs.
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?![A-Za-z])"
)
# Abbreviations only where a day number follows them ("Jan" alone is also a given name).
MONTH_ANY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![A-Za-z])"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A day of the month, not part of a larger number ("155,221", "2.5", "19659002").
DAY = r"(?<![\d.,:/$])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.,:]\d)"
# Years from 1000 to 2099, not part of a larger number or an amount.
YEAR = r"(?<![\d.,:/$£€#])(?:1\d\d\d|20\d\d)(?![\d%]|[.,:]\d)"
# Between the members of a list or range of days: "6-7", "6 and 7", "6, 7 and 8", "6 to 8".
DAY_SEPARATOR = r"(?:\s*[-–—/]\s*|\s+(?:and|or|to|through|until|till)\s+|\s*,\s*(?:and\s+|or\s+)?)"

_SMALL = sorted((word for word, value in NUMBER_WORDS.items() if " " not in word), key=len)
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# A count written in digits or words: "24", "1,000", "2.5", "2 1/2", "twenty-four", "two and a
# half".
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+|\s+1/2)?|{_TENS}[\s-]{_ONES}|half\s+an?|a\s+half"
    rf"|{'|'.join(reversed(_SMALL))})(?:\s+and\s+a\s+half)?"
)
VAGUE = r"(?:a\s+few|a\s+couple\s+of|couple\s+of|few|several|many|some)"
UNIT = rf"(?:{'|'.join(UNITS)}|centurie)"

# Trigger words: a rule runs only near a token whose lower-cased text (without a final full stop)
# is one of its triggers; DIGIT_TRIGGER stands for any token with a digit in it.
DIGIT_TRIGGER = "#digit"
DIGITS = frozenset({DIGIT_TRIGGER})
MONTH_WORDS = frozenset(MONTHS)
