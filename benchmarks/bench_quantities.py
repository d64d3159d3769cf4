"""Quantity extraction throughput as a ratio to bare ``jieba.lcut`` on the same text, same run.

    python benchmarks/bench_quantities.py [FOLDER] [--repeat N]

FOLDER defaults to data/raw (the sample documents). The texts are joined and repeated so that one
run takes a measurable time; each side is timed as the best of several runs, interleaved, because
the machine may be shared; the garbage collector is off inside each timed run, as in timeit.
Extraction needs no segmentation and does not import jieba: the script checks that, then imports
jieba only for the baseline. Prints characters per second for both and
the ratio (target: >= 10x).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _timing import against_jieba, joined_text, print_ratio

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "raw"))
    parser.add_argument("--repeat", type=int, default=3, help="times the joined texts are repeated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per side (best is kept)")
    args = parser.parse_args(argv)

    from policytext.quantities import extract_quantities

    text, n_files = joined_text(args.folder, args.repeat)
    found = len(extract_quantities(text))  # warm up: compile patterns, load lexicons
    # Extraction takes about a tenth of jieba's time: timed five times a round, it spends about as
    # long on the clock as jieba's one run, with as many chances of a quiet moment.
    extract_s, jieba_s = against_jieba(lambda: extract_quantities(text), text, args.runs, work_runs=5)
    print(f"text: {len(text)} characters from {n_files} files x{args.repeat}; {found} quantities")
    print_ratio("extract_quantities", text, extract_s, jieba_s, target="(target >= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
