"""Section tree: numbered headings at line starts, run-in headings, and section_at."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.sections import parse_sections, section_at

PLAN = """关于印发某区“十四五”规划的通知
一、发展基础
（一）创新要素加速汇聚
截至2020年底，全区高新技术企业973家。
（二）产业体系逐步健全
产业发展良好。
二、发展目标
到2025年，科技企业总量超过4500家。
三、主要任务
1.持续深化区校融合发展
内容。
2．提高科技成果转化效率
（1）完善机制
内容。
附件
1.名词解释：内容。
"""


def labels(text: str) -> list[str]:
    return [s.label for s in parse_sections(text)]


def test_tree_of_a_plan() -> None:
    assert labels(PLAN) == [
        "一、发展基础",
        "一、发展基础 > （一）创新要素加速汇聚",
        "一、发展基础 > （二）产业体系逐步健全",
        "二、发展目标",
        "三、主要任务",
        "三、主要任务 > 1.持续深化区校融合发展",
        "三、主要任务 > 2．提高科技成果转化效率",
        "三、主要任务 > 2．提高科技成果转化效率 > （1）完善机制",
        "附件",
        "附件 > 1.名词解释",
    ]


def test_section_spans_cover_their_text() -> None:
    secs = parse_sections(PLAN)
    assert section_at(secs, PLAN.index("973家")) == "一、发展基础 > （一）创新要素加速汇聚"
    assert section_at(secs, PLAN.index("4500家")) == "二、发展目标"
    assert section_at(secs, 0) == ""  # the title line is outside every section
    for s in secs:
        assert PLAN[s.start:].startswith(s.heading[:2])


def test_chapters_and_articles() -> None:
    text = ("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全市。\n"
            "第二章 管理\n第三条 内容。\n")
    assert labels(text) == [
        "第一章 总则",
        "第一章 总则 > 第一条",
        "第一章 总则 > 第二条",
        "第二章 管理",
        "第二章 管理 > 第三条",
    ]


def test_run_in_heading_at_line_end() -> None:
    # A heading run into the end of a paragraph, as in a scraped report: "…汇报如下。一、目标".
    text = "现将有关工作情况汇报如下。一、目标\n到2015年，引进人才1000名。二、措施\n一是加强服务。\n"
    assert labels(text) == ["一、目标", "二、措施"]


def test_run_in_headings_inside_one_long_line() -> None:
    text = ("报告如下:一、依据法定职责夯实工作基础,强化科技投入。做了很多工作。"
            "二、打响科创服务品牌,优化环境。三、打造科技创新高地,加强主体培育。")
    assert labels(text) == ["一、依据法定职责夯实工作基础", "二、打响科创服务品牌", "三、打造科技创新高地"]


def test_run_in_heading_out_of_sequence_is_not_a_heading() -> None:
    # "三、" without an open "二、" is a list inside a sentence, not the start of a section.
    assert labels("产业比重调整。三、四季度继续推进。") == []


def test_lists_are_not_headings() -> None:
    assert labels("二、三产增加值比重从30.7%、68.3%调整为22.3%、76.4%。\n一是加强领导。\n") == []


def test_heading_then_body_on_one_line() -> None:
    text = "一、主要任务\n（三）加大创新创业资金扶持 通过优化政策环境，吸引社会资本。\n"
    assert labels(text)[-1] == "一、主要任务 > （三）加大创新创业资金扶持"


def test_unnumbered_report_heading() -> None:
    text = "2010年主要工作\n一、开展总体设计\n内容。\n2011年工作安排\n一、深化改革\n内容。\n"
    assert labels(text) == [
        "2010年主要工作", "2010年主要工作 > 一、开展总体设计",
        "2011年工作安排", "2011年工作安排 > 一、深化改革",
    ]


def test_section_at_outside_and_empty() -> None:
    assert section_at((), 5) == ""
    assert parse_sections("") == ()


def test_seed_sections(raw_dir: Path) -> None:
    path = raw_dir / "001_493cfe87ad3832fb.txt"
    if not path.exists():
        pytest.skip("sample data not present")
    found = labels(path.read_text(encoding="utf-8"))
    assert "四、发展目标" in found
    assert "五、主要任务 > (一)提升科技创新策源力 > 1.持续深化区校融合发展" in found


@given(st.text(alphabet=st.sampled_from("一二三、（）()1.．\n第章条附件。：目标工作 x"), max_size=200))
def test_parse_sections_never_raises_and_spans_index_text(text: str) -> None:
    secs = parse_sections(text)
    for s in secs:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.path and s.path[-1] == s.heading


# Lines built from the characters headings and body lines are made of.
_LINE_CHARS = "第一二三十章节条附件（）()1.．、①工作目标回顾基础发展推进全面的，。： \t\u3000"


_UNNUMBERED = st.builds(  # an unnumbered heading: a few characters, a closing word, spaces
    lambda indent, head, word, tail: indent + head + word + tail,
    st.text(alphabet=" \t\u3000", max_size=3), st.text(alphabet="推进全面发展的年度一二第", max_size=16),
    st.sampled_from(["工作", "目标", "回顾", "基础", "措施"]), st.text(alphabet=" \t\u3000", max_size=3),
)


@given(st.lists(st.one_of(st.text(alphabet=_LINE_CHARS, max_size=40), _UNNUMBERED), max_size=6))
def test_lines_skipped_as_body_never_match_a_heading(lines: list[str]) -> None:
    # Headings are looked for only on the lines that may hold one: the same matches as a scan of
    # every position must come out.
    from policytext.sections import HEADING_RE, _line_matches

    text = "\n".join(lines)
    assert [m.span() for m in _line_matches(text)] == [m.span() for m in HEADING_RE.finditer(text)]


def test_body_lines_are_skipped_and_headings_kept() -> None:
    from policytext.sections import _line_matches

    text = "全面推进科技创新体系建设，加快发展新质生产力。\n二、发展目标\n　　工作回顾\n到2025年，目标如下。"
    assert [m.group(0) for m in _line_matches(text)] == ["二、发展目标", "　　工作回顾"]


def test_heading_lines_of_real_documents_are_all_found(raw_dir: Path) -> None:
    from policytext.sections import HEADING_RE, _line_matches

    for path in sorted([*raw_dir.glob("*.txt"), *(raw_dir.parent / "sample").glob("*.txt")]):
        text = path.read_text(encoding="utf-8")
        expected = [m.span() for m in HEADING_RE.finditer(text)]
        assert [m.span() for m in _line_matches(text)] == expected, path.name
