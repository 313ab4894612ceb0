"""Properties: cleaning never moves an offset and is idempotent; quotes point into the input."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.model import Article, Parse
from newsevents.stages.clean import clean_text
from newsevents.stages.quotes import extract_quotes

texts = st.text(
    alphabet=st.sampled_from(list("ab \n\"'[]0123456789\u201c\u201d\u00ab\u00bb\u00a0\u200b.")),
    max_size=200,
) | st.text(max_size=200)


@given(texts)
def test_cleaning_preserves_length(text: str) -> None:
    assert len(clean_text(text).text) == len(text)


@given(texts)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@given(texts)
def test_cleaning_keeps_newlines_in_place(text: str) -> None:
    """A newline stays where it was, or becomes a space where it only wrapped a line."""
    cleaned = clean_text(text).text
    if "\u2028" in text or "\u2029" in text:
        return
    assert all(c == "\n" for c, o in zip(cleaned, text, strict=True) if o == "\n" and c != " ")
    assert all(o == "\n" for c, o in zip(cleaned, text, strict=True) if c == "\n")


# Invented wire paragraphs with quotations; wrapped at a random width, they must give quotes whose
# offsets point into the text as given (issue 13).
PARAGRAPHS = [
    '"We will not raise the price of crude oil this quarter," the oil minister told reporters '
    "after the meeting of the cartel in Vienna.",
    'The central bank governor said inflation would stay at a "steady but modest pace" through '
    "the rest of the year, according to a statement.",
    'Shipping lines called the new fees "a tax on every container that enters the harbour" and '
    "said they would appeal to the trade ministry.",
    'The union said the strike would go on. "Our members are ready to stay out for as long as it '
    'takes," said its president, Maria Lopes, a former dock worker.',
]


@st.composite
def wire_texts(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4))
    width = draw(st.integers(min_value=40, max_value=80))
    indent = draw(st.sampled_from(["    ", "\n"]))
    return indent.join(textwrap.fill(paragraph, width) + "\n" for paragraph in chosen)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=wire_texts())
def test_quotes_of_wrapped_text_point_into_the_text_as_given(
    text: str, parse_text: Callable[[str], Parse]
) -> None:
    parse = parse_text(clean_text(text).text)
    article = Article(id="wire", text=text, date="2020-01-01")
    quotes = extract_quotes(parse, article=article, entities=())
    assert quotes
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        # A quotation runs over its wraps to its closing mark.
        after = text[quote.end :].lstrip(" ,;:")
        assert quote.kind != "direct" or not after.startswith("\n") or after[1:2].isspace()
        if quote.speaker is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
