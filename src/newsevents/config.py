"""Settings: packaged defaults < user TOML < environment < command-line flags, resolved once."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsevents.errors import ConfigError

DEFAULT_DB = "newsevents.duckdb"
CONFIG_FILES = (Path("~/.config/newsevents/config.toml"), Path("newsevents.toml"))
ENV_PREFIX = "NEWSEVENTS_"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every option of a run. Build it with ``resolve_settings`` and pass it down."""

    model: str = "en_core_web_sm"
    batch_size: int = 32  # PERFORMANCE-NOTES: 16-64 is fastest; spaCy's default 256 is 0.86x.
    db: str = DEFAULT_DB
    actor_files: tuple[str, ...] = ()
    agent_files: tuple[str, ...] = ()
    discard_files: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()
    builtin_dictionaries: bool = True  # False drops the team's entries and the Phoenix base
    phoenix: bool = True  # the Phoenix base at all (issue 11); False drops its verbs and actors
    # Phoenix actors, agents and discards: off by default, they add false events on event-free
    # news (study part of eval/external.py: 0.122 -> 0.141 a sentence; docs/actors.md).
    phoenix_actors: bool = False
    phoenix_verbs: str = "specific"  # Phoenix verb patterns: off, specific, all (docs/events.md)
    one_a_story: bool = True
    # The sentence classifier (issue 11; docs/events.md, "Classifier"): a model file written by
    # `newsevents train` ("" is the shipped model), or use_classifier off for the rules alone.
    classifier: str = ""
    use_classifier: bool = True
    # Re-code an event to the classifier's PentaClass at this probability, and drop events of
    # sentences whose event probability is below classifier_veto (0: never). Measured by
    # cross-validation on the study part of ../shared/data/dev (docs/events.md, "Classifier").
    classifier_recode: float = 0.0
    classifier_veto: float = 0.0
    classifier_rank: bool = False  # keep only a sentence's events of the most probable class
    # Corpus scale (issue 7; docs/scale.md).
    engine: str = "local"  # "local" (in process, or a process pool) or "dask"
    # 0: one in process for --engine local; as many as the machine holds for a Dask LocalCluster.
    workers: int = 0
    scheduler: str = "local"  # a Dask scheduler address, or "local" for a LocalCluster
    spool: str = ""  # Parquet parts from workers; "" is "<db>.spool" beside the store
    keep_spool: bool = False  # keep the spool's parts after a run (removed by default)
    # Estimated Jaccard (or containment) at which an article is a copy of an earlier one;
    # measured on planted syndicated copies (benchmarks/scale.py): P and R >= 0.95 from 0.4-0.6.
    near_duplicate_threshold: float = 0.5
    merge_window_days: int = 3  # reports of one event within this many days merge


def _coerce(name: str, value: Any, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            items = value.split(os.pathsep) if isinstance(value, str) else value
            return tuple(str(item) for item in items if item)
        return str(value)
    except (TypeError, ValueError) as error:
        raise ConfigError(
            f"setting {name!r} has the invalid value {value!r}",
            fix=f"give {name} a value like {default!r}",
        ) from error


def _from_mapping(settings: Settings, mapping: dict[str, Any], where: str) -> Settings:
    known = {field.name: getattr(settings, field.name) for field in fields(settings)}
    changes: dict[str, Any] = {}
    for key, value in mapping.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(
                f"unknown setting {key!r}",
                where=where,
                fix=f"use one of: {', '.join(sorted(known))}",
            )
        changes[name] = _coerce(name, value, known[name])
    return replace(settings, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read {path}: {error}", fix="fix or remove the file") from error
    section = data.get("newsevents", data)
    return dict(section) if isinstance(section, dict) else {}


def resolve_settings(
    *,
    flags: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
    config_files: tuple[Path, ...] = CONFIG_FILES,
) -> Settings:
    """Merge defaults, config files, ``NEWSEVENTS_*`` variables and flags (None means unset)."""
    settings = Settings()
    for path in config_files:
        expanded = path.expanduser()
        if expanded.is_file():
            settings = _from_mapping(settings, _read_toml(expanded), str(expanded))
    env = os.environ if environ is None else environ
    names = {field.name for field in fields(settings)}
    from_env = {
        key[len(ENV_PREFIX) :].lower(): value
        for key, value in env.items()
        if key.startswith(ENV_PREFIX) and key[len(ENV_PREFIX) :].lower() in names
    }
    settings = _from_mapping(settings, from_env, "environment")
    given = {key: value for key, value in (flags or {}).items() if value is not None}
    return _from_mapping(settings, given, "command line")
