"""Batch throughput and memory: 2 workers against 1, and peak RSS as the corpus doubles.

The shared corpus (../shared/corpus: local, central and html documents) is copied into a temporary
folder until it holds about ``--mb`` megabytes. Each run is a fresh ``policytext batch`` in its own
process, timed from the outside, with the resident memory and CPU time of its whole process tree
(the batch process and its workers) sampled every 50 ms. Figures are ratios between runs made here, in the
same session, on the same machine:

- speed-up = time with 1 worker / time with ``--jobs`` workers (target >= 1.8 with 2 workers);
- peak RSS of the process tree at ``--mb`` and at twice that (target <= 300 MB, and flat).

Run it small to try it: ``python benchmarks/bench_batch.py --mb 5``; the figures of the issue
come from ``python benchmarks/bench_batch.py --mb 50``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RUN = ("import sys; from policytext.batch import run_batch; "
       "run_batch(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]))")


def build_corpus(source: Path, target: Path, megabytes: float) -> tuple[int, int]:
    """Copy the documents of ``source`` into ``target`` until they hold ``megabytes``; returns
    (files, bytes)."""
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".md"})
    if not files:
        raise SystemExit(f"no documents under {source}")
    target.mkdir(parents=True, exist_ok=True)
    total = n = 0
    copy = 0
    while total < megabytes * 2**20:
        for path in files:
            dest = target / f"copy{copy:03d}" / path.parent.name / path.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            total += dest.stat().st_size
            n += 1
            if total >= megabytes * 2**20:
                break
        copy += 1
    return n, total


def run(in_dir: Path, out_dir: Path, jobs: int) -> tuple[float, float, float, dict[str, float]]:
    """One batch run in a fresh process: (wall seconds, peak RSS of its process tree in MB,
    CPU seconds of the tree, CPU seconds by role). The roles: ``batch`` is the process that runs
    :func:`run_batch` (with 1 worker it also extracts), ``helpers`` its children (the forkserver,
    which imports and warms the pipeline once, and the resource tracker), ``workers`` theirs."""
    import psutil

    shutil.rmtree(out_dir, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(in_dir), str(out_dir), str(jobs)])
    peak = 0.0
    cpu: dict[int, float] = {}  # pid -> CPU seconds when last seen (workers are grandchildren)
    roles: dict[int, str] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                rss = 0
                for p in tree:
                    try:
                        rss += p.memory_info().rss
                        times = p.cpu_times()
                        cpu[p.pid] = times.user + times.system
                        if p.pid not in roles:
                            roles[p.pid] = ("batch" if p.pid == proc.pid else
                                            "helpers" if p.ppid() == proc.pid else "workers")
                    except psutil.Error:
                        pass
                peak = max(peak, rss / 2**20)
            except psutil.Error:
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if code != 0:
        raise SystemExit(f"batch run failed with exit code {code}")
    by_role = {role: 0.0 for role in ("batch", "helpers", "workers")}
    for pid, seconds_cpu in cpu.items():
        by_role[roles.get(pid, "workers")] += seconds_cpu
    return seconds, peak, sum(cpu.values()), by_role


# One process extracting the files named on its command line; prints its CPU seconds.
PROBE = ("import sys, time; from policytext.batch import extract_many; "
         "items = [(p, p) for p in sys.argv[1:]]; extract_many(items[:2]); "
         "t = time.process_time(); extract_many(items); print(time.process_time() - t)")


def probe(files: list[Path], jobs: int, rounds: int = 2) -> float:
    """How much slower one extraction process runs while ``jobs`` of them run at once than alone:
    the CPU seconds of the same work, concurrent over alone (best of ``rounds`` each). On a
    machine whose CPUs slow each other down (shared cores of a virtual machine, a shared clock
    budget), ``jobs`` workers can be at most ``jobs / ratio`` times as fast as one."""
    args = [sys.executable, "-c", PROBE, *map(str, files)]
    alone = together = float("inf")
    for _ in range(rounds):
        alone = min(alone, float(subprocess.run(args, capture_output=True, text=True, check=True).stdout))
        procs = [subprocess.Popen(args, stdout=subprocess.PIPE, text=True) for _ in range(jobs)]
        outs = [float(p.communicate()[0]) for p in procs]
        together = min(together, sum(outs) / len(outs))
    return together / alone


def _line(label: str, result: tuple[float, float, float, dict[str, float]], size: int) -> str:
    seconds, rss, cpu, _ = result
    return (f"{label}: {seconds:7.1f} s  {size / 2**20 / seconds:6.2f} MB/s  peak RSS {rss:6.0f} MB  "
            f"CPU {cpu:6.1f} s  load {os.getloadavg()[0]:.1f}")


def _roles(by_role: dict[str, float]) -> str:
    return ", ".join(f"{role} {seconds:.1f} s" for role, seconds in by_role.items())


def _busy() -> bool:
    """Whether other work held the CPUs during the runs."""
    return os.getloadavg()[1] > (os.cpu_count() or 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--jobs", type=int, default=2, help="workers to compare with 1 (default 2)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of documents to repeat")
    parser.add_argument("--no-double", action="store_true", help="skip the run on twice the corpus")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each, interleaved; the fastest of each is compared (default 2)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        tmp_path = Path(tmp)
        n, size = build_corpus(args.corpus, tmp_path / "in", args.mb)
        print(f"corpus: {n} files, {size / 2**20:.1f} MB (from {args.corpus})")
        print(f"machine: {os.cpu_count()} CPUs, load average before the runs {os.getloadavg()[0]:.1f} "
              "(other work on the machine slows the parallel run more than the serial one)")
        sample = sorted((tmp_path / "in").rglob("*.txt"))[:120]
        slowdown = probe(sample, args.jobs)
        print(f"machine probe: {args.jobs} extraction processes at once each take {slowdown:.2f}x the CPU "
              f"time of one alone, so {args.jobs} workers can be at most {args.jobs / slowdown:.2f}x as fast")
        serial: list[tuple[float, float, float, dict[str, float]]] = []
        parallel: list[tuple[float, float, float, dict[str, float]]] = []
        for _ in range(args.repeat):  # interleaved, so that both see the same phases of a shared machine
            serial.append(run(tmp_path / "in", tmp_path / "out1", 1))
            print(_line("1 worker ", serial[-1], size))
            parallel.append(run(tmp_path / "in", tmp_path / "outn", args.jobs))
            print(_line(f"{args.jobs} workers", parallel[-1], size))
        # Speed from the fastest run of each (the least disturbed), memory from the largest peak.
        t1, _, cpu1, roles1 = min(serial)
        tn, _, cpun, rolesn = min(parallel)
        rssn = max(r[1] for r in parallel)
        print(f"CPU by process, {args.jobs} workers: {_roles(rolesn)} (1 worker: {_roles(roles1)})")
        ceiling = args.jobs / slowdown
        print(f"speed-up {args.jobs} workers vs 1 (fastest of {args.repeat} runs each): {t1 / tn:.2f}x "
              f"(target >= 1.8x for 2 workers; {t1 / tn / ceiling:.0%} of this machine's ceiling)")
        pairs = [s[0] / p[0] for s, p in zip(serial, parallel, strict=True)]
        print(f"speed-up of each pair of runs made one after the other: "
              f"{', '.join(f'{r:.2f}x' for r in pairs)} (median {statistics.median(pairs):.2f}x)")
        print(f"CPU time of the parallel run: {cpun / cpu1:.2f}x the serial run's "
              "(about 1.0 means running in parallel adds no work)")
        if _busy():
            print("note: the machine was busy. With the kernel's autogroup scheduling "
                  "(/proc/sys/kernel/sched_autogroup_enabled = 1) a saturated CPU is shared per "
                  "session, not per process, so extra workers gain little; measure on an idle machine.")
        same = all((tmp_path / "out1" / f"{t}.parquet").read_bytes()
                   == (tmp_path / "outn" / f"{t}.parquet").read_bytes()
                   for t in ("manifest", "documents", "quantities", "programmes", "removed", "masked"))
        print(f"tables identical across worker counts: {same}")
        if not args.no_double:
            n2, size2 = build_corpus(args.corpus, tmp_path / "in2", 2 * args.mb)
            t2, rss2, _, _ = run(tmp_path / "in2", tmp_path / "out2", args.jobs)
            print(f"doubled corpus ({n2} files, {size2 / 2**20:.1f} MB), {args.jobs} workers: {t2:7.1f} s  "
                  f"peak RSS {rss2:6.0f} MB")
            print(f"peak RSS ratio doubled/base: {rss2 / rssn:.2f} (flat is ~1.0; target <= 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
