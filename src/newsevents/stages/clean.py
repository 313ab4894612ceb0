"""Clean scraped and machine-translated text without moving a single character offset.

Every replacement has the length of what it replaces, so an offset into the cleaned text is an
offset into the text the user gave: the offset map is the identity, by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.model import Problem

# Paragraph markers left by a common WordPress scraper ("[19659002]"), seen in syndicated wire copy.
_PARAGRAPH_MARKER = re.compile(r"\[\d{6,}\]")
# Trailers that scrapers append after the article body.
_TRAILER = re.compile(
    r"(?:\n|^)[ \t]*(?:Source link|Read more|Click here to read more|Continue reading)[ \t.]*\s*\Z",
    re.IGNORECASE,
)
# One-character substitutions: typographic quotes to ASCII, invisible and odd spaces to spaces.
_CHARACTER_MAP = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u200e": " ",
        "\u200f": " ",
        "\ufeff": " ",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
# Control characters other than tab and newlines confuse the parser and the JSON consumers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text (same length as the input) and what was removed from it."""

    text: str
    problems: tuple[Problem, ...]


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def clean_text(text: str, *, article_id: str | None = None) -> Cleaned:
    """Return ``text`` with debris blanked out and marks normalized, length unchanged."""
    problems: list[Problem] = []
    for match in _PARAGRAPH_MARKER.finditer(text):
        problems.append(
            Problem(
                article_id,
                "clean",
                "W101",
                f"scraper paragraph marker {match.group(0)!r} ignored",
                "warning",
                start=match.start(),
                end=match.end(),
            )
        )
    cleaned = _PARAGRAPH_MARKER.sub(_blank, text)
    trailer = _TRAILER.search(cleaned)
    if trailer:
        problems.append(
            Problem(
                article_id,
                "clean",
                "W102",
                f"scraper trailer {trailer.group(0).strip()!r} ignored",
                "warning",
                start=trailer.start(),
                end=trailer.end(),
            )
        )
        cleaned = cleaned[: trailer.start()] + _blank(trailer)
    cleaned = _CONTROL.sub(" ", cleaned.translate(_CHARACTER_MAP))
    return Cleaned(cleaned, tuple(problems))
