"""Load time and memory of the Phoenix knowledge base (issue 11: the compiled base loads in < 2 s).

Each load runs in a fresh interpreter (the loaders cache what they read), as a user's new process
would; printed are the median seconds of ``--runs`` loads and the memory the load holds
(tracemalloc). The stages' cost with and without Phoenix is ``benchmarks/stages.py
[--no-phoenix]``. Run: ``python benchmarks/knowledge_base.py --runs 3``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

# Code run in a fresh interpreter: prints the seconds of one load, or the MiB it holds (tracing
# memory slows the load, so time and memory are separate runs).
_TIME = """
import time
started = time.perf_counter()
{load}
print(time.perf_counter() - started)
"""
_MEMORY = """
import tracemalloc
tracemalloc.start()
{load}
print(tracemalloc.get_traced_memory()[0] / 2**20)
"""
_LOADS = {
    "compiled base (Phoenix entries + verb patterns)": (
        "from newsevents.dictionaries.phoenix import phoenix_entries, phoenix_patterns\n"
        "phoenix_entries(); phoenix_patterns()"
    ),
    "team dictionaries + lexicon, no Phoenix": (
        "from newsevents.dictionaries.actors import load_actor_dictionaries\n"
        "from newsevents.dictionaries.lexicon import load_lexicon\n"
        "load_actor_dictionaries(phoenix=False); load_lexicon(phoenix='off')"
    ),
    "team + Phoenix dictionaries + lexicon (default)": (
        "from newsevents.dictionaries.actors import load_actor_dictionaries\n"
        "from newsevents.dictionaries.lexicon import load_lexicon\n"
        "load_actor_dictionaries(); load_lexicon()"
    ),
}


def _probe(probe: str, load: str) -> float:
    output = subprocess.run(
        [sys.executable, "-c", probe.format(load=load)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    for name, load in _LOADS.items():
        seconds = statistics.median(_probe(_TIME, load) for _ in range(options.runs))
        mebibytes = _probe(_MEMORY, load)
        print(f"{name}: {seconds:.2f} s, {mebibytes:.0f} MiB (median of {options.runs})")


if __name__ == "__main__":
    main()
