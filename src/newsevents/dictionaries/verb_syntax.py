"""Records and line parsers for the parts of a PETRARCH2 verb dictionary: codes, patterns, verbs.

The format is that of the PETRARCH2 CAMEO verb dictionary (``CAMEO.2.0.txt``, Open Event Data
Alliance); ``petrarch.py`` drives these parsers line by line. Each parser raises
``VerbSyntaxError`` with what is wrong and how to fix it; the reader adds file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ElementKind = Literal["word", "synset", "source", "target", "skip", "compound"]

NULL_CODE = "---"

# Pattern markers (PETRARCH2 / TABARI): $ source, + target, ^ skip a phrase, % compound actor.
MARKERS: dict[str, ElementKind] = {"$": "source", "+": "target", "^": "skip", "%": "compound"}

_CODE_PART = r"\d{2,4}|---"
_CODE = re.compile(rf"^(?P<code>{_CODE_PART})?(?::(?P<reverse>{_CODE_PART}))?(?P<legacy>!)?$")
_BRACKETED_CODE = re.compile(r"\[([^\]]*)\]")
_PATTERN_TOKEN = re.compile(r"[(){}*]|[^\s(){}*]+")
# Words may carry TABARI's '_' connectors (SPY_ * _DEAL) and '/' (TO/FOR), which PETRARCH2 keeps.
_WORD = re.compile(r"^[A-Z0-9'./_-]*[A-Z0-9][A-Z0-9'./_-]*$")
_WORD_THEN_SYNSET = re.compile(r"^(?P<word>[^&]+_)(?P<synset>&[A-Z0-9_]+)$")
_SYNSET = re.compile(r"^&[A-Z0-9_]+$")
_VERB_WORDS = re.compile(r"^[A-Z0-9'._+-]+$")


class VerbSyntaxError(ValueError):
    """A line of a verb dictionary does not follow the format; ``fix`` says how to repair it."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True, slots=True)
class VerbCode:
    """A bracketed code: ``[042]``, ``[042:043]`` (reverse event ``043``), ``[:173]``, ``[---]``."""

    code: str  # the event from source to target; "---" when the verb codes no event
    reverse_code: str | None  # the event from target to source, when the code has a ':' part
    legacy_flag: bool = False  # a trailing '!' that TABARI used; PETRARCH2 ignores it


@dataclass(frozen=True, slots=True)
class PatternElement:
    """One token of a pattern, in text order.

    ``phrase`` numbers the ``( ... )`` prepositional phrase the token is in (-1 outside one);
    the first word of a phrase is its preposition. ``group`` numbers the ``{ ... }`` noun
    phrase the token is in (-1 outside one); the last word of a group is its head.
    """

    kind: ElementKind
    text: str  # upper-case word, "&NAME" for a synset, or the marker character
    phrase: int = -1
    group: int = -1
    preposition: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A pattern line ``- <before> * <after> [code] # comment`` of a verb block."""

    before: tuple[PatternElement, ...]
    after: tuple[PatternElement, ...]
    code: str
    reverse_code: str | None
    block: str
    line: int
    comment: str = ""
    legacy_flag: bool = False  # a TABARI '!' after the code, ignored as PETRARCH2 does

    @property
    def elements(self) -> tuple[PatternElement, ...]:
        return self.before + self.after

    @property
    def source_marked(self) -> bool:
        return any(element.kind == "source" for element in self.elements)

    @property
    def target_marked(self) -> bool:
        return any(element.kind == "target" for element in self.elements)

    @property
    def synsets(self) -> tuple[str, ...]:
        return tuple(element.text for element in self.elements if element.kind == "synset")


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A verb line of a block: ``SAY {SAID SAYING} [010]``, ``+CORDON_OFF``, ``RE_+ARREST``."""

    lemma: str  # the words of the verb phrase joined by spaces: "CORDON OFF"
    verb: str  # the word the parser tags as the verb: "CORDON"
    before: tuple[str, ...]  # words before the verb in a multi-word verb: ("RE",)
    after: tuple[str, ...]  # words after it: ("OFF",)
    forms: tuple[str, ...]  # inflected phrases, given in { } or generated as regular forms
    irregular: bool  # True when the forms were given in { }
    code: VerbCode | None  # the verb's own code; None means the block's code
    line: int


def split_comment(line: str) -> tuple[str, str]:
    """Split ``text # comment`` (or TABARI's ``text ;comment``) into stripped halves."""
    cut = min((i for i in (line.find("#"), line.find(";")) if i >= 0), default=-1)
    if cut < 0:
        return line.strip(), ""
    return line[:cut].strip(), line[cut + 1 :].strip()


def parse_code(text: str) -> VerbCode:
    """Parse the inside of a ``[...]`` code."""
    match = _CODE.match(text.strip())
    if match is None or not (match["code"] or match["reverse"]):
        raise VerbSyntaxError(
            f"{text!r} is not an event code",
            "write a CAMEO code such as [042], a pair such as [042:043], or [---] for no event",
        )
    return VerbCode(match["code"] or NULL_CODE, match["reverse"], bool(match["legacy"]))


def take_code(text: str) -> tuple[str, VerbCode | None]:
    """Remove a trailing ``[code]`` from ``text``; return the rest and the parsed code."""
    codes = _BRACKETED_CODE.findall(text)
    if not codes:
        return text.strip(), None
    if len(codes) > 1 or not text.rstrip().endswith("]"):
        raise VerbSyntaxError(
            "a line holds one [code], at its end",
            "move the [code] to the end of the line, before any # comment",
        )
    return text[: text.rindex("[")].strip(), parse_code(codes[0])


def parse_pattern(text: str, *, block: str, line: int, notes: list[str]) -> VerbPattern:
    """Parse a pattern line (``text`` starts with ``-``).

    Slips that PETRARCH2 tolerates (a stray ``)``) are repaired and described in ``notes``.
    """
    body, comment = split_comment(text[1:])
    body, code = take_code(body)
    if code is None:
        raise VerbSyntaxError("the pattern has no [code]", "end the pattern with a code: [042]")
    tokens = _tokens(body.upper())
    if tokens.count("*") != 1:
        raise VerbSyntaxError(
            f"a pattern needs exactly one '*' for the verb, found {tokens.count('*')}",
            "mark the verb's place with a single '*': - * (TO BORDER) [154]",
        )
    elements = _pattern_elements(tokens, notes)
    split = next(i for i, element in enumerate(elements) if element is None)
    before = tuple(element for element in elements[:split] if element is not None)
    after = tuple(element for element in elements[split + 1 :] if element is not None)
    return VerbPattern(
        before, after, code.code, code.reverse_code, block, line, comment, code.legacy_flag
    )


def _tokens(body: str) -> list[str]:
    tokens: list[str] = []
    for token in _PATTERN_TOKEN.findall(body):
        # TABARI joined a word to a synset with '_' (FIGHTER_&AIRCRAFT): two elements.
        match = _WORD_THEN_SYNSET.match(token)
        tokens.extend((match["word"], match["synset"]) if match else (token,))
    return tokens


def _pattern_elements(tokens: list[str], notes: list[str]) -> list[PatternElement | None]:
    # None stands for the verb's '*'; phrases and groups are numbered across the whole line.
    elements: list[PatternElement | None] = []
    phrase, group, phrases, groups = -1, -1, 0, 0
    first_in_phrase = False
    for token in tokens:
        if token == "(":
            _check_closed(phrase, "(", "prepositional phrases cannot nest: close it with ')'")
            phrase, phrases, first_in_phrase = phrases, phrases + 1, True
        elif token == "{":
            _check_closed(group, "{", "noun phrases cannot nest: close it with '}'")
            group, groups = groups, groups + 1
        elif token == ")" and phrase < 0 and group < 0:
            notes.append("an unmatched ')' is ignored")
        elif token in (")", "}"):
            phrase, group = _close(token, phrase, group)
        elif token == "*":
            if phrase >= 0 or group >= 0:
                raise VerbSyntaxError("'*' inside ( ) or { }", "put the verb's '*' outside them")
            elements.append(None)
        else:
            elements.append(_element(token, phrase, group, first_in_phrase))
            first_in_phrase = False
    _check_closed(phrase, "(", "close the prepositional phrase with ')'")
    _check_closed(group, "{", "close the noun phrase with '}'")
    return elements


def _element(token: str, phrase: int, group: int, first_in_phrase: bool) -> PatternElement:
    if token in MARKERS:
        return PatternElement(MARKERS[token], token, phrase, group)
    if _SYNSET.match(token):
        return PatternElement("synset", token, phrase, group, first_in_phrase)
    if not _WORD.match(token):
        raise VerbSyntaxError(
            f"{token!r} is not a word, a synset or a marker",
            "use words, &SYNSET names, and the markers $ + ^ % only",
        )
    return PatternElement("word", token, phrase, group, first_in_phrase)


def _check_closed(index: int, opener: str, fix: str) -> None:
    if index >= 0:
        raise VerbSyntaxError(f"an unclosed '{opener}'", fix)


def _close(token: str, phrase: int, group: int) -> tuple[int, int]:
    if token == ")":
        if phrase < 0 or group >= 0:
            raise VerbSyntaxError("a ')' without its '('", "balance the parentheses")
        return -1, group
    if group < 0:
        raise VerbSyntaxError("a '}' without its '{'", "balance the braces")
    return phrase, -1


def parse_verb_line(text: str, *, line: int) -> VerbForm:
    """Parse a verb line of a block: a verb or multi-word verb, its forms and optional code."""
    body, _comment = split_comment(text)
    body, code = take_code(body)
    head, forms_text, irregular = _split_forms(body.upper())
    if not _VERB_WORDS.match(head):
        raise VerbSyntaxError(
            f"{head!r} is not a verb",
            "write one verb, or a multi-word verb joined by '_' with '+' on the verb: +CALL_OFF",
        )
    verb, before, after = _verb_phrase(head)
    lemma = " ".join((*before, verb, *after))
    if irregular:
        forms = tuple(_phrase_words(form) for form in forms_text.split())
    else:
        forms = tuple(" ".join((*before, form, *after)) for form in regular_forms(verb))
    return VerbForm(lemma, verb, before, after, forms, irregular, code, line)


def _split_forms(body: str) -> tuple[str, str, bool]:
    if "{" not in body and "}" not in body:
        if len(body.split()) != 1:
            raise VerbSyntaxError(
                f"{body!r} has several words outside {{ }}",
                "join a multi-word verb with '_' and put its other forms in { }",
            )
        return body, "", False
    opening, closing = body.find("{"), body.find("}")
    if opening < 0 or closing < opening or body[closing + 1 :].strip():
        raise VerbSyntaxError("unbalanced { } in a verb line", "write VERB {FORM FORM ...}")
    return body[:opening].strip(), body[opening + 1 : closing], True


def _verb_phrase(head: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    words = head.split("_")
    marked = [i for i, word in enumerate(words) if word.startswith("+")]
    if len(words) == 1:
        return head.lstrip("+"), (), ()
    if len(marked) != 1:
        raise VerbSyntaxError(
            f"the multi-word verb {head!r} must mark its verb with one '+'",
            "put '+' before the word the parser tags as the verb: +CORDON_OFF, RE_+ARREST",
        )
    index = marked[0]
    if not all(words):
        raise VerbSyntaxError(f"an empty word in {head!r}", "remove the doubled '_'")
    return words[index][1:], tuple(words[:index]), tuple(words[index + 1 :])


def _phrase_words(form: str) -> str:
    return " ".join(word.lstrip("+") for word in form.split("_") if word)


def regular_forms(verb: str) -> tuple[str, ...]:
    """The regular English forms PETRARCH2 generates: -S/-ES/-IES, -ED/-D, -ING."""
    if verb.endswith(("S", "X", "Z", "SH", "CH")):
        third = verb + "ES"
    elif verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        third = verb[:-1] + "IES"
    else:
        third = verb + "S"
    if verb.endswith("E"):
        past = verb + "D"
    elif third.endswith("IES"):
        past = verb[:-1] + "IED"
    else:
        past = verb + "ED"
    keeps_e = len(verb) < 2 or verb[-2] in "AEIOU"
    gerund = verb[:-1] + "ING" if verb.endswith("E") and not keeps_e else verb + "ING"
    return (third, past, gerund)
