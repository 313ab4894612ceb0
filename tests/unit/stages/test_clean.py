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


# --- Hard-wrapped wire copy (issue 13) -------------------------------------------------------

WRAPPED = (
    "The harbour authority said on Tuesday that the new quay would\n"
    "open to container ships in the spring, two months later than\n"
    "planned, because of the cold weather and a shortage of steel.\n"
    "    The delay would cost the port about four mln dlrs in fees,\n"
    "the authority added.\n"
)


def test_line_breaks_inside_a_wrapped_paragraph_become_spaces() -> None:
    cleaned = clean_text(WRAPPED).text
    assert cleaned.split("\n")[0].endswith("shortage of steel.")
    assert "would open" in cleaned and "spring, two" in cleaned


@pytest.mark.parametrize(
    ("marker", "kept"),
    [
        ("indented paragraph", "\n    The delay"),
        ("last line before the end", "added.\n"),
    ],
)
def test_paragraph_breaks_of_wrapped_text_stay(marker: str, kept: str) -> None:
    assert kept in clean_text(WRAPPED).text, marker


@pytest.mark.parametrize(
    "text",
    [
        # A headline and its story: a single break is no evidence of wrapping.
        "Port opens new quay\nThe harbour authority opened the quay on Tuesday.",
        # Paragraphs written one to a line, longer than any feed's wrap width.
        "The harbour authority said on Tuesday that the new quay would open to container ships "
        "in the spring, two months later than planned.\nThe delay would cost the port about four "
        "million dollars in fees and charges, the authority added in its statement.\nShipping "
        "lines were told by letter.",
        # A list of short items is not wrapped prose.
        "Ports closed:\nAntwerp\nRotterdam\nHamburg and the smaller Baltic harbours nearby\nGdansk",
        # Blank lines between paragraphs.
        "The quay opened on Tuesday.\n\nShips arrived on Wednesday.\n\nMore came on Friday.",
    ],
)
def test_text_that_is_not_hard_wrapped_keeps_its_line_breaks(text: str) -> None:
    assert clean_text(text).text == text


def test_unwrapping_keeps_every_offset() -> None:
    cleaned = clean_text(WRAPPED).text
    assert len(cleaned) == len(WRAPPED)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(WRAPPED, cleaned, strict=True))


def test_wrapped_paragraphs_between_blank_lines_are_unwrapped() -> None:
    text = (
        "The harbour authority said on Tuesday that the new quay would\n"
        "open to container ships in the spring.\n\n"
        "The delay would cost the port about four mln dlrs in fees, the\n"
        "authority added in a statement on its website.\n"
    )
    assert clean_text(text).text == text.replace("would\n", "would ").replace("the\n", "the ")
