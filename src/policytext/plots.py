"""Figures that render Chinese: coherence by K, topic shares by period, distinctive terms.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: labels come out as boxes with a
"Glyph … missing from font" warning. :func:`cjk_font` finds an installed font that covers
Chinese (Noto Sans CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft YaHei, PingFang, … or any
other whose character map has the glyphs), and every function here sets it on the text it draws
— on that figure only, never in matplotlib's global ``rcParams``. When no such font is
installed, :func:`cjk_font` raises :class:`~policytext.ConfigError` saying how to install one
(on Debian/Ubuntu: ``apt-get install fonts-wqy-microhei``, 1.6 MB, or ``fonts-noto-cjk``).

matplotlib is imported lazily; figures are built with ``matplotlib.figure.Figure``, not
pyplot, so they need no display and touch no global state. Save them with ``fig.savefig``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

__all__ = ["cjk_font", "covers", "plot_coherence", "plot_keyness", "plot_topic_shares"]

# Families known to cover simplified Chinese, best first; any other font is checked glyph by glyph.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Sarasa Gothic SC", "Microsoft YaHei", "PingFang SC",
    "Hiragino Sans GB", "SimHei", "Heiti SC", "Noto Serif CJK SC", "AR PL UMing CN", "AR PL UKai CN",
)
PROBE = "中文政策规划"
INSTALL_HINT = (
    "no installed font covers Chinese, so matplotlib would draw boxes. Install one and rerun: "
    "Debian/Ubuntu `sudo apt-get install fonts-wqy-microhei` (1.6 MB) or `fonts-noto-cjk`; "
    "Fedora `dnf install google-noto-sans-cjk-fonts`; conda `conda install -c conda-forge "
    "font-ttf-noto-cjk`; or pass font='/path/to/a/CJK.ttf|otf|ttc' (matplotlib reads TTF/OTF/TTC). "
    "If you installed one while Python was running, restart it."
)


def covers(path: str | os.PathLike[str], text: str = PROBE) -> bool:
    """Whether the font file at ``path`` has a glyph for every character of ``text``.

    >>> import matplotlib.font_manager as fm
    >>> covers(fm.findfont("DejaVu Sans"), "abc"), covers(fm.findfont("DejaVu Sans"), "中文")
    (True, False)
    """
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(str(path))
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) != 0 for ch in text if not ch.isspace())


@functools.lru_cache(maxsize=8)
def _find_cjk_font(path: str | None) -> str:
    """The file of a CJK-capable font (cached; matplotlib's font list is read once)."""
    from matplotlib import font_manager

    if path is not None:
        if not Path(path).is_file():
            raise ConfigError(f"font file {path} does not exist")
        if not covers(path):
            raise ConfigError(f"font {path} has no glyphs for Chinese ({PROBE}); " + INSTALL_HINT)
        font_manager.fontManager.addfont(path)
        return path
    entries = list(font_manager.fontManager.ttflist)
    known = {e.fname for e in entries}
    # fonts installed after matplotlib built its cache are not in ttflist: look on disk too
    for fname in font_manager.findSystemFonts():
        if fname not in known:
            try:
                font_manager.fontManager.addfont(fname)
            except (OSError, RuntimeError, ValueError):
                continue
    entries = list(font_manager.fontManager.ttflist)
    rank = {name.lower(): i for i, name in enumerate(PREFERRED_FAMILIES)}
    entries.sort(key=lambda e: (rank.get(e.name.lower(), len(rank)), e.weight != 400, e.fname))
    for entry in entries:
        if covers(entry.fname):
            return str(entry.fname)
    raise ConfigError(INSTALL_HINT)


def cjk_font(font: str | None = None) -> FontProperties:
    """FontProperties of an installed font that covers Chinese (``font``: a file to use instead).

    Raises :class:`~policytext.ConfigError` with installation instructions when there is none.
    """
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=_find_cjk_font(font))


def _figure(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    return fig, fig.add_subplot()


def _apply_font(fig: Figure, font: FontProperties) -> None:
    """Set the CJK font on every text of the figure, tick labels included."""
    from matplotlib.text import Text

    for ax in fig.axes:
        ax.xaxis.get_major_ticks()  # create tick labels now so that later ones copy their font
        ax.yaxis.get_major_ticks()
        for tick in [*ax.xaxis.get_major_ticks(), *ax.yaxis.get_major_ticks()]:
            tick.label1.set_fontproperties(font)
            tick.label2.set_fontproperties(font)
        ax.xaxis.get_offset_text().set_fontproperties(font)
        ax.yaxis.get_offset_text().set_fontproperties(font)
    for text in fig.findobj(Text):
        size = text.get_fontsize()
        text.set_fontproperties(font)
        text.set_fontsize(size)


def plot_coherence(table: pd.DataFrame, *, ax: Axes | None = None, font: str | None = None) -> Figure:
    """Coherence (one line per measure) against the number of topics K, best K marked."""
    fp = cjk_font(font)
    fig, ax = _figure(ax, (6, 3.5))
    measures = [c for c in table.columns if c not in ("k", "best")]
    for measure in measures:
        ax.plot(table["k"], table[measure], marker="o", label=measure)
    if "best" in table.columns and table["best"].any():
        best = table.loc[table["best"], "k"].iloc[0]
        ax.axvline(best, color="grey", linestyle=":", label=f"最佳 K = {best}")
    ax.set_xlabel("主题数 K")
    ax.set_ylabel("一致性 (coherence)")
    ax.set_title("按主题数的一致性")
    ax.legend(prop=fp)
    _apply_font(fig, fp)
    return fig


def plot_topic_shares(shares: pd.DataFrame, *, by: str = "era", topics: Sequence[int] | None = None,
                      ax: Axes | None = None, font: str | None = None) -> Figure:
    """Topic shares across the groups of ``by`` (periods in time order) with their confidence
    intervals, one line per topic, from :func:`policytext.topics.topic_shares` by ``by`` alone."""
    fp = cjk_font(font)
    fig, ax = _figure(ax, (7, 4))
    if by not in shares.columns:
        raise ConfigError(f"shares has no column {by!r}; compute topic_shares(..., by={by!r})")
    order = list(dict.fromkeys(shares[by]))
    positions = {g: i for i, g in enumerate(order)}
    chosen = sorted(shares["topic"].unique()) if topics is None else list(topics)
    for i, k in enumerate(chosen):
        part = shares[shares["topic"] == k]
        if part.duplicated(by).any():
            raise ConfigError(f"several rows per {by!r} and topic: compute topic_shares(..., by={by!r})")
        dodge = (i - (len(chosen) - 1) / 2) * 0.04  # keep overlapping error bars apart
        x = [positions[g] + dodge for g in part[by]]
        yerr = [part["share"] - part["ci_low"], part["ci_high"] - part["share"]]
        label = str(part["label"].iloc[0]) if "label" in part.columns else str(k)
        ax.errorbar(x, part["share"], yerr=yerr, marker="o", capsize=3, label=f"{k}: {label}")
    ax.set_xticks(range(len(order)), [str(g) for g in order])
    ax.set_xlabel({"era": "时期", "period": "五年规划时期", "region": "地区"}.get(by, by))
    ax.set_ylabel("平均主题比重")
    ax.set_title("各时期主题比重（自助法置信区间）")
    ax.legend(prop=fp, fontsize="small", loc="best")
    _apply_font(fig, fp)
    return fig


def plot_keyness(table: pd.DataFrame, *, n: int = 15, ax: Axes | None = None,
                 font: str | None = None, title: str | None = None) -> Figure:
    """The top ``n`` distinctive terms of a :func:`policytext.keyness.keyness_table` as
    horizontal bars of their log ratio (effect size), labelled with G²."""
    fp = cjk_font(font)
    fig, ax = _figure(ax, (6, max(2.5, 0.3 * min(n, len(table)) + 1)))
    top = table.head(n).iloc[::-1]
    bars = ax.barh(range(len(top)), top["log_ratio"], color="#4c72b0")
    ax.set_yticks(range(len(top)), list(top["term"]))
    for bar, g2 in zip(bars, top["g2"], strict=True):
        ax.annotate(f"G²={g2:.0f}", (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    ax.set_xlabel("对数比 (log ratio)")
    ax.set_title(title or "特征词")
    _apply_font(fig, fp)
    return fig
