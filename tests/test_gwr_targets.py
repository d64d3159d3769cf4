"""A battery of the national 政府工作报告 (2005–2024): the main targets and last year's figures.

Issue 3 asks that >= 0.9 of the GDP, CPI and new-jobs targets come out as kind=target with the right
value, range and qualifier, and last year's figures as kind=actual. The sentences below are written
the way the reports write them, from the public reports; the forms vary as the reports' own do
(8%左右, 7.5%, 6.5%－7%, 6%－6.5%, 6%以上; 控制在4%左右, 涨幅3%左右, 上涨2%; 900万人, 900万人以上,
1200万人左右). Where a figure is not the published one the case still checks the form: the expected
value is the one written in the sentence.

Each report is laid out as the reports are: a review section, then the year's targets. Some
headings carry the year (一、2012年工作回顾), some do not (一、过去一年工作回顾), and some reports open
the review with a 过去一年… paragraph and no heading, so the year of the figures has to come from the
section and the document's own date.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from policytext.quantities import extract_quantities
from policytext.sections import parse_sections


class Expect(NamedTuple):
    key: str                 # a word the indicator must hold
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    kind: str


# year of the report: (review text, targets text, expected records).
GDP, CPI, JOBS = "国内生产总值", "居民消费价格", "新增就业"
REPORTS: dict[int, tuple[str, str, list[Expect]]] = {
    2005: (
        "一、2004年工作回顾\n国民经济保持平稳较快发展。国内生产总值达到136515亿元，比上年增长9.5%。"
        "城镇新增就业980万人。居民消费价格上涨3.9%。\n",
        "二、2005年的总体要求和主要任务\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；"
        "城镇新增就业900万人，城镇登记失业率控制在4.6%；居民消费价格总水平涨幅控制在4%左右。\n",
        [Expect(GDP, 9.5, None, "%", "=", "actual"), Expect(JOBS, 9.8e6, None, "人", "=", "actual"),
         Expect(CPI, 3.9, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "~", "target"),
         Expect(JOBS, 9e6, None, "人", "=", "target"), Expect(CPI, 4.0, None, "%", "~", "target")],
    ),
    2006: (
        "一、“十五”时期和2005年工作回顾\n2005年，国内生产总值达到18.2万亿元，比上年增长9.9%；"
        "城镇新增就业970万人；居民消费价格上涨1.8%。\n",
        "二、2006年工作的总体部署\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；"
        "城镇新增就业900万人，城镇登记失业率控制在4.6%；居民消费价格总水平涨幅控制在3%。\n",
        [Expect(GDP, 9.9, None, "%", "=", "actual"), Expect(JOBS, 9.7e6, None, "人", "=", "actual"),
         Expect(CPI, 1.8, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "~", "target"),
         Expect(JOBS, 9e6, None, "人", "=", "target"), Expect(CPI, 3.0, None, "%", "<=", "target")],
    ),
    2007: (
        "　　过去的一年，国内生产总值达到20.94万亿元，比上年增长10.7%；城镇新增就业1184万人；"
        "居民消费价格总水平上涨1.5%。\n",
        "二、2007年工作的总体要求和主要任务\n今年经济社会发展的主要预期目标是：国内生产总值增长8%；"
        "城镇新增就业900万人，城镇登记失业率控制在4.6%；居民消费价格总水平涨幅控制在3%。\n",
        [Expect(GDP, 10.7, None, "%", "=", "actual"), Expect(JOBS, 1.184e7, None, "人", "=", "actual"),
         Expect(CPI, 1.5, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "=", "target"),
         Expect(JOBS, 9e6, None, "人", "=", "target"), Expect(CPI, 3.0, None, "%", "<=", "target")],
    ),
    2008: (
        "一、过去一年工作回顾\n过去一年，国内生产总值增长11.4%，城镇新增就业1204万人，居民消费价格上涨4.8%。\n",
        "二、2008年的工作\n今年国民经济和社会发展的主要预期目标是：国内生产总值增长8%左右；"
        "居民消费价格总水平涨幅控制在4.8%左右；城镇新增就业1000万人，城镇登记失业率控制在4.5%。\n",
        [Expect(GDP, 11.4, None, "%", "=", "actual"), Expect(JOBS, 1.204e7, None, "人", "=", "actual"),
         Expect(CPI, 4.8, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "~", "target"),
         Expect(CPI, 4.8, None, "%", "~", "target"), Expect(JOBS, 1e7, None, "人", "=", "target")],
    ),
    2009: (
        "一、2008年工作回顾\n全年国内生产总值达到30万亿元，增长9%；城镇新增就业1113万人；居民消费价格上涨5.9%。\n",
        "二、2009年工作总体部署\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；"
        "城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内；居民消费价格总水平涨幅4%左右。\n",
        [Expect(GDP, 9.0, None, "%", "=", "actual"), Expect(JOBS, 1.113e7, None, "人", "=", "actual"),
         Expect(CPI, 5.9, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "~", "target"),
         Expect(JOBS, 9e6, None, "人", ">=", "target"), Expect(CPI, 4.0, None, "%", "~", "target")],
    ),
    2010: (
        "一、2009年工作回顾\n国内生产总值达到33.5万亿元，比上年增长8.7%；城镇新增就业1102万人；"
        "居民消费价格下降0.7%。\n",
        "二、2010年工作的总体要求\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；"
        "城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内；居民消费价格涨幅3%左右。\n",
        [Expect(GDP, 8.7, None, "%", "=", "actual"), Expect(JOBS, 1.102e7, None, "人", "=", "actual"),
         Expect(CPI, -0.7, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "~", "target"),
         Expect(JOBS, 9e6, None, "人", ">=", "target"), Expect(CPI, 3.0, None, "%", "~", "target")],
    ),
    2011: (
        "一、“十一五”时期经济社会发展回顾\n2010年，国内生产总值达到39.8万亿元，比上年增长10.3%；"
        "城镇新增就业1168万人；居民消费价格上涨3.3%。\n",
        "二、2011年的主要任务\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；"
        "城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内；居民消费价格总水平涨幅控制在4%左右。\n",
        [Expect(GDP, 10.3, None, "%", "=", "actual"), Expect(JOBS, 1.168e7, None, "人", "=", "actual"),
         Expect(CPI, 3.3, None, "%", "=", "actual"), Expect(GDP, 8.0, None, "%", "~", "target"),
         Expect(JOBS, 9e6, None, "人", ">=", "target"), Expect(CPI, 4.0, None, "%", "~", "target")],
    ),
    2012: (
        "一、2011年工作回顾\n国内生产总值达到47.2万亿元，增长9.2%；城镇新增就业1221万人；居民消费价格上涨5.4%。\n",
        "二、2012年工作总体部署\n今年经济社会发展的主要预期目标是：国内生产总值增长7.5%；"
        "城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内；居民消费价格涨幅控制在4%左右。\n",
        [Expect(GDP, 9.2, None, "%", "=", "actual"), Expect(JOBS, 1.221e7, None, "人", "=", "actual"),
         Expect(CPI, 5.4, None, "%", "=", "actual"), Expect(GDP, 7.5, None, "%", "=", "target"),
         Expect(JOBS, 9e6, None, "人", ">=", "target"), Expect(CPI, 4.0, None, "%", "~", "target")],
    ),
    2013: (
        "一、过去五年工作回顾\n2012年国内生产总值达到51.9万亿元，比上年增长7.8%。城镇新增就业1266万人，"
        "居民消费价格上涨2.6%。\n",
        "二、对今年政府工作的建议\n今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右；"
        "居民消费价格涨幅3.5%左右；城镇新增就业900万人以上，城镇登记失业率低于4.6%。\n",
        [Expect(GDP, 7.8, None, "%", "=", "actual"), Expect(JOBS, 1.266e7, None, "人", "=", "actual"),
         Expect(CPI, 2.6, None, "%", "=", "actual"), Expect(GDP, 7.5, None, "%", "~", "target"),
         Expect(CPI, 3.5, None, "%", "~", "target"), Expect(JOBS, 9e6, None, "人", ">=", "target")],
    ),
    2014: (
        "一、2013年工作回顾\n过去一年，国内生产总值达到56.9万亿元，比上年增长7.7%；居民消费价格涨幅控制在2.6%；"
        "城镇新增就业1310万人。\n",
        "二、2014年工作总体部署\n今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右；"
        "居民消费价格涨幅控制在3.5%左右；城镇新增就业1000万人以上，城镇登记失业率控制在4.6%以内。\n",
        [Expect(GDP, 7.7, None, "%", "=", "actual"), Expect(CPI, 2.6, None, "%", "<=", "actual"),
         Expect(JOBS, 1.31e7, None, "人", "=", "actual"), Expect(GDP, 7.5, None, "%", "~", "target"),
         Expect(CPI, 3.5, None, "%", "~", "target"), Expect(JOBS, 1e7, None, "人", ">=", "target")],
    ),
    2015: (
        "一、2014年工作回顾\n国内生产总值达到63.6万亿元，增长7.4%；城镇新增就业1322万人；居民消费价格涨幅2%。\n",
        "二、2015年工作总体部署\n今年经济社会发展的主要预期目标是：国内生产总值增长7%左右；"
        "居民消费价格涨幅3%左右；城镇新增就业1000万人以上，城镇登记失业率4.5%以内。\n",
        [Expect(GDP, 7.4, None, "%", "=", "actual"), Expect(JOBS, 1.322e7, None, "人", "=", "actual"),
         Expect(CPI, 2.0, None, "%", "=", "actual"), Expect(GDP, 7.0, None, "%", "~", "target"),
         Expect(CPI, 3.0, None, "%", "~", "target"), Expect(JOBS, 1e7, None, "人", ">=", "target")],
    ),
    2016: (
        "一、2015年和“十二五”时期发展回顾\n过去一年，国内生产总值达到67.7万亿元，增长6.9%；"
        "城镇新增就业1312万人；居民消费价格上涨1.4%。\n",
        "二、2016年重点工作\n今年经济社会发展的主要预期目标是：国内生产总值增长6.5%－7%；"
        "居民消费价格涨幅3%左右；城镇新增就业1000万人以上，城镇登记失业率4.5%以内。\n",
        [Expect(GDP, 6.9, None, "%", "=", "actual"), Expect(JOBS, 1.312e7, None, "人", "=", "actual"),
         Expect(CPI, 1.4, None, "%", "=", "actual"), Expect(GDP, 6.5, 7.0, "%", "=", "target"),
         Expect(CPI, 3.0, None, "%", "~", "target"), Expect(JOBS, 1e7, None, "人", ">=", "target")],
    ),
    2017: (
        "一、2016年工作回顾\n国内生产总值达到74.4万亿元，增长6.7%；居民消费价格上涨2%；城镇新增就业1314万人。\n",
        "二、2017年工作总体部署\n今年发展的主要预期目标是：国内生产总值增长6.5%左右，在实际工作中争取更好结果；"
        "居民消费价格涨幅3%左右；城镇新增就业1100万人以上，城镇登记失业率4.5%以内。\n",
        [Expect(GDP, 6.7, None, "%", "=", "actual"), Expect(CPI, 2.0, None, "%", "=", "actual"),
         Expect(JOBS, 1.314e7, None, "人", "=", "actual"), Expect(GDP, 6.5, None, "%", "~", "target"),
         Expect(CPI, 3.0, None, "%", "~", "target"), Expect(JOBS, 1.1e7, None, "人", ">=", "target")],
    ),
    2018: (
        "一、过去五年工作回顾\n2017年，国内生产总值增长6.9%，居民消费价格上涨1.6%，城镇新增就业1351万人。\n",
        "二、2018年经济社会发展总体要求和政策取向\n今年发展的主要预期目标是：国内生产总值增长6.5%左右；"
        "居民消费价格涨幅3%左右；城镇新增就业1100万人以上，城镇调查失业率5.5%以内，城镇登记失业率4.5%以内。\n",
        [Expect(GDP, 6.9, None, "%", "=", "actual"), Expect(CPI, 1.6, None, "%", "=", "actual"),
         Expect(JOBS, 1.351e7, None, "人", "=", "actual"), Expect(GDP, 6.5, None, "%", "~", "target"),
         Expect(CPI, 3.0, None, "%", "~", "target"), Expect(JOBS, 1.1e7, None, "人", ">=", "target")],
    ),
    2019: (
        "一、2018年工作回顾\n国内生产总值增长6.6%，总量突破90万亿元。城镇新增就业1361万人，"
        "居民消费价格上涨2.1%。\n",
        "二、2019年经济社会发展总体要求和政策取向\n今年发展的主要预期目标是：国内生产总值增长6%－6.5%；"
        "城镇新增就业1100万人以上，城镇调查失业率5.5%左右，城镇登记失业率4.5%以内；居民消费价格涨幅3%左右。\n",
        [Expect(GDP, 6.6, None, "%", "=", "actual"), Expect(JOBS, 1.361e7, None, "人", "=", "actual"),
         Expect(CPI, 2.1, None, "%", "=", "actual"), Expect(GDP, 6.0, 6.5, "%", "=", "target"),
         Expect(JOBS, 1.1e7, None, "人", ">=", "target"), Expect(CPI, 3.0, None, "%", "~", "target")],
    ),
    2020: (
        "一、2019年和今年以来工作回顾\n过去一年，国内生产总值增长6.1%，城镇新增就业1352万人，"
        "居民消费价格上涨2.9%。\n",
        "二、2020年发展主要目标任务\n今年发展主要目标是：城镇新增就业900万人以上，城镇调查失业率6%左右，"
        "城镇登记失业率5.5%左右；居民消费价格涨幅3.5%左右。\n",
        [Expect(GDP, 6.1, None, "%", "=", "actual"), Expect(JOBS, 1.352e7, None, "人", "=", "actual"),
         Expect(CPI, 2.9, None, "%", "=", "actual"), Expect(JOBS, 9e6, None, "人", ">=", "target"),
         Expect(CPI, 3.5, None, "%", "~", "target")],
    ),
    2021: (
        "一、2020年工作回顾\n国内生产总值增长2.3%，城镇新增就业1186万人，年末全国城镇调查失业率降到5.2%。\n",
        "二、2021年主要目标任务和重点工作\n今年发展主要预期目标是：国内生产总值增长6%以上；"
        "城镇新增就业1100万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n",
        [Expect(GDP, 2.3, None, "%", "=", "actual"), Expect(JOBS, 1.186e7, None, "人", "=", "actual"),
         Expect(GDP, 6.0, None, "%", ">=", "target"), Expect(JOBS, 1.1e7, None, "人", ">=", "target"),
         Expect(CPI, 3.0, None, "%", "~", "target")],
    ),
    2022: (
        "一、2021年工作回顾\n国内生产总值达到114.4万亿元，增长8.1%。城镇新增就业1269万人，"
        "居民消费价格上涨0.9%。\n",
        "二、2022年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长5.5%左右；"
        "城镇新增就业1100万人以上，城镇调查失业率全年控制在5.5%以内；居民消费价格涨幅3%左右。\n",
        [Expect(GDP, 8.1, None, "%", "=", "actual"), Expect(JOBS, 1.269e7, None, "人", "=", "actual"),
         Expect(CPI, 0.9, None, "%", "=", "actual"), Expect(GDP, 5.5, None, "%", "~", "target"),
         Expect(JOBS, 1.1e7, None, "人", ">=", "target"), Expect(CPI, 3.0, None, "%", "~", "target")],
    ),
    2023: (
        "过去一年，国内生产总值增长3%，城镇新增就业1206万人，居民消费价格上涨2%。\n",
        "二、对今年政府工作的建议\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右，"
        "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n",
        [Expect(GDP, 3.0, None, "%", "=", "actual"), Expect(JOBS, 1.206e7, None, "人", "=", "actual"),
         Expect(CPI, 2.0, None, "%", "=", "actual"), Expect(GDP, 5.0, None, "%", "~", "target"),
         Expect(JOBS, 1.2e7, None, "人", "~", "target"), Expect(CPI, 3.0, None, "%", "~", "target")],
    ),
    2024: (
        "一、2023年工作回顾\n国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人，"
        "居民消费价格上涨0.2%。\n",
        "二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长5%左右；"
        "城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n",
        [Expect(GDP, 5.2, None, "%", "=", "actual"), Expect(JOBS, 1.244e7, None, "人", "=", "actual"),
         Expect(CPI, 0.2, None, "%", "=", "actual"), Expect(GDP, 5.0, None, "%", "~", "target"),
         Expect(JOBS, 1.2e7, None, "人", ">=", "target"), Expect(CPI, 3.0, None, "%", "~", "target")],
    ),
}


def _report(year: int) -> tuple[str, list[Expect]]:
    review, targets, expected = REPORTS[year]
    return "政府工作报告\n" + review + targets, expected


def _outcome(year: int) -> list[tuple[Expect, bool, str]]:
    """Each expected record, whether it came out right, and what came out instead."""
    text, expected = _report(year)
    found = extract_quantities(text, doc_year=year, sections=parse_sections(text))
    out = []
    for e in expected:
        same_number = [q for q in found if q.unit == e.unit and q.value == pytest.approx(e.value)
                       and e.key in q.indicator]
        right = [q for q in same_number if (q.value_max is None if e.value_max is None
                                            else q.value_max == pytest.approx(e.value_max))
                 and q.qualifier == e.qualifier and q.kind == e.kind]
        seen = "; ".join(f"{q.indicator} {q.value} {q.value_max} {q.qualifier} {q.kind}" for q in same_number)
        out.append((e, bool(right), seen))
    return out


def test_battery_covers_the_forms() -> None:
    expected = [e for _, _, found in REPORTS.values() for e in found]
    assert len(REPORTS) >= 20 and len(expected) >= 110
    assert {e.qualifier for e in expected} == {"=", "~", ">=", "<="}
    assert any(e.value_max for e in expected) and any(e.value < 0 for e in expected)


def test_targets_and_actuals_at_least_nine_in_ten() -> None:
    outcomes = [(year, *o) for year in REPORTS for o in _outcome(year)]
    wrong = [(year, e, seen) for year, e, right, seen in outcomes if not right]
    for kind in ("target", "actual"):
        of_kind = [o for o in outcomes if o[1].kind == kind]
        share = sum(o[2] for o in of_kind) / len(of_kind)
        assert share >= 0.9, (kind, share, wrong)


@pytest.mark.parametrize("year", sorted(REPORTS))
def test_year_of_each_figure(year: int) -> None:
    """Targets are the report's year; the review's figures are the year before."""
    text, _ = _report(year)
    found = extract_quantities(text, doc_year=year, sections=parse_sections(text))
    main = [q for q in found if any(k in q.indicator for k in (GDP, CPI, JOBS))]
    assert main
    wrong = [(q.quote, q.kind, q.year) for q in main
             if q.year != (year if q.kind == "target" else year - 1)]
    assert len(wrong) <= 1, wrong


# Other figures of the same reports, each with the reading it must get.
def test_poverty_count_in_wan_implies_people() -> None:
    (q,) = extract_quantities("农村贫困人口减少1386万。", doc_year=2019)
    assert (q.indicator, q.value, q.unit) == ("农村贫困人口", -13860000.0, "人")


def test_deficit_ratio_indicator_stops_before_the_verb() -> None:
    found = extract_quantities("今年赤字率拟按2.8%安排，比去年预算低0.2个百分点；财政赤字2.38万亿元，"
                               "其中中央财政赤字1.83万亿元。", doc_year=2019)
    ratio = found[0]
    assert (ratio.indicator, ratio.value, ratio.unit, ratio.kind) == ("赤字率", 2.8, "%", "target")
    central = next(q for q in found if q.value == pytest.approx(1.83e12))
    assert central.indicator == "中央财政赤字"
    assert central.quote.startswith(("中央财政赤字", "其中中央财政赤字")), central.quote


@pytest.mark.parametrize(("text", "indicator", "value", "qualifier"), [
    ("城镇新增就业1352万人，调查失业率在5.3%以下。", "调查失业率", 5.3, "<="),
    ("城镇新增就业1314万人，年末城镇登记失业率4.02%，为多年来最低。", "城镇登记失业率", 4.02, "="),
])
def test_review_rate_indicator_without_its_preposition(text: str, indicator: str, value: float,
                                                       qualifier: str) -> None:
    rate = extract_quantities(text, doc_year=2020)[-1]
    assert (rate.indicator, rate.value, rate.qualifier) == (indicator, value, qualifier)
