"""Options of the ``ingest`` command that choose where annotation runs (issue 7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import click

from newsevents.config import Settings

F = TypeVar("F", bound=Callable[..., Any])
ENGINE_FLAGS = ("engine", "workers", "scheduler", "spool", "keep_spool")


def engine_options(function: F) -> F:
    """``--engine local|dask``, ``--workers``, ``--scheduler``, ``--spool``, ``--keep-spool``."""
    options = [
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default=None,
            help="local: this machine (a process pool with --workers > 1); dask: a Dask cluster.",
        ),
        click.option(
            "--workers",
            type=click.IntRange(min=1),
            default=None,
            help="Workers (default: 1 with local; one per core, as memory allows, with a "
            "Dask LocalCluster).",
        ),
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS|local",
            help="Dask scheduler address, or local for a LocalCluster (default local).",
        ),
        click.option(
            "--spool",
            default=None,
            metavar="DIR",
            help="Where workers write Parquet parts (default <db>.spool; shared on a cluster).",
        ),
        click.option(
            "--keep-spool",
            is_flag=True,
            default=None,
            help="Keep the spool's Parquet parts after the run (removed by default).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def with_engine_flags(settings: Settings, flags: dict[str, Any]) -> Settings:
    """Flags win over every other source, so applying them last keeps the precedence."""
    given = {name: flags[name] for name in ENGINE_FLAGS if flags.get(name) is not None}
    return replace(settings, **given)
