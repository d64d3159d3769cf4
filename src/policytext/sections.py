"""Section structure: headings parsed into a tree, so that a record can name where it sits.

PLACEHOLDER: the quantities helper replaces this with the real parser.
"""

from __future__ import annotations

from collections.abc import Sequence

from policytext.model import Section


def parse_sections(text: str) -> tuple[Section, ...]:
    """Find the headings of ``text`` (一、 / （一） / 1. / （1） / 第X章 / 第X条 / 附件)."""
    return ()


def section_at(sections: Sequence[Section], offset: int) -> str:
    """The label of the innermost section holding ``offset``, or ``""``."""
    best = ""
    for s in sections:
        if s.start <= offset < s.end:
            best = s.label
    return best
