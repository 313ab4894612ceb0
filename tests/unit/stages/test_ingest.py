from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsevents.ids import content_hash
from newsevents.model import Article
from newsevents.stages.ingest import (
    RawRecord,
    Rejected,
    parse_date,
    read_records,
    validate_record,
)


def _validate(raw: str) -> Article | Rejected:
    return validate_record(RawRecord("input.jsonl", 7, raw))


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{not json", "NE101"),
        ("[1, 2]", "NE101"),
        ('{"id": "a"}', "NE102"),
        ('{"id": "a", "text": 42}', "NE103"),
        ('{"id": "a", "text": "   "}', "NE106"),
        ('{"id": "a", "text": "ok", "date": "12/07/2018"}', "NE104"),
        ('{"id": "a", "text": "ok", "date": "0018-07-12"}', "NE104"),
        ('{"id": "a", "text": "ok", "date": 20180712}', "NE104"),
        ('{"id": ["a"], "text": "ok"}', "NE105"),
        ('{"id": "a", "text": "ok", "title": 3}', "NE105"),
    ],
)
def test_bad_records_are_rejected_with_a_code_and_a_fix(raw: str, code: str) -> None:
    result = _validate(raw)
    assert isinstance(result, Rejected)
    assert result.problem.code == code
    assert "input.jsonl:7" in result.problem.message
    assert "fix:" in result.problem.message


def test_rejected_record_keeps_its_id_when_it_has_one() -> None:
    result = _validate('{"id": "a-17", "text": 42}')
    assert isinstance(result, Rejected) and result.id == "a-17"


def test_missing_id_becomes_the_content_hash() -> None:
    result = _validate('{"text": "Ministers met."}')
    assert isinstance(result, Article) and result.id == content_hash("Ministers met.")


def test_numeric_id_becomes_a_string() -> None:
    result = _validate('{"id": 12, "text": "Ministers met."}')
    assert isinstance(result, Article) and result.id == "12"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-07-12", "2018-07-12"),
        ("2019-11-25 23:43:03Z", "2019-11-25"),
        ("2019-11-25T23:43:03+02:00", "2019-11-25"),
        ("1987-02-26T15:01:01", "1987-02-26"),
    ],
)
def test_dates_are_normalized(value: str, expected: str) -> None:
    assert parse_date(value) == expected


def test_empty_date_means_unknown() -> None:
    result = _validate(json.dumps({"id": "a", "text": "x", "date": ""}))
    assert isinstance(result, Article) and result.date is None


def test_read_records_from_folder_text_and_jsonl_blank_lines_included(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n')
    (tmp_path / "a.txt").write_text("A plain story.")
    (tmp_path / "ignored.csv").write_text("x,y")
    records = list(read_records([tmp_path]))
    assert [(Path(r.origin).name, r.line, r.is_text_file) for r in records] == [
        ("a.txt", 1, True),
        ("b.jsonl", 1, False),
        ("b.jsonl", 2, False),  # blank: it gets its own error line (issue 12)
        ("b.jsonl", 3, False),
    ]


def test_read_records_from_stdin() -> None:
    records = list(read_records(["-"], stdin=io.StringIO('{"text": "x"}\n')))
    assert records[0].origin == "<stdin>" and records[0].raw == '{"text": "x"}'


def test_text_file_becomes_an_article_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Envoys met in Geneva.")
    (record,) = read_records([path])
    article = validate_record(record)
    assert isinstance(article, Article) and article.source == "story.txt"
