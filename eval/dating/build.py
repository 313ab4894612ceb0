"""Build eval/dating/{dev,test}.jsonl from the marked-up sentences in {dev,test}.txt.

Run ``python eval/dating/build.py`` from the repository root after editing dev.txt or test.txt.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_LINE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}) \| (?P<body>.+) \| (?P<gold>PUB|[\dA-Z-]+) \| (?P<kind>[a-z]+)"
)
_TRIGGER = re.compile(r"\[\[([^\]]+)\]\]")


def item(name: str, number: int, line: str) -> dict[str, Any]:
    """One sentence: the text without the trigger brackets and the trigger's offsets."""
    match = _LINE.fullmatch(line)
    if match is None:
        raise ValueError(f"{name}.txt item {number}: cannot read {line!r}")
    body = match["body"]
    (trigger,) = list(_TRIGGER.finditer(body))
    text = body[: trigger.start()] + trigger[1] + body[trigger.end() :]
    return {
        "id": f"{name}-{number:03d}",
        "date": match["date"],
        "text": text,
        "trigger": trigger[1],
        "trigger_start": trigger.start(),
        "trigger_end": trigger.start() + len(trigger[1]),
        "gold": match["gold"],
        "kind": match["kind"],
    }


def build(source: Path = HERE / "dev.txt") -> list[dict[str, Any]]:
    lines = source.read_text(encoding="utf-8").splitlines()
    items = [line for line in lines if line and line[:1] != "#"]
    return [item(source.stem, number, line) for number, line in enumerate(items, 1)]


if __name__ == "__main__":
    for name in ("dev", "test"):
        records = build(HERE / f"{name}.txt")
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)} sentences")
