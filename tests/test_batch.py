"""Batch runs: every file accounted for, bad files reported, deterministic, resumable, same on Dask.

These tests check the machinery (accounting, order, resumption, formats), not the extraction
results, which other modules own: they compare runs with each other, never with fixed outputs.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from policytext.batch import PART_SUFFIX, BatchConfig, _read_part, list_inputs, process_folder, run_batch
from policytext.errors import ConfigError, ReadError
from policytext.frame import SCHEMAS, TABLES

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GBK_TEXT = ("国务院关于印发数字经济发展规划的通知\n"
            "到2025年，数字经济核心产业增加值占国内生产总值比重达到10%。\n")


def _document(i: int, lines: int = 1) -> str:
    """A small policy-like document; ``lines`` repeats its body to make it long."""
    body = (f"到2025年，高新技术企业超过{100 + i}家，研发投入年均增长{i % 9 + 1}%。\n"
            f"新增就业{i * 10}人，引进“千人计划”人才{i}名。\n") * lines
    return (f"关于印发《科技创新第{i}号工作方案》的通知\n各单位：\n（一）主要目标\n{body}"
            f"区人民政府\n2021年3月{i % 28 + 1}日\n")


def _good_files(folder: Path, n: int = 6) -> list[str]:
    """Write ``n`` small documents (one of them long), a real sample document and a GBK file."""
    names = []
    for i in range(n):
        name = f"good/{i:04d}.txt"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(_document(i, lines=80 if i == 1 else 1), encoding="utf-8")
        names.append(name)
    sample = min(RAW.glob("*.txt"), key=lambda p: p.stat().st_size)  # a real scraped page
    shutil.copyfile(sample, folder / "good" / sample.name)
    names.append(f"good/{sample.name}")
    (folder / "gbk.txt").write_bytes(GBK_TEXT.encode("gbk"))
    names.append("gbk.txt")
    return names


def _plant_bad_files(folder: Path) -> dict[str, str]:
    """Bad files of every kind the issue names; returns name -> a word the reason must contain."""
    rng = random.Random(6)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00")
    text = "到2025年，高新技术企业超过500家。".encode()
    (folder / "truncated.txt").write_bytes(text + "企".encode()[:2])
    bad = {"empty.txt": "empty", "binary.txt": "binary", "truncated.txt": "truncated"}
    # Unreadable: root reads a chmod-000 file, so also plant entries nobody can read.
    (folder / "folder_named.txt").mkdir()
    (folder / "dangling.txt").symlink_to(folder / "no_such_target.txt")
    bad["folder_named.txt"] = "unreadable"
    bad["dangling.txt"] = "unreadable"
    if os.geteuid() != 0:
        locked = folder / "locked.txt"
        locked.write_text("到2025年，高新技术企业超过500家。", encoding="utf-8")
        locked.chmod(0)
        bad["locked.txt"] = "unreadable"
    return bad


@pytest.fixture()
def dirty(tmp_path: Path) -> tuple[Path, list[str], dict[str, str]]:
    folder = tmp_path / "in"
    folder.mkdir()
    good = _good_files(folder)
    bad = _plant_bad_files(folder)
    return folder, good, bad


def _tables(out: Path, fmt: str = "parquet") -> dict[str, pd.DataFrame]:
    readers = {"parquet": pd.read_parquet,
               "csv": lambda p: pd.read_csv(p, encoding="utf-8-sig", keep_default_na=False),
               "jsonl": lambda p: pd.read_json(p, lines=True),
               "dta": pd.read_stata}
    return {t: readers[fmt](out / f"{t}.{fmt}") for t in TABLES}


def _same_files(a: Path, b: Path) -> None:
    for table in TABLES:
        assert (a / f"{table}.parquet").read_bytes() == (b / f"{table}.parquet").read_bytes(), table


# --- accounting -------------------------------------------------------------------------------


def test_every_file_in_the_manifest_and_only_bad_ones_are_errors(dirty, tmp_path):
    folder, good, bad = dirty
    summary = run_batch(folder, tmp_path / "out")
    manifest = pd.read_parquet(tmp_path / "out" / "manifest.parquet")
    assert sorted(manifest["source"]) == sorted(good + list(bad))
    status = dict(zip(manifest["source"], manifest["status"], strict=True))
    reasons = dict(zip(manifest["source"], manifest["error"], strict=True))
    assert {s for s, v in status.items() if v == "error"} == set(bad)
    for name, word in bad.items():
        assert word in reasons[name].lower(), (name, reasons[name])
    assert all(pd.isna(reasons[name]) for name in good)
    assert (summary.n_files, summary.n_error, summary.n_done) == (len(good) + len(bad), len(bad), len(good))
    assert dict(summary.errors).keys() == bad.keys()


def test_gbk_file_is_read_correctly(dirty):
    folder, _, _ = dirty
    [item] = [r for r in process_folder(folder) if r.source == "gbk.txt"]
    assert item.status == "done", item.error
    assert item.result is not None
    assert item.result.encoding.lower() in {"gb18030", "gbk", "cp936", "gb2312"}
    assert "数字经济核心产业" in item.result.documents[0].text


def test_documents_rows_join_the_manifest(dirty, tmp_path):
    folder, good, _ = dirty
    run_batch(folder, tmp_path / "out")
    tables = _tables(tmp_path / "out")
    manifest = tables["manifest"].set_index("source")
    docs = tables["documents"]
    assert set(docs["source"]) == set(good)
    counts = docs.groupby("source").size()
    for source, n in counts.items():
        assert manifest.loc[source, "n_documents"] == n
        prefix = manifest.loc[source, "content_hash"][:16]
        assert all(d.startswith(prefix + "-") for d in docs.loc[docs["source"] == source, "doc_id"])
    for table, schema in SCHEMAS.items():
        assert list(tables[table].columns) == [name for name, _ in schema], table


def test_list_inputs_skips_hidden_files_and_the_output_folder(tmp_path):
    (tmp_path / "a.txt").write_text("一", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("二", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>三</p>", encoding="utf-8")
    (tmp_path / "sub" / "c.md").write_text("四", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("五", encoding="utf-8")
    assert [s for s, _ in list_inputs(tmp_path, exclude=[tmp_path / "out"])] == ["a.txt", "sub/b.html",
                                                                                "sub/c.md"]
    assert [s for s, _ in list_inputs(tmp_path, "*.txt", exclude=[tmp_path / "out"])] == ["a.txt"]


def test_output_inside_the_input_folder_is_not_read_back(dirty):
    folder, good, bad = dirty
    run_batch(folder, folder / "tables")
    summary = run_batch(folder, folder / "tables")
    assert summary.n_files == len(good) + len(bad)


def test_missing_folder_and_bad_options_raise_clear_errors(tmp_path):
    with pytest.raises(ReadError, match="no such folder"):
        list(process_folder(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match="parquet, csv, jsonl, dta"):
        run_batch(tmp_path, tmp_path / "out", fmt="xlsx")
    with pytest.raises(ConfigError, match="jobs"):
        BatchConfig(jobs=0)
    with pytest.raises(ConfigError, match="engine='dask'"):
        BatchConfig(scheduler="tcp://127.0.0.1:8786")


# --- determinism and engines ------------------------------------------------------------------


def test_same_tables_whatever_the_number_of_workers(dirty, tmp_path):
    folder, _, _ = dirty
    _good_files(folder, n=24)
    run_batch(folder, tmp_path / "one", jobs=1)
    run_batch(folder, tmp_path / "two", jobs=2, chunksize=2)
    _same_files(tmp_path / "one", tmp_path / "two")
    order = [r.source for r in process_folder(folder, jobs=2, chunksize=1)]
    assert order == sorted(order)


@pytest.mark.slow
def test_dask_engine_gives_the_local_engines_tables(dirty, tmp_path):
    pytest.importorskip("distributed")
    folder, _, _ = dirty
    run_batch(folder, tmp_path / "local", jobs=2)
    run_batch(folder, tmp_path / "dask", engine="dask", jobs=2, chunksize=2)
    _same_files(tmp_path / "local", tmp_path / "dask")


@pytest.mark.slow
def test_dask_engine_on_a_running_scheduler(dirty, tmp_path):
    distributed = pytest.importorskip("distributed")
    folder, _, _ = dirty
    run_batch(folder, tmp_path / "local")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        run_batch(folder, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    _same_files(tmp_path / "local", tmp_path / "dask")


# --- resumption -------------------------------------------------------------------------------


def test_rerun_skips_done_files_and_retries_errors(dirty, tmp_path):
    folder, good, _ = dirty
    out = tmp_path / "out"
    run_batch(folder, out, part_files=4)
    first = {t: (out / f"{t}.parquet").read_bytes() for t in TABLES}
    again = run_batch(folder, out, part_files=4)
    assert again.n_skipped == len(good)  # errors are tried again
    assert {t: (out / f"{t}.parquet").read_bytes() for t in TABLES} == first

    (folder / "empty.txt").write_text("到2030年，新增就业10万人。", encoding="utf-8")
    changed = good[0]
    (folder / changed).write_text("到2030年，新增就业20万人。", encoding="utf-8")
    (folder / good[1]).unlink()
    third = run_batch(folder, out, part_files=4)
    assert third.n_skipped == len(good) - 2
    manifest = pd.read_parquet(out / "manifest.parquet").set_index("source")
    assert manifest.loc["empty.txt", "status"] == "done"
    assert good[1] not in manifest.index
    fresh = tmp_path / "fresh"
    run_batch(folder, fresh)
    _same_files(out, fresh)


def test_temporary_tables_of_an_interrupted_run_are_removed(dirty, tmp_path):
    folder, _, _ = dirty
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".quantities.parquet.4242.tmp"  # as a killed run leaves it
    stale.write_bytes(b"PAR1 half a table")
    keep = out / "notes.tmp"
    keep.write_text("the user's", encoding="utf-8")
    run_batch(folder, out)
    assert not stale.exists() and keep.exists()
    assert not list(out.glob(".*.tmp"))


def test_an_unfinished_part_is_discarded(dirty, tmp_path):
    folder, _, _ = dirty
    out = tmp_path / "out"
    run_batch(folder, out, part_files=3)
    parts = out / ".policytext" / "parts"
    with_done = [p for p in sorted(parts.glob(f"*.manifest{PART_SUFFIX}"))
                 if "done" in _read_part(p)["status"].to_pylist()]
    with_done[-1].unlink()  # as if the run had been killed before it committed this part
    (parts / f".half-written{PART_SUFFIX}.tmp").write_bytes(b"ARROW1")
    (parts / "r0000-000001.manifest.parquet").write_bytes(b"PAR1")  # the part format of earlier versions
    summary = run_batch(folder, out, part_files=3)
    redone = summary.n_files - summary.n_skipped - summary.n_error  # errors are always retried
    assert 0 < redone <= 3
    assert not list(parts.glob("*.tmp")) and not list(parts.glob("*.parquet"))
    fresh = tmp_path / "fresh"
    run_batch(folder, fresh)
    _same_files(out, fresh)


@pytest.mark.slow
def test_killed_run_resumes_to_the_uninterrupted_result(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _good_files(folder, n=300)
    _plant_bad_files(folder)
    out = tmp_path / "killed"
    script = ("import sys; from policytext.batch import run_batch; "
              "run_batch(sys.argv[1], sys.argv[2], part_files=5)")
    proc = subprocess.Popen([sys.executable, "-c", script, str(folder), str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = out / ".policytext" / "parts"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if parts.is_dir() and len(list(parts.glob(f"*.manifest{PART_SUFFIX}"))) >= 2:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert not (out / "manifest.parquet").exists()

    resumed = run_batch(folder, out, part_files=5)
    assert 0 < resumed.n_skipped < resumed.n_files
    uninterrupted = tmp_path / "whole"
    run_batch(folder, uninterrupted, part_files=5)
    _same_files(out, uninterrupted)


# --- formats ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "dta"])
def test_other_formats_hold_the_same_rows(dirty, tmp_path, fmt):
    folder, _, _ = dirty
    run_batch(folder, tmp_path / "pq")
    run_batch(folder, tmp_path / fmt, fmt=fmt)
    reference = _tables(tmp_path / "pq")
    other = _tables(tmp_path / fmt, fmt)
    for table in TABLES:
        assert len(other[table]) == len(reference[table]), table
        if len(reference[table]):
            assert list(other[table]["source"]) == list(reference[table]["source"]), table
    assert list(other["documents"]["text"]) == list(reference["documents"]["text"])


def test_csv_opens_in_excel_and_jsonl_keeps_chinese(dirty, tmp_path):
    folder, _, _ = dirty
    run_batch(folder, tmp_path / "csv", fmt="csv")
    assert (tmp_path / "csv" / "manifest.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    run_batch(folder, tmp_path / "jsonl", fmt="jsonl")
    lines = (tmp_path / "jsonl" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert "数字经济" in next(row["text"] for row in rows if row["source"] == "gbk.txt")


def test_dta_stores_long_text_as_strl(dirty, tmp_path):
    folder, _, _ = dirty
    run_batch(folder, tmp_path / "dta", fmt="dta")
    docs = pd.read_stata(tmp_path / "dta" / "documents.dta")
    longest = max(docs["text"], key=len)
    assert len(longest.encode("utf-8")) > 2045  # more than a Stata str# holds
    reference = pd.read_parquet(_parquet_run(folder, tmp_path) / "documents.parquet")
    assert longest == max(reference["text"], key=len)


def _parquet_run(folder: Path, tmp_path: Path) -> Path:
    out = tmp_path / "reference"
    run_batch(folder, out)
    return out


# --- workers that die, progress bar ------------------------------------------------------------


def test_a_dead_worker_costs_only_its_own_files(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    from policytext.batch import _collect, _Pool, _progress_bar

    for name, i in (("a.txt", 1), ("b.txt", 2)):
        (tmp_path / name).write_text(_document(i), encoding="utf-8")
    chunk = [("a.txt", str(tmp_path / "a.txt")), ("b.txt", str(tmp_path / "b.txt"))]
    pool = _Pool(lambda: ProcessPoolExecutor(max_workers=1))
    try:
        dead = pool.pool.submit(os._exit, 1)  # the worker running this chunk dies
        results = list(_collect(dead, chunk, _progress_bar(2, False), pool.submit))
    finally:
        pool.close()
    assert [(r.source, r.status) for r in results] == [("a.txt", "done"), ("b.txt", "done")]

    class Dead:
        def result(self):
            raise RuntimeError("killed")

    [lone] = _collect(Dead(), chunk[:1], _progress_bar(1, False), pool.submit)
    assert (lone.status, lone.error) == ("error", "worker failed: RuntimeError: killed")


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from policytext.batch import _progress_bar

    class Terminal:
        def isatty(self):
            return True

        def write(self, text):
            return len(text)

        def flush(self):
            pass

    assert _progress_bar(3, True).disable  # pytest's stderr is not a terminal
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert not _progress_bar(3, True).disable
    assert _progress_bar(3, False).disable


def test_superseded_parts_are_pruned_and_output_must_differ_from_input(dirty, tmp_path):
    folder, good, bad = dirty
    out = tmp_path / "out"
    run_batch(folder, out, part_files=1)
    run_batch(folder, out, part_files=1)  # the bad files again, in new parts
    parts = out / ".policytext" / "parts"
    manifests = sorted(parts.glob(f"*.manifest{PART_SUFFIX}"))
    assert len(manifests) == len(good) + len(bad)
    assert sum(p.name.startswith("r0002-") for p in manifests) == len(bad)
    with pytest.raises(ConfigError, match="must not be the input folder"):
        run_batch(folder, folder)


def test_two_runs_never_write_one_folder(dirty, tmp_path):
    fcntl = pytest.importorskip("fcntl")
    from policytext.errors import PolicyTextError

    folder, _, _ = dirty
    state = tmp_path / "out" / ".policytext"
    state.mkdir(parents=True)
    with open(state / "lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as another run would
        with pytest.raises(PolicyTextError, match="another policytext batch"):
            run_batch(folder, tmp_path / "out")
    assert run_batch(folder, tmp_path / "out").n_files > 0  # free again


def test_part_files_read_back_whole_or_by_columns(tmp_path):
    import pyarrow as pa

    from policytext.batch import _write_part

    table = pa.table({"source": ["a.txt", "b.txt", None], "n_bytes": [3, 0, 7], "text": ["长" * 5000] * 3})
    path = tmp_path / f"r0001-000001.manifest{PART_SUFFIX}"
    _write_part(table, path)
    assert _read_part(path).equals(table)
    assert path.stat().st_size < 5000  # compressed
    only = _read_part(path, columns=["n_bytes"])
    assert only.column_names == ["n_bytes"] and only["n_bytes"].to_pylist() == [3, 0, 7]


def test_the_forkserver_warm_up_imports_the_pipeline_without_raising():
    code = ("import sys, policytext._warm; "
            "sys.exit(0 if 'policytext.pipeline' in sys.modules else 1)")
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_local_pool_workers_fork_from_a_forkserver_where_there_is_one():
    import multiprocessing

    from policytext.batch import _mp_context

    expected = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
    assert _mp_context().get_start_method() == (expected or multiprocessing.get_start_method())
