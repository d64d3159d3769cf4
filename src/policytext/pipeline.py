"""One file in, one :class:`~policytext.model.Result` out: read, clean, describe, extract.

This is the single place where the stages meet; the CLI, the batch runner and the notebooks all
call :func:`extract_file` or :func:`extract`.
"""

from __future__ import annotations

from pathlib import Path

from policytext.clean import clean
from policytext.io import read_document
from policytext.meta import describe
from policytext.model import CleanedDocument, Document, DocumentRecord, Part, Result
from policytext.programmes import extract_programmes
from policytext.quantities import extract_quantities
from policytext.sections import parse_sections


def extract(doc: Document | CleanedDocument) -> Result:
    """Clean (if not yet cleaned) and extract everything from one document.

    >>> from policytext.model import Document
    >>> memo = Document(source="memo.txt", text="到2025年，高新技术企业超过500家。", encoding="utf-8")
    >>> result = extract(memo)
    >>> len(result.documents)
    1
    """
    cleaned = doc if isinstance(doc, CleanedDocument) else clean(doc)
    records = tuple(_record(part, cleaned) for part in cleaned.parts)
    inside = {(r.lineno, r.line) for part in cleaned.parts for r in part.removed}
    outside = tuple(r for r in cleaned.removed if (r.lineno, r.line) not in inside)
    return Result(source=cleaned.source, encoding=cleaned.encoding, documents=records,
                  removed=outside, repairs=cleaned.repairs)


def extract_file(path: str | Path) -> Result:
    """Read one file from disk and :func:`extract` it; raises :class:`~policytext.ReadError`."""
    return extract(read_document(path))


def _record(part: Part, cleaned: CleanedDocument) -> DocumentRecord:
    facts = describe(part, cleaned.meta)
    sections = parse_sections(part.text)
    year = int(facts.date[:4]) if facts.date else None
    return DocumentRecord(
        part=part.part,
        title=facts.title,
        issuer=facts.issuer,
        doc_number=facts.doc_number,
        date=facts.date,
        published=facts.published,
        region=facts.region,
        doc_type=facts.doc_type,
        period=facts.period,
        year_scrubbed=part.year_scrubbed,
        text=part.text,
        removed=part.removed,
        masked=part.masked,
        quantities=tuple(extract_quantities(part.text, doc_year=year, sections=sections)),
        programmes=tuple(extract_programmes(part.text, sections=sections)),
        sections=sections,
        evidence=dict(facts.evidence),
        notice_title=facts.notice_title,
        doc_class=facts.doc_class,
        region_path=facts.region_path,
    )


def extract_text(text: str, source: str = "<text>") -> Result:
    """:func:`extract` a string, as if it had been read from a UTF-8 file named ``source``.

    >>> extract_text("没有数字的句子。").documents[0].quantities
    ()
    """
    if not isinstance(text, str):
        from policytext.errors import ConfigError

        raise ConfigError(f"extract_text expects str, got {type(text).__name__}; "
                          "decode bytes first or use extract_file(path)")
    return extract(Document(source=source, text=text, encoding="utf-8"))
