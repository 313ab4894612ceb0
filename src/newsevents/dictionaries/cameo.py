"""The CAMEO 1.1b3 event codebook: names, Goldstein weights, QuadClass and PLOVER types.

The data are package files under ``dictionaries/data/`` (``cameo_codebook.tsv`` and
``plover_map.tsv``), read once on first use. ``docs/taxonomy.md`` says where every value
comes from and why the PLOVER mapping departs from its sources where it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsevents.errors import DictionaryError

CODEBOOK_FILE = "cameo_codebook.tsv"
PLOVER_FILE = "plover_map.tsv"

# The 16 event types of PLOVER (Open Event Data Alliance manual, 2021 revision, as used by
# POLECAT): DEMAND of the earlier drafts is named REQUEST there.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# The modes each PLOVER type defines (the manual's mode tables; "investigate" for ACCUSE comes
# from CAMEO2PLOVER-2021.txt, which folds CAMEO's INVESTIGATE into ACCUSE).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
    "RETREAT": frozenset(
        {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}
    ),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"investigate"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset(
        {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"}
    ),
    "PROTEST": frozenset(
        {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"}
    ),
    "SANCTION": frozenset({"convict", "cancel", "expel", "withdraw", "sever"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police"}),
    "COERCE": frozenset(
        {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport"}
        | {"withhold"}
    ),
    "ASSAULT": frozenset(
        {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy"}
        | {"primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons"}
    ),
}

# QuadClass by root, the CAMEO/GDELT convention (GDELT event codebook, "QuadClass").
QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_QUAD_CLASS_BOUNDS: tuple[tuple[int, int], ...] = ((5, 1), (8, 2), (13, 3), (20, 4))
# PentaClass by root, the ConfliBERT convention (Hu et al. 2022, doi 10.1145/3514094.3534178):
# 0 statements and appeals (01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08),
# 3 verbal conflict (09-13, and 16 reduce relations, as in the Phoenix classes: 28 of 29 study
# sentences of ConfliBERT's training data where a root-16 event matched the gold dyad are class
# 3), 4 material conflict (14-15, 17-20).
_PENTA_CLASS: dict[int, int] = {
    root: penta
    for penta, roots in (
        (0, (1, 2)),
        (1, (3, 4, 5)),
        (2, (6, 7, 8)),
        (3, (9, 10, 11, 12, 13, 16)),
        (4, (14, 15, 17, 18, 19, 20)),
    )
    for root in roots
}
PENTA_CLASS_NAMES: dict[int, str] = {
    0: "statements and appeals",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# The code an event gets when the sentence classifier re-codes it to a PentaClass (issue 11): the
# "not specified" code of the root the rules code most often within that class on the study part
# of ../shared/data/dev (ConfliBERT, PLOVER, PETRARCH2; see docs/events.md, "Classifier").
PENTA_DEFAULT_CODES: dict[int, str] = {0: "010", 1: "040", 2: "080", 3: "120", 4: "180"}

_PloverEntry = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code (a root such as ``"19"`` or a code such as ``"0211"``)."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2


def cameo_code(code: str) -> CameoCode:
    """Return the codebook entry for ``code``.

    Raises:
        DictionaryError: ``code`` is not a CAMEO 1.1b3 event code.
    """
    entry = _codebook().get(code)
    if entry is None:
        raise DictionaryError(f"unknown CAMEO event code {code!r}", fix=_unknown_code_fix(code))
    return entry


def cameo_codes() -> tuple[CameoCode, ...]:
    """All roots and codes, sorted so that every code follows its parent."""
    return tuple(_codebook().values())


def is_cameo_code(code: str) -> bool:
    """True when ``code`` is a CAMEO 1.1b3 root or event code (leading zeros included)."""
    return code in _codebook()


def root_name(root: str) -> str:
    """The name of a two-digit root, e.g. ``root_name("19") == "Fight"``.

    Raises:
        DictionaryError: ``root`` is not one of the 20 roots ``"01"`` .. ``"20"``.
    """
    entry = _codebook().get(root)
    if entry is None or not entry.is_root:
        raise DictionaryError(
            f"unknown CAMEO root {root!r}",
            fix="roots are the two-digit strings '01' to '20'; the root of a code is code[:2]",
        )
    return entry.name


def quad_class(root: str) -> int:
    """QuadClass 1-4 of a root (or of any code, by its first two digits)."""
    return _class_by_root(root, _QUAD_CLASS_BOUNDS, "QuadClass")


def penta_class(code: str) -> int:
    """PentaClass 0-4 of a root or code, by its first two digits."""
    number = int(code[:2]) if len(code) >= 2 and code[:2].isdigit() else 0
    if number not in _PENTA_CLASS:
        raise DictionaryError(f"no PentaClass for {code!r}", fix="pass a CAMEO root '01' to '20'")
    return _PENTA_CLASS[number]


def _class_by_root(code: str, bounds: tuple[tuple[int, int], ...], scheme: str) -> int:
    number = int(code[:2]) if len(code) >= 2 and code[:2].isdigit() else 0
    for last_root, value in bounds:
        if 1 <= number <= last_root:
            return value
    raise DictionaryError(f"no {scheme} for {code!r}", fix="pass a CAMEO root '01' to '20'")


def _unknown_code_fix(code: str) -> str:
    if code.isdigit() and len(code) < 3 and code.zfill(3) in _codebook():
        suggestion = code.zfill(3)
        return f"CAMEO codes are strings with their leading zeros: did you mean {suggestion!r}?"
    return "use a code listed by newsevents.dictionaries.cameo.cameo_codes()"


@lru_cache(maxsize=1)
def _codebook() -> dict[str, CameoCode]:
    plover = _plover_map()
    entries: dict[str, CameoCode] = {}
    for line_number, (code, name, goldstein) in _read_rows(CODEBOOK_FILE, 3):
        where = f"{CODEBOOK_FILE}:{line_number}"
        _check_code(code, where)
        if code[:2] not in entries and len(code) > 2:
            raise DictionaryError(f"code {code!r} comes before its root", where=where)
        plover_type, mode = _plover_for(code, plover)
        entries[code] = CameoCode(
            code=code,
            name=name,
            root=code[:2],
            quad_class=quad_class(code),
            goldstein=_goldstein(goldstein, where),
            plover=plover_type,
            plover_mode=mode,
        )
    unknown = sorted(set(plover) - set(entries))
    if unknown:
        raise DictionaryError(f"{PLOVER_FILE} maps codes missing from the codebook: {unknown}")
    return dict(sorted(entries.items()))


@lru_cache(maxsize=1)
def _plover_map() -> dict[str, _PloverEntry]:
    table: dict[str, _PloverEntry] = {}
    for line_number, (code, plover_type, mode) in _read_rows(PLOVER_FILE, 3):
        where = f"{PLOVER_FILE}:{line_number}"
        _check_code(code, where)
        if plover_type and plover_type not in PLOVER_TYPES:
            raise DictionaryError(f"{plover_type!r} is not a PLOVER event type", where=where)
        if mode and mode not in PLOVER_MODES.get(plover_type, frozenset()):
            raise DictionaryError(
                f"{mode!r} is not a mode of {plover_type or 'no type'}", where=where
            )
        table[code] = (plover_type or None, mode or None)
    return table


def _plover_for(code: str, table: dict[str, _PloverEntry]) -> _PloverEntry:
    # The most specific entry wins: the code itself, then its 3-digit parent, then its root.
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return (None, None)


def _read_rows(filename: str, width: int) -> list[tuple[int, list[str]]]:
    text = resources.files("newsevents.dictionaries").joinpath("data", filename).read_text("utf-8")
    return _parse_rows(text, filename, width)


def _parse_rows(text: str, filename: str, width: int) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    lines = (line for line in enumerate(text.splitlines(), 1) if line[1] and line[1][0] != "#")
    next(lines, None)  # the header row
    for line_number, line in lines:
        fields = line.split("\t")
        if len(fields) != width:
            raise DictionaryError(
                f"expected {width} tab-separated fields, found {len(fields)}",
                where=f"{filename}:{line_number}",
                fix="separate the columns with single tabs",
            )
        rows.append((line_number, [field.strip() for field in fields]))
    return rows


def _check_code(code: str, where: str) -> None:
    if not (code.isdigit() and 2 <= len(code) <= 4 and 1 <= int(code[:2]) <= 20):
        raise DictionaryError(f"{code!r} is not a CAMEO code", where=where)


def _goldstein(value: str, where: str) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise DictionaryError(f"Goldstein value {value!r} is not a number", where=where) from exc
    if not -10.0 <= number <= 10.0:
        raise DictionaryError(f"Goldstein value {number} is outside -10..10", where=where)
    return number
