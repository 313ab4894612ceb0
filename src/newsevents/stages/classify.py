"""The classify stage: the sentence classifier's event and PentaClass probabilities per sentence."""

from __future__ import annotations

from newsevents.classifier import NONE, PENTA_LABELS, SentenceModel, sentence_features
from newsevents.model import Article, Parse, SentenceClass

__all__ = ["classify_sentences"]


def classify_sentences(
    parse: Parse, *, article: Article, model: SentenceModel
) -> tuple[SentenceClass, ...]:
    """One ``SentenceClass`` per sentence of ``parse`` that has words."""
    columns = [
        model.labels.index(label) if label in model.labels else None for label in PENTA_LABELS
    ]
    none = model.labels.index(NONE) if model.has_none else None
    sentences = [
        sentence
        for sentence in parse.sentences
        if not all(token.is_space for token in parse.sentence_tokens(sentence))
    ]
    features = [sentence_features(parse.sentence_tokens(sentence)) for sentence in sentences]
    records: list[SentenceClass] = []
    for sentence, probabilities in zip(sentences, model.probabilities_of(features), strict=True):
        penta = [0.0 if column is None else float(probabilities[column]) for column in columns]
        total = sum(penta) or 1.0  # a model trained on "none" alone has no class to say
        records.append(
            SentenceClass(
                article_id=article.id,
                sentence=sentence.index,
                start=sentence.start,
                end=sentence.end,
                event=None if none is None else 1.0 - float(probabilities[none]),
                classes=tuple(round(value / total, 4) for value in penta),
                model=model.name,
            )
        )
    return tuple(records)
