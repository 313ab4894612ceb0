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
    reason = gate.skip_reason(module)
    if reason is not None:
        pytest.skip(reason)
    scores = module.evaluate()
    assert gate.check(stage, scores, FLOORS[stage]) == []


def test_gate_reports_a_score_below_its_floor() -> None:
    failures = gate.check("demo", {"f1": 0.5, "false": 3.0}, {"f1": 0.8, "max_false": 1.0})
    assert failures == ["demo.f1 = 0.500 < floor 0.8", "demo.false = 3.000 > ceiling 1.0"]


def test_gate_skips_a_stage_whose_data_is_absent() -> None:
    class Stage:
        @staticmethod
        def missing() -> str:
            return "../shared is absent"

    assert gate.skip_reason(Stage) == "../shared is absent"  # type: ignore[arg-type]
