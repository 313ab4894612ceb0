"""The event stage: code who did what to whom (CAMEO, PLOVER) with mode, evidence and rule."""

from __future__ import annotations

import dataclasses

from newsevents.dictionaries.lexicon import Lexicon
from newsevents.model import Article, Entity, Event, Parse, Quote, Token
from newsevents.stages.events._assemble import (
    Draft,
    drafts_of,
    merge_events,
    statement_drafts,
    to_event,
)
from newsevents.stages.events._frames import counterpart
from newsevents.stages.events._grammar import (
    BACKGROUND_PREPS,
    LIGHT_VERBS,
    OCCURRENCE_VERBS,
    PRESUPPOSING_PREPS,
)
from newsevents.stages.events._headline import dateline_end, headline_end, split_headline
from newsevents.stages.events._index import ArticleIndex, build_index
from newsevents.stages.events._match import (
    Match,
    amount_content,
    match_noun,
    match_verb,
    object_words,
)
from newsevents.stages.events._meetings import (
    joint_we,
    military_movement,
    third_location,
    visit_meeting,
)
from newsevents.stages.events._modality import event_mode

__all__ = ["extract_events"]

_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
_OBJECT_DEPS = frozenset({"dobj"})
# Prepositions that introduce a verb's reason or content: "thanked X for", "accused X of".
_CONTENT_PREPS = frozenset({"for", "of"})
# A bare appeal or intent (CAMEO 020, 030) whose content the lexicon cannot code says too little
# to be an event unless someone is addressed; measured on the dev set (issue 4).
_VAGUE_CODES = frozenset({"020", "030"})
# CAMEO 11 (disapprove): what an accusation alleges has not been established.
_DISAPPROVE_ROOT = "11"
# CAMEO 016 (deny responsibility): what is denied is no event either ("denied sending troops").
_DENY_CODES = frozenset({"016"})
_DENIED_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
# PETRARCH2 codes "will not attack" as an attack: its patterns (the Phoenix base layer) were
# written for reported facts, so a base pattern codes only asserted events (issue 11; measured on
# the team's event-free sentences, docs/events.md).
_ASSERTED = "asserted"


def extract_events(
    parse: Parse,
    *,
    article: Article,
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    lexicon: Lexicon,
    one_a_story: bool = True,
) -> tuple[Event, ...]:
    """Code the events of one article.

    An event needs a verb or noun trigger from ``lexicon`` and at least one coded actor among
    ``entities``. With ``one_a_story`` the same (source, target, code, mode) reported in several
    sentences is one event whose ``evidence`` lists them all.
    """
    end = headline_end(parse, article)
    body = split_headline(parse, end)
    dateline = dateline_end(body, end)
    if dateline:
        body = split_headline(body, dateline)  # the dateline is no part of the first sentence
    index = build_index(body, entities, quotes)
    drafts: list[Draft] = []
    for sentence in parse.sentences:
        if sentence.index in index.actor_sentences:
            drafts.extend(_sentence_drafts(index, parse.sentence_tokens(sentence), lexicon))
    drafts = statement_drafts(index, quotes, drafts, lexicon)
    events = [to_event(article, draft) for draft in drafts]
    return merge_events(events, headline_end=end, one_a_story=one_a_story)


def _sentence_drafts(
    index: ArticleIndex, tokens: tuple[Token, ...], lexicon: Lexicon
) -> list[Draft]:
    matches: dict[int, Match] = {}
    for token in tokens:
        match = _verb_match(index, token, lexicon) if _is_verb(index, token) else None
        if match is not None:
            matches[token.i] = match
    _yield_to_team_nouns(matches, lexicon)
    consumed = _consumed(index, matches)
    for i in _alleged(index, matches) & matches.keys():
        del matches[i]
    for token in tokens:
        if token.pos not in _NOUN_POS or token.i in consumed or _mentioned(index, token):
            continue
        patterns = lexicon.nouns.get(token.lemma.lower())
        match = match_noun(index, token, patterns) if patterns else None
        if match is not None:
            matches[token.i] = match
    drafts: list[Draft] = []
    for i in sorted(_apply_frames(index, matches)):
        match = matches[i]
        if match.code in _VAGUE_CODES and not match.targets:
            continue  # "agreed to work toward ...", "urged caution": no content, no one addressed
        if military_movement(index, match):
            continue
        mode = event_mode(index, match.trigger)
        if match.pattern.base and (mode != _ASSERTED or not _dyadic(match)):
            continue
        drafts.extend(drafts_of(third_location(index, joint_we(index, match)), mode))
        meeting = visit_meeting(index, match)
        if meeting is not None:
            drafts.extend(drafts_of(third_location(index, meeting), mode))
    return drafts


def _dyadic(match: Match) -> bool:
    """Whether a match joins two parties of different countries or organizations."""
    sources = {mention.actor[:3] for mention in match.sources}
    targets = {mention.actor[:3] for mention in match.targets}
    return bool(sources) and bool(targets - sources)


def _yield_to_team_nouns(matches: dict[int, Match], lexicon: Lexicon) -> None:
    """Drop a Phoenix verb pattern whose object is an event noun of the team's lexicon: "made a
    surprise trip to Pyongyang" is the team's trip (042), not Phoenix's "MAKE TRIP" (036)."""
    for i, match in list(matches.items()):
        obj = match.obj
        if match.pattern.base and obj is not None and obj.lemma.lower() in lexicon.nouns:
            del matches[i]


def _verb_match(index: ArticleIndex, verb: Token, lexicon: Lexicon) -> Match | None:
    # A dictionary may list a verb by a form ("CALLED", as TABARI's do) rather than its lemma.
    verb_index = lexicon.verb_index.get(verb.lemma.lower()) or lexicon.verb_index.get(verb.lower)
    if verb_index is None:
        return None
    if verb_index.small:
        return match_verb(index, verb, verb_index.patterns)
    patterns = verb_index.candidates(_dependent_words(index, verb))
    return match_verb(index, verb, patterns) if patterns else None


def _is_verb(index: ArticleIndex, token: Token) -> bool:
    """A verb, or a clause head the tagger took for an adjective although it has a direct
    object ("demanded that the United States extradite Gulen": "extradite" tagged JJ)."""
    if token.pos in _VERB_POS:
        return True
    return token.pos == "ADJ" and index.child(token.i, _OBJECT_DEPS) is not None


def _dependent_words(index: ArticleIndex, verb: Token) -> set[str]:
    """What a pattern may require of ``verb``: its dependents' words, lemmas and "~dep"s."""
    words: set[str] = set()
    for child in index.tokens_of(verb.i):
        words.update((*object_words(child), child.lemma.lower(), f"~{child.dep}"))
        if child.dep == "xcomp":
            words.add("to")  # "refused to meet" matches a pattern's "to"
        elif child.dep == "dobj":
            content = amount_content(index, verb, child)  # "$6 billion in frozen funds"
            words.update((content.lower, content.lemma.lower()))
    return words


def _consumed(index: ArticleIndex, matches: dict[int, Match]) -> set[int]:
    """Tokens whose event nouns are a coded verb's content or reason, not events of their own.

    "Called for the lifting of sanctions" (the object), "thanked Putin for his support" and
    "accused Iran of an attack" (the for- and of-phrases).
    """
    consumed = {word.i for match in matches.values() for word in match.words}
    for match in matches.values():
        if match.obj is not None and match.obj.i != match.trigger.i:
            consumed.update(_subtree(index, match.obj.i))
        for child in index.tokens_of(match.trigger.i):
            if child.dep == "prep" and child.lower in _CONTENT_PREPS:
                consumed.update(_subtree(index, child.i))
    return consumed


def _alleged(index: ArticleIndex, matches: dict[int, Match]) -> set[int]:
    """Verbs inside what an accusation alleges or a denial denies ("accused Turkey of invading",
    "denied sending troops")."""
    alleged: set[int] = set()
    for match in matches.values():
        denial = match.code in _DENY_CODES
        if match.code[:2] != _DISAPPROVE_ROOT and not denial:
            continue
        for child in index.tokens_of(match.trigger.i):
            content = child.dep == "prep" and child.lower in _CONTENT_PREPS
            denied = denial and child.dep in _DENIED_DEPS and child.pos in _VERB_POS
            if content or denied:
                alleged.update(_subtree(index, child.i))
    return alleged


def _mentioned(index: ArticleIndex, noun: Token) -> bool:
    """An event noun that another verb acts on names a known event ("adopted the agreement").

    So does a noun in a background phrase ("under U.S. sanctions") and the subject of a verb
    that does not say the event took place ("sanctions would remain in place").
    """
    head = index.parse.tokens[noun.head]
    if noun.dep == "pobj" and head.lower in BACKGROUND_PREPS:
        return True
    lemma = head.lemma.lower()
    if noun.dep in ("nsubj", "nsubjpass") and head.pos == "VERB":
        return lemma not in LIGHT_VERBS and lemma not in OCCURRENCE_VERBS
    return noun.dep == "dobj" and head.pos == "VERB" and lemma not in LIGHT_VERBS


def _apply_frames(index: ArticleIndex, matches: dict[int, Match]) -> dict[int, Match]:
    """Recode appeals, promises, demands, refusals and threats by their content (in place)."""
    for i in sorted(matches):
        governor = matches.get(i)
        if governor is None:
            continue
        content = _content(index, governor, matches)
        if governor.pattern.obj and content is not None:
            # A specific pattern ("refuse to ease") already coded the content.
            del matches[content.trigger.i]
            targets = governor.targets or content.targets
            matches[i] = dataclasses.replace(governor, targets=targets)
            continue
        code = counterpart(governor.code, content.code) if content is not None else None
        if content is None or code is None:
            continue
        del matches[content.trigger.i]
        matches[i] = dataclasses.replace(
            governor,
            code=code,
            rule=f"{governor.rule}+{content.rule}=>{code}",
            targets=governor.targets or content.targets,
            words=(*governor.words, *content.words),
        )
    return matches


def _subtree(index: ArticleIndex, i: int) -> list[int]:
    """Token ``i`` and its dependents, short of adjuncts that presuppose their own event.

    "Asked Trump for steps to promote ... after the summit of June 12": the summit is no part
    of what is asked for.
    """
    tokens = index.parse.tokens
    found = [i]
    for j in found:
        found.extend(
            k
            for k in index.children[j]
            if not (tokens[k].dep == "prep" and tokens[k].lower in PRESUPPOSING_PREPS)
        )
    return found


def _content(index: ArticleIndex, governor: Match, matches: dict[int, Match]) -> Match | None:
    """The coded event an appeal or threat is about: its infinitive, object or for-phrase."""
    candidates = [governor.obj, index.child(governor.trigger.i, _COMPLEMENT_DEPS)]
    for token in candidates:
        if token is not None and token.i in matches and token.i != governor.trigger.i:
            return matches[token.i]
    return None
