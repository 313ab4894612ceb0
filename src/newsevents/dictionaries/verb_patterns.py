"""Convert a PETRARCH2 verb dictionary (``petrarch.py`` records) into event lexicon patterns.

PETRARCH2 matches its patterns against a constituency parse; newsevents matches the same content
against the dependency parse: a pattern's words after the verb become the required particles,
prepositions and object of a ``Pattern``, its ``+`` marker the target slot, and its ``&SYNSET``
references the alternatives of a word. Words before the verb, ``$`` (the source is the subject,
as in PETRARCH2), ``^`` and ``%`` are not needed for that. A pattern coded ``[---]`` is kept as a
null pattern: when it is the most specific match, the verb codes no event.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.dictionaries.cameo import cameo_codes
from newsevents.dictionaries.lexicon import NULL_CODE, Pattern
from newsevents.dictionaries.petrarch import (
    PatternElement,
    VerbDictionary,
    VerbEntry,
    VerbPattern,
    read_verb_dictionary,
)

# Where PETRARCH2 looks for a target that a pattern does not mark: the verb's object, then the
# phrases after it that name a counterpart.
_DEFAULT_TARGETS = ("dobj", "dative", "+to", "+against", "+with", "+on", "+at")
# Words that open a prepositional phrase even when a dictionary writes them without ( ).
# TABARI-era patterns ("- * ATTACK ON + [112]") do; the list is the English prepositions that
# CAMEO.2.0.txt uses that way.
_PREPOSITIONS = frozenset(
    {
        "about", "against", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to",
        "toward", "towards", "with", "upon", "under", "between", "among", "across", "through",
    }
)  # fmt: skip


@dataclass(slots=True)
class _Shape:
    """What one pattern requires after the verb, as it is read left to right."""

    preps: list[str] = field(default_factory=list)
    words: list[frozenset[str]] = field(default_factory=list)  # of the last phrase (or object)
    target: str | None = None
    last_prep: str | None = None
    # "SEND WARSHIPS (TO)": an object before a phrase. A pattern needs either a preposition's
    # object or the verb's own, so the verb's object is kept and the phrase after it only names
    # where the target is (reading it as "send to" coded every letter sent as 0332).
    closed: bool = False


def petrarch_patterns(path: Path) -> list[Pattern]:
    """Every pattern of the PETRARCH2 verb dictionary at ``path``, defaults first per verb.

    Raises:
        DictionaryError: the file cannot be read or a line is malformed.
    """
    dictionary = read_verb_dictionary(path, strict=False)
    known = {entry.code for entry in cameo_codes()} | {NULL_CODE}
    patterns: list[Pattern] = []
    for entry in dictionary.verbs.values():
        patterns.extend(_entry_patterns(dictionary, entry, known, path.name))
    return patterns


def _entry_patterns(
    dictionary: VerbDictionary, entry: VerbEntry, known: set[str], filename: str
) -> Iterator[Pattern]:
    lemma = entry.verb.lower()
    particles = tuple(frozenset({word.lower()}) for word in entry.after)
    if entry.code in known and entry.code != NULL_CODE:
        where = f"{filename}:{entry.line}"
        yield Pattern(
            entry.code,
            "verb",
            lemma,
            preps=particles,
            targets=_DEFAULT_TARGETS,
            entry=where,
            reverse=_reverse(entry.reverse_code, known),
        )
    for verb_pattern in entry.patterns:
        if verb_pattern.code not in known:
            continue  # a code outside the CAMEO 1.1b3 codebook cannot be scored or mapped
        pattern = _convert(dictionary, verb_pattern, lemma, particles, filename, known)
        if pattern is not None:
            yield pattern


def _convert(
    dictionary: VerbDictionary,
    verb_pattern: VerbPattern,
    lemma: str,
    particles: tuple[frozenset[str], ...],
    filename: str,
    known: set[str],
) -> Pattern | None:
    shape = _shape(dictionary, verb_pattern.after)
    if not shape.preps and not shape.words:
        return None  # only words before the verb: nothing the dependency match can check
    words = shape.words
    return Pattern(
        code=verb_pattern.code,
        kind="verb",
        lemma=lemma,
        preps=particles + tuple(frozenset({prep}) for prep in shape.preps),
        obj=words[-1] if words else frozenset(),
        obj_modifiers=tuple(words[:-1]),
        targets=(shape.target,) if shape.target else _DEFAULT_TARGETS,
        entry=f"{filename}:{verb_pattern.line}",
        reverse=_reverse(verb_pattern.reverse_code, known),
    )


def _reverse(code: str | None, known: set[str]) -> str:
    """A reverse code the codebook knows ("[042:043]" -> "043"), else none."""
    return code if code and code in known and code != NULL_CODE else ""


def _shape(dictionary: VerbDictionary, elements: tuple[PatternElement, ...]) -> _Shape:
    shape = _Shape()
    for element in elements:
        word = element.text.lower()
        if element.kind == "target":
            shape.target = f"+{shape.last_prep}" if shape.last_prep else "obj"
        elif element.kind == "word" and (element.preposition or word in _PREPOSITIONS):
            shape.last_prep = word
            shape.closed = shape.closed or bool(shape.words and not shape.preps)
            if not shape.closed:
                shape.preps.append(word)
                shape.words = []  # the object is the last preposition's complement
        elif shape.closed:
            continue
        elif element.kind == "word":
            shape.words.append(frozenset({word.replace("_", " ").split()[-1]}))
        elif element.kind == "synset":
            shape.words.append(_synset(dictionary, element.text))
    return shape


def _synset(dictionary: VerbDictionary, name: str) -> frozenset[str]:
    members = dictionary.synsets.get(name) or dictionary.synsets.get(name + "_") or ()
    # A phrase member ("ARMED FORCES") is matched by its head, the last word.
    return frozenset(member.lower().replace("_", " ").split()[-1] for member in members)
