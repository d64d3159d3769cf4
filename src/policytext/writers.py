"""Table files written atomically and in a stream: Parquet, CSV (utf-8-sig), JSONL and Stata .dta.

A sink receives Arrow tables one after another and writes them to a temporary file beside the
target; :meth:`TableSink.close` moves it into place with :func:`os.replace`, so a reader never sees
a half-written table, and :meth:`TableSink.abort` removes it.

Parquet is written in row groups of a fixed size whatever the sizes of the pieces, so the same
rows give the same bytes. Stata cannot be appended to; the ``.dta`` sink collects its table and
writes it on close (Stata itself holds a dataset in memory). Stata names have at most 32 ASCII
letters, digits or underscores and strings longer than 2045 bytes must be ``strL``: the sink
renames where needed (keeping the original name as the variable label) and stores long text as
``strL``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

FORMATS = ("parquet", "csv", "jsonl", "dta")
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl", "dta": ".dta"}
ROW_GROUP_SIZE = 20_000
_STATA_STR_MAX = 2045  # bytes in a Stata str# variable; longer strings need strL
_STATA_NAME_RE = re.compile(r"[^A-Za-z0-9_]")
# Names Stata reserves (Stata 18 manual, [U] 11.3 Naming conventions); "end" is among our columns.
_STATA_RESERVED = frozenset("""
    aggregate array boolean break byte case catch class colvector complex const continue default
    delegate delete do double else eltypedef end enum explicit export external float for friend
    function global goto if in inline int local long NULL pragma protected quad rowvector short
    typedef typename using virtual with _all _b _coef _cons _n _N _pi _pred _rc _se _skip strL
""".split())


class TableSink:
    """Base class: collects Arrow tables into one file, atomically."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.rows = 0

    def write(self, table: pa.Table) -> None:
        self.rows += table.num_rows
        self._write(table.cast(self.schema))

    def close(self) -> None:
        self._finish()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self._discard()
        finally:
            self.tmp.unlink(missing_ok=True)

    def _discard(self) -> None:
        """Release open handles without finishing the file."""

    def _write(self, table: pa.Table) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> TableSink:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class ParquetSink(TableSink):
    """Parquet through :class:`pyarrow.parquet.ParquetWriter`, in fixed-size row groups."""

    def __init__(self, path: Path, schema: pa.Schema, row_group_size: int = ROW_GROUP_SIZE) -> None:
        import pyarrow.parquet as pq

        super().__init__(path, schema)
        self.row_group_size = row_group_size
        self.pending: list[pa.Table] = []
        self.pending_rows = 0
        self.writer = pq.ParquetWriter(self.tmp, schema, compression="zstd")

    def _write(self, table: pa.Table) -> None:
        import pyarrow as pa

        self.pending.append(table)
        self.pending_rows += table.num_rows
        if self.pending_rows < self.row_group_size:
            return
        whole = pa.concat_tables(self.pending)
        cut = (whole.num_rows // self.row_group_size) * self.row_group_size
        self.writer.write_table(whole.slice(0, cut), row_group_size=self.row_group_size)
        rest = whole.slice(cut)
        self.pending, self.pending_rows = [rest], rest.num_rows

    def _finish(self) -> None:
        import pyarrow as pa

        if self.pending_rows or self.rows == 0:
            rest = pa.concat_tables(self.pending) if self.pending else self.schema.empty_table()
            self.writer.write_table(rest, row_group_size=self.row_group_size)
        self.pending, self.pending_rows = [], 0
        self.writer.close()

    def _discard(self) -> None:
        self.writer.close()


class CsvSink(TableSink):
    """CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        import pyarrow.csv as pcsv

        super().__init__(path, schema)
        self.file = open(self.tmp, "wb")
        self.file.write("\ufeff".encode())
        self.writer = pcsv.CSVWriter(self.file, schema)

    def _write(self, table: pa.Table) -> None:
        self.writer.write_table(table)

    def _finish(self) -> None:
        if not self.file.closed:
            self.writer.close()
            self.file.close()

    def _discard(self) -> None:
        self.file.close()


class JsonlSink(TableSink):
    """One JSON object a line, UTF-8, Chinese kept as is."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self.file = open(self.tmp, "w", encoding="utf-8", newline="\n")

    def _write(self, table: pa.Table) -> None:
        for row in table.to_pylist():
            self.file.write(json.dumps(row, ensure_ascii=False, allow_nan=False, default=str) + "\n")

    def _finish(self) -> None:
        self.file.close()

    def _discard(self) -> None:
        self.file.close()


class StataSink(TableSink):
    """Stata 14+ ``.dta`` (format 118, Unicode), written on close."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self.pieces: list[pa.Table] = []

    def _write(self, table: pa.Table) -> None:
        self.pieces.append(table)

    def _finish(self) -> None:
        import pyarrow as pa

        whole = pa.concat_tables(self.pieces) if self.pieces else self.schema.empty_table()
        self.pieces = []
        frame, labels, strl = stata_frame(whole)
        frame.to_stata(self.tmp, write_index=False, version=118, variable_labels=labels,
                       convert_strl=strl)


def stata_frame(table: pa.Table) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """An Arrow table as a DataFrame Stata accepts: legal names, no booleans, no 64-bit ints,
    no missing strings; returns the frame, the variable labels and the ``strL`` columns.

    >>> import pyarrow as pa
    >>> frame, labels, strl = stata_frame(pa.table({"a long name with spaces": [True],
    ...                                              "text": ["字" * 700]}))
    >>> list(frame.columns), labels["a_long_name_with_spaces"], strl
    (['a_long_name_with_spaces', 'text'], 'a long name with spaces', ['text'])
    """
    import pandas as pd
    import pyarrow as pa

    data: dict[str, Any] = {}
    labels: dict[str, str] = {}
    strl: list[str] = []
    for field, column in zip(table.schema, table.columns, strict=True):
        name = stata_name(field.name, taken=set(data))
        labels[name] = field.name[:80]
        values = column.to_pylist()
        if pa.types.is_boolean(field.type):
            data[name] = pd.Series([int(bool(v)) for v in values], dtype="int8")
        elif pa.types.is_integer(field.type):
            fits = all(v is None or -2_147_483_647 <= v <= 2_147_483_620 for v in values)
            if fits and None not in values:
                data[name] = pd.Series(values, dtype="int32")
            else:  # Stata has no 64-bit integers: a double holds missing values and large ones
                data[name] = pd.Series([float("nan") if v is None else float(v) for v in values],
                                       dtype="float64")
        elif pa.types.is_floating(field.type):
            data[name] = pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
        else:
            texts = ["" if v is None else str(v) for v in values]
            data[name] = pd.Series(texts, dtype=object)
            if any(len(t.encode("utf-8")) > _STATA_STR_MAX for t in texts):
                strl.append(name)
    return pd.DataFrame(data), labels, strl


def stata_name(name: str, taken: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """A legal, unused Stata variable name for ``name``.

    >>> stata_name("n_quantities"), stata_name("1st"), stata_name("end"), stata_name("x" * 40)[-3:]
    ('n_quantities', '_1st', '_end', 'xxx')
    """
    legal = _STATA_NAME_RE.sub("_", name) or "var"
    if not (legal[0].isalpha() or legal[0] == "_"):
        legal = "_" + legal
    if legal in _STATA_RESERVED or re.fullmatch(r"str\d+", legal):
        legal = "_" + legal
    legal = legal[:32]
    candidate, n = legal, 1
    while candidate in taken:
        suffix = f"_{n}"
        candidate, n = legal[: 32 - len(suffix)] + suffix, n + 1
    return candidate


def open_sink(path: Path, schema: pa.Schema, fmt: str, row_group_size: int | None = None) -> TableSink:
    """A sink for ``fmt`` (one of :data:`FORMATS`) writing ``path``; ``row_group_size`` applies
    to Parquet (default :data:`ROW_GROUP_SIZE` rows)."""
    if fmt == "parquet":
        return ParquetSink(path, schema, row_group_size or ROW_GROUP_SIZE)
    sinks: dict[str, type[TableSink]] = {"csv": CsvSink, "jsonl": JsonlSink, "dta": StataSink}
    if fmt not in sinks:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return sinks[fmt](path, schema)
