"""Infer a missing publication date from a dateline or from the latest date written in the text."""

from __future__ import annotations

import re
from datetime import date

from newsevents.model import Parse
from newsevents.stages.dates.absolute import written_dates
from newsevents.stages.dates.lexicon import MONTHS
from newsevents.stages.dates.patterns import MONTH_ANY

# "GENEVA, March 3 (Reuters) -", "SEOUL, July 12, 2018 (AFP) -", "SALVADOR, Feb 26 -": a place
# in capitals or title case, a month and day, an optional year and agency, then a dash.
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}"
    r"(?:,[ \t]*[A-Z][\w.' ]{1,30})?,?[ \t]+)?"
    rf"(?P<month>{MONTH_ANY})[ \t]+(?P<day>\d{{1,2}})(?:,?[ \t]+(?P<year>\d{{4}}))?[ \t]*"
    r"(?:\([\w .&-]{1,30}\)[ \t]*)?(?:--|[-–—])",
    re.MULTILINE,
)
# Datelines open the story: look no further than the title and the first line of the body.
_DATELINE_REACH = 400


def infer_publication_date(parse: Parse) -> tuple[str, str] | None:
    """The publication date (YYYY-MM-DD) and how it was found, or None.

    A dateline gives the month and day; its year, when missing, is the year of the latest date
    written in full in the text. Without a dateline the latest full date in the text is used.
    """
    dates = written_dates(parse.text)
    latest = max(dates) if dates else None
    match = _DATELINE.search(parse.text, 0, _DATELINE_REACH)
    if match:
        year = int(match["year"]) if match["year"] else (latest.year if latest else None)
        found = _date(year, MONTHS[match["month"].lower().rstrip(".")], int(match["day"]))
        if found is not None:
            how = "dateline" if match["year"] else "dateline, year of the latest date in the text"
            return found.isoformat(), how
    if latest is not None:
        return latest.isoformat(), "latest date in the text"
    return None


def _date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
