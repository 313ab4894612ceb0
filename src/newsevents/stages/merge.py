"""Merge reports of one event across articles into a single event with GDELT-style counts.

Two reports are of the same event when they have the same dyad (both actors known), the same
mode, a compatible code (the same CAMEO root, which covers one code being a prefix of the
other), dates within a window of the merged event's first date, and compatible places. The
result depends only on the set of reports, never on their order, so every engine and every
re-run gives the same merged events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from newsevents.ids import record_id

DEFAULT_WINDOW_DAYS = 3  # GDELT dedups within a day; wire follow-ups of one event span ~3 days


@dataclass(frozen=True, slots=True)
class Report:
    """One per-article event, with what merging needs from its article."""

    event_id: str
    article_id: str
    source: str | None
    target: str | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    mode: str
    day: date | None  # the event's date, else the article's publication date
    sentences: tuple[int, ...]  # every sentence of the article that reports it
    article_date: date | None = None
    publisher: str | None = None  # the article's source, else its id
    url: str | None = None
    story_id: str | None = None  # the near-duplicate story of the article
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    date: str | None = None  # the event's own date at its precision ("2019", "2019-12")
    date_precision: str | None = None  # day, month or year


@dataclass(slots=True)
class MergedEvent:
    """One event and every report of it, in merge order."""

    reports: list[Report] = field(default_factory=list)

    @property
    def id(self) -> str:
        return record_id("merged", self.reports[0].event_id)

    @property
    def first_day(self) -> date | None:
        return self.reports[0].day

    @property
    def place(self) -> Report | None:
        return next((r for r in self.reports if r.location_name or r.location_country), None)


def merge_reports(reports: Iterable[Report], *, window_days: int) -> list[MergedEvent]:
    """Group ``reports`` into merged events, sorted by first day and id."""
    ordered = sorted(reports, key=_order)
    merged: list[MergedEvent] = []
    for key, group in groupby(ordered, key=_group_key):
        if key is None:
            merged.extend(MergedEvent([report]) for report in group)
        else:
            merged.extend(_merge_group(list(group), window_days=window_days))
    return sorted(merged, key=lambda event: (event.first_day or date.max, event.id))


def _order(report: Report) -> tuple[str, str, str, str, date, str]:
    return (
        report.source or "",
        report.target or "",
        report.root,
        report.mode,
        report.day or date.max,
        report.event_id,
    )


def _group_key(report: Report) -> tuple[str, str, str, str] | None:
    """Reports that may merge share this key; None means the report stays on its own."""
    if not (report.source and report.target and report.day):
        return None
    return report.source, report.target, report.root, report.mode


def _merge_group(reports: Sequence[Report], *, window_days: int) -> list[MergedEvent]:
    """Reports of one key, sorted by day: each joins the first open compatible event."""
    done: list[MergedEvent] = []
    open_events: list[MergedEvent] = []
    for report in reports:
        if report.day is None:  # excluded by _group_key; keeps the types honest
            continue
        day = report.day
        still_open: list[MergedEvent] = []
        for event in open_events:
            first = event.first_day
            closed = first is None or (day - first).days > window_days
            (done if closed else still_open).append(event)
        open_events = still_open
        target = next((e for e in open_events if _same_place(e.place, report)), None)
        if target is None:
            open_events.append(MergedEvent([report]))
        else:
            target.reports.append(report)
    return done + open_events


def _same_place(place: Report | None, report: Report) -> bool:
    if place is None or not (report.location_name or report.location_country):
        return True
    if place.location_country and report.location_country:
        return place.location_country == report.location_country
    return place.location_name == report.location_name


def representative_code(event: MergedEvent) -> str:
    """The most reported code; ties go to the more specific (longer), then the smaller code."""
    counts = Counter(report.code for report in event.reports)
    return min(counts, key=lambda code: (-counts[code], -len(code), code))


def merged_row(event: MergedEvent) -> dict[str, object]:
    """The ``merged_events`` row of one merged event (GDELT's NumMentions, NumSources, ...)."""
    reports = event.reports
    code = representative_code(event)
    model = next(report for report in reports if report.code == code)
    place = event.place
    days = [report.day for report in reports if report.day]
    dated_by = min(reports, key=lambda report: (report.day or date.max, report.event_id))
    dated = [(r.article_date or date.max, r.article_id, r) for r in reports]
    first_report = min(dated, key=lambda item: (item[0], item[1]))[2]
    published = [report.article_date for report in reports if report.article_date]
    return {
        "id": event.id,
        "source": model.source,
        "target": model.target,
        "code": code,
        "root": model.root,
        "quad_class": model.quad_class,
        "goldstein": model.goldstein,
        "plover": model.plover,
        "mode": model.mode,
        "day": min(days) if days else None,
        "date": dated_by.date or (dated_by.day.isoformat() if dated_by.day else None),
        "date_precision": dated_by.date_precision or ("day" if dated_by.day else None),
        "last_day": max(days) if days else None,
        "location_name": place.location_name if place else None,
        "location_country": place.location_country if place else None,
        "location_lat": place.location_lat if place else None,
        "location_lon": place.location_lon if place else None,
        "num_mentions": sum(max(1, len(report.sentences)) for report in reports),
        "num_sources": len({report.publisher or report.article_id for report in reports}),
        "num_articles": len({report.article_id for report in reports}),
        "num_stories": len({report.story_id or report.article_id for report in reports}),
        "first_report": min(published) if published else None,
        "last_report": max(published) if published else None,
        "first_article_id": first_report.article_id,
        "source_url": first_report.url,
        "evidence": sorted({f"{r.article_id}:{s}" for r in reports for s in r.sentences}),
    }


def link_rows(event: MergedEvent) -> list[dict[str, object]]:
    """The ``merged_event_links`` rows: which raw event went into which merged event."""
    return [
        {
            "event_id": report.event_id,
            "merged_id": event.id,
            "article_id": report.article_id,
            "source": report.source,
            "target": report.target,
        }
        for report in event.reports
    ]
