"""Meetings and joint acts: summits at a third location, a visit's meeting, a letter's "we"."""

from __future__ import annotations

import dataclasses

from newsevents.model import Token
from newsevents.stages.events._arguments import actors_at, subject_of
from newsevents.stages.events._grammar import FORCE_NOUNS, LIGHT_VERBS
from newsevents.stages.events._index import ArticleIndex, Mention
from newsevents.stages.events._match import Match

# CAMEO 1.1b3: 040 "make a visit, meet" becomes 044 "meet at a third location" when the venue
# belongs to neither party (a summit abroad); 043/042 cover a meeting hosted by one of them.
MEETING_CODE = "040"
THIRD_LOCATION_CODE = "044"
VISIT_CODE = "042"
# What "we" do together in a letter to "you" ("the joint statement we signed"): CAMEO 04 and the
# mutual 05x/06x/08x codes of _assemble.MUTUAL_CODES.
_JOINT_ROOTS = frozenset({"04"})
_JOINT_CODES = frozenset({"057", "0871", "061"})
_WE = frozenset({"we", "us", "our"})
_VENUE_PREPS = frozenset({"in", "at"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_POBJ = frozenset({"pobj"})
# "At a hotel in Hanoi": the place may sit one phrase below the venue phrase.
_VENUE_DEPTH = 2


def third_location(index: ArticleIndex, match: Match) -> Match:
    """``match`` recoded 044 when the parties meet in a country that is none of theirs."""
    if match.code != MEETING_CODE:
        return match
    parties = {mention.actor[:3] for mention in (*match.sources, *match.targets)}
    if len(parties) < 2:
        return match
    venue = _venue(index, match)
    if venue is None or venue.actor[:3] in parties:
        return match
    rule = f"{match.rule}+venue:{venue.entity.text}=>{THIRD_LOCATION_CODE}"
    return dataclasses.replace(match, code=THIRD_LOCATION_CODE, rule=rule)


def military_movement(index: ArticleIndex, match: Match) -> bool:
    """A "visit" made by aircraft, troops or ships: an incursion, not CAMEO 042 (issue 4)."""
    if match.code != VISIT_CODE or match.trigger.pos != "VERB":
        return False
    subject = subject_of(index, match.trigger)
    return subject is not None and subject.lemma.lower() in FORCE_NOUNS


def visit_meeting(index: ArticleIndex, match: Match) -> Match | None:
    """The meeting a visit includes: "his visit to Pyongyang ... with Kim Yong-chul" (040)."""
    if match.code != VISIT_CODE or not match.sources:
        return None
    prep = next(
        (c for c in index.tokens_of(match.trigger.i) if c.dep == "prep" and c.lower == "with"),
        None,
    )
    if prep is None:
        return None
    own = {mention.actor for mention in match.sources}
    hosts = actors_at(index, index.child(prep.i, _POBJ))
    targets = tuple(mention for mention in hosts if mention.actor not in own)
    if not targets:
        return None
    words = (*match.words, prep)
    rule = f"{match.rule}+with=>{MEETING_CODE}"
    return dataclasses.replace(
        match, code=MEETING_CODE, targets=targets[:1], words=words, rule=rule
    )


def joint_we(index: ArticleIndex, match: Match) -> Match:
    """``match`` with the quote's addressee as target when "we" did a joint act without one.

    In a letter from Kim to Trump, "the joint statement we signed" was signed by both.
    """
    joint = match.code[:2] in _JOINT_ROOTS or match.code in _JOINT_CODES
    if match.targets or not joint:
        return match
    tokens = index.parse.tokens
    if not any(tokens[m.token].lower in _WE for m in match.sources):
        return match
    addressee = index.addressee_at(match.trigger.start)
    if addressee is None or addressee.actor in {m.actor for m in match.sources}:
        return match
    return dataclasses.replace(match, targets=(addressee,), rule=f"{match.rule}+we:addressee")


def _venue(index: ArticleIndex, match: Match) -> Mention | None:
    """The place of an in/at phrase of the trigger (or its light verb), or compounded with it."""
    trigger = match.trigger
    heads = [trigger] + ([match.obj] if match.obj is not None else [])
    head = index.parse.tokens[trigger.head]
    if trigger.dep == "dobj" and head.lemma.lower() in LIGHT_VERBS:
        heads.append(head)  # "held talks in Belarus"
    taken = {id(mention.entity) for mention in (*match.sources, *match.targets)}
    # "The summit between Trump and Kim in Singapore": the model often hangs the venue on a party.
    heads.extend(index.parse.tokens[m.token] for m in (*match.sources, *match.targets))
    for token in heads:
        for child in index.tokens_of(token.i):
            if child.dep == "compound" and token.pos != "VERB":
                place = _place(index, child, taken)
                if place is not None:
                    return place  # "the Singapore summit"
            if child.dep == "prep" and child.lower in _VENUE_PREPS:
                place = _phrase_place(index, child, taken, _VENUE_DEPTH)
                if place is not None:
                    return place
    return None


def _phrase_place(index: ArticleIndex, prep: Token, taken: set[int], depth: int) -> Mention | None:
    pobj = index.child(prep.i, _POBJ)
    if pobj is None:
        return None
    place = _place(index, pobj, taken)
    if place is not None or depth <= 1:
        return place
    for child in index.tokens_of(pobj.i):
        if child.dep == "prep" and child.lower in _VENUE_PREPS:
            return _phrase_place(index, child, taken, depth - 1)
    return None


def _place(index: ArticleIndex, token: Token, taken: set[int]) -> Mention | None:
    mention = index.mention(token.i)
    if mention is None or id(mention.entity) in taken or mention.entity.label not in _PLACE_LABELS:
        return None
    return None if mention.actor.startswith("IGO") else mention
