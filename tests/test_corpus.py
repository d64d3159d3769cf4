"""Corpus building, eras, the document-term matrix and the R export."""

from __future__ import annotations

import csv
import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from policytext.corpus import (
    Corpus,
    SegmentTokenizer,
    make_tokenizer,
    make_vectorizer,
    period_of_year,
    period_order,
)
from policytext.errors import ConfigError
from policytext.export import read_r_export, to_r
from policytext.model import PERIODS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


@dataclass(frozen=True)
class Spaces:
    """A stand-in segmenter (split on spaces) where the segmenter itself is not the subject."""

    def cut(self, text: str) -> list[str]:
        return text.split()


# (label, year, expected period) — plan boundaries on both sides, gaps, and no year
PERIOD_CASES = [
    ("first plan", 1953, "一五"), ("second plan ends", 1962, "二五"),
    ("adjustment years", 1964, None), ("third plan", 1966, "三五"),
    ("ninth plan", 2000, "九五"), ("tenth plan", 2001, "十五"),
    ("12th ends", 2015, "十二五"), ("13th starts", 2016, "十三五"), ("13th ends", 2020, "十三五"),
    ("14th", 2021, "十四五"), ("15th", 2026, "十五五"), ("twentieth", 2051, "二十"[0:2] + "五"),
    ("before plans", 1950, None), ("no year", None, None),
]


@pytest.mark.parametrize(("label", "year", "expect"), PERIOD_CASES, ids=[c[0] for c in PERIOD_CASES])
def test_period_of_year(label, year, expect):
    assert period_of_year(year) == expect


def test_period_order_is_chronological_for_every_contract_period():
    assert sorted(reversed(PERIODS), key=period_order) == list(PERIODS)
    assert period_order("其他") > period_order("十五五")


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "text": ["科技 创新 人才 科技", "科技 创新 生态", "生态 环境 保护 生态", "GDP 科技 环境"],
        "date": ["2013-03-01", "2020-11-02", None, "2022-01-09"],
        "year": [None, None, 2019, None],
        "period": [None, "十四五", None, None],  # the second document names the next plan itself
        "region": ["甲区", "乙区", "甲区", "乙区"],
    })


def test_from_frame_derives_year_and_period_and_says_where_it_came_from():
    docs = Corpus.from_frame(frame()).docs
    assert docs["year"].tolist() == [2013, 2020, 2019, 2022]
    assert docs["period"].tolist() == ["十二五", "十四五", "十三五", "十四五"]
    assert docs["period_source"].tolist() == ["year", "document", "year", "year"]
    # a 2020 document that names the coming plan belongs to it: plans are drafted the year before
    assert docs["era"].tolist() == docs["period"].tolist()
    assert docs["era_source"].tolist() == ["year", "document", "year", "year"]


def test_a_period_that_does_not_fit_the_year_gives_way_to_the_year():
    # a 2024 notice naming the 十二五 plan in passing, and a 2016 review of the 十二五 (fits)
    docs = Corpus.from_frame(pd.DataFrame({
        "text": ["回顾", "总结", "无年份"], "year": [2024, 2016, None],
        "period": ["十二五", "十二五", "十三五"]})).docs
    assert docs["period"].tolist() == ["十二五", "十二五", "十三五"]  # what the document said
    assert docs["era"].tolist() == ["十四五", "十二五", "十三五"]
    assert docs["era_source"].tolist() == ["year", "document", "document"]


def test_a_corpus_table_can_be_rebuilt_without_changing_its_facts():
    docs = Corpus.from_frame(frame()).docs
    again = Corpus.from_frame(docs).docs
    pd.testing.assert_frame_equal(again, docs)


def test_era_by_year_ignores_the_documents_own_period():
    docs = Corpus.from_frame(frame(), era="year").docs
    assert docs["era"].tolist() == ["十二五", "十三五", "十三五", "十四五"]
    assert set(docs["era_source"]) == {"year"}


def test_era_as_year_bins_and_edges():
    assert Corpus.from_frame(frame(), era=5).docs["era"].tolist() == [
        "2010–2014", "2020–2024", "2015–2019", "2020–2024"]
    assert Corpus.from_frame(frame(), era=[2010, 2018, 2030]).docs["era"].tolist() == [
        "2010–2017", "2018–2029", "2018–2029", "2018–2029"]


@pytest.mark.parametrize("bad", ["decade", 0, [2020]])
def test_unknown_era_is_refused_with_the_valid_choices(bad):
    with pytest.raises(ConfigError, match="period"):
        Corpus.from_frame(frame(), era=bad)


def test_repeated_document_ids_are_refused():
    docs = Corpus.from_frame(frame()).docs
    with pytest.raises(ConfigError, match="doc_id must be unique"):
        Corpus.from_frame(pd.concat([docs, docs]))


def test_from_frame_checks_its_input():
    with pytest.raises(ConfigError, match="DataFrame"):
        Corpus.from_frame(["科技 创新"])  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="no text column"):
        Corpus.from_frame(pd.DataFrame({"body": ["x"]}))


def write_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    notice = "海拉尔区人民政府关于推进科技创新的通知\n\n各单位：\n推进科技创新，培养人才。\n"
    (folder / "a.txt").write_text(notice, encoding="utf-8")
    (folder / "b.txt").write_text("到2025年，数字经济核心产业增加值占比达到10%。\n推进数字化转型。\n",
                                  encoding="gb18030")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.csv").write_text("not a document", encoding="utf-8")
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "region", "year", "source"])
        writer.writerow(["a.txt", "内蒙古自治区呼伦贝尔市海拉尔区", "2014", "archive"])
        writer.writerow(["b.txt", "", "2021", "web"])
    return folder


def test_from_folder_joins_the_manifest_and_manifest_values_win(tmp_path):
    corpus = Corpus.from_folder(write_folder(tmp_path))
    docs = corpus.docs.set_index("file")
    assert sorted(docs.index) == ["a.txt", "b.txt"]  # csv and manifest are not documents
    assert docs.loc["a.txt", "region"] == "内蒙古自治区呼伦贝尔市海拉尔区"
    assert docs.loc["a.txt", "year"] == 2014
    assert docs.loc["a.txt", "era"] == "十二五"
    assert docs.loc["b.txt", "source"] == "web"  # any other manifest column comes along
    assert docs.loc["b.txt", "year"] == 2021
    assert "数字经济" in docs.loc["b.txt", "text"]  # GB18030 read through the pipeline
    assert [name for name, _ in corpus.errors] == ["empty.txt"]


def test_from_folder_without_manifest_keeps_extracted_facts(tmp_path):
    docs = Corpus.from_folder(write_folder(tmp_path), manifest=False).docs.set_index("file")
    assert "source" not in docs.columns
    assert docs.loc["a.txt", "year"] is pd.NA or docs.loc["a.txt", "year"] != 2014


def test_manifest_without_key_column_says_which_columns_it_has(tmp_path):
    folder = write_folder(tmp_path)
    with pytest.raises(ConfigError, match="no key column 'name'"):
        Corpus.from_folder(folder, key="name")
    with pytest.raises(ConfigError, match="does not exist"):
        Corpus.from_folder(folder, manifest=tmp_path / "missing.csv")


def test_bundled_sample_spans_three_plan_periods():
    corpus = Corpus.from_folder(SAMPLE)
    assert len(corpus) >= 12 and not corpus.errors
    assert {"十二五", "十三五", "十四五"} <= set(corpus.docs["era"])
    manifest = pd.read_csv(SAMPLE / "manifest.csv")
    merged = corpus.docs.merge(manifest[["file", "region"]], on="file", suffixes=("", "_m"))
    assert (merged["region"] == merged["region_m"]).all()


def test_tokenizer_keeps_words_and_drops_numbers_punctuation_stopwords():
    tok = SegmentTokenizer(Spaces(), stopwords=frozenset({"推进"}))
    assert tok("推进 GDP 5G 2025年 1.3亿元 ， 的 数字经济 x") == ["GDP", "5G", "数字经济"]
    assert SegmentTokenizer(Spaces(), min_chars=1)("的 x") == ["的", "x"]


def test_tokenizer_and_vectorizer_pickle():
    vec = make_vectorizer(SegmentTokenizer(Spaces()), min_df=1, max_df=1.0)
    vec.fit(["科技 创新", "GDP 创新"])
    again = pickle.loads(pickle.dumps(vec))
    assert again.transform(["创新 GDP gdp"]).toarray().tolist() == [[1, 1, 0]]


def test_vectorizer_has_the_chinese_defaults():
    vec = make_vectorizer(SegmentTokenizer(Spaces()))
    params = vec.get_params()
    assert params["token_pattern"] is None and params["lowercase"] is False
    assert params["min_df"] == 2 and params["max_df"] == 0.95
    assert type(make_vectorizer(str.split, kind="tfidf")).__name__ == "TfidfVectorizer"
    with pytest.raises(ConfigError, match="count"):
        make_vectorizer(str.split, kind="bm25")


def test_dtm_rows_follow_documents_and_pruning_applies():
    corpus = Corpus.from_frame(frame())
    dtm = corpus.dtm(SegmentTokenizer(Spaces()), min_df=2, max_df=1.0)
    assert dtm.shape == (4, len(dtm.terms))
    assert set(dtm.terms) == {"科技", "创新", "生态", "环境"}  # 人才, 保护, GDP occur in one doc only
    counts = dict(zip(dtm.terms, dtm.matrix.toarray()[0], strict=True))
    assert counts["科技"] == 2 and counts["生态"] == 0
    assert dtm.tokens[0] == ["科技", "创新", "科技"]  # kept tokens only, in order
    new = dtm.vectorizer.transform(["环境 科技 科技 未知"]).toarray()[0]  # raw text, same columns
    assert dict(zip(dtm.terms, new, strict=True)) == {"创新": 0, "环境": 1, "生态": 0, "科技": 2}
    sub = dtm.subset(dtm.docs["region"] == "甲区")
    assert sub.shape[0] == 2 and list(sub.docs["region"]) == ["甲区", "甲区"]
    np.testing.assert_array_equal(sub.matrix.toarray(), dtm.matrix.toarray()[[0, 2]])


def test_dtm_with_the_real_segmenter_is_picklable_and_stopword_free():
    tok = make_tokenizer()
    words = tok("加快推进数字经济和实体经济深度融合，2025年GDP达到1000亿元")
    assert "数字经济" in words and "GDP" in words
    assert not {"加快", "推进", "和", "2025年"} & set(words)
    assert pickle.loads(pickle.dumps(tok))("科技创新") == tok("科技创新")


def test_r_export_round_trips(tmp_path):
    dtm = Corpus.from_frame(frame()).dtm(SegmentTokenizer(Spaces()), min_df=1, max_df=1.0)
    paths = to_r(dtm, tmp_path / "r")
    assert sorted(p.name for p in paths.values()) == ["docvars.csv", "dtm.mtx", "vocab.txt"]
    assert "integer" in paths["dtm.mtx"].read_text(encoding="utf-8").splitlines()[0]
    matrix, terms, docvars = read_r_export(tmp_path / "r")
    assert terms == list(dtm.terms)
    np.testing.assert_array_equal(matrix.toarray(), dtm.matrix.toarray())
    assert list(docvars.columns[:1]) == ["doc_id"] and "text" not in docvars.columns
    assert docvars["region"].tolist() == ["甲区", "乙区", "甲区", "乙区"]
    assert docvars["era"].tolist() == ["十二五", "十四五", "十三五", "十四五"]


def test_r_export_refuses_terms_that_cannot_be_one_per_line(tmp_path):
    dtm = Corpus.from_frame(pd.DataFrame({"text": ["a\tb c"]})).dtm(
        SegmentTokenizer(lambda s: s.split(" ")), min_df=1, max_df=1.0)
    with pytest.raises(ConfigError, match="line breaks or tabs"):
        to_r(dtm, tmp_path)
    with pytest.raises(ConfigError, match="lacks"):
        read_r_export(tmp_path / "nowhere")
