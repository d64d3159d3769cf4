"""What the TopicModel wrapper costs over raw gensim, as a ratio measured in one run.

Both fit gensim's ``LdaModel`` on the same document-term matrix with the same settings (K,
passes, iterations, chunksize, alpha, random_state): "raw" is what a gensim user writes — a list
of bag-of-words built beforehand, then ``LdaModel(corpus, id2word=...)``; "wrapper" is
``TopicModel(...).fit(dtm)``, which also turns the sparse matrix into that list and normalises
the topic-term matrix. Runs alternate (raw first in odd rounds, wrapper first in even ones) and
the medians of the process CPU time are compared (wall time is printed too): on a shared,
busy machine wall time of the very same fit varies by 2x, CPU time much less. Target: ratio
<= 1.1. It also checks that both give the same topics (they should: same input, same seed).

    .venv/bin/python benchmarks/bench_topics.py                  # ../shared/corpus/local, K=10
    .venv/bin/python benchmarks/bench_topics.py --folder data/sample --k 5 --repeats 5
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from policytext.corpus import Corpus
from policytext.topics import TopicModel

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "local"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(DEFAULT if DEFAULT.is_dir() else ROOT / "data" / "sample"))
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    logging.getLogger("gensim").setLevel(logging.WARNING)

    from gensim.models import LdaModel

    dtm = Corpus.from_folder(args.folder).dtm()
    X = dtm.matrix
    print(f"corpus: {args.folder}: {X.shape[0]} documents x {X.shape[1]} terms, {int(X.sum())} tokens")
    print(f"settings: K={args.k}, passes={args.passes}, iterations={args.iterations}, seed=0")
    id2word = dict(enumerate(dtm.terms))
    bows = [list(zip(row.indices.tolist(), row.data.tolist(), strict=True)) for row in X]
    settings = dict(num_topics=args.k, passes=args.passes, iterations=args.iterations,
                    chunksize=2000, alpha="symmetric", random_state=0)

    def raw() -> np.ndarray:
        return np.asarray(LdaModel(corpus=bows, id2word=id2word, **settings).get_topics())

    def wrapper() -> np.ndarray:
        model = TopicModel(n_topics=args.k, backend="gensim", passes=args.passes,
                           iterations=args.iterations, chunksize=2000, random_state=0).fit(dtm)
        return np.asarray(model.components_)

    runs = [("raw gensim", raw), ("TopicModel", wrapper)]
    cpu: dict[str, list[float]] = {name: [] for name, _ in runs}
    wall: dict[str, list[float]] = {name: [] for name, _ in runs}
    results: dict[str, np.ndarray] = {}
    for round_ in range(args.repeats):
        for name, run in runs if round_ % 2 == 0 else runs[::-1]:
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            results[name] = run()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start_wall)
    base_cpu = statistics.median(cpu["raw gensim"])
    base_wall = statistics.median(wall["raw gensim"])
    for name, _ in runs:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        print(f"{name:<11} median CPU {c:.3f} s (wall {w:.3f} s) over {len(cpu[name])} runs   "
              f"ratio {c / base_cpu:.3f}x (wall {w / base_wall:.3f}x)")
    raw_topics = results["raw gensim"] / results["raw gensim"].sum(axis=1, keepdims=True)
    same = np.allclose(raw_topics, results["TopicModel"], atol=1e-6)
    ratio = statistics.median(cpu["TopicModel"]) / base_cpu
    print(f"same topics as raw gensim: {same}")
    print(f"target CPU-time ratio <= 1.10: {'met' if ratio <= 1.10 else 'NOT met'} ({ratio:.3f}x)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
