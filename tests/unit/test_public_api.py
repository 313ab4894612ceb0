"""Guard the public API: ``__all__`` changes only on purpose."""

from __future__ import annotations

import newsevents

PUBLIC = [
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


def test_all_is_the_reviewed_list() -> None:
    assert newsevents.__all__ == PUBLIC


def test_every_public_name_resolves() -> None:
    for name in newsevents.__all__:
        assert getattr(newsevents, name) is not None
