"""The annotate contract: one JSON object per input line (schema in docs/annotation.schema.json)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from newsevents.ids import record_id
from newsevents.model import Annotation, Entity, Event, Problem, Quote, Reference, TimeExpr

ENTITY_FIELDS = (
    "start",
    "end",
    "text",
    "label",
    "actor",
    "sentence",
    "rule",
    "antecedent",
    "wikidata",
)
TIMEX_FIELDS = ("start", "end", "text", "type", "value", "mod", "sentence", "rule")
REFERENCE_FIELDS = ("start", "end", "text", "kind", "id")
QUOTE_FIELDS = (
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_actor",
    "sentence",
    "verb",
    "event",
)
EMPTY_LISTS = ("entities", "timexes", "events", "quotes", "references", "warnings")


def _pick(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


def event_id(event: Event) -> str:
    """Deterministic id of an event within its article."""
    return record_id(
        event.article_id, event.code, event.source, event.target, event.sentence, event.start
    )


def event_to_json(event: Event) -> dict[str, Any]:
    data = asdict(event)
    data.pop("article_id")
    data["id"] = event_id(event)
    data["evidence"] = list(event.evidence)
    return data


def entity_to_json(entity: Entity) -> dict[str, Any]:
    return _pick(entity, ENTITY_FIELDS)


def timex_to_json(timex: TimeExpr) -> dict[str, Any]:
    return _pick(timex, TIMEX_FIELDS)


def quote_to_json(quote: Quote) -> dict[str, Any]:
    return _pick(quote, QUOTE_FIELDS)


def reference_to_json(reference: Reference) -> dict[str, Any]:
    return _pick(reference, REFERENCE_FIELDS)


def problem_to_json(problem: Problem) -> dict[str, Any]:
    return {
        "stage": problem.stage,
        "code": problem.code,
        "message": problem.message,
        "severity": problem.severity,
        "start": problem.start,
        "end": problem.end,
    }


def annotation_to_json(annotation: Annotation) -> dict[str, Any]:
    """The output line for an annotated article (status "ok"; stage failures are warnings)."""
    article = annotation.article
    return {
        "id": article.id,
        "status": "ok",
        "date": article.date,
        "date_inferred": article.date_inferred,
        "language": article.language,
        "entities": [entity_to_json(entity) for entity in annotation.entities],
        "timexes": [timex_to_json(timex) for timex in annotation.timexes],
        "events": [event_to_json(event) for event in annotation.events],
        "quotes": [quote_to_json(quote) for quote in annotation.quotes],
        "references": [reference_to_json(reference) for reference in annotation.references],
        "warnings": [problem_to_json(problem) for problem in annotation.problems],
    }


def error_to_json(identifier: str, problem: Problem) -> dict[str, Any]:
    """The output line for an input line that could not be read."""
    line: dict[str, Any] = {
        "id": identifier,
        "status": "error",
        "error": {"code": problem.code, "message": problem.message},
        "date": None,
        "date_inferred": None,
        "language": None,
    }
    line.update({name: [] for name in EMPTY_LISTS})
    return line
