"""Keyword in context and term frequencies for Chinese policy text, as pandas DataFrames.

Both functions take a collection of documents: an iterable of strings, of objects with a
``text`` attribute (:class:`~policytext.model.Document`, :class:`~policytext.model.CleanedDocument`,
records), a mapping ``{doc_id: text}``, or a pandas Series (its index gives the ids). A single
string is refused, as scikit-learn does, because it would be read as one document per character.

:func:`kwic` finds a term as a character sequence, so multi-word terms such as 高新技术企业
(two or three jieba words) are found whole, also when a hard line break falls inside them.
:func:`term_frequencies` segments with a :mod:`policytext.segment` backend and returns a long table,
one row per (document, term).

>>> kwic(["加快发展高新技术企业集群"], "高新技术企业", window=4).to_dict("records")
[{'doc_id': 0, 'offset': 4, 'left': '加快发展', 'keyword': '高新技术企业', 'right': '集群'}]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import regex

from policytext.segment import PROTECTED_RE, Segmenter, get_segmenter, load_stopwords

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KWIC_COLUMNS", "TF_COLUMNS", "iter_texts", "kwic", "term_frequencies", "token_boundaries"]

#: Column order of :func:`kwic` results.
KWIC_COLUMNS = ("doc_id", "offset", "left", "keyword", "right")
#: Column order of :func:`term_frequencies` results.
TF_COLUMNS = ("doc_id", "term", "count")

_SPACE_RE = regex.compile(r"\s+")
_WORDLIKE_RE = regex.compile(r"[\p{L}\p{N}]")


def iter_texts(docs: Any) -> Iterator[tuple[Any, str]]:
    """Yield ``(doc_id, text)`` for each document in ``docs``.

    Ids are the mapping keys or Series index when there is one, else the ``source`` attribute
    of document objects, else the position (0, 1, ...).

    >>> list(iter_texts(["甲", "乙"]))
    [(0, '甲'), (1, '乙')]
    >>> list(iter_texts({"a.txt": "甲"}))
    [('a.txt', '甲')]
    >>> list(iter_texts("甲乙"))
    Traceback (most recent call last):
    ...
    TypeError: expected an iterable of documents (str or objects with .text), got one str: wrap it in a list
    """
    if isinstance(docs, (str, bytes)):
        raise TypeError(
            f"expected an iterable of documents (str or objects with .text), got one "
            f"{type(docs).__name__}: wrap it in a list"
        )
    if hasattr(docs, "columns") and hasattr(docs, "index"):
        raise TypeError("got a DataFrame: pass the column that holds the text, e.g. df['text']")
    items: Iterable[tuple[Any, Any]]
    if isinstance(docs, Mapping):
        items = docs.items()
    elif hasattr(docs, "items") and hasattr(docs, "index"):  # a pandas Series
        items = docs.items()
    else:
        items = ((getattr(doc, "source", position), doc) for position, doc in enumerate(docs))
    for doc_id, doc in items:
        yield doc_id, _text_of(doc)


def _text_of(doc: Any) -> str:
    if isinstance(doc, str):
        return doc
    text = getattr(doc, "text", None)
    if isinstance(text, str):
        return text
    if isinstance(doc, bytes):
        raise TypeError("got bytes where text is expected: decode first (policytext.read_document)")
    raise TypeError(f"expected str or an object with a .text attribute, got {type(doc).__name__}")


# ---------------------------------------------------------------------------------------------
# KWIC
# ---------------------------------------------------------------------------------------------


def _term_pattern(term: str | Iterable[str] | re.Pattern[str] | regex.Pattern[str]) -> Any:
    """A pattern for one term or several; whitespace may fall between any two characters."""
    if isinstance(term, (regex.Pattern, re.Pattern)):
        return term
    terms = [term] if isinstance(term, str) else list(term)
    terms = [_SPACE_RE.sub("", t) for t in terms]
    if not terms or not all(terms):
        raise ValueError("kwic needs a non-empty term (or non-empty terms)")
    # longest first, so that 乡村振兴战略 wins over 乡村振兴 at the same position
    terms = sorted(set(terms), key=lambda t: (-len(t), t))
    alternatives = (r"\s*".join(regex.escape(ch) for ch in t) for t in terms)
    return regex.compile("|".join(alternatives))


def token_boundaries(text: str, segmenter: Segmenter) -> frozenset[int]:
    """Offsets in ``text`` where a token of ``segmenter`` starts or ends.

    >>> from policytext.segment import get_segmenter
    >>> sorted(token_boundaries("推进 三区联动", get_segmenter("jieba")))
    [0, 2, 3, 7]
    """
    bounds: set[int] = set()
    pos = 0
    for token in segmenter.cut(text):
        start = text.find(token, pos)
        if start < 0:  # a backend that rewrote the text: keep what was found so far
            break
        pos = start + len(token)
        bounds.update((start, pos))
    return frozenset(bounds)


def kwic(
    docs: Any,
    term: str | Iterable[str] | re.Pattern[str] | regex.Pattern[str],
    window: int = 20,
    *,
    segmenter: Segmenter | None = None,
) -> pd.DataFrame:
    """Every occurrence of ``term`` with ``window`` characters of context on each side.

    ``term`` is a string, several strings (any of them matches; longest first), or a compiled
    ``regex``/``re`` pattern. Whitespace and line breaks inside an occurrence are allowed, so a
    term broken across lines is still found; ``keyword`` is the text as it stands. ``left`` and
    ``right`` are ``window`` characters of the text as it stands, with each whitespace run then
    shown as one space. ``offset`` is where the occurrence starts in the document's text.
    Columns: :data:`KWIC_COLUMNS`; no occurrence gives an empty frame.

    With a ``segmenter``, only occurrences that start and end at its token boundaries count:
    创新 then no longer matches inside 创新创业 or 科技创新中心 when those are single tokens.

    >>> docs = {"a": "推进三区联动。加快三区\\n联动发展", "b": "没有"}
    >>> kwic(docs, "三区联动", window=2)[["doc_id", "offset", "keyword"]]
      doc_id  offset    keyword
    0      a       2       三区联动
    1      a       9  三区\\n联动
    >>> len(kwic(docs, "高新技术企业"))
    0
    >>> from policytext.segment import get_segmenter
    >>> text = ["鼓励创新，推动创新创业"]
    >>> len(kwic(text, "创新")), len(kwic(text, "创新", segmenter=get_segmenter("jieba")))
    (2, 1)
    """
    import pandas as pd

    if window < 0:
        raise ValueError(f"window must be >= 0, got {window}")
    pattern = _term_pattern(term)
    rows = []
    for doc_id, text in iter_texts(docs):
        bounds: frozenset[int] | None = None
        for match in pattern.finditer(text):
            start, end = match.span()
            if end == start:
                continue
            if segmenter is not None:
                if bounds is None:
                    bounds = token_boundaries(text, segmenter)
                if start not in bounds or end not in bounds:
                    continue
            left = text[max(0, start - window) : start]
            right = text[end : end + window]
            rows.append((doc_id, start, _SPACE_RE.sub(" ", left), match.group(), _SPACE_RE.sub(" ", right)))
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))


# ---------------------------------------------------------------------------------------------
# term frequencies
# ---------------------------------------------------------------------------------------------


@functools.cache
def _default_segmenter() -> Segmenter:
    return get_segmenter("jieba")


def _stopword_set(stopwords: str | Collection[str] | None) -> frozenset[str]:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        if stopwords == "policy":
            return load_stopwords(policy=True)
        if stopwords == "general":
            return load_stopwords(policy=False)
        raise ValueError(
            f"stopwords={stopwords!r}: use 'policy', 'general', None, or a collection of words"
        )
    return frozenset(stopwords)


def term_frequencies(
    docs: Any,
    segmenter: Segmenter | None = None,
    stopwords: str | Collection[str] | None = "policy",
    *,
    keep_numbers: bool = False,
    min_count: int = 1,
) -> pd.DataFrame:
    """Count tokens per document, in long format: one row per (doc_id, term), columns ``TF_COLUMNS``.

    ``segmenter`` defaults to the jieba backend with the policy lexicon. ``stopwords`` is
    ``"policy"`` (general plus policy boilerplate, the default), ``"general"``, ``None`` (keep all)
    or a collection of words. Punctuation is always dropped; quantities and masked tokens
    (2025年, 4500家, ***) are dropped unless ``keep_numbers``. Rows are sorted by document order,
    then count (descending), then term. Long format stays small for large corpora; for a
    document-term table use ``df.pivot_table(index="doc_id", columns="term", values="count",
    fill_value=0)``.

    >>> tf = term_frequencies(["推进高新技术企业发展，高新技术企业超过4500家。"])
    >>> tf.to_dict("records")
    [{'doc_id': 0, 'term': '高新技术企业', 'count': 2}, {'doc_id': 0, 'term': '超过', 'count': 1}]
    >>> len(term_frequencies([""]))
    0
    """
    import pandas as pd

    seg = segmenter if segmenter is not None else _default_segmenter()
    stop = _stopword_set(stopwords)
    rows: list[tuple[Any, str, int]] = []
    for doc_id, text in iter_texts(docs):
        counts = Counter(
            token
            for token in seg.cut(text)
            if token not in stop
            and _WORDLIKE_RE.search(token)
            and (keep_numbers or not PROTECTED_RE.fullmatch(token))
        )
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows.extend((doc_id, term, count) for term, count in ranked if count >= min_count)
    frame = pd.DataFrame(rows, columns=list(TF_COLUMNS))
    return frame.astype({"count": "int64"})
