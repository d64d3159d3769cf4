"""Where a document states its own facts: the title block at the top (red header, 文号, title
lines, byline, date line) and the signature block at the end (issuer above the date).

Every decision reads a line's form and its neighbours; :func:`read_top` and :func:`find_signature`
return what they found with the line it stood on, for :func:`policytext.meta.describe`'s evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policytext.dates import DATE_LINE_RE, DOCNO_RE, FULLWIDTH, date_line, find_doc_number, parse_date
from policytext.genres import genre_of
from policytext.pagemeta import META_RE, SPACE_RE, is_meta_line
from policytext.regions import find_regions

__all__ = ["bare_signature_date", "clean_title", "find_signature", "issuer_in_title", "join_bodies",
           "last_date_line", "norm_line", "read_top"]

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


def norm_line(line: str) -> str:
    """Strip a line and squeeze its spaces; a title written with a space between every character
    (政 府 工 作 报 告) is closed up."""
    line = SPACE_RE.sub(" ", line).strip()
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


def join_bodies(issuer: str) -> str:
    """Several issuing bodies written side by side with spaces, listed with 、 as in a byline.

    >>> join_bodies("国务院办公厅　中央军委办公厅"), join_bodies("上海市杨浦区人民政府")
    ('国务院办公厅、中央军委办公厅', '上海市杨浦区人民政府')
    >>> join_bodies("杨浦区 科技创新")
    '杨浦区 科技创新'
    """
    pieces = SPACE_RE.split(issuer.strip())
    if len(pieces) > 1 and all(_is_org(piece) for piece in pieces):
        return "、".join(pieces)
    return issuer


def _title_like(line: str) -> bool:
    """Could this line be (part of) a title? Short, no sentence punctuation, not a list heading,
    date, 文号, addressee ("…：") or URL."""
    if not line or len(line) > 130 or _SENTENCE_RE.search(line) or line.endswith((":", "：")):
        return False
    if len(line) > 60 and not genre_of(line):
        return False
    if _LIST_MARK_RE.match(line) or _URL_RE.search(line) or date_line(line) or find_doc_number(line):
        return False
    if line.count("，") + line.count(",") > 1 or (("，" in line or "," in line) and not genre_of(line)):
        return False
    return sum("\u4e00" <= ch <= "\u9fff" for ch in line) >= 2


# A browser title appends the site's sections and name: …的意见_政策文件_南京市人民政府
_PAGE_TITLE_SEP_RE = re.compile(r"\s*[_|｜]\s*")


def clean_title(title: str) -> str:
    """A title as written, without editorial marks, fused page metadata or a browser title's site
    name.

    >>> clean_title("关于加强管理的意见（定稿）"), clean_title("关于加强管理的意见_政策文件_某市人民政府")
    ('关于加强管理的意见', '关于加强管理的意见')
    """
    title = _ANNOTATION_RE.sub("", title).strip()
    match = META_RE.search(title)      # "…的通知发布时间: 2023-06-20": a page title fused with meta
    if match and match.start() > 0:
        title = title[: match.start()].strip()
    head = _PAGE_TITLE_SEP_RE.split(title, maxsplit=1)[0]
    if head != title and len(head) >= 6 and genre_of(head):
        title = head
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        title = title[1:-1]
    return title


def read_top(lines: Sequence[str], header: str | None) -> dict[str, str | None]:
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
        header_title = clean_title(match.group("rest"))
    while i < n and i < 8:   # red header, 文号, meta lines and dates may stand above the title
        line = lines[i]
        if (menu := _menu_run(lines, i)) or (_is_org(line) and (menu := _menu_run(lines, i + 1) + 1) > 1):
            i += menu                                      # a site's name and menu left by cleaning
            continue
        if _DB_HEADER_RE.match(line):
            pass
        elif (red := _RED_HEADER_RE.match(line)) and _is_org(red.group("org")):
            out["red_header"] = red.group("org")
        elif (no := find_doc_number(line)) and not out["doc_number"]:
            out["doc_number"], out["doc_number_line"] = no, str(i + 1)
        elif not is_meta_line(line) and not _LABELLED_RE.match(line):
            break
        i += 1
    block: list[str] = []
    j = i
    byline: list[str] = []
    chrome = _chrome_before_title(lines, j)
    if chrome:
        i = j = j + chrome
    if j < n and not _title_like(lines[j]) and (fused := _fused_title(lines[j])):
        title, glued = _drop_glued_head(clean_title(fused))
        out["title"], out["title_line"] = title, str(j + 1)
        out["title_how"] = (f"line {j + 1} up to its genre word, where the addressee and body run on"
                            + (f"; menu words “{glued}” run into it dropped" if glued else ""))
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
            if _BRACKET_TAIL_RE.match(nxt) and not date_line(nxt):
                block.append(nxt)
                j += 1
                break
            if genre_of(clean_title(joined)) or not _title_like(nxt) or _is_org(nxt) or len(block) >= 3:
                break
            if _OFFICIAL_RE.match(nxt) or (j + 1 < n and len(nxt) > 40):
                break
            block.append(nxt)
            j += 1
    if block:
        out["title"] = clean_title("".join(block) if len(block) > 1 else block[0])
        out["title_line"] = str(i + 1)
        out["title_how"] = (f"first content line{'s' if len(block) > 1 else ''} {i + 1}"
                            + (f"-{i + len(block)} joined" if len(block) > 1 else "")
                            + (" after the part header" if header_title else "")
                            + (f", past {chrome} lines of page chrome" if chrome else ""))
    elif header_title:
        out["title"], out["title_how"] = header_title, "part header 第N篇：…"
    # below the title: byline lines, 文号, date line (a few lines at most)
    k = j
    while k < n and k < j + 5:
        line = lines[k]
        if (no := find_doc_number(line)) is not None:
            if not out["doc_number"]:
                out["doc_number"], out["doc_number_line"] = no, str(k + 1)
        elif (iso := date_line(line)) is not None:
            if not out["date"]:
                out["date"], out["date_line"] = iso, str(k + 1)
        elif _is_org(line) and not out["doc_number"]:
            byline.append(line)
        elif (official := _OFFICIAL_RE.match(line)) is not None:
            byline.append(official.group("org"))
        elif not is_meta_line(line):
            break
        k += 1
    if byline:
        out["byline"] = "、".join(byline)
    return out


def _chrome_before_title(lines: Sequence[str], j: int) -> int:
    """How many lines of page chrome (a site's name in two scripts, its address, a menu on one
    line) stand at ``j`` before a title, when line ``j`` itself cannot be one: the title is then the
    first title-like line naming a genre before the body's first sentence. 0 when there is none."""
    if j >= len(lines) or _title_like(lines[j]) or _fused_title(lines[j]) or _body_begins(lines[j]):
        return 0
    for k in range(j + 1, min(len(lines), j + 10)):
        line = lines[k]
        if _body_begins(line):
            return 0                                       # no title above the body
        if _title_like(line) and not _is_org(line) and genre_of(clean_title(line)):
            return k - j
    return 0


def _body_begins(line: str) -> bool:
    """A sentence or an addressee (各区人民政府：) opens the body."""
    return bool(_SENTENCE_RE.search(line)) or line.endswith((":", "："))


# A labelled value of the page, whatever its label (信息来源：…, 作者：…, 点击数：…); an addressee
# ("各区人民政府：") has no value after its colon.
_LABELLED_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*\S")


# A site menu item: a few characters, no punctuation or digits (首页, 政务公开, 走进合肥)
_MENU_ITEM_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _menu_run(lines: Sequence[str], i: int) -> int:
    """The number of menu lines from ``i`` on: two or more short words in a row, none of them
    naming a genre (a title broken over lines ends in one) or a body."""
    k = i
    while k < len(lines) and _MENU_ITEM_RE.match(lines[k]) and not genre_of(lines[k]) \
            and not _is_org(lines[k]):
        k += 1
    return k - i if k - i >= 2 else 0


def _drop_glued_head(title: str) -> tuple[str, str]:
    """Menu words run into a title by line joining (政务服务走进合肥合肥市人民政府关于…): when what
    precedes 关于 neither starts with a place nor with a party's name, and a body named by a place
    and an organ (合肥市人民政府) ends it after four or more other characters, the title starts at
    that body. Returns (title, the words dropped).

    >>> _drop_glued_head("政务服务政民互动合肥市人民政府关于加强管理的通知")
    ('合肥市人民政府关于加强管理的通知', '政务服务政民互动')
    >>> _drop_glued_head("中共上海市杨浦区委关于加强的通知")[1], _drop_glued_head("国务院关于加强的通知")[1]
    ('', '')
    """
    at = title.find("关于")
    head = title[:max(at, 0)]
    places = find_regions(head)
    if at < 6 or (places and head.startswith(places[0][0])) or _PARTY_RE.match(head):
        return title, ""
    for start in range(4, at - 1):
        org = head[start:]
        places = find_regions(org)
        if places and org.startswith(places[0][0]) and _is_org(org):
            first = places[0][1][0]
            if not org[len(places[0][0]):].startswith((first.name, first.short or first.name)):
                return title[start:], head[:start]      # 走进合肥|合肥市…: the second 合肥 opens it
    return title, ""


# Party and mass-organisation names that stand before a place in an issuer: 中共上海市委, 共青团…
_PARTY_RE = re.compile(r"^(?:中共|中国共产党|共青团|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)")


# Who a document is sent to: 区人大常委会, 各市、县、自治县人民政府，省府直属有关单位
_ADDRESSEE_RE = re.compile(
    r"^[^，,]{0,30}?(?:人民政府|政府|委员会|常委会|单位|部门|机构|企业|院校|学校|办事处|局|委|办|厅|会|院)"
    r"(?:[，,、][^，,]{1,30}?(?:人民政府|政府|委员会|常委会|单位|部门|机构|企业|院校|学校|办事处|局|委|办|厅|会|院))*$"
)
_LEADING_DOCNO_RE = re.compile(r"^\s*[（(]?\s*" + DOCNO_RE.pattern + r"\s*[）)]?(?=\S)", re.VERBOSE)


def _unfuse_top(lines: Sequence[str]) -> list[str]:
    """Split a 文号 or a red header (…文件) off the line it was run into (粤府〔2003〕12号广东省…决定),
    in the first few lines, where line-joining repairs sometimes glue the masthead together; a
    browser title there loses the site name after its separator (…的意见_政策文件_某市人民政府)."""
    out: list[str] = []
    for k, line in enumerate(lines):
        head = _PAGE_TITLE_SEP_RE.split(line, maxsplit=1)[0] if k < 6 else line
        if head != line and len(head) >= 6 and genre_of(head):
            out.append(head)
        elif k < 6 and (docno := _LEADING_DOCNO_RE.match(line.translate(FULLWIDTH))):
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


def find_signature(lines: Sequence[str]) -> tuple[str | None, str | None, str, str] | None:
    """The first signature block: issuer line(s) directly above a date line, or an issuer fused
    with the date at a line's end (…。上海市静安区人民政府2024年2月18日). Returns (issuer, date,
    issuer evidence, date evidence)."""
    for k, line in enumerate(lines):
        iso = date_line(line)
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


def last_date_line(lines: Sequence[str]) -> tuple[str, int] | None:
    for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        iso = date_line(lines[k])
        if iso:
            return iso, k + 1
    return None


# The last words of a notice before its signature: …请认真抓好落实。 / 特此通知。
_SENTENCE_END_RE = re.compile(r"[。！!]$")


def bare_signature_date(lines: Sequence[str]) -> tuple[str, int] | None:
    """The first line that is only a date, standing right after a paragraph that ends a sentence:
    a signature whose issuer line the source left out (database exports of issuing notices put
    the notice's date between its last sentence and the issued document). Returns (date, line).

    >>> bare_signature_date(["某通知", "各单位：", "现印发给你们，请认真落实。", "2022年4月14日", "某办法"])
    ('2022-04-14', 4)
    >>> bare_signature_date(["某某通知", "2022年4月14日", "正文。"]) is None
    True
    """
    for k in range(1, len(lines)):
        iso = date_line(lines[k])
        if iso and DATE_LINE_RE.match(lines[k]) and _SENTENCE_END_RE.search(lines[k - 1]):
            return iso, k + 1
    return None


def issuer_in_title(title: str) -> str | None:
    """上海市静安区人民政府《关于…》…, 国务院关于… -> the body before 关于/《."""
    match = re.match(r"^(?P<org>[^《〈“]{2,40}?)(?:关于|《)", title)
    if match and _is_org(match.group("org")):
        return match.group("org")
    return None
