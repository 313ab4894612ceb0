"""Decide an event's mode: asserted, negated, hypothetical or future (historical comes later)."""

from __future__ import annotations

from newsevents.model import Mode, Token
from newsevents.stages.events._grammar import (
    CONDITIONAL_MARKS,
    FUTURE_GOVERNORS,
    FUTURE_MODALS,
    FUTURE_NOUN_MODIFIERS,
    HYPOTHETICAL_GOVERNORS,
    HYPOTHETICAL_MODALS,
    HYPOTHETICAL_NOUN_MODIFIERS,
    NEGATING_DETERMINERS,
    PRESUPPOSING_PREPS,
    REPORTING_VERBS,
)
from newsevents.stages.events._index import ArticleIndex

# Clause links along which a governing clause's modality reaches the event ("will try to meet").
_INHERITING_DEPS = frozenset(
    {"xcomp", "conj", "pcomp", "pobj", "prep", "acomp", "dobj", "ccomp", "nsubj", "nsubjpass"}
)
_MAX_DEPTH = 4


def event_mode(index: ArticleIndex, trigger: Token) -> Mode:
    """The mode of the event whose trigger is ``trigger`` (a verb or an event noun)."""
    if trigger.pos in ("NOUN", "PROPN"):
        mode = _noun_mode(index, trigger)
        if mode != "asserted":
            return mode
    tokens = index.parse.tokens
    current = trigger
    for _ in range(_MAX_DEPTH):
        mode = _clause_mode(index, current)
        if mode != "asserted":
            return mode
        if current.dep not in _INHERITING_DEPS or current.head == current.i:
            return "asserted"
        governor = tokens[current.head]
        lemma = governor.lemma.lower()
        if current.dep == "prep" and current.lower in PRESUPPOSING_PREPS:
            return "asserted"
        if current.dep == "ccomp" and lemma in REPORTING_VERBS:
            return "asserted"
        if current.dep == "xcomp" and lemma in FUTURE_GOVERNORS:
            return "future"
        if current.dep in ("xcomp", "pcomp", "pobj") and lemma in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        current = governor
    return "asserted"


def _noun_mode(index: ArticleIndex, noun: Token) -> Mode:
    for child in index.tokens_of(noun.i):
        word = child.lower
        if child.dep == "det" and word in NEGATING_DETERMINERS:
            return "negated"
        if child.dep in ("amod", "compound") and word in HYPOTHETICAL_NOUN_MODIFIERS:
            return "hypothetical"
        if child.dep in ("amod", "compound") and word in FUTURE_NOUN_MODIFIERS:
            return "future"
    return "asserted"


def _clause_mode(index: ArticleIndex, verb: Token) -> Mode:
    """Negation, modals and conditional marks attached to one clause head."""
    mode: Mode = "asserted"
    for child in index.tokens_of(verb.i):
        word = child.lower
        if child.dep == "neg" or word == "never":
            return "negated"
        if child.dep == "aux" and word in FUTURE_MODALS:
            mode = "future"
        elif child.dep == "aux" and word in HYPOTHETICAL_MODALS and mode == "asserted":
            mode = _backshifted(index, verb) if word == "would" else "hypothetical"
        elif child.dep == "mark" and word in CONDITIONAL_MARKS:
            mode = "hypothetical"
        elif child.dep == "advmod" and word == "when" and verb.tag in ("VBZ", "VBP"):
            mode = "hypothetical"  # "when it considers ...": a generic, not a reported event
        elif child.dep == "aux" and word == "going" and verb.tag == "VB":
            mode = "future"
    return mode


def _backshifted(index: ArticleIndex, verb: Token) -> Mode:
    """'Said X would visit' reports a plan (future); a bare 'would' is hypothetical."""
    governor = index.parse.tokens[verb.head]
    if verb.dep == "ccomp" and governor.lemma.lower() in REPORTING_VERBS and governor.tag == "VBD":
        return "future"
    return "hypothetical"
