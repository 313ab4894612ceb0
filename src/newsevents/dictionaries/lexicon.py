"""The event lexicon: verb and noun patterns that map dependency structures to CAMEO codes.

The built-in patterns live in ``dictionaries/data/verbs.tsv`` and ``nouns.tsv`` (written for
newsevents, issue 4; codes from the CAMEO 1.1b3 codebook). Users' PETRARCH2 verb dictionaries are
converted into the same patterns by ``load_lexicon(verb_files=...)``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from newsevents.errors import DictionaryError

PatternKind = Literal["verb", "noun"]
# Which Phoenix verb patterns join the lexicon: none; the patterns that need words after the
# verb ("specific": a verb's default code never fires from Phoenix); or all of them. Measured on
# the study part of the ConfliBERT sentences (docs/events.md, issue 11): "specific" raises the
# gold class hit from 0.53 to 0.60 at the same class precision (0.62); "all" reaches 0.64 but
# drops precision to 0.57 with 1.5 events a sentence.
PhoenixVerbs = Literal["off", "specific", "all"]
PHOENIX_VERBS: tuple[PhoenixVerbs, ...] = ("off", "specific", "all")

DATA_PACKAGE = "newsevents.dictionaries.data"
VERB_FILE = "verbs.tsv"
NOUN_FILE = "nouns.tsv"
_NONE = "-"
# PETRARCH2's "[---]": a pattern that, when it is the best match, says the verb codes no event.
NULL_CODE = "---"
# Up to this many patterns per lemma, matching them all beats collecting a verb's dependents
# (measured on the seed article with the built-in and the PETRARCH2 CAMEO.2.0 lexicons).
_SMALL_INDEX = 12


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon entry: a trigger lemma with its required particles, object and target slots.

    ``modifiers`` are required modifier groups on the trigger (nouns: "phone call"),
    ``obj_modifiers`` required modifier groups on the object ("humanitarian aid"), each group a
    set of alternative lemmas. ``targets`` name where the target actor is: ``obj`` (the matched
    object), ``dobj`` (the verb's own object), ``dative`` or ``+prep``. With
    ``target_required`` (a ``!`` after the target column) the pattern fires only when a target
    actor is found ("received the prize" is no hosting).
    """

    code: str
    kind: PatternKind
    lemma: str
    preps: tuple[frozenset[str], ...] = ()
    obj: frozenset[str] = frozenset()
    obj_modifiers: tuple[frozenset[str], ...] = ()
    modifiers: tuple[frozenset[str], ...] = ()
    targets: tuple[str, ...] = ()
    entry: str = ""  # where the pattern came from: "verbs.tsv:12" or a user file and line
    target_required: bool = False
    reverse: str = ""  # PETRARCH2's "[042:043]": the code of the target's side of the event
    # A pattern of the Phoenix base layer: tried only when no pattern above it (the team's,
    # users') matches the trigger, so the team's reading of a verb wins over a more specific
    # Phoenix one (issue 11).
    base: bool = False

    @property
    def specificity(self) -> int:
        """How constrained the pattern is; the most specific matching pattern wins."""
        return (
            2 * len(self.preps)
            + (3 if self.obj else 0)
            + 2 * len(self.obj_modifiers)
            + 2 * len(self.modifiers)
        )

    @property
    def rule(self) -> str:
        """A readable id, e.g. ``verb:call:for:aid->023``."""
        parts = [self.kind, *(sorted(group)[0] for group in self.modifiers), self.lemma]
        parts.extend(sorted(group)[0] for group in self.preps)
        if self.obj:
            parts.extend(sorted(group)[0] for group in self.obj_modifiers)
            parts.append(sorted(self.obj)[0])
        return ":".join(parts) + f"->{self.code}"


@dataclass(frozen=True, slots=True)
class PatternIndex:
    """The patterns of one lemma by the words they need among the trigger's dependents.

    A pattern with particles or prepositions needs one word of its first group, one with only
    an object needs one of its object lemmas; the others (``always``) apply to every use.
    Looking up a verb's dependents this way keeps a 48,000-pattern PETRARCH2 dictionary as fast
    as the built-in lexicon (issue 4).
    """

    patterns: tuple[Pattern, ...]  # all of them, in file order
    always: tuple[Pattern, ...]
    positions: tuple[tuple[int, Pattern], ...]  # ``always`` with their places in file order
    keyed: Mapping[str, tuple[tuple[int, Pattern], ...]]

    @property
    def small(self) -> bool:
        """Few enough patterns that trying them all is cheaper than looking them up."""
        return len(self.patterns) <= _SMALL_INDEX

    @classmethod
    def build(cls, patterns: Sequence[Pattern]) -> PatternIndex:
        always: list[tuple[int, Pattern]] = []
        keyed: dict[str, list[tuple[int, Pattern]]] = {}
        for position, pattern in enumerate(patterns):
            needs = pattern.preps[0] if pattern.preps else pattern.obj
            if not needs:
                always.append((position, pattern))
            for word in needs:
                keyed.setdefault(word, []).append((position, pattern))
        return cls(
            tuple(patterns),
            tuple(pattern for _, pattern in always),
            tuple(always),
            {word: tuple(group) for word, group in keyed.items()},
        )

    def candidates(self, words: Iterable[str]) -> tuple[Pattern, ...]:
        """The patterns that may match a trigger whose dependents include ``words``, in order."""
        found: dict[int, Pattern] = {}
        for word in words:
            found.update(self.keyed.get(word, ()))
        if not found:
            return self.always
        found.update(self.positions)
        return tuple(found[position] for position in sorted(found))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Patterns indexed by trigger lemma (lower case), in file order within each lemma."""

    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    verb_index: Mapping[str, PatternIndex] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {lemma: PatternIndex.build(group) for lemma, group in self.verbs.items()}
        object.__setattr__(self, "verb_index", index)

    @property
    def codes(self) -> frozenset[str]:
        """Every CAMEO code some pattern reaches."""
        patterns = itertools.chain(*self.verbs.values(), *self.nouns.values())
        return frozenset(pattern.code for pattern in patterns) - {NULL_CODE}

    def __len__(self) -> int:
        return sum(len(group) for group in (*self.verbs.values(), *self.nouns.values()))


def load_lexicon(
    *,
    verb_files: Sequence[str | Path] = (),
    builtin: bool = True,
    phoenix: PhoenixVerbs = "specific",
) -> Lexicon:
    """Load the built-in lexicon, the Phoenix verb patterns and users' PETRARCH2 verb files.

    Users' patterns come first, then the team's, then Phoenix's, so on equal specificity the
    upper layer wins; ``phoenix`` says which Phoenix patterns join (``PhoenixVerbs``), and
    ``builtin=False`` drops both built-in layers.
    """
    if not verb_files:
        return _builtin_lexicon(phoenix) if builtin else Lexicon({}, {})
    patterns: list[Pattern] = []
    for path in verb_files:
        patterns.extend(_petrarch_patterns(Path(path)))
    if builtin:
        patterns.extend(_team_patterns())
        patterns.extend(_phoenix_patterns(phoenix))
    return _index(patterns)


@lru_cache(maxsize=1)
def _team_patterns() -> tuple[Pattern, ...]:
    return (*_read_builtin(VERB_FILE, "verb"), *_read_builtin(NOUN_FILE, "noun"))


@lru_cache(maxsize=len(PHOENIX_VERBS))
def _builtin_lexicon(phoenix: PhoenixVerbs) -> Lexicon:
    return _index([*_team_patterns(), *_phoenix_patterns(phoenix)])


def phoenix_verbs(value: str) -> PhoenixVerbs:
    """Check a ``phoenix_verbs`` setting against the choices.

    Raises:
        DictionaryError: the value is not one of ``PHOENIX_VERBS``.
    """
    for choice in PHOENIX_VERBS:
        if value == choice:
            return choice
    raise DictionaryError(
        f"{value!r} is not a choice of Phoenix verb patterns",
        where="phoenix_verbs",
        fix=f"use one of: {', '.join(PHOENIX_VERBS)}",
    )


def _phoenix_patterns(phoenix: PhoenixVerbs) -> list[Pattern]:
    if phoenix == "off":
        return []
    # Imported here: the Phoenix index builds on this module's Pattern.
    from newsevents.dictionaries.phoenix import phoenix_patterns

    return list(phoenix_patterns(defaults=phoenix == "all"))


def _index(patterns: Iterable[Pattern]) -> Lexicon:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        table = verbs if pattern.kind == "verb" else nouns
        table.setdefault(pattern.lemma, []).append(pattern)
    return Lexicon(
        {lemma: tuple(group) for lemma, group in verbs.items()},
        {lemma: tuple(group) for lemma, group in nouns.items()},
    )


def _read_builtin(filename: str, kind: PatternKind) -> list[Pattern]:
    text = resources.files(DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    return parse_lexicon_lines(text.splitlines(), kind=kind, source=filename)


def parse_lexicon_lines(lines: Iterable[str], *, kind: PatternKind, source: str) -> list[Pattern]:
    """Parse lexicon TSV lines (code, trigger, object, target) into patterns."""
    patterns: list[Pattern] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 4:
            raise DictionaryError(
                f"expected 4 tab-separated fields, found {len(fields)}",
                where=f"{source}:{number}",
                fix="write code, trigger, object and target separated by tabs (- for none)",
            )
        patterns.extend(_expand(fields, kind=kind, entry=f"{source}:{number}"))
    return patterns


def _expand(fields: list[str], *, kind: PatternKind, entry: str) -> list[Pattern]:
    code, trigger, obj, target = (field.strip() for field in fields)
    if code != NULL_CODE and (not code.isdigit() or len(code) not in (3, 4)):
        raise DictionaryError(
            f"{code!r} is not a CAMEO event code", where=entry, fix="use codes like 042 or 1041"
        )
    *trigger_modifiers, lemmas = _groups(trigger)
    preps: list[frozenset[str]] = []
    obj_groups: list[frozenset[str]] = []
    for word in [] if obj == _NONE else obj.split():
        if word.startswith("+"):
            preps.append(frozenset(part.lstrip("+") for part in word.lower().split("|")))
        else:
            obj_groups.append(frozenset(word.lower().split("|")))
    required = target.endswith("!")
    target = target.rstrip("!")
    targets = () if target in (_NONE, "") else tuple(target.lower().split("|"))
    return [
        Pattern(
            code=code,
            kind=kind,
            lemma=lemma,
            preps=tuple(preps),
            obj=obj_groups[-1] if obj_groups else frozenset(),
            obj_modifiers=tuple(obj_groups[:-1]),
            modifiers=tuple(trigger_modifiers),
            targets=targets,
            entry=entry,
            target_required=required,
        )
        for lemma in sorted(lemmas)
    ]


def _groups(text: str) -> list[frozenset[str]]:
    return [frozenset(word.lower().split("|")) for word in text.split()]


def _petrarch_patterns(path: Path) -> list[Pattern]:
    """Convert a PETRARCH2 verb dictionary into patterns (see ``dictionaries/verb_patterns.py``)."""
    # Imported here: the converter builds on this module's Pattern, and only --verbs needs it.
    from newsevents.dictionaries.verb_patterns import petrarch_patterns

    return petrarch_patterns(path)
