"""Export a document-term matrix for R: quanteda and stm read it in a few lines.

:func:`to_r` writes three files into a folder:

- ``dtm.mtx``: the documents × terms counts in MatrixMarket coordinate format (integers);
- ``vocab.txt``: the terms, one per line, UTF-8, in column order;
- ``docvars.csv``: one row per document, in row order, ``doc_id`` first, then the document's
  facts (region, year, period, era, doc_type, title, … — not the text), UTF-8.

In R::

    library(Matrix); library(quanteda); library(stm)
    m <- as(readMM("dtm.mtx"), "CsparseMatrix")
    vocab <- readLines("vocab.txt", encoding = "UTF-8")
    meta <- read.csv("docvars.csv", fileEncoding = "UTF-8")
    dimnames(m) <- list(meta$doc_id, vocab)
    d <- as.dfm(m); docvars(d) <- meta
    out <- convert(d, to = "stm")
    fit <- stm(out$documents, out$vocab, K = 10, prevalence = ~ era, data = out$meta, seed = 1)

:func:`read_r_export` reads the three files back into Python (for checking a round trip).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import DocumentTermMatrix

__all__ = ["read_r_export", "to_r"]

FILES = ("dtm.mtx", "vocab.txt", "docvars.csv")


def to_r(dtm: DocumentTermMatrix, folder: str | Path, *, text: bool = False) -> dict[str, Path]:
    """Write ``dtm.mtx``, ``vocab.txt`` and ``docvars.csv`` into ``folder`` (created if need be)
    and return their paths by name. ``text=True`` keeps the documents' text in docvars.

    A term with a line break or a tab cannot round-trip through ``vocab.txt``: that raises.
    """
    import numpy as np
    import scipy.io
    import scipy.sparse

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    bad = [t for t in dtm.terms if not t or any(ch in t for ch in "\r\n\t")]
    if bad:
        raise ConfigError(f"terms with line breaks or tabs cannot be written one per line: {bad[:5]}")
    matrix = scipy.sparse.coo_matrix(dtm.matrix)
    is_integer = np.allclose(matrix.data, np.round(matrix.data))
    paths = {name: out / name for name in FILES}
    scipy.io.mmwrite(str(paths["dtm.mtx"]), matrix, field="integer" if is_integer else "real",
                     comment="documents x terms; rows follow docvars.csv, columns vocab.txt")
    paths["vocab.txt"].write_text("\n".join(dtm.terms) + "\n", encoding="utf-8")
    docvars = dtm.docs.copy()
    if not text and "text" in docvars.columns:
        docvars = docvars.drop(columns="text")
    columns = ["doc_id", *[c for c in docvars.columns if c != "doc_id"]]
    docvars[columns].to_csv(paths["docvars.csv"], index=False, encoding="utf-8")
    return paths


def read_r_export(folder: str | Path) -> tuple[Any, list[str], pd.DataFrame]:
    """The (CSR matrix, terms, docvars) that :func:`to_r` wrote into ``folder``."""
    import pandas as pd
    import scipy.io
    import scipy.sparse

    root = Path(folder)
    missing = [name for name in FILES if not (root / name).is_file()]
    if missing:
        raise ConfigError(f"{root} lacks {missing}; write it with policytext.export.to_r")
    matrix = scipy.sparse.csr_matrix(scipy.io.mmread(str(root / "dtm.mtx")))
    terms = (root / "vocab.txt").read_text(encoding="utf-8").splitlines()
    docvars = pd.read_csv(root / "docvars.csv", encoding="utf-8", keep_default_na=True)
    return matrix, terms, docvars
