"""Patterns and line tests for the cleaning rules that look at a line's neighbours.

:mod:`policytext.clean` applies these (navigation runs, chrome above the title, repeated and
site-named titles, edge disclaimers, the joins); they are here so that each can be read and tested
on its own. Every test looks at the form of one line.

>>> is_nav_like("政务公开"), is_nav_like("为加快发展，制定本规划。"), is_nav_like("发展规划", head=True)
(True, False, False)
>>> same_title("某市数字经济发展规划", "某市数字经济 发展规划")
True
"""

from __future__ import annotations

import re
import unicodedata

from policytext.fixes import GENRE_END_RE, HEADING_START_RE, ORG_END_RE, SENTENCE_PUNCT_RE
from policytext.rules.boilerplate import PART_HEADER_RE


def norm_title(line: str) -> str:
    """A line's key for comparing titles: width folded, spaces and dash variants ignored."""
    folded = unicodedata.normalize("NFKC", line)
    return re.sub(r"[\s]", "", re.sub(r"[—–―－‐‑-]+", "-", folded))


SENTENCE_RE = SENTENCE_PUNCT_RE  # a sentence ends here: the fixers' test
# a code or a date as a field's value: 000014349/2021-00012, 2021年07月27日
CODE_VALUE_RE = re.compile(r"(?=(?:.*\d){4})[\w/\-－.．:：〔〕\[\]【】（）()年月日号\s]{4,40}")
ANY_PUNCT_RE = re.compile(r"[，。、；：！？,.;:!?“”‘’\"'《》〈〉（）()【】\[\]〔〕—…]")
DATE_ONLY_RE = re.compile(r"^[\d〇零一二三四五六七八九十○年月日\-/.\s]+$")
WEAK_DISCLAIMER_RE = re.compile(
    r"""
    仅供(?:参考|学习|交流|检索|查阅|研究)   # "for reference only"
    | 著作权 | 版权                       # copyright notes
    | 以.{0,30}(?:发布版本|原文|官方).{0,6}为准   # "the official version prevails"
    """,
    re.VERBOSE,
)
SITE_TITLE_RE = re.compile(
    r"""
    (?P<title>.{6,120}?)\s*                      # the document's title …
    (?:(?:_|\||｜)\s*[^_|｜。，]{2,16}?\s*)?        # … maybe the site's column (_政策文件) …
    (?:_|-{1,2}|—{1,2}|\||｜|·)\s*              # … a separator …
    (?P<site>[^_|｜。，]{2,30}?(?:网|网站|政府|门户|平台|中心|局|委|办|厅|部|院))   # … and the site's name
    """,
    re.VERBOSE,
)
# a weak label and its value in a flattened table row, a tab between them: 标题\t…, 名称\t…
WEAK_TAB_FIELD_RE = re.compile(
    r"[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,5}\t+\s*[^\s。！？；][^。！？；]{0,120}")
# a site's name in English: two to twelve Latin words, nothing else
LATIN_NAME_RE = re.compile(r"[A-Za-z][A-Za-z'’.&\-]*(?:[ ,]+[A-Za-z][A-Za-z'’.&\-]*){1,11}")
# a title that begins with its issuer or 关于, which the lines above it never continue
OPENS_TITLE_RE = re.compile(r"关于|印发|转发|批转")
# a site's postal footer: its address and postcode, maybe a telephone (地址：…路1号 邮编：230071 电话：…),
# never a document's contact person (联系人：…)
SITE_CONTACT_RE = re.compile(
    r"""
    (?!.*联系人)                                                  # not a document's own contact
    (?=.*(?:邮编|邮政编码))(?=.*地址)                               # an address and a postcode
    (?:\s*(?:[|｜]\s*)?(?:通讯地址|联系地址|地址|邮编|邮政编码|联系电话|电话|传真|电子邮箱|邮箱|E-?mail)
       \s*[:：]\s*[^:：|｜]{1,40}?){2,6}\s*                       # two to six such fields
    """,
    re.VERBOSE | re.IGNORECASE,
)
SPONSOR_RE = re.compile(r"(?:主办|承办|协办|技术支持|运行维护|网站维护)(?:单位)?\s*[:：]\s*\S{2,40}")


def is_nav_like(line: str, head: bool = False) -> bool:
    """A short menu item: no punctuation, not a number, a date or an office; at the head of a
    document, not a title either (``政府工作报告``).

    >>> is_nav_like("走进合肥"), is_nav_like("合肥市人民政府"), is_nav_like("政府工作报告", head=True)
    (True, False, False)
    """
    compact = re.sub(r"\s", "", line)
    return (
        1 <= len(compact) <= 12
        and not ANY_PUNCT_RE.search(compact.replace("·", ""))
        and bool(re.search(r"[\u4e00-\u9fffA-Za-z]", compact))
        and not DATE_ONLY_RE.match(compact)
        and not ORG_END_RE.search(compact)
        and not (head and GENRE_END_RE.search(compact))
        and not HEADING_START_RE.match(compact)
    )


def is_title_like(line: str) -> bool:
    """Short enough for a title, and no sentence ends inside it.

    >>> is_title_like("某市数字经济发展规划"), is_title_like("为加快发展。制定本规划。")
    (True, False)
    """
    return 4 <= len(line) <= 120 and not SENTENCE_RE.search(line[:-1])


def same_title(first: str, second: str) -> bool:
    """``second`` repeats ``first``, or the title in ``first``'s part header (第二篇：…)."""
    if not is_title_like(second):
        return False
    header = PART_HEADER_RE.fullmatch(first)
    key = norm_title(second)
    return norm_title(first) == key or bool(header and norm_title(header.group("title")) == key)


def is_link_like(line: str) -> bool:
    """A line a related-links block lists: short, no sentence inside.

    >>> is_link_like("国务院关于加强管理的通知"), is_link_like("各区要加强领导。各部门要密切配合。")
    (True, False)
    """
    return len(line) <= 60 and not SENTENCE_RE.search(line.rstrip("。"))
