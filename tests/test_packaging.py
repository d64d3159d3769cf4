"""The wheel ships the lexicons and works outside the source tree.

Builds a wheel from this checkout, installs it with no dependencies into a fresh virtual
environment (dependencies come from the running environment through a path file), and runs it
from another directory, so that nothing can be read from ``src/`` or ``data/`` by accident.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
    )
    (found,) = out.glob("policytext-*.whl")
    return found


def test_wheel_contains_the_lexicons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(n).name for n in names if n.startswith("policytext/lexicons/")}
    in_tree = {p.name for p in (ROOT / "data" / "lexicons").iterdir() if p.is_file()}
    assert in_tree <= shipped
    assert any(n.endswith(".tsv") for n in shipped)


@pytest.mark.slow
def test_installed_wheel_runs_from_another_directory(wheel, tmp_path):
    env = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    py = env / "bin" / "python"
    site = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                    str(wheel)], check=True)
    # third-party dependencies from the running environment, after the fresh site-packages
    Path(site, "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    probe = (
        "import json, policytext\n"
        "from policytext.lexicon import available_lexicons, load_lexicon\n"
        "names = available_lexicons()\n"
        "print(json.dumps({'file': policytext.__file__, 'lexicons': names,"
        " 'rows': {n: len(load_lexicon(n)) for n in names}}))\n"
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    done = subprocess.run([py, "-c", probe], cwd=work, check=True, capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert report["file"].startswith(site)
    assert report["lexicons"], "no lexicon found in the installed wheel"
    assert all(n > 0 for n in report["rows"].values())
    sample = ROOT / "data" / "raw" / "003_0133ad35131ad471.txt"
    cli = subprocess.run([py, "-m", "policytext", "extract", str(sample), "--format", "json"],
                         cwd=work, check=True, capture_output=True, text=True)
    assert json.loads(cli.stdout)["documents"]
