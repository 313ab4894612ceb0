"""Score quotes and speakers on PolNeAR's 2016 political news, annotated by others (issue 13).

Runs clean -> parse -> actors -> quotes on the primary annotator's documents of
``../shared/data/dev/quotes_polnear_train.jsonl`` (split by ``eval/split.py``: the untouched
fifth is only scored) and ``quotes_polnear_dev.jsonl`` (never looked at, only scored).

Gold: every attribution PolNeAR flags ``direct_quote`` (a quotation, or reported speech with a
quoted fragment); its *quoted contents* are its content spans, marks and blanks trimmed. A
predicted quote of kind ``direct`` or ``mixed`` matches a quoted content when it covers at least
half of it (``quote_*`` scores; issue 13's rule: a quote may cover several quoted contents, as
PolNeAR often gives each sentence of one quotation its own attribution; ``quote_f1_one_to_one``
pairs each quote with one content at most, best coverage first). A direct quote
inside a predicted mixed quote is the quoted part of that one report, as PolNeAR annotates it, and
is not counted again. ``passage_*`` scores the quoted words alone: the passages between marks
inside the quoted contents against the predicted direct quotes. Speaker accuracy: of matched
quoted contents whose attribution names a source, the share whose speaker mention overlaps a
source span or, for names and descriptions, has its words elsewhere (one mention's words a run of
the other's: "Trump" for "Donald Trump", as ``eval/quotes.py`` matches them). Actor share: of
predicted direct and mixed quotes with a speaker, the share whose speaker has an actor code.

Run: ``python eval/polnear.py`` (untouched fifth and dev), ``--study`` (adds the study part),
``--errors`` (lists misses, spurious quotes and wrong speakers of the study part only).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.dictionaries.actors import load_actor_dictionaries
from newsevents.model import Article, Parse, Quote
from newsevents.nlp import load_nlp
from newsevents.stages.actors import extract_actors
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts
from newsevents.stages.quotes import extract_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import untouched  # eval/ is not a package: imported from its folder

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev"
TRAIN = DATA / "quotes_polnear_train.jsonl"
DEV = DATA / "quotes_polnear_dev.jsonl"
# A pronoun elsewhere in the text may be someone else: only names and descriptions match by words.
_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "its", "who"]
)
MIN_COVER = 0.5  # issue 13: a predicted quote counts when it covers half of a quoted content
QUOTED_KINDS = frozenset({"direct", "mixed"})  # what PolNeAR calls direct_quote
_OPENERS, _CLOSERS, _STRAIGHT = "\u201c", "\u201d", '"'
_MARKS = _OPENERS + _CLOSERS + _STRAIGHT + "\u2018\u2019"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One quoted content of a PolNeAR attribution, with the attribution's source spans."""

    start: int
    end: int
    sources: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0  # golds covered at least half by some predicted quote
    precise: int = 0  # predicted quotes covering at least half of some gold
    one_to_one: int = 0  # pairs when each quote may cover one gold only
    speaker_right: int = 0
    speaker_scored: int = 0
    with_speaker: int = 0
    with_actor: int = 0
    passages: int = 0
    passages_predicted: int = 0
    passages_matched: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        precision = self.precise / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        passage = prf(self.passages_matched, self.passages_predicted, self.passages)
        return {
            "quote_precision": precision,
            "quote_recall": recall,
            "quote_f1": f1,
            "quote_f1_one_to_one": prf(self.one_to_one, self.predicted, self.gold)[2],
            "passage_precision": passage[0],
            "passage_recall": passage[1],
            "passage_f1": passage[2],
            "speaker_accuracy": self.speaker_right / self.speaker_scored
            if self.speaker_scored
            else 0.0,
            "speaker_actor_share": self.with_actor / self.with_speaker
            if self.with_speaker
            else 0.0,
            "n_gold": float(self.gold),
        }


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def quoted_contents(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The passages between double marks inside ``text[start:end]`` (curly singles if none)."""
    marks = [i for i in range(start, end) if text[i] in _OPENERS + _CLOSERS + _STRAIGHT]
    if not marks:
        marks = [i for i in range(start, end) if text[i] in "\u2018\u2019" and _single(text, i)]
    found: list[tuple[int, int]] = []
    index = 0
    if marks and text[marks[0]] in _CLOSERS + "\u2019":  # the content starts inside the quote
        found.append((start, marks[0]))
        index = 1
    while index < len(marks):
        closer = marks[index + 1] if index + 1 < len(marks) else end
        found.append((marks[index] + 1, closer))
        index += 2
    return [(low, high) for low, high in (_trim(text, a, b) for a, b in found) if high > low]


def _single(text: str, index: int) -> bool:
    """A curly single mark that is a mark, not an apostrophe inside a word."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def _trim(text: str, start: int, end: int, extra: str = ",;:") -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in extra):
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class Document:
    article: Article
    contents: list[GoldQuote]  # quoted contents, the unit of ``quote_*``
    passages: list[GoldQuote]  # the words between marks, the unit of ``passage_*``


def load(path: Path) -> Iterator[tuple[int, Document]]:
    """Yield (document index, document with its gold) for the primary annotations."""
    index = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not record["primary"]:
            continue
        text = record["text"]
        article = Article(id=record["doc_id"], text=text, date=record["publication_date"])
        contents: list[GoldQuote] = []
        passages: list[GoldQuote] = []
        for attribution in record["attributions"]:
            if not attribution["direct_quote"]:
                continue
            sources = tuple((span["start"], span["end"]) for span in attribution["source"])
            for span in attribution["content"] + attribution["content2"]:
                start, end = _trim(text, span["start"], span["end"], _MARKS)
                if end > start:
                    contents.append(GoldQuote(start, end, sources))
                for low, high in quoted_contents(text, span["start"], span["end"]):
                    passages.append(GoldQuote(low, high, sources))
        yield index, Document(article, _distinct(contents), _distinct(passages))
        index += 1


def _distinct(golds: list[GoldQuote]) -> list[GoldQuote]:
    """One gold per passage (two attributions may share a quoted content)."""
    seen: dict[tuple[int, int], GoldQuote] = {}
    for gold in golds:
        seen.setdefault((gold.start, gold.end), gold)
    return sorted(seen.values(), key=lambda gold: gold.start)


def covers(quote: Quote, gold: GoldQuote) -> float:
    shared = min(quote.end, gold.end) - max(quote.start, gold.start)
    return max(shared, 0) / max(gold.end - gold.start, 1)


def match(golds: list[GoldQuote], quotes: list[Quote]) -> list[tuple[GoldQuote, Quote]]:
    """Pair golds and predictions covering at least half, best coverage first, one to one."""
    candidates = sorted(
        (
            (covers(quote, gold), gold_index, quote_index)
            for gold_index, gold in enumerate(golds)
            for quote_index, quote in enumerate(quotes)
            if quote.end > gold.start and quote.start < gold.end
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_quote: set[int] = set()
    pairs = []
    for score, gold_index, quote_index in candidates:
        if score < MIN_COVER or gold_index in used_gold or quote_index in used_quote:
            continue
        used_gold.add(gold_index)
        used_quote.add(quote_index)
        pairs.append((golds[gold_index], quotes[quote_index]))
    return pairs


def covered(golds: list[GoldQuote], quotes: list[Quote]) -> list[tuple[GoldQuote, Quote]]:
    """Each gold with the predicted quote covering most of it, when that is at least half.

    A quote may cover several golds: PolNeAR often gives each sentence of one quotation its own
    attribution, where a quote runs to the closing mark.
    """
    pairs = []
    for gold in golds:
        best = max(quotes, key=lambda quote: covers(quote, gold), default=None)
        if best is not None and covers(best, gold) >= MIN_COVER:
            pairs.append((gold, best))
    return pairs


def speaker_right(gold: GoldQuote, quote: Quote, text: str) -> bool:
    """The speaker overlaps a source span, or names it elsewhere ('Trump' for 'Donald Trump')."""
    if quote.speaker_start is None or quote.speaker_end is None or quote.speaker is None:
        return False
    if any(quote.speaker_start < end and start < quote.speaker_end for start, end in gold.sources):
        return True
    found = _words(quote.speaker)
    for start, end in gold.sources:
        expected = _words(text[start:end])
        if found and expected and (_contains(expected, found) or _contains(found, expected)):
            return not (set(found) | set(expected)) & _PRONOUNS
    return False


def _words(mention: str) -> tuple[str, ...]:
    return tuple(mention.lower().replace("\u2019s", "").replace("'s", "").split())


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def reports(quotes: Iterable[Quote]) -> list[Quote]:
    """Direct and mixed quotes, without the direct quotes inside a mixed one (its quoted part)."""
    quoted = [quote for quote in quotes if quote.kind in QUOTED_KINDS]
    mixed = [quote for quote in quoted if quote.kind == "mixed"]
    return [
        quote
        for quote in quoted
        if quote.kind == "mixed"
        or not any(m.start <= quote.start and quote.end <= m.end for m in mixed)
    ]


def score_article(
    tally: Tally, document: Document, quotes: tuple[Quote, ...], *, errors: bool
) -> None:
    article, golds = document.article, document.contents
    direct = [quote for quote in quotes if quote.kind == "direct"]
    tally.passages += len(document.passages)
    tally.passages_predicted += len(direct)
    tally.passages_matched += len(match(document.passages, direct))
    predicted = reports(quotes)
    pairs = covered(golds, predicted)
    tally.gold += len(golds)
    tally.predicted += len(predicted)
    tally.matched += len(pairs)
    tally.precise += sum(any(covers(q, g) >= MIN_COVER for g in golds) for q in predicted)
    tally.one_to_one += len(match(golds, predicted))
    for quote in predicted:
        if quote.speaker is not None:
            tally.with_speaker += 1
            tally.with_actor += quote.speaker_actor is not None
    for gold, quote in pairs:
        if gold.sources:
            right = speaker_right(gold, quote, article.text)
            tally.speaker_scored += 1
            tally.speaker_right += right
            if errors and not right:
                sources = " | ".join(article.text[a:b] for a, b in gold.sources)
                tally.errors.append(
                    f"speaker {article.id}: {quote.text[:60]!r} gold {sources!r} "
                    f"got {quote.speaker!r} ({quote.verb})"
                )
    if errors:
        _list_misses(tally, article, golds, predicted, pairs)


def _list_misses(
    tally: Tally,
    article: Article,
    golds: list[GoldQuote],
    predicted: list[Quote],
    pairs: list[tuple[GoldQuote, Quote]],
) -> None:
    matched_golds = {id(gold) for gold, _ in pairs}
    matched_quotes = {
        id(quote) for quote in predicted if any(covers(quote, g) >= MIN_COVER for g in golds)
    }
    for gold in golds:
        if id(gold) not in matched_golds:
            context = article.text[max(gold.start - 60, 0) : gold.end + 20].replace("\n", "/")
            tally.errors.append(f"missed {article.id}: {context!r}")
    for quote in predicted:
        if id(quote) not in matched_quotes:
            tally.errors.append(f"spurious {quote.kind} {article.id}: {quote.text[:80]!r}")


Runner = Callable[[list[Article]], list[tuple[Quote, ...]]]


def runner() -> Runner:
    """clean -> parse -> actors -> quotes over a list of articles."""
    nlp = load_nlp("en_core_web_sm")
    dictionaries = load_actor_dictionaries()

    def run(articles: list[Article]) -> list[tuple[Quote, ...]]:
        texts = [
            (article.id, clean_text(article.text, article_id=article.id).text)
            for article in articles
        ]
        results = []
        for article, parse in zip(articles, parse_texts(nlp, texts), strict=True):
            results.append(_quotes(parse, article, dictionaries))
        return results

    return run


def _quotes(parse: Parse, article: Article, dictionaries: Any) -> tuple[Quote, ...]:
    entities = extract_actors(parse, article=article, dictionaries=dictionaries)
    return extract_quotes(parse, article=article, entities=entities)


def score(documents: list[Document], run: Runner, *, errors: bool = False) -> Tally:
    tally = Tally()
    articles = [document.article for document in documents]
    for document, quotes in zip(documents, run(articles), strict=True):
        score_article(tally, document, quotes, errors=errors)
    return tally


def evaluate(
    *, study: bool = False, errors: bool = False, run: Runner | None = None
) -> dict[str, float]:
    """Untouched fifth (``untouched_*``) and dev (``dev_*``) scores; ``study_*`` on request."""
    if not TRAIN.exists():
        raise FileNotFoundError(f"PolNeAR is not at {TRAIN}: see ../shared/data/dev/README.md")
    run = run or runner()
    train = list(load(TRAIN))
    parts = {
        "untouched": [document for index, document in train if untouched(index)],
        "dev": [document for _, document in load(DEV)],
    }
    if study or errors:
        parts["study"] = [document for index, document in train if not untouched(index)]
    scores: dict[str, float] = {}
    for name, documents in parts.items():
        tally = score(documents, run, errors=errors and name == "study")
        for line in tally.errors:
            print("  " + line)
        scores.update({f"{name}_{key}": value for key, value in tally.scores().items()})
    return scores


def main(argv: list[str]) -> int:
    scores = evaluate(study="--study" in argv, errors="--errors" in argv)
    for part in ("study", "untouched", "dev"):
        shown = [
            f"{key[len(part) + 1 :]} {value:.3f}"
            for key, value in scores.items()
            if key.startswith(part + "_")
        ]
        if shown:
            print(f"polnear {part:10} " + ", ".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
