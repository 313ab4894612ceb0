"""Turn pattern matches and quotes into Event records: dyads, pairs, statements, one-a-story."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from newsevents.dictionaries.cameo import cameo_code
from newsevents.dictionaries.lexicon import Lexicon
from newsevents.model import Article, Event, Mode, Quote, Token
from newsevents.stages.events._grammar import (
    RECIPROCAL_VERBS,
    SYMMETRIC_CODES,
    SYMMETRIC_ROOTS,
)
from newsevents.stages.events._index import ArticleIndex, Mention, party, same_party
from newsevents.stages.events._match import Match

# CAMEO pairs an event with its mirror image: a visit (042) is hosted (043) by its target.
PAIRED_CODES = {"042": "043", "043": "042"}
# Roots a reporting verb may imply for a statement (CAMEO 01-03, 05 praise, 10-13 verbal conflict).
STATEMENT_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
STATEMENT_CODE = "010"
# Meeting and signing together are mutual: "X met Y" is also "Y met X" (as for compounds).
MUTUAL_CODES = frozenset({"040", "041", "044", "046", "057", "0871"})
# CAMEO codes a speaker's announced meeting as intent (036) and a reported violation as an
# accusation (112) by the speaker.
INTENT_CODE = "036"
ACCUSATION_CODE = "112"
VIOLATION_CODES = frozenset({"128", "196"})
SPEAKER_ROOTS = frozenset({"04", "05"})
# A capital the actor stage read as a place ("pledged guarantees to Pyongyang": "to" looks like a
# destination) is its government when it is the party of a verbal, diplomatic or economic
# exchange (CAMEO 01-13, 16); visits, hosting and venues (042-044) and force keep the place.
_CAPITAL_PLACE_RULE = "capital:place:"
_GOVERNMENT_ROOTS = frozenset(
    {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "16"}
)
_PLACE_CODES = frozenset({"042", "043", "044"})
_GOVERNMENT = "GOV"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Draft:
    """One coded dyad before it becomes an Event."""

    code: str
    source: Mention | None
    target: Mention | None
    mode: Mode
    sentence: int
    trigger: Token
    words: tuple[Token, ...]
    rule: str
    quote: int | None = None


def drafts_of(match: Match, mode: Mode) -> list[Draft]:
    """Every source x target dyad of a match (compound subjects and objects give several)."""
    code = match.code
    args = (match.trigger.sent, match.trigger, match.words, match.rule)
    pairs: list[tuple[Mention | None, Mention | None]]
    if not match.targets and len(match.sources) > 1 and _reciprocal(match):
        pairs = [(a, b) for a in match.sources for b in match.sources if a is not b]
    else:
        pairs = [(s, t) for s in (match.sources or (None,)) for t in (match.targets or (None,))]
    drafts: list[Draft] = []
    for source, target in pairs:
        if source is None and target is None:
            continue
        if source is not None and target is not None and same_party(source, target):
            continue
        source, target = _government(source, code), _government(target, code)
        drafts.append(Draft(code, source, target, mode, *args))
        paired = PAIRED_CODES.get(code)
        if match.pattern.reverse and code == match.pattern.code:
            paired = match.pattern.reverse  # a user dictionary's "[042:043]"
        single = not match.sources[1:] and not match.targets[1:]
        if code in MUTUAL_CODES and single and source is not None and target is not None:
            drafts.append(Draft(code, target, source, mode, *args[:3], f"{match.rule}+mutual"))
        if paired and source is not None and target is not None:
            rule = f"{match.rule}+paired->{paired}"
            drafts.append(Draft(paired, target, source, mode, *args[:3], rule))
    return drafts


def _government(mention: Mention | None, code: str) -> Mention | None:
    """``mention`` as its government when a capital place is a party of an exchange."""
    if mention is None or not (mention.entity.rule or "").startswith(_CAPITAL_PLACE_RULE):
        return mention
    if code[:2] not in _GOVERNMENT_ROOTS or code in _PLACE_CODES or len(mention.actor) != 3:
        return mention
    return dataclasses.replace(mention, actor=mention.actor + _GOVERNMENT)


def _reciprocal(match: Match) -> bool:
    """Whether a compound subject's parties act on each other (CAMEO joint events, or a verb
    such as "agree" or "fight" with no target of its own)."""
    code = match.code
    if code[:2] in SYMMETRIC_ROOTS or code in SYMMETRIC_CODES:
        return True
    return match.trigger.pos == "VERB" and match.trigger.lemma.lower() in RECIPROCAL_VERBS


def statement_drafts(
    index: ArticleIndex, quotes: tuple[Quote, ...], drafts: list[Draft], lexicon: Lexicon
) -> list[Draft]:
    """Link quotes to the verb events that report them; code the others as statements."""
    result = list(drafts)
    for number, quote in enumerate(quotes):
        if party(quote.speaker_actor) is None:
            continue  # no speaker, or a bare role ("the two leaders said")
        verb = index.verbs[number]
        linked = reported = False
        for position, draft in enumerate(result):
            if verb is None or draft.trigger.i != verb.i or draft.source is None:
                continue
            # The verb's own subject (not one shared with a conjoined verb) is a coded actor.
            reported = reported or index.child(verb.i, _SUBJECTS) is not None
            if draft.source.actor == quote.speaker_actor:
                if draft.quote is None:
                    result[position] = dataclasses.replace(draft, quote=number)
                linked = True
        if not linked and not reported:
            # A verb whose subject the parse codes already has its statement; a second one
            # from another speaker would duplicate it (whole-article error analysis).
            result.append(_statement(index, quote, number, verb, lexicon))
        speaker = _speaker_mention(index, quote)
        result = _supply_speaker(quote, number, result, speaker)
        result.extend(_quoted_content(quote, number, result, speaker))
    return result


def _supply_speaker(
    quote: Quote, number: int, drafts: list[Draft], speaker: Mention
) -> list[Draft]:
    """In a direct quote the speaker is the one who met: "the first meeting with you"."""
    if quote.kind != "direct" or not any(_speaker_did(quote, d, speaker) for d in drafts):
        return drafts
    result: list[Draft] = []
    for draft in drafts:
        if not _speaker_did(quote, draft, speaker):
            result.append(draft)
            continue
        rule = f"{draft.rule}+quote:speaker"
        result.append(dataclasses.replace(draft, source=speaker, rule=rule, quote=number))
        if draft.code in MUTUAL_CODES:
            mirror = dataclasses.replace(
                draft, source=draft.target, target=speaker, rule=f"{rule}+mutual", quote=number
            )
            result.append(mirror)
    return result


def _speaker_did(quote: Quote, draft: Draft, speaker: Mention) -> bool:
    return (
        quote.start <= draft.trigger.start < quote.end
        and draft.quote is None
        and draft.source is None
        and draft.target is not None
        and draft.target.actor != speaker.actor
        and draft.code[:2] in SPEAKER_ROOTS
        and draft.mode != "future"
    )


def _quoted_content(
    quote: Quote, number: int, drafts: list[Draft], speaker: Mention
) -> list[Draft]:
    """What a speaker's words imply: an announced meeting, an alleged violation."""
    implied: list[Draft] = []
    for draft in drafts:
        if not quote.start <= draft.trigger.start < quote.end or draft.quote is not None:
            continue
        own = speaker.actor[:3]
        other = draft.source if draft.source and draft.source.actor[:3] != own else None
        if draft.code in VIOLATION_CODES and other is not None:
            rule = f"{draft.rule}+quote:allege=>{ACCUSATION_CODE}"
            implied.append(_implied(draft, ACCUSATION_CODE, speaker, other, rule, number))
        if quote.kind != "direct" or draft.code[:2] not in SPEAKER_ROOTS:
            continue
        if draft.mode == "future":
            party = other or draft.target
            rule = f"{draft.rule}+quote:intent=>{INTENT_CODE}"
            implied.append(_implied(draft, INTENT_CODE, speaker, party, rule, number))
    return implied


def _implied(
    draft: Draft, code: str, source: Mention, target: Mention | None, rule: str, number: int
) -> Draft:
    if target is not None and target.actor == source.actor:
        target = None
    return dataclasses.replace(
        draft, code=code, source=source, target=target, mode="asserted", rule=rule, quote=number
    )


def _statement(
    index: ArticleIndex, quote: Quote, number: int, verb: Token | None, lexicon: Lexicon
) -> Draft:
    code = _statement_code(lexicon, quote.verb)
    speaker = _speaker_mention(index, quote)
    trigger = verb if verb is not None else index.parse.tokens[_token_at(index, quote.start)]
    rule = f"quote:{quote.verb or 'direct'}->{code}"
    return Draft(code, speaker, None, "asserted", trigger.sent, trigger, (trigger,), rule, number)


def _statement_code(lexicon: Lexicon, verb: str | None) -> str:
    for pattern in lexicon.verbs.get(verb or "", ()):
        if not pattern.preps and not pattern.obj and pattern.code[:2] in STATEMENT_ROOTS:
            return pattern.code
    return STATEMENT_CODE


def _speaker_mention(index: ArticleIndex, quote: Quote) -> Mention:
    actor = quote.speaker_actor or ""
    if quote.speaker_start is not None:
        i = _token_at(index, quote.speaker_start)
        mention = index.mention(i)
        if mention is not None and mention.actor == actor:
            return mention
    # The quote stage resolved the speaker elsewhere (a preceding sentence, a pronoun chain).
    for position, entity in enumerate(index.entities):
        if index.actors[position] == actor:
            return Mention(actor, entity, _token_at(index, entity.start))
    from newsevents.model import Entity  # only reached for a speaker the actor stage missed

    start = quote.speaker_start if quote.speaker_start is not None else quote.start
    end = quote.speaker_end if quote.speaker_end is not None else quote.end
    entity = Entity(quote.article_id, start, end, quote.speaker or "", "SPEAKER", actor, 0)
    return Mention(actor, entity, _token_at(index, start))


def _token_at(index: ArticleIndex, offset: int) -> int:
    """The token that covers or follows ``offset`` (the last token past the end)."""
    position = bisect.bisect_right(index.token_ends, offset)
    return min(position, max(len(index.parse.tokens) - 1, 0))


def to_event(article: Article, draft: Draft) -> Event:
    """Fill the codebook fields and the evidence span of a draft."""
    entry = cameo_code(draft.code)
    points = [(token.start, token.end) for token in draft.words]
    for mention in (draft.source, draft.target):
        if mention is not None and mention.entity.sentence == draft.sentence:
            points.append((mention.entity.start, mention.entity.end))
    return Event(
        article_id=article.id,
        source=draft.source.actor if draft.source else None,
        target=draft.target.actor if draft.target else None,
        code=draft.code,
        root=entry.root,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=entry.plover,
        mode=draft.mode,
        sentence=draft.sentence,
        start=min(start for start, _ in points),
        end=max(end for _, end in points),
        rule=draft.rule,
        source_text=draft.source.entity.text if draft.source else None,
        target_text=draft.target.entity.text if draft.target else None,
        quote=draft.quote,
        evidence=(draft.sentence,),
        trigger_start=draft.trigger.start,
        trigger_end=draft.trigger.end,
    )


def merge_events(
    events: Iterable[Event], *, headline_end: int, one_a_story: bool
) -> tuple[Event, ...]:
    """One event per (source, target, code, mode); headline copies of body events always go.

    An event is the headline's when its trigger starts before ``headline_end``. Without
    ``one_a_story`` only duplicates within a sentence and headline copies merge.
    """

    def in_headline(event: Event) -> bool:
        return (event.trigger_start or event.start) < headline_end

    ordered = sorted(events, key=lambda event: (in_headline(event), event.sentence))
    kept: dict[tuple[object, ...], Event] = {}
    key_of_base: dict[tuple[object, ...], tuple[object, ...]] = {}
    for event in ordered:
        base: tuple[object, ...] = (event.source, event.target, event.code, event.mode)
        key = base if one_a_story else (*base, event.sentence)
        if in_headline(event):
            key = key_of_base.get(base, key)
        key_of_base.setdefault(base, key)
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        evidence = tuple(sorted({*first.evidence, event.sentence}))
        quote = first.quote if first.quote is not None else event.quote
        kept[key] = dataclasses.replace(first, evidence=evidence, quote=quote)
    return tuple(sorted(kept.values(), key=lambda event: (event.sentence, event.start)))
