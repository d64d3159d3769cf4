"""Numeric targets and reported figures.

PLACEHOLDER: the quantities helper replaces this with the real extractor.
"""

from __future__ import annotations

from collections.abc import Sequence

from policytext.model import Quantity, Section


def extract_quantities(
    text: str, *, doc_year: int | None = None, sections: Sequence[Section] | None = None
) -> list[Quantity]:
    """Every quantity in ``text``, in order."""
    return []
