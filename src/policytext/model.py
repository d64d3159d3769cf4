"""The records policytext passes from stage to stage.

Data flows one way: bytes -> :class:`Document` -> :class:`CleanedDocument` (cleaned text, removed
lines, repairs, masked tokens, parts) -> :class:`DocumentRecord` per part (the document's own facts,
its sections, its :class:`Quantity` and :class:`Programme` records) -> :class:`Result` for one file.

Every record is a frozen, slotted dataclass. ``to_dict`` gives the JSON of ``../CONTRACT.md``:
the contract's field names first, then the audit fields (rule, span, section) this library adds.
Spans (``start``, ``end``) always index the cleaned text of the part the record belongs to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Vocabularies of CONTRACT.md, kept here so that every module and test names them the same way.
REMOVED_KINDS = (
    "breadcrumb", "page_meta", "site_nav", "disclaimer", "related_links",
    "comment_widget", "url", "duplicated_title", "other",
)
MASKED_KINDS = ("masked_year", "masked_number", "masked_name", "scrubbed_year")
QUALIFIERS = (">=", ">", "<=", "<", "~", "=")
CHANGES = ("level", "growth", "increase")
QUANTITY_KINDS = ("target", "actual")
PROGRAMME_CATEGORIES = (
    "talent_programme", "programme", "policy_document", "policy_package", "slogan",
    "platform", "zone", "fund", "event", "other",
)
PERIODS = ("十五", "十一五", "十二五", "十三五", "十四五", "十五五")


def _as_dict(record: Any) -> dict[str, Any]:
    """Shallow dict of a dataclass, tuples of records turned into lists of dicts."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
            value = [v.to_dict() for v in value]
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


@dataclass(frozen=True, slots=True)
class Document:
    """A file as read: decoded text, the encoding used, and any metadata the page itself carried.

    ``meta`` holds the page's own metadata table (索引号, 发文机关, 成文日期, 发文字号, 发布日期,
    主题分类) for saved HTML pages; it is empty for plain text.
    """

    source: str
    text: str
    encoding: str
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Removed:
    """One line that cleaning removed: the line, its CONTRACT kind, the rule that removed it and
    its 1-based line number in the source text."""

    line: str
    kind: str
    rule: str = ""
    lineno: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class Repair:
    """One in-place repair of the text (a joined broken line, a doubled quote, a split number)."""

    rule: str
    before: str
    after: str
    lineno: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class Masked:
    """A masked (``201*``, ``***``) or site-scrubbed token, with its span in the cleaned part text
    and, for scrubbed years, the evidence."""

    text: str
    kind: str
    context: str
    start: int = -1
    end: int = -1
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class Part:
    """One logical document inside a cleaned file.

    ``text`` is the cleaned text of this part; ``removed`` the lines cleaning removed inside it
    (page-metadata lines among them, which the metadata reader reads); ``header`` the line that
    introduced the part (``第二篇：…``), if any.
    """

    part: int
    text: str
    removed: tuple[Removed, ...] = ()
    masked: tuple[Masked, ...] = ()
    year_scrubbed: bool = False
    scrub_evidence: tuple[str, ...] = ()
    header: str | None = None
    first_lineno: int = 0


@dataclass(frozen=True, slots=True)
class CleanedDocument:
    """The result of cleaning one :class:`Document`: the whole cleaned text, every change, and
    the parts it splits into."""

    source: str
    encoding: str
    text: str
    parts: tuple[Part, ...]
    removed: tuple[Removed, ...] = ()
    repairs: tuple[Repair, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the document and the span of text it governs.

    ``path`` is the chain of headings from the top, e.g. ``("四、发展目标", "（一）总体目标")``.
    """

    heading: str
    level: int
    start: int
    end: int
    path: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The path joined as researchers read it: ``四、发展目标 > （一）总体目标``."""
        return " > ".join(self.path or (self.heading,))

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self) | {"label": self.label}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A numeric statement: what was seen (quote, span), what it means, and which rule found it."""

    quote: str
    indicator: str
    value: float | None
    value_max: float | None
    unit: str
    qualifier: str = "="
    change: str = "level"
    kind: str = "target"
    year: int | str | None = None
    masked: bool = False
    rule: str = ""
    start: int = -1
    end: int = -1
    section: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class Programme:
    """A named programme, policy document, package, fund, platform, zone or slogan."""

    name: str
    category: str
    first_quote: str
    aliases: tuple[str, ...] = ()
    masked: bool = False
    rule: str = ""
    start: int = -1
    end: int = -1
    section: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One logical document with its own facts and everything extracted from it.

    Beyond the CONTRACT fields: ``notice_title`` is the title of the notice that issued this
    document, when one wraps it; ``doc_class`` is ``doc_type`` folded into the CONTRACT vocabulary
    (``doc_type`` keeps the finer genre, 实施方案, 指导意见 …); ``region_path`` names the region's
    parents (``上海市 > 杨浦区``); ``evidence`` says how each fact was decided.
    """

    part: int
    title: str | None
    issuer: str | None
    doc_number: str | None
    date: str | None
    published: str | None
    region: str | None
    doc_type: str | None
    period: str | None
    year_scrubbed: bool
    text: str
    removed: tuple[Removed, ...] = ()
    masked: tuple[Masked, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    programmes: tuple[Programme, ...] = ()
    sections: tuple[Section, ...] = ()
    evidence: Mapping[str, str] = field(default_factory=dict)
    notice_title: str | None = None
    doc_class: str | None = None
    region_path: str | None = None

    @property
    def year(self) -> int | None:
        """The year of the document's own date, if it has one."""
        return int(self.date[:4]) if self.date else None

    def to_dict(self) -> dict[str, Any]:
        out = _as_dict(self)
        out["evidence"] = dict(self.evidence)
        return out


@dataclass(frozen=True, slots=True)
class Result:
    """Everything policytext read from one source file: the JSON of CONTRACT.md.

    ``removed`` holds only the lines that lie outside every part (a breadcrumb above the first
    document, say); lines inside a part are in that part's ``removed``. No line is in both, so
    summing over the file never counts one twice.
    """

    source: str
    encoding: str
    documents: tuple[DocumentRecord, ...]
    removed: tuple[Removed, ...] = ()
    repairs: tuple[Repair, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "encoding": self.encoding,
            "removed": [r.to_dict() for r in self.removed],
            "documents": [d.to_dict() for d in self.documents],
            "repairs": [r.to_dict() for r in self.repairs],
        }
