"""Every real document we hold reads, cleans and extracts without an exception.

The shared corpus (``../shared/corpus``: local and central policy texts, database exports, saved
gov.cn pages, a Markdown export) lies beside the checkout; the tests skip cleanly without it.
``data/raw`` ships with the package and is always checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policytext.clean import clean
from policytext.io import SUFFIXES, iter_documents, read_document
from policytext.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]
HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def corpus_files(folder: Path) -> list[Path]:
    return [p for p in iter_documents(folder) if p.suffix.lower() in SUFFIXES]


def _folders(shared_corpus: Path | None) -> list[Path]:
    folders = [ROOT / "data" / "raw"]
    if shared_corpus is not None:
        folders += sorted(p for p in shared_corpus.iterdir() if p.is_dir())
    return folders


@pytest.fixture(scope="module")
def corpus() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    files = [f for folder in _folders(shared if shared.is_dir() else None) for f in corpus_files(folder)]
    if not files:
        pytest.skip("no documents found")
    return files


def test_shared_corpus_is_there(shared_corpus):
    files = corpus_files(shared_corpus / "local") + corpus_files(shared_corpus / "html")
    assert len(files) > 50


def test_every_file_reads_and_cleans(corpus):
    failures = []
    for path in corpus:
        try:
            doc = read_document(path)
            cleaned = clean(doc)
        except Exception as exc:  # collect them all, then fail once with the list
            failures.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        if not cleaned.text.strip():
            failures.append(f"{path.name}: cleaning left no text")
        # precision guard: furniture is a small share of a real document's words
        total = len(HAN_RE.findall(doc.text))
        removed = sum(len(HAN_RE.findall(r.line)) for r in cleaned.removed)
        if total and removed / total > 0.15:
            failures.append(f"{path.name}: cleaning removed {removed / total:.0%} of the Chinese characters")
    assert not failures, "\n".join(failures)


def test_every_file_extracts(corpus):
    failures = []
    for path in corpus:
        try:
            result = extract_file(path)
        except Exception as exc:
            failures.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        if not result.documents:
            failures.append(f"{path.name}: no documents")
    assert not failures, "\n".join(failures)
