"""Date each event from the time expression that governs it, else from the publication date."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace
from datetime import date

from newsevents.model import Article, Event, Mode, Parse, TimeExpr, Token
from newsevents.timeml import Interval, interval

# Issue 5 and the event issue: an event dated more than about a year before its story is news
# about the past (an anniversary, a war, an earlier treaty), not a new event. A year and a day,
# so that "last year" (a year-precision date ending at most 366 days earlier) is not historical.
HISTORICAL_AFTER_DAYS = 366
# Modes the analyst already knows to be unreal: a negated or hypothetical event has no past.
_KEEP_MODES: frozenset[Mode] = frozenset({"negated", "hypothetical"})
# Durations and sets say how long or how often, not when: only DATE and TIME values date events.
_DATING_TYPES = frozenset({"DATE", "TIME"})
# Dependency links between a time expression's head and its event's trigger (measured: 1-4).
_MAX_CLIMB = 8
_VERBAL = frozenset({"VERB", "AUX"})


def date_events(
    events: tuple[Event, ...],
    *,
    parse: Parse,
    article: Article,
    timexes: tuple[TimeExpr, ...],
) -> tuple[Event, ...]:
    """Give every event a date, a precision and the words the date came from.

    The date comes from the time expression attached to the event's trigger in the parse, else
    one in the same clause, else the nearest one before the trigger in the sentence; failing all
    three, from the publication date (precision "day", no date text).
    """
    publication = _publication(article)
    by_sentence: dict[int, list[tuple[TimeExpr, Interval]]] = defaultdict(list)
    for timex in timexes:
        span = interval(timex.value) if timex.type in _DATING_TYPES else None
        if span is not None:
            by_sentence[timex.sentence].append((timex, span))
    starts = [token.start for token in parse.tokens]
    return tuple(
        _dated(event, _Sentence(parse, starts, by_sentence.get(event.sentence, [])), publication)
        for event in events
    )


def _publication(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.date[:10]) if article.date else None
    except ValueError:  # validated by ingest; a bad date here dates nothing
        return None


class _Sentence:
    """The parse around one event: tokens by offset and the sentence's calendar timexes."""

    def __init__(
        self, parse: Parse, starts: list[int], timexes: list[tuple[TimeExpr, Interval]]
    ) -> None:
        self.parse = parse
        self.starts = starts
        self.timexes = timexes

    def token_at(self, offset: int) -> Token | None:
        index = bisect_right(self.starts, offset) - 1
        return self.parse.tokens[index] if index >= 0 else None

    def head_of(self, start: int, end: int) -> Token | None:
        """The token of ``[start, end)`` whose head lies outside it."""
        first = self.token_at(start)
        if first is None:
            return None
        for token in self.parse.tokens[first.i :]:
            if token.start >= end:
                break
            head = self.parse.tokens[token.head]
            if token.head == token.i or not start <= head.start < end:
                return token
        return first

    def climb(self, token: Token, goal: Token) -> int | None:
        """How many links up from ``token`` ``goal`` is, or None when it is not above it."""
        for steps in range(1, _MAX_CLIMB + 1):
            if token.head == token.i:
                return None
            token = self.parse.tokens[token.head]
            if token.i == goal.i:
                return steps
        return None

    def clause(self, token: Token) -> int:
        """The index of the verb that heads ``token``'s clause (the root if none)."""
        for _ in range(_MAX_CLIMB):
            if token.pos in _VERBAL or token.head == token.i:
                return token.i
            token = self.parse.tokens[token.head]
        return token.i


def _dated(event: Event, sentence: _Sentence, publication: date | None) -> Event:
    found = _governing(event, sentence)
    if found is None:
        if publication is None:
            return event
        return replace(event, date=publication.isoformat(), date_precision="day", date_text=None)
    timex, span = found
    mode = event.mode
    if mode not in _KEEP_MODES and _historical(span, publication):
        mode = "historical"
    return replace(
        event, date=span.text, date_precision=span.precision, date_text=timex.text, mode=mode
    )


def _historical(span: Interval, publication: date | None) -> bool:
    """Ended more than ``HISTORICAL_AFTER_DAYS`` before publication (the last day counts)."""
    return publication is not None and (publication - span.last).days > HISTORICAL_AFTER_DAYS


def _governing(event: Event, sentence: _Sentence) -> tuple[TimeExpr, Interval] | None:
    """Attached to the trigger, else in its clause, else the nearest before it in the sentence."""
    if not sentence.timexes:
        return None
    start = event.trigger_start if event.trigger_start is not None else event.start
    end = event.trigger_end if event.trigger_end is not None else event.end
    trigger = sentence.head_of(start, end)
    if trigger is None:
        return None
    heads = [(pair, sentence.head_of(pair[0].start, pair[0].end)) for pair in sentence.timexes]
    attached = [
        (steps, pair)
        for pair, head in heads
        if head is not None and (steps := sentence.climb(head, trigger)) is not None
    ]
    if attached:
        return min(attached, key=lambda item: item[0])[1]
    clause = sentence.clause(trigger)
    same = [pair for pair, head in heads if head is not None and sentence.clause(head) == clause]
    if same:
        return min(same, key=lambda pair: abs(pair[0].start - trigger.start))
    before = [pair for pair in sentence.timexes if pair[0].end <= trigger.start]
    return max(before, key=lambda pair: pair[0].end) if before else None
