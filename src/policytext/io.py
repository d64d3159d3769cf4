"""Reading policy documents from disk: decoding and HTML to text.

PLACEHOLDER: the foundation helper replaces this with the full reader (BOM, UTF-8, GB18030,
UTF-16, charset-normalizer, saved HTML pages and their metadata tables).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from policytext.errors import ReadError
from policytext.model import Document


def read_document(path: str | Path) -> Document:
    """Read one file into a :class:`Document`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise ReadError(str(path), "file is empty")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = data.decode("gb18030")
        encoding = "gb18030"
    return Document(source=str(path), text=text.replace("\r\n", "\n"), encoding=encoding)


def iter_documents(folder: str | Path, pattern: str = "**/*") -> Iterator[Path]:
    """Yield the readable files under ``folder`` in a stable order."""
    for path in sorted(Path(folder).glob(pattern)):
        if path.is_file() and path.suffix.lower() in {".txt", ".md", ".html", ".htm"}:
            yield path
