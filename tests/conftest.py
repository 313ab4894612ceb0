"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.model import Article, Entity, Parse
from newsevents.nlp import load_nlp
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "article.jsonl"


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_nlp("en_core_web_sm")


@pytest.fixture(scope="session")
def parse_text(nlp: Any) -> Callable[[str], Parse]:
    """Clean and parse one text, as the pipeline does."""

    def _parse(text: str, article_id: str = "test") -> Parse:
        cleaned = clean_text(text, article_id=article_id)
        return next(parse_texts(nlp, [(article_id, cleaned.text)]))

    return _parse


@pytest.fixture(scope="session")
def actors_of(nlp: Any) -> Callable[[dict[str, tuple[str, str]]], dict[str, tuple[Entity, ...]]]:
    """Run clean, parse and the actor stage over ``{name: (date, text)}``, batched."""
    from newsevents.dictionaries.actors import load_actor_dictionaries
    from newsevents.stages.actors import extract_actors

    def _actors(texts: dict[str, tuple[str, str]]) -> dict[str, tuple[Entity, ...]]:
        dictionaries = load_actor_dictionaries()
        items = [(name, clean_text(text).text) for name, (_, text) in texts.items()]
        found = {}
        for name, parse in zip(texts, parse_texts(nlp, items), strict=True):
            date, text = texts[name]
            article = Article(id=name, text=text, date=date)
            found[name] = extract_actors(parse, article=article, dictionaries=dictionaries)
        return found

    return _actors


@pytest.fixture(scope="session")
def seed_article() -> Article:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    return Article(id=record["id"], text=record["text"], date=record["date"], title=record["title"])


@pytest.fixture(scope="session")
def seed_parse(seed_article: Article, parse_text: Callable[[str, str], Parse]) -> Parse:
    return parse_text(seed_article.text, seed_article.id)
