"""The external evaluation's scoring functions, checked on tiny hand-made predictions."""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

EVAL = Path(__file__).resolve().parents[3] / "eval"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"eval_{name}", EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


external = _module("external")
split = _module("split")


def _event(
    root: str = "04",
    *,
    source: str | None = "USA",
    target: str | None = "CHN",
    source_spans: Sequence[tuple[int, int]] = (),
    target_spans: Sequence[tuple[int, int]] = (),
    plover: str | None = None,
    evidence: tuple[int, ...] = (0,),
) -> dict[str, Any]:
    return {
        "root": root,
        "source": source,
        "target": target,
        "plover": plover,
        "source_spans": list(source_spans),
        "target_spans": list(target_spans),
        "evidence": list(evidence),
        "source_text": source,
        "target_text": target,
        "code": root + "0",
        "mode": "asserted",
        "rule": "test",
    }


def _span(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": "x" * (end - start)}


def _confli(
    penta: int,
    *,
    sources: Sequence[tuple[int, int]] = (),
    targets: Sequence[tuple[int, int]] = (),
    reciprocal: Sequence[tuple[int, int]] = (),
) -> dict[str, Any]:
    return {
        "penta": penta,
        "sources": [_span(*s) for s in sources],
        "targets": [_span(*s) for s in targets],
        "reciprocal": [_span(*s) for s in reciprocal],
        "spans_aligned": bool(sources or targets or reciprocal),
    }


@pytest.mark.parametrize(
    ("root", "penta"),
    [
        ("01", 0),
        ("02", 0),
        ("03", 1),
        ("05", 1),
        ("06", 2),
        ("08", 2),
        ("09", 3),
        ("13", 3),
        ("16", 3),  # reduce relations is verbal conflict in the Phoenix classes
        ("1623", 3),
        ("14", 4),
        ("15", 4),
        ("17", 4),
        ("20", 4),
    ],
)
def test_penta_class_follows_the_conflibert_bands(root: str, penta: int) -> None:
    assert external.penta_class(root) == penta


@pytest.mark.parametrize(
    ("code", "party"),
    [
        ("USAGOV", "USA"),
        ("IGOUNO", "IGO"),
        ("JAP", "JPN"),
        ("---", None),
        ("---GOV", None),
        (None, None),
        ("", None),
    ],
)
def test_country_is_the_first_three_letters_of_a_real_code(code: str | None, party: Any) -> None:
    assert external.country(code) == party


@pytest.mark.parametrize(
    ("text", "words", "spans"),
    [
        ("Iran and Iraq met.", "Iraq", [(9, 13)]),
        ("Iranians met Iran.", "Iran", [(13, 17)]),  # a whole word, not a prefix
        ("He said the thing.", "he", []),  # case matters
        ("No party here.", None, []),
    ],
)
def test_word_spans_find_whole_words(text: str, words: str | None, spans: list[Any]) -> None:
    assert external.word_spans(text, words) == spans


def test_party_spans_add_mentions_carrying_the_party_code() -> None:
    mentions = [
        {"start": 0, "end": 6, "actor": "USAGOV"},
        {"start": 20, "end": 25, "actor": "CHN"},
    ]
    text = "Biden spoke; later Biden left."
    assert external.party_spans(text, "Biden", "USAGOV", mentions) == [(0, 5), (0, 6), (19, 24)]


@pytest.mark.parametrize(
    ("spans", "gold", "expected"),
    [([(0, 5)], (4, 9), True), ([(0, 5)], (5, 9), False), ([], (0, 9), False)],
)
def test_overlap_needs_a_shared_character(spans: Any, gold: Any, expected: bool) -> None:
    assert external.overlaps(spans, gold) is expected


BOTH = {"sources": [(0, 5)], "targets": [(10, 15)]}
SOURCE = {"sources": [(0, 5)]}
ONE_RECIPROCAL = {"reciprocal": [(0, 20)]}
TWO_RECIPROCAL = {"reciprocal": [(0, 5), (10, 15)]}


@pytest.mark.parametrize(
    ("gold", "source_spans", "target_spans", "expected"),
    [
        (BOTH, [(1, 3)], [(12, 14)], True),
        (BOTH, [(1, 3)], [], False),
        (BOTH, [(12, 14)], [(1, 3)], False),
        (SOURCE, [(0, 5)], [], True),
        (SOURCE, [(6, 9)], [(0, 5)], False),
        (ONE_RECIPROCAL, [(0, 4)], [(9, 20)], True),
        (TWO_RECIPROCAL, [(0, 4)], [(11, 12)], True),
        (TWO_RECIPROCAL, [(0, 4)], [(1, 2)], False),
    ],
    ids=[
        "source-and-target",
        "no-target",
        "sides-swapped",
        "source-only-gold",
        "source-only-gold-missed",
        "one-reciprocal-span-both-sides",
        "two-reciprocal-spans",
        "two-reciprocal-spans-same-one",
    ],
)
def test_dyad_match(gold: Any, source_spans: Any, target_spans: Any, expected: bool) -> None:
    record = _confli(1, **gold)
    event = _event(source_spans=source_spans, target_spans=target_spans)
    assert external.dyad_match(record, event) is expected


def test_conflibert_scores_count_classes_events_and_dyads() -> None:
    records = [
        _confli(4, sources=[(0, 5)], targets=[(10, 15)]),
        _confli(0),  # no spans: class only
        _confli(1, reciprocal=[(0, 20)]),
    ]
    coded = [
        [
            _event("19", source_spans=[(0, 5)], target_spans=[(10, 15)]),  # dyad and class
            _event("01"),
        ],
        [_event("02"), _event("11")],
        [],
    ]
    scores = external.score_conflibert(records, coded)
    assert scores["class_hit"] == pytest.approx(2 / 3)
    assert scores["class_precision"] == pytest.approx(2 / 4)
    assert scores["no_event"] == pytest.approx(1 / 3)
    assert scores["dyad_hit"] == pytest.approx(1 / 2)
    assert scores["dyad_class_hit"] == pytest.approx(1 / 2)
    assert (scores["n"], scores["n_dyad"]) == (3, 2)


def test_dyad_class_hit_needs_the_dyad_event_itself_to_carry_the_class() -> None:
    records = [_confli(4, sources=[(0, 5)], targets=[(10, 15)])]
    coded = [[_event("01", source_spans=[(0, 5)], target_spans=[(10, 15)]), _event("19")]]
    scores = external.score_conflibert(records, coded)
    assert (scores["class_hit"], scores["dyad_hit"], scores["dyad_class_hit"]) == (1.0, 1.0, 0.0)


def _plover(event: str, source: list[str], target: list[str]) -> dict[str, Any]:
    return {
        "event": event,
        "source": [{"code": code} for code in source],
        "target": [{"code": code} for code in target],
    }


def test_plover_scores_type_and_country_level_dyad() -> None:
    records = [
        _plover("AGREE", ["ISR"], ["PSEGOV"]),
        _plover("PROTEST", ["FRA"], ["DEU"]),
        _plover("DEMAND", ["USA"], []),  # one side only: type, no dyad
    ]
    coded = [
        [_event("03", source="ISRGOV", target="PSE", plover="AGREE")],
        [_event("14", source="DEU", target="FRA", plover="PROTEST")],
        [_event("10", source="USA", target=None, plover="REJECT")],
    ]
    scores = external.score_plover(records, coded)
    assert scores["type_accuracy"] == pytest.approx(2 / 3)
    assert scores["dyad_hit"] == pytest.approx(1 / 2)
    assert scores["n_dyad"] == 2


@pytest.mark.parametrize(
    ("gold", "coded", "hit"),
    [
        ("DEMAND", "REQUEST", 1.0),
        ("FIGHT", "ASSAULT", 1.0),
        ("INVESTIGATE", "ACCUSE", 1.0),
        ("DISAPPROVE", "ACCUSE", 1.0),
        ("AGREE", "AGREE", 1.0),
        ("DEMAND", "DEMAND", 0.0),
    ],
)
def test_plover_gold_types_are_read_in_the_16_type_plover(
    gold: str, coded: str, hit: float
) -> None:
    scores = external.score_plover([_plover(gold, [], [])], [[_event(plover=coded)]])
    assert scores["type_accuracy"] == hit


def _petr2(events: list[tuple[str, str, str]], *, noevents: bool = False) -> dict[str, Any]:
    return {
        "events": [{"source": s, "target": t, "code": c} for s, t, c in events],
        "noevents": noevents,
    }


def test_petr2_scores_roots_and_country_level_triples() -> None:
    records = [
        _petr2([("USA", "CHN", "042"), ("CHN", "USA", "043")]),
        _petr2([("GBROPP", "CHN", "141")]),
        _petr2([], noevents=True),
    ]
    coded = [
        [_event("04", source="USAGOV", target="CHN")],  # one of two triples
        [_event("14", source="GBR", target="RUS")],  # root right, triple wrong
        [_event("01", source="FRA", target=None)],  # a false event
    ]
    scores = external.score_petr2(records, coded)
    assert scores["root_hit"] == 1.0
    assert scores["triple_precision"] == pytest.approx(1 / 3)
    assert scores["triple_recall"] == pytest.approx(1 / 3)
    assert scores["triple_f1"] == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    ("label", "sentences", "charged"),
    [
        ((10, 30), [(0, 9), (10, 30), (31, 40)], {1}),
        ((10, 30), [(0, 12), (12, 20), (20, 30)], {1, 2}),  # split in two by the parser
        ((10, 30), [(0, 14), (14, 60)], {1}),  # joined to a neighbour: the larger part
        ((10, 30), [(0, 5), (40, 50)], set()),
    ],
)
def test_charged_sentences_lie_mostly_inside_the_label(
    label: Any, sentences: Any, charged: set[int]
) -> None:
    assert external.charged_sentences(label, sentences) == charged


def test_charged_events_have_evidence_in_the_label() -> None:
    sentences = [(0, 9), (10, 30), (31, 40)]
    coded = [_event(evidence=(0,)), _event(evidence=(0, 1)), _event(evidence=(1,))]
    label = {"start": 10, "end": 30}
    assert external.charged_events(label, sentences, coded) == coded[1:]


def test_event_free_score_is_events_per_labelled_sentence() -> None:
    labels = [{"kind": kind} for kind in ("statistics", "opinion", "quote", "background")]
    found = [[], [_event(), _event()], [], [_event()]]
    scores = external.score_event_free(labels, found)
    assert scores["false_events_per_sentence"] == 0.75
    assert scores["hard_false_events_per_sentence"] == 1.0
    assert scores["sentences_with_events"] == 0.5


def test_parts_follow_the_shared_split_rule() -> None:
    records = [{"i": index} for index in range(10)]
    coded: list[list[Any]] = [[] for _ in records]
    seen: dict[str, list[int]] = {}

    def scorer(part: Any, _: Any) -> dict[str, float]:
        seen[str(len(seen))] = [record["i"] for record in part]
        return {}

    external.split_scores(scorer, records, coded)
    assert seen["0"] == [r["i"] for r in split.study_part(records)]
    assert seen["1"] == [r["i"] for r in split.untouched_part(records)] == [4, 9]


def test_absent_data_is_said_with_its_path(tmp_path: Path) -> None:
    absent = tmp_path / "dev"
    with pytest.raises(external.DataMissing, match=str(absent)):
        external.evaluate(data=absent)


LABELS = external.read_labels()
KINDS = {"statistics", "economy", "description", "background", "opinion", "quote", "credit"}
needs_shared = pytest.mark.skipif(
    not external.SHARED.is_dir(), reason=f"{external.SHARED} is absent: labels not checked"
)


def test_event_free_labels_are_enough_and_say_where_and_what() -> None:
    assert len(LABELS) >= 300
    for label in LABELS:
        assert set(label) == {"corpus", "id", "start", "end", "sha1", "kind"}, label
        assert label["corpus"] in external.SOURCES and label["kind"] in KINDS, label
        assert 0 <= label["start"] < label["end"], label
        assert re.fullmatch(r"[0-9a-f]{12}", label["sha1"]), label


def test_event_free_labels_do_not_overlap() -> None:
    spans = sorted((label["corpus"], label["id"], label["start"], label["end"]) for label in LABELS)
    for before, after in itertools.pairwise(spans):
        assert before[:2] != after[:2] or before[3] <= after[2], (before, after)


@needs_shared
def test_event_free_labels_match_their_source_text() -> None:
    records = external.labelled_records(LABELS)  # raises on a hash that no longer matches
    for label in LABELS:
        text = records[label["corpus"], label["id"]]["text"]
        assert label["end"] <= len(text), label
        sentence = text[label["start"] : label["end"]]
        assert sentence == sentence.strip() and external.sentence_hash(sentence) == label["sha1"]


@needs_shared
def test_event_free_labels_leave_the_reserved_voa_stories_alone() -> None:
    path = external.SHARED / external.SOURCES["voa"][0]
    position = {external.json.loads(line)["id"]: i for i, line in enumerate(path.open())}
    used = {position[label["id"]] for label in LABELS if label["corpus"] == "voa"}
    assert used and all(i % 4 != external.VOA_RESERVED for i in used)


def test_a_changed_source_text_is_reported(tmp_path: Path) -> None:
    (tmp_path / "voa").mkdir()
    (tmp_path / "reuters").mkdir()
    (tmp_path / "reuters" / "articles.jsonl").write_text("")
    record = {"id": "1", "text": "The sky was grey over the harbour."}
    (tmp_path / "voa" / "stories.jsonl").write_text(external.json.dumps(record) + "\n")
    label = {"corpus": "voa", "id": "1", "start": 0, "end": 11, "sha1": "000000000000"}
    with pytest.raises(ValueError, match="voa:1:0-11 no longer matches"):
        external.labelled_records([label], shared=tmp_path)


@pytest.mark.parametrize(
    ("corpus", "record", "events", "first_line"),
    [
        (
            "conflibert",
            {"id": "c1", "text": "T.", **_confli(4, sources=[(0, 1)])},
            [_event("01")],
            "c1 penta 4 CLASS DYAD: T.",
        ),
        (
            "conflibert",
            {"id": "c2", "text": "T.", **_confli(4, sources=[(0, 1)])},
            [_event("19", source_spans=[(0, 1)])],
            None,
        ),
        (
            "plover",
            {"id": "p1", "text": "T.", **_plover("AGREE", ["ISR"], ["PSE"])},
            [_event("03", source="ISR", target="EGY", plover="AGREE")],
            "p1 AGREE DYAD: T.",
        ),
        (
            "petr2",
            {"id": "g1", "text": "T.", **_petr2([], noevents=True)},
            [_event("01")],
            "g1: T.",
        ),
        (
            "event_free",
            {"corpus": "voa", "id": "7", "kind": "opinion", "text": "A  b."},
            [_event()],
            "voa:7 opinion: A b.",
        ),
    ],
)
def test_study_errors_name_the_miss_and_list_the_coded_events(
    corpus: str, record: dict[str, Any], events: list[Any], first_line: str | None
) -> None:
    lines = external.study_errors(corpus, [record], [events])
    assert (lines[0] if lines else None) == first_line
    assert not lines or lines[-1].startswith("  coded ")


def test_study_errors_never_show_the_untouched_fifth() -> None:
    records = [{"id": str(i), "text": "T.", **_petr2([], noevents=True)} for i in range(5)]
    lines = external.study_errors("petr2", records, [[_event("01")]] * 5)
    assert [line.split(":")[0] for line in lines if not line.startswith(" ")] == [
        "0",
        "1",
        "2",
        "3",
    ]


def test_class_confusion_counts_coded_classes_by_gold_class_on_the_study_part() -> None:
    records = [_confli(penta) for penta in (4, 4, 0, 1, 2)]  # the fifth is untouched
    coded = [[_event("19"), _event("01")], [], [_event("02")], [_event("04")], [_event("07")]]
    rows = external.class_confusion(records, coded).splitlines()
    assert rows[5].split() == ["4", "1", "0", "0", "0", "1", "1"]
    assert rows[3].split() == ["2", "0", "0", "0", "0", "0", "0"]


def test_rule_table_counts_right_wrong_and_event_free_events_per_rule_family() -> None:
    say = _event("01") | {"rule": "verb:say->010"}
    attack = _event("19") | {"rule": "verb:attack->190"}
    results = {
        "conflibert": ([_confli(4), _confli(0)], [[attack, say], [say]]),
        "event_free": ([{"kind": "opinion"}], [[say]]),
    }
    rows = [line.split() for line in external.rule_table(results).splitlines()[1:]]
    assert rows == [["verb:say", "1", "1", "1"], ["verb:attack", "1", "0", "0"]]


@pytest.mark.parametrize("root", ["00", "21", "x1"])
def test_penta_class_refuses_a_code_outside_cameo(root: str) -> None:
    with pytest.raises(ValueError, match="no PentaClass"):
        external.penta_class(root)
