"""Tests for the event lexicon: coverage of the CAMEO codebook, loading and parsing."""

from __future__ import annotations

import pickle

import pytest

from newsevents.dictionaries.cameo import cameo_codes
from newsevents.dictionaries.lexicon import (
    Pattern,
    PatternIndex,
    load_lexicon,
    parse_lexicon_lines,
)
from newsevents.errors import DictionaryError


def test_every_cameo_code_has_a_pattern() -> None:
    codes = {entry.code for entry in cameo_codes() if len(entry.code) >= 3}
    assert codes - load_lexicon().codes == set()


def test_every_pattern_code_is_in_the_codebook() -> None:
    codes = {entry.code for entry in cameo_codes()}
    assert load_lexicon().codes - codes == set()


def test_builtin_lexicon_is_cached_and_picklable() -> None:
    lexicon = load_lexicon()
    assert load_lexicon() is lexicon
    assert len(pickle.loads(pickle.dumps(lexicon))) == len(lexicon)


@pytest.mark.parametrize(
    ("line", "lemma", "preps", "obj", "modifiers"),
    [
        ("040\tmeet\t-\tobj|+with", "meet", (), frozenset(), ()),
        ("0233\tcall\t+for humanitarian aid\t-", "call", ("for",), {"aid"}, ({"humanitarian"},)),
        ("0831\tstep\t+down\t-", "step", ("down",), frozenset(), ()),
    ],
)
def test_line_parses_into_pattern(
    line: str, lemma: str, preps: tuple[str, ...], obj: set[str], modifiers: tuple[set[str], ...]
) -> None:
    (pattern,) = parse_lexicon_lines([line], kind="verb", source="t")
    expected = (lemma, frozenset(obj), tuple(frozenset(group) for group in modifiers))
    assert (pattern.lemma, pattern.obj, pattern.obj_modifiers) == expected
    assert tuple(next(iter(group)) for group in pattern.preps) == preps


def test_alternative_lemmas_expand_into_patterns() -> None:
    patterns = parse_lexicon_lines(["111\tcondemn|denounce\t-\tobj"], kind="verb", source="t")
    assert sorted(pattern.lemma for pattern in patterns) == ["condemn", "denounce"]


@pytest.mark.parametrize("line", ["040\tmeet\t-", "4x0\tmeet\t-\tobj"])
def test_bad_line_raises_dictionary_error(line: str) -> None:
    with pytest.raises(DictionaryError):
        parse_lexicon_lines([line], kind="verb", source="t")


def test_specific_pattern_outranks_general_one() -> None:
    general, specific = parse_lexicon_lines(
        ["020\tcall\t+for\t-", "0233\tcall\t+for humanitarian aid\t-"], kind="verb", source="t"
    )
    assert specific.specificity > general.specificity


@pytest.mark.parametrize(
    ("line", "targets", "required"),
    [
        ("042\tvisit\t-\tobj!", ("obj",), True),
        ("042\ttravel\t+to\tobj|+with!", ("obj", "+with"), True),
        ("051\tpraise\t-\tobj", ("obj",), False),
        ("010\tdescribe\t-\t-", (), False),
    ],
)
def test_target_column_parses_slots_and_required_mark(
    line: str, targets: tuple[str, ...], required: bool
) -> None:
    (pattern,) = parse_lexicon_lines([line], kind="verb", source="t")
    assert (pattern.targets, pattern.target_required) == (targets, required)


def _pattern(code: str, preps: tuple[str, ...] = (), obj: str = "") -> Pattern:
    return Pattern(
        code,
        "verb",
        "hold",
        preps=tuple(frozenset({word}) for word in preps),
        obj=frozenset({obj}) if obj else frozenset(),
    )


INDEXED = (
    _pattern("040", obj="talk"),
    _pattern("010"),
    _pattern("046", obj="negotiation"),
    _pattern("044", preps=("on",), obj="sideline"),
)


@pytest.mark.parametrize(
    ("words", "codes"),
    [
        (set(), ["010"]),
        ({"talk"}, ["040", "010"]),
        ({"talk", "on", "negotiation"}, ["040", "010", "046", "044"]),
        ({"with"}, ["010"]),
    ],
)
def test_pattern_index_keeps_needed_patterns_in_file_order(
    words: set[str], codes: list[str]
) -> None:
    index = PatternIndex.build(INDEXED)
    assert [pattern.code for pattern in index.candidates(words)] == codes


def test_dependency_requirement_is_a_preposition_group() -> None:
    (pattern,) = parse_lexicon_lines(["010\tcall\t+~oprd\tdobj"], kind="verb", source="t")
    assert (pattern.preps, pattern.targets) == ((frozenset({"~oprd"}),), ("dobj",))


def test_lexicon_indexes_every_verb_lemma() -> None:
    lexicon = load_lexicon()
    assert lexicon.verb_index.keys() == lexicon.verbs.keys()
    assert all(
        lexicon.verb_index[lemma].patterns == patterns for lemma, patterns in lexicon.verbs.items()
    )
