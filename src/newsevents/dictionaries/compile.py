"""Compile the Phoenix dictionaries (MIT) into the packaged knowledge-base index.

Run ``python -m newsevents.dictionaries.compile ../shared/data/phoenix`` (or ``make phoenix``):
it reads the Phoenix actor, agent, discard and verb files with the same readers as users' files
and writes ``dictionaries/data/phoenix-actors.json.gz`` and ``phoenix-verbs.json.gz`` (two files:
the default run needs only the verbs), which ``dictionaries/phoenix.py`` loads at
first use. Every entry keeps its provenance as ``phoenix:<file>:<line>``. The output is
deterministic (sorted tables, gzip without a time stamp), so a test can check that the committed
index is what the compiler makes of the files.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsevents.dictionaries.actor_entries import BASE_PROVENANCE, ROLE_CODES, PhraseEntry
from newsevents.dictionaries.lexicon import Pattern
from newsevents.dictionaries.tabari import (
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_dictionary,
)
from newsevents.model import Actor

# Bumped when the layout below changes; the loader refuses other versions.
FORMAT = 2
PROVENANCE = BASE_PROVENANCE
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"
DISCARD_FILE = "Phoenix.discards.txt"
VERB_FILE = "CAMEO.2.0.txt"
# The index's parts, each in its own file, and the tables each holds.
PARTS = {
    "actors": ("format", "files", "flags", "actors", "entries"),
    "verbs": ("format", "files", "targets", "patterns"),
}
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "data"


def part_file(part: str) -> str:
    """The packaged file name of one part of the index."""
    return f"phoenix-{part}.json.gz"


def split(index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The index's tables by part, as the files hold them."""
    return {part: {name: index[name] for name in names} for part, names in PARTS.items()}


# The entry fields after the text and kind, in the order the loader passes them on.
ENTRY_FLAGS = ("partial", "story", "alone")


def _person_partial(entry: PhraseEntry) -> bool:
    # A one-word person phrase is a surname ("KARZAI"): matched on proper nouns only, as the
    # team's persons.tsv surnames are.
    return entry.kind == "person" and " " not in entry.text and "-" not in entry.text


def _cameo_agent(entry: PhraseEntry) -> bool:
    # Phoenix's "MAN/MEN/PEOPLE [~PPL]" is no CAMEO role (CAMEO manual, ch. 3): "the two men
    # talked" would make an actor "PPL". Every other Phoenix agent code starts with a CAMEO role.
    return all(actor.code.strip("~")[:3] in ROLE_CODES for actor in entry.actors)


def _actor_entries(folder: Path) -> list[PhraseEntry]:
    entries: list[PhraseEntry] = []
    for name in ACTOR_FILES:
        entries.extend(read_actor_dictionary(folder / name))
    entries.extend(filter(_cameo_agent, read_agent_dictionary(folder / AGENT_FILE)))
    entries.extend(read_discard_dictionary(folder / DISCARD_FILE))
    return entries


def _actor_table(entries: Iterable[PhraseEntry]) -> tuple[list[list[Any]], dict[Actor, int]]:
    actors = sorted(
        {actor for entry in entries for actor in entry.actors},
        key=lambda a: (a.entry or "", a.code, a.since or "", a.until or "", a.name),
    )
    rows = [[a.code, a.name, a.since, a.until, f"{PROVENANCE}:{a.entry}"] for a in actors]
    return rows, {actor: number for number, actor in enumerate(actors)}


def _entry_row(entry: PhraseEntry, numbers: dict[Actor, int]) -> list[Any]:
    flags = {"partial": entry.partial or _person_partial(entry), "story": entry.story}
    flags["alone"] = entry.alone
    return [
        entry.text,
        entry.kind,
        [numbers[actor] for actor in entry.actors],
        entry.case,
        entry.role,
        [int(flags[name]) for name in ENTRY_FLAGS],
    ]


def _pattern_row(
    pattern: Pattern, verb_lines: set[str], targets: dict[tuple[str, ...], int]
) -> list[Any]:
    return [
        pattern.code,
        pattern.lemma,
        [sorted(group) for group in pattern.preps],
        sorted(pattern.obj),
        [sorted(group) for group in pattern.obj_modifiers],
        targets.setdefault(pattern.targets, len(targets)),  # 47,000 patterns, a few target lists
        f"{PROVENANCE}:{pattern.entry}",
        pattern.reverse,
        int(pattern.entry in verb_lines),  # a verb's default code, not one of its patterns
    ]


def compile_phoenix(folder: str | Path) -> dict[str, Any]:
    """Read the Phoenix files in ``folder`` into the index's JSON-ready tables.

    Raises:
        DictionaryError: a file is missing or cannot be read.
    """
    # Imported here: the converter pulls in the codebook, which only the compiler needs.
    from newsevents.dictionaries.petrarch import read_verb_dictionary
    from newsevents.dictionaries.verb_patterns import petrarch_patterns

    folder = Path(folder)
    entries = _actor_entries(folder)
    actors, numbers = _actor_table(entries)
    rows = sorted({json.dumps(_entry_row(entry, numbers)) for entry in entries})
    verbs = read_verb_dictionary(folder / VERB_FILE, strict=False).verbs.values()
    verb_lines = {f"{VERB_FILE}:{verb.line}" for verb in verbs}
    converted = petrarch_patterns(folder / VERB_FILE)
    targets: dict[tuple[str, ...], int] = {}
    patterns = [_pattern_row(pattern, verb_lines, targets) for pattern in converted]
    return {
        "format": FORMAT,
        "files": [*ACTOR_FILES, AGENT_FILE, DISCARD_FILE, VERB_FILE],
        "flags": list(ENTRY_FLAGS),
        "actors": actors,
        "entries": [json.loads(row) for row in rows],
        "targets": [list(slots) for slots in targets],
        "patterns": patterns,
    }


def serialize(index: dict[str, Any]) -> bytes:
    """The index as gzip'd compact JSON, byte for byte the same for the same tables."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: Sequence[str] | None = None) -> int:
    """Compile the Phoenix folder given on the command line into the package's index."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="the folder with the Phoenix files")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="folder to write to")
    args = parser.parse_args(argv)
    index = compile_phoenix(args.folder)
    for part, tables in split(index).items():
        (args.output / part_file(part)).write_bytes(serialize(tables))
    print(
        f"{args.output}/phoenix-*.json.gz: {len(index['entries'])} phrases, "
        f"{len(index['actors'])} codes, {len(index['patterns'])} verb patterns"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
