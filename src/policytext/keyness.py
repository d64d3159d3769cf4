"""Distinctive terms: which words one set of documents uses more than another.

Keyness is Dunning's log-likelihood G² (Dunning 1993; Rayson & Garside 2000) for a term's
count in a target corpus against a reference corpus, with the **log ratio** (Hardie 2014) as
its effect size: the binary log of the ratio of the term's relative frequencies, so +1 means
twice as frequent in the target and −1 half as frequent. G² says whether a difference is more
than chance (3.84 ↔ p < 0.05, 10.83 ↔ p < 0.001 with one degree of freedom); the log ratio says
how big it is. Rank by G², and read the log ratio before believing a term.

>>> table = keyness_table([30, 5, 10], [5, 30, 10], ["数字经济", "煤炭", "发展"], min_count=1)
>>> table[["term", "target", "reference", "log_ratio"]].values.tolist()
[['数字经济', 30, 5, 2.585], ['煤炭', 5, 30, -2.585], ['发展', 10, 10, 0.0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import DocumentTermMatrix

__all__ = ["distinctive_terms", "keyness_table", "log_likelihood", "log_ratio"]


def log_likelihood(a: Any, b: Any, c: float, d: float) -> np.ndarray:
    """Dunning's G² for counts ``a`` (target) and ``b`` (reference) of each term, where ``c``
    and ``d`` are the total token counts of the target and reference corpora.

    >>> float(log_likelihood(10, 10, 1000, 1000)), round(float(log_likelihood(30, 5, 1000, 1000)), 2)
    (0.0, 19.81)
    >>> float(log_likelihood(0, 0, 100, 100))
    0.0
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    total = c + d
    if total <= 0:
        raise ConfigError("both corpora are empty; there is nothing to compare")
    e1 = c * (a + b) / total
    e2 = d * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return np.asarray(2 * (t1 + t2))


def log_ratio(a: Any, b: Any, c: float, d: float, *, smoothing: float = 0.5) -> np.ndarray:
    """Hardie's log ratio: ``log2((a / c) / (b / d))``, zero counts replaced by ``smoothing``.

    >>> float(log_ratio(20, 10, 1000, 1000)), float(log_ratio(10, 10, 2000, 1000))
    (1.0, -1.0)
    """
    a = np.where(np.asarray(a, dtype=float) == 0, smoothing, np.asarray(a, dtype=float))
    b = np.where(np.asarray(b, dtype=float) == 0, smoothing, np.asarray(b, dtype=float))
    return np.asarray(np.log2((a / c) / (b / d)))


def keyness_table(target: Any, reference: Any, terms: Sequence[str], *, min_count: int = 5,
                  top: int | None = None, direction: str = "both") -> pd.DataFrame:
    """Keyness of every term from its counts in a target and a reference corpus.

    Columns: ``term``, ``target``, ``reference`` (counts), ``target_pm``, ``reference_pm``
    (per million tokens), ``g2``, ``p`` (χ² with one degree of freedom), ``log_ratio``
    (rounded to 3 decimals). Terms seen fewer than ``min_count`` times in both corpora
    together are dropped. Rows are sorted by G², terms used more in the target first
    (``direction="both"``), or only those (``"target"``) or only the underused ones
    (``"reference"``); ``top`` keeps the first n of each direction.
    """
    import pandas as pd
    from scipy.stats import chi2

    a = np.asarray(target, dtype=float).ravel()
    b = np.asarray(reference, dtype=float).ravel()
    if not len(a) == len(b) == len(terms):
        raise ConfigError(f"{len(a)} target counts, {len(b)} reference counts, {len(terms)} terms")
    if direction not in ("both", "target", "reference"):
        raise ConfigError(f"unknown direction {direction!r}; choose both, target or reference")
    c, d = a.sum(), b.sum()
    g2 = log_likelihood(a, b, c, d)
    table = pd.DataFrame({
        "term": list(terms), "target": a.astype(int), "reference": b.astype(int),
        "target_pm": a / max(c, 1) * 1e6, "reference_pm": b / max(d, 1) * 1e6,
        "g2": g2, "p": chi2.sf(g2, df=1),
        "log_ratio": np.round(log_ratio(a, b, max(c, 1), max(d, 1)), 3),
    })
    table = table[(table["target"] + table["reference"]) >= min_count]
    over = table["target_pm"] > table["reference_pm"]
    parts = []
    if direction in ("both", "target"):
        parts.append(table[over].sort_values(["g2", "term"], ascending=[False, True]).head(top))
    if direction in ("both", "reference"):
        parts.append(table[~over].sort_values(["g2", "term"], ascending=[False, True]).head(top))
    return pd.concat(parts).reset_index(drop=True)


def distinctive_terms(dtm: DocumentTermMatrix, by: str = "era", target: Any = None,
                      reference: Any = None, *, min_count: int = 5, top: int | None = 20,
                      direction: str = "target") -> pd.DataFrame:
    """Keyness between groups of documents of a :class:`~policytext.corpus.DocumentTermMatrix`.

    ``target``: a value (or list of values) of column ``by`` — say ``"十四五"``; ``reference``:
    another value or list, or ``None`` for every other document. With ``target=None`` each
    group of ``by`` in turn is compared with the rest, and the tables are stacked with a
    ``group`` column — the words that set each five-year-plan period apart. Use counts
    (``Corpus.dtm(kind="count")``), not tf-idf weights.
    """
    import pandas as pd

    from policytext.corpus import period_order

    if by not in dtm.docs.columns:
        raise ConfigError(f"no column {by!r} in the corpus table; columns are {list(dtm.docs.columns)}")
    values = dtm.docs[by]
    if target is None:
        groups = sorted(values.dropna().unique(), key=lambda v: (period_order(str(v)), str(v)))
        tables = []
        for group in groups:
            table = distinctive_terms(dtm, by, group, None, min_count=min_count, top=top,
                                      direction=direction)
            tables.append(table.assign(group=group)[["group", *table.columns]])
        return pd.concat(tables).reset_index(drop=True) if tables else pd.DataFrame()
    targets = [target] if isinstance(target, str) or not isinstance(target, Sequence) else list(target)
    in_target = values.isin(targets).to_numpy()
    if reference is None:
        in_reference = ~in_target & values.notna().to_numpy()
    else:
        refs = [reference] if isinstance(reference, str) or not isinstance(reference, Sequence) \
            else list(reference)
        in_reference = values.isin(refs).to_numpy()
    if not in_target.any():
        known = sorted(map(str, values.dropna().unique()))
        raise ConfigError(f"no document has {by} in {targets}; values are {known}")
    counts_target = np.asarray(dtm.matrix[in_target].sum(axis=0)).ravel()
    counts_reference = np.asarray(dtm.matrix[in_reference].sum(axis=0)).ravel()
    return keyness_table(counts_target, counts_reference, dtm.terms, min_count=min_count, top=top,
                         direction=direction)
