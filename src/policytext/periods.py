"""Five-year-plan periods (十五 … 十五五): from a year, and for a document from its title, its date
and the periods its body names."""

from __future__ import annotations

import re
from collections import Counter

from policytext.model import PERIODS

__all__ = ["ORDINAL_PERIOD", "PERIOD_RE", "PERIOD_STARTS", "decide_period", "period_of_year", "period_order",
           "period_years", "plan_period"]

_CHINESE_DIGITS = "〇一二三四五六七八九"
# The first year of each period of the CONTRACT vocabulary, and the period a 第N个五年 names.
PERIOD_STARTS = {"十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021,
                 "十五五": 2026}
ORDINAL_PERIOD = {"十": "十五", "十一": "十一五", "十二": "十二五", "十三": "十三五", "十四": "十四五",
                  "十五": "十五五"}
PERIOD_RE = re.compile(
    r"""
    [“"‘]{1,2}(?P<q>十[一二三四五]?五)[”"’]{1,2}                      # “十四五”, ““十三五””
    | (?<![第\d一二三四五六七八九十])(?P<b>十[一二三四五]?五)(?=规划|计划|时期|期间|末|初|以来|开局|收官|发展)
    | 第(?P<ord>十[一二三四五]?)个五年(?:规划|计划)
    | (?P<y1>20[0-3]\d)\s*[-—–－~至到]\s*(?P<y2>20[0-3]\d)\s*年
    """,
    re.VERBOSE,
)
_TITLE_YEARS_RE = re.compile(
    r"(?<!\d)(?P<y1>(?:19|20)\d\d)(?:\s*[-—–－~至到]\s*(?P<y2>(?:19|20)\d\d))?(?!\d)"
)
# A work plan or review is dated within a year or two of the year its title names (2016年工作要点,
# 关于2019年…情况的报告); a title year further from a trusted date names an event (申办2009年…运动会).
_TITLE_YEAR_SLACK = 2
_TARGET_BEFORE_RE = re.compile(r"(?:到|至|截至|力争|预计|争取|前|～|-|—|－)\s*$")
_YEAR_RE = re.compile(r"(?<![\d*])((?:19|20)\d\d)年")
_FORWARD_RE = re.compile(r"纳入|编制|谋划|前期研究|起草|即将")
_CONGRESS_RE = re.compile(r"(?:党的)?(?P<n>十[六七八九]|二十)(?:大|届)")
_CONGRESS_YEAR = {"十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022}


def period_of_year(year: int) -> str | None:
    """The five-year-plan period a year falls in, within the CONTRACT vocabulary (十五 … 十五五);
    :func:`plan_period` names every plan since the first.

    >>> period_of_year(2010), period_of_year(2021), period_of_year(1999)
    ('十一五', '十四五', None)
    """
    period = plan_period(year)
    return period if period in PERIODS else None


def _chinese_number(n: int) -> str:
    """1..99 in Chinese numerals as plan names use them: 9 -> 九, 10 -> 十, 12 -> 十二, 20 -> 二十."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[units] if units else "")


def plan_period(year: int | None) -> str | None:
    """The five-year-plan period a year falls in, named as documents name it.

    The first plan ran 1953–1957 and the second 1958–1962; 1963–1965 were years of adjustment
    outside any plan (``None``); from the third plan (1966–1970) on every plan covers five years.

    >>> plan_period(2015), plan_period(2016), plan_period(2021), plan_period(2026)
    ('十二五', '十三五', '十四五', '十五五')
    >>> plan_period(2003), plan_period(1998), plan_period(1955)
    ('十五', '九五', '一五')
    >>> plan_period(1964) is None, plan_period(None) is None
    (True, True)
    """
    if year is None:
        return None
    year = int(year)
    if 1953 <= year <= 1962:
        number = (year - 1953) // 5 + 1
    elif year >= 1966:
        number = (year - 1966) // 5 + 3
    else:
        return None
    return _chinese_number(number) + "五"


def period_years(period: str | None) -> tuple[int, int] | None:
    """The first and last year of a five-year-plan period (``None`` if it is not one).

    >>> period_years("十四五"), period_years("十五"), period_years("一五"), period_years("其他")
    ((2021, 2025), (2001, 2005), (1953, 1957), None)
    """
    number = period_order(period)
    if number == 10_000 or number < 1:
        return None
    start = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return (start, start + 4)


def period_order(period: str | None) -> int:
    """A sort key putting periods in time order (unknown ones last).

    >>> sorted(["十四五", "十二五", "九五", "十三五"], key=period_order)
    ['九五', '十二五', '十三五', '十四五']
    """
    if not period or not period.endswith("五"):
        return 10_000
    digits = period[:-1]
    value = 0
    for char in digits:
        if char == "十":
            value = (value or 1) * 10
        elif char in _CHINESE_DIGITS:
            value += _CHINESE_DIGITS.index(char)
        else:
            return 10_000
    return value


def _shift(period: str, step: int) -> str | None:
    i = PERIODS.index(period) + step
    return PERIODS[i] if 0 <= i < len(PERIODS) else None


def decide_period(text: str, title: str | None, date: str | None,
                  date_trusted: bool = True) -> tuple[str | None, str]:
    """Weigh the document's date against the periods its text names; returns (period, evidence).

    Votes: a period in the title 6; a year or range of years in the title 4 (none when more than
    two years from a trusted date: 申办2009年…运动会 in a 2004 letter names an event); the
    document's own date 3 (none when the year is scrubbed). Periods the body names count 1 each (2
    when marked as the current one: 开局之年, 收官之年; 1 for the period before when the text is
    still preparing the plan: 纳入/编制…规划), but only 0.2 when a trusted date exists, since a
    dated text mostly names other periods to review or to look ahead. With none of these, the year
    the body names most often outside target phrases (到2025年; 0.25, not when years are scrubbed)
    and the latest party congress named (十八大 …, 0.25 for the period after it, and a lower bound
    for the year) decide. Ties go to the earlier period.

    >>> decide_period("2016年是“十三五”开局之年。", None, "2016-05-06")[0]
    '十三五'
    >>> decide_period("“十二五”时期成绩显著，“十二五”圆满收官。", None, "2016-02-19")[0]
    '十三五'
    >>> decide_period("争取纳入第十二个五年规划。", None, None)[0]
    '十一五'
    >>> decide_period("正文。", "关于申办2009年冬季运动会的复函", "2004-04-27")[0]
    '十五'
    >>> decide_period("没有任何时间线索。", None, None)
    (None, 'no date and no period named')
    """
    votes: dict[str, float] = {}
    why: list[str] = []

    def vote(period: str | None, weight: float, reason: str) -> None:
        if period in PERIODS:
            votes[period] = votes.get(period, 0.0) + weight
            why.append(f"{reason} -> {period} +{weight}")

    dated = bool(date and date_trusted)
    if title:
        for match in PERIOD_RE.finditer(title):
            vote(_period_of_match(match), 6, f"title “{match.group(0)}”")
        for match in _TITLE_YEARS_RE.finditer(title):   # 2016年工作要点, 行动计划（2021—2023年）
            first, last = int(match.group("y1")), int(match.group("y2") or match.group("y1"))
            if date and date_trusted and abs(first - int(date[:4])) > _TITLE_YEAR_SLACK:
                why.append(f"title year “{match.group(0)}” far from the date: an event, not the text's span")
            elif period_of_year(first) == period_of_year(last):
                vote(period_of_year(first), 4, f"title year “{match.group(0)}”")
    if date and dated:
        vote(period_of_year(int(date[:4])), 3, f"date {date}")
    scale = 0.2 if dated else 1.0
    for match in PERIOD_RE.finditer(text):
        period = _period_of_match(match)
        if period is None:
            continue
        clause = re.split(r"[，。；：、,;:]", text[max(0, match.start() - 20):match.start()])[-1]
        after = text[match.end():match.end() + 6]
        if _FORWARD_RE.search(clause) or re.match(r"[”\"’]*规划(?:编制|前期)", after):
            vote(_shift(period, -1), scale, f"prepares “{match.group(0)}”")
        elif re.match(r"[”\"’]*(?:开局|起步|收官|决胜|的第一年|最后一年|第一年)", after):
            vote(period, 2 * scale, f"“{match.group(0)}{after[:3]}”")
        else:
            vote(period, scale, f"mentions “{match.group(0)}”")
    congresses = [_CONGRESS_YEAR[m.group("n")] for m in _CONGRESS_RE.finditer(text)]
    floor = max(congresses) + 1 if congresses else 0
    if floor and not dated:   # a text citing the 十八大 was written after it
        stale = [p for p in votes if PERIOD_STARTS[p] + 4 < floor - 1]
        if stale and len(stale) < len(votes):
            why.append(f"latest party congress named ({floor - 1}) rules out {'、'.join(stale)}")
            for p in stale:
                del votes[p]
    if not votes:
        years = Counter(int(m.group(1)) for m in _YEAR_RE.finditer(text)   # not target years: 到2025年
                        if not _TARGET_BEFORE_RE.search(text[max(0, m.start() - 3):m.start()]))
        year, count = years.most_common(1)[0] if years and date_trusted else (0, 0)
        if count and year >= floor - 1:
            vote(period_of_year(year), 0.25, f"year named most often in the text, targets aside ({year})")
        elif congresses:
            vote(period_of_year(floor), 0.25, f"latest party congress named ({floor - 1})")
    if not votes:
        if date:
            return None, f"date {date} not trusted; no period named"
        return None, "no date and no period named"
    best = max(votes.items(), key=lambda kv: (kv[1], -PERIODS.index(kv[0])))[0]
    return best, "; ".join(_squash_reasons(why))


def _period_of_match(match: re.Match[str]) -> str | None:
    if match.group("q") or match.group("b"):
        return match.group("q") or match.group("b")
    if match.group("ord"):
        return ORDINAL_PERIOD.get(match.group("ord"))
    y1, y2 = int(match.group("y1")), int(match.group("y2"))
    period = period_of_year(y1)
    return period if period and y1 == PERIOD_STARTS[period] and y2 == y1 + 4 else None


def _squash_reasons(reasons: list[str], keep: int = 6) -> list[str]:
    counted = Counter(reasons)
    out = [f"{r} (×{c})" if c > 1 else r for r, c in counted.items()]
    return out[:keep] + ([f"… {len(out) - keep} more"] if len(out) > keep else [])
