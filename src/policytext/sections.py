"""Section structure: headings parsed into a tree, so that a record can name where it sits.

Chinese policy documents number their headings in a few fixed styles: 第一章 / 第一节 / 第一条,
一、, （一）, 1. / 1． / 1、, （1）, and 附件 for appendices. The depth of a style is not fixed (one
document puts 1. under （一）, another under 一、), so depth comes from the order in which styles
first appear: a style seen again closes everything opened after it.

Headings are often run into paragraphs by scraping: "…汇报如下。一、目标" at the end of a line, or a
whole report on one line with "。二、打响…品牌，…" inside it. A run-in heading is accepted only where
its ordinal continues the sequence already open (二 after 一), so a list such as "一、二、三产业"
does not start a section.

>>> text = "四、发展目标\\n（一）总体目标\\n到2025年，高新技术企业超过500家。"
>>> [s.label for s in parse_sections(text)]
['四、发展目标', '四、发展目标 > （一）总体目标']
>>> section_at(parse_sections(text), text.index("高新"))
'四、发展目标 > （一）总体目标'
>>> parse_sections("没有标题的一段话。")
()
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from policytext import _re
from policytext.model import Section
from policytext.numbers import parse_number

__all__ = ["HEADING_RE", "RUN_IN_HEADING_RE", "label_at", "parse_sections", "section_at"]

_CN = "一二三四五六七八九十百零〇两"
# The closing words of an unnumbered heading: a part of a report (工作回顾, 主要目标).
_PLAIN_WORDS = "工作|目标|任务|回顾|基础|成效|措施|建议|安排|计划|要点|展望"

# A heading at the start of a line. The named group says which numbering style it uses.
HEADING_RE = _re.compile(
    rf"""
    ^[ \t\u3000\u00a0]*                              # indentation
    (?:
        (?P<chapter>第(?P<chapter_n>[{_CN}\d]+)(?P<chapter_kind>[编篇章]))  # 第一章, 第二篇
      | (?P<subchapter>第(?P<subchapter_n>[{_CN}\d]+)节)                   # 第一节
      | (?P<article>第(?P<article_n>[{_CN}\d]+)条)                          # 第一条
      | (?P<annex>附件(?P<annex_n>\d*|[{_CN}]*))(?=[：:\s]|$)               # 附件, 附件1：
      | (?P<cn>(?P<cn_n>[{_CN}]+)[、．.])                                   # 一、
      | (?P<paren_cn>[（(](?P<paren_cn_n>[{_CN}]+)[）)])                    # （一）
      | (?P<arabic>(?P<arabic_n>\d{{1,2}})(?:[.．](?!\d)|、))               # 1. 1． 1、
      | (?P<paren_arabic>[（(](?P<paren_arabic_n>\d{{1,2}})[）)])           # （1）
      | (?P<circled>(?P<circled_n>[①②③④⑤⑥⑦⑧⑨⑩]))                          # ①
      | (?P<plain>(?P<plain_n>)                                           # an unnumbered heading:
          (?=[^\n，,。；;：:！!？?、]{{0,14}}                              # a short line without punctuation
             (?:{_PLAIN_WORDS})                                         # naming a part of a report
             [ \t\u3000]*$))
    )
    (?P<title>[^\n]*)                                # the rest of the line
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# A 一、 or （一） heading run into a line after the end of a sentence: "…如下。一、目标". The match
# opens with that punctuation (matched, not looked behind for, so that a scan can seek it); the
# heading starts at ``m.start("cn")`` or ``m.start("paren_cn")``.
RUN_IN_HEADING_RE = _re.compile(
    rf"""
    [。；;：:！？!?”]                               # the end of a sentence or a colon
    [ \t\u3000]*                                     # optional space
    (?:
        (?P<cn>(?P<cn_n>[{_CN}]{{1,3}})、)           # 二、
      | (?P<paren_cn>[（(](?P<paren_cn_n>[{_CN}]{{1,3}})[）)])  # （二）
    )
    (?=(?P<title>[^\n]{{0,80}}))                       # the title, read ahead without consuming
    """,
    regex.VERBOSE,
)

_STYLES = (
    "plain", "chapter", "subchapter", "article", "annex",
    "cn", "paren_cn", "arabic", "paren_arabic", "circled",
)
# (style, index in HEADING_RE's groups()) for each style, in the order of _STYLES.
_STYLE_GROUPS = tuple((s, HEADING_RE.groupindex[s] - 1) for s in _STYLES)
_FIXED_RANK = {"plain": 0, "annex": 0, "chapter": 1, "subchapter": 2}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_TITLE_MAX = 30
_SPLIT_TITLE_RE = _re.compile(r"[。；;！!？?，,：:]|\x20(?=\S{6})")


@dataclass(slots=True)
class _Heading:
    style: str
    number: int
    start: int
    heading: str
    run_in: bool


@functools.lru_cache(maxsize=512)  # a few hundred distinct numbers cover most documents
def _ordinal(style: str, raw: str) -> int:
    if style == "circled":
        return _CIRCLED.index(raw) + 1
    if style in ("annex", "plain"):
        value = parse_number(raw) if raw else 1.0
    else:
        value = parse_number(raw)
    return int(value) if value is not None else 0


def _short_title(marker: str, title: str, style: str) -> str:
    """The heading as a label: the marker and its title, cut at the first sentence end or, for a
    numbered paragraph that runs on, at the first comma once the title is long enough."""
    title = title.strip()
    if style == "plain":
        return title.strip()
    if style == "article":
        return marker  # 第一条 carries its text, not a title
    if style in ("chapter", "subchapter", "annex"):
        return (marker + (" " + title if title and style != "annex" else title)).strip()[:_TITLE_MAX + 6]
    m = _SPLIT_TITLE_RE.search(title)
    if m:
        title = title[: m.start()]
    return (marker + title[:_TITLE_MAX]).strip()


# Where HEADING_RE can match: a line whose first character after its indentation opens a numbered
# heading (第, 附, 一, 1, （, ①), or a line that ends with an unnumbered heading's closing word.
# Both are found by a scan that seeks one character or word; trying HEADING_RE at every line start
# costs about three times as much, and most lines are body text.
_NUMBERED_LINE_RE = _re.compile(rf"\n[ \t\u3000\u00a0]*[第附{_CN}\d（(①②③④⑤⑥⑦⑧⑨⑩]")
_PLAIN_LINE_RE = _re.compile(rf"(?:{_PLAIN_WORDS})[ \t\u3000]*$", regex.MULTILINE)


def _line_matches(text: str) -> list[regex.Match[str]]:
    """The matches of HEADING_RE, in order: the same as its ``finditer``, tried only at the line
    starts where it can match."""
    starts = {0}
    starts.update(m.start() + 1 for m in _NUMBERED_LINE_RE.finditer(text))
    starts.update(text.rfind("\n", 0, m.start()) + 1 for m in _PLAIN_LINE_RE.finditer(text))
    return [m for m in map(functools.partial(HEADING_RE.match, text), sorted(starts)) if m]


def _candidates(text: str) -> list[_Heading]:
    found: list[_Heading] = []
    for m in _line_matches(text):
        groups = m.groups()
        style = next(s for s, i in _STYLE_GROUPS if groups[i] is not None)
        title = m.group("title")
        if style in ("cn", "arabic") and not title.strip():
            continue  # a bare "1、" or "一、" is a list fragment, not a heading
        if style == "cn" and title[:1] in _CN + "是":
            continue  # "二、三产业" or "一是": a list, not a heading
        if style == "article" and title[:1] not in " \t\u3000　":
            # 第一条 is a heading only when a space or line follows: "第一条 为了…"
            if title and not title[:1].isspace():
                continue
        found.append(_Heading(style, _ordinal(style, m.group(style + "_n")), m.start(style),
                              _short_title(m.group(style), title, style), run_in=False))
    for m in RUN_IN_HEADING_RE.finditer(text):
        style = "cn" if m.group("cn") else "paren_cn"
        title = m.group("title")
        if not title.strip() or title[:1] in _CN + "是":
            continue
        found.append(_Heading(style, _ordinal(style, m.group(style + "_n")), m.start(style),
                              _short_title(m.group(style), title, style), run_in=True))
    found.sort(key=lambda h: h.start)
    return found


def parse_sections(text: str) -> tuple[Section, ...]:
    """Find the headings of ``text`` and return one :class:`Section` per heading, in order.

    Each section runs from its heading to the next heading at the same or a higher level (or the
    end of the text); ``path`` holds the chain of headings from the top. Run-in headings are kept
    only when they continue an open sequence (二、 after 一、) or start one (一、).

    >>> secs = parse_sections("现将情况汇报如下。一、目标\\n内容。二、措施\\n1.强化服务\\n做法。")
    >>> [s.label for s in secs]
    ['一、目标', '二、措施', '二、措施 > 1.强化服务']
    >>> parse_sections("一、二、三产业比重调整为22.3%、76.4%。")
    ()
    """
    if not isinstance(text, str) or not text:
        return ()
    open_styles: list[str] = []           # styles in nesting order
    stack: list[_Heading] = []            # the open heading of each style
    last_number: dict[str, int] = {}
    kept: list[tuple[_Heading, int, tuple[str, ...]]] = []
    for h in _candidates(text):
        if h.style in _FIXED_RANK:
            # 附件, 第X篇/章 and 第X节 outrank every numbered style: close those opened below them.
            cut = next((i for i, s in enumerate(open_styles)
                        if _FIXED_RANK.get(s, 99) >= _FIXED_RANK[h.style]), len(open_styles))
            del open_styles[cut:]
            del stack[cut:]
            last_number = {s: n for s, n in last_number.items() if s in open_styles or s == h.style}
        if h.run_in:
            expected = last_number.get(h.style, 0) + 1
            if h.number != expected:
                continue
        elif h.style in last_number and h.style in open_styles and h.number not in (
            last_number[h.style] + 1, 1
        ) and h.style not in ("annex", "article"):
            # A numbered line that breaks the sequence (a list item quoting "3.") is not a heading.
            if h.number <= last_number[h.style]:
                continue
        if h.style in open_styles:
            depth = open_styles.index(h.style)
            del open_styles[depth + 1:]
            del stack[depth:]
            for style in list(last_number):
                if style not in open_styles:
                    del last_number[style]
        else:
            open_styles.append(h.style)
        stack.append(h)
        last_number[h.style] = h.number
        kept.append((h, len(stack), tuple(x.heading for x in stack)))
    # A section ends where the next heading at its level or above begins: one pass with a stack of
    # the sections still open, not a scan of the later headings for each (quadratic on long texts).
    ends = [len(text)] * len(kept)
    still_open: list[int] = []
    for i, (h, level, _) in enumerate(kept):
        while still_open and kept[still_open[-1]][1] >= level:
            ends[still_open.pop()] = h.start
        still_open.append(i)
    return tuple(Section(heading=h.heading, level=level, start=h.start, end=end, path=path)
                 for (h, level, path), end in zip(kept, ends, strict=True))


def section_at(sections: Sequence[Section], offset: int) -> str:
    """The label of the innermost section holding ``offset``, or ``""`` outside every section.

    >>> section_at((), 10)
    ''
    """
    return label_at(sections, [s.start for s in sections], offset)


def label_at(sections: Sequence[Section], starts: Sequence[int], offset: int) -> str:
    """:func:`section_at` with the sections' start offsets computed once by the caller."""
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0:
        s = sections[i]
        if s.start <= offset < s.end:
            return s.label
        i -= 1
    return ""
