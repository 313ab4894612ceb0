"""Hostile input records shared by the tests/hostile suite (issue 12), and a crashing worker."""

from __future__ import annotations

import json
import os
from typing import Any

from newsevents.engines.work import annotate_to_parquet
from newsevents.model import Article
from newsevents.stages.ingest.records import MAX_TEXT_CHARS
from newsevents.storage.parquet import Manifest

GOOD = "Russia warned Ukraine on Tuesday."
# (name, the JSON line, the error code it must get)
POISON: list[tuple[str, str, str]] = [
    ("surrogate in text", '{"id": "p1", "text": "Bad \\ud800 text."}', "NE103"),
    ("surrogate in id", '{"id": "p2\\ud800", "text": "A text with a bad id."}', "NE105"),
    ("surrogate in title", '{"id": "p3", "title": "\\udfff", "text": "Bad title."}', "NE105"),
    (
        "nested 1,000 deep",
        '{"id": "p4", "text": "x", "m": ' + "[" * 1000 + "]" * 1000 + "}",
        "NE101",
    ),
    ("id over 4,300 digits", '{"id": ' + "9" * 5000 + ', "text": "Big id."}', "NE101"),
    (
        "text over the limit",
        json.dumps({"id": "p6", "text": "a " * (MAX_TEXT_CHARS // 2 + 1)}),
        "NE108",
    ),
    ("blank line", "   ", "NE106"),
    ("date with garbage", '{"id": "p8", "text": "x y", "date": "2018-07-12garbage!!"}', "NE104"),
    ("text of wrong type", '{"id": "p9", "text": ["a list"]}', "NE103"),
]


def good_line(index: int) -> str:
    return json.dumps({"id": f"good-{index}", "text": f"{GOOD} Story number {index}."})


def interleaved() -> list[str]:
    """Every poison line between two good lines, so a lost or shifted line shows."""
    lines = [good_line(0)]
    for index, (_, line, _) in enumerate(POISON, start=1):
        lines += [line, good_line(index)]
    return lines


CRASH = "CRASH-THE-WORKER"


def crashing_work(articles: list[Article], **options: Any) -> Manifest:
    """A worker entry point that dies like a segfault when a chunk holds the poison text."""
    if any(CRASH in article.text for article in articles):
        os._exit(70)
    return annotate_to_parquet(articles, **options)
