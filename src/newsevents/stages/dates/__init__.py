"""Time expressions: find TIMEX3 dates, times, durations and sets, and infer publication dates."""

from __future__ import annotations

from newsevents.stages.dates.extract import extract_timexes
from newsevents.stages.dates.infer import infer_publication_date

__all__ = ["extract_timexes", "infer_publication_date"]
