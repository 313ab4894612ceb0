"""A progress bar with rate and ETA, shown only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from newsevents.stages.ingest import TEXT_SUFFIXES, iter_input_files


def count_records(paths: tuple[str, ...]) -> int | None:
    """Count input records cheaply (non-blank lines, or one per text file); None for stdin."""
    if "-" in paths:
        return None
    total = 0
    for path in iter_input_files(paths):
        if not path.is_file():
            continue
        if path.suffix.lower() in TEXT_SUFFIXES:
            total += 1
            continue
        with Path(path).open("rb") as handle:
            total += sum(1 for line in handle if line.strip())
    return total


@contextmanager
def progress_bar(paths: tuple[str, ...]) -> Iterator[Callable[[int], None] | None]:
    if not sys.stderr.isatty():
        yield None
        return
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
            progress.update(task, rate=f"{speed:.1f} articles/s" if speed else "")

        yield advance
