"""The dashboard pages, rendered by the real app over a hand-made store."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_store import SUMMIT, build_store

from newsevents.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = build_store(tmp_path_factory.mktemp("pages") / "pages.duckdb")
    with TestClient(create_app(path)) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("/", "/api/summary"),
        ("/?interval=week&mode=all", "/api/timeline?interval=week&amp;split=quad_class"),
        ("/dyad", "/api/dyads"),
        ("/dyad?source=USAGOV&target=PRKGOV", "/api/events?source=PRKGOV&amp;target=USAGOV"),
        ("/network?actor=USA", "/api/network?actor=USA&amp;mode=asserted"),
        ("/events?quad_class=4&sort=goldstein", "/api/events?quad_class=4"),
        ("/articles/summit-2018", "/api/articles/summit-2018"),
    ],
)
def test_every_page_links_its_json_twin(client: TestClient, path: str, twin: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert f'href="{twin}' in response.text


def test_overview_shows_counts_and_top_dyads(client: TestClient) -> None:
    page = client.get("/").text
    assert re.search(r'data-count="events">8<', page)
    assert "USAGOV → PRKGOV" in page and 'data-chart="timeline"' in page


def test_dyad_page_lists_both_directions_with_event_links(client: TestClient) -> None:
    page = client.get("/dyad", params={"source": "USAGOV", "target": "PRKGOV"}).text
    assert "USAGOV → PRKGOV: 2 events" in page and "PRKGOV → USAGOV: 1 events" in page
    assert page.count('class="event-link"') == 3


def test_event_list_filters_and_links_articles(client: TestClient) -> None:
    page = client.get("/events", params={"root": "16"}).text
    assert page.count('class="event-link"') == 1
    assert 'href="/articles/sanctions-2017#event-0"' in page


def test_event_list_pages_with_a_cursor(client: TestClient) -> None:
    page = client.get("/events", params={"limit": 3}).text
    next_link = re.search(r'class="next" href="([^"]+)"', page)
    assert next_link is not None
    second = client.get(next_link.group(1).replace("&amp;", "&")).text
    assert second.count('class="event-link"') == 3 and "first page" in second


def test_event_page_shows_rule_evidence_and_source(client: TestClient) -> None:
    event_id = client.get("/api/events", params={"code": "057"}).json()["events"][0]["id"]
    page = client.get(f"/events/{event_id}").text
    assert "verb:signed-&gt;057" in page and "Sign formal agreement" in page
    assert "The two leaders signed a short statement on denuclearization." in page
    assert 'href="/articles/summit-2018#event-1"' in page


def test_article_page_highlights_every_span_of_the_api(client: TestClient) -> None:
    article = client.get("/api/articles/summit-2018").json()
    page = client.get("/articles/summit-2018").text
    pieces: dict[str, str] = {}
    for ids, text in re.findall(r'data-spans="([^"]+)"[^>]*>([^<]*)</span>', page):
        for span_id in ids.split():
            pieces[span_id] = pieces.get(span_id, "") + text.replace("&#34;", '"')
    for entity in article["entities"]:
        assert pieces[f"entity-{entity['idx']}"] == entity["text"]
    assert pieces["quote-0"] == article["quotes"][0]["text"]
    assert pieces["event-0"] == "met" and pieces["timex-0"] == "Tuesday, June 12"
    assert len(pieces) == 3 + 1 + 1 + 3


def test_article_text_survives_highlighting(client: TestClient) -> None:
    page = client.get("/articles/summit-2018").text
    body = re.search(r'<article class="text"[^>]*>(.*?)</article>', page, re.S)
    assert body is not None
    plain = re.sub(r"<[^>]+>", "", body.group(1)).replace("&#34;", '"').replace("&#39;", "'")
    assert plain == SUMMIT


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/events/ffffffffffffffff", 404),
        ("/articles/none", 404),
        ("/events?root=99", 400),
        ("/dyad?source=U%20S", 400),
        ("/nowhere", 404),
    ],
)
def test_page_errors_are_html_with_the_message(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"Error {status}" in response.text and "Back to the overview" in response.text


@pytest.mark.parametrize("asset", ["/static/app.css", "/static/app.js"])
def test_own_assets_are_served(client: TestClient, asset: str) -> None:
    assert client.get(asset).status_code == 200


def _cards(html: str) -> list[str]:
    return re.findall(r'<div class="card wide"><div class="n">(\d+)</div>', html)


def test_dyad_page_counts_asserted_events_unless_the_mode_filter_says_otherwise(
    client: TestClient,
) -> None:
    asserted = client.get("/dyad", params={"source": "PRK", "target": "USA"}).text
    everything = client.get("/dyad", params={"source": "PRK", "target": "USA", "mode": "all"}).text
    negated = client.get("/dyad", params={"source": "PRK", "target": "USA", "mode": "negated"}).text
    assert _cards(asserted) == ["1", "2"]  # PRK->USA, USA->PRK
    assert _cards(everything) == ["2", "2"]  # and the negated "return to talks"
    assert _cards(negated) == ["1", "0"]
    assert "asserted events only" in asserted and "every mode" in everything


def test_events_page_shows_a_date_at_its_precision(client: TestClient) -> None:
    html = client.get("/events", params={"code": "138"}).text
    assert '<td class="nowrap">2018</td>' in html
    assert "2018-01-01" not in html
