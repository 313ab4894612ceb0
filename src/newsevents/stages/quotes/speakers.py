"""Give speakers the actor stage left uncoded a code from the article's other mentions (issue 13).

Two cases, both within one article: a name said again ('Bangemann' after 'West German Economics
Minister Martin Bangemann') takes the code of the last coded mention that contains its words; a
personal pronoun ('he added') takes the code of the nearest speaker before it that such a pronoun
can stand for (a person for 'he' and 'she', anyone for 'they').
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left

from newsevents.model import Entity, Quote

# Pronouns that stand for one person, and those that stand for a group or an organization.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them", "it", "we"})


def code_speakers(quotes: list[Quote], entities: tuple[Entity, ...]) -> list[Quote]:
    """``quotes`` in the same order, uncoded speakers coded where the article allows it."""
    coded = sorted(
        (entity for entity in entities if entity.actor is not None), key=lambda e: e.start
    )
    starts = [entity.start for entity in coded]
    result = list(quotes)
    speakers: list[Quote] = []  # coded speakers so far, in the order they speak
    by_speaker = sorted(range(len(quotes)), key=lambda index: quotes[index].speaker_start or 0)
    for index in by_speaker:
        quote = quotes[index]
        if not quote.speaker or quote.speaker_start is None:
            continue
        if quote.speaker_actor is None:
            actor = _pronoun_actor(quote, speakers) or _name_actor(quote, coded, starts)
            if actor is not None:
                quote = result[index] = dataclasses.replace(quote, speaker_actor=actor)
        if quote.speaker_actor is not None:
            speakers.append(quote)
    return result


def _words(mention: str) -> tuple[str, ...]:
    return tuple(mention.lower().replace("\u2019s", "").replace("'s", "").split())


def _pronoun_actor(quote: Quote, speakers: list[Quote]) -> str | None:
    pronoun = (quote.speaker or "").lower()
    if pronoun not in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        return None
    for earlier in reversed(speakers):
        if (earlier.speaker_start or 0) >= (quote.speaker_start or 0):
            continue
        said = (earlier.speaker or "").lower()
        if pronoun in _PERSON_PRONOUNS and said in _GROUP_PRONOUNS:
            continue  # 'they said ... he added': someone else
        return earlier.speaker_actor
    return None


def _name_actor(quote: Quote, coded: list[Entity], starts: list[int]) -> str | None:
    """The code of the last coded mention before the speaker that holds all its words."""
    words = _words(quote.speaker or "")
    if not words or words[0] in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        return None
    for index in range(bisect_left(starts, quote.speaker_start or 0) - 1, -1, -1):
        entity = coded[index]
        held = _words(entity.text)
        if any(held[i : i + len(words)] == words for i in range(len(held) - len(words) + 1)):
            return entity.actor
    return None
