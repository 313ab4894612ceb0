"""Actor dictionaries: built-in and users' phrases indexed by their first word for matching."""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsevents.dictionaries.actor_entries import PhraseEntry, case_rule, compact, first_word
from newsevents.dictionaries.agents import builtin_agents
from newsevents.dictionaries.cities import city_countries, news_cities
from newsevents.dictionaries.countries import builtin_countries
from newsevents.dictionaries.persons import builtin_persons
from newsevents.dictionaries.phoenix import phoenix_entries
from newsevents.dictionaries.tabari import (
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_dictionary,
)
from newsevents.model import Actor

Index = Mapping[str, Mapping[str, tuple[PhraseEntry, ...]]]


@dataclass(frozen=True)
class ActorDictionaries:
    """Every actor, agent and discard phrase, indexed by first word, then by compact form.

    Entries of one phrase are ordered users' first, the team's built-in next and the Phoenix
    base last, so the first acceptable one wins. Plain dicts and tuples: picklable, sent as
    they are to worker processes.
    """

    index: Index = field(default_factory=dict)
    longest: Mapping[str, int] = field(default_factory=dict)  # longest key under a first word
    sources: tuple[str, ...] = ()
    # The keys under each first word, sorted: a bisection tells whether the words spelled so
    # far still begin some phrase, so matching stops at the first word that leaves them all
    # ("the" starts 130 phrases; most words after a "the" start none; measured: matching was
    # half of the stage's time).
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return sum(len(group) for phrases in self.index.values() for group in phrases.values())

    def starts(self, text: str) -> bool:
        """Whether some phrase starts with the word ``text`` (a cheap test before ``find``)."""
        return first_word(text) in self.index

    def find(self, texts: Sequence[str], start: int) -> Iterator[tuple[PhraseEntry, int]]:
        """Yield ``(entry, end)`` for each phrase spelled by ``texts[start:end]``, longest first.

        ``texts`` are token texts; empty or blank ones (line breaks) end every phrase.
        """
        first = first_word(texts[start])
        phrases = self.index.get(first)
        if not phrases:
            return
        keys = self.keys.get(first, ())
        prefixes: list[tuple[str, int]] = []
        spelled = ""
        for index in range(start, len(texts)):
            text = texts[index]
            if not text.strip():
                break
            word = compact(text)
            if not word:
                continue  # a hyphen token: "Jong-un" goes on, "Russia-" ends no phrase
            spelled += word
            at = bisect_left(keys, spelled)
            if at == len(keys) or not keys[at].startswith(spelled):
                break
            prefixes.append((spelled, index + 1))
        for prefix, end in reversed(prefixes):
            for entry in phrases.get(prefix, ()):
                yield entry, end


def _sorted_keys(index: Index) -> dict[str, tuple[str, ...]]:
    return {first: tuple(sorted(phrases)) for first, phrases in index.items()}


def _index(entries: Iterable[PhraseEntry]) -> tuple[Index, dict[str, int]]:
    index: dict[str, dict[str, list[PhraseEntry]]] = {}
    seen: set[tuple[str, str, tuple[Actor, ...]]] = set()
    for entry in entries:
        identity = (entry.key, entry.kind, entry.actors)
        if not entry.key or identity in seen:
            continue
        seen.add(identity)
        index.setdefault(entry.first, {}).setdefault(entry.key, []).append(entry)
    frozen = {
        first: {key: tuple(group) for key, group in phrases.items()}
        for first, phrases in index.items()
    }
    return frozen, {first: max(map(len, phrases)) for first, phrases in index.items()}


def _data_rows(name: str) -> list[list[str]]:
    """Read a built-in TSV data file (comments start with ``#``)."""
    text = resources.files("newsevents.dictionaries").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t")]


@lru_cache(maxsize=1)
def builtin_organizations() -> tuple[PhraseEntry, ...]:
    """IGOs, their organs, NGOs and media (``data/organizations.tsv``: name, aliases, code,
    and optional since/until dates; rows of one name are one entry with dated codes)."""
    actors: dict[str, list[Actor]] = {}
    aliases: dict[str, list[str]] = {}
    for row in _data_rows("organizations.tsv"):
        name, code = row[0], row[2]
        since, until = [*row[3:5], "", ""][:2]
        entry = f"builtin:organizations:{name}"
        actor = Actor(code=code, name=name, since=since or None, until=until or None, entry=entry)
        actors.setdefault(name, []).append(actor)
        aliases.setdefault(name, [name, *filter(None, row[1].split("|"))])
    return tuple(
        PhraseEntry(phrase, "org", tuple(actors[name]), case=case_rule(phrase))
        for name, phrases in aliases.items()
        for phrase in phrases
    )


@lru_cache(maxsize=1)
def builtin_discards() -> tuple[PhraseEntry, ...]:
    """Words the team reads as no actor, over the Phoenix agents (``data/discards.tsv``)."""
    entries: list[PhraseEntry] = []
    for (phrase,) in _data_rows("discards.tsv"):
        actor = Actor(code="---", name=phrase, entry=f"builtin:discards:{phrase}")
        entries.append(PhraseEntry(phrase, "discard", (actor,), case="any"))
    return tuple(entries)


@lru_cache(maxsize=1)
def _builtin() -> tuple[PhraseEntry, ...]:
    return (
        *builtin_persons(),
        *builtin_organizations(),
        *builtin_countries(),
        *builtin_agents(),
        *builtin_discards(),
    )


def _phoenix_city(entry: PhraseEntry, cities: Set[str]) -> bool:
    """A city Phoenix lists as another name of a country or region ("GENEVA" under
    SWITZERLAND, "RAFAH" under GAZA, "SALISBURY", Harare's old name, under ZIMBABWE)."""
    if entry.kind not in ("country", "org") or len(entry.actors) != 1:
        return False
    actor = entry.actors[0]
    return entry.text != actor.name and entry.text.lower() in cities


def _composed(entry: PhraseEntry, places: set[str], agents: set[str]) -> bool:
    """A Phoenix phrase the team's entries spell as place + agent ("US PRESIDENT")."""
    words = entry.text.split()
    return any(
        compact(" ".join(words[:cut])) in places and compact(" ".join(words[cut:])) in agents
        for cut in range(1, len(words))
    )


# Phoenix agents of these sectors and its companies (MNC) are left out: "Ford said its sales
# rose", "traders said", "passengers told media" made statement events of business and civil
# news (the team's event-free sentences, eval/external.py: 0.122 -> 0.161 false events a
# sentence with them). The team's agents.tsv names such actors where it wants them.
_NON_POLITICAL = frozenset(
    {"AGR", "BUS", "CVL", "EDU", "HLH", "MED", "LAB", "ENV", "DEV", "REF", "MNC"}
    | {"REL", "CHR", "MUS", "JEW", "BUD", "HIN"}
)


def _non_political(entry: PhraseEntry) -> bool:
    return entry.kind in ("agent", "org") and all(
        actor.code.strip("~")[:3] in _NON_POLITICAL for actor in entry.actors
    )


@lru_cache(maxsize=1)
def _phoenix_layer() -> tuple[PhraseEntry, ...]:
    """Phoenix's entries less what the team's rules read themselves: cities Phoenix lists as
    names of their country (a venue city is no country context, a capital may stand for its
    government) and phrases the team composes of a place and an agent ("US president" keeps
    the role a later "the president" refers to)."""
    cities = {name.lower() for name in (*city_countries(), *news_cities())}
    team = _builtin()
    places = {entry.key for entry in team if entry.kind in ("country", "demonym", "capital")}
    agents = {entry.key for entry in team if entry.kind == "agent"}
    return tuple(
        entry
        for entry in phoenix_entries()
        if not _phoenix_city(entry, cities)
        and not _composed(entry, places, agents)
        and not _non_political(entry)
    )


def _user_entries(
    actor_files: Sequence[str | Path],
    agent_files: Sequence[str | Path],
    discard_files: Sequence[str | Path],
) -> list[PhraseEntry]:
    entries: list[PhraseEntry] = []
    for path in discard_files:
        entries.extend(read_discard_dictionary(path))
    for path in actor_files:
        entries.extend(read_actor_dictionary(path))
    for path in agent_files:
        entries.extend(read_agent_dictionary(path))
    return entries


def _as_tuple(files: str | Path | Sequence[str | Path]) -> tuple[str, ...]:
    if isinstance(files, str | Path):
        return (str(files),)
    return tuple(str(path) for path in files)


@lru_cache(maxsize=8)
def _load(
    actor_files: tuple[str, ...],
    agent_files: tuple[str, ...],
    discard_files: tuple[str, ...],
    builtin: bool,
    phoenix: bool,
) -> ActorDictionaries:
    entries = _user_entries(actor_files, agent_files, discard_files)
    layers: list[str] = []
    if builtin:
        entries.extend(_builtin())
        layers.append("builtin")
    if builtin and phoenix:
        entries.extend(_phoenix_layer())
        layers.append("phoenix")
    sources = (*actor_files, *agent_files, *discard_files, *layers)
    index, longest = _index(entries)
    return ActorDictionaries(
        index=index, longest=longest, sources=sources, keys=_sorted_keys(index)
    )


def load_actor_dictionaries(
    *,
    actor_files: str | Path | Sequence[str | Path] = (),
    agent_files: str | Path | Sequence[str | Path] = (),
    discard_files: str | Path | Sequence[str | Path] = (),
    builtin: bool = True,
    phoenix: bool = False,
) -> ActorDictionaries:
    """Load the built-in dictionaries and users' PETRARCH2/TABARI files (cached).

    Three layers, the upper winning for the same phrase: users' files, the team's built-in
    entries, and the Phoenix base (``phoenix.py``). ``builtin=False`` drops both built-in
    layers, ``phoenix=False`` only the Phoenix base.

    Raises:
        DictionaryError: a user's file cannot be read.
    """
    files = (_as_tuple(actor_files), _as_tuple(agent_files), _as_tuple(discard_files))
    return _load(*files, builtin, phoenix)


__all__ = ["ActorDictionaries", "PhraseEntry", "load_actor_dictionaries"]
