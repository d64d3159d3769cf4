"""Compiled patterns that find quantity spans; :mod:`policytext.quantities` decides what they mean.

Each pattern is compiled once, at import, with the ``regex`` module, and written with
``re.VERBOSE`` and a comment per line. Every numeral group is atomic (``(?>…)``) and guarded by a
lookbehind, so a run of a million digits is tried once, not once per digit: matching is linear.

Every rule in :data:`RULES` carries positive and negative examples; ``tests/test_quantities.py``
runs each through :func:`policytext.quantities.extract_quantities` and checks that the positive
ones are found by that rule and the negative ones are not found at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policytext import _re
from policytext.lexicon import load_lexicon

__all__ = [
    "DURATIONS",
    "FRACTION_RE",
    "INDEX_RE",
    "MEASURES",
    "MULTIPLE_RE",
    "NUMBER_UNIT_RE",
    "PEOPLE_WAN_RE",
    "PERCENT_WORD_RE",
    "RULES",
    "TABLE_CELL_RE",
    "TENTHS_RE",
    "UNITS",
    "Rule",
]


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Escaped alternation, longest first, so that 平方公里 wins over 公里 and 万元 over 元."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_UNITS_LEX = load_lexicon("units")
# unit as written -> (base unit, multiplier to the base)
UNITS: dict[str, tuple[str, float]] = {
    row["unit"]: (row["base"], float(row["multiplier"])) for row in _UNITS_LEX.rows
}
# Base units of physical measures (area, length, mass, volume, power …), not counts, money or rates:
# "5万千瓦风电", "3.5万吨造纸生产线" — such a measure before a noun is the size of that noun.
MEASURES: frozenset[str] = frozenset(
    row["base"] for row in _UNITS_LEX.rows
    if row["kind"] in ("area", "length", "mass", "volume", "flow", "power", "energy", "voltage")
)
# Base units of durations: "48小时内放行" is a time limit, at most 48 hours.
DURATIONS: frozenset[str] = frozenset(row["base"] for row in _UNITS_LEX.rows if row["kind"] == "time")

_CN = "零〇○一二两三四五六七八九十百千万亿"
_UNIT_ALT = _alternation(list(UNITS))
# Units written on both ends of a range; a short list keeps the compiled pattern small.
_RANGE_UNIT_ALT = _alternation([
    "%", "％", "‰", "个百分点", "元", "万元", "亿元", "美元", "人", "家", "个", "名",
    "项", "年", "吨", "平方米", "平方公里", "公里", "米", "亩",
])

# One numeral, as written. Shared by the patterns below through string formatting.
_NUMERAL = rf"""
    (?>                                  # atomic: a numeral is read once, never re-split
        \d*+\*++                         # masked: 201*, ***, **** (tried first; no backtracking)
      | \d(?:\x20\d){{2,}}(?![\d.．])    # space-split digits: 7 4 7 7 2
      | \d+(?:[,，]\d{{3}})*(?:[.．]\d+)?  # Arabic or full-width digits, thousands, decimals
      | [数上近逾几]?[{_CN}]+             # Chinese numerals, with a vague prefix: 近百, 数十
    )
"""

NUMBER_UNIT_RE = _re.compile(
    rf"""
    (?=[\d*数上近逾几{_CN}])              # a numeral starts here (tested first: it is cheap)
    (?<![\d.．*{_CN}A-Za-z])(?<!\d[,，])  # not the tail of a longer numeral or a Latin name
    (?P<n1>{_NUMERAL})                   # the number
    \x20?                                # a stray space before the unit (7 4 7 7 2 亿元)
    (?P<a1>[余多])?                      # 10余所, 100多家: approximate
    (?P<m1>万亿|千亿|百亿|亿|千万|百万|万|千)?  # multiplier into the base unit
    (?P<a2>[余多])?                      # 1000万余元 (rare order)
    (?:                                  # optional upper end of a range
        (?P<u1>{_RANGE_UNIT_ALT})?       # 6%-6.5%, 20万元—30万元: unit repeated on the lower end
        \x20?(?P<sep>[-－—–~～至到])+\x20?  # range separator: 2-3, 6%－6.5%, 20万—30万, 3至5
        (?P<n2>{_NUMERAL})               # the upper number
        (?P<m2>万亿|千亿|百亿|亿|千万|百万|万|千)?  # its multiplier
    )?
    (?P<a3>[余多])?                      # 4000余人
    (?P<unit>{_UNIT_ALT})                # a unit or classifier from units.tsv
    (?P<suffix>以上|以下|以内|左右|上下|多|余|强)?  # qualifier written after the unit
    """,
    regex.VERBOSE,
)

PERCENT_WORD_RE = _re.compile(
    rf"""
    (?P<word>百分之|千分之)               # 百分之六十, 千分之五
    (?P<n1>[{_CN}]++|\d++(?:\.\d++)?)     # the number of hundredths or thousandths
    (?:(?P<sep>至|到|—|-|－)(?:百分之|千分之)?(?P<n2>[{_CN}]+|\d+(?:\.\d+)?))?  # 百分之八至九
    (?P<suffix>以上|以下|以内|左右|上下)?  # qualifier written after the number
    """,
    regex.VERBOSE,
)

FRACTION_RE = _re.compile(
    rf"""
    (?:
        (?<![\d{_CN}])(?P<den>[{_CN}]++|\d++)分之(?P<num>[{_CN}]++|\d++)  # 三分之一 (denominator first)
      | (?<![\d./／A-Za-z])(?P<a>\d{{1,3}})[/／](?P<b>\d{{1,4}})(?![\d/／.A-Za-z])  # 1/5, not a date
    )
    (?P<suffix>以上|以下|以内|左右|上下)?  # qualifier written after the fraction
    """,
    regex.VERBOSE,
)

TENTHS_RE = _re.compile(
    r"""
    (?<![\d一二三四五六七八九十])         # not inside a longer numeral
    (?P<n1>[一二两三四五六七八九]|\d)成   # 七成: seven tenths
    (?![为立果功熟员本交效绩长都])        # not 成为, 成立, 成果, 成功, 成熟, 成员, 成本, 成长
    (?P<suffix>以上|以下|以内|左右|上下)?  # qualifier written after the number
    """,
    regex.VERBOSE,
)

# regex, not re: a scan for this pattern takes regex 1.2 ms and re 7 ms on the sample texts (regex
# seeks the few places that can start a match, re tries every position).
MULTIPLE_RE = regex.compile(
    r"""
    (?:
        翻了?(?P<times>[一二两三四五\d])番                 # 翻一番, 翻两番 (doublings)
      | (?P<verb>增长|增加|提高|扩大|翻|提升|增)了?        # growth verb
        (?P<n1>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)倍  # 1.5倍, 一倍
      | (?<![、，,])(?P<double>倍增)(?!作用|效应|效果|计划|工程|行动|器|式)  # 倍增 = 100 %, not 倍增效应
    )
    (?P<suffix>以上|以下|以内|左右|上下|多)?               # qualifier written after
    """,
    regex.VERBOSE,
)

INDEX_RE = _re.compile(
    r"""
    (?P<ind>指数)                        # an index (no unit of its own)
    [^，。；,;\n]{0,12}?                 # a few characters: a year, a verb
    (?:达到|提升到|提高到|上升到|为|达)   # the verb that gives the level
    (?P<n1>\d+(?:\.\d+)?)                # the index value
    (?![\d.%％])(?!\x20*[^\W\d_])        # followed by no unit or word character
    """,
    regex.VERBOSE,
)


# "农村贫困人口减少1386万": a count of people in 万 with the unit left out, because the noun before
# it already names people. Only after such a noun, and only where no unit follows.
PEOPLE_WAN_RE = _re.compile(
    r"""
    (?P<noun>人口|人数|就业人员|从业人员|劳动力|农民工|职工|就业)  # a noun that counts people
    (?P<verb>(?:减少|增加|增长|下降|新增|达到|达|超过|突破|为|有|约|近|了){0,3})  # at most a few verbs
    (?<![\d.．*])(?P<n1>\d++(?:\.\d++)?)                # the number
    (?P<m1>万|亿)                                       # the multiplier, with no unit after it
    (?P<suffix>以上|左右|多|余)?                         # qualifier written after
    (?![\d\p{Han}%％A-Za-z])                            # then punctuation or the end: no unit
    """,
    regex.VERBOSE,
)


TABLE_CELL_RE = _re.compile(
    r"""
    ^[\x20\t\u3000]*                 # a line holding only
    (?P<n1>\d+(?:[.．]\d+)?)         # a number without a unit (a cell of a flattened table)
    (?:[\x20\t]*\d)?                # perhaps a footnote mark
    [\x20\t\u3000]*$                 # and nothing else
    """,
    regex.VERBOSE | regex.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern with examples: ``positive`` texts yield a quantity by this rule, and
    ``negative`` texts yield no quantity at all."""

    name: str
    pattern: regex.Pattern[str]
    positive: tuple[str, ...]
    negative: tuple[str, ...]


RULES: tuple[Rule, ...] = (
    Rule(
        "number_unit",
        NUMBER_UNIT_RE,
        positive=("科技企业总量超过4500家", "约1.8万家中小型设计企业", "启动1-2个科研院所科技园建设",
                  "国内生产总值增长6%－6.5%", "引进各类专业人才10000名", "专业人才201*名",
                  "开设创业课程600余学时", "各类载体创新活动近百场", "连续五年举办大赛"),
        negative=("轨道交通12号线", "“3310”计划", "“1+6+4”产业扶持政策体系", "NICE2035未来生活原型街",
                  "5G网络", "“十四五”规划", "三区联动", "四个着力", "五大功能区", "建党百年",
                  "杨府发〔2021〕3号", "2016年5月6日", "一是着力调整", "第138次常务会议", "万元户"),
    ),
    Rule(
        "percent_word",
        PERCENT_WORD_RE,
        positive=("失业率控制在百分之五以内", "出口增长百分之八至九"),
        negative=("百分百满意",),
    ),
    Rule(
        "fraction",
        FRACTION_RE,
        positive=("占区域总面积的三分之一", "占全市1/5"),
        negative=("于2020/12/31发布",),
    ),
    Rule(
        "tenths",
        TENTHS_RE,
        positive=("服务业占比达到七成",),
        negative=("建成创新型城市", "形成合力"),
    ),
    Rule(
        "multiple",
        MULTIPLE_RE,
        positive=("经济总量翻一番", "区级财力增长了4倍以上", "收入倍增"),
        negative=("加倍努力", "发挥放大、叠加、倍增作用"),
    ),
    Rule(
        "people_wan",
        PEOPLE_WAN_RE,
        positive=("农村贫困人口减少1386万。", "城镇常住人口增加2000万以上，"),
        negative=("人口20万以下的县城", "实施就业优先2万。"),
    ),
    Rule(
        "table_cell",
        TABLE_CELL_RE,
        positive=("指标名称\n单位\n2025年\n研发经费投入强度\n%\n2.7\n",
                  "指标名称\n目标值\n技术合同成交额（亿元）\n3000\n"),
        negative=("第三章\n12\n发展目标\n", "指标名称\n目标值\n1\n研发经费投入强度\n"),
    ),
    Rule(
        "index_level",
        INDEX_RE,
        positive=("双创综合指数2019年提升到261.4",),
        negative=("指数化管理",),
    ),
)
