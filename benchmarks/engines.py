"""Whole ingest commands on each engine, as ratios to one process, and where one process spends.

Issue 17: one process, the process pool at 2 workers and Dask (a LocalCluster) at 2 workers ingest
the same first N Reuters-21578 stories into fresh stores, as whole ``newsevents ingest`` commands
(start-up, model loads, spool, store and merge included). The machine is shared and noisy, so the
runs alternate (the order rotates every pass) and medians are compared, as ratios; the CPU seconds
of each command and its children say what each engine costs whatever the load. Then one
instrumented run in this process splits the time of one-process ingest into its stages.

Run: ``make bench`` or ``python benchmarks/engines.py --articles 300 --passes 3``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import newsevents.engines.work as work
import newsevents.ingestion as ingestion
import newsevents.pipeline as pipeline_module
from newsevents.api import ingest
from newsevents.config import Settings
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.storage.duckdb import open_store

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters" / "articles.jsonl"
ENGINES = {
    "one process": ["--engine", "local", "--workers", "1"],
    "pool, 2 workers": ["--engine", "local", "--workers", "2"],
    "Dask, 2 workers": ["--engine", "dask", "--scheduler", "local", "--workers", "2"],
}


def write_corpus(limit: int, folder: Path) -> Path:
    """The first ``limit`` stories, as they are (the text stays in the temporary folder)."""
    path = folder / "corpus.jsonl"
    with REUTERS.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number >= limit:
                break
            out.write(line)
    return path


def run_command(arguments: list[str], corpus: Path, db: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and every process it waited for)."""
    command = [sys.executable, "-m", "newsevents.cli", "ingest", str(corpus), "--quiet"]
    command += ["--db", str(db), *arguments]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise RuntimeError(f"{' '.join(command)} failed: {error[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def compare(corpus: Path, folder: Path, *, passes: int, count: int) -> None:
    names = list(ENGINES)
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    for number in range(passes):
        order = names[number % len(names) :] + names[: number % len(names)]
        for name in order:
            db = folder / f"store-{number}-{names.index(name)}.duckdb"
            seconds, cpu_seconds = run_command(ENGINES[name], corpus, db)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    one = statistics.median(wall[names[0]])
    print(f"{count} Reuters stories, whole ingest commands, {passes} alternating passes, medians")
    for name in names:
        median = statistics.median(wall[name])
        spread = (max(wall[name]) - min(wall[name])) / median
        print(
            f"  {name:16} {median:6.1f} s  {one / median:4.2f}x one process"
            f"  (passes spread {spread:4.0%})  CPU {statistics.median(cpu[name]):6.1f} s"
        )
    pool, dask = (statistics.median(wall[name]) for name in names[1:])
    print(f"  Dask / pool throughput: {pool / dask:.2f}")


class Clock:
    """Seconds spent in wrapped functions, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - started

        return timed

    def wrap_iterator(
        self, name: str, function: Callable[..., Iterator[Any]]
    ) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = function(*args, **kwargs)
            while True:
                started = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    self.seconds[name] += time.perf_counter() - started
                    return
                self.seconds[name] += time.perf_counter() - started
                yield item

        return timed


def stage_shares(corpus: Path, folder: Path) -> None:
    """One instrumented one-process ingest: each step's share of the whole."""
    clock = Clock()
    settings = Settings(db=str(folder / "stages.duckdb"))
    pipeline = Pipeline(settings)
    # The model, dictionaries and MinHash load outside the timing, as in a warm worker.
    warm = Article(id="warm-up", text="Officials met in Geneva on Monday to discuss trade.")
    work.annotate_chunk(pipeline, [warm], run_id="warm-up")
    originals = {
        "parse": (pipeline_module, "parse_texts"),
        "clean": (pipeline_module, "clean_text"),
        "rows": (work, "annotation_rows"),
        "fingerprints": (work, "fingerprint"),
        "merge": (ingestion, "remerge"),
    }
    saved = {name: getattr(module, attr) for name, (module, attr) in originals.items()}
    stage_run = pipeline_module._run_stage
    commit, prepare = ingestion.Ingestion._commit, ingestion.Ingestion._prepare
    try:
        for name, (module, attr) in originals.items():
            wrap = clock.wrap_iterator if name == "parse" else clock.wrap
            setattr(module, attr, wrap(name, saved[name]))
        pipeline_module._run_stage = lambda stage, workspace: clock.wrap(stage.name, stage_run)(
            stage, workspace
        )
        ingestion.Ingestion._commit = clock.wrap("store (commit)", commit)  # type: ignore[method-assign]
        ingestion.Ingestion._prepare = clock.wrap("read and validate", prepare)  # type: ignore[method-assign]
        started = time.perf_counter()
        with open_store(settings.db) as store:
            ingest([corpus], store=store, pipeline=pipeline)
        total = time.perf_counter() - started
    finally:
        for name, (module, attr) in originals.items():
            setattr(module, attr, saved[name])
        pipeline_module._run_stage = stage_run
        ingestion.Ingestion._commit, ingestion.Ingestion._prepare = commit, prepare
    print(f"one-process ingest, model loaded: {total:.1f} s; share of time by step")
    for name, seconds in sorted(clock.seconds.items(), key=lambda item: -item[1]):
        print(f"  {name:18} {seconds / total:6.1%}")
    rest = total - sum(clock.seconds.values())
    print(f"  {'other':18} {rest / total:6.1%}")


def malloc_child(mode: str, limit: int) -> None:
    """Print the CPU seconds of annotating ``limit`` stories in this process (a child)."""
    if mode == "fixed":
        from newsevents.engines.dask import untrimmed_malloc

        untrimmed_malloc()
    with REUTERS.open(encoding="utf-8") as source:
        records = [json.loads(line) for _, line in zip(range(limit), source, strict=False)]
    articles = [Article(id=r["id"], text=r["text"]) for r in records]
    pipeline = Pipeline(Settings())
    pipeline.annotate_one(articles[0])
    started = time.process_time()
    for _ in pipeline.annotate(articles):
        pass
    print(time.process_time() - started)


def malloc_check(limit: int, passes: int) -> None:
    """CPU of the pipeline with Dask's MALLOC_TRIM_THRESHOLD_, without it, and with it undone."""
    modes = {"plain": None, "MALLOC_TRIM_THRESHOLD_=65536": "65536", "the same, undone": "65536"}
    seconds: dict[str, list[float]] = defaultdict(list)
    for _ in range(passes):
        for name, variable in modes.items():
            environment = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
            if variable:
                environment["MALLOC_TRIM_THRESHOLD_"] = variable
            mode = "fixed" if name == "the same, undone" else "plain"
            command = [sys.executable, __file__, "--malloc-child", mode, "--articles", str(limit)]
            done = subprocess.run(command, env=environment, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
            seconds[name].append(float(done.stdout.split()[-1]))
    base = statistics.median(seconds["plain"])
    print(f"pipeline CPU on {limit} stories, {passes} alternating passes, medians")
    for name, values in seconds.items():
        median = statistics.median(values)
        print(f"  {name:30} {median:6.2f} s  {median / base:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="first N Reuters stories")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--no-stages", action="store_true", help="skip the per-step shares")
    parser.add_argument("--malloc", action="store_true", help="only the MALLOC_TRIM A/B check")
    parser.add_argument("--malloc-child", default="", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.malloc_child:
        malloc_child(options.malloc_child, options.articles)
        return
    if options.malloc:
        malloc_check(min(options.articles, 120), options.passes)
        return
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        corpus = write_corpus(options.articles, folder)
        count = sum(1 for _ in corpus.open(encoding="utf-8"))
        if options.passes:
            compare(corpus, folder, passes=options.passes, count=count)
        if not options.no_stages:
            stage_shares(corpus, folder)


if __name__ == "__main__":
    main()
