"""Built-in persons: office holders with date-restricted CAMEO codes and Wikidata ids."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from newsevents.dictionaries.actor_entries import PhraseEntry
from newsevents.model import Actor

_COLUMNS = 7  # name, aliases, code, since, until, wikidata, role


def _rows() -> Iterator[list[str]]:
    text = resources.files("newsevents.dictionaries").joinpath("data", "persons.tsv")
    lines = [line for line in text.read_text("utf-8").splitlines() if line.strip()]
    for row in csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t"):
        yield (row + [""] * _COLUMNS)[:_COLUMNS]


def _rule(name: str, since: str, until: str) -> str:
    return f"builtin:persons:{name} {since or '..'}..{until or ''}".rstrip(".")


@lru_cache(maxsize=1)
def builtin_persons() -> tuple[PhraseEntry, ...]:
    """One entry per name and alias of each person, carrying all of that person's roles.

    Rows of one person (same name) are merged, so a date picks the role. Aliases that are a
    single word (a surname: "Pompeo") only match proper nouns.
    """
    roles: dict[str, list[Actor]] = {}
    aliases: dict[str, set[str]] = {}
    titles: dict[str, tuple[str, str]] = {}  # name -> (since, role) of the latest role
    for name, alias_text, code, since, until, wikidata, role in _rows():
        rule = _rule(name, since, until)
        actor = Actor(code, name, since or None, until or None, wikidata or None, rule)
        roles.setdefault(name, []).append(actor)
        aliases.setdefault(name, set()).update(filter(None, alias_text.split("|")))
        if role and (since, role) >= titles.get(name, ("", "")):
            titles[name] = (since, role)
    entries: list[PhraseEntry] = []
    for name, actors in roles.items():
        title = titles[name][1] if name in titles else None
        for phrase in (name, *sorted(aliases[name])):
            partial = " " not in phrase and "-" not in phrase
            entries.append(
                PhraseEntry(phrase, "person", tuple(actors), role=title, partial=partial)
            )
    return tuple(entries)
