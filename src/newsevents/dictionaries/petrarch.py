"""Read PETRARCH2 verb dictionaries (synsets, verb blocks, patterns, transformations) into records.

The format is that of PETRARCH2's ``CAMEO.2.0.txt`` (Open Event Data Alliance, MIT licence):

- ``&NAME`` opens a synonym set whose members follow on ``+WORD`` lines (``_`` joins the words
  of a phrase; a trailing ``_`` on a member or on the label means "generate no plural").
- ``--- NAME [code] ---`` opens a verb block; ``[code]`` is its default (``[---]``: no event).
- Verb lines: ``SAY {SAID SAYING} [010]``; without ``{ }`` the regular forms are generated;
  multi-word verbs are joined with ``_`` and mark the verb with ``+``: ``+CORDON_OFF``.
- Pattern lines: ``- <words before> * <words after> [code] # comment``, where ``*`` is the
  verb, ``$`` the source, ``+`` the target, ``^`` a skipped phrase, ``%`` a compound actor,
  ``( ... )`` a prepositional phrase, ``{ ... }`` a noun phrase and ``&NAME`` a synset.
- ``~ a (b c VERB) VERB = x y code`` lines are transformations of nested verb phrases.
- ``#`` (and TABARI's ``;``) start comments; ``<!-- ... -->`` comments may span lines.

TABARI's older layout (PETRARCH's validation dictionary keeps it) has no ``--- ---`` headers: each
verb line (``ABANDON [345]``, ``CALLED_ON [094]``, ``APPRECIATE POSITION [042]``) is a block of
its own whose patterns follow it, its first word is the verb, a trailing ``_`` (``ACT_``) means
no generated forms, and a ``{ FORM FORM }`` line after it lists its other forms. A file without
any header is read in that layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsevents.dictionaries.verb_syntax import (
    NULL_CODE,
    PatternElement,
    VerbCode,
    VerbForm,
    VerbPattern,
    VerbSyntaxError,
    parse_code,
    parse_pattern,
    parse_verb_line,
    split_comment,
    take_code,
)
from newsevents.errors import DictionaryError

__all__ = [
    "PatternElement",
    "Transformation",
    "TransformationPattern",
    "VerbBlock",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "read_verb_dictionary",
]

# PETRARCH2 splits the header on blanks, so "--- NAME [120]--- ---" is a header too.
_BLOCK_HEADER = re.compile(
    r"^---\s*(?P<name>[^\s\[\]-][^\s\[\]]*)\s*(?:\[(?P<code>[^\]]*)\])?[\s-]*$"
)
_SYNSET_LABEL = re.compile(r"^&[A-Z0-9_]+$")
_SYNSET_MEMBER = re.compile(r"^[A-Z0-9'./-]+(?: [A-Z0-9'./-]+)*$")
_TRANSFORM_TOKEN = re.compile(r"[()]|[^\s()]+")
_TRANSFORM_VARIABLE = re.compile(r"^[a-z_.]$")
_LEGACY_FLAG = "the TABARI '!' after the code is ignored, as PETRARCH2 does"
# "Q" in a transformation result stands for the code of the inner verb phrase (PETRARCH2).
_TRANSFORM_RESULT_CODE = re.compile(r"^(?:\d{2,4}|Q)$")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb of the dictionary with its block's patterns; ``code`` falls back to the block's."""

    lemma: str
    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    forms: tuple[str, ...]
    irregular: bool
    code: str
    reverse_code: str | None
    block: str
    patterns: tuple[VerbPattern, ...]
    line: int


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """A ``--- NAME [code] ---`` block: the verbs that share a default code and patterns."""

    name: str
    code: str
    reverse_code: str | None
    verbs: tuple[str, ...]
    patterns: tuple[VerbPattern, ...]
    line: int


@dataclass(frozen=True, slots=True)
class TransformationPattern:
    """``source target verb`` where the target may itself be a nested ``( ... )`` pattern."""

    source: str
    target: str | TransformationPattern
    verb: str


@dataclass(frozen=True, slots=True)
class Transformation:
    """``~ a (a b ATTACK) SAY = a b 015``: recode a verb phrase nested in another."""

    pattern: TransformationPattern
    source: str
    target: str
    code: str  # a CAMEO code, or "Q" for the code of the inner verb phrase
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    """A whole verb dictionary. ``forms`` maps every lemma and inflected form to lemmas."""

    path: str
    verbs: dict[str, VerbEntry]
    forms: dict[str, tuple[str, ...]]
    blocks: dict[str, VerbBlock]
    synsets: dict[str, tuple[str, ...]]
    transformations: tuple[Transformation, ...]
    warnings: tuple[str, ...] = ()

    def lookup(self, word: str) -> tuple[VerbEntry, ...]:
        """The entries whose lemma or one of whose forms is ``word`` (any case)."""
        return tuple(self.verbs[lemma] for lemma in self.forms.get(word.upper(), ()))


def read_verb_dictionary(path: str | Path, *, strict: bool = True) -> VerbDictionary:
    """Read a PETRARCH2 verb dictionary.

    Args:
        path: the dictionary file (UTF-8).
        strict: raise on the first malformed line; when False, record a warning for it in
            ``VerbDictionary.warnings``, skip it and go on.

    Raises:
        DictionaryError: the file cannot be read, or (when ``strict``) a line is malformed;
            the message gives the file and line number and how to fix the line.
    """
    text = _read_text(Path(path))
    lines = list(_content_lines(text))
    tabari = not any(line.startswith("---") for _, line in lines)
    reader = _Reader(str(path), strict=strict, tabari=tabari)
    for number, line in lines:
        reader.feed(number, line)
    return reader.finish()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(
            f"cannot read the verb dictionary: {exc.strerror}",
            where=str(path),
            fix="check the path given for the verb dictionary",
        ) from exc
    except UnicodeDecodeError as exc:
        raise DictionaryError(
            f"the verb dictionary is not UTF-8 (byte {exc.start})",
            where=str(path),
            fix="save the file as UTF-8",
        ) from exc


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, stripped line) for lines that are not blank or comments."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if in_comment:
            in_comment = "-->" not in line
            line = line.partition("-->")[2].strip() if not in_comment else ""
        while "<!--" in line:
            head, _, tail = line.partition("<!--")
            if "-->" not in tail:
                in_comment, line = True, head.strip()
                break
            line = (head + tail.partition("-->")[2]).strip()
        if line and line[0] != "#":
            yield number, line


@dataclass
class _OpenBlock:
    name: str
    code: VerbCode
    line: int
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


class _Reader:
    """The state of one pass over a file: the open synset or block and what was read."""

    def __init__(self, path: str, *, strict: bool, tabari: bool = False) -> None:
        self.path = path
        self.strict = strict
        self.tabari = tabari
        self.synset: str | None = None
        self.block: _OpenBlock | None = None
        self.synsets: dict[str, list[str]] = {}
        self.blocks: dict[str, VerbBlock] = {}
        self.verbs: dict[str, VerbEntry] = {}
        self.forms: dict[str, list[str]] = {}
        self.transformations: list[Transformation] = []
        self.warnings: list[str] = []

    def feed(self, number: int, line: str) -> None:
        try:
            self._dispatch(number, line)
        except VerbSyntaxError as exc:
            self._fail(number, exc.message, exc.fix, exc)

    def _dispatch(self, number: int, line: str) -> None:
        if self.synset is not None and line[0] == "+":
            self._add_member(self.synset, line)
            return
        self.synset = None
        if line.startswith("---"):
            self._open_block(number, line)
        elif self.tabari and line[0] == "{":
            self._add_tabari_forms(line)
        elif self.tabari and line[0] not in "-&~":
            self._open_tabari_verb(number, line)
        elif line[0] == "&":
            self._open_synset(line)
        elif line[0] == "~":
            self.transformations.append(_parse_transformation(line, number))
        elif line[0] == "-":
            block = self._require_block("pattern")
            notes: list[str] = []
            pattern = parse_pattern(line, block=block.name, line=number, notes=notes)
            for note in notes + [_LEGACY_FLAG] * pattern.legacy_flag:
                self._warn(number, note)
            block.patterns.append(pattern)
        else:
            self._require_block("verb").verbs.append(parse_verb_line(line, line=number))

    def _open_tabari_verb(self, number: int, line: str) -> None:
        """A TABARI verb line: its own block, named after it, with its code as the default."""
        self._close_block()
        words, code = take_code(split_comment(line)[0])
        if code is None:
            raise VerbSyntaxError("the verb line has no [code]", "end it with a code: [042]")
        parts = [part for part in re.split(r"[\s_]+", words.upper()) if part]
        if not parts:
            raise VerbSyntaxError("a verb line without a verb", "write the verb before its code")
        exact = words.rstrip().endswith("_")  # TABARI: no generated forms
        head = "_".join(["+" + parts[0], *parts[1:]])
        phrase = " ".join(parts)
        written = f"{head} {{{head}}}" if exact else head
        form = replace(parse_verb_line(written, line=number), code=code)
        name = phrase if phrase not in self.blocks else f"{phrase}@{number}"
        self.block = _OpenBlock(name, code, number, verbs=[form])
        self._warn_legacy(code, number)

    def _add_tabari_forms(self, line: str) -> None:
        """``{ BROKE_ BROKEN_ }`` after a TABARI verb line: more forms of that verb."""
        block = self._require_block("forms")
        words = split_comment(line)[0].strip("{} \t").upper().split()
        forms = tuple(" ".join(w for w in word.split("_") if w) for word in words)
        verb = block.verbs[-1]
        block.verbs[-1] = replace(verb, forms=(*verb.forms, *forms))

    def _require_block(self, what: str) -> _OpenBlock:
        if self.block is None:
            raise VerbSyntaxError(
                f"a {what} line before any verb block",
                "open a block first with a header line: --- NAME [code] ---",
            )
        return self.block

    def _open_synset(self, line: str) -> None:
        label = split_comment(line)[0].upper()
        if not _SYNSET_LABEL.match(label):
            raise VerbSyntaxError(
                f"{label!r} is not a synset label",
                "write the label alone on its line: &NAME (letters, digits and '_')",
            )
        self.synsets.setdefault(label, [])
        self.synset = label

    def _add_member(self, label: str, line: str) -> None:
        written = split_comment(line[1:])[0].upper()
        phrase = written.replace("_", " ").strip()
        if not _SYNSET_MEMBER.match(phrase):
            raise VerbSyntaxError(
                f"{line!r} is not a synset member",
                "write one word or phrase per '+' line; members cannot hold markers or synsets",
            )
        # A trailing '_' is PETRARCH2's "no plural" mark: keep it for whoever expands plurals.
        self.synsets[label].append(phrase + "_" if written.endswith("_") else phrase)

    def _open_block(self, number: int, line: str) -> None:
        self._close_block()
        match = _BLOCK_HEADER.match(split_comment(line)[0])
        if match is None:
            raise VerbSyntaxError(
                "a malformed verb block header",
                "write the header as: --- NAME [code] ---",
            )
        name = match["name"].upper()
        code = parse_code(match["code"]) if match["code"] else VerbCode(NULL_CODE, None)
        if name in self.blocks:
            self._fail(number, f"the block {name} is defined twice", "rename one of them", None)
            name = f"{name}@{number}"
        self._warn_legacy(code, number)
        self.block = _OpenBlock(name, code, number)

    def _close_block(self) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        patterns = tuple(block.patterns)
        entries = [self._entry(form, block, patterns) for form in block.verbs]
        for entry in entries:
            self._add_verb(entry)
        self.blocks[block.name] = VerbBlock(
            block.name,
            block.code.code,
            block.code.reverse_code,
            tuple(entry.lemma for entry in entries),
            patterns,
            block.line,
        )

    def _entry(
        self, form: VerbForm, block: _OpenBlock, patterns: tuple[VerbPattern, ...]
    ) -> VerbEntry:
        code = form.code or block.code
        self._warn_legacy(code, form.line)
        return VerbEntry(
            lemma=form.lemma,
            verb=form.verb,
            before=form.before,
            after=form.after,
            forms=form.forms,
            irregular=form.irregular,
            code=code.code,
            reverse_code=code.reverse_code,
            block=block.name,
            patterns=patterns,
            line=form.line,
        )

    def _add_verb(self, entry: VerbEntry) -> None:
        known = self.verbs.get(entry.lemma)
        if known is not None:
            # PETRARCH2 keeps the first definition of a verb; say so rather than drop silently.
            self._warn(
                entry.line,
                f"the verb {entry.lemma} is already in block {known.block} (line {known.line}); "
                "the first definition is kept",
            )
            return
        self.verbs[entry.lemma] = entry
        for form in (entry.lemma, *entry.forms):
            lemmas = self.forms.setdefault(form, [])
            if entry.lemma not in lemmas:
                lemmas.append(entry.lemma)

    def _warn_legacy(self, code: VerbCode, number: int) -> None:
        if code.legacy_flag:
            self._warn(number, _LEGACY_FLAG)

    def _warn(self, number: int, message: str) -> None:
        self.warnings.append(f"{self.path}:{number}: {message}")

    def _fail(self, number: int, message: str, fix: str, cause: Exception | None) -> None:
        error = DictionaryError(message, where=f"{self.path}:{number}", fix=fix)
        if self.strict:
            raise error from cause
        self.warnings.append(error.describe())

    def finish(self) -> VerbDictionary:
        self._close_block()
        self._check_synsets()
        self._check_transformations()
        return VerbDictionary(
            path=self.path,
            verbs=self.verbs,
            forms={form: tuple(lemmas) for form, lemmas in self.forms.items()},
            blocks=self.blocks,
            synsets={label: tuple(members) for label, members in self.synsets.items()},
            transformations=tuple(self.transformations),
            warnings=tuple(self.warnings),
        )

    def _check_synsets(self) -> None:
        # PETRARCH2 reports and skips patterns with undefined synsets; we keep and report them.
        for block in self.blocks.values():
            for pattern in block.patterns:
                for label in pattern.synsets:
                    if label not in self.synsets:
                        self._warn(pattern.line, f"the synset {label} is not defined")

    def _check_transformations(self) -> None:
        for transformation in self.transformations:
            for verb in _transformation_verbs(transformation.pattern):
                if verb != "Q" and not self.forms.get(verb):
                    self._warn(transformation.line, f"the transformation verb {verb} is unknown")


def _parse_transformation(line: str, number: int) -> Transformation:
    body = split_comment(line[1:])[0]
    left, equals, right = body.partition("=")
    result = right.split()
    if not equals or len(result) != 3 or not _TRANSFORM_RESULT_CODE.match(result[2]):
        raise VerbSyntaxError(
            "a malformed transformation",
            "write it as: ~ a (b c VERB) VERB = x y CODE, with CODE a code or Q",
        )
    tokens = _TRANSFORM_TOKEN.findall(left)
    pattern, rest = _transformation_pattern(tokens)
    if rest:
        raise VerbSyntaxError(
            f"unexpected {' '.join(rest)!r} in a transformation",
            "a transformation pattern is: source target VERB, the target may be ( ... )",
        )
    return Transformation(pattern, result[0], result[1], result[2], number)


def _transformation_pattern(tokens: list[str]) -> tuple[TransformationPattern, list[str]]:
    if len(tokens) < 3 or not _TRANSFORM_VARIABLE.match(tokens[0]):
        raise VerbSyntaxError(
            "a transformation pattern needs a source, a target and a verb",
            "write it as: ~ a (b c VERB) VERB = x y CODE",
        )
    source, rest = tokens[0], tokens[1:]
    target: str | TransformationPattern
    if rest[0] == "(":
        target, rest = _transformation_pattern(rest[1:])
        if not rest or rest[0] != ")":
            raise VerbSyntaxError("an unclosed '(' in a transformation", "close it with ')'")
        rest = rest[1:]
    else:
        target, rest = rest[0], rest[1:]
    if not rest or rest[0] in "()":
        raise VerbSyntaxError("a transformation pattern without its verb", "end it with a VERB")
    return TransformationPattern(source, target, rest[0].upper()), rest[1:]


def _transformation_verbs(pattern: TransformationPattern) -> Iterator[str]:
    yield from pattern.verb.split("_")
    if isinstance(pattern.target, TransformationPattern):
        yield from _transformation_verbs(pattern.target)
