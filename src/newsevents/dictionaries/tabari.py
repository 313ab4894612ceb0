"""Readers for users' PETRARCH2/TABARI actor, agent and discard dictionaries.

The formats are those of the PETRARCH2 documentation ("PETRARCH Dictionary Formats"):

- actors: a primary phrase (words joined by ``_`` or blanks) with an optional default
  ``[CODE]``, ``+synonym`` lines, and date restrictions ``[CODE >date]``, ``[CODE <date]``,
  ``[CODE date-date]`` on the same line or on tab-indented lines below; dates are YYYYMMDD
  or YYMMDD (two-digit years below 30 are 20xx, as PETRARCH reads them);
- agents: ``PHRASE {plural} [~CODE]`` (``~`` before the code: the role follows the country;
  after it: the code precedes it), regular plurals generated, ``{}`` for none, and
  substitution sets ``!PERSON! = MAN, MEN, ...``;
- discards: one phrase a line, ``+`` for a phrase that voids the whole story.

Comments are ``#`` to the end of the line and ``<!-- ... -->``. Blanks inside a phrase are
read as ``_`` (PETRARCH lets other words intervene there; newsevents does not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsevents.dictionaries.actor_entries import CaseRule, EntryKind, PhraseEntry
from newsevents.errors import DictionaryError
from newsevents.model import Actor

_XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\[\]{}]*)[\]}]")
_PLURAL = re.compile(r"\{([^{}]*)\}")
_SUBSTITUTION = re.compile(r"^(![A-Z_]+!)\s*=\s*(.+)$")
_MARKER = re.compile(r"![A-Z_]+!")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")
# PETRARCH reads two-digit years below this as 20xx (PETRreader, dstr_to_ordate).
_CENTURY_PIVOT = 30


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, text without comments)`` for the non-blank lines of ``path``."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise DictionaryError(
            f"cannot read dictionary {path}: {error.strerror}",
            where=str(path),
            fix="check the path given to --actors/--agents/--discards",
        ) from error
    # Multi-line XML comments are blanked with their newlines kept, so line numbers hold.
    text = _XML_COMMENT.sub(lambda match: "\n" * match.group().count("\n"), raw)
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].rstrip()
        if content.strip():
            yield number, content


def _phrase(text: str) -> str:
    """Turn a dictionary phrase (``KIM_JONG-UN_``) into words (``KIM JONG-UN``)."""
    return " ".join(text.replace("_", " ").split())


def _date(text: str) -> str | None:
    """Read a YYMMDD or YYYYMMDD date as ISO; None when it is malformed."""
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < _CENTURY_PIVOT else 1900 + year}{text[2:]}"
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _actor(body: str, name: str, entry: str) -> Actor | None:
    """Read one ``CODE [restriction]`` bracket; None for the null code ``---``."""
    parts = body.split()
    if not parts or parts[0].strip("-") == "":
        return None
    code, restriction = parts[0], "".join(parts[1:])
    since = until = None
    if restriction.startswith(">"):
        since = _date(restriction[1:])
    elif restriction.startswith("<"):
        until = _date(restriction[1:])
    elif "-" in restriction:
        low, high = restriction.split("-", 1)
        since, until = _date(low), _date(high)
    return Actor(code=code, name=name, since=since, until=until, entry=entry)


def _actor_kind(actors: list[Actor]) -> EntryKind:
    if any(actor.since or actor.until for actor in actors):
        return "person"
    if actors and len(actors[0].code) == 3 and actors[0].code.isalpha():
        return "country"
    return "org"


class _ActorRecord:
    """An actor record being read: its phrases and its codes."""

    def __init__(self, phrase: str, source: str) -> None:
        self.phrases = [phrase]
        self.actors: list[Actor] = []
        self.source = source

    def add_codes(self, text: str) -> None:
        for body in _CODE.findall(text):
            actor = _actor(body, self.phrases[0], self.source)
            if actor is not None:
                self.actors.append(actor)

    def entries(self) -> Iterator[PhraseEntry]:
        kind = _actor_kind(self.actors)
        for phrase in self.phrases:
            # Short single words ("UN", "AP") are acronyms: only matched in capitals.
            case: CaseRule = "upper" if len(phrase) <= 3 and " " not in phrase else "title"
            yield PhraseEntry(phrase, kind, tuple(self.actors), case=case)


def read_actor_dictionary(path: str | Path) -> tuple[PhraseEntry, ...]:
    """Read a PETRARCH2/TABARI ``.actors`` file into phrase entries.

    Raises:
        DictionaryError: the file cannot be read or a code line has no phrase above it.
    """
    path = Path(path)
    records: list[_ActorRecord] = []
    for number, line in _lines(path):
        stripped = line.strip()
        source = f"{path.name}:{number}"
        if stripped.startswith("["):
            if not records:
                raise DictionaryError(
                    "a code line comes before any phrase",
                    where=source,
                    fix="put the phrase on the line above its codes",
                )
            records[-1].add_codes(stripped)
            continue
        phrase_text = stripped.split("[", 1)[0]
        if stripped.startswith("+") and records:
            records[-1].phrases.append(_phrase(phrase_text[1:]))
        else:
            records.append(_ActorRecord(_phrase(phrase_text.lstrip("+")), source))
        records[-1].add_codes(stripped[len(phrase_text) :])
    return tuple(entry for record in records for entry in record.entries() if record.phrases[0])


def _plurals(word: str) -> list[str]:
    """Regular English plurals of a phrase's last word, as PETRARCH generates them."""
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return [word + "ES"] if word.endswith("SS") else []
    if word.endswith("Y") and word[-2:-1] not in ("A", "E", "O", "U"):
        return [word[:-1] + "IES"]
    return [word + "S"]


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Replace ``!MARKER!`` substitution sets in a phrase by each of their members."""
    match = _MARKER.search(phrase)
    if match is None or match.group() not in sets:
        return [phrase]
    return [
        expanded
        for member in sets[match.group()]
        for expanded in _expand(phrase[: match.start()] + member + phrase[match.end() :], sets)
    ]


def _agent_phrases(head: str, plural: str | None, sets: dict[str, list[str]]) -> list[str]:
    if _MARKER.search(head):
        # Substituted forms are taken as they are, with no plurals added (PETRARCH docs).
        return _expand(head, sets)
    if plural is not None:
        return [head, *([plural] if plural else [])]
    words = head.split()
    return [head] + [" ".join([*words[:-1], form]) for form in _plurals(words[-1])]


def read_agent_dictionary(path: str | Path) -> tuple[PhraseEntry, ...]:
    """Read a PETRARCH2 agents file: each phrase, its plurals and its role code.

    Raises:
        DictionaryError: the file cannot be read.
    """
    path = Path(path)
    sets: dict[str, list[str]] = {}
    entries: list[PhraseEntry] = []
    for number, line in _lines(path):
        substitution = _SUBSTITUTION.match(line.strip())
        if substitution is not None:
            members = [member.strip() for member in substitution.group(2).split(",")]
            sets[substitution.group(1)] = [member for member in members if member]
            continue
        code_match = _CODE.search(line)
        if code_match is None:
            continue  # a phrase without a code codes nothing (PETRARCH skips it too)
        code = code_match.group(1).strip()
        head_text = line[: code_match.start()]
        plural_match = _PLURAL.search(head_text)
        plural = _phrase(plural_match.group(1)) if plural_match else None
        head = _phrase(_PLURAL.sub("", head_text))
        actor = Actor(code=code, name=head, entry=f"{path.name}:{number}")
        for phrase in _agent_phrases(head, plural, sets):
            entries.append(PhraseEntry(_phrase(phrase), "agent", (actor,), case="any", role=head))
    return tuple(entries)


def read_discard_dictionary(path: str | Path) -> tuple[PhraseEntry, ...]:
    """Read a PETRARCH2 discard list; ``+`` phrases void the whole story.

    Raises:
        DictionaryError: the file cannot be read.
    """
    path = Path(path)
    entries: list[PhraseEntry] = []
    for number, line in _lines(path):
        text = line.strip()
        story = text.startswith("+")
        phrase = _phrase(text.lstrip("+"))
        if phrase:
            actor = Actor(code="---", name=phrase, entry=f"{path.name}:{number}")
            entries.append(PhraseEntry(phrase, "discard", (actor,), case="any", story=story))
    return tuple(entries)
