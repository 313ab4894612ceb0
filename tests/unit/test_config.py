from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.config import Settings, resolve_settings
from newsevents.errors import ConfigError


def test_defaults_when_nothing_is_given() -> None:
    assert resolve_settings(environ={}, config_files=()) == Settings()


def test_precedence_file_then_environment_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "newsevents.toml"
    config.write_text('[newsevents]\nbatch_size = 16\ndb = "file.duckdb"\nmodel = "m1"\n')
    settings = resolve_settings(
        flags={"model": "m3", "db": None},
        environ={"NEWSEVENTS_DB": "env.duckdb", "NEWSEVENTS_MODEL": "m2"},
        config_files=(config,),
    )
    assert (settings.batch_size, settings.db, settings.model) == (16, "env.duckdb", "m3")


def test_tuple_settings_from_environment_split_on_pathsep() -> None:
    settings = resolve_settings(environ={"NEWSEVENTS_ACTOR_FILES": "a.txt:b.txt"}, config_files=())
    assert settings.actor_files == ("a.txt", "b.txt")


def test_boolean_from_environment() -> None:
    settings = resolve_settings(environ={"NEWSEVENTS_ONE_A_STORY": "no"}, config_files=())
    assert settings.one_a_story is False


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("[newsevents]\nbatch_sise = 3\n", "unknown setting"), ("batch_size = 'x'\n", "invalid")],
)
def test_bad_config_files_say_how_to_fix(tmp_path: Path, content: str, fragment: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=fragment) as caught:
        resolve_settings(environ={}, config_files=(config,))
    assert "fix:" in str(caught.value)
