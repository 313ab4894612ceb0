"""Ingest progress: a live bar with rate and ETA on a terminal, else a line every few seconds."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from newsevents.stages.ingest import count_records

LINE_EVERY_SECONDS = 5.0  # piped output: often enough to see a run move, rare enough for a log


@contextmanager
def progress_bar(
    paths: tuple[str, ...], *, quiet: bool = False, stream: TextIO | None = None
) -> Iterator[Callable[[int], None] | None]:
    """A progress callback (records done) for an ingest of ``paths``; None when ``quiet``."""
    out = stream or sys.stderr
    if quiet:
        yield None
    elif out.isatty():
        with _bar(paths) as advance:
            yield advance
    else:
        yield LineReporter(count_records(paths), stream=out).advance


class LineReporter:
    """One line of progress at most every ``every`` seconds (for logs and pipes)."""

    def __init__(
        self, total: int | None, *, stream: TextIO, every: float = LINE_EVERY_SECONDS
    ) -> None:
        self.total, self.stream, self.every = total, stream, every
        self.done = 0
        self.started = self.last = time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        finished = self.total is not None and self.done >= self.total
        if now - self.last >= self.every or finished:
            self.last = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        total = self.total
        if total is None:  # stdin or WARC: no count ahead of time
            return f"ingest: {self.done} records, {rate:.1f}/s"
        left = (total - self.done) / rate if rate and total > self.done else 0.0
        share = f" ({100 * self.done / total:.0f}%)" if total else ""
        return f"ingest: {self.done}/{total} records{share}, {rate:.1f}/s, ETA {_duration(left)}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{rest}s"


@contextmanager
def _bar(paths: tuple[str, ...]) -> Iterator[Callable[[int], None]]:
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("ingest", total=count_records(paths), rate="")

        def advance(count: int) -> None:
            progress.advance(task, count)
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:.1f} records/s" if speed else "")

        yield advance
