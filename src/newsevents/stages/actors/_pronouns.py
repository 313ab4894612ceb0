"""Pronoun coreference: he/his/she/her to persons, it/its to organizations and countries,
they/their to groups and to two actors joined by "and" ("Trump and Kim ... their summit")."""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.dictionaries.actor_entries import country_of
from newsevents.model import Parse, Token
from newsevents.stages.actors._mentions import Mention

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_PERSON_LABELS = frozenset({"PERSON"})
_THING_LABELS = frozenset({"ORG", "GPE", "AGENT"})
_GROUP_LABELS = frozenset({"AGENT", "NORP", "ORG"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_WINDOW = 2  # sentences back where a pronoun's antecedent may be
# Roles (agents.tsv) of institutions, not persons: "he" never refers back to them.
_INSTITUTIONS = frozenset(
    {"administration", "central bank", "court", "government", "intelligence", "military"}
    | {"ministry", "opposition", "parliament", "party", "police", "regime", None}
)
_PLURAL_REACH = 8  # tokens back where a plural noun may take "them" from an actor


class Pronouns:
    """Resolve the pronouns of one article against its (resolved, ordered) mentions."""

    def __init__(self, parse: Parse, mentions: Sequence[Mention]) -> None:
        self.parse = parse
        # Persons no dictionary knows stay candidates: "Joshua Wong ... he told" is not the
        # official named before him; such a pronoun gets no code.
        self.mentions = [m for m in mentions if m.code is not None or m.label == "PERSON"]
        self._compound_ids: set[int] | None = None

    @property
    def compounds(self) -> set[int]:
        # Found on first use: only "they"/"their" need them, and most articles have neither.
        if self._compound_ids is None:
            self._compound_ids = self._compounds()
        return self._compound_ids

    def _head(self, mention: Mention) -> Token:
        tokens = self.parse.tokens
        for token in tokens[mention.first : mention.last]:
            if not mention.first <= token.head < mention.last or token.head == token.i:
                return token
        return tokens[mention.last - 1]

    def _compounds(self) -> set[int]:
        """Ids of mentions that are the first of two actors joined by "and"."""
        owner = {i: m for m in self.mentions for i in range(m.first, m.last)}
        found: set[int] = set()
        for mention in self.mentions:
            head = self._head(mention)
            first = owner.get(head.head) if head.dep == "conj" else None
            if first is not None and first is not mention:
                found.add(id(first))
        return found

    def _is_subject(self, mention: Mention) -> bool:
        tokens = self.parse.tokens[mention.first : mention.last]
        return any(token.dep in _SUBJECT_DEPS for token in tokens)

    def _fits(self, mention: Mention, word: str, labels: frozenset[str]) -> bool:
        plural = self.parse.tokens[mention.last - 1].tag in _PLURAL_TAGS
        if word in _PERSON_PRONOUNS:
            # A title names a person too ("Russia's envoy ... her country").
            titled = mention.label == "AGENT" and mention.role not in _INSTITUTIONS and not plural
            titled = titled and mention.code is not None and country_of(mention.code) is not None
            return mention.label in labels or titled
        if mention.code is None:
            return False
        if word in _GROUP_PRONOUNS:
            return (mention.label in labels and plural) or id(mention) in self.compounds
        if word in _THING_PRONOUNS and mention.label == "AGENT":
            return not plural
        return mention.label in labels

    def antecedent(self, token: Token) -> Mention | None:
        word = token.lower
        if word in _PERSON_PRONOUNS:
            labels = _PERSON_LABELS
        elif word in _GROUP_PRONOUNS:
            labels = _GROUP_LABELS
        elif word in _THING_PRONOUNS and (word != "it" or token.dep in _SUBJECT_DEPS):
            labels = _THING_LABELS
        else:
            return None
        sent = self.parse.tokens
        candidates = [
            m
            for m in self.mentions
            if m.last <= token.i
            and token.sent - sent[m.first].sent <= _WINDOW
            and self._fits(m, word, labels)
        ]
        excluded = self._conjoined(token)
        candidates = [m for m in candidates if self._root(m) not in excluded]
        if word in _PERSON_PRONOUNS and candidates:
            candidates = self._persons_first(candidates)
        if not candidates or self._nearer_plural(token, candidates[-1]):
            return None
        # The subject of this sentence before the pronoun, else of the latest sentence with one.
        subjects = [m for m in candidates if self._is_subject(m)]
        return subjects[-1] if subjects else candidates[-1]

    def _persons_first(self, candidates: list[Mention]) -> list[Mention]:
        """Of the latest sentence with a candidate, its persons, else its titles ("Russia's
        envoy ... her country"): a title never wins over a person named with it."""
        tokens = self.parse.tokens
        sentence = tokens[candidates[-1].first].sent
        latest = [m for m in candidates if tokens[m.first].sent == sentence]
        persons = [m for m in latest if m.label == "PERSON"]
        if persons:
            return [m for m in candidates if m.label == "PERSON"]
        return latest

    @staticmethod
    def _root(mention: Mention) -> int:
        """Identity of whom a mention names: the end of its antecedent chain."""
        while mention.antecedent is not None:
            mention = mention.antecedent
        return id(mention)

    def _conjoined(self, token: Token) -> set[int]:
        """Whom the mentions joined to the pronoun by "and" name ("between him and the US
        president": "him" is not the president)."""
        tokens = self.parse.tokens
        joined = {c.i for c in tokens if c.dep == "conj" and c.head == token.i}
        if token.dep == "conj":
            joined.add(token.head)
        return {self._root(m) for m in self.mentions if any(m.first <= i < m.last for i in joined)}

    def _nearer_plural(self, token: Token, candidate: Mention) -> bool:
        """Whether an object "them" has a plural noun that is no actor between it and the
        candidate in its sentence ("halt the war games, calling them provocative")."""
        if token.lower != "them" or token.dep in _SUBJECT_DEPS:
            return False
        tokens = self.parse.tokens
        start = max(candidate.last, token.i - _PLURAL_REACH)
        owned = {i for m in self.mentions for i in range(m.first, m.last)}
        return any(
            t.tag == "NNS" and t.sent == token.sent and t.i not in owned
            for t in tokens[start : token.i]
        )

    def mentions_of(self, covered: Sequence[bool]) -> list[Mention]:
        found: list[Mention] = []
        for token in self.parse.tokens:
            if token.pos != "PRON" or covered[token.i]:
                continue
            antecedent = self.antecedent(token)
            if antecedent is None:
                continue
            while antecedent.antecedent is not None and antecedent.label == "PRON":
                antecedent = antecedent.antecedent
            if antecedent.code is None:
                continue
            rule = f"coref:pronoun:{token.lower}"
            if token.lower in _GROUP_PRONOUNS and id(antecedent) in self.compounds:
                rule += ":compound"
            found.append(
                Mention(
                    token.i,
                    token.i + 1,
                    "PRON",
                    antecedent.code,
                    rule,
                    antecedent.wikidata,
                    antecedent=antecedent,
                )
            )
        return found
