"""Log-likelihood keyness with the log ratio as effect size."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import xlogy

from policytext.corpus import Corpus, SegmentTokenizer
from policytext.errors import ConfigError
from policytext.keyness import distinctive_terms, keyness_table, log_likelihood, log_ratio


def test_g2_matches_the_two_cell_formula_written_out():
    # Rayson & Garside (2000): E_i = N_i (a + b) / (c + d); G2 = 2 sum O ln(O / E)
    a, b, c, d = 52, 11, 25_000, 40_000
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    expected = 2 * (xlogy(a, a / e1) + xlogy(b, b / e2))
    assert float(log_likelihood(a, b, c, d)) == pytest.approx(expected)
    assert float(log_likelihood(a, b, c, d)) > 10.83  # significant at p < 0.001


@given(st.integers(0, 500), st.integers(0, 500), st.integers(500, 5000), st.integers(500, 5000))
def test_g2_is_non_negative_and_symmetric(a, b, c, d):
    g2 = float(log_likelihood(a, b, c, d))
    assert g2 >= -1e-9
    assert g2 == pytest.approx(float(log_likelihood(b, a, d, c)), abs=1e-9)
    assert float(log_ratio(a, b, c, d)) == pytest.approx(-float(log_ratio(b, a, d, c)))


def test_equal_relative_frequency_is_not_key():
    assert float(log_likelihood(20, 40, 1000, 2000)) == pytest.approx(0.0, abs=1e-12)
    assert float(log_ratio(20, 40, 1000, 2000)) == 0.0
    assert float(log_ratio(0, 10, 1000, 1000)) == pytest.approx(np.log2(0.05))  # 0 -> 0.5


def test_keyness_table_orders_and_filters():
    terms = ["数字化", "煤炭", "发展", "罕见"]
    table = keyness_table([40, 2, 50, 1], [5, 30, 50, 1], terms, min_count=3)
    assert "罕见" not in set(table["term"])  # 2 occurrences < min_count
    assert table["term"].tolist() == ["数字化", "煤炭", "发展"]
    assert table.loc[0, "log_ratio"] > 0 > table.loc[1, "log_ratio"]
    assert table.loc[0, "p"] < 0.001
    assert keyness_table([40, 2, 50, 1], [5, 30, 50, 1], terms, direction="target",
                         min_count=3)["term"].tolist() == ["数字化"]
    assert keyness_table([40, 2, 50, 1], [5, 30, 50, 1], terms, direction="reference",
                         min_count=3, top=1)["term"].tolist() == ["煤炭"]
    with pytest.raises(ConfigError, match="direction"):
        keyness_table([1], [1], ["x"], direction="up")
    with pytest.raises(ConfigError, match="terms"):
        keyness_table([1, 2], [1], ["x"])


@pytest.fixture(scope="module")
def dtm():
    texts = (["煤炭 工业 发展 民生"] * 4 + ["人工智能 试点 发展 民生"] * 4 + ["数字化 场景 发展 民生"] * 4)
    years = [2013] * 4 + [2018] * 4 + [2023] * 4
    corpus = Corpus.from_frame(pd.DataFrame({"text": texts, "year": years}))
    return corpus.dtm(SegmentTokenizer(str.split), min_df=1, max_df=1.0)


def test_each_period_against_the_rest(dtm):
    table = distinctive_terms(dtm, by="era", min_count=1, top=2)
    assert table["group"].unique().tolist() == ["十二五", "十三五", "十四五"]
    tops = table.groupby("group")["term"].apply(set).to_dict()
    assert tops == {"十二五": {"煤炭", "工业"}, "十三五": {"人工智能", "试点"}, "十四五": {"数字化", "场景"}}
    assert (table["log_ratio"] > 0).all()
    assert not {"发展", "民生"} & set(table["term"])  # used alike everywhere: not distinctive


def test_one_period_against_another(dtm):
    table = distinctive_terms(dtm, by="era", target="十四五", reference="十二五", min_count=1,
                              direction="both", top=None)
    row = table.set_index("term")
    assert row.loc["数字化", "g2"] > 0 and row.loc["煤炭", "log_ratio"] < 0
    assert "人工智能" not in row.index  # only in 十三五, which is in neither side
    with pytest.raises(ConfigError, match="no document has era"):
        distinctive_terms(dtm, by="era", target="十五五")
    with pytest.raises(ConfigError, match="no column"):
        distinctive_terms(dtm, by="province")
