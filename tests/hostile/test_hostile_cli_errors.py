"""Every failure of a command is one coded line and exit 2 (fixable) or 3 (internal), never 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsevents.cli.main import cli
from newsevents.storage.duckdb import open_store

GOOD = '{"id": "a", "text": "Russia warned Ukraine on Tuesday."}\n'


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _one_coded_line(result: Result, code: str) -> None:
    assert result.output.startswith(f"error: [{code}]"), result.output
    assert result.output.count("\n") == 1


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    open_store(db).close()
    return db


@pytest.mark.parametrize("command", ["ingest", "annotate"])
def test_a_missing_input_is_exit_2_and_creates_no_store(tmp_path: Path, command: str) -> None:
    db = tmp_path / "new.duckdb"
    extra = ["--db", str(db)] if command == "ingest" else []
    result = _run(command, str(tmp_path / "missing.jsonl"), *extra)
    assert result.exit_code == 2
    _one_coded_line(result, "NE003")
    assert not db.exists()


@pytest.mark.parametrize("command", ["events", "actors"])
def test_a_negative_limit_is_a_usage_error(store: Path, command: str) -> None:
    assert _run(command, "--db", str(store), "--limit", "-1").exit_code == 2


@pytest.mark.parametrize("value", ["2018-07-12garbage!!", "2018-13-01", "12/07/2018"])
def test_dates_are_parsed_strictly(store: Path, value: str) -> None:
    result = _run("events", "--db", str(store), "--since", value)
    assert result.exit_code == 2
    _one_coded_line(result, "NE104")


def test_a_truncated_store_is_one_coded_line(store: Path) -> None:
    with store.open("r+b") as handle:
        handle.truncate(5000)
    result = _run("summary", "--db", str(store))
    assert result.exit_code == 2
    _one_coded_line(result, "NE400")


def test_output_into_a_read_only_place_is_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD)
    result = _run("annotate", str(source), "-o", "/proc/newsevents-out.jsonl")
    assert result.exit_code == 2
    assert result.output.startswith(("error: [NE700]", "error: [NE701]"))


def test_an_internal_error_is_exit_3_with_one_line(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug\nwith a second line")

    monkeypatch.setattr("newsevents.cli.main.open_store", broken)
    result = _run("summary", "--db", str(store))
    assert result.exit_code == 3
    _one_coded_line(result, "NE900")


# Files may not grow past 4 x 512 bytes, as on a full disk; SIGXFSZ ignored, so writes fail with
# EFBIG instead of killing the process.
SMALL_FILES = ["sh", "-c", 'trap "" XFSZ; ulimit -f 4; exec "$0" "$@"']


@pytest.mark.slow
def test_a_full_disk_is_one_coded_line_and_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(GOOD * 20)
    output = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsevents.cli", "annotate", str(source), "-o", str(output)]
    done = subprocess.run([*SMALL_FILES, *command], capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: [NE701] File too large")
    assert not output.exists()
