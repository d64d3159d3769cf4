"""Named programmes, policy documents, packages, funds, platforms, zones and slogans.

:func:`extract_programmes` finds each name once per document, with the CONTRACT category, the
rule that found it, its span in the text and a verbatim ``first_quote`` around its first mention.
Candidates come from the rules of :mod:`policytext.rules.programmes` (《》 titles, quoted names,
quoted pilot types before 试点/示范/创建, names ending in a head word such as 计划/工程/基金/平台/基地,
documents named after a drafting verb (制定…规划), numbered bundles, numbered slogans) and from the
``programmes`` lexicon of national, provincial and municipal programmes, institutional reforms and
named policies (退耕还林, 新农合, 河长制 …). Names given by several lexicon aliases fold into one.
Precision comes first: a candidate made only of generic words (创新平台, 工作计划, 重大工程) is dropped.

>>> [(p.name, p.category) for p in extract_programmes("入选国家“千人计划”，大力实施科技小巨人工程。")]
[('千人计划', 'talent_programme'), ('科技小巨人工程', 'programme')]
>>> extract_programmes("建设创新平台，制定工作计划。")
[]
>>> [p.name for p in extract_programmes("积极推进“智慧城市”试点，巩固退耕还林成果。")]
['智慧城市', '退耕还林']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policytext.lexicon import load_lexicon
from policytext.model import PROGRAMME_CATEGORIES, Programme, Section
from policytext.rules import programmes as rules

# Rules in order of trust: when two candidates overlap, the earlier rule wins. A lexicon name
# yields only to a name that runs on past it (长三角双创示范基地联盟 over 双创示范基地).
RULE_ORDER = ("title", "inner_title", "quoted_suffix", "quoted_head", "quoted_lexicon",
              "quoted_local", "quoted_pilot", "quoted_numbered", "quoted_list", "quoted_marker",
              "quoted_series", "lexicon", "bundle", "articles", "numbered_slogan", "document", "drafted",
              "suffix", "series")

_CLAUSE_END = "，。；：！？、\n,;:!?—…"
_MAX_LEFT = 20          # characters a name may reach left of its head word
_MAX_TAIL = 12          # characters after a closing quote looked at
_MAX_TAIL_NAME = 8      # characters after a closing quote that may still belong to the name
_MAX_CORE = 16          # characters of an unquoted name before its head word


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str
    category: str
    start: int
    end: int
    rule: str
    aliases: tuple[str, ...] = ()

    @property
    def rank(self) -> tuple[int, int]:
        return RULE_ORDER.index(self.rule), -(self.end - self.start)


def extract_programmes(text: str, *, sections: Sequence[Section] | None = None) -> list[Programme]:
    """Each named programme in ``text`` once, in order of first mention.

    ``sections`` (from :func:`policytext.sections.parse_sections`) names the section of each
    first mention; it is parsed from ``text`` when not given.

    >>> text = "根据《上海市推进科技创新中心建设条例》(以下简称《条例》)，落实《条例》。"
    >>> [(p.name, p.aliases) for p in extract_programmes(text)]
    [('上海市推进科技创新中心建设条例', ('条例',))]
    >>> extract_programmes("根据《条例》(以下简称《条例》)")[0].aliases
    ()
    >>> extract_programmes("推动孵化器建设由“量变”实现“质变”。")
    []
    """
    if not isinstance(text, str):
        from policytext.errors import ConfigError

        raise ConfigError(f"extract_programmes expects str, got {type(text).__name__}")
    candidates = _resolve_overlaps(_candidates(text))
    merged = _merge(candidates, text)
    if sections is None:
        from policytext.sections import parse_sections

        sections = parse_sections(text)
    return [_record(c, text, sections) for c in merged]


# ------------------------------------------------------------------ candidates


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    found.extend(_titles(text))
    found.extend(_quoted(text))
    found.extend(_lexicon_hits(text))
    found.extend(_bundles(text))
    found.extend(_suffixed(text))
    found.extend(_series(text))
    longer = [(c.start, c.end) for c in found if c.rule != "lexicon"]
    return [c for c in found
            if c.rule != "lexicon" or not any(s <= c.start and c.end < e for s, e in longer)]


def _titles(text: str) -> list[_Candidate]:
    out = []
    for m in rules.TITLE_RE.finditer(text):
        name = m.group("name").strip()
        if _han_count(name) >= 2 and (len(name) > 6 or rules.DOCUMENT_TITLE_RE.search(name)
                                      or _lexicon_entry(name)):
            out.append(_Candidate(name, _title_category(name), m.start("name"), m.end("name"), "title"))
    for m in rules.INNER_TITLE_RE.finditer(text):
        name = m.group("name").strip()
        if _han_count(name) >= 2:
            out.append(_Candidate(name, _title_category(name), m.start("name"), m.end("name"), "inner_title"))
    return out


def _title_category(name: str) -> str:
    # A title names a document; 《》 around a programme name (《千人计划》) keeps the programme's kind.
    entry = _lexicon_entry(name)
    return entry[1] if entry else "policy_document"


def _quoted(text: str) -> list[_Candidate]:
    out = []
    matches = list(rules.QUOTED_RE.finditer(text))
    for i, m in enumerate(matches):
        found = _classify_quote(text, m)
        local = _local_edition(text, m.start()) if len(found) == 1 else None
        if local is not None and found[0].category in ("programme", "talent_programme", "fund"):
            c = found[0]       # 上海市地方“千人计划”: the city's own edition of a national programme
            name = text[local:m.start()] + c.name
            found = [replace(c, name=name, start=local, rule="quoted_local", aliases=())]
        if not found:
            adjacent = (i + 1 < len(matches) and matches[i + 1].start() == m.end()) or (
                i > 0 and matches[i - 1].end() == m.start())
            name = m.group("name").strip()
            # “爱山东”“齐鲁智脑”等平台: back-to-back quoted names that a marker after the last one
            # classifies are names of one series (“时差”“错位” with no marker are not)
            marker = _series_marker(text, matches, i) if adjacent else None
            if marker is not None and 2 <= len(name) <= 12 and not _generic(name) \
                    and not rules.PERIOD_RE.match(name) and name not in rules.HEADS:
                found = [_Candidate(name, _marker_category(marker), m.start("name"), m.end("name"),
                                    "quoted_series")]
        out.extend(found)
    return out


def _series_marker(text: str, matches: list[re.Match[str]], i: int) -> str | None:
    """The marker word after the last of the quoted names standing back to back with the ``i``-th."""
    hi = i
    while hi + 1 < len(matches) and matches[hi + 1].start() - matches[hi].end() <= 1 \
            and text[matches[hi].end():matches[hi + 1].start()] in ("", "、"):
        hi += 1
    marker = rules.QUOTE_MARKER_RE.match(text[matches[hi].end():matches[hi].end() + 10])
    return marker.group("marker") if marker is not None else None


def _classify_quote(text: str, m: re.Match[str]) -> list[_Candidate]:
    name = m.group("name").strip()
    if not name or rules.PERIOD_RE.match(name) or len(name) > 30:
        return []
    if rules.CLAUSE_PUNCT_RE.search(name) and max(map(len, rules.CLAUSE_PUNCT_RE.split(name))) > 8:
        return []          # “推动绿色发展，促进人与自然和谐共生”: quoted clauses, not a name
    start, end = m.start(), m.end()
    inner_start, inner_end = m.start("name"), m.end("name")
    # 1. a head word right after the quote: “3310”项目, “双创小巨人”培育工程, “科创中国”试点城区
    tail = _tail(text, end)
    stop = rules.TAIL_STOP_RE.search(tail)
    reach = tail[: stop.start() if stop else _MAX_TAIL_NAME]
    heads = [h for h in rules.HEAD_RE.finditer(reach[:_MAX_TAIL_NAME])
             if h.group("head") not in rules.CLASSIFIER_HEADS]
    if heads:
        last = heads[-1]
        word, he = last.group("head"), last.end()
        after = rules.CLASSIFIER_AT_RE.match(tail, he)
        if after and after.start() == he and he + (after.end() - after.start()) == len(reach):
            return [_Candidate(name, _category(name, word), start, end + after.end(), "quoted_head")]
        full = name + tail[:he]
        return [_Candidate(full, _category(full, word), start, end + he, "quoted_head")]
    classifier = rules.CLASSIFIER_AT_RE.match(tail)
    if classifier is not None:
        word = classifier.group(0)
        return [_Candidate(name, _marker_category(word), start, end + classifier.end(), "quoted_head")]
    # 2. the quoted name ends in a head word itself: “千人计划”, “百企成长计划”
    own = _own_head(name)
    prefix = name[: -len(own)] if own else ""
    if own is not None and (not _common(prefix) or rules.COUNTED_PREFIX_RE.fullmatch(prefix)) \
            and not rules.CLAUSE_PUNCT_RE.search(name):
        return [_Candidate(name, _category(name, own), inner_start, inner_end, "quoted_suffix")]
    entry = _lexicon_entry(name)
    if entry is not None:
        return [_Candidate(name, entry[1], inner_start, inner_end, "quoted_lexicon")]
    marker = rules.QUOTE_MARKER_RE.match(text[end:end + 10])
    pilot = rules.PILOT_MARKER_RE.match(text[end:end + 6])
    # 3. lists (“大众创业、万众创新”), split when every part is a numbered slogan
    parts = rules.LIST_SEP_RE.split(name)
    if pilot is not None and len(parts) >= 2:
        shared = _shared_modifier(parts)
        if shared:        # “智慧城区、社区”试点: 智慧城区 and 智慧社区
            out, at = [], inner_start
            for p in parts:
                full = p if p.startswith(shared) else shared + p
                out.append(_Candidate(full, "programme", at, at + len(p), "quoted_pilot"))
                at += len(p) + 1
            return out
    if len(parts) >= 2 and all(2 <= len(p) <= 8 for p in parts):
        if "、" not in name and all(_numbered(p) for p in parts):   # “一条主线，四个着力”: two slogans
            out, at = [], inner_start
            for p in parts:
                out.append(_Candidate(p, "slogan", at, at + len(p), "quoted_list"))
                at += len(p) + 1
            return out
        return [_Candidate(name, "slogan", inner_start, inner_end, "quoted_list")]
    # 3. numbered slogans (“四个着力”, “3+3”, “一网通办”)
    if _numbered(name):
        if len(name) <= 3 and marker is None and re.match(r"[\u4e00-\u9fff]", text[end:end + 1] or " ") \
                and text[end] not in "的等和与及为" and not rules.LATER_MARKER_RE.match(text, end):
            return []          # “两院”院士, “双师型”教师: a word inside a phrase; “三帮一”帮扶工作 is a name
        return [_Candidate(name, "slogan", inner_start, inner_end, "quoted_numbered")]
    # 4. a pilot or designation marker after the quote: “智慧城市”试点, even of generic words
    if pilot is not None and _han_count(name) >= 3 and not rules.LIST_SEP_RE.search(name):
        return [_Candidate(name, "programme", inner_start, inner_end, "quoted_pilot")]
    # 5. a marker after the quote (“人民城市”重要理念, “放管服”改革) or a verb before it
    if _generic(name) or len(name) < 2:
        return []
    if marker is not None:
        return [_Candidate(name, _marker_category(marker.group("marker")), inner_start, inner_end,
                           "quoted_marker")]
    before = text[max(0, start - 3):start]
    verb = rules.VERB_BEFORE_QUOTE_RE.search(before)
    if len(name) >= 3 and verb is not None:
        kind = "slogan" if verb.group("verb") in rules.SLOGAN_VERBS else "programme"
        return [_Candidate(name, kind, inner_start, inner_end, "quoted_marker")]
    return []


def _shared_modifier(parts: list[str]) -> str:
    """The modifier that the first item of a quoted list lends the short items after it:
    “智慧城区、社区” -> 智慧 (社区 is 智慧社区); "" when every item is whole (“城区、社区”, “专、精”).

    >>> _shared_modifier(["智慧城区", "社区"]), _shared_modifier(["智慧城区", "智慧社区"])
    ('智慧', '')
    """
    first, rest = parts[0], parts[1:]
    if not all(_han_count(p) == len(p) for p in parts) or not 3 <= len(first) <= 8:
        return ""
    short = [p for p in rest if len(p) < len(first)]
    if len(short) != len(rest) or any(len(p) < 2 for p in rest):
        return ""
    shared = first[: len(first) - max(len(p) for p in rest)]
    return shared if len(shared) >= 2 else ""


def _tail(text: str, end: int) -> str:
    """The name characters right after a closing quote, up to the clause's next break."""
    out = []
    for ch in text[end:end + _MAX_TAIL]:
        if ch in "“”" or not rules.NAME_CHAR_RE.match(ch):
            break
        out.append(ch)
    return "".join(out)


def _own_head(name: str) -> str | None:
    for m in rules.HEAD_RE.finditer(name):
        if m.end() == len(name):
            return m.group("head")
    return None


def _numbered(name: str) -> bool:
    if "+" in name or "＋" in name:
        return True
    if not re.match(rf"[{rules.NUMERAL}0-9]", name):
        return False
    if name[0] == "一":      # 一网通办, 一数一源 are slogans; 一把手, 一体化 are words
        return len(name) >= 4
    return not rules.NOT_A_SLOGAN_RE.match(name)     # 7×24小时, 90%


def _marker_category(marker: str) -> str:
    if marker in ("改革", "试点", "工程", "计划", "行动", "项目", "举措", "服务", "特色服务", "窗口", "措施",
                  "制度", "管理制度", "责任制"):
        return "programme"
    if marker in ("产品", "系列", "金融服务体系"):
        return "fund"
    if marker == "平台":
        return "platform"
    if marker in ("政策", "政策体系"):
        return "policy_package"
    return "slogan"


def _bundles(text: str) -> list[_Candidate]:
    out = []
    for m in rules.BUNDLE_RE.finditer(text):
        name = m.group("name")
        head = _own_head(name)
        category = _category(name, head) if head else "programme"
        if head in ("扶持政策", "支持政策", "政策", "政策体系") or name.endswith("举措"):
            category = "policy_package"
        elif name.endswith("产业集群"):
            category = "other"
        out.append(_Candidate(name, category, m.start("name"), m.end("name"), "bundle"))
    for m in rules.ARTICLES_RE.finditer(text):
        start = _left_boundary(text, m.start(), limit=4)
        label = text[start:m.start()]
        if len(label) < 2 or _common(label) or "第" in label or rules.WORKS_RE.search(label):
            continue
        name = text[start:m.end()]
        out.append(_Candidate(name, "policy_package", start, m.end(), "articles"))
    for m in rules.NUMBERED_SLOGAN_RE.finditer(text):
        out.append(_Candidate(m.group("name"), "slogan", m.start("name"), m.end("name"), "numbered_slogan"))
    return out


def _suffixed(text: str) -> list[_Candidate]:
    out = []
    for m in rules.HEAD_RE.finditer(text):
        head = m.group("head")
        if head in rules.QUOTED_ONLY_HEADS:
            continue
        hs, he = m.start(), m.end()
        if he < len(text) and text[he] == "”":      # inside a quote: the quoted rule decides
            continue
        if head in rules.DOCUMENT_HEADS:
            cand = _document(text, hs, he, head)
        else:
            start = _left_boundary(text, hs)
            enumerator = rules.ENUMERATOR_RE.match(text, start, hs)
            if enumerator is not None:
                start = enumerator.end()
            verb = rules.LEADING_VERB_RE.match(text, start, hs)
            if verb is not None:
                start = verb.end()
            start = _joined_start(text, start, hs)
            core = text[start:hs]
            if len(core) > _MAX_CORE:
                continue
            cand = None
            name = text[start:he]
            category = _category(name, head)
            works = head == "工程" and rules.WORKS_RE.search(core)
            if not works and _acceptable_core(core, category) and not rules.NOT_A_NAME_RE.search(name) \
                    and (category not in ("platform", "zone", "event") or _proper(core)):
                cand = _Candidate(name, category, start, he, "suffix")
        if cand is not None:
            out.append(cand)
    return out


def _joined_start(text: str, start: int, hs: int) -> int:
    """Where a name starts if the 和 before ``start`` joins two parallel nouns inside it:
    上海软件和信息服务业基地, 国家文化和旅游创客行动试点基地. The part before 和 must be a short
    noun of its own that starts like a proper name, with a place or 国家 (not common words, not a name
    with a head: 千人计划和…基地 are two names; 思想和行动统一到… joins no name).

    >>> text = "重点推进上海软件和信息服务业基地"
    >>> text[_joined_start(text, text.index("信息"), text.index("基地")):]
    '上海软件和信息服务业基地'
    """
    if start < 3 or text[start - 1] not in "和与" or hs - start < 2 or _common(text[start:hs]):
        return start        # 滨江开发和重大工程: the part after 和 is no name either
    piece_start = _left_boundary(text, start - 1, limit=8)
    piece = text[piece_start:start - 1]
    if not 2 <= len(piece) <= 6 or _han_count(piece) != len(piece) or _common(piece) \
            or rules.HEAD_RE.search(piece) or rules.BOUNDARY_RE.fullmatch(piece) or not _proper(piece):
        return start
    return piece_start


def _local_edition(text: str, quote_start: int) -> int | None:
    """Where a place that names a local edition of a programme starts: 上海市地方“千人计划”."""
    if text[max(0, quote_start - 2):quote_start] != "地方":
        return None
    places = _place_index()
    for n in (6, 5, 4, 3, 2):
        at = quote_start - 2 - n
        if at >= 0 and text[at:quote_start - 2] in places:
            return at
    return None


def _document(text: str, hs: int, he: int, head: str) -> _Candidate | None:
    """A document named without 《》: 关于…意见, a five-year plan (第十二个五年规划, “十三五”规划),
    or a 专项规划 with a subject."""
    if rules.DOCUMENT_CONTINUES_RE.match(text, he):
        return None        # the head ends a title inside a longer one: …纲要〈决议〉
    window_start = _clause_start(text, hs, limit=40)
    left = text[window_start:hs]
    about = left.rfind("关于")
    if about >= 0:
        start = window_start + about
    elif rules.PLAN_PERIOD_RE.search(left) or head == "专项规划":
        start = _left_boundary(text, hs, limit=30, joining=False)
    else:
        return _drafted_document(text, window_start, hs, he)
    core = text[start:hs]
    subject = rules.PERIOD_TEXT_RE.sub("", core)
    if _han_count(subject) < 3 or (subject == core and _common(subject)):
        return None
    return _Candidate(text[start:he], "policy_document", start, he, "document")


def _drafted_document(text: str, window_start: int, hs: int, he: int) -> _Candidate | None:
    """A document named without 《》 right after a verb that drafts or issues it: 制定蔬菜产业发展规划,
    发布实施优化营商环境行动方案. Its subject must hold more than generic words (编制实施方案 and
    制定发展规划 name no document)."""
    left = text[window_start:hs]
    verb = None
    for m in rules.DRAFTING_VERB_RE.finditer(left):
        verb = m
    if verb is None:
        return None
    start = window_start + verb.end()
    subject = rules.YEAR_PREFIX_RE.sub("", text[start:hs])
    if not 4 <= _han_count(subject) <= 16 or _generic(subject) or not rules.NAME_CHAR_RE.fullmatch(
            subject[0]) or "的" in subject or rules.DRAFT_DETERMINER_RE.match(subject):
        return None
    return _Candidate(text[start:he], "policy_document", start, he, "drafted")


def _series(text: str) -> list[_Candidate]:
    """Names listed before the word that classifies them: 高榕资本、武岳峰基金等26家子基金."""
    out = []
    for m in rules.SERIES_END_RE.finditer(text):
        category = rules.SERIES_KINDS[m.group("kind")]
        end = m.start()
        items = []
        pos = end
        while True:
            start = _left_boundary(text, pos, limit=15)
            if start >= pos:
                break
            items.append((start, pos))
            if start > 0 and text[start - 1] == "、":
                pos = start - 1
                continue
            break
        if len(items) < 2:
            continue
        for start, stop in items:
            name = text[start:stop].strip("“”")
            if 2 <= _han_count(name) + len(re.findall(r"[A-Za-z0-9]", name)) and not _generic(name) \
                    and not rules.NOT_A_NAME_RE.search(name):
                own = _own_head(name)
                kind = _category(name, own) if own else category
                if rules.EVENT_NAME_RE.search(name):
                    kind = "event"
                out.append(_Candidate(name, kind, start, stop, "series"))
    return out


def _lexicon_hits(text: str) -> list[_Candidate]:
    pattern, _ = _lexicon_index()
    out = []
    for m in pattern.finditer(text):
        entry = _lexicon_entry(m.group(0))
        if entry is not None:
            out.append(_Candidate(m.group(0), entry[1], m.start(), m.end(), "lexicon",
                                  aliases=(entry[0],) if entry[0] != m.group(0) else ()))
    return out


# ------------------------------------------------------------------ boundaries and generic words


def _clause_start(text: str, pos: int, limit: int = _MAX_LEFT) -> int:
    """Where the run of name characters that ends at ``pos`` begins (at most ``limit`` back)."""
    i = pos
    depth = 0
    while i > 0 and pos - i < limit:
        ch = text[i - 1]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                break
            depth -= 1
        elif not rules.NAME_CHAR_RE.match(ch) or ch in "“”":
            # a quote opens or closes a name only when it pairs up inside the window
            if ch in "“”" and _quote_pairs(text, i - 1, pos):
                i -= 1
                continue
            break
        i -= 1
    return i


def _quote_pairs(text: str, at: int, pos: int) -> bool:
    """True if the quote at ``at`` is one of a “…” pair lying wholly before ``pos``."""
    if text[at] == "”":
        opening = text.rfind("“", max(0, at - 8), at)
        return opening >= 0
    closing = text.find("”", at, pos)
    return closing >= 0


def _left_boundary(text: str, hs: int, limit: int = _MAX_LEFT, *, joining: bool = True) -> int:
    """Where a name ending at ``hs`` starts: after the last verb, determiner or (if ``joining``)
    conjunction before it; ``hs`` itself when nothing but a function word precedes the head."""
    start = _clause_start(text, hs, limit)
    left = text[start:hs]
    last = None
    pattern = rules.BOUNDARY_RE if joining else rules.STRONG_BOUNDARY_RE
    for i in range(len(left)):        # overlapping: 全力争取 holds both 力争 and 争取
        m = pattern.match(left, i)
        if m is None or (m.group(0) in rules.WEAK_BOUNDARY_WORDS and len(left) - m.end() < 3):
            continue
        if last is None or m.end() >= last.end():
            last = m
    if last is not None:
        if last.end() >= len(left) - 1:    # 众创联盟的平台, 开展政策支撑体系: no name before the head
            return hs
        start += last.end()
    # a quote left open at the start belongs to the clause before
    while start < hs and text[start] in "”）)":
        start += 1
    return start


def _acceptable_core(core: str, category: str) -> bool:
    """Whether ``core`` (a name without its head word) makes a name rather than a phrase.

    Programmes, funds and packages must hold more than common words (工作计划, 专项资金);
    platforms, zones and events, which are rarely names, more than generic words (创新平台).
    """
    core = rules.YEAR_PREFIX_RE.sub("", core)
    if _han_count(core) + len(re.findall(r"[A-Za-z0-9]", core)) < 2:
        return False
    if rules.QUANTITY_IN_NAME_RE.search(core):
        return False
    if core[0] in "级型性化式*＊":
        return False
    if category in ("programme", "talent_programme", "fund", "policy_package"):
        return not _common(core)
    return not _generic(core)


def _proper(core: str) -> bool:
    """True if an unquoted platform, zone or event name starts like a proper name: with a place
    (杨浦, 上海市, 济南), a national or regional prefix (国家, 长三角) within its first words, or a
    Latin brand."""
    head = core[:6]
    if rules.PROPER_PREFIX_RE.search(head):
        return True
    return any(core.startswith(place) or core[2:].startswith(place) for place in _places(core[:4]))


def _places(prefix: str) -> list[str]:
    places = _place_index()
    return [prefix[:n] for n in (4, 3, 2) if prefix[:n] in places] + \
        [prefix[2:2 + n] for n in (4, 3, 2) if prefix[2:2 + n] in places]


@functools.lru_cache(maxsize=1)
def _place_index() -> frozenset[str]:
    """Names and (unambiguous) short forms of the administrative divisions, and 省/市/区 alone."""
    try:
        lexicon = load_lexicon("regions")
    except Exception:       # the regions lexicon is optional for this module
        return frozenset()
    names = set()
    for row in lexicon.rows:
        names.add(row["name"])
        if row.get("short") and row.get("short_common") != "yes" and len(row["short"]) >= 2:
            names.add(row["short"])
    return frozenset(n for n in names if len(n) >= 2)


@functools.lru_cache(maxsize=4096)
def _common(words: str) -> bool:
    """True if ``words`` are only common words (工作, 重大, 专项 …), or nothing."""
    stripped = re.sub(r"[“”（）()\s]", "", words)
    return not stripped or rules.COMMON_RE.fullmatch(stripped) is not None


@functools.lru_cache(maxsize=4096)
def _generic(words: str) -> bool:
    """True if ``words`` are only generic words (创新, 服务, 重大, 工作 …), or nothing."""
    stripped = re.sub(r"[“”（）()\s]", "", words)
    return not stripped or rules.GENERIC_RE.fullmatch(stripped) is not None


def _han_count(s: str) -> int:
    return sum(1 for ch in s if "\u3400" <= ch <= "\u9fff")


def _category(name: str, head: str | None) -> str:
    entry = _lexicon_entry(name)
    if entry is not None:
        return entry[1]
    category = rules.HEADS.get(head or "", "other")
    if category == "programme" and rules.TALENT_RE.search(name):
        return "talent_programme"
    return category


# ------------------------------------------------------------------ lexicon


@functools.lru_cache(maxsize=1)
def _lexicon_index() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    lexicon = load_lexicon("programmes")
    index: dict[str, tuple[str, str]] = {}
    for row in lexicon.rows:
        category = row["category"] if row["category"] in PROGRAMME_CATEGORIES else "other"
        for surface in (row["name"], *filter(None, row.get("aliases", "").split("|"))):
            index.setdefault(_key(surface), (row["name"], category))
    bare = [row for row in lexicon.rows if row.get("bare", "yes") != "no"]
    surfaces = [row["name"] for row in bare]
    surfaces += [a for row in bare for a in row.get("aliases", "").split("|") if len(a) >= 3]
    pattern = re.compile(rules.alternation(surfaces))
    return pattern, index


def _lexicon_entry(name: str) -> tuple[str, str] | None:
    return _lexicon_index()[1].get(_key(name))


def _key(name: str) -> str:
    """Name normalised for comparison: NFKC, no spaces, no quotes or title marks, and one list
    separator (“人民城市人民建，人民城市为人民” = “人民城市人民建、人民城市为人民”)."""
    s = unicodedata.normalize("NFKC", name)
    return re.sub(r"[\s“”\"'‘’《》〈〉「」『』]", "", s).replace(",", "、")


# ------------------------------------------------------------------ overlaps, merging, records


def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the most trusted of overlapping candidates; a title or quote wins over what it holds."""
    kept: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: c.rank):
        inside_title = any(s <= c.start and c.end <= e for s, e in taken)
        if c.rule == "inner_title" and inside_title:
            kept.append(c)
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: (c.start, c.end))


def _merge(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """One candidate per name: abbreviations, short titles and spelling variants fold into one.

    A document named once without 《》 and later with them takes the marked title as its name.
    """
    alias_of: dict[str, int] = {}
    out: list[_Candidate] = []
    by_key: dict[str, int] = {}
    for c in candidates:
        key = _key(c.name)
        target = by_key.get(key, alias_of.get(key))
        entry = _lexicon_entry(c.name)
        canonical = "=" + entry[0] if entry is not None else None    # 973计划 = 国家重点基础研究发展计划
        if target is None and canonical is not None:
            target = by_key.get(canonical)
        if target is None and c.category == "policy_document":
            target = by_key.get(_loose_key(c.name))
        if target is None and c.rule == "title":
            target = _short_title_of(key, out)
        if target is None and c.category == "policy_document":
            target = _fuller_title_of(key, out)
        if target is not None:
            kept = out[target]
            if key != _key(kept.name) and c.name not in kept.aliases:
                if (c.rule == "title" and kept.rule == "document") or _is_short_title(kept.name):
                    kept = replace(kept, name=c.name, rule="title", aliases=(*kept.aliases, kept.name))
                else:
                    kept = replace(kept, aliases=(*kept.aliases, c.name))
                out[target] = kept
            by_key.setdefault(key, target)
            continue
        by_key[key] = len(out)
        if canonical is not None:
            by_key[canonical] = len(out)
        if c.category == "policy_document":
            by_key.setdefault(_loose_key(c.name), len(out))
        out.append(c)
        declared = _abbreviation_after(text, c.end)
        if declared is not None and _key(declared) != key:
            alias_of[_key(declared)] = len(out) - 1
            if declared not in c.aliases:
                out[-1] = replace(c, aliases=(*c.aliases, declared))
    return out


def _loose_key(name: str) -> str:
    """A document title without 的 and the 市/区/省 of its place: 上海市杨浦区…方案 = 上海杨浦…方案."""
    key = _key(name)
    return re.sub(r"[的市区省县]", "", key) if len(key) >= 10 else key


def _abbreviation_after(text: str, end: int) -> str | None:
    """The alias declared right after a name: 《…》(以下简称《条例》) -> 条例."""
    after = text[end:end + 16]
    m = rules.ABBREVIATION_RE.match(after.lstrip("》”\"")) if after else None
    if m is None:
        return None
    return m.group("alias")


def _is_short_title(name: str) -> bool:
    """《实施方案》, 《指导意见》, 《条例》: a title that is only a genre names a document given elsewhere."""
    return len(_key(name)) <= 6 and _own_head(_key(name)) in rules.DOCUMENT_HEADS


def _fuller_title_of(key: str, out: list[_Candidate]) -> int | None:
    """《指导意见》 seen first, then 《关于…的指导意见》: the earlier short title was this document."""
    for i, c in enumerate(out):
        short = _key(c.name)
        if _is_short_title(c.name) and key.endswith(short) and key != short:
            return i
    return None


def _short_title_of(key: str, out: list[_Candidate]) -> int | None:
    """《实施方案》 after 《上海市杨浦区…工作实施方案》 names the same document."""
    if len(key) > 8:
        return None
    for i in range(len(out) - 1, -1, -1):
        other = _key(out[i].name)
        if out[i].category == "policy_document" and other.endswith(key) and other != key:
            return i
    return None


def _record(c: _Candidate, text: str, sections: Sequence[Section]) -> Programme:
    from policytext.sections import section_at

    masked = bool(rules.MASK_RE.search(c.name))
    return Programme(
        name=c.name,
        category=c.category,
        first_quote=_first_quote(text, c.start, c.end),
        aliases=c.aliases,
        masked=masked,
        rule=c.rule,
        start=c.start,
        end=c.end,
        section=section_at(sections, c.start) if sections else "",
    )


def _first_quote(text: str, start: int, end: int) -> str:
    """10-30 verbatim characters around a mention, kept on its line and, if it can, its clause."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if end - start >= 30:
        return text[start:start + 30]
    lo, hi = start, end
    for crossing in (False, True):
        while hi - lo < (30 if not crossing else 10):
            grew = False
            if lo > line_start and (crossing or text[lo - 1] not in _CLAUSE_END):
                lo -= 1
                grew = True
            if hi - lo < 30 and hi < line_end and (crossing or text[hi] not in _CLAUSE_END):
                hi += 1
                grew = True
            if not grew:
                break
    return text[lo:hi]
