"""Small text fixers, one concern each, registered by name (the ftfy ``FIXERS`` idea).

Every fixer is a pure ``str -> str`` function that repairs one kind of scraping damage and leaves
everything else alone; applying it twice changes nothing more. The text a researcher reads keeps
its Chinese punctuation: nothing here runs NFKC or ftfy over the whole text.

:data:`FIXERS` maps each name to its function, in the order :func:`policytext.clean.clean` applies
them; :class:`policytext.clean.CleanConfig` switches them on and off by those names.

>>> fix_text("2016年是““十三五””开局之年，投入7 4 7 7 2 亿元")
'2016年是“十三五”开局之年，投入74772亿元'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Fixer = Callable[[str], str]

# -------------------------------------------------------------------------------- one line each

# zero-width space, non-joiner and joiner; word joiner; a byte-order mark inside the text; soft hyphen
ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
NBSP_RE = re.compile(r"[\u00a0\u2007\u202f]")  # no-break spaces of every width


def remove_zero_width(text: str) -> str:
    """Delete zero-width characters and turn no-break spaces into plain spaces.

    >>> remove_zero_width("十四五\\u200b规划\\u00a0")
    '十四五规划 '
    >>> remove_zero_width("全角空格　保留")
    '全角空格　保留'
    """
    return NBSP_RE.sub(" ", ZERO_WIDTH_RE.sub("", text))


DOUBLED_QUOTES_RE = re.compile(
    r"""
    (?P<open>“{2,}|‘{2,})        # two or more opening quotes, as scrapers double them
    (?P<inner>[^“”‘’\n]{1,40})   # a short quoted phrase
    (?P<close>”{2,}|’{2,})       # two or more closing quotes
    """,
    re.VERBOSE,
)


def undouble_quotes(text: str) -> str:
    """““十三五”” becomes “十三五”; a single pair is left alone.

    >>> undouble_quotes("2016年是““十三五””开局之年")
    '2016年是“十三五”开局之年'
    >>> undouble_quotes("“十三五”规划")
    '“十三五”规划'
    """

    def one(match: re.Match[str]) -> str:
        return match.group("open")[0] + match.group("inner") + match.group("close")[0]

    return DOUBLED_QUOTES_RE.sub(one, text)


SPLIT_DIGITS_RE = re.compile(
    r"""
    (?<![\d.．])                   # not inside a longer number
    (?P<digits>\d(?:[ \u00a0]\d){2,})   # three or more single digits, one space apart
    [ \u00a0]?                     # at most one space before
    (?=[万亿千百%％\u4e00-\u9fff])  # a multiplier, a percent sign or a Chinese unit word
    """,
    re.VERBOSE,
)


def join_split_digits(text: str) -> str:
    """Digits a scraper spaced out are joined: ``7 4 7 7 2 亿元`` becomes ``74772亿元``.

    >>> join_split_digits("地区生产总值7 4 7 7 2 亿元")
    '地区生产总值74772亿元'
    >>> join_split_digits("第 1 2 名")  # two digits only: could be two numbers
    '第 1 2 名'
    >>> join_split_digits("编号 2019 2020 2021")
    '编号 2019 2020 2021'
    """
    return SPLIT_DIGITS_RE.sub(lambda m: re.sub(r"[ \u00a0]", "", m.group("digits")), text)


GARBLED_ELLIPSIS_RE = re.compile(r"„„|\.{6}|。{3,}")  # GBK ellipsis read as cp1252; six dots


def fix_garbled_ellipsis(text: str) -> str:
    """The ellipsis ``……`` that a wrong code page turned into ``„„`` is put back.

    >>> fix_garbled_ellipsis("参观了旧居„„缅怀了烈士")
    '参观了旧居……缅怀了烈士'
    >>> fix_garbled_ellipsis("等等……")
    '等等……'
    """
    return GARBLED_ELLIPSIS_RE.sub("……", text)


# -------------------------------------------------------------------------------- across lines

#: Endings of a document's genre, which close a title (``…的实施意见``).
GENRE_WORDS = (
    "实施意见", "指导意见", "意见", "通知", "通告", "公告", "通报", "报告", "汇报", "规划", "纲要",
    "方案", "办法", "细则", "条例", "决定", "规定", "要点", "提纲", "行动计划", "计划", "措施",
    "批复", "函", "体会", "讲话", "总结", "指南", "清单", "目录", "决议", "说明", "情况",
    "答复", "复函", "建议", "提案", "命令", "令", "公报", "议案", "请示", "纪要",
)
GENRE_END_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, GENRE_WORDS), key=len, reverse=True)) + r")"
    r"(?:[（(][^（）()]{1,20}[）)])?$"   # an optional （试行） or （2021—2023年）
)
HEADING_START_RE = re.compile(
    r"""
    ^\s*(?:
        第[一二三四五六七八九十百零〇\d]+[章节条篇部分款]        # 第三章, 第十条, 第二篇
      | [一二三四五六七八九十百]+\s*[、.．]                     # 一、
      | [（(]\s*[一二三四五六七八九十百\d]+\s*[)）]            # （一） (1)
      | \d{1,2}\s*[、.．](?!\d)                               # 1、 1. 1．
      | [①-⑳⑴-⒇]                                           # circled numbers
      | 附\s*[件表录]|附[:：]                                 # 附件, 附表, 附：
      | [-—―–]{1,2}|[•·●■◆◇○□▲►※]                         # dashes and bullets of a list
      | [一二三四五六七八九十]是                              # 一是, 二是
      | (?:任务)?专栏\s*\d+ | [表图]\s*\d+(?!\d)              # 专栏5, 表1, 图2
    )
    """,
    re.VERBOSE,
)
SENTENCE_PUNCT_RE = re.compile(r"[。！？；!?;]")
CLAUSE_PUNCT_RE = re.compile(r"[，、,：:。；;]")
# A line can be cut here: after a Chinese character, a letter, a digit, a comma or a 、.
OPEN_END_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9，、,]$")
CONTINUES_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9，。、；：,.;:）)”’%％]")
_NUMERAL = r"[\d〇零一二三四五六七八九十○Ｏ０-９\s]"
DATE_LINE_RE = re.compile(rf"^[（(]?\s*{_NUMERAL}{{2,4}}年{_NUMERAL}{{1,3}}月{_NUMERAL}{{1,3}}日\s*[)）]?$")
ORG_END_RE = re.compile(
    r"(?:政府|委员会|办公室|办公厅|人大|政协|局|厅|部|委|院|办|会|处|室|中心|公司|集团|小组)$"
)


# an addressee line: 各区人民政府，市政府各部门： — offices, then a colon that ends the line
ADDRESSEE_RE = re.compile(
    r"""
    (?:各|全体|有关|市|区|县|省|本)?              # 各区人民政府 …
    [^。！？；;!?：:]{1,80}?                    # … the offices addressed, no sentence end
    (?:政府|部门|单位|机构|委员会|委|办|局|厅|院|会|公司|企业|学校|同志|代表|委员|市|区|县|镇|街道|处|室|
       中心|管委会|集团|们)
    [:：]                                        # … and the colon closing the line
    """,
    re.VERBOSE,
)
# a title complete on its own line: its issuer, 关于 and its genre (合肥市人民政府办公室关于…的通知)
WHOLE_TITLE_RE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?:" + ORG_END_RE.pattern.rstrip("$") + r")(?:关于|印发|转发|批转).{4,}"
)


def ends_title(line: str) -> bool:
    """A line that closes a title: it ends with the genre (…的通知, …规划（2021—2025年）) and holds no
    clause, so the line after it starts something new (an addressee, a number, the body).

    >>> ends_title("关于加强城市管理工作的意见"), ends_title("按照国家有关规划")
    (True, True)
    >>> ends_title("各部门要根据本地区实际，认真编制规划")
    False
    """
    return bool(GENRE_END_RE.search(line)) and not CLAUSE_PUNCT_RE.search(line)


def is_addressee(line: str) -> bool:
    """The addressee line under a title: offices and a closing colon.

    >>> is_addressee("各区人民政府，市政府各部门：")
    True
    >>> is_addressee("各县（市）、区人民政府，市政府各部门、各直属机构：")
    True
    >>> is_addressee("现将有关事项通知如下："), is_addressee("主要目标：")
    (False, False)
    """
    return line.endswith(("：", ":")) and len(line) <= 90 and ADDRESSEE_RE.fullmatch(line) is not None


def is_heading(line: str) -> bool:
    """A numbered or bulleted heading, short and without a full stop inside.

    >>> is_heading("（一）创新要素加速汇聚"), is_heading("1.扩大优势产品出口。建立清单，深化理解。")
    (True, False)
    """
    line = line.strip()
    return bool(HEADING_START_RE.match(line)) and len(line) <= 40 and not SENTENCE_PUNCT_RE.search(line[:-1])


TITLE_PIECE_RE = re.compile(r"[\u4e00-\u9fff“《（(][^。！？；!?;，,：:]*[\u4e00-\u9fff”》）)]")


def title_run(lines: Sequence[str], max_lines: int = 4) -> int:
    """How many leading ``lines`` make one title broken across lines: 2 to ``max_lines``, or 0.

    The pieces have no punctuation but 、 and quotes, none is a heading, a date or a document
    number, and only the last ends with the document's genre (意见, 通知, 答复, …); a title whose
    first piece is an office (国务院办公厅) goes on with 关于.

    >>> title_run(["国务院办公厅关于全面推行", "行政执法公示制度的", "指导意见", "国办发〔2018〕118号"])
    3
    >>> title_run(["国务院办公厅", "关于四川省所提问题和建议办理情况的函"])
    2
    >>> title_run(["杨浦建设国家创新型试点城区工作汇报", "上海市科学技术委员会"])
    0
    """
    for n, line in enumerate(lines[:max_lines], start=1):
        if not TITLE_PIECE_RE.fullmatch(line) or HEADING_START_RE.match(line) or DATE_LINE_RE.match(line) \
                or re.search(r"\d+\s*号$", line) or re.search(r"[_|｜]", line):
            return 0  # a heading, a date, a number, or a browser title's separators (…_栏目_站名)
        if GENRE_END_RE.search(line):
            pieces = lines[:n]
            whole = "".join(pieces)
            ok = n >= 2 and len(pieces[0]) >= 4 and 14 <= len(whole) <= 120 \
                and (not ORG_END_RE.search(pieces[0]) or pieces[1].startswith("关于")
                     or bool(re.search(r"关于|对|转发|印发|批转", pieces[0])))
            # not menu items above a title: a last piece whole on its own (issuer + 关于 + genre), or
            # one opening with 关于 under something that is not its issuer, or two short pieces
            if not ok:
                return 0
            whole_last = bool(WHOLE_TITLE_RE.match(line)) or (
                line.startswith("关于") and not ORG_END_RE.search(pieces[-2]))
            menu_like = sum(len(piece) <= 6 for piece in pieces[:-1]) >= 2
            return 0 if whole_last or menu_like else n
    return 0


def _title_wrap(first: str, second: str) -> bool:
    """A title broken in two: ``关于…推进创新型试点城`` + ``区建设的实施意见``."""
    return title_run([first, second], max_lines=2) == 2


def _body_wrap(first: str, second: str) -> bool:
    """Running text cut at the end of a line: the first line stops inside a sentence."""
    if not OPEN_END_RE.search(first) or not CONTINUES_RE.match(second):
        return False
    if ends_title(first) or is_addressee(second) or (ends_title(second) and WHOLE_TITLE_RE.match(second)):
        return False  # a title is never run into its addressee or the line after it, nor into a line above
    if is_heading(first) or HEADING_START_RE.match(second) or DATE_LINE_RE.match(second):
        return False
    if HEADING_START_RE.match(SENTENCE_PUNCT_RE.split(first)[-1]):
        return False  # the line ends with a heading run into it: "…如下。一、目标"
    if not ((len(first) >= 20 and CLAUSE_PUNCT_RE.search(first)) or len(first) >= 30):
        return False
    # a short signature line (an office, a name) after a sloppy last sentence is not a wrap
    if len(second) < 15 and not CLAUSE_PUNCT_RE.search(second):
        return first.endswith(("，", "、", ",")) or bool(re.match(r"^[\u4e00-\u9fff]{1,3}[。；]$", second))
    return True


def can_join(first: str, second: str, title_zone: bool = False) -> bool:
    """Whether ``second`` continues ``first`` across a wrap; a broken title only in the title zone.

    >>> can_join("有关部门各司其职，加强统筹协调，形成工作合力，有关部门各", "司其职、密切配合。")
    True
    >>> first, second = "推进创新型试点城", "区建设的实施意见"
    >>> can_join(first, second), can_join(first, second, title_zone=True)
    (False, True)
    """
    if not (first and second):
        return False
    return _body_wrap(first, second) or (title_zone and _title_wrap(first, second))


def wrap_joins(lines: Sequence[str], title_zone: int = 5) -> list[list[int]]:
    """Group line indexes into the lines they make once wrapped lines are joined.

    ``title_zone`` is how many leading lines may hold a title broken in two.

    >>> wrap_joins(["关于打造人才高地推进创新型试点城", "区建设的实施意见", "一、指导思想", "高举旗帜。"])
    [[0, 1], [2], [3]]
    """
    groups: list[list[int]] = []
    current = ""
    i = 0
    while i < len(lines):
        run = title_run(lines[i:]) if len(groups) < title_zone else 0
        if run:
            groups.append(list(range(i, i + run)))
            current = "".join(lines[i:i + run])
            i += run
            continue
        if groups and can_join(current, lines[i]):
            groups[-1].append(i)
            current += lines[i]
        else:
            groups.append([i])
            current = lines[i]
        i += 1
    return groups


def join_broken_lines(text: str) -> str:
    """Join a line that a scraper or a PDF cut inside a word with the line that continues it.

    Headings, list items, signatures and dates are never joined; a line is joined only when it
    stops inside a sentence (no full stop, a clause already under way) or when it is the first
    half of a title whose second half ends with the document's genre (意见, 通知, 规划, …).

    >>> print(join_broken_lines("坚持党管人才原则，加强和完善党委统一领导，有关部门各\\n司其职、密切配合。"))
    坚持党管人才原则，加强和完善党委统一领导，有关部门各司其职、密切配合。
    >>> print(join_broken_lines("一、指导思想\\n高举中国特色社会主义伟大旗帜。"))
    一、指导思想
    高举中国特色社会主义伟大旗帜。
    >>> print(join_broken_lines("杨浦建设国家创新型试点城区工作汇报\\n上海市科学技术委员会"))
    杨浦建设国家创新型试点城区工作汇报
    上海市科学技术委员会
    """
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join("".join(lines[i] for i in group) for group in wrap_joins(lines))


# -------------------------------------------------------------------------------- registry

#: Line-local fixers, by name, in the order they run.
LINE_FIXERS: dict[str, Fixer] = {
    "remove_zero_width": remove_zero_width,
    "fix_garbled_ellipsis": fix_garbled_ellipsis,
    "undouble_quotes": undouble_quotes,
    "join_split_digits": join_split_digits,
}
#: Every fixer, by name, in the order :func:`policytext.clean.clean` runs them.
FIXERS: dict[str, Fixer] = {**LINE_FIXERS, "join_broken_lines": join_broken_lines}


def fix_text(text: str, names: Sequence[str] | None = None) -> str:
    """Apply the named fixers (all of them by default) in registry order.

    >>> fix_text("““十三五””", names=["remove_zero_width"])
    '““十三五””'
    """
    chosen = FIXERS if names is None else {n: FIXERS[n] for n in FIXERS if n in set(names)}
    if names is not None:
        unknown = sorted(set(names) - set(FIXERS))
        if unknown:
            from policytext.errors import ConfigError

            raise ConfigError(f"unknown fixer(s) {unknown}; known: {', '.join(FIXERS)}")
    for fixer in chosen.values():
        text = fixer(text)
    return text
