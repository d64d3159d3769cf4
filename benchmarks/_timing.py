"""Timing helpers shared by the benchmarks (run them as scripts: ``python benchmarks/bench_x.py``)."""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path


def best_of(fn: Callable[[], object], runs: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Best time of ``runs`` calls, with the garbage collector off during each, as timeit does;
    ``clock=time.process_time`` measures the CPU time of this process instead of wall time."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            t0 = clock()
            fn()
            best = min(best, clock() - t0)
        finally:
            gc.enable()
    return best


def joined_text(folder: str | Path, repeat: int) -> tuple[str, int]:
    """The ``.txt`` files of ``folder`` joined by newlines and repeated ``repeat`` times, and how
    many files there were; exits with status 2 when there is none."""
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        print(f"no .txt files in {folder}", file=sys.stderr)
        raise SystemExit(2)
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files) * repeat, len(files)


def against_jieba(work: Callable[[], object], text: str, runs: int,
                  work_runs: int = 1) -> tuple[float, float]:
    """(best seconds of ``work``, best seconds of ``jieba.lcut(text)``), timed in ``runs``
    interleaved rounds, so that both sides see the same machine load; ``work`` is timed
    ``work_runs`` times a round. Call it after a warm-up run of ``work``: extraction needs no
    segmentation, so if it imported jieba the script exits with status 1. jieba is imported and
    its dictionary loaded here, outside the timing."""
    if "jieba" in sys.modules:
        print("extraction imported jieba: it must not", file=sys.stderr)
        raise SystemExit(1)
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.lcut("预热分词器")
    work_s = jieba_s = float("inf")
    for _ in range(runs):
        work_s = min(work_s, best_of(work, work_runs))
        jieba_s = min(jieba_s, best_of(lambda: jieba.lcut(text), 1))
    return work_s, jieba_s


def print_ratio(name: str, text: str, work_s: float, jieba_s: float, target: str = "") -> None:
    """Characters per second of both sides and the ratio jieba time / ``name`` time."""
    n = len(text)
    print(f"{name + ':':19} {work_s:.3f} s  ({n / work_s:,.0f} chars/s)")
    print(f"{'jieba.lcut:':19} {jieba_s:.3f} s  ({n / jieba_s:,.0f} chars/s)")
    print(f"ratio (jieba time / extraction time): {jieba_s / work_s:.1f}x{'  ' + target if target else ''}")
