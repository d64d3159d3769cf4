"""Five-year-plan periods (policytext.periods): golden with/without cases for the votes of the title,
the date and the body."""

from __future__ import annotations

import pytest

from policytext.meta import Facts, describe
from policytext.model import Part
from policytext.periods import decide_period, period_of_year


def facts(text: str, scrubbed: bool = False) -> Facts:
    return describe(Part(part=1, text=text, year_scrubbed=scrubbed))


def test_period_of_year_bounds():
    assert [period_of_year(y) for y in (2001, 2005, 2006, 2015, 2016, 2030)] == \
        ["十五", "十五", "十一五", "十二五", "十三五", "十五五"]
    assert period_of_year(2000) is None and period_of_year(2031) is None


def test_period_with():
    assert decide_period("正文。", "某区“十四五”规划", None)[0] == "十四五"
    assert decide_period("2016年是““十三五””开局之年。", None, "2016-05-06")[0] == "十三五"
    assert decide_period("将试点纳入上海国民经济和社会发展第十二个五年规划。", None, None)[0] == "十一五"
    assert decide_period("把试点作为区“十二五”规划编制的主线。", None, None)[0] == "十一五"
    assert decide_period("深入贯彻落实党的十八大精神。", None, None)[0] == "十二五"
    assert decide_period("制定2021—2025年行动。", None, None)[0] == "十四五"


def test_period_from_years_in_the_title():
    assert decide_period("正文。", "山东省推动智能传感器产业发展行动计划（2021-2023年）", None)[0] == "十四五"
    assert decide_period("正文。", "普陀区科委2016年工作要点", None)[0] == "十三五"
    # a range across two periods says nothing by itself
    assert decide_period("正文。", "某市发展纲要（2018—2035年）", None)[0] is None


def test_period_preparing_the_next_plan_is_weak_evidence():
    text = "贯彻落实党的十八大精神。“十二五”末，试点形成示范效应。把试点纳入全省“十二五”发展重点。"
    assert decide_period(text, None, None)[0] == "十二五"


def test_period_named_outweighs_the_party_congress():
    assert decide_period("贯彻党的十九大精神，落实“十四五”部署。", None, None)[0] == "十四五"


def test_period_from_the_year_named_most_often_only_as_a_last_resort():
    text = "2019年底前建成平台。2019年完成试点。到2022年推广。到2022年全覆盖。到2022年见效。"
    assert decide_period(text, None, None)[0] == "十三五"      # target years (到2022年) aside
    assert decide_period(text + "落实“十四五”部署。", None, None)[0] == "十四五"
    assert decide_period(text, None, None, date_trusted=False)[0] is None


def test_period_date_outweighs_a_passing_mention():
    period, why = decide_period("“十三五”以来，成绩显著。", None, "2021-07-27")
    assert period == "十四五" and "date 2021-07-27" in why


def test_period_title_year_far_from_the_date_names_an_event():
    title = "国务院办公厅关于同意申办2009年冬季运动会的复函"
    period, why = decide_period("正文。", title, "2004-04-27")
    assert period == "十五" and "an event" in why
    # with: a work plan dated the year before its title year
    assert decide_period("正文。", "某区2016年工作要点", "2015-12-28")[0] == "十三五"
    # an untrusted (scrubbed) date does not overrule the title year
    assert decide_period("正文。", "某区2010年工作要点", "2024-01-05", date_trusted=False)[0] == "十一五"


def test_period_ignores_a_scrubbed_date():
    assert decide_period("正文。", None, "2024-11-02", date_trusted=False)[0] is None
    assert facts("某实施意见\n正文。\n2024年11月2日", scrubbed=True).period is None
    assert facts("某实施意见\n正文。\n2024年11月2日").period == "十四五"


@pytest.mark.parametrize("text", ["第十五条 本办法自印发之日起施行。", "十五年来，成绩显著。", "没有线索。"])
def test_period_without(text):
    assert decide_period(text, None, None)[0] is None
