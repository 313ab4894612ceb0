"""Every poison record becomes its own coded error line; the records around it are annotated."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hostile_inputs import POISON, interleaved

from newsevents.api import annotate_records
from newsevents.config import Settings
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stages.ingest import RawRecord, Rejected, validate_record


@pytest.fixture(scope="module")
def pipeline(nlp: Any) -> Pipeline:
    return Pipeline(Settings(batch_size=4), nlp=nlp)


@pytest.mark.parametrize(("name", "line", "code"), POISON, ids=[p[0] for p in POISON])
def test_poison_record_is_rejected_with_its_code(name: str, line: str, code: str) -> None:
    rejected = validate_record(RawRecord("in.jsonl", 7, line))
    assert isinstance(rejected, Rejected)
    assert rejected.problem.code == code
    json.dumps(rejected.id, ensure_ascii=False).encode("utf-8")  # the id can be written


def test_python_api_record_with_a_huge_int_id_is_rejected() -> None:
    from newsevents.errors import InvalidFieldError
    from newsevents.stages.ingest import article_from_mapping

    with pytest.raises(InvalidFieldError):
        article_from_mapping({"id": 10**5000, "text": "x"})


@pytest.mark.slow
def test_annotate_gives_one_line_per_input_in_order(pipeline: Pipeline) -> None:
    lines = interleaved()
    records = [RawRecord("in.jsonl", number, line) for number, line in enumerate(lines, 1)]
    output = list(annotate_records(records, pipeline=pipeline, chunk_size=3))
    assert len(output) == len(lines)
    statuses = [line["status"] for line in output]
    assert statuses == ["ok" if index % 2 == 0 else "error" for index in range(len(lines))]
    assert [line["id"] for line in output[::2]] == [f"good-{i}" for i in range(len(POISON) + 1)]
    assert [line["error"]["code"] for line in output[1::2]] == [p[2] for p in POISON]


class PoisonNLP:
    """A spaCy pipeline that fails on any batch holding the word POISON, like a parser bug."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def pipe(self, pairs: Any, **options: Any) -> Any:
        for doc, context in self.nlp.pipe(pairs, **options):
            if "POISON" in doc.text:
                raise ValueError("the parser broke")
            yield doc, context

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


@pytest.mark.slow
def test_a_text_that_breaks_the_parser_costs_only_itself(nlp: Any) -> None:
    pipeline = Pipeline(Settings(batch_size=4), nlp=PoisonNLP(nlp))
    texts = ["Russia warned Ukraine.", "POISON here.", "Iran met Iraq.", "Chad met Mali."]
    records = [
        RawRecord("in.jsonl", n, json.dumps({"id": f"a{n}", "text": t}))
        for n, t in enumerate(texts)
    ]
    output = list(annotate_records(records, pipeline=pipeline))
    assert [line["status"] for line in output] == ["ok", "error", "ok", "ok"]
    assert output[1]["error"]["code"] == "NE302"


@pytest.mark.slow
def test_annotate_of_the_python_api_raises_a_coded_error_for_a_poison_text(nlp: Any) -> None:
    from newsevents.errors import AnnotationError

    pipeline = Pipeline(Settings(), nlp=PoisonNLP(nlp))
    with pytest.raises(AnnotationError):
        pipeline.annotate_one(Article(id="a", text="POISON"))
