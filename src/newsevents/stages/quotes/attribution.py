"""Find who said a quotation: the subject of its reporting verb, resolved through the entities.

``Article`` is built once per article and answers every question with precomputed indexes
(children, subjects, token and entity offsets), so attribution stays linear in the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsevents.model import Entity, Parse, Token
from newsevents.stages.quotes.lexicon import (
    CLIMB_DEPS,
    INDIRECT_VERBS,
    NON_SPEAKERS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SUBJECT_DEPS,
)

# Coreference chains are short; the cap only guards against a cycle in a broken entity list.
_MAX_ANTECEDENT_HOPS = 8
# How far up the dependency tree a quote's head may be from its reporting verb (measured on the
# dev set: partial quotes sit under a preposition and a noun, at most 4-5 levels deep).
_MAX_CLIMB = 6
# Dependency chains are shorter than this; it only bounds the climb from a quote to the root.
_MAX_CHAIN = 12
# Verbs that put their subject after them in attribution ('..., said Pompeo'); not 'call' or
# 'tell', whose next proper noun is their object ('calling Paris "..."').
_INVERTING_VERBS = frozenset(
    {"say", "add", "write", "ask", "declare", "insist", "explain", "reply"}
)
# Tags of a speech verb the parser hangs inside another verb's complement: a past tense conjunct
# ('said ... and warned that') or a participle ('said ..., arguing that').
_ABSORBED_TAGS = {"conj": frozenset({"VBD"}), "advcl": frozenset({"VBG"})}
# Words a speaker's noun phrase keeps to the left of its head ('the North Korean Foreign Ministry').
_PHRASE_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "case", "flat"})


# The dash that ends a dateline ('BONN, March 3 - '), spaced as wire copy spaces it.
_DATELINE_DASH = re.compile(r"\s(?:-{1,2}|\u2014|\u2013)\s+")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker mention: offsets of the mention in the text and its actor code."""

    start: int
    end: int
    text: str
    actor: str | None


class Attributor:
    """Indexes over one parse and its entities, shared by direct and indirect attribution."""

    def __init__(self, parse: Parse, original: str, entities: tuple[Entity, ...]) -> None:
        self.parse = parse
        self.tokens = parse.tokens
        self.original = original
        self.starts = [token.start for token in parse.tokens]
        # Children in one flat list grouped by head (a list per token costs a garbage
        # collection pass per article, measured at half of this stage's time).
        heads = [token.head for token in parse.tokens]
        self._by_head = sorted(range(len(heads)), key=heads.__getitem__)
        self._offsets = [0] * (len(heads) + 1)
        for head in heads:
            self._offsets[head + 1] += 1
        for index in range(len(heads)):
            self._offsets[index + 1] += self._offsets[index]
        self.subject: dict[int, int] = {}
        self._edges: dict[int, tuple[int, int]] = {}
        for token in parse.tokens:
            if token.dep in SUBJECT_DEPS and token.head != token.i:
                self._add_subject(token)
        self.entities = entities
        self.order = sorted(range(len(entities)), key=lambda index: entities[index].start)
        self.entity_starts = [entities[index].start for index in self.order]
        # Tokens inside direct quotation marks: never the speaker of the quote they belong to.
        self.in_quote = [False] * len(parse.tokens)

    def children(self, index: int) -> list[int]:
        """Indexes of the tokens whose head is ``index``, in text order."""
        found = self._by_head[self._offsets[index] : self._offsets[index + 1]]
        return [child for child in found if child != index]

    def _add_subject(self, token: Token) -> None:
        """Keep the subject nearest its verb: a misparse may give a verb a second, far one."""
        known = self.subject.get(token.head)
        if known is None or abs(token.i - token.head) < abs(known - token.head):
            self.subject[token.head] = token.i

    def mark_quoted(self, ranges: list[tuple[int, int]]) -> None:
        for first, last in ranges:
            self.in_quote[first:last] = [True] * (last - first)

    # Token geometry -----------------------------------------------------------------------

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indexes ``[first, last)`` of the tokens overlapping ``[start, end)``."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        if first < len(self.tokens) and self.tokens[first].end <= start:
            first += 1
        return first, max(bisect_left(self.starts, end), first)

    def subtree_edges(self, index: int) -> tuple[int, int]:
        """First and last token index of the subtree under ``index``."""
        known = self._edges.get(index)
        if known is not None:
            return known
        low = high = index
        stack = [index]
        while stack:
            node = stack.pop()
            low, high = min(low, node), max(high, node)
            stack.extend(self.children(node))
        self._edges[index] = (low, high)
        return low, high

    # Reporting verbs ----------------------------------------------------------------------

    def is_reporting(self, token: Token) -> bool:
        return token.lemma in REPORTING_VERBS and token.pos in ("VERB", "AUX")

    def governing_verb(self, first: int, last: int) -> Token | None:
        """The reporting verb that governs the tokens ``[first, last)`` in the dependency tree.

        Of several on the way up, a speech verb above the others wins: in 'Moon said the sides
        had agreed on "a nuclear-free peninsula"' the words are Moon's report.
        """
        for index in range(first, last):
            head = self.tokens[index].head
            if first <= head < last:
                continue
            return self._climb_to_reporting(head)
        return None

    def _climb_to_reporting(self, head: int) -> Token | None:
        found: Token | None = None
        for _ in range(_MAX_CHAIN):
            token = self.tokens[head]
            speech = self.is_reporting(token) and not self.in_quote[head]
            if speech and (found is None or token.lemma in INDIRECT_VERBS):
                found = token
            if token.head == head:
                break
            head = token.head
        return found

    # Speakers -----------------------------------------------------------------------------

    def speaker_of_verb(self, verb: Token) -> Speaker | None:
        """The subject of ``verb``, inherited from governing verbs when it has none of its own."""
        if verb.lemma == "accord":  # 'according to X': the speaker is the object of 'to'
            return self._according_speaker(verb)
        current = self.absorbing_verb(verb) or verb
        for _ in range(_MAX_CLIMB):
            subject = self.subject.get(current.i)
            if subject is not None and self._may_speak(current, subject):
                return self._subject_speaker(current, self.tokens[subject])
            inverted = self._inverted_subject(current) or self._stranded_subject(current)
            if inverted is not None:
                return self.speaker_at(inverted)
            if current.dep not in CLIMB_DEPS or current.head == current.i:
                return None
            current = self.tokens[current.head]
        return None

    def absorbing_verb(self, verb: Token) -> Token | None:
        """The speech verb whose complement the parser wrongly gave ``verb`` to, or None.

        In 'Putin said the rebellion was a betrayal and warned that ...' the parser hangs
        'warned' on 'was'; a subject-less speech verb in the past tense (or a participle,
        'arguing that ...') reached through a clause complement belongs to the verb above it
        (issue 6, held-out miss 'said ... and warned that ...').
        """
        if (
            verb.dep not in ("conj", "advcl")
            or verb.i in self.subject
            or verb.tag not in _ABSORBED_TAGS[verb.dep]
            or not self.is_reporting(verb)
        ):
            return None
        child = verb
        for _ in range(_MAX_CHAIN):
            head = self.tokens[child.head]
            if head.i == child.i:
                return None
            if self.is_reporting(head) and not self.in_quote[head.i]:
                return head if child is not verb and child.dep == "ccomp" else None
            child = head
        return None

    def _may_speak(self, verb: Token, subject: int) -> bool:
        """Words inside quotes, or across a paragraph break (a headline), never speak."""
        if self.in_quote[subject]:
            return False
        low, high = sorted((self.tokens[subject].start, verb.end))
        return "\n" not in self.parse.text[low:high]

    def _subject_speaker(self, verb: Token, subject: Token) -> Speaker | None:
        if subject.lower in RELATIVE_PRONOUNS and verb.dep == "relcl":
            return self.speaker_at(self.tokens[verb.head])
        # 'It said ...' speaks only when the actor stage resolved 'it' to an organization.
        if subject.lower in NON_SPEAKERS and self.entity_at(subject.start, subject.end) is None:
            return None
        return self.speaker_at(self._misparsed_appositive(subject) or subject)

    def _misparsed_appositive(self, subject: Token) -> Token | None:
        """'As soon as Pompeo left Pyongyang, the ministry said': the parser makes the place the
        subject and the ministry its appositive; a place described by an organization or a
        person is that misparse, so the appositive speaks."""
        if subject.ent_type not in ("GPE", "LOC"):
            return None
        for index in self.children(subject.i):
            token = self.tokens[index]
            if token.dep == "appos" and token.ent_type in ("ORG", "PERSON", "NORP"):
                return token
        return None

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'..., said Pompeo': a proper noun right after the verb, not parsed as its subject."""
        if verb.lemma not in _INVERTING_VERBS:
            return None
        for index in self.children(verb.i):
            token = self.tokens[index]
            if (
                index == verb.i + 1
                and token.pos == "PROPN"
                and token.dep in ("dobj", "attr", "npadvmod")
            ):
                return token
        return None

    def _stranded_subject(self, verb: Token) -> Token | None:
        """'..., because Kyiv refused, an adviser to Zelensky said': the parser makes the
        subject an appositive of the clause's last noun; a noun phrase set off by a comma that
        ends right before a clause-final speech verb is its subject."""
        if verb.i == 0 or not any(
            index < verb.i and self.tokens[index].dep == "ccomp" for index in self.children(verb.i)
        ):
            return None
        token = self.tokens[verb.i - 1]
        for _ in range(_MAX_CLIMB):
            low, high = self.subtree_edges(token.i)
            if high != verb.i - 1 or token.head == token.i:
                return None
            if token.dep == "appos" and low > 0 and self.tokens[low - 1].text == ",":
                return token
            token = self.tokens[token.head]
        return None

    def _according_speaker(self, verb: Token) -> Speaker | None:
        for index in self.children(verb.i):
            if self.tokens[index].lower == "to":
                for object_index in self.children(index):
                    if self.tokens[object_index].dep == "pobj":
                        return self.speaker_at(self.tokens[object_index])
        return None

    def speaker_at(self, head: Token) -> Speaker:
        """The mention headed by ``head``: its entity if there is one, else its noun phrase."""
        entity = self.entity_at(head.start, head.end)
        if entity is not None:
            start, end, actor = entity.start, entity.end, self._actor_near(entity, head)
        else:
            first, last = self._phrase(head)
            start, end = self.tokens[first].start, self.tokens[last].end
            actor = self._actor_in(head)
        start, end = self._whole_words(start, end)
        name = self._appositive_name(head, end)
        if name is not None:
            end = self.tokens[name].end
        start = self._after_dateline(start, end)
        return Speaker(start, end, self.original[start:end], actor)

    def _after_dateline(self, start: int, end: int) -> int:
        """'BONN, March 3 - West German Economics Minister ...': the parser may take a dateline
        into the speaker's phrase (issue 13, Reuters); the speaker starts after its dash."""
        dashes = [found.end() for found in _DATELINE_DASH.finditer(self.parse.text, start, end)]
        return dashes[-1] if dashes and dashes[-1] < end else start

    def _whole_words(self, start: int, end: int) -> tuple[int, int]:
        """Widen a mention over hyphenated words the tokenizer split ('Director-General')."""
        text = self.original
        while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
            start -= 2
            while start > 0 and text[start - 1].isalnum():
                start -= 1
        while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
            end += 2
            while end < len(text) and text[end].isalnum():
                end += 1
        return start, end

    def _appositive_name(self, head: Token, end: int) -> int | None:
        """The last token of a name set off after a title ('The Scottish First Minister, Nicola
        Sturgeon, said'): the mention spans both, as the quote sets annotate it."""
        if head.pos != "NOUN" and head.ent_type == "PERSON":
            return None
        for index in self.children(head.i):
            token = self.tokens[index]
            if index <= head.i or token.dep != "appos" or token.pos != "PROPN":
                continue
            low, high = self.subtree_edges(index)
            between = self.parse.text[end : self.tokens[low].start].strip()
            if between == "," and token.ent_type in ("PERSON", ""):
                return high
        return None

    def _phrase(self, head: Token) -> tuple[int, int]:
        first = last = head.i
        for index in self.children(head.i):
            token = self.tokens[index]
            if token.dep in _PHRASE_DEPS:
                low, high = self.subtree_edges(index)
                first, last = min(first, low), max(last, high)
        return first, last

    # Entities -----------------------------------------------------------------------------

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity mention overlapping ``[start, end)``, the longest when several do."""
        position = bisect_right(self.entity_starts, end - 1)
        best: Entity | None = None
        for order_index in range(position - 1, max(position - 4, -1), -1):
            entity = self.entities[self.order[order_index]]
            if entity.end > start and (
                best is None or entity.end - entity.start > best.end - best.start
            ):
                best = entity
        return best

    def resolve(self, entity: Entity) -> str | None:
        """The actor code of ``entity``, following its coreference chain when it has none."""
        for _ in range(_MAX_ANTECEDENT_HOPS):
            if entity.actor is not None or entity.antecedent is None:
                return entity.actor
            if not 0 <= entity.antecedent < len(self.entities):
                return None
            entity = self.entities[entity.antecedent]
        return entity.actor

    def _actor_near(self, entity: Entity, head: Token) -> str | None:
        actor = self.resolve(entity)
        return actor if actor is not None else self._actor_in(head)

    def _actor_in(self, head: Token) -> str | None:
        """The first actor code among the mentions inside the subtree of ``head``."""
        low, high = self.subtree_edges(head.i)
        start, end = self.tokens[low].start, self.tokens[high].end
        position = bisect_left(self.entity_starts, start)
        while position < len(self.order) and self.entity_starts[position] < end:
            actor = self.resolve(self.entities[self.order[position]])
            if actor is not None:
                return actor
            position += 1
        return None
