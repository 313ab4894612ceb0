"""Pair quotation marks into quoted spans, paragraph by paragraph, recovering from broken marks.

Works on characters only (no tokens): the cleaned text, where every double mark is ``"`` and every
single mark is ``'``, and the original text, whose typographic marks tell openers from closers.
A quote never crosses a paragraph boundary (a newline); a quote that news convention continues
into the next paragraph is returned as one span per paragraph, linked by ``group``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.model import Problem

OPEN, CLOSE, EITHER = 1, -1, 0

# Typographic marks whose direction is known (Unicode general categories Pi/Ps and Pf/Pe).
_OPENING_MARKS = frozenset("\u201c\u201e\u00ab\u2018\u201a\u2039")
_CLOSING_MARKS = frozenset("\u201d\u00bb\u203a")
# Characters before an opening mark, or after a closing one, besides whitespace.
_BEFORE_OPENER = frozenset("([{\u2014\u2013-/:")
_AFTER_CLOSER = frozenset(".,;:!?)]}\u2014\u2013-\u2026")
# Elisions that start with an apostrophe and are not quotes: '90s, 'em, 'til, 'n', 'tis.
_ELISION = re.compile(r"'(?:\d\ds?\b|em\b|til\b|cause\b|n\b|tis\b|twas\b)", re.IGNORECASE)
_PARAGRAPH = re.compile(r"[^\n]+")
# An unclosed quote ends where its attribution starts: '"We will win, he said.' (a closing mark
# dropped before the comma is the commonest breakage in machine-translated copy).
_ATTRIBUTION = re.compile(
    r",\s+(?:he|she|they|we|it|the \w+|[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)\s+"
    r"(?:said|says|added|told|wrote|warned|asked|stressed|insisted|declared)\b"
)
# A quote needs at least one letter or digit inside; '""' and '" , "' are debris.
_WORDY = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quoted passage: ``[start, end)`` is the text between the marks, whitespace trimmed."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # None when recovered from an unclosed mark
    group: int  # spans of one quotation (continued over paragraphs) share a group


@dataclass(slots=True)
class _Mark:
    offset: int
    hint: int  # OPEN, CLOSE or EITHER


def find_quoted_spans(
    text: str, original: str, *, article_id: str | None, sentence_ends: tuple[int, ...] = ()
) -> tuple[tuple[QuotedSpan, ...], tuple[Problem, ...]]:
    """Return the quoted spans of cleaned ``text`` and warnings for marks that cannot be paired.

    Args:
        text: the cleaned text (ASCII marks), same length as ``original``.
        original: the article's text as given (typographic marks kept).
        article_id: copied into the problems.
        sentence_ends: sorted end offsets of the sentences; an unclosed mark is capped at the end
            of its sentence instead of the end of its paragraph.
    """
    scanner = _Scanner(text, original, article_id, sentence_ends)
    paragraphs = [(match.start(), match.end()) for match in _PARAGRAPH.finditer(text)]
    for index, (start, end) in enumerate(paragraphs):
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        scanner.scan_paragraph(start, end, next_start)
    return tuple(sorted(scanner.spans, key=lambda span: span.start)), tuple(scanner.problems)


class _Scanner:
    """Accumulates spans and problems over the paragraphs of one text."""

    def __init__(
        self, text: str, original: str, article_id: str | None, sentence_ends: tuple[int, ...]
    ) -> None:
        self.text = text
        self.original = original
        self.article_id = article_id
        self.sentence_ends = sentence_ends
        self.spans: list[QuotedSpan] = []
        self.problems: list[Problem] = []
        self.group = 0
        self.carry: int | None = None  # group of a quote the previous paragraph left open

    def scan_paragraph(self, start: int, end: int, next_start: int | None) -> None:
        carried, self.carry = self.carry, None
        # A continued quote resumes at the paragraph's first mark, which must open it.
        head = _skip_blanks(self.text, start, end)
        marks = self._double_marks(start, end)
        continues = self._continues(marks, next_start)
        last = marks.pop() if continues else None
        pairs, stray = _pair(marks)
        for opener, closer in pairs:
            chained = carried if opener.offset == head else None
            self._add(opener.offset, closer.offset, closer.offset, chained)
        for mark in stray:
            self._recover(mark, start, end)
        if last is not None:
            chained = carried if last.offset == head else None
            self.carry = self._add(last.offset, end, None, chained)
        self._single_quotes(start, end)

    def _double_marks(self, start: int, end: int) -> list[_Mark]:
        marks: list[_Mark] = []
        position = self.text.find('"', start, end)
        while position != -1:
            marks.append(_Mark(position, self._hint(position, start, end)))
            position = self.text.find('"', position + 1, end)
        return marks

    def _hint(self, position: int, start: int, end: int) -> int:
        mark = self.original[position]
        if mark in _OPENING_MARKS:
            return OPEN
        if mark in _CLOSING_MARKS:
            return CLOSE
        before = self.text[position - 1] if position > start else " "
        after = self.text[position + 1] if position + 1 < end else " "
        open_left = before.isspace() or before in _BEFORE_OPENER
        close_right = after.isspace() or after in _AFTER_CLOSER
        if open_left and not close_right:
            return OPEN
        if close_right and not open_left:
            return CLOSE
        return EITHER

    def _continues(self, marks: list[_Mark], next_start: int | None) -> bool:
        """News convention: an odd paragraph whose last mark opens, then a paragraph opening one."""
        if len(marks) % 2 == 0 or marks[-1].hint == CLOSE or next_start is None:
            return False
        return self.text[next_start] == '"'

    def _add(
        self, open_mark: int, limit: int, close_mark: int | None, group: int | None = None
    ) -> int | None:
        """Add the span between ``open_mark`` and ``limit``; return its group (None if empty)."""
        start = _skip_blanks(self.text, open_mark + 1, limit)
        end = limit
        # American style puts the comma that ends the attributed part inside the marks.
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ",;:"):
            end -= 1
        if not _WORDY.search(self.text, start, end):
            return None
        if group is None:
            self.group += 1
            group = self.group
        self.spans.append(QuotedSpan(start, end, open_mark, close_mark, group))
        return group

    def _recover(self, mark: _Mark, start: int, end: int) -> None:
        following = _skip_blanks(self.text, mark.offset + 1, end)
        # A mark with blanks on both sides opens when words follow it ('as " very good').
        if mark.hint == CLOSE or (
            mark.hint == EITHER and not self.text[following : following + 1].isalnum()
        ):
            self._warn("W602", "stray closing quotation mark ignored", mark.offset, mark.offset + 1)
            return
        limit = self._sentence_end(mark.offset, end)
        attribution = _ATTRIBUTION.search(self.text, mark.offset, limit)
        if attribution is not None:
            limit = attribution.start()
        self._add(mark.offset, limit, None)
        self._warn(
            "W601",
            "unclosed quotation mark: quote capped at the end of its sentence",
            mark.offset,
            limit,
        )

    def _sentence_end(self, offset: int, paragraph_end: int) -> int:
        for sentence_end in self.sentence_ends:
            if sentence_end > offset + 1:
                return min(sentence_end, paragraph_end)
        return paragraph_end

    def _warn(self, code: str, message: str, start: int, end: int) -> None:
        self.problems.append(
            Problem(self.article_id, "quotes", code, message, "warning", start=start, end=end)
        )

    def _single_quotes(self, start: int, end: int) -> None:
        """Single marks quote only outside double-quoted spans (inside they are nested quotes)."""
        covered = [(s.open_mark, s.end) for s in self.spans if start <= s.open_mark < end]
        position = self.text.find("'", start, end)
        while position != -1:
            resume = position + 1
            if self._single_opens(position, start) and not _inside(position, covered):
                closer = self._single_closer(position, end)
                if closer is None:
                    self._warn("W603", "unclosed single quotation mark ignored", position, resume)
                else:
                    self._add(position, closer, closer)
                    resume = closer + 1
            position = self.text.find("'", resume, end)

    def _single_opens(self, position: int, start: int) -> bool:
        if self.original[position] in _OPENING_MARKS:
            return True
        before = self.text[position - 1] if position > start else " "
        after = self.text[position + 1 : position + 2]
        if not (before.isspace() or before in _BEFORE_OPENER or before == '"'):
            return False
        return after.isalnum() and not _ELISION.match(self.text, position)

    def _single_closer(self, opener: int, end: int) -> int | None:
        """The first clear closer; a plural possessive (``ministers' talks``) as a last resort."""
        fallback: int | None = None
        position = self.text.find("'", opener + 1, end)
        while position != -1:
            before = self.text[position - 1]
            after = self.text[position + 1] if position + 1 < end else " "
            if not before.isspace() and (after.isspace() or after in _AFTER_CLOSER or after == '"'):
                if before.lower() != "s" or after in _AFTER_CLOSER:
                    return position
                fallback = fallback if fallback is not None else position
            position = self.text.find("'", position + 1, end)
        return fallback


def _skip_blanks(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _inside(position: int, covered: list[tuple[int, int]]) -> bool:
    return any(low <= position < high for low, high in covered)


def _pair(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], list[_Mark]]:
    """Pair marks in order; with an odd count, leave out the mark whose removal fits best."""
    if len(marks) % 2 == 0:
        return [(marks[i], marks[i + 1]) for i in range(0, len(marks), 2)], []
    best, best_score = len(marks) - 1, -(10**6)
    for index in range(len(marks)):
        rest = marks[:index] + marks[index + 1 :]
        score = sum(_fit(rest[i], rest[i + 1]) for i in range(0, len(rest), 2))
        # Ties go to the later mark: a missing closer at the end is the commonest breakage.
        if score >= best_score:
            best, best_score = index, score
    rest = marks[:best] + marks[best + 1 :]
    return [(rest[i], rest[i + 1]) for i in range(0, len(rest), 2)], [marks[best]]


def _fit(opener: _Mark, closer: _Mark) -> int:
    """How well two marks fit as opener and closer: +1 per agreeing hint, -2 per contradiction."""
    score = 0
    for hint, wanted in ((opener.hint, OPEN), (closer.hint, CLOSE)):
        if hint == wanted:
            score += 1
        elif hint == -wanted:
            score -= 2
    return score
