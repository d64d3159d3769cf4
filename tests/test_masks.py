"""policytext.masks: masked tokens and scrubbed years, split out of clean.py."""

import importlib

import pytest

from policytext import masks


@pytest.mark.parametrize("line, expect", [
    ("到201*年，企业达到***家。", [("201*", "masked_year"), ("***家", "masked_number")]),
    ("奖励****万元，表彰**名同志。", [("****万元", "masked_number"), ("**名", "masked_number")]),
    ("由***同志负责。", [("***", "masked_name")]),
])
def test_find_masks_with(line, expect):
    assert [(m.text, m.kind) for _, m in masks.find_masks([line])] == expect


@pytest.mark.parametrize("line", ["*注：以上数据为初步统计。", "2021年，企业达到300家。", "a*b"])
def test_find_masks_without(line):
    assert masks.find_masks([line]) == []


def test_scrub_with_an_impossible_range_and_without_a_genuine_one():
    scrubbed, evidence, tokens = masks.scrub("规划期为2024－2024年。", [], (None, ""))
    assert scrubbed and evidence == ["impossible range 2024－2024"]
    assert {t.kind for t in tokens} == {"scrubbed_year"}
    assert masks.scrub("规划期为2021－2025年。", [], (None, "")) == (False, [], [])
    # record=False: the flag and evidence stay, no tokens
    assert masks.scrub("规划期为2024－2024年。", [], (None, ""), record=False)[2] == []


def test_names_are_still_importable_from_clean():
    clean_module = importlib.import_module("policytext.clean")
    for name in ("MASK_RE", "YEAR_TOKEN_RE", "SAME_RANGE_RE", "PLANNING_RE", "PERIOD_STARTS",
                 "ORDINAL_PERIOD"):
        assert getattr(clean_module, name) is getattr(masks, name)
