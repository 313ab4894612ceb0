"""A polite downloader: robots.txt, a User-Agent naming newsevents, limits, timeouts, retries.

``fetch_pages`` yields one ``Page`` per URL in input order; ``page_record`` turns a page into an
input record (main text and metadata extracted by trafilatura) that ``ingest`` reads, or into a
record with an ``error`` and no text, which ``ingest`` quarantines, so no URL is silently lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsevents import __version__
from newsevents.stages.ingest.html import html_to_mapping

USER_AGENT = f"newsevents/{__version__} (news event coder; +https://pypi.org/project/newsevents/)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # worth another try (RFC 9110, 6585)
MAX_RETRY_AFTER = 60.0  # never wait longer than this for a server's Retry-After
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely to fetch: parallel requests, per-host spacing, timeouts and retries."""

    concurrency: int = 4
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """The outcome of fetching one URL: its HTML, or why there is none."""

    url: str
    status: int | None
    html: str | None
    error: str | None = None


class _Hosts:
    """Per-host robots.txt rules and request spacing, shared by the worker threads."""

    def __init__(self, client: httpx.Client, options: FetchOptions) -> None:
        self.client = client
        self.options = options
        self.lock = threading.Lock()
        self.robots: dict[str, RobotFileParser] = {}
        self.host_locks: dict[str, threading.Lock] = {}
        self.last: dict[str, float] = {}

    def allowed(self, url: str) -> bool:
        if not self.options.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._host_lock(origin):
            if origin not in self.robots:
                self.robots[origin] = self._read_robots(origin)
        return self.robots[origin].can_fetch(USER_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            response = None
        # As urllib.robotparser.read does: 401/403 forbid everything, other errors allow it.
        if response is None or response.status_code >= 400:
            forbidden = response is not None and response.status_code in (401, 403)
            parser.parse(DISALLOW_ALL if forbidden else [])
        else:
            parser.parse(response.text.splitlines())
        return parser

    def _host_lock(self, key: str) -> threading.Lock:
        with self.lock:
            return self.host_locks.setdefault(key, threading.Lock())

    def wait_turn(self, url: str) -> None:
        """Space requests to one host by ``delay`` seconds."""
        host = urlsplit(url).netloc
        with self._host_lock(f"delay:{host}"):
            wait = self.last.get(host, 0.0) + self.options.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.last[host] = time.monotonic()


def _retry_after(response: httpx.Response, default: float) -> float:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.isdigit() else default


def fetch_one(url: str, *, client: httpx.Client, hosts: _Hosts, options: FetchOptions) -> Page:
    """Fetch one URL, retrying transport errors and 429/5xx answers with exponential backoff."""
    if not hosts.allowed(url):
        return Page(url, None, None, "disallowed by robots.txt")
    error = "not fetched"
    status: int | None = None
    for attempt in range(options.retries + 1):
        wait = options.backoff * 2**attempt
        hosts.wait_turn(url)
        try:
            response = client.get(url)
        except httpx.HTTPError as failure:
            error = f"{type(failure).__name__}: {failure}"
        else:
            status = response.status_code
            if response.is_success:
                return Page(url, status, response.text)
            error = f"HTTP {status}"
            if status not in RETRY_STATUSES:
                break
            wait = _retry_after(response, wait)
        if attempt < options.retries:
            time.sleep(wait)
    return Page(url, status, None, error)


def fetch_pages(
    urls: Iterable[str], *, options: FetchOptions | None = None, transport: Any = None
) -> Iterator[Page]:
    """Fetch ``urls`` (blank lines and ``#`` comments skipped), yielding pages in input order."""
    options = options or FetchOptions()
    wanted = (url.strip() for url in urls)
    iterator = (url for url in wanted if url and not url.startswith("#"))
    timeout = httpx.Timeout(options.timeout)
    headers = {"User-Agent": USER_AGENT}
    with (
        httpx.Client(
            headers=headers, timeout=timeout, follow_redirects=True, transport=transport
        ) as client,
        ThreadPoolExecutor(max_workers=max(1, options.concurrency)) as pool,
    ):
        hosts = _Hosts(client, options)
        # A bounded window of URLs at a time: memory stays flat for any list length.
        while batch := list(islice(iterator, options.concurrency * 8)):
            yield from pool.map(
                lambda url: fetch_one(url, client=client, hosts=hosts, options=options), batch
            )


def page_record(page: Page) -> dict[str, Any]:
    """The input record of a page: extracted text and metadata, or the error (and no text)."""
    if page.html is None:
        return {"url": page.url, "error": page.error, "status": page.status}
    record = html_to_mapping(page.html, url=page.url)
    record.pop("id", None)
    return {key: value for key, value in record.items() if value is not None}
