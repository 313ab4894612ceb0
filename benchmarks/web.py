"""Latency of the web API on a generated store of 100k events, and ``newsevents serve`` start time.

Issue 8 asks for p95 under 100 ms for /api/events and /api/timeline on 100k events (one process,
this machine) and a start under 2 s. The store is generated with DuckDB SQL in a second or two.
Run: ``python benchmarks/web.py [--events 100000] [--requests 200]``.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from fastapi.testclient import TestClient

from newsevents.storage.duckdb import open_store
from newsevents.web import create_app

ACTORS = ["USAGOV", "PRKGOV", "CHNGOV", "RUSGOV", "IGOUNO", "KORGOV", "JPNGOV", "IRNGOV", "USAMIL"]
# (code, root, quad_class, goldstein): a spread over the four QuadClasses (CAMEO 1.1b3 weights).
CODES = [
    ("040", "04", 1, 1.0),
    ("057", "05", 1, 8.0),
    ("112", "11", 3, -2.0),
    ("130", "13", 3, -4.4),
    ("163", "16", 4, -8.0),
    ("190", "19", 4, -10.0),
    ("070", "07", 2, 7.0),
    ("010", "01", 1, 0.0),
]

QUERIES = {
    "/api/events": "/api/events",
    "/api/events (filtered)": "/api/events?source=USA&quad_class=4&since=2017-01-01&limit=100",
    "/api/events (sorted, page 2)": None,  # filled in with a real cursor
    "/api/events (text search)": "/api/events?q=talks",
    "/api/timeline": "/api/timeline?interval=month&split=quad_class",
    "/api/timeline (week, by root)": "/api/timeline?interval=week&split=root&actor=PRK",
    "/api/dyads": "/api/dyads",
    "/api/summary": "/api/summary",
}


def generate(path: Path, events: int) -> None:
    """A store with ``events`` events over ``events // 10`` articles, 2015-2020."""
    articles = max(events // 10, 1)
    actors = "[" + ", ".join(f"'{a}'" for a in ACTORS) + "]"
    codes = "[" + ", ".join(f"('{c}', '{r}', {q}, {g})" for c, r, q, g in CODES) + "]"
    with open_store(path) as store:
        store.connection.execute(
            "INSERT INTO articles (id, hash, text, date, title, n_sentences, n_events, run_id) "
            "SELECT 'a' || i, md5(i::VARCHAR), 'Generated article ' || i, "
            "DATE '2015-01-01' + CAST(i % 2190 AS INTEGER), 'Article ' || i, 10, 10, 'bench' "
            f"FROM range({articles}) t(i)"
        )
        store.connection.execute(
            "INSERT INTO events (id, article_id, idx, source, target, code, root, quad_class, "
            'goldstein, mode, sentence, start, "end", rule, date, day, sentence_text) '
            "SELECT md5('e' || i)[:16], 'a' || (i // 10), i % 10, "
            f"{actors}[1 + (hash(i) % 9)::INTEGER], {actors}[1 + (hash(i + 7) % 9)::INTEGER], "
            f"c[1], c[2], c[3], c[4], 'asserted', i % 10, 0, 10, 'verb:bench', "
            "strftime(d, '%Y-%m-%d'), d, 'The two sides held talks number ' || i "
            f"FROM (SELECT i, {codes}[1 + (i % {len(CODES)})] AS c, "
            "DATE '2015-01-01' + CAST((i // 10) % 2190 AS INTEGER) AS d "
            f"FROM range({events}) t(i))"
        )


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure(client: TestClient, url: str, requests: int) -> list[float]:
    client.get(url)  # warm: first use compiles the query plan and fills caches
    samples = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text}")
    return samples


def serve_start(path: Path) -> float:
    """Seconds from launching ``newsevents serve`` until it answers /api/summary."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        str(Path(sys.executable).parent / "newsevents"),
        "serve",
        "--db",
        str(path),
        "--port",
        str(port),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary", timeout=1)
                return time.perf_counter() - started
            except OSError:
                if process.poll() is not None or time.perf_counter() - started > 30:
                    raise SystemExit("newsevents serve did not start") from None
                time.sleep(0.02)
    finally:
        process.terminate()
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        generate(path, options.events)
        print(f"generated {options.events:,} events in {time.perf_counter() - started:.1f} s")
        print(f"serve start: {serve_start(path):.2f} s (until /api/summary answers)")
        with TestClient(create_app(path)) as client:
            first = client.get("/api/events?sort=goldstein&order=desc&limit=50").json()
            QUERIES["/api/events (sorted, page 2)"] = (
                f"/api/events?sort=goldstein&order=desc&limit=50&cursor={first['next']}"
            )
            print(f"{'endpoint':34} {'p50 ms':>8} {'p95 ms':>8}")
            for name, url in QUERIES.items():
                samples = measure(client, str(url), options.requests)
                print(f"{name:34} {statistics.median(samples):8.1f} {p95(samples):8.1f}")


if __name__ == "__main__":
    main()
