"""TIMEX3 values read as calendar intervals, shared by the dates and dating stages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsevents.model import Precision

# TimeML 1.2.1 (TIMEX3 value attribute): day, month, year, ISO week, weekend, quarter, half,
# season, decade ("199") and century ("19"); an optional clock time after "T" is ignored here.
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T[\w:.]*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEARS = re.compile(r"\d{2,4}")

# First and last month of quarters, halves and (northern hemisphere) seasons, as TimeML uses them.
_PART_MONTHS: dict[str, tuple[int, int]] = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 12),
}


@dataclass(frozen=True, slots=True)
class Interval:
    """The calendar days a TIMEX3 value covers, and how precisely it names them."""

    first: date
    last: date
    precision: Precision

    @property
    def text(self) -> str:
        """The first day written at the interval's precision: YYYY-MM-DD, YYYY-MM or YYYY."""
        if self.precision == "day":
            return self.first.isoformat()
        if self.precision == "month":
            return self.first.isoformat()[:7]
        return f"{self.first.year:04d}"


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def interval(value: str) -> Interval | None:
    """The interval of a calendar TIMEX3 value, or None (durations, sets, PAST_REF, bad dates)."""
    try:
        return _interval(value)
    except ValueError:  # an impossible date such as 2018-02-30 in a hand-written value
        return None


def _interval(value: str) -> Interval | None:
    if match := _DAY.fullmatch(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return Interval(day, day, "day")
    if match := _MONTH.fullmatch(value):
        year, month = int(match[1]), int(match[2])
        return Interval(date(year, month, 1), month_end(year, month), "month")
    if match := _WEEK.fullmatch(value):
        return _week(int(match[1]), int(match[2]), weekend=bool(match[3]))
    if match := _PART.fullmatch(value):
        year = int(match[1])
        first, last = _PART_MONTHS[match[2]]
        end_year = year + 1 if match[2] == "WI" else year
        end_month = 2 if match[2] == "WI" else last
        return Interval(date(year, first, 1), month_end(end_year, end_month), "year")
    if _YEARS.fullmatch(value):
        span = 10 ** (4 - len(value))  # "2018" is one year, "199" ten, "19" a hundred
        first_year = int(value) * span
        return Interval(date(first_year, 1, 1), date(first_year + span - 1, 12, 31), "year")
    return None


def _week(year: int, week: int, *, weekend: bool) -> Interval:
    monday = date.fromisocalendar(year, week, 1)
    first = monday + timedelta(days=5) if weekend else monday
    # Precision has no "week"; a week is dated to its month, the closest the record can say.
    return Interval(first, monday + timedelta(days=6), "month")
