"""End-to-end: the real CLI on a file mixing good and bad lines, and on the seed article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from newsevents.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "annotation.schema.json").read_text())

GOOD = [
    {
        "id": "g1",
        "date": "2019-02-28",
        "text": "US President Donald Trump met North Korean leader "
        "Kim Jong-un in Hanoi on Wednesday. The talks ended without an agreement.",
    },
    {
        "id": "g2",
        "date": "2021-03-18",
        "text": "Chinese and American diplomats traded accusations "
        "in Anchorage on Thursday. Beijing accused Washington of interfering in its "
        "internal affairs.",
    },
    {
        "id": "g3",
        "text": "SEOUL, Jan 6 - South Korea condemned the missile launch on Tuesday, "
        "the foreign ministry said on 6 January 2022.",
    },
]
BAD = [
    "this is not json",
    '{"id": "b2", "title": "no text"}',
    '{"id": "b3", "text": 17}',
    '{"id": "b4", "text": "A body.", "date": "yesterday"}',
    '["a", "list"]',
]


def _mixed_file(tmp_path: Path) -> tuple[Path, list[str]]:
    lines = [json.dumps(GOOD[0]), BAD[0], json.dumps(GOOD[1]), BAD[1], BAD[2]]
    lines += [json.dumps(GOOD[2]), BAD[3], BAD[4]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, lines


def _run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def test_annotate_mixed_file_keeps_order_and_every_good_line(tmp_path: Path) -> None:
    path, lines = _mixed_file(tmp_path)
    out = tmp_path / "out.jsonl"
    result = _run("annotate", str(path), "-o", str(out))
    assert result.exit_code == 0
    output = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(output) == len(lines)
    assert [line["status"] for line in output] == [
        "ok",
        "error",
        "ok",
        "error",
        "error",
        "ok",
        "error",
        "error",
    ]
    assert [line["id"] for line in output if line["status"] == "ok"] == ["g1", "g2", "g3"]
    assert [line["error"]["code"] for line in output if line["status"] == "error"] == [
        "NE101",
        "NE102",
        "NE103",
        "NE104",
        "NE101",
    ]
    for line in output:
        jsonschema.validate(line, SCHEMA)


def test_annotate_offsets_point_into_the_input_text(tmp_path: Path) -> None:
    path, _ = _mixed_file(tmp_path)
    out = tmp_path / "out.jsonl"
    _run("annotate", str(path), "-o", str(out))
    texts = {record["id"]: record["text"] for record in GOOD}
    for line in map(json.loads, out.read_text(encoding="utf-8").splitlines()):
        if line["status"] != "ok":
            continue
        text = texts[line["id"]]
        for key in ("entities", "timexes", "quotes", "references"):
            for record in line[key]:
                assert text[record["start"] : record["end"]] == record["text"]


def test_annotate_strict_exits_1_when_a_line_failed(tmp_path: Path) -> None:
    path, _ = _mixed_file(tmp_path)
    result = _run("annotate", str(path), "-o", str(tmp_path / "o.jsonl"), "--strict")
    assert result.exit_code == 1


def test_annotate_usage_error_exits_2() -> None:
    assert _run("annotate", "--no-such-option").exit_code == 2


def test_annotate_inferred_publication_date_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(GOOD[2]) + "\n")
    out = tmp_path / "out.jsonl"
    _run("annotate", str(path), "-o", str(out))
    line = json.loads(out.read_text())
    assert line["date"] == "2022-01-06" and line["date_inferred"]


def test_ingest_counts_add_up_and_a_rerun_stores_nothing_twice(tmp_path: Path) -> None:
    path, _ = _mixed_file(tmp_path)
    db = str(tmp_path / "store.duckdb")
    first = _run("ingest", str(path), "--db", db)
    assert first.exit_code == 0, first.output
    assert "read 8, stored 3 (0 already stored), quarantined 5" in first.output
    second = _run("ingest", str(path), "--db", db)
    assert "read 8, stored 3 (3 already stored), quarantined 5" in second.output
    import duckdb

    with duckdb.connect(db, read_only=True) as connection:
        ids = sorted(row[0] for row in connection.execute("SELECT id FROM articles").fetchall())
        quarantined = connection.execute("SELECT count(*), min(raw) FROM quarantine").fetchone()
    assert ids == ["g1", "g2", "g3"]
    assert quarantined is not None and quarantined[0] == 5


def test_ingest_quarantines_a_reused_id_with_another_text(tmp_path: Path) -> None:
    path = tmp_path / "clash.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": "Talks opened."})
        + "\n"
        + json.dumps({"id": "x", "text": "Talks collapsed."})
        + "\n"
    )
    result = _run("ingest", str(path), "--db", str(tmp_path / "s.duckdb"))
    assert "read 2, stored 1 (0 already stored), quarantined 1" in result.output


def test_query_commands_on_an_ingested_store(tmp_path: Path) -> None:
    path, _ = _mixed_file(tmp_path)
    db = str(tmp_path / "store.duckdb")
    _run("ingest", str(path), "--db", db)
    events = _run("events", "--db", db, "--format", "jsonl")
    assert events.exit_code == 0
    rows = [json.loads(line) for line in events.output.splitlines()]
    assert rows and all(row["article_id"] in {"g1", "g2", "g3"} for row in rows)
    summary = _run("summary", "--db", db, "--json")
    assert json.loads(summary.output)["articles"] == 3
    actors = _run("actors", "--db", db, "--format", "csv")
    assert actors.output.startswith("actor,mentions")
    explain = _run("explain", "--db", db, "--id", "g1")
    assert "event" in explain.output and "rule" in explain.output


def test_query_on_a_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["summary", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2  # a coded error; 1 is only --strict (issue 12)
    assert result.output.strip().startswith("error: [NE400] no store at")
    assert "Traceback" not in result.output


def test_real_command_annotates_stdin() -> None:
    command = [sys.executable, "-m", "newsevents.cli", "annotate"]
    stdin = json.dumps(GOOD[0]) + "\nnot json\n"
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    statuses = [json.loads(line)["status"] for line in done.stdout.splitlines()]
    assert statuses == ["ok", "error"]


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    seed = ROOT.parent / "shared" / "seed" / "article.jsonl"
    if not seed.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    out = tmp_path_factory.mktemp("seed") / "out.jsonl"
    result = _run("annotate", str(seed), "-o", str(out))
    assert result.exit_code == 0
    line: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return line


def test_seed_output_is_schema_valid(seed_output: dict[str, Any]) -> None:
    jsonschema.validate(seed_output, SCHEMA)
    assert seed_output["status"] == "ok" and seed_output["date"] == "2018-07-12"


def _has_event(events: list[dict[str, Any]], root: str, source: str, target: str) -> bool:
    return any(
        event["root"] == root
        and (event["source"] or "").startswith(source)
        and (event["target"] or "").startswith(target)
        for event in events
    )


def test_seed_has_the_singapore_summit(seed_output: dict[str, Any]) -> None:
    events = seed_output["events"]
    summit = [e for e in events if e["root"] == "04" and "summit" in e["rule"].lower()]
    assert summit, [e["rule"] for e in events]


def test_seed_has_pompeos_visit_to_pyongyang(seed_output: dict[str, Any]) -> None:
    assert _has_event(seed_output["events"], "04", "USA", "PRK")


def test_seed_has_the_north_korean_criticism_of_the_us(seed_output: dict[str, Any]) -> None:
    assert _has_event(seed_output["events"], "11", "PRK", "USA")


@pytest.mark.parametrize(
    ("args", "code"), [(["--text", "  "], "NE106"), (["--text", "x", "--date", "soon"], "NE104")]
)
def test_explain_rejects_bad_text_with_a_coded_error(args: list[str], code: str) -> None:
    result = CliRunner().invoke(cli, ["explain", *args])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: [{code}]")


TRAINING = [
    {"text": "Russian troops shelled the town of Avdiivka.", "label": 4},
    {"text": "Rebels attacked an army post near the border.", "label": "190"},
    {"text": "Police fired tear gas at protesters in the capital.", "label": 4},
    {"text": "The two ministers met in Paris for talks on trade.", "label": 1},
    {"text": "The presidents held talks in Geneva on Monday.", "label": "040"},
    {"text": "Japan's foreign minister visited Seoul for consultations.", "label": 1},
]


@pytest.mark.slow
def test_train_skips_a_bad_line_with_a_coded_error_and_writes_a_model(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    lines = [json.dumps(record) for record in TRAINING]
    lines.insert(2, '{"text": "A sentence.", "label": "maybe"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    model = tmp_path / "mine.json.gz"
    result = CliRunner().invoke(cli, ["train", str(path), "-o", str(model)])
    assert result.exit_code == 0, result.output
    assert "[NE601] unknown label 'maybe' at line 3" in result.stderr
    assert "on 6 sentence(s) (1 skipped)" in result.stdout and model.is_file()
    text = "Syrian troops shelled the town of Idlib on Monday."
    explain = _run("explain", "--classifier", str(model), "--text", text)
    assert "(classifier mine)" in explain.output
    assert "classifier 0." in explain.output  # the event's score beside its rule


@pytest.mark.slow
def test_explain_shows_the_classifier_score_beside_the_rule() -> None:
    explain = _run("explain", "--text", "Russian troops shelled the Ukrainian town of Avdiivka.")
    rule_line = next(line for line in explain.output.splitlines() if "rule verb:" in line)
    assert "; classifier 0." in rule_line and "for PentaClass 4" in rule_line


@pytest.mark.slow
def test_no_classifier_shows_the_rules_alone() -> None:
    text = "Russian troops shelled the Ukrainian town of Avdiivka."
    explain = _run("explain", "--no-classifier", "--text", text)
    assert "rule verb:" in explain.output and "classifier" not in explain.output


def test_a_missing_classifier_file_is_a_coded_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.json.gz")
    result = CliRunner().invoke(cli, ["explain", "--classifier", missing, "--text", "Hello."])
    assert result.exit_code == 2 and "[NE600]" in result.output


def test_warnings_an_ingest_counted_can_be_listed(tmp_path: Path) -> None:
    path = tmp_path / "debris.jsonl"
    path.write_text(
        json.dumps(
            {"id": "d1", "text": "Talks opened in Geneva. [19659002] They met again.\nSource link"}
        )
        + "\n"
    )
    db = str(tmp_path / "w.duckdb")
    ingested = _run("ingest", str(path), "--db", db)
    assert "2 warnings" in ingested.output and "newsevents warnings" in ingested.output
    listed = _run("warnings", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {(row["article_id"], row["code"]) for row in rows} == {("d1", "W101"), ("d1", "W102")}
    table = _run("warnings", "--db", db, "--code", "W102")
    assert table.output.startswith("1 warning(s): W102 1")


def test_piped_ingest_shows_progress_lines_unless_quiet(tmp_path: Path) -> None:
    path, _ = _mixed_file(tmp_path)
    shown = _run("ingest", str(path), "--db", str(tmp_path / "a.duckdb"))
    assert "ingest: 8/8 records (100%)" in shown.output
    quiet = _run("ingest", str(path), "--db", str(tmp_path / "b.duckdb"), "--quiet")
    assert "ingest:" not in quiet.output and "read 8" in quiet.output


def test_export_holds_asserted_events_unless_told_and_keeps_date_precision(
    tmp_path: Path,
) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "m1",
                "date": "2020-02-14",
                "text": "Trump met Kim for the first time at the summit in June 2018. "
                "Trump met Kim in Hanoi on Friday. Trump did not meet Moon on Friday.",
            }
        )
        + "\n"
    )
    db = str(tmp_path / "x.duckdb")
    _run("ingest", str(path), "--db", db, "--quiet")

    def rows(*flags: str) -> list[dict[str, str]]:
        out = tmp_path / "e.csv"
        done = _run("export", "--db", db, "--format", "csv", "-o", str(out), "--force", *flags)
        assert done.exit_code == 0, done.output
        import csv

        return list(csv.DictReader(out.open()))

    asserted, everything = rows(), rows("--modes", "all")
    assert asserted and all(row["mode"] == "asserted" for row in asserted)
    assert {row["mode"] for row in everything} >= {"asserted", "historical"}
    historical = [row for row in everything if row["mode"] == "historical"]
    assert {(row["date"], row["date_precision"]) for row in historical} == {("2018-06", "month")}
    assert "every mode" in (tmp_path / "e.csv.README.txt").read_text()  # the last export's
    bad = _run("export", "--db", db, "--format", "csv", "--modes", "maybe")
    assert bad.exit_code == 2 and "not a mode" in bad.output
