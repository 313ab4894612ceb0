"""Output files: refused when writing them would destroy an input or the store; written whole.

A command writes to a temporary file beside the output and renames it at the end, so a run that
fails or is killed leaves the previous file (or none), never a truncated one (issue 12).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsevents.errors import NewsEventsError

STDOUT = "-"


class OutputError(NewsEventsError):
    """The output path would destroy data or cannot be written."""

    code = "NE700"


def _same_file(first: Path, second: Path) -> bool:
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()


def check_output(
    output: str | Path,
    *,
    inputs: Iterable[str | Path] = (),
    store: str | Path | None = None,
    force: bool = True,
) -> Path:
    """The output path, once it is known not to be an input or the store, and to be writable."""
    path = Path(output)
    for given in inputs:
        if str(given) != STDOUT and _same_file(path, Path(given)):
            raise OutputError(
                f"the output {str(path)!r} is the input",
                fix="write the output to another file (-o OTHER)",
            )
    if store is not None and any(
        _same_file(path, Path(f"{store}{suffix}")) for suffix in ("", ".wal")
    ):
        raise OutputError(
            f"the output {str(path)!r} is the store", fix="write the output to another file"
        )
    if path.is_dir():
        raise OutputError(f"the output {str(path)!r} is a folder", fix="give a file name")
    if not force and path.exists():
        raise OutputError(
            f"the output {str(path)!r} exists", fix="give --force to replace it, or another name"
        )
    _check_folder(path.parent if str(path.parent) else Path("."))
    return path


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise OutputError(
            f"the output folder {str(folder)!r} does not exist", fix="create it first"
        )
    if not os.access(folder, os.W_OK):
        raise OutputError(
            f"the output folder {str(folder)!r} is not writable",
            fix="write the output somewhere you may write",
        )


@contextmanager
def replaced_at_end(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` on success only."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
