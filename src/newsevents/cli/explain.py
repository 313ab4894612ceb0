"""Explain an annotation: each sentence with its entities, dates, quotes and events, and why."""

from __future__ import annotations

from newsevents.dictionaries.cameo import penta_class
from newsevents.model import Annotation, Event, SentenceClass


def _sentence_of(start: int, bounds: list[tuple[int, int]]) -> int:
    for index, (first, last) in enumerate(bounds):
        if first <= start < last:
            return index
    return -1


def explain_annotation(annotation: Annotation) -> str:
    """A readable report, sentence by sentence."""
    article = annotation.article
    text = article.text
    bounds = [(s.start, s.end) for s in annotation.sentences]
    classes = {reading.sentence: reading for reading in annotation.classes}
    date_note = f" (inferred: {article.date_inferred})" if article.date_inferred else ""
    lines = [f"article {article.id}  published {article.date or 'unknown'}{date_note}"]
    for sentence in annotation.sentences:
        body = " ".join(text[sentence.start : sentence.end].split())
        if not body:
            continue
        lines.append(f"\n[{sentence.index}] {body}")
        reading = classes.get(sentence.index)
        if reading is not None:
            lines.append(f"    class   {_reading(reading)}")
        for entity in annotation.entities:
            if entity.sentence == sentence.index:
                lines.append(
                    f"    entity  {entity.text!r} {entity.label} -> {entity.actor or '?'}"
                    f"  ({entity.rule or 'no dictionary entry'})"
                )
        for timex in annotation.timexes:
            if timex.sentence == sentence.index:
                lines.append(
                    f"    time    {timex.text!r} {timex.type} = {timex.value}"
                    f"  ({timex.rule or '-'})"
                )
        for quote in annotation.quotes:
            if quote.sentence == sentence.index:
                lines.append(
                    f"    quote   {quote.kind} by {quote.speaker or '?'} "
                    f"[{quote.speaker_actor or '?'}] via {quote.verb or '-'}: "
                    f"{text[quote.start : quote.end][:80]!r}"
                )
        for event in annotation.events:
            if event.sentence == sentence.index:
                trigger = (
                    text[event.trigger_start : event.trigger_end]
                    if event.trigger_start is not None and event.trigger_end is not None
                    else text[event.start : event.end]
                )
                place = f" in {event.location.name}" if event.location else ""
                lines.append(
                    f"    event   {event.source or '?'} -{event.code}-> {event.target or '?'} "
                    f"{event.mode} on {event.date or '?'} ({event.date_precision or '-'}){place}"
                    f"\n            rule {event.rule}{_score(event)}; trigger {trigger!r}; "
                    f"words {text[event.start : event.end]!r}"
                )
    for reference in annotation.references:
        index = _sentence_of(reference.start, bounds)
        lines.append(f"\nreference [{index}] {reference.text!r} -> {reference.id}")
    for problem in annotation.problems:
        lines.append(f"\n{problem.severity} {problem.code} ({problem.stage}): {problem.message}")
    return "\n".join(lines)


def _reading(reading: SentenceClass) -> str:
    """The classifier's view of a sentence: event probability and the PentaClass probabilities."""
    event = "" if reading.event is None else f"event {reading.event:.2f}; "
    shown = " ".join(f"{penta}:{value:.2f}" for penta, value in enumerate(reading.classes))
    return f"{event}PentaClass {shown} (classifier {reading.model})"


def _score(event: Event) -> str:
    if event.class_score is None:
        return ""
    return f"; classifier {event.class_score:.2f} for PentaClass {penta_class(event.code)}"
