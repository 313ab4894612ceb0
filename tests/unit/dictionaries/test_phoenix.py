"""The Phoenix knowledge base: the committed compiled index and its layering under the team."""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import pytest

from newsevents.cli.options import settings_from
from newsevents.dictionaries.actor_entries import ROLE_CODES, select_actor
from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries
from newsevents.dictionaries.compile import (
    ENTRY_FLAGS,
    FORMAT,
    PARTS,
    compile_phoenix,
    main,
    part_file,
    serialize,
    split,
)
from newsevents.dictionaries.lexicon import load_lexicon, phoenix_verbs
from newsevents.dictionaries.phoenix import phoenix_entries, phoenix_index, phoenix_patterns
from newsevents.dictionaries.verb_patterns import petrarch_patterns
from newsevents.errors import DictionaryError

PHOENIX = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "phoenix"
DATA = resources.files("newsevents.dictionaries").joinpath("data")
needs_phoenix = pytest.mark.skipif(
    not PHOENIX.is_dir(),
    reason=f"the Phoenix dictionaries are not at {PHOENIX} (../shared/data/phoenix)",
)


def _codes(dictionaries: ActorDictionaries, text: str, date: str | None = None) -> list[str]:
    words = text.split()
    return [
        actor.code
        for entry, end in dictionaries.find(words, 0)
        if end == len(words) and (actor := select_actor(entry, date)) is not None
    ]


def _rules(dictionaries: ActorDictionaries, text: str) -> list[str]:
    words = text.split()
    return [
        actor.entry or ""
        for entry, end in dictionaries.find(words, 0)
        if end == len(words)
        for actor in entry.actors[:1]
    ]


@needs_phoenix
def test_committed_index_is_what_the_compiler_makes_of_the_phoenix_files() -> None:
    compiled = split(compile_phoenix(PHOENIX))
    committed = {
        part: json.loads(gzip.decompress(DATA.joinpath(part_file(part)).read_bytes()))
        for part in PARTS
    }
    assert committed == compiled, "the index is stale: run make phoenix and commit it"


@needs_phoenix
def test_the_compiler_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        main([str(PHOENIX), "--output", str(folder)])
    for part in PARTS:
        assert (first / part_file(part)).read_bytes() == (second / part_file(part)).read_bytes()


def test_serialize_is_deterministic() -> None:
    index = {"format": FORMAT, "entries": [["A", "org", [0], "title", None, [0, 0, 1]]]}
    assert serialize(index) == serialize(json.loads(json.dumps(index)))


def test_compiling_a_missing_folder_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        compile_phoenix(tmp_path / "nowhere")


def test_the_mit_notice_ships_beside_the_index() -> None:
    notice = DATA.joinpath("PHOENIX-NOTICE").read_text("utf-8")
    assert "MIT License" in notice
    assert "Copyright (c) 2014 Open Event Data" in notice


def test_index_has_the_documented_tables() -> None:
    index = {**phoenix_index("actors"), **phoenix_index("verbs")}
    assert index["format"] == FORMAT
    assert index["flags"] == list(ENTRY_FLAGS)
    assert {"actors", "entries", "patterns", "targets", "files"} <= set(index)
    # ~54,000 + 8,000 + 2,700 lines of actors, ~2,400 agents, ~9,000 lines of verbs (issue 11).
    assert len(index["entries"]) > 40_000
    assert len(index["patterns"]) > 40_000


@pytest.mark.parametrize(
    "kind", ["person", "country", "org", "agent", "discard"], ids=lambda kind: kind
)
def test_every_kind_of_entry_is_compiled(kind: str) -> None:
    assert any(entry.kind == kind for entry in phoenix_entries())


def test_every_code_names_its_phoenix_file_and_line() -> None:
    entries = {actor.entry or "" for entry in phoenix_entries() for actor in entry.actors}
    entries |= {pattern.entry for pattern in phoenix_patterns()}
    files = tuple(f"phoenix:{name}:" for name in phoenix_index("verbs")["files"])
    assert [entry for entry in entries if not entry.startswith(files)] == []
    assert all(entry.rsplit(":", 1)[1].isdigit() for entry in entries)


def test_agents_carry_only_cameo_role_codes() -> None:
    codes = {
        actor.code.strip("~")[:3]
        for entry in phoenix_entries()
        if entry.kind == "agent"
        for actor in entry.actors
    }
    assert codes - ROLE_CODES == set()


def test_one_word_persons_are_surnames() -> None:
    persons = [entry for entry in phoenix_entries() if entry.kind == "person"]
    assert all(entry.partial for entry in persons if not {" ", "-"} & set(entry.text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Paul Kagame", "RWAGOV"),  # a person the team's list lacks, with a dated role
        ("Badakhshan", "AFG"),  # a province
        ("Boko Haram", "NGAREB"),  # a non-state group
    ],
)
def test_phoenix_fills_what_the_team_lists_lack(text: str, code: str) -> None:
    assert code not in _codes(load_actor_dictionaries(phoenix=False), text, "2005-01-01")
    assert code in _codes(load_actor_dictionaries(phoenix=True), text, "2005-01-01")


@pytest.mark.parametrize("text", ["Barack Obama", "Iran", "United Nations", "government"])
def test_the_team_entry_comes_before_the_phoenix_one(text: str) -> None:
    rules = _rules(load_actor_dictionaries(phoenix=True), text)
    assert rules[0].startswith("builtin:")
    assert any(rule.startswith("phoenix:") for rule in rules)


def test_users_entries_come_before_both_layers(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors"
    path.write_text("IRAN [XXX]\n", encoding="utf-8")
    assert _codes(load_actor_dictionaries(actor_files=[path], phoenix=True), "Iran")[0] == "XXX"


@pytest.mark.parametrize(
    ("options", "layers"),
    [
        ({"phoenix": True}, ("builtin", "phoenix")),
        ({}, ("builtin",)),
        ({"builtin": False}, ()),
        ({"builtin": False, "phoenix": True}, ()),  # no built-in layer means neither
    ],
)
def test_options_pick_the_layers(options: dict[str, bool], layers: tuple[str, ...]) -> None:
    assert load_actor_dictionaries(**options).sources == layers


@pytest.mark.parametrize(("mode", "joined"), [("off", 0), ("specific", 1), ("all", 1)])
def test_phoenix_verb_patterns_join_by_mode(mode: str, joined: int) -> None:
    lexicon = load_lexicon(phoenix=phoenix_verbs(mode))
    base = sum(pattern.base for group in lexicon.verbs.values() for pattern in group)
    assert bool(base) == bool(joined)


def test_specific_mode_leaves_out_the_verbs_default_codes() -> None:
    assert len(phoenix_patterns(defaults=False)) < len(phoenix_patterns())
    assert all(pattern.base for pattern in phoenix_patterns())


def test_an_unknown_verb_mode_is_a_coded_error() -> None:
    with pytest.raises(DictionaryError, match="not a choice"):
        phoenix_verbs("some")


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({}, (True, False, "specific")),
        ({"phoenix": False}, (False, False, "specific")),
        ({"phoenix_actors": True, "phoenix_verbs": "all"}, (True, True, "all")),
    ],
)
def test_command_line_flags_pick_the_phoenix_layer(
    flags: dict[str, object], expected: tuple[bool, bool, str]
) -> None:
    settings = settings_from(flags)
    assert (settings.phoenix, settings.phoenix_actors, settings.phoenix_verbs) == expected


def test_an_object_before_a_phrase_stays_the_object(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text("--- SEND [---] ---\nSEND\n- * WARSHIPS (TO) [0332]\n", encoding="utf-8")
    (pattern,) = petrarch_patterns(path)
    assert (pattern.obj, pattern.preps) == (frozenset({"warships"}), ())
