"""Find time expressions with every rule, keep the longest, add modifiers, fill in anchors."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newsevents.model import Article, Parse, TimeExpr
from newsevents.stages.dates import absolute, relative
from newsevents.stages.dates.context import Candidate, Context
from newsevents.stages.dates.infer import infer_publication_date
from newsevents.stages.dates.lexicon import POINT_MODS, QUANTITY_MODS
from newsevents.stages.dates.patterns import DIGIT_TRIGGER
from newsevents.stages.dates.speech import Found, in_quoted_speech
from newsevents.timeml import interval

# Absolute rules first: when two rules find the same words, the earlier rule wins.
_RULES = absolute.RULES + relative.RULES


def _rules_by_trigger() -> dict[str, tuple[int, ...]]:
    triggers: dict[str, tuple[int, ...]] = {}
    for index, rule in enumerate(_RULES):
        for word in rule[2]:
            triggers[word] = (*triggers.get(word, ()), index)
    return triggers


_TRIGGERS = _rules_by_trigger()
_DIGIT_RULES = _TRIGGERS.pop(DIGIT_TRIGGER)
_DIGIT = re.compile(r"\d")
# Characters a rule may reach from its trigger word either way: the longest expression measured,
# "the very beginning of the past two and a half years", is 52 characters.
_REACH = 64
_POINT_MOD = re.compile(
    r"(?i:(?:\b(?:the\s+)?(?:very\s+)?(?P<position>start|beginning|middle|end|close)\s+of\s+"
    r"|\b(?P<adjective>early|mid|late)(?:\s+on\s+|\s+|\s*-\s*)))$"
)
_QUANTITY_MOD = re.compile(
    r"(?i:\b(?P<quantity>more\s+than|less\s+than|nearly|almost|at\s+least|up\s+to|at\s+most"
    r"|about|around|roughly|approximately|under|some)\s+)$"
)
# How far back a modifier may start: "the very beginning of " is the longest (21 characters).
_MOD_REACH = 24
# Rules whose values had to guess a year, and values that state one.
_YEARLESS = frozenset({"day", "month"})
# How close the year must be (characters): a few words, not the previous clause (measured on
# eval/time: "agreed in February 2020 ..., and Biden set a deadline of Aug. 31" is 60 apart).
_YEAR_REACH = 40
# "in August of that year": the year last written, however far back.
_THAT_YEAR = re.compile(r"(?:\s+of)?\s+that\s+year\b")
# "July this year", "December of last year".
_BEFORE_RELATIVE_YEAR = re.compile(r"\s+(?:of\s+)?")
_COORDINATION = re.compile(r"\s*(?:,|and|or|to|through|until|-|–)\s*")
# Between a clock time and its day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6". "at noon on
# Friday" stays two expressions: "on" is a TimeML signal between them.
_CLOCK_TO_DAY = re.compile(r"(?:\s*,)?\s+")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_YEARLY = re.compile(r"\d{4}(?:$|-[01Q-])")
# A reference date for articles with no date at all; relative values are dropped for them.
_NO_DATE = date(2000, 1, 1)


def extract_timexes(parse: Parse, *, article: Article) -> tuple[TimeExpr, ...]:
    """Every time expression in ``parse``, normalized against the article's publication date.

    When the article has no date, the date is inferred (dateline, latest written date); when
    that fails too, only expressions that need no reference date are kept.
    """
    today = _reference_date(parse, article)
    context = Context.of(parse, today or _NO_DATE)
    candidates = [
        candidate
        for candidate in in_quoted_speech(_scan(context), context)
        if today is not None or not candidate.relative
    ]
    chosen = _with_years(_with_modifiers(_longest(candidates), parse.text), context)
    chosen = _with_their_days(chosen, parse.text)
    return tuple(_record(candidate, context) for candidate in _complete(chosen, context))


def _scan(context: Context) -> list[Found]:
    """Run each rule only in windows around its trigger words: one pass over the tokens."""
    text = context.parse.text
    windows: list[list[tuple[int, int]]] = [[] for _ in _RULES]
    for token in context.parse.tokens:
        rules = _TRIGGERS.get(token.lower.rstrip("."), ())
        if _DIGIT.search(token.text):
            rules = rules + _DIGIT_RULES
        for index in rules:
            windows[index].append((max(0, token.start - _REACH), token.end + _REACH))
    found: list[Found] = []
    for index, spans in enumerate(windows):
        pattern, handler, _ = _RULES[index]
        for start, end in _merged(spans):
            for match in pattern.finditer(text, start, min(end, len(text))):
                found.extend((candidate, match, handler) for candidate in handler(match, context))
    return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # already in text order: tokens are
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _reference_date(parse: Parse, article: Article) -> date | None:
    written = article.date
    if written is None:
        inferred = infer_publication_date(parse)
        written = inferred[0] if inferred else None
    try:
        return date.fromisoformat(written[:10]) if written else None
    except ValueError:  # the pipeline validates dates; a bad one here is treated as missing
        return None


def _longest(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (ties: the earlier rule), in text order."""
    order = sorted(
        range(len(candidates)),
        key=lambda index: (candidates[index].start - candidates[index].end, index),
    )
    kept: list[Candidate] = []
    for index in order:
        candidate = candidates[index]
        if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda candidate: candidate.start)


def _with_modifiers(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Extend points with "the end of"/"early" and durations with "more than" (TIMEX3 mod)."""
    extended: list[Candidate] = []
    for candidate in candidates:
        floor = extended[-1].end if extended else 0
        window_start = max(floor, candidate.start - _MOD_REACH)
        window = text[window_start : candidate.start]
        opening = text[candidate.start : candidate.start + 4].lower()
        extended.append(_modified(candidate, window, window_start, counted=opening != "the "))
    return extended


def _modified(candidate: Candidate, window: str, window_start: int, *, counted: bool) -> Candidate:
    if candidate.mod is not None:
        return candidate
    calendar = candidate.type == "DATE" and candidate.value[:1].isdigit()
    match = _POINT_MOD.search(window) if calendar else None
    if match:
        word = (match["position"] or match["adjective"]).lower()
        return replace(candidate, start=window_start + match.start(), mod=POINT_MODS[word])
    # "over the past week" is a span, not a quantity: only counted durations take "more than".
    match = _QUANTITY_MOD.search(window) if candidate.type == "DURATION" and counted else None
    if match:
        word = " ".join(match["quantity"].lower().split())
        return replace(candidate, start=window_start + match.start(), mod=QUANTITY_MODS[word])
    return candidate


def _with_years(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """A month or day without a year takes the year of the date it is coordinated with
    ("April and May 2019"), else a year written just before it ("in 2022, in November")."""
    year: tuple[int, str] | None = None  # (end offset, year)
    completed: list[Candidate] = []
    text = context.parse.text
    for index, candidate in enumerate(candidates):
        if not candidate.relative and _YEARLY.match(candidate.value):
            year = (candidate.end, candidate.value[:4])
        elif candidate.rule in _YEARLESS and (listed := _list_year(index, candidates, text)):
            candidate = _in_year(candidate, listed, candidate.end)
        elif candidate.rule in _YEARLESS and year:
            anaphor = _THAT_YEAR.match(context.parse.text, candidate.end)
            near = year[0] >= candidate.start - _YEAR_REACH
            # "... since 1980. In September, it announced": a sentence ends the year's reach
            if near and context.sentence_of(year[0] - 1) != context.sentence_of(candidate.start):
                near = False
            if anaphor or near:
                end = anaphor.end() if anaphor else candidate.end
                candidate = _in_year(candidate, year[1], end)
        completed.append(candidate)
    return completed


def _with_their_days(candidates: list[Candidate], text: str) -> list[Candidate]:
    """A clock time and the day written right after it are one TIME: "10 p.m. Wednesday",
    "noon Saturday", "5 p.m. EST, Nov. 6" (TimeML, and TimeBank's annotation; issue 13)."""
    merged: list[Candidate] = []
    for candidate in candidates:
        clock = merged[-1] if merged else None
        if (
            clock is not None
            and clock.type == "TIME"
            and clock.value.startswith(relative.TIME_PREFIX)
            and candidate.type == "DATE"
            and _is_day(candidate.value)
            and _CLOCK_TO_DAY.fullmatch(text, clock.end, candidate.start)
        ):
            value = candidate.value[:10] + clock.value
            relative_value = clock.relative and candidate.relative
            merged[-1] = replace(
                clock, end=candidate.end, value=value, rule="clock_day", relative=relative_value
            )
            continue
        merged.append(candidate)
    return merged


def _list_year(index: int, candidates: list[Candidate], text: str) -> str | None:
    """The year written after a list of months or days: "April and May 2019", "June to August
    2017", "July or August this year" (a relative year covers the list too; issue 13)."""
    for previous, following in zip(candidates[index:], candidates[index + 1 :], strict=False):
        between = text[previous.end : following.start]
        relative_year = following.rule == "unit_relation" and len(following.value) == 4
        if not (
            _COORDINATION.fullmatch(between)
            or (relative_year and _BEFORE_RELATIVE_YEAR.fullmatch(between))
        ):
            return None
        if following.rule in _YEARLESS:
            continue
        if (not following.relative or relative_year) and _YEARLY.match(following.value):
            return following.value[:4]
        return None
    return None


def _in_year(candidate: Candidate, year: str, end: int) -> Candidate:
    value = year + candidate.value[4:]
    if interval(value) is None:  # February 29 of a common year stays as it was
        return candidate
    return replace(candidate, end=end, value=value, relative=False)


def _complete(candidates: list[Candidate], context: Context) -> list[Candidate]:
    """Fill "the next day" from the last day named before it, and clock times with their day."""
    completed: list[Candidate] = []
    last_day: date | None = None
    last_quarter: tuple[int, int] | None = None
    last_year = f"{context.today.year:04d}"
    for candidate in candidates:
        if candidate.value == relative.YEAR_PREFIX:
            candidate = replace(candidate, value=last_year)
        elif not candidate.relative and _YEARLY.match(candidate.value):
            last_year = candidate.value[:4]
        if candidate.value.startswith(relative.QUARTER_PREFIX):
            value = _quarter(candidate.value, last_quarter, context.today)
            if candidate.value.startswith(relative.QUARTER_PREFIX + "+"):
                last_quarter = _named_quarter(value) or last_quarter
            candidate = replace(candidate, value=value)
        elif _named_quarter(candidate.value):
            last_quarter = _named_quarter(candidate.value)
        if candidate.value.startswith(relative.ANCHOR_PREFIX):
            shift = int(candidate.value.removeprefix(relative.ANCHOR_PREFIX))
            base = last_day or context.today
            candidate = replace(candidate, value=(base + timedelta(days=shift)).isoformat())
        elif candidate.type == "TIME" and candidate.value.startswith(relative.TIME_PREFIX):
            day = _day_of(candidate, candidates, context)
            candidate = replace(candidate, value=day + candidate.value)
        if _is_day(candidate.value):
            last_day = date.fromisoformat(candidate.value[:10])
        completed.append(candidate)
    return completed


def _quarter(marker: str, named: tuple[int, int] | None, today: date) -> str:
    """The value of a quarter reference (see relative.QUARTER_PREFIX) after ``named``."""
    shift, fallback, year, number = marker.removeprefix(relative.QUARTER_PREFIX).split("|")
    if named is None and fallback:
        return fallback
    if named is None:  # the last quarter completed before the reference date
        index = today.year * 4 + (today.month - 1) // 3 - 1
        named = (index // 4, index % 4 + 1)
    quarter_year = int(year) if year else named[0]
    quarter = int(number) if number else named[1]
    return f"{quarter_year + int(shift) // 4:04d}-Q{quarter}"


def _named_quarter(value: str) -> tuple[int, int] | None:
    match = _QUARTER_VALUE.fullmatch(value)
    return (int(match[1]), int(match[2])) if match else None


def _day_of(time: Candidate, candidates: list[Candidate], context: Context) -> str:
    """The day a clock time falls on: the nearest day named in its sentence, else the last one
    named in the sentence before (the story's narrative day), else the reference date."""
    sentence = context.sentence_of(time.start)
    days = [candidate for candidate in candidates if _is_day(candidate.value)]
    text = context.parse.text
    same = [
        day
        for day in days
        if context.sentence_of(day.start) == sentence
        and "\n\n" not in text[min(day.start, time.start) : max(day.end, time.end)]
    ]  # a paragraph break ends a sentence even where the parser missed it
    if same:
        return min(same, key=lambda day: _distance(day, time)).value[:10]
    before = [day for day in days if context.sentence_of(day.start) == sentence - 1]
    return before[-1].value[:10] if before else context.today.isoformat()


def _distance(one: Candidate, other: Candidate) -> int:
    return max(one.start - other.end, other.start - one.end, 0)


def _is_day(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def _record(candidate: Candidate, context: Context) -> TimeExpr:
    return TimeExpr(
        article_id=context.parse.article_id,
        start=candidate.start,
        end=candidate.end,
        text=context.parse.text[candidate.start : candidate.end],
        type=candidate.type,
        value=candidate.value,
        sentence=context.sentence_of(candidate.start),
        rule=candidate.rule,
        mod=candidate.mod,
    )
