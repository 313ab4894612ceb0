"""Partitioned Parquet spool: workers write one file per table and chunk, the store loads them.

Layout: ``<spool>/<table>/part-<run>-<chunk>.parquet``, one Arrow schema per table (the same as
the DuckDB table's, ``storage/schema.py``), so the files are also a usable dataset on their own.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.storage.schema import SCHEMAS

Manifest = dict[str, str]  # table name -> Parquet file


def write_parts(tables: Mapping[str, pa.Table], spool: str | Path, *, part: str) -> Manifest:
    """Write each non-empty table to its partition; returns where each one went."""
    manifest: Manifest = {}
    for name, table in tables.items():
        if table.num_rows == 0:
            continue
        directory = Path(spool) / name
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"part-{part}.parquet"
        # Write then rename: a reader never sees a half-written file, even after a kill -9.
        partial = path.with_suffix(".partial")
        pq.write_table(table, partial, compression="zstd")
        partial.replace(path)
        manifest[name] = str(path)
    return manifest


def read_parts(manifest: Mapping[str, str]) -> dict[str, pa.Table]:
    """Load the tables of one manifest with their stored schemas."""
    return {name: pq.read_table(path, schema=SCHEMAS[name]) for name, path in manifest.items()}


def remove_parts(manifest: Mapping[str, str]) -> None:
    for path in manifest.values():
        Path(path).unlink(missing_ok=True)


def remove_spool(spool: str | Path) -> None:
    """Remove every part (written or half-written) and the folders they leave empty.

    Only files of the spool's own layout go, so a ``--spool`` pointed at a folder that holds
    anything else loses nothing of it (the folder then stays).
    """
    root = Path(spool)
    for name in SCHEMAS:
        directory = root / name
        if not directory.is_dir():
            continue
        for pattern in ("part-*.parquet", "part-*.partial"):
            for path in directory.glob(pattern):
                path.unlink(missing_ok=True)
        _remove_if_empty(directory)
    _remove_if_empty(root)


def _remove_if_empty(directory: Path) -> None:
    with contextlib.suppress(OSError):  # absent, or holds something that is not ours
        directory.rmdir()
