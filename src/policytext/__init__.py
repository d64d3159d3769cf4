"""policytext: read, clean, describe and extract Chinese government policy documents.

The public API is re-exported here and imported lazily, so that ``import policytext`` and the
CLI start fast: heavy dependencies (jieba, pandas, gensim, scikit-learn) load only when used.

>>> import policytext
>>> result = policytext.extract_text("到2025年，高新技术企业超过500家。")
>>> result.documents[0].part
1
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

logging.getLogger(__name__).addHandler(logging.NullHandler())

# public name -> module that defines it
_EXPORTS = {
    # records
    "Document": "model", "CleanedDocument": "model", "Part": "model", "DocumentRecord": "model",
    "Quantity": "model", "Programme": "model", "Removed": "model", "Masked": "model",
    "Repair": "model", "Section": "model", "Result": "model",
    # errors
    "PolicyTextError": "errors", "ReadError": "errors", "ConfigError": "errors",
    # reading, cleaning, facts
    "read_document": "io", "iter_documents": "io",
    "clean": "clean", "clean_and_explain": "clean", "CleanConfig": "clean",
    "describe": "meta", "Facts": "meta",
    "parse_sections": "sections",
    # extraction
    "extract": "pipeline", "extract_file": "pipeline", "extract_text": "pipeline",
    "extract_quantities": "quantities",
    "extract_programmes": "programmes",
    # tables and batch runs
    "to_frame": "frame",
    "process_folder": "batch", "run_batch": "batch", "BatchConfig": "batch",
    # segmentation
    "Segmenter": "segment", "get_segmenter": "segment", "load_stopwords": "segment",
    "split_sentences": "segment", "token_agreement": "segment",
    "kwic": "kwic", "term_frequencies": "kwic",
    # comparing eras and regions
    "Corpus": "corpus", "DocumentTermMatrix": "corpus", "SegmentTokenizer": "corpus",
    "make_tokenizer": "corpus", "make_vectorizer": "corpus", "period_of_year": "corpus",
    "TopicModel": "topics", "choose_k": "topics", "topic_shares": "topics",
    "topic_prevalence": "topics", "js_divergence": "topics",
    "distinctive_terms": "keyness", "keyness_table": "keyness",
    "to_r": "export",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def _version() -> str:
    # importlib.metadata costs ~0.1 s of import time: read it only when asked
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policytext")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"policytext.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
