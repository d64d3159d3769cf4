"""Timing helper shared by the benchmarks (run them as scripts: ``python benchmarks/bench_x.py``)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], runs: int) -> float:
    """Best time of ``runs`` calls, with the garbage collector off during each, as timeit does."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        finally:
            gc.enable()
    return best
