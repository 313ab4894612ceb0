"""A fresh machine: `pip install newsevents` with the pip Python 3.11 ships, then ingest.

Only PyPI is needed. The first run downloads every wheel (2-6 minutes on a busy machine); pip's
cache makes the next ones faster (1-3 minutes; bytecode is not compiled). Issue 12: justext asks
for lxml[html_clean], which pip 23.2 did not match with lxml 6's html-clean extra, so ingesting
HTML failed until lxml_html_clean was declared directly.
"""

from __future__ import annotations

import ast
import io
import json
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[2]
PYTHON = shutil.which("python3.11")
PAGE = (
    "<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet in Geneva</h1>"
    "<p>GENEVA - Russian and American envoys met in Geneva on Tuesday to discuss arms control, "
    "officials said. The talks lasted four hours and will resume next month.</p>"
    "<p>The delegations agreed to exchange data on their arsenals before the next round.</p>"
    "</article></body></html>"
)


def _name(requirement: str) -> str:
    for separator in "<>=!~[; ":
        requirement = requirement.split(separator)[0]
    return requirement.lower().replace("_", "-")


def _imported_top_level_modules() -> set[str]:
    modules = set()
    for path in (ROOT / "src" / "newsevents").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"newsevents"}


def test_every_imported_package_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {
        _name(r) for r in project["dependencies"] + project["optional-dependencies"]["dask"]
    }
    distributions = packages_distributions()
    missing = {
        module: distributions.get(module)
        for module in _imported_top_level_modules()
        if not {_name(d) for d in distributions.get(module, [module])} & declared
    }
    assert missing == {}


def _warc(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        record = writer.create_warc_record(
            "https://example.org/envoys",
            "response",
            payload=io.BytesIO(PAGE.encode()),
            http_headers=headers,
        )
        writer.write_record(record)


@pytest.mark.slow
@pytest.mark.skipif(PYTHON is None, reason="needs python3.11 on PATH")
def test_a_fresh_venv_with_the_pip_python_ships_installs_and_ingests(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([str(PYTHON), "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "--disable-pip-version-check",
            "--no-compile",
            "-q",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "page.html").write_text(PAGE)
    _warc(inputs / "crawl.warc.gz")
    (inputs / "stories.jsonl").write_text(json.dumps({"text": "Russia warned Ukraine."}) + "\n")
    db = tmp_path / "store.duckdb"
    done = subprocess.run(
        [str(venv / "bin" / "newsevents"), "ingest", str(inputs), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "read 3, stored 3" in done.stdout
