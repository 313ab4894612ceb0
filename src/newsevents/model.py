"""The data model: frozen records that stages exchange, with article ids and character offsets.

Every offset is a Python string offset into ``Article.text`` exactly as the user gave it.
Cleaning is length-preserving (see ``stages/clean.py``), so offsets into the cleaned text
that the parser saw are offsets into the original text too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "month", "year"]
Mode = Literal["asserted", "negated", "hypothetical", "future", "historical"]
QuoteKind = Literal["direct", "indirect"]
Severity = Literal["error", "warning"]

MODES: tuple[Mode, ...] = ("asserted", "negated", "hypothetical", "future", "historical")


@dataclass(frozen=True, slots=True)
class Article:
    """One input record, validated. ``date`` is the publication date (YYYY-MM-DD) used."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    date_inferred: str | None = None  # how the date was inferred, None when given


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token, copied out of spaCy so nothing after the parse touches spaCy."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for the root)
    sent: int  # index of the sentence
    ent_iob: str  # "B", "I" or "O"
    ent_type: str  # NER label or ""
    whitespace: str  # the whitespace after the token

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_space(self) -> bool:
        return self.pos == "SPACE"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: character span and token range ``[first, last)``."""

    index: int
    start: int
    end: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Span:
    """A named-entity span found by the parser (before actor resolution)."""

    start: int
    end: int
    text: str
    label: str
    first: int  # first token index
    last: int  # token index after the span


@dataclass(frozen=True, slots=True)
class Parse:
    """The parser's view of one article: cleaned text, tokens, sentences, NER spans."""

    article_id: str
    text: str  # the cleaned text, same length as the article's text
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    spans: tuple[Span, ...]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.first : sentence.last]

    def children(self, token: Token) -> list[Token]:
        sentence = self.sentences[token.sent]
        return [
            other
            for other in self.tokens[sentence.first : sentence.last]
            if other.head == token.i and other.i != token.i
        ]


@dataclass(frozen=True, slots=True)
class Actor:
    """A dictionary entry: an actor code valid between two dates (inclusive, ISO, open if None)."""

    code: str
    name: str
    since: str | None = None
    until: str | None = None
    wikidata: str | None = None
    entry: str | None = None  # where the entry came from (dictionary and line, or "builtin:...")


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity or actor mention with its resolved CAMEO actor code (None when unknown)."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, ... or AGENT (sector noun), PRON (resolved pronoun)
    actor: str | None
    sentence: int
    rule: str | None = None  # the dictionary entry or resolution rule behind ``actor``
    antecedent: int | None = None  # index in the entity list of the mention it corefers with
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression normalized to a TimeML TIMEX3 value."""

    article_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    sentence: int
    rule: str | None = None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to a legal or institutional object: a UN resolution, committee, treaty."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # "unsc_resolution", "un_committee", "treaty", ...
    id: str  # normalized, e.g. "UNSCR 2397"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quotation with its speaker."""

    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_actor: str | None
    sentence: int
    verb: str | None = None  # the reporting verb's lemma
    event: int | None = None  # index in the article's event list of the statement event


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence."""

    article_id: str
    source: str | None
    target: str | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    mode: Mode
    sentence: int
    start: int  # the span of the words that express the event (trigger and arguments)
    end: int
    rule: str
    source_text: str | None = None
    target_text: str | None = None
    date: str | None = None
    date_precision: Precision | None = None
    date_text: str | None = None
    location: Location | None = None
    quote: int | None = None  # index in the article's quote list
    evidence: tuple[int, ...] = ()  # every sentence that reports it (one-a-story merge)
    trigger_start: int | None = None
    trigger_end: int | None = None
    # The sentence classifier's probability of the event's PentaClass (None without a classifier).
    class_score: float | None = None


@dataclass(frozen=True, slots=True)
class SentenceClass:
    """The sentence classifier's reading of one sentence: is there an event, and of which class.

    ``event`` is the probability that the sentence reports a codable event (None when the model
    was trained without event-free sentences); ``classes`` are the probabilities of PentaClass
    0-4 given an event (statements and appeals, verbal cooperation, material cooperation, verbal
    conflict, material conflict), summing to 1.
    """

    article_id: str
    sentence: int
    start: int
    end: int
    event: float | None
    classes: tuple[float, ...]
    model: str

    @property
    def best(self) -> int:
        """The most probable PentaClass."""
        return max(range(len(self.classes)), key=self.classes.__getitem__)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that went wrong with one record, or a warning about part of it."""

    article_id: str | None
    stage: str
    code: str
    message: str
    severity: Severity = "error"
    line: int | None = None  # input line number, when known
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Annotation:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    references: tuple[Reference, ...] = ()
    problems: tuple[Problem, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    classes: tuple[SentenceClass, ...] = ()


@dataclass(frozen=True, slots=True)
class Run:
    """Counts of one run. ``read == stored + quarantined`` always holds.

    ``stored`` counts records that are in the store after the run; ``duplicates`` is the part of
    them that was already there (same content hash), so a re-run stores nothing twice.
    """

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    events: int = 0
    warnings: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def balanced(self) -> bool:
        return self.read == self.stored + self.quarantined
