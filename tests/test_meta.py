"""The document's own facts (policytext.meta): golden with/without cases per field, the lexicons,
agreement with the gold seeds and with the shared corpus manifests, and never raising."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.lexicon import load_lexicon
from policytext.meta import (
    Facts,
    decide_period,
    describe,
    find_doc_number,
    find_regions,
    genre_of,
    parse_date,
    period_of_year,
)
from policytext.model import PERIODS, Part, Removed

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIELDS = ("title", "issuer", "doc_number", "date", "published", "region", "doc_type", "period")
SCHEMA_DOC_TYPES = {
    "规划", "纲要", "行动计划", "行动方案", "实施方案", "实施意见", "指导意见", "意见", "办法", "细则",
    "条例", "决定", "通知", "工作要点", "政府工作报告", "工作报告", "工作汇报", "宣讲提纲",
    "审议意见落实报告", "心得体会", "other",
}
CONTRACT_DOC_TYPES = {"规划", "实施意见", "工作要点", "工作汇报", "工作报告", "通知", "宣讲提纲",
                      "审议意见落实报告", "心得体会", "other"}


def facts(text: str, *removed: str, meta: dict[str, str] | None = None, scrubbed: bool = False) -> Facts:
    part = Part(part=1, text=text, removed=tuple(Removed(line=r, kind="page_meta") for r in removed),
                year_scrubbed=scrubbed)
    return describe(part, meta)


def test_helpers_split_out_of_meta_stay_importable_from_it():
    from policytext import dates, genres, periods, regions

    assert (find_doc_number, parse_date) == (dates.find_doc_number, dates.parse_date)
    assert (decide_period, period_of_year) == (periods.decide_period, periods.period_of_year)
    assert (find_regions, genre_of) == (regions.find_regions, genres.genre_of)


# ------------------------------------------------------------------------------------ dates

@pytest.mark.parametrize("text, expect", [
    ("2021年7月27日", "2021-07-27"),
    ("二〇二一年七月二十七日", "2021-07-27"),
    ("二○一六年十二月三十一日", "2016-12-31"),
    ("2024年02月27日", "2024-02-27"),
    ("２０１９年１月２７日", "2019-01-27"),
    ("发布时间: 2023-06-20", "2023-06-20"),
    ("2019/2/15", "2019-02-15"),
    ("2021年 7月 27日", "2021-07-27"),
])
def test_parse_date_with(text, expect):
    assert parse_date(text) == expect


@pytest.mark.parametrize("text", [
    "201*年1月10日",           # masked year
    "2021年",                  # a year is not a date
    "2021年13月1日",            # no such month
    "第2021号",
    "",
    None,
])
def test_parse_date_without(text):
    assert parse_date(text) is None


# ------------------------------------------------------------------------------------- 文号

@pytest.mark.parametrize("line, expect", [
    ("杨府发〔2021〕3号", "杨府发〔2021〕3号"),
    ("杨委【2024】26号", "杨委【2024】26号"),
    ("国发〔2019〕5号", "国发〔2019〕5号"),
    ("国办发[2019]6号", "国办发[2019]6号"),
    ("沪府规（2021）12号", "沪府规（2021）12号"),
    ("包府办发〔2022〕43号\xa0", "包府办发〔2022〕43号"),
    ("  静府议〔2024〕3号 ", "静府议〔2024〕3号"),
    ("国务院令第735号", "国务院令第735号"),
    ("（皖政办秘〔2021〕82号）", "皖政办秘〔2021〕82号"),          # database exports bracket it
])
def test_doc_number_with(line, expect):
    assert find_doc_number(line) == expect


@pytest.mark.parametrize("line", [
    "根据《意见》（国发〔2019〕5号）要求，制定本方案。",   # a cited document, not this one's number
    "轨道交通12号线",
    "2021年3号",
    "杨府发〔201*〕3号",                                   # masked year
])
def test_doc_number_without(line):
    assert find_doc_number(line) is None


def test_doc_number_from_page_meta_and_own_line():
    f = facts("某区关于加强管理的通知\n正文。", "政策文号:静府议〔2024〕3号")
    assert f.doc_number == "静府议〔2024〕3号"
    assert facts("正文。", meta={"发文字号": "国发〔2019〕5号"}).doc_number == "国发〔2019〕5号"
    for key in ("发布文号", "发文编号", "文件字号"):
        assert facts("某通知\n正文。", f"{key}：某府发〔2020〕3号").doc_number == "某府发〔2020〕3号"
    assert facts("关于加强管理的通知\n区府发〔2020〕7号\n各单位：\n正文。").doc_number == "区府发〔2020〕7号"
    # a number cited in the body is not the document's own
    cited = "关于加强管理的通知\n各单位：\n根据《通知》（国发〔2019〕5号），现通知如下。"
    assert facts(cited).doc_number is None


# ------------------------------------------------------------------------------------ titles

def test_title_broken_over_two_lines_is_joined():
    f = facts(" 关于打造创新创业人才高地推进创新型试点城\n区建设的实施意见\n中共上海市杨浦区委\n正文第一句。")
    assert f.title == "关于打造创新创业人才高地推进创新型试点城区建设的实施意见"
    assert f.doc_type == "实施意见"


def test_title_after_part_header_and_annotation_dropped():
    f = facts("第五篇：发扬井冈山精神 推进杨浦国家创新型试点城区建设（定稿）\n发扬井冈山精神\n"
              "推进杨浦国家创新型试点城区建设\n按照区委组织部要求，我区青年干部赴井冈山进行了学习。")
    assert f.title == "发扬井冈山精神推进杨浦国家创新型试点城区建设"
    assert "定稿" not in f.title and "第五篇" not in f.title


def test_title_falls_back_to_part_header():
    f = facts("第三篇：杨浦建设国家创新型试点城区工作汇报\n上海市科学技术委员会\n杨浦区委、区政府\n"
              "今年1月，国家科技部确定。")
    assert f.title == "杨浦建设国家创新型试点城区工作汇报"
    assert f.issuer == "上海市科学技术委员会、杨浦区委、区政府"


def test_duplicated_title_line_is_read_once():
    f = facts("杨浦建设国家创新型试点城区工作汇报\n杨浦建设国家创新型试点城区工作汇报\n"
              "上海市科学技术委员会杨浦区委、区政府\n今年1月，国家科技部确定杨浦区为试点城区。")
    assert f.title == "杨浦建设国家创新型试点城区工作汇报"
    assert f.issuer == "上海市科学技术委员会杨浦区委、区政府"


def test_issuing_notice_followed_by_the_issued_document_takes_its_title_and_genre():
    f = facts("关于印发《杨浦区提升科技创新能级“十四五”规划》的通知\n杨府发〔2021〕3号\n"
              "区政府各委、办、局：\n"
              "现印发给你们，请认真按照执行。\n上海市杨浦区人民政府\n2021年7月27日\n杨浦区提升科技创新能级“十四五”规划")
    assert f.title == f.issued_title == "杨浦区提升科技创新能级“十四五”规划"
    assert f.notice_title == "关于印发《杨浦区提升科技创新能级“十四五”规划》的通知"
    assert (f.doc_type, f.doc_class) == ("规划", "规划")
    assert "issuing notice" in f.evidence["doc_type"]


def test_spaced_out_title_is_closed_up():
    assert facts("政 府 工 作 报 告\n各位代表：\n现在，我代表区政府作报告。").title == "政府工作报告"


def test_year_range_line_below_title_is_part_of_it():
    f = facts("某市数字经济发展规划\n（2021—2025年）\n为加快发展数字经济，制定本规划。")
    assert f.title == "某市数字经济发展规划（2021—2025年）"


def test_title_fused_with_addressee_is_cut_at_the_genre_word():
    f = facts("上海市静安区人民政府关于科技创新工作情况的报告区人大常委会:2023年11月22日,"
              "区人大常委会听取了报告。")
    assert f.title == "上海市静安区人民政府关于科技创新工作情况的报告"


def test_masthead_run_together_by_line_joining_is_taken_apart():
    f = facts("广东省人民政府文件\n粤府〔2003〕12号广东省人民政府关于加快发展高新技术产业的决定"
              "各市、县、自治县人民政府，省府直属有关单位：\n为加快发展，现作如下决定。\n二○○三年三月五日")
    assert f.title == "广东省人民政府关于加快发展高新技术产业的决定"
    assert (f.doc_number, f.issuer) == ("粤府〔2003〕12号", "广东省人民政府")
    assert (f.date, f.region, f.doc_type, f.period) == ("2003-03-05", "广东省", "决定", "十五")


def test_site_name_and_menu_left_above_the_title_are_skipped():
    page = ("合肥市人民政府\n首页\n政务公开\n政务服务\n合肥市人民政府办公室关于加强管理的通知\n"
            "各区人民政府：\n现将有关事项通知如下。\n合肥市人民政府办公室\n2022年3月15日")
    f = facts(page)
    assert f.title == "合肥市人民政府办公室关于加强管理的通知"
    assert (f.issuer, f.region) == ("合肥市人民政府办公室", "合肥市")
    # without: short lines that carry a genre are a title broken over lines, not a menu
    assert facts("某区科技\n发展规划\n为加快发展，制定本规划。").title == "某区科技发展规划"


def test_title_found_past_lines_of_page_chrome():
    page = ("Hefei Municipal People's Government\n合肥市人民政府\n合肥市人民政府关于加快发展的实施意见\n"
            "合政〔2023〕15号\n各区人民政府：\n现提出如下实施意见。")
    f = facts(page)
    assert (f.title, f.doc_number) == ("合肥市人民政府关于加快发展的实施意见", "合政〔2023〕15号")
    assert "page chrome" in f.evidence["title"]
    # without: once the body has begun (a sentence, an addressee) a later line with a genre word
    # is the issued document's title or a heading, not this text's title
    for start in ("为加快发展，现印发如下。", "各区人民政府："):
        assert facts(f"Hefei\n{start}\n某市加快发展实施意见\n正文。").title is None
        assert facts(f"{start}\n某市加快发展实施意见\n正文。").title is None


def test_labelled_page_values_above_the_title_are_skipped():
    f = facts("信息来源：某市人民政府办公室 点击数：3526\n作者：办公室\n某市人民政府关于加强管理的通知\n"
              "各区人民政府：\n正文。")
    assert f.title == "某市人民政府关于加强管理的通知"
    # without: an addressee has no value after its colon; what follows it is the body, not a title
    assert facts("各区人民政府：\n某市人民政府关于加强管理的通知\n正文。").title is None


def test_menu_words_run_into_the_title_line_are_dropped():
    glued = ("政务服务政民互动走进合肥合肥市人民政府办公室关于加强管理的通知各区人民政府，市政府各部门：\n"
             "现将有关事项通知如下。")
    f = facts(glued)
    assert f.title == "合肥市人民政府办公室关于加强管理的通知"
    assert "menu words" in f.evidence["title"]
    # without: an issuer that opens with a party's name or a place keeps all of it
    for issuer in ("中共上海市杨浦区委", "上海市杨浦区人民政府", "国务院办公厅"):
        kept = facts(f"{issuer}关于加强管理的通知各区人民政府，各委办局：\n现将有关事项通知如下。")
        assert kept.title == f"{issuer}关于加强管理的通知"


def test_title_from_page_meta_found_in_the_text_overrules_a_misread_title_block():
    text = ("首页政务公开\n某市人民政府办公室关于加强管理的通知\n各区人民政府：\n现将有关事项通知如下。")
    listed = facts(text, "名称：\t某市人民政府办公室关于加强管理的通知")
    assert listed.title == "某市人民政府办公室关于加强管理的通知"
    assert listed.evidence["title"].startswith("page metadata, found at the top of the text")
    # without: a listed title the text does not hold is no evidence against the text's own title,
    # and a page that lists the issued document keeps the notice's own title
    notice = facts("关于印发《某市数字经济发展规划》的通知\n各区：\n正文。", "标题：某市数字经济发展规划")
    assert notice.title == "关于印发《某市数字经济发展规划》的通知"
    other = facts("某市人民政府关于加强管理的通知\n各区人民政府：\n正文。", "标题：某市关于另一件事的意见")
    assert other.title == "某市人民政府关于加强管理的通知"


def test_browser_title_with_the_site_name_appended():
    f = facts("某市人民政府关于加强城市管理的意见_政策文件_某市人民政府\n某政发〔2019〕58号\n各区：\n正文。")
    assert (f.title, f.doc_number) == ("某市人民政府关于加强城市管理的意见", "某政发〔2019〕58号")
    # without: the separator cut needs a genre before it
    assert facts("关于A_B的说明材料\n正文。").title == "关于A_B的说明材料"


def test_title_from_page_meta_when_text_has_none():
    f = facts("各市人民政府，各县（市、区）人民政府：\n为加快发展，制定本指导意见。",
              meta={"标题": "山东省人民政府关于加快发展的指导意见"})
    assert f.title == "山东省人民政府关于加快发展的指导意见"


@pytest.mark.parametrize("text", [
    "各市人民政府，各县（市、区）人民政府，省政府各部门：\n为加快发展，制定本意见。",   # addressee first
    "为深入贯彻落实党的十九大精神，推动高质量发展，制定本方案。\n一、总体要求",  # body sentence first
    "一、总体要求\n坚持新发展理念。",                                                    # a heading
    "",
])
def test_title_without(text):
    assert facts(text).title is None


def test_title_does_not_swallow_byline_or_heading():
    f = facts("发展规划\n普陀区科学技术委员会\n一、总体要求\n坚持新发展理念。")
    assert f.title == "发展规划"


# ------------------------------------------------------------------------------------ issuer

def test_issuer_from_signature_block_above_date():
    f = facts("关于加强科技工作的通知\n各单位：\n特此通知。\n普陀区科学技术委员会\n2016年5月6日\n附件正文。")
    assert (f.issuer, f.date) == ("普陀区科学技术委员会", "2016-05-06")


def test_joint_issuers_side_by_side_are_listed_with_a_dunhao():
    f = facts("关于加强管理的通知\n特此通知。\n国务院办公厅　中央军委办公厅\n一九九六年六月二十九日")
    assert f.issuer == "国务院办公厅、中央军委办公厅"
    assert facts("正文。", meta={"发文机关": "工业和信息化部 国家标准化管理委员会"}).issuer == \
        "工业和信息化部、国家标准化管理委员会"
    # without: a name with a space inside that is not a list of bodies stays as written
    assert facts("正文。", meta={"发文机关": "上海市 杨浦区"}).issuer == "上海市 杨浦区"


def test_issuer_and_date_fused_at_the_end_of_the_body():
    f = facts("关于检查情况的报告\n正文很长，注入强大的科技动能。上海市静安区人民政府2024年2月18日")
    assert (f.issuer, f.date) == ("上海市静安区人民政府", "2024-02-18")


def test_issuer_and_date_on_one_signature_line():
    f = facts("关于加强科技工作的通知\n各单位：\n特此通知。\n上海市杨浦区人民政府    2021年7月27日")
    assert (f.issuer, f.date) == ("上海市杨浦区人民政府", "2021-07-27")


def test_issuer_from_official_byline():
    f = facts("政府工作报告\n——2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上\n"
              "海拉尔区人民政府代区长 杨国宏\n各位代表：")
    assert (f.issuer, f.date, f.region) == ("海拉尔区人民政府", "2017-02-11", "海拉尔区")


def test_issuer_from_page_meta_and_weak_meta_last():
    assert facts("正文。", meta={"发文机关": "国务院"}).issuer == "国务院"
    # 发布部门 is what a site filled in; the signature wins over it
    f = facts("关于情况的报告\n正文。\n上海市静安区人民政府\n2024年2月18日", "发布部门:区审计局")
    assert f.issuer == "上海市静安区人民政府"
    assert facts("关于情况的报告\n正文。", "发布部门:区审计局").issuer == "区审计局"


def test_issuer_with_quoted_name_in_signature():
    f = facts("关于印发实施意见的通知\n省有关单位：\n现印发给你们。\n"
              "安徽省推进“三地一区”建设领导小组办公室\n2022年3月23日")
    assert (f.issuer, f.date) == ("安徽省推进“三地一区”建设领导小组办公室", "2022-03-23")


def test_issuer_opening_the_title():
    f = facts("包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\n"
              "各旗、县、区人民政府：\n正文。")
    assert f.issuer == "包头市人民政府办公室"
    assert f.doc_type == "办法"


@pytest.mark.parametrize("text", [
    "关于贯彻落实决议的情况\n201*年主要工作\n201*年，我区抓住机遇。",
    "没有署名的一段话。\n第二段话。",
    "关于工作的汇报\n一、加强组织领导\n2021年7月27日",        # a heading above a date is no signature
])
def test_issuer_without(text):
    assert facts(text).issuer is None


# ------------------------------------------------------------------------------------- dates in context

def test_date_line_below_title():
    outline = "杨浦国家创新型试点城区建设宣讲提纲\n(2024年3月18日)\n为使建设家喻户晓。"
    assert facts(outline).date == "2024-03-18"


def test_date_of_adoption_below_title():
    f = facts("上海市推进科技创新中心建设条例\n"
              "（2020年1月20日上海市第十五届人民代表大会第三次会议通过）\n第一章 总则")
    assert f.date == "2020-01-20"


def test_signature_date_with_a_note_in_brackets():
    f = facts("关于加强管理的通知\n特此通知。\n某市人民政府办公室\n2022年3月15日（此件公开发布）")
    assert (f.issuer, f.date) == ("某市人民政府办公室", "2022-03-15")
    # without: a longer bracket is a sentence about the date, not a note on the signature
    assert facts("某通知\n正文。\n某局\n2022年3月15日（经市政府常务会议研究同意后实施）").date is None


def test_date_line_at_the_end():
    assert facts("关于人才工作的实施意见\n正文。\n加强队伍建设。\n2024年11月2日").date == "2024-11-02"


def test_date_of_an_issuing_notice_whose_signature_lacks_the_issuer():
    # database exports of issuing notices: the date stands alone after the notice's last sentence,
    # before the issued document
    notice = ("某市人民政府办公室关于印发《某市考评办法》的通知\n某府办发〔2022〕43号\n各区人民政府：\n"
              "现将《某市考评办法》印发给你们，请认真抓好落实。\n2022年4月14日\n某市考评办法\n一、考评对象\n"
              "各区人民政府。\n二、考评内容\n重点任务。")
    f = facts(notice)
    assert f.date == "2022-04-14" and "after the notice's last sentence" in f.evidence["date"]
    # without: a date line under a heading, not after a sentence, is no signature
    heading = "某市考评办法\n一、考评时间\n2022年4月14日\n二、考评内容\n重点任务。\n三、附则\n无。"
    assert facts(heading).date is None


def test_date_from_page_meta_chengwen():
    assert facts("正文。", meta={"成文日期": "2019年01月27日"}).date == "2019-01-27"


def test_date_without():
    f = facts("关于工作的汇报\n201*年1月10日，杨浦被授予试点城区。7月26日，市政府召开会议。")
    assert f.date is None
    assert facts("2021年7月27日区政府召开常务会议，审议通过了规划。").date is None


# ---------------------------------------------------------------------------------- published

def test_published_from_removed_page_meta():
    assert facts("某规划\n正文。", "发布时间:2024年02月27日").published == "2024-02-27"
    # a page title fused with its publication date
    assert facts("某规划\n正文。", "关于印发《某规划》的通知发布时间: 2023-06-20").published == "2023-06-20"
    assert facts("正文。", meta={"发布日期": "2019年02月15日"}).published == "2019-02-15"
    assert facts("某规划\n正文。", "日期：2021-03-02  来源：区科委").published == "2021-03-02"


def test_page_meta_lines_with_several_pairs_spaced_keys_and_values_below():
    f = facts("某某通知\n正文。", "发文机关：国务院 成文日期：2019年01月27日", "文　　号：国发〔2019〕5号",
              "发布日期：", "2019年02月15日")
    assert (f.doc_number, f.published) == ("国发〔2019〕5号", "2019-02-15")
    assert f.evidence["published"].startswith("page metadata")
    g = facts("正文没有落款。", "发文机关：国务院 成文日期：2019年01月27日")
    assert (g.issuer, g.date) == ("国务院", "2019-01-27")


def test_database_export_keys_in_brackets():
    f = facts("某办法\n正文。", "【发布部门】 阿坝州人民政府办公室", "【发文字号】 阿府办发〔2021〕21号",
              "【发布日期】 2021.10.11")
    assert (f.doc_number, f.published) == ("阿府办发〔2021〕21号", "2021-10-11")
    assert f.issuer == "阿坝州人民政府办公室"


def test_index_rows_without_colons_at_the_top_of_the_text():
    # a 信息公开 index table flattened to "KEY<TAB>value" lines that cleaning left in the text,
    # the last rows run together with the title and addressee
    text = ("索引号\t11330100002489016N/2020-05612\n发文机关\t某市人民政府办公厅\n成文日期\t2020-06-12\n"
            "标题\t某市人民政府办公厅关于加强管理的通知发文字号\t某政办函〔2020〕36号发布日期\t2020-06-18"
            "某市人民政府办公厅关于加强管理的通知各区人民政府：\n现将有关事项通知如下。")
    f = facts(text)
    assert f.title == "某市人民政府办公厅关于加强管理的通知"
    assert (f.issuer, f.doc_number) == ("某市人民政府办公厅", "某政办函〔2020〕36号")
    assert (f.date, f.published) == ("2020-06-12", "2020-06-18")
    # without: a body line that merely opens with such a word is no metadata
    g = facts("某市关于加强管理的通知\n各单位：\n标题党现象要治理，发布日期 要准确。\n发文机关 要负责。")
    assert (g.published, g.issuer, g.title) == (None, None, "某市关于加强管理的通知")


def test_index_table_with_values_below_their_keys_names_the_value_in_evidence():
    f = facts("某市通知\n正文。", "成文日期：", "2020年06月12日", "发文字号：", "某府〔2020〕3号")
    assert (f.date, f.doc_number) == ("2020-06-12", "某府〔2020〕3号")
    assert "2020年06月12日" in f.evidence["date"] and "某府〔2020〕3号" in f.evidence["doc_number"]


def test_law_database_export_keys():
    # 法律法规数据库-style headers: 颁布单位/制定机关, 颁布日期, a 公告 number; 实施日期 is no field
    body = "某省数据条例\n第一条 为了规范数据处理活动，制定本条例。"
    organ = "某省人民代表大会常务委员会"
    f = facts(body, f"【颁布单位】 {organ}", f"【发文字号】 {organ}公告第58号", "【颁布日期】 2022.09.28",
              "【实施日期】 2023.01.01")
    assert (f.issuer, f.doc_number) == (organ, f"{organ}公告第58号")
    assert (f.published, f.date) == ("2022-09-28", None)
    assert facts("某条例\n正文。", f"制定机关：{organ}").issuer == organ
    # without: 实施日期 (when it takes effect) is neither the date nor the publication
    g = facts("某条例\n正文。", "【实施日期】 2023.01.01")
    assert (g.date, g.published) == (None, None)


def test_page_metadata_table_describes_the_first_part_only():
    meta = {"发布日期": "2019年02月15日", "发文字号": "国发〔2019〕5号"}
    second = describe(Part(part=2, text="第二篇：某某工作汇报\n正文。"), meta)
    assert (second.published, second.doc_number) == (None, None)
    assert describe(Part(part=1, text="某某通知\n正文。"), meta).published == "2019-02-15"


def test_published_without():
    assert facts("某规划\n正文。\n2021年7月27日").published is None
    assert facts("正文。", meta={"成文日期": "2019年01月27日"}).published is None


# ---------------------------------------------------------------------------------- doc_type

@pytest.mark.parametrize("title, expect", [
    ("杨浦区提升科技创新能级“十四五”规划", ("规划", "规划")),
    ("上海市国民经济和社会发展第十四个五年规划纲要", ("纲要", "规划")),
    ("山东省推动智能传感器产业发展行动计划（2021-2023年）", ("行动计划", "other")),
    ("数字山东2021行动方案", ("行动方案", "other")),
    ("关于促进发展的指导意见", ("指导意见", "other")),
    ("阿坝州政务数据资源管理暂行办法", ("办法", "other")),
    ("海拉尔区政府工作报告（2012年）", ("政府工作报告", "工作报告")),
    ("普陀区科委2016年工作要点", ("工作要点", "工作要点")),
    ("上海市静安区人民政府《关于检查的审议意见》落实情况的报告", ("审议意见落实报告", "审议意见落实报告")),
    ("关于贯彻落实发展规划纲要决议的情况", ("工作报告", "工作报告")),
    ("国务院办公厅关于印发“无废城市”建设试点工作方案的通知", ("实施方案", "other")),
    ("关于开展城镇小区配套幼儿园治理工作的通知", ("通知", "通知")),
])
def test_genre_with(title, expect):
    assert genre_of(title)[:2] == expect


@pytest.mark.parametrize("title", ["发扬井冈山精神", "杨浦区", ""])
def test_genre_without(title):
    assert genre_of(title) is None


def test_doc_type_from_the_body_when_the_title_names_none():
    assert facts("各区县：\n为加快发展，特制定本行动计划。").doc_type == "行动计划"
    speech = "——2017年2月11日在区人民代表大会上\n各位代表：\n现在，我代表区人民政府向大会作工作报告。"
    assert facts(speech).doc_type == "政府工作报告"
    reflection = "发扬井冈山精神\n这次学习，我体会到革命不易。给我的影响是深刻的，我的心得是坚定信念。"
    assert facts(reflection).doc_type == "心得体会"
    assert facts("发扬井冈山精神\n我们要坚定信念。").doc_type == "other"
    assert facts("各区县：\n正文没有文种。").doc_type is None


# -------------------------------------------------------------------------------- evidence, robustness

def test_every_field_has_evidence():
    f = facts("关于印发《某区规划》的通知\n正文。")
    assert set(FIELDS) <= set(f.evidence)
    assert all(isinstance(v, str) and v for v in f.evidence.values())


POLICY_CHARS = list("关于印发《》的通知规划区市省县上海杨浦〔〕【】2021年月日号：:\n 。，一、（）—")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(POLICY_CHARS) | st.characters(), max_size=200))
def test_describe_never_raises(text):
    part = Part(part=1, text=text, removed=(Removed(line=text[:30], kind="page_meta"),))
    f = describe(part, {"发文机关": text[:5]})
    assert isinstance(f, Facts)
    assert "error" not in f.evidence
    assert f.period in (None, *PERIODS)
    assert f.date is None or re.fullmatch(r"\d{4}-\d\d-\d\d", f.date)


# ----------------------------------------------------------------------------------- lexicons

def test_genres_lexicon_speaks_both_vocabularies():
    lex = load_lexicon("genres")
    assert {r["doc_type"] for r in lex.rows} <= SCHEMA_DOC_TYPES
    assert {r["contract"] for r in lex.rows} <= CONTRACT_DOC_TYPES
    assert all(r["source"] for r in lex.rows)


# ------------------------------------------------------------------------------ seeds and corpus

def _field_equal(field: str, gold: object, got: object) -> bool:
    """score.py's comparison: titles by their Han characters, other fields without quotes/spaces."""
    if gold is None or got is None:
        return gold is None and got is None
    if field == "title":
        a, b = (re.sub(r"[^\u4e00-\u9fff\d]", "", str(x)) for x in (gold, got))
        x, y = Counter(a[i:i + 2] for i in range(len(a) - 1)), Counter(b[i:i + 2] for i in range(len(b) - 1))
        return a == b or 2 * sum((x & y).values()) >= 0.8 * (sum(x.values()) + sum(y.values()))
    plain = re.compile(r"[\s“”\"《》〔〕【】()（）]")
    return plain.sub("", str(gold)) == plain.sub("", str(got))


def _seed_records():
    gold_dir, seeds = SHARED / "gold", SHARED / "seeds"
    if not gold_dir.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    from policytext.pipeline import extract_file

    out = []
    for folder in sorted(p for p in gold_dir.iterdir() if p.is_dir()):
        lines = (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines()
        gold = [json.loads(x) for x in lines if x.strip()]
        docs = extract_file(seeds / f"{folder.name}.txt").documents
        assert len(docs) == len(gold), folder.name
        out += [(folder.name, g, d) for g, d in zip(gold, docs, strict=True)]
    return out


def test_seed_documents_agree_with_gold():
    records = _seed_records()
    checks = [_field_equal(f, g.get(f), getattr(d, f)) for _n, g, d in records for f in FIELDS]
    misses = [f"{n} part {g['part']} {f}" for n, g, d in records for f in FIELDS
              if not _field_equal(f, g.get(f), getattr(d, f))]
    print(f"seed document fields: {sum(checks)}/{len(checks)} = {sum(checks) / len(checks):.3f}; "
          f"missed: {misses}")                                     # shown with pytest -s
    assert sum(checks) / len(checks) >= 0.9


@pytest.mark.xfail(strict=True, reason="a 2010 document whose years the site rewrote to 2024, with no period "
                   "named in its text: the date is rightly distrusted, but nothing else dates it")
def test_seed_scrubbed_outline_period():
    records = {(n, g["part"]): d for n, g, d in _seed_records()}
    assert records[("002_cf9cd88fdd94c436", 4)].period == "十一五"


def _manifest(corpus: Path, name: str) -> list[dict[str, str]]:
    with open(corpus / name / "manifest.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.slow
def test_corpus_agreement_with_manifests(shared_corpus):
    """Region, dates, 文号 and titles against what the corpus manifests record (a floor, not a target)."""
    from policytext.clean import clean
    from policytext.io import read_document

    def first(path: Path) -> Facts:
        cleaned = clean(read_document(path))
        described = [describe(part, cleaned.meta) for part in cleaned.parts]
        assert not any("error" in f.evidence for f in described), path.name
        return described[0]

    hits: dict[str, list[bool]] = {}
    for row in _manifest(shared_corpus, "local"):
        f = first(shared_corpus / "local" / row["file"])
        hits.setdefault("local.region", []).append(bool(f.region) and row["region"].endswith(f.region or "-"))
        if row["date"] and f.date:
            hits.setdefault("local.date_when_found", []).append(f.date == row["date"])
        if f.period:
            year = int((row["date"] or row["year"])[:4])
            hits.setdefault("local.period_when_found", []).append(f.period == period_of_year(year))
    for row in _manifest(shared_corpus, "html"):
        f = first(shared_corpus / "html" / row["file"])
        number = re.search(r"发文字号 (\S+?);", row["notes"])
        if number:
            hits.setdefault("html.doc_number", []).append(f.doc_number == number.group(1))
        published_year = (f.published or "")[:4]
        hits.setdefault("html.published_year", []).append(published_year == row["year"])
        hits.setdefault("html.title", []).append(_field_equal("title", row["title"], f.title))
    failed = []
    for path in sorted((shared_corpus / "central").glob("*.txt")):
        cleaned = clean(read_document(path))
        failed += [path.name for part in cleaned.parts if "error" in describe(part, cleaned.meta).evidence]
    assert failed == []
    rates = {k: sum(v) / len(v) for k, v in hits.items()}
    print("agreement with the corpus manifests:",                  # shown with pytest -s
          ", ".join(f"{k} {sum(hits[k])}/{len(hits[k])} = {rates[k]:.2f}" for k in sorted(rates)))
    floors = {"local.region": 0.85, "local.date_when_found": 0.8, "local.period_when_found": 0.85,
              "html.doc_number": 0.9, "html.published_year": 0.9, "html.title": 0.85}
    assert {k: rates[k] for k in floors if rates[k] < floors[k]} == {}


# ------------------------------------------------------------- whole pages the seeds do not show

# Written for these tests after the forms of real pages: a municipal page with its full chrome
# (site name, menu, breadcrumb, 索引号/发布机构/生成日期/文号/名称 rows, page meta, buttons, footer),
# a 信息公开 document-index page whose front matter lists the catalogue data, and a database export
# with its 【KEY】 header.
MUNICIPAL_PAGE = """无障碍浏览 | 长者模式 | 繁體 | 登录 | 注册
合肥市人民政府
首页
政务公开
政务服务
政民互动
走进合肥
当前位置：首页 > 政务公开 > 政策文件 > 市政府文件
索引号：\t003234458/202203-00021
信息分类：\t市政府文件
发布机构：\t合肥市人民政府办公室
生成日期：\t2022-03-15
文号：\t合政办〔2022〕7号
主题分类：\t科技、教育
名称：\t合肥市人民政府办公室关于印发合肥市加快推进科技成果转化若干措施的通知
合肥市人民政府办公室关于印发合肥市加快推进科技成果转化若干措施的通知
发布时间：2022-03-18 10:25    来源：合肥市人民政府办公室    浏览次数：3526
字号：大 中 小
各县（市）、区人民政府，市政府各部门、各直属机构：
《合肥市加快推进科技成果转化若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。
合肥市人民政府办公室
2022年3月15日
合肥市加快推进科技成果转化若干措施
为深入实施创新驱动发展战略，加快建设科技创新策源地，结合我市实际，制定如下措施。
一、支持高校院所科技成果在肥转化
对在合肥市转化的科技成果，按技术合同成交额的10%给予奖补，最高100万元。
二、强化企业创新主体地位
到2025年，全市高新技术企业达到8000家。“十四五”期间，全市研发投入年均增长15%以上。
三、本措施自发布之日起施行，有效期3年。
扫一扫在手机打开当前页
打印本页
关闭窗口
上一篇：合肥市人民政府办公室关于做好2022年春季农业生产工作的通知
下一篇：合肥市人民政府关于公布市级权责清单的通知
主办：合肥市人民政府办公室  承办：合肥市数据资源局
网站标识码：3401000001  皖ICP备05000208号  皖公网安备 34010402700602号
"""
INDEX_PAGE = """首页 > 信息公开 > 政府文件
索 引 号：\t11440300007542760B/2021-00133
主题分类：\t城乡建设、环境保护
发文机关：\t深圳市人民政府
成文日期：\t2021年08月20日
标    题：\t深圳市人民政府关于印发深圳市生态环境保护“十四五”规划的通知
发文字号：\t深府〔2021〕71号
发布日期：\t2021年09月02日
深圳市人民政府关于印发深圳市生态环境保护“十四五”规划的通知
各区人民政府，市政府直属各单位：
现将《深圳市生态环境保护“十四五”规划》印发给你们，请认真组织实施。
深圳市人民政府
2021年8月20日
深圳市生态环境保护“十四五”规划
一、发展基础
“十三五”期间，全市空气质量优良天数比例达到96.7%。
二、主要目标
到2025年，PM2.5年均浓度控制在20微克/立方米以内。
"""
DATABASE_EXPORT = """包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知
【发布部门】 包头市人民政府办公室
【发文字号】 包府办发〔2022〕43号
【发布日期】 2022.04.14
【实施日期】 2022.04.14
【时效性】 现行有效
【效力级别】 地方规范性文件
【法宝引证码】 CLI.12.5115678
原文链接：https://www.pkulaw.com/lar/ea5258e56c60aba96802bb670d6bf530bdfb.html

包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知
包府办发〔2022〕43号
各旗、县、区人民政府，稀土高新区管委会，市直有关部门、单位：
　　经市人民政府同意，将《包头市2022年数字政府建设考评办法》印发给你们，请认真抓好落实。
2022年4月14日
　　包头市2022年数字政府建设考评办法
　　一、考评对象
　　各旗县区人民政府、稀土高新区管委会。
　　二、考评内容
　　《包头市数字政府建设行动方案（2021—2023年）》确定的重点任务。
"""

# An index table flattened to "KEY<TAB>value" rows, no colons.
INDEX_PAGE_BARE_ROWS = """当前位置：首页 > 政府信息公开 > 规范性文件
索引号\t11330100002489016N/2020-05612
主题分类\t科技、教育
发文机关\t杭州市人民政府办公厅
成文日期\t2020-06-12
标题\t杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知
发文字号\t杭政办函〔2020〕36号
发布日期\t2020-06-18
杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知
各区、县（市）人民政府，市政府各部门、各直属单位：
《杭州市加快推进数字经济发展实施方案》已经市政府同意，现印发给你们，请认真组织实施。
杭州市加快推进数字经济发展实施方案
为加快建设国家数字经济示范城市，制定本方案。
一、总体目标
到2022年，全市数字经济核心产业增加值达到5000亿元。
"""
# A saved page that opens with its browser title (…_栏目_站名), the site name and its menu.
MUNICIPAL_PAGE_BROWSER_TITLE = """南京市人民政府关于进一步加强城市管理工作的意见_政策文件_南京市人民政府
南京市人民政府
首页
新闻动态
政务公开
互动交流
办事服务
您现在的位置：首页 > 政务公开 > 政策文件
发布日期：2019-04-02 来源：南京市人民政府办公厅 【字体：大 中 小】 【打印】 【关闭】
南京市人民政府关于进一步加强城市管理工作的意见
宁政发〔2019〕58号
各区人民政府，市府各委办局，市各直属单位：
为进一步加强城市管理工作，提升城市治理水平，现提出如下意见。
一、总体要求
坚持以人民为中心，到2020年，城市管理水平显著提升。
二、保障措施
各区要加强组织领导。
南京市人民政府
2019年3月28日
（此件公开发布）
【打印本页】【关闭窗口】
版权所有：南京市人民政府 苏ICP备05004785号
"""

# A page whose header (language switch, address, English site name, one-line menu) stays above
# the title.
MUNICIPAL_PAGE_LEFTOVER_CHROME = """简体版 | 繁體版 | English
www.hefei.gov.cn
Hefei Municipal People's Government
合肥市人民政府
首页 政务公开 政务服务 互动交流 走进合肥
您的位置：首页 > 政务公开 > 政策文件
合肥市人民政府关于加快推进人工智能产业发展的实施意见
合政〔2023〕15号
各县（市）、区人民政府，市政府各部门、各直属机构：
为加快推进人工智能产业发展，现提出如下实施意见。
一、总体要求
到2025年，全市人工智能产业规模突破2000亿元。
合肥市人民政府
2023年2月10日
（此件公开发布）
分享到：
【打印】【关闭】
"""


@pytest.mark.parametrize("page, expect", [
    (MUNICIPAL_PAGE, {
        "title": "合肥市加快推进科技成果转化若干措施",
        "notice_title": "合肥市人民政府办公室关于印发合肥市加快推进科技成果转化若干措施的通知",
        "issuer": "合肥市人民政府办公室", "doc_number": "合政办〔2022〕7号", "date": "2022-03-15",
        "published": "2022-03-18", "region": "合肥市", "doc_type": "other", "period": "十四五"}),
    (INDEX_PAGE, {
        "title": "深圳市生态环境保护“十四五”规划",
        "notice_title": "深圳市人民政府关于印发深圳市生态环境保护“十四五”规划的通知",
        "issuer": "深圳市人民政府", "doc_number": "深府〔2021〕71号", "date": "2021-08-20",
        "published": "2021-09-02", "region": "深圳市", "doc_type": "规划", "period": "十四五"}),
    (DATABASE_EXPORT, {
        "title": "包头市2022年数字政府建设考评办法",
        "notice_title": "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知",
        "issuer": "包头市人民政府办公室", "doc_number": "包府办发〔2022〕43号", "date": "2022-04-14",
        "published": "2022-04-14", "region": "包头市", "doc_type": "办法", "period": "十四五"}),
    (INDEX_PAGE_BARE_ROWS, {
        "title": "杭州市加快推进数字经济发展实施方案",
        "notice_title": "杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知",
        "issuer": "杭州市人民政府办公厅", "doc_number": "杭政办函〔2020〕36号", "date": "2020-06-12",
        "published": "2020-06-18", "region": "杭州市", "doc_type": "实施方案", "period": "十三五"}),
    (MUNICIPAL_PAGE_BROWSER_TITLE, {
        "title": "南京市人民政府关于进一步加强城市管理工作的意见",
        "issuer": "南京市人民政府", "doc_number": "宁政发〔2019〕58号", "date": "2019-03-28",
        "published": "2019-04-02", "region": "南京市", "doc_type": "意见", "period": "十三五"}),
    (MUNICIPAL_PAGE_LEFTOVER_CHROME, {
        "title": "合肥市人民政府关于加快推进人工智能产业发展的实施意见",
        "issuer": "合肥市人民政府", "doc_number": "合政〔2023〕15号", "date": "2023-02-10",
        "published": None, "region": "合肥市", "doc_type": "实施意见", "period": "十四五"}),
], ids=["municipal-page", "index-page", "database-export", "index-page-bare-rows", "browser-title",
        "leftover-chrome"])
def test_whole_page_facts(page, expect):
    """The full pipeline (read, clean, describe) on pages with chrome the seeds do not show."""
    from policytext.pipeline import extract_text

    record = extract_text(page, source="page.txt").documents[0]
    assert {name: getattr(record, name) for name in expect} == expect


def test_whole_page_without_its_catalogue_rows_still_finds_the_title():
    """Without 名称/文号 rows the title comes from the text alone, past the menu run into it."""
    from policytext.pipeline import extract_text

    bare = "\n".join(line for line in MUNICIPAL_PAGE.splitlines() if not line.startswith(("名称", "文号")))
    record = extract_text(bare, source="page.txt").documents[0]
    assert record.title == "合肥市加快推进科技成果转化若干措施"
    assert record.notice_title == "合肥市人民政府办公室关于印发合肥市加快推进科技成果转化若干措施的通知"
    assert (record.doc_number, record.issuer, record.date) == (None, "合肥市人民政府办公室", "2022-03-15")


# A saved municipal page with its metadata table as HTML (read by policytext.io into the page's
# metadata), a browser title with the site name, menu, breadcrumb and footer.
MUNICIPAL_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知_市政府办公厅文件_杭州市人民政府门户网站
</title></head>
<body>
<div class="top"><a href="/">首页</a> <a href="/zwgk">政务公开</a>
<a href="/bsfw">办事服务</a> <a href="/hdjl">互动交流</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>
&gt; 市政府办公厅文件</div>
<table class="xxgk">
<tr><td>索引号：</td><td>000014349/2020-00045</td><td>主题分类：</td><td>科技、教育</td></tr>
<tr><td>发文机关：</td><td>杭州市人民政府办公厅</td><td>成文日期：</td><td>2020-06-12</td></tr>
<tr><td>标题：</td>
<td colspan="3">杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知</td></tr>
<tr><td>发文字号：</td><td>杭政办函〔2020〕36号</td><td>发布日期：</td><td>2020-06-18</td></tr>
</table>
<div class="content">
<h1>杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知</h1>
<p>各区、县（市）人民政府，市政府各部门、各直属单位：</p>
<p>《杭州市加快推进数字经济发展实施方案》已经市政府同意，现印发给你们，请认真组织实施。</p>
<p style="text-align:right">杭州市人民政府办公厅</p>
<p style="text-align:right">2020年6月12日</p>
<p>杭州市加快推进数字经济发展实施方案</p>
<p>为加快建设国家数字经济示范城市，制定本方案。</p>
<p>一、总体目标</p>
<p>到2022年，全市数字经济核心产业增加值达到5000亿元。</p>
</div>
<div class="foot">主办单位：杭州市人民政府办公厅 网站标识码：3301000001 浙ICP备05004535号</div>
</body></html>
"""


def test_whole_html_page_facts(tmp_path):
    from policytext.pipeline import extract_file

    path = tmp_path / "page.html"
    path.write_text(MUNICIPAL_HTML, encoding="utf-8")
    record = extract_file(path).documents[0]
    got = {name: getattr(record, name) for name in ("title", "issuer", "doc_number", "date", "published",
                                                    "region", "doc_type", "period")}
    assert record.notice_title == "杭州市人民政府办公厅关于印发杭州市加快推进数字经济发展实施方案的通知"
    assert got == {"title": "杭州市加快推进数字经济发展实施方案",
                   "issuer": "杭州市人民政府办公厅", "doc_number": "杭政办函〔2020〕36号",
                   "date": "2020-06-12", "published": "2020-06-18", "region": "杭州市",
                   "doc_type": "实施方案", "period": "十三五"}
