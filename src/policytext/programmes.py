"""Named programmes, policy documents, packages, funds, platforms, zones and slogans.

PLACEHOLDER: the programmes helper replaces this with the real extractor.
"""

from __future__ import annotations

from policytext.model import Programme


def extract_programmes(text: str) -> list[Programme]:
    """Each named programme in ``text`` once, in order of first mention."""
    return []
