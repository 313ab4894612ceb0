from __future__ import annotations

import pytest

from newsevents.stages.clean import clean_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks began [19659002]. More.", "Talks began           . More."),
        ("\u201cWe agree,\u201d he said.", '"We agree," he said.'),
        ("\u00abNon\u00bb, dit-il.", '"Non", dit-il.'),
        ("Seoul\u2019s envoy", "Seoul's envoy"),
        ("a\u00a0b\u200bc", "a b c"),
        ("Body text.\n\nSource link", "Body text.\n\n           "),
        ("Body.\nRead more\n", "Body.\n         \n"),
        ("bell\x07here", "bell here"),
    ],
)
def test_cleaning_replaces_debris_with_same_length_text(text: str, expected: str) -> None:
    cleaned = clean_text(text)
    assert cleaned.text == expected
    assert len(cleaned.text) == len(text)


def test_debris_is_reported_as_warnings_with_offsets() -> None:
    text = "Start [19659002] middle.\n\nSource link"
    problems = clean_text(text, article_id="a1").problems
    assert [p.code for p in problems] == ["W101", "W102"]
    assert text[problems[0].start : problems[0].end] == "[19659002]"
    assert all(p.severity == "warning" and p.article_id == "a1" for p in problems)


def test_source_link_inside_the_body_is_kept() -> None:
    text = "The source link was broken, officials said."
    assert clean_text(text).text == text


def test_short_bracketed_numbers_are_not_markers() -> None:
    text = "Resolution [2397] was cited."
    assert clean_text(text).text == text
