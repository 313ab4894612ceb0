"""Hyphenated dyads the tokenizer keeps whole ("U.S.-China", "Sino-US"): one mention a part."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsevents.dictionaries.actor_entries import PhraseEntry, case_ok, select_actor
from newsevents.dictionaries.actors import ActorDictionaries
from newsevents.model import Parse
from newsevents.stages.actors._mentions import Mention

# Kinds of phrase a part of a dyad may be: "U.S.-China", "Sino-US", "EU-China", "Obama-Castro".
_PART_KINDS = frozenset({"country", "demonym", "org", "person"})
_LABELS = {"country": "GPE", "demonym": "NORP", "org": "ORG", "person": "PERSON"}
# The parts of a token between hyphens; "U.S." keeps its dots.
_PARTS = re.compile(r"[^-]+")


def _entry(dictionaries: ActorDictionaries, part: str) -> PhraseEntry | None:
    for entry, _ in dictionaries.find([part], 0):
        if entry.kind in _PART_KINDS and case_ok(entry, part) and entry.actors:
            return entry
    return None


def hyphen_mentions(
    parse: Parse,
    dictionaries: ActorDictionaries,
    date: str | None,
    covered: Sequence[bool],
) -> list[Mention]:
    """Mentions for the parts of single tokens such as "U.S.-China" that no phrase matched.

    Every part must be a known country, demonym, organization or person, else the token is
    left alone ("Al-Qaeda", "Mar-a-Lago").
    """
    found: list[Mention] = []
    for token in parse.tokens:
        if "-" not in token.text or covered[token.i] or not token.text[:1].isupper():
            continue
        parts = [(match.start(), match.group()) for match in _PARTS.finditer(token.text)]
        entries = [_entry(dictionaries, text) for _, text in parts]
        if len(parts) < 2 or any(entry is None for entry in entries):
            continue
        for (offset, text), entry in zip(parts, entries, strict=True):
            if entry is None:
                continue
            actor = select_actor(entry, date)
            mention = Mention(token.i, token.i + 1, _LABELS[entry.kind], rule="hyphen")
            mention.start, mention.end = token.start + offset, token.start + offset + len(text)
            if actor is not None:
                mention.code, mention.rule, mention.wikidata = (
                    actor.code,
                    actor.entry,
                    actor.wikidata,
                )
            found.append(mention)
    return found
