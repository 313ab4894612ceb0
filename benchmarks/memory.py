"""Peak memory of annotating one long text, per 100,000 characters (issue 12).

Each size runs in its own process (peak RSS only grows), on real news from ../shared/data joined
into one text. Memory per character is the slope between sizes, after the model is loaded. Run:
``python benchmarks/memory.py`` (about a minute).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from run import load_articles

from newsevents.config import Settings
from newsevents.model import Article
from newsevents.pipeline import Pipeline

SIZES = (100_000, 200_000, 400_000)


def peak_rss_mib() -> float:
    """This process's peak resident set (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(size: int) -> None:
    """In a child process: peak RSS after warming up, then after one text of ``size`` chars."""
    text = ""
    for article in load_articles(2000):
        text += article.text + "\n\n"
        if len(text) >= size:
            break
    pipeline = Pipeline(Settings())
    pipeline.annotate_one(Article(id="warm", text="Russia warned Ukraine on Tuesday."))
    before = peak_rss_mib()
    annotation = pipeline.annotate_one(Article(id="long", text=text[:size]))
    print(f"{size} {before:.1f} {peak_rss_mib():.1f} {len(annotation.events)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.size:
        measure(options.size)
        return
    rows = []
    for size in SIZES:
        done = subprocess.run(
            [sys.executable, __file__, "--size", str(size)],
            capture_output=True,
            text=True,
            check=True,
        )
        chars, before, after, events = done.stdout.split()
        rows.append((int(chars), float(before), float(after)))
        print(
            f"{int(chars):>9,} characters: {float(after) - float(before):7.1f} MiB over the "
            f"loaded pipeline ({before} MiB), {events} events"
        )
    (small, _, small_peak), (large, _, large_peak) = rows[0], rows[-1]
    slope = (large_peak - small_peak) / (large - small) * 100_000
    print(f"memory per 100,000 characters: {slope:.0f} MiB")


if __name__ == "__main__":
    main()
