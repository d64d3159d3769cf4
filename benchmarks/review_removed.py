"""Print every line cleaning removes across a corpus, with its rule, and the count per rule.

For reviewing retention by eye: no body sentence should appear in this list.

    .venv/bin/python benchmarks/review_removed.py ../shared/corpus ../shared/seeds
    .venv/bin/python benchmarks/review_removed.py ../shared/corpus --counts   # counts only
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from policytext.clean import clean
from policytext.errors import ReadError
from policytext.io import read_document

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--counts", action="store_true", help="print the counts per rule only")
    args = parser.parse_args(argv)
    counts: Counter[str] = Counter()
    files = sorted(p for folder in args.folders for p in folder.rglob("*") if p.suffix in SUFFIXES)
    for path in files:
        try:
            cleaned = clean(read_document(path))
        except ReadError as error:
            print(f"# unreadable: {error}", file=sys.stderr)
            continue
        for r in cleaned.removed:
            counts[r.rule] += 1
            if not args.counts:
                print(f"{path.name}\t{r.lineno}\t{r.kind}\t{r.rule}\t{r.line[:120]}")
    print(f"# {len(files)} files, {sum(counts.values())} lines removed", file=sys.stderr)
    for rule, n in sorted(counts.items()):
        print(f"# {rule}\t{n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
