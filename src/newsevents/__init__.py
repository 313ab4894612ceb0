"""newsevents: turn news articles into structured, verifiable event data.

The public API is ``__all__``. Names are imported on first use, so that importing one module of
the package (``newsevents.model``, say, in a worker process) does not load the whole pipeline.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsevents.api import annotate, annotate_records, ingest
    from newsevents.config import Settings, resolve_settings
    from newsevents.errors import NewsEventsError
    from newsevents.model import (
        Actor,
        Annotation,
        Article,
        Entity,
        Event,
        Location,
        Problem,
        Quote,
        Reference,
        Run,
        TimeExpr,
    )
    from newsevents.pipeline import Pipeline
    from newsevents.storage.duckdb import DuckDBStore, EventFilter, open_store

__version__ = "0.1.0"

_EXPORTS = {
    "Actor": "newsevents.model",
    "Annotation": "newsevents.model",
    "Article": "newsevents.model",
    "DuckDBStore": "newsevents.storage.duckdb",
    "Entity": "newsevents.model",
    "Event": "newsevents.model",
    "EventFilter": "newsevents.storage.duckdb",
    "Location": "newsevents.model",
    "NewsEventsError": "newsevents.errors",
    "Pipeline": "newsevents.pipeline",
    "Problem": "newsevents.model",
    "Quote": "newsevents.model",
    "Reference": "newsevents.model",
    "Run": "newsevents.model",
    "Settings": "newsevents.config",
    "TimeExpr": "newsevents.model",
    "annotate": "newsevents.api",
    "annotate_records": "newsevents.api",
    "ingest": "newsevents.api",
    "open_store": "newsevents.storage.duckdb",
    "resolve_settings": "newsevents.config",
}

__all__ = [
    "Actor",
    "Annotation",
    "Article",
    "DuckDBStore",
    "Entity",
    "Event",
    "EventFilter",
    "Location",
    "NewsEventsError",
    "Pipeline",
    "Problem",
    "Quote",
    "Reference",
    "Run",
    "Settings",
    "TimeExpr",
    "__version__",
    "annotate",
    "annotate_records",
    "ingest",
    "open_store",
    "resolve_settings",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsevents' has no attribute {name!r}")
