"""Every page and route fed hostile values: no script reaches a page, no 500, safe headers."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsevents.contract import event_id
from newsevents.model import (
    Annotation,
    Article,
    Entity,
    Event,
    Quote,
    Reference,
    Sentence,
    TimeExpr,
)
from newsevents.storage.duckdb import open_store
from newsevents.storage.rows import annotation_rows
from newsevents.web import create_app

SCRIPT = "<script>alert(1)</script>"
BAD = f'"><img src=x onerror=alert(1)>{SCRIPT}'
TEXT = f"{BAD} Trump met Kim in Singapore on June 12. {BAD}"
IDS = ("a/b c", "https://example.org/story?id=1&x=<b>", f"id{SCRIPT}")


def _annotation(article_id: str) -> Annotation:
    start = TEXT.index("Trump")
    return Annotation(
        article=Article(
            id=article_id,
            text=TEXT,
            date="2018-06-12",
            title=BAD,
            source=BAD,
            url="javascript:alert(1)",
            language=BAD,
        ),
        sentences=(Sentence(0, 0, len(TEXT), 0, 10),),
        entities=(
            Entity(article_id, start, start + 5, BAD, "PERSON", f"USA{SCRIPT}", 0, rule=BAD),
        ),
        timexes=(TimeExpr(article_id, 0, 5, BAD, "DATE", BAD, 0, rule=BAD),),
        references=(Reference(article_id, 0, 5, BAD, BAD, BAD),),
        quotes=(Quote(article_id, 0, 8, BAD, "direct", BAD, 0, 5, BAD, 0, verb=BAD),),
        events=(
            Event(
                article_id=article_id,
                source=f"USA{SCRIPT}",
                target="PRK",
                code="036",
                root="03",
                quad_class=1,
                goldstein=4.0,
                plover=BAD,
                mode="asserted",
                sentence=0,
                start=start,
                end=start + 9,
                rule=BAD,
                source_text=BAD,
                target_text=BAD,
                date="2018-06-12",
                date_text=BAD,
            ),
        ),
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("hostile-web") / "store.duckdb"
    with open_store(path) as store:
        for article_id in IDS:
            store.write(annotation_rows(_annotation(article_id), run_id="test"))
    with TestClient(create_app(path, allow_sql=True), raise_server_exceptions=False) as client:
        yield client


def _event_ids() -> list[str]:
    return [event_id(event) for article_id in IDS for event in _annotation(article_id).events]


CURSORS = [
    base64.urlsafe_b64encode(json.dumps(value).encode()).decode()
    for value in (["date", "desc", "x", "y", "z"], ["date", "desc", [1], {}, None], [1, 2])
] + ["%%%", "", "A" * 5000]
PARAMS = ("source", "target", "actor", "code", "root", "quad_class", "mode", "since", "until")
HOSTILE_VALUES = (BAD, "2018-07-12garbage!!", "-1", "9" * 400, "\x00", "%00")
PATHS = [
    *(f"/articles/{quote(article_id, safe='')}" for article_id in IDS),
    *(f"/articles/{article_id}" for article_id in IDS),
    *(f"/api/articles/{quote(article_id, safe='')}" for article_id in IDS),
    *(f"/events/{event}" for event in _event_ids()),
    *(f"/api/events/{event}" for event in _event_ids()),
    *(
        f"{page}?{name}={quote(value)}"
        for page in (
            "/",
            "/events",
            "/dyad",
            "/network",
            "/api/events",
            "/api/dyads",
            "/api/timeline",
            "/api/quotes",
        )
        for name in PARAMS
        for value in HOSTILE_VALUES
    ),
    *(
        f"{page}?cursor={quote(cursor)}"
        for page in ("/events", "/api/events", "/api/quotes")
        for cursor in CURSORS
    ),
    "/api/summary",
    "/api/actors?unknown=true",
    f"/api/sql?sql={quote('SELECT title, url FROM articles')}",
    f"/events/{quote(BAD)}",
    f"/{quote(BAD)}",
]


@pytest.mark.parametrize("path", PATHS)
def test_no_page_or_route_runs_a_stored_or_given_script_or_fails(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code < 500
    body = response.text
    if response.headers["content-type"].startswith("text/html"):
        assert "<script>alert" not in body and "<img src=x" not in body
        assert "javascript:" not in body
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("article_id", IDS)
def test_articles_with_slashes_spaces_and_urls_open(client: TestClient, article_id: str) -> None:
    assert client.get(f"/articles/{quote(article_id, safe='')}").status_code == 200
    data = client.get(f"/api/articles/{quote(article_id, safe='')}").json()
    assert data["id"] == article_id


def test_event_page_links_the_article_of_an_odd_id(client: TestClient) -> None:
    page = client.get(f"/events/{_event_ids()[0]}").text
    assert f'href="/articles/{quote(IDS[0])}' in page
