"""The Phoenix knowledge base (MIT): the packaged compiled index, loaded once at first use.

``dictionaries/compile.py`` writes ``data/phoenix-*.json.gz`` from the Phoenix dictionaries of the
PETRARCH2 coder (Open Event Data Alliance, MIT licence; notice in ``data/PHOENIX-NOTICE``). It is
the bottom layer: the team's built-in entries and users' files sit on top of it and win.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from newsevents.dictionaries.actor_entries import PhraseEntry
from newsevents.dictionaries.compile import FORMAT, PARTS, part_file
from newsevents.dictionaries.lexicon import Pattern
from newsevents.errors import DictionaryError
from newsevents.model import Actor


@lru_cache(maxsize=len(PARTS))
def phoenix_index(part: str) -> dict[str, Any]:
    """The tables of one part of the compiled index (``actors`` or ``verbs``), read once.

    Raises:
        DictionaryError: the packaged index is missing or of another format.
    """
    where = f"newsevents/dictionaries/data/{part_file(part)}"
    try:
        raw = resources.files("newsevents.dictionaries").joinpath("data", part_file(part))
        index: dict[str, Any] = json.loads(gzip.decompress(raw.read_bytes()))
    except (OSError, ValueError) as error:
        raise DictionaryError(
            f"cannot read the Phoenix knowledge base: {error}",
            where=where,
            fix="reinstall newsevents, or run without it (--no-phoenix)",
        ) from error
    if index.get("format") != FORMAT:
        raise DictionaryError(
            f"the Phoenix knowledge base has format {index.get('format')}, not {FORMAT}",
            where=where,
            fix="recompile it: make phoenix",
        )
    return index


@lru_cache(maxsize=1)
def phoenix_entries() -> tuple[PhraseEntry, ...]:
    """Every Phoenix actor, agent and discard phrase with its codes and provenance."""
    index = phoenix_index("actors")
    actors = [Actor(code, name, since, until, None, entry) for code, name, since, until, entry in (
        index["actors"]
    )]  # fmt: skip
    return tuple(
        PhraseEntry(
            text,
            kind,
            tuple(actors[number] for number in numbers),
            case,
            role,
            partial=bool(partial),
            story=bool(story),
            alone=bool(alone),
        )
        for text, kind, numbers, case, role, (partial, story, alone) in index["entries"]
    )


def phoenix_patterns(*, defaults: bool = True) -> tuple[Pattern, ...]:
    """The Phoenix verb patterns (from ``CAMEO.2.0.txt``), converted for the dependency match.

    ``defaults=False`` leaves out the verbs' default codes ("GO_TO [040]"), keeping only the
    patterns that need words after the verb ("- * CEREMONY [017]").
    """
    return tuple(pattern for pattern, default in _patterns() if defaults or not default)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Pattern, bool], ...]:
    words: dict[tuple[str, ...], frozenset[str]] = {}  # shared sets: 48,000 patterns, few shapes

    def group(members: list[str]) -> frozenset[str]:
        key = tuple(members)
        return words.setdefault(key, frozenset(key))

    index = phoenix_index("verbs")
    targets = [tuple(slots) for slots in index["targets"]]
    rows = index["patterns"]
    return tuple(
        (
            Pattern(
                code=code,
                kind="verb",
                lemma=lemma,
                preps=tuple(group(members) for members in preps),
                obj=group(obj),
                obj_modifiers=tuple(group(members) for members in modifiers),
                targets=targets[slots],
                entry=entry,
                reverse=reverse,
                base=True,
            ),
            bool(default),
        )
        for code, lemma, preps, obj, modifiers, slots, entry, reverse, default in rows
    )
