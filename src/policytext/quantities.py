"""Numeric targets and reported figures: every quantity with its value, range, unit, qualifier,
indicator, change, kind and year.

The patterns of :mod:`policytext.rules.quantities` find candidate spans; this module rejects the
numbers that are not quantities (dates, years, 文号, list numbers, numbers inside names and slogans),
reads the number with :mod:`policytext.numbers`, and reads its meaning from the clause, sentence,
paragraph and section around it. It never imports a segmenter: everything is decided by the form
of the text, within bounded windows, so extraction is linear in the length of the text.

>>> found = extract_quantities("到2025年，科技企业总量超过4500家。")
>>> [(q.indicator, q.value, q.unit, q.qualifier, q.kind) for q in found]
[('科技企业总量', 4500.0, '家', '>', 'target')]
>>> q = extract_quantities("能耗降低2.5%左右")[0]
>>> (q.value, q.unit, q.qualifier, q.change)
(-2.5, '%', '~', 'growth')
>>> extract_quantities("轨道交通12号线于2016年5月6日开通。")
[]
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import regex

from policytext import _re
from policytext.lexicon import load_lexicon
from policytext.model import Quantity, Section
from policytext.numbers import MULTIPLIERS, multiple_to_percent, parse_fraction, parse_number
from policytext.rules.quantities import (
    DURATIONS,
    FRACTION_RE,
    INDEX_RE,
    MEASURES,
    MULTIPLE_RE,
    NUMBER_UNIT_RE,
    PEOPLE_WAN_RE,
    PERCENT_WORD_RE,
    TABLE_CELL_RE,
    TENTHS_RE,
    UNITS,
)
from policytext.sections import parse_sections

__all__ = ["extract_quantities"]

# ---------------------------------------------------------------- words that carry meaning

# Qualifiers written before the number, longest first (PRC legal drafting, Civil Code art. 1259).
_PRE_QUALIFIERS = (
    ("不低于", ">="), ("不少于", ">="), ("至少", ">="),
    ("不超过", "<="), ("不高于", "<="), ("控制在", "<="), ("最高", "<="), ("最多", "<="),
    ("低于", "<"), ("少于", "<"), ("不到", "<"), ("不足", "<"), ("不满", "<"),
    ("超过", ">"), ("突破", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"), ("逾", ">"), ("超", ">"),
    ("将近", "~"), ("接近", "~"), ("大约", "~"), ("约", "~"), ("近", "~"),
    ("≥", ">="), ("＞", ">"), (">", ">"), ("≤", "<="), ("＜", "<"), ("<", "<"),
)
_NOUN_RULES = ("number_unit", "tenths", "percent_word", "fraction")
_PRE_QUALIFIER_MAP = dict(_PRE_QUALIFIERS)
_PRE_QUALIFIER_RE = _re.compile(
    "(?P<word>" + "|".join(w for w, _ in sorted(_PRE_QUALIFIERS, key=lambda p: -len(p[0]))) + ")了?$"
)
_POST_QUALIFIERS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "上下": "~", "多": "~",
                    "余": "~", "强": "~"}

_SENTENCE_END = "。！!？?\n"
_STRETCH_END = _SENTENCE_END + "；;"        # _starts_before relies on these three being nested
_CLAUSE_END = _STRETCH_END + "，,：:"
_CONNECTORS = "和、及与以及并，,其中 \u3000"
_QUOTE_LEAD_RE = _re.compile(r"(?:以及|其中|[和、及与并，,\s\u3000\-—－–·•●])+")
_MAX_PRE = 40          # how far back a clause may reach from its number
_MAX_SENTENCE = 320    # how far back a sentence may reach
_MAX_QUOTE_PRE = 30    # longest stretch of the clause kept in a quote before the number

_HAN_RE = _re.compile(r"\p{Han}")

# Leading words of a clause that are not part of the indicator (stripped repeatedly).
LEAD_RE = _re.compile(
    r"""^(?:
        [\s\-—－–·•●○◆■□▪>]+                         # bullets and dashes
      | [一二三四五六七八九十]+是                        # 一是
      | [（(]?[一二三四五六七八九十\d]{1,3}[）)、.．](?![一二三四五六七八九十])  # list numbers
      | 其中 | 同时 | 此外 | 另外 | 并且? | 还 | 而 | 从而 | 使
      | 力争 | 争取 | 努力 | 确保 | 预计 | 计划 | 预期 | 拟
      | 全年 | 今年 | 当年 | 本年 | 年内 | 年底前 | 年末 | 年底 | 年初
      | 目前 | 现有 | 已经 | 已 | 共计? | 总共 | 累计
      | 先后 | 相继 | 针对 | 对于
      | 将 | 要 | 到 | 截至 | 截止 | 至
      | (?:\d{4}|\d{3}\*+|\d{2}\*+)年(?:底|末|初|前|上半年|下半年)?(?:的)?
      | 经过这几年的\p{Han}{0,4}
      | 区域内 | 区内 | 全区 | 全市 | 全省 | 全县 | 我区 | 我市 | 本区 | 本市 | 等 | 围绕
      | (?:比|较)(?:上一?年|去年|同期|“[^”]{1,6}”(?:初|末|期末)|(?:\d{4}|\d{3}\*)年(?:初|末|底)?)(?:同期)?
    )""",
    regex.VERBOSE,
)

# Verbs that open a clause and take the counted thing as their object; stripped from the indicator.
_INCREASE_VERBS = (
    "出资组建", "新设立", "新认定", "新入选", "新引进", "新增", "新建", "新培育", "引进", "引入", "培育",
    "认定", "承接", "争取", "安排", "落实", "建立", "建成", "建设", "打造", "设立", "组建", "启动",
    "扶持", "壮大", "发展", "试点", "实现", "扩大", "增加", "新开工", "开工", "创建",
)
_LEVEL_VERBS = (
    "集聚", "聚集", "拥有", "共有", "有", "吸引", "投资", "包含", "推荐", "惠及", "开设", "培训",
    "完成", "收集", "开发", "提供", "接纳", "发放", "获得", "举办", "发布", "组织", "带动", "达到",
    "达", "为", "与", "服务", "帮扶", "指导", "吸纳", "覆盖", "形成", "开展", "作为", "连续",
)
# Statistical indicator names (indicators.tsv, after the NBS yearbooks), longest first.
_INDICATOR_NAMES_RE = _re.compile(
    "|".join(regex.escape(t) for t in sorted(set(load_lexicon("indicators").terms), key=len, reverse=True))
)
_LONG_INDICATOR = 16
_SHARE_AFTER_RE = _re.compile(r"的?比重|占|与|和|及|、|的")  # a share or a list: keep it whole
_LEAD_VERB_RE = _re.compile(
    "^(?:" + "|".join(sorted(_INCREASE_VERBS + _LEVEL_VERBS, key=len, reverse=True)) + ")"
    + r"(?!值|率|量|额|者|业|区|型|化|性|品|用地|体系|设施|功能|中心|机构|平台|能力|水平)(?:了|出|到|至)?"
)
# A noun phrase after a number never opens with a verb: "9.46平方公里拓展到21.42平方公里".
_VERB_OPENING_RE = _re.compile(
    r"(?:拓展|提高|增长|调整|提升|下降|降低|减少|增加|扩大|达到|保持|上升|回落|翻|占|比|较|为|是|到|至|左右|以上|以下"
    r"|建成|完成|实现|开工|竣工|用于|实施|投入使用)"
)
# "保持30%以上的增幅": a rate noun after the number names what the number measures.
_RATE_AFTER_RE = _re.compile(r"的(?P<noun>(?:年均)?(?:增幅|增速|发展速度|增长速度|增长率|比重|份额|速度))")

# Trailing words between an indicator and its number (stripped repeatedly from the end).
TRAIL_RE = _re.compile(
    r"""(?:
        [≥≤＞＜<>]|不低于|不少于|至少|不超过|不高于|控制在|最高|最多|低于|少于|不到|不足|不满|超过|突破|高于|大于
      | 多于|逾|将近|接近|大约|约为|约|近|超
      | 分别为|分别达到|分别增长|分别达|分别
      | 已达到|已经达到|已达|达到了|达到|达|为|是|保持在|稳定在|保持|维持在|控制到|(?<![存现实所])在
      | 提升到|提升至|提高到|提高至|增加到|增加至|增长到|拓展到|扩大到|上升到|上升至
      | 下降到|下降至|降至|降到|降低到|减少到|调整为|调整|控制|增至|升至|达至
      | 应当|(?<![供响相适反效对])应|必须
      | 年均增长|同比增长|比上年增长|增长了|增长|增加了|增加|提高了|提高|提升了|提升|递增|每年递增|上涨|上升
      | 下降了|下降|降低了|降低|减少了|减少|回落
      | 在现有基础上|比上年|较上年|较上一年|比上一年|较去年|比去年|同比|年均|每年|平均|(?<![占之对相])比|较
      | 累计|共计|共|总计|合计|现有|原有|有|拥有|实现|完成|由|从|以|的|了|已经|已|就|也|都|将|要
      | 力争|争取|预计|目标|拟按|按照|按
      | (?:\d{4}|\d{3}\*+)年(?:底|末)?|今年|全年|当年
      | \s+
    )$""",
    regex.VERBOSE | regex.REVERSE,  # searched from the end of the string
)

# "大学用地经过这几年的拓展": an adverbial phrase after the subject is not part of it.
_ADVERBIAL_TAIL_RE = _re.compile(r"(?<=\p{Han}{2})(?:经过|通过|随着|一直|始终)\p{Han}{0,10}$")
_GROWTH_VERB_RE = _re.compile(
    r"(?:增长|递增|增速|增幅|增长率|同比|年均|上涨|涨幅|提速|下降|降低|减少|回落|减|降|增加|提高|上升|提升)了?$"
)
_FALL_RE = _re.compile(r"(?:下降|降低|减少|回落|减|降|压减|缩减)了?(?:超过|超|近|约|逾|达)?$")
_FALL_TO_RE = _re.compile(r"(?:下降|降低|减少|回落|降)(?:到|至|为)$")
_RATE_NOUN_RE = _re.compile(r"(?:增速|增幅|增长率|增长速度|发展速度|速度|涨幅)$")
_GENERIC_INDICATOR_RE = _re.compile(r"^(?:年均)?(?:增速|增幅|增长率|增长|比重|比例|规模|总量|占比)?$")

# Post-number noun phrases stop at these words: "300多家人工智能企业快速发展".
_POST_STOP_RE = _re.compile(
    r"在|于|已|将|被|获|参加|参赛|参与|实现|快速|平稳|稳步|入选|加盟|成为|落户|集群|通过|进行|开展|以|"
    r"共|达|为|是|占|同时|正在|陆续|先后|分布|聚集|集聚|入驻|进驻|纳入|申报|获得|提供|发展|均|"
    r"等|前期|投入|开工|竣工|建成|工程建设|按期|如期|完工|正式|运营|投产|通车|核准|(?<=\p{Han})的|"
    r"[，,。；;：:！!？?\n（(]"
)

# Cues for target (a goal) and actual (a reported fact). Strong cues decide; weak ones break ties.
_TARGET_STRONG_RE = _re.compile(
    r"力争|争取|力求|预期|预计|目标|计划|拟|确保|努力|到(?:\d{4}|\d{3}\*+)年|力促|着力|设想|规划期"
)
_ACTUAL_STRONG_RE = _re.compile(
    r"截至|截止|已经|已达|已有|已|目前|现有(?!基础)|共有|先后|以来|过去|期间|回顾|成效|取得"
)
_TARGET_WEAK_RE = _re.compile(r"将|要|全年|今年|继续|进一步|推动|加快|鼓励|支持|完成|启动")
_ACTUAL_WEAK_RE = _re.compile(
    r"[\p{Han}](?<!为|除|了)了|实现|达到|成为|被|获|首批|比上年|较上年|上年|去年|同期|累计|"
    r"(?<![到至])(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?!底|末)"
)

_STRONG_CUE_RE = _re.compile(
    "(?P<target>" + _TARGET_STRONG_RE.pattern + ")|(?P<actual>" + _ACTUAL_STRONG_RE.pattern + ")",
    regex.REVERSE,
)
_WEAK_CUE_RE = _re.compile(
    "(?P<target>" + _TARGET_WEAK_RE.pattern + ")|(?P<actual>" + _ACTUAL_WEAK_RE.pattern + ")",
    regex.REVERSE,
)
_SECTION_TARGET_RE = _re.compile(
    r"目标|任务|预期|计划|要点|安排|展望|思路|措施|举措|重点|部署|建议|工作打算|今后|未来|下一步"
)
_SECTION_ACTUAL_RE = _re.compile(r"回顾|基础|成效|成绩|成就|现状|进展|情况|取得|总结|发展环境|过去|问题")
_PLAN_DOC_RE = _re.compile(
    r"工作要点|工作计划|行动计划|行动方案|实施方案|实施意见|指导意见|规划|纲要|意见|方案"
)
_REPORT_DOC_RE = _re.compile(r"工作报告|汇报|总结|情况的报告|落实情况|报告|心得")

_YEAR_TO_RE = _re.compile(r"到(?P<y>\d{4}|\d{3}\*+|\d{2}\*+)年")
_YEAR_UNTIL_RE = _re.compile(r"截(?:至|止)(?P<y>\d{4}|\d{3}\*+)年")
_YEAR_RE = _re.compile(r"(?<![\d*])(?P<y>(?:19|20)\d{2}|\d{3}\*|\d{2}\*\*)年(?!代|度)")
_LAST_YEAR_RE = _re.compile(_YEAR_RE.pattern, regex.REVERSE)
_THIS_YEAR_RE = _re.compile(r"今年|全年|本年|当年")
_REVIEW_LABEL_RE = _re.compile(r"回顾|过去|上年|去年")
# A heading that reviews one year (not 过去五年, not a plan's 发展基础): 过去一年工作回顾, 上年工作回顾.
_ONE_YEAR_REVIEW_RE = _re.compile(
    r"过去一年|上一?年|去年|一年来"
    r"|(?<!(?:[五三两十]年|“[^”]{1,4}”|时期)(?:发展|工作)?)(?:工作)?回顾"  # 回顾, not 五年/“十三五”时期回顾
)
_REVIEW_LEAD_RE = _re.compile(r"[\s\u3000]*(?:过去(?:的)?一年|一年来|去年)(?:[，,]|里|中|，?我们)")
_PARA_YEAR_LEAD_RE = _re.compile(
    r"[\s\u3000]*(?:(?:截(?:至|止)|到)?(?P<y>\d{4}|\d{3}\*+)年(?:底|末|以来)?[，,]"
    r"|[^。\n]{0,24}[。：:][\s\u3000]*截(?:至|止)(?P<y>\d{4}|\d{3}\*+)年"
    r"|(?P<y>(?:19|20)\d{2})年(?=\p{Han}{2})(?!以来|来|代|度|前|后|内|间|起|开始|是|为|的|要|将|计划|预计|力争|目标))"
)
_LIST_ITEM_RE = _re.compile(
    r"[\s\u3000]*(?:——|--|—|-|－|●|·|•|○|◆|■|□|▪|[（(]\d{1,2}[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]+是)"
)
_DEFINITION_RE = _re.compile(r"是指|即指|指的是|简称|^[\s\d.．、]*指")  # each form holds 指 or 简称
_DURATION_CUE_RE = _re.compile(r"(?:连续|用|经过|历时|为期|满|长达|近|前后|共)$")


class _HasText(Protocol):
    """Anything with the text to read: a cleaned part, a document record."""

    @property
    def text(self) -> str: ...


@dataclass(slots=True)
class _Hit:
    """A candidate quantity span before its meaning is read."""

    rule: str
    start: int           # start of the whole match (a multiple's verb included)
    end: int             # end of the match, suffix included
    value: float | None
    value_max: float | None
    unit: str
    qualifier: str       # from the number's own form (余, 多, 近百, 以上); "" if none
    masked: bool = False
    force_growth: bool = False


# ---------------------------------------------------------------- finding numbers


def _mult(word: str | None) -> float:
    return MULTIPLIERS[word] if word else 1.0


def _vague_qualifier(numeral: str) -> str:
    if numeral[:1] == "逾":
        return ">"
    if numeral[:1] and numeral[:1] in "数上近几":
        return "~"
    return ""


def _is_cn(numeral: str) -> bool:
    """A Chinese numeral: one matched by ``_NUMERAL`` is Chinese throughout, or it opens with a digit
    or a mask, so its first character tells."""
    first = numeral[:1]
    return not (first.isdigit() or first == "*")


# The groups of NUMBER_UNIT_RE read for every match: by position, in one call (a lookup per
# named group costs more than most of the checks below).
_NUMBER_UNIT_GROUPS = operator.itemgetter(*(
    NUMBER_UNIT_RE.groupindex[name] - 1
    for name in ("n1", "n2", "unit", "m1", "m2", "suffix", "a1", "a2", "a3")
))


def _number_unit_hit(text: str, m: regex.Match[str]) -> _Hit | None:
    n1, n2, unit, m1, m2, suffix, a1, a2, a3 = _NUMBER_UNIT_GROUPS(m.groups())
    approx = a1 or a2 or a3  # 10余所, 1000万余元, 4000余人
    if unit == "年" and n2 is None and len(n1) >= 3 and n1.isascii() and n1.isdigit():
        return None  # 2020年: a date (a duration of a hundred years or more is not read either)
    cn = _is_cn(n1)
    if unit != "年" and cn and not approx and _SMALL_CN_RE.match(n1):
        return None  # 三项工作, 四个着力, 十五个部门: a small Chinese count inside a name or a list
    start, end = m.span()
    before = text[max(0, start - 4):start]
    after = text[end:end + 2]
    last, nxt = before[-1:] or " ", after[:1] or " "
    if before.endswith(("第", "第 ")) or (last in "“\"‘「『" and cn):
        return None
    if unit == "分" and after[:1] == "之":
        return None  # 三分之一 is a fraction
    if unit.isascii():
        latin_run = (nxt.isalnum() and not _HAN_RE.match(nxt)) or nxt in "/·_-Ω"  # 500mΩ, 2mg/L
        if unit[-1].isalnum() and (latin_run or cn):
            return None  # 5G网络, 3D打印, 2mg/L: a Latin unit is whole, after Arabic digits only
        if nxt == "级" or (UNITS[unit][0] == "kV" and _HAN_RE.match(nxt)):
            return None  # 220kV变电站, 5GW级: the class of a facility, not an amount
    if unit == "条" and (nxt in "政措意”\"" or not _HAN_RE.match(nxt)):
        return None  # 科创28条 / 22条政策: the name of a policy package
    if unit == "名" and nxt in "列次单称义额":
        return None
    if unit == "人" and nxt in "民才员口物力":
        return None
    if unit == "分" and ("*" in n1 or nxt in "行别类析配布享工支局会之钟期批"):
        return None  # 分行, 分别, 分类: not a score
    if unit == "岁" and _AGE_MODIFIER_RE.match(text, end):
        return None  # "60岁以上老年人": an age bracket, not a measured age
    if unit == "所" and nxt in "示述以在有属得谓需":
        return None  # 如图5所示
    if unit == "部" and nxt in "门委署":
        return None  # 4部门印发: the issuers of a document
    if unit == "个" and after[:2] in ("一百", "中心", "率先", "着力"):
        return None
    if unit == "个" and _POINTS_LATER_RE.match(text, end):
        unit = "个百分点"  # "分别提升31.1个和26.3个百分点": the list shares its unit
    qualifier = ""
    if "*" in n1:
        if unit == "年" or (n2 and "*" in n2 and unit == "年"):
            return None  # a masked year
        base, unit_mult = UNITS[unit]
        qualifier = "~" if approx else ""
        return _Hit("number_unit", start, end, None, None, base,
                    _POST_QUALIFIERS.get(suffix or "", qualifier), masked=True)
    value = parse_number(n1)
    if value is None:
        return None
    if cn:
        vague = _vague_qualifier(n1)
        digits = [ch for ch in n1 if ch in "零〇○一二两三四五六七八九"]
        if not digits and not vague and not approx:
            return None  # 万元, 百名, 千家万户: a word, not a count
        if not vague and not approx and value < 100 and not (
            unit == "年" and text[max(0, start - 2):start].endswith("连续")
        ):
            return None  # 四个着力, 五大功能区, 三项工作, 两个文件: counts inside names and lists
        qualifier = vague
    if unit == "年":
        if text.startswith("一遇", end):
            return None  # 3—5年一遇: a return period, the name of a standard
        cue = _DURATION_CUE_RE.search(text[max(0, start - 3):start])
        if value >= 100 or not (n2 or cue or nxt in "内多"):
            return None  # 2020年, 03年, 改革开放45年, 未来15年: dates and ages, not durations
    mult1 = _mult(m1) if m1 else _mult(m2)
    base, unit_mult = UNITS[unit]
    low = value * mult1 * unit_mult
    high: float | None = None
    if n2:
        v2 = parse_number(n2)
        if v2 is None or "*" in n2:
            return None
        high = v2 * _mult(m2) * unit_mult
        if m2 is None and m1:
            high = v2 * mult1 * unit_mult
        if high <= low:
            if unit == "年" or value >= 1900:
                return None  # 2024－2024年: a scrubbed year range
            return None
    if value >= 1900 and value <= 2100 and unit in ("年",) and not m1:
        return None
    if approx:
        qualifier = "~"
    if suffix:
        post = _POST_QUALIFIERS[suffix]
        qualifier = "~" if "~" in (post, qualifier) else post
    elif nxt == "内" and base in DURATIONS and not qualifier:
        qualifier = "<="  # "48小时内放行", "30个工作日内": a time limit
    return _Hit("number_unit", start, end, _tidy(low), _tidy(high), base, qualifier)


def _tidy(value: float | None) -> float | None:
    """``value`` rounded to 10 significant digits: 1.8 * 1e4 is 18000.0, not 18000.000000000004."""
    if value is None:
        return None
    if -1e10 < value < 1e10 and value == int(value):
        return value  # a whole number of at most 10 digits is already exact
    return float(f"{value:.10g}")


_SMALL_CN_RE = _re.compile(r"(?:[一二两三四五六七八九]|[一二两三四五六七八九]?十[一二三四五六七八九]?)$")
_AGE_MODIFIER_RE = _re.compile(r"(?:以上|以下|及以上|及以下|至\d+岁)?(?:的)?\p{Han}")
_POINTS_LATER_RE = _re.compile(r"(?:[和、及与]|以及)\d+(?:\.\d+)?个百分点")
_LISTED_BEFORE_RE = _re.compile(r"(?<![\d.．*])(?P<n>\d+(?:\.\d+)?)(?:、|和|及)$")
_NUMBER_HEAD_RE = _re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?")


_NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９零〇○一二两三四五六七八九十百千万亿")


def _fraction_matches(text: str) -> list[regex.Match[str]]:
    """FRACTION_RE tried only where a fraction can be: before 分之 or a slash (scanning every
    position for a numeral is the slow part of a fraction search)."""
    found: list[regex.Match[str]] = []
    starts: set[int] = set()
    for marker in ("分之", "/", "／"):
        i = text.find(marker)
        while i >= 0:
            start = i
            while start > 0 and i - start < 8 and text[start - 1] in _NUMERAL_CHARS:
                start -= 1
            m = FRACTION_RE.match(text, start) if start < i else None
            if m and m.start() not in starts:
                starts.add(m.start())
                found.append(m)
            i = text.find(marker, i + len(marker))
    found.sort(key=lambda m: m.start())
    return found


def _tenths_matches(text: str) -> list[re.Match[str]]:
    """TENTHS_RE tried only where a match can start: one character before each 成 (七成). The
    same matches as its ``finditer``, found in a fraction of the time of a scan of every position."""
    found = []
    i = text.find("成", 1)
    while i >= 0:
        m = TENTHS_RE.match(text, i - 1)
        if m:
            found.append(m)
        i = text.find("成", i + 1)
    return found


_DIGIT_LINE_RE = _re.compile(r"\n[\x20\t\u3000]*\d")


def _table_cell_matches(text: str) -> list[re.Match[str]]:
    """TABLE_CELL_RE tried only at the starts of lines that open with a digit: the same matches
    as its ``finditer``, without trying every position of the text for a line start."""
    found = [m for m in (TABLE_CELL_RE.match(text, 0),) if m]
    found.extend(m for d in _DIGIT_LINE_RE.finditer(text) if (m := TABLE_CELL_RE.match(text, d.start() + 1)))
    return found


def _candidates(text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in NUMBER_UNIT_RE.finditer(text):
        hit = _number_unit_hit(text, m)
        if hit:
            hits.append(hit)
    for m in PERCENT_WORD_RE.finditer(text) if "分之" in text else ():
        g = m.groupdict()
        scale = 0.1 if g["word"] == "千分之" else 1.0
        low = parse_number(g["n1"])
        high = parse_number(g["n2"]) if g["n2"] else None
        if low is None:
            continue
        hits.append(_Hit("percent_word", m.start(), m.end(), _tidy(low * scale),
                         _tidy(high * scale) if high is not None else None, "%",
                         _POST_QUALIFIERS.get(g["suffix"] or "", "")))
    for m in _fraction_matches(text):
        g = m.groupdict()
        if g["den"]:
            value = parse_fraction(g["num"], g["den"])
        else:
            a, b = int(g["a"]), int(g["b"])
            if not 0 < a < b:
                continue
            value = parse_fraction(g["a"], g["b"])
        if value is None or value > 100:
            continue
        hits.append(_Hit("fraction", m.start(), m.end(), value, None, "%",
                         _POST_QUALIFIERS.get(g["suffix"] or "", "")))
    for m in _tenths_matches(text):
        g = m.groupdict()
        tenths = parse_number(g["n1"])
        before = text[max(0, m.start() - 1):m.start()]
        if tenths is None or before in ("第", "“"):
            continue
        hits.append(_Hit("tenths", m.start(), m.end(), tenths * 10.0, None, "%",
                         _POST_QUALIFIERS.get(g["suffix"] or "", "")))
    for m in MULTIPLE_RE.finditer(text) if "倍" in text or "番" in text else ():
        g = m.groupdict()
        if g["double"]:
            value = 100.0
        elif g["times"]:
            times = parse_number(g["times"])
            if times is None:
                continue
            value = multiple_to_percent(times, doublings=True)
        else:
            times = parse_number(g["n1"])
            if times is None:
                continue
            value = multiple_to_percent(times)
        hits.append(_Hit("multiple", m.start(), m.end(), value, None, "%",
                         _POST_QUALIFIERS.get(g["suffix"] or "", ""), force_growth=True))
    for m in INDEX_RE.finditer(text) if "指数" in text else ():
        g = m.groupdict()
        value = parse_number(g["n1"])
        if value is not None:
            hits.append(_Hit("index_level", m.start("n1"), m.end(), value, None, "", ""))
    for m in PEOPLE_WAN_RE.finditer(text) if "万" in text or "亿" in text else ():
        value = parse_number(m.group("n1"))
        if value is not None:
            hits.append(_Hit("people_wan", m.start("n1"), m.end(), _tidy(value * _mult(m.group("m1"))), None,
                             "人", _POST_QUALIFIERS.get(m.group("suffix") or "", "")))
    for m in _table_cell_matches(text):
        value = parse_number(m.group("n1"))
        if value is not None:
            hits.append(_Hit("table_cell", m.start("n1"), m.end("n1"), value, None, "", ""))
    # "分别提升3.3和2.3个百分点", "增长7、8%": a bare number listed before one with a unit shares it.
    for h in [h for h in hits if h.rule == "number_unit" and not h.masked and h.value is not None
              and text[h.start - 1:h.start] in ("、", "和", "及")]:
        m = _LISTED_BEFORE_RE.search(text, max(0, h.start - 14), h.start)
        head = _NUMBER_HEAD_RE.match(text, h.start)
        shown = parse_number(head.group(0)) if head else None
        low = parse_number(m.group("n")) if m else None
        if m and low is not None and shown:
            scale = (h.value or 0.0) / shown  # the multiplier and unit of the number that carries them
            hits.append(_Hit("number_unit", m.start("n"), m.end("n"), _tidy(low * scale), None, h.unit, ""))
    # Keep the earliest, then longest, of overlapping spans.
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


# ---------------------------------------------------------------- reading the context


class _Lines:
    """Line and paragraph starts of a text, found once, looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        i = text.find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)
        self._table_heads: list[int] | None = None

    def table_heads(self, text: str) -> list[int]:
        """The indices of the lines that head a flattened table (指标名称, 主要指标), found once per
        text: only lines holding 指 are looked at."""
        if self._table_heads is None:
            found: set[int] = set()
            i = text.find("指")
            while i >= 0:
                found.add(bisect.bisect_right(self.starts, i) - 1)
                i = text.find("指", i + 1)
            self._table_heads = [j for j in sorted(found) if _is_table_head(_cell(text, self, j))]
        return self._table_heads

    def line_start(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def line_end(self, offset: int, text: str) -> int:
        i = bisect.bisect_right(self.starts, offset)
        return self.starts[i] - 1 if i < len(self.starts) else len(text)


_BACK_RES: dict[str, regex.Pattern[str]] = {}


def _back_to(text: str, offset: int, stops: str, limit: int, floor: int = 0) -> int:
    """The offset just after the last of ``stops`` before ``offset``, looking at most ``limit``
    characters back (and never before ``floor``). A space between two Han characters also ends a
    clause ("…资金扶持 通过优化…")."""
    lo = max(floor, offset - limit)
    rx = _BACK_RES.get(stops)
    if rx is None:
        rx = _BACK_RES[stops] = _re.compile(
            "(?r)(?:[" + regex.escape(stops) + r"]|(?<=\p{Han})\x20(?=\p{Han}))"
        )
    m = rx.search(text, lo, offset)
    return m.end() if m else lo


def _starts_before(text: str, offset: int, floor: int) -> tuple[int, int, int]:
    """The starts of the clause, the stretch and the sentence holding ``offset``: what
    :func:`_back_to` gives with each set of stops, from one pattern search. A stretch ends where a
    sentence does or at a semicolon, and a clause where a stretch does or at a comma or colon, so
    only those few characters are looked for again, in the nearer windows."""
    sentence = _back_to(text, offset, _SENTENCE_END, _MAX_SENTENCE, floor)
    lo = max(floor, offset - _MAX_SENTENCE)
    stretch = max(sentence, text.rfind("；", lo, offset) + 1, text.rfind(";", lo, offset) + 1)
    lo = max(floor, offset - _MAX_PRE)
    clause = max(lo, stretch, text.rfind("，", lo, offset) + 1, text.rfind(",", lo, offset) + 1,
                 text.rfind("：", lo, offset) + 1, text.rfind(":", lo, offset) + 1)
    return clause, stretch, sentence


_FORWARD_RES: dict[str, regex.Pattern[str]] = {}


def _forward_to(text: str, offset: int, stops: str, limit: int) -> int:
    hi = min(len(text), offset + limit)
    rx = _FORWARD_RES.get(stops)
    if rx is None:
        rx = _FORWARD_RES[stops] = _re.compile("[" + regex.escape(stops) + "]")
    m = rx.search(text, offset, hi)
    return m.start() if m else hi


def _strip_indicator(pre: str) -> tuple[str, str]:
    """(indicator, the verb stripped from its front) from the text between a clause start and its
    number."""
    s = pre.strip()
    for _ in range(6):
        m = LEAD_RE.match(s)
        if not m or not m.group(0):
            break
        s = s[m.end():].lstrip("，,、 ")
    verb = ""
    for _ in range(2):
        m = _LEAD_VERB_RE.match(s)
        if not m:
            break
        # The first verb decides the change; a later one names an amount ("完成投资3.5亿元").
        verb = m.group(0) if not verb or m.group(0).rstrip("了出到至") in _AMOUNT_VERBS else verb
        s = s[m.end():].lstrip("、，, ")
    for _ in range(8):
        m = TRAIL_RE.search(s)
        if not m or not m.group(0):
            break
        s = s[: m.start()]
    s = _ADVERBIAL_TAIL_RE.sub("", s) if len(s) > 6 else s
    if len(s) > _LONG_INDICATOR:
        # "面对复杂形势全区地区生产总值": a long run-up before a statistical indicator's name.
        m = _INDICATOR_NAMES_RE.search(s, 6)
        if m and s[m.start() - 1] not in "占比与和及、对之的" and not _SHARE_AFTER_RE.match(s, m.end()):
            s = s[m.start():]
    return s.strip("，,、 的（(【["), verb


_CLAUSE_STOP_RE = _re.compile(r"[，,。；;：:！!？?\n]")
_NOUN_HEAD_RE = _re.compile(r"(?:人才|企业|机构|项目|平台|基地|载体|中心|园区|人员|单位|学校|高校|设施)$")


class _End:
    """A stand-in match at the end of a window."""

    @staticmethod
    def start() -> int:
        return 10**9


_END = _End()


def _post_noun(text: str, start: int, limit_end: int, activity: bool = False) -> str:
    after = text[start:min(limit_end, start + 32)]
    m = _POST_STOP_RE.search(after)
    noun = after[: m.start()] if m else after
    noun = noun.rstrip("和及与、的 ")
    if noun[:1] == "的" and not activity:
        noun = noun[1:]  # "投资1.27亿元的供水管网改造": the noun after 的
    if not noun and after[:1] not in "的之" and _HAN_RE.match(after[:1] or " "):
        # "18家已经纳入市级培育体系的科技载体": a relative clause before the noun.
        window = after[: (_CLAUSE_STOP_RE.search(after) or _END).start()][:20]
        if "的" in window or _NOUN_HEAD_RE.search(window):
            noun = window
    if not noun or not _HAN_RE.match(noun[0]) or noun[0] in "的之":
        return ""
    if noun[0] in "长宽高深厚" and (len(noun) == 1 or noun[1] in "、，,的度"):
        return ""  # "200米长、7米宽": a dimension, not a noun
    if not activity and _VERB_OPENING_RE.match(noun):
        return ""
    return noun


def _year_value(raw: str) -> int | str:
    return raw if "*" in raw else int(raw)


def _unit_is_percent(unit: str) -> bool:
    return unit in ("%", "个百分点")


@dataclass(slots=True)
class _Scope:
    """Year and kind cues that govern more than their own sentence."""

    section_year: dict[str, int | str]
    section_kind: dict[str, str]
    section_starts: list[int]
    lead_years: list[tuple[int, int, int | str]]   # (start, end, year) of a governing time phrase
    lead_starts: list[int]
    year_cache: dict[str, int | str | None]
    kind_cache: dict[str, str]                     # label -> what its headings say ("" if nothing)
    spans: list[tuple[int, int, str]]              # (start, end, label) of each section, read once


def _scopes(text: str, lines: _Lines, sections: Sequence[Section], doc_year: int | None = None) -> _Scope:
    section_year: dict[str, int | str] = {}
    section_kind: dict[str, str] = {}
    for s in sections:
        m = _YEAR_RE.search(s.heading)
        if m:
            section_year[s.label] = _year_value(m.group("y"))
        elif doc_year and _ONE_YEAR_REVIEW_RE.search(s.heading):
            # "一、过去一年工作回顾" in a report dated early in 2013: its figures are 2012's.
            section_year[s.label] = doc_year - 1
        elif doc_year and "今年" in s.heading:
            section_year[s.label] = doc_year  # "二、今年工作安排"
        # The section's opening sentence often says what it is: "2011年，…力争…" / "…取得了…".
        body = text[s.start:min(s.end, s.start + 160)]
        first = body.split("。", 1)[0]
        target, actual = _TARGET_STRONG_RE.search(first), _ACTUAL_STRONG_RE.search(first)
        if target and not actual:
            section_kind[s.label] = "target"
        elif actual and not target:
            section_kind[s.label] = "actual"
    lead_years: list[tuple[int, int, int | str]] = []
    section_starts = sorted({s.start for s in sections})
    to_scope: tuple[int, int | str] | None = None   # an open 到2025年 and where it began
    n_lines = len(lines.starts)
    leads = _lead_lines(text, lines)
    j = -1
    while True:
        # The next line to read: the one after j while a 到2025年 is open, else the next line that
        # may open a time phrase (the lines in between open none, and most lines are those).
        if to_scope is None:
            k = bisect.bisect_right(leads, j)
            j = leads[k] if k < len(leads) else n_lines
        else:
            j += 1
        if j >= n_lines:
            break
        start = lines.starts[j]
        end = lines.starts[j + 1] - 1 if j + 1 < n_lines else len(text)
        if to_scope is not None:
            # 到2025年 governs the list items on the lines after it, up to the next heading.
            i = bisect.bisect_right(section_starts, to_scope[0])
            heading = section_starts[i] if i < len(section_starts) else len(text)
            if start < heading and (_LIST_ITEM_RE.match(text, start, end) or start == end):
                lead_years.append((start, end, to_scope[1]))
                continue
            to_scope = None
        # Each pattern is tried only where the characters it needs are there (most lines have none).
        near = min(end, start + 120)
        m = _YEAR_TO_RE.search(text, start, near) if text.find("到", start, near) >= 0 else None
        if m:
            lead_years.append((m.start(), end, _year_value(m.group("y"))))
            to_scope = (m.start(), _year_value(m.group("y")))
            continue
        head = text[start:min(end, start + 60)]
        opening = head.lstrip()[:1]
        m = (_PARA_YEAR_LEAD_RE.match(text, start, min(end, start + 60))
             if opening.isdigit() or opening == "到" or "截" in head else None)
        if m:
            lead_years.append((start, end, _year_value(m.group("y"))))
        elif doc_year and opening in "过一去" and _REVIEW_LEAD_RE.match(text, start, min(end, start + 12)):
            # "过去一年，…" opening a paragraph outside a dated section: the paragraph is last year's.
            lead_years.append((start, end, doc_year - 1))
    return _Scope(section_year, section_kind, [s.start for s in sections], lead_years,
                  [start for start, _, _ in lead_years], {}, {},
                  [(s.start, s.end, s.label) for s in sections])


# A line whose first character after its spaces is not Han, or is 过, 一 or 去 (过去一年，…).
_LEAD_OPENING_RE = _re.compile(r"\n[^\S\n]*(?:[^\u4e00-\u9fff\s]|[过一去])")


def _lead_lines(text: str, lines: _Lines) -> list[int]:
    """The indices of the lines on which :func:`_scopes` may find a time phrase that governs the
    line: those holding 到 or 截, or opening with a digit (any non-Han character) or with 过一去.
    Found by scans of the whole text, so that the other lines are never looked at."""
    found = {0}
    for ch in "到截":
        i = text.find(ch)
        while i >= 0:
            found.add(bisect.bisect_right(lines.starts, i) - 1)
            i = text.find(ch, i + 1)
    found.update(bisect.bisect_right(lines.starts, m.start() + 1) - 1
                 for m in _LEAD_OPENING_RE.finditer(text))
    return sorted(found)


def _label_at(scope: _Scope, offset: int) -> str:
    """:func:`policytext.sections.label_at` over the labels joined once per document."""
    i = bisect.bisect_right(scope.section_starts, offset) - 1
    while i >= 0:
        start, end, label = scope.spans[i]
        if start <= offset < end:
            return label
        i -= 1
    return ""


def _lead_year(scope: _Scope, offset: int) -> int | str | None:
    i = bisect.bisect_right(scope.lead_starts, offset)
    for start, end, year in reversed(scope.lead_years[max(0, i - 3):i]):
        if start <= offset < end:
            return year
    return None


def _kind(sentence_pre: str, clause_post: str, label: str, paragraph_head: str, prior: str,
          year: int | str | None, doc_year: int | None, section_kind: dict[str, str],
          kind_cache: dict[str, str]) -> str:
    """target or actual, from the nearest strong cue, the paragraph, the section, the year."""
    m = _STRONG_CUE_RE.search(sentence_pre)  # searched from the end: the nearest cue
    if m:
        return "target" if m.group("target") else "actual"
    if _ACTUAL_STRONG_RE.search(clause_post[:6]):
        return "actual"
    if isinstance(year, int) and doc_year:
        if year < doc_year:
            return "actual"
        if year > doc_year:
            return "target"
    if _TARGET_STRONG_RE.search(paragraph_head):
        return "target"
    if _ACTUAL_STRONG_RE.search(paragraph_head):
        return "actual"
    if label:
        if label not in kind_cache:
            kind_cache[label] = _section_kind(label, section_kind)
        found = kind_cache[label]
        if found:
            return found
    m = _WEAK_CUE_RE.search(sentence_pre)
    if m:
        return "target" if m.group("target") else "actual"
    return prior


def _section_kind(label: str, section_kind: dict[str, str]) -> str:
    """target, actual or "" from the section's headings, innermost first, then from the opening
    sentences of the sections holding it."""
    parts = label.split(" > ")
    for part in reversed(parts):
        target, actual = _SECTION_TARGET_RE.search(part), _SECTION_ACTUAL_RE.search(part)
        if target and not actual:
            return "target"
        if actual and not target:
            return "actual"
    for k in range(len(parts), 0, -1):
        found = section_kind.get(" > ".join(parts[:k]))
        if found:
            return found
    return ""


def _document_prior(text: str) -> str:
    head = text[:300]
    first = next((line for line in head.splitlines() if line.strip()), "")
    for source in (first, head):
        plan, report = _PLAN_DOC_RE.search(source), _REPORT_DOC_RE.search(source)
        if plan and not report:
            return "target"
        if report and not plan:
            return "actual"
        if plan and report:
            return "target" if plan.start() > report.start() else "actual"
    return "actual"


# ---------------------------------------------------------------- the extractor


def extract_quantities(
    text: str | _HasText, *, doc_year: int | None = None, sections: Sequence[Section] | None = None
) -> list[Quantity]:
    """Every quantity in ``text``, in order of position.

    ``doc_year`` (the year of the document's own date) resolves 今年/全年 and helps tell a goal
    from a reported figure; ``sections`` (from :func:`policytext.sections.parse_sections`, parsed
    here when not given) names the section of each record and helps the same decision.
    ``text`` may also be a record with a ``text`` attribute (a cleaned part, a
    :class:`~policytext.model.DocumentRecord`); spans then index that text. Never raises on text;
    bytes raise :class:`~policytext.errors.ConfigError`, since they must be decoded first.

    >>> q = extract_quantities("城镇新增就业900万人以上。", doc_year=2013)[0]
    >>> (q.indicator, q.value, q.unit, q.qualifier, q.change)
    ('城镇新增就业', 9000000.0, '人', '>=', 'increase')
    >>> [(q.indicator, q.value, q.value_max) for q in extract_quantities("力争新增众创空间4-5家")]
    [('众创空间', 4.0, 5.0)]
    >>> [q.value for q in extract_quantities("新增国家、市“千人计划”人才分别为20名、30名")]
    [20.0, 30.0]
    >>> extract_quantities("坚持“三区联动”，落实“十四五”规划和5G建设。")
    []
    """
    if isinstance(text, (bytes, bytearray)):
        from policytext.errors import ConfigError

        raise ConfigError("extract_quantities expects str, got bytes; decode them first "
                          "(policytext.read_document reads a file with its encoding)")
    if not isinstance(text, str):
        text = getattr(text, "text", "")
        if not isinstance(text, str):
            return []
    if not text:
        return []
    if sections is None:
        sections = parse_sections(text)
    lines = _Lines(text)
    scope = _scopes(text, lines, sections, doc_year)
    prior = _document_prior(text)
    out: list[Quantity] = []
    hits = _candidates(text)
    prev: _Hit | None = None
    prev_q: Quantity | None = None
    chains: list[list[int]] = []
    for i, hit in enumerate(hits):
        read = _read(text, hit, prev, prev_q, hits[i + 1] if i + 1 < len(hits) else None,
                     lines, sections, scope, doc_year, prior)
        prev = hit
        if read is not None:
            q, continues = read
            if continues and chains and chains[-1][-1] == len(out) - 1:
                chains[-1].append(len(out))
            else:
                chains.append([len(out)])
            out.append(q)
            prev_q = q
    for chain in chains:
        if len(chain) > 1:
            _distribute(out, chain, text)
    return out


_SHARED_TAIL_RE = _re.compile(
    r"(?:“[^”]{1,12}”)?(?:年均|同比)?(?:增速|增幅|增长率|比重|占比|增加值|人才|企业|收入|产值|规模|总额|总量|数量|投资|产量)$"
)


def _list_in_previous_clause(text: str, start: int, k: int) -> list[str]:
    """The k items listed as the subject of the clause before ``start``, when the clause at
    ``start`` distributes over them: "养老金、低保标准和环卫工人工资再次提高，月人均分别提高221元、…"."""
    clause_start = _back_to(text, start, _CLAUSE_END, _MAX_PRE)
    if clause_start <= 0 or text[clause_start - 1] not in "，," or "分别" not in text[clause_start:start + 8]:
        return []
    prev_start = _back_to(text, clause_start - 1, _CLAUSE_END, _MAX_SENTENCE // 4)
    parts = [p.strip() for p in _LIST_SPLIT_RE.split(text[prev_start:clause_start - 1])]
    if len(parts) != k or not all(2 <= len(p) <= _LONG_INDICATOR + 8 for p in parts):
        return []
    last, _ = _strip_indicator(_PREDICATE_TAIL_RE.sub("", parts[-1]))
    return [*parts[:-1], last] if last else []


def _distribute(out: list[Quantity], chain: list[int], text: str = "") -> None:
    """A list of numbers sharing one clause: 分别为20名、30名; 分别增长7%、8%左右.

    The qualifier written after the last number covers the list; a list of k things before 分别
    gives each number its own indicator (国家、市“千人计划”人才 -> 国家“千人计划”人才, 市“千人计划”人才).
    """
    records = [out[i] for i in chain]
    last_qualifier = records[-1].qualifier
    parts = [p for p in _LIST_SPLIT_RE.split(records[0].indicator) if p]
    names: list[str] = [r.indicator for r in records]
    if len(parts) == len(records) and all(len(p) >= 2 for p in parts[1:]):
        m = _SHARED_TAIL_RE.search(parts[-1])
        shared = m.group(0) if m and m.start() > 0 else ""
        if len(shared) < 3 and len(parts[0]) <= 2 < len(parts[-1]):
            shared = parts[-1][len(parts[0]):]  # "二、三产增加值比重": 二 shares 产增加值比重
        names = [p if p.endswith(shared) else p + shared for p in parts]
    elif text:
        names = _list_in_previous_clause(text, records[0].start, len(records)) or names
    for i, r in zip(chain, records, strict=True):
        qualifier = r.qualifier if r.qualifier != "=" else last_qualifier
        out[i] = Quantity(
            quote=r.quote, indicator=names[chain.index(i)], value=r.value, value_max=r.value_max,
            unit=r.unit, qualifier=qualifier, change=r.change, kind=r.kind, year=r.year,
            masked=r.masked, rule=r.rule, start=r.start, end=r.end, section=r.section,
        )


_PAREN_UNIT_RE = _re.compile(r"[（(【\[](?P<u>[^）)】\]]{1,6})[）)】\]]$")
_CELL_TAIL_RE = _re.compile(r"\s*(?:\d|[¹²³⁴⁵⁶⁷⁸⁹]|[（(]\d[）)])?\s*$")
_ATTRIBUTE_CELL_RE = _re.compile(r"^(?:预期性|约束性|预期|约束|定量|定性|[%％]|单位|万人|亿元|万元|个|家)$")
_VALUE_CELL_RE = _re.compile(r"^(?:[-—－–/／]+|[\d.．,，%％‰~～\-—－–至以上下左右约≥≤<>＜＞*]+\S{0,4})$")
_TABLE_HEAD_RE = _re.compile(r"指标名称|^指标$|主要指标|^指\s*标$")
_COLUMN_RE = _re.compile(r"现状|基期|基准|目标|预期值|规划值|规划目标|完成|实际|\d{4}年")
_TARGET_COLUMN_RE = _re.compile(r"目标|预期值|规划")
_ACTUAL_COLUMN_RE = _re.compile(r"现状|基期|基准|完成|实际")


def _unit_of(word: str) -> tuple[str, float] | None:
    """A unit as written in a table (%, 亿元, 万人) -> (base unit, multiplier)."""
    word = word.strip()
    if word in UNITS:
        return UNITS[word]
    if word[:1] in "万亿千" and word[1:] in UNITS:
        base, mult = UNITS[word[1:]]
        return base, mult * MULTIPLIERS[word[:1]]
    return None


def _cell(text: str, lines: _Lines, j: int) -> str:
    return text[lines.starts[j]:lines.line_end(lines.starts[j], text)].strip()


_CELL_SENTENCE_RE = _re.compile(r"[。；;]")  # a sentence, not a cell


def _is_table_head(cell: str) -> bool:
    return len(cell) <= 12 and _TABLE_HEAD_RE.search(cell) is not None


def _is_text_cell(cell: str) -> bool:
    if not cell or len(cell) > 40 or not _HAN_RE.search(cell) or _CELL_SENTENCE_RE.search(cell):
        return False
    return not _ATTRIBUTE_CELL_RE.match(cell) and not _VALUE_CELL_RE.match(cell)


def _table_cell(text: str, hit: _Hit, lines: _Lines, doc_year: int | None
                ) -> tuple[str, str | None, int | str | None, tuple[str, float] | None] | None:
    """A number alone on its line is a cell of a table flattened one cell per line: its indicator is
    the nearest text cell above it, and its column header (现状值, 目标值（2025年）) says whether
    it is a goal or a reported figure, and for which year."""
    i = bisect.bisect_right(lines.starts, hit.start) - 1
    start, end = lines.starts[i], lines.line_end(hit.start, text)
    if text[start:hit.start].strip() or not _CELL_TAIL_RE.fullmatch(text[hit.end:end]):
        return None
    if hit.rule == "table_cell":
        following = next((_cell(text, lines, k) for k in range(i + 1, min(i + 4, len(lines.starts)))
                          if _cell(text, lines, k)), "")
        if _is_text_cell(following):
            return None  # a row number: the indicator cell follows it
    column, indicator = 0, ""
    unit: tuple[str, float] | None = None
    for j in range(i - 1, max(-1, i - 9), -1):
        cell = _cell(text, lines, j)
        if not cell:
            continue
        if _unit_of(cell) is not None and not cell[:1].isdigit():
            unit = unit or _unit_of(cell)  # a unit column: "%", "亿元"
            continue
        if _ATTRIBUTE_CELL_RE.match(cell):
            continue
        if cell.isdigit():
            following = next((_cell(text, lines, k) for k in range(j + 1, i) if _cell(text, lines, k)), "")
            if _is_text_cell(following):
                return None  # a row number: no indicator cell between it and the value
        if _VALUE_CELL_RE.match(cell):
            column += 1
            continue
        if _is_text_cell(cell):
            indicator = cell
        break
    if not indicator:
        return None
    m_unit = _PAREN_UNIT_RE.search(indicator)
    if m_unit and _unit_of(m_unit.group("u")):
        unit = unit or _unit_of(m_unit.group("u"))
    # The column headers: the short lines after the nearest table head above (at most 400 lines up).
    headers: list[str] = []
    heads = lines.table_heads(text)
    above = bisect.bisect_left(heads, i) - 1
    if above >= 0 and heads[above] > i - 400:
        j = heads[above]
        for k in range(j + 1, min(j + 14, i)):
            head = _cell(text, lines, k)
            if head and _COLUMN_RE.search(head) and "属性" not in head and len(head) <= 20:
                headers.append(head)
    if column >= len(headers):
        return indicator, None, None, unit
    head = headers[column]
    m = _YEAR_RE.search(head)
    year: int | str | None = _year_value(m.group("y")) if m else None
    kind: str | None = None
    if _TARGET_COLUMN_RE.search(head):
        kind = "target"
    elif _ACTUAL_COLUMN_RE.search(head):
        kind = "actual"
    elif isinstance(year, int) and doc_year:
        kind = "target" if year > doc_year else "actual"
    return indicator, kind, year, unit


def _read(text: str, hit: _Hit, prev: _Hit | None, prev_q: Quantity | None, nxt: _Hit | None,
          lines: _Lines, sections: Sequence[Section], scope: _Scope, doc_year: int | None,
          prior: str) -> tuple[Quantity, bool] | None:
    """The meaning of one hit, and whether it continues a list started by the previous record."""
    line_start = lines.line_start(hit.start)
    # Records share an indicator only within one stretch between full stops or semicolons.
    clause_start, stretch_start, sentence_start = _starts_before(text, hit.start, line_start)
    clause_end = _forward_to(text, hit.end, _CLAUSE_END, 60)
    clause = text[clause_start:clause_end]
    if ("指" in clause or "简称" in clause) and _DEFINITION_RE.search(clause):
        return None  # "20是指20家科技园区": the definition of a name, not a fact
    prev_end = max(prev.end if prev else -1, prev_q.end if prev_q else -1)
    same_clause = prev_end > clause_start
    seg_start = prev_end if same_clause else clause_start
    pre_raw = text[seg_start:hit.start]
    # Qualifier before the number.
    qualifier = hit.qualifier
    before = pre_raw.rstrip()
    m = _PRE_QUALIFIER_RE.search(before[-5:])
    if m:
        qual = _PRE_QUALIFIER_MAP[m.group("word")]
        qualifier = "~" if "~" in (qual, qualifier) else qual
    # A line broken inside 以上: "保持在50%以\n上".
    broken = text[hit.end:hit.end + 1] == "以" and text[hit.end + 1:hit.end + 3].strip()[:1] in ("上", "")
    if not qualifier and broken:
        qualifier = ">="
    # Indicator: before the number, or the noun after it ("集聚6000家以上科技企业").
    continues = same_clause and prev_q is not None and pre_raw.strip(_CONNECTORS) == ""
    indicator, verb = _strip_indicator(pre_raw)
    limit = nxt.start if nxt is not None and nxt.start < clause_end else clause_end
    post = _post_noun(text, hit.end, limit, activity=hit.unit == "年") if hit.rule in _NOUN_RULES else ""
    pre_tail = pre_raw.rstrip()
    use_post = bool(post) and (
        not indicator or hit.unit == "年"
        or bool(_POST_CUE_RE.search(pre_tail))
        or bool(_ENUMERATION_RE.search(pre_tail))  # "济南、青岛、日照市7个…基地": the count of a list
        # "实施奋斗镇1万亩节水灌溉", "大唐700万吨露天煤矿": a measure right before a noun is its size.
        or (hit.unit in MEASURES and _HAN_RE.match(text, hit.end) is not None and text[hit.end] != "的")
    )
    shares_prev = False
    rate_after = _RATE_AFTER_RE.match(text, hit.end) if _unit_is_percent(hit.unit) else None
    if rate_after and indicator:
        indicator += rate_after.group("noun")
    elif use_post:
        # "首年关税为零的2070种进口商品": a relative clause before the number restricts the noun.
        relative = pre_tail.endswith("的") and 2 <= len(indicator) <= _LONG_INDICATOR and not continues
        indicator = indicator + "的" + post if relative else post
    elif continues and prev_q is not None:
        indicator = prev_q.indicator
    elif (not indicator or _GENERIC_INDICATOR_RE.match(indicator)) and prev_q is not None and (
        prev_end > stretch_start
    ):
        indicator = prev_q.indicator + (indicator if indicator not in ("增长", "") else "")
        shares_prev = True
    elif indicator.startswith("占") and prev_q is not None and prev_end > stretch_start:
        indicator = prev_q.indicator.split("占")[0] + indicator  # "两院院士66名，占全市1/3"
        shares_prev = True
    if not indicator and verb.rstrip("了出到至") in _AMOUNT_VERBS and hit.unit in ("元", "美元") and not post:
        indicator = verb.rstrip("了出到至")  # "投资3500万元", "筹措2700多万元": the amount of the act
    if not indicator and clause_start > stretch_start:
        # "实施研发项目稳中有升,力争600项": the indicator is the previous clause's subject.
        prev_clause_start = _back_to(text, max(clause_start - 1, 0), _CLAUSE_END, _MAX_PRE, floor=line_start)
        indicator, _ = _strip_indicator(text[prev_clause_start:max(clause_start - 1, prev_clause_start)])
        indicator = _TREND_RE.sub("", indicator)
    cell = _table_cell(text, hit, lines, doc_year) if not indicator or clause_start == line_start else None
    if hit.rule == "table_cell":
        if cell is None or cell[3] is None or hit.value is None:
            return None  # a bare number is a quantity only as a table cell whose unit is known
        base, mult = cell[3]
        hit = _Hit("table_cell", hit.start, hit.end, _tidy(hit.value * mult), None, base, "")
    if cell is not None:
        indicator = _PAREN_UNIT_RE.sub("", cell[0]) if cell[3] else cell[0]
    if not indicator and hit.rule != "table_cell":
        # "年均增长6.5%以上" with nothing before it: the rate words are all the text says.
        indicator = LEAD_RE.sub("", pre_raw.strip()).strip("，,、 ")
        indicator = "" if _LEAD_VERB_RE.fullmatch(indicator) else indicator
    if not indicator or not _HAN_RE.search(indicator):
        return None
    # Sign and change.
    value, value_max = hit.value, hit.value_max
    tail = before[-6:]
    fall = bool(_FALL_RE.search(tail)) and not _FALL_TO_RE.search(tail)
    change = _change(hit, pre_raw, tail, verb, indicator, bool(post) and use_post)
    opener = pre_raw.lstrip()[:1] or "x"
    list_item = prev_q is not None and same_clause and opener in "、和及与" and not verb
    if (continues or list_item) and prev_q is not None:
        change = prev_q.change if change == "level" else change
        prev_fell = prev_q.value is not None and prev_q.value < 0 and prev_q.unit == hit.unit
        fall = fall or (continues and prev_fell)
    if fall:
        value = -value if value is not None else None
        value_max = -value_max if value_max is not None else None
        if value is not None and value_max is not None:
            value, value_max = value_max, value
        if change == "level":
            change = "growth" if _unit_is_percent(hit.unit) else "increase"
    # Quote: the clause from the start of its indicator to the end of the number or noun.
    near_prev = prev_q is not None and 0 <= hit.start - prev_q.start <= _MAX_QUOTE_PRE + 10
    q_start = prev_q.start if ((continues or shares_prev) and near_prev and prev_q is not None) else seg_start
    lead = _QUOTE_LEAD_RE.match(text, q_start, hit.start)
    q_start = lead.end() if lead else q_start  # 其中 as a word: "其中中央财政赤字" keeps 中央
    if hit.start - q_start > _MAX_QUOTE_PRE and not (continues or shares_prev):
        at = text.rfind(indicator[:4], q_start, hit.start) if indicator else -1
        q_start = at if at >= 0 and hit.start - at <= _MAX_QUOTE_PRE + 10 else hit.start - _MAX_QUOTE_PRE
    if use_post and hit.start - q_start > 12:
        q_start = hit.start  # "…等四大领域的10个试点应用项目": the quote is the number and its noun
    # The noun may sit after a 的 that it does not keep ("投资1.27亿元的公路客运总站").
    q_end = text.find(post, hit.end) + len(post) if use_post else hit.end
    raw_quote = text[q_start:q_end]
    quote = raw_quote.strip()
    start = q_start + len(raw_quote) - len(raw_quote.lstrip())
    label = _label_at(scope, hit.start)
    # Year and kind.
    sentence_pre = text[sentence_start:hit.start]
    year = _year(text, hit, clause_start, sentence_pre, scope, label, doc_year)
    paragraph_head = text[line_start:min(line_start + 30, hit.start)]
    kind = _kind(sentence_pre, text[hit.end:clause_end], label, paragraph_head, prior, year, doc_year,
                 scope.section_kind, scope.kind_cache)
    if year is None and kind == "target":
        year = _section_year(scope, label)
    if cell is not None:
        kind = cell[1] or kind
        year = cell[2] if cell[2] is not None else year
    record = Quantity(
        quote=quote, indicator=indicator, value=value, value_max=value_max, unit=hit.unit,
        qualifier=qualifier or "=", change=change, kind=kind, year=year, masked=hit.masked,
        rule=hit.rule, start=start, end=start + len(quote), section=label,
    )
    return record, continues


_PREDICATE_TAIL_RE = _re.compile(
    r"(?:再次|再|进一步|继续|同步|均|都|全部|大幅|稳步|普遍)?(?:提高|提升|增长|增加|上调|下降|降低|减少|扩大)了?$"
)
_LIST_SPLIT_RE = _re.compile(  # 、 and the conjunctions, not inside 普及, 参与, 和平
    r"、|(?<![总平温柔])和(?![平谐睦])|(?<![参给赋])与|(?<![普涉以提顾波危])及(?![时早])"
)
_POST_CUE_RE = _re.compile(
    r"(?:等|各类|这|共|的|和|、|及|与|了|为期|短短|[一二三四五六七八九十两]+类"
    r"|建设|培育|建立|打造|新建|形成|组织|实施|认定|遴选|引进|新增|建成|创建|集聚|吸引|布局|设立|扶持|命名|培养)$"
)
_ENUMERATION_RE = _re.compile(r"(?:[^、，,；;。\d]{1,8}、){2,}[^、，,；;。\d]{1,8}$")
_TREND_RE = _re.compile(
    r"(?:稳中有升|稳步提升|持续增长|大幅增长|明显提高|稳步|持续|大幅|明显|再次|较快|快速)$"  # trend words
)
_POINTS_VERB_RE = _re.compile(r"(?:提高|增加|上升|提升|下降|降低|减少|回落|扩大|缩小)了?$")
_COUNT_CHANGE_RE = _re.compile(r"(?:新增|增加|增长|减少|下降|提高|提升|上调|降低)了?$")
_PARENS_RE = _re.compile(r"[（(][^）)]{0,20}[）)]")
_INCREASE_SEARCH_RE = _re.compile(
    r"新增|新认定|新引进|新入选|新建|新设立|新培育|引进|引入|培育|新开工|承接|出资组建|组建|设立|"
    r"建立|打造|启动|安排|认定|争取|扶持|试点|落实"
)
_LEVEL_TAIL_RE = _re.compile(
    r"(?:达到|达|为|是|保持在|稳定在|保持|超过|突破|提升到|提升至|提高到|提高至|增加到|增长到|拓展到|扩大到|"
    r"上升到|调整为|控制在|不低于|不少于|不超过)了?$"
)
_AMOUNT_VERBS = (
    "投资", "筹措", "募集", "发放", "争取", "安排", "落实", "引进", "融资", "引入", "完成", "拨付", "投入",
)
_STRONG_INCREASE = ("新增", "新认定", "新引进", "新入选", "新建", "新设立", "新培育", "引进", "引入", "培育")
_INCREASE_TAIL_RE = _re.compile(r"(?:建设|培育|建立|打造|新建|引进|建成|创建|设立|扶持|培养|试点)$")
_COPULA_TAIL_RE = _re.compile(r"(?:分别)?(?:为|是)$")
_OPENING_LEVEL_VERBS = ("开展", "举办", "组织", "集聚", "聚集", "拥有", "共有", "有", "吸引", "形成", "包含",
                        "达到", "达", "为", "投资")


def _change(hit: _Hit, pre_raw: str, tail: str, verb: str, indicator: str, post_noun: bool) -> str:
    """level, growth or increase, from the verb nearest the number, then the verb opening the
    clause, then the indicator's own noun (增速, 增长率)."""
    bare = verb.rstrip("了出到至")
    if hit.force_growth:
        return "growth"
    if hit.unit == "个百分点" and _POINTS_VERB_RE.search(tail):
        return "increase"
    if _unit_is_percent(hit.unit):
        if _GROWTH_VERB_RE.search(tail):
            return "growth"
        if _RATE_NOUN_RE.search(indicator):
            return "growth"
        return "level"
    if _COUNT_CHANGE_RE.search(tail):
        return "increase"
    if _INCREASE_TAIL_RE.search(tail):
        return "increase"  # "在全省高校建设30个…基地"
    if bare in _STRONG_INCREASE and _COPULA_TAIL_RE.search(tail):
        return "increase"  # 新增…人才分别为20名
    if _LEVEL_TAIL_RE.search(tail):
        return "level"
    if bare in _OPENING_LEVEL_VERBS:
        return "level"
    if bare and bare in _INCREASE_VERBS and bare not in ("实现", "发展", "增加", "扩大"):
        return "increase"
    if bare == "实现" and post_noun:
        return "increase"
    bare_pre = _PARENS_RE.sub("", pre_raw) if "（" in pre_raw or "(" in pre_raw else pre_raw
    if _INCREASE_SEARCH_RE.search(bare_pre):
        return "increase"
    return "level"


def _section_year(scope: _Scope, label: str) -> int | str | None:
    if not scope.section_year or not label:
        return None
    if label in scope.year_cache:
        return scope.year_cache[label]
    scope.year_cache[label] = found = _section_year_uncached(scope, label)
    return found


def _section_year_uncached(scope: _Scope, label: str) -> int | str | None:
    parts = label.split(" > ") if label else []
    for k in range(len(parts), 0, -1):
        key = " > ".join(parts[:k])
        if key in scope.section_year:
            return scope.section_year[key]
    return None


def _year(text: str, hit: _Hit, clause_start: int, sentence_pre: str, scope: _Scope, label: str,
          doc_year: int | None) -> int | str | None:
    clause_pre = text[clause_start:hit.start]
    # Each pattern is tried only where the character it needs is there (most sentences have none).
    m = ((_YEAR_TO_RE.search(sentence_pre) if "到" in sentence_pre else None)
         or (_YEAR_UNTIL_RE.search(sentence_pre) if "截" in sentence_pre else None))
    if m:
        return _year_value(m.group("y"))
    last = None
    if "年" in sentence_pre:
        last = _LAST_YEAR_RE.search(clause_pre) or _LAST_YEAR_RE.search(sentence_pre)
    if last:
        return _year_value(last.group("y"))
    lead = _lead_year(scope, hit.start)
    if lead is not None:
        return lead
    section_year = _section_year(scope, label)
    if section_year is not None:
        return section_year  # "一、2013年工作回顾": the heading dates what 全年 means below it
    if doc_year and _THIS_YEAR_RE.search(sentence_pre):
        if _REVIEW_LABEL_RE.search(label) and "全年" in sentence_pre:
            return doc_year - 1  # a report reviews last year: 全年 in 过去一年工作回顾
        return doc_year
    return None

