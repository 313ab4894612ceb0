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


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
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
