"""Reading a user's labelled sentences for `newsevents train`: labels and coded line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import ClassifierError
from newsevents.training import label_of, read_labelled


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (4, "4"),
        ("0", "0"),
        ("none", "none"),
        ("NONE", "none"),
        ("190", "4"),
        ("04", "1"),
        ("0211", "0"),
        ("112", "3"),
        (7, None),
        ("999", None),
        ("fight", None),
        (True, None),
        (None, None),
        (1.5, None),
    ],
)
def test_a_label_is_a_pentaclass_none_or_a_cameo_code(value: Any, label: str | None) -> None:
    assert label_of(value) == label


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not JSON"),
        ('["a list"]', "not a JSON object"),
        ('{"label": 1}', "no text"),
        ('{"text": "  ", "label": 1}', "no text"),
        ('{"text": "Troops fired.", "label": "war"}', "unknown label 'war'"),
    ],
)
def test_a_bad_line_is_a_coded_error_and_the_rest_is_kept(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "train.jsonl"
    good = json.dumps({"text": "Troops fired.", "label": 4})
    path.write_text(f"{good}\n{line}\n\n{good}\n", encoding="utf-8")
    labelled, errors = read_labelled(path)
    assert [item.line for item in labelled] == [1, 4]
    (error,) = errors
    assert error.code == "NE601" and error.where == "line 2" and message in error.message


def test_an_unreadable_file_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ClassifierError, match=r"\[NE600\] cannot read the training file"):
        read_labelled(tmp_path / "missing.jsonl")
