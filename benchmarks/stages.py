"""Cost of each stage after the parse, as a share of the bare spaCy parse of the same articles.

Issue 3 budgets actor resolution at 10% of the parse, issue 4 event coding at 15%; the whole
pipeline must keep >= 0.85 of bare spaCy's throughput (PERFORMANCE-NOTES: 6-9 ms per article after
the parse). Run: ``python benchmarks/stages.py --articles 200``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict

from run import load_articles

from newsevents.config import Settings
from newsevents.nlp import load_nlp
from newsevents.pipeline import Pipeline
from newsevents.stages.clean import clean_text
from newsevents.stages.parse import parse_texts

BUDGETS = {"actors": 0.10, "events": 0.15}  # issues 3 and 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--no-phoenix", action="store_true", help="without the Phoenix base")
    options = parser.parse_args()
    articles = load_articles(options.articles)
    nlp = load_nlp("en_core_web_sm")
    pipeline = Pipeline(Settings(phoenix=not options.no_phoenix), nlp=nlp)
    pipeline.annotate_one(articles[0])  # dictionaries and lexicon load outside the timing
    parse_seconds: list[float] = []
    stage_seconds: dict[str, list[float]] = defaultdict(list)
    for _ in range(options.passes):
        started = time.perf_counter()
        items = [(a.id, clean_text(a.text).text) for a in articles]
        parses = list(parse_texts(nlp, items))
        parse_seconds.append(time.perf_counter() - started)
        totals: dict[str, float] = defaultdict(float)
        for article, parse in zip(articles, parses, strict=True):
            workspace = {"article": article, "parse": parse, "problems": []}
            for stage in pipeline.stages:
                began = time.perf_counter()
                workspace[stage.provides] = stage.run(workspace)
                totals[stage.name] += time.perf_counter() - began
        for name, seconds in totals.items():
            stage_seconds[name].append(seconds)
    parse = statistics.median(parse_seconds)
    count = len(articles)
    print(f"{count} articles; parse (clean, spaCy, records) {1000 * parse / count:.1f} ms/article")
    after = 0.0

    def line(name: str, seconds: float, note: str = "") -> str:
        share = f"{seconds / parse:6.1%} of parse"
        return f"{name:12} {1000 * seconds / count:6.2f} ms/article  {share}{note}"

    for name, seconds in stage_seconds.items():
        median = statistics.median(seconds)
        after += median
        budget = BUDGETS.get(name)
        print(line(name, median, f"  budget {budget:.0%}" if budget else ""))
    print(line("all stages", after))
    print(f"throughput ratio vs parse alone: {parse / (parse + after):.2f}")


if __name__ == "__main__":
    main()
