"""Numerals inside spans already recognised as quantities.

These helpers never scan sentences: :mod:`policytext.quantities` finds a quantity span first and
hands only its numeral here. Converting numerals across whole sentences corrupts policy vocabulary
(一带一路 -> 1带1路, 第一产业 -> 第1产业), which is why there is no ``transform(sentence)``.

>>> parse_number("1.8万")
18000.0
>>> parse_number("一千二百")
1200.0
>>> parse_number("二〇三五")
2035.0
>>> parse_number("１２，３４５．６")
12345.6
>>> parse_number("一带一路") is None
True
"""

from __future__ import annotations

import re

__all__ = [
    "CN_DIGITS",
    "MULTIPLIERS",
    "multiple_to_percent",
    "normalise_digits",
    "parse_fraction",
    "parse_number",
]

# Chinese digits, including the financial (大写) forms and the zero variants seen in scraped text.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "O": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2, "俩": 2,
    "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5,
    "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

# Multipliers written after a number and before its unit (1.8万家, 3.5万亿元, 20百万元).
MULTIPLIERS: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
    "万": 1e4, "千": 1e3, "百": 1e2, "十": 1e1,
}

# Vague quantity words: 数十 (tens of), 上百 (up to a hundred), 近百, 逾千 — the number is the
# round figure and the vagueness goes into the qualifier, which the caller decides.
_VAGUE_PREFIX = ("数", "上", "近", "逾", "几", "成")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％／", "0123456789.%/")
_ARABIC_RE = re.compile(
    r"""^
    (?P<int>\d+(?:,\d{3})*)     # integer part, thousands separated by commas
    (?:\.(?P<frac>\d+))?        # decimal part
    $""",
    re.VERBOSE,
)
_PLAIN_DECIMAL_RE = re.compile(r"[0-9]+\.[0-9]+")  # 2.5, 96.48: read by float() directly
_FULLWIDTH_THOUSANDS_RE = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")  # 12，345: a full-width comma
_DIGIT_SPACE_RE = re.compile(r"(?<=\d)[\s\u00a0\u3000]+(?=\d)")  # 7 4 7 7 2: spaces between digits
_ARABIC_MULTIPLIER_RE = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?)([万亿千百十]+)$")  # 1.8万, 3.5万亿


def normalise_digits(text: str) -> str:
    """Full-width digits, point, percent, comma and slash to ASCII; spaces inside numbers dropped.

    >>> normalise_digits("７ ４ ７ ７ ２")
    '74772'
    >>> normalise_digits("６．５％")
    '6.5%'
    """
    text = _FULLWIDTH_THOUSANDS_RE.sub(",", text.translate(_FULLWIDTH))
    return _DIGIT_SPACE_RE.sub("", text)


def _parse_arabic(text: str) -> float | None:
    m = _ARABIC_RE.match(text)
    if not m:
        return None
    whole = m.group("int").replace(",", "")
    frac = m.group("frac")
    return float(f"{whole}.{frac}") if frac else float(whole)


def _parse_cn_below_10000(text: str) -> int | None:
    """一千二百 -> 1200, 十五 -> 15, 两千 -> 2000; None if ``text`` is not such a numeral."""
    if not text:
        return 0
    total, digit, seen_unit = 0, None, False
    for i, ch in enumerate(text):
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row without a unit: not this form
            digit = CN_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if digit is None:
                if i != 0:
                    return None
                digit = 1  # 十五 = 15; 百 and 千 alone (近百, 逾千) are 100 and 1000
            total += digit * unit
            digit, seen_unit = None, True
        else:
            return None
    if digit:
        # 一千二 (colloquial 1200) is rare in policy text; read the trailing digit as units.
        total += digit
    if not seen_unit and total >= 10:
        return None
    return total


def _parse_chinese(text: str) -> float | None:
    if text in _LARGE_UNITS:
        return None  # 万 or 亿 alone is a word (万元, 亿万), not a numeral
    if text and all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return float(CN_DIGITS[text])
        # Digit-by-digit forms: 二〇三五 -> 2035.
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0.0
    rest = text
    for big_char, big in sorted(_LARGE_UNITS.items(), key=lambda kv: -kv[1]):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            value = _parse_cn_below_10000(head) if head else 1
            if value is None:
                return None
            total = (total + value) * big if total else float(value * big)
    tail = _parse_cn_below_10000(rest.lstrip("零〇"))
    if tail is None:
        return None
    total += tail
    return total if text else None


def parse_number(text: str) -> float | None:
    """The value of one numeral: Arabic or Chinese, with any 万/亿/千 multiplier applied.

    Accepts full-width and space-split digits, thousands separators, decimals, and the vague
    forms 十余, 数十, 近百, 上百, 逾千 (the round figure; the caller sets the qualifier).
    Returns ``None`` for anything that is not a numeral, never raising.

    >>> parse_number("3.5万亿")
    3500000000000.0
    >>> parse_number("两千")
    2000.0
    >>> parse_number("十余")
    10.0
    >>> parse_number("近百")
    100.0
    >>> parse_number("7 4 7 7 2")
    74772.0
    >>> parse_number("第一") is None
    True
    """
    if not isinstance(text, str):
        return None
    if text.isascii() and text.isdigit():
        return float(text)  # the common case, read without the general machinery
    if len(text) == 1 and text in CN_DIGITS:
        return float(CN_DIGITS[text])  # 一, 五: the ordinals of headings and list items
    if text.isascii() and _PLAIN_DECIMAL_RE.fullmatch(text):
        return float(text)  # a plain decimal: what _parse_arabic would read, without normalising
    s = normalise_digits(text.strip())
    s = s.rstrip("余多几")
    while s and s[0] in _VAGUE_PREFIX and len(s) > 1:
        s = s[1:]
    if not s:
        return None
    value = _parse_arabic(s)
    if value is not None:
        return value
    # An Arabic number followed by a multiplier: 1.8万, 3.5万亿, 20百万.
    m = _ARABIC_MULTIPLIER_RE.match(s)
    if m:
        mult = MULTIPLIERS.get(m.group(2))
        base = _parse_arabic(m.group(1))
        if mult is None or base is None:
            return None
        return _round(base * mult)
    return _parse_chinese(s)


def _round(value: float) -> float:
    """Remove float noise from multiplying decimals (1.8 * 1e4 = 18000.000000000004)."""
    return float(f"{value:.10g}") if value else 0.0


def parse_fraction(numerator: str, denominator: str) -> float | None:
    """A fraction as a percent, rounded to two places: 三分之一 -> 33.33, 1/5 -> 20.0.

    >>> parse_fraction("一", "三")
    33.33
    >>> parse_fraction("1", "5")
    20.0
    >>> parse_fraction("1", "0") is None
    True
    """
    top, bottom = parse_number(numerator), parse_number(denominator)
    if top is None or not bottom:
        return None
    return round(100.0 * top / bottom, 2)


def multiple_to_percent(times: float, *, doublings: bool = False) -> float:
    """A multiple as percent growth: 增长1.5倍 -> 150; 翻两番 (two doublings) -> 300.

    >>> multiple_to_percent(1.5)
    150.0
    >>> multiple_to_percent(2, doublings=True)
    300.0
    """
    if doublings:
        return _round((2.0**times - 1.0) * 100.0)
    return _round(times * 100.0)
