"""to_frame: fixed schemas named as in CONTRACT.md, stable dtypes, one row per record.

The records are built by hand, so these tests check the table machinery, not extraction.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from policytext import to_frame
from policytext.batch import FileResult
from policytext.errors import ConfigError
from policytext.frame import SCHEMAS, TABLES, doc_id, result_hash
from policytext.model import DocumentRecord, Masked, Programme, Quantity, Removed, Result

CONTRACT_FIELDS = {
    "documents": ["part", "title", "issuer", "doc_number", "date", "published", "region", "doc_type",
                  "period", "year_scrubbed", "text"],
    "quantities": ["quote", "indicator", "value", "value_max", "unit", "qualifier", "change", "kind",
                   "year", "masked"],
    "programmes": ["name", "category", "first_quote"],
    "removed": ["line", "kind"],
    "masked": ["text", "kind", "context"],
}


def _doc(part: int, text: str, **records) -> DocumentRecord:
    return DocumentRecord(part=part, title=f"标题{part}", issuer=None, doc_number=None, date="2021-07-27",
                          published=None, region="杨浦区", doc_type="规划", period="十四五",
                          year_scrubbed=False, text=text, **records)


def _result() -> Result:
    q1 = Quantity(quote="科技企业总量超过4500家", indicator="科技企业总量", value=4500.0, value_max=None,
                  unit="家", qualifier=">", year=2025, rule="count", start=3, end=15)
    q2 = Quantity(quote="到201*年增长20%-30%", indicator="", value=20.0, value_max=30.0, unit="%",
                  change="growth", year="201*")
    q3 = Quantity(quote="***家", indicator="企业", value=None, value_max=None, unit="家", masked=True)
    prog = Programme(name="千人计划", category="talent_programme", first_quote="入选国家“千人计划”",
                     aliases=("千人", "海外高层次人才引进计划"))
    first = _doc(1, "第一篇正文", quantities=(q1, q2), programmes=(prog,),
                 removed=(Removed(line="字号 大 中 小", kind="page_meta", lineno=4),),
                 masked=(Masked(text="201*", kind="masked_year", context="到201*年"),))
    second = _doc(2, "第二篇正文", quantities=(q3,))
    return Result(source="a/b.txt", encoding="utf-8", documents=(first, second),
                  removed=(Removed(line="您的位置: 首页", kind="breadcrumb", lineno=1),))


@pytest.mark.parametrize("table", TABLES)
def test_columns_are_the_contract_fields_plus_ids(table):
    frame = to_frame([FileResult("a/b.txt", "/x/a/b.txt", "ab" * 32, result=_result())], table)
    assert list(frame.columns) == [name for name, _ in SCHEMAS[table]]
    if table != "manifest":
        assert list(frame.columns[:2]) == ["doc_id", "source"]
        assert set(CONTRACT_FIELDS[table]) <= set(frame.columns)


@pytest.mark.parametrize("table", [t for t in TABLES if t != "manifest"])
def test_empty_frames_keep_columns_and_dtypes(table):
    full = to_frame([_result()], table)
    empty = to_frame([], table)
    assert len(empty) == 0 and len(full) > 0
    assert list(empty.columns) == list(full.columns)
    assert empty.dtypes.astype(str).tolist() == full.dtypes.astype(str).tolist()


def test_one_row_per_record_with_values_as_recorded():
    frame = to_frame(_result(), "quantities")
    assert len(frame) == 3
    assert frame["part"].tolist() == [1, 1, 2]
    assert frame["value"].iloc[0] == 4500.0 and math.isnan(frame["value"].iloc[2])
    assert frame["value_max"].iloc[1] == 30.0
    assert frame["masked"].tolist() == [False, False, True]
    assert (frame["rule"].iloc[0], frame["start"].iloc[0], frame["end"].iloc[0]) == ("count", 3, 15)


def test_years_keep_masked_text_beside_a_numeric_column():
    frame = to_frame([_result()], "quantities")
    assert str(frame["year"].dtype) == "Int64"
    assert frame["year"].iloc[0] == 2025
    assert pd.isna(frame["year"].iloc[1]) and frame["year_text"].iloc[1] == "201*"
    assert pd.isna(frame["year"].iloc[2]) and pd.isna(frame["year_text"].iloc[2])


def test_removed_lines_outside_every_part_are_part_zero():
    frame = to_frame([_result()], "removed")
    assert frame[["part", "kind"]].values.tolist() == [[0, "breadcrumb"], [1, "page_meta"]]


def test_programme_aliases_are_joined():
    frame = to_frame([_result()], "programmes")
    assert frame["aliases"].iloc[0] == "千人|海外高层次人才引进计划"


def test_doc_ids_follow_content_not_location():
    moved = Result(source="elsewhere.txt", encoding="gb18030", documents=_result().documents)
    assert result_hash(moved) == result_hash(_result())
    ids = to_frame([_result(), moved], "documents")["doc_id"].tolist()
    assert ids[:2] == ids[2:] and ids[0] != ids[1]
    assert ids[0] == doc_id(result_hash(_result()), 1)


def test_batch_items_use_the_file_hash_and_errors_give_no_rows():
    done = FileResult("a.txt", "/in/a.txt", "f" * 64, result=_result(), n_bytes=10)
    failed = FileResult("b.txt", "/in/b.txt", status="error", error="file is empty")
    docs = to_frame([done, failed], "documents")
    assert docs["doc_id"].tolist() == ["f" * 16 + "-1", "f" * 16 + "-2"]
    assert set(docs["source"]) == {"a.txt"}
    manifest = to_frame([done, failed], "manifest")
    assert manifest[["source", "status", "n_documents", "n_quantities"]].values.tolist() == [
        ["a.txt", "done", 2, 3], ["b.txt", "error", 0, 0]]
    assert manifest["error"].isna().tolist() == [True, False]


def test_bad_arguments_say_what_to_do():
    with pytest.raises(ConfigError, match="documents, quantities"):
        to_frame([_result()], "numbers")
    with pytest.raises(ConfigError, match="iterable of Result"):
        to_frame("a.txt")
    with pytest.raises(ConfigError, match="batch items"):
        to_frame([_result()], "manifest")
    with pytest.raises(ConfigError, match="got dict"):
        to_frame([{"source": "a.txt"}])


def test_batch_items_carrying_rows_give_the_same_frames():
    from policytext.batch import to_rows

    done = FileResult("a.txt", "/in/a.txt", "f" * 64, result=_result(), n_bytes=10)
    failed = FileResult("b.txt", "/in/b.txt", status="error", error="file is empty")
    with_rows = [to_rows(done), to_rows(failed)]
    assert with_rows[0].result is None
    for table in TABLES:
        pd.testing.assert_frame_equal(to_frame(with_rows, table), to_frame([done, failed], table))
