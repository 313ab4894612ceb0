"""Copy a spaCy Doc into a ``Parse`` record (tokens, sentences, NER spans)."""

from __future__ import annotations

from typing import Any

from newsevents.model import Parse, Sentence, Span, Token


def doc_to_parse(doc: Any, *, article_id: str) -> Parse:
    """Convert ``doc`` so that nothing after the parse needs spaCy."""
    sentences: list[Sentence] = []
    sent_of: list[int] = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        sentences.append(Sentence(index, sent.start_char, sent.end_char, sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_of[i] = index
    tokens = tuple(
        Token(
            i=token.i,
            start=token.idx,
            end=token.idx + len(token.text),
            text=token.text,
            lemma=token.lemma_,
            pos=token.pos_,
            tag=token.tag_,
            dep=token.dep_,
            head=token.head.i,
            sent=sent_of[token.i],
            ent_iob=token.ent_iob_ or "O",
            ent_type=token.ent_type_,
            whitespace=token.whitespace_,
        )
        for token in doc
    )
    spans = tuple(
        Span(ent.start_char, ent.end_char, ent.text, ent.label_, ent.start, ent.end)
        for ent in doc.ents
    )
    return Parse(
        article_id=article_id,
        text=doc.text,
        tokens=tokens,
        sentences=tuple(sentences),
        spans=spans,
    )
