"""Run every stage's evaluation and fail if a score falls below its pinned floor.

Each ``eval/<stage>.py`` exposes ``evaluate() -> dict[str, float]``. Floors live in
``eval/floors.json`` as ``{"stage": {"metric": floor}}``; a metric whose name starts with
``max_`` in the floors file is a ceiling on the metric without the prefix. A stage that reads
data from outside the repository (``../shared``) raises ``split.DataMissing`` when the data is
absent: the gate says so, names the path and skips that stage.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL))  # eval/ is not a package
from split import DataMissing  # noqa: E402


def load_stage(stage: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"eval_{stage}", EVAL / f"{stage}.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(EVAL / f"{stage}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look a module up by name
    spec.loader.exec_module(module)
    return module


def check(stage: str, scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    failures = []
    for name, bound in floors.items():
        if name.startswith("max_"):
            value = scores[name[4:]]
            if value > bound:
                failures.append(f"{stage}.{name[4:]} = {value:.3f} > ceiling {bound}")
        elif scores[name] < bound:
            failures.append(f"{stage}.{name} = {scores[name]:.3f} < floor {bound}")
    return failures


def main(stages: list[str] | None = None) -> int:
    floors: dict[str, dict[str, float]] = json.loads((EVAL / "floors.json").read_text())
    failures: list[str] = []
    for stage in stages or sorted(floors):
        module = load_stage(stage)
        try:
            scores = module.evaluate()
        except DataMissing as missing:  # data outside the repository
            print(f"{stage:12} SKIPPED: {missing}")
            continue
        if hasattr(module, "table"):  # many scores: the stage prints its own table
            print(f"{stage}\n{module.table(scores)}")
        else:
            shown = ", ".join(f"{k} {v:.3f}" for k, v in scores.items() if isinstance(v, float))
            print(f"{stage:12} {shown}")
        failures += check(stage, scores, floors[stage])
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or None))
