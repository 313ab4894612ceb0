"""Split an article's text into segments so overlapping spans can all be highlighted."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# What the article view highlights, and which offsets of each record make its span. An event is
# shown at its trigger (the words that express it), falling back to its whole span.
SPAN_KINDS = ("entity", "timex", "quote", "event", "reference")
SPAN_LABELS = {
    "entity": "entities",
    "timex": "time expressions",
    "quote": "quotes",
    "event": "events",
    "reference": "references",
}
_TABLES = {
    "entity": "entities",
    "timex": "timexes",
    "quote": "quotes",
    "event": "events",
    "reference": "references",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``id`` is ``kind-idx`` (``event-2``), offsets into the text."""

    id: str
    kind: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same marks (none for plain text)."""

    text: str
    start: int
    marks: tuple[Mark, ...]

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"k-{mark.kind}" for mark in self.marks}))

    @property
    def ids(self) -> str:
        return " ".join(mark.id for mark in self.marks)

    @property
    def title(self) -> str:
        return "; ".join(mark.label for mark in self.marks)


def _label(kind: str, record: dict[str, Any]) -> str:
    if kind == "entity":
        return f"{record['label']} {record['actor'] or '(unknown actor)'}"
    if kind == "timex":
        return f"{record['type']} {record['value']}"
    if kind == "quote":
        return f"{record['kind']} quote, speaker {record['speaker'] or 'unknown'}"
    if kind == "event":
        return f"event {record['code']} {record['source'] or '?'} -> {record['target'] or '?'}"
    return f"{record['kind']} {record['ref_id']}"


def marks(article: dict[str, Any], length: int) -> list[Mark]:
    """Every span of the article that lies inside its text (bad offsets are skipped, not fatal)."""
    found = []
    for kind in SPAN_KINDS:
        for record in article.get(_TABLES[kind], []):
            start, end = record["start"], record["end"]
            if kind == "event" and record.get("trigger_start") is not None:
                start, end = record["trigger_start"], record["trigger_end"]
            if start is None or end is None or not 0 <= start < end <= length:
                continue
            found.append(Mark(f"{kind}-{record['idx']}", kind, start, end, _label(kind, record)))
    return found


def segments(text: str, spans: list[Mark]) -> list[Segment]:
    """The text cut at every span boundary; each piece knows the spans that cover it."""
    cuts = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    by_start = sorted(spans, key=lambda mark: mark.start)
    active: list[Mark] = []
    result = []
    cursor = 0
    for left, right in pairwise(cuts):
        while cursor < len(by_start) and by_start[cursor].start <= left:
            active.append(by_start[cursor])
            cursor += 1
        active = [mark for mark in active if mark.end > left]
        result.append(Segment(text[left:right], left, tuple(active)))
    return result
