"""End-to-end: ``newsevents fetch`` against saved pages served from 127.0.0.1, then ingest."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsevents.cli.main import cli
from newsevents.fetch import USER_AGENT, FetchOptions, fetch_pages

ARTICLE = """<html><head><title>Envoys meet in Geneva</title>
<meta property="article:published_time" content="2019-03-04T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Envoys meet in Geneva</h1>
<p>Diplomats from Iran and the European Union met in Geneva on Monday to discuss the nuclear
agreement that Tehran and six world powers signed in Vienna in 2015.</p>
<p>The talks lasted four hours, officials said, and will resume next week.</p>
</article></body></html>"""
ROBOTS = "User-agent: *\nDisallow: /private/\n"


class Server(ThreadingHTTPServer):
    requests: list[tuple[str, str]]
    flaky: dict[str, int]


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            self._send(200, ROBOTS, "text/plain")
        elif self.path in ("/news/geneva", "/private/memo"):
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif self.path == "/flaky" and self.server.flaky.setdefault(self.path, 0) < 2:
            self.server.flaky[self.path] += 1
            self._send(503, "busy", "text/plain")
        elif self.path == "/flaky":
            self._send(200, ARTICLE, "text/html")
        else:
            self._send(404, "not found", "text/plain")

    def _send(self, status: int, body: str, content_type: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def server() -> Iterator[Server]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.requests, httpd.flaky = [], {}
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _base(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


FAST = FetchOptions(concurrency=2, delay=0.0, timeout=5.0, retries=2, backoff=0.01)


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/news/geneva", None),
        ("/private/memo", "disallowed by robots.txt"),
        ("/missing", "HTTP 404"),
        ("/flaky", None),  # two 503s, then a page: retried with backoff
    ],
)
def test_fetch_outcomes(server: Server, path: str, error: str | None) -> None:
    (page,) = fetch_pages([_base(server) + path], options=FAST)
    assert page.error == error
    assert (page.html is not None) is (error is None)


def test_robots_is_read_once_per_host_and_requests_name_newsevents(server: Server) -> None:
    urls = [_base(server) + path for path in ("/news/geneva", "/missing", "/news/geneva")]
    list(fetch_pages(urls, options=FAST))
    assert [path for path, _ in server.requests].count("/robots.txt") == 1
    assert {agent for _, agent in server.requests} == {USER_AGENT}


def test_a_404_is_not_retried(server: Server) -> None:
    list(fetch_pages([_base(server) + "/missing"], options=FAST))
    assert [path for path, _ in server.requests].count("/missing") == 1


def test_fetch_then_ingest_stores_the_page_and_quarantines_failures(
    server: Server, tmp_path: Path
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# saved pages\n{_base(server)}/news/geneva\n{_base(server)}/missing\n")
    pages, db = tmp_path / "pages.jsonl", str(tmp_path / "s.duckdb")
    runner = CliRunner()
    fetched = runner.invoke(cli, ["fetch", str(urls), "-o", str(pages), "--delay", "0"])
    assert fetched.exit_code == 0, fetched.output
    records = [json.loads(line) for line in pages.read_text().splitlines()]
    assert [(r.get("title"), r.get("date"), "error" in r) for r in records] == [
        ("Envoys meet in Geneva", "2019-03-04", False),
        (None, None, True),
    ]
    ingested = runner.invoke(cli, ["ingest", str(pages), "--db", db])
    assert "read 2, stored 1 (0 already stored), quarantined 1" in ingested.output
