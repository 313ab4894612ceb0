"""Readers of PETRARCH2/TABARI dictionaries: the Phoenix files and hand-written samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.dictionaries.actor_entries import select_actor
from newsevents.dictionaries.tabari import (
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_dictionary,
)
from newsevents.errors import DictionaryError

PHOENIX = Path(__file__).resolve().parents[4] / "shared" / "data" / "phoenix"


def _phoenix(name: str) -> Path:
    path = PHOENIX / name
    if not path.exists():
        pytest.skip("../shared/data/phoenix is not beside this checkout")
    return path


@pytest.mark.parametrize(
    ("name", "phrase", "date", "code"),
    [
        ("Phoenix.Countries.actors.txt", "AFGHANISTAN", None, "AFG"),
        ("Phoenix.Countries.actors.txt", "KABUL", None, "AFG"),
        ("Phoenix.Countries.actors.txt", "SAID BARKAT", "2009-01-01", "DZAGOVHLH"),
        ("Phoenix.Countries.actors.txt", "SAID BARKAT", "2011-01-01", "DZAGOV"),
        ("Phoenix.International.actors.txt", "UN SECURITY COUNCIL", None, "IGOUNO"),
        (
            "Phoenix.International.actors.txt",
            "NORTH ATLANTIC TREATY ORGANIZATION",
            None,
            "IGOWSTNAT",
        ),
        ("Phoenix.International.actors.txt", "KOFI ANNAN", "2000-06-01", "IGOUNO"),
        ("Phoenix.MilNonState.actors.txt", "HAMAS", None, "PSEREBHMS"),
        ("Phoenix.MilNonState.actors.txt", "TALIBAN", None, "AFGREB"),
    ],
)
def test_phoenix_actor_files_load_with_their_codes(
    name: str, phrase: str, date: str | None, code: str
) -> None:
    entries = {entry.text: entry for entry in read_actor_dictionary(_phoenix(name))}
    actor = select_actor(entries[phrase], date)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("FOREIGN MINISTER", "~GOV"),
        ("POLICE", "~COP"),
        ("THIEVES", "~CRM"),  # an irregular plural given in {...}
        ("FARMERS", "~AGR"),  # a regular plural, generated
        ("CATTLEMEN", "~AGR"),  # a !PERSON! substitution set
        ("PEACEKEEPING TROOPS", "IGO~"),  # a code that precedes the country
    ],
)
def test_phoenix_agents_load_with_plurals_and_substitutions(phrase: str, code: str) -> None:
    entries = {entry.text: entry for entry in read_agent_dictionary(_phoenix("Phoenix.agents.txt"))}
    assert entries[phrase].actors[0].code == code


def test_null_plural_adds_no_plural() -> None:
    texts = {entry.text for entry in read_agent_dictionary(_phoenix("Phoenix.agents.txt"))}
    assert "POLICE" in texts and "POLICES" not in texts


@pytest.mark.parametrize(("phrase", "story"), [("WORLD WAR II", False), ("WORLD CUP", True)])
def test_phoenix_discards_load_with_story_flag(phrase: str, story: bool) -> None:
    entries = {
        entry.text: entry for entry in read_discard_dictionary(_phoenix("Phoenix.discards.txt"))
    }
    assert entries[phrase].story is story


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dictionaries") / "sample.actors.txt"
    path.write_text(
        "<!-- a sample written for this test -->\n"
        "ATLANTIS_  [ATL]\n"
        "+POSEIDONIA_  # the capital\n"
        "JANE_DOE_  # a made-up minister\n"
        "\t[ATLGOV 150101-191231]\n"
        "\t[ATLELI >200101]\n"
        "JOHN_ROE_ [ATLMIL <20101231] [ATLOPP]\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("phrase", "date", "code"),
    [
        ("ATLANTIS", None, "ATL"),
        ("POSEIDONIA", None, "ATL"),
        ("JANE DOE", "2016-05-01", "ATLGOV"),
        ("JANE DOE", "2021-05-01", "ATLELI"),
        ("JANE DOE", None, "ATLELI"),
        ("JOHN ROE", "2005-01-01", "ATLMIL"),
        ("JOHN ROE", "2015-01-01", "ATLOPP"),  # the default code when no restriction holds
    ],
)
def test_date_restrictions_pick_the_code(
    sample: Path, phrase: str, date: str | None, code: str
) -> None:
    entries = {entry.text: entry for entry in read_actor_dictionary(sample)}
    actor = select_actor(entries[phrase], date)
    assert actor is not None and actor.code == code


def test_entries_say_where_they_come_from(sample: Path) -> None:
    entries = {entry.text: entry for entry in read_actor_dictionary(sample)}
    assert entries["JANE DOE"].actors[0].entry == "sample.actors.txt:4"


def test_missing_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read dictionary"):
        read_actor_dictionary(tmp_path / "missing.actors.txt")


def test_code_before_any_phrase_is_a_dictionary_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.actors.txt"
    path.write_text("\t[ATLGOV]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.actors\.txt:1"):
        read_actor_dictionary(path)
