"""The split rule every external evaluation shares."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parents[3] / "eval"


def _split() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_split", EVAL / "split.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_fifth_record_is_untouched_and_the_parts_partition_the_file() -> None:
    split = _split()
    records = list(range(23))
    study = list(split.study_part(records))
    held = list(split.untouched_part(records))
    assert held == [4, 9, 14, 19]
    assert sorted(study + held) == records
    assert not set(study) & set(held)
