"""Joining wrapped lines within a part: the step of :func:`policytext.clean.clean` after the
furniture is gone.

A line cut inside a word (``…试点城`` / ``区建设的实施意见``) is joined to the line that continues it,
and a title broken over two to four lines among a part's first lines becomes one line; which joins
are allowed is decided by :func:`policytext.fixes.can_join` and :func:`policytext.fixes.title_run`
(never after a line that ends a title, never into an addressee, never across menu items). Joins and
repeated titles are settled together, so that cleaning the cleaned text again changes nothing.
:class:`Joiner` is mixed into the cleaner, whose per-line state it reads.

>>> from policytext.clean import clean
>>> print(clean("关于打造人才高地推进创新型试点城\\n区建设的实施意见\\n各区人民政府：\\n正文。").text)
关于打造人才高地推进创新型试点城区建设的实施意见
各区人民政府：
正文。
"""

from __future__ import annotations

import re

from policytext.fixes import GENRE_END_RE, can_join, title_run
from policytext.model import Repair
from policytext.rules.boilerplate import classify_line
from policytext.rules.context import SENTENCE_RE, WEAK_DISCLAIMER_RE, same_title

Status = tuple[str, str]  # (kind, rule) of a removed line


class Joiner:
    """The joins of one cleaning run; the cleaner that mixes this in holds the state below."""

    lines: list[str]
    status: list[Status | None]
    rules: frozenset[str]
    fixers: frozenset[str]
    repairs: list[Repair]

    def _join(self, indexes: list[int]) -> tuple[str, dict[int, int]]:
        """The part's text with wrapped lines joined, and each kept line's offset in it.

        Joins and repeated titles are settled together until nothing changes, so that cleaning
        the cleaned text again finds nothing more to do. Blank source lines between kept lines
        become one blank line: a paragraph break, never a wrap.
        """
        joining = "join_broken_lines" in self.fixers
        units = [[i] for i in indexes]
        changed = True
        while changed:
            changed = False
            merged: list[list[int]] = []
            in_zone = True  # no sentence yet: the part's title lines
            k = 0
            while k < len(units):
                unit = units[k]
                run = self._title_run(units[k:]) if joining and in_zone else 0
                if run:  # a title broken over two to four lines, among a part's first lines
                    merged.append([i for u in units[k:k + run] for i in u])
                    changed, k = True, k + run
                    continue
                if joining and merged and not self._blank_between(merged[-1], unit) \
                        and self._joinable(merged[-1], unit, in_zone):
                    merged[-1] = merged[-1] + unit
                    changed = True
                else:
                    merged.append(unit)
                in_zone = in_zone and not SENTENCE_RE.search(self._unit_text(unit))
                k += 1
            units = []
            in_zone = True
            for unit in merged:
                if units and self._repeats_title(units[-1], unit, in_zone):
                    for i in unit:
                        self.status[i] = ("duplicated_title", "duplicated_title")
                    changed = True
                else:
                    units.append(unit)
                    in_zone = in_zone and not SENTENCE_RE.search(self._unit_text(unit))
        out: list[str] = []
        offsets: dict[int, int] = {}
        position = 0
        for k, unit in enumerate(units):
            if k and self._blank_between(units[k - 1], unit):
                out.append("")  # a paragraph break stays: it stops joins, and says where paragraphs end
                position += 1
            line = ""
            for i in unit:
                offsets[i] = position + len(line)
                line += self.lines[i]
            if len(unit) > 1:
                before = "\n".join(self.lines[i] for i in unit)
                self.repairs.append(Repair("join_broken_lines", before, line, unit[0] + 1))
            out.append(line)
            position += len(line) + 1
        return "\n".join(out), offsets

    def _unit_text(self, unit: list[int]) -> str:
        return "".join(self.lines[i] for i in unit)

    def _joinable(self, previous: list[int], unit: list[int], in_zone: bool) -> bool:
        """Whether ``unit`` continues the unit before it; ``in_zone``: no sentence before them."""
        current, line = self._unit_text(previous), self._unit_text(unit)
        return can_join(current, line, title_zone=in_zone) and self._join_is_text(current, line)

    def _title_run(self, units: list[list[int]]) -> int:
        """How many of ``units`` make one broken title (called while no sentence stands before)."""
        ahead = [units[0]]
        for unit in units[1:4]:
            if self._blank_between(ahead[-1], unit):
                break
            ahead.append(unit)
        texts = [self._unit_text(u) for u in ahead]
        run = title_run(texts)
        if run and not self._join_is_text("".join(texts[:run - 1]), texts[run - 1]):
            return 0
        return run

    def _join_is_text(self, current: str, line: str) -> bool:
        """A join must not make a line that furniture rules remove: "…仅供" + "参考，…"."""
        joined = current + line
        made_notice = WEAK_DISCLAIMER_RE.search(joined) and not (
            WEAK_DISCLAIMER_RE.search(current) or WEAK_DISCLAIMER_RE.search(line))
        made_book_title = re.fullmatch(r"《.+》", joined) is not None  # would read as a footer's title
        return classify_line(joined, self.rules) is None and not made_notice and not made_book_title

    def _blank_between(self, first: list[int], second: list[int]) -> bool:
        return any(not self.lines[j] for j in range(first[-1] + 1, second[0]))

    def _repeats_title(self, previous: list[int], unit: list[int], in_zone: bool) -> bool:
        if "duplicated_title" not in self.rules:
            return False
        first, second = self._unit_text(previous), self._unit_text(unit)
        return (in_zone or bool(GENRE_END_RE.search(second))) and same_title(first, second)
