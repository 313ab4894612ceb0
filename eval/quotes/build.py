"""Build eval/quotes/test.jsonl and dev.jsonl from the annotated articles in test.txt and dev.txt.

Run ``python eval/quotes/build.py [test|dev]`` from the repository root after editing a .txt
file (``test`` when no set is named). dev.jsonl also holds the first 24 dev articles, which were
written as JSON; ``dev`` replaces only the articles whose ids dev.txt holds. Each
article is a header ``=== id | date | title``, its body, a line ``---`` and one line per gold
quote: ``D|I | speaker | actor | quoted text`` (``-`` for no speaker or actor). The text of an
article is its title, a blank line and the body, as in dev.jsonl; each quote is found by its
words, which must occur once in the text unless the kind carries an occurrence (``D2``: the
second occurrence).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_HEADER = re.compile(r"=== (?P<id>\S+) \| (?P<date>\d{4}-\d{2}-\d{2}) \| (?P<title>.+)")
_GOLD = re.compile(
    r"(?P<kind>[DI])(?P<nth>\d?) \| (?P<speaker>[^|]+) \| (?P<actor>[^|]+) \| (?P<text>.+)"
)
_KINDS = {"D": "direct", "I": "indirect"}


def _find(text: str, words: str, nth: int | None) -> int:
    starts = [match.start() for match in re.finditer(re.escape(words), text)]
    if len(starts) < (nth or 1) or (nth is None and len(starts) != 1):
        raise ValueError(f"{words!r} occurs {len(starts)} times; give its occurrence")
    return starts[(nth or 1) - 1]


def _quote(text: str, line: str) -> dict[str, Any]:
    found = _GOLD.fullmatch(line)
    if found is None:
        raise ValueError(f"not a gold line: {line!r}")
    words = found["text"]
    start = _find(text, words, int(found["nth"]) if found["nth"] else None)
    speaker, actor = found["speaker"].strip(), found["actor"].strip()
    return {
        "start": start,
        "end": start + len(words),
        "text": words,
        "kind": _KINDS[found["kind"]],
        "speaker": None if speaker == "-" else speaker,
        "actor": None if actor == "-" else actor,
    }


def _article(header: re.Match[str], lines: list[str]) -> dict[str, Any]:
    split = lines.index("---")
    body = "\n".join(lines[:split]).strip("\n")
    text = f"{header['title']}\n\n{body}\n"
    quotes = [_quote(text, line) for line in lines[split + 1 :] if line.strip()]
    quotes.sort(key=lambda quote: (quote["start"], quote["end"]))
    return {
        "id": header["id"],
        "date": header["date"],
        "title": header["title"],
        "text": text,
        "quotes": quotes,
    }


def build(source: Path = HERE / "test.txt") -> list[dict[str, Any]]:
    """The articles of ``source`` with their gold quotes and offsets."""
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    records: list[dict[str, Any]] = []
    header: re.Match[str] | None = None
    body: list[str] = []
    for line in [*lines, "=== end | 0000-00-00 | end"]:
        found = _HEADER.fullmatch(line)
        if found is None:
            body.append(line)
            continue
        if header is not None:
            records.append(_article(header, body))
        header, body = found, []
    return records


def merge(built: list[dict[str, Any]], target: Path) -> list[dict[str, Any]]:
    """The records of ``target`` not rebuilt from text, then the ``built`` ones."""
    ids = {record["id"] for record in built}
    kept = []
    if target.exists():
        lines = target.read_text(encoding="utf-8").splitlines()
        kept = [record for record in map(json.loads, lines) if record["id"] not in ids]
    return [*kept, *built]


def main(name: str) -> None:
    if name not in ("dev", "test"):
        raise SystemExit(f"usage: build.py [test|dev], not {name!r}")
    target = HERE / f"{name}.jsonl"
    built = build(HERE / f"{name}.txt")
    records = merge(built, target) if name == "dev" else built
    with target.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    kinds = [quote["kind"] for record in records for quote in record["quotes"]]
    print(
        f"{name}: {len(records)} articles, {len(kinds)} quotes "
        f"({kinds.count('direct')} direct, {kinds.count('indirect')} indirect)"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "test")
