"""Cleaning, second pass: the chrome of realistic pages and the joins that must not happen.

Each named rule has golden cases with text that must go and text that must stay; whole pages
(written for these tests after the forms of municipal portals, document-index pages and database
exports, not copied from any seed) are cleaned with and without their chrome.
"""

from __future__ import annotations

import pytest

from policytext.clean import clean, clean_and_explain
from policytext.fixes import can_join, ends_title, is_addressee, title_run
from policytext.model import Document


def doc(text: str) -> Document:
    return Document(source="page.txt", text=text, encoding="utf-8")


def removed_rules(text: str) -> dict[str, str]:
    return {r.line: r.rule for r in clean(doc(text)).removed}


BODY = ("某市人民政府关于加快发展数字经济的实施意见\n某政发〔2021〕9号\n各区人民政府，市政府各部门：\n"
        "为加快发展数字经济，现提出如下实施意见。\n一、总体要求\n到2025年，数字经济核心产业增加值达到800亿元。\n"
        "某市人民政府\n2021年5月6日")


# ============================================================== joins that must not happen

@pytest.mark.parametrize(("first", "second"), [
    # a title line is never run into the addressee or into what follows it
    ("某市人民政府办公室关于印发某市推进科技成果转化若干措施的通知",
     "各区人民政府，市政府各部门、各直属机构："),
    ("某省人民政府关于进一步加强城市管理工作的意见", "各市、县人民政府，省政府各部门、各直属机构："),
    ("某市科技创新“十四五”规划",
     "为深入实施创新驱动发展战略，加快建设科技创新策源地，结合我市实际，制定本规划。"),
    # nor a page title into the document's own title under it
    ("某市人民政府关于加强城市管理的意见_政策文件_某市人民政府", "某市人民政府关于加强城市管理的意见"),
])
def test_no_join_after_a_title_or_into_an_addressee(first, second):
    assert not can_join(first, second)
    assert not can_join(first, second, title_zone=True)
    cleaned = clean(doc(f"{first}\n{second}\n正文第一句。"))
    assert second in cleaned.text.split("\n")


@pytest.mark.parametrize(("first", "second"), [
    # a sentence cut at the end of a line still joins, even where the cut falls after 规划 or before 如下：
    ("各部门要加强统筹协调，把各项任务纳入本部门年度工作计划和中长期发展规划", "，确保各项工作落到实处。"),
    ("为进一步加强城市管理工作，提升城市治理水平，根据有关法律法规，现就有关事项通知", "如下："),
])
def test_body_lines_cut_mid_sentence_still_join(first, second):
    assert can_join(first, second)


@pytest.mark.parametrize(("line", "expect"), [
    ("各区人民政府，市政府各部门：", True),
    ("各县（市）、区人民政府，市政府各部门、各直属机构：", True),
    ("区人大常委会：", True),
    ("现将有关事项通知如下：", False),
    ("主要目标：", False),
    ("各区要加强组织领导。", False),
])
def test_addressee_line(line, expect):
    assert is_addressee(line) is expect


@pytest.mark.parametrize(("line", "expect"), [
    ("某市人民政府关于加强城市管理的意见", True),
    ("某市数字经济发展规划（2021—2025年）", True),
    ("各部门要根据本地区实际，认真编制规划", False),
    ("为加快发展数字经济，制定本方案。", False),
])
def test_line_that_ends_a_title(line, expect):
    assert ends_title(line) is expect


@pytest.mark.parametrize("lines", [
    ["政务服务", "政民互动", "走进某市", "某市人民政府办公室关于加强管理的通知"],   # menu items above a title
    ["政务公开", "关于加强管理的通知"],                                          # 关于 under no issuer
    ["某市人民政府", "某市人民政府关于加强管理的通知"],                 # the title is whole already
    ["某市人民政府关于加强管理的通知_政策文件", "某市人民政府"],                    # a browser title
])
def test_title_run_never_takes_menu_items_or_a_whole_title(lines):
    assert title_run(lines) == 0


@pytest.mark.parametrize(("lines", "run"), [
    (["国务院办公厅关于全面推行", "行政执法公示制度的", "指导意见"], 3),
    (["国务院办公厅", "关于四川省所提问题和建议办理情况的函"], 2),
    (["关于打造人才高地推进创新型试点城", "区建设的实施意见"], 2),
])
def test_title_run_still_joins_a_broken_title(lines, run):
    assert title_run(lines) == run


# ============================================================== chrome above the title

@pytest.mark.parametrize(("head", "rule"), [
    ("首页\n政务公开\n政务服务\n走进某市", "head_nav_run"),   # fewer than a nav_run's five
    ("网站首页\n信息公开", "head_nav_run"),
    ("网站首页", "head_nav_run"),
    ("Moushi Municipal People's Government", "latin_site_name"),
])
def test_chrome_above_the_title_is_removed(head, rule):
    removed = removed_rules(f"{head}\n{BODY}")
    assert {line: removed.get(line) for line in head.split("\n")} == {line: rule for line in head.split("\n")}
    assert clean(doc(f"{head}\n{BODY}")).text == clean(doc(BODY)).text


@pytest.mark.parametrize("text", [
    # short lines that carry a genre are a broken title, not a menu
    "某区科技\n发展规划\n为加快发展，制定本规划。",
    # short lines below the first sentence are body (a list), never the head's chrome
    "为加快发展，现明确以下重点领域。\n首页设计\n政务公开\n数字政府",
    # a file of short lines with no title below them
    "首页\n政务公开",
    # a menu word that begins a title broken over two lines
    "政务公开\n工作要点\n一、总体要求\n全面推进决策、执行、管理、服务、结果公开。",
    "网站首页\n信息公开\n工作要点\n一、总体要求\n全面推进决策、执行、管理、服务、结果公开。",
    # English inside the body stays
    "某市人民政府关于加强管理的通知\n各区：\nArtificial Intelligence Industry Park 建设加快推进。",
])
def test_short_lines_that_are_not_head_chrome_stay(text):
    head_rules = {"head_nav_run", "latin_site_name", "site_name"}
    assert {r.rule for r in clean(doc(text)).removed} & head_rules == set()


def test_site_name_beside_the_menu_goes_but_an_issuer_above_its_title_stays():
    page = f"某市人民政府\n首页\n政务公开\n政务服务\n{BODY}"
    assert removed_rules(page)["某市人民政府"] == "site_name"
    # without: an issuer's name above a title that goes on from it (关于…) is the title's first line
    kept = clean(doc("当前位置：首页 > 政策文件\n某市人民政府\n关于加强城市管理工作的意见\n各区：\n正文。"))
    assert "某市人民政府关于加强城市管理工作的意见" in kept.text
    # without: an office alone above the title with no chrome beside it (a masthead) stays
    assert "site_name" not in removed_rules(f"某市人民政府\n{BODY}").values()


def test_language_switch_and_account_widgets():
    widgets = ("简体版 | 繁體版 | English", "无障碍浏览 | 长者模式 | 繁體 | 登录 | 注册", "简体 | 繁體 | EN")
    for line in widgets:
        assert line in removed_rules(f"{line}\n{BODY}")
    # without: words of the same kind inside a sentence
    assert removed_rules(f"{BODY}\n企业注册资本在1000万元以上的，可以登录平台申报。") == {}


# ============================================================== index rows without colons

def test_index_rows_without_colons_are_page_meta():
    rows = ("索引号\t11330100002489016N/2020-05612\n主题分类\t科技、教育\n发文机关\t某市人民政府办公厅\n"
            "标题\t某市人民政府关于加快发展数字经济的实施意见\n发文字号\t某政发〔2021〕9号\n发布日期\t2021-05-08")
    removed = removed_rules(f"{rows}\n{BODY}")
    assert set(removed.values()) == {"page_meta_tab_row", "meta_block"}
    # a weak label (标题), removed beside the others
    assert removed["标题\t某市人民政府关于加快发展数字经济的实施意见"] == "meta_block"
    assert clean(doc(f"{rows}\n{BODY}")).text == clean(doc(BODY)).text
    # without: a weak label and a tab alone, with no page metadata beside it, stays
    assert removed_rules(f"{BODY}\n说明\t本表数据截至2020年底") == {}


# ============================================================== whole pages, with and without chrome

MUNICIPAL = """无障碍 | 关怀版 | 繁體 | 登录
Moushi Municipal People's Government
某市人民政府
网站首页
新闻动态
政务公开
公众参与
当前位置：首页 > 政务公开 > 市政府文件
索引号\t000014349/2021-00031
发文机关\t某市人民政府
标题\t某市人民政府关于加快发展数字经济的实施意见
""" + BODY + """
【打印本页】【关闭窗口】
上一篇：某市人民政府关于公布权责清单的通知
主办单位：某市人民政府办公室 网站标识码：1100000001 京ICP备05000000号
"""

BROWSER_TITLE = ("某市人民政府关于加快发展数字经济的实施意见_市政府文件_某市人民政府\n某市人民政府\n首页\n"
                 "政务公开\n办事服务\n互动交流\n您现在的位置：首页 > 政务公开\n"
                 + BODY + "\n【打印】【关闭】\n")


@pytest.mark.parametrize("page", [MUNICIPAL, BROWSER_TITLE], ids=["municipal", "browser-title"])
def test_whole_page_with_and_without_its_chrome(page):
    with_chrome = clean(doc(page))
    without = clean(doc(BODY))
    assert with_chrome.text == without.text
    assert without.removed == ()
    # the title stands on its own line, the addressee on the next, nothing glued on
    lines = with_chrome.text.split("\n")
    assert lines[:3] == ["某市人民政府关于加快发展数字经济的实施意见", "某政发〔2021〕9号",
                         "各区人民政府，市政府各部门："]
    # every body line of BODY is kept
    assert all(line in lines for line in BODY.split("\n"))


def test_whole_page_is_idempotent_and_explained():
    first = clean(doc(MUNICIPAL))
    assert clean(doc(first.text)).text == first.text
    report = clean_and_explain(doc(MUNICIPAL)).report()
    for rule in ("page_tools", "latin_site_name", "site_name", "head_nav_run", "page_meta_tab_row"):
        assert rule in report


# ============================================================== the foot of a page

def test_site_postal_footer_beside_furniture_goes():
    foot = "地址：某市东流路100号 邮编：230071 电话：0551-12345678"
    removed = removed_rules(f"{BODY}\n{foot}\n网站标识码：3401000001 皖ICP备05000208号")
    assert removed[foot] == "edge_footer"


@pytest.mark.parametrize("foot", [
    "联系人：张三，电话：0551-12345678，地址：某市东流路100号，邮编：230071",   # the document's own contact
    "联系地址：某市东流路100号",                                                 # one field only
])
def test_document_contact_at_the_foot_stays(foot):
    removed = removed_rules(f"{BODY}\n{foot}\n网站标识码：3401000001 皖ICP备05000208号")
    assert foot not in removed
    # and with no furniture beside it, even a postal footer's form stays
    assert removed_rules(f"{BODY}\n地址：某市东流路100号 邮编：230071") == {}


def test_share_buttons_alone_on_their_line():
    assert removed_rules(f"{BODY}\n分享到：\n微信 微博 QQ空间")["微信 微博 QQ空间"] == "page_tools"
    assert removed_rules(f"{BODY}\n欢迎关注微信公众号，了解最新政策。") == {}


# ============================================================== index tables flattened without colons

KEYS_ALONE = ("索引号\n000014349/2020-00045\n主题分类\n科技、教育\n发文机关\n某市人民政府\n"
              "成文日期\n2021年05月06日\n标题\n某市人民政府关于加快发展数字经济的实施意见\n发文字号\n某政发〔2021〕9号\n")


def test_labels_alone_with_values_below_are_page_meta():
    removed = removed_rules(KEYS_ALONE + BODY)
    assert set(KEYS_ALONE.strip().split("\n")) == set(removed)
    assert set(removed.values()) == {"meta_key_value"}
    assert clean(doc(KEYS_ALONE + BODY)).text == clean(doc(BODY)).text


@pytest.mark.parametrize("text", [
    # one label alone is no table
    f"{BODY}\n文号\n某政发〔2021〕9号",
    # a label alone before a sentence is a heading of the body
    "某市关于规范公文管理的通知\n各单位：\n发文字号\n发文字号由发文机关代字、年份和序号组成。\n"
    "成文日期\n成文日期以负责人签发的日期为准。",
])
def test_labels_alone_that_are_no_table_stay(text):
    assert "meta_key_value" not in removed_rules(text).values()


def test_index_rows_with_one_space_and_a_code_date_or_office():
    rows = "索引号 000014349/2021-00031\n发文机关 某市人民政府\n成文日期 2021-05-06"
    assert set(removed_rules(f"{rows}\n{BODY}").values()) == {"page_meta_tab_row"}
    # without: a body line that opens with such a word
    assert removed_rules(f"{BODY}\n发文机关 责任 落实") == {}


def test_visitor_counter():
    assert removed_rules(f"{BODY}\n您是第 12345 位访客")["您是第 12345 位访客"] == "site_widget"
    assert removed_rules(f"{BODY}\n您是第一位来访者，欢迎。") == {}
