"""Calendar arithmetic for TIMEX3 values: month shifts, ISO weeks, weekdays and year choice."""

from __future__ import annotations

from datetime import date, timedelta

from newsevents.stages.dates.context import Tense

# A month or day written without a year is read in the year that puts it nearest the reference
# date, unless the tense says otherwise and the nearest reading is more than this far on the wrong
# side (a wire story about "December" in July, past tense, means last December).
_WRONG_SIDE_DAYS = 30


def shift_months(day: date, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` months from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    """The TIMEX3 week value of ``day``, e.g. "2018-W28"."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday(today: date, number: int, *, relation: str, tense: Tense) -> date:
    """The date of ISO weekday ``number`` relative to ``today``.

    "last"/"next" step strictly back or forward. A bare weekday is ``today`` when it matches,
    otherwise the most recent one for past (and present-tense reporting) clauses and the next
    one for future or scheduled-present clauses.
    """
    back = (today.isoweekday() - number) % 7
    ahead = (number - today.isoweekday()) % 7
    if relation == "last":
        return today - timedelta(days=back or 7)
    if relation in ("next", "coming"):
        return today + timedelta(days=ahead or 7)
    if back == 0:
        return today
    if tense in ("future", "present", "upcoming"):
        return today + timedelta(days=ahead)
    return today - timedelta(days=back)


def year_for(today: date, month: int, day: int | None, *, tense: Tense) -> int | None:
    """The year of a month (and day) written without one; None when the day cannot exist."""
    readings: list[date] = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            readings.append(date(year, month, day or 15))
        except ValueError:  # February 29 outside leap years
            continue
    if not readings:
        return None
    if tense == "upcoming":  # the next one: this month counts, an earlier day does not
        first = today if day else today.replace(day=1)
        ahead = [reading for reading in readings if reading >= first]
        if ahead:
            return ahead[0].year
    nearest = min(readings, key=lambda reading: abs((reading - today).days))
    margin = timedelta(days=_WRONG_SIDE_DAYS if day else _WRONG_SIDE_DAYS + 15)
    if tense in ("past", "perfect") and nearest > today + margin:
        return nearest.year - 1
    if tense == "future" and nearest < today - margin:
        return nearest.year + 1
    return nearest.year


def valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
