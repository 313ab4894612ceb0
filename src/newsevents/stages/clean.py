"""Clean scraped and machine-translated text without moving a single character offset.

Every replacement has the length of what it replaces, so an offset into the cleaned text is an
offset into the text the user gave: the offset map is the identity, by construction. Hard-wrapped
text (wire copy whose lines break inside sentences) gets its wraps turned into spaces, so that
sentences, quotes and spans run over them; paragraph breaks (a blank line, an indented line) stay.
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
# A line break between a line with words and a line starting with one: in hard-wrapped copy, the
# sentence goes on (issue 13). A break before or after a blank line, or before an indented line,
# starts a paragraph and is never one of these.
_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?=\S)")
# Wire feeds wrap at 64-80 columns (Reuters-21578: 62-65 in its first 200 stories); a text with a
# longer line writes paragraphs on one line each, and its line breaks are breaks.
_MAX_WRAP_WIDTH = 100
# Wrapped lines are nearly full: the lines ending at a wrap average at least this share of the
# longest line (Reuters-21578: 0.85-0.95), which lists of short items do not.
_MIN_FULLNESS = 0.6
# Two wraps at least: a two-line text (a headline and its story) is no evidence of wrapping,
# unless the second line goes on in lower case ('a "steady but\nmodest pace"').
_MIN_WRAPS = 2


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
    return Cleaned(unwrap(cleaned), tuple(problems))


def unwrap(text: str) -> str:
    """Turn the line breaks of hard-wrapped ``text`` into spaces (length and paragraphs kept).

    The text counts as hard-wrapped when no line is longer than a wire feed's width and the
    lines that end at a wrap are nearly full; otherwise it is returned unchanged.
    """
    wraps = [match.end() - 1 for match in _WRAP.finditer(text)]
    if not wraps:
        return text
    if len(wraps) < _MIN_WRAPS and not all(text[wrap + 1].islower() for wrap in wraps):
        return text
    lines = text.split("\n")
    longest = max(len(line.rstrip()) for line in lines)
    if longest > _MAX_WRAP_WIDTH:
        return text
    widths = [wrap - (text.rfind("\n", 0, wrap) + 1) for wrap in wraps]
    if sum(widths) < _MIN_FULLNESS * longest * len(widths):
        return text
    characters = list(text)
    for wrap in wraps:
        characters[wrap] = " "
    return "".join(characters)
