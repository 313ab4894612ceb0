"""Tests for reading TIMEX3 values as calendar intervals."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.timeml import interval

INTERVALS = [
    # (value, first day, last day, precision, text)
    ("2018-06-12", date(2018, 6, 12), date(2018, 6, 12), "day", "2018-06-12"),
    ("2018-07-12T15:00", date(2018, 7, 12), date(2018, 7, 12), "day", "2018-07-12"),
    ("2018-07-12TNI", date(2018, 7, 12), date(2018, 7, 12), "day", "2018-07-12"),
    ("2018-02", date(2018, 2, 1), date(2018, 2, 28), "month", "2018-02"),
    ("2018", date(2018, 1, 1), date(2018, 12, 31), "year", "2018"),
    ("2018-W28", date(2018, 7, 9), date(2018, 7, 15), "month", "2018-07"),
    ("2018-W27-WE", date(2018, 7, 7), date(2018, 7, 8), "month", "2018-07"),
    ("2017-Q4", date(2017, 10, 1), date(2017, 12, 31), "year", "2017"),
    ("2018-H1", date(2018, 1, 1), date(2018, 6, 30), "year", "2018"),
    ("2017-WI", date(2017, 12, 1), date(2018, 2, 28), "year", "2017"),
    ("199", date(1990, 1, 1), date(1999, 12, 31), "year", "1990"),
    ("19", date(1900, 1, 1), date(1999, 12, 31), "year", "1900"),
]


@pytest.mark.parametrize(("value", "first", "last", "precision", "text"), INTERVALS)
def test_calendar_value_is_an_interval(
    value: str, first: date, last: date, precision: str, text: str
) -> None:
    span = interval(value)
    assert span is not None
    assert (span.first, span.last, span.precision, span.text) == (first, last, precision, text)


@pytest.mark.parametrize(
    "value", ["P3D", "PXY", "XXXX-WXX-1", "PAST_REF", "PRESENT_REF", "2018-02-30", ""]
)
def test_non_calendar_value_has_no_interval(value: str) -> None:
    assert interval(value) is None
