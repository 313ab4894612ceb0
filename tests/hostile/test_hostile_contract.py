"""The annotate contract under hostile input: one line per input line, texts are user slices."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.api import annotate_records, ingest
from newsevents.cli.main import cli
from newsevents.config import Settings
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import RawRecord, read_records, validate_record
from newsevents.storage.duckdb import open_store

pytestmark = pytest.mark.slow
# Every character the cleaner rewrites, inside the spans the stages report.
DIRTY = (
    "The\u00a0president of\u200bRussia, Vladimir\u00a0Putin, \u201cwarned\u201d Ukraine\u2019s "
    "prime\u202fminister on Tuesday,\u00a0March\u00a03, 2020, in Moscow.\x07 \u201cWe will "
    "respond,\u201d said Putin\u2019s spokesman\u00a0Dmitry\u00a0Peskov on\u00a0Monday."
)


@pytest.fixture(scope="module")
def pipeline(nlp: Any) -> Pipeline:
    return Pipeline(Settings(batch_size=4), nlp=nlp)


def _lines(pipeline: Pipeline, raw_lines: list[str]) -> list[dict[str, Any]]:
    records = [RawRecord("in.jsonl", n, line) for n, line in enumerate(raw_lines, 1)]
    return list(annotate_records(records, pipeline=pipeline, chunk_size=3))


def test_every_text_beside_offsets_is_the_slice_of_the_users_text(pipeline: Pipeline) -> None:
    (line,) = _lines(pipeline, [json.dumps({"id": "d", "text": DIRTY, "date": "2020-03-04"})])
    spans = [
        (item["start"], item["end"], item["text"])
        for name in ("entities", "timexes", "quotes", "references")
        for item in line[name]
    ]
    spans += [
        (q["speaker_start"], q["speaker_end"], q["speaker"]) for q in line["quotes"] if q["speaker"]
    ]
    assert len(spans) > 5
    assert all(DIRTY[start:end] == text for start, end, text in spans)


def test_events_copy_their_texts_from_the_users_text(pipeline: Pipeline) -> None:
    (line,) = _lines(pipeline, [json.dumps({"id": "d", "text": DIRTY, "date": "2020-03-04"})])
    texts = {
        DIRTY[item["start"] : item["end"]]
        for name in ("entities", "timexes")
        for item in line[name]
    }
    copied = [e[k] for e in line["events"] for k in ("source_text", "target_text", "date_text")]
    assert any("\u00a0" in text for text in copied if text)
    assert {text for text in copied if text is not None} <= texts


@pytest.mark.parametrize(
    ("stdin", "statuses", "warned"),
    [
        (b'\xef\xbb\xbf{"text": "Russia warned Ukraine."}\n', ["ok"], [0]),
        (b'{"text": "Bad \xff\xfe bytes."}\n', ["ok"], [1]),
        (
            b'{"text": "a b"}\n\n   \n{"text": "c d"}\n',
            ["ok", "error", "error", "ok"],
            [0, 0, 0, 0],
        ),
    ],
    ids=["bom", "invalid utf-8", "blank lines"],
)
def test_stdin_is_read_as_bytes_one_line_per_input_line(
    stdin: bytes, statuses: list[str], warned: list[int]
) -> None:
    result = CliRunner().invoke(cli, ["annotate", "-"], input=stdin, catch_exceptions=False)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.exit_code == 0
    assert [line["status"] for line in lines] == statuses
    assert [sum(w["code"] == "W001" for w in line["warnings"]) for line in lines] == warned


def test_a_file_decodes_like_stdin(tmp_path: Any) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "Bad \xff bytes."}\n')
    result = CliRunner().invoke(cli, ["annotate", str(path)], catch_exceptions=False)
    (line,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert line["status"] == "ok"
    assert [w["code"] for w in line["warnings"]] == ["W001"]


# Records as a hostile producer writes them: any JSON value in any field, surrogates, control
# characters, deep nesting, numbers past every limit.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(alphabet=st.characters(), max_size=40),
    st.sampled_from(["\ud800", "x\udfffy", "\x00\x07\x1b", "2018-07-12garbage!!", " "]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": values,
        "text": st.one_of(
            values,
            st.text(
                alphabet=st.characters(codec="utf-8") | st.sampled_from("\ud800\u00a0\u201c\x07"),
                max_size=80,
            ),
        ),
        "date": values,
        "title": values,
        "url": values,
    },
)
lines = st.one_of(
    records.map(lambda record: json.dumps(record, allow_nan=True)),
    st.integers(min_value=1, max_value=3000).map(lambda depth: "[" * depth + "]" * depth),
    st.integers(min_value=4000, max_value=6000).map(
        lambda digits: '{"id": ' + "7" * digits + ', "text": "x"}'
    ),
    st.text(max_size=30),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(lines, min_size=1, max_size=4))
def test_any_lines_give_one_writable_output_line_each(
    pipeline: Pipeline, raw_lines: list[str]
) -> None:
    output = _lines(pipeline, raw_lines)
    assert len(output) == len(raw_lines)
    for raw, line in zip(raw_lines, output, strict=True):
        json.dumps(line, ensure_ascii=False).encode("utf-8")
        validated = validate_record(RawRecord("in.jsonl", 1, raw))
        assert line["status"] == ("ok" if hasattr(validated, "text") else "error")


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(lines, min_size=1, max_size=5))
def test_any_lines_ingest_with_counts_that_add_up(
    pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory, raw_lines: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("ingest")
    source = folder / "in.jsonl"
    source.write_text(
        "\n".join(line.replace("\n", " ") for line in raw_lines) + "\n", "utf-8", "surrogatepass"
    )
    validated = [validate_record(record) for record in read_records([source])]
    with open_store(folder / "store.duckdb") as store:
        run = ingest([source], store=store, pipeline=pipeline)
        sql = "SELECT id FROM articles UNION SELECT id FROM copies"
        stored = {row["id"] for row in store.query(sql)}
    assert run.balanced and run.read == len(validated)
    assert {item.id for item in validated if isinstance(item, Article)} <= stored
