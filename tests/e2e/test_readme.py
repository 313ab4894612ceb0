"""The README's examples run as written (datasette-style: docs checked by tests)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.DOTALL)


def _commands(block: str) -> list[str]:
    joined = block.replace("\\\n", " ")
    return [line.strip() for line in joined.splitlines() if line.strip() and "&" not in line]


def _localize(command: str) -> str:
    bin_dir = str(Path(sys.executable).parent)
    command = command.replace(".venv/bin/", f"{bin_dir}/")
    return command.replace("src/newsevents/data/", f"{ROOT}/src/newsevents/data/")


def test_readme_opens_with_the_two_setup_commands() -> None:
    _, first = BLOCKS[0]
    commands = [line.split("#")[0].strip() for line in first.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("readme")


def test_cli_examples_run(workdir: Path) -> None:
    (block,) = [body for _, body in BLOCKS if "newsevents annotate" in body]
    for command in _commands(block):
        done = subprocess.run(
            _localize(command), shell=True, cwd=workdir, capture_output=True, text=True
        )
        assert done.returncode == 0, (command, done.stderr[-2000:])
        assert done.stdout.strip(), command


def test_python_example_runs(workdir: Path) -> None:
    (block,) = [body for language, body in BLOCKS if language == "python"]
    if not (workdir / "newsevents.duckdb").exists():
        test_cli_examples_run(workdir)
    done = subprocess.run(
        [sys.executable, "-c", block], cwd=workdir, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "194" in done.stdout  # Russian forces shelled Kharkiv: CAMEO 194, artillery
