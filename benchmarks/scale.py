"""Corpus-scale benchmarks (issue 7), one command, results as ratios measured in one run.

1. Speed-up: full ingest on Dask (LocalCluster, 2 workers x 1 thread) against full ingest in one
   process, next to bare spaCy ``nlp.pipe(n_process=2)`` against ``n_process=1``.
2. Peak memory per Dask worker for a small and a large corpus (flat means streaming works).
3. Near-duplicate precision and recall on real stories with planted syndicated copies.

Run: ``python benchmarks/scale.py`` (``--small 1000 --large 10000`` by default; ``--quick`` for a
smoke run). Uses ../shared/data/voa and ../shared/data/reuters.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

from newsevents.api import ingest
from newsevents.config import Settings
from newsevents.engines.dask import DaskEngine
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline
from newsevents.stages.dedup import Fingerprint, assign_stories, fingerprint, similarity
from newsevents.storage.duckdb import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SOURCES = ("voa/stories.jsonl", "reuters/articles.jsonl")


def load_records(limit: int, *, min_words: int = 80) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for name in SOURCES:
        with (SHARED / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if len(record.get("text", "").split()) >= min_words:
                    records.append(record)
                if len(records) >= limit:
                    return records
    return records


def write_corpus(records: list[dict[str, Any]], folder: Path) -> Path:
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def ingest_seconds(corpus: Path, db: Path, pipeline: Pipeline, engine: Any) -> float:
    with open_store(db) as store:
        return timed(lambda: ingest([corpus], store=store, pipeline=pipeline, engine=engine))


def speedups(records: list[dict[str, Any]], folder: Path, *, passes: int) -> None:
    """Alternating passes (the machine is shared and noisy), medians of each, as ratios."""
    corpus = write_corpus(records, folder)
    warmup = folder / "warmup.jsonl"
    lines = [json.dumps(dict(r, id=f"w{i}")) for i, r in enumerate(records[:8])]
    warmup.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nlp = load_nlp("en_core_web_sm")
    texts = [r["text"] for r in records]
    one = Pipeline(Settings(), nlp=nlp)
    settings = Settings(engine="dask", workers=2)
    engine = DaskEngine(settings, spool=folder / "spool")
    seconds: dict[str, list[float]] = {"spacy1": [], "spacy2": [], "one": [], "dask": []}
    try:
        for name, pipeline, runner in (("one", one, None), ("dask", Pipeline(settings), engine)):
            ingest_seconds(warmup, folder / f"warm-{name}.duckdb", pipeline, runner)
        for number in range(passes):
            seconds["spacy1"].append(timed(lambda: list(nlp.pipe(texts, batch_size=32))))
            seconds["spacy2"].append(
                timed(lambda: list(nlp.pipe(texts, batch_size=32, n_process=2)))
            )
            seconds["one"].append(ingest_seconds(corpus, folder / f"one{number}.duckdb", one, None))
            dask_db = folder / f"dask{number}.duckdb"
            seconds["dask"].append(ingest_seconds(corpus, dask_db, Pipeline(settings), engine))
    finally:
        engine.close()
    median = {name: statistics.median(values) for name, values in seconds.items()}
    print(f"{len(records)} articles, {passes} alternating passes, medians")
    print(f"  spaCy n_process=2 / n_process=1 : {median['spacy1'] / median['spacy2']:.2f}x")
    print(
        f"  Dask 2 workers / 1 process      : {median['one'] / median['dask']:.2f}x  (full ingest)"
    )
    print(f"  1-process ingest / bare spaCy   : {median['spacy1'] / median['one']:.2f}x throughput")


def _peak_rss_kib() -> int:
    """This process's peak resident set (VmHWM, reset by exec, unlike ru_maxrss), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker_peaks(records: list[dict[str, Any]], folder: Path) -> list[float]:
    """Peak RSS (MiB) of each Dask worker after ingesting ``records``."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = write_corpus(records, folder)
    settings = Settings(db=str(folder / "mem.duckdb"), engine="dask", workers=2)
    engine = DaskEngine(settings, spool=folder / "spool")
    try:
        with open_store(settings.db) as store:
            ingest([corpus], store=store, pipeline=Pipeline(settings), engine=engine)
        peaks = engine.client.run(_peak_rss_kib)
    finally:
        engine.close()
    return sorted(value / 1024 for value in peaks.values())


def planted(
    records: list[dict[str, Any]], copies: int, seed: int
) -> tuple[list[Fingerprint], dict[str, str]]:
    rng = random.Random(seed)
    base: list[Fingerprint] = []
    texts: dict[str, str] = {}
    for record in records:
        item = fingerprint(str(record["id"]), record["text"])
        if all(similarity(item, other) < 0.3 for other in base):
            base.append(item)
            texts[item.article_id] = record["text"]
    truth = {item.article_id: item.article_id for item in base}
    items = list(base)
    for number, original in enumerate(rng.sample(base, min(copies, len(base)))):
        words = texts[original.article_id].split()
        kind = number % 4
        if kind == 0:
            text = "By a staff correspondent. " + " ".join(words) + " (Editing by the desk)"
        elif kind == 1:
            text = " ".join(words[: int(len(words) * 0.8)])
        elif kind == 2:
            for index in rng.sample(range(len(words)), max(1, len(words) // 30)):
                words[index] = words[index][::-1]
            text = " ".join(words)
        else:
            text = " ".join(words[: int(len(words) * 0.6)])
        copy_id = f"copy-{number}"
        items.append(fingerprint(copy_id, text))
        truth[copy_id] = original.article_id
    rng.shuffle(items)
    return items, truth


def near_duplicates(records: list[dict[str, Any]], copies: int) -> None:
    items, truth = planted(records, copies, seed=11)
    found = {m.article_id: m.story_id for m in assign_stories(items, {}, threshold=0.5)}
    pairs = list(combinations(sorted(truth), 2))
    predicted = {p for p in pairs if found[p[0]] == found[p[1]]}
    actual = {p for p in pairs if truth[p[0]] == truth[p[1]]}
    hits = len(predicted & actual)
    precision = hits / len(predicted) if predicted else 1.0
    print(f"near-duplicates: {len(items)} articles, {len(actual)} planted copy pairs")
    print(f"  precision {precision:.3f}  recall {hits / len(actual):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--speed", type=int, default=400, help="articles for the speed-up")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3, help="0 skips the speed-up")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check it runs")
    options = parser.parse_args()
    if options.quick:
        options.speed, options.small, options.large, options.copies = 40, 40, 80, 20
        options.passes = 1
    records = load_records(max(options.large, options.speed))
    near_duplicates(records[: max(options.copies * 4, 200)], options.copies)
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        if options.passes:
            speedups(records[: options.speed], folder, passes=options.passes)
        for size in (options.small, options.large):
            peaks = worker_peaks(records[:size], folder / f"mem{size}")
            shown = ", ".join(f"{peak:.0f}" for peak in peaks)
            print(f"  peak RSS per Dask worker, {size} articles: {shown} MiB")


if __name__ == "__main__":
    main()
