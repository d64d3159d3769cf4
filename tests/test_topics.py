"""TopicModel over gensim and scikit-learn, coherence, shares by era, Jensen–Shannon divergence."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from policytext.corpus import Corpus, SegmentTokenizer
from policytext.errors import ConfigError
from policytext.topics import (
    TopicModel,
    choose_k,
    coherence,
    js_divergence,
    topic_prevalence,
    topic_shares,
)

TECH = ["科技", "创新", "人才", "研发", "专利", "实验室"]
GREEN = ["生态", "环境", "污染", "绿色", "排放", "节能"]
BACKENDS = ["gensim", "sklearn-lda", "sklearn-nmf"]


def planted_corpus(n_docs: int = 24, seed: int = 3) -> Corpus:
    """Documents drawn from two planted topics with disjoint vocabularies: the first half of the
    documents (十三五) mostly technology, the second half (十四五) mostly environment."""
    rng = np.random.default_rng(seed)
    texts, years = [], []
    for i in range(n_docs):
        tech_share = 0.9 if i < n_docs // 2 else 0.1
        words = [str(rng.choice(TECH)) if rng.random() < tech_share else str(rng.choice(GREEN))
                 for _ in range(40)]
        texts.append(" ".join(words))
        years.append(2017 if i < n_docs // 2 else 2022)
    return Corpus.from_frame(pd.DataFrame({"text": texts, "year": years,
                                           "region": ["甲区", "乙区"] * (n_docs // 2)}))


@pytest.fixture(scope="module")
def dtm():
    return planted_corpus().dtm(SegmentTokenizer(str.split), min_df=1, max_df=1.0)


@pytest.mark.parametrize("backend", BACKENDS)
def test_fit_follows_the_estimator_contract(dtm, backend):
    model = TopicModel(n_topics=2, backend=backend, passes=5, random_state=1)
    assert not [k for k in vars(model) if k.endswith("_")]  # __init__ stores params only
    assert model.fit(dtm) is model
    assert model.components_.shape == (2, len(dtm.terms))
    np.testing.assert_allclose(model.components_.sum(axis=1), 1.0)
    assert model.terms_ == dtm.terms and model.n_features_in_ == len(dtm.terms)
    theta = model.transform(dtm)
    assert theta.shape == (dtm.shape[0], 2)
    np.testing.assert_allclose(theta.sum(axis=1), 1.0)
    assert clone(model).get_params() == model.get_params()


@pytest.mark.parametrize("backend", BACKENDS)
def test_planted_topics_are_recovered(dtm, backend):
    model = TopicModel(n_topics=2, backend=backend, passes=20, random_state=0).fit(dtm)
    tops = [set(terms[:4]) for terms in model.topics(4)]
    assert sorted(bool(t <= set(TECH)) for t in tops) == [False, True]
    assert sorted(bool(t <= set(GREEN)) for t in tops) == [False, True]
    theta = model.transform(dtm)
    tech_topic = next(k for k, t in enumerate(tops) if t <= set(TECH))
    assert theta[:12, tech_topic].mean() > 0.7 > theta[12:, tech_topic].mean()


@pytest.mark.parametrize("backend", BACKENDS)
def test_same_seed_same_model_and_pickle_keeps_it(dtm, backend):
    a = TopicModel(n_topics=3, backend=backend, passes=3, random_state=7).fit(dtm)
    b = TopicModel(n_topics=3, backend=backend, passes=3, random_state=7).fit(dtm)
    np.testing.assert_array_equal(a.components_, b.components_)
    theta = a.transform(dtm)
    np.testing.assert_array_equal(theta, a.transform(dtm))  # transform is reproducible too
    again = pickle.loads(pickle.dumps(a))
    np.testing.assert_array_equal(again.transform(dtm), theta)


def test_a_different_seed_gives_a_different_gensim_model(dtm):
    a = TopicModel(n_topics=3, passes=2, random_state=1).fit(dtm)
    b = TopicModel(n_topics=3, passes=2, random_state=2).fit(dtm)
    assert not np.allclose(a.components_, b.components_)


def test_multicore_backend_runs(dtm):
    model = TopicModel(n_topics=2, backend="gensim-multicore", passes=2, workers=1,
                       random_state=0).fit(dtm)
    np.testing.assert_allclose(model.transform(dtm).sum(axis=1), 1.0)


def test_fit_accepts_a_plain_array_with_feature_names():
    X = np.array([[3, 2, 0], [0, 1, 4]])
    model = TopicModel(2, backend="sklearn-nmf").fit(X, feature_names=["甲", "乙", "丙"])
    assert set(model.top_terms(1)["term"]) == {"甲", "丙"}
    with pytest.raises(ConfigError, match="feature names"):
        TopicModel(2).fit(X, feature_names=["甲"])


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"backend": "mallet"}, "unknown backend"),
    ({"n_topics": 0}, "positive int"),
    ({"random_state": None}, "reproducible"),
])
def test_bad_parameters_are_refused_at_fit(dtm, kwargs, message):
    with pytest.raises(ConfigError, match=message):
        TopicModel(**kwargs).fit(dtm)


def test_raw_text_unfitted_and_wrong_width_are_refused(dtm):
    with pytest.raises(ConfigError, match="not raw text"):
        TopicModel(2).fit(["科技 创新", "生态 环境"])
    with pytest.raises(ConfigError, match="not fitted"):
        TopicModel(2).transform(dtm)
    model = TopicModel(2, backend="sklearn-nmf").fit(dtm)
    with pytest.raises(ConfigError, match="same vectorizer"):
        model.transform(np.ones((1, 3)))
    with pytest.raises(ConfigError, match="unknown parameter"):
        model.set_params(k=3)


def test_relevance_and_frex_favour_exclusive_terms():
    # term 0 is frequent in both topics; term 1 is rarer but exclusive to topic 0
    model = TopicModel(2, backend="sklearn-nmf")
    model.model_ = None
    model.components_ = np.array([[0.50, 0.30, 0.20, 0.00], [0.50, 0.00, 0.05, 0.45]])
    model.terms_ = ("发展", "专利", "建设", "生态")
    model.term_frequency_ = np.array([100.0, 30.0, 25.0, 45.0])
    by_probability = model.top_terms(1)["term"].tolist()
    assert by_probability == ["发展", "发展"]
    assert model.top_terms(1, method="relevance", lambda_=0.3)["term"].tolist() == ["专利", "生态"]
    # FREX: in topic 0, 专利 ranks high on both exclusivity and frequency; 发展 only on frequency
    assert model.top_terms(1, method="frex")["term"].tolist()[0] == "专利"
    np.testing.assert_allclose(model.term_scores("relevance", lambda_=1.0),
                               np.log(np.maximum(model.components_, 1e-12)))
    assert model.labels(2, method="frex")[0] == "专利/发展"
    with pytest.raises(ConfigError, match="frex"):
        model.term_scores("lift")


def test_coherence_prefers_the_planted_topics(dtm):
    good = [TECH[:4], GREEN[:4]]
    mixed = [[TECH[0], GREEN[0], TECH[1], GREEN[1]], [TECH[2], GREEN[2], TECH[3], GREEN[3]]]
    for measure in ("c_v", "c_npmi"):
        assert coherence(good, dtm.tokens, measure) > coherence(mixed, dtm.tokens, measure)
    with pytest.raises(ConfigError, match="c_v"):
        coherence(good, dtm.tokens, "c_w2v")


def test_choose_k_returns_a_table_with_one_best_k(dtm):
    table = choose_k(dtm, [2, 4], passes=3, topn=4)
    assert table["k"].tolist() == [2, 4]
    assert list(table.columns) == ["k", "c_v", "c_npmi", "best"]
    assert table["best"].sum() == 1
    assert table.loc[table["best"], "c_v"].iloc[0] == table["c_v"].max()
    again = choose_k(dtm, [2, 4], passes=3, topn=4)
    pd.testing.assert_frame_equal(table, again)


def test_topic_shares_with_bootstrap_intervals():
    theta = np.array([[0.9, 0.1], [0.7, 0.3], [0.8, 0.2], [0.2, 0.8]])
    docs = pd.DataFrame({"era": ["十四五", "十三五", "十三五", "十二五"], "region": ["甲", "甲", "乙", "甲"]})
    table = topic_shares(theta, docs, by="era", n_boot=500, random_state=1)
    assert table["era"].unique().tolist() == ["十二五", "十三五", "十四五"]  # time order
    row = table[(table["era"] == "十三五") & (table["topic"] == 0)].iloc[0]
    assert row["share"] == pytest.approx(0.75) and row["n_docs"] == 2
    assert 0.7 <= row["ci_low"] <= row["share"] <= row["ci_high"] <= 0.8
    single = table[table["era"] == "十二五"]
    assert (single["ci_low"] == single["share"]).all() and (single["ci_high"] == single["share"]).all()
    pd.testing.assert_frame_equal(table, topic_shares(theta, docs, by="era", n_boot=500, random_state=1))
    both = topic_shares(theta, docs, by=["era", "region"], n_boot=50)
    assert len(both) == 2 * 4
    with pytest.raises(ConfigError, match="rows of topic shares"):
        topic_shares(theta[:2], docs)
    with pytest.raises(ConfigError, match="no column"):
        topic_shares(theta, docs, by="province")


def test_topic_prevalence_is_one_topic_across_periods():
    theta = np.array([[0.9, 0.1], [0.5, 0.5], [0.1, 0.9]])
    docs = pd.DataFrame({"era": ["十四五", "十三五", "十二五"]})
    table = topic_prevalence(theta, docs, topic=1, n_boot=10)
    assert table["era"].tolist() == ["十二五", "十三五", "十四五"]
    assert table["share"].round(2).tolist() == [0.9, 0.5, 0.1]
    with pytest.raises(ConfigError, match="out of range"):
        topic_prevalence(theta, docs, topic=2)


def test_js_divergence_between_documents_and_groups():
    theta = np.array([[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0], [0.25, 0.25, 0.5]])
    docs = pd.DataFrame({"doc_id": list("abcd"), "region": ["甲", "甲", "乙", "乙"]})
    matrix = js_divergence(theta, docs)
    assert list(matrix.index) == list("abcd")
    values = matrix.to_numpy()
    np.testing.assert_allclose(values, values.T)
    np.testing.assert_allclose(np.diag(values), 0.0, atol=1e-12)
    assert values[0, 1] == pytest.approx(0.0) and values[0, 2] == pytest.approx(1.0)
    assert 0 < values[0, 3] < 1
    groups = js_divergence(theta, docs, by="region")
    assert list(groups.index) == ["乙", "甲"] and groups.loc["甲", "乙"] == pytest.approx(
        js_divergence(np.array([[0.5, 0.5, 0.0], [0.125, 0.125, 0.75]])).iloc[0, 1])
    with pytest.raises(ConfigError, match="corpus table"):
        js_divergence(theta, by="region")


@pytest.mark.slow
def test_compare_eras_script_reruns_to_identical_numbers(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    command = [sys.executable, str(root / "scripts" / "compare_eras.py"), str(root / "data" / "sample"),
               "--ks", "2", "3", "--passes", "2", "--top", "5", "--out", str(tmp_path)]
    runs = [subprocess.run(command, capture_output=True, text=True, check=True, cwd=root).stdout
            for _ in range(2)]
    first, second = ([line for line in run.splitlines() if not line.startswith("runtime")] for run in runs)
    assert first == second
    text = runs[0]
    for heading in ("coherence by K", "topic shares by period", "distinctive terms", "runtime:"):
        assert heading in text
    assert all(era in text for era in ("十二五", "十三五", "十四五"))
    assert {p.name for p in tmp_path.iterdir()} >= {"coherence.png", "shares.png", "r"}
