"""The engine flags of ``ingest`` reach the settings, and only when given."""

from __future__ import annotations

from typing import Any

import click
import pytest
from click.testing import CliRunner

from newsevents.cli.engine import engine_options, with_engine_flags
from newsevents.config import Settings


@click.command()
@engine_options
def show(**flags: Any) -> None:
    click.echo(repr(with_engine_flags(Settings(keep_spool=True, workers=3), flags)))


@pytest.mark.parametrize(
    ("arguments", "keep_spool", "workers"),
    [
        ([], True, 3),  # nothing given: the settings from files and environment stand
        (["--keep-spool"], True, 3),
        (["--workers", "2"], True, 2),
    ],
)
def test_engine_flags_override_settings_only_when_given(
    arguments: list[str], keep_spool: bool, workers: int
) -> None:
    output = CliRunner().invoke(show, arguments).output
    assert f"keep_spool={keep_spool}" in output and f"workers={workers}" in output
