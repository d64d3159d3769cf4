"""Named programmes: the rules' own examples, merging, records, the lexicon and the seed floor."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.lexicon import load_lexicon
from policytext.model import PROGRAMME_CATEGORIES
from policytext.programmes import extract_programmes
from policytext.rules import programmes as rules

SHARED = Path(__file__).resolve().parents[2] / "shared"


def names(text: str) -> list[str]:
    return [p.name for p in extract_programmes(text)]


# ------------------------------------------------------------------ every rule's examples


@pytest.mark.parametrize("example", rules.EXAMPLES, ids=lambda e: f"{e.rule}:{e.text[:12]}")
def test_rule_examples(example: rules.Example) -> None:
    found = names(example.text)
    if example.present:
        assert example.name in found, example.comment
    else:
        assert example.name not in found, example.comment


def test_every_rule_has_positive_and_negative_examples() -> None:
    positive = {e.rule for e in rules.EXAMPLES if e.present}
    negative = {e.rule for e in rules.EXAMPLES if not e.present}
    for rule in ("title", "quoted", "suffix", "document", "bundle", "articles", "numbered_slogan", "series",
                 "lexicon"):
        assert any(r.startswith(rule) for r in positive), rule
        assert any(r.startswith(rule) for r in negative), rule


def test_alternation_is_escaped_and_longest_first() -> None:
    pattern = re.compile(rules.alternation(["乡村振兴", "乡村振兴战略", "1+1"]))
    assert pattern.search("实施乡村振兴战略").group(0) == "乡村振兴战略"
    assert pattern.search("1+1").group(0) == "1+1"
    assert pattern.search("11") is None


# ------------------------------------------------------------------ categories and rule names


@pytest.mark.parametrize(
    ("text", "name", "category"),
    [
        ("入选国家“千人计划”", "千人计划", "talent_programme"),
        ("大力实施青年英才培养工程", "青年英才培养工程", "talent_programme"),
        ("大力实施科技小巨人工程", "科技小巨人工程", "programme"),
        ("根据《上海市推进科技创新中心建设条例》", "上海市推进科技创新中心建设条例", "policy_document"),
        ("完善十大扶持政策", "十大扶持政策", "policy_package"),
        ("充分发挥云海创投基金引导作用", "云海创投基金", "fund"),
        ("提升长三角双创示范基地联盟的影响力", "长三角双创示范基地联盟", "platform"),
        ("深化“三区融合、联动发展”的核心理念", "三区融合、联动发展", "slogan"),
        ("推动“国际消费中心城市数字化示范区”建设", "国际消费中心城市数字化示范区", "zone"),
        ("以五月全国科技活动周为契机", "全国科技活动周", "event"),
    ],
)
def test_category(text: str, name: str, category: str) -> None:
    found = {p.name: p for p in extract_programmes(text)}
    assert name in found
    assert found[name].category == category
    assert found[name].rule


def test_quoted_name_with_classifier_keeps_the_quoted_part() -> None:
    assert names("以“3310”政策体系建设为突破口，完善“1+6+4”产业扶持政策体系。") == ["3310", "1+6+4"]


def test_quoted_name_with_head_takes_the_head() -> None:
    assert names("发挥“3310”计划专项资金的引导作用") == ["3310计划专项资金"]


def test_names_listed_before_their_kind() -> None:
    found = {p.name: p.category for p in extract_programmes("投资了高榕资本、武岳峰基金等26家子基金。")}
    assert found == {"高榕资本": "fund", "武岳峰基金": "fund"}


def test_back_to_back_quotes_need_a_marker() -> None:
    found = {p.name: p.category for p in extract_programmes("依托“爱山东”“齐鲁智脑”等平台提供服务")}
    assert found == {"爱山东": "platform", "齐鲁智脑": "platform"}
    assert names("沟通过程中可能存在“时差”“错位”。") == []


def test_numbered_slogans_split_only_at_commas() -> None:
    assert names("总体要求：“一条主线，四个着力”。") == ["一条主线", "四个着力"]
    assert names("深化“三区联动、三城融合”核心理念") == ["三区联动、三城融合"]


def test_masked_names_are_marked() -> None:
    found = extract_programmes("及时下发了“****计划”和“国家支持计划”等申报文件")
    assert [(p.name, p.masked) for p in found] == [("****计划", True), ("国家支持计划", False)]


# ------------------------------------------------------------------ one record per name


def test_abbreviation_folds_into_the_full_name() -> None:
    text = "贯彻实施《上海市推进科技创新中心建设条例》(以下简称《条例》)，推动《条例》落实。"
    found = extract_programmes(text)
    assert [p.name for p in found] == ["上海市推进科技创新中心建设条例"]
    assert found[0].aliases == ("条例",)


def test_quoted_abbreviation_folds_into_the_full_name() -> None:
    text = "支持中国（上海）自由贸易试验区（以下简称“上海自贸区”）建设，推动“上海自贸区”发展。"
    found = extract_programmes(text)
    assert [(p.name, p.aliases) for p in found] == [("中国（上海）自由贸易试验区", ("上海自贸区",))]


def test_declared_alias_listed_once() -> None:
    found = extract_programmes("实施海外高层次人才引进计划（简称“千人计划”），入选“千人计划”专家。")
    assert [(p.name, p.aliases) for p in found] == [("海外高层次人才引进计划", ("千人计划",))]


def test_short_title_merges_with_the_full_title() -> None:
    text = "审议《上海市杨浦区国家创新型试点城区工作实施方案》。落实《实施方案》的要求。"
    found = extract_programmes(text)
    assert [p.name for p in found] == ["上海市杨浦区国家创新型试点城区工作实施方案"]
    assert found[0].aliases == ("实施方案",)


def test_short_title_first_takes_the_later_full_name() -> None:
    text = "市政府发布《指导意见》。\n附：《关于推进科技创新城区建设的指导意见》全文。"
    found = extract_programmes(text)
    assert [p.name for p in found] == ["关于推进科技创新城区建设的指导意见"]
    assert found[0].start == text.index("指导意见")


def test_unmarked_document_takes_its_marked_title() -> None:
    text = "市政府发布关于推进科技创新城区建设指导意见。落实《关于推进科技创新城区建设的指导意见》。"
    found = extract_programmes(text)
    assert len(found) == 1
    assert found[0].name == "关于推进科技创新城区建设的指导意见"


def test_lexicon_aliases_fold_into_one_name() -> None:
    found = extract_programmes("国家重点基础研究发展计划（973计划）和退耕还林。全面推进退耕还林还草。")
    assert [(p.name, p.aliases) for p in found] == [
        ("国家重点基础研究发展计划", ("973计划",)), ("退耕还林", ("退耕还林还草",))]


def test_list_separators_fold_into_one_name() -> None:
    found = extract_programmes("践行“人民城市人民建、人民城市为人民”重要理念。"
                               "践行“人民城市人民建，人民城市为人民”重要理念。")
    assert [p.name for p in found] == ["人民城市人民建、人民城市为人民"]


def test_each_name_once_at_its_first_mention() -> None:
    text = "入选“千人计划”。\n再次入选“千人计划”。"
    found = extract_programmes(text)
    assert len(found) == 1
    assert found[0].start == text.index("千人计划")


# ------------------------------------------------------------------ precision: generic phrases


@pytest.mark.parametrize(
    "text",
    [
        "建设创新平台，制定工作计划，推进重大工程。",
        "鼓励各类企业申报专项资金和扶持政策。",
        "推动孵化器建设由“量变”实现“质变”。",
        "2016年是““十三五””开局之年。",
        "四大领域的10个试点应用项目",
        "依照本法第28条规定处理。",
        "隆昌路越江隧道工程和土木工程专业",
    ],
)
def test_without_names(text: str) -> None:
    assert names(text) == []


# ------------------------------------------------------------------ known misses


@pytest.mark.xfail(strict=True, reason="a short numbered quote before a noun reads as a phrase (“两院”院士)")
def test_known_miss_short_numbered_quote_before_noun() -> None:
    assert "双千兆" in names("推动5G和固网“双千兆”宽带网络建设")


def test_unmarked_document_after_a_drafting_verb() -> None:
    assert "优化营商环境行动方案" in names("连续三年发布实施优化营商环境行动方案")


@pytest.mark.xfail(strict=True, reason="a document without 《》, 关于, a plan period or a drafting verb")
def test_known_miss_unmarked_guide() -> None:
    assert "跨境电子商务知识产权保护指南" in names("组织实施跨境电子商务知识产权保护指南。")


# ------------------------------------------------------------------ records


def test_records_quote_and_span_the_text() -> None:
    path = SHARED / "seeds" / "001_493cfe87ad3832fb.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    text = path.read_text(encoding="utf-8")
    found = extract_programmes(text)
    assert len(found) > 50
    for p in found:
        assert p.category in PROGRAMME_CATEGORIES
        assert p.first_quote in text
        line = text[text.rfind("\n", 0, p.start) + 1:].split("\n", 1)[0]
        assert 10 <= len(p.first_quote) <= 30 or len(p.first_quote) == len(line.strip()) < 10
        assert text.find(p.first_quote) <= p.start + 30
        surface = re.sub(r"[“”\s]", "", text[p.start:p.end])
        assert re.sub(r"[“”\s]", "", p.name)[:2] in surface or p.aliases


def test_section_of_first_mention() -> None:
    from policytext.sections import parse_sections

    text = "一、总体要求\n推进三区联动。\n二、主要任务\n（一）人才\n入选“千人计划”。\n"
    sections = parse_sections(text)
    if not sections:
        pytest.skip("policytext.sections finds no headings yet")
    found = {p.name: p for p in extract_programmes(text, sections=sections)}
    assert "二、主要任务" in found["千人计划"].section
    assert "一、总体要求" in found["三区联动"].section


def test_rejects_bytes() -> None:
    from policytext.errors import ConfigError

    with pytest.raises(ConfigError):
        extract_programmes("入选“千人计划”".encode())  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("《》〈〉“”、，。计划工程基金平台十大三区联动关于意见的实施推进*1+千人科技小巨人")),
               max_size=80))
def test_never_raises_and_spans_index_the_text(text: str) -> None:
    for p in extract_programmes(text):
        assert 0 <= p.start < p.end <= len(text)
        assert p.first_quote in text
        assert p.category in PROGRAMME_CATEGORIES


# ------------------------------------------------------------------ lexicon


def test_lexicon_rows_are_well_formed() -> None:
    lexicon = load_lexicon("programmes")
    assert len(lexicon) >= 50
    expected = {"name", "category", "level", "issuer", "year", "aliases", "bare", "source"}
    assert expected <= set(lexicon.columns)
    seen: set[str] = set()
    for row in lexicon.rows:
        assert row["category"] in PROGRAMME_CATEGORIES, row["name"]
        assert row["level"] in ("national", "provincial", "municipal"), row["name"]
        assert row["source"], row["name"]
        assert row["bare"] in ("yes", "no"), row["name"]
        assert re.fullmatch(r"\d{4}", row["year"]), row["name"]
        for surface in (row["name"], *filter(None, row["aliases"].split("|"))):
            assert surface not in seen, surface
            seen.add(surface)


def test_lexicon_finds_names_and_aliases() -> None:
    found = {p.name: p for p in extract_programmes("承担国家重点研发计划和国家高技术研究发展计划项目")}
    assert found["国家重点研发计划"].category == "programme"
    assert found["国家高技术研究发展计划"].aliases == ("863计划",)


def test_common_lexicon_words_need_quotes() -> None:
    assert "科创板" not in names("支持企业在科创板上市")


def _lexicon_rows(bare: str) -> list[dict[str, str]]:
    return [row for row in load_lexicon("programmes").rows if row["bare"] == bare]


@pytest.mark.parametrize("row", _lexicon_rows("yes"), ids=lambda r: r["name"])
def test_bare_lexicon_name_found_in_running_text(row: dict[str, str]) -> None:
    """Each bare=yes name is found, once, with its category, inside a plain clause."""
    found = {p.name: p for p in extract_programmes(f"各地要认真做好{row['name']}的有关工作。")}
    assert row["name"] in found, sorted(found)
    assert found[row["name"]].category == row["category"]


@pytest.mark.parametrize("row", _lexicon_rows("no"), ids=lambda r: r["name"])
def test_quoted_only_lexicon_name_needs_quotes(row: dict[str, str]) -> None:
    assert row["name"] not in names(f"各地要认真做好{row['name']}的有关工作。")
    quoted = {p.name: p for p in extract_programmes(f"各地要认真做好“{row['name']}”的有关工作。")}
    assert row["name"] in quoted
    assert quoted[row["name"]].category == row["category"]


# ------------------------------------------------------------------ cold start and the seed floor


def test_extraction_does_not_import_heavy_libraries() -> None:
    code = ("import sys, policytext.programmes as p; p.extract_programmes('入选“千人计划”');"
            "print(sorted(m for m in ('jieba', 'pandas', 'sklearn', 'gensim') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("policytext_score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_seed_floor() -> None:
    """programmes.f1 over the seeds, as ../shared/eval/score.py computes it, stays >= 0.85."""
    from policytext.pipeline import extract_file

    score = _scorer()
    gold_root, seeds = SHARED / "gold", SHARED / "seeds"
    per_file = []
    for folder in sorted(p for p in gold_root.iterdir() if p.is_dir()):
        gold = [json.loads(line) for line in (folder / "programmes.jsonl").read_text("utf-8").splitlines()
                if line.strip()]
        result = extract_file(seeds / f"{folder.name}.txt").to_dict()
        per_file.append(score.score_programmes(gold, score.records(result, "programmes")))
    summary = score.programmes_micro(per_file)
    assert summary["f1"] >= 0.85, summary
