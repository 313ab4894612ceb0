"""Phrase entries of the actor dictionaries and the rules that pick a code by date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from newsevents.model import Actor

EntryKind = Literal["person", "country", "demonym", "capital", "org", "agent", "discard"]
CaseRule = Literal["any", "title", "upper"]

# Characters ignored when comparing a phrase with the tokens: TABARI joins words with "_",
# spaCy splits "Jong-un" into three tokens and the text may write "Kim Jong Un".
_IGNORED = re.compile(r"[\s_\-]+")
_WORD_SPLIT = re.compile(r"[\s_\-]+")
# CAMEO's "elites" role: former office holders (CAMEO manual, actor codes, ELI).
FORMER_ROLE = "ELI"
_COUNTRY_CODE = re.compile(r"^[A-Z]{3}")
# CAMEO sector and organization codes, which never start a country code (CAMEO manual, ch. 3).
_ROLES = "AGR BUS CRM CVL DEV EDU ELI ENV GOV HLH HRI INS JUD LAB LEG MED MIL MNC MOD NGM NGO"
ROLE_CODES = frozenset(
    (
        _ROLES + " OPP PTY RAD REB REF SEP SPY UAF COP IGO UNK CHR MUS JEW BUD HIN REL IMG SET"
    ).split()
)
# Provenance prefix of the Phoenix base layer's entries (``dictionaries/compile.py``).
BASE_PROVENANCE = "phoenix"
# Acronyms up to this long ("UN", "NATO", "U.N.") only match when written in capitals.
_ACRONYM = 5


# Token texts repeat across articles: caching these two pure functions halves matching time.
@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """Return the form used to compare phrases with tokens: lower case, no blanks or hyphens."""
    return _IGNORED.sub("", text).lower()


@lru_cache(maxsize=1 << 16)
def first_word(text: str) -> str:
    """Return the compact form of the first word of a phrase (the index key)."""
    for word in _WORD_SPLIT.split(text.strip()):
        if word:
            return word.lower()
    return ""


@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """One phrase of a dictionary with the codes it carries (several when date-restricted).

    Agents carry role codes written as TABARI does: ``~GOV`` follows a country code and
    ``NGO~`` precedes it.
    """

    text: str
    kind: EntryKind
    actors: tuple[Actor, ...]
    case: CaseRule = "title"
    role: str | None = None  # persons: the title of their main role; agents: the head noun
    partial: bool = False  # a surname alone: only matched on proper nouns
    story: bool = False  # discards: the phrase voids the whole article (TABARI "+")
    alone: bool = True  # agents: an actor on its own, not only after a country ("court")
    key: str = field(init=False, compare=False)  # the compact form matched against tokens
    first: str = field(init=False, compare=False)  # the index key: the first word

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", compact(self.text))
        object.__setattr__(self, "first", first_word(self.text))


def case_rule(phrase: str, *, common: bool = False) -> CaseRule:
    """The casing rule of a phrase: acronyms in capitals, names capitalized, nouns any case."""
    if phrase.replace(".", "").isupper() and len(phrase) <= _ACRONYM:
        return "upper"
    return "any" if common else "title"


def case_ok(entry: PhraseEntry, token_text: str) -> bool:
    """Check the casing rule of ``entry`` against the first matched token."""
    if entry.case == "any":
        return True
    if entry.case == "upper":
        return token_text.replace(".", "").isupper()
    head = token_text[:1]
    return head.isupper() or head.isdigit()


def _in_range(actor: Actor, date: str) -> bool:
    # Bounds may be partial ("2016-05", "2019"): compare the date at the bound's precision.
    since, until = actor.since, actor.until
    return (since is None or since <= date[: len(since)]) and (
        until is None or date[: len(until)] <= until
    )


def _latest(actors: tuple[Actor, ...]) -> Actor:
    # An open end is the most recent; among closed ones, the latest end wins.
    return max(actors, key=lambda a: (a.until is None, a.until or "", a.since or ""))


def select_actor(entry: PhraseEntry, date: str | None) -> Actor | None:
    """Pick the code of ``entry`` valid on ``date`` (ISO), as TABARI date restrictions do.

    Restricted codes are tried first, then the entry's default (unrestricted) code. With no
    date, the latest role wins. A person out of office (between roles or past every role)
    is the elite of the last role's country (``USAELI``); before every role, no code.
    """
    restricted = tuple(a for a in entry.actors if a.since is not None or a.until is not None)
    default = next((a for a in entry.actors if a.since is None and a.until is None), None)
    if date is None:
        return _latest(restricted) if restricted else default
    for actor in restricted:
        if _in_range(actor, date):
            return actor
    if default is not None or entry.kind != "person" or not restricted:
        return default
    # Between two roles or after the last one, the latest role that ended is the elite code.
    ended = tuple(a for a in restricted if a.until is not None and a.until < date)
    return former(_latest(ended)) if ended else None


@lru_cache(maxsize=1 << 12)  # a few hundred distinct codes, asked about for every mention
def country_of(code: str) -> str | None:
    """Return the leading country code of an actor code, or None for IGOs, NGOs and roles."""
    match = _COUNTRY_CODE.match(code)
    if match is None or match.group() in ROLE_CODES:
        return None
    return match.group()


def former(actor: Actor) -> Actor | None:
    """Return the elite code of a person whose roles ended (``USAGOV`` -> ``USAELI``)."""
    country = country_of(actor.code)
    if country is None:
        return None
    entry = f"{actor.entry} (former)" if actor.entry else None
    return Actor(country + FORMER_ROLE, actor.name, actor.until, None, actor.wikidata, entry)


# Domestic role codes that a reader places in a country from context ("the army" in a story
# about Sudan is SDNMIL); IGO, NGO, MNC and religion codes stand on their own.
_DOMESTIC = "AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI INS JUD LAB LEG MED MIL MOD OPP"
DOMESTIC_ROLES = frozenset((_DOMESTIC + " PTY RAD REB REF SEP SPY UAF").split())
# Of those, the state's own institutions, placed by the nearest country before them; the
# others (civilians, refugees, students) rather by where the sentence puts them.
STATE_ROLES = frozenset(["GOV", "MIL", "COP", "SPY", "JUD", "LEG"])


def from_base(actor: Actor) -> bool:
    """Whether a code comes from the Phoenix base layer, whose dated roles end about 2014."""
    return (actor.entry or "").startswith(BASE_PROVENANCE + ":")


def bare_role(code: str) -> str | None:
    """Return the leading role of a code with no country (``"GOV"``, ``"GOVMED"``), else None."""
    role = code[:3]
    return role if role in DOMESTIC_ROLES else None
