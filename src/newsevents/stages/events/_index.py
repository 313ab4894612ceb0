"""Per-article lookups the coder needs: children, the entity of each token, resolved actor codes."""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from newsevents.model import Entity, Parse, Quote, Token
from newsevents.stages.events._grammar import ROLE_CODES

# Pronoun chains are short; the cap only guards against a cyclic antecedent list.
_MAX_ANTECEDENT_HOPS = 8
# Personal pronouns the actor stage left unresolved ("during his visit") take the nearest
# preceding person within this many sentences: a fallback measured on the seed and dev set.
_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
_PRONOUN_REACH = 2
# Mentions a personal pronoun can stand for (AGENT: "the North Korean leader").
_PERSON_LABELS = frozenset({"PERSON", "AGENT"})
# "We" and "I" inside a quotation are its speaker, "you" the one the quote is addressed to.
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_SECOND_PERSON = frozenset({"you", "your"})
# Where a reporting verb names whom it addresses: "asked Trump", "told him", "wrote to Moon".
_ADDRESSEE_DEPS = frozenset({"dobj", "dative"})


_GOVERNMENT = "GOV"


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor argument: the resolved code and the mention that expresses it."""

    actor: str
    entity: Entity
    token: int  # the argument's head token


@dataclass(frozen=True, slots=True)
class ArticleIndex:
    """Lookups built once per article in time linear in its tokens and entities."""

    parse: Parse
    children: tuple[tuple[int, ...], ...]
    entity_of: tuple[int, ...]  # entity index per token, -1 when none
    actors: tuple[str | None, ...]  # resolved actor code per entity (pronouns through antecedents)
    entities: tuple[Entity, ...]
    actor_sentences: frozenset[int]  # sentences with at least one coded actor
    speakers: tuple[tuple[int, int, str], ...] = ()  # (start, end, actor) of attributed quotes
    addressees: tuple[tuple[int, int, int], ...] = ()  # (start, end, token) of addressed quotes
    verbs: tuple[Token | None, ...] = ()  # the reporting verb of each quote
    child_tokens: tuple[tuple[Token, ...], ...] = ()  # ``children`` as tokens
    token_ends: tuple[int, ...] = ()  # end offset per token, for bisecting offsets

    def tokens_of(self, i: int) -> tuple[Token, ...]:
        return self.child_tokens[i]

    def child(self, i: int, deps: frozenset[str]) -> Token | None:
        for j in self.children[i]:
            if self.parse.tokens[j].dep in deps:
                return self.parse.tokens[j]
        return None

    def mention(self, i: int) -> Mention | None:
        """The coded actor whose mention covers token ``i``."""
        index = self.entity_of[i]
        if index < 0:
            return self._pronoun(i)
        actor = self.actors[index]
        return Mention(actor, self.entities[index], i) if actor else None

    def other_person(self, mention: Mention, exclude: set[str]) -> Mention | None:
        """The nearest person or agent before a pronoun ``mention`` whose actor is not excluded.

        Parties joined by "between" are distinct: in "the summit between him and the US
        president" the pronoun cannot be the president, so it takes the next candidate back.
        """
        token = self.parse.tokens[mention.token]
        if token.lower not in _PERSONAL_PRONOUNS:
            return None
        for index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[index]
            actor = self.actors[index]
            if entity.start >= token.start or not actor or actor in exclude:
                continue
            if token.sent - entity.sentence > _PRONOUN_REACH:
                return None
            if entity.label in _PERSON_LABELS:
                pronoun = dataclasses.replace(
                    mention.entity, actor=actor, rule="events:distinct-party", antecedent=index
                )
                return Mention(actor, pronoun, mention.token)
        return None

    def antecedent_token(self, i: int) -> Token | None:
        """The last token of the mention that the pronoun at token ``i`` refers back to."""
        position = self.entity_of[i]
        antecedent = self.entities[position].antecedent if position >= 0 else None
        if antecedent is None or not 0 <= antecedent < len(self.entities):
            return None
        last = bisect.bisect_left(self.token_ends, self.entities[antecedent].end)
        return self.parse.tokens[min(last, len(self.parse.tokens) - 1)]

    def speaker_at(self, offset: int) -> str | None:
        """The actor who speaks at ``offset``: the speaker of a quote that covers it."""
        for start, end, actor in self.speakers:
            if start <= offset < end:
                return actor
        return None

    def addressee_at(self, offset: int) -> Mention | None:
        """Whom the quote that covers ``offset`` is addressed to ("asked Trump: '...'")."""
        for start, end, i in self.addressees:
            if start <= offset < end and i >= 0 and self.entity_of[i] >= 0:
                return self.mention(i)
        return None

    def _pronoun(self, i: int) -> Mention | None:
        token = self.parse.tokens[i]
        if token.pos != "PRON":
            return None
        if token.lower in _SECOND_PERSON:
            addressee = self.addressee_at(token.start)
            if addressee is None:
                return None
            you = dataclasses.replace(
                addressee.entity,
                start=token.start,
                end=token.end,
                text=token.text,
                label="PRON",
                sentence=token.sent,
                rule="events:quote-addressee",
            )
            return Mention(addressee.actor, you, i)
        if token.lower in _FIRST_PERSON:
            actor = self.speaker_at(token.start)
            if actor is None:
                return None
            speaker = Entity(
                self.parse.article_id,
                token.start,
                token.end,
                token.text,
                "PRON",
                actor,
                token.sent,
                rule="events:quote-speaker",
            )
            return Mention(actor, speaker, i)
        if token.lower not in _PERSONAL_PRONOUNS:
            return None
        for index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[index]
            actor = self.actors[index]
            if entity.start >= token.start or not actor or entity.label != "PERSON":
                continue
            if token.sent - entity.sentence > _PRONOUN_REACH:
                return None
            pronoun = Entity(
                entity.article_id,
                token.start,
                token.end,
                token.text,
                "PRON",
                actor,
                token.sent,
                rule="events:nearest-person",
                antecedent=index,
            )
            return Mention(actor, pronoun, i)
        return None


def build_index(
    parse: Parse, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] = ()
) -> ArticleIndex:
    """Index ``parse``, ``entities`` and quote speakers of one article."""
    children: list[list[int]] = [[] for _ in parse.tokens]
    for token in parse.tokens:
        if token.head != token.i:
            children[token.head].append(token.i)
    actors = tuple(_resolve(entities, index) for index in range(len(entities)))
    verbs = tuple(reporting_verb(parse, quote) for quote in quotes)
    return ArticleIndex(
        parse=parse,
        children=tuple(tuple(group) for group in children),
        entity_of=_entity_of(parse, entities),
        actors=actors,
        entities=entities,
        actor_sentences=frozenset(
            entity.sentence for entity, actor in zip(entities, actors, strict=True) if actor
        ),
        speakers=tuple(
            (quote.start, quote.end, actor)
            for quote in quotes
            if (actor := party(quote.speaker_actor)) is not None
        ),
        token_ends=tuple(token.end for token in parse.tokens),
        addressees=tuple(
            (quote.start, quote.end, _addressee(parse, children, verb))
            for quote, verb in zip(quotes, verbs, strict=True)
            if party(quote.speaker_actor) is not None
        ),
        verbs=verbs,
        child_tokens=tuple(tuple(parse.tokens[j] for j in group) for group in children),
    )


def _addressee(parse: Parse, children: list[list[int]], verb: Token | None) -> int:
    """The token naming whom a quote is addressed to: its reporting ``verb``'s object, or -1."""
    if verb is None:
        return -1
    for j in children[verb.i]:
        child = parse.tokens[j]
        if child.dep in _ADDRESSEE_DEPS and child.pos != "ADP":
            return j
        if child.dep in ("dative", "prep") and child.lower == "to":
            for k in children[j]:
                if parse.tokens[k].dep == "pobj":
                    return k
    return -1


def reporting_verb(parse: Parse, quote: Quote) -> Token | None:
    """The token of ``quote``'s reporting verb, in its sentence or a neighbour."""
    if quote.verb is None:
        return None
    anchor = quote.speaker_start if quote.speaker_start is not None else quote.start
    sentences = parse.sentences
    if not sentences:
        return None
    first = sentences[max(quote.sentence - 1, 0)].first
    last = sentences[min(quote.sentence + 1, len(sentences) - 1)].last
    candidates = [token for token in parse.tokens[first:last] if token.lemma.lower() == quote.verb]
    return min(candidates, key=lambda token: abs(token.start - anchor), default=None)


def _entity_of(parse: Parse, entities: tuple[Entity, ...]) -> tuple[int, ...]:
    starts = [token.start for token in parse.tokens]
    entity_of = [-1] * len(parse.tokens)
    for index, entity in enumerate(entities):
        first = bisect.bisect_left(starts, entity.start)
        last = bisect.bisect_left(starts, entity.end)
        for i in range(first, last):
            # A longer mention found earlier (an AGENT phrase) keeps its tokens.
            if entity_of[i] < 0 or _length(entities[entity_of[i]]) < _length(entity):
                entity_of[i] = index
    return tuple(entity_of)


def _length(entity: Entity) -> int:
    return entity.end - entity.start


def _resolve(entities: tuple[Entity, ...], index: int) -> str | None:
    entity = entities[index]
    for _ in range(_MAX_ANTECEDENT_HOPS):
        if entity.actor or entity.antecedent is None:
            return party(entity.actor)
        if not 0 <= entity.antecedent < len(entities):
            return None
        entity = entities[entity.antecedent]
    return party(entity.actor)


def party(actor: str | None) -> str | None:
    """``actor`` if it can be an event party, None for a bare role code ("GOV", "~MIL")."""
    # "GOV", "GOVMED" and PETRARCH's "---GOV" are bare roles; "USAGOV" and "IGOUNO" are not.
    if not actor or actor.lstrip("~-")[:3] in ROLE_CODES:
        return None
    return actor


def same_party(source: Mention, target: Mention) -> bool:
    """One party on both sides: the same code, or a country and its own government ("India"
    struck what "New Delhi" described; whole-article error analysis, docs/events.md)."""
    a, b = sorted((source.actor, target.actor), key=len)
    return a == b or b == a + _GOVERNMENT
