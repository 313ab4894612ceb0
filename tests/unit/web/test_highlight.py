"""Cutting an article into highlight segments."""

from __future__ import annotations

import pytest

from newsevents.web.highlight import Mark, marks, segments

TEXT = "Kim met Trump in Singapore on Tuesday."


def mark(kind: str, idx: int, phrase: str) -> Mark:
    start = TEXT.index(phrase)
    return Mark(f"{kind}-{idx}", kind, start, start + len(phrase), kind)


def test_segments_rebuild_the_text() -> None:
    spans = [mark("entity", 0, "Kim"), mark("quote", 0, "met Trump in"), mark("entity", 1, "Trump")]
    assert "".join(piece.text for piece in segments(TEXT, spans)) == TEXT


def test_overlapping_spans_split_into_pieces_that_know_both() -> None:
    spans = [mark("quote", 0, "met Trump in"), mark("entity", 1, "Trump")]
    covered = {piece.text: piece.ids for piece in segments(TEXT, spans) if piece.marks}
    assert covered == {"met ": "quote-0", "Trump": "quote-0 entity-1", " in": "quote-0"}


def test_classes_name_each_kind_once() -> None:
    spans = [mark("entity", 0, "Trump"), mark("entity", 1, "Trump"), mark("event", 0, "Trump")]
    piece = next(piece for piece in segments(TEXT, spans) if piece.marks)
    assert piece.classes == "k-entity k-event"


def test_no_spans_is_one_plain_segment() -> None:
    assert [(piece.text, piece.marks) for piece in segments(TEXT, [])] == [(TEXT, ())]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"start": 4, "end": 7, "trigger_start": 4, "trigger_end": 7}, [(4, 7)]),
        ({"start": 0, "end": 13, "trigger_start": None, "trigger_end": None}, [(0, 13)]),
        ({"start": 30, "end": 99, "trigger_start": None, "trigger_end": None}, []),
        ({"start": 5, "end": 5, "trigger_start": None, "trigger_end": None}, []),
    ],
)
def test_events_are_marked_at_their_trigger_and_bad_offsets_skipped(
    record: dict[str, object], expected: list[tuple[int, int]]
) -> None:
    event = {"idx": 0, "code": "040", "source": "PRK", "target": "USA", **record}
    found = marks({"events": [event]}, len(TEXT))
    assert [(m.start, m.end) for m in found] == expected
