"""The Parquet spool: parts round-trip through the stored schemas into the store."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from newsevents.model import Annotation, Article, Sentence
from newsevents.storage.duckdb import open_store
from newsevents.storage.parquet import read_parts, remove_parts, remove_spool, write_parts
from newsevents.storage.rows import annotation_rows
from newsevents.storage.schema import SCHEMAS


def _tables() -> dict[str, pa.Table]:
    text = "Envoys met in Geneva on Monday."
    annotation = Annotation(
        article=Article(id="g1", text=text, date="2019-03-04"),
        sentences=(Sentence(0, 0, len(text), 0, 7),),
    )
    rows = annotation_rows(annotation, run_id="r")
    return {name: pa.Table.from_pylist(rows[name], schema=SCHEMAS[name]) for name in rows}


def test_parts_are_partitioned_by_table_and_skip_empty_tables(tmp_path: Path) -> None:
    manifest = write_parts(_tables(), tmp_path, part="run-000001")
    assert sorted(manifest) == ["articles", "sentences"]
    assert Path(manifest["articles"]) == tmp_path / "articles" / "part-run-000001.parquet"


def test_parts_round_trip_with_their_schemas(tmp_path: Path) -> None:
    tables = _tables()
    loaded = read_parts(write_parts(tables, tmp_path, part="p"))
    assert all(loaded[name].equals(tables[name]) for name in loaded)


def test_the_store_loads_parts_and_they_can_be_removed(tmp_path: Path) -> None:
    manifest = write_parts(_tables(), tmp_path / "spool", part="p")
    with open_store(tmp_path / "s.duckdb") as store:
        store.write(read_parts(manifest))
        assert store.count("articles") == 1 and store.count("sentences") == 1
    remove_parts(manifest)
    assert not any(Path(path).exists() for path in manifest.values())


@pytest.mark.parametrize("name", ["fingerprints", "stories", "merged_events", "copies"])
def test_new_tables_exist_in_a_new_store(tmp_path: Path, name: str) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.count(name) == 0


def test_removing_a_spool_removes_its_parts_and_folders(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    write_parts(_tables(), spool, part="p")
    (spool / "articles" / "part-q.partial").write_bytes(b"half")  # a killed worker's leftover
    remove_spool(spool)
    assert not spool.exists()


def test_removing_a_spool_spares_what_is_not_a_part(tmp_path: Path) -> None:
    write_parts(_tables(), tmp_path, part="p")
    foreign = [tmp_path / "notes.txt", tmp_path / "articles" / "mine.parquet"]
    for path in foreign:
        path.write_text("keep me", encoding="utf-8")
    remove_spool(tmp_path)
    assert all(path.exists() for path in foreign)
    assert not (tmp_path / "sentences").exists()
