"""The actor stage: find actor mentions in a parse and give them CAMEO actor codes.

Mentions come from the dictionaries (persons, organizations, countries, capitals, agents),
composed the way titles are written ("US Secretary of State Mike Pompeo" is one mention,
"the North Korean Foreign Ministry" is PRK + GOV), from the parser's named entities the
dictionaries do not know (kept with no code so they can be reviewed), and from
within-article coreference (surnames, "the president", "the North", he/she/they/it).

Capitals are metonyms for the government when they are the subject of a verb ("Pyongyang
said" -> PRKGOV); elsewhere ("in Pyongyang") they are places carrying the country's code.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from newsevents.dictionaries.actor_entries import (
    PhraseEntry,
    case_ok,
    country_of,
    select_actor,
)
from newsevents.dictionaries.actors import ActorDictionaries
from newsevents.model import Actor, Article, Entity, Parse, Token

# spaCy NER labels (OntoNotes) that name possible actors, and places/events kept for later stages.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"LOC", "FAC", "EVENT"})
# NER spans inside which a country word is not an actor ("the Korean War").
_OPAQUE_LABELS = frozenset({"EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
_NAME_POS = frozenset({"PROPN"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LABELS: dict[str, str] = {
    "person": "PERSON",
    "country": "GPE",
    "capital": "GPE",
    "demonym": "NORP",
    "org": "ORG",
    "agent": "AGENT",
}
_MODIFIER_KINDS = frozenset({"country", "capital", "demonym", "org"})
# Pronouns resolved to an earlier mention, and which mentions they may refer to.
_PERSON_PRONOUNS = frozenset({"he", "him", "she", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PRONOUN_WINDOW = 2  # sentences back where a pronoun's antecedent may be
# "the North"/"the South" name a Korea once the article mentions one (issue 3).
_KOREA_CONTEXT = {"north": "PRK", "south": "KOR"}
_KOREAS = frozenset({"PRK", "KOR"})
_TITLE_WORDS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "madam"})


@dataclass(slots=True)
class _Piece:
    """A dictionary phrase found at tokens ``[first, last)``."""

    first: int
    last: int
    entry: PhraseEntry


@dataclass(slots=True, eq=False)
class _Mention:
    """A mention being resolved; becomes an ``Entity``."""

    first: int
    last: int
    label: str
    code: str | None = None
    rule: str | None = None
    wikidata: str | None = None
    role: str | None = None  # the title that "the <role>" may later refer back to
    names: frozenset[str] = frozenset()  # lower-case words of a person's name
    title_code: str | None = None  # the code the title alone gives an unknown person
    antecedent: _Mention | None = None
    pieces: list[_Piece] = field(default_factory=list)


def _texts(parse: Parse) -> list[str]:
    # Whitespace tokens end every phrase: phrases never run across lines.
    return ["" if token.is_space else token.text for token in parse.tokens]


def _ner_of(parse: Parse) -> list[int]:
    """Index of the NER span of each token, -1 when none."""
    owner = [-1] * len(parse.tokens)
    for index, span in enumerate(parse.spans):
        for i in range(span.first, span.last):
            owner[i] = index
    return owner


def _acceptable(
    entry: PhraseEntry, first: int, last: int, parse: Parse, owner: Sequence[int]
) -> bool:
    """Check casing, part of speech and named-entity context of a dictionary match."""
    tokens = parse.tokens
    if not case_ok(entry, tokens[first].text):
        return False
    span = parse.spans[owner[first]] if owner[first] >= 0 else None
    if entry.kind == "agent":
        return tokens[last - 1].pos in _NOUN_POS
    whole = span is not None and (span.first, span.last) == (first, last)
    if span is not None and span.label in _OPAQUE_LABELS and not whole:
        return False
    if entry.partial:
        # A surname alone: a proper noun, and the whole of its name ("Ivanka Trump" is not Trump).
        names = all(tokens[i].pos in _NAME_POS or tokens[i].ent_type for i in range(first, last))
        return names and (span is None or whole)
    if entry.kind in ("country", "capital") and span is not None and span.label == "PERSON":
        return whole
    return True


def _pieces(parse: Parse, dictionaries: ActorDictionaries, owner: Sequence[int]) -> list[_Piece]:
    """Find dictionary phrases left to right, longest first; discards hide what they cover."""
    texts = _texts(parse)
    pieces: list[_Piece] = []
    i = 0
    while i < len(texts):
        if not texts[i] or not dictionaries.starts(texts[i]):
            i += 1
            continue
        found = next(
            (
                (entry, end)
                for entry, end in dictionaries.find(texts, i)
                if _acceptable(entry, i, end, parse, owner)
            ),
            None,
        )
        if found is None:
            i += 1
            continue
        entry, end = found
        if entry.kind != "discard":
            pieces.append(_Piece(i, end, entry))
        i = end
    return pieces


def _joinable(parse: Parse, left: _Piece, right: _Piece) -> bool:
    """Whether two pieces belong to one title phrase ("US" + "President" + "Donald Trump")."""
    if left.entry.kind == "person" and right.entry.kind != "agent":
        return False
    if right.entry.kind in _MODIFIER_KINDS and left.entry.kind == "agent":
        return False
    gap = parse.tokens[left.last : right.first]
    return all(token.tag == "POS" for token in gap) and len(gap) <= 1


def _groups(parse: Parse, pieces: list[_Piece]) -> Iterator[list[_Piece]]:
    group: list[_Piece] = []
    for piece in pieces:
        if group and not _joinable(parse, group[-1], piece):
            yield group
            group = []
        group.append(piece)
    if group:
        yield group


def _combine(base: str | None, role: str) -> str | None:
    """Combine a country/organization code with a ``~ROLE`` or ``ROLE~`` agent code."""
    if role.endswith("~"):
        return role[:-1] + base if base else role[:-1]
    role = role.lstrip("~")
    if base is None:
        return None
    if len(base) == 3 and country_of(base) is not None:
        return base + role
    return base  # "State Department spokesman": USAGOV already says who


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


class _Resolver:
    """Resolve one article's mentions; holds the article-wide state coreference needs."""

    def __init__(self, parse: Parse, article: Article, dictionaries: ActorDictionaries) -> None:
        self.parse = parse
        self.date = article.date[:10] if article.date else None
        self.dictionaries = dictionaries
        self.owner = _ner_of(parse)
        self.mentions: list[_Mention] = []

    def _select(self, entry: PhraseEntry) -> Actor | None:
        return select_actor(entry, self.date)

    def _title(self, pieces: list[_Piece]) -> tuple[str | None, str | None, str | None]:
        """Code, rule and role given by modifiers and agents (the person left out)."""
        base: str | None = None
        rule: str | None = None
        role: str | None = None
        alone = True
        for piece in pieces:
            entry = piece.entry
            actor = self._select(entry)
            if entry.kind == "agent" and actor is not None:
                code = _combine(base, actor.code)
                alone = entry.alone
                if code is None and entry.alone:
                    code = actor.code.strip("~")
                if code is not None:
                    base, rule, role = code, actor.entry, entry.role or role
            elif entry.kind in _MODIFIER_KINDS and actor is not None:
                base, rule = actor.code, actor.entry
            elif entry.kind == "person" and actor is not None:
                base, rule = country_of(actor.code) or actor.code, actor.entry
        if base is not None and not alone and len(pieces) == 1:
            base = None
        return base, rule, role

    def _from_group(self, group: list[_Piece]) -> _Mention | None:
        person = next((piece for piece in group if piece.entry.kind == "person"), None)
        first, last = group[0].first, group[-1].last
        if person is not None and person is group[-1]:
            return self._person_mention(group, person)
        code, rule, role = self._title(group)
        kinds = {piece.entry.kind for piece in group}
        label = "AGENT" if "agent" in kinds else _LABELS[group[-1].entry.kind]
        if group[-1].entry.kind == "country" and not group[-1].entry.actors:
            label = "LOC"
        if code is None and label == "AGENT":
            return None
        if len(group) == 1 and group[0].entry.kind == "capital" and code is not None:
            code, rule = self._capital(group[0], code, rule)
        return _Mention(first, last, label, code, rule, role=role, pieces=group)

    def _capital(self, piece: _Piece, code: str, rule: str | None) -> tuple[str, str]:
        head = self.parse.tokens[piece.last - 1]
        if head.dep in _SUBJECT_DEPS:
            return code + "GOV", f"capital:metonym:{piece.entry.text}"
        return code, f"capital:place:{piece.entry.text}"

    def _person_mention(self, group: list[_Piece], person: _Piece) -> _Mention:
        actor = self._select(person.entry)
        titles = group[:-1]
        code, rule, role = self._title(titles) if titles else (None, None, None)
        names = frozenset(self._words(person.first, person.last))
        mention = _Mention(group[0].first, group[-1].last, "PERSON", pieces=group, names=names)
        mention.role = person.entry.role or role
        if actor is not None:
            mention.code, mention.rule, mention.wikidata = actor.code, actor.entry, actor.wikidata
        elif code is not None:
            mention.code, mention.rule = code, f"title:{rule}"
        else:
            wikidata = next((a.wikidata for a in person.entry.actors if a.wikidata), None)
            mention.wikidata = wikidata
            mention.rule = f"builtin:persons:{person.entry.text} (no role)"
        return mention

    def _words(self, first: int, last: int) -> list[str]:
        return [
            token.text.lower()
            for token in self.parse.tokens[first:last]
            if token.text[:1].isalnum()
        ]

    def build(self) -> list[_Mention]:
        pieces = _pieces(self.parse, self.dictionaries, self.owner)
        mentions = [m for group in _groups(self.parse, pieces) if (m := self._from_group(group))]
        mentions = self._add_ner(mentions)
        mentions.sort(key=lambda mention: mention.first)
        self.mentions = mentions
        self._resolve_names()
        self._resolve_descriptions()
        self._add_context_mentions()
        self._add_pronouns()
        self.mentions.sort(key=lambda mention: mention.first)
        return self.mentions

    def _add_ner(self, mentions: list[_Mention]) -> list[_Mention]:
        covered = [None] * len(self.parse.tokens)  # type: list[_Mention | None]
        for mention in mentions:
            for i in range(mention.first, mention.last):
                covered[i] = mention
        for span in self.parse.spans:
            if span.label not in _ACTOR_LABELS and span.label not in _PLACE_LABELS:
                continue
            if any(covered[i] for i in range(span.first, span.last)):
                continue
            before = covered[span.first - 1] if span.first else None
            if span.label == "PERSON" and before is not None and before.label == "AGENT":
                self._attach_name(before, span.first, span.last, covered)
            else:
                mentions.append(self._ner_mention(span.first, span.last, span.label))
        return mentions

    def _ner_mention(self, first: int, last: int, label: str) -> _Mention:
        while last > first and self.parse.tokens[last - 1].is_space:
            last -= 1
        mention = _Mention(first, last, label, rule="ner")
        if label == "PERSON":
            mention.names = frozenset(self._words(first, last))
        return mention

    def _attach_name(
        self, mention: _Mention | None, first: int, last: int, covered: list[_Mention | None]
    ) -> None:
        """A title mention followed by an unknown name: the name belongs to it."""
        if mention is None or first != mention.last:
            return
        mention.last = last
        mention.label = "PERSON"
        mention.names = frozenset(self._words(first, last))
        mention.title_code, mention.code = mention.code, None
        for i in range(first, last):
            covered[i] = mention

    def _resolve_names(self) -> None:
        """Give an unknown name the code of an earlier (or, failing that, later) full name."""
        known = [m for m in self.mentions if m.label == "PERSON" and m.code and m.names]
        for mention in self.mentions:
            if mention.code is not None or not mention.names:
                continue
            if mention.label not in ("PERSON", "ORG", "GPE"):
                continue
            antecedent = self._name_antecedent(mention, known)
            if antecedent is not None:
                mention.label = "PERSON"
                mention.code, mention.wikidata = antecedent.code, antecedent.wikidata
                mention.rule, mention.antecedent = "coref:name", antecedent
                mention.role = mention.role or antecedent.role
            elif mention.title_code is not None:
                mention.code, mention.rule = mention.title_code, "title"

    def _name_antecedent(self, mention: _Mention, known: list[_Mention]) -> _Mention | None:
        matches = [m for m in known if m is not mention and mention.names <= m.names]
        before = [m for m in matches if m.first < mention.first]
        if before:
            return before[-1]
        return matches[0] if matches else None

    def _resolve_descriptions(self) -> None:
        """ "the president", "Mr. President": the latest person holding that role."""
        for mention in self.mentions:
            if mention.label != "AGENT" or mention.role is None:
                continue
            if any(piece.entry.kind != "agent" for piece in mention.pieces):
                self._link_same_role(mention)
                continue
            antecedent = self._role_antecedent(mention)
            if antecedent is not None:
                mention.code, mention.rule = antecedent.code, "coref:role"
                mention.antecedent = antecedent
                mention.wikidata = antecedent.wikidata

    def _role_antecedent(self, mention: _Mention) -> _Mention | None:
        previous = self.parse.tokens[mention.first - 1] if mention.first else None
        definite = previous is not None and (
            previous.lower in ("the", "this") or previous.lower in _TITLE_WORDS
        )
        if not definite:
            return None
        candidates = [
            m
            for m in self.mentions
            if m.first < mention.first and m.label == "PERSON" and m.code and m.role == mention.role
        ]
        return candidates[-1] if candidates else None

    def _link_same_role(self, mention: _Mention) -> None:
        candidates = [
            m
            for m in self.mentions
            if m.first < mention.first
            and m.label == "PERSON"
            and m.code == mention.code
            and m.role == mention.role
        ]
        if candidates:
            mention.antecedent = candidates[-1]

    def _covered(self) -> list[bool]:
        covered = [False] * len(self.parse.tokens)
        for mention in self.mentions:
            for i in range(mention.first, mention.last):
                covered[i] = True
        return covered

    def _add_context_mentions(self) -> None:
        """ "the North" / "the South" in an article about the Koreas."""
        koreas = {m.code[:3] for m in self.mentions if m.code and m.code[:3] in _KOREAS}
        if not koreas:
            return
        covered = self._covered()
        uncoded = {m.first: m for m in self.mentions if m.code is None and m.last == m.first + 1}
        tokens = self.parse.tokens
        for token in tokens:
            code = _KOREA_CONTEXT.get(token.lower)
            if code is None or not token.text[:1].isupper() or token.i == 0:
                continue
            following = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
            if tokens[token.i - 1].lower != "the" or (following and following.pos in _NOUN_POS):
                continue
            mention = uncoded.get(token.i)
            if mention is not None:
                mention.label, mention.code, mention.rule = "GPE", code, "context:korea"
            elif not covered[token.i]:
                self.mentions.append(_Mention(token.i, token.i + 1, "GPE", code, "context:korea"))

    def _add_pronouns(self) -> None:
        covered = self._covered()
        found: list[_Mention] = []
        for token in self.parse.tokens:
            if covered[token.i] or token.pos != "PRON":
                continue
            antecedent = self._pronoun_antecedent(token)
            if antecedent is not None:
                while antecedent.antecedent is not None and antecedent.label == "PRON":
                    antecedent = antecedent.antecedent
                found.append(
                    _Mention(
                        token.i,
                        token.i + 1,
                        "PRON",
                        antecedent.code,
                        f"coref:pronoun:{token.lower}",
                        antecedent.wikidata,
                        antecedent=antecedent,
                    )
                )
        self.mentions.extend(found)

    def _pronoun_antecedent(self, token: Token) -> _Mention | None:
        word = token.lower
        if word in _PERSON_PRONOUNS and not (word == "her" and token.dep == "poss"):
            labels: frozenset[str] = frozenset({"PERSON"})
        elif word in _GROUP_PRONOUNS:
            labels = frozenset({"AGENT", "NORP"})
        elif word == "it" and token.dep in _SUBJECT_DEPS:
            labels = frozenset({"ORG", "GPE"})
        else:
            return None
        candidates = [
            m
            for m in self.mentions
            if m.last <= token.i
            and m.label in labels
            and m.code is not None
            and token.sent - self.parse.tokens[m.first].sent <= _PRONOUN_WINDOW
            and (word not in _GROUP_PRONOUNS or self.parse.tokens[m.last - 1].tag in _PLURAL_TAGS)
        ]
        if not candidates:
            return None
        if token.dep in _SUBJECT_DEPS:
            subjects = [m for m in candidates if self._is_subject(m)]
            if subjects and self.parse.tokens[subjects[-1].first].sent < token.sent:
                return subjects[-1]
        return candidates[-1]

    def _is_subject(self, mention: _Mention) -> bool:
        return any(
            token.dep in _SUBJECT_DEPS for token in self.parse.tokens[mention.first : mention.last]
        )


def _entity(parse: Parse, mention: _Mention, index_of: dict[int, int]) -> Entity:
    first = parse.tokens[mention.first]
    last = parse.tokens[mention.last - 1]
    antecedent = index_of.get(id(mention.antecedent)) if mention.antecedent else None
    return Entity(
        article_id=parse.article_id,
        start=first.start,
        end=last.end,
        text=parse.text[first.start : last.end],
        label=mention.label,
        actor=mention.code,
        sentence=first.sent,
        rule=mention.rule,
        antecedent=antecedent,
        wikidata=mention.wikidata,
    )


def extract_actors(
    parse: Parse, *, article: Article, dictionaries: ActorDictionaries
) -> tuple[Entity, ...]:
    """Return every actor mention of the article in text order, with CAMEO actor codes.

    Args:
        parse: the parsed article.
        article: the article; its ``date`` (publication date) picks date-restricted codes.
        dictionaries: from ``load_actor_dictionaries``.
    """
    mentions = _Resolver(parse, article, dictionaries).build()
    index_of = {id(mention): index for index, mention in enumerate(mentions)}
    return tuple(_entity(parse, mention, index_of) for mention in mentions)
