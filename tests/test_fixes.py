"""Fixers: golden with/without cases for each, idempotence, the registry."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.errors import ConfigError
from policytext.fixes import (
    FIXERS,
    fix_garbled_ellipsis,
    fix_text,
    is_heading,
    join_broken_lines,
    join_split_digits,
    remove_zero_width,
    undouble_quotes,
    wrap_joins,
)

# (fixer, input, expected, comment): the "without" cases expect the input back unchanged.
GOLDEN = [
    (remove_zero_width, "十四五\u200b规划", "十四五规划", "zero-width space inside a word"),
    (remove_zero_width, "\ufeff关于印发", "关于印发", "a BOM inside the text"),
    (remove_zero_width, "国务院\u00a0\u00a0", "国务院  ", "no-break spaces become spaces"),
    (remove_zero_width, "全角　空格", "全角　空格", "without: the ideographic space is text"),
    (undouble_quotes, "2016年是““十三五””开局之年", "2016年是“十三五”开局之年", "doubled quotes"),
    (undouble_quotes, "《普陀区智慧城市““十三五””规划》", "《普陀区智慧城市“十三五”规划》", "inside a title"),
    (undouble_quotes, "“十三五”规划和“十四五”规划", "“十三五”规划和“十四五”规划", "without: single pairs"),
    (undouble_quotes, "他说：“‘三区联动’是核心。”", "他说：“‘三区联动’是核心。”", "without: nested quotes"),
    (join_split_digits, "生产总值7 4 7 7 2 亿元", "生产总值74772亿元", "split digits and a multiplier"),
    (join_split_digits, "2 0 1 9 年", "2019年", "a split year"),
    (join_split_digits, "增长1 2 . 5%", "增长1 2 . 5%", "without: a decimal point is not a single digit"),
    (join_split_digits, "第 1 2 名", "第 1 2 名", "without: two digits may be two numbers"),
    (join_split_digits, "2019 2020 2021年", "2019 2020 2021年", "without: whole numbers side by side"),
    (join_split_digits, "GB 1 2 3", "GB 1 2 3", "without: no unit follows"),
    (fix_garbled_ellipsis, "旧居„„在这短短5天", "旧居……在这短短5天", "GBK ellipsis read as cp1252"),
    (fix_garbled_ellipsis, "等等……", "等等……", "without: a real ellipsis"),
    (fix_garbled_ellipsis, "„引号“", "„引号“", "without: one low quote"),
]


@pytest.mark.parametrize(("fixer", "text", "expected", "comment"), GOLDEN,
                         ids=[f"{g[0].__name__}-{i}" for i, g in enumerate(GOLDEN)])
def test_golden(fixer, text, expected, comment):
    assert fixer(text) == expected, comment


JOINS = [
    ("关于打造创新创业人才高地推进创新型试点城\n区建设的实施意见\n中共上海市杨浦区委",
     "关于打造创新创业人才高地推进创新型试点城区建设的实施意见\n中共上海市杨浦区委", "a title cut in two"),
    ("发展速度，高技能人才占技能劳动者的比重达到35%以\n上。区域内集聚100名人才。",
     "发展速度，高技能人才占技能劳动者的比重达到35%以上。区域内集聚100名人才。",
     "a word cut at the line end"),
    ("轻工业是我国国民经济传统优势产业和重要民生产业，\n在稳增长、扩内需、惠民生等方面发挥着关键作用。",
     "轻工业是我国国民经济传统优势产业和重要民生产业，在稳增长、扩内需、惠民生等方面发挥着关键作用。",
     "a PDF line ending with a comma"),
    ("一、指导思想\n高举中国特色社会主义伟大旗帜。", None, "without: a numbered heading"),
    ("（一）创新要素加速汇聚\n创新机构高度集聚。", None, "without: a bracketed heading"),
    ("杨浦建设国家创新型试点城区工作汇报\n上海市科学技术委员会", None,
     "without: a whole title then its issuer"),
    ("现将有关工作情况汇报如下，请各单位认真贯彻执行\n上海市杨浦区人民政府", None,
     "without: a signature after a sloppy last sentence"),
    ("对标最高标准、最好水平，加强改革系统集成，彰显创新杨浦特色\n2021年7月27日", None,
     "without: a date line"),
    ("现将有关工作情况汇报如下。一、目标\n杨浦建设国家创新型试点城区，要按照要求推进。", None,
     "without: a heading run into the end of a paragraph"),
    ("完善“1+6+4”产业扶持政策体系，先后发布人工智能、大数据等专项政策\n1.持续深化区校融合发展", None,
     "without: the next line is a list item"),
]


@pytest.mark.parametrize(("text", "expected", "comment"), JOINS, ids=[j[2] for j in JOINS])
def test_join_broken_lines(text, expected, comment):
    assert join_broken_lines(text) == (text if expected is None else expected), comment


def test_wrap_joins_title_only_in_the_title_zone():
    lines = ["正文第一段。", "正文第二段。", "关于推进创新型试点城", "区建设的实施意见"]
    assert wrap_joins(lines, title_zone=5) == [[0], [1], [2, 3]]
    assert wrap_joins(lines, title_zone=1) == [[0], [1], [2], [3]]


@pytest.mark.parametrize(("line", "expected"), [
    ("一、发展基础", True), ("（三）空间布局持续优化", True), ("第三章 保障措施", True),
    ("1.持续深化区校融合发展", True),
    ("——坚持区校联动", True), ("到2025年，初步建成高能级科技创新引领区。", False),
    ("1.扩大优势产品出口。建立清单，深化企业对关税减让的理解掌握。", False),
])
def test_is_heading(line, expected):
    assert is_heading(line) is expected


def test_registry_holds_every_fixer_by_its_function_name():
    assert list(FIXERS) == ["remove_zero_width", "fix_garbled_ellipsis", "undouble_quotes",
                            "join_split_digits", "join_broken_lines"]
    assert all(fixer.__name__ == name for name, fixer in FIXERS.items())


def test_fix_text_with_selected_and_unknown_names():
    assert fix_text("““十三五””\u200b", names=["undouble_quotes"]) == "“十三五”\u200b"
    with pytest.raises(ConfigError, match="unknown fixer"):
        fix_text("x", names=["no_such_fixer"])


def test_chinese_punctuation_survives_every_fixer():
    text = "（一）坚持“三区联动”，推进《规划》实施：到2025年，比重达到4%；企业超过4500家！"
    assert fix_text(text) == text


ALPHABET = list("十四五规划“”‘’0123456789 \u00a0\u200b„。，、\n一（）年万亿%")
TEXTS = st.text(alphabet=st.sampled_from(ALPHABET), max_size=80)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_every_fixer_is_idempotent_and_total(text):
    for fixer in FIXERS.values():
        once = fixer(text)
        assert isinstance(once, str)
        assert fixer(once) == once, fixer.__name__
