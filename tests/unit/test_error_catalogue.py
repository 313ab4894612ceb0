"""Every error and warning code is in one catalogue, and docs/errors.md shows that catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import newsevents
from newsevents.errors import CATALOGUE, NewsEventsError, catalogue_markdown

SRC = Path(newsevents.__file__).resolve().parent
DOCS = Path(__file__).resolve().parents[2] / "docs" / "errors.md"
CODE = re.compile(r"""["'\[]((?:NE|W)\d{3})["'\]]""")


def _subclasses(cls: type[NewsEventsError]) -> list[type[NewsEventsError]]:
    found = [cls]
    for sub in cls.__subclasses__():
        found += _subclasses(sub)
    return found


def _codes_in_source() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for code in CODE.findall(line):
                used.setdefault(code, []).append(f"{path.relative_to(SRC)}:{number}")
    return used


def test_every_exception_code_is_catalogued() -> None:
    missing = {cls.__name__: cls.code for cls in _subclasses(NewsEventsError)}
    assert {name: code for name, code in missing.items() if code not in CATALOGUE} == {}


def test_every_code_written_in_the_source_is_catalogued() -> None:
    used = _codes_in_source()
    assert {code: where for code, where in used.items() if code not in CATALOGUE} == {}


def test_every_catalogued_code_is_used() -> None:
    used = set(_codes_in_source()) | {cls.code for cls in _subclasses(NewsEventsError)}
    assert sorted(set(CATALOGUE) - used) == []


def test_docs_show_the_catalogue() -> None:
    assert catalogue_markdown() in DOCS.read_text(encoding="utf-8")
