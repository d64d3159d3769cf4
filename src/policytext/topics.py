"""Topic models behind one scikit-learn-style estimator, and comparisons of topic mixtures.

:class:`TopicModel` fits gensim's ``LdaModel``/``LdaMulticore`` or scikit-learn's
``LatentDirichletAllocation``/``NMF`` on a document-term matrix:

- ``__init__`` only stores parameters, ``fit`` returns ``self``, learned state ends in ``_``,
  and the fitted model pickles;
- ``random_state`` makes runs reproducible. ``backend="gensim"`` (``LdaModel``, the default)
  gives identical numbers on every run (on one machine, with the same library versions;
  another BLAS may round differently).
  ``"gensim-multicore"`` (``LdaMulticore``) splits the corpus over worker processes whose
  updates are merged as they arrive: its result depends on the number of workers and on their
  timing. It is faster on big corpora but is **not** reproducible — not even with ``workers=1``
  (two runs with the same seed on 60 documents differed by up to 0.1 in topic-term
  probability, gensim 4.4) — so use it for exploration and ``"gensim"`` for numbers you report;
- ``transform`` gives the document-topic matrix (rows sum to 1), reproducibly: gensim's
  inference draws a random start, which is re-seeded from ``random_state`` on every call.

Topics are read with :meth:`TopicModel.top_terms` (by probability, by Sievert & Shirley's
relevance with weight ``lambda_``, or by FREX) and named with :meth:`TopicModel.labels`;
:func:`choose_k` scores several K by coherence (gensim ``CoherenceModel``, c_v and c_npmi).

Comparisons take a document-topic matrix and the corpus table: :func:`topic_shares` (mean share
by era × region with seeded bootstrap confidence intervals), :func:`topic_prevalence` (one
topic across periods) and :func:`js_divergence` (Jensen–Shannon divergence between documents or
groups of documents).

>>> import numpy as np
>>> X = np.array([[5, 4, 0, 0], [4, 5, 0, 1], [0, 0, 5, 4], [0, 1, 4, 5]])
>>> model = TopicModel(n_topics=2, backend="sklearn-nmf", random_state=0).fit(
...     X, feature_names=["科技", "创新", "生态", "环保"])
>>> sorted(model.top_terms(n=2).groupby("topic")["term"].apply(set).map(sorted).tolist())
[['创新', '科技'], ['环保', '生态']]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import DocumentTermMatrix

__all__ = ["TopicModel", "choose_k", "js_divergence", "topic_prevalence", "topic_shares"]

BACKENDS = ("gensim", "gensim-multicore", "sklearn-lda", "sklearn-nmf")


def _as_matrix(X: Any) -> tuple[Any, tuple[str, ...] | None]:
    """The sparse CSR counts and the terms, from a DocumentTermMatrix or any 2-D array."""
    import scipy.sparse

    if hasattr(X, "matrix") and hasattr(X, "terms"):
        return scipy.sparse.csr_matrix(X.matrix), tuple(X.terms)
    if isinstance(X, str) or (isinstance(X, Iterable) and not hasattr(X, "shape")
                              and X and isinstance(next(iter(X)), str)):
        raise ConfigError("TopicModel expects a document-term matrix (Corpus.dtm() or a 2-D "
                          "array of counts), not raw text; build one with Corpus.dtm()")
    matrix = scipy.sparse.csr_matrix(X)
    if matrix.ndim != 2:
        raise ConfigError(f"expected a 2-D documents x terms matrix, got shape {matrix.shape}")
    return matrix, None


def _bows(matrix: Any) -> list[list[tuple[int, float]]]:
    """Rows of a CSR matrix as gensim bag-of-words lists, built once (not once per pass)."""
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    return [list(zip(indices[a:b].tolist(), data[a:b].tolist(), strict=True))
            for a, b in itertools.pairwise(indptr)]


class TopicModel:
    """One estimator over gensim and scikit-learn topic models (see the module docs).

    Parameters: ``n_topics`` (K); ``backend`` one of ``gensim``, ``gensim-multicore``,
    ``sklearn-lda``, ``sklearn-nmf``; ``passes`` (gensim passes, or scikit-learn ``max_iter``);
    ``iterations`` (gensim per-document inference iterations); ``alpha``/``eta`` (gensim priors,
    ``None`` for the library default; with scikit-learn LDA a number sets
    ``doc_topic_prior``/``topic_word_prior``); ``chunksize``; ``workers`` (multicore only);
    ``random_state`` (an int: the same int gives the same model).

    Learned: ``model_`` (the library's model), ``components_`` (K × terms, rows are topic-term
    probabilities), ``terms_``, ``n_features_in_``, ``term_frequency_`` (term counts of the
    training corpus, for relevance and FREX).
    """

    def __init__(self, n_topics: int = 10, *, backend: str = "gensim", passes: int = 10,
                 iterations: int = 100, alpha: Any = None, eta: Any = None, chunksize: int = 2000,
                 workers: int = 1, random_state: int = 0) -> None:
        self.n_topics = n_topics
        self.backend = backend
        self.passes = passes
        self.iterations = iterations
        self.alpha = alpha
        self.eta = eta
        self.chunksize = chunksize
        self.workers = workers
        self.random_state = random_state

    # -- scikit-learn protocol -------------------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (
            "n_topics", "backend", "passes", "iterations", "alpha", "eta", "chunksize",
            "workers", "random_state")}

    def set_params(self, **params: Any) -> TopicModel:
        valid = self.get_params()
        for name, value in params.items():
            if name not in valid:
                raise ConfigError(f"unknown parameter {name!r}; valid: {sorted(valid)}")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        return f"TopicModel(n_topics={self.n_topics}, backend={self.backend!r})"

    def _check_params(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(f"unknown backend {self.backend!r}; choose one of {list(BACKENDS)}")
        if not isinstance(self.n_topics, int | np.integer) or self.n_topics < 1:
            raise ConfigError(f"n_topics must be a positive int, got {self.n_topics!r}")
        if not isinstance(self.random_state, int | np.integer):
            raise ConfigError("random_state must be an int so that runs are reproducible, "
                              f"got {self.random_state!r}")

    def fit(self, X: Any, y: Any = None, *, feature_names: Sequence[str] | None = None) -> TopicModel:
        """Fit on a :class:`~policytext.corpus.DocumentTermMatrix` or a documents × terms array
        of counts (then give ``feature_names`` to read topics by term)."""
        self._check_params()
        matrix, terms = _as_matrix(X)
        if feature_names is not None:
            terms = tuple(str(t) for t in feature_names)
        if terms is None:
            terms = tuple(f"t{i}" for i in range(matrix.shape[1]))
        if len(terms) != matrix.shape[1]:
            raise ConfigError(f"{len(terms)} feature names for {matrix.shape[1]} matrix columns")
        if matrix.shape[0] == 0 or matrix.nnz == 0:
            raise ConfigError("the document-term matrix is empty; lower min_df or add documents")
        if self.backend.startswith("gensim"):
            self.model_ = self._fit_gensim(matrix, terms)
            topics = self.model_.get_topics()
        else:
            self.model_ = self._fit_sklearn(matrix)
            topics = self.model_.components_
        topics = np.asarray(topics, dtype=float)
        self.components_ = topics / np.maximum(topics.sum(axis=1, keepdims=True), 1e-300)
        self.terms_ = terms
        self.n_features_in_ = matrix.shape[1]
        self.term_frequency_ = np.asarray(matrix.sum(axis=0), dtype=float).ravel()
        return self

    def _fit_gensim(self, matrix: Any, terms: tuple[str, ...]) -> Any:
        from gensim.models import LdaModel, LdaMulticore

        common = dict(corpus=_bows(matrix), id2word=dict(enumerate(terms)),
                      num_topics=int(self.n_topics), passes=self.passes,
                      iterations=self.iterations, chunksize=self.chunksize,
                      random_state=int(self.random_state), eta=self.eta,
                      alpha=self.alpha if self.alpha is not None else "symmetric")
        if self.backend == "gensim-multicore":
            return LdaMulticore(workers=self.workers, **common)
        return LdaModel(**common)

    def _fit_sklearn(self, matrix: Any) -> Any:
        from sklearn.decomposition import NMF, LatentDirichletAllocation

        model: Any
        if self.backend == "sklearn-nmf":
            model = NMF(n_components=int(self.n_topics), init="nndsvda", max_iter=max(self.passes, 200),
                        random_state=int(self.random_state))
        else:
            model = LatentDirichletAllocation(
                n_components=int(self.n_topics), max_iter=self.passes, learning_method="batch",
                doc_topic_prior=self.alpha if isinstance(self.alpha, float | int) else None,
                topic_word_prior=self.eta if isinstance(self.eta, float | int) else None,
                random_state=int(self.random_state))
        model.fit(matrix)
        return model

    def _check_fitted(self) -> None:
        if not hasattr(self, "model_"):
            raise ConfigError("this TopicModel is not fitted yet; call fit(dtm) first")

    def transform(self, X: Any) -> np.ndarray:
        """The document-topic matrix (documents × K, rows sum to 1; an empty document gets the
        uniform mixture)."""
        self._check_fitted()
        matrix, _ = _as_matrix(X)
        if matrix.shape[1] != self.n_features_in_:
            raise ConfigError(f"X has {matrix.shape[1]} terms, the model was fitted on "
                              f"{self.n_features_in_}; transform with the same vectorizer")
        if self.backend.startswith("gensim"):
            self.model_.random_state = np.random.RandomState(int(self.random_state))
            gamma, _ = self.model_.inference(_bows(matrix))
            theta = np.asarray(gamma, dtype=float)
            empty = np.asarray(matrix.sum(axis=1)).ravel() == 0
            theta[empty] = 1.0
        else:
            theta = np.asarray(self.model_.transform(matrix), dtype=float)
            theta[theta.sum(axis=1) == 0] = 1.0
        return theta / theta.sum(axis=1, keepdims=True)

    def fit_transform(self, X: Any, y: Any = None, *,
                      feature_names: Sequence[str] | None = None) -> np.ndarray:
        """``fit(X).transform(X)``."""
        return self.fit(X, feature_names=feature_names).transform(X)

    # -- reading topics ----------------------------------------------------------------------
    def term_scores(self, method: str = "probability", *, lambda_: float = 0.6,
                    weight: float = 0.5) -> np.ndarray:
        """K × terms scores by which terms are ranked within a topic.

        ``probability``: p(term | topic). ``relevance`` (Sievert & Shirley 2014):
        ``lambda_·log p(w|k) + (1 − lambda_)·log(p(w|k) / p(w))``; ``lambda_=1`` is plain
        probability, lower values favour terms specific to the topic (0.6 is their
        user-study optimum). ``frex`` (Bischof & Airoldi 2012, as in R's stm): the weighted
        harmonic mean of a term's rank within the topic by exclusivity and by frequency.
        """
        self._check_fitted()
        phi = np.maximum(self.components_, 1e-12)
        if method == "probability":
            return phi
        if method == "relevance":
            p_w = self.term_frequency_ / max(self.term_frequency_.sum(), 1.0)
            return lambda_ * np.log(phi) + (1 - lambda_) * np.log(phi / np.maximum(p_w, 1e-12))
        if method == "frex":
            exclusivity = phi / phi.sum(axis=0, keepdims=True)
            ex_rank = _ecdf_rows(exclusivity)
            fr_rank = _ecdf_rows(phi)
            return 1.0 / (weight / ex_rank + (1 - weight) / fr_rank)
        raise ConfigError(f"unknown method {method!r}; choose probability, relevance or frex")

    def top_terms(self, n: int = 10, *, method: str = "probability", lambda_: float = 0.6,
                  weight: float = 0.5) -> pd.DataFrame:
        """A long table (topic, rank, term, score, probability) of each topic's top ``n`` terms."""
        import pandas as pd

        scores = self.term_scores(method, lambda_=lambda_, weight=weight)
        rows = []
        for k in range(scores.shape[0]):
            order = np.lexsort((np.arange(scores.shape[1]), -scores[k]))[:n]
            for rank, j in enumerate(order, start=1):
                rows.append({"topic": k, "rank": rank, "term": self.terms_[j],
                             "score": float(scores[k, j]), "probability": float(self.components_[k, j])})
        return pd.DataFrame(rows, columns=["topic", "rank", "term", "score", "probability"])

    def labels(self, n: int = 3, *, method: str = "frex", lambda_: float = 0.6) -> list[str]:
        """A short label per topic: its top ``n`` terms by ``method`` joined with ``/``."""
        table = self.top_terms(n, method=method, lambda_=lambda_)
        return ["/".join(table.loc[table["topic"] == k, "term"]) for k in range(len(self.components_))]

    def topics(self, n: int = 10, *, method: str = "probability") -> list[list[str]]:
        """Each topic's top ``n`` terms as lists (what coherence measures score)."""
        table = self.top_terms(n, method=method)
        return [list(table.loc[table["topic"] == k, "term"]) for k in range(len(self.components_))]


def _ecdf_rows(values: np.ndarray) -> np.ndarray:
    """Within each row, the empirical CDF of every value (its rank / number of values)."""
    ranks = values.argsort(axis=1).argsort(axis=1) + 1
    return ranks / values.shape[1]


def coherence(topics: Sequence[Sequence[str]], tokens: Sequence[Sequence[str]],
              measure: str = "c_v", *, window_size: int | None = None) -> float:
    """Mean coherence of ``topics`` (lists of terms) over the tokenized documents ``tokens``.

    Computed with gensim's ``CoherenceModel`` in this process (``processes=1``), so that it is
    reproducible and does not fork on a shared machine.
    """
    from gensim.corpora import Dictionary
    from gensim.models import CoherenceModel

    if measure not in ("c_v", "c_npmi", "c_uci", "u_mass"):
        raise ConfigError(f"unknown coherence {measure!r}; choose c_v, c_npmi, c_uci or u_mass")
    dictionary = Dictionary(tokens)
    topics = [[t for t in topic if t in dictionary.token2id] for topic in topics]
    topics = [t for t in topics if len(t) >= 2]
    if not topics:
        return float("nan")
    model = CoherenceModel(topics=topics, texts=[list(t) for t in tokens], dictionary=dictionary,
                           coherence=measure, window_size=window_size, processes=1,
                           topn=max(len(t) for t in topics))
    return float(np.nanmean(model.get_coherence_per_topic()))


def choose_k(dtm: DocumentTermMatrix, ks: Iterable[int] = (5, 10, 15, 20), *,
             measures: Sequence[str] = ("c_v", "c_npmi"), topn: int = 10,
             **params: Any) -> pd.DataFrame:
    """Fit a :class:`TopicModel` per K in ``ks`` (other ``params`` passed on) and score it.

    Returns a table with one row per K and a column per coherence measure (higher is better
    for both c_v and c_npmi), plus ``best``: True on the K with the highest first measure.
    Plot it with :func:`policytext.plots.plot_coherence`.
    """
    import pandas as pd

    if not dtm.tokens:
        raise ConfigError("choose_k needs the documents' tokens; build the matrix with Corpus.dtm()")
    rows = []
    for k in ks:
        model = TopicModel(n_topics=int(k), **params).fit(dtm)
        topics = model.topics(topn)
        row: dict[str, Any] = {"k": int(k)}
        for measure in measures:
            row[measure] = coherence(topics, dtm.tokens, measure)
        rows.append(row)
    table = pd.DataFrame(rows, columns=["k", *measures])
    table["best"] = False
    if len(table) and table[measures[0]].notna().any():
        table.loc[table[measures[0]].idxmax(), "best"] = True
    return table


def _group_keys(docs: pd.DataFrame, by: str | Sequence[str]) -> list[str]:
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in docs.columns]
    if missing:
        raise ConfigError(f"no column(s) {missing} in the corpus table; columns are {list(docs.columns)}")
    return keys


def _time_order(item: tuple[Any, Any]) -> tuple[Any, ...]:
    """Sort key of a (group key, rows) pair: periods in time order, other values by name."""
    from policytext.corpus import period_order

    key = item[0] if isinstance(item[0], tuple) else (item[0],)
    return tuple((period_order(str(v)), str(v)) for v in key)


def topic_shares(doc_topic: np.ndarray, docs: pd.DataFrame, by: str | Sequence[str] = ("era", "region"),
                 *, n_boot: int = 1000, ci: float = 0.95, random_state: int = 0,
                 labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Mean topic share per group of documents, with a percentile bootstrap confidence interval.

    Each document counts once (its topic mixture, not its length, is averaged). The interval
    resamples the group's documents with replacement ``n_boot`` times from a generator seeded
    with ``random_state``, so a rerun gives the same numbers; a group of one document gets
    its share as both bounds. Returns a long table: the ``by`` columns, ``topic``, ``label``,
    ``share``, ``ci_low``, ``ci_high``, ``n_docs``. Groups with a missing key are left out.

    >>> import numpy as np, pandas as pd
    >>> theta = np.array([[0.9, 0.1], [0.7, 0.3], [0.2, 0.8]])
    >>> docs = pd.DataFrame({"era": ["十三五", "十三五", "十四五"]})
    >>> table = topic_shares(theta, docs, by="era", n_boot=200)
    >>> table[["era", "topic", "share", "n_docs"]].round(2).values.tolist()
    [['十三五', 0, 0.8, 2], ['十三五', 1, 0.2, 2], ['十四五', 0, 0.2, 1], ['十四五', 1, 0.8, 1]]
    """
    import pandas as pd

    theta = np.asarray(doc_topic, dtype=float)
    if theta.shape[0] != len(docs):
        raise ConfigError(f"{theta.shape[0]} rows of topic shares for {len(docs)} documents")
    keys = _group_keys(docs, by)
    rng = np.random.default_rng(random_state)
    alpha = (1 - ci) / 2
    names = list(labels) if labels is not None else [str(k) for k in range(theta.shape[1])]
    rows = []
    frame = docs[keys].reset_index(drop=True)
    groups = frame.groupby(keys, sort=False, dropna=True).indices
    for key, index in sorted(groups.items(), key=_time_order):
        key = key if isinstance(key, tuple) else (key,)
        sample = theta[index]
        share = sample.mean(axis=0)
        draws = rng.integers(0, len(index), size=(n_boot, len(index)))
        boot = sample[draws].mean(axis=1)
        low, high = np.quantile(boot, [alpha, 1 - alpha], axis=0)
        for k in range(theta.shape[1]):
            rows.append({**dict(zip(keys, key, strict=True)), "topic": k, "label": names[k],
                         "share": float(share[k]), "ci_low": float(low[k]),
                         "ci_high": float(high[k]), "n_docs": len(index)})
    return pd.DataFrame(rows, columns=[*keys, "topic", "label", "share", "ci_low", "ci_high", "n_docs"])


def topic_prevalence(doc_topic: np.ndarray, docs: pd.DataFrame, topic: int, *, by: str = "era",
                     n_boot: int = 1000, ci: float = 0.95, random_state: int = 0,
                     labels: Sequence[str] | None = None) -> pd.DataFrame:
    """One topic's mean share in each period (or other ``by`` column), in time order, with
    bootstrap intervals: a view of :func:`topic_shares`."""
    theta = np.asarray(doc_topic)
    if not 0 <= topic < theta.shape[1]:
        raise ConfigError(f"topic {topic} out of range 0..{theta.shape[1] - 1}")
    table = topic_shares(theta, docs, by=by, n_boot=n_boot, ci=ci, random_state=random_state,
                         labels=labels)
    return table[table["topic"] == topic].reset_index(drop=True)


def _jsd(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Jensen–Shannon divergence in bits between the rows of p and q (broadcast), in [0, 1]."""
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        kl_p = np.where(p > 0, p * np.log2(p / m), 0.0).sum(axis=-1)
        kl_q = np.where(q > 0, q * np.log2(q / m), 0.0).sum(axis=-1)
    return np.clip((kl_p + kl_q) / 2, 0.0, 1.0)


def js_divergence(doc_topic: np.ndarray, docs: pd.DataFrame | None = None, by: str | None = None,
                  *, index: str = "doc_id") -> pd.DataFrame:
    """Pairwise Jensen–Shannon divergence (base 2: 0 same mixture, 1 disjoint topics).

    Between documents, or, with ``by`` (say ``"region"``), between the mean topic mixtures of
    the groups — how far apart two districts' plans are. Rows and columns are named by
    ``docs[index]`` (or the group).

    >>> import numpy as np
    >>> js_divergence(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])).values.tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    import pandas as pd

    theta = np.asarray(doc_topic, dtype=float)
    theta = theta / theta.sum(axis=1, keepdims=True)
    if by is not None:
        if docs is None:
            raise ConfigError("js_divergence(by=...) needs the corpus table as docs")
        keys = _group_keys(docs, by)
        groups = pd.DataFrame(theta).groupby(docs[keys[0]].to_numpy(), sort=True).mean()
        names, theta = list(groups.index), groups.to_numpy()
    elif docs is not None and index in docs.columns:
        names = list(docs[index])
    else:
        names = list(range(theta.shape[0]))
    matrix = _jsd(theta[:, None, :], theta[None, :, :])
    return pd.DataFrame(matrix, index=names, columns=names)
