"""Attribute direct quotations: reporting verb, speaker, and the fallbacks news style relies on.

Order of evidence, most specific first: the reporting verb that governs the quote in the parse;
the nearest reporting verb outside quotes in the quote's sentences; the speaker of the other
paragraphs of the same quotation; the speaker of a quote in the sentence just before; the
subject of the sentence just before ('Pompeo was blunt. "..."').
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.model import Token
from newsevents.stages.quotes.attribution import Attributor, Speaker
from newsevents.stages.quotes.lexicon import NON_SPEAKERS
from newsevents.stages.quotes.marks import QuotedSpan

# Subjects of a preceding sentence that can be the speaker of the quote after it.
_SPEAKER_POS = frozenset({"PROPN", "PRON", "NOUN"})
_FIRST_PERSON = frozenset({"i", "we"})
# '"...?" asked Senator Elizabeth Warren of Massachusetts on Tuesday.' fits; a longer sentence
# says something of its own (issue 13, PolNeAR study part).
_MAX_ATTRIBUTION_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Attribution:
    """What attribution found for one quoted span."""

    span: QuotedSpan
    first: int  # token range of the quote
    last: int
    sentence: int
    verb: str | None
    speaker: Speaker | None


def attribute_direct(attributor: Attributor, spans: tuple[QuotedSpan, ...]) -> list[Attribution]:
    """Attribute every span; spans are in text order."""
    ranges = [attributor.token_range(span.start, span.end) for span in spans]
    attributor.mark_quoted(ranges)
    in_quote = attributor.in_quote
    found: list[Attribution] = []
    for span, (first, last) in zip(spans, ranges, strict=True):
        if first >= last:
            continue
        verb = _verb(attributor, first, last, in_quote)
        speaker = attributor.speaker_of_verb(verb) if verb is not None else None
        sentence = attributor.tokens[first].sent
        found.append(
            Attribution(span, first, last, sentence, verb.lemma if verb else None, speaker)
        )
    return _inherit(attributor, found)


def _verb(attributor: Attributor, first: int, last: int, in_quote: list[bool]) -> Token | None:
    verb = attributor.governing_verb(first, last)
    low, high = _paragraph_bounds(attributor, first, 0, len(attributor.tokens))
    if verb is not None and not in_quote[verb.i] and low <= verb.i < high:
        return verb
    best: Token | None = None
    best_distance = len(attributor.tokens)
    for index in _frame(attributor, first, last):
        token = attributor.tokens[index]
        if in_quote[index] or not attributor.is_reporting(token):
            continue
        # A verb after the quote ('"...," he said') wins a tie against one before it.
        distance = first - index if index < first else index - last
        if distance < best_distance or (distance == best_distance and index > first):
            best, best_distance = token, distance
    return best


def _frame(attributor: Attributor, first: int, last: int) -> range:
    """Token indexes where the attribution of the quote ``[first, last)`` can be."""
    sentences = attributor.parse.sentences
    low = sentences[attributor.tokens[first].sent]
    high = sentences[attributor.tokens[last - 1].sent]
    start, stop = low.first, high.last
    # The parser often ends a sentence at the quote's own '?' or '.' before '..., she asked.'
    if high.index + 1 < len(sentences) and _only_punctuation(attributor, last, high.last):
        after = sentences[high.index + 1]
        if attributor.tokens[after.first].text[:1].islower() or _attribution_only(
            attributor, after.first, after.last
        ):
            stop = after.last
    start, stop = _paragraph_bounds(attributor, first, start, stop)
    # 'Pompeo told reporters:' may close the paragraph before the quote.
    if low.index > 0 and _only_punctuation(attributor, low.first, first):
        before = sentences[low.index - 1]
        if attributor.tokens[before.last - 1].text == ":":
            start = before.first
    return range(start, stop)


def _attribution_only(attributor: Attributor, first: int, last: int) -> bool:
    """A short sentence whose main verb reports nothing else: '"... NOW!" Trump said on Twitter.'
    (the parser ends a sentence at the quote's '!' or '?', and the name is capitalized)."""
    if last - first > _MAX_ATTRIBUTION_TOKENS:
        return False
    for index in range(first, last):
        token = attributor.tokens[index]
        if token.head == index:
            return attributor.is_reporting(token) and not any(
                attributor.tokens[child].dep in ("ccomp", "xcomp", "oprd")
                for child in attributor.children(index)
            )
    return False


def _paragraph_bounds(
    attributor: Attributor, anchor: int, start: int, stop: int
) -> tuple[int, int]:
    """Narrow ``[start, stop)`` to the paragraph of token ``anchor`` (sentences may cross one)."""
    text, tokens = attributor.parse.text, attributor.tokens
    paragraph_start = text.rfind("\n", 0, tokens[anchor].start) + 1
    paragraph_end = text.find("\n", tokens[anchor].end) % (len(text) + 1)
    while start < anchor and tokens[start].start < paragraph_start:
        start += 1
    while stop > anchor + 1 and tokens[stop - 1].end > paragraph_end:
        stop -= 1
    return start, stop


def _only_punctuation(attributor: Attributor, first: int, last: int) -> bool:
    return all(attributor.tokens[i].pos in ("PUNCT", "SPACE") for i in range(first, last))


def _inherit(attributor: Attributor, found: list[Attribution]) -> list[Attribution]:
    """Fill speakers the sentence itself does not give, from the quotation's group or context."""
    by_group: dict[int, Attribution] = {}
    for attribution in found:
        if attribution.speaker is not None:
            by_group.setdefault(attribution.span.group, attribution)
    result: list[Attribution] = []
    for attribution in found:
        if attribution.speaker is None:
            attribution = _fallback(attributor, attribution, by_group, result)
        result.append(attribution)
    return result


def _fallback(
    attributor: Attributor,
    attribution: Attribution,
    by_group: dict[int, Attribution],
    previous: list[Attribution],
) -> Attribution:
    donor = by_group.get(attribution.span.group)
    if donor is None and previous and previous[-1].speaker is not None:
        # A quote ending in this sentence or the one before continues the same speaker,
        # unless the quote sits in a sentence about something else ('The document commits
        # North Korea to "complete denuclearization"').
        last_sentence = attributor.tokens[previous[-1].last - 1].sent
        if (
            attribution.sentence - last_sentence <= 1
            and _speech_sentence(attributor, attribution)
            and _continues_paragraph(attributor, previous[-1], attribution)
        ):
            donor = previous[-1]
    if donor is not None:
        return _with(attribution, donor.speaker, attribution.verb or donor.verb)
    return _with(attribution, _previous_subject(attributor, attribution), attribution.verb)


def _continues_paragraph(attributor: Attributor, before: Attribution, after: Attribution) -> bool:
    """Both quotes are in one paragraph, or the later one opens its paragraph."""
    text = attributor.parse.text
    if "\n" not in text[before.span.end : after.span.start]:
        return True
    return text[text.rfind("\n", 0, after.span.open_mark) + 1 : after.span.open_mark].strip() == ""


def _speech_sentence(attributor: Attributor, attribution: Attribution) -> bool:
    """The quote opens its sentence or paragraph, or the sentence speaks in the first person."""
    sentence = attributor.parse.sentences[attribution.sentence]
    opening, _ = _paragraph_bounds(attributor, attribution.first, sentence.first, sentence.last)
    if all(
        attributor.tokens[i].pos in ("PUNCT", "SPACE") for i in range(opening, attribution.first)
    ):
        return True
    for index in range(sentence.first, sentence.last):
        if attributor.tokens[index].head == index:
            subject = attributor.subject.get(index)
            return subject is None or attributor.tokens[subject].lower in _FIRST_PERSON
    return True


def _with(attribution: Attribution, speaker: Speaker | None, verb: str | None) -> Attribution:
    return Attribution(
        attribution.span,
        attribution.first,
        attribution.last,
        attribution.sentence,
        verb,
        speaker,
    )


def _previous_subject(attributor: Attributor, attribution: Attribution) -> Speaker | None:
    """The subject of the main verb of the sentence before the quote's, if it names someone."""
    if attribution.sentence == 0:
        return None
    sentence = attributor.parse.sentences[attribution.sentence - 1]
    for index in range(sentence.first, sentence.last):
        token = attributor.tokens[index]
        if token.head == token.i:
            subject = attributor.subject.get(index)
            if subject is None:
                return None
            head = attributor.tokens[subject]
            if head.lower in NON_SPEAKERS or head.pos not in _SPEAKER_POS:
                return None
            speaker = attributor.speaker_at(head)
            named = head.pos != "NOUN" or speaker.actor is not None
            return speaker if named else None
    return None
