"""Find the source and target actors of a trigger in the dependency tree."""

from __future__ import annotations

from newsevents.model import Token
from newsevents.stages.events._grammar import (
    ACTOR_INSIDE_DEPS,
    LIGHT_VERBS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
)
from newsevents.stages.events._index import ArticleIndex, Mention

# Clause links through which a verb without its own subject shares its governor's subject.
_SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "acomp"})
# Raising a subject more than a few clauses up finds the wrong actor more often than the right one.
_MAX_CLIMB = 3
_INSIDE_DEPTH = 2
_PLURAL_POSSESSIVES = frozenset({"their"})
_CONJOINED_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Participles that make their modifier an owner ("a British-flagged tanker", "the rebel-held
# enclave", "the Saudi-led coalition"); "Russian-made jets" names a maker, not an owner, so
# "made" is left out.
_OWNER_PARTICIPLES = frozenset(
    {"flagged", "registered", "owned", "operated", "crewed", "held", "controlled", "led"}
)
# Where a noun that names an act says whose act it is: "a request by Erdogan", "the appeal
# lodged by the church" (the agent of a participle that modifies it). Study part of the
# ConfliBERT sentences (#11): the object of "rejected", "welcomed" is often such an act.
_BY_DEPS = frozenset({"prep", "agent"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


def actors_at(index: ArticleIndex, token: Token | None) -> list[Mention]:
    """The coded actors that an argument headed by ``token`` denotes, conjuncts included."""
    if token is None:
        return []
    found: list[Mention] = []
    for head in _conjuncts(index, token):
        mention = index.mention(head.i)
        if mention is None:
            inner = _inside(index, head.i, _INSIDE_DEPTH)
        else:
            inner = _conjoined_modifiers(index, head) or [mention]
        for candidate in inner:
            if all(m.entity is not candidate.entity for m in found):
                found.append(candidate)
    return found


def _conjuncts(index: ArticleIndex, token: Token) -> list[Token]:
    heads = [token]
    for head in heads:
        heads.extend(child for child in index.tokens_of(head.i) if child.dep == "conj")
    return heads


def _conjoined_modifiers(index: ArticleIndex, head: Token) -> list[Mention]:
    """The parties of "Indian and Chinese troops", where the head's own mention names only
    the last modifier's country."""
    for child in index.tokens_of(head.i):
        if child.dep in _CONJOINED_MODIFIER_DEPS and child.i < head.i:
            conjuncts = _conjuncts(index, child)
            if len(conjuncts) > 1:
                mentions = [index.mention(conjunct.i) for conjunct in conjuncts]
                found = [mention for mention in mentions if mention is not None]
                if len({id(mention.entity) for mention in found}) > 1:
                    return found
    return []


def _inside(index: ArticleIndex, i: int, depth: int) -> list[Mention]:
    """Actors inside a noun phrase whose head is no actor ("the leader of Iran").

    Conjoined modifiers all count: "Russian and Ukrainian delegations" are two parties.
    """
    if depth == 0:
        return []
    for child in index.tokens_of(i):
        if child.dep in ACTOR_INSIDE_DEPS:
            mentions = (index.mention(conjunct.i) for conjunct in _conjuncts(index, child))
            found = [mention for mention in mentions if mention is not None]
            if not found and child.dep == "compound":
                found = _inside(index, child.i, depth - 1)  # "the US missile strikes"
            elif not found and child.dep == "amod" and child.lower in _OWNER_PARTICIPLES:
                # "a British-flagged tanker"; the parser may hang "Greek" on "flagged" as
                # an adverb, so every modifier of the participle counts.
                mentions = (index.mention(grand.i) for grand in index.tokens_of(child.i))
                found = [mention for mention in mentions if mention is not None]
            if found:
                return found
        elif child.dep == "prep" and child.lower == "of":
            pobj = index.child(child.i, frozenset({"pobj"}))
            if pobj is not None:
                mention = index.mention(pobj.i)
                found = [mention] if mention is not None else _inside(index, pobj.i, depth - 1)
                if found:
                    return found
    return _act_agent(index, i)


def _act_agent(index: ArticleIndex, i: int) -> list[Mention]:
    """Whose act a noun names: its by-phrase, or the by-phrase of a participle modifying it."""
    if index.parse.tokens[i].pos not in _NOUN_POS:
        return []
    heads = [i] + [c.i for c in index.tokens_of(i) if c.dep == "acl" and c.tag == "VBN"]
    for head in heads:
        for child in index.tokens_of(head):
            if child.dep in _BY_DEPS and child.lower == "by":
                found = actors_at(index, index.child(child.i, frozenset({"pobj"})))
                if found:
                    return found
    return []


def is_passive(index: ArticleIndex, verb: Token) -> bool:
    return any(
        child.dep in PASSIVE_SUBJECT_DEPS or child.dep == "auxpass"
        for child in index.tokens_of(verb.i)
    )


def verb_sources(index: ArticleIndex, verb: Token) -> list[Mention]:
    """The agents of ``verb``: its subject, the by-phrase of a passive, or a shared subject."""
    if is_passive(index, verb):
        agent = index.child(verb.i, frozenset({"agent"}))
        pobj = index.child(agent.i, frozenset({"pobj"})) if agent else None
        return actors_at(index, pobj)
    found = actors_at(index, subject_of(index, verb))
    if not found:
        # "..., expressed his optimism": a verb without a subject takes its object's possessor.
        obj = index.child(verb.i, frozenset({"dobj"}))
        possessor = index.child(obj.i, frozenset({"poss"})) if obj is not None else None
        found = actors_at(index, possessor)
    return found


def subject_of(index: ArticleIndex, verb: Token) -> Token | None:
    """The subject token of ``verb``, climbing coordination, control and participle clauses."""
    tokens = index.parse.tokens
    current = verb
    for _ in range(_MAX_CLIMB):
        subject = _nearest_subject(index, current)
        if subject is not None:
            if subject.lower in RELATIVE_PRONOUNS and current.dep == "relcl":
                return tokens[current.head]
            return subject
        noun = tokens[current.head]
        if current.dep == "acl" and current.tag == "VBG":
            if noun.dep == "dobj" and not actors_at(index, noun):
                # "issued a statement urging North Korea to ...": the statement's issuer urges
                # (study part of the ConfliBERT sentences, #11).
                current = tokens[noun.head]
                continue
            return noun
        if current.dep == "acl" and current.tag == "VB" and noun.dep == "dobj":
            current = tokens[noun.head]  # "Japan has no plans to send troops": Japan sends
            continue
        if current.dep not in _SHARED_SUBJECT_DEPS or current.head == current.i:
            return None
        current = tokens[current.head]
    return None


def _nearest_subject(index: ArticleIndex, verb: Token) -> Token | None:
    """The subject of ``verb``; of two (a misparse of "X did A, and Y said"), the nearer."""
    subjects = [
        child
        for child in index.tokens_of(verb.i)
        if child.dep in SUBJECT_DEPS or child.dep in PASSIVE_SUBJECT_DEPS
    ]
    if len(subjects) > 1:
        return max(subjects, key=lambda child: child.i if child.i < verb.i else -1)
    return subjects[0] if subjects else None


def noun_sources(index: ArticleIndex, noun: Token) -> list[Mention]:
    """The agents of an event noun: possessor, actor modifier, by-phrase or light-verb subject."""
    tokens = index.parse.tokens
    parties = between_parties(index, noun)
    if parties:
        # "The Singapore summit between Trump and Kim": the between-phrase names the parties,
        # so a place compounded with the noun is the venue.
        return parties[:1]
    for child in index.tokens_of(noun.i):
        if child.dep == "poss" and child.lower in _PLURAL_POSSESSIVES:
            # "Moon and Kim met. Their summit ...": everyone the antecedent phrase names.
            found = actors_at(index, index.antecedent_token(child.i))
            if len(found) > 1:
                return found
        if child.dep == "poss" or (child.dep in ACTOR_INSIDE_DEPS and child.i < noun.i):
            found = _hyphenated(index, child) or actors_at(index, child)
            if found:
                return found
        if child.dep == "prep" and child.lower == "by":
            found = actors_at(index, index.child(child.i, frozenset({"pobj"})))
            if found:
                return found
    head = tokens[noun.head]
    if noun.dep in ("dobj", "nsubjpass") and head.lemma.lower() in LIGHT_VERBS:
        return verb_sources(index, head) if noun.dep == "dobj" else []
    return []


def _hyphenated(index: ArticleIndex, modifier: Token) -> list[Mention]:
    """The parties of a hyphenated compound: "the Trump-Kim summit", "US-Russia talks"."""
    tokens = index.parse.tokens
    chain = [modifier]
    for token in chain:
        chain.extend(c for c in index.tokens_of(token.i) if c.dep == "compound")
    if not any(tokens[i].tag == "HYPH" for t in chain for i in index.children[t.i]):
        return []
    found: list[Mention] = []
    for token in sorted(chain, key=lambda t: t.i):
        mention = index.mention(token.i)
        if mention is not None and all(m.entity is not mention.entity for m in found):
            found.append(mention)
    return found if len(found) > 1 else []


def between_parties(index: ArticleIndex, noun: Token) -> list[Mention]:
    """The distinct parties of "talks between X and Y" (a pronoun that repeats the other
    party's actor is resolved again, see ``ArticleIndex.other_person``)."""
    prep = next(
        (c for c in index.tokens_of(noun.i) if c.dep == "prep" and c.lower == "between"), None
    )
    if prep is None:
        return []
    pobj = index.child(prep.i, frozenset({"pobj"}))
    if pobj is None and prep.i + 1 < len(index.parse.tokens):
        pobj = index.parse.tokens[prep.i + 1]  # the model left "between Trump and Kim" unattached
    parties = actors_at(index, pobj)
    for position, mention in enumerate(parties):
        others = {m.actor for m in parties if m is not mention}
        if mention.actor in others and mention.entity.label == "PRON":
            replacement = index.other_person(mention, others)
            if replacement is not None:
                parties[position] = replacement
    return parties
