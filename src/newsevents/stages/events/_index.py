"""Per-article lookups the coder needs: children, the entity of each token, resolved actor codes."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newsevents.model import Entity, Parse, Quote, Token
from newsevents.stages.events._grammar import ROLE_CODES

# Pronoun chains are short; the cap only guards against a cyclic antecedent list.
_MAX_ANTECEDENT_HOPS = 8
# Personal pronouns the actor stage left unresolved ("during his visit") take the nearest
# preceding person within this many sentences: a fallback measured on the seed and dev set.
_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
_PRONOUN_REACH = 2
# "We" and "I" inside a quotation are its speaker.
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


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
    token_ends: tuple[int, ...] = ()  # end offset per token, for bisecting offsets

    def tokens_of(self, i: int) -> tuple[Token, ...]:
        tokens = self.parse.tokens
        return tuple(tokens[j] for j in self.children[i])

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

    def speaker_at(self, offset: int) -> str | None:
        """The actor who speaks at ``offset``: the speaker of a quote that covers it."""
        for start, end, actor in self.speakers:
            if start <= offset < end:
                return actor
        return None

    def _pronoun(self, i: int) -> Mention | None:
        token = self.parse.tokens[i]
        if token.pos != "PRON":
            return None
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
    )


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
