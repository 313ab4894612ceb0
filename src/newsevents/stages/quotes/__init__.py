"""The quotes stage: direct and indirect quotations with their speakers and reporting verbs.

Conventions (see docs/quotes.md): a direct quote's span is the text between its marks, without
the marks, surrounding blanks or a trailing comma; a quotation interrupted by its attribution
('"We are ready," he said, "to talk."') or continued over paragraphs gives one quote per part,
each with the same speaker. Indirect quotes span the reported clause; a reported clause that
quotes some of its words is a mixed quote, and its quoted words take its speaker.
"""

from __future__ import annotations

import dataclasses

from newsevents.model import Article, Entity, Parse, Problem, Quote, QuoteKind
from newsevents.stages.quotes.attribution import Attributor, Speaker
from newsevents.stages.quotes.direct import Attribution, attribute_direct
from newsevents.stages.quotes.indirect import Reported, find_indirect, find_object_mixed
from newsevents.stages.quotes.marks import find_quoted_spans
from newsevents.stages.quotes.speakers import code_speakers

__all__ = ["extract_quotes", "extract_quotes_with_problems"]


def extract_quotes(
    parse: Parse, *, article: Article, entities: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Return the article's quotations in text order (see ``extract_quotes_with_problems``)."""
    return extract_quotes_with_problems(parse, article=article, entities=entities)[0]


def extract_quotes_with_problems(
    parse: Parse, *, article: Article, entities: tuple[Entity, ...]
) -> tuple[tuple[Quote, ...], tuple[Problem, ...]]:
    """Return the quotations and a warning for each region whose marks could not be paired.

    Args:
        parse: the parsed, cleaned text of ``article``.
        article: the article as given; quote texts are slices of ``article.text``.
        entities: the actor stage's mentions in text order; pronouns carry ``antecedent``.

    Returns:
        The quotes sorted by start offset, and warnings (stage ``quotes``, codes W601-W603).
    """
    sentence_ends = tuple(sentence.end for sentence in parse.sentences)
    spans, problems = find_quoted_spans(
        parse.text, article.text, article_id=article.id, sentence_ends=sentence_ends
    )
    attributor = Attributor(parse, article.text, entities)
    direct = attribute_direct(attributor, spans)
    reports = find_indirect(attributor, attributor.in_quote)
    quoted = [(attribution.first, attribution.last, attribution.speaker) for attribution in direct]
    reports.extend(find_object_mixed(attributor, quoted, reports))
    quotes = [
        _direct_quote(article, _as_reported(attributor, attribution, reports))
        for attribution in direct
    ]
    quotes.extend(_indirect_quote(article, attributor, reported) for reported in reports)
    quotes.sort(key=lambda quote: (quote.start, quote.end))
    return tuple(code_speakers(quotes, entities)), problems


def _direct_quote(article: Article, attribution: Attribution) -> Quote:
    span = attribution.span
    return _quote(
        article,
        span.start,
        span.end,
        "direct",
        attribution.speaker,
        attribution.sentence,
        attribution.verb,
    )


def _as_reported(
    attributor: Attributor, attribution: Attribution, reports: list[Reported]
) -> Attribution:
    """Quoted words inside a mixed quote are that report's: its speaker and verb."""
    for reported in reports:
        inside = reported.first <= attribution.first < reported.last
        if (
            reported.mixed
            and inside
            and attributor.tokens[reported.last - 1].end >= attribution.span.end
        ):
            return dataclasses.replace(attribution, speaker=reported.speaker, verb=reported.verb)
    return attribution


def _indirect_quote(article: Article, attributor: Attributor, reported: Reported) -> Quote:
    start = attributor.tokens[reported.first].start
    end = attributor.tokens[reported.last - 1].end
    kind: QuoteKind = "mixed" if reported.mixed else "indirect"
    return _quote(article, start, end, kind, reported.speaker, reported.sentence, reported.verb)


def _quote(
    article: Article,
    start: int,
    end: int,
    kind: QuoteKind,
    speaker: Speaker | None,
    sentence: int,
    verb: str | None,
) -> Quote:
    return Quote(
        article_id=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        kind=kind,
        speaker=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        speaker_actor=speaker.actor if speaker else None,
        sentence=sentence,
        verb=verb,
    )
