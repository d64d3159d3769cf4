"""Records as tables: one row per record, with fixed column schemas named as in CONTRACT.md.

Every table starts with ``doc_id`` and ``source`` so that rows join across tables:

- ``doc_id`` is ``<first 16 hex digits of the content hash>-<part>``. In a batch run the content
  hash is the SHA-256 of the file's bytes (the manifest keeps it); for a bare
  :class:`~policytext.model.Result` it is the SHA-256 of the cleaned texts of its parts. Part 0 is
  the file itself, for removed lines that lie outside every document.
- ``source`` is the file the record came from (relative to the input folder in a batch run).

Then come the CONTRACT.md fields of the record, then the audit fields (rule, span, section). The
dtypes never depend on the data: an empty table has the same columns and dtypes as a full one.
Years are split in two columns, because a column must have one type: ``year`` is a nullable
integer, ``year_text`` keeps what the text said (``"2025"``, or a masked ``"201*"``).

The column schemas are plain data (:data:`SCHEMAS`), shared by :func:`to_frame` and by the
batch writers, which build Arrow tables from the same columns without going through pandas.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from policytext.errors import ConfigError
from policytext.model import DocumentRecord, Result

if TYPE_CHECKING:  # pandas and pyarrow are imported only when a table is built
    import pandas as pd
    import pyarrow as pa

# Column kinds: "str" nullable text, "int" 64-bit integer, "float" float64 (NaN when missing),
# "bool", "year" nullable integer.
_KEY = (("doc_id", "str"), ("source", "str"), ("part", "int"))

SCHEMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "manifest": (
        ("source", "str"), ("content_hash", "str"), ("status", "str"), ("error", "str"),
        ("n_bytes", "int"), ("encoding", "str"), ("n_documents", "int"),
        ("n_quantities", "int"), ("n_programmes", "int"), ("n_removed", "int"),
    ),
    "documents": (
        *_KEY, ("title", "str"), ("issuer", "str"), ("doc_number", "str"), ("date", "str"),
        ("published", "str"), ("region", "str"), ("doc_type", "str"), ("period", "str"),
        ("year_scrubbed", "bool"), ("text", "str"), ("encoding", "str"),
        ("n_quantities", "int"), ("n_programmes", "int"), ("n_masked", "int"), ("n_removed", "int"),
    ),
    "quantities": (
        *_KEY, ("quote", "str"), ("indicator", "str"), ("value", "float"), ("value_max", "float"),
        ("unit", "str"), ("qualifier", "str"), ("change", "str"), ("kind", "str"),
        ("year", "year"), ("year_text", "str"), ("masked", "bool"),
        ("rule", "str"), ("start", "int"), ("end", "int"), ("section", "str"),
    ),
    "programmes": (
        *_KEY, ("name", "str"), ("category", "str"), ("first_quote", "str"), ("aliases", "str"),
        ("masked", "bool"), ("rule", "str"), ("start", "int"), ("end", "int"), ("section", "str"),
    ),
    "removed": (
        *_KEY, ("line", "str"), ("kind", "str"), ("rule", "str"), ("lineno", "int"),
    ),
    "masked": (
        *_KEY, ("text", "str"), ("kind", "str"), ("context", "str"), ("start", "int"), ("end", "int"),
        ("evidence", "str"),
    ),
}
TABLES = tuple(SCHEMAS)
RECORD_TABLES = tuple(t for t in TABLES if t != "manifest")

_ALIAS_SEP = "|"


class FileLike(Protocol):
    """What :func:`to_frame` reads from a batch item (see :class:`policytext.batch.FileResult`)."""

    source: str
    content_hash: str
    result: Result | None

    def manifest_row(self) -> dict[str, Any]: ...


def doc_id(content_hash: str, part: int) -> str:
    """The id of one part of one file: a content-hash prefix and the part number.

    >>> doc_id("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 2)
    '9f86d081884c7d65-2'
    """
    return f"{content_hash[:16]}-{part}"


def result_hash(result: Result) -> str:
    """SHA-256 of the cleaned texts of a result's parts: the content hash of a bare Result."""
    digest = hashlib.sha256()
    for doc in result.documents:
        digest.update(doc.text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def empty_columns(table: str) -> dict[str, list[Any]]:
    """A dict of empty lists, one per column of ``table``, in schema order."""
    return {name: [] for name, _ in _schema(table)}


def add_rows(columns: dict[str, list[Any]], result: Result, table: str, *, source: str,
             content_hash: str) -> None:
    """Append the rows ``result`` gives for ``table`` to ``columns`` (see :func:`empty_columns`)."""
    rows = _rows(result, table, source, content_hash)
    for row in rows:
        for name, values in columns.items():
            values.append(row.get(name))


def _rows(result: Result, table: str, source: str, content_hash: str) -> Iterator[dict[str, Any]]:
    if table == "removed":
        key = {"doc_id": doc_id(content_hash, 0), "source": source, "part": 0}
        for removed in result.removed:
            yield key | _fields(removed, ("line", "kind", "rule", "lineno"))
    for doc in result.documents:
        key = {"doc_id": doc_id(content_hash, doc.part), "source": source, "part": doc.part}
        if table == "documents":
            yield key | _document_row(doc, result.encoding)
        elif table == "quantities":
            for q in doc.quantities:
                row = _fields(q, ("quote", "indicator", "value", "value_max", "unit", "qualifier",
                                  "change", "kind", "masked", "rule", "start", "end", "section"))
                row["year"] = q.year if isinstance(q.year, int) and not isinstance(q.year, bool) else None
                row["year_text"] = None if q.year is None else str(q.year)
                yield key | row
        elif table == "programmes":
            for p in doc.programmes:
                row = _fields(p, ("name", "category", "first_quote", "masked", "rule", "start", "end",
                                  "section"))
                row["aliases"] = _ALIAS_SEP.join(p.aliases)
                yield key | row
        elif table == "removed":
            for removed in doc.removed:
                yield key | _fields(removed, ("line", "kind", "rule", "lineno"))
        elif table == "masked":
            for m in doc.masked:
                yield key | _fields(m, ("text", "kind", "context", "start", "end", "evidence"))


def _fields(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(record, name, None) for name in names}


def _document_row(doc: DocumentRecord, encoding: str) -> dict[str, Any]:
    row = _fields(doc, ("title", "issuer", "doc_number", "date", "published", "region", "doc_type",
                        "period", "year_scrubbed", "text"))
    row.update(encoding=encoding, n_quantities=len(doc.quantities), n_programmes=len(doc.programmes),
               n_masked=len(doc.masked), n_removed=len(doc.removed))
    return row


def _schema(table: str) -> tuple[tuple[str, str], ...]:
    try:
        return SCHEMAS[table]
    except KeyError:
        raise ConfigError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}") from None


def to_frame(results: Iterable[Result | FileLike] | Result, table: str = "quantities") -> pd.DataFrame:
    """One table of records as a pandas DataFrame, one row per record.

    ``results`` is an iterable of :class:`~policytext.model.Result` (or of the items
    :func:`policytext.process_folder` yields; items with an error give no rows, except in the
    ``"manifest"`` table). ``table`` is one of ``documents``, ``quantities``, ``programmes``,
    ``removed``, ``masked`` (and ``manifest`` for batch items); the columns are in
    :data:`SCHEMAS`.

    >>> from policytext.pipeline import extract_text
    >>> result = extract_text("到2025年，高新技术企业超过500家。", source="memo.txt")
    >>> frame = to_frame([result], "documents")
    >>> frame[["source", "part"]].to_dict("records")
    [{'source': 'memo.txt', 'part': 1}]
    >>> list(to_frame([result], "quantities").columns[:5])
    ['doc_id', 'source', 'part', 'quote', 'indicator']

    No results still give every column, with its dtype:

    >>> empty = to_frame([], "quantities")
    >>> len(empty), str(empty["value"].dtype), str(empty["year"].dtype)
    (0, 'float64', 'Int64')
    """
    schema = _schema(table)
    if isinstance(results, Result):
        results = [results]
    if isinstance(results, (str, bytes)):
        raise ConfigError("to_frame expects an iterable of Result objects, not a string")
    columns = empty_columns(table)
    for item in results:
        if isinstance(item, Result):
            if table == "manifest":
                raise ConfigError("the manifest table is built from batch items "
                                  "(policytext.process_folder), not from bare Result objects")
            add_rows(columns, item, table, source=item.source, content_hash=result_hash(item))
        elif getattr(item, "rows", None) is not None:  # a batch item whose worker built its rows
            for name, values in columns.items():
                values.extend(item.rows[table][name])  # type: ignore[attr-defined]
        elif hasattr(item, "manifest_row"):
            if table == "manifest":
                row = item.manifest_row()
                for name, values in columns.items():
                    values.append(row.get(name))
            elif item.result is not None:
                add_rows(columns, item.result, table, source=item.source, content_hash=item.content_hash)
        else:
            raise ConfigError(f"to_frame expects Result objects or batch items, got {type(item).__name__}")
    return _frame(columns, schema)


def _frame(columns: dict[str, list[Any]], schema: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    import pandas as pd

    dtypes: dict[str, Any] = {"str": pd.StringDtype(), "int": "int64", "float": "float64",
                              "bool": "bool", "year": "Int64"}
    data: dict[str, Any] = {}
    for name, kind in schema:
        values = columns[name]
        if kind == "float":
            values = [float("nan") if v is None else float(v) for v in values]
        elif kind == "int":
            values = [0 if v is None else int(v) for v in values]
        elif kind == "bool":
            values = [bool(v) for v in values]
        data[name] = pd.Series(values, dtype=dtypes[kind], name=name)
    return pd.DataFrame(data, columns=[name for name, _ in schema])


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``, for the batch writers."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "year": pa.int64()}
    return pa.schema([pa.field(name, types[kind]) for name, kind in _schema(table)])


def arrow_table(columns: dict[str, list[Any]], table: str) -> pa.Table:
    """Columns (see :func:`empty_columns`) as an Arrow table with the schema of ``table``."""
    import pyarrow as pa

    schema = arrow_schema(table)
    arrays = []
    for (name, kind), field in zip(_schema(table), schema, strict=True):
        values = columns[name]
        if kind == "int":
            values = [0 if v is None else v for v in values]
        elif kind == "bool":
            values = [bool(v) for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)
