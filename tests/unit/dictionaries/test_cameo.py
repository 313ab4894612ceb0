"""Tests for the CAMEO codebook, its Goldstein weights, QuadClass and PLOVER mapping."""

from __future__ import annotations

import pytest

from newsevents.dictionaries.cameo import (  # data-file checks
    PENTA_DEFAULT_CODES,
    PLOVER_MODES,
    PLOVER_TYPES,
    QUAD_CLASS_NAMES,
    CameoCode,
    _parse_rows,
    _plover_map,
    cameo_code,
    cameo_codes,
    is_cameo_code,
    penta_class,
    quad_class,
    root_name,
)
from newsevents.errors import DictionaryError

ROOTS = [f"{number:02d}" for number in range(1, 21)]

# Statements (root 01) are the one CAMEO category PLOVER drops ("comments", PLOVER manual 1.1).
NO_PLOVER_ROOTS = {"01"}


def test_every_root_from_01_to_20_is_present() -> None:
    roots = {code.code for code in cameo_codes() if code.is_root}
    assert roots == set(ROOTS)


def test_every_code_belongs_to_a_valid_root() -> None:
    for code in cameo_codes():
        assert code.root == code.code[:2]
        assert code.root in ROOTS


def test_number_of_codes_is_that_of_the_codebook() -> None:
    # 20 roots and 296 3- and 4-digit codes in CAMEO 1.1b3.
    assert 280 <= len(cameo_codes()) <= 330


def test_codes_are_sorted_and_unique() -> None:
    codes = [code.code for code in cameo_codes()]
    assert codes == sorted(set(codes))


def test_every_code_has_three_or_four_digits_or_is_a_root() -> None:
    for code in cameo_codes():
        assert code.code.isdigit()
        assert len(code.code) in (2, 3, 4)


def test_every_four_digit_code_has_its_three_digit_parent() -> None:
    for code in cameo_codes():
        if len(code.code) == 4:
            assert is_cameo_code(code.code[:3]), code.code


@pytest.mark.parametrize(
    ("code", "name", "goldstein"),
    [
        ("01", "Make public statement", 0.0),
        ("010", "Make statement, not specified below", 0.0),
        ("016", "Deny responsibility", -2.0),
        ("020", "Make an appeal or request, not specified below", 3.0),
        ("021", "Appeal for material cooperation, not specified below", 3.4),
        ("0211", "Appeal for economic cooperation", 3.4),
        ("0256", "Appeal for de-escalation of military engagement", -0.3),
        ("036", "Express intent to meet or negotiate", 4.0),
        ("042", "Make a visit", 1.9),
        ("043", "Host a visit", 2.8),
        ("057", "Sign formal agreement", 8.0),
        ("074", "Provide military protection or peacekeeping", 8.5),
        ("0874", "Retreat or surrender militarily", 10.0),
        ("111", "Criticize or denounce", -2.0),
        ("112", "Accuse, not specified below", -2.0),
        ("130", "Threaten, not specified below", -4.4),
        ("138", "Threaten with military force, not specified below", -7.0),
        ("163", "Impose embargo, boycott, or sanctions", -8.0),
        ("173", "Arrest, detain, or charge with legal action", -5.0),
        ("1724", "Impose state of emergency or martial law", -5.0),
        ("182", "Physically assault, not specified below", -9.5),
        ("190", "Use conventional military force, not specified below", -10.0),
        ("195", "Employ aerial weapons, not specified below", -10.0),
        ("2042", "Detonate nuclear weapons", -10.0),
    ],
)
def test_name_and_goldstein_match_the_codebook(code: str, name: str, goldstein: float) -> None:
    entry = cameo_code(code)
    assert entry.name == name
    assert entry.goldstein == goldstein


@pytest.mark.parametrize(
    ("root", "quad"),
    [(root, 1) for root in ROOTS[0:5]]
    + [(root, 2) for root in ROOTS[5:8]]
    + [(root, 3) for root in ROOTS[8:13]]
    + [(root, 4) for root in ROOTS[13:20]],
)
def test_quad_class_follows_the_root(root: str, quad: int) -> None:
    assert quad_class(root) == quad
    assert all(code.quad_class == quad for code in cameo_codes() if code.root == root)


def test_quad_class_names_cover_the_four_classes() -> None:
    assert set(QUAD_CLASS_NAMES) == {1, 2, 3, 4}


@pytest.mark.parametrize("root", ["00", "21", "x1", "1"])
def test_quad_class_of_a_non_root_raises(root: str) -> None:
    with pytest.raises(DictionaryError):
        quad_class(root)


def test_goldstein_values_lie_on_the_scale() -> None:
    assert all(-10.0 <= code.goldstein <= 10.0 for code in cameo_codes())


@pytest.mark.parametrize(("root", "name"), [("01", "Make public statement"), ("19", "Fight")])
def test_root_name(root: str, name: str) -> None:
    assert root_name(root) == name


@pytest.mark.parametrize("root", ["21", "042", "", "ab"])
def test_root_name_of_a_non_root_raises(root: str) -> None:
    with pytest.raises(DictionaryError, match="unknown CAMEO root"):
        root_name(root)


def test_every_code_has_a_plover_type_except_statements() -> None:
    for code in cameo_codes():
        if code.root in NO_PLOVER_ROOTS:
            assert code.plover is None, code.code
            assert code.plover_mode is None, code.code
        else:
            assert code.plover in PLOVER_TYPES, code.code


def test_plover_has_sixteen_event_types() -> None:
    assert len(set(PLOVER_TYPES)) == 16


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [
        ("0211", "REQUEST", "assist"),  # falls back to its parent 021
        ("026", "REQUEST", "meet"),
        ("036", "AGREE", None),
        ("042", "CONSULT", "visit"),
        ("057", "SUPPORT", None),
        ("062", "COOPERATE", None),
        ("073", "AID", "humanitarian"),
        ("0811", "CONCEDE", None),  # falls back to the root 08
        ("0813", "RETREAT", None),  # listed itself: the material half of YIELD
        ("0841", "RETREAT", "release"),
        ("0871", "RETREAT", "ceasefire"),
        ("091", "ACCUSE", "investigate"),
        ("1041", "REQUEST", "change"),
        ("112", "ACCUSE", None),
        ("116", "SANCTION", "convict"),
        ("1246", "REJECT", "yield"),
        ("1384", "THREATEN", "violence"),
        ("1423", "PROTEST", "strike-hun"),
        ("154", "MOBILIZE", "troops"),
        ("163", "SANCTION", "sever"),
        ("1712", "ASSAULT", "destroy"),
        ("173", "COERCE", "arrest"),
        ("1832", "ASSAULT", "explosives"),
        ("191", "COERCE", "restrict"),
        ("195", "ASSAULT", "heavy-weapons"),
        ("2041", "ASSAULT", None),
    ],
)
def test_plover_type_and_mode(code: str, plover: str, mode: str | None) -> None:
    entry = cameo_code(code)
    assert (entry.plover, entry.plover_mode) == (plover, mode)


@pytest.mark.parametrize("code", ["0211", "19", "2042"])
def test_is_cameo_code_accepts_codes(code: str) -> None:
    assert is_cameo_code(code)


@pytest.mark.parametrize("code", ["42", "0000", "215", "---", "042:043", "", "211"])
def test_is_cameo_code_rejects_non_codes(code: str) -> None:
    assert not is_cameo_code(code)


@pytest.mark.parametrize("code", ["215", "---", "0000", ""])
def test_unknown_code_raises_dictionary_error(code: str) -> None:
    with pytest.raises(DictionaryError, match="unknown CAMEO event code"):
        cameo_code(code)


def test_unknown_code_without_leading_zero_suggests_the_padded_code() -> None:
    with pytest.raises(DictionaryError, match="did you mean '042'"):
        cameo_code("42")


def test_entries_are_frozen_and_shared() -> None:
    entry = cameo_code("190")
    assert isinstance(entry, CameoCode)
    assert cameo_code("190") is entry
    with pytest.raises(AttributeError):
        entry.goldstein = 0.0  # type: ignore[misc]


def test_every_plover_mode_is_one_its_type_defines() -> None:
    for code in cameo_codes():
        if code.plover_mode is not None:
            assert code.plover is not None
            assert code.plover_mode in PLOVER_MODES[code.plover], code.code


def test_every_plover_map_row_names_a_codebook_code() -> None:
    assert all(is_cameo_code(code) for code in _plover_map())


def test_codebook_rows_are_parsed_with_their_line_numbers() -> None:
    rows = _parse_rows("# note\ncode\tname\tgoldstein\n19\tFight\t-10.0\n", "test.tsv", 3)
    assert rows == [(3, ["19", "Fight", "-10.0"])]


def test_a_row_with_missing_columns_names_file_and_line() -> None:
    with pytest.raises(DictionaryError, match=r"at test.tsv:3.*single tabs"):
        _parse_rows("code\tname\tgoldstein\n19\tFight\t-10.0\n190 Fight -10.0\n", "test.tsv", 3)


@pytest.mark.parametrize(
    ("code", "penta"),
    [
        ("01", 0),
        ("0211", 0),
        ("03", 1),
        ("057", 1),
        ("06", 2),
        ("0874", 2),
        ("09", 3),
        ("138", 3),
        ("14", 4),
        ("20", 4),
    ],
)
def test_penta_class_follows_the_root(code: str, penta: int) -> None:
    assert penta_class(code) == penta


@pytest.mark.parametrize("code", ["00", "21", "x1", ""])
def test_penta_class_of_a_non_code_is_a_coded_error(code: str) -> None:
    with pytest.raises(DictionaryError, match="no PentaClass"):
        penta_class(code)


def test_every_pentaclass_default_code_is_a_code_of_its_class() -> None:
    assert all(penta_class(code) == penta for penta, code in PENTA_DEFAULT_CODES.items())
    assert all(is_cameo_code(code) for code in PENTA_DEFAULT_CODES.values())
