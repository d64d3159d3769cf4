"""The standard-library twins of the regex patterns, and the scans that try a pattern only where it
can match: each must find exactly what the pattern itself finds."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import policytext.quantities as quantities
import policytext.sections  # noqa: F401  (compiles its patterns, so that they are in COMPILED)
from policytext import _re


def _documents(raw_dir: Path) -> list[str]:
    paths = sorted([*raw_dir.glob("*.txt"), *(raw_dir.parent / "sample").glob("*.txt")])
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="before 3.11 every pattern stays with regex")
def test_the_hot_patterns_run_on_the_standard_library() -> None:
    assert isinstance(quantities.NUMBER_UNIT_RE, re.Pattern)
    assert isinstance(quantities._HAN_RE, re.Pattern)  # \p{Han} spelled as ranges
    assert len(_re.COMPILED) > 50


def test_patterns_only_regex_can_compile_stay_with_regex() -> None:
    assert isinstance(_re.compile(r"(?r)[，。]"), regex.Pattern)               # reverse search
    assert isinstance(_re.compile(r"(?<=的|之间)x"), regex.Pattern)             # variable-width lookbehind
    assert isinstance(_re.compile(r"年$", regex.REVERSE), regex.Pattern)        # a flag re lacks
    assert isinstance(quantities._STRONG_CUE_RE, regex.Pattern)


def test_every_standard_library_twin_matches_like_regex(raw_dir: Path) -> None:
    texts = _documents(raw_dir)
    for pattern, flags, compiled in _re.COMPILED:
        twin = regex.compile(pattern, flags)
        for text in texts:
            ours = [(m.span(), m.groups()) for m in compiled.finditer(text)]
            theirs = [(m.span(), m.groups()) for m in twin.finditer(text)]
            assert ours == theirs, pattern[:60]


def test_han_ranges_are_the_han_script() -> None:
    every = "".join(chr(c) for c in range(0x34000) if not 0xD800 <= c < 0xE000)  # to CJK Extension H
    spelled = re.compile(_re._spell_han(r"\p{Han}"))
    han = [m.start() for m in regex.finditer(r"\p{Han}", every)]
    assert [m.start() for m in spelled.finditer(every)] == han


def test_han_is_spelled_inside_and_outside_classes() -> None:
    assert re.fullmatch(_re._spell_han(r"[\d\p{Han}]+\p{Han}"), "3年度") is not None
    assert re.fullmatch(_re._spell_han(r"[^\p{Han}]"), "年") is None
    assert re.fullmatch(_re._spell_han(r"[]\p{Han}]"), "]") is not None  # a leading ] is a literal
    assert _re._spell_han(r"\\p{Han}") == r"\\p{Han}"  # an escaped backslash, then p{Han} as written


_NUMERIC_TEXT = st.text(alphabet=st.sampled_from("七八成为 12\n\t\u3000.5是以上左右第“x"), max_size=60)


@given(_NUMERIC_TEXT)
def test_scans_for_tenths_and_table_cells_find_what_finditer_finds(text: str) -> None:
    from policytext.rules.quantities import TABLE_CELL_RE, TENTHS_RE

    def spans(matches: Iterable[Any]) -> list[tuple[int, int]]:
        return [m.span() for m in matches]

    assert spans(quantities._tenths_matches(text)) == spans(TENTHS_RE.finditer(text))
    assert spans(quantities._table_cell_matches(text)) == spans(TABLE_CELL_RE.finditer(text))


def test_time_phrases_are_read_on_the_lines_that_may_hold_them(
    raw_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # _scopes reads only the lines _lead_lines names; reading every line must give the same scope.
    from policytext.sections import parse_sections

    found = 0
    for text in _documents(raw_dir):
        lines = quantities._Lines(text)
        sections = parse_sections(text)
        fast = quantities._scopes(text, lines, sections, 2016)
        with monkeypatch.context() as patch:
            patch.setattr(quantities, "_lead_lines", lambda text, lines: list(range(len(lines.starts))))
            every = quantities._scopes(text, lines, sections, 2016)
        assert fast.lead_years == every.lead_years
        found += len(fast.lead_years)
    assert found > 20, "the sample documents open many paragraphs with a year or 到…年"
