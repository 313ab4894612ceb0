from __future__ import annotations

import io
import json

from newsevents.cli.render import write_rows, write_summary

SUMMARY = {
    "articles": 2,
    "events": 3,
    "quotes": 1,
    "entities": 4,
    "timexes": 2,
    "quarantined": 1,
    "not_english": 1,
    "languages": [{"language": "en", "articles": 1}, {"language": "es", "articles": 1}],
    "date_range": ["2018-06-12", "2018-07-06"],
    "by_root": [{"root": "04", "events": 2}, {"root": "11", "events": 1}],
    "by_quad_class": [{"quad_class": 1, "events": 2, "goldstein": 1.9}],
    "by_mode": [{"mode": "asserted", "events": 3}],
    "top_dyads": [{"source": "USAGOV", "target": "PRKGOV", "events": 2}],
}


def test_summary_names_roots_and_quad_classes() -> None:
    out = io.StringIO()
    write_summary(SUMMARY, out)
    text = out.getvalue()
    assert "Consult" in text and "Disapprove" in text and "verbal cooperation" in text
    assert "quarantined 1" in text and "2018-06-12 to 2018-07-06" in text
    assert "not in English 1" in text and "articles by language" in text


def test_rows_as_csv_and_jsonl() -> None:
    rows = [{"source": "USA", "code": "042", "day": None}]
    out = io.StringIO()
    write_rows(rows, fmt="csv", stream=out)
    assert out.getvalue().splitlines() == ["source,code,day", "USA,042,"]
    out = io.StringIO()
    write_rows(rows, fmt="jsonl", stream=out)
    assert json.loads(out.getvalue()) == rows[0]
