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


def meta_line(raw: str) -> str:
    """A page-metadata line in one form: spaces squeezed, keys closed up, 【KEY】 as KEY："""
    line = _SPACED_KEY_RE.sub(_close_up, SPACE_RE.sub(" ", raw).strip())
    return _BRACKET_KEY_RE.sub(lambda m: f" {m.group(1)}：", line).strip()


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
            if not value and len(keys) == 1 and k + 1 < len(rows) and not _META_KEY_RE.search(rows[k + 1]):
                value = rows[k + 1] if len(rows[k + 1]) <= 60 else ""
            if value and name not in found:
                found[name] = (value, line)
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
