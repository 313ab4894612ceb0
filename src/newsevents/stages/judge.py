"""The judge stage: the sentence classifier scores, vetoes or re-codes the rules' events.

The rules supply the dyad, the trigger and the evidence; the classifier (``stages/classify.py``)
supplies the class. Measured on the study part of ../shared/data/dev (docs/events.md,
"Classifier"): re-coding an event to the classifier's PentaClass when the classifier is sure
raises both class hit and class precision.
"""

from __future__ import annotations

import dataclasses

from newsevents.dictionaries.cameo import PENTA_DEFAULT_CODES, cameo_code, penta_class
from newsevents.model import Event, SentenceClass

__all__ = ["judge_events"]


def judge_events(
    events: tuple[Event, ...],
    *,
    classes: tuple[SentenceClass, ...],
    recode_at: float | None = None,
    veto_below: float | None = None,
    rank: bool = False,
) -> tuple[Event, ...]:
    """Score each event by its sentence's class probabilities, then veto, rank and re-code.

    An event goes when its sentence's event probability is below ``veto_below``; with ``rank``,
    also when another event of its sentence has a class the classifier finds more probable. It
    takes the classifier's PentaClass (the class's default code) when that class has at least
    probability ``recode_at`` and the event's own class is another. ``None`` turns either off.
    Events that re-coding makes equal merge, keeping the first and joining their evidence.
    """
    by_sentence = {reading.sentence: reading for reading in classes}
    if rank:
        events = _best_ranked(events, by_sentence)
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        reading = by_sentence.get(event.sentence)
        if reading is None:
            kept.setdefault(_key(event), event)
            continue
        if veto_below is not None and reading.event is not None and reading.event < veto_below:
            continue
        judged = _judged(event, reading, recode_at)
        first = kept.get(_key(judged))
        if first is None:
            kept[_key(judged)] = judged
        else:
            evidence = tuple(sorted({*first.evidence, *judged.evidence}))
            kept[_key(judged)] = dataclasses.replace(first, evidence=evidence)
    return tuple(kept.values())


def _best_ranked(
    events: tuple[Event, ...], by_sentence: dict[int, SentenceClass]
) -> tuple[Event, ...]:
    """The events of each sentence whose class is the most probable among its events' classes."""
    best: dict[int, float] = {}
    for event in events:
        reading = by_sentence.get(event.sentence)
        if reading is not None:
            score = reading.classes[penta_class(event.code)]
            best[event.sentence] = max(best.get(event.sentence, 0.0), score)
    return tuple(
        event
        for event in events
        if event.sentence not in best
        or by_sentence[event.sentence].classes[penta_class(event.code)] >= best[event.sentence]
    )


def _key(event: Event) -> tuple[object, ...]:
    return (event.source, event.target, event.code, event.mode, event.sentence)


def _judged(event: Event, reading: SentenceClass, recode_at: float | None) -> Event:
    own = penta_class(event.code)
    best = reading.best
    if recode_at is None or best == own or reading.classes[best] < recode_at:
        return dataclasses.replace(event, class_score=reading.classes[own])
    entry = cameo_code(PENTA_DEFAULT_CODES[best])
    return dataclasses.replace(
        event,
        code=entry.code,
        root=entry.root,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=entry.plover,
        rule=f"{event.rule}+classifier=>{entry.code}",
        class_score=reading.classes[best],
    )
