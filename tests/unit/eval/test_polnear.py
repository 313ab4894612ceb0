"""The PolNeAR and wire checks of issue 13 score what they say they score."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsevents.model import Quote

EVAL = Path(__file__).resolve().parents[3] / "eval"


def _module(name: str) -> ModuleType:
    sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location(f"eval_{name}_checks", EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


polnear = _module("polnear")
wire = _module("wire")


def _quote(text: str, part: str, kind: str) -> Quote:
    start = text.index(part)
    return Quote("a", start, start + len(part), part, kind, "X", 0, 1, None, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "passages"),
    [
        ("growth held at a \u201csteady pace\u201d", ["steady pace"]),
        ('"We are ready," he said, "to talk."', ["We are ready", "to talk."]),
        ("no marks at all", []),
        ("the \u2018Great Satan\u2019 label", ["Great Satan"]),
    ],
)
def test_passages_are_the_words_between_marks(content: str, passages: list[str]) -> None:
    found = polnear.quoted_contents(content, 0, len(content))
    assert [content[start:end] for start, end in found] == passages


def test_a_direct_quote_inside_a_mixed_quote_is_not_counted_again() -> None:
    text = 'Officials said growth held at a "steady pace" in May.'
    mixed = _quote(text, 'growth held at a "steady pace" in May', "mixed")
    direct = _quote(text, "steady pace", "direct")
    assert polnear.reports([mixed, direct]) == [mixed]


def test_a_quote_counts_when_it_covers_half_of_a_quoted_content() -> None:
    text = "He said the plan was a betrayal of workers."
    gold = polnear.GoldQuote(text.index("the plan"), len(text) - 1, ())
    half = _quote(text, "the plan was a betrayal", "mixed")
    less = _quote(text, "betrayal", "direct")
    assert polnear.match([gold], [half]) == [(gold, half)]
    assert polnear.match([gold], [less]) == []


@pytest.mark.parametrize(
    ("text", "part", "cut"),
    [
        ('He said: "Prices will\nrise soon," he said.', "Prices will", True),
        ('He said: "Prices will rise soon."\n    More.', "Prices will rise soon.", False),
        ('"Prices will rise soon,"\nhe said.', "Prices will rise soon", False),
    ],
)
def test_the_wire_check_finds_quotes_cut_at_a_line_break(text: str, part: str, cut: bool) -> None:
    assert wire.cut_at_wrap(text, _quote(text, part, "direct")) is cut


def test_one_quote_may_cover_several_quoted_contents() -> None:
    text = '"Prices will rise. Wages will not," she said.'
    first = polnear.GoldQuote(1, text.index(" Wages"), ())
    second = polnear.GoldQuote(text.index("Wages"), text.index(","), ())
    quote = _quote(text, "Prices will rise. Wages will not", "direct")
    assert polnear.covered([first, second], [quote]) == [(first, quote), (second, quote)]
    assert len(polnear.match([first, second], [quote])) == 1
