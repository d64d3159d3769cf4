"""The document's own facts: title, issuer, 文号, dates, region, doc type, five-year-plan period.

:func:`describe` reads one :class:`~policytext.model.Part` and returns :class:`Facts`. Every field
is decided by the form of a line and its neighbours (a title block at the top, a byline below it, a
signature block of issuer above date, a 文号 standing on its own line, page-metadata lines that
cleaning removed), never by a list of known documents, and ``Facts.evidence`` says for each field
how it was decided, so a researcher can audit it. Nothing here raises; "not found" is ``None``.

Decisions a user should know:

- **title** is the document's own title line(s) as written, broken lines joined, ``第N篇：`` headers
  and editorial marks such as （定稿） dropped. For an issuing notice, 关于印发《X》的通知, that
  is followed by X under its own title line, the title is X (the part is X, wrapped by a notice;
  its genre, ``doc_type``, is X's too) and ``Facts.notice_title`` keeps the notice's title. A
  notice that only names X, without X's title line below it, keeps its own title, and
  ``Facts.issued_title`` holds X. (The seed gold differs between files here; this rule keeps
  title and doc_type about the same document.)
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
- **pages with chrome**: a site's name and menu, labelled page values (信息来源：…) and a browser
  title's site name (…_政策文件_某市人民政府) are passed over on the way to the title; when the
  page's catalogue 标题/名称 stands in the text and the title block read something else, the
  catalogue title wins.

Where the parts live: :mod:`policytext.dates` (dates, 文号), :mod:`policytext.pagemeta` (page
metadata lines and tables), :mod:`policytext.layout` (title block, signature), :mod:`policytext.genres`,
:mod:`policytext.regions`, :mod:`policytext.periods`; this module puts them together, and its
public helpers stay importable from here.

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

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from policytext.dates import DOCNO_RE, FULLWIDTH, find_doc_number, parse_date
from policytext.genres import ISSUING_RE, TRAILING_BRACKETS_RE, contract_of, genre_from_body, genre_of
from policytext.layout import (
    bare_signature_date,
    clean_title,
    find_signature,
    issuer_in_title,
    join_bodies,
    last_date_line,
    norm_line,
    read_top,
)
from policytext.model import Part
from policytext.pagemeta import SPACE_RE, is_meta_line, meta_from_lines, meta_from_table
from policytext.periods import decide_period, period_of_year
from policytext.regions import decide_region, find_regions, region_path

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
    was decided. ``issued_title`` is X when the part is a notice issuing 《X》; when X follows
    the notice under its own title line, ``title`` is X and ``notice_title`` the notice's; ``doc_class`` is
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
    notice_title: str | None = None


def _stands_alone(title: str, lines: Sequence[str]) -> bool:
    """Whether ``title`` is one of ``lines`` on its own (spacing aside).

    >>> _stands_alone("普陀区科委2016年工作要点", ["特此通知。", " 普陀区科委2016年工作要点 "])
    True
    >>> _stands_alone("普陀区科委2016年工作要点", ["《普陀区科委2016年工作要点》经研究通过"])
    False
    """
    key = SPACE_RE.sub("", title)
    return any(SPACE_RE.sub("", line) == key for line in lines)


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


def _listed_title(listed: str, title: str, lines: Sequence[str]) -> str | None:
    """The page's catalogue title (标题/名称) when the text's first lines hold it verbatim but the
    title read from the text differs from it: a site menu or a notice's addressee run into the
    title line, or the issued document taken for the notice issuing it. ``None`` keeps ``title``."""
    listed = clean_title(SPACE_RE.sub("", listed))
    if len(listed) < 6 or listed == title or not genre_of(listed):
        return None
    issuing = ISSUING_RE.search(TRAILING_BRACKETS_RE.sub("", title))
    if issuing and issuing.group("issued").strip("《》<>〈〉 ") == listed:
        return None         # the page lists the issued document; the text's title is the notice
    return listed if listed in "".join(lines[:15]).replace(" ", "") else None


def _describe(part: Part, page_meta: Mapping[str, str] | None) -> Facts:
    text = part.text or ""
    lines = [norm_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    evidence: dict[str, str] = {}
    # the page's own table describes the page's (first) document, not documents appended below it
    table = meta_from_table(page_meta) if part.part <= 1 else {}
    removed_meta = meta_from_lines(r.line for r in part.removed)
    # page-metadata lines cleaning left in the text: read them from the top and bottom only
    text_meta = meta_from_lines(line for line in lines[:12] + lines[-6:] if is_meta_line(line))

    def meta(name: str) -> tuple[str, str] | None:
        for source in (removed_meta, table, text_meta):
            if name in source:
                return source[name]
        return None

    top = read_top(lines, part.header)
    title = top["title"]
    listed = meta("title")
    if listed is not None and title and (better := _listed_title(listed[0], title, lines)):
        title = better      # the page's 标题/名称 stands in the text, and the title block misread it
        evidence["title"] = f"page metadata, found at the top of the text: {listed[1]}"
    elif title:
        evidence["title"] = top["title_how"] or ""
    elif (found := listed) is not None:
        title = clean_title(found[0])
        evidence["title"] = f"page metadata: {found[1]}"
    else:
        evidence["title"] = "no title-like first line"

    issued = ISSUING_RE.search(TRAILING_BRACKETS_RE.sub("", title)) if title else None
    issued_title = issued.group("issued").strip("《》<>〈〉 ") if issued else None
    notice_title = None
    if title and issued_title and _stands_alone(issued_title, lines[1:]):
        # The notice transmits the document and the document follows with its own title line:
        # the part is that document (its genre is already X's), the notice is its wrapper.
        notice_title, title = title, issued_title
        evidence["title"] = f"issued document's own title line below its issuing notice ({evidence['title']})"

    # 文号
    doc_number = None
    if (found := meta("doc_number")) is not None and (no := DOCNO_RE.search(found[0].translate(FULLWIDTH))):
        doc_number = re.sub(r"\s+", "", no.group("no"))
        evidence["doc_number"] = f"page metadata: {found[1]}"
    elif top["doc_number"]:
        doc_number = top["doc_number"]
        evidence["doc_number"] = f"own line {top['doc_number_line']} near the title"
    else:
        evidence["doc_number"] = "no 文号 on a line of its own near the top, none in page metadata"

    # signature block, byline, dates
    signature = find_signature(lines)
    date = None
    if signature and signature[1]:
        date, evidence["date"] = signature[1], signature[3]
    elif top["date"]:
        date, evidence["date"] = top["date"], f"date line {top['date_line']} below the title"
    elif (found := meta("date")) is not None and (iso := parse_date(found[0])):
        date, evidence["date"] = iso, f"page metadata: {found[1]}"
    elif (last := last_date_line(lines)) is not None:
        date, evidence["date"] = last[0], f"date line {last[1]} at the end of the text"
    elif (bare := bare_signature_date(lines)) is not None:
        date, evidence["date"] = bare[0], f"date line {bare[1]} after the notice's last sentence"
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
    elif title and (prefix := issuer_in_title(title)):
        issuer, evidence["issuer"] = prefix, "issuing body that opens the title"
    elif (found := meta("issuer_weak")) is not None:
        issuer, evidence["issuer"] = found[0], f"page metadata (weak): {found[1]}"
    else:
        evidence["issuer"] = "no byline, signature block or 发文机关"
    issuer = join_bodies(issuer) if issuer else None

    # genre
    doc_type = None
    genre = genre_of(title) if title else None
    if genre:
        doc_type = genre[0]
        how = f"title ends with {genre[2]}"
        evidence["doc_type"] = f"issuing notice; issued 《{issued_title}》: {how}" if issued_title else how
    elif (body := genre_from_body(text)) is not None:
        doc_type, evidence["doc_type"] = body
    elif title:
        doc_type, evidence["doc_type"] = "other", "title ends with no known genre"
    else:
        evidence["doc_type"] = "no title and no genre named in the body"
    doc_class = contract_of(doc_type) if doc_type else None
    if doc_class and doc_class != doc_type:
        evidence["doc_type"] += f" (CONTRACT vocabulary: {doc_class})"

    # region
    region, region_how = decide_region(title, issuer, text)
    if region:
        merged = f", since merged into {region.successor}" if region.successor else ""
        region_how += f" [{region_path(region)}, GB/T 2260 {region.code}{merged}]"
    evidence["region"] = region_how

    period, evidence["period"] = decide_period(text, title, date, date_trusted=not part.year_scrubbed)
    return Facts(
        title=title, issuer=issuer, doc_number=doc_number, date=date, published=published,
        region=region.name if region else None, doc_type=doc_type, period=period, evidence=evidence,
        issued_title=issued_title, doc_class=doc_class, region_path=region_path(region) if region else None,
        notice_title=notice_title,
    )
