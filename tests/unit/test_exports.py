"""Exports of merged events: GDELT 2.0 columns, PLOVER field names, CSV and Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsevents.exports import (
    EXTRA_COLUMNS,
    GDELT_COLUMNS,
    export,
    gdelt_dates,
    split_actor,
    write_text,
)
from newsevents.model import Annotation, Article, Event, Location, Sentence
from newsevents.storage.duckdb import DuckDBStore, open_store
from newsevents.storage.merging import remerge
from newsevents.storage.rows import annotation_rows
from newsevents.storage.schema import SCHEMAS


def _annotation(article_id: str, day: str) -> Annotation:
    text = f"Report {article_id}: American and North Korean envoys met in Singapore."
    event = Event(
        article_id=article_id, source="USAGOV", target="IGOUNO", code="042", root="04",
        quad_class=1, goldstein=1.9, plover="CONSULT", mode="asserted", sentence=0, start=0,
        end=len(text), rule="test", date=day, date_precision="day",
        location=Location("Singapore", "SGP", 1.29, 103.85),
    )  # fmt: skip
    # A denied strike known to the month: neither asserted nor of a day (issue 14).
    denied = Event(
        article_id=article_id, source="PRKMIL", target="KORMIL", code="190", root="19",
        quad_class=4, goldstein=-10.0, plover="ASSAULT", mode="negated", sentence=0, start=0,
        end=len(text), rule="test", date="2018-05", date_precision="month",
    )  # fmt: skip
    article = Article(id=article_id, text=text, date=day, url=f"https://wire.example/{article_id}")
    return Annotation(
        article=article, events=(event, denied), sentences=(Sentence(0, 0, len(text), 0, 9),)
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with open_store(tmp_path_factory.mktemp("exports") / "e.duckdb") as store:
        for article_id, day in (("a", "2018-06-12"), ("b", "2018-06-13")):
            rows: dict[str, Any] = annotation_rows(_annotation(article_id, day), run_id="r")
            rows["merge_pending"] = [
                {"source": "USAGOV", "target": "IGOUNO"},
                {"source": "PRKMIL", "target": "KORMIL"},
            ]
            store.write(rows)
        remerge(store, window_days=3)
        yield store


def _text(store: DuckDBStore, fmt: str) -> str:
    handle = io.StringIO()
    write_text(store, fmt=fmt, handle=handle)
    return handle.getvalue()


def test_gdelt_has_the_61_event_table_columns_then_ours(store: DuckDBStore) -> None:
    header = _text(store, "gdelt").splitlines()[0].split("\t")
    assert len(GDELT_COLUMNS) == 61
    assert header == [*GDELT_COLUMNS, *EXTRA_COLUMNS]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("SQLDATE", "20180612"),
        ("MonthYear", "201806"),
        ("Actor1Code", "USAGOV"),
        ("Actor1CountryCode", "USA"),
        ("Actor1Type1Code", "GOV"),
        ("Actor2KnownGroupCode", "UNO"),
        ("Actor2Type1Code", "IGO"),
        ("EventCode", "042"),
        ("EventRootCode", "04"),
        ("QuadClass", "1"),
        ("NumMentions", "2"),
        ("NumSources", "2"),
        ("NumArticles", "2"),
        ("ActionGeo_FullName", "Singapore"),
        ("ActionGeo_Type", "4"),
        ("AvgTone", ""),  # not computed: left empty
        ("SOURCEURL", "https://wire.example/a"),
        ("action_country_iso3", "SGP"),
        ("evidence", "a:0;b:0"),
    ],
)
def test_gdelt_values(store: DuckDBStore, column: str, value: str) -> None:
    header, line = _text(store, "gdelt").splitlines()[:2]
    assert dict(zip(header.split("\t"), line.split("\t"), strict=True))[column] == value


def test_plover_records_use_plover_field_names(store: DuckDBStore) -> None:
    (record,) = [json.loads(line) for line in _text(store, "plover").splitlines()]
    expected = {
        "date": "2018-06-12",
        "event": "CONSULT",
        "source": [{"code": "USA", "sector": "GOV"}],
        "target": [{"code": "IGO"}],
    }
    assert {key: record[key] for key in expected} == expected
    assert record["newsevents"]["num_articles"] == 2


def test_csv_has_the_merged_events_columns(store: DuckDBStore) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(store, "csv"))))
    assert list(rows[0]) == SCHEMAS["merged_events"].names and len(rows) == 1


def test_parquet_has_the_documented_schema(store: DuckDBStore, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert export(store, fmt="parquet", output=path) == 1
    assert pq.read_schema(path).equals(SCHEMAS["merged_events"])


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        ("USAGOV", {"Code": "USAGOV", "CountryCode": "USA", "Type1Code": "GOV"}),
        ("IGOUNO", {"Code": "IGOUNO", "Type1Code": "IGO", "KnownGroupCode": "UNO"}),
        ("PRK", {"Code": "PRK", "CountryCode": "PRK"}),
        (None, {}),
    ],
)
def test_split_actor(code: str | None, fields: dict[str, str]) -> None:
    assert split_actor(code) == fields


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover"])
def test_exports_hold_asserted_events_unless_told(store: DuckDBStore, fmt: str) -> None:
    def rows(**options: Any) -> int:
        handle = io.StringIO()
        return write_text(store, fmt=fmt, handle=handle, **options)

    assert rows() == rows(modes=("asserted",)) == 1
    assert rows(modes=None) == 2
    assert rows(modes=("negated",)) == 1


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("day", {"SQLDATE": "20180512", "MonthYear": "201805", "Year": 2018}),
        ("month", {"SQLDATE": None, "MonthYear": "201805", "Year": 2018, "FractionDate": None}),
        ("year", {"SQLDATE": None, "MonthYear": None, "Year": 2018}),
    ],
)
def test_gdelt_dates_never_invent_a_first_day(precision: str, expected: dict[str, Any]) -> None:
    from datetime import date

    values = gdelt_dates(date(2018, 5, 12), precision)
    assert {name: values.get(name) for name in expected} == expected


def test_csv_carries_the_date_at_its_precision(store: DuckDBStore) -> None:
    handle = io.StringIO()
    write_text(store, fmt="csv", handle=handle, modes=("negated",))
    (row,) = csv.DictReader(io.StringIO(handle.getvalue()))
    assert (row["date"], row["date_precision"], row["day"]) == ("2018-05", "month", "2018-05-01")


def test_a_file_export_says_what_it_holds(store: DuckDBStore, tmp_path: Path) -> None:
    export(store, fmt="gdelt", output=tmp_path / "e.tsv", modes=None)
    note = (tmp_path / "e.tsv.README.txt").read_text()
    assert "every mode" in note and "precision" in note
    export(store, fmt="parquet", output=tmp_path / "e.parquet")
    metadata = pq.read_schema(tmp_path / "e.parquet").metadata
    assert b"mode asserted" in metadata[b"newsevents"]
