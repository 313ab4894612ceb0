"""Find references to UN resolutions, UN sanctions committees and named treaties in an article.

The stage reads ``Parse.text`` (the cleaned text, same offsets as ``Article.text``) with
precompiled patterns and a small table of treaties (``dictionaries/data/treaties.tsv``); every
``Reference.text`` is sliced from the article's own text. Resolutions need the word "resolution"
(or the UN document symbol) right before the number, so years and quantities never match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from newsevents.model import Article, Parse, Reference

# One resolution number: a Security Council number ("2397"), a General Assembly session number
# ("67/19", "ES-11/1"), with an optional year or roman session in parentheses ("(2015)", "(II)").
_NUMBER = (
    r"(?:ES-\d{1,2}/\d{1,3}|\d{1,3}/\d{1,4}|\d{1,4})"
    r"(?:\s*\((?:1[89]\d\d|20\d\d|[IVXLC]{1,6}|ES-\d{1,2})\))?"
    # A number followed by a unit is a quantity ("resolutions 15 days ago"), not a reference.
    r"(?![\d.,]?\d|[-–/]\d|\s*%|\s+(?:days?|weeks?|months?|years?|hours?|times|votes?|members?"
    r"|countries|nations|people|million|billion|percent|per\s+cent)\b)"
)
_LIST_SEPARATOR = r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)"
_BODY = r"(?P<body>Security\s+Council|UNSC|General\s+Assembly|UNGA|Human\s+Rights\s+Council|UNHRC)"
# Patterns start with a literal keyword so that the regex engine can skip ahead to it; the body
# that may precede the keyword ("UN Security Council") is matched backwards from there.
_RESOLUTION = re.compile(
    r"(?:[Rr]esolutions?|RESOLUTIONS?)\s+(?:(?:[Nn]o|[Nn]os|[Nn]umber)\.?\s*)?"
    rf"(?P<numbers>{_NUMBER}(?:{_LIST_SEPARATOR}{_NUMBER})*)"
)
_PREFIX = re.compile(rf"(?:(?:U\.?N\.?|United\s+Nations)\s+)?{_BODY}\s+\Z")
# Long enough for "United Nations Human Rights Council ".
_PREFIX_WINDOW = 40
_SYMBOL = re.compile(
    rf"(?<![\w/])(?:UNSCRs?\s+(?P<numbers>{_NUMBER}(?:{_LIST_SEPARATOR}{_NUMBER})*)"
    r"|S/RES/(?P<sc>\d{1,4})(?:\s*\((?:19|20)\d\d\))?"
    r"|A/RES/(?P<ga>(?:ES-\d{1,2}/\d{1,3}|\d{1,3}/\d{1,4}))"
    r"|A/HRC/RES/(?P<hrc>\d{1,3}/\d{1,4}))"
)
_ONE_NUMBER = re.compile(_NUMBER)
_COMMITTEE = re.compile(r"[Cc]ommittee\b")
_COMMITTEE_NUMBER = re.compile(
    r"(?<![\w/])(?P<number>\d{3,4})(?:/\d{3,4})*\s+(?:[Ss]anctions\s+)?\Z"
)
_PURSUANT = re.compile(
    r"\s+(?:established\s+)?pursuant\s+to\s+(?:Security\s+Council\s+)?"
    r"[Rr]esolution\s+(?P<number>\d{1,4})(?:\s*\((?:19|20)\d\d\))?"
)
# Long enough for "1267/1989/2253 sanctions ".
_COMMITTEE_WINDOW = 30
# Security Council committees named after the resolution that set them up, from the Council's
# list of subsidiary bodies (sanctions committees, 1373 counter-terrorism, 1540 non-proliferation).
_COMMITTEES = frozenset(
    {
        "661", "748", "751", "864", "918", "985", "1132", "1160", "1267", "1298", "1343", "1373",
        "1518", "1521", "1533", "1540", "1572", "1591", "1636", "1718", "1737", "1970", "1988",
        "2048", "2127", "2140", "2206", "2374", "2653", "2713",
    }
)  # fmt: skip
# How far back (characters) a resolution without a named body looks for the body that adopted it.
_BODY_LOOKBACK = 80
# The body must not be followed by another resolution ("General Assembly resolution X and resolution
# Y" leaves Y to its own evidence).
_BODY_BEFORE = re.compile(
    r"(General\s+Assembly|UNGA|Human\s+Rights\s+Council|UNHRC)(?:(?![Rr]esolution)[^.;])*\Z"
)
_TREATIES_TSV = "dictionaries/data/treaties.tsv"
# A word in capitals or a roman numeral makes an alias case-sensitive (see treaties.tsv).
_CASED_WORD = re.compile(r"\b(?:[A-Z]{2,}|[IVX]+)\b")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Treaties:
    """The treaty table compiled: one case-blind pattern, then exact (cased) or casefolded ids."""

    pattern: re.Pattern[str]
    cased: dict[str, str]
    uncased: dict[str, str]


def extract_references(parse: Parse, *, article: Article) -> tuple[Reference, ...]:
    """Return the article's references to resolutions, committees and treaties, by offset."""
    text = parse.text
    found = [*_resolutions(text), *_symbols(text), *_committees(text), *_treaty_names(text)]
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    references: list[Reference] = []
    covered = -1
    for start, end, kind, identifier in found:
        if start < covered:  # inside a longer reference already taken (a committee's resolution)
            continue
        covered = end
        references.append(
            Reference(
                article_id=article.id,
                start=start,
                end=end,
                text=article.text[start:end],
                kind=kind,
                id=identifier,
            )
        )
    return tuple(references)


_Found = tuple[int, int, str, str]


def _resolutions(text: str) -> list[_Found]:
    found: list[_Found] = []
    for match in _RESOLUTION.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "/"):
            continue
        prefix = _PREFIX.search(text, max(0, start - _PREFIX_WINDOW), start)
        if prefix is not None:
            found.extend(_numbered(match, prefix.group("body"), prefix.start()))
        else:
            found.extend(_numbered(match, _body_before(text, start), start))
    return found


def _symbols(text: str) -> list[_Found]:
    found: list[_Found] = []
    if "UNSCR" not in text and "/RES/" not in text:
        return found
    for match in _SYMBOL.finditer(text):
        if match.group("numbers"):
            found.extend(_numbered(match, "Security Council", match.start()))
        elif match.group("sc"):
            found.append((match.start(), match.end(), "unsc_resolution", f"UNSCR {match['sc']}"))
        elif match.group("ga"):
            found.append((match.start(), match.end(), "unga_resolution", f"UNGA {match['ga']}"))
        else:
            found.append((match.start(), match.end(), "unhrc_resolution", f"UNHRC {match['hrc']}"))
    return found


def _numbered(match: re.Match[str], body: str | None, start: int) -> list[_Found]:
    """One reference per number of a list; the first one's span includes the keyword."""
    found: list[_Found] = []
    offset = match.start("numbers")
    for number in _ONE_NUMBER.finditer(match.group("numbers")):
        kind, identifier = _resolution_id(number.group(0), body)
        first = start if not found else offset + number.start()
        found.append((first, offset + number.end(), kind, identifier))
    return found


def _resolution_id(number: str, body: str | None) -> tuple[str, str]:
    bare = number.split("(")[0].strip()
    session = number[len(bare) :].strip() if "(" in number else ""
    body_key = _SPACES.sub(" ", body or "").lower()
    if body_key in ("human rights council", "unhrc"):
        return "unhrc_resolution", f"UNHRC {bare}"
    if body_key in ("general assembly", "unga") or ("/" in bare and body_key == ""):
        # General Assembly designations keep the roman session ("181 (II)"), not a year.
        suffix = f" {session}" if session and not session[1].isdigit() else ""
        return "unga_resolution", f"UNGA {bare}{suffix}"
    return "unsc_resolution", f"UNSCR {bare}"


def _body_before(text: str, start: int) -> str | None:
    """The body named shortly before "resolution" in the same sentence, if any."""
    window = text[max(0, start - _BODY_LOOKBACK) : start]
    match = _BODY_BEFORE.search(window)
    return match.group(1) if match else None


def _committees(text: str) -> list[_Found]:
    found: list[_Found] = []
    for match in _COMMITTEE.finditer(text):
        start, end = match.span()
        before = _COMMITTEE_NUMBER.search(text, max(0, start - _COMMITTEE_WINDOW), start)
        after = _PURSUANT.match(text, end)
        if before is not None and before.group("number") in _COMMITTEES:
            number, start = before.group("number"), before.start()
        elif after is not None:
            number, end = after.group("number"), after.end()
        else:
            continue
        found.append((start, end, "un_committee", f"UNSC {number} Committee"))
    return found


def _treaty_names(text: str) -> list[_Found]:
    treaties = _treaties()
    found: list[_Found] = []
    for match in treaties.pattern.finditer(text):
        alias = _SPACES.sub(" ", match.group(0))
        identifier = treaties.cased.get(alias) or treaties.uncased.get(alias.casefold())
        if identifier is not None:
            found.append((match.start(), match.end(), "treaty", identifier))
    return found


@lru_cache(maxsize=1)
def _treaties() -> _Treaties:
    """Read and compile treaties.tsv once, on first use."""
    table = files("newsevents").joinpath(_TREATIES_TSV).read_text(encoding="utf-8")
    cased: dict[str, str] = {}
    uncased: dict[str, str] = {}
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        identifier, _name, _year, aliases = line.split("\t")
        for alias in aliases.split("|"):
            if _CASED_WORD.search(alias):
                cased[alias] = identifier
            else:
                uncased[alias.casefold()] = identifier
    pattern = _trie([*cased, *uncased])
    return _Treaties(re.compile(rf"(?<![\w-]){pattern}(?![\w-])", re.IGNORECASE), cased, uncased)


def _trie(aliases: list[str]) -> str:
    """One pattern for all aliases, factored by common prefix: a few times faster than a plain
    alternation, since each position fails on its first character."""
    root: dict[str, dict[str, Any]] = {}
    for alias in aliases:
        node = root
        for character in " ".join(alias.casefold().split()):
            node = node.setdefault(character, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        (r"\s+" if character == " " else re.escape(character)) + _trie_node(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body
