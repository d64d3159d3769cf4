"""The walkthrough notebooks execute from a clean install, with this interpreter's kernel."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.fixture
def this_python_kernel(tmp_path, monkeypatch):
    """A ``python3`` kernelspec that runs the interpreter running the tests (a kernel installed
    elsewhere on the machine could otherwise be picked up instead of this virtualenv)."""
    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (tests)", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return "python3"


def test_there_is_a_walkthrough():
    assert any(p.name == "walkthrough.ipynb" for p in NOTEBOOKS)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes_and_shows_figures_and_period_tables(path, this_python_kernel):
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    client = nbclient.NotebookClient(nb, kernel_name=this_python_kernel, timeout=600,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert Path(outputs[-1]["text"].strip()).resolve() == Path(sys.executable).resolve()
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3  # coherence, shares by period, distinctive terms
    tables = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("十四五" in html and "十三五" in html for html in tables)  # a table by period
    assert not [o for o in outputs if o.output_type == "stream" and "Glyph" in o.get("text", "")]
