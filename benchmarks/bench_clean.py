"""Cleaning throughput on the shared corpus, as a ratio to bare ``jieba.lcut`` on the same text.

Every document of ../shared/corpus is read once (reading is not timed); then, in this process,
the same texts are cleaned with :func:`policytext.clean.clean` and segmented with a bare
``jieba.lcut``, each ``--repeat`` times, the best run of each kept (the machine is shared and noisy).
Printed: characters per second of both and the ratio clean / jieba. A ratio above 1 means
cleaning costs less than segmenting the same text once, which every analysis does anyway.

    .venv/bin/python benchmarks/bench_clean.py            # the whole corpus, best of 3
    .venv/bin/python benchmarks/bench_clean.py --limit 50 --repeat 1
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Sequence
from pathlib import Path

from _timing import best_of

from policytext.clean import clean
from policytext.errors import ReadError
from policytext.io import read_document
from policytext.model import Document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def load(folder: Path, limit: int | None) -> list[Document]:
    paths = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md", ".html", ".htm"})
    docs = []
    for path in paths[:limit]:
        try:
            docs.append(read_document(path))
        except ReadError:
            continue
    return docs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each; the best is kept")
    args = parser.parse_args(argv)

    import jieba

    jieba.setLogLevel(logging.WARNING)
    docs = load(args.corpus, args.limit)
    texts = [d.text for d in docs]
    chars = sum(map(len, texts))
    jieba.lcut("预热分词词典")  # the dictionary loads once, outside the timing

    clean_s = best_of(lambda: [clean(d) for d in docs], args.repeat, clock=time.process_time)
    jieba_s = best_of(lambda: [jieba.lcut(t) for t in texts], args.repeat, clock=time.process_time)
    print(f"documents {len(docs)}, characters {chars:,}, best of {args.repeat} (CPU seconds)")
    print(f"clean        {clean_s:8.3f} s  {chars / clean_s:12,.0f} chars/s")
    print(f"jieba.lcut   {jieba_s:8.3f} s  {chars / jieba_s:12,.0f} chars/s")
    print(f"ratio clean/jieba throughput: {jieba_s / clean_s:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
