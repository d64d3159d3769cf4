"""Numerals read inside quantity spans: golden cases with and without a value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.numbers import multiple_to_percent, normalise_digits, parse_fraction, parse_number

# (label, numeral as written, value) — forms listed in issue 3.
NUMERALS = [
    ("arabic", "4500", 4500.0),
    ("decimal", "96.48", 96.48),
    ("thousands separator", "12,345", 12345.0),
    ("full-width digits", "１２３４", 1234.0),
    ("full-width point", "６．５", 6.5),
    ("space-split digits", "7 4 7 7 2", 74772.0),
    ("chinese compound", "一千二百", 1200.0),
    ("chinese 两", "两千", 2000.0),
    ("chinese teens", "十五", 15.0),
    ("chinese with zero", "一百零五", 105.0),
    ("chinese wan", "三万五千", 35000.0),
    ("chinese digit by digit", "二〇三五", 2035.0),
    ("vague 十余", "十余", 10.0),
    ("vague 数十", "数十", 10.0),
    ("vague 近百", "近百", 100.0),
    ("vague 上百", "上百", 100.0),
    ("vague 逾千", "逾千", 1000.0),
    ("multiplier 万", "1.8万", 18000.0),
    ("multiplier 万亿", "3.5万亿", 3.5e12),
    ("multiplier 亿", "20亿", 2e9),
]

NOT_NUMERALS = ["", "第一", "一带一路", "万", "abc", "1.2.3", "十四五规划"]


@pytest.mark.parametrize(("label", "text", "expect"), NUMERALS, ids=[n[0] for n in NUMERALS])
def test_parse_number(label: str, text: str, expect: float) -> None:
    assert parse_number(text) == pytest.approx(expect)


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("num", "den", "expect"),
    [("一", "三", 33.33), ("1", "5", 20.0), ("1", "10", 10.0), ("二", "三", 66.67), ("五", "千", 0.5)],
)
def test_parse_fraction(num: str, den: str, expect: float) -> None:
    assert parse_fraction(num, den) == pytest.approx(expect)


def test_parse_fraction_zero_denominator() -> None:
    assert parse_fraction("1", "0") is None


@pytest.mark.parametrize(
    ("times", "doublings", "expect"),
    [(1, True, 100.0), (2, True, 300.0), (1.5, False, 150.0), (4, False, 400.0)],
)
def test_multiple_to_percent(times: float, doublings: bool, expect: float) -> None:
    assert multiple_to_percent(times, doublings=doublings) == expect


def test_normalise_digits_keeps_chinese_punctuation() -> None:
    assert normalise_digits("增长６．５％，") == "增长6.5%，"


@given(st.text(max_size=40))
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)
