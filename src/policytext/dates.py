"""Dates and 文号 as Chinese policy documents write them.

:func:`parse_date` reads 2021年7月27日, 二〇二一年七月二十七日 and 2021-07-27 alike; :func:`date_line`
tells whether a whole line is a date (a signature date, a dated speech, an adoption note);
:func:`find_doc_number` reads a 文号 (杨府发〔2021〕3号 and its bracket variants, 国务院令第735号) that
stands on a line of its own.
"""

from __future__ import annotations

import re

__all__ = ["DATE_RE", "DOCNO_RE", "FULLWIDTH", "date_line", "find_doc_number", "parse_date"]

FULLWIDTH = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:")
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "О": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "〇零○ＯOО一二三四五六七八九"

DATE_RE = re.compile(
    rf"""
    (?P<y>(?:19|20)\d\d|[{_CN_YEAR}]{{4}}) \s* 年 \s*     # 2021年 / 二〇二一年
    (?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九]) \s* 月 \s*
    (?P<d>\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) \s* 日
    |
    (?P<y2>(?:19|20)\d\d) \s* (?P<sep>[-/.]) \s*         # 2021-07-27 / 2021/7/27 / 2021.7.27
    (?P<m2>\d{{1,2}}) \s* (?P=sep) \s* (?P<d2>\d{{1,2}}) (?!\d)
    """,
    re.VERBOSE,
)


def _cn_number(text: str) -> int:
    """二十七 -> 27, 十 -> 10, 07 -> 7; digits pass through."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT.get(text, 0)


def _iso(match: re.Match[str]) -> str | None:
    if match.group("y"):
        y_text = match.group("y")
        year = int(y_text) if y_text.isdigit() else int("".join(str(_CN_DIGIT[c]) for c in y_text))
        month, day = _cn_number(match.group("m")), _cn_number(match.group("d"))
    else:
        year, month, day = int(match.group("y2")), int(match.group("m2")), int(match.group("d2"))
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str | None) -> str | None:
    """The first full date in ``text`` as ISO ``yyyy-mm-dd``; masked years give ``None``.

    >>> parse_date("2021年7月27日"), parse_date("二〇二一年七月二十七日"), parse_date("发布时间: 2023-06-20")
    ('2021-07-27', '2021-07-27', '2023-06-20')
    >>> parse_date("201*年1月10日") is None, parse_date("2021年") is None
    (True, True)
    """
    if not text:
        return None
    for match in DATE_RE.finditer(text.translate(FULLWIDTH)):
        iso = _iso(match)
        if iso:
            return iso
    return None


# A line that is only a date, perhaps in brackets or after a dash: "(2024年3月18日)", "2021年7月27日".
DATE_LINE_RE = re.compile(
    r"^[\s(（〔\[—–－\-]*(?P<date>[^\s()（）]+?)[\s)）〕\]]*(?:印发|发布|通过)?[\s)）]*$"
)
# A speech or report dated on its second line: "——2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上".
# An adoption note below a title: "（2021年1月27日上海市第十五届人民代表大会第五次会议批准）".
ADOPTED_DATE_RE = re.compile(
    r"^[\s(（]*(?P<date>\S{6,16}?日)\S{0,60}?(?:通过|批准|修正|修订|公布|印发|发布)[\s)）]*$"
)
SPEECH_DATE_RE = re.compile(
    r"^[\s(（—–－\-]*(?P<date>\S{6,16}?日)\s*(?:在|于).{2,60}(?:会议|大会|会)上?[\s)）]*$"
)


# A note in brackets after a signature date: 2022年3月15日（此件公开发布）
_DATE_NOTE_RE = re.compile(r"(?<=日)\s*[（(][^（）()]{2,12}[）)]\s*$")


def date_line(line: str) -> str | None:
    """ISO date when the whole line is a date (or a dated speech line), else ``None``.

    >>> date_line("2021年7月27日"), date_line("（2024年3月18日）"), date_line("2022年3月15日（此件公开发布）")
    ('2021-07-27', '2024-03-18', '2022-03-15')
    >>> date_line("2021年7月27日区政府召开常务会议") is None
    True
    """
    line = _DATE_NOTE_RE.sub("", line.translate(FULLWIDTH))
    for pattern in (DATE_LINE_RE, SPEECH_DATE_RE, ADOPTED_DATE_RE):
        match = pattern.match(line)
        if match:
            found = DATE_RE.fullmatch(match.group("date").replace(" ", ""))
            if found:
                return _iso(found)
    return None


# ------------------------------------------------------------------------------------ 文号

DOCNO_RE = re.compile(
    r"""
    (?P<no>
      [\u4e00-\u9fffA-Za-z]{1,16}?                   # 发文机关代字: 杨府发, 国办发, 沪府规, 杨委
      \s*[〔【\[［(（﹝]\s*(?:19|20)\d\d\s*[〕】\]］)）﹞]  # 〔2021〕 and its bracket variants
      \s*第?\s*\d{1,5}\s*号                           # 3号, 第26号
    |
      [\u4e00-\u9fff]{2,20}(?:令|公告)\s*第\s*\d{1,5}\s*号   # 国务院令第735号, …常务委员会公告第58号
    )
    """,
    re.VERBOSE,
)
_DOCNO_LINE_RE = re.compile(r"^\s*[（(]?\s*" + DOCNO_RE.pattern + r"\s*[）)]?\s*$", re.VERBOSE)


def find_doc_number(line: str) -> str | None:
    """The 文号 when ``line`` holds nothing else (a document's own number stands on its own line;
    numbers cited in running text are other documents').

    >>> find_doc_number("杨府发〔2021〕3号 "), find_doc_number("杨委【2024】26号")
    ('杨府发〔2021〕3号', '杨委【2024】26号')
    >>> find_doc_number("国发[2019]5号"), find_doc_number("国务院令第735号")
    ('国发[2019]5号', '国务院令第735号')
    >>> find_doc_number("上海市人民代表大会常务委员会公告第58号")
    '上海市人民代表大会常务委员会公告第58号'

    >>> find_doc_number("根据《意见》（国发〔2019〕5号）要求，制定本方案。") is None
    True
    """
    match = _DOCNO_LINE_RE.match(line.replace("\xa0", " ").translate(FULLWIDTH))
    return re.sub(r"\s+", "", match.group("no")) if match else None
