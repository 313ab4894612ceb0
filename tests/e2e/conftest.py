"""What end-to-end tests compare: a store's contents, independent of run ids and row order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsevents.storage.schema import SCHEMAS

Contents = dict[str, list[tuple[Any, ...]]]


def contents_of(db: Path) -> Contents:
    """Every stored table except the runs log, sorted, without run ids."""
    contents = {}
    with duckdb.connect(str(db), read_only=True) as connection:
        for name, schema in SCHEMAS.items():
            if name == "runs":
                continue
            columns = ", ".join(f'"{c}"' for c in schema.names if c != "run_id")
            rows = connection.execute(f"SELECT {columns} FROM {name}").fetchall()
            contents[name] = sorted(rows, key=repr)
    return contents


@pytest.fixture(scope="session")
def store_contents() -> Callable[[Path], Contents]:
    return contents_of
