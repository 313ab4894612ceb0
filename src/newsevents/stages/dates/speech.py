"""Quoted speech with its own date: "yesterday" inside a quote dated Monday means Sunday."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newsevents.stages.dates.context import Candidate, Context, Handler

# A candidate with the match and the rule that produced it, so it can be read again.
Found = tuple[Candidate, re.Match[str], Handler]
# A quotation within one paragraph, after cleaning turned typographic quotes into ASCII ones.
_QUOTE = re.compile(r'"[^"\n]{3,}"')
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def in_quoted_speech(found: list[Found], context: Context) -> list[Candidate]:
    """Candidates, with relative ones inside a dated quote read against the quote's date.

    A quote is dated when its sentence names a day outside the quotation marks ("said on
    Monday: ..."); without one, the quote is read against the publication date like the rest.
    """
    quotes = [match.span() for match in _QUOTE.finditer(context.parse.text)]
    if not quotes:
        return [candidate for candidate, _, _ in found]
    spoken = _speech_days(found, quotes, context)
    candidates: list[Candidate] = []
    for candidate, match, handler in found:
        day = _day_of_quote(candidate, quotes, spoken) if candidate.relative else None
        if day is None or day == context.today:
            candidates.append(candidate)
            continue
        reread = handler(match, replace(context, today=day))
        candidates.extend(replace(item, rule=f"{item.rule}+quote") for item in reread)
    return candidates


def _speech_days(
    found: list[Found], quotes: list[tuple[int, int]], context: Context
) -> dict[int, date]:
    """For each quote (by index), the day named in its sentence outside the quotation marks."""
    days: dict[int, date] = {}
    for index, (start, end) in enumerate(quotes):
        sentence = context.sentence_of(start)
        named = [
            candidate
            for candidate, _, _ in found
            if candidate.type == "DATE"
            and _DAY.fullmatch(candidate.value)
            and not start <= candidate.start < end
            and context.sentence_of(candidate.start) == sentence
        ]
        if named:
            nearest = min(named, key=lambda candidate: abs(candidate.start - start))
            days[index] = date.fromisoformat(nearest.value)
    return days


def _day_of_quote(
    candidate: Candidate, quotes: list[tuple[int, int]], spoken: dict[int, date]
) -> date | None:
    for index, (start, end) in enumerate(quotes):
        if start <= candidate.start < end:
            return spoken.get(index)
    return None
