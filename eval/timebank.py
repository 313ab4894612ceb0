"""Score the time expression stage on TimeBank + AQUAINT (TempEval-3 training data, TimeML).

Run ``python eval/timebank.py`` from the repository root; ``--errors`` lists every error on the
study part (never on the untouched fifth, see eval/split.py). The documents are other people's
TIMEX3 annotations of 1990s newswire (``../shared/data/dev/timex_tbaq_train.jsonl``), each read
against its document creation time. The measures are those of eval/time.py and of TempEval-3:
strict span F1 (same offsets), relaxed span F1 (overlapping, one to one), type accuracy over
relaxed matches, and value F1 (a relaxed match with the gold value). Scores on the untouched fifth
carry the ``test_`` prefix and hold the floors.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from newsevents.model import Article
from newsevents.nlp import load_nlp
from newsevents.stages.clean import clean_text
from newsevents.stages.dates import extract_timexes
from newsevents.stages.parse import parse_texts

EVAL = Path(__file__).resolve().parent
DATA = EVAL.parent.parent / "shared" / "data" / "dev" / "timex_tbaq_train.jsonl"
KEYS = ("value_f1", "strict_f1", "relaxed_f1", "type_accuracy")


def _module(name: str) -> ModuleType:
    """A sibling eval script (eval/ is not a package; gate.py loads them the same way)."""
    spec = importlib.util.spec_from_file_location(f"eval_{name}_for_timebank", EVAL / f"{name}.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(EVAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_time = _module("time")
_split = _module("split")


def _records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: the TimeBank + AQUAINT documents are missing; the shared data folder "
            "(../shared/data/dev/ beside the repository) must be present to run this evaluation"
        )
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _ours(records: list[dict[str, Any]]) -> list[list[Any]]:
    nlp = load_nlp("en_core_web_sm")
    items = [
        (record["doc_id"], clean_text(record["text"], article_id=record["doc_id"]).text)
        for record in records
    ]
    found: list[list[Any]] = []
    for record, parse in zip(records, parse_texts(nlp, items), strict=True):
        article = Article(id=record["doc_id"], text=record["text"], date=record["dct"][:10])
        timexes = extract_timexes(parse, article=article)
        found.append([_time.Mention(t.start, t.end, t.type, t.value) for t in timexes])
    return found


def _gold(record: dict[str, Any]) -> list[Any]:
    return [_time.Mention(t["start"], t["end"], t["type"], t["value"]) for t in record["timexes"]]


def _tally(records: list[dict[str, Any]], *, errors: bool) -> Any:
    tally = _time.Tally()
    for record, found in zip(records, _ours(records), strict=True):
        gold = _gold(record)
        tally.add(gold, found)
        if errors:
            _time._show_errors({**record, "id": record["doc_id"]}, gold, found)
    return tally


def evaluate(path: Path = DATA, *, errors: bool = False) -> dict[str, float]:
    """Scores on the study part and (``test_``) on the untouched fifth; errors only for study."""
    records = _records(path)
    study = _tally(list(_split.study_part(records)), errors=errors)
    untouched = _tally(list(_split.untouched_part(records)), errors=False)
    results: dict[str, float] = {}
    for prefix, tally in (("", study), ("test_", untouched)):
        scores = tally.scores()
        results.update({f"{prefix}{name}": scores[name] for name in KEYS})
        results[f"{prefix}n_gold"] = float(tally.gold)
    _print_table(study.scores(), untouched.scores())
    return results


def _print_table(study: dict[str, float], untouched: dict[str, float]) -> None:
    print(f"{'TimeBank+AQUAINT':18} {'study':>8} {'untouched':>10}")
    for name in study:
        print(f"{name:18} {study[name]:8.3f} {untouched[name]:10.3f}")


if __name__ == "__main__":
    results = evaluate(errors="--errors" in sys.argv)
    print(", ".join(f"{name} {value:.3f}" for name, value in results.items()))
