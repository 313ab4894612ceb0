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
    {
        "xcomp", "conj", "pcomp", "pobj", "prep", "acomp", "dobj", "ccomp", "nsubj", "nsubjpass",
        "acl",
    }
)  # fmt: skip
# Complements of an appeal, demand or denial that have not happened: "urged X to leave",
# "demanded that she resign", "denied that civilians were targeted" (whole articles, issue 4).
_UNREALIZED_DEPS = frozenset({"xcomp", "pcomp", "pobj", "ccomp"})
# "If" and "unless" clauses make their governing event conditional; "even if" does not.
_CONDITIONS = frozenset({"if", "unless"})
_CONCESSIVE = "even"
# Determiners of a subject that make a clause generic: "any country helping Iran".
_GENERIC_DETERMINERS = frozenset({"any"})
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
        if current.dep == "acl" and governor.pos in ("NOUN", "PROPN"):
            return _noun_governed(index, governor)
        if current.dep == "xcomp" and lemma in FUTURE_GOVERNORS:
            return "future"
        if current.dep in _UNREALIZED_DEPS and lemma in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        current = governor
    return "asserted"


def _noun_governed(index: ArticleIndex, noun: Token) -> Mode:
    """The mode a noun gives the clause that modifies it: "no plans to send", "demands that"."""
    mode = _noun_mode(index, noun)
    if mode != "asserted":
        return mode
    lemma = noun.lemma.lower()
    if lemma in FUTURE_GOVERNORS:
        return "future"
    if lemma in HYPOTHETICAL_GOVERNORS or _generic(index, noun):
        return "hypothetical"
    return "asserted"


def _generic(index: ArticleIndex, noun: Token) -> bool:
    return any(
        child.dep == "det" and child.lower in _GENERIC_DETERMINERS
        for child in index.tokens_of(noun.i)
    )


def _conditional(index: ArticleIndex, clause: Token) -> bool:
    """``clause`` is an "if" or "unless" adverbial clause (not a concessive "even if")."""
    marks = [child for child in index.tokens_of(clause.i) if child.dep == "mark"]
    if not any(mark.lower in _CONDITIONS for mark in marks):
        return False
    return not any(child.lower == _CONCESSIVE for child in index.tokens_of(clause.i))


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
        elif child.dep == "advcl" and _conditional(index, child):
            mode = "hypothetical"  # "would consider sanctions if the ceasefire did not hold"
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
