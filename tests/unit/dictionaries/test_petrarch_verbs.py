"""Tests for the PETRARCH2 verb-dictionary reader, construct by construct and on the real file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.dictionaries.petrarch import (
    TransformationPattern,
    VerbDictionary,
    read_verb_dictionary,
)
from newsevents.dictionaries.verb_syntax import PatternElement, regular_forms
from newsevents.errors import DictionaryError

SHARED = Path(__file__).resolve().parents[4] / "shared"
PHOENIX_VERBS = SHARED / "data" / "phoenix" / "CAMEO.2.0.txt"

Reader = Callable[..., VerbDictionary]

# A small dictionary written for these tests, one construct per block.
SAMPLE = """\
# a comment line
&CURRENCY
+DOLLAR
+SWISS_FRANC
+CASH_

&AUXVERB_
+WILL

--- MEET [040] ---
MEET {MET MEETING MEETS}
CONFER
HOST [043]  # a verb with its own code
- $ * + (IN ^)                       [044]   # third location
- * (WITH {PRIME MINISTER})          [042:043]
- &CURRENCY *                         [061]
- * (BEFORE COURT)                   [:173]
- % * EXERCISES                       [062:062]

--- CANCEL [---] ---
+CALL_OFF {+CALLS_OFF +CALLED_OFF +CALLING_OFF} [160]
RE_+SCHEDULE
SCRAP {SCRAPS SCRAPPED};legacy TABARI comment
- * TALKS                            [164]

~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK) WANT = a b Q
"""


@pytest.fixture
def read(tmp_path: Path) -> Reader:
    """Write ``text`` to a dictionary file and read it."""

    def _read(text: str, **options: bool) -> VerbDictionary:
        path = tmp_path / "verbs.txt"
        path.write_text(text, encoding="utf-8")
        return read_verb_dictionary(path, **options)

    return _read


@pytest.fixture
def sample(read: Reader) -> VerbDictionary:
    return read(SAMPLE)


def test_synset_members_are_read_in_order(sample: VerbDictionary) -> None:
    assert sample.synsets["&CURRENCY"] == ("DOLLAR", "SWISS FRANC", "CASH_")


def test_synset_label_keeps_its_no_plural_underscore(sample: VerbDictionary) -> None:
    assert sample.synsets["&AUXVERB_"] == ("WILL",)


def test_blocks_keep_their_default_code(sample: VerbDictionary) -> None:
    assert sample.blocks["MEET"].code == "040"
    assert sample.blocks["CANCEL"].code == "---"


def test_block_lists_its_verbs(sample: VerbDictionary) -> None:
    assert sample.blocks["MEET"].verbs == ("MEET", "CONFER", "HOST")


def test_verb_without_code_takes_the_block_code(sample: VerbDictionary) -> None:
    assert sample.verbs["CONFER"].code == "040"


def test_verb_with_its_own_code_keeps_it(sample: VerbDictionary) -> None:
    assert sample.verbs["HOST"].code == "043"


def test_irregular_forms_are_taken_as_given(sample: VerbDictionary) -> None:
    meet = sample.verbs["MEET"]
    assert meet.irregular
    assert meet.forms == ("MET", "MEETING", "MEETS")


def test_regular_forms_are_generated(sample: VerbDictionary) -> None:
    confer = sample.verbs["CONFER"]
    assert not confer.irregular
    assert confer.forms == ("CONFERS", "CONFERED", "CONFERING")


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("ACCUSE", ("ACCUSES", "ACCUSED", "ACCUSING")),
        ("PUSH", ("PUSHES", "PUSHED", "PUSHING")),
        ("CARRY", ("CARRIES", "CARRIED", "CARRYING")),
        ("PLAY", ("PLAYS", "PLAYED", "PLAYING")),
        ("FLEE", ("FLEES", "FLEED", "FLEEING")),
        ("TAX", ("TAXES", "TAXED", "TAXING")),
    ],
)
def test_regular_forms_follow_english_spelling(verb: str, forms: tuple[str, ...]) -> None:
    assert regular_forms(verb) == forms


def test_multi_word_verb_marks_its_verb_word(sample: VerbDictionary) -> None:
    call_off = sample.verbs["CALL OFF"]
    assert (call_off.verb, call_off.before, call_off.after) == ("CALL", (), ("OFF",))
    assert call_off.forms == ("CALLS OFF", "CALLED OFF", "CALLING OFF")
    assert call_off.code == "160"


def test_multi_word_verb_with_a_prefix_word(sample: VerbDictionary) -> None:
    entry = sample.verbs["RE SCHEDULE"]
    assert (entry.verb, entry.before, entry.after) == ("SCHEDULE", ("RE",), ())
    assert "RE SCHEDULED" in entry.forms


def test_semicolon_starts_a_tabari_comment(sample: VerbDictionary) -> None:
    assert sample.verbs["SCRAP"].forms == ("SCRAPS", "SCRAPPED")


@pytest.mark.parametrize(
    ("word", "lemmas"),
    [("met", ("MEET",)), ("MEET", ("MEET",)), ("Called Off", ("CALL OFF",)), ("XYZ", ())],
)
def test_lookup_finds_lemmas_by_any_form(
    sample: VerbDictionary, word: str, lemmas: tuple[str, ...]
) -> None:
    assert tuple(entry.lemma for entry in sample.lookup(word)) == lemmas


def test_verbs_share_their_block_patterns(sample: VerbDictionary) -> None:
    assert sample.verbs["CONFER"].patterns is sample.blocks["MEET"].patterns
    assert len(sample.blocks["MEET"].patterns) == 5


def test_pattern_marks_source_target_and_skip(sample: VerbDictionary) -> None:
    pattern = sample.blocks["MEET"].patterns[0]
    assert [element.kind for element in pattern.before] == ["source"]
    assert [(element.kind, element.text) for element in pattern.after] == [
        ("target", "+"),
        ("word", "IN"),
        ("skip", "^"),
    ]
    assert pattern.source_marked and pattern.target_marked
    assert (pattern.code, pattern.comment) == ("044", "third location")


def test_pattern_prepositional_phrase_and_noun_phrase(sample: VerbDictionary) -> None:
    pattern = sample.blocks["MEET"].patterns[1]
    assert pattern.after == (
        PatternElement("word", "WITH", phrase=0, preposition=True),
        PatternElement("word", "PRIME", phrase=0, group=0),
        PatternElement("word", "MINISTER", phrase=0, group=0),
    )


@pytest.mark.parametrize(
    ("index", "code", "reverse_code"),
    [(0, "044", None), (1, "042", "043"), (3, "---", "173"), (4, "062", "062")],
)
def test_pattern_codes_and_reverse_codes(
    sample: VerbDictionary, index: int, code: str, reverse_code: str | None
) -> None:
    pattern = sample.blocks["MEET"].patterns[index]
    assert (pattern.code, pattern.reverse_code) == (code, reverse_code)


def test_pattern_synset_before_the_verb(sample: VerbDictionary) -> None:
    pattern = sample.blocks["MEET"].patterns[2]
    assert pattern.before == (PatternElement("synset", "&CURRENCY"),)
    assert pattern.synsets == ("&CURRENCY",)
    assert pattern.after == ()


def test_pattern_compound_marker(sample: VerbDictionary) -> None:
    pattern = sample.blocks["MEET"].patterns[4]
    assert pattern.before[0].kind == "compound"


def test_pattern_records_its_block_and_line(sample: VerbDictionary) -> None:
    pattern = sample.blocks["CANCEL"].patterns[0]
    assert (pattern.block, pattern.line) == ("CANCEL", 24)


def test_transformation_with_a_nested_pattern(sample: VerbDictionary) -> None:
    first = sample.transformations[0]
    assert first.pattern == TransformationPattern(
        "a", TransformationPattern("a", "b", "ATTACK"), "SAY"
    )
    assert (first.source, first.target, first.code) == ("a", "b", "015")


def test_transformation_keeping_the_inner_code(sample: VerbDictionary) -> None:
    assert sample.transformations[1].code == "Q"


def test_well_formed_sample_has_only_the_unknown_verb_warnings(sample: VerbDictionary) -> None:
    # ATTACK (twice), SAY and WANT are not verbs of the sample, and the reader says so.
    assert len(sample.warnings) == 4
    assert all("transformation verb" in warning for warning in sample.warnings)


def test_xml_comments_may_span_lines(read: Reader) -> None:
    dictionary = read("--- SAY [010] ---\n<!-- a comment\nSTATE\n-->\nSAY <!-- inline --> [010]\n")
    assert dictionary.blocks["SAY"].verbs == ("SAY",)


def test_block_header_without_code_codes_no_event(read: Reader) -> None:
    assert read("--- ADVISE ---\nADVISE\n").verbs["ADVISE"].code == "---"


def test_block_header_with_dashes_glued_to_the_code(read: Reader) -> None:
    # CAMEO.2.0.txt has headers such as "---  DELAY   [120]---  ---", which PETRARCH2 accepts.
    assert read("---  DELAY   [120]---  ---\nDELAY\n").blocks["DELAY"].code == "120"


def test_duplicate_verb_keeps_the_first_and_warns(read: Reader) -> None:
    dictionary = read("--- A [010] ---\nSTATE\n--- B [020] ---\nSTATE\n")
    assert dictionary.verbs["STATE"].block == "A"
    assert dictionary.blocks["B"].verbs == ("STATE",)
    assert dictionary.warnings == (
        f"{dictionary.path}:4: the verb STATE is already in block A (line 2); "
        "the first definition is kept",
    )


def test_undefined_synset_is_kept_and_reported(read: Reader) -> None:
    dictionary = read("--- A [010] ---\nSTATE\n- * &NOWHERE [012]\n")
    assert dictionary.blocks["A"].patterns[0].synsets == ("&NOWHERE",)
    assert dictionary.warnings == (f"{dictionary.path}:3: the synset &NOWHERE is not defined",)


def test_legacy_exclamation_after_a_code_is_reported(read: Reader) -> None:
    dictionary = read("--- A [010] ---\nBACK\n- * DOWN [080!]\n")
    assert dictionary.blocks["A"].patterns[0].code == "080"
    assert "'!' after the code is ignored" in dictionary.warnings[0]


def test_stray_closing_parenthesis_is_reported(read: Reader) -> None:
    dictionary = read("--- A [010] ---\nMAKE\n- * VENTURE (WITH VISIT) VISIT) [042]\n")
    words = [element.text for element in dictionary.blocks["A"].patterns[0].after]
    assert words == ["VENTURE", "WITH", "VISIT", "VISIT"]
    assert "unmatched ')'" in dictionary.warnings[0]


@pytest.mark.parametrize(
    ("pattern", "before", "after"),
    [
        ("- *SCEPTICAL [012]", [], ["SCEPTICAL"]),
        ("- SPY_*_DEAL [---]", ["SPY_"], ["_DEAL"]),
        ("- FIGHTER_&AIRCRAFT * [195]", ["FIGHTER_", "&AIRCRAFT"], []),
        ("- * (TO/FOR PROTEST) [141]", [], ["TO/FOR", "PROTEST"]),
    ],
)
def test_tabari_spellings_that_petrarch2_accepts(
    read: Reader, pattern: str, before: list[str], after: list[str]
) -> None:
    read_pattern = (
        read(f"&AIRCRAFT\n+JET\n--- A [010] ---\nMAKE\n{pattern}\n").blocks["A"].patterns[0]
    )
    assert [element.text for element in read_pattern.before] == before
    assert [element.text for element in read_pattern.after] == after


MALFORMED = [
    ("- * TALKS", "the pattern has no [code]"),
    ("- * TALKS * [040]", "exactly one '*'"),
    ("- TALKS [040]", "exactly one '*'"),
    ("- * (WITH BOARD [040]", "an unclosed '('"),
    ("- * PRIME} [040]", "a '}' without its '{'"),
    ("- * {PRIME (MINISTER} [040]", "an unclosed '('"),
    ("- * TALKS [04x]", "is not an event code"),
    ("- * TALKS [040] AGAIN", "one [code], at its end"),
    ("- * TALKS = [040]", "is not a word"),
    ("DISCUSS AT LENGTH", "several words outside"),
    ("CORDON_OFF", "must mark its verb with one '+'"),
    ("PARLEY {PARLEYS", "unbalanced { }"),
    ("--- BROKEN [040 ---", "malformed verb block header"),
    ("--- TALK [041] ---", "the block TALK is defined twice"),
    ("&BAD LABEL", "is not a synset label"),
    ("~ a SAY", "malformed transformation"),
    ("~ a (b c ATTACK SAY = a b 015", "an unclosed '('"),
]


@pytest.mark.parametrize(("line", "message"), MALFORMED)
def test_malformed_line_raises_with_file_line_and_fix(
    read: Reader, line: str, message: str
) -> None:
    with pytest.raises(DictionaryError, match="fix: ") as caught:
        read(f"--- TALK [040] ---\nTALK\n{line}\n")
    assert message in caught.value.message
    assert caught.value.where is not None and caught.value.where.endswith("verbs.txt:3")


@pytest.mark.parametrize(("line", "message"), MALFORMED)
def test_malformed_line_is_skipped_with_a_warning_when_not_strict(
    read: Reader, line: str, message: str
) -> None:
    dictionary = read(f"--- TALK [040] ---\nTALK\n{line}\nCHAT\n", strict=False)
    assert any(message in warning and "verbs.txt:3" in warning for warning in dictionary.warnings)
    # The next line is read, or (after a broken header, with no block open) reported.
    assert "CHAT" in dictionary.verbs or "verbs.txt:4" in dictionary.warnings[-1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- * TALKS [040]\n", "before any verb block"),
        ("TALK\n", r"no \[code\]"),  # no header: TABARI's layout, where a verb has its code
    ],
    ids=["pattern-first", "verb-first"],
)
def test_lines_before_any_block_are_malformed(read: Reader, text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        read(text)


def test_missing_file_raises_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read the verb dictionary"):
        read_verb_dictionary(tmp_path / "absent.txt")


def test_non_utf8_file_raises_dictionary_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("--- D\xc9CLARER [010] ---\n".encode("latin-1"))
    with pytest.raises(DictionaryError, match="not UTF-8"):
        read_verb_dictionary(path)


@pytest.fixture(scope="module")
def phoenix() -> VerbDictionary:
    if not PHOENIX_VERBS.exists():
        pytest.skip("../shared/data/phoenix is not beside this checkout")
    return read_verb_dictionary(PHOENIX_VERBS)


def test_phoenix_dictionary_has_a_plausible_number_of_blocks(phoenix: VerbDictionary) -> None:
    assert 350 <= len(phoenix.blocks) <= 450


def test_phoenix_dictionary_reads_every_pattern(phoenix: VerbDictionary) -> None:
    patterns = sum(len(block.patterns) for block in phoenix.blocks.values())
    assert 4000 <= patterns <= 5500


@pytest.mark.parametrize(
    ("block", "code", "reverse_code"),
    [("REPULSE", "190", None), ("MASSACRE", "202", None), ("OFFEND", "---", "110")],
)
def test_phoenix_block_codes(
    phoenix: VerbDictionary, block: str, code: str, reverse_code: str | None
) -> None:
    assert (phoenix.blocks[block].code, phoenix.blocks[block].reverse_code) == (code, reverse_code)


@pytest.mark.parametrize(
    ("lemma", "code", "block"),
    [("ASK", "020", "ASK"), ("INTERROGATE", "090", "ASK"), ("SHOOT", "190", "SHOOT")],
)
def test_phoenix_verb_codes(phoenix: VerbDictionary, lemma: str, code: str, block: str) -> None:
    entry = phoenix.verbs[lemma]
    assert (entry.code, entry.block) == (code, block)


def test_phoenix_irregular_form_finds_its_verb(phoenix: VerbDictionary) -> None:
    assert "SHOOT" in [entry.lemma for entry in phoenix.lookup("shot")]


def test_phoenix_synset_members(phoenix: VerbDictionary) -> None:
    assert {"DOLLAR", "EURO", "YEN"} <= set(phoenix.synsets["&CURRENCY"])


def test_phoenix_transformations(phoenix: VerbDictionary) -> None:
    # Eight transformations; a ninth is commented out in the file.
    assert len(phoenix.transformations) == 8
    assert {transformation.pattern.verb for transformation in phoenix.transformations} >= {
        "SAY",
        "WANT",
    }


def test_phoenix_known_pattern(phoenix: VerbDictionary) -> None:
    codes = {
        pattern.code
        for pattern in phoenix.blocks["ASK"].patterns
        if [element.text for element in pattern.after] == ["EXTRADITION"]
    }
    assert codes == {"0213"}


TABARI_LAYOUT = """\
ABANDON  [345] ;a comment in TABARI's style
- * EFFORT  [987]
CALLED_ON  [094]
APPRECIATE POSITION  [042]
BREAK_ [1717]
{ BROKE_ BROKEN_ BROKEN_DOWN_ }
- * TREATY  [161]
"""


def test_a_file_without_block_headers_is_read_in_tabari_layout(tmp_path: Path) -> None:
    path = tmp_path / "tabari.verbs.txt"
    path.write_text(TABARI_LAYOUT)
    dictionary = read_verb_dictionary(path)
    assert sorted(dictionary.verbs) == ["ABANDON", "APPRECIATE POSITION", "BREAK", "CALLED ON"]
    abandon, called, breaks = (dictionary.verbs[k] for k in ("ABANDON", "CALLED ON", "BREAK"))
    assert (abandon.code, len(abandon.patterns)) == ("345", 1)
    assert (called.verb, called.after, called.code, called.patterns) == (
        "CALLED",
        ("ON",),
        "094",
        (),
    )
    assert breaks.forms == ("BREAK", "BROKE", "BROKEN", "BROKEN DOWN")  # "_": no generated forms
    assert [p.code for p in breaks.patterns] == ["161"]
    assert dictionary.lookup("broke")[0].lemma == "BREAK"
