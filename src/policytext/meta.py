"""The document's own facts: title, issuer, 文号, dates, region, doc type, five-year-plan period.

PLACEHOLDER: the metadata helper replaces this with the real reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from policytext.model import Part


@dataclass(frozen=True, slots=True)
class Facts:
    """What a part says about itself."""

    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    published: str | None = None
    region: str | None = None
    doc_type: str | None = None
    period: str | None = None
    evidence: Mapping[str, str] = field(default_factory=dict)


def describe(part: Part, page_meta: Mapping[str, str] | None = None) -> Facts:
    """Read the facts of one part from its text, its removed page-metadata lines and the page's
    own metadata table."""
    return Facts()
