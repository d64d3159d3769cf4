"""Page-metadata lines and tables: 发布时间：…, 发文机关：…, 【发布部门】…, 索 引 号：… .

Sites print a document's catalogue data around it in many forms: one pair per line, several pairs
on a line, keys spaced out, a key whose value stands on the next line (a flattened table), keys in
lenticular brackets (database exports). :func:`meta_from_lines` reads all of them into one mapping
from field (published, date, doc_number, issuer, issuer_weak, title) to (value, source line);
:func:`meta_from_table` does the same for a page's metadata table read by :mod:`policytext.io`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = ["META_RE", "SPACE_RE", "is_meta_line", "meta_from_lines", "meta_from_table", "meta_line"]

# Keys of page-metadata lines and tables, by the field they fill. 发布部门 is the weakest issuer
# source (sites fill it with the uploading office), so it is only used when the text names none.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "published": ("发布时间", "发布日期", "发稿时间", "公布日期", "公开日期", "上网时间", "发表时间",
                  "颁布日期", "日期", "时间"),
    "date": ("成文日期", "成文时间", "印发日期", "签发日期", "发文日期", "生成日期"),
    "doc_number": ("发文字号", "政策文号", "文号", "文件编号", "发文号", "发布文号", "发文编号", "文件字号"),
    "issuer": ("发文机关", "发布机关", "发文单位", "发布单位", "发布机构", "制发机关", "制定机关",
               "颁布单位", "颁布机关"),
    "issuer_weak": ("发布部门", "来源单位"),
    "title": ("标题", "文件名称", "名称", "title"),
    # catalogue rows that fill no field but mark a line as page metadata
    "catalogue": ("索引号", "主题分类", "信息分类", "组配分类", "体裁分类", "公开方式", "公开范围",
                  "有效性", "时效性", "效力级别", "实施日期", "施行日期", "失效日期", "法规类别"),
}
_KEY_TO_FIELD = {key: name for name, keys in _META_KEYS.items() for key in keys}
_KEY_ALT = "|".join(sorted(_KEY_TO_FIELD, key=len, reverse=True))
# A key opens the line or follows a space; 发布时间/发布日期 may also be fused to a page title.
_META_KEY_RE = re.compile(rf"(?:^|(?<=[\s|｜])|(?=发布时间|发布日期))(?P<key>{_KEY_ALT})\s*[:：]\s*")
META_RE = re.compile(_META_KEY_RE.pattern + r"(?P<value>.*)$")
SPACE_RE = re.compile(r"[\s\u3000\xa0]+")


# a key written with spaces between its characters: 索 引 号：, 文　　号：
_SPACED_KEY_RE = re.compile(
    r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff][ \u3000]+){1,5}[\u4e00-\u9fff])(?=\s*[:：])"
)


def _close_up(match: re.Match[str]) -> str:
    return re.sub(r"[ \u3000]", "", match.group(1))


# database exports write keys in lenticular brackets: 【发布部门】 阿坝州人民政府办公室
_BRACKET_KEY_RE = re.compile(rf"【({_KEY_ALT})】\s*")


# Index tables flattened without colons: "发文机关<TAB>杭州市人民政府办公厅". Only keys of three
# characters or more (and 标题) are read so, at the start of a line; further keys in that line may
# be run into the value before them (…的通知发文字号 杭政办函〔2020〕36号).
_BARE_KEYS = sorted((k for k in _KEY_TO_FIELD if len(k) >= 3 or k == "标题"), key=len, reverse=True)
_BARE_KEY_RE = re.compile(rf"^(?P<key>{'|'.join(_BARE_KEYS)}) (?=\S)")
_BARE_NEXT_KEY_RE = re.compile(rf"(?<=\S)(?P<key>{'|'.join(k for k in _BARE_KEYS if len(k) >= 4)}) (?=\S)")

_SENTENCE_RE = re.compile(r"[。；;！？!?]")


def meta_line(raw: str) -> str:
    """A page-metadata line in one form: spaces squeezed, keys closed up, 【KEY】 and a bare
    ``KEY<TAB>value`` as KEY：

    >>> meta_line("【发布部门】 阿坝州人民政府办公室"), meta_line("索 引 号：0001/2020-00045")
    ('发布部门：阿坝州人民政府办公室', '索引号：0001/2020-00045')
    >>> meta_line("标题\t某市关于加强管理的通知发文字号\t某府〔2020〕3号")
    '标题：某市关于加强管理的通知 发文字号：某府〔2020〕3号'
    >>> meta_line("标题党现象要治理")
    '标题党现象要治理'
    """
    line = _SPACED_KEY_RE.sub(_close_up, SPACE_RE.sub(" ", raw).strip())
    line = _BRACKET_KEY_RE.sub(lambda m: f" {m.group(1)}：", line).strip()
    if _BARE_KEY_RE.match(line) and not _SENTENCE_RE.search(line):     # values are no sentences
        line = _BARE_NEXT_KEY_RE.sub(lambda m: f" {m.group('key')}：", line)
        line = _BARE_KEY_RE.sub(lambda m: f"{m.group('key')}：", line)
    return line


def meta_from_lines(lines: Iterable[str]) -> dict[str, tuple[str, str]]:
    """field -> (value, source line) from "KEY: value" lines (first one of each field wins).

    A line may hold several pairs (发文机关：国务院 成文日期：2019年…); keys may be spaced out
    (索 引 号：); a key whose value stands on the next line (a flattened table) takes that line.
    """
    found: dict[str, tuple[str, str]] = {}
    rows = [meta_line(raw) for raw in lines]
    for k, line in enumerate(rows):
        keys = list(_META_KEY_RE.finditer(line))
        starts = [m.start("key") for m in keys] + [len(line)]
        for match, end in zip(keys, starts[1:], strict=False):
            name = _KEY_TO_FIELD[match.group("key")]
            value = line[match.end():end].strip()
            source = line
            if not value and len(keys) == 1 and k + 1 < len(rows) and not _META_KEY_RE.search(rows[k + 1]):
                value = rows[k + 1] if len(rows[k + 1]) <= 60 else ""
                source = f"{line} {value}"
            if value and name not in found:
                found[name] = (value, source if len(source) <= 80 else source[:79] + "…")
    return found


def meta_from_table(page_meta: Mapping[str, str] | None) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for key, value in (page_meta or {}).items():
        name = _KEY_TO_FIELD.get(SPACE_RE.sub("", str(key)).rstrip(":："))
        if name and value and str(value).strip() and name not in found:
            found[name] = (str(value).strip(), f"{key}: {str(value).strip()} (the page's metadata table)")
    return found


def is_meta_line(line: str) -> bool:
    return bool(META_RE.match(meta_line(line))) or line.strip("-—_=* ") == ""
