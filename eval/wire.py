"""Check quotes on hard-wrapped wire text: the first 200 Reuters-21578 stories (issue 13).

Reuters copy breaks its lines inside sentences and starts paragraphs with an indented line. Runs
the whole pipeline on the first ``STORIES`` stories of ``../shared/data/reuters/articles.jsonl``
and counts direct quotes that end at a line break inside a paragraph (a newline followed by a
word: the quotation goes on after it, so the quote was cut there; a reported clause, indirect or
mixed, may end at a wrap with its sentence) and warnings of any stage per 20 stories.
Run: ``python eval/wire.py [-v]`` (``-v`` lists the cut quotes and the warnings).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsevents.config import Settings
from newsevents.model import Annotation, Article, Quote
from newsevents.pipeline import Pipeline

REUTERS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "reuters" / "articles.jsonl"
)
STORIES = 200  # issue 13: "the first 200 Reuters stories"
_TRIMMED = " \t,;:"  # what a quote span leaves out at its end before the mark


def stories(path: Path = REUTERS, *, limit: int = STORIES) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                return
            record = json.loads(line)
            yield Article(id=record["id"], text=record["text"], date=record["date"][:10])


def cut_at_wrap(text: str, quote: Quote) -> bool:
    """The quote ends at a newline inside a paragraph (the next line goes on with a word)."""
    position = quote.end
    while position < len(text) and text[position] in _TRIMMED:
        position += 1
    following = text[position + 1 : position + 2]
    return text[position : position + 1] == "\n" and following != "" and not following.isspace()


def evaluate(*, verbose: bool = False) -> dict[str, float]:
    if not REUTERS.exists():
        raise FileNotFoundError(f"Reuters-21578 is not at {REUTERS}: see ../shared/data/README")
    pipeline = Pipeline(Settings())
    cut = warnings = quotes = coded = count = 0
    annotation: Annotation
    for annotation in pipeline.annotate(stories()):
        count += 1
        text = annotation.article.text
        for quote in annotation.quotes:
            quotes += 1
            coded += quote.speaker is not None and quote.speaker_actor is not None
            if quote.kind == "direct" and cut_at_wrap(text, quote):
                cut += 1
                if verbose:
                    print(f"  cut {annotation.article.id} {quote.kind}: {quote.text[-60:]!r}")
        for problem in annotation.problems:
            if problem.severity == "warning":
                warnings += 1
                if verbose:
                    print(f"  warning {annotation.article.id}: {problem.code} {problem.message}")
    return {
        "cut_quotes": float(cut),
        "warnings_per_20_stories": 20 * warnings / max(count, 1),
        "quotes": float(quotes),
        "speaker_actor_share": coded / quotes if quotes else 0.0,
    }


if __name__ == "__main__":
    scores = evaluate(verbose="-v" in sys.argv)
    print("wire " + ", ".join(f"{key} {value:.3f}" for key, value in scores.items()))
