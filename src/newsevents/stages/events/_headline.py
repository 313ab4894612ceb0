"""Keep a headline apart from the body: the small model often parses both as one sentence."""

from __future__ import annotations

import dataclasses
import re

from newsevents.model import Article, Parse, Token

# A headline line: no final sentence punctuation, then a blank line (wire and web copy alike).
_HEADLINE_LINE = re.compile(r"\s*([^\n]*[^\s.!?:;\"'])[ \t]*\n[ \t]*\n")
# A wire dateline: "SINGAPORE, June 12 (Reuters) - ", "WASHINGTON/LONDON (AP) -- ". The
# parser hangs the story's subject on the place name, which then looks like the subject of the
# first verb (whole-article error analysis, docs/events.md).
_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z.'/ -]{1,40}[A-Z.]"  # place: SINGAPORE, WASHINGTON/LONDON, THE HAGUE
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)?"  # region: ", France"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:[ \t]*\([^()\n]{1,40}\))?"  # date, agency
    r"|[ \t]*\([^()\n]{1,40}\))"  # or the agency alone: "WASHINGTON (Reuters)"
    r"[ \t]*(?:-{1,2}|\u2013|\u2014)[ \t]+"
)
_SUBJECT_TAGS = frozenset({"NOUN", "PROPN", "PRON"})
_BARE = frozenset({"SPACE", "PUNCT"})


def headline_end(parse: Parse, article: Article) -> int:
    """The offset where a headline at the top of the text ends, 0 when there is none.

    The headline is ``article.title`` when the text starts with it, else an unpunctuated first
    line followed by a blank line.
    """
    text = parse.text
    stripped = text.lstrip()
    title = (article.title or "").strip()
    if title and stripped.startswith(title):
        return len(text) - len(stripped) + len(title)
    line = _HEADLINE_LINE.match(text)
    return line.end(1) if line is not None else 0


def dateline_end(parse: Parse, start: int) -> int:
    """The offset where a dateline at ``start`` (the body's first line) ends, 0 when none."""
    text = parse.text
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    dateline = _DATELINE.match(text, start)
    return dateline.end() if dateline is not None else 0


def split_headline(parse: Parse, end: int) -> Parse:
    """``parse`` with no dependency crossing offset ``end``, so the headline is its own tree.

    Tokens whose head lies on the other side attach to their side's main verb (a noun before
    it as its subject) or become roots; sentence numbers and offsets stay as they are.
    """
    sentence = next((s for s in parse.sentences if s.start < end < s.end), None)
    if sentence is None:
        return parse  # the headline is a sentence of its own already
    tokens = list(parse.tokens)
    crossing = [t for t in tokens[sentence.first : sentence.last] if _crosses(t, tokens, end)]
    for side in (True, False):
        cut = [t for t in crossing if (t.start < end) is side]
        tops = [
            t
            for t in tokens[sentence.first : sentence.last]
            if (t.start < end) is side and (t.head == t.i or t in cut) and t.pos not in _BARE
        ]
        root = next((t for t in tops if t.pos in ("VERB", "AUX")), tops[0] if tops else None)
        has_object = root is not None and any(
            t.head == root.i and t.dep == "dobj" and not _crosses(t, tokens, end)
            for t in tokens[sentence.first : sentence.last]
        )
        for token in cut:
            tokens[token.i] = _reattached(token, root, has_object=has_object)
            has_object = has_object or tokens[token.i].dep == "dobj"
    return dataclasses.replace(parse, tokens=tuple(tokens))


def _crosses(token: Token, tokens: list[Token], end: int) -> bool:
    return (token.start < end) != (tokens[token.head].start < end)


def _reattached(token: Token, root: Token | None, *, has_object: bool) -> Token:
    """``token`` attached to its side's ``root``: a noun before it is its subject, the first
    noun after a verb without an object its object ("Turkey condemns Syria")."""
    if root is None or token is root:
        return dataclasses.replace(token, head=token.i, dep="ROOT")
    dep = "dep"
    if token.pos in _SUBJECT_TAGS and token.i < root.i:
        dep = "nsubj"
    elif token.pos in _SUBJECT_TAGS and root.pos == "VERB" and not has_object:
        dep = "dobj"
    return dataclasses.replace(token, head=root.i, dep=dep)
