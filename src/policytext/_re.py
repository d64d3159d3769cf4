"""Compile a pattern with the standard library's :mod:`re` where it can, else with :mod:`regex`.

The patterns of policytext are written for the ``regex`` module, which has what some of them need:
variable-width lookbehind, matching in reverse. Many need none of it, and from Python 3.11
:mod:`re` also has the atomic groups and possessive quantifiers that keep the numeral patterns
linear. For those, :mod:`re` matches faster (``NUMBER_UNIT_RE`` over the sample texts: 7 ms
against 14 ms; a short search is cheaper to call), so the patterns of quantity extraction and of
sections are compiled with :func:`compile`, which gives :mod:`re` every pattern it accepts, with
``\\p{Han}`` spelled as ranges. Both are backtracking matchers with the same leftmost-first
semantics, so a pattern that compiles in both finds the same matches; ``tests/test_re.py``
checks every pattern compiled here against its ``regex`` twin on real documents. A whole-text
scan may still be faster with ``regex``, which seeks the places a match can start (where the
pattern opens with an assertion, :mod:`re` tries every position): such a pattern is compiled
with ``regex.compile`` directly, and says why.

>>> compile(r"\\p{Han}+").findall("GDP增长6.5%左右")
['增长', '左右']
>>> compile(r"(?r)[，。]").search("一，二。三").start()  # a search from the end: regex's alone
3
"""

from __future__ import annotations

import re
import sys
from typing import cast

import regex

__all__ = ["COMPILED", "compile"]

# (pattern as written, flags, compiled) of every pattern that compile() gave to the standard
# library, for the test that compares the engines.
COMPILED: list[tuple[str, int, re.Pattern[str]]] = []

# Before 3.11, re has neither atomic groups nor possessive quantifiers; those patterns must stay
# with regex there, and trying re first would only cost a failed compile per pattern.
_STDLIB = sys.version_info >= (3, 11)
# The flags both engines know by the same values; any other (regex.REVERSE …) is regex's alone.
# An int, not a flag enum: ~ of an enum.Flag drops the bits the enum does not name.
_SHARED_FLAGS = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)


# The Han script (what regex calls \p{Han}; Unicode 15, regex 2026.11) as ranges of a character
# class, so that patterns which need no other regex feature compile with re as well.
HAN_RANGES = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3"
    "\U00016ff0-\U00016ff6\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead"
    "\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a"
    "\U00031350-\U00033479"
)


def _spell_han(pattern: str) -> str:
    """``pattern`` with each ``\\p{Han}`` written as :data:`HAN_RANGES`: as a class of its own outside
    brackets, as ranges inside them (``[\\d\\p{Han}]``)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        if pattern.startswith("\\p{Han}", i):
            out.append(HAN_RANGES if in_class else "[" + HAN_RANGES + "]")
            i += len("\\p{Han}")
            continue
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"  # a ] right after [ or [^ is a literal
            out.append(pattern[i:j])
            i = j
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``pattern`` compiled by :mod:`re` if it accepts it, else by :mod:`regex`.

    ``flags`` are ``re`` flags (``re.VERBOSE``, ``re.MULTILINE``), whose values ``regex`` shares.
    The result has the methods both engines share (``search``, ``match``, ``finditer`` …), and
    is typed as a ``regex`` pattern for the code that passes it on.
    """
    if _STDLIB and not int(flags) & ~_SHARED_FLAGS:
        try:
            compiled = re.compile(_spell_han(pattern) if "\\p{Han}" in pattern else pattern, flags)
        except re.error:
            pass  # \p{Han}, variable-width lookbehind …: only regex has them
        else:
            COMPILED.append((pattern, int(flags), compiled))
            return cast("regex.Pattern[str]", compiled)
    return regex.compile(pattern, flags)
