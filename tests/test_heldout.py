"""The held-out development set in tests/heldout: gold integrity and extraction floors.

Four hand-annotated documents that are not seeds (a 海拉尔区 政府工作报告, a 普陀区 water plan with
flattened indicator tables, a 2013 山东省 意见, a 2022 安徽省 实施意见); see tests/heldout/README.md.
The gold was committed before the extractor was run on these texts.

The floors below sit a little under the figures measured on 2026-11-23 with
../shared/eval/score.py (quantities.f1 0.929, strict_f1 0.690, programmes.f1 0.703,
documents.fields 0.944), so a regression fails. The targets the issues ask for (quantities.f1 >= 0.85,
programmes.f1 >= 0.70) are asserted as well; what is not reached yet is a strict xfail.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HELDOUT = Path(__file__).resolve().parent / "heldout"
GOLD, TEXTS = HELDOUT / "gold", HELDOUT / "texts"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
STEMS = sorted(p.name for p in GOLD.iterdir() if p.is_dir())
GOLD_FILES = ("documents", "boilerplate", "masked", "quantities", "programmes")

# Vocabularies of ../shared/gold/SCHEMA.md.
QUALIFIERS = {">=", ">", "<=", "<", "~", "="}
CHANGES = {"level", "growth", "increase"}
KINDS = {"target", "actual"}
CATEGORIES = {"talent_programme", "programme", "policy_document", "policy_package", "slogan", "platform",
              "zone", "fund", "event", "other"}
BOILERPLATE_KINDS = {"breadcrumb", "page_meta", "site_nav", "disclaimer", "related_links", "comment_widget",
                     "url", "duplicated_title", "other"}
DOC_TYPES = {"规划", "纲要", "行动计划", "行动方案", "实施方案", "实施意见", "指导意见", "意见",
             "办法", "细则", "条例", "决定", "通知", "工作要点", "政府工作报告", "工作报告", "工作汇报",
             "宣讲提纲", "审议意见落实报告", "心得体会", "other"}
PERIODS = {"十五", "十一五", "十二五", "十三五", "十四五", "十五五", None}


def _text(stem: str) -> str:
    (source,) = TEXTS.glob(stem + ".*")
    return source.read_bytes().decode("utf-8")


def _rows(stem: str, name: str) -> list[dict[str, Any]]:
    lines = (GOLD / stem / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# ---------------------------------------------------------------- the gold itself


def test_four_documents_each_with_its_text() -> None:
    assert len(STEMS) == 4
    for stem in STEMS:
        assert len(list(TEXTS.glob(stem + ".*"))) == 1, stem
        assert 3000 <= len(_text(stem)) <= 12000, stem


@pytest.mark.parametrize("stem", STEMS)
def test_gold_rows_follow_the_schema(stem: str) -> None:
    for name in GOLD_FILES:
        assert (GOLD / stem / f"{name}.jsonl").exists(), name
    for q in _rows(stem, "quantities"):
        assert q["qualifier"] in QUALIFIERS and q["change"] in CHANGES and q["kind"] in KINDS, q
        assert q["value"] is None or isinstance(q["value"], float), q
        assert q["value"] is not None or q["masked"], q
        assert q["year"] is None or isinstance(q["year"], (int, str)), q
        assert q["indicator"] and q["unit"], q
    names = [p["name"] for p in _rows(stem, "programmes")]
    assert len(names) == len(set(names)), "one entry per distinct name"
    assert {p["category"] for p in _rows(stem, "programmes")} <= CATEGORIES
    assert {b["kind"] for b in _rows(stem, "boilerplate")} <= BOILERPLATE_KINDS
    for doc in _rows(stem, "documents"):
        assert doc["doc_type"] in DOC_TYPES and doc["period"] in PERIODS, doc
        assert isinstance(doc["year_scrubbed"], bool)


@pytest.mark.parametrize("stem", STEMS)
def test_gold_quotes_are_verbatim(stem: str) -> None:
    text = _text(stem)
    stripped_lines = {line.strip() for line in text.splitlines()}
    for q in _rows(stem, "quantities"):
        assert q["quote"] in text and "\n" not in q["quote"] and "\r" not in q["quote"], q["quote"]
    for p in _rows(stem, "programmes"):
        assert p["first_quote"] in text, p["first_quote"]
    for b in _rows(stem, "boilerplate"):
        assert b["line"] in stripped_lines, b["line"]
    for m in _rows(stem, "masked"):
        assert m["text"] in m["context"] and m["context"] in text, m
    for doc in _rows(stem, "documents"):
        assert doc["first_line"] in text, doc["first_line"]


# ---------------------------------------------------------------- scoring the extractor


def _scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("policytext_score_heldout", SCORER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def measure() -> dict[str, Any]:
    """Per-file and overall figures, computed in-process as score.py's main() computes them.

    ``python tests/test_heldout.py`` prints the overall figures.
    """
    from policytext.pipeline import extract_file

    score = _scorer()
    files: dict[str, dict[str, Any]] = {}
    for stem in STEMS:
        (source,) = TEXTS.glob(stem + ".*")
        out = json.loads(json.dumps(extract_file(source).to_dict(), ensure_ascii=False))
        files[stem] = {
            "quantities": score.score_quantities(_rows(stem, "quantities"), score.records(out, "quantities")),
            "programmes": score.score_programmes(_rows(stem, "programmes"), score.records(out, "programmes")),
            "cleaning": score.score_cleaning(_text(stem), _rows(stem, "boilerplate"), out),
            "documents": score.score_documents(_rows(stem, "documents"), out),
        }
    quantities = [f["quantities"] for f in files.values()]
    q = score.micro(quantities)
    cleaning = [f["cleaning"] for f in files.values()]
    programmes = score.programmes_micro([f["programmes"] for f in files.values()])
    strict = score.prf(sum(r["strict_tp"] for r in quantities), q["pred"], q["gold"])
    overall = {
        "quantities.f1": q["f1"],
        "quantities.strict_f1": strict["f1"],
        "programmes.f1": programmes["f1"],
        "programmes.p": programmes["p"],
        "programmes.r": programmes["r"],
        "documents.fields": sum(f["documents"]["mean"] for f in files.values()) / len(files),
        "cleaning.boilerplate_recall": sum(c["boilerplate_recall"] * c["boilerplate_gold"] for c in cleaning)
        / max(1, sum(c["boilerplate_gold"] for c in cleaning)),
        "cleaning.content_retention": min(c["content_retention"] for c in cleaning),
    }
    return {"files": files, "overall": overall}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return measure()


# Regression floors: a little below the figures measured on 2026-11-23.
FLOORS = {
    "quantities.f1": 0.95,         # measured 0.974 once Latin units (km, m3, Mbps) are read
    "quantities.strict_f1": 0.74,  # measured 0.770 (0.690 before the second quantities pass)
    "programmes.f1": 0.67,
    "programmes.p": 0.77,
    "programmes.r": 0.60,
    "documents.fields": 0.90,
    "cleaning.boilerplate_recall": 0.95,
    "cleaning.content_retention": 0.99,
}


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_no_regression(report: dict[str, Any], measure: str) -> None:
    assert report["overall"][measure] >= FLOORS[measure], report["overall"]


@pytest.mark.parametrize("measure, target", [
    ("quantities.f1", 0.85),  # issue 3: local plans and reports from other provinces
    ("programmes.f1", 0.70),  # issue 4
])
def test_issue_targets(report: dict[str, Any], measure: str, target: float) -> None:
    assert report["overall"][measure] >= target, report["overall"]


# Per-file quantity floors, so that a regression points at the kind of document it hurts.
FILE_FLOORS = {
    "hulunbuir_hailar_district_gwr_2013": 0.95,        # measured 0.98
    "pkulaw_anhui_2022_CLI-12-6476457": 0.85,          # measured 0.90
    "shanghai_putuo_water_15fyp_2026_excerpt": 0.95,   # measured 0.98 (0.85 before km, m3 were read)
}


@pytest.mark.parametrize("stem", sorted(FILE_FLOORS))
def test_quantities_per_file(report: dict[str, Any], stem: str) -> None:
    result = report["files"][stem]["quantities"]
    assert result["f1"] >= FILE_FLOORS[stem], (result["f1"], result["missed"], result["spurious"])


def test_quantities_shandong(report: dict[str, Any]) -> None:
    """Targets in Mbps/Gbps and a count of a listed set of cities (measured 1.00)."""
    result = report["files"]["shandong_xvshiting_001_2013"]["quantities"]
    assert result["f1"] >= 0.85, (result["missed"], result["spurious"])


LATIN_UNITS = {"km", "km2", "m3", "m3/d", "Mbps", "Gbps"}


def test_latin_units_are_read(report: dict[str, Any]) -> None:
    """Every gold quantity in a Latin-letter unit is matched (by value, unit and quote)."""
    wanted = [q["quote"] for stem in STEMS for q in _rows(stem, "quantities") if q["unit"] in LATIN_UNITS]
    assert len(wanted) >= 10
    missed = {quote for f in report["files"].values() for quote in f["quantities"]["missed"]}
    assert not missed & set(wanted), sorted(missed & set(wanted))


def test_programme_recall_target(report: dict[str, Any]) -> None:
    assert report["overall"]["programmes.r"] >= 0.70, report["files"]


if __name__ == "__main__":
    for name, value in measure()["overall"].items():
        print(f"{name}={value:.3f}")
