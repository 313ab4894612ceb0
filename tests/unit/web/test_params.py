"""Parsing and validating query parameters."""

from __future__ import annotations

import pytest

from newsevents.web.errors import BadParameter
from newsevents.web.params import (
    choice,
    decode_cursor,
    encode_cursor,
    event_filter,
    filter_params,
    iso_date,
)


def test_cursor_round_trip() -> None:
    cursor = encode_cursor("goldstein", "desc", (-2.5, "article", 3))
    assert decode_cursor(cursor, sort="goldstein", order="desc", width=3) == (-2.5, "article", 3)


@pytest.mark.parametrize("cursor", ["!!!", "e30", encode_cursor("date", "asc", ("x", "y"))])
def test_malformed_cursors_are_bad_parameters(cursor: str) -> None:
    with pytest.raises(BadParameter, match="cursor"):
        decode_cursor(cursor, sort="date", order="asc", width=3)


@pytest.mark.parametrize(
    ("value", "expected"), [("2018-07-12", "2018-07-12"), ("", None), (None, None)]
)
def test_dates(value: str | None, expected: str | None) -> None:
    assert iso_date("since", value) == expected


@pytest.mark.parametrize("value", ["2018-02-30", "12/07/2018", "2018-7-1"])
def test_bad_dates(value: str) -> None:
    with pytest.raises(BadParameter, match="YYYY-MM-DD"):
        iso_date("since", value)


def test_choice_defaults_on_blank() -> None:
    assert choice("order", " ", ("asc", "desc"), "asc") == "asc"


def test_filters_round_trip_to_link_parameters() -> None:
    chosen = event_filter(source="usa", quad_class="2", since="2018-01-01", q=" talks ")
    assert filter_params(chosen) == {
        "source": "USA",
        "quad_class": 2,
        "since": "2018-01-01",
        "q": "talks",
        "mode": "all",
    }
