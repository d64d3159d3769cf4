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
import logging
import sys
from pathlib import Path

from _timing import best_of

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "raw"))
    parser.add_argument("--repeat", type=int, default=3, help="times the joined texts are repeated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per side (best is kept)")
    args = parser.parse_args(argv)

    from policytext.quantities import extract_quantities

    files = sorted(Path(args.folder).glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files) * args.repeat
    found = len(extract_quantities(text))  # warm up: compile patterns, load lexicons
    if "jieba" in sys.modules:
        print("extraction imported jieba: it must not", file=sys.stderr)
        return 1

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热分词器")  # load the dictionary outside the timing
    extract_s = jieba_s = float("inf")
    for _ in range(args.runs):  # interleaved, so that both sides see the same machine load
        # Extraction takes about a tenth of jieba's time: timed five times a round, it spends
        # about as long on the clock as jieba's one run, with as many chances of a quiet moment.
        extract_s = min(extract_s, best_of(lambda: extract_quantities(text), 5))
        jieba_s = min(jieba_s, best_of(lambda: jieba.lcut(text), 1))
    n = len(text)
    print(f"text: {n} characters from {len(files)} files x{args.repeat}; {found} quantities")
    print(f"extract_quantities: {extract_s:.3f} s  ({n / extract_s:,.0f} chars/s)")
    print(f"jieba.lcut:         {jieba_s:.3f} s  ({n / jieba_s:,.0f} chars/s)")
    print(f"ratio (jieba time / extraction time): {jieba_s / extract_s:.1f}x  (target >= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
