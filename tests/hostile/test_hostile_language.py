"""Every text's language is identified and stored; a text not in English is not coded (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsevents.api import annotate_records, ingest
from newsevents.cli.main import cli
from newsevents.config import Settings
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import RawRecord
from newsevents.stages.language import identify_language
from newsevents.storage.duckdb import open_store

pytestmark = pytest.mark.slow
# Written for these tests: one news sentence per language (the Spanish one is the issue's).
FOREIGN = [
    ("es", "El presidente de México se reunió con el primer ministro de Canadá en Ottawa."),
    ("fr", "Le président français a rencontré le chancelier allemand à Berlin mardi dernier."),
    ("de", "Der Präsident traf am Montag den Bundeskanzler in Berlin zu Gesprächen."),
    ("ru", "Президент встретился с премьер-министром в Москве в понедельник."),
]  # fmt: skip
ENGLISH = [
    "The president of Mexico met the prime minister of Canada in Ottawa on Monday.",
    "Russia warned Ukraine.",
    "Iran met Iraq.",
    "Chad met Mali.",
]


@pytest.mark.parametrize(("code", "text"), FOREIGN, ids=[code for code, _ in FOREIGN])
def test_a_news_sentence_in_another_language_is_identified(code: str, text: str) -> None:
    assert identify_language(text).code == code


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_is_never_taken_for_another_language(text: str) -> None:
    assert identify_language(text).code in ("en", "und")


def _lines(pipeline: Pipeline, texts: list[str], *, strict: bool = False) -> list[dict[str, Any]]:
    records = [
        RawRecord("in", n, json.dumps({"id": str(n), "text": t})) for n, t in enumerate(texts)
    ]
    return list(annotate_records(records, pipeline=pipeline, strict=strict))


def test_a_foreign_text_gets_a_warning_naming_its_language_and_no_events(nlp: Any) -> None:
    pipeline = Pipeline(Settings(), nlp=nlp)
    spanish, english = _lines(pipeline, [FOREIGN[0][1], ENGLISH[0]])
    assert spanish["status"] == "ok" and spanish["language"] == "es"
    assert [w["code"] for w in spanish["warnings"]] == ["W002"]
    assert "Spanish" in spanish["warnings"][0]["message"]
    assert spanish["entities"] == spanish["events"] == []
    assert english["language"] == "en" and english["entities"]


def test_a_foreign_text_is_an_error_under_strict(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": FOREIGN[0][1]}) + "\n")
    result = CliRunner().invoke(cli, ["annotate", str(source), "--strict"])
    (line,) = [json.loads(text) for text in result.stdout.splitlines() if text.startswith("{")]
    assert result.exit_code == 1
    assert line["status"] == "error" and line["error"]["code"] == "NE110"


def test_ingest_stores_the_language_and_summary_counts_foreign_texts(
    tmp_path: Path, nlp: Any
) -> None:
    source = tmp_path / "in.jsonl"
    texts = [FOREIGN[0][1], FOREIGN[1][1], ENGLISH[0]]
    source.write_text("\n".join(json.dumps({"text": text}) for text in texts) + "\n")
    db = tmp_path / "store.duckdb"
    with open_store(db) as store:
        ingest([source], store=store, pipeline=Pipeline(Settings(db=str(db)), nlp=nlp))
        summary = store.summary()
    assert summary["not_english"] == 2
    assert {row["language"]: row["articles"] for row in summary["languages"]} == {
        "en": 1,
        "es": 1,
        "fr": 1,
    }
