"""Options shared by commands, turned into Settings once at the edge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from newsevents.config import Settings, resolve_settings
from newsevents.storage.duckdb import parse_modes

F = TypeVar("F", bound=Callable[..., Any])


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        default=None,
        metavar="FILE",
        help="The DuckDB store (default newsevents.duckdb, or NEWSEVENTS_DB).",
    )(function)


def modes_option(*, default: str, what: str) -> Callable[[F], F]:
    """``--mode``/``--modes``: ``all`` or comma-separated modes, parsed to a tuple (None: all)."""

    def convert(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...] | None:
        try:
            return parse_modes(value, default=None)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    def decorate(function: F) -> F:
        return click.option(
            "--modes",
            "--mode",
            "modes",
            default=default,
            show_default=True,
            metavar="MODES",
            callback=convert,
            help=f"{what}: all, or comma-separated asserted, negated, hypothetical, future, "
            "historical.",
        )(function)

    return decorate


def pipeline_options(function: F) -> F:
    """Model and dictionary options of every command that runs the pipeline."""
    options = [
        click.option("--model", default=None, help="spaCy model name (default en_core_web_sm)."),
        click.option("--batch-size", type=int, default=None, help="Texts per spaCy batch (32)."),
        click.option(
            "--actors",
            "actor_files",
            multiple=True,
            metavar="FILE",
            help="PETRARCH/TABARI actor dictionary (repeatable).",
        ),
        click.option(
            "--agents",
            "agent_files",
            multiple=True,
            metavar="FILE",
            help="PETRARCH/TABARI agent dictionary.",
        ),
        click.option(
            "--discards",
            "discard_files",
            multiple=True,
            metavar="FILE",
            help="PETRARCH/TABARI discard list.",
        ),
        click.option(
            "--verbs",
            "verb_files",
            multiple=True,
            metavar="FILE",
            help="PETRARCH2 verb dictionary.",
        ),
        click.option(
            "--no-builtin-dictionaries",
            "no_builtin",
            is_flag=True,
            default=False,
            help="Use only the dictionaries given on the command line (no team or Phoenix layer).",
        ),
        click.option(
            "--phoenix/--no-phoenix",
            "phoenix",
            default=None,
            help="The Phoenix knowledge base under the team's entries (docs/actors.md).",
        ),
        click.option(
            "--phoenix-actors/--no-phoenix-actors",
            "phoenix_actors",
            default=None,
            help="The Phoenix actors, agents and discards too (default off; docs/actors.md).",
        ),
        click.option(
            "--phoenix-verbs",
            "phoenix_verbs",
            type=click.Choice(["off", "specific", "all"]),
            default=None,
            help="Which Phoenix verb patterns join the lexicon (docs/events.md).",
        ),
        click.option(
            "--one-a-story/--all-reports",
            "one_a_story",
            default=None,
            help="Merge reports of one event within an article (default on).",
        ),
        click.option(
            "--classifier",
            "classifier",
            default=None,
            metavar="FILE",
            help="Sentence classifier written by `newsevents train` (default: the shipped one).",
        ),
        click.option(
            "--no-classifier",
            "no_classifier",
            is_flag=True,
            default=False,
            help="Code with the rules alone, without the sentence classifier.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def settings_from(flags: dict[str, Any]) -> Settings:
    """Resolve settings from the command's flags (None means not given)."""
    names = ("model", "batch_size", "db", "actor_files", "agent_files", "discard_files")
    given: dict[str, Any] = {name: flags.get(name) for name in (*names, "verb_files")}
    for name in ("one_a_story", "phoenix", "phoenix_actors", "phoenix_verbs"):
        given[name] = flags.get(name)
    given["classifier"] = flags.get("classifier")
    if flags.get("no_classifier"):
        given["use_classifier"] = False
    for name in ("actor_files", "agent_files", "discard_files", "verb_files"):
        files = given[name]
        given[name] = tuple(files) if files else None
    if flags.get("no_builtin"):
        given["builtin_dictionaries"] = False
    return resolve_settings(flags=given)
