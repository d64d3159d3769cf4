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
from pathlib import Path

from _timing import against_jieba, joined_text, print_ratio

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "raw"))
    parser.add_argument("--repeat", type=int, default=2, help="times the joined texts are repeated")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per side (best is kept)")
    args = parser.parse_args(argv)

    from policytext.programmes import extract_programmes
    from policytext.sections import parse_sections

    text, n_files = joined_text(args.folder, args.repeat)
    sections = parse_sections(text)
    found = len(extract_programmes(text, sections=sections))  # warm up: patterns, lexicons
    extract_s, jieba_s = against_jieba(lambda: extract_programmes(text, sections=sections), text, args.runs)
    print(f"text: {len(text)} characters from {n_files} files x{args.repeat}; {found} programmes")
    print_ratio("extract_programmes", text, extract_s, jieba_s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
