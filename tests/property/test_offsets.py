"""Properties: cleaning never moves an offset and is idempotent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsevents.stages.clean import clean_text

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
    cleaned = clean_text(text).text
    assert (
        [i for i, c in enumerate(text) if c == "\n"]
        == [i for i, c in enumerate(cleaned) if c == "\n"]
        or "\u2028" in text
        or "\u2029" in text
    )
