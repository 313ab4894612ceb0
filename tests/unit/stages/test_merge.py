"""Merging reports of one event across articles: dyad, code, date window, place."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from newsevents.stages.merge import Report, merge_reports, merged_row, representative_code

WINDOW = 3


def report(event_id: str, **changes: object) -> Report:
    base = Report(
        event_id=event_id,
        article_id=f"art-{event_id}",
        source="USAGOV",
        target="PRKGOV",
        code="042",
        root="04",
        quad_class=1,
        goldstein=1.9,
        plover="CONSULT",
        mode="asserted",
        day=date(2018, 6, 12),
        sentences=(0,),
        article_date=date(2018, 6, 12),
        publisher=f"pub-{event_id}",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def groups(reports: list[Report]) -> list[list[str]]:
    merged = merge_reports(reports, window_days=WINDOW)
    return sorted(sorted(r.event_id for r in event.reports) for event in merged)


@pytest.mark.parametrize(
    ("changes", "merged"),
    [
        ({}, True),
        ({"code": "043"}, True),  # same root
        ({"code": "0421"}, True),  # a prefix of the other code
        ({"code": "051", "root": "05"}, False),
        ({"target": "KORGOV"}, False),
        ({"source": "PRKGOV", "target": "USAGOV"}, False),  # the dyad is directed
        ({"mode": "negated"}, False),
        ({"day": date(2018, 6, 15)}, True),  # within the window
        ({"day": date(2018, 6, 16)}, False),
        ({"location_country": "SGP", "location_name": "Singapore"}, True),  # one place unknown
    ],
)
def test_two_reports_merge_only_when_compatible(changes: dict[str, object], merged: bool) -> None:
    result = groups([report("a"), report("b", **changes)])
    assert (result == [["a", "b"]]) is merged


def test_different_places_do_not_merge() -> None:
    first = report("a", location_country="SGP", location_name="Singapore")
    second = report("b", location_country="VNM", location_name="Hanoi")
    assert groups([first, second]) == [["a"], ["b"]]


@pytest.mark.parametrize("missing", ["source", "target", "day"])
def test_reports_without_a_dyad_or_date_stay_alone(missing: str) -> None:
    assert groups([report("a", **{missing: None}), report("b", **{missing: None})]) == [
        ["a"],
        ["b"],
    ]


def test_window_counts_from_the_first_report_not_the_last() -> None:
    days = [date(2018, 6, 12), date(2018, 6, 14), date(2018, 6, 16)]
    reports = [report(name, day=day) for name, day in zip("abc", days, strict=True)]
    assert groups(reports) == [["a", "b"], ["c"]]


def test_merging_ignores_input_order() -> None:
    reports = [report(str(n), day=date(2018, 6, 10 + n % 5)) for n in range(9)]
    first = merge_reports(reports, window_days=WINDOW)
    second = merge_reports(list(reversed(reports)), window_days=WINDOW)
    assert [merged_row(e) for e in first] == [merged_row(e) for e in second]


def test_merged_row_counts_mentions_sources_articles_and_reports() -> None:
    reports = [
        report("a", sentences=(0, 4), publisher="wire", url="https://wire.example/a"),
        report("b", publisher="wire", article_date=date(2018, 6, 13), story_id="art-a"),
        report("c", code="043", day=date(2018, 6, 13), article_date=date(2018, 6, 14)),
    ]
    (event,) = merge_reports(reports, window_days=WINDOW)
    row = merged_row(event)
    expected = {
        "num_mentions": 4,
        "num_sources": 2,
        "num_articles": 3,
        "num_stories": 2,
        "first_report": date(2018, 6, 12),
        "last_report": date(2018, 6, 14),
        "day": date(2018, 6, 12),
        "last_day": date(2018, 6, 13),
        "code": "042",
        "source_url": "https://wire.example/a",
        "evidence": ["art-a:0", "art-a:4", "art-b:0", "art-c:0"],
    }
    assert {key: row[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("codes", "expected"),
    [(["042", "043", "043"], "043"), (["04", "042"], "042"), (["043", "042"], "042")],
)
def test_representative_code_is_the_most_reported_then_most_specific(
    codes: list[str], expected: str
) -> None:
    reports = [report(str(n), code=code) for n, code in enumerate(codes)]
    (event,) = merge_reports(reports, window_days=WINDOW)
    assert representative_code(event) == expected
