"""The held-out evaluation sets are well formed, apart from the dev sets, and shown beside them."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsevents.dictionaries.cameo import is_cameo_code

EVAL = Path(__file__).resolve().parents[3] / "eval"
MODES = {"asserted", "future", "negated", "hypothetical"}
PARTY = re.compile(r"[A-Z]{3}[A-Z]*")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"eval_{name}_sets", EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EVENTS = _records(EVAL / "events" / "test.jsonl")
ACTORS = _records(EVAL / "actors" / "test.jsonl")
GOLD_EVENTS = [(record["id"], event) for record in EVENTS for event in record["events"]]
MENTIONS = [(record, mention) for record in ACTORS for mention in record["mentions"]]


@pytest.mark.parametrize(
    ("stage", "records", "minimum"), [("events", EVENTS, 100), ("actors", MENTIONS, 100)]
)
def test_held_out_set_is_large_enough(stage: str, records: list[Any], minimum: int) -> None:
    assert len(records) >= minimum, stage


@pytest.mark.parametrize("stage", ["events", "actors"])
def test_held_out_ids_and_texts_are_not_in_the_dev_set(stage: str) -> None:
    dev = _records(EVAL / stage / "dev.jsonl")
    held_out = _records(EVAL / stage / "test.jsonl")
    assert not {r["id"] for r in dev} & {r["id"] for r in held_out}
    assert not {r["text"] for r in dev} & {r["text"] for r in held_out}


@pytest.mark.parametrize("record", EVENTS, ids=[r["id"] for r in EVENTS])
def test_held_out_sentence_is_dated_2015_to_2026(record: dict[str, Any]) -> None:
    assert 2015 <= date.fromisoformat(record["date"]).year <= 2026


@pytest.mark.parametrize(("record_id", "event"), GOLD_EVENTS, ids=[i for i, _ in GOLD_EVENTS])
def test_held_out_event_has_a_cameo_code_mode_and_party_codes(
    record_id: str, event: dict[str, Any]
) -> None:
    assert is_cameo_code(event["code"]), record_id
    assert event["mode"] in MODES
    assert all(c is None or PARTY.fullmatch(c) for c in (event["source"], event["target"]))


def test_held_out_events_include_sentences_without_an_event() -> None:
    assert sum(not record["events"] for record in EVENTS) >= 20


@pytest.mark.parametrize(
    ("record", "mention"), MENTIONS, ids=[f"{r['id']}:{m['start']}" for r, m in MENTIONS]
)
def test_held_out_mention_offsets_give_its_text(
    record: dict[str, Any], mention: dict[str, Any]
) -> None:
    assert record["text"][mention["start"] : mention["end"]] == mention["text"]
    assert PARTY.fullmatch(mention["code"])


@pytest.mark.parametrize("record", ACTORS, ids=[r["id"] for r in ACTORS])
def test_held_out_mentions_do_not_overlap(record: dict[str, Any]) -> None:
    spans = sorted((m["start"], m["end"]) for m in record["mentions"])
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


def test_events_table_shows_dev_and_held_out_f1_on_each_level() -> None:
    events = _module("events")
    dev = {f"{level}_{m}": 0.9 for level in events.LEVELS for m in ("p", "r", "f1")}
    held_out = {f"{level}_{m}": 0.4 for level in events.LEVELS for m in ("p", "r", "f1")}
    extra = {"n_gold": 10.0, "false_events_per_10_empty": 1.0}
    table = events._table(dev | extra, held_out | extra, sentences=(5, 4))
    rows = [line for line in table.splitlines() if line.split()[0] in events.LEVELS]
    assert len(rows) == len(events.LEVELS)
    assert all("0.900" in row and "0.400" in row for row in rows)


@pytest.mark.parametrize("stage", ["events", "actors"])
def test_held_out_path_is_the_test_file_beside_dev(stage: str) -> None:
    module = _module(stage)
    assert EVAL / stage / "test.jsonl" == module.TEST
    assert module.TEST.exists()
