"""Checks on the bundled sample corpus (``newsevents/data/sample_corpus.jsonl``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED_TEXT = SHARED / "seed" / "article.txt"

# The task brief for the corpus: at least 40 articles, 2015-2026, 150-600 words, >= 10 with debris.
MIN_RECORDS = 40
MIN_DEBRIS = 10
MIN_WORDS, MAX_WORDS = 150, 600
FIRST_DATE, LAST_DATE = dt.date(2015, 1, 1), dt.date(2026, 12, 31)
# A shared run this long cannot be chance; it means text was copied.
COPY_RUN = 12

FIELDS = {"id", "date", "title", "source", "url", "language", "text", "debris"}
ID_PATTERN = re.compile(r"sample-\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*")
MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)

# Debris that scraping and machine translation leave behind, as seen in the shared seed article.
MARKER = re.compile(r"\[\d{8}\]")
TRAILER = re.compile(r"(?:Source link|Read more)\s*\Z")
MANGLED_DATE = re.compile(rf"\b{MONTH} (\d{{1,2}}) and \1\b")
DOUBLED_WORD = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _unbalanced_quotes(text: str) -> bool:
    """True when straight, curly or angle double quotes do not pair up."""
    return (
        text.count('"') % 2 == 1
        or text.count("\u201c") != text.count("\u201d")
        or text.count("\u00ab") != text.count("\u00bb")
    )


def _debris_found(text: str) -> list[str]:
    checks = {
        "marker": MARKER.search(text) is not None,
        "trailer": TRAILER.search(text) is not None,
        "mangled date": MANGLED_DATE.search(text) is not None,
        "doubled word": DOUBLED_WORD.search(text) is not None,
        "unbalanced quotes": _unbalanced_quotes(text),
    }
    return [name for name, found in checks.items() if found]


def _word_runs(text: str, size: int) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.fixture(scope="module")
def corpus_text() -> str:
    resource = files("newsevents") / "data" / "sample_corpus.jsonl"
    return resource.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def records(corpus_text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in corpus_text.splitlines()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A clean sentence.", []),
        ("One paragraph.[19659002]Another.", ["marker"]),
        ("The end.\n\nSource link", ["trailer"]),
        ("The end.\n\nRead more\n", ["trailer"]),
        ("Talks were held on July 6 and 6 in Pyongyang.", ["mangled date"]),
        ("Talks were held on July 6 and 7 in Pyongyang.", []),
        ("He flew to the the capital.", ["doubled word"]),
        ('She said "we are ready. Then she left.', ["unbalanced quotes"]),
        ("She said \u201cwe are ready.\u201d", []),
        ("\u00ab Oui \u00bb, he said, \u00ab bien s\u00fbr.", ["unbalanced quotes"]),
    ],
)
def test_debris_detector(text: str, expected: list[str]) -> None:
    assert _debris_found(text) == expected


def test_every_line_is_a_json_object(corpus_text: str) -> None:
    lines = corpus_text.splitlines()
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)


def test_corpus_is_utf8_without_ascii_escapes(corpus_text: str) -> None:
    assert "\\u00" not in corpus_text and "\\u20" not in corpus_text


def test_has_enough_records(records: list[dict[str, Any]]) -> None:
    assert len(records) >= MIN_RECORDS


def test_records_have_exactly_the_expected_fields(records: list[dict[str, Any]]) -> None:
    odd = [record.get("id") for record in records if set(record) != FIELDS]
    assert odd == []


def test_ids_are_unique(records: list[dict[str, Any]]) -> None:
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids))


def test_ids_follow_the_naming_scheme(records: list[dict[str, Any]]) -> None:
    odd = [record["id"] for record in records if not ID_PATTERN.fullmatch(record["id"])]
    assert odd == []


def test_dates_are_iso_and_in_range(records: list[dict[str, Any]]) -> None:
    odd = [
        record["id"]
        for record in records
        if not FIRST_DATE <= dt.date.fromisoformat(record["date"]) <= LAST_DATE
        or len(record["date"]) != len("YYYY-MM-DD")
    ]
    assert odd == []


@pytest.mark.parametrize(
    ("field", "expected"),
    [("source", "newsevents sample"), ("language", "en"), ("url", None)],
)
def test_constant_fields(records: list[dict[str, Any]], field: str, expected: object) -> None:
    assert {record[field] for record in records} == {expected}


@pytest.mark.parametrize("field", ["title", "text"])
def test_field_is_non_empty(records: list[dict[str, Any]], field: str) -> None:
    odd = [record["id"] for record in records if not str(record[field]).strip()]
    assert odd == []


def test_word_counts_in_range(records: list[dict[str, Any]]) -> None:
    counts = {record["id"]: len(record["text"].split()) for record in records}
    odd = {id_: n for id_, n in counts.items() if not MIN_WORDS <= n <= MAX_WORDS}
    assert odd == {}


def test_paragraphs_are_separated_by_blank_lines(records: list[dict[str, Any]]) -> None:
    single = re.compile(r"(?<!\n)\n(?!\n)")
    odd = [record["id"] for record in records if single.search(record["text"])]
    assert odd == []


def test_debris_flag_is_boolean(records: list[dict[str, Any]]) -> None:
    assert {type(record["debris"]) for record in records} == {bool}


def test_enough_debris_articles(records: list[dict[str, Any]]) -> None:
    assert sum(record["debris"] for record in records) >= MIN_DEBRIS


def test_debris_articles_contain_debris(records: list[dict[str, Any]]) -> None:
    odd = [r["id"] for r in records if r["debris"] and not _debris_found(r["text"])]
    assert odd == []


def test_clean_articles_have_no_scraping_debris(records: list[dict[str, Any]]) -> None:
    # Doubled words are left out: "that that" can be correct English.
    found = {r["id"]: _debris_found(r["text"]) for r in records if not r["debris"]}
    odd = {id_: kinds for id_, kinds in found.items() if set(kinds) - {"doubled word"}}
    assert odd == {}


def test_no_text_copied_from_the_seed_article(records: list[dict[str, Any]]) -> None:
    if not SEED_TEXT.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    seed_runs = _word_runs(SEED_TEXT.read_text(encoding="utf-8"), COPY_RUN)
    odd = [r["id"] for r in records if _word_runs(r["text"], COPY_RUN) & seed_runs]
    assert odd == []


def test_word_runs_detect_a_copy() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert _word_runs(text, COPY_RUN) & _word_runs(f"Prefix {text}.", COPY_RUN)
