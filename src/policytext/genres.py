"""The genre of a document (规划, 实施意见, 通知 …) from its title's last words or from its body.

The endings and both vocabularies (the gold schema's finer one and the CONTRACT one) come from
``data/lexicons/genres.tsv``.
"""

from __future__ import annotations

import functools
import re

from policytext.lexicon import load_lexicon

__all__ = ["ISSUING_RE", "TRAILING_BRACKETS_RE", "contract_of", "genre_from_body", "genre_of"]

@functools.lru_cache(maxsize=1)
def _genres() -> tuple[tuple[str, str, str, str], ...]:
    """(ending, doc_type, contract, requires), longest ending first."""
    lex = load_lexicon("genres")
    rows = [(r["ending"], r["doc_type"], r["contract"], r.get("requires", "")) for r in lex.rows]
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


TRAILING_BRACKETS_RE = re.compile(r"(?:\s*[（(【\[][^()（）]{0,30}[）)】\]])+\s*$")
ISSUING_RE = re.compile(
    r"(?:关于)?(?:印发|转发|颁布|发布|下发|公布)[《<〈]?(?P<issued>.+?)[》>〉]?(?:的)?通知$"
)


def genre_of(title: str) -> tuple[str, str, str] | None:
    """(doc_type, contract doc_type, ending) named by a title's last words, or ``None``.

    Trailing brackets (（2021—2025年）, （试行）) are ignored, and 关于印发《X》的通知 takes X's genre.

    >>> genre_of("杨浦区提升科技创新能级“十四五”规划")
    ('规划', '规划', '规划')
    >>> genre_of("关于印发《普陀区科委2016年工作要点》的通知")[:2]
    ('工作要点', '工作要点')
    >>> genre_of("山东省推动智能传感器产业发展行动计划（2021-2023年）")[:2]
    ('行动计划', 'other')
    >>> genre_of("发扬井冈山精神") is None
    True
    """
    title = TRAILING_BRACKETS_RE.sub("", title.strip()).rstrip("”\"》」 ")
    issued = ISSUING_RE.search(title)
    if issued:
        inner = genre_of(issued.group("issued"))
        if inner:
            return inner
    for ending, doc_type, contract, requires in _genres():
        if title.endswith(ending) and (not requires or requires in title):
            return doc_type, contract, ending
    return None


def contract_of(doc_type: str) -> str:
    for _ending, fine, contract, _requires in _genres():
        if fine == doc_type:
            return contract
    return "other"


# Self-references in the body name a genre when the title does not: "制定本行动计划", "特此通知".
_SELF_GENRE_RE = re.compile(
    r"(?:制定|制订|出台|印发)本(?P<g>[\u4e00-\u9fff]{1,6}?)(?:[。，,；]|$)"    # 特制定本行动计划。
    r"|本(?P<g2>[\u4e00-\u9fff]{2,6}?)自.{0,12}(?:起|之日)施行"               # 本办法自印发之日起施行
)
_FIRST_PERSON_RE = re.compile(r"我(?![们区市省国县镇乡委校局院])")


def genre_from_body(text: str) -> tuple[str, str] | None:
    head = text[:3000]
    for match in _SELF_GENRE_RE.finditer(head):
        found = genre_of(match.group("g") or match.group("g2"))
        if found:
            return found[0], f"body names its own genre: “{match.group(0)[:20]}”"
    if re.search(r"代表.{0,20}(?:人民政府|政府)向(?:大会|本次会议)(?:作|报告).{0,6}工作", head):
        return "政府工作报告", "body: “代表…政府向大会作…工作报告”"
    if re.search(r"现就.{0,30}提出(?:如下|以下)(?:意见|实施意见)", head):
        return "意见", "body: “现就…提出如下意见”"
    if re.search(r"特此通知[。.]?\s*$", text[:4000], re.MULTILINE):
        return "通知", "body ends its notice with 特此通知"
    if re.search(r"心得|体会", text) and len(_FIRST_PERSON_RE.findall(text)) >= 2:
        return "心得体会", "first-person singular (我) reflection with 心得/体会"
    return None
