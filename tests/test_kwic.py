"""KWIC over multi-word Chinese terms and per-document term frequencies."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.kwic import KWIC_COLUMNS, TF_COLUMNS, iter_texts, kwic, term_frequencies
from policytext.model import Document
from policytext.segment import get_segmenter

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


# ---------------------------------------------------------------------------------------------
# documents in
# ---------------------------------------------------------------------------------------------


def test_ids_from_each_kind_of_collection() -> None:
    doc = Document(source="a.txt", text="推进三区联动", encoding="utf-8")
    assert [i for i, _ in iter_texts([doc])] == ["a.txt"]
    assert [i for i, _ in iter_texts(pd.Series(["甲", "乙"], index=["x", "y"]))] == ["x", "y"]
    assert [i for i, _ in iter_texts({"k": "甲"})] == ["k"]
    assert [i for i, _ in iter_texts(t for t in ["甲", "乙"])] == [0, 1]


@pytest.mark.parametrize("bad", ["一个字符串", b"bytes"])
def test_one_string_is_refused(bad: object) -> None:
    with pytest.raises(TypeError, match="wrap it in a list"):
        kwic(bad, "字符")


def test_dataframe_is_refused_with_advice() -> None:
    with pytest.raises(TypeError, match=r"df\['text'\]"):
        kwic(pd.DataFrame({"text": ["推进三区联动"]}), "三区联动")


def test_bytes_document_is_refused() -> None:
    with pytest.raises(TypeError, match="decode"):
        term_frequencies([b"\xe4\xb8\xad"])


# ---------------------------------------------------------------------------------------------
# KWIC
# ---------------------------------------------------------------------------------------------


def test_multiword_term_found_across_a_line_break() -> None:
    text = "大力培育高新技术\n企业，高新技术企业数量翻番。"
    hits = kwic([text], "高新技术企业", window=4)
    assert list(hits.columns) == list(KWIC_COLUMNS)
    assert hits["keyword"].tolist() == ["高新技术\n企业", "高新技术企业"]
    for row in hits.itertuples():
        assert text[row.offset : row.offset + len(row.keyword)] == row.keyword
    assert hits["left"].tolist() == ["大力培育", " 企业，"]
    assert hits["right"].tolist() == ["，高新技", "数量翻番"]


def test_context_whitespace_shown_as_one_space() -> None:
    hits = kwic(["第一行\n\n  推进三区联动  \n下一行"], "三区联动", window=6)
    assert hits.loc[0, "left"] == " 推进"  # six characters: "\n\n  推进"
    assert hits.loc[0, "right"] == " 下一行"


def test_longest_term_wins_and_any_term_matches() -> None:
    hits = kwic(["实施乡村振兴战略，推动乡村振兴，建设美丽乡村"], ["乡村振兴", "乡村振兴战略", "美丽乡村"])
    assert hits["keyword"].tolist() == ["乡村振兴战略", "乡村振兴", "美丽乡村"]


def test_regex_term() -> None:
    hits = kwic(["“十三五”时期和“十四五”时期"], re.compile(r"十[一二三四]五"), window=0)
    assert hits["keyword"].tolist() == ["十三五", "十四五"]
    assert set(hits["left"]) == {""} and set(hits["right"]) == {""}


def test_token_boundaries_with_a_segmenter() -> None:
    seg = get_segmenter("jieba")
    text = "鼓励创新，推动创新创业，建设科技创新中心和创新型城市"
    everywhere = kwic([text], "创新")
    whole = kwic([text], "创新", segmenter=seg)
    assert len(everywhere) == 4
    assert whole["offset"].tolist() == [2]  # not inside 创新创业, 科技创新中心, 创新型城市
    # a multi-word term spanning several tokens still counts when it starts and ends on boundaries
    plain = get_segmenter("jieba", lexicons=())
    assert len(kwic(["加快科技创新中心建设"], "科技创新中心", segmenter=plain)) == 1


def test_no_hit_is_an_empty_frame_with_the_columns() -> None:
    hits = kwic(["没有这个词"], "高新技术企业")
    assert hits.empty
    assert list(hits.columns) == list(KWIC_COLUMNS)


@pytest.mark.parametrize("term", ["", " ", []])
def test_empty_term_refused(term: object) -> None:
    with pytest.raises(ValueError, match="non-empty term"):
        kwic(["文本"], term)  # type: ignore[arg-type]


def test_negative_window_refused() -> None:
    with pytest.raises(ValueError, match="window"):
        kwic(["文本"], "文本", window=-1)


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("三区联动推进 \n，。")), max_size=60),
    window=st.integers(0, 8),
)
def test_offsets_index_the_text(text: str, window: int) -> None:
    hits = kwic([text], "三区联动", window=window)
    assert len(hits) == len(re.findall(r"三\s*区\s*联\s*动", text))
    for row in hits.itertuples():
        assert text[row.offset : row.offset + len(row.keyword)] == row.keyword
        assert len(row.left) <= window and len(row.right) <= window


def test_kwic_on_a_real_document() -> None:
    path = RAW / "000_bd9391566ef5ab74.txt"
    text = path.read_text(encoding="utf-8")
    hits = kwic({path.name: text}, "科技创新")
    assert len(hits) >= text.count("科技创新") > 0
    assert {re.sub(r"\s", "", k) for k in hits["keyword"]} == {"科技创新"}
    assert (hits["left"].str.len() <= 20).all() and (hits["right"].str.len() <= 20).all()


# ---------------------------------------------------------------------------------------------
# term frequencies
# ---------------------------------------------------------------------------------------------

TEXT = "坚持推进高新技术企业发展。高新技术企业超过4500家，的确要加快三区联动。"


def _counts(frame: pd.DataFrame, doc_id: object = 0) -> dict[str, int]:
    rows = frame[frame["doc_id"] == doc_id]
    return dict(zip(rows["term"], rows["count"], strict=True))


def test_counts_and_shape() -> None:
    tf = term_frequencies([TEXT, "三区联动"])
    assert list(tf.columns) == list(TF_COLUMNS)
    assert _counts(tf)["高新技术企业"] == 2
    assert _counts(tf, 1) == {"三区联动": 1}
    assert tf["count"].dtype == "int64"
    # most frequent first within a document
    assert tf[tf["doc_id"] == 0]["count"].is_monotonic_decreasing


def test_stopword_choices() -> None:
    policy = _counts(term_frequencies([TEXT]))
    general = _counts(term_frequencies([TEXT], stopwords="general"))
    everything = _counts(term_frequencies([TEXT], stopwords=None))
    custom = _counts(term_frequencies([TEXT], stopwords={"高新技术企业"}))
    assert "推进" not in policy and "坚持" not in policy
    assert "推进" in general and "坚持" in general
    assert "要" not in general and "要" in everything
    assert "高新技术企业" not in custom and "推进" in custom
    with pytest.raises(ValueError, match="'policy', 'general', None"):
        term_frequencies([TEXT], stopwords="chinese")


def test_punctuation_and_numbers() -> None:
    assert "，" not in _counts(term_frequencies([TEXT], stopwords=None))
    assert "4500家" not in _counts(term_frequencies([TEXT]))
    assert _counts(term_frequencies([TEXT], keep_numbers=True))["4500家"] == 1


def test_min_count() -> None:
    assert _counts(term_frequencies([TEXT], min_count=2)) == {"高新技术企业": 2}


def test_any_backend_and_pivot() -> None:
    fast = term_frequencies([TEXT, "推进三区联动"], segmenter=get_segmenter("rjieba"))
    assert fast.equals(term_frequencies([TEXT, "推进三区联动"]))
    wide = fast.pivot_table(index="doc_id", columns="term", values="count", fill_value=0)
    assert wide.loc[1, "三区联动"] == 1 and wide.loc[1, "高新技术企业"] == 0


def test_empty_documents() -> None:
    tf = term_frequencies(["", "   "])
    assert tf.empty and list(tf.columns) == list(TF_COLUMNS)
