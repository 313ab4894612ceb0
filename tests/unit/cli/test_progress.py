"""Ingest progress when piped: a line every few seconds and one at the end, never a frozen bar."""

from __future__ import annotations

import io

import pytest

from newsevents.cli import progress
from newsevents.cli.progress import LineReporter


def test_piped_progress_prints_a_line_every_few_seconds_and_at_the_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([0.0, 1.0, 6.0, 7.0, 8.0, 20.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    out = io.StringIO()
    reporter = LineReporter(10, stream=out, every=5.0)  # started at 0 s
    for _ in range(3):
        reporter.advance(2)  # at 1 s (quiet), 6 s (a line), 7 s (quiet)
    reporter.advance(4)  # at 8 s: the last record, a line
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ingest: 4/10 records (40%)")
    assert lines[1].startswith("ingest: 10/10 records (100%)")
    assert len(lines) == 2 and "ETA" in lines[0]


def test_quiet_means_no_progress_at_all() -> None:
    with progress.progress_bar(("none.jsonl",), quiet=True) as advance:
        assert advance is None
