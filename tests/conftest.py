"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.model import Article, Parse
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
def seed_article() -> Article:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    return Article(id=record["id"], text=record["text"], date=record["date"], title=record["title"])


@pytest.fixture(scope="session")
def seed_parse(seed_article: Article, parse_text: Callable[[str, str], Parse]) -> Parse:
    return parse_text(seed_article.text, seed_article.id)
