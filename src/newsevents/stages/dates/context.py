"""What the time rules may ask of an article: its reference date, tokens, NER and verb tense."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsevents.model import Parse, TimexType, Token

# "upcoming": a time something is planned for in a clause about the future ("will suspend drills
# planned for August"), read as the next one from the reference date, never the last (issue 5).
Tense = Literal["past", "perfect", "present", "future", "upcoming"]

# Auxiliaries that put a clause in the future, or in the future of a past report ("would").
_FUTURE_AUX = frozenset(
    {"will", "'ll", "shall", "wo", "would", "going", "could", "may", "might", "must", "should"}
)
# Verbs whose complement happens later than they do ("plans to visit on Monday").
_PROSPECTIVE = frozenset(
    {"plan", "schedule", "expect", "intend", "aim", "prepare", "hope", "want", "set", "due"}
)
# Participles that name the time a plan points at: "drills planned for August", "talks
# scheduled for Monday", "a vote set for March", "the report due in May".
_PLANNED = frozenset({"plan", "schedule", "set", "slate", "due", "expect"})
# Words that say when something is to take effect, whatever the clause's tense: "declared a
# dividend payable Dec. 7", "named chairman, effective Feb. 1" (TimeBank study part, issue 13).
_FORWARD = frozenset({"payable", "effective", "due", "expiring", "starting"})
# Reporting verbs in the present tense still report something that already happened.
_REPORTING = frozenset({"say", "tell", "announce", "report", "confirm", "state", "add", "note"})
_VERBAL = frozenset({"VERB", "AUX"})
_PRESENT = frozenset({"VBZ", "VBP", "VBG"})
# Clauses whose bare infinitive takes its time from the verb above: "travelled ... to reach".
_DEPENDENT = frozenset({"xcomp", "advcl", "ccomp", "conj"})
# Clauses whose bare infinitive or participle ("closing unchanged Friday", "a premium
# representing ...") takes its time from the verb above (TimeBank study part, issue 13).
_PARTICIPIAL = _DEPENDENT | {"acl", "relcl", "advmod", "npadvmod", "pcomp"}
# How far up the dependency tree a time expression may sit below its verb (measured: 1-4 links).
_MAX_CLIMB = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """A time expression found by one rule, before overlaps are resolved."""

    start: int
    end: int
    type: TimexType
    value: str
    rule: str
    mod: str | None = None
    relative: bool = False  # the value depends on the reference (publication) date


Handler = Callable[[re.Match[str], "Context"], list[Candidate]]


@dataclass(frozen=True, slots=True)
class Context:
    """One article as the rules see it: cleaned text, tokens by offset, the reference date."""

    parse: Parse
    today: date
    starts: tuple[int, ...]

    @classmethod
    def of(cls, parse: Parse, today: date) -> Context:
        return cls(parse, today, tuple(token.start for token in parse.tokens))

    def token_at(self, offset: int) -> Token | None:
        """The token that starts at or covers ``offset``, if any."""
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        token = self.parse.tokens[index]
        return token if offset < token.end else None

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        return self.parse.tokens[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def token_after(self, offset: int) -> Token | None:
        """The first token starting at or after ``offset``."""
        index = bisect_left(self.starts, offset)
        return self.parse.tokens[index] if index < len(self.parse.tokens) else None

    def word_before(self, offset: int) -> str:
        """The lower-cased token that ends before ``offset`` (blank at the start of the text)."""
        index = bisect_left(self.starts, offset) - 1
        while index >= 0 and self.parse.tokens[index].is_space:
            index -= 1
        return self.parse.tokens[index].lower if index >= 0 else ""

    def sentence_of(self, offset: int) -> int:
        token = self.token_after(offset)
        if token is not None:
            return token.sent
        return self.parse.tokens[-1].sent if self.parse.tokens else 0

    def head_of(self, start: int, end: int) -> Token | None:
        """The token of ``[start, end)`` whose syntactic head lies outside the span."""
        tokens = self.tokens_in(start, end)
        for token in tokens:
            head = self.parse.tokens[token.head]
            if not start <= head.start < end or token.head == token.i:
                return token
        return tokens[0] if tokens else None

    def tense(self, start: int, end: int) -> Tense:
        """The tense of the clause that the span ``[start, end)`` modifies."""
        if self.word_before(start) in _FORWARD:
            return "upcoming"  # "a dividend payable Dec. 7", "a pact effective June 1"
        verb = self._governing_verb(start, end)
        if verb is None:
            return "past"
        return self._verb_tense(verb)

    def _governing_verb(self, start: int, end: int) -> Token | None:
        token = self.head_of(start, end)
        for _ in range(_MAX_CLIMB):
            if token is None:
                return None
            if token.pos in _VERBAL and not start <= token.start < end:
                return token
            if token.head == token.i:
                return token if token.pos in _VERBAL else None
            token = self.parse.tokens[token.head]
        return None

    def _verb_above(self, verb: Token) -> Token | None:
        """The nearest verb above ``verb``, across adjectives: "fired a missile able to reach"."""
        token = verb
        for _ in range(3):
            if token.head == token.i:
                return None
            token = self.parse.tokens[token.head]
            if token.pos in _VERBAL:
                return token
        return None

    def _verb_tense(self, verb: Token, depth: int = 0) -> Tense:
        if verb.tag == "VBN" and verb.lemma in _PLANNED and depth == 0:
            return self._planned_tense(verb)
        auxiliaries = [
            child for child in self.parse.children(verb) if child.dep in ("aux", "auxpass")
        ]
        words = {child.lower for child in auxiliaries} | {verb.lower}
        if words & _FUTURE_AUX:
            return "future"
        if verb.tag == "VBD" or any(child.tag == "VBD" for child in auxiliaries):
            return "past"
        if verb.tag == "VBN" and any(child.lemma == "have" for child in auxiliaries):
            return "perfect"
        head = self.parse.tokens[verb.head]
        if verb.dep == "xcomp" and head.lemma in _PROSPECTIVE:
            return "past" if head.tag == "VBD" and verb.tag != "VB" else "future"
        bare = verb.tag == "VB" or (verb.tag == "VBG" and not auxiliaries)
        if bare and verb.dep in _PARTICIPIAL and depth < 3:
            # "were ordered to leave on Saturday"; "has slumped, closing unchanged Friday"
            above = self._verb_above(verb)
            if above is not None:
                return self._verb_tense(above, depth + 1)
        present = verb.tag in _PRESENT or any(child.tag in _PRESENT for child in auxiliaries)
        if present and verb.lemma not in _REPORTING:
            return "present"  # "talks resume Monday", "marches are planned for Saturday"
        return "present" if verb.tag == "VB" else "past"

    def _planned_tense(self, verb: Token) -> Tense:
        """The tense of a time a plan points at: after the planning, so never moved back.

        The plan's clause decides how far ahead: a future or present clause ("will suspend
        drills planned for August", "talks are scheduled for Monday") wants the next one; a
        past one ("the drills, which had been planned for August") the nearest, on either side.
        """
        clause: Token | None = verb
        if verb.dep in ("acl", "relcl", "amod"):
            clause = self._verb_above(verb)  # the verb of the noun the participle describes
        if clause is None:
            return "upcoming"
        tense = self._verb_tense(clause, 1) if clause is not verb else self._own_tense(verb)
        return "present" if tense in ("past", "perfect") else "upcoming"

    def _own_tense(self, verb: Token) -> Tense:
        """Past when the participle's own auxiliaries are: "were scheduled", "had been planned"."""
        auxiliaries = [
            child for child in self.parse.children(verb) if child.dep in ("aux", "auxpass")
        ]
        if {child.lower for child in auxiliaries} & _FUTURE_AUX:
            return "future"
        return "past" if any(child.tag == "VBD" for child in auxiliaries) else "present"
