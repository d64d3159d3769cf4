"""The command line: `policytext batch` is a thin shell over run_batch; exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from policytext.cli import main

DOC = "关于印发《科技创新工作方案》的通知\n到2025年，高新技术企业超过{n}家。\n区人民政府\n2021年3月1日\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(3):
        (root / f"doc{n}.txt").write_text(DOC.format(n=100 + n), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.md").write_text("# 说明\n到2030年，新增就业10万人。\n", encoding="utf-8")
    return root


def test_batch_runs_and_reports_errors_in_the_manifest(folder, tmp_path, capsys):
    assert main(["batch", str(folder), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "5 files: 4 done, 1 errors" in err
    assert "empty.txt: file is empty" in err
    manifest = pd.read_parquet(tmp_path / "out" / "manifest.parquet")
    assert manifest["source"].tolist() == ["doc0.txt", "doc1.txt", "doc2.txt", "empty.txt", "notes.md"]

    assert main(["batch", str(folder), "-o", str(tmp_path / "out")]) == 0
    assert "(1 processed now, 4 already done)" in capsys.readouterr().err


def test_pattern_format_and_quiet(folder, tmp_path, capsys):
    out = tmp_path / "csv"
    code = main(["batch", str(folder), "-o", str(out), "--pattern", "*.txt", "--format", "csv", "--quiet"])
    assert code == 0
    assert capsys.readouterr().err == ""
    manifest = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig")
    assert manifest["source"].tolist() == ["doc0.txt", "doc1.txt", "doc2.txt", "empty.txt"]
    assert (out / "quantities.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_missing_folder_exits_1(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")]) == 1
    assert "nowhere: no such folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [
    ["batch"],                                          # no folder
    ["batch", "IN"],                                    # no -o
    ["batch", "IN", "-o", "OUT", "--jobs", "0"],
    ["batch", "IN", "-o", "OUT", "--jobs", "two"],
    ["batch", "IN", "-o", "OUT", "--format", "xlsx"],
    ["batch", "IN", "-o", "OUT", "--engine", "spark"],
    ["batch", "IN", "-o", "OUT", "--scheduler", "tcp://127.0.0.1:8786"],  # needs --engine dask
])
def test_usage_errors_exit_2(args, folder, tmp_path, capsys):
    args = [a.replace("IN", str(folder)).replace("OUT", str(tmp_path / "out")) for a in args]
    assert main(args) == 2
    assert capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_extract_is_unchanged(folder, capsys):
    assert main(["extract", str(folder / "doc0.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"].endswith("doc0.txt") and len(record["documents"]) == 1
    assert main(["extract", str(folder / "empty.txt")]) == 1


def test_subprocess_stderr_holds_only_the_summary(folder, tmp_path):
    """Not a terminal: no progress bar; and no log chatter from jieba or the workers."""
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "policytext", "batch", str(folder), "-o", str(out),
                           "--jobs", "2"], capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("policytext batch: 5 files: 4 done, 1 errors"), proc.stderr
    assert lines[1:] == ["  error: empty.txt: file is empty"]
    assert proc.stdout == ""
