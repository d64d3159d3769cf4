"""Programme extraction throughput as a ratio to bare ``jieba.lcut`` on the same text, same run.

    python benchmarks/bench_programmes.py [FOLDER] [--repeat N] [--runs N]

FOLDER defaults to data/raw (the sample documents). The texts are joined and repeated so that one
run takes a measurable time; each side is timed as the best of several interleaved runs, because
the machine may be shared; the garbage collector is off inside each timed run, as in timeit.
Extraction is given the sections (parsed once, outside the timing) so that only the programme
rules and the lexicon are measured. It needs no segmentation and must not import jieba: the script
checks that, then imports jieba only for the baseline. Prints characters per second for both and
the ratio (jieba time / extraction time; above 1 means extraction is faster than segmenting).
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
    parser.add_argument("--repeat", type=int, default=2, help="times the joined texts are repeated")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per side (best is kept)")
    args = parser.parse_args(argv)

    from policytext.programmes import extract_programmes
    from policytext.sections import parse_sections

    files = sorted(Path(args.folder).glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files) * args.repeat
    sections = parse_sections(text)
    found = len(extract_programmes(text, sections=sections))  # warm up: patterns, lexicons
    if "jieba" in sys.modules:
        print("extraction imported jieba: it must not", file=sys.stderr)
        return 1

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热分词器")  # load the dictionary outside the timing
    extract_s = jieba_s = float("inf")
    for _ in range(args.runs):  # interleaved, so that both sides see the same machine load
        extract_s = min(extract_s, best_of(lambda: extract_programmes(text, sections=sections), 1))
        jieba_s = min(jieba_s, best_of(lambda: jieba.lcut(text), 1))
    n = len(text)
    print(f"text: {n} characters from {len(files)} files x{args.repeat}; {found} programmes")
    print(f"extract_programmes: {extract_s:.3f} s  ({n / extract_s:,.0f} chars/s)")
    print(f"jieba.lcut:         {jieba_s:.3f} s  ({n / jieba_s:,.0f} chars/s)")
    print(f"ratio (jieba time / extraction time): {jieba_s / extract_s:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
