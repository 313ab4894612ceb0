"""Dictionary phrases in a parse, grouped into title phrases, and the mentions they become."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from newsevents.dictionaries.actor_entries import (
    FORMER_ROLE,
    PhraseEntry,
    case_ok,
    country_of,
    first_word,
    from_base,
    select_actor,
)
from newsevents.dictionaries.actors import ActorDictionaries
from newsevents.model import Parse, Token

# NER spans inside which a country word is not an actor ("the Korean War").
_OPAQUE_LABELS = frozenset({"EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
_NAME_POS = frozenset({"PROPN"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
MODIFIER_KINDS = frozenset({"country", "capital", "demonym", "org"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gen", "madam"})
_TITLE_MODIFIER_DEPS = frozenset({"amod", "compound"})
_POSSESSIVE_GAP = 3  # "'s" and up to two modifiers ("China's deputy permanent representative")
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT"})


# Agent nouns that are also abstract nouns: after a plain adjective ("firm opposition to the
# test") they are no actors; after "the" or a country adjective ("Venezuelan opposition") they are.
_ABSTRACT_AGENTS = frozenset({"opposition", "administration", "authority", "leadership"})


def _plain_adjective(token: Token) -> bool:
    return token.pos == "ADJ" and not token.ent_type


@dataclass(slots=True)
class Piece:
    """A dictionary phrase found at tokens ``[first, last)``."""

    first: int
    last: int
    entry: PhraseEntry


@dataclass(slots=True, eq=False)
class Mention:
    """A mention being resolved; becomes an ``Entity``."""

    first: int
    last: int
    label: str
    code: str | None = None
    rule: str | None = None
    wikidata: str | None = None
    role: str | None = None  # the title that "the <role>" may later refer back to
    names: frozenset[str] = frozenset()  # lower-case words of a person's name
    title_code: str | None = None  # the code the title alone gives an unknown person
    antecedent: Mention | None = None
    pieces: list[Piece] = field(default_factory=list)
    place: bool = False  # a place named where something happens ("in Kharkiv")
    surname: bool = False  # a person named by a surname alone ("Kim")
    # An agent that names an actor only when tied to a place or owner, or as a state
    # institution that acts ("a court in Nairobi", "the court ruled"; not "in court").
    tied: bool = False
    # Character offsets of a part of a token ("China" in "U.S.-China"), else the tokens'.
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Found:
    """The dictionary phrases of an article and the story-level discard that voids it, if any."""

    pieces: list[Piece]
    story_discard: str | None = None
    hidden: set[int] = field(default_factory=set)  # tokens a discard phrase covers


def token_texts(parse: Parse) -> list[str]:
    # Whitespace tokens end every phrase: phrases never run across lines.
    return ["" if token.pos == "SPACE" else token.text for token in parse.tokens]


def ner_owner(parse: Parse) -> list[int]:
    """Index of the NER span of each token, -1 when none."""
    owner = [-1] * len(parse.tokens)
    for index, span in enumerate(parse.spans):
        for i in range(span.first, span.last):
            owner[i] = index
    return owner


class _Matcher:
    """Left-to-right, longest-first dictionary matching with the context checks of each kind."""

    def __init__(self, parse: Parse, dictionaries: ActorDictionaries, date: str | None) -> None:
        self.parse = parse
        self.dictionaries = dictionaries
        self.date = date
        self.owner = ner_owner(parse)
        self.texts = token_texts(parse)
        self.persons: set[str] = set()  # persons already named in full in the article
        index = dictionaries.index
        # Most tokens have no hyphen or underscore: their first word is their lower case.
        self.starts = [
            bool(text)
            and (first_word(text) if "-" in text or "_" in text else text.lower()) in index
            for text in self.texts
        ]
        self.memo: dict[int, tuple[PhraseEntry, int] | None] = {}

    def acceptable(self, entry: PhraseEntry, first: int, last: int) -> bool:
        """Check casing, part of speech and named-entity context of a dictionary match."""
        tokens = self.parse.tokens
        # "the West": the casing rule applies to the name, not to the article before it.
        cased = first + 1 if entry.text[:4] == "the " and last - first > 1 else first
        if not case_ok(entry, tokens[cased].text):
            return False
        span = self.parse.spans[self.owner[first]] if self.owner[first] >= 0 else None
        if entry.kind == "agent":
            if entry.text in _ABSTRACT_AGENTS and first and _plain_adjective(tokens[first - 1]):
                return False
            head = tokens[last - 1]
            # The tagger reads "military" in "Myanmar's military seized" as an adjective.
            after_possessive = first > 0 and tokens[first - 1].tag == "POS"
            adjective = head.pos == "ADJ" and (head.dep in _NOMINAL_DEPS or after_possessive)
            return head.pos in NOUN_POS or adjective
        whole = span is not None and (span.first, span.last) == (first, last)
        if span is not None and span.label in _OPAQUE_LABELS and not whole:
            return False
        if entry.partial:
            part = span is not None and self._dyad_part(span.first, span.last, first, last)
            return self._surname_ok(entry, first, last, whole=whole or part or span is None)
        if entry.kind in ("country", "capital") and span is not None and span.label == "PERSON":
            return whole
        return True

    def _dyad_part(self, span_first: int, span_last: int, first: int, last: int) -> bool:
        """Whether ``[first, last)`` is a hyphenated part of a name span ("The Biden-Putin")."""
        tokens = self.parse.tokens
        before = first == span_first or tokens[first - 1].text == "-"
        if first == span_first + 1 and tokens[span_first].pos == "DET":
            before = True
        after = last == span_last or tokens[last].text == "-"
        hyphened = tokens[first - 1].text == "-" or (last < span_last and tokens[last].text == "-")
        return before and after and hyphened

    def _surname_ok(self, entry: PhraseEntry, first: int, last: int, *, whole: bool) -> bool:
        # A surname alone: the whole of a name ("Ivanka Trump" is not Trump), and a proper noun
        # unless the article named the person in full before (the tagger calls "Trump" a noun).
        tokens = self.parse.tokens
        names = all(token.pos in _NAME_POS or token.ent_type for token in tokens[first:last])
        known = any(actor.name in self.persons for actor in entry.actors)
        # A capitalized noun not after an article ("Trump accused", not "the Moon").
        noun = tokens[first].pos == "NOUN" and (first == 0 or tokens[first - 1].pos != "DET")
        return whole and (names or known or noun) and not self._after_first_name(first)

    def _after_first_name(self, first: int) -> bool:
        """Whether a name no dictionary knows comes right before ("Ivanka Trump" untagged)."""
        if first == 0:
            return False
        previous = self.parse.tokens[first - 1]
        return (
            previous.pos == "PROPN"
            and previous.text[:1].isupper()
            and not self.starts[first - 1]
            and previous.lower.rstrip(".") not in _HONORIFICS
        )

    def best(self, start: int) -> tuple[PhraseEntry, int] | None:
        """The longest acceptable phrase at ``start`` (memoized: ``overtaken`` looks ahead)."""
        if not self.starts[start]:
            return None
        if start not in self.memo:
            found = [
                (entry, end)
                for entry, end in self.dictionaries.find(self.texts, start)
                if self.acceptable(entry, start, end)
            ]
            self.memo[start] = self._in_office(found) if found else None
        return self.memo[start]

    def _in_office(self, found: list[tuple[PhraseEntry, int]]) -> tuple[PhraseEntry, int]:
        """Of persons sharing the longest phrase ("Kim"), the one in office on the date."""
        entry, end = found[0]
        if entry.kind != "person":
            return found[0]
        upper = not _base(entry)
        for other, other_end in found:
            if upper and _base(other):
                break  # the team's or a user's person is not overruled by a Phoenix namesake
            actor = select_actor(other, self.date) if other_end == end else None
            if other.kind == "person" and actor is not None and actor.code[3:] != FORMER_ROLE:
                return other, other_end
        return found[0]

    def overtaken(self, start: int, end: int) -> bool:
        """Whether a phrase starting inside ``(start, end)`` runs further ("the UN" in "the UN
        High Commissioner for Refugees")."""
        for inner in range(start + 1, end):
            found = self.best(inner)
            if found is not None and found[1] > end:
                return True
        return False

    def run(self) -> Found:
        found = Found([])
        i = 0
        for start in [index for index, starts in enumerate(self.starts) if starts]:
            if start < i:
                continue
            i = start
            match = self.best(i)
            if match is None or (match[1] - i > 1 and self.overtaken(i, match[1])):
                continue
            entry, end = match
            if entry.kind == "discard":
                found.hidden.update(range(i, end))
                if entry.story and found.story_discard is None:
                    found.story_discard = entry.text
            elif entry.kind == "person" and not entry.partial:
                self.persons.update(actor.name for actor in entry.actors)
            if entry.kind != "discard":
                found.pieces.append(Piece(i, end, entry))
            i = end
        return found


def _base(entry: PhraseEntry) -> bool:
    return any(from_base(actor) for actor in entry.actors)


def find_pieces(parse: Parse, dictionaries: ActorDictionaries, date: str | None) -> Found:
    """Find dictionary phrases left to right, longest first; discards hide what they cover.

    ``date`` (ISO) picks among persons who share a phrase the one in office.
    """
    return _Matcher(parse, dictionaries, date).run()


def _joinable(parse: Parse, left: Piece, right: Piece) -> bool:
    """Whether two pieces belong to one title phrase ("US" + "President" + "Donald Trump")."""
    if left.entry.kind == "person" and right.entry.kind != "agent":
        return False
    if right.entry.kind in MODIFIER_KINDS and left.entry.kind == "agent":
        return False
    gap = parse.tokens[left.last : right.first]
    # A portfolio between country and title: "Indian Environment Minister", "Saudi Energy
    # Minister" (the portfolio is no agent of its own).
    portfolio = len(gap) <= 2 and all(
        token.text[:1].isupper() and token.pos in NOUN_POS for token in gap
    )
    titled = left.entry.kind in MODIFIER_KINDS and right.entry.kind == "agent"
    if titled and (portfolio or _modifies(gap, right, limit=2)):
        return True
    if not gap or gap[0].tag != "POS":
        return not gap
    # "China's deputy ambassador", "Japan's new prime minister": the possessive's modifiers
    # of the title stay inside the phrase.
    return _modifies(gap[1:], right, limit=_POSSESSIVE_GAP - 1)


def _modifies(gap: Sequence[Token], right: Piece, *, limit: int) -> bool:
    """Whether ``gap`` is lower-case modifiers of the title ``right`` ("Saudi public
    prosecutor", "Ukrainian military spokesman", "China's deputy ambassador"); a modifier may
    modify the next one ("Turkey's family affairs minister")."""
    return len(gap) <= limit and all(
        token.text.islower() and token.dep in _TITLE_MODIFIER_DEPS and token.head > token.i
        for token in gap
    )


def groups(parse: Parse, pieces: Sequence[Piece]) -> Iterator[list[Piece]]:
    group: list[Piece] = []
    for piece in pieces:
        if group and not _joinable(parse, group[-1], piece):
            yield group
            group = []
        group.append(piece)
    if group:
        yield group


def combine(base: str | None, role: str) -> str | None:
    """Combine a country/organization code with a ``~ROLE`` or ``ROLE~`` agent code."""
    if role.endswith("~"):
        return role[:-1] + base if base else role[:-1]
    role = role.lstrip("~")
    if base is None:
        return None
    if len(base) == 3 and country_of(base) is not None:
        return base + role
    return base  # "State Department spokesman": USAGOV already says who
