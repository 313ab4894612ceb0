"""The evaluation gate: every stage's score on its dev set stays at or above its pinned floor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
FLOORS: dict[str, dict[str, float]] = json.loads((EVAL / "floors.json").read_text())
sys.path.insert(0, str(EVAL))

import gate  # noqa: E402  - eval/ is not a package


@pytest.mark.parametrize("stage", sorted(FLOORS))
def test_stage_meets_its_floors(stage: str) -> None:
    module = gate.load_stage(stage)
    try:
        scores = module.evaluate()
    except gate.DataMissing as missing:  # ../shared absent: say so, by path
        pytest.skip(str(missing))
    assert gate.check(stage, scores, FLOORS[stage]) == []


def test_gate_reports_a_score_below_its_floor() -> None:
    failures = gate.check("demo", {"f1": 0.5, "false": 3.0}, {"f1": 0.8, "max_false": 1.0})
    assert failures == ["demo.f1 = 0.500 < floor 0.8", "demo.false = 3.000 > ceiling 1.0"]


def test_gate_skips_a_stage_whose_data_is_absent_and_names_the_path(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    external = gate.load_stage("external")
    absent = Path("/nonexistent/shared/data/dev")
    evaluate = external.evaluate
    monkeypatch.setattr(external, "evaluate", lambda: evaluate(data=absent))
    monkeypatch.setattr(gate, "load_stage", lambda stage: external)
    assert gate.main(["external"]) == 0
    assert f"external     SKIPPED: {absent} is absent" in capsys.readouterr().out
