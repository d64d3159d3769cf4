"""Cleaning: every rule's examples, golden with/without pages, parts, masks, scrubbed years,
configuration, the audit trail, the seeds' gold, and property tests (never raises, idempotent)."""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext.clean import CleanConfig, clean, clean_and_explain
from policytext.errors import ConfigError
from policytext.model import REMOVED_KINDS, Document
from policytext.rules.boilerplate import CONTEXT_RULES, RULE_NAMES, RULES, classify_line

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def doc(text: str, source: str = "page.txt") -> Document:
    return Document(source=source, text=text, encoding="utf-8")


def removed_rules(text: str, config: CleanConfig | None = None) -> dict[str, str]:
    """line -> rule that removed it."""
    return {r.line: r.rule for r in clean(doc(text), config).removed}


# ====================================================================== every line rule's examples

@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_line_rule_positive_examples_are_removed_by_that_rule(rule):
    assert rule.positive, f"{rule.name} has no positive example"
    for example in rule.positive:
        assert rule.matches(example), example
        assert classify_line(example) == (rule.kind, rule.name), example


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_line_rule_negative_examples_are_kept(rule):
    assert rule.negative, f"{rule.name} has no negative example"
    for example in rule.negative:
        assert classify_line(example) is None, example


def test_every_rule_has_a_contract_kind_and_a_unique_name():
    assert all(rule.kind in REMOVED_KINDS for rule in RULES)
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    assert set(CONTEXT_RULES) <= set(RULE_NAMES)


# ====================================================================== golden pages

MUNICIPAL = """首页
政务公开
办事服务
互动交流
走进静安
当前位置：首页 > 政务公开 > 政策文件 > 区政府文件
关于印发《静安区促进人工智能产业发展的若干意见》的通知
发布日期：2021-03-15　　来源：区政府办公室　　浏览次数：1523
【字体：大 中 小】
静府发〔2021〕5号
各街道办事处、彭浦镇政府，区政府各委、办、局：
现将《静安区促进人工智能产业发展的若干意见》印发给你们，请认真贯彻执行。
上海市静安区人民政府
2021年3月10日
（此件公开发布）
静安区促进人工智能产业发展的若干意见
为加快推进人工智能产业发展，到2025年，全区人工智能企业超过300家。
一、加强人才引进
对引进的高层次人才给予最高100万元奖励。
分享到：
【打印本页】【关闭窗口】
上一篇：关于印发《静安区数字经济发展规划》的通知
下一篇：关于开展2021年度安全生产检查的通知
相关文章
关于印发《静安区数字经济发展规划》的通知
静安区科技创新券实施办法
网站地图 | 联系我们 | 使用帮助 | 隐私声明
主办单位：上海市静安区人民政府办公室　承办单位：上海市静安区大数据中心
沪ICP备12345678号　沪公网安备 31010602000000号　网站标识码：3101060001
"""
MUNICIPAL_CONTENT = 15  # lines 7 and 10-19 … : every line from the title to the last body line


def test_municipal_page_with_full_chrome():
    cleaned = clean(doc(MUNICIPAL))
    lines = cleaned.text.split("\n")
    assert lines[0] == "关于印发《静安区促进人工智能产业发展的若干意见》的通知"
    assert lines[-1] == "对引进的高层次人才给予最高100万元奖励。"
    assert "静府发〔2021〕5号" in lines and "上海市静安区人民政府" in lines and "2021年3月10日" in lines
    kinds = Counter(r.kind for r in cleaned.removed)
    assert kinds == {"site_nav": 9, "breadcrumb": 1, "page_meta": 2, "comment_widget": 1,
                     "related_links": 3, "other": 2}
    assert len(lines) + len(cleaned.removed) == MUNICIPAL.count("\n")


MUNICIPAL_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>关于印发《静安区促进人工智能产业发展的若干意见》的通知_上海市静安区人民政府</title>
<script>var _hmt = _hmt || [];</script>
<style>body{font-size:14px}</style></head>
<body>
<div class="top"><a href="/">设为首页</a> | <a href="#">加入收藏</a> | <a href="#">无障碍阅读</a>
</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li>
<a href="/zwgk">政务公开</a></li><li>
<a href="/bsfw">办事服务</a></li><li>
<a href="/hdjl">互动交流</a></li><li>
<a href="/zjja">走进静安</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</div>
<div class="article">
<h1>关于印发《静安区促进人工智能产业发展的若干意见》的通知</h1>
<div class="info"><span>发布日期：2021-03-15</span>&nbsp;&nbsp;
<span>来源：区政府办公室</span>&nbsp;&nbsp;<span>浏览次数：<em id="cnt">1523</em>
</span>
<span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>
</div>
<div class="content">
<p style="text-align:center">静府发〔2021〕5号</p>
<p>各街道办事处、彭浦镇政府，区政府各委、办、局：</p>
<p>　　现将《静安区促进人工智能产业发展的若干意见》印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">上海市静安区人民政府</p>
<p style="text-align:right">2021年3月10日</p>
<p>　　为加快推进人工智能产业发展，到2025年，全区人工智能企业超过300家，产业规模达到500亿元。</p>
</div>
<div class="share">分享到：<a class="wx"></a>
<a class="wb"></a></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a>
<a href="javascript:window.close()">【关闭窗口】</a>
</div>
<div class="prevnext">
<p>上一篇：<a href="#">关于印发《静安区数字经济发展规划》的通知</a></p>
<p>下一篇：<a href="#">关于开展2021年度安全生产检查的通知</a></p></div>
<div class="related"><h3>相关文章</h3><ul><li>
<a href="#">关于印发《静安区数字经济发展规划》的通知</a></li><li>
<a href="#">静安区科技创新券实施办法</a></li></ul></div>
</div>
<div class="footer"><p>
<a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">使用帮助</a> | <a href="#">隐私声明</a>
</p>
<p>主办单位：上海市静安区人民政府办公室　承办单位：上海市静安区大数据中心</p>
<p>沪ICP备12345678号　<img src="ga.png">沪公网安备 31010602000000号　网站标识码：3101060001</p>
</div>
</body></html>
"""


def test_municipal_html_page_end_to_end(tmp_path):
    from policytext.io import read_document

    path = tmp_path / "page.html"
    path.write_text(MUNICIPAL_HTML, encoding="utf-8")
    cleaned = clean(read_document(path))
    assert cleaned.text.split("\n") == [
        "关于印发《静安区促进人工智能产业发展的若干意见》的通知", "静府发〔2021〕5号",
        "各街道办事处、彭浦镇政府，区政府各委、办、局：",
        "现将《静安区促进人工智能产业发展的若干意见》印发给你们，请认真贯彻执行。",
        "上海市静安区人民政府", "2021年3月10日",
        "为加快推进人工智能产业发展，到2025年，全区人工智能企业超过300家，产业规模达到500亿元。"]
    assert len(cleaned.removed) == 18
    assert "<" not in "".join(r.line for r in cleaned.removed)


INDEX_PAGE = """索 引 号：000014349/2021-00012
主题分类：科技、教育\\科技
发文机关：国务院办公厅
成文日期：2021年07月27日
标　　题：国务院办公厅关于完善科技成果评价机制的指导意见
发文字号：国办发〔2021〕26号
发布日期：2021年08月02日
主 题 词：
国务院办公厅关于完善科技成果评价机制的指导意见
国办发〔2021〕26号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
科技成果评价是科技管理工作的重要内容。经国务院同意，现提出如下意见。
一、总体要求
国务院办公厅
2021年7月16日
【我要纠错】 责任编辑：王五
"""


def test_document_index_page_front_matter():
    cleaned = clean(doc(INDEX_PAGE))
    assert cleaned.text.split("\n")[0] == "国务院办公厅关于完善科技成果评价机制的指导意见"
    assert [r.lineno for r in cleaned.removed] == [1, 2, 3, 4, 5, 6, 7, 8, 16]
    assert {r.kind for r in cleaned.removed} == {"page_meta"}
    assert "国务院办公厅\n2021年7月16日" in cleaned.text


def test_front_matter_flattened_to_label_and_value_lines():
    text = ("索引号：\n000014349/2021-00012\n发布机构：\n国务院办公厅\n成文日期：\n2021年07月27日\n主题词：\n"
            "国务院办公厅关于某事的通知\n各省人民政府：\n现通知如下。\n")
    cleaned = clean(doc(text))
    # the title after an empty 主题词： is not taken for its value
    assert cleaned.text == "国务院办公厅关于某事的通知\n各省人民政府：\n现通知如下。"
    assert [r.rule for r in cleaned.removed] == ["page_meta_fields", "meta_block"] * 3 + ["page_meta_fields"]


def test_database_export_header_and_near_duplicate_title():
    text = ("    【法宝引证码】 CLI.12.4638041\n原文链接：https://www.pkulaw.com/lar/e069.html\n"
            "安徽省人民政府办公厅关于印发行动计划(2021—2023年)的通知\n"
            "安徽省人民政府办公厅关于印发行动计划（2021-2023年）的通知\n\n（皖政办秘〔2021〕82号）\n"
            "各市人民政府：\n　　《行动计划（2021-2023年）》已经省政府同意，现印发给你们。\n")
    rules = removed_rules(text)
    assert rules == {"【法宝引证码】 CLI.12.4638041": "db_export_header",
                     "原文链接：https://www.pkulaw.com/lar/e069.html": "bare_url",
                     "安徽省人民政府办公厅关于印发行动计划（2021-2023年）的通知": "duplicated_title"}


def test_yaml_front_matter_and_its_notes():
    text = ("---\n标题: 普陀区水务规划\n文号: 普建委〔2026〕78号\n状态: 有效\n---\n\n"
            "本文正文由脚本自官方公开页面提取，仅供检索查阅；以官方链接发布版本为准。\n"
            "普陀区水务规划\n一、发展现状\n“十四五”期间，普陀区水务工作取得显著成效。\n")
    cleaned = clean(doc(text))
    assert cleaned.text == "普陀区水务规划\n一、发展现状\n“十四五”期间，普陀区水务工作取得显著成效。"
    assert Counter(r.rule for r in cleaned.removed) == {"front_matter_block": 5, "edge_disclaimer": 1}


# ====================================================================== rules with neighbours

MENU = ["学术活动", "主题论坛", "专题研讨", "研究报告", "成果出版", "媒体报道", "关于我们", "联系我们"]
HEAD_MENU = ["首页", "学术活动", "主题论坛", "专题研讨", "成果出版"]
BODY = "一、发展目标\n到2025年，初步建成高能级科技创新引领区，创新策源功能明显增强。\n"


def test_nav_run_at_the_end_is_removed():
    rules = removed_rules(BODY + "\n".join(MENU) + "\n")
    assert rules == dict.fromkeys(MENU, "nav_run")


def test_nav_run_at_the_head_is_removed_but_not_a_short_title():
    rules = removed_rules("\n".join(HEAD_MENU) + "\n政府工作报告\n" + BODY)
    assert rules == dict.fromkeys(HEAD_MENU, "nav_run")


@pytest.mark.parametrize("tail", [
    "工业和信息化部\n财政部\n自然资源部\n住房和城乡建设部\n交通运输部\n2024年5月14日",   # joint signatures
    "学术活动\n主题论坛\n专题研讨\n成果出版",                                    # below min_nav_run
    "五\n水管理\n27\n水务现代化管理\n持续推进\n26\n持续推进",                     # a flattened table
])
def test_short_lines_at_the_end_that_are_not_a_menu_are_kept(tail):
    assert removed_rules(BODY + tail + "\n") == {}


def test_section_label_beside_page_metadata():
    text = "静安区人民政府关于落实审议意见的报告\n政策\n发布部门:区审计局\n发布时间:2024年02月27日\n正文。\n"
    assert removed_rules(text) == {"政策": "section_label", "发布部门:区审计局": "page_meta_fields",
                                   "发布时间:2024年02月27日": "page_meta_fields"}


def test_short_line_in_the_body_is_not_a_section_label():
    assert removed_rules("关于印发规划的通知\n政策\n各区人民政府：\n现印发给你们。\n") == {}


def test_related_links_block_at_the_foot():
    text = BODY + "相关阅读\n关于印发数字经济规划的通知\n科技创新券实施办法\n沪ICP备12345678号\n"
    assert removed_rules(text) == {"相关阅读": "related_header",
                                   "关于印发数字经济规划的通知": "related_block",
                                   "科技创新券实施办法": "related_block", "沪ICP备12345678号": "site_footer"}


def test_related_header_followed_by_body_keeps_the_body():
    text = "相关文件\n关于加强组织领导的通知\n各部门要认真落实，确保各项任务按期完成。\n"
    assert removed_rules(text) == {"相关文件": "related_header"}


def test_site_sponsor_at_the_foot_beside_furniture():
    text = BODY + "网站地图 | 联系我们 | 使用帮助 | 隐私声明\n主办单位：上海市静安区人民政府办公室\n"
    assert removed_rules(text)["主办单位：上海市静安区人民政府办公室"] == "edge_footer"
    event = "一、活动安排\n主办单位：上海市科学技术委员会\n承办单位另行通知。\n"
    assert removed_rules(event) == {}


def test_duplicated_title_only_the_second_copy():
    cleaned = clean(doc("杨浦建设国家创新型试点城区工作汇报\n杨浦建设国家创新型试点城区工作汇报\n正文。\n"))
    assert cleaned.text == "杨浦建设国家创新型试点城区工作汇报\n正文。"
    assert [(r.lineno, r.kind) for r in cleaned.removed] == [(2, "duplicated_title")]


def test_duplicated_title_across_blank_lines_and_page_metadata():
    text = ("关于印发规划的通知发布时间: 2023-06-20\n\n关于印发规划的通知\n\n关于印发规划的通知\n\n"
            "各区：\n现印发。\n")
    cleaned = clean(doc(text))
    assert cleaned.text == "关于印发规划的通知\n\n各区：\n现印发。"
    assert [r.rule for r in cleaned.removed] == ["page_meta_fused_date", "duplicated_title"]


def test_page_title_with_the_site_name_above_the_document_title():
    text = ("关于印发规划的通知_上海市静安区人民政府\n当前位置：首页 > 政策\n关于印发规划的通知\n"
            "各区：\n现印发。\n")
    cleaned = clean(doc(text))
    assert cleaned.text.split("\n")[0] == "关于印发规划的通知"
    assert cleaned.removed[0].kind == "duplicated_title"
    kept = "关于推进长三角一体化——上海市发展改革委\n正文第一句。\n"
    assert clean(doc(kept)).text == kept.strip()


def test_repeated_table_cells_are_not_titles():
    text = BODY * 3 + "指标\n100%\n100%\n持续推进\n持续推进\n"
    assert removed_rules(text) == {}


def test_footer_repeats_title_in_book_quotes():
    text = "杨浦工作汇报\n正文第一段。\n正文第二段。\n正文第三段。\n免责声明：仅供学习。\n《杨浦工作汇报》\n"
    assert removed_rules(text)["《杨浦工作汇报》"] == "footer_title"
    assert "《杨浦工作汇报》" not in removed_rules("杨浦工作汇报\n正文。\n《其他文件》\n")


# ====================================================================== parts

COMPILATION = """关于推进试点城区建设的实施意见
一、指导思想
坚持人才优先。深化改革。
2024年11月2日
第二篇：创新工作报告
创新工作报告
为深入贯彻落实党的十八大精神，扎实推进试点建设。
一、成效
全年新增企业***家，投入****万元。
第三篇：建设宣讲提纲
建设宣讲提纲
为使试点建设家喻户晓，开展宣讲活动。
建设创新型城区是国家战略。
"""


def test_part_headers_split_a_compilation():
    cleaned = clean(doc(COMPILATION))
    assert [p.part for p in cleaned.parts] == [1, 2, 3]
    assert [p.header for p in cleaned.parts] == [None, "第二篇：创新工作报告", "第三篇：建设宣讲提纲"]
    assert [p.text.split("\n")[0] for p in cleaned.parts] == [
        "关于推进试点城区建设的实施意见", "第二篇：创新工作报告", "第三篇：建设宣讲提纲"]
    # the title repeated after its header is a duplicated title, recorded in its own part
    assert [(r.line, r.kind) for r in cleaned.parts[1].removed] == [("创新工作报告", "duplicated_title")]
    assert [(r.line, r.kind) for r in cleaned.parts[2].removed] == [("建设宣讲提纲", "duplicated_title")]
    assert [m.text for m in cleaned.parts[1].masked] == ["***家", "****万元"]


@pytest.mark.parametrize(("header", "is_part"), [
    ("【篇二】乙工作总结", True), ("篇二：乙工作总结", True), ("第2篇：乙工作总结", True),
    ("第二篇之后的乙工作总结", False), ("二、乙工作总结", False),
])
def test_part_header_forms(header, is_part):
    text = f"甲工作总结\n今年完成各项任务。\n{header}\n乙单位今年完成各项任务。继续努力。\n"
    assert len(clean(doc(text)).parts) == (2 if is_part else 1)


def test_further_reading_header_before_an_appended_document():
    text = ("工作汇报\n今年工作取得成效。继续推进。\n- 上一篇:旧文章\n扩展阅读:关于贯彻落实决议的情况\n"
            "关于贯彻落实决议的情况\n一、开展总体设计\n成立领导小组，下设办公室。\n编制完成实施方案。\n下一篇：新文章\n")
    cleaned = clean(doc(text))
    assert len(cleaned.parts) == 2
    second = cleaned.parts[1]
    assert second.header == "扩展阅读:关于贯彻落实决议的情况"
    assert second.text.split("\n")[0] == "关于贯彻落实决议的情况"
    assert [(r.line, r.kind) for r in second.removed] == [
        ("扩展阅读:关于贯彻落实决议的情况", "related_links"), ("下一篇：新文章", "site_nav")]
    assert [r.line for r in cleaned.parts[0].removed] == ["- 上一篇:旧文章"]
    assert len(cleaned.removed) == 3


def test_further_reading_followed_by_links_only_is_a_related_block():
    text = "正文第一段。\n正文第二段。\n延伸阅读：\n关于某某的通知\n某某实施办法\n"
    cleaned = clean(doc(text))
    assert len(cleaned.parts) == 1
    assert cleaned.text == "正文第一段。\n正文第二段。"


def test_lines_before_the_first_part_are_only_in_the_file_removed():
    text = ("您的位置：首页 > 文库\n第一篇：甲报告\n甲报告正文，内容丰富。继续推进。\n"
            "第二篇：乙报告\n乙报告正文，内容丰富。继续推进。\n")
    cleaned = clean(doc(text))
    assert [p.header for p in cleaned.parts] == ["第一篇：甲报告", "第二篇：乙报告"]
    assert [r.rule for r in cleaned.removed] == ["breadcrumb_label"]
    assert all(not p.removed for p in cleaned.parts)


def test_pipeline_result_removed_holds_only_lines_outside_parts():
    from policytext.pipeline import extract

    text = ("您的位置：首页 > 文库\n第一篇：甲报告\n甲报告正文，内容丰富。继续推进。\n验证码\n"
            "第二篇：乙报告\n乙报告正文，内容丰富。继续推进。\n")
    result = extract(doc(text))
    assert [r.line for r in result.removed] == ["您的位置：首页 > 文库"]
    assert [r.line for r in result.documents[0].removed] == ["验证码"]


# ====================================================================== masks and scrubbed years

def test_masks_kinds_contexts_and_spans():
    text = "到201*年，把杨浦区建成。专业人才201*名，***办下发了文件，实现产值****余万元，为**名毕业生。\n"
    part = clean(doc(text)).parts[0]
    assert [(m.text, m.kind) for m in part.masked] == [
        ("201*", "masked_year"), ("201*", "masked_number"), ("***", "masked_name"),
        ("****余万元", "masked_number"), ("**名", "masked_number")]
    for m in part.masked:
        assert part.text[m.start:m.end] == m.text
        assert m.text in m.context and m.context in part.text
    assert "201*" in part.text  # kept as written, never turned into 201
    assert part.year_scrubbed


def test_lone_asterisk_and_names_are_not_masks():
    part = clean(doc("生产效率提升*（%）\n*注：标注*的项目为选测项目。\n依托***人力社保局\n")).parts[0]
    assert [(m.text, m.kind) for m in part.masked] == [("***", "masked_name")]
    assert not part.year_scrubbed


def test_mask_in_a_removed_line_goes_to_its_part():
    cleaned = clean(doc("正文第一段。\n正文第二段。\n- 下一篇:201*争先创优工作总结\n"))
    masked = cleaned.parts[0].masked
    assert [(m.text, m.kind, m.start) for m in masked] == [("201*", "masked_year", -1)]
    assert masked[0].context == "- 下一篇:201*争先创优工作总结"


def test_impossible_range_marks_scrubbed_years():
    text = "按照《人才发展规划纲要（2024－2024年）》的要求，2024年人才总量达到29.5万人。\n"
    part = clean(doc(text)).parts[0]
    assert part.year_scrubbed
    assert part.scrub_evidence[0] == "impossible range 2024－2024"
    assert [m.text for m in part.masked if m.kind == "scrubbed_year"] == ["2024", "2024", "2024"]


def test_planning_an_old_period_with_new_dates_is_anachronism():
    text = "建议将试点城区建设纳入上海国民经济和社会发展第十二个五年规划。到2024年，建成创新型城区。\n"
    part = clean(doc(text)).parts[0]
    assert part.year_scrubbed
    assert "十二五" in part.scrub_evidence[-1]


def test_a_period_named_in_retrospect_is_no_anachronism():
    text = "自“十二五”规划编制实施以来，2016年建成园区，2023年产值翻番。\n"
    assert not clean(doc(text)).parts[0].year_scrubbed


@pytest.mark.parametrize("text", [
    "“十三五”以来，杨浦区坚持创新驱动。截至2020年底，全区集聚10余所高校。到2025年，初步建成引领区。",
    "《行动计划（2021-2023年）》已经省政府同意。2022年3月23日",
    "二三五年远景目标纲要。建议按照03年的做法推进。",
])
def test_genuine_years_are_not_scrubbed(text):
    part = clean(doc(text)).parts[0]
    assert not part.year_scrubbed
    assert part.masked == ()


def test_every_year_the_same_value_in_a_file():
    text = ("第一篇：甲报告\n（2024－2024年）规划纲要。2024年目标。继续推进。\n"
            "第二篇：乙报告\n到2024年，建成城区。2024年3月18日召开会议。继续推进。\n2024年4月批准。\n")
    parts = clean(doc(text)).parts
    assert [p.year_scrubbed for p in parts] == [True, True]
    assert "every year in the file is 2024" in parts[1].scrub_evidence[0]


# ====================================================================== joins, repairs

def test_title_broken_across_lines_is_joined_and_recorded():
    cleaned = clean(doc(" 关于打造创新创业人才高地推进创新型试点城\n区建设的实施意见\n中共上海市杨浦区委\n"))
    assert cleaned.text.split("\n")[:2] == ["关于打造创新创业人才高地推进创新型试点城区建设的实施意见",
                                          "中共上海市杨浦区委"]
    assert [(r.rule, r.lineno) for r in cleaned.repairs] == [("join_broken_lines", 1)]


@pytest.mark.parametrize(("lines", "title"), [
    (["国务院办公厅关于全面推行", "行政执法公示制度执法全过程记录制度的", "指导意见"],
     "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度的指导意见"),
    (["国务院办公厅", "关于四川省所提问题和建议办理情况的函"],
     "国务院办公厅关于四川省所提问题和建议办理情况的函"),
    (["国务院办公厅关于有效发挥政府性", "融资担保基金作用切实支持小微企业和", "“三农”发展的指导意见"],
     "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见"),
])
def test_title_broken_over_several_lines_is_joined(lines, title):
    cleaned = clean(doc("\n".join([*lines, "国办发〔2018〕118号", "各省人民政府：", "现提出如下意见。"])))
    assert cleaned.text.split("\n")[0] == title


@pytest.mark.parametrize("lines", [
    ["杨浦建设国家创新型试点城区工作汇报", "上海市科学技术委员会", "杨浦区委、区政府"],  # then issuers
    ["发扬井冈山精神", "推进杨浦国家创新型试点城区建设"],                              # no genre at the end
    ["上海市人民政府文件", "沪府发〔2020〕1号", "上海市人民政府关于某事的通知"],          # a document number
])
def test_title_zone_lines_that_are_not_one_title_stay_apart(lines):
    text = "\n".join([*lines, "正文第一句。"])
    assert clean(doc(text)).text == text


def test_blank_line_is_a_paragraph_break_not_a_wrap():
    text = ("科技型中小企业达8000余家，一批新生代互联网企业蓬勃发展，成为区域经济一道靓丽的风景线\n\n"
            "产业集群态势明显。\n")
    cleaned = clean(doc(text))
    assert cleaned.text == text.strip()  # the blank line stays, so that cleaning again joins nothing
    assert clean(doc(cleaned.text)).text == cleaned.text
    assert clean(doc(text.replace("\n\n", "\n\n\n"))).text == text.strip()


def test_line_repairs_are_recorded_with_line_numbers():
    cleaned = clean(doc("标题\n2016年是““十三五””开局之年\u200b，总值7 4 7 7 2 亿元。\n"))
    assert cleaned.text == "标题\n2016年是“十三五”开局之年，总值74772亿元。"
    assert [(r.rule, r.lineno) for r in cleaned.repairs] == [
        ("remove_zero_width", 2), ("undouble_quotes", 2), ("join_split_digits", 2)]


# ====================================================================== configuration, audit, inputs

def test_rules_and_fixers_are_toggled_by_name():
    text = "您的位置: 首页 > 政策\n““十三五””规划。\n"
    config = dataclasses.replace(CleanConfig(), rules=tuple(n for n in RULE_NAMES if n != "breadcrumb_label"),
                                 fixers=())
    assert clean(doc(text), config).text == "您的位置: 首页 > 政策\n““十三五””规划。"
    assert clean(doc(text)).text == "“十三五”规划。"


def test_split_and_masks_can_be_switched_off():
    config = CleanConfig(split_parts=False, detect_masks=False)
    cleaned = clean(doc(COMPILATION), config)
    assert len(cleaned.parts) == 1 and cleaned.parts[0].masked == ()


@pytest.mark.parametrize("kwargs", [{"rules": ("nope",)}, {"fixers": ("nope",)},
                                    {"rules": "breadcrumb_label"}, {"min_nav_run": 1}])
def test_bad_configuration_is_refused_with_the_valid_names(kwargs):
    with pytest.raises(ConfigError):
        CleanConfig(**kwargs)


def test_clean_and_explain_shows_every_removed_line_with_its_rule():
    explained = clean_and_explain(doc(MUNICIPAL))
    assert len(explained.removed) == len(explained.cleaned.removed)
    report = explained.report()
    for r in explained.cleaned.removed:
        assert re.search(rf"^\s*{r.lineno}\s+removed\s+{r.kind}\s+{r.rule}\s+", report, re.MULTILINE)
    assert str(explained) == report
    assert len(explained.report(kept=True).split("\n")) == MUNICIPAL.strip().count("\n") + 1


def test_clean_refuses_bytes_with_advice():
    with pytest.raises(ConfigError, match="read_document"):
        clean(b"bytes")  # type: ignore[arg-type]


def test_clean_accepts_a_string_and_keeps_meta():
    assert clean("正文。").source == "<text>"
    page = Document("p.html", "正文。", "utf-8", meta={"发文字号": "国发〔2019〕5号"})
    assert clean(page).meta == {"发文字号": "国发〔2019〕5号"}


# ====================================================================== the seeds' gold

def _squash(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _han(s: str) -> str:
    return "".join(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", s))


def _gold(stem: str, name: str) -> list[dict]:
    path = SHARED / "gold" / stem / name
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not beside this checkout")
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_gold_boilerplate_removed_and_content_kept(seed):
    from policytext.io import read_document

    source = seed.read_text(encoding="utf-8")
    cleaned = clean(read_document(seed))
    text = "\n".join(p.text for p in cleaned.parts)
    lines = {_squash(x) for x in text.split("\n")}
    for g in _gold(seed.stem, "boilerplate.jsonl"):
        line = _squash(g["line"])
        if g["kind"] == "duplicated_title":
            assert _squash(text).count(line) < _squash(source).count(line), g["line"]
        else:
            assert line not in lines and (len(line) < 6 or line not in _squash(text)), g["line"]
    gold_lines = {_squash(g["line"]) for g in _gold(seed.stem, "boilerplate.jsonl")}
    kept_han = _han(text)
    for line in source.split("\n"):
        if _squash(line) and _squash(line) not in gold_lines:
            for sentence in re.split(r"[。！？；!?;]", line):
                assert _han(sentence) in kept_han, sentence


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not beside this checkout")
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_gold_parts_masks_and_scrubbing(seed):
    from policytext.io import read_document

    cleaned = clean(read_document(seed))
    documents = _gold(seed.stem, "documents.jsonl")
    assert len(cleaned.parts) == len(documents)
    for part, gold in zip(cleaned.parts, documents, strict=True):
        assert _han(gold["first_line"])[:12] in _han(part.text)[:400]
        assert part.year_scrubbed is gold["year_scrubbed"], part.part

    def key(text: str) -> str:
        return re.search(r"[0-9]*[*＊]+[0-9*＊]*", unicodedata.normalize("NFKC", text)).group(0)

    gold = _gold(seed.stem, "masked.jsonl")
    gold_masks = Counter(key(m["text"]) for m in gold if m["kind"] != "scrubbed_year")
    found = Counter(key(m.text) for p in cleaned.parts for m in p.masked if m.kind != "scrubbed_year")
    assert found == gold_masks


# ====================================================================== properties

FURNITURE = ["您的位置: 首页 > 政策", "发布时间: 2023-06-20", "验证码", "全部评论", "- 下一篇:201*工作总结",
             "http://example.org/a.html", "扩展阅读:关于某事的情况", "第二篇：某报告", "学术活动",
             "联系我们", "政策", "相关阅读", "《某报告》", "---", "标题: 某报告", "免责声明：仅供学习。",
             "2024－2024年", "**名", "首页", "政务公开", "网站首页", "Moushi Municipal Government",
             "索引号\t000014349/2021-00031", "标题\t某报告", "简体 | 繁體 | EN", "地址：某路1号 邮编：230071",
             "某报告_政策文件_某市人民政府"]
BODY_LINES = ["某报告", "关于推进试点城", "区建设的实施意见", "一、指导思想", "到2025年，企业超过4500家。",
              "坚持党管人才原则，加强和完善党委统一领导，有关部门各", "司其职、密切配合。", "", " ",
              "“十四五”规划", "上海市杨浦区人民政府", "2021年7月27日", "““十三五””", "7 4 7 7 2 亿元",
              "***办下发了文件。", "某市人民政府", "某市人民政府关于加强管理的通知",
              "各区人民政府，市政府各部门：", "工作要点", "关于加强管理的通知"]
LINES = st.lists(st.one_of(st.sampled_from(FURNITURE), st.sampled_from(BODY_LINES), st.text(max_size=12)),
                 max_size=25)


def _check_idempotent(text: str) -> None:
    once = clean(doc(text))
    twice = clean(doc(once.text))
    assert twice.text == once.text
    for part in once.parts:
        for m in part.masked:
            if m.start >= 0:
                assert part.text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_clean_never_raises_and_is_idempotent_on_arbitrary_text(text):
    _check_idempotent(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_clean_is_idempotent_on_pages_built_from_furniture_and_body(lines):
    _check_idempotent("\n".join(lines))
