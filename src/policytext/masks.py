"""Masked tokens and scrubbed years: what a site hid or rewrote in a document.

Sites that republish documents hide figures and names behind asterisks (``201*``, ``***``,
``****万元``, ``**名``) and some rewrite every year of a page to one value (``2024－2024年``).
:func:`find_masks` records each masked token with its kind (``masked_year``, ``masked_number``,
``masked_name``); the tokens stay as written in the text, so that nothing downstream reads
``201*`` as the number 201. :func:`scrub` decides, for one part, whether its years were masked or
visibly rewritten, with the evidence, and records the rewritten years as ``scrubbed_year``.
:mod:`policytext.clean` calls both; the names here are re-exported there.

>>> [(m.text, m.kind) for _, m in find_masks(["**名同志获评，奖励****万元。"])]
[('**名', 'masked_number'), ('****万元', 'masked_number')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policytext.model import Masked
from policytext.periods import ORDINAL_PERIOD, PERIOD_STARTS

MASK_RE = re.compile(
    r"""
    (?P<run>
      (?<![\d*＊])\d*[*＊]+               # digits and asterisks: 201*, ***, 1**
    )
    (?P<unit>
      (?:余|多)?(?:万|亿|千|百)?              # an approximate sign and a multiplier …
      (?:人次|平方米|平方公里|公里|元|个|家|名|件|次|户|亩|米|吨|套|篇|%|％   # … and a unit,
        |人(?![力社才员民大事口])|所(?![属有在])|项(?!目)|场(?![地所景])     # not the first
        |台(?![账])|批(?![准复])|支(?![持撑付])|份(?![额]))                  # character of a word
      | (?:余|多)?(?:万|亿)
    )?
    """,
    re.VERBOSE,
)
YEAR_TOKEN_RE = re.compile(
    r"""
    (?<!\d)(?P<year>(?:19|20)\d{2})(?=\s*[年\-－—–~～至到、】〕\]])   # a year followed by 年 or a range mark
    | (?<=[\-－—–~～至到【〔\[])(?P<year2>(?:19|20)\d{2})(?!\d)     # or preceded by one
    """,
    re.VERBOSE,
)
SAME_RANGE_RE = re.compile(
    r"""
    (?<!\d)(?P<a>(?:19|20)\d{2})\s*年?\s*      # a first year …
    [\-－—–~～至到]\s*                          # … a range mark …
    (?P<b>(?:19|20)\d{2})(?!\d)                # … and the same year again
    """,
    re.VERBOSE,
)
PLANNING_RE = re.compile(
    r"""
    (?:编制|制定|纳入|谋划|起草|研究制定|形成)[^。；]{0,24}?     # planning verbs …
    (?:“?(?P<period>十[一二三四五]?五)”?                          # … "十二五" …
      |第(?P<ordinal>十[一二三四五]?)个五年)                      # … or 第十二个五年
    (?:规划|计划)
    | (?:“?(?P<period2>十[一二三四五]?五)”?)规划(?:的)?(?:编制|制定|起草)   # "十二五"规划编制
    """,
    re.VERBOSE,
)


def find_masks(lines: Sequence[str]) -> list[tuple[int, Masked]]:
    """Every masked token of the file, with the index of its line; spans are line offsets.

    >>> [(i, m.text, m.kind) for i, m in find_masks(["到201*年，企业达到***家。", "＊注：说明"])]
    [(0, '201*', 'masked_year'), (0, '***家', 'masked_number')]
    """
    found = []
    for i, line in enumerate(lines):
        if "*" not in line and "＊" not in line:
            continue
        for m in MASK_RE.finditer(line):
            run, unit = m.group("run"), m.group("unit") or ""
            digits = re.sub(r"[*＊]", "", run)
            stars = len(run) - len(digits)
            if not digits and stars < 2:
                continue  # a lone asterisk is a footnote mark
            year_like = bool(re.match(r"(?:19|20)\d{0,2}[*＊]", run)) and 4 <= len(run) <= 5
            if unit and not (year_like and unit.startswith(("余", "多"))):
                kind, text = "masked_number", (run if year_like else run + unit)
            elif year_like:
                kind, text = "masked_year", run
            elif digits:
                kind, text = "masked_number", run + unit
            else:
                kind, text = ("masked_number", run + unit) if unit else ("masked_name", run)
            start, end = m.start(), m.start() + len(text)
            context = line[max(0, start - 8): end + 8]
            found.append((i, Masked(text=text, kind=kind, context=context, start=start, end=end)))
    return found


def file_years(text: str) -> tuple[str | None, str]:
    """The one value every year of the file's kept ``text`` was rewritten to, with the evidence.

    >>> file_years("2024年。2024年。2024年。2024－2024年。2024年。")[0]
    '2024'
    >>> file_years("2019年。2020年。2021年。2022年。2023年。")
    (None, '')
    """
    values = [m.group("year") or m.group("year2") for m in YEAR_TOKEN_RE.finditer(text)]
    if len(values) >= 5 and len(set(values)) == 1:
        same = [m.group(0) for m in SAME_RANGE_RE.finditer(text) if m.group("a") == m.group("b")]
        if same:
            return values[0], (f"every year in the file is {values[0]} ({len(values)} times) "
                               f"and ranges such as {same[0]} are impossible")
    return None, ""


def scrub(text: str, masks: Sequence[Masked], years_of_file: tuple[str | None, str], record: bool = True
          ) -> tuple[bool, list[str], list[Masked]]:
    """Whether a part's years were masked or rewritten, the evidence, and (with ``record``) the
    rewritten years as ``scrubbed_year`` tokens with spans in ``text``.

    >>> scrubbed, evidence, tokens = scrub("规划期为2024－2024年。", [], (None, ""))
    >>> scrubbed, evidence, [t.text for t in tokens]
    (True, ['impossible range 2024－2024'], ['2024', '2024'])
    >>> scrub("规划期为2021－2025年。", [], (None, ""))
    (False, [], [])
    """
    evidence: list[str] = []
    rewritten: set[str] = set()
    masked_years = [m for m in masks if re.match(r"(?:19|20)\d{0,2}[*＊]", m.text)]
    if masked_years:
        evidence.append(f"masked year {masked_years[0].text}: …{masked_years[0].context}…")
    for m in SAME_RANGE_RE.finditer(text):
        if m.group("a") == m.group("b"):
            evidence.append(f"impossible range {m.group(0)}")
            rewritten.add(m.group("a"))
            break
    value, why = years_of_file
    if value and re.search(rf"(?<!\d){value}(?!\d)", text):
        evidence.append(why)
        rewritten.add(value)
    years = [int(m.group("year") or m.group("year2")) for m in YEAR_TOKEN_RE.finditer(text)]
    plan = PLANNING_RE.search(text)
    if plan and years:
        period = (plan.group("period") or plan.group("period2")
                  or ORDINAL_PERIOD.get(plan.group("ordinal") or ""))
        start = PERIOD_STARTS.get(period or "")
        # every year one value, and years later than the planned period could be written
        if start and len(set(years)) == 1 and years[0] >= start + 6:
            evidence.append(f"plans the {period} period ({plan.group(0)}) yet dates itself {min(years)}")
            rewritten |= {str(y) for y in years}
    scrub_masks = []
    if rewritten and record:
        for m in YEAR_TOKEN_RE.finditer(text):
            year = m.group("year") or m.group("year2")
            if year in rewritten:
                s, e = m.start(), m.start() + 4
                scrub_masks.append(Masked(
                    text=year, kind="scrubbed_year", context=text[max(0, s - 8): e + 8],
                    start=s, end=e, evidence=evidence[-1] if evidence else ""))
    return bool(evidence), evidence, scrub_masks
