"""Reading policy documents from disk: decoding, saved HTML pages and light Markdown.

:func:`read_document` turns one file into a :class:`~policytext.model.Document`:

* **Decoding** tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE), strict UTF-8, strict
  GB18030 (a superset of GBK and GB2312), then charset-normalizer for the hard cases (Big5, a
  BOM-less UTF-16 file, …). The codec that worked is recorded on ``Document.encoding``. CRLF and
  lone CR become ``\\n``.
* **Refusals** raise :class:`~policytext.errors.ReadError`, which names the file and the reason:
  an empty file, a binary file (NUL bytes or control characters), a UTF-8 file cut in the middle of
  a character, a file that cannot be opened. A batch catches ``ReadError`` and goes on.
* **Saved HTML** (``.html``/``.htm``) becomes text with its block structure kept as lines; script
  and style are dropped; the page's tool buttons (print, close, 收藏) and related-links frames
  become lines of their own, which cleaning then removes and records. The page's own metadata
  table (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期, 主题词) is read into
  ``Document.meta`` under those labels and left out of the text.
* **Markdown** (``.md``) loses its markup only: heading and quote markers, emphasis and link
  syntax. A front-matter block stays in the text; cleaning removes and records it.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "gbk.txt").write_bytes("关于印发《规划》的通知\\r\\n".encode("gbk"))
>>> doc = read_document(folder / "gbk.txt")
>>> doc.encoding, doc.text
('gb18030', '关于印发《规划》的通知\\n')
>>> _ = (folder / "empty.txt").write_bytes(b"")
>>> read_document(folder / "empty.txt")
Traceback (most recent call last):
...
policytext.errors.ReadError: .../empty.txt: file is empty
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from policytext.errors import ReadError
from policytext.model import Document

#: File suffixes :func:`iter_documents` yields and :func:`read_document` understands.
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text: their presence means binary data.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


# ------------------------------------------------------------------------------------- decoding

def decode_bytes(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; line ends are not yet normalised.

    >>> decode_bytes("十四五规划".encode("utf-16"))
    ('十四五规划', 'utf-16-le')
    >>> decode_bytes("十四五规划".encode("gb18030"))
    ('十四五规划', 'gb18030')
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR", "logo.txt")
    Traceback (most recent call last):
    ...
    policytext.errors.ReadError: logo.txt: binary file (NUL bytes), not text
    """
    text, encoding = _decode(data, source)
    if not text.strip():
        raise ReadError(source, "file is empty")
    return text, encoding


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        raise ReadError(source, "file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ReadError(source, f"invalid {codec} after its byte-order mark: {exc.reason}") from exc
            return _checked(text, source), codec.replace("-sig", "")
    if b"\x00" in data:
        return _decode_nul_bytes(data, source)
    try:
        return _checked(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError as exc:
        evidently_utf8 = not data[: exc.start].isascii()  # multibyte UTF-8 before the cut
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3 and evidently_utf8:
            raise ReadError(source, "truncated file: it ends inside a UTF-8 multibyte character") from exc
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible_chinese(text):
            return _checked(text, source), "gb18030"
    return _detect(data, source, utf8_error)


def _decode_nul_bytes(data: bytes, source: str) -> tuple[str, str]:
    """NUL bytes without a byte-order mark: BOM-less UTF-16 if the NULs sit in one column."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > 3 * max(even, 1) else "utf-16-be" if even > 3 * max(odd, 1) else ""
    if codec and len(data) % 2 == 0:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if not _CONTROL_RE.search(text):
                return text, codec
    raise ReadError(source, "binary file (NUL bytes), not text")


def _detect(data: bytes, source: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError(source, f"cannot decode: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}), "
                                "not GB18030, and no other encoding fits")
    return _checked(str(best), source), best.encoding.replace("_", "-")


def _checked(text: str, source: str) -> str:
    if _CONTROL_RE.search(text[:100_000]):
        raise ReadError(source, "binary file (control characters), not text")
    return text


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes many byte strings; accept it only if most characters are common text."""
    sample = text[:20_000]
    if not sample:
        return True
    common = sum(1 for ch in sample
                 if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·《》、")
    return common / len(sample) >= 0.95


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF.

    >>> normalise_newlines("一\\r\\n二\\r三\\n")
    '一\\n二\\n三\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "tfoot", "thead", "title", "tr", "ul",
})
_CELL_TAGS = frozenset({"td", "th"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "select", "button", "canvas",
                        "svg", "object"})
# Page tools that are images or scripts: their javascript says what they do.
_TOOL_ACTIONS = (
    (re.compile(r"window\.print|print\(\)", re.IGNORECASE), "打印本页"),
    (re.compile(r"window\.close|close\(\)", re.IGNORECASE), "关闭窗口"),
    (re.compile(r"AddFavorite|addBookmark|sidebar\.addPanel", re.IGNORECASE), "收藏本页"),
)
_SPACE_RE = re.compile(r"[ \t\r\n\f]+")

#: Labels of the metadata table on gov.cn-style pages, as written once the spaces are taken out.
META_LABELS = ("索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词")
META_FIELD_RE = re.compile(
    r"""
    (?P<label>索\s*引\s*号|主\s*题\s*分\s*类|发\s*文\s*机\s*关|成\s*文\s*日\s*期|标\s*题
      |发\s*文\s*字\s*号|发\s*布\s*日\s*期|主\s*题\s*词)   # a label, spaced out or not
    \s*[:：]\s*                                           # its colon
    (?P<value>.*?)                                        # the value, up to the next label
    (?=\s*(?:索\s*引\s*号|主\s*题\s*分\s*类|发\s*文\s*机\s*关|成\s*文\s*日\s*期|标\s*题
      |发\s*文\s*字\s*号|发\s*布\s*日\s*期|主\s*题\s*词)\s*[:：]|\s*$)
    """,
    re.VERBOSE,
)


class _PageText(HTMLParser):
    """Collects the text of a page as lines: one line per block, cells of a row side by side."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._skip = 0
        self._pre = 0
        # open <a> elements: their javascript, the alt texts of their images, where their text starts
        self._anchor: list[tuple[str, list[str], int, int]] = []

    # -- helpers
    def _break(self) -> None:
        line = "".join(self._line).strip(" ")
        if line:
            self.lines.append(line)
        self._line = []

    def _emit(self, text: str) -> None:
        self._break()
        self.lines.append(text)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        if self._skip:
            return
        if tag == "br":
            self._break()
        elif tag == "iframe" and values.get("src"):
            self._emit(f"相关链接：{values['src']}")
        elif tag == "a":
            script = values.get("onclick", "") + " " + values.get("href", "")
            self._anchor.append((script, [], len(self.lines), len(self._line)))
        elif tag == "img" and self._anchor:
            alt = values.get("alt") or values.get("title") or ""
            self._anchor[-1][1].append(alt)
        elif tag in _BLOCK_TAGS:
            self._break()
            self._pre += tag == "pre"
        elif tag in _CELL_TAGS and self._line:
            self._line.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TAGS:
            self._skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag == "a" and self._anchor:
            script, alts, n_lines, n_pieces = self._anchor.pop()
            same_line = len(self.lines) == n_lines
            if not (same_line and "".join(self._line[n_pieces:]).strip()):  # an image or empty link
                for pattern, label in _TOOL_ACTIONS:
                    if pattern.search(script):
                        self._emit(next((a for a in alts if a.strip()), label))
                        break
        elif tag in _BLOCK_TAGS:
            self._break()
            self._pre -= tag == "pre" and self._pre > 0
        elif tag in _CELL_TAGS:
            self._line.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            for i, piece in enumerate(data.split("\n")):
                if i:
                    self._break()
                self._line.append(piece)
        else:
            self._line.append(_SPACE_RE.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._break()


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Text of a saved page, one block per line, and the page's metadata table.

    >>> page = ('<table><tr><td><b>索 引 号：</b></td><td>000014349/2019-00007</td></tr>'
    ...         '<tr><td><b>发文字号：</b></td><td>国发〔2019〕5号</td></tr></table>'
    ...         '<div id="content"><p>关于推行<br>监管的意见</p><script>var x;</script>'
    ...         '<p>各省人民政府：</p></div><a onclick="window.print()"><img src="p.gif"></a>')
    >>> text, meta = html_to_text(page)
    >>> print(text)
    关于推行
    监管的意见
    各省人民政府：
    打印本页
    >>> meta
    {'索引号': '000014349/2019-00007', '发文字号': '国发〔2019〕5号'}
    """
    parser = _PageText()
    parser.feed(html)
    parser.close()
    meta: dict[str, str] = {}
    kept: list[str] = []
    for line in parser.lines:
        fields = _meta_fields(line)
        if fields is None:
            kept.append(line)
        else:
            for label, value in fields:
                if value and label not in meta:
                    meta[label] = value
    return "\n".join(kept), meta


def _meta_fields(line: str) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a metadata-table row, or None if the line is anything else."""
    stripped = line.strip().replace("\u3000", " ").replace("\xa0", " ")
    fields = [(re.sub(r"\s+", "", m.group("label")), m.group("value").strip())
              for m in META_FIELD_RE.finditer(stripped)]
    if not fields:
        return None
    covered = "".join(re.sub(r"\s+", "", m.group(0)) for m in META_FIELD_RE.finditer(stripped))
    if covered != re.sub(r"\s+", "", stripped) or any(re.search(r"[:：]", v) for _, v in fields):
        return None  # more than the table's label: value pairs (a byline, body text naming a label)
    return fields


# ------------------------------------------------------------------------------------- Markdown

_MD_RULES = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),   # ATX heading marker
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),                       # block quote marker
    (re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)"), r"\1"),  # [text](url) -> text
    # **strong** -> strong, only where it opens a line or follows a space: "依托**区" is a mask
    (re.compile(r"(?:(?<=^)|(?<=\s))(\*\*|__)(?![*\s])([^*_\n]{1,40}?)(?<!\s)\1(?![*])", re.MULTILINE),
     r"\2"),
)


def markdown_to_text(text: str) -> str:
    """Markdown markup out, words and block structure kept.

    >>> print(markdown_to_text("# 普陀区水务规划\\n> 以[官方链接](https://example.org)为准\\n**重点**任务"))
    普陀区水务规划
    以官方链接为准
    重点任务
    """
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


# ------------------------------------------------------------------------------------- public

def read_document(path: str | Path) -> Document:
    """Read one ``.txt``, ``.md``, ``.html`` or ``.htm`` file into a :class:`Document`.

    Raises :class:`~policytext.errors.ReadError` (naming the file) when the file cannot be read
    or is not text; see the module docstring for the decoding order.
    """
    if not isinstance(path, (str, Path)):
        raise TypeError(f"read_document expects a path (str or pathlib.Path), got {type(path).__name__}")
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise ReadError(source, "is a directory, not a file; use iter_documents(folder)") from exc
    except OSError as exc:
        raise ReadError(source, f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode_bytes(data, source)
    text = normalise_newlines(text)
    meta: dict[str, str] = {}
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in SUFFIXES and text.lstrip().startswith("<")):
        text, meta = html_to_text(text)
        if not text.strip():
            raise ReadError(source, "the page holds no text")
    elif suffix == ".md":
        text = markdown_to_text(text)
    return Document(source=source, text=text, encoding=encoding, meta=meta)


def iter_documents(folder: str | Path, pattern: str = "**/*") -> Iterator[Path]:
    """Yield the paths of the readable files under ``folder``, sorted, for a batch to read.

    Paths, not :class:`Document` objects, are yielded so that the caller decides when to read
    and catches :class:`~policytext.errors.ReadError` per file (a batch goes on after a bad file).
    Only ``.txt``, ``.md``, ``.html`` and ``.htm`` files match; hidden files and folders (a name
    starting with ``.``) are skipped.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.html", "notes.docx", ".hidden.txt"):
    ...     _ = (folder / name).write_text("文本", encoding="utf-8")
    >>> [p.name for p in iter_documents(folder)]
    ['a.html', 'b.txt']
    """
    root = Path(folder)
    if not root.is_dir():
        raise ReadError(str(root), "not a folder; use read_document(path) for one file")
    for path in sorted(root.glob(pattern)):
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            yield path
