"""Find indirect speech: 'X said (that) ...', 'according to X, ...', 'X accused Y of ...'.

The content span is the clause complement of the reporting verb (its subtree, without the
complementizer and final punctuation). Complements that are mostly direct quotation are left
to the direct quote that covers them; one that quotes less of its words is a mixed quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.model import Token
from newsevents.stages.quotes.attribution import Attributor, Speaker
from newsevents.stages.quotes.lexicon import INDIRECT_VERBS, INFINITIVE_VERBS, PREPOSITION_VERBS

# A complement more than half inside direct quotation marks is the direct quote's business
# (issue 13, PolNeAR study part: making those mixed quotes too lowers quote F1 0.812 -> 0.803).
_MAX_QUOTED_SHARE = 0.5
# Every lemma that can introduce indirect speech, to skip all other tokens at once.
_SPEECH_LEMMAS = INDIRECT_VERBS | INFINITIVE_VERBS | frozenset(PREPOSITION_VERBS) | {"accord"}
# Leading words that introduce the content and are not part of it.
_COMPLEMENTIZERS = frozenset(
    {"that", "whether", "if", "to", "of", "for", "with", "against", "about"}
)
# What a verb says about its object: 'called [the plan] [a betrayal]', 'hailed [the vote] [as
# fantastic]', 'accused [him] [of lying]' (spaCy's English dependency labels).
_OBJECT_DEPS = frozenset({"dobj", "oprd", "prep", "attr", "acomp", "xcomp", "ccomp", "dative"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
# Free relatives name a thing, not a statement: "announced what he called a special operation".
_FREE_RELATIVES = frozenset({"what", "whatever"})
# Clauses that bound a demand: "urged X to isolate Pyongyang until it ends ...", which the parser
# often hangs on the demanding verb rather than on the demand (issue 6, dev set q06).
_BOUNDS = frozenset({"until", "till", "unless"})


# A headline that ends like a sentence is a sentence: its parse needs no help.
_SENTENCE_ENDS = frozenset('.!?"”’:')
# Words that end a content after a cut ('said A and warned that B', 'said A, welcoming B').
_DANGLING = frozenset({",", ";", "and", "but", "while", "-", "--", "—"})
# Trailing adjuncts that date the statement rather than belong to it ('..., a day after
# regulators stepped in') or describe it ('..., a claim the ministry rejected'); issue 6,
# held-out miss and dev round 2.
_TIME_NOUNS = frozenset({"minute", "hour", "day", "week", "month", "year", "moment"})
_TIME_RELATIONS = frozenset({"after", "before", "since", "later", "earlier", "ago"})
_COMMENT_NOUNS = frozenset(
    {"claim", "charge", "accusation", "allegation", "assertion", "remark", "comment", "statement"}
)


@dataclass(frozen=True, slots=True)
class Reported:
    """One indirect statement: token range of its content, verb and speaker."""

    first: int
    last: int  # exclusive
    sentence: int
    verb: str
    speaker: Speaker
    mixed: bool  # the clause quotes some of its words


def find_indirect(attributor: Attributor, in_quote: list[bool]) -> list[Reported]:
    """Every indirect statement with a speaker, in text order."""
    found: list[Reported] = []
    for token in attributor.tokens:
        if (
            token.lemma not in _SPEECH_LEMMAS
            or in_quote[token.i]
            or token.pos not in ("VERB", "AUX")
        ):
            continue
        complement = _complement(attributor, token)
        if complement is None or _free_relative(attributor, complement):
            continue
        first, last = _content(attributor, complement, token)
        if attributor.tokens[complement].dep == "xcomp":
            last = _bounded_demand(attributor, token, complement, last)
        last = _headline_end(attributor, token, first, last)
        last = _trim(attributor, first, _cut(attributor, token, first, last))
        if first >= last or _quoted_share(in_quote, first, last) > _MAX_QUOTED_SHARE:
            continue
        speaker = attributor.speaker_of_verb(token)
        if speaker is None:
            continue
        # A stranded subject ('..., an adviser to Zelensky said') closes the content.
        spoken, _ = attributor.token_range(speaker.start, speaker.end)
        if first < spoken < last <= token.i:
            last = _trim(attributor, first, spoken)
        mixed = any(in_quote[first:last])
        found.append(Reported(first, last, token.sent, token.lemma, speaker, mixed))
    return found


def find_object_mixed(
    attributor: Attributor, quoted: list[tuple[int, int, Speaker | None]], reports: list[Reported]
) -> list[Reported]:
    """Mixed quotes of verbs that quote words in their objects: 'called the plan "a betrayal"',
    'hailed the vote as "fantastic"', 'calling the charge "pathetic" and "dangerous"'.

    ``quoted`` holds the token range and speaker of each direct quote; a quote already inside a
    report, or whose governing speech verb comes after it, gives none.
    """
    found: list[Reported] = []
    in_quote = attributor.in_quote
    covered = [(reported.first, reported.last) for reported in reports]
    for first, last, speaker in quoted:
        if speaker is None or any(low <= first and last <= high for low, high in covered):
            continue
        verb = attributor.governing_verb(first, last)
        if verb is None or verb.i >= first:
            continue
        span = _object_span(attributor, verb)
        if span is None or not span[0] <= first < last <= span[1] + 1:
            continue
        start, end = _trimmed(attributor, span[0], span[1], verb)
        end = _trim(attributor, start, _cut(attributor, verb, start, end))
        if start >= first or end < last or not _says_more(attributor, in_quote, start, end):
            continue  # nothing but the quoted words: the direct quote says it all
        found.append(Reported(start, end, verb.sent, verb.lemma, speaker, True))
        covered.append((start, end))
    return found


def _object_span(attributor: Attributor, verb: Token) -> tuple[int, int] | None:
    """First and last token of the verb's objects and their complements after it."""
    edges = [
        attributor.subtree_edges(index)
        for index in attributor.children(verb.i)
        if index > verb.i
        and attributor.tokens[index].dep in _OBJECT_DEPS
        and not _time_adjunct(attributor, index)
    ]
    if not edges:
        return None
    return min(low for low, _ in edges), max(high for _, high in edges)


def _time_adjunct(attributor: Attributor, index: int) -> bool:
    """'on Friday', 'last week': when it was said, not what."""
    return any(
        attributor.tokens[child].ent_type in _TIME_ENTITIES
        for child in (index, *attributor.children(index))
    )


def _says_more(attributor: Attributor, in_quote: list[bool], first: int, last: int) -> bool:
    """A content word outside the marks ('the plan', not just 'it')."""
    return any(
        not in_quote[index] and attributor.tokens[index].pos in _CONTENT_POS
        for index in range(first, last)
    )


def _complement(attributor: Attributor, verb: Token) -> int | None:
    """The token heading what ``verb`` reports, or None when it reports no speech."""
    if verb.lemma == "accord":
        return _according_content(attributor, verb)
    # Inside a demand ('urged X to reveal who ...') a speech verb reports nothing yet.
    if verb.dep == "xcomp":
        return None
    prepositions = PREPOSITION_VERBS.get(verb.lemma, frozenset())
    fallback: int | None = None
    for index in attributor.children(verb.i):
        child = attributor.tokens[index]
        # 'X said (that) ...' and, with the clause first, '..., the ministry said'.
        if child.dep == "ccomp" and verb.lemma in INDIRECT_VERBS:
            if index > verb.i:
                return index
            fallback = index
        if child.dep == "xcomp" and verb.lemma in INFINITIVE_VERBS and index > verb.i:
            return index
        if child.dep == "prep" and child.lower in prepositions and _has_object(attributor, index):
            return index
        if child.dep == "prep" and verb.lemma in INDIRECT_VERBS:
            fallback = fallback if fallback is not None else _statement_clause(attributor, index)
        if child.dep == "dobj" and verb.lemma in INDIRECT_VERBS and index > verb.i:
            clause = _object_clause(attributor, index)
            if clause is not None:
                return clause
        if child.dep == "dobj" and verb.lemma == "say" and index > verb.i:
            fallback = fallback if fallback is not None else _misparsed_object(attributor, index)
    return fallback


def _free_relative(attributor: Attributor, complement: int) -> bool:
    """'announced what he called ...': the complement opens with its own object 'what'."""
    first, _ = attributor.subtree_edges(complement)
    opener = attributor.tokens[first]
    return opener.lower in _FREE_RELATIVES and opener.head == complement


def _bounded_demand(attributor: Attributor, verb: Token, complement: int, last: int) -> int:
    """Extend a demand's content over an 'until' clause hung on the demanding verb."""
    tokens = attributor.tokens
    for index in attributor.children(verb.i):
        if index <= complement or tokens[index].dep != "advcl":
            continue
        if not any(
            tokens[i].lower in _BOUNDS and tokens[i].dep == "mark"
            for i in attributor.children(index)
        ):
            continue
        first, end = _content(attributor, index, verb)
        if first <= last + 1:  # right after the demand, at most a comma between
            return max(last, end)
    return last


def _has_object(attributor: Attributor, preposition: int) -> bool:
    return any(
        attributor.tokens[i].dep in ("pobj", "pcomp") for i in attributor.children(preposition)
    )


def _statement_clause(attributor: Attributor, preposition: int) -> int | None:
    """'said in a statement that ...': the parser hangs the clause on 'statement'."""
    for object_index in attributor.children(preposition):
        for index in attributor.children(object_index):
            token = attributor.tokens[index]
            if token.dep in ("acl", "relcl") and any(
                attributor.tokens[i].lower == "that" and attributor.tokens[i].dep == "mark"
                for i in attributor.children(index)
            ):
                return index
    return None


def _object_clause(attributor: Attributor, index: int) -> int | None:
    """'assured the other parties that Moscow would ...': the parser reads the clause as a
    relative one on the object; a clause with its own subject, opened by the mark 'that',
    is the reported clause (a real relative clause has 'that' as its subject or object)."""
    for clause in attributor.children(index):
        if attributor.tokens[clause].dep == "relcl" and _opens_with_that(attributor, clause):
            return clause
    return None


def _opens_with_that(attributor: Attributor, clause: int) -> bool:
    children = attributor.children(clause)
    return clause in attributor.subject and any(
        attributor.tokens[i].lower == "that" and attributor.tokens[i].dep == "mark"
        for i in children
    )


def _misparsed_object(attributor: Attributor, index: int) -> int | None:
    """'said the operation aimed at ...': 'say' takes no noun object, so the parser missed a
    clause; the object with a verb under it is the reported clause."""
    low, high = attributor.subtree_edges(index)
    has_verb = any(attributor.tokens[i].pos == "VERB" for i in range(low, high + 1))
    return index if has_verb or high - low >= 3 else None


def _according_content(attributor: Attributor, verb: Token) -> int | None:
    """'According to X, Y': the content is the clause the phrase modifies."""
    if not any(attributor.tokens[i].lower == "to" for i in attributor.children(verb.i)):
        return None
    head = attributor.tokens[verb.head]
    return head.i if head.i != verb.i else None


def _content(attributor: Attributor, complement: int, verb: Token) -> tuple[int, int]:
    first, last = attributor.subtree_edges(complement)
    if verb.lemma == "accord":
        first, last = _outside_phrase(attributor, verb, first, last)
    return _trimmed(attributor, first, last, verb)


def _trimmed(attributor: Attributor, first: int, last: int, verb: Token) -> tuple[int, int]:
    """``[first, last]`` without complementizers, edge punctuation or other paragraphs."""
    tokens = attributor.tokens
    # Reported speech stays in the verb's paragraph (a headline is no clause of the lead).
    text = attributor.parse.text
    paragraph_start = text.rfind("\n", 0, verb.start) + 1
    paragraph_end = text.find("\n", verb.end) % (len(text) + 1)
    while first <= last and (
        tokens[first].lower in _COMPLEMENTIZERS
        or tokens[first].pos in ("PUNCT", "SPACE")
        or tokens[first].start < paragraph_start
    ):
        first += 1
    while last >= first and (
        tokens[last].pos in ("PUNCT", "SPACE") or tokens[last].end > paragraph_end
    ):
        last -= 1
    return first, _close_quote(attributor, first, last) + 1


def _close_quote(attributor: Attributor, first: int, last: int) -> int:
    """Keep the closing mark of a quote the content opened ('... was "highly likely"')."""
    following = last + 1
    if following >= len(attributor.tokens) or first > last:
        return last
    mark = attributor.tokens[following].text
    if mark not in ('"', "'"):
        return last
    content = attributor.parse.text[attributor.tokens[first].start : attributor.tokens[last].end]
    return following if content.count(mark) % 2 == 1 else last


def _outside_phrase(attributor: Attributor, verb: Token, first: int, last: int) -> tuple[int, int]:
    """Drop 'according to X' from the clause when it stands at either end."""
    low, high = attributor.subtree_edges(verb.i)
    if low <= first:
        return high + 1, last
    if high >= last:
        return first, low - 1
    return first, last


def _quoted_share(in_quote: list[bool], first: int, last: int) -> float:
    return sum(in_quote[first:last]) / (last - first)


def _headline_end(attributor: Attributor, verb: Token, first: int, last: int) -> int:
    """In a headline the parser often runs on into the lead ('urges markets to trust Credit
    Suisse rescue' leaves 'rescue' to the next sentence): the content runs to the line's end."""
    tokens, text = attributor.tokens, attributor.parse.text
    line_end = text.find("\n", verb.end)
    if first <= verb.i or line_end < 0 or text[:line_end].rstrip()[-1:] in _SENTENCE_ENDS:
        return last
    if text.rfind("\n", 0, verb.start) >= 0:  # only the first line is the headline
        return last
    while last < len(tokens) and tokens[last].end <= line_end:
        last += 1
    return last


def _cut(attributor: Attributor, verb: Token, first: int, last: int) -> int:
    """End the content before a speech verb of the same speaker or a trailing adjunct."""
    tokens = attributor.tokens
    for index in range(first + 1, last):
        token = tokens[index]
        if token.dep in ("conj", "advcl") and attributor.absorbing_verb(token) is verb:
            last = min(last, attributor.subtree_edges(index)[0])
        elif token.text == "," and _adjunct_after(attributor, index + 1, last):
            last = min(last, index)
    return last


def _adjunct_after(attributor: Attributor, start: int, last: int) -> bool:
    """'..., a day after regulators stepped in' or '..., a claim that ...' ends the content."""
    tokens = attributor.tokens
    index = start
    while index < last and tokens[index].pos in ("DET", "NUM", "ADJ"):
        index += 1
    if index >= last - 1 or tokens[index].pos != "NOUN":
        return False
    lemma, following = tokens[index].lemma, tokens[index + 1].lower
    return lemma in _COMMENT_NOUNS or (lemma in _TIME_NOUNS and following in _TIME_RELATIONS)


def _trim(attributor: Attributor, first: int, last: int) -> int:
    """Drop the comma or conjunction left at the end of a cut content."""
    while last > first and attributor.tokens[last - 1].lower in _DANGLING:
        last -= 1
    return last
