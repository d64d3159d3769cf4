"""Cleaning: strip web furniture line by line, flag masked tokens, repair, split into parts.

PLACEHOLDER: the foundation helper replaces this with the real cleaner.
"""

from __future__ import annotations

from policytext.model import CleanedDocument, Document, Part


def clean(doc: Document) -> CleanedDocument:
    """Clean one document; every removed line and repair is recorded."""
    text = "\n".join(line.strip() for line in doc.text.splitlines() if line.strip())
    return CleanedDocument(
        source=doc.source, encoding=doc.encoding, text=text, parts=(Part(part=1, text=text),),
        meta=doc.meta,
    )
