"""Built-in sector agents (roles such as government, military, police) with CAMEO role codes."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from newsevents.dictionaries.actor_entries import PhraseEntry, case_rule
from newsevents.model import Actor


def _plural_forms(phrase: str, plural: str) -> list[str]:
    """The plural of a phrase: given, none (``-``), or the regular English one."""
    if plural == "-":
        return []
    if plural:
        return [plural]
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        form = last + "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        form = last[:-1] + "ies"
    else:
        form = last + "s"
    return [f"{head} {form}".strip()]


def _rows() -> Iterator[list[str]]:
    text = resources.files("newsevents.dictionaries").joinpath("data", "agents.tsv")
    lines = [line for line in text.read_text("utf-8").splitlines() if line.strip()]
    rows = csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t")
    for row in rows:
        yield [*row, "", "", "", "", ""][:5]


@lru_cache(maxsize=1)
def builtin_agents() -> tuple[PhraseEntry, ...]:
    """Every built-in agent phrase and its plural, with its ``~ROLE`` code (read once)."""
    entries: list[PhraseEntry] = []
    for phrase, code, plural, role, alone in _rows():
        actor = Actor(code="~" + code, name=phrase, entry=f"builtin:agents:{phrase}")
        # Capitalized titles ("Foreign Ministry") must be written so; common nouns match any case.
        case = case_rule(phrase, common=not phrase[:1].isupper())
        for form in (phrase, *_plural_forms(phrase, plural)):
            entry = PhraseEntry(form, "agent", (actor,), case, role or None, alone=alone != "-")
            entries.append(entry)
    return tuple(entries)
