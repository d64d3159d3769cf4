"""Places: which PRC divisions a text names, and which one a document belongs to.

Names come from ``data/lexicons/regions.tsv`` (GB/T 2260 with former districts, built by
``scripts/build_regions.py``). :func:`find_regions` finds mentions, short forms included where the
context allows them; :func:`decide_region` picks a document's region from its issuer, its title,
the level the text gives itself (全省/我市/本区 …) or the divisions it names most.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from policytext.errors import ConfigError
from policytext.lexicon import load_lexicon

__all__ = ["Region", "decide_region", "find_regions", "region_path"]

_LEVEL_RANK = {"province": 1, "prefecture": 2, "county": 3}
# Full names that are also generic words (山西's 城区/郊区/矿区): never read as places on their own.
_GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "新区", "市中区", "东区", "西区", "南区", "北区", "中区"})
# A place name followed by these is part of another name: 井冈山精神, 延安精神.
_NOT_A_PLACE_AFTER = ("精神",)
# Names that hold place-like strings but are no place of the lexicon (共和 in 中华人民共和国).
_NOT_PLACES = ("中华人民共和国", "人民共和国", "共和国")
# The generic word after a short form tells which reading is meant: 阿坝州, 普陀区, 朝阳市.
_SUFFIX_OF = {"省": ("省",), "市": ("市",), "区": ("区",), "县": ("县",), "旗": ("旗",), "盟": ("盟",),
              "州": ("州",)}


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    level: str
    parent: str
    parent_code: str
    code: str
    status: str
    successor: str
    short: str = ""
    short_common: bool = False


@dataclass(frozen=True, slots=True)
class _RegionIndex:
    by_surface: Mapping[str, tuple[tuple[Region, bool], ...]]   # surface -> (region, is_short)
    by_code: Mapping[str, Region]
    lengths: Mapping[str, tuple[int, ...]]   # first character -> surface lengths, longest first
    heads: frozenset[str]                    # the first two characters of surfaces and _NOT_PLACES
    starts: re.Pattern[str]                  # where a surface or one of _NOT_PLACES may start


@functools.lru_cache(maxsize=1)
def _regions() -> _RegionIndex:
    lex = load_lexicon("regions")
    by_surface: dict[str, list[tuple[Region, bool]]] = {}
    by_code: dict[str, Region] = {}
    for row in lex.rows:
        region = Region(row["name"], row["level"], row["parent"], row["parent_code"], row["code"],
                         row["status"], row.get("successor", ""), row["short"], row["short_common"] == "yes")
        by_code.setdefault(region.code, region)
        by_surface.setdefault(region.name, []).append((region, False))
        if row["short"]:
            by_surface.setdefault(row["short"], []).append((region, True))
    frozen = {k: tuple(v) for k, v in by_surface.items()}
    lengths: dict[str, set[int]] = {}
    for surface in frozen:
        lengths.setdefault(surface[0], set()).add(len(surface))
    if min(map(len, frozen)) < 2:
        raise ConfigError("lexicon 'regions': every name and short form must have two characters or more")
    # Every surface starts with a character of the first class followed by one of the second. On
    # policy texts one position in ten passes this test, and one in two hundred starts a surface.
    firsts = "".join(map(re.escape, sorted({s[0] for s in frozen})))
    seconds = "".join(map(re.escape, sorted({s[1] for s in frozen})))
    starts = re.compile(f"(?=[{firsts}][{seconds}]|{'|'.join(map(re.escape, _NOT_PLACES))})")
    return _RegionIndex(frozen, by_code, {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()},
                        frozenset(s[:2] for s in (*frozen, *_NOT_PLACES)), starts)


def find_regions(text: str, context: str = "", *,
                 strict: bool = False) -> list[tuple[str, tuple[Region, ...]]]:
    """Place names in ``text``, leftmost-longest: (surface, the divisions it may name).

    Short forms count (杨浦 for 杨浦区). A short form that is also an everyday word (资源 for
    资源县, marked ``short_common`` in the lexicon) counts only where a parent of the place is
    named in ``text`` or ``context`` too; with ``strict`` every county-level short form needs that
    (or the full name somewhere in the text), since 新平 in 新平台 is no 新平县.

    >>> [(s, [r.name for r in rs]) for s, rs in find_regions("上海市杨浦区和普陀")]
    [('上海市', ['上海市']), ('杨浦区', ['杨浦区']), ('普陀', ['普陀区', '普陀区'])]
    >>> find_regions("加强资源节约")
    []
    """
    index = _regions()
    found: list[tuple[str, tuple[Region, ...]]] = []
    i = 0   # where reading goes on: a name found is not read again from its second character
    for start in index.starts.finditer(text):
        if start.start() < i or text[start.start():start.start() + 2] not in index.heads:
            continue
        i, hit = _read_at(index, text, start.start(), context, strict)
        if hit:
            found.append(hit)
    return found


def _read_at(index: _RegionIndex, text: str, i: int, context: str,
             strict: bool) -> tuple[int, tuple[str, tuple[Region, ...]] | None]:
    """The place name that starts at ``i``, if any, and where reading goes on after it. Reading
    at every position from the start, moving on as this says, finds what :func:`find_regions`
    finds by reading only where ``index.starts`` and ``index.heads`` allow a name."""
    sizes = index.lengths.get(text[i])
    if sizes is None:
        return i + 1, None
    skip = next((len(t) for t in _NOT_PLACES if text.startswith(t, i)), 0) if text[i] in "中人共" else 0
    if skip:
        return i + skip, None
    for size in sizes:
        hits = index.by_surface.get(text[i:i + size])
        if not hits:
            continue
        surface = text[i:i + size]
        if surface in _GENERIC_NAMES or text.startswith(_NOT_A_PLACE_AFTER, i + size):
            continue
        regions = tuple(r for r, is_short in hits
                        if not is_short or _short_counts(r, text, context, strict))
        after = text[i + size:i + size + 1]
        if after in _SUFFIX_OF and all(is_short for _r, is_short in hits):
            narrowed = tuple(r for r, _s in hits if r.name.endswith(_SUFFIX_OF[after]))
            if narrowed:
                regions, surface = narrowed, surface + after
            elif after not in "市县":   # 安新 in 雄安新区 is no 安新县; but 浦东市场 is 浦东, and a
                continue                # 县 since renamed a 市 or 区 (临安县) is still that place
        if regions:
            return i + len(surface), (surface, regions)
    return i + 1, None


def _short_counts(region: Region, text: str, context: str, strict: bool) -> bool:
    if region.level == "county" and _always_followed(region.short, context or text):
        return False
    if strict and region.level == "county":
        return region.name in text or _parent_named(region, text, context)
    return not region.short_common or _parent_named(region, text, context)


@functools.lru_cache(maxsize=64)     # small: the key holds the whole text
def _always_followed(short: str, text: str) -> bool:
    """Is ``short`` nearly always followed by one same character in ``text`` (新平 in 新平台 ×3)?
    Then it is part of a word, not a place."""
    followers = Counter(text[m.end():m.end() + 1] for m in re.finditer(re.escape(short), text))
    if sum(followers.values()) < 2:
        return False
    char, count = followers.most_common(1)[0]
    han = "\u4e00" <= char <= "\u9fff"
    return han and char not in "区县市州旗盟省委" and count >= 0.75 * sum(followers.values())


def _parent_named(region: Region, text: str, context: str) -> bool:
    for parent in _ancestors(region):
        for name in (parent.name, parent.short):
            if name and (name in text or name in context):
                return True
    return False


@functools.lru_cache(maxsize=8192)
def _ancestors(region: Region) -> tuple[Region, ...]:
    index, out, code = _regions(), [], region.parent_code
    while code and code in index.by_code:
        out.append(index.by_code[code])
        code = index.by_code[code].parent_code
    return tuple(out)


def _resolve(candidates: Sequence[tuple[Region, ...]],
             context: frozenset[str] = frozenset()) -> list[Region]:
    """Pick one division per mention: the reading whose ancestors are mentioned too (here or in
    ``context``, names of places the whole text mentions), current first."""
    mentioned = {r.code for regions in candidates if len(regions) == 1 for r in regions}
    names = {r.name for regions in candidates for r in regions} | context
    out = []
    for regions in candidates:
        def score(r: Region) -> tuple[bool, int, bool, int]:
            anc = _ancestors(r)       # 河北 is the province before it is Tianjin's 河北区
            return (r.level == "province", sum(a.code in mentioned or a.name in names for a in anc),
                    r.status == "current", -_LEVEL_RANK[r.level])
        out.append(max(regions, key=score))
    return out


def _most_specific(text: str, whole: str, context: frozenset[str] = frozenset()) -> Region | None:
    regions = _resolve([rs for _s, rs in find_regions(text, whole)], context)
    return max(regions, key=lambda r: _LEVEL_RANK[r.level], default=None)


# A national text speaks of the whole country and addresses every province.
_NATIONAL_RE = re.compile(r"全国|我国|各省|各地区|各地方|自治区、直辖市")
# How a document names its own level: 全省/我省/本省, 全市/我市/本市, 全区/我区/本区, 全县 …
_SELF_LEVEL_RE = re.compile(r"(?:全|我|本)(?P<unit>省|市|区|县|州|旗)")
_UNIT_LEVEL = {"省": "province", "市": "prefecture", "州": "prefecture", "区": "county", "县": "county",
               "旗": "county"}
_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})


def _fits_level(region: Region, level: str) -> bool:
    """Does ``region`` answer to the level a text calls itself (我市 is also 上海市, 全区 also 广西)?"""
    if region.level == level:
        return level != "county" or region.name.endswith(("区", "县", "旗"))
    if level == "prefecture":
        return region.name in _MUNICIPALITIES
    return level == "county" and region.name.endswith("自治区")


def _region_by_frequency(text: str,
                         found: list[tuple[Region, ...]]) -> tuple[Region | None, str]:
    regions = _resolve(found, frozenset(r.name for rs in found if len(rs) == 1 for r in rs))
    counts = Counter(regions)
    if not counts:
        return None, "no place named in the text"
    total: Counter[Region] = Counter()          # a place's mentions plus those of places inside it
    for region, count in counts.items():
        for holder in [region, *_ancestors(region)]:
            total[holder] += count
    units = Counter(_UNIT_LEVEL[m.group("unit")] for m in _SELF_LEVEL_RE.finditer(text))
    if units:
        level, said = units.most_common(1)[0]
        # places of that level by all mentions inside them; 上海市 for 全市 or 广西 for 全区 by their own
        fitting = [(c, r) for r, c in total.items() if r.level == level and _fits_level(r, level)]
        fitting += [(counts[r], r) for r in counts if r.level != level and _fits_level(r, level)]
        if said >= 2 and fitting:
            count, best = max(fitting, key=lambda x: (x[0], _LEVEL_RANK[x[1].level]))
            return best, (f"text speaks of itself as {level} (全/我/本… ×{said}); "
                          f"most named: {best.name} ×{count}")
    current, top = counts.most_common(1)[0]
    if top < 2:
        return None, f"only single mentions of places ({current.name} ×1)"
    national = len(_NATIONAL_RE.findall(text))
    if national >= max(3, top):
        return None, (f"a national text (全国/我国/各省… ×{national}) naming places in passing "
                      f"({current.name} ×{top})")
    note = f"most frequent in text: {current.name} ×{top}"
    while True:   # descend to a district mentioned often enough beside its city
        floor = max(2, 0.5 * counts[current])
        kids = [(c, r) for r, c in counts.items() if current in _ancestors(r) and c >= floor]
        if not kids:
            return current, note
        count, current = max(kids, key=lambda x: (x[0], _LEVEL_RANK[x[1].level]))
        note += f" > {current.name} ×{count}"


_CENTRAL_RE = re.compile(
    r"^(?:中共中央|国务院|全国|中央|国家|中华人民共和国|最高人民)|^[\u4e00-\u9fff]{2,10}部$"
)


def region_path(region: Region) -> str:
    return " > ".join([a.name for a in reversed(_ancestors(region))] + [region.name])


def decide_region(title: str | None, issuer: str | None, text: str) -> tuple[Region | None, str]:
    found = [rs for _s, rs in find_regions(text, strict=True)]
    context = frozenset(r.name for rs in found if len(rs) == 1 for r in rs)
    for label, source in (("issuer", issuer), ("title", title)):
        if source and (region := _most_specific(source, text, context)) is not None:
            other = _most_specific(title, text, context) if label == "issuer" and title else None
            if other is not None and region in _ancestors(other):
                return other, f"title names {other.name}, inside the issuer's {region.name}"
            return region, f"{label} names {region.name}"
    if issuer and _CENTRAL_RE.search(issuer.split("、")[0]):
        return None, f"central issuer ({issuer}) and no place in the title"
    region, how = _region_by_frequency(text, found)
    return region, how
