"""The VOA gold readings are well formed, and the whole-story scorer matches as documented."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsevents.dictionaries.actor_entries import ROLE_CODES
from newsevents.dictionaries.cameo import is_cameo_code
from newsevents.dictionaries.countries import builtin_countries
from newsevents.model import MODES

EVAL = Path(__file__).resolve().parents[3] / "eval"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_voa_scorer", EVAL / "voa.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


voa = _module()
GOLDS = [json.loads(line) for line in voa.GOLD.read_text(encoding="utf-8").splitlines()]
EVENTS = [(g["id"], e) for g in GOLDS for e in g["events"]]
LEADS = {a.code for entry in builtin_countries() for a in entry.actors} | ROLE_CODES
GROUPS = re.compile(r"(?:[A-Z]{3})+")


def _texts() -> dict[str, str]:
    reason = voa.missing()
    if reason is not None:
        pytest.skip(reason)
    return {gold["id"]: text for gold, text in voa.load()}


def _actor_codes(gold: dict[str, Any]) -> list[str]:
    codes: list[str] = []
    for event in gold["events"]:
        for key in ("source", "target"):
            codes += [c for c in [event[key], *event.get(f"{key}_alt", ())] if c]
    for actor in gold["actors"]:
        codes += [actor["code"], *actor.get("alt", ())]
    for quote in gold["quotes"]:
        codes += [c for c in [quote["speaker"], *quote.get("speaker_alt", ())] if c]
    return codes


def test_gold_covers_the_ten_stories_of_every_fourth_line_from_two() -> None:
    assert [gold["index"] for gold in GOLDS] == list(range(2, 40, 4))


@pytest.mark.parametrize(("story", "event"), EVENTS, ids=[f"{s}:{e['start']}" for s, e in EVENTS])
def test_gold_event_has_a_codebook_code_its_root_and_a_mode(
    story: str, event: dict[str, Any]
) -> None:
    assert is_cameo_code(event["code"]), story
    assert event["root"] == event["code"][:2]
    assert event["mode"] in MODES


@pytest.mark.parametrize("gold", GOLDS, ids=[g["id"] for g in GOLDS])
def test_gold_actor_codes_start_with_a_country_region_or_organization(gold: dict[str, Any]) -> None:
    bad = [c for c in _actor_codes(gold) if not GROUPS.fullmatch(c) or c[:3] not in LEADS]
    assert bad == []


@pytest.mark.parametrize("gold", GOLDS, ids=[g["id"] for g in GOLDS])
def test_gold_text_hash_matches_the_shared_story(gold: dict[str, Any]) -> None:
    text = _texts()[gold["id"]]
    assert voa.text_hash(text) == gold["sha256"]


@pytest.mark.parametrize("gold", GOLDS, ids=[g["id"] for g in GOLDS])
def test_gold_offsets_lie_inside_the_story_and_triggers_inside_their_sentence(
    gold: dict[str, Any],
) -> None:
    text = _texts()[gold["id"]]
    spans = [(i["start"], i["end"]) for key in ("events", "actors", "quotes") for i in gold[key]]
    spans += [(q["speaker_start"], q["speaker_end"]) for q in gold["quotes"]]
    assert all(0 <= start < end <= len(text) for start, end in spans)
    for event in gold["events"]:
        assert event["start"] <= event["trigger_start"] < event["trigger_end"] <= event["end"]
        assert text[event["trigger_start"] : event["trigger_end"]] == event["trigger"]


def _gold_event(**changes: Any) -> dict[str, Any]:
    event = {"start": 0, "end": 50, "trigger": "x", "source": "TURGOV", "target": "USAGOV"}
    event |= {"code": "130", "root": "13", "mode": "asserted", "optional": False}
    return event | changes


def _coded(**changes: Any) -> Any:
    fields = {"source": "TUR", "target": "USAGOV", "code": "138", "mode": "asserted"}
    fields |= {"spans": ((0, 50),)}
    return voa.CodedEvent(**(fields | changes))


@pytest.mark.parametrize(
    ("gold", "coded", "expected"),
    [
        (_gold_event(), _coded(), True),  # country level and root are enough
        (_gold_event(), _coded(spans=((60, 90),)), False),  # another sentence
        (_gold_event(), _coded(spans=((60, 90), (40, 55))), True),  # one evidence sentence overlaps
        (_gold_event(), _coded(mode="hypothetical"), False),
        (_gold_event(), _coded(code="111"), False),
        (_gold_event(), _coded(source="RUSGOV"), False),
        (_gold_event(), _coded(target=None), False),
        (_gold_event(target_alt=["IGOWSTNAT"]), _coded(target="IGOWSTNAT"), True),
        (_gold_event(target=None), _coded(target="CHN"), True),  # the text names no target
        (_gold_event(), _coded(source="USAGOV", target="TURGOV"), False),
        (_gold_event(symmetric=True), _coded(source="USAGOV", target="TURGOV"), True),
    ],
)
def test_event_matches_on_sentence_root_mode_and_country_dyad(
    gold: dict[str, Any], coded: Any, expected: bool
) -> None:
    assert voa.event_matches(gold, coded) is expected


TEXT = "x" * 200


def _story(**items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"events": [], "actors": [], "quotes": []} | items


def test_optional_gold_is_out_of_recall_and_its_match_neither_right_nor_false() -> None:
    gold = _story(events=[_gold_event(), _gold_event(start=100, end=150, optional=True)])
    coded = [_coded(), _coded(spans=((100, 150),)), _coded(spans=((160, 190),))]
    result = voa.score_story(gold, TEXT, coded, [], [])
    assert (result.events, result.events_found) == (1, 1)
    assert (result.coded, result.coded_right, result.coded_neutral) == (3, 1, 1)
    assert result.scores()["event_precision"] == 0.5


def test_found_event_reports_full_code_and_full_actor_agreement() -> None:
    result = voa.score_story(_story(events=[_gold_event()]), TEXT, [_coded()], [], [])
    assert (result.code_agree, result.actors_agree) == (0, 0)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        (voa.Mention(5, 12, "TURGOV"), (1, 1)),
        (voa.Mention(8, 20, "TUR"), (1, 1)),  # an accepted alternative
        (voa.Mention(5, 12, "TURMIL"), (0, 1)),  # right country, wrong sector
        (voa.Mention(30, 40, "TURGOV"), (0, 0)),  # no overlap
    ],
)
def test_actor_is_found_by_overlap_and_code(mention: Any, expected: tuple[int, int]) -> None:
    gold = _story(actors=[{"start": 5, "end": 11, "code": "TURGOV", "alt": ["TUR"]}])
    result = voa.score_story(gold, TEXT, [], [mention], [])
    assert (result.actors_found, result.actors_country) == expected


@pytest.mark.parametrize(
    ("speaker", "predicted", "found"),
    [("IGOUNO", "IGOUNO", 1), ("IGOUNO", None, 0), ("IGOUNO", "MMRMIL", 0), (None, None, 1)],
)
def test_quote_is_found_by_overlap_and_speaker_code(
    speaker: str | None, predicted: str | None, found: int
) -> None:
    quote = {"start": 10, "end": 60, "speaker": speaker, "speaker_start": 70, "speaker_end": 80}
    result = voa.score_story(_story(quotes=[quote]), TEXT, [], [], [voa.Mention(9, 61, predicted)])
    assert result.quotes_found == found


def test_summary_keeps_positions_four_and_nine_apart_as_the_untouched_part() -> None:
    results = [voa.Result(actors=1, actors_found=int(p in (4, 9))) for p in range(10)]
    scores = voa.summarize(results)
    assert (scores["actor_recall"], scores["test_actor_recall"]) == (0.0, 1.0)
    assert scores["all_actor_recall"] == 0.2
