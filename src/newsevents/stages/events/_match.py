"""Match lexicon patterns against verbs and event nouns and collect their actor arguments."""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.dictionaries.lexicon import NULL_CODE, Pattern
from newsevents.model import Token
from newsevents.stages.events._arguments import (
    actors_at,
    between_parties,
    is_passive,
    noun_sources,
    verb_sources,
)
from newsevents.stages.events._grammar import (
    COMPLEMENT_DEPS,
    LIGHT_VERBS,
    MODIFIER_DEPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PREP_DEPS,
    SUBJECT_DEPS,
    SYMMETRIC_CODES,
    VENUE_ROOTS,
)
from newsevents.stages.events._index import ArticleIndex, Mention, same_party

_POBJ = frozenset({"pobj", "pcomp"})
_XCOMP = frozenset({"xcomp"})
_DATIVE = frozenset({"dative"})
_CCOMP = frozenset({"ccomp"})
# Prepositions that introduce the other party of an event object; "of" names possessors and parts.
# "for" names whom support, condolences or concern are for ("expressed concern for Buhari's
# health"; study part of the ConfliBERT sentences, #11).
_TARGET_PREPS = frozenset(
    {"with", "to", "from", "against", "on", "toward", "towards", "about", "over", "for"}
)
# "A ceasefire in Sudan", "its base in Qatar": the place is the party, except where it is the
# venue of a joint event (VENUE_ROOTS, SYMMETRIC_CODES).
_PLACE_PREPS = _TARGET_PREPS | {"in"}
_NESTED_DEPTH = 2
_OF = frozenset({"of"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_VERBS = frozenset({"VERB", "AUX"})
# A country's own side: its bare code, the sectors that act for it and its people (CAMEO role
# codes); "refused to open the border to refugees" names no other party.
_OWN_SECTORS = frozenset({"", "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "CVL", "REF"})
_NPADVMOD = frozenset({"npadvmod"})
# Dependencies a pattern may require as "+~dep": the predicate of "called X a mistake".
_DEP_REQUIREMENTS = frozenset({"oprd"})
# "$6 billion in Iranian funds", "$1 billion of aid": the phrase names what the amount is
# (coder gaps of tests/unit/stages/test_events_coverage.py, round 7).
_AMOUNT_PREPS = frozenset({"in", "of"})
# The sources' entities (by identity) and the sources themselves: what no target may be.
_Taken = tuple[set[int], tuple[Mention, ...]]


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern that fired on a trigger, with the tokens it used and the actors it found."""

    pattern: Pattern
    trigger: Token
    obj: Token | None
    words: tuple[Token, ...]  # trigger, particles and object: the words of the rule
    sources: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    code: str = ""
    rule: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            object.__setattr__(self, "code", self.pattern.code)
        if not self.rule:
            lemmas = [self.pattern.kind, *(token.lemma.lower() for token in self.words)]
            rule = ":".join(lemmas) + f"->{self.pattern.code}"
            # Every pattern names its data line (file:line), so ``explain`` leads to the entry.
            entry = f"@{self.pattern.entry}" if self.pattern.entry else ""
            object.__setattr__(self, "rule", rule + entry)


def match_verb(index: ArticleIndex, verb: Token, patterns: tuple[Pattern, ...]) -> Match | None:
    """The most specific pattern that matches ``verb``, with its arguments.

    ``patterns`` are in layer order: once a pattern above the Phoenix base matched, the base's
    patterns (which could not win) are not tried.
    """
    found: list[tuple[Pattern, tuple[Token | None, tuple[Token, ...]]]] = []
    for pattern in patterns:
        if pattern.base and found:
            break
        shape = _verb_shape(index, verb, pattern)
        if shape is not None:
            found.append((pattern, shape))
    return _best(index, verb, found, tuple(verb_sources(index, verb)))


def match_noun(index: ArticleIndex, noun: Token, patterns: tuple[Pattern, ...]) -> Match | None:
    """The most specific pattern that matches the event noun ``noun``, with its arguments.

    A noun event needs a source: "the summit with Moon" alone does not say who held it, unless
    a quote's speaker may supply it ("the first meeting with you").
    """
    sources = tuple(noun_sources(index, noun))
    if not sources and index.speaker_at(noun.start) is None:
        return None
    found = [
        (pattern, _prep_object(index, noun, pattern))
        for pattern in patterns
        if all(_has_modifier(index, noun, group) for group in pattern.modifiers)
    ]
    return _best(index, noun, [(p, shape) for p, shape in found if shape is not None], sources)


def _best(
    index: ArticleIndex,
    trigger: Token,
    shapes: list[tuple[Pattern, tuple[Token | None, tuple[Token, ...]]]],
    sources: tuple[Mention, ...],
) -> Match | None:
    """The most specific matching pattern (file order breaks ties) whose target needs are met;
    the Phoenix base layer's patterns only after every other layer's."""
    shapes.sort(key=lambda item: (item[0].base, -item[0].specificity))
    for pattern, (obj, words) in shapes:
        if pattern.code == NULL_CODE:
            return None  # a user dictionary's "[---]": this use of the verb is no event
        targets = _targets(index, trigger, pattern, obj, sources)
        if targets or not pattern.target_required:
            return Match(pattern, trigger, obj, (trigger, *words), sources, targets)
    return None


def _verb_shape(
    index: ArticleIndex, verb: Token, pattern: Pattern
) -> tuple[Token | None, tuple[Token, ...]] | None:
    if pattern.preps:
        return _prep_object(index, verb, pattern)
    obj = _direct_object(index, verb)
    if pattern.obj and (obj is None or not _object_fits(index, obj, pattern)):
        return None
    return obj, ((obj,) if pattern.obj and obj is not None else ())


def _prep_object(
    index: ArticleIndex, head: Token, pattern: Pattern
) -> tuple[Token | None, tuple[Token, ...]] | None:
    """Check the required particles/prepositions; the object is the last one's complement."""
    words: list[Token] = []
    obj: Token | None = None
    for group in pattern.preps:
        prep = _prep_child(index, head, group)
        if prep is None and "to" in group:
            # "refused to meet": the infinitive complement stands for the preposition "to".
            obj = index.child(head.i, _XCOMP)
            if obj is None:
                return None
            continue
        if prep is None:
            return None
        words.append(prep)
        obj = index.child(prep.i, _POBJ)
    if obj is None or (words and words[-1].dep == "prt"):
        obj = _direct_object(index, head) if head.pos in ("VERB", "AUX") else obj
    if pattern.obj:
        if obj is None or not _object_fits(index, obj, pattern):
            return None
        words.append(obj)
    return obj, tuple(words)


def _prep_child(index: ArticleIndex, head: Token, group: frozenset[str]) -> Token | None:
    """The particle or preposition of ``group``, or a child whose "~dep" the group names.

    A preposition under an objectless one counts as the head's own: the parser reads "pulled
    out of Afghanistan" as "of" under "out".
    """
    for child in index.tokens_of(head.i):
        if child.dep in PREP_DEPS and child.lower in group and not _dated(index, child):
            return child
        if child.dep in _DEP_REQUIREMENTS and f"~{child.dep}" in group:
            return child
    for child in index.tokens_of(head.i):
        if child.dep in PREP_DEPS and index.child(child.i, _POBJ) is None:
            for inner in index.tokens_of(child.i):
                if inner.dep == "prep" and inner.lower in group:
                    return inner
    return None


def _dated(index: ArticleIndex, prep: Token) -> bool:
    """A preposition whose object is a time ("urged Ethiopia on Tuesday to ..."): never the
    particle of "urge on" nor a party's phrase (study part of the ConfliBERT sentences, #11).
    The parser may head "with Syrian President Bashar Assad Tuesday" by the day: an actor
    inside keeps the phrase."""
    pobj = index.child(prep.i, _POBJ)
    if pobj is None or pobj.ent_type not in _TIME_ENTITIES:
        return False
    return not actors_at(index, pobj)


def _direct_object(index: ArticleIndex, verb: Token) -> Token | None:
    obj = (
        index.child(verb.i, OBJECT_DEPS)
        or index.child(verb.i, PASSIVE_SUBJECT_DEPS)
        or index.child(verb.i, _XCOMP)
        or index.child(verb.i, COMPLEMENT_DEPS)
    )
    if obj is None and index.child(verb.i, _DATIVE) is not None:
        # "gave Qatar ten days to ...": the parser reads the second object as an adverb.
        obj = index.child(verb.i, _NPADVMOD)
    return amount_content(index, verb, obj) if obj is not None else None


def amount_content(index: ArticleIndex, verb: Token, obj: Token) -> Token:
    """What an amount buys: "pledged $800 million in military aid" pledges military aid.

    The parser hangs the in-phrase on the amount or on the verb, so both are looked at.
    """
    if obj.tag != "CD" and not any(child.tag == "$" for child in index.tokens_of(obj.i)):
        return obj
    for head in (obj, verb):
        for prep in index.tokens_of(head.i):
            if prep.dep == "prep" and prep.lower in _AMOUNT_PREPS:
                pobj = index.child(prep.i, _POBJ)
                if pobj is not None and pobj.pos == "NOUN":
                    return pobj
    return obj


def object_words(obj: Token) -> tuple[str, str]:
    """The forms an object is looked up by in a pattern: its lemma and its lower case."""
    lemma = obj.lemma.lower()
    if obj.tag == "NNPS" and lemma.endswith("s"):
        lemma = lemma[:-1]  # the model keeps plural proper nouns: "freed five Americans"
    return lemma, obj.lower


def _object_fits(index: ArticleIndex, obj: Token, pattern: Pattern) -> bool:
    if pattern.obj.isdisjoint(object_words(obj)):
        return False
    return all(_has_modifier(index, obj, group) for group in pattern.obj_modifiers)


def _has_modifier(index: ArticleIndex, token: Token, group: frozenset[str]) -> bool:
    """Whether ``token`` or its compound modifier has a modifier of ``group`` ("military aid
    package": "military" modifies "aid")."""
    for child in index.tokens_of(token.i):
        if child.dep in MODIFIER_DEPS and (child.lemma.lower() in group or child.lower in group):
            return True
        nested = child.dep == "compound" and child.i == token.i - 1
        if nested and _has_modifier(index, child, group):
            return True
    return False


def _targets(
    index: ArticleIndex,
    trigger: Token,
    pattern: Pattern,
    obj: Token | None,
    sources: tuple[Mention, ...],
) -> tuple[Mention, ...]:
    taken = ({id(mention.entity) for mention in sources}, sources)
    venue = pattern.code[:2] in VENUE_ROOTS or pattern.code in SYMMETRIC_CODES
    preps = _TARGET_PREPS if venue else _PLACE_PREPS
    for slot in pattern.targets:
        if slot == "+between":
            # "brokered a grain deal between Russia and Ukraine": the object's phrase counts.
            actors = {mention.actor for mention in sources}
            for head in (trigger, obj):
                between = between_parties(index, head) if head is not None else []
                parties = [m for m in between if m.actor not in actors]
                if parties:
                    return tuple(parties)
            continue
        for token in _slot_tokens(index, trigger, pattern, obj, slot):
            found = _untaken(actors_at(index, token), taken)
            if found:
                return found
            if slot.startswith("+"):
                # "sent troops to its base in Qatar": the party is inside the slot's phrase.
                found = _first_nested(index, token, taken, preps)
                if found:
                    return found
    if pattern.code in SYMMETRIC_CODES and len({m.actor for m in sources}) > 1:
        # "British and EU negotiators failed to reach a deal on the Irish border": the joint
        # subjects act on each other; a phrase of the object is the topic (#11).
        return ()
    if venue and obj is not None and obj.dep == "pobj":
        return ()  # "met on the sidelines of the G20 summit": the phrase is the occasion
    # A pattern that names its object and no target slot ("reject|refuse request") still has
    # one: whose request it was (study part of the ConfliBERT sentences, #11). Not a hosted
    # summit: "a summit of European leaders" names the occasion, not a guest.
    owned = bool(pattern.obj) and not venue
    if obj is not None and obj.dep in _XCOMP and obj.pos in _VERBS and not venue:
        # An uncoded content clause: its patient or counterpart is addressed ("threatened to
        # close all borders with Iraqi Kurdistan", "refused to lift the ban on Indian channels").
        return _clause_patient(index, obj, sources, preps)
    if obj is not None and (pattern.targets or owned):
        if pattern.obj:
            # The object is a thing: its owner is the target ("seized a British tanker",
            # "froze the assets of Russian banks", "summoned the Russian ambassador").
            owners = [m for m in actors_at(index, obj) if not _own_side(sources, m)]
            found = _untaken(owners, taken)
            if found:
                return found  # a source's own troops or assets are no target
        # "expressed optimism about the rapprochement with North Korea": the target sits in
        # a prepositional phrase of the object, or one level further down.
        return _first_nested(index, obj, taken, preps)
    return ()


def _clause_patient(
    index: ArticleIndex, verb: Token, sources: tuple[Mention, ...], preps: frozenset[str]
) -> tuple[Mention, ...]:
    """The patient of a content clause, or its counterpart phrase; never the source's own
    country ("refused to open the crossing to refugees", "denied sending troops")."""
    patient = index.child(verb.i, OBJECT_DEPS)
    places = [patient] if patient is not None else []
    places += _nested_pobjs(index, patient, _NESTED_DEPTH, preps) if patient is not None else []
    places += _nested_pobjs(index, verb, _NESTED_DEPTH, preps)
    for token in places:
        foreign = [m for m in actors_at(index, token) if not _own_side(sources, m)]
        if foreign:
            return tuple(foreign)
    return ()


def _own_side(sources: tuple[Mention, ...], mention: Mention) -> bool:
    """Whether ``mention`` is a source's own country, state or people ("India sent its
    troops"); a state and its insurgents or opposition are two sides ("the Taliban rejected an
    Afghan government offer"; study part of the ConfliBERT sentences, #11)."""
    for source in sources:
        if source.actor[:3] != mention.actor[:3]:
            continue
        sectors = {source.actor[3:6], mention.actor[3:6]}
        if len(sectors) == 1 or sectors <= _OWN_SECTORS:
            return True
    return False


def _untaken(mentions: list[Mention], taken: _Taken) -> tuple[Mention, ...]:
    """The mentions that are neither a source nor of a source's own party: "optimism about
    its talks with Washington" looks past "its" to Washington instead of losing the event."""
    entities, sources = taken
    return tuple(
        mention
        for mention in mentions
        if id(mention.entity) not in entities
        and not any(same_party(source, mention) for source in sources)
    )


def _first_nested(
    index: ArticleIndex, head: Token, taken: _Taken, preps: frozenset[str]
) -> tuple[Mention, ...]:
    for token in _nested_pobjs(index, head, _NESTED_DEPTH, preps):
        found = _untaken(actors_at(index, token), taken)
        if found:
            return found
    return ()


def _nested_pobjs(
    index: ArticleIndex, head: Token, depth: int, preps: frozenset[str]
) -> list[Token]:
    found: list[Token] = []
    for prep in index.tokens_of(head.i):
        if prep.dep == "acl" and prep.tag == "VBN":
            # "lifted sanctions imposed on Eritrea": the participle's phrase is the object's.
            found.extend(_nested_pobjs(index, prep, depth, preps))
        elif prep.dep == "prep" and prep.lower in preps:
            pobj = index.child(prep.i, _POBJ)
            if pobj is not None:
                found.append(pobj)
                if depth > 1:
                    found.extend(_nested_pobjs(index, pobj, depth - 1, preps))
    return found


def _slot_tokens(
    index: ArticleIndex, trigger: Token, pattern: Pattern, obj: Token | None, slot: str
) -> list[Token]:
    tokens = index.parse.tokens
    if slot == "obj":
        if pattern.obj:
            # The matched object is a thing ("aid"); the target is the verb's own patient.
            patient = index.child(trigger.i, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            return [patient] if patient is not None and patient is not obj else []
        if is_passive(index, trigger) and trigger.pos in ("VERB", "AUX"):
            return [t for t in [index.child(trigger.i, PASSIVE_SUBJECT_DEPS)] if t is not None]
        if obj is None:
            # "warned that Ukraine's membership would ...": the clause's subject is addressed.
            clause = index.child(trigger.i, _CCOMP)
            obj = index.child(clause.i, SUBJECT_DEPS) if clause is not None else None
        return [obj] if obj is not None else []
    if slot == "dobj":
        patient = index.child(trigger.i, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return [patient] if patient is not None else []
    if slot == "dative":
        dative = index.child(trigger.i, _DATIVE)
        if dative is not None and dative.pos == "ADP":
            dative = index.child(dative.i, _POBJ)
        return [dative] if dative is not None else []
    found: list[Token] = []
    heads = [trigger] + ([obj] if obj is not None else [])
    if obj is not None:
        # "signed a memorandum of understanding with China": the of-phrase is part of the name.
        of = _prep_child(index, obj, _OF)
        named = index.child(of.i, _POBJ) if of is not None else None
        if named is not None:
            heads.append(named)
    if trigger.dep == "dobj" and tokens[trigger.head].lemma.lower() in LIGHT_VERBS:
        heads.append(tokens[trigger.head])  # "held talks ... with Iran"
    for head in heads:
        prep = _prep_child(index, head, frozenset({slot.lstrip("+")}))
        pobj = index.child(prep.i, _POBJ) if prep is not None else None
        if pobj is not None:
            found.append(pobj)
    return found
