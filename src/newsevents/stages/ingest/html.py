"""Extract an article (main text and metadata) from a web page with trafilatura."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# htmldate's extensive search guesses dates from free text (copyright lines, related links);
# a wrong publication date silently shifts every relative date, so only metadata is trusted.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    """Import trafilatura on first use: it is heavy, and importing newsevents does no work."""
    import trafilatura

    return trafilatura


def html_to_mapping(html: str, *, url: str | None = None) -> dict[str, Any]:
    """The record of one page: ``text`` (main text, or "" when none is found) and metadata."""
    document = _trafilatura().bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=DATE_PARAMS,
    )
    if document is None:
        return {"id": None, "text": "", "url": url}
    return {
        "id": None,
        "text": document.text or "",
        "title": document.title,
        "date": document.date,
        "source": document.sitename or document.hostname,
        "url": document.url or url,
        "language": document.language,
    }
