"""Cleaning: strip web furniture line by line, repair, flag masked tokens, split into parts.

:func:`clean` turns a :class:`~policytext.model.Document` into a
:class:`~policytext.model.CleanedDocument`, in five steps, each recorded:

1. **Repairs** on each line (:mod:`policytext.fixes`): zero-width and no-break spaces, doubled
   quotes, digits split by spaces, garbled ellipses. Each changed line is a
   :class:`~policytext.model.Repair`.
2. **Furniture**: every line the line rules of :mod:`policytext.rules.boilerplate` match, then the
   rules that need neighbours (navigation runs at the document's edges, a column name beside the
   page metadata, related-link blocks, repeated titles), is removed and kept as a
   :class:`~policytext.model.Removed` with its CONTRACT kind, the rule's name and its line number.
3. **Parts**: a file holding several documents (``第二篇：…``, ``扩展阅读：…``) is split; every removed
   line goes with the part it lies in.
4. **Joins**: lines cut inside a word (``…试点城`` / ``区建设的实施意见``) and titles broken over
   several lines are joined within a part. Kept lines are stripped; blank source lines between
   them become one blank line (a paragraph break, which no join crosses), and
   ``CleanedDocument.text`` puts a blank line between parts.
5. **Masks** (:mod:`policytext.masks`): ``201*``, ``***``, ``****万元``, ``**名`` anywhere in the
   file, removed lines included, become :class:`~policytext.model.Masked` records; they stay as
   written in the text. A part whose years were masked or visibly rewritten (``2024－2024年``)
   gets ``year_scrubbed`` and the evidence.

Cleaning never raises on text and is idempotent: ``clean(clean(x).text)`` keeps the text as it is.

>>> from policytext.model import Document
>>> page = Document("page.txt", "您的位置: 首页 > 政策\\n关于印发规划的通知\\n发布时间: 2023-06-20\\n"
...                 "到201*年，企业达到***家。\\n验证码\\n", "utf-8")
>>> cleaned = clean(page)
>>> print(cleaned.text)
关于印发规划的通知
到201*年，企业达到***家。
>>> [(r.kind, r.rule) for r in cleaned.removed]
[('breadcrumb', 'breadcrumb_label'), ('page_meta', 'page_meta_fields'), ('comment_widget', 'comment_widget')]
>>> [(m.text, m.kind) for m in cleaned.parts[0].masked]
[('201*', 'masked_year'), ('***家', 'masked_number')]
>>> cleaned.parts[0].year_scrubbed
True
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policytext.errors import ConfigError
from policytext.fixes import (
    FIXERS,
    GENRE_END_RE,
    HEADING_START_RE,
    LINE_FIXERS,
    ORG_END_RE,
    title_run,
)
from policytext.joins import Joiner
from policytext.masks import (  # noqa: F401 - the patterns are re-exported from here, where they were
    MASK_RE,
    ORDINAL_PERIOD,
    PERIOD_STARTS,
    PLANNING_RE,
    SAME_RANGE_RE,
    YEAR_TOKEN_RE,
    file_years,
    find_masks,
    scrub,
)
from policytext.model import REMOVED_KINDS, CleanedDocument, Document, Part, Removed, Repair
from policytext.rules.boilerplate import (
    BARE_LABEL_RE,
    BARE_WEAK_LABEL_RE,
    FURTHER_READING_RE,
    NAV_WORD_RE,
    PART_HEADER_RE,
    RULE_NAMES,
    WEAK_FIELD_RE,
    classify_line,
)
from policytext.rules.context import (
    ANY_PUNCT_RE,
    CODE_VALUE_RE,
    LATIN_NAME_RE,
    OPENS_TITLE_RE,
    SENTENCE_RE,
    SITE_CONTACT_RE,
    SITE_TITLE_RE,
    SPONSOR_RE,
    WEAK_DISCLAIMER_RE,
    WEAK_TAB_FIELD_RE,
    is_link_like,
    is_nav_like,
    norm_title,
    same_title,
)

Status = tuple[str, str]  # (kind, rule) of a removed line


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """How :func:`clean` works; change it with :func:`dataclasses.replace`.

    ``rules`` and ``fixers`` name what runs (every rule of
    :data:`policytext.rules.boilerplate.RULE_NAMES` and every fixer of
    :data:`policytext.fixes.FIXERS` by default); ``split_parts`` splits files holding several
    documents; ``detect_masks`` records masked and scrubbed tokens; ``min_nav_run`` is how many
    short lines in a row at a document's edge make a navigation menu; ``edge_lines`` how many lines
    at each end of a file count as its edge for the weaker rules.

    >>> import dataclasses
    >>> config = dataclasses.replace(CleanConfig(), fixers=("remove_zero_width",))
    >>> clean(Document("x.txt", "““十三五””规划", "utf-8"), config).text
    '““十三五””规划'
    >>> CleanConfig(rules=("no_such_rule",))
    Traceback (most recent call last):
    ...
    policytext.errors.ConfigError: unknown rule(s) ['no_such_rule']; known: ...
    """

    rules: tuple[str, ...] = RULE_NAMES
    fixers: tuple[str, ...] = tuple(FIXERS)
    split_parts: bool = True
    detect_masks: bool = True
    min_nav_run: int = 5
    edge_lines: int = 12

    def __post_init__(self) -> None:
        for label, given, known in (("rule", self.rules, RULE_NAMES), ("fixer", self.fixers, tuple(FIXERS))):
            if isinstance(given, str):
                raise ConfigError(f"{label}s must be a sequence of names, not the string {given!r}")
            unknown = sorted(set(given) - set(known))
            if unknown:
                raise ConfigError(f"unknown {label}(s) {unknown}; known: {', '.join(known)}")
        if self.min_nav_run < 2 or self.edge_lines < 1:
            raise ConfigError("min_nav_run must be >= 2 and edge_lines >= 1")


DEFAULT_CONFIG = CleanConfig()


# ====================================================================================== public


def clean(doc: Document | str, config: CleanConfig | None = None) -> CleanedDocument:
    """Clean one document; every removed line, repair and masked token is recorded.

    ``doc`` may be a plain string, read as a UTF-8 document named ``<text>``.

    >>> clean("没有任何网页杂质的正文。").text
    '没有任何网页杂质的正文。'
    """
    if config is not None and not isinstance(config, CleanConfig):
        raise ConfigError(f"config must be a CleanConfig, got {type(config).__name__}; "
                          "change one with dataclasses.replace(CleanConfig(), ...)")
    return _Cleaner(_as_document(doc), config or DEFAULT_CONFIG).run()


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What cleaning did with one non-empty source line."""

    lineno: int
    line: str
    action: str  # "kept", "removed" or "repaired"
    kind: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class ExplainedClean:
    """A cleaned document and, for every non-empty source line, what happened to it and why."""

    cleaned: CleanedDocument
    decisions: tuple[LineDecision, ...] = field(default_factory=tuple)

    @property
    def removed(self) -> tuple[LineDecision, ...]:
        return tuple(d for d in self.decisions if d.action == "removed")

    def report(self, kept: bool = False) -> str:
        """One row per removed (and, with ``kept=True``, every other) line: number, kind, rule, text."""
        rows = [f"{d.lineno:>5}  {d.action:<8} {d.kind:<16} {d.rule:<22} {d.line}"
                for d in self.decisions if kept or d.action != "kept"]
        return "\n".join(rows)

    def __str__(self) -> str:
        return self.report()


def clean_and_explain(doc: Document | str, config: CleanConfig | None = None) -> ExplainedClean:
    """:func:`clean`, plus the decision taken on every line, to audit what cleaning did.

    >>> explained = clean_and_explain("您的位置: 首页 > 政策\\n正文第一句。\\n验证码")
    >>> print(explained.report())
        1  removed  breadcrumb       breadcrumb_label       您的位置: 首页 > 政策
        3  removed  comment_widget   comment_widget         验证码
    """
    cleaned = clean(doc, config)
    removed = {r.lineno: r for r in cleaned.removed}
    repaired = {r.lineno: r for r in cleaned.repairs}
    text = _as_document(doc).text
    decisions = []
    for lineno, line in enumerate(_split_lines(text), start=1):
        if not line.strip():
            continue
        if lineno in removed:
            r = removed[lineno]
            decisions.append(LineDecision(lineno, line.strip(), "removed", r.kind, r.rule))
        elif lineno in repaired:
            decisions.append(LineDecision(lineno, line.strip(), "repaired", "", repaired[lineno].rule))
        else:
            decisions.append(LineDecision(lineno, line.strip(), "kept"))
    return ExplainedClean(cleaned, tuple(decisions))


# ====================================================================================== helpers


def _as_document(doc: Document | str) -> Document:
    if isinstance(doc, Document):
        return doc
    if isinstance(doc, str):
        return Document(source="<text>", text=doc, encoding="utf-8")
    raise ConfigError(f"clean expects a Document or a str, got {type(doc).__name__}; "
                      "read files with policytext.read_document(path)")


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# ====================================================================================== the cleaner


class _Cleaner(Joiner):
    """One run of :func:`clean` over one document; holds the per-line state."""

    def __init__(self, doc: Document, config: CleanConfig) -> None:
        self.doc = doc
        self.config = config
        self.rules = frozenset(config.rules)
        self.fixers = frozenset(config.fixers)
        self.raw = _split_lines(doc.text)
        self.lines: list[str] = []
        self.repairs: list[Repair] = []
        self.status: list[Status | None] = []
        self.starts: list[int] = []        # raw index where each part starts
        self.headers: dict[int, str] = {}  # part start -> its header line

    # ---------------------------------------------------------------- steps

    def run(self) -> CleanedDocument:
        self._fix_lines()
        self.status = [None] * len(self.lines)
        if "front_matter_block" in self.rules:
            self._front_matter()
        for i, line in enumerate(self.lines):
            if line and self.status[i] is None:
                self.status[i] = classify_line(line, self.rules)
        self._find_parts()
        for _ in range(6):  # rules with neighbours may take a part's body away: settle both
            settled = (list(self.starts), list(self.status))
            self._context_rules()
            self._find_parts()
            if (self.starts, self.status) == settled:
                break
        parts = self._build_parts()
        removed = tuple(Removed(self.lines[i], s[0], s[1], i + 1)
                        for i, s in enumerate(self.status) if s is not None)
        text = "\n\n".join(p.text for p in parts if p.text)  # a blank line between documents
        return CleanedDocument(source=self.doc.source, encoding=self.doc.encoding, text=text,
                               parts=tuple(parts), removed=removed, repairs=tuple(self.repairs),
                               meta=self.doc.meta)

    def _fix_lines(self) -> None:
        fixers = [(name, LINE_FIXERS[name]) for name in LINE_FIXERS if name in self.config.fixers]
        for lineno, raw in enumerate(self.raw, start=1):
            line = raw
            for name, fixer in fixers:
                fixed = fixer(line)
                if fixed != line:
                    if fixed.strip() != line.strip() and fixed.strip():
                        self.repairs.append(Repair(name, line.strip(), fixed.strip(), lineno))
                    line = fixed
            self.lines.append(line.strip())

    def _kept(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line and self.status[i] is None]

    def _neighbours(self, i: int) -> tuple[int | None, int | None]:
        """Indexes of the nearest non-empty lines before and after line ``i``."""
        before = next((j for j in range(i - 1, -1, -1) if self.lines[j]), None)
        after = next((j for j in range(i + 1, len(self.lines)) if self.lines[j]), None)
        return before, after

    def _removed_as(self, j: int | None, kinds: Sequence[str]) -> bool:
        s = self.status[j] if j is not None else None
        return s is not None and s[0] in kinds

    def _front_matter(self) -> None:
        """A ``---`` … ``---`` block of ``label: value`` lines opening the file."""
        nonempty = [i for i, line in enumerate(self.lines) if line]
        if not nonempty or not re.fullmatch(r"-{3,}|\+{3,}", self.lines[nonempty[0]]):
            return
        for k, j in enumerate(nonempty[1:40], start=1):
            if len(self.lines[j]) >= 3 and set(self.lines[j]) == {self.lines[nonempty[0]][0]}:  # the fence
                inner = nonempty[1:k]
                fields = sum(bool(re.match(r"^[^:：]{1,12}[:：]", self.lines[x])) for x in inner)
                if inner and fields >= max(1, len(inner) // 2):
                    for x in nonempty[: k + 1]:
                        self.status[x] = ("page_meta", "front_matter_block")
                return

    def _find_parts(self) -> None:
        """Part boundaries: 第N篇 headers (kept, they open their part) and 扩展阅读 headers followed
        by a whole document (removed as related_links, recorded in the part they open)."""
        self.starts = [0]
        self.headers = {}
        if not self.config.split_parts:
            return
        candidates = []
        for i, line in enumerate(self.lines):
            if not line:
                continue
            if "further_reading" in self.rules and FURTHER_READING_RE.fullmatch(line):
                candidates.append((i, "further"))
            elif PART_HEADER_RE.fullmatch(line) and (self.status[i] is None):
                candidates.append((i, "header"))
        n = len(self.lines)
        for k, (i, what) in enumerate(candidates):
            # a 第N篇 part runs to the next 第N篇 header (an 扩展阅读 line in between may vanish)
            end = next((j for j, w in candidates[k + 1:] if what == "further" or w == "header"), n)
            body = [j for j in range(i + 1, end)
                    if self.lines[j] and self.status[j] is None and SENTENCE_RE.search(self.lines[j])]
            if len(body) < (2 if what == "further" else 1):
                continue  # a related-links header, not an appended document
            if what == "further":
                self.status[i] = ("related_links", "further_reading")
            self.starts.append(i)
            self.headers[i] = self.lines[i]
        first_kept = next((i for i in self._kept()), None)
        if len(self.starts) > 1 and (first_kept is None or first_kept >= self.starts[1]):
            self.starts.pop(0)  # nothing of a document before the first header

    # ---------------------------------------------------------------- rules with neighbours

    def _context_rules(self) -> None:
        for _ in range(12):
            before = list(self.status)
            for rule in (self._meta_key_value, self._meta_block, self._section_label, self._related_block,
                         self._nav_runs,
                         self._head_chrome, self._duplicated_titles, self._site_titles, self._footer_title,
                         self._edge_disclaimer):
                rule()
            if self.status == before:
                break

    def _set(self, i: int, kind: str, rule: str) -> None:
        if rule in self.rules and self.status[i] is None:
            self.status[i] = (kind, rule)

    def _meta_block(self) -> None:
        for i in self._kept():
            line = self.lines[i]
            if (len(line) <= 80 and WEAK_FIELD_RE.fullmatch(line) and not HEADING_START_RE.match(line)) \
                    or (len(line) <= 130 and WEAK_TAB_FIELD_RE.fullmatch(line)):
                before, after = self._neighbours(i)
                if self._removed_as(before, ("page_meta",)) or self._removed_as(after, ("page_meta",)):
                    self._set(i, "page_meta", "meta_block")
            elif len(line) <= 60 and not SENTENCE_RE.search(line):
                # the value of a label that a flattened table left alone on the line before; the
                # next line is the next field, or the value is a code or a date (never a title)
                before, after = self._neighbours(i)
                label_only = before is not None and re.search(r"[:：]\s*$", self.lines[before])
                if label_only and self._removed_as(before, ("page_meta",)) and (
                        self._removed_as(after, ("page_meta",)) or CODE_VALUE_RE.fullmatch(line)):
                    self._set(i, "page_meta", "meta_block")

    def _meta_key_value(self) -> None:
        """A table flattened with each label alone on its line and its value on the next
        (索引号 / 000014349/2020-00045 / 发文机关 / 某市人民政府): two or more page-metadata labels so,
        each with a short value that is no sentence; weak labels (标题, 名称) count inside the table."""
        if "meta_key_value" not in self.rules:
            return
        kept = self._kept()
        pairs = []
        for k, i in enumerate(kept[:-1]):
            label, value = self.lines[i], self.lines[kept[k + 1]]
            strong = BARE_LABEL_RE.fullmatch(label) is not None
            if (strong or BARE_WEAK_LABEL_RE.fullmatch(label)) and len(value) <= 120 \
                    and not SENTENCE_RE.search(value) and not BARE_LABEL_RE.fullmatch(value):
                pairs.append((i, kept[k + 1], strong))
        if sum(strong for _, _, strong in pairs) < 2:
            return
        for i, j, strong in pairs:
            table = strong or any(abs(i - x) <= 3 and s for x, _, s in pairs if x != i)  # a weak label
            if table:
                self._set(i, "page_meta", "meta_key_value")
                self._set(j, "page_meta", "meta_key_value")

    def _section_label(self) -> None:
        kept = self._kept()
        for i in kept[1: self.config.edge_lines]:
            line = self.lines[i]
            if re.fullmatch(r"[\u4e00-\u9fff]{1,6}", line) and not GENRE_END_RE.search(line) \
                    and not ORG_END_RE.search(line):
                before, after = self._neighbours(i)
                if self._removed_as(after, ("page_meta",)) \
                        or self._removed_as(before, ("page_meta", "breadcrumb")):
                    self._set(i, "breadcrumb", "section_label")

    def _related_block(self) -> None:
        starts = set(self.starts)
        for i, s in enumerate(self.status):
            if s is None or s[1] not in ("related_header", "further_reading") or i in starts:
                continue
            block: list[int] = []
            for j in range(i + 1, len(self.lines) + 1):
                if j == len(self.lines) or (self.lines[j] and self.status[j] is not None) or j in starts:
                    if j == len(self.lines) or self.status[j] is not None:
                        for x in block:
                            self._set(x, "related_links", "related_block")
                    break
                if not self.lines[j]:
                    continue
                if not is_link_like(self.lines[j]):
                    break
                block.append(j)

    def _nav_runs(self) -> None:
        if "nav_run" not in self.rules:
            return
        kept = self._kept()
        for order, head in ((kept[::-1], False), (kept, True)):
            run: list[int] = []
            seen: set[str] = set()
            for i in order:
                line = self.lines[i]
                if not is_nav_like(line, head) or line in seen:
                    break
                run.append(i)
                seen.add(line)
            if len(run) >= self.config.min_nav_run:
                for i in run:
                    self._set(i, "site_nav", "nav_run")

    def _head(self) -> list[int]:
        """Kept lines above the first part's title: before its first sentence, and before the
        first line that ends like a title (…的通知) or opens the body (an addressee, a number)."""
        end = self.starts[1] if len(self.starts) > 1 else len(self.lines)
        head: list[int] = []
        for i in self._kept():
            line = self.lines[i]
            if i >= end or SENTENCE_RE.search(line) or GENRE_END_RE.search(line) \
                    or line.endswith(("：", ":")):
                break
            head.append(i)
        return head

    def _head_chrome(self) -> None:
        """The chrome a page keeps above the document's title, shorter than a :meth:`_nav_runs` run:

        * ``head_nav_run``: two or more menu items in a row (首页 / 政务公开 / 政务服务), at least
          half of them a portal's common menu words, or one such word alone on its line (网站首页);
        * ``latin_site_name``: a line of English words (the site's name in English);
        * ``site_name``: a short office name (合肥市人民政府) beside removed chrome, not followed
          by a title that goes on from it (关于…).
        """
        head = self._head()
        if not head or head[-1] == self._kept()[-1]:
            return  # no title below: a file of short lines, not a page header
        kept = self._kept()
        if "head_nav_run" in self.rules:
            nav = [is_nav_like(self.lines[i], head=True) for i in head]
            for k, i in enumerate(kept):  # the pieces of a title broken over lines are no menu
                if i > head[-1]:
                    break
                ahead = [i]
                for j in kept[k + 1:k + 4]:
                    if self._blank_between([ahead[-1]], [j]):
                        break  # no title runs across a blank line (as in the joins)
                    ahead.append(j)
                pieces = title_run([self.lines[j] for j in ahead])
                for j in ahead[:pieces]:
                    if j in head:
                        nav[head.index(j)] = False
            for is_nav, group in itertools.groupby(zip(nav, head, strict=True), key=lambda pair: pair[0]):
                run = [i for _, i in group]
                menu = sum(bool(NAV_WORD_RE.search(self.lines[i])) for i in run)
                alone = len(run) == 1 and NAV_WORD_RE.fullmatch(self.lines[run[0]]) is not None
                after = next((j for j in kept if j > run[-1]), None)
                # a short genre line next (政务公开 / 工作要点) makes the run's last line a title's start
                fragment = after is not None and len(self.lines[after]) <= 8 \
                    and GENRE_END_RE.search(self.lines[after]) is not None
                if is_nav and not fragment and (alone or (len(run) >= 2 and 2 * menu >= len(run))):
                    for i in run:
                        self._set(i, "site_nav", "head_nav_run")
        for i in head:
            if LATIN_NAME_RE.fullmatch(self.lines[i]) and len(self.lines[i]) <= 80:
                self._set(i, "site_nav", "latin_site_name")
        for i in self._head():
            line = self.lines[i]
            if not (len(line) <= 20 and ORG_END_RE.search(line) and not ANY_PUNCT_RE.search(line)):
                continue
            before, after = self._neighbours(i)
            chrome = ("site_nav", "breadcrumb")
            following = next((j for j in kept if j > i), None)
            goes_on = following is not None and bool(OPENS_TITLE_RE.match(self.lines[following]))
            if (self._removed_as(before, chrome) or self._removed_as(after, chrome)) and not goes_on:
                self._set(i, "site_nav", "site_name")

    def _title_zone(self, kept: list[int]) -> set[int]:
        """Kept lines of each part before its first sentence: where a title stands."""
        zone: set[int] = set()
        for start, end in itertools.pairwise([*self.starts, len(self.lines)]):
            for i in kept:
                if start <= i < end:
                    if SENTENCE_RE.search(self.lines[i]):
                        break
                    zone.add(i)
        return zone

    def _duplicated_titles(self) -> None:
        kept = self._kept()
        # a title is repeated among a part's first lines; deeper in, only a line that ends like a
        # title (…的通知) counts, not a repeated table cell
        zone = self._title_zone(kept)
        for a, b in itertools.pairwise(kept):
            first, second = self.lines[a], self.lines[b]
            if b in self.headers:
                continue  # a part's own header line opens the part; it is never a repeat
            if (b in zone or GENRE_END_RE.search(second)) and same_title(first, second):
                self._set(b, "duplicated_title", "duplicated_title")

    def _site_titles(self) -> None:
        """A page title that adds the site's name (``…的通知_上海市静安区人民政府``) above the
        document's own title, among the first lines: the copy with the site's name goes."""
        kept = self._kept()
        zone = sorted(self._title_zone(kept))  # both copies stand before the first sentence
        for k, i in enumerate(zone):
            found = SITE_TITLE_RE.fullmatch(self.lines[i])
            title = norm_title(found.group("title")) if found else None
            if title and any(norm_title(self.lines[j]) == title for j in zone[k + 1:]):
                self._set(i, "duplicated_title", "duplicated_title")

    def _footer_title(self) -> None:
        kept = self._kept()
        heads = self._title_zone(kept) | {next((i for i in kept if i >= start), -1) for start in self.starts}
        titles = {norm_title(self.lines[i]) for i in heads if i >= 0}
        for i in kept:
            inner = re.fullmatch(r"《(.+)》", self.lines[i])
            if i not in heads and inner and norm_title(inner.group(1)) in titles:
                self._set(i, "other", "footer_title")

    def _edge_disclaimer(self) -> None:
        kept = self._kept()
        edge = kept[: self.config.edge_lines] + kept[-self.config.edge_lines:]
        for i in edge:
            line = self.lines[i]
            if len(line) <= 200 and WEAK_DISCLAIMER_RE.search(line) and re.search(r"[，。；,;]", line):
                before, after = self._neighbours(i)
                if self._removed_as(before, REMOVED_KINDS) or self._removed_as(after, REMOVED_KINDS):
                    self._set(i, "disclaimer", "edge_disclaimer")
        for i in kept[-self.config.edge_lines:]:
            if SPONSOR_RE.fullmatch(self.lines[i]) or SITE_CONTACT_RE.fullmatch(self.lines[i]):
                before, after = self._neighbours(i)
                if self._removed_as(before, REMOVED_KINDS) or self._removed_as(after, REMOVED_KINDS):
                    self._set(i, "other", "edge_footer")

    # ---------------------------------------------------------------- parts, joins, masks

    def _build_parts(self) -> list[Part]:
        n = len(self.lines)
        bounds = [*self.starts, n]
        kept = self._kept()
        masks = find_masks(self.lines) if self.config.detect_masks else []
        years = file_years("\n".join(self.lines[i] for i in kept))
        parts = []
        for number, (start, end) in enumerate(itertools.pairwise(bounds), start=1):
            part_lines = [i for i in kept if start <= i < end]
            text, offsets = self._join(part_lines)
            removed = tuple(Removed(self.lines[i], s[0], s[1], i + 1)
                            for i in range(start, end) if (s := self.status[i]) is not None)
            part_masks = []
            for i, m in masks:
                if start <= i < end or (number == 1 and i < start):
                    if i in offsets:
                        m = dataclasses.replace(m, start=offsets[i] + m.start, end=offsets[i] + m.end)
                    else:
                        m = dataclasses.replace(m, start=-1, end=-1)
                    part_masks.append(m)
            scrubbed, evidence, scrub_masks = scrub(text, part_masks, years, self.config.detect_masks)
            parts.append(Part(
                part=number, text=text, removed=removed, masked=tuple(part_masks + scrub_masks),
                year_scrubbed=scrubbed, scrub_evidence=tuple(evidence), header=self.headers.get(start),
                first_lineno=part_lines[0] + 1 if part_lines else 0,
            ))
        return parts
