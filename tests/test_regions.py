"""Regions (policytext.regions): which place a document belongs to, golden with/without cases, and
the regions lexicon (data/lexicons/regions.tsv, built by scripts/build_regions.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.lexicon import load_lexicon
from policytext.meta import Facts, describe
from policytext.model import Part
from policytext.regions import _NOT_PLACES, _read_at, _regions, find_regions


def facts(text: str) -> Facts:
    return describe(Part(part=1, text=text))


def test_region_from_issuer_district_not_city():
    f = facts("关于加强人才工作的实施意见\n中共上海市杨浦区委\n上海市的人才工作。上海。上海。")
    assert f.region == "杨浦区"
    assert f.region_path == "上海市 > 杨浦区"


def test_region_short_form_in_title():
    assert facts("杨浦建设国家创新型试点城区工作汇报\n今年1月，国家科技部确定。").region == "杨浦区"


def test_region_former_district():
    f = facts("闸北区关于推进科技创新的实施意见\n正文。")
    assert f.region == "闸北区"


def test_region_by_frequency_prefers_the_district_beside_its_city():
    text = "关于工作的报告\n" + "杨浦区推进创新。" * 6 + "上海市支持。" * 3
    assert facts(text).region == "杨浦区"


def test_region_by_self_reference_picks_the_province():
    text = "智能制造行动方案\n全省推进。我省加快。山东省制定。济南市、青岛市、烟台市试点。全省落实。"
    assert facts(text).region == "山东省"


@pytest.mark.parametrize("text", [
    "关于加强资源节约的意见\n推进资源节约和资源循环利用，资源配置更加合理。",   # 资源 is a word, not 资源县
    "发扬井冈山精神\n学习井冈山精神，坚定信念。",                                   # a spirit, not 井冈山市
    "打造新平台\n建设新平台，推广新平台。",                                         # 新平台, not 新平县
    "国务院关于加强监管的意见\n各省、自治区、直辖市人民政府：\n正文。\n国务院\n2019年1月27日",
    "中华人民共和国促进法实施细则\n依照中华人民共和国法律。中华人民共和国。",         # not 共和县
    "关于船舶发展的意见\n各省、自治区、直辖市及新疆生产建设兵团：\n提升效率和安全，绿色和安全并重，质量和安全。",
    "数字商务行动计划\n全国数字商务加快发展。我国各地区推进。上海、北京试点。上海、北京示范。全国推广。",
])
def test_region_without(text):
    assert facts(text).region is None


def test_find_regions_reads_suffix_after_short_form():
    assert [r.name for _s, rs in find_regions("阿坝州人民政府") for r in rs] == ["阿坝藏族羌族自治州"]
    assert find_regions("河北雄安新区") and all(r.name != "安新县" for _s, rs in find_regions("河北雄安新区")
                                                for r in rs)
    assert facts("临安县“十一五”工业发展规划\n全县工业经济发展迅速。").region == "临安区"   # since renamed


def test_regions_lexicon_is_complete_and_consistent():
    lex = load_lexicon("regions")
    rows = lex.rows
    levels = [r["level"] for r in rows if r["status"] == "current"]
    assert levels.count("province") == 34
    assert levels.count("prefecture") >= 330
    codes = {r["code"] for r in rows}
    assert all(r["parent_code"] in codes for r in rows if r["parent_code"])
    by_name = {r["name"]: r for r in rows}
    assert by_name["杨浦区"]["short"] == "杨浦" and by_name["杨浦区"]["parent"] == "上海市"
    for former, successor in (("闸北区", "静安区"), ("卢湾区", "黄浦区"), ("南汇区", "浦东新区")):
        assert by_name[former]["status"] == "former" and by_name[former]["successor"] == successor
    assert all(r["source"] for r in rows)
    # the districts of the four municipalities are there
    for city, n in (("北京市", 16), ("天津市", 16), ("上海市", 16), ("重庆市", 26)):
        districts = [r for r in rows if r["parent"] == city and r["status"] == "current"]
        assert sum(r["name"].endswith("区") for r in districts) >= n


def _read_everywhere(text: str, context: str = "", strict: bool = False) -> list[tuple[str, tuple]]:
    """What find_regions gives when reading at every position, as it did before it read only
    where ``starts`` and ``heads`` allow a name: the reference for that shortcut."""
    index, found, i = _regions(), [], 0
    while i < len(text) - 1:
        i, hit = _read_at(index, text, i, context, strict)
        if hit:
            found.append(hit)
    return found


def test_reading_only_where_a_name_may_start_finds_every_name(raw_dir: Path) -> None:
    paths = sorted([*raw_dir.glob("*.txt"), *(raw_dir.parent / "sample").glob("*.txt")])
    assert len(paths) >= 10
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for strict in (False, True):
            assert find_regions(text, strict=strict) == _read_everywhere(text, strict=strict), path.name


_SURFACES = sorted(_regions().by_surface)
_PIECES = st.one_of(
    st.sampled_from(_SURFACES[::7]), st.sampled_from([*_NOT_PLACES, "中华", "人民", "精神"]),
    st.sampled_from(list("省市区县州旗盟的和在推进发展2024年，。\n ")))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.booleans(),
       st.sampled_from(["", "上海市杨浦区", "四川省", "青海省"]))
def test_reading_only_where_a_name_may_start_matches_reading_everywhere(pieces, strict, context):
    text = "".join(pieces)
    assert find_regions(text, context, strict=strict) == _read_everywhere(text, context, strict)
