"""Tests for keeping a headline apart from the body it was parsed with."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Article, Parse
from newsevents.stages.events._headline import headline_end, split_headline

# A headline line, then a blank line, then the body (the seed article's layout).
HEADLINE = "Japan protests Chinese survey ship"
BODY = "Japan lodged a protest with China on Monday over a survey ship near the Senkaku islands."
TEXTS = {
    "blank line": f"{HEADLINE}\n\n\n{BODY}",
    "punctuated first line": f"Tokyo, Monday.\n\n{BODY}",
    "one line": BODY,
    "no blank line": f"{HEADLINE}\n{BODY}",
}


@pytest.fixture(scope="module")
def parses(parse_text: Callable[[str, str], Parse]) -> dict[str, Parse]:
    return {name: parse_text(text, "h") for name, text in TEXTS.items()}


@pytest.mark.parametrize(
    ("name", "title", "expected"),
    [
        ("blank line", None, len(HEADLINE)),
        ("blank line", HEADLINE, len(HEADLINE)),
        ("no blank line", HEADLINE, len(HEADLINE)),
        ("no blank line", None, 0),
        ("punctuated first line", None, 0),
        ("one line", None, 0),
    ],
)
def test_headline_end(
    parses: dict[str, Parse], name: str, title: str | None, expected: int
) -> None:
    article = Article(id="h", text=TEXTS[name], title=title)
    assert headline_end(parses[name], article) == expected


@pytest.mark.parametrize("name", ["blank line", "no blank line"])
def test_no_dependency_crosses_the_headline(parses: dict[str, Parse], name: str) -> None:
    parse = parses[name]
    split = split_headline(parse, len(HEADLINE))
    tokens = split.tokens
    assert all((t.start < len(HEADLINE)) == (tokens[t.head].start < len(HEADLINE)) for t in tokens)


def test_split_keeps_offsets_and_sentences(parses: dict[str, Parse]) -> None:
    parse = parses["blank line"]
    split = split_headline(parse, len(HEADLINE))
    assert split.sentences == parse.sentences
    assert [(t.start, t.end, t.sent) for t in split.tokens] == [
        (t.start, t.end, t.sent) for t in parse.tokens
    ]


def test_split_without_headline_is_the_parse(parses: dict[str, Parse]) -> None:
    parse = parses["one line"]
    assert split_headline(parse, 0) is parse
