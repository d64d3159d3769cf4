"""The document's own facts: title, issuer, 文号, dates, region, doc type, five-year-plan period.

:func:`describe` reads one :class:`~policytext.model.Part` and returns :class:`Facts`. Every field
is decided by the form of a line and its neighbours (a title block at the top, a byline below it, a
signature block of issuer above date, a 文号 standing on its own line, page-metadata lines that
cleaning removed), never by a list of known documents, and ``Facts.evidence`` says for each field
how it was decided, so a researcher can audit it. Nothing here raises; "not found" is ``None``.

Decisions a user should know:

- **title** is the document's own title line(s) as written, broken lines joined, ``第N篇：`` headers
  and editorial marks such as （定稿） dropped. For an issuing notice, 关于印发《X》的通知, the title
  is the notice's own title (it is the document's first line and its official title, the one a
  catalogue such as gov.cn's 标题 lists) and ``Facts.issued_title`` holds X; ``doc_type`` is X's
  genre, because such a notice only wraps X. (The seed gold differs between files here: one takes
  X, one the notice; this rule is the one that stays verbatim and needs no judgement.)
- **issuer**: a signature block (issuer above the date) first, then a byline under the title, a
  red header (…文件), the page's 发文机关, a body that opens the title (国务院关于…), and last the
  page's 发布部门 (sites fill that with whoever uploaded the page).
- **doc_type** uses the finer gold vocabulary of ``../shared/gold/SCHEMA.md`` (纲要, 行动计划,
  实施方案, 指导意见, 办法 …, a superset of the CONTRACT list); ``Facts.doc_class`` maps it onto the
  CONTRACT vocabulary (规划, 实施意见, 工作要点, 工作汇报, 工作报告, 通知, 宣讲提纲, 审议意见落实报告,
  心得体会, other). Both come from ``data/lexicons/genres.tsv``.
- **date** is written as the text says, even when the site scrubbed the year; **period** then does
  not trust it (see :func:`decide_period`).
- **region** is the most specific division named by the issuer or the title; failing those, the
  level the text gives itself (全省/我市/本区 …) and the division of that level it names most, or
  else the most frequent division, descending to a district mentioned often enough beside its city.
  Central-government issuers and national texts (全国, 各省、自治区、直辖市) with no place in the title
  give ``None``. Places come from ``data/lexicons/regions.tsv`` (GB/T 2260, with former districts).
- **period** weighs the title, the date and what the body names (see :func:`decide_period`).

>>> from policytext.model import Part
>>> facts = describe(Part(part=1, text="上海市杨浦区人民政府关于加强科技创新的实施意见\\n杨府发〔2021〕3号\\n"
...                                      "正文。\\n上海市杨浦区人民政府\\n2021年7月27日"))
>>> facts.title
'上海市杨浦区人民政府关于加强科技创新的实施意见'
>>> facts.doc_number, facts.date, facts.issuer, facts.region
('杨府发〔2021〕3号', '2021-07-27', '上海市杨浦区人民政府', '杨浦区')
>>> facts.doc_type, facts.period
('实施意见', '十四五')
>>> describe(Part(part=1, text="没有标题的一句话，也没有日期。")).title is None
True
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from policytext.lexicon import load_lexicon
from policytext.model import PERIODS, Part

__all__ = [
    "Facts",
    "decide_period",
    "describe",
    "find_doc_number",
    "find_regions",
    "genre_of",
    "parse_date",
    "period_of_year",
]


@dataclass(frozen=True, slots=True)
class Facts:
    """What a part says about itself, with ``evidence``: one short string per field saying how it
    was decided. ``issued_title`` is X when the part is a notice issuing 《X》; ``doc_class`` is
    ``doc_type`` in the CONTRACT vocabulary; ``region_path`` names the region's parents
    (``上海市 > 杨浦区``)."""

    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    published: str | None = None
    region: str | None = None
    doc_type: str | None = None
    period: str | None = None
    evidence: Mapping[str, str] = field(default_factory=dict)
    issued_title: str | None = None
    doc_class: str | None = None
    region_path: str | None = None


# ---------------------------------------------------------------------------------------- dates

_FULLWIDTH = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:")
_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "О": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "〇零○ＯOО一二三四五六七八九"

DATE_RE = re.compile(
    rf"""
    (?P<y>(?:19|20)\d\d|[{_CN_YEAR}]{{4}}) \s* 年 \s*     # 2021年 / 二〇二一年
    (?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九]) \s* 月 \s*
    (?P<d>\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]) \s* 日
    |
    (?P<y2>(?:19|20)\d\d) \s* (?P<sep>[-/.]) \s*         # 2021-07-27 / 2021/7/27 / 2021.7.27
    (?P<m2>\d{{1,2}}) \s* (?P=sep) \s* (?P<d2>\d{{1,2}}) (?!\d)
    """,
    re.VERBOSE,
)


def _cn_number(text: str) -> int:
    """二十七 -> 27, 十 -> 10, 07 -> 7; digits pass through."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT.get(text, 0)


def _iso(match: re.Match[str]) -> str | None:
    if match.group("y"):
        y_text = match.group("y")
        year = int(y_text) if y_text.isdigit() else int("".join(str(_CN_DIGIT[c]) for c in y_text))
        month, day = _cn_number(match.group("m")), _cn_number(match.group("d"))
    else:
        year, month, day = int(match.group("y2")), int(match.group("m2")), int(match.group("d2"))
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str | None) -> str | None:
    """The first full date in ``text`` as ISO ``yyyy-mm-dd``; masked years give ``None``.

    >>> parse_date("2021年7月27日"), parse_date("二〇二一年七月二十七日"), parse_date("发布时间: 2023-06-20")
    ('2021-07-27', '2021-07-27', '2023-06-20')
    >>> parse_date("201*年1月10日") is None, parse_date("2021年") is None
    (True, True)
    """
    if not text:
        return None
    for match in DATE_RE.finditer(text.translate(_FULLWIDTH)):
        iso = _iso(match)
        if iso:
            return iso
    return None


# A line that is only a date, perhaps in brackets or after a dash: "(2024年3月18日)", "2021年7月27日".
DATE_LINE_RE = re.compile(
    r"^[\s(（〔\[—–－\-]*(?P<date>[^\s()（）]+?)[\s)）〕\]]*(?:印发|发布|通过)?[\s)）]*$"
)
# A speech or report dated on its second line: "——2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上".
# An adoption note below a title: "（2021年1月27日上海市第十五届人民代表大会第五次会议批准）".
ADOPTED_DATE_RE = re.compile(
    r"^[\s(（]*(?P<date>\S{6,16}?日)\S{0,60}?(?:通过|批准|修正|修订|公布|印发|发布)[\s)）]*$"
)
SPEECH_DATE_RE = re.compile(
    r"^[\s(（—–－\-]*(?P<date>\S{6,16}?日)\s*(?:在|于).{2,60}(?:会议|大会|会)上?[\s)）]*$"
)


def _date_line(line: str) -> str | None:
    """ISO date when the whole line is a date (or a dated speech line), else ``None``."""
    line = line.translate(_FULLWIDTH)
    for pattern in (DATE_LINE_RE, SPEECH_DATE_RE, ADOPTED_DATE_RE):
        match = pattern.match(line)
        if match:
            found = DATE_RE.fullmatch(match.group("date").replace(" ", ""))
            if found:
                return _iso(found)
    return None


# ------------------------------------------------------------------------------------ 文号

DOCNO_RE = re.compile(
    r"""
    (?P<no>
      [\u4e00-\u9fffA-Za-z]{1,16}?                   # 发文机关代字: 杨府发, 国办发, 沪府规, 杨委
      \s*[〔【\[［(（﹝]\s*(?:19|20)\d\d\s*[〕】\]］)）﹞]  # 〔2021〕 and its bracket variants
      \s*第?\s*\d{1,5}\s*号                           # 3号, 第26号
    |
      [\u4e00-\u9fff]{2,16}令\s*第\s*\d{1,5}\s*号       # 国务院令第735号
    )
    """,
    re.VERBOSE,
)
_DOCNO_LINE_RE = re.compile(r"^\s*[（(]?\s*" + DOCNO_RE.pattern + r"\s*[）)]?\s*$", re.VERBOSE)


def find_doc_number(line: str) -> str | None:
    """The 文号 when ``line`` holds nothing else (a document's own number stands on its own line;
    numbers cited in running text are other documents').

    >>> find_doc_number("杨府发〔2021〕3号 "), find_doc_number("杨委【2024】26号")
    ('杨府发〔2021〕3号', '杨委【2024】26号')
    >>> find_doc_number("国发[2019]5号"), find_doc_number("国务院令第735号")
    ('国发[2019]5号', '国务院令第735号')
    >>> find_doc_number("根据《意见》（国发〔2019〕5号）要求，制定本方案。") is None
    True
    """
    match = _DOCNO_LINE_RE.match(line.replace("\xa0", " ").translate(_FULLWIDTH))
    return re.sub(r"\s+", "", match.group("no")) if match else None


# ------------------------------------------------------------------------------- page metadata

# Keys of page-metadata lines and tables, by the field they fill. 发布部门 is the weakest issuer
# source (sites fill it with the uploading office), so it is only used when the text names none.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "published": ("发布时间", "发布日期", "发稿时间", "公布日期", "公开日期", "上网时间", "发表时间",
                  "日期", "时间"),
    "date": ("成文日期", "成文时间", "印发日期", "签发日期", "发文日期", "生成日期"),
    "doc_number": ("发文字号", "政策文号", "文号", "文件编号", "发文号"),
    "issuer": ("发文机关", "发布机关", "发文单位", "发布单位", "发布机构", "制发机关"),
    "issuer_weak": ("发布部门", "来源单位"),
    "title": ("标题", "文件名称", "名称", "title"),
}
_KEY_TO_FIELD = {key: name for name, keys in _META_KEYS.items() for key in keys}
_KEY_ALT = "|".join(sorted(_KEY_TO_FIELD, key=len, reverse=True))
# A key opens the line or follows a space; 发布时间/发布日期 may also be fused to a page title.
_META_KEY_RE = re.compile(rf"(?:^|(?<=[\s|｜])|(?=发布时间|发布日期))(?P<key>{_KEY_ALT})\s*[:：]\s*")
_META_RE = re.compile(_META_KEY_RE.pattern + r"(?P<value>.*)$")
_SPACE_RE = re.compile(r"[\s\u3000\xa0]+")


# a key written with spaces between its characters: 索 引 号：, 文　　号：
_SPACED_KEY_RE = re.compile(
    r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff][ \u3000]+){1,5}[\u4e00-\u9fff])(?=\s*[:：])"
)


def _close_up(match: re.Match[str]) -> str:
    return re.sub(r"[ \u3000]", "", match.group(1))


# database exports write keys in lenticular brackets: 【发布部门】 阿坝州人民政府办公室
_BRACKET_KEY_RE = re.compile(rf"【({_KEY_ALT})】\s*")


def _meta_line(raw: str) -> str:
    """A page-metadata line in one form: spaces squeezed, keys closed up, 【KEY】 as KEY："""
    line = _SPACED_KEY_RE.sub(_close_up, _SPACE_RE.sub(" ", raw).strip())
    return _BRACKET_KEY_RE.sub(lambda m: f" {m.group(1)}：", line).strip()


def _meta_from_lines(lines: Iterable[str]) -> dict[str, tuple[str, str]]:
    """field -> (value, source line) from "KEY: value" lines (first one of each field wins).

    A line may hold several pairs (发文机关：国务院 成文日期：2019年…); keys may be spaced out
    (索 引 号：); a key whose value stands on the next line (a flattened table) takes that line.
    """
    found: dict[str, tuple[str, str]] = {}
    rows = [_meta_line(raw) for raw in lines]
    for k, line in enumerate(rows):
        keys = list(_META_KEY_RE.finditer(line))
        starts = [m.start("key") for m in keys] + [len(line)]
        for match, end in zip(keys, starts[1:], strict=False):
            name = _KEY_TO_FIELD[match.group("key")]
            value = line[match.end():end].strip()
            if not value and len(keys) == 1 and k + 1 < len(rows) and not _META_KEY_RE.search(rows[k + 1]):
                value = rows[k + 1] if len(rows[k + 1]) <= 60 else ""
            if value and name not in found:
                found[name] = (value, line)
    return found


def _meta_from_table(page_meta: Mapping[str, str] | None) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for key, value in (page_meta or {}).items():
        name = _KEY_TO_FIELD.get(_SPACE_RE.sub("", str(key)).rstrip(":："))
        if name and value and str(value).strip() and name not in found:
            found[name] = (str(value).strip(), f"{key}: {str(value).strip()} (the page's metadata table)")
    return found


# ------------------------------------------------------------------------------------- lines

_LIST_MARK_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]"
    r"|第[一二三四五六七八九十百\d]+[章节条篇部分]|附件|[-－—]{1,2})"
)
_PART_HEADER_RE = re.compile(r"^第[一二三四五六七八九十百\d]+篇\s*[:：]\s*(?P<rest>.*)$")
_ANNOTATION_RE = re.compile(
    r"[（(](?:定稿|初稿|修改稿|修订稿|讨论稿|送审稿|打印稿|终稿|第[一二三四五六七八九十\d]+稿)[）)]"
)
# "(2021—2025年)", "（试行）" standing on their own line below a title
_BRACKET_TAIL_RE = re.compile(r"^[（(][^()（）]{1,24}[）)]$")
_SENTENCE_RE = re.compile(r"[。；;！？!?]")
_ORG_RE = re.compile(
    r"(?:人民政府|政府|人民代表大会常务委员会|常务委员会|常委会|委员会|管委会|党工委|工委|党委|党组|区委|县委|"
    r"市委|省委|中央|办公厅|办公室|领导小组|小组|厅|局|部|署|委|院|会|中心|办|处|司|室|所|联合会|协会)$"
)
_OFFICIAL_RE = re.compile(r"^(?P<org>.{2,40}?(?:人民政府|政府|委员会|区委|县委|市委|省委|局|厅|部|委))"
                          r"(?P<role>(?:常务|代)?副?(?:区长|市长|省长|县长|主席|主任|书记|局长|厅长|部长|旗长|州长))"
                          r"[\s\u3000]*[\u4e00-\u9fff]{2,4}$")
_RED_HEADER_RE = re.compile(r"^(?P<org>.{2,40}?)文件$")
_URL_RE = re.compile(r"https?://|www\.|\.html?\b|\.cn\b")
# Database-export headers that cleaning may have left: 【法宝引证码】 CLI.12.5115678, 原文链接：https://…
_DB_HEADER_RE = re.compile(r"^(?:【[^】]{2,10}】|原文链接|来源链接|链接)|https?://")


def _norm(line: str) -> str:
    """Strip a line and squeeze its spaces; a title written with a space between every character
    (政 府 工 作 报 告) is closed up."""
    line = _SPACE_RE.sub(" ", line).strip()
    tokens = line.split(" ")
    if len(tokens) >= 3 and all(len(t) == 1 for t in tokens):
        line = "".join(tokens)
    return line


def _is_org(line: str) -> bool:
    """A short line naming one or more bodies and nothing else: 中共上海市杨浦区委, 杨浦区委、区政府."""
    line = line.replace(" ", "、")
    if not (2 <= len(line) <= 50) or _LIST_MARK_RE.match(line):
        return False
    if re.search(r"[，,。；：:《》!！?？\d]", line):
        return False
    return all(_ORG_RE.search(piece) for piece in line.split("、") if piece)


def _is_meta_line(line: str) -> bool:
    return bool(_META_RE.match(_meta_line(line))) or line.strip("-—_=* ") == ""


def _title_like(line: str) -> bool:
    """Could this line be (part of) a title? Short, no sentence punctuation, not a list heading,
    date, 文号, addressee ("…：") or URL."""
    if not line or len(line) > 130 or _SENTENCE_RE.search(line) or line.endswith((":", "：")):
        return False
    if len(line) > 60 and not genre_of(line):
        return False
    if _LIST_MARK_RE.match(line) or _URL_RE.search(line) or _date_line(line) or find_doc_number(line):
        return False
    if line.count("，") + line.count(",") > 1 or (("，" in line or "," in line) and not genre_of(line)):
        return False
    return sum("\u4e00" <= ch <= "\u9fff" for ch in line) >= 2


def _clean_title(title: str) -> str:
    title = _ANNOTATION_RE.sub("", title).strip()
    match = _META_RE.search(title)      # "…的通知发布时间: 2023-06-20": a page title fused with meta
    if match and match.start() > 0:
        title = title[: match.start()].strip()
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        title = title[1:-1]
    return title


# ------------------------------------------------------------------------------------ genres

@functools.lru_cache(maxsize=1)
def _genres() -> tuple[tuple[str, str, str, str], ...]:
    """(ending, doc_type, contract, requires), longest ending first."""
    lex = load_lexicon("genres")
    rows = [(r["ending"], r["doc_type"], r["contract"], r.get("requires", "")) for r in lex.rows]
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


_TRAILING_BRACKETS_RE = re.compile(r"(?:\s*[（(【\[][^()（）]{0,30}[）)】\]])+\s*$")
_ISSUING_RE = re.compile(
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
    title = _TRAILING_BRACKETS_RE.sub("", title.strip()).rstrip("”\"》」 ")
    issued = _ISSUING_RE.search(title)
    if issued:
        inner = genre_of(issued.group("issued"))
        if inner:
            return inner
    for ending, doc_type, contract, requires in _genres():
        if title.endswith(ending) and (not requires or requires in title):
            return doc_type, contract, ending
    return None


def _contract_of(doc_type: str) -> str:
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


def _genre_from_body(text: str) -> tuple[str, str] | None:
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


# ----------------------------------------------------------------------------------- regions

_LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3}
# Full names that are also generic words (山西's 城区/郊区/矿区): never read as places on their own.
_GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "新区", "市中区", "东区", "西区", "南区", "北区", "中区"})
# A place name followed by these is part of another name: 井冈山精神, 延安精神.
_NOT_A_PLACE_AFTER = ("精神",)
# Names that hold place-like strings but are no place of the lexicon (共和 in 中华人民共和国).
_NOT_PLACES = ("中华人民共和国", "人民共和国", "共和国")
# The generic word after a short form tells which reading is meant: 阿坝州, 普陀区, 朝阳市.
_SUFFIX_OF = {"省": ("省",), "市": ("市",), "区": ("区",), "县": ("县",), "旗": ("旗",), "盟": ("盟",),
              "州": ("州",)}


@dataclass(frozen=True, slots=True)
class _Region:
    name: str
    level: str
    parent: str
    parent_code: str
    code: str
    status: str
    successor: str
    short: str = ""
    short_common: bool = False


@dataclass(frozen=True, slots=True)
class _RegionIndex:
    by_surface: Mapping[str, tuple[tuple[_Region, bool], ...]]   # surface -> (region, is_short)
    by_code: Mapping[str, _Region]
    lengths: Mapping[str, tuple[int, ...]]   # first character -> surface lengths, longest first


@functools.lru_cache(maxsize=1)
def _regions() -> _RegionIndex:
    lex = load_lexicon("regions")
    by_surface: dict[str, list[tuple[_Region, bool]]] = {}
    by_code: dict[str, _Region] = {}
    for row in lex.rows:
        region = _Region(row["name"], row["level"], row["parent"], row["parent_code"], row["code"],
                         row["status"], row.get("successor", ""), row["short"], row["short_common"] == "yes")
        by_code.setdefault(region.code, region)
        by_surface.setdefault(region.name, []).append((region, False))
        if row["short"]:
            by_surface.setdefault(row["short"], []).append((region, True))
    frozen = {k: tuple(v) for k, v in by_surface.items()}
    lengths: dict[str, set[int]] = {}
    for surface in frozen:
        lengths.setdefault(surface[0], set()).add(len(surface))
    return _RegionIndex(frozen, by_code, {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()})


def find_regions(text: str, context: str = "", *,
                 strict: bool = False) -> list[tuple[str, tuple[_Region, ...]]]:
    """Place names in ``text``, leftmost-longest: (surface, the divisions it may name).

    Short forms count (杨浦 for 杨浦区). A short form that is also an everyday word (资源 for
    资源县, marked ``short_common`` in the lexicon) counts only where a parent of the place is
    named in ``text`` or ``context`` too; with ``strict`` every county-level short form needs that
    (or the full name somewhere in the text), since 新平 in 新平台 is no 新平县.

    >>> [(s, [r.name for r in rs]) for s, rs in find_regions("上海市杨浦区和普陀")]
    [('上海市', ['上海市']), ('杨浦区', ['杨浦区']), ('普陀', ['普陀区', '普陀区'])]
    >>> find_regions("加强资源节约")
    []
    """
    index = _regions()
    found: list[tuple[str, tuple[_Region, ...]]] = []
    i, n = 0, len(text)
    while i < n - 1:
        sizes = index.lengths.get(text[i])
        if sizes is None:
            i += 1
            continue
        skip = next((len(t) for t in _NOT_PLACES if text.startswith(t, i)), 0) if text[i] in "中人共" else 0
        if skip:
            i += skip
            continue
        for size in sizes:
            hits = index.by_surface.get(text[i:i + size])
            if not hits:
                continue
            surface = text[i:i + size]
            if surface in _GENERIC_NAMES or text.startswith(_NOT_A_PLACE_AFTER, i + size):
                continue
            regions = tuple(r for r, is_short in hits
                            if not is_short or _short_counts(r, text, context, strict))
            after = text[i + size:i + size + 1]
            if after in _SUFFIX_OF and all(is_short for _r, is_short in hits):
                narrowed = tuple(r for r, _s in hits if r.name.endswith(_SUFFIX_OF[after]))
                if narrowed:
                    regions, surface = narrowed, surface + after
                elif after not in "市县":   # 安新 in 雄安新区 is no 安新县; but 浦东市场 is 浦东, and a
                    continue                # 县 since renamed a 市 or 区 (临安县) is still that place
            if not regions:
                continue
            found.append((surface, regions))
            i += len(surface)
            break
        else:
            i += 1
    return found


def _short_counts(region: _Region, text: str, context: str, strict: bool) -> bool:
    if region.level == "county" and _always_followed(region.short, context or text):
        return False
    if strict and region.level == "county":
        return region.name in text or _parent_named(region, text, context)
    return not region.short_common or _parent_named(region, text, context)


@functools.lru_cache(maxsize=64)     # small: the key holds the whole text
def _always_followed(short: str, text: str) -> bool:
    """Is ``short`` nearly always followed by one same character in ``text`` (新平 in 新平台 ×3)?
    Then it is part of a word, not a place."""
    followers = Counter(text[m.end():m.end() + 1] for m in re.finditer(re.escape(short), text))
    if sum(followers.values()) < 2:
        return False
    char, count = followers.most_common(1)[0]
    han = "\u4e00" <= char <= "\u9fff"
    return han and char not in "区县市州旗盟省委" and count >= 0.75 * sum(followers.values())


def _parent_named(region: _Region, text: str, context: str) -> bool:
    for parent in _ancestors(region):
        for name in (parent.name, parent.short):
            if name and (name in text or name in context):
                return True
    return False


@functools.lru_cache(maxsize=8192)
def _ancestors(region: _Region) -> tuple[_Region, ...]:
    index, out, code = _regions(), [], region.parent_code
    while code and code in index.by_code:
        out.append(index.by_code[code])
        code = index.by_code[code].parent_code
    return tuple(out)


def _resolve(candidates: Sequence[tuple[_Region, ...]],
             context: frozenset[str] = frozenset()) -> list[_Region]:
    """Pick one division per mention: the reading whose ancestors are mentioned too (here or in
    ``context``, names of places the whole text mentions), current first."""
    mentioned = {r.code for regions in candidates if len(regions) == 1 for r in regions}
    names = {r.name for regions in candidates for r in regions} | context
    out = []
    for regions in candidates:
        def score(r: _Region) -> tuple[bool, int, bool, int]:
            anc = _ancestors(r)       # 河北 is the province before it is Tianjin's 河北区
            return (r.level == "province", sum(a.code in mentioned or a.name in names for a in anc),
                    r.status == "current", -_LEVEL_RANK[r.level])
        out.append(max(regions, key=score))
    return out


def _most_specific(text: str, whole: str, context: frozenset[str] = frozenset()) -> _Region | None:
    regions = _resolve([rs for _s, rs in find_regions(text, whole)], context)
    return max(regions, key=lambda r: _LEVEL_RANK[r.level], default=None)


# A national text speaks of the whole country and addresses every province.
_NATIONAL_RE = re.compile(r"全国|我国|各省|各地区|各地方|自治区、直辖市")
# How a document names its own level: 全省/我省/本省, 全市/我市/本市, 全区/我区/本区, 全县 …
_SELF_LEVEL_RE = re.compile(r"(?:全|我|本)(?P<unit>省|市|区|县|州|旗)")
_UNIT_LEVEL = {"省": "province", "市": "prefecture", "州": "prefecture", "区": "county", "县": "county",
               "旗": "county"}
_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})


def _fits_level(region: _Region, level: str) -> bool:
    """Does ``region`` answer to the level a text calls itself (我市 is also 上海市, 全区 also 广西)?"""
    if region.level == level:
        return level != "county" or region.name.endswith(("区", "县", "旗"))
    if level == "prefecture":
        return region.name in _MUNICIPALITIES
    return level == "county" and region.name.endswith("自治区")


def _region_by_frequency(text: str,
                         found: list[tuple[_Region, ...]]) -> tuple[_Region | None, str]:
    regions = _resolve(found, frozenset(r.name for rs in found if len(rs) == 1 for r in rs))
    counts = Counter(regions)
    if not counts:
        return None, "no place named in the text"
    total: Counter[_Region] = Counter()          # a place's mentions plus those of places inside it
    for region, count in counts.items():
        for holder in [region, *_ancestors(region)]:
            total[holder] += count
    units = Counter(_UNIT_LEVEL[m.group("unit")] for m in _SELF_LEVEL_RE.finditer(text))
    if units:
        level, said = units.most_common(1)[0]
        # places of that level by all mentions inside them; 上海市 for 全市 or 广西 for 全区 by their own
        fitting = [(c, r) for r, c in total.items() if r.level == level and _fits_level(r, level)]
        fitting += [(counts[r], r) for r in counts if r.level != level and _fits_level(r, level)]
        if said >= 2 and fitting:
            count, best = max(fitting, key=lambda x: (x[0], _LEVEL_RANK[x[1].level]))
            return best, (f"text speaks of itself as {level} (全/我/本… ×{said}); "
                          f"most named: {best.name} ×{count}")
    current, top = counts.most_common(1)[0]
    if top < 2:
        return None, f"only single mentions of places ({current.name} ×1)"
    national = len(_NATIONAL_RE.findall(text))
    if national >= max(3, top):
        return None, (f"a national text (全国/我国/各省… ×{national}) naming places in passing "
                      f"({current.name} ×{top})")
    note = f"most frequent in text: {current.name} ×{top}"
    while True:   # descend to a district mentioned often enough beside its city
        floor = max(2, 0.5 * counts[current])
        kids = [(c, r) for r, c in counts.items() if current in _ancestors(r) and c >= floor]
        if not kids:
            return current, note
        count, current = max(kids, key=lambda x: (x[0], _LEVEL_RANK[x[1].level]))
        note += f" > {current.name} ×{count}"


_CENTRAL_RE = re.compile(
    r"^(?:中共中央|国务院|全国|中央|国家|中华人民共和国|最高人民)|^[\u4e00-\u9fff]{2,10}部$"
)


def _path(region: _Region) -> str:
    return " > ".join([a.name for a in reversed(_ancestors(region))] + [region.name])


# ------------------------------------------------------------------------------------ periods

_PERIOD_START = {"十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021,
                 "十五五": 2026}
_ORDINAL_PERIOD = {"十": "十五", "十一": "十一五", "十二": "十二五", "十三": "十三五", "十四": "十四五",
                   "十五": "十五五"}
PERIOD_RE = re.compile(
    r"""
    [“"‘]{1,2}(?P<q>十[一二三四五]?五)[”"’]{1,2}                      # “十四五”, ““十三五””
    | (?<![第\d一二三四五六七八九十])(?P<b>十[一二三四五]?五)(?=规划|计划|时期|期间|末|初|以来|开局|收官|发展)
    | 第(?P<ord>十[一二三四五]?)个五年(?:规划|计划)
    | (?P<y1>20[0-3]\d)\s*[-—–－~至到]\s*(?P<y2>20[0-3]\d)\s*年
    """,
    re.VERBOSE,
)
_TITLE_YEARS_RE = re.compile(
    r"(?<!\d)(?P<y1>(?:19|20)\d\d)(?:\s*[-—–－~至到]\s*(?P<y2>(?:19|20)\d\d))?(?!\d)"
)
_TARGET_BEFORE_RE = re.compile(r"(?:到|至|截至|力争|预计|争取|前|～|-|—|－)\s*$")
_YEAR_RE = re.compile(r"(?<![\d*])((?:19|20)\d\d)年")
_FORWARD_RE = re.compile(r"纳入|编制|谋划|前期研究|起草|即将")
_CONGRESS_RE = re.compile(r"(?:党的)?(?P<n>十[六七八九]|二十)(?:大|届)")
_CONGRESS_YEAR = {"十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022}


def period_of_year(year: int) -> str | None:
    """The five-year-plan period a year falls in.

    >>> period_of_year(2010), period_of_year(2021), period_of_year(1999)
    ('十一五', '十四五', None)
    """
    for name in reversed(PERIODS):
        if _PERIOD_START[name] <= year <= _PERIOD_START[name] + 4:
            return name
    return None


def _shift(period: str, step: int) -> str | None:
    i = PERIODS.index(period) + step
    return PERIODS[i] if 0 <= i < len(PERIODS) else None


def decide_period(text: str, title: str | None, date: str | None,
                  date_trusted: bool = True) -> tuple[str | None, str]:
    """Weigh the document's date against the periods its text names; returns (period, evidence).

    Votes: a period in the title 6; a year or range of years in the title 4; the document's own
    date 3 (none when the year is scrubbed). Periods the body names count 1 each (2 when marked as
    the current one: 开局之年, 收官之年; 1 for the period before when the text is still preparing
    the plan: 纳入/编制…规划), but only 0.2 when a trusted date exists, since a dated text mostly
    names other periods to review or to look ahead. With none of these, the year the body names
    most often outside target phrases (到2025年; 0.25, not when years are scrubbed) and the latest
    party congress named (十八大 …, 0.25 for the period after it, and a lower bound for the year)
    decide. Ties go to the earlier period.

    >>> decide_period("2016年是“十三五”开局之年。", None, "2016-05-06")[0]
    '十三五'
    >>> decide_period("“十二五”时期成绩显著，“十二五”圆满收官。", None, "2016-02-19")[0]
    '十三五'
    >>> decide_period("争取纳入第十二个五年规划。", None, None)[0]
    '十一五'
    >>> decide_period("没有任何时间线索。", None, None)
    (None, 'no date and no period named')
    """
    votes: dict[str, float] = {}
    why: list[str] = []

    def vote(period: str | None, weight: float, reason: str) -> None:
        if period in PERIODS:
            votes[period] = votes.get(period, 0.0) + weight
            why.append(f"{reason} -> {period} +{weight}")

    if title:
        for match in PERIOD_RE.finditer(title):
            vote(_period_of_match(match), 6, f"title “{match.group(0)}”")
        for match in _TITLE_YEARS_RE.finditer(title):   # 2016年工作要点, 行动计划（2021—2023年）
            first, last = int(match.group("y1")), int(match.group("y2") or match.group("y1"))
            if period_of_year(first) == period_of_year(last):
                vote(period_of_year(first), 4, f"title year “{match.group(0)}”")
    dated = bool(date and date_trusted)
    if date and dated:
        vote(period_of_year(int(date[:4])), 3, f"date {date}")
    scale = 0.2 if dated else 1.0
    for match in PERIOD_RE.finditer(text):
        period = _period_of_match(match)
        if period is None:
            continue
        clause = re.split(r"[，。；：、,;:]", text[max(0, match.start() - 20):match.start()])[-1]
        after = text[match.end():match.end() + 6]
        if _FORWARD_RE.search(clause) or re.match(r"[”\"’]*规划(?:编制|前期)", after):
            vote(_shift(period, -1), scale, f"prepares “{match.group(0)}”")
        elif re.match(r"[”\"’]*(?:开局|起步|收官|决胜|的第一年|最后一年|第一年)", after):
            vote(period, 2 * scale, f"“{match.group(0)}{after[:3]}”")
        else:
            vote(period, scale, f"mentions “{match.group(0)}”")
    congresses = [_CONGRESS_YEAR[m.group("n")] for m in _CONGRESS_RE.finditer(text)]
    floor = max(congresses) + 1 if congresses else 0
    if floor and not dated:   # a text citing the 十八大 was written after it
        stale = [p for p in votes if _PERIOD_START[p] + 4 < floor - 1]
        if stale and len(stale) < len(votes):
            why.append(f"latest party congress named ({floor - 1}) rules out {'、'.join(stale)}")
            for p in stale:
                del votes[p]
    if not votes:
        years = Counter(int(m.group(1)) for m in _YEAR_RE.finditer(text)   # not target years: 到2025年
                        if not _TARGET_BEFORE_RE.search(text[max(0, m.start() - 3):m.start()]))
        year, count = years.most_common(1)[0] if years and date_trusted else (0, 0)
        if count and year >= floor - 1:
            vote(period_of_year(year), 0.25, f"year named most often in the text, targets aside ({year})")
        elif congresses:
            vote(period_of_year(floor), 0.25, f"latest party congress named ({floor - 1})")
    if not votes:
        if date:
            return None, f"date {date} not trusted; no period named"
        return None, "no date and no period named"
    best = max(votes.items(), key=lambda kv: (kv[1], -PERIODS.index(kv[0])))[0]
    return best, "; ".join(_squash_reasons(why))


def _period_of_match(match: re.Match[str]) -> str | None:
    if match.group("q") or match.group("b"):
        return match.group("q") or match.group("b")
    if match.group("ord"):
        return _ORDINAL_PERIOD.get(match.group("ord"))
    y1, y2 = int(match.group("y1")), int(match.group("y2"))
    period = period_of_year(y1)
    return period if period and y1 == _PERIOD_START[period] and y2 == y1 + 4 else None


def _squash_reasons(reasons: list[str], keep: int = 6) -> list[str]:
    counted = Counter(reasons)
    out = [f"{r} (×{c})" if c > 1 else r for r, c in counted.items()]
    return out[:keep] + ([f"… {len(out) - keep} more"] if len(out) > keep else [])


# ---------------------------------------------------------------------------------- describe

def describe(part: Part, page_meta: Mapping[str, str] | None = None) -> Facts:
    """Read the facts of one part from its text, its removed page-metadata lines and the page's
    own metadata table (``page_meta``, e.g. 发文机关/成文日期/发文字号/发布日期 of a gov.cn page).

    >>> from policytext.model import Part, Removed
    >>> part = Part(part=1, text="关于印发《普陀区科委2016年工作要点》的通知\\n机关各部门:\\n特此通知。\\n"
    ...                          "普陀区科学技术委员会\\n2016年5月6日\\n2016年是“十三五”开局之年。",
    ...             removed=(Removed(line="发布时间:2016年05月09日", kind="page_meta"),))
    >>> f = describe(part)
    >>> f.title, f.issued_title, f.doc_type
    ('关于印发《普陀区科委2016年工作要点》的通知', '普陀区科委2016年工作要点', '工作要点')
    >>> f.issuer, f.date, f.published, f.region, f.period
    ('普陀区科学技术委员会', '2016-05-06', '2016-05-09', '普陀区', '十三五')
    >>> f.evidence["issuer"]
    'signature block above the date on line 5'
    """
    try:
        return _describe(part, page_meta)
    except Exception as exc:  # describing must never stop a batch
        return Facts(evidence={"error": f"describe failed: {type(exc).__name__}: {exc}"})


def _describe(part: Part, page_meta: Mapping[str, str] | None) -> Facts:
    text = part.text or ""
    lines = [_norm(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    evidence: dict[str, str] = {}
    # the page's own table describes the page's (first) document, not documents appended below it
    table = _meta_from_table(page_meta) if part.part <= 1 else {}
    removed_meta = _meta_from_lines(r.line for r in part.removed)
    # page-metadata lines cleaning left in the text: read them from the top and bottom only
    text_meta = _meta_from_lines(line for line in lines[:12] + lines[-6:] if _is_meta_line(line))

    def meta(name: str) -> tuple[str, str] | None:
        for source in (removed_meta, table, text_meta):
            if name in source:
                return source[name]
        return None

    top = _read_top(lines, part.header)
    title = top["title"]
    if title:
        evidence["title"] = top["title_how"] or ""
    elif (found := meta("title")) is not None:
        title = _clean_title(found[0])
        evidence["title"] = f"page metadata: {found[1]}"
    else:
        evidence["title"] = "no title-like first line"

    issued = _ISSUING_RE.search(_TRAILING_BRACKETS_RE.sub("", title)) if title else None
    issued_title = issued.group("issued").strip("《》<>〈〉 ") if issued else None

    # 文号
    doc_number = None
    if (found := meta("doc_number")) is not None and (no := DOCNO_RE.search(found[0].translate(_FULLWIDTH))):
        doc_number = re.sub(r"\s+", "", no.group("no"))
        evidence["doc_number"] = f"page metadata: {found[1]}"
    elif top["doc_number"]:
        doc_number = top["doc_number"]
        evidence["doc_number"] = f"own line {top['doc_number_line']} near the title"
    else:
        evidence["doc_number"] = "no 文号 on a line of its own near the top, none in page metadata"

    # signature block, byline, dates
    signature = _find_signature(lines)
    date = None
    if signature and signature[1]:
        date, evidence["date"] = signature[1], signature[3]
    elif top["date"]:
        date, evidence["date"] = top["date"], f"date line {top['date_line']} below the title"
    elif (found := meta("date")) is not None and (iso := parse_date(found[0])):
        date, evidence["date"] = iso, f"page metadata: {found[1]}"
    elif (last := _last_date_line(lines)) is not None:
        date, evidence["date"] = last[0], f"date line {last[1]} at the end of the text"
    else:
        evidence["date"] = "no date line, signature date or 成文日期"

    published = None
    if (found := meta("published")) is not None and (iso := parse_date(found[0])):
        published, evidence["published"] = iso, f"page metadata: {found[1]}"
    else:
        evidence["published"] = "no 发布时间/发布日期 in page metadata"

    issuer = None
    if signature and signature[0]:
        issuer, evidence["issuer"] = signature[0], signature[2]
    elif top["byline"]:
        issuer, evidence["issuer"] = top["byline"], "byline below the title"
    elif top["red_header"]:
        issuer, evidence["issuer"] = top["red_header"], "red-header line (…文件)"
    elif (found := meta("issuer")) is not None:
        issuer, evidence["issuer"] = found[0], f"page metadata: {found[1]}"
    elif title and (prefix := _issuer_in_title(title)):
        issuer, evidence["issuer"] = prefix, "issuing body that opens the title"
    elif (found := meta("issuer_weak")) is not None:
        issuer, evidence["issuer"] = found[0], f"page metadata (weak): {found[1]}"
    else:
        evidence["issuer"] = "no byline, signature block or 发文机关"

    # genre
    doc_type = None
    genre = genre_of(title) if title else None
    if genre:
        doc_type = genre[0]
        how = f"title ends with {genre[2]}"
        evidence["doc_type"] = f"issuing notice; issued 《{issued_title}》: {how}" if issued_title else how
    elif (body := _genre_from_body(text)) is not None:
        doc_type, evidence["doc_type"] = body
    elif title:
        doc_type, evidence["doc_type"] = "other", "title ends with no known genre"
    else:
        evidence["doc_type"] = "no title and no genre named in the body"
    doc_class = _contract_of(doc_type) if doc_type else None
    if doc_class and doc_class != doc_type:
        evidence["doc_type"] += f" (CONTRACT vocabulary: {doc_class})"

    # region
    region, region_how = _decide_region(title, issuer, text)
    if region:
        merged = f", since merged into {region.successor}" if region.successor else ""
        region_how += f" [{_path(region)}, GB/T 2260 {region.code}{merged}]"
    evidence["region"] = region_how

    period, evidence["period"] = decide_period(text, title, date, date_trusted=not part.year_scrubbed)
    return Facts(
        title=title, issuer=issuer, doc_number=doc_number, date=date, published=published,
        region=region.name if region else None, doc_type=doc_type, period=period, evidence=evidence,
        issued_title=issued_title, doc_class=doc_class, region_path=_path(region) if region else None,
    )


def _read_top(lines: Sequence[str], header: str | None) -> dict[str, str | None]:
    """Title block, and what stands right below it: byline, 文号, date line, red header."""
    out: dict[str, str | None] = dict.fromkeys(
        ("title", "title_line", "title_how", "byline", "doc_number", "doc_number_line", "date",
         "date_line", "red_header"))
    lines = _unfuse_top(lines)
    i, n = 0, len(lines)
    header_title = None
    first = lines[0] if lines else ""
    match = _PART_HEADER_RE.match(first) or (_PART_HEADER_RE.match(header) if header else None)
    if match and lines and _PART_HEADER_RE.match(first):
        i = 1
    if match:
        header_title = _clean_title(match.group("rest"))
    while i < n and i < 8:   # red header, 文号, meta lines and dates may stand above the title
        line = lines[i]
        if _DB_HEADER_RE.match(line):
            pass
        elif (red := _RED_HEADER_RE.match(line)) and _is_org(red.group("org")):
            out["red_header"] = red.group("org")
        elif (no := find_doc_number(line)) and not out["doc_number"]:
            out["doc_number"], out["doc_number_line"] = no, str(i + 1)
        elif not _is_meta_line(line):
            break
        i += 1
    block: list[str] = []
    j = i
    byline: list[str] = []
    if j < n and not _title_like(lines[j]) and (fused := _fused_title(lines[j])):
        out["title"], out["title_line"] = _clean_title(fused), str(j + 1)
        out["title_how"] = f"line {j + 1} up to its genre word, where the addressee and body run on"
        return out
    if j + 1 < n and _is_org(lines[j]) and _title_like(lines[j + 1]) and not _is_org(lines[j + 1]):
        byline.append(lines[j])                            # issuer written above the title
        j += 1
        i = j
    if j < n and _title_like(lines[j]) and not _is_org(lines[j]):
        block.append(lines[j])
        j += 1
        while j < n and len(block) < 4:
            nxt = lines[j]
            joined = "".join(block)
            if nxt in (joined, block[-1]) or (header_title and nxt == header_title):
                j += 1                                     # a duplicated title line
                continue
            if _BRACKET_TAIL_RE.match(nxt) and not _date_line(nxt):
                block.append(nxt)
                j += 1
                break
            if genre_of(_clean_title(joined)) or not _title_like(nxt) or _is_org(nxt) or len(block) >= 3:
                break
            if _OFFICIAL_RE.match(nxt) or (j + 1 < n and len(nxt) > 40):
                break
            block.append(nxt)
            j += 1
    if block:
        out["title"] = _clean_title("".join(block) if len(block) > 1 else block[0])
        out["title_line"] = str(i + 1)
        out["title_how"] = (f"first content line{'s' if len(block) > 1 else ''} {i + 1}"
                            + (f"-{i + len(block)} joined" if len(block) > 1 else "")
                            + (" after the part header" if header_title else ""))
    elif header_title:
        out["title"], out["title_how"] = header_title, "part header 第N篇：…"
    # below the title: byline lines, 文号, date line (a few lines at most)
    k = j
    while k < n and k < j + 5:
        line = lines[k]
        if (no := find_doc_number(line)) is not None:
            if not out["doc_number"]:
                out["doc_number"], out["doc_number_line"] = no, str(k + 1)
        elif (iso := _date_line(line)) is not None:
            if not out["date"]:
                out["date"], out["date_line"] = iso, str(k + 1)
        elif _is_org(line) and not out["doc_number"]:
            byline.append(line)
        elif (official := _OFFICIAL_RE.match(line)) is not None:
            byline.append(official.group("org"))
        elif not _is_meta_line(line):
            break
        k += 1
    if byline:
        out["byline"] = "、".join(byline)
    return out


# Who a document is sent to: 区人大常委会, 各市、县、自治县人民政府，省府直属有关单位
_ADDRESSEE_RE = re.compile(
    r"^[^，,]{0,30}?(?:人民政府|政府|委员会|常委会|单位|部门|机构|企业|院校|学校|办事处|局|委|办|厅|会|院)"
    r"(?:[，,、][^，,]{1,30}?(?:人民政府|政府|委员会|常委会|单位|部门|机构|企业|院校|学校|办事处|局|委|办|厅|会|院))*$"
)
_LEADING_DOCNO_RE = re.compile(r"^\s*[（(]?\s*" + DOCNO_RE.pattern + r"\s*[）)]?(?=\S)", re.VERBOSE)


def _unfuse_top(lines: Sequence[str]) -> list[str]:
    """Split a 文号 or a red header (…文件) off the line it was run into (粤府〔2003〕12号广东省…决定),
    in the first few lines, where line-joining repairs sometimes glue the masthead together."""
    out: list[str] = []
    for k, line in enumerate(lines):
        if k < 6 and (docno := _LEADING_DOCNO_RE.match(line.translate(_FULLWIDTH))):
            out += [line[:docno.end()], line[docno.end():].strip()]
        else:
            out.append(line)
    return [line for line in out if line]


def _fused_title(line: str) -> str | None:
    """A title run together with what follows (…落实情况的报告区人大常委会:2023年…): the longest
    head of the line that ends in a genre word and is followed by an addressee ("…：")."""
    best = None
    for match in re.finditer(r"(?=(?P<to>[^。；：:《》〈〉]{2,60})[：:])", line[:200]):
        head = line[:match.start()]
        balanced = head.count("《") == head.count("》") and head.count("〈") == head.count("〉")
        if 8 <= len(head) <= 130 and balanced and _ADDRESSEE_RE.match(match.group("to")) \
                and genre_of(head) and _title_like(head):
            best = head
    return best


def _find_signature(lines: Sequence[str]) -> tuple[str | None, str | None, str, str] | None:
    """The first signature block: issuer line(s) directly above a date line, or an issuer fused
    with the date at a line's end (…。上海市静安区人民政府2024年2月18日). Returns (issuer, date,
    issuer evidence, date evidence)."""
    for k, line in enumerate(lines):
        iso = _date_line(line)
        if iso and k > 0 and _is_org(lines[k - 1]):
            orgs = [lines[k - 1]]
            if k > 1 and _is_org(lines[k - 2]) and len(lines[k - 2]) < 30:
                orgs.insert(0, lines[k - 2])
            return ("、".join(orgs), iso, f"signature block above the date on line {k + 1}",
                    f"signature date on line {k + 1}")
        if iso is None:
            fused = _FUSED_SIGNATURE_RE.search(line)
            if fused and _is_org(fused.group("org")) and (iso := parse_date(fused.group("date"))):
                return (fused.group("org"), iso, f"issuer written before the date at the end of line {k + 1}",
                        f"signature date at the end of line {k + 1}")
    return None


_FUSED_SIGNATURE_RE = re.compile(
    r"(?:^|[。！？；…\s])(?P<org>[^。！？；，,：:\s]{2,40}?)\s*(?P<date>(?:19|20)\d\d年\d{1,2}月\d{1,2}日)\s*$"
)


def _last_date_line(lines: Sequence[str]) -> tuple[str, int] | None:
    for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        iso = _date_line(lines[k])
        if iso:
            return iso, k + 1
    return None


def _issuer_in_title(title: str) -> str | None:
    """上海市静安区人民政府《关于…》…, 国务院关于… -> the body before 关于/《."""
    match = re.match(r"^(?P<org>[^《〈“]{2,40}?)(?:关于|《)", title)
    if match and _is_org(match.group("org")):
        return match.group("org")
    return None


def _decide_region(title: str | None, issuer: str | None, text: str) -> tuple[_Region | None, str]:
    found = [rs for _s, rs in find_regions(text, strict=True)]
    context = frozenset(r.name for rs in found if len(rs) == 1 for r in rs)
    for label, source in (("issuer", issuer), ("title", title)):
        if source and (region := _most_specific(source, text, context)) is not None:
            other = _most_specific(title, text, context) if label == "issuer" and title else None
            if other is not None and region in _ancestors(other):
                return other, f"title names {other.name}, inside the issuer's {region.name}"
            return region, f"{label} names {region.name}"
    if issuer and _CENTRAL_RE.search(issuer.split("、")[0]):
        return None, f"central issuer ({issuer}) and no place in the title"
    region, how = _region_by_frequency(text, found)
    return region, how
