"""A corpus of policy documents with their facts, ready for comparison across eras and regions.

A :class:`Corpus` is a table with one row per logical document: its cleaned ``text`` and the
facts the pipeline read from it (``region``, ``date``, ``year``, ``period``, ``doc_type``, …),
plus any columns of a manifest CSV. **Manifest values win** over extracted ones wherever the
manifest gives a non-empty value, because a researcher's own coding of a document is more
trustworthy than a rule's guess. Every row also carries an ``era``: by default the
five-year-plan period, taken from the document when it names one that fits its year and
derived from its year otherwise (``period_source`` says where ``period`` came from,
``era_source`` where ``era`` did). A period "fits" when the year lies in it or one year either
side: a plan is drafted in the last year of the one before and reviewed in the first year of
the one after, but a 2024 notice that mentions the 十二五 plan in passing is not a 十二五 document.

:meth:`Corpus.dtm` turns the texts into a document-term matrix with scikit-learn, using our
segmenter as a picklable tokenizer object and the Chinese defaults (``token_pattern=None``,
``lowercase=False``, stopwords, frequency pruning).

>>> import pandas as pd
>>> corpus = Corpus.from_frame(pd.DataFrame({
...     "text": ["推进 科技 创新", "科技 创新 人才", "生态 环境 保护"],
...     "year": [2013, 2017, 2022], "region": ["甲区", "甲区", "乙区"]}))
>>> list(corpus.docs["era"])
['十二五', '十三五', '十四五']
>>> dtm = corpus.dtm(tokenizer=str.split, min_df=1, max_df=1.0)
>>> dtm.matrix.shape
(3, 7)
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError, PolicyTextError
from policytext.periods import period_order, period_years
from policytext.periods import plan_period as period_of_year

if TYPE_CHECKING:  # heavy imports stay lazy: pandas and scikit-learn load only when used
    import pandas as pd
    import scipy.sparse

__all__ = [
    "Corpus", "DocumentTermMatrix", "SegmentTokenizer", "make_tokenizer", "make_vectorizer",
    "period_of_year", "period_order", "period_years",
]

# Columns every corpus table has, in this order; manifest columns follow.
FACT_COLUMNS = ("doc_id", "file", "part", "title", "issuer", "doc_type", "region", "date", "year",
                "period", "period_source", "era", "era_source", "text")
DEFAULT_SUFFIXES = (".txt", ".md", ".htm", ".html")

# A token worth counting holds a Han character or a Latin letter (GDP, 5G stays; 2025, ％ go).
_WORDLIKE_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z]")
# A number with only a unit or date word after it (2013年, 1.3亿元, 10个, 80%) is a quantity, not a
# word: quantities are extracted separately; as tokens they only split the vocabulary.
_QUANTITY_RE = re.compile(r"^[0-9０-９.．,，%％~～\-—]+[^0-9０-９A-Za-z]*$")


@dataclass(frozen=True)
class SegmentTokenizer:
    """A picklable tokenizer for scikit-learn vectorizers: segment, then keep word-like tokens.

    ``segmenter`` is any picklable object with ``cut(text) -> list[str]`` (a
    :func:`policytext.segment.get_segmenter` segmenter) or a picklable callable
    ``text -> list[str]``. A token is kept when it is not a stopword, has at least ``min_chars``
    characters and holds a Han character or a Latin letter (numbers and punctuation go: counts
    of ``2025``, ``1.3亿元`` or ``，`` say nothing about priorities: quantities are extracted
    separately).

    >>> tok = SegmentTokenizer(str.split, stopwords=frozenset({"加快"}))
    >>> tok("加快 推进 GDP 2025 ， 科技创新 的")
    ['推进', 'GDP', '科技创新']
    """

    segmenter: Any
    stopwords: frozenset[str] = frozenset()
    min_chars: int = 2

    def __call__(self, text: str) -> list[str]:
        cut = getattr(self.segmenter, "cut", self.segmenter)
        return [t for t in (w.strip() for w in cut(text)) if self.keep(t)]

    def keep(self, token: str) -> bool:
        """Whether ``token`` is counted.

        >>> [SegmentTokenizer(str.split).keep(t) for t in ("人才", "100", "1.3亿元", "2013年", "5G")]
        [True, False, False, False, True]
        """
        return (len(token) >= self.min_chars and token not in self.stopwords
                and _WORDLIKE_RE.search(token) is not None and _QUANTITY_RE.match(token) is None)


def make_tokenizer(backend: str = "jieba", *, stopwords: bool | Iterable[str] = True,
                   min_chars: int = 2) -> SegmentTokenizer:
    """A :class:`SegmentTokenizer` over our segmenter and (policy) stopwords.

    ``stopwords=True`` uses ``load_stopwords(policy=True)`` (general function words plus
    policy boilerplate such as 加快, 推进); pass ``False`` for none or an iterable of your own.
    """
    from policytext.segment import get_segmenter, load_stopwords

    if stopwords is True:
        words = frozenset(load_stopwords(policy=True))
    elif stopwords is False:
        words = frozenset()
    else:
        words = frozenset(stopwords)
    return SegmentTokenizer(get_segmenter(backend), stopwords=words, min_chars=min_chars)


def make_vectorizer(tokenizer: Callable[[str], list[str]] | None = None, *, kind: str = "count",
                    min_df: int | float = 2, max_df: int | float = 0.95,
                    max_features: int | None = None, **options: Any) -> Any:
    """A scikit-learn CountVectorizer (``kind="count"``) or TfidfVectorizer (``"tfidf"``) set up
    for Chinese: our tokenizer, ``token_pattern=None``, ``lowercase=False``.

    Pruning defaults: a term must occur in at least ``min_df=2`` documents (a term of one
    document cannot tell documents apart) and in at most ``max_df=95%`` of them (a term in every
    plan is boilerplate). Lower ``min_df`` to 1 for a handful of documents.

    >>> vec = make_vectorizer(str.split, min_df=1, max_df=1.0)
    >>> vec.fit_transform(["科技 创新", "GDP 创新"]).shape, list(vec.get_feature_names_out())
    ((2, 3), ['GDP', '创新', '科技'])
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    kinds = {"count": CountVectorizer, "tfidf": TfidfVectorizer}
    if kind not in kinds:
        raise ConfigError(f"unknown vectorizer kind {kind!r}; choose one of {sorted(kinds)}")
    if tokenizer is None:
        tokenizer = make_tokenizer()
    return kinds[kind](tokenizer=tokenizer, token_pattern=None, lowercase=False, min_df=min_df,
                       max_df=max_df, max_features=max_features, **options)


@dataclass(frozen=True, eq=False)
class DocumentTermMatrix:
    """Documents × terms counts (or tf-idf weights) with the documents' facts beside them.

    ``matrix`` is a SciPy CSR matrix whose rows follow ``docs`` (the corpus table) and whose
    columns follow ``terms``; ``tokens`` are the kept tokens of each document in order (what
    coherence measures slide their windows over); ``vectorizer`` is the fitted vectorizer.
    """

    matrix: scipy.sparse.csr_matrix
    terms: tuple[str, ...]
    docs: pd.DataFrame
    tokens: list[list[str]] = field(repr=False, default_factory=list)
    vectorizer: Any = field(repr=False, default=None)

    @property
    def shape(self) -> tuple[int, int]:
        return (int(self.matrix.shape[0]), int(self.matrix.shape[1]))

    def subset(self, mask: Any) -> DocumentTermMatrix:
        """The rows where the boolean ``mask`` (array or Series over documents) is true."""
        import numpy as np

        rows = np.flatnonzero(np.asarray(mask, dtype=bool))
        return DocumentTermMatrix(
            matrix=self.matrix[rows], terms=self.terms,
            docs=self.docs.iloc[rows].reset_index(drop=True),
            tokens=[self.tokens[i] for i in rows] if self.tokens else [],
            vectorizer=self.vectorizer)


class Corpus:
    """Documents and their facts, one row per logical document (see the module docs).

    Build one with :meth:`from_folder` or :meth:`from_frame`; ``docs`` is the table.
    ``errors`` lists ``(file, message)`` for files that could not be read.
    """

    def __init__(self, docs: pd.DataFrame, errors: Sequence[tuple[str, str]] = ()) -> None:
        self.docs = docs
        self.errors = list(errors)

    def __len__(self) -> int:
        return len(self.docs)

    def __repr__(self) -> str:
        eras = self.docs["era"].value_counts(dropna=False).to_dict() if len(self.docs) else {}
        return f"Corpus({len(self.docs)} documents, eras={eras})"

    @property
    def texts(self) -> list[str]:
        """The cleaned texts, in row order."""
        return [str(t) for t in self.docs["text"]]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, *, text: str = "text",
                   era: str | int | Sequence[int] = "period") -> Corpus:
        """A corpus from a DataFrame with a text column and any facts (region, year, date, …).

        ``year`` is read from ``date`` when missing; ``period`` from the year when missing;
        ``era`` is chosen as in :meth:`from_folder`.

        >>> import pandas as pd
        >>> row = Corpus.from_frame(pd.DataFrame({"body": ["文本"], "date": ["2019-05-01"]}),
        ...                         text="body").docs.iloc[0]
        >>> int(row["year"]), row["period"], row["period_source"]
        (2019, '十三五', 'year')
        """
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise ConfigError(f"Corpus.from_frame expects a pandas DataFrame, got {type(frame).__name__}")
        if text not in frame.columns:
            raise ConfigError(f"no text column {text!r}; columns are {list(frame.columns)}")
        docs = frame.rename(columns={text: "text"}).reset_index(drop=True).copy()
        return cls(_complete(docs, era))

    @classmethod
    def from_folder(cls, folder: str | Path, *, manifest: str | Path | bool | None = True,
                    key: str = "file", era: str | int | Sequence[int] = "period",
                    suffixes: Sequence[str] = DEFAULT_SUFFIXES) -> Corpus:
        """Read every document file in ``folder`` through the pipeline, with its manifest.

        ``manifest``: ``True`` uses ``folder/manifest.csv`` when it exists, a path uses that
        CSV, ``False``/``None`` none. Its ``key`` column names files (relative to ``folder``);
        its other columns join the table, and where a manifest cell is non-empty it wins over
        the extracted fact of the same name (region, date, year, doc_type, …).

        ``era``: ``"period"`` (default) the document's own five-year-plan period when it fits
        the year, else the one its year falls in; ``"year"`` always the period of the year; an
        int ``n`` bins years into n-year bins aligned on multiples of n (``"2010–2014"`` for 5);
        a list of edges bins at those years.

        A file that cannot be read is skipped and listed in ``errors``.
        """
        import pandas as pd

        from policytext.pipeline import extract_file

        root = Path(folder)
        if not root.is_dir():
            raise ConfigError(f"{root} is not a folder of documents")
        table = _read_manifest(root, manifest, key)
        files = sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in suffixes
                       and p.name != "README.md")
        rows: list[dict[str, Any]] = []
        errors: list[tuple[str, str]] = []
        for path in files:
            try:
                result = extract_file(path)
            except PolicyTextError as exc:
                errors.append((path.name, str(exc)))
                continue
            extra = table.get(path.name, {})
            several = len(result.documents) > 1
            for record in result.documents:
                row: dict[str, Any] = {
                    "doc_id": f"{path.name}#{record.part}" if several else path.name,
                    "file": path.name, "part": record.part, "title": record.title,
                    "issuer": record.issuer, "doc_type": record.doc_type, "region": record.region,
                    "date": record.date, "year": record.year, "period": record.period,
                    "text": record.text,
                }
                for column, value in extra.items():
                    if column == key:
                        continue
                    if value not in ("", None) or column not in row:
                        row[column] = value if value != "" else None
                if extra.get("year") and not extra.get("date") and row.get("date"):
                    if str(row["date"])[:4] != str(extra["year"]):
                        row["date"] = None  # the manifest's year wins; a contradicting date goes
                rows.append(row)
        docs = pd.DataFrame(rows)
        if docs.empty:
            docs = pd.DataFrame(columns=list(FACT_COLUMNS))
        return cls(_complete(docs, era), errors)

    def dtm(self, tokenizer: Callable[[str], list[str]] | None = None, *, kind: str = "count",
            min_df: int | float = 2, max_df: int | float = 0.95, max_features: int | None = None,
            **options: Any) -> DocumentTermMatrix:
        """The document-term matrix of this corpus (see :func:`make_vectorizer` for options).

        ``tokenizer`` defaults to :func:`make_tokenizer` (jieba with policy stopwords).
        """
        if tokenizer is None:
            tokenizer = make_tokenizer()
        vectorizer = make_vectorizer(tokenizer, kind=kind, min_df=min_df, max_df=max_df,
                                     max_features=max_features, **options)
        tokens = [tokenizer(text) for text in self.texts]
        # the vectorizer re-tokenizing would double the segmentation cost: feed it the tokens
        vectorizer.set_params(analyzer=_Identity(), tokenizer=None)
        matrix = vectorizer.fit_transform(tokens).tocsr()
        vectorizer.set_params(analyzer="word", tokenizer=tokenizer)
        terms = tuple(str(t) for t in vectorizer.get_feature_names_out())
        vocabulary = set(terms)
        kept = [[t for t in doc if t in vocabulary] for doc in tokens]
        return DocumentTermMatrix(matrix=matrix, terms=terms, docs=self.docs.copy(), tokens=kept,
                                  vectorizer=vectorizer)


@dataclass(frozen=True)
class _Identity:
    """An analyzer that takes already tokenized documents as they are (picklable, unlike a lambda)."""

    def __call__(self, tokens: list[str]) -> list[str]:
        return tokens


def _read_manifest(root: Path, manifest: str | Path | bool | None, key: str) -> dict[str, dict[str, str]]:
    if manifest is None or manifest is False:
        return {}
    path = root / "manifest.csv" if manifest is True else Path(manifest)
    if not path.is_file():
        if manifest is True:
            return {}
        raise ConfigError(f"manifest {path} does not exist")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or key not in reader.fieldnames:
            raise ConfigError(f"manifest {path} has no key column {key!r}; "
                              f"columns are {reader.fieldnames}; pass key=...")
        return {row[key]: dict(row) for row in reader}


def _complete(docs: pd.DataFrame, era: str | int | Sequence[int]) -> pd.DataFrame:
    """Add the missing fact columns, derive year/period/era, and order the columns."""
    import pandas as pd

    for column in FACT_COLUMNS:
        if column not in docs.columns:
            docs[column] = None
    if docs["doc_id"].isna().all():
        docs["doc_id"] = [f"doc{i:04d}" for i in range(len(docs))]
    repeated = docs["doc_id"][docs["doc_id"].duplicated()].unique().tolist()
    if repeated:  # rows are matched to matrix rows, R docvars and distances by doc_id
        raise ConfigError(f"doc_id must be unique; repeated: {repeated[:5]} (when combining "
                          "folders, prefix the ids, e.g. docs['doc_id'] = 'raw/' + docs['doc_id'])")
    docs["part"] = docs["part"].fillna(1)
    years = pd.to_numeric(docs["year"], errors="coerce").astype("Float64")
    from_date = pd.to_numeric(docs["date"].astype("string").str.slice(0, 4), errors="coerce")
    docs["year"] = years.fillna(from_date.astype("Float64")).round().astype("Int64")
    # a table that went through here before: a period derived from the year is not the document's
    own = [p if isinstance(p, str) and p.strip() and src != "year" else None
           for p, src in zip(docs["period"], docs["period_source"], strict=True)]
    year_list: list[int | None] = [None if pd.isna(y) else int(y) for y in docs["year"]]
    derived = [period_of_year(y) for y in year_list]
    docs["period_source"] = ["document" if p is not None else ("year" if d else None)
                             for p, d in zip(own, derived, strict=True)]
    docs["period"] = [p if p is not None else d for p, d in zip(own, derived, strict=True)]
    fits = [p is not None and _fits(p, y) for p, y in zip(own, year_list, strict=True)]
    if era == "period":
        docs["era"] = [p if ok else d for p, ok, d in zip(own, fits, derived, strict=True)]
        docs["era_source"] = ["document" if ok else ("year" if d else None)
                              for ok, d in zip(fits, derived, strict=True)]
    else:
        docs["era"] = _era(docs, era, derived)
        docs["era_source"] = ["year" if e is not None else None for e in docs["era"]]
    docs["text"] = docs["text"].fillna("").astype(str)
    rest = [c for c in docs.columns if c not in FACT_COLUMNS]
    return docs[[*FACT_COLUMNS, *rest]]


def _fits(period: str, year: int | None) -> bool:
    """Whether a document of ``year`` can belong to ``period`` (see the module docs)."""
    span = period_years(period)
    if span is None:
        return False
    return year is None or span[0] - 1 <= year <= span[1] + 1


def _era(docs: pd.DataFrame, era: str | int | Sequence[int], derived: list[str | None]) -> list[Any]:
    import pandas as pd

    if era == "year":
        return derived
    years = [None if pd.isna(y) else int(y) for y in docs["year"]]
    if isinstance(era, int) and not isinstance(era, bool) and era > 0:
        return [None if y is None else f"{y - y % era}–{y - y % era + era - 1}" for y in years]
    if isinstance(era, Sequence) and not isinstance(era, str) and len(era) >= 2:
        edges = sorted(int(e) for e in era)
        labels = []
        for y in years:
            label = None
            for lo, hi in itertools.pairwise(edges):
                if y is not None and lo <= y < hi:
                    label = f"{lo}–{hi - 1}"
            labels.append(label)
        return labels
    raise ConfigError(f"unknown era {era!r}; use 'period', 'year', a bin width in years, "
                      "or a list of bin edges")
