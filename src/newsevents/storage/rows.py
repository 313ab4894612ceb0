"""Turn annotations and rejected records into table rows (shared by every storage backend)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from newsevents.contract import event_id
from newsevents.ids import content_hash, record_id
from newsevents.model import Annotation, Event, Problem, Quote

Rows = dict[str, list[dict[str, Any]]]


def _day(value: str | None) -> date | None:
    """The first day of an event date of any precision ("2018", "2018-06", "2018-06-12")."""
    if not value or not value[:4].isdigit():
        return None
    parts = value.split("-")
    try:
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return date(int(parts[0]), month, day)
    except ValueError:
        return None


def _event_row(event: Event, index: int, sentence_text: str) -> dict[str, Any]:
    location = event.location
    return {
        "id": event_id(event),
        "article_id": event.article_id,
        "idx": index,
        "source": event.source,
        "target": event.target,
        "code": event.code,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "mode": event.mode,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "rule": event.rule,
        "source_text": event.source_text,
        "target_text": event.target_text,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "day": _day(event.date),
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
        "quote": event.quote,
        "evidence": list(event.evidence),
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "class_score": event.class_score,
        "sentence_text": sentence_text,
    }


def _quote_row(quote: Quote, index: int) -> dict[str, Any]:
    row = asdict(quote)
    row["idx"] = index
    row["id"] = record_id(quote.article_id, "quote", quote.start, quote.end)
    return row


def problem_row(problem: Problem, run_id: str) -> dict[str, Any]:
    row = asdict(problem)
    row.pop("line")
    row["run_id"] = run_id
    return row


def annotation_rows(annotation: Annotation, *, run_id: str) -> Rows:
    """All rows of one annotated article."""
    article = annotation.article
    text = article.text
    sentence_text = {s.index: text[s.start : s.end].strip() for s in annotation.sentences}
    indexed = enumerate
    return {
        "articles": [
            {
                "id": article.id,
                "hash": content_hash(text),
                "text": text,
                "date": date.fromisoformat(article.date) if article.date else None,
                "date_inferred": article.date_inferred,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "language": article.language,
                "n_sentences": len(annotation.sentences),
                "n_events": len(annotation.events),
                "run_id": run_id,
            }
        ],
        "sentences": [
            {
                "article_id": article.id,
                "idx": s.index,
                "start": s.start,
                "end": s.end,
                "text": sentence_text[s.index],
            }
            for s in annotation.sentences
        ],
        "entities": [{**asdict(entity), "idx": i} for i, entity in indexed(annotation.entities)],
        "timexes": [{**asdict(timex), "idx": i} for i, timex in indexed(annotation.timexes)],
        "events": [
            _event_row(event, i, sentence_text.get(event.sentence, ""))
            for i, event in indexed(annotation.events)
        ],
        "quotes": [_quote_row(quote, i) for i, quote in indexed(annotation.quotes)],
        "refs": [
            {**asdict(reference), "ref_id": reference.id, "idx": i}
            for i, reference in indexed(annotation.references)
        ],
        "problems": [problem_row(problem, run_id) for problem in annotation.problems],
    }


def quarantine_row(
    *, record_id_: str, origin: str, line: int, raw: str, problem: Problem, run_id: str
) -> dict[str, Any]:
    """A quarantined input record; its id is stable so a re-run does not quarantine it twice."""
    return {
        "id": content_hash(f"{origin}\x1f{line}\x1f{raw}"),
        "record_id": record_id_,
        "origin": origin,
        "line": line,
        "raw": raw,
        "code": problem.code,
        "message": problem.message,
        "run_id": run_id,
    }
