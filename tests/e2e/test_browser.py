"""The dashboard in a real browser: Debian's Chromium, driven by Playwright, against a real
``newsevents serve`` over a store ingested from the bundled sample corpus.

These tests never skip: without Chromium they fail and say how to install it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "newsevents" / "data" / "sample_corpus.jsonl"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path(os.environ.get("NEWSEVENTS_CHROMIUM", "/usr/bin/chromium"))
# Headless, sandbox off (CI runs as root), and nothing that phones home: the dashboard must work
# offline, so the only host the browser may reach is the server under test.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NEWSEVENTS = Path(sys.executable).parent / "newsevents"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[str], seconds: float = 30.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if process.poll() is not None:
            pytest.fail(f"newsevents serve exited: {process.communicate()[1]}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"newsevents serve did not answer {url} within {seconds} s")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "sample.duckdb"
    done = subprocess.run(
        [str(NEWSEVENTS), "ingest", str(SAMPLE), "--db", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return path


def _serve(store: Path) -> Iterator[str]:
    """``newsevents serve`` over ``store`` on a free port, until the caller is done."""
    port = _free_port()
    process = subprocess.Popen(
        [str(NEWSEVENTS), "serve", "--db", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/summary", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    yield from _serve(store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` "
            "(never `playwright install`), or point NEWSEVENTS_CHROMIUM at one"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page that may only reach the server; it records console errors and outside requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    page = context.new_page()
    page.problems = []
    page.outside = []

    def only_local(route: Any) -> None:
        if urlparse(route.request.url).netloc == urlparse(server).netloc:
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    assert page.outside == [], "the dashboard tried to reach another host"
    assert page.problems == []
    context.close()


def shoot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def chart_marks(page: Any, selector: str) -> int:
    """Wait for the chart to be drawn and count the SVG shapes plotly drew for its data."""
    page.wait_for_selector(f"{selector}[data-drawn]", timeout=20_000)
    assert page.get_attribute(selector, "data-drawn") == "true"
    return int(page.locator(f"{selector} svg g.trace path").count())


def test_overview_shows_counts_and_a_stacked_timeline(page: Any, server: str) -> None:
    page.goto("/")
    summary = json.loads(urllib.request.urlopen(f"{server}/api/summary").read())
    assert page.inner_text('[data-count="events"]').replace(",", "") == str(summary["events"])
    assert chart_marks(page, "#timeline") > 0
    assert page.locator("#timeline .legendtext").count() >= 2
    shoot(page, "overview")


def test_click_from_overview_to_dyad_to_event_to_article(page: Any, server: str) -> None:
    page.goto("/")
    page.click("#top-dyads a.dyad >> nth=0")
    page.wait_for_url("**/dyad?**")
    assert chart_marks(page, "#dyad-chart") > 0
    shoot(page, "dyad")
    page.click("a.event-link >> nth=0")
    page.wait_for_url("**/events/*")
    assert page.locator("code.rule").count() == 1
    shoot(page, "event")
    page.click("a.article-link >> nth=0")
    page.wait_for_url("**/articles/**")
    article_id = urlparse(page.url).path.split("/articles/")[1]
    api = json.loads(urllib.request.urlopen(f"{server}/api/articles/{article_id}").read())
    shown = page.evaluate(
        """() => {
            const text = {};
            for (const el of document.querySelectorAll('#article-text [data-spans]'))
                for (const id of el.dataset.spans.split(' '))
                    text[id] = (text[id] || '') + el.textContent;
            return text;
        }"""
    )
    for entity in api["entities"]:
        assert shown[f"entity-{entity['idx']}"] == entity["text"]
    for kind, table in (("timex", "timexes"), ("quote", "quotes")):
        for record in api[table]:
            assert shown[f"{kind}-{record['idx']}"] == api["text"][record["start"] : record["end"]]
    assert sum(key.startswith("event-") for key in shown) == len(api["events"])
    shoot(page, "article")


def test_article_legend_hides_a_kind_of_highlight(page: Any, server: str) -> None:
    first = json.loads(urllib.request.urlopen(f"{server}/api/events?limit=1").read())
    page.goto(f"/articles/{first['events'][0]['article_id']}")
    page.uncheck('#legend input[data-kind="entity"]')
    assert "hide-entity" in (page.get_attribute("#article-text", "class") or "")


def test_network_draws_actors_and_clicks_through(page: Any) -> None:
    page.goto("/network")
    assert chart_marks(page, "#network") > 0
    assert page.locator("#network .scatterlayer .trace").count() > 2
    shoot(page, "network")


def test_event_list_sorts_by_goldstein(page: Any) -> None:
    page.goto("/events")
    page.click('a.sort:has-text("Goldstein")')
    page.wait_for_url("**sort=goldstein**")
    values = [float(v) for v in page.locator("#event-table tbody td.num").all_inner_texts()]
    assert values == sorted(values) and len(values) > 1
    shoot(page, "events")


def test_api_docs_start_under_the_content_security_policy(page: Any) -> None:
    """Swagger UI's inline start-up script is allowed by its hash; nothing else is refused."""
    page.goto("/docs")
    page.wait_for_selector("#swagger-ui .swagger-ui", timeout=15_000)


def _api(server: str, path: str) -> Any:
    return json.loads(urllib.request.urlopen(f"{server}{path}").read())


def _first_card(page: Any) -> int:
    return int(page.inner_text(".card.wide .n >> nth=0"))


def test_dyad_page_counts_asserted_events_and_follows_the_mode_filter(
    page: Any, server: str
) -> None:
    every = {
        (d["source"], d["target"]): d["events"]
        for d in _api(server, "/api/dyads?mode=all&limit=1000")["dyads"]
    }
    asserted = {
        (d["source"], d["target"]): d["events"]
        for d in _api(server, "/api/dyads?limit=1000")["dyads"]
    }
    source, target = next(pair for pair, n in every.items() if n > asserted.get(pair, 0) > 0)
    page.goto(f"/dyad?source={source}&target={target}")
    counted = _first_card(page)
    assert counted == sum(
        n for (s, t), n in asserted.items() if s.startswith(source) and t.startswith(target)
    )
    page.select_option("#mode-filter", "all")
    page.click('form.filters button[type="submit"]')
    page.wait_for_url("**mode=all**")
    assert _first_card(page) > counted
    shoot(page, "dyad-all-modes")


def test_a_year_precision_event_shows_as_its_year(page: Any, server: str) -> None:
    events = _api(server, "/api/events?limit=1000&mode=all")["events"]
    event = next(e for e in events if e["date_precision"] == "year")
    page.goto(f"/events?article_id={event['article_id']}&mode=all")
    row = page.locator(f'#event-table tr[data-id="{event["id"]}"] td.nowrap').first
    assert row.inner_text() == event["date"] and len(event["date"]) == 4


def test_docs_list_the_api_operations(page: Any, server: str) -> None:
    page.goto("/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    paths = _api(server, "/openapi.json")["paths"]
    shown = page.locator(".opblock-summary-path").all_inner_texts()
    assert {text.replace("\u200b", "") for text in shown} >= set(paths)
    shoot(page, "docs")


def test_map_shows_one_point_per_located_event_and_a_click_opens_it(page: Any, server: str) -> None:
    located = _api(server, "/api/places")
    assert 0 < located["total"] <= 1000
    page.goto("/map")
    page.wait_for_selector("#map[data-drawn]", timeout=20_000)
    assert page.get_attribute("#map", "data-drawn") == "true"
    points = page.locator("#map .scatterlayer .trace:not(:first-child) path.point")
    assert points.count() == located["total"]
    shoot(page, "map")
    box = points.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/events/*")
    assert page.locator("code.rule").count() == 1


@pytest.fixture(scope="module")
def big_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of 100,000 events among 2,000 actors (a few busy, most rare)."""
    from newsevents.storage.duckdb import open_store

    path = tmp_path_factory.mktemp("big") / "big.duckdb"
    with open_store(path) as store:
        store.connection.execute(
            "INSERT INTO events (id, article_id, idx, source, target, code, root, quad_class, "
            'goldstein, mode, sentence, start, "end", rule, date, date_precision, day) '
            "SELECT 'e' || i, 'a' || (i // 10), i % 10, "
            "'A' || CAST(floor(pow(random(), 3) * 2000) AS INT), "
            "'B' || CAST(floor(pow(random(), 3) * 2000) AS INT), '042', '04', 1, 1.9, "
            "'asserted', 0, 0, 1, 'test', '2020-01-01', 'day', DATE '2020-01-01' "
            "FROM range(100000) t(i)"
        )
    yield from _serve(path)


def test_network_of_100000_events_shows_top_labels_without_overlap(
    browser: Any, big_server: str
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=big_server)
    page = context.new_page()
    page.goto("/network")
    page.wait_for_selector("#network[data-drawn]", timeout=30_000)
    assert page.get_attribute("#network", "data-drawn") == "true"
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('#network text[data-shown]')]
             .map((t) => { const b = t.getBoundingClientRect();
                           return [b.left, b.top, b.right, b.bottom]; })"""
    )
    assert 0 < len(boxes) <= 25
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert "left out" in page.inner_text("#network-left-out")
    page.screenshot(path=str(SCREENSHOTS / "network-100k.png"), full_page=True)
    context.close()
