"""Lexicons shipped inside the package (``data/lexicons`` in the source tree).

Each lexicon is a TSV file with a header row; :func:`load_lexicon` reads it once through
``importlib.resources`` and returns an immutable :class:`Lexicon`, cached for the process.

>>> units = load_lexicon("units")
>>> "平方公里" in units
True
>>> "不是单位" in units
False
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from policytext.errors import ConfigError

_PACKAGE_DIR = "lexicons"


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Rows of one lexicon file. ``terms`` is the first column; membership tests use it."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, str], ...]
    _term_set: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_term_set", frozenset(self.terms))

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(row[self.columns[0]] for row in self.rows)

    def __contains__(self, term: object) -> bool:
        return term in self._term_set

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> tuple[str, ...]:
        if name not in self.columns:
            raise ConfigError(f"lexicon {self.name!r} has no column {name!r}; it has {list(self.columns)}")
        return tuple(row[name] for row in self.rows)


def available_lexicons() -> list[str]:
    """Names of the lexicons shipped with this installation."""
    root = importlib.resources.files("policytext").joinpath(_PACKAGE_DIR)
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".tsv"))


@functools.cache
def load_lexicon(name: str) -> Lexicon:
    """Load ``<name>.tsv``; lines starting with ``#`` are comments, empty cells are ``""``."""
    resource = importlib.resources.files("policytext").joinpath(_PACKAGE_DIR).joinpath(f"{name}.tsv")
    if not resource.is_file():
        raise ConfigError(f"no lexicon named {name!r}; available: {', '.join(available_lexicons())}")
    text = resource.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    columns = tuple(reader.fieldnames or ())
    rows = tuple(MappingProxyType({k: (v or "").strip() for k, v in row.items() if k}) for row in reader)
    return Lexicon(name=name, columns=columns, rows=rows)
