"""No command destroys data: outputs that are an input, the store or an existing file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsevents.cli.main import cli
from newsevents.output import replaced_at_end
from newsevents.storage.duckdb import open_store

INPUT = '{"id": "a", "text": "Russia warned Ukraine."}\n'


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    open_store(db).close()
    return db


def test_annotate_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(INPUT)
    result = _run("annotate", str(path), "-o", str(tmp_path / "." / "in.jsonl"))
    assert result.exit_code == 2
    assert "[NE700]" in result.output and "is the input" in result.output
    assert path.read_text() == INPUT


def test_export_refuses_to_write_over_the_store(store: Path) -> None:
    before = store.read_bytes()
    result = _run("export", "--db", str(store), "--format", "csv", "-o", str(store))
    assert result.exit_code == 2 and "is the store" in result.output
    assert store.read_bytes() == before


@pytest.mark.parametrize(("flags", "code", "kept"), [((), 2, True), (("--force",), 0, False)])
def test_export_replaces_an_existing_file_only_with_force(
    store: Path, tmp_path: Path, flags: tuple[str, ...], code: int, kept: bool
) -> None:
    target = tmp_path / "events.csv"
    target.write_text("precious")
    result = _run("export", "--db", str(store), "--format", "csv", "-o", str(target), *flags)
    assert result.exit_code == code
    assert (target.read_text() == "precious") is kept


@pytest.mark.parametrize(("flags", "code", "kept"), [((), 2, True), (("--force",), 0, False)])
def test_export_replaces_an_existing_readme_beside_it_only_with_force(
    store: Path, tmp_path: Path, flags: tuple[str, ...], code: int, kept: bool
) -> None:
    target = tmp_path / "events.csv"
    readme = tmp_path / "events.csv.README.txt"
    readme.write_text("precious")
    result = _run("export", "--db", str(store), "--format", "csv", "-o", str(target), *flags)
    assert result.exit_code == code
    assert (readme.read_text() == "precious") is kept
    assert target.exists() is not kept  # nothing is written when the README is refused


@pytest.mark.parametrize("command", ["annotate", "export"])
def test_output_into_a_missing_folder_is_one_coded_line(
    store: Path, tmp_path: Path, command: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(INPUT)
    output = str(tmp_path / "missing" / "out")
    args = [str(source)] if command == "annotate" else ["--db", str(store), "--format", "csv"]
    result = _run(command, *args, "-o", output)
    assert result.exit_code == 2
    assert result.output.startswith("error: [NE700]") and result.output.count("\n") == 1


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    with pytest.raises(RuntimeError), replaced_at_end(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
