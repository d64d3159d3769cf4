"""Figures render Chinese with a font that has the glyphs."""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from policytext.errors import ConfigError
from policytext.keyness import keyness_table
from policytext.topics import topic_shares

matplotlib = pytest.importorskip("matplotlib")
from matplotlib import font_manager  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from policytext import plots  # noqa: E402

HAN_RE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def font():
    try:
        return plots.cjk_font()
    except ConfigError as exc:  # the CI script installs one; say how when it is missing
        pytest.fail(f"no CJK font: {exc}")


def figures():
    coherence = pd.DataFrame({"k": [2, 4, 6], "c_v": [0.31, 0.42, 0.38],
                              "c_npmi": [-0.02, 0.05, 0.01], "best": [False, True, False]})
    theta = np.random.default_rng(0).dirichlet([1, 1, 1], size=9)
    docs = pd.DataFrame({"era": ["十二五"] * 3 + ["十三五"] * 3 + ["十四五"] * 3})
    shares = topic_shares(theta, docs, by="era", n_boot=50, labels=["科技/创新", "生态/环境", "民生"])
    keys = keyness_table([30, 5, 10], [5, 30, 10], ["数字经济", "煤炭", "发展"], min_count=1)
    return {"coherence": lambda: plots.plot_coherence(coherence),
            "shares": lambda: plots.plot_topic_shares(shares),
            "keyness": lambda: plots.plot_keyness(keys, title="十四五 特征词")}


@pytest.mark.parametrize("name", ["coherence", "shares", "keyness"])
def test_rendered_figure_uses_a_font_that_covers_its_chinese_text(font, name):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
        fig = figures()[name]()
        fig.savefig(io.BytesIO(), format="png")
    texts = [t for t in fig.findobj(Text) if HAN_RE.search(t.get_text())]
    assert texts, "the figure should carry Chinese labels"
    for text in texts:
        resolved = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert plots.covers(resolved, text.get_text()), (text.get_text(), resolved)


def test_the_default_font_alone_would_not_cover_chinese():
    dejavu = font_manager.findfont("DejaVu Sans")
    assert plots.covers(dejavu, "GDP") and not plots.covers(dejavu, "十四五")


def test_a_font_without_chinese_is_refused_with_install_instructions():
    with pytest.raises(ConfigError, match="apt-get install fonts-wqy-microhei"):
        plots.cjk_font(font_manager.findfont("DejaVu Sans"))
    with pytest.raises(ConfigError, match="does not exist"):
        plots.cjk_font("/no/such/font.ttf")


def test_shares_by_two_keys_are_refused(font):
    docs = pd.DataFrame({"era": ["十三五", "十三五"], "region": ["甲", "乙"]})
    shares = topic_shares(np.array([[0.5, 0.5], [0.2, 0.8]]), docs, n_boot=10)
    with pytest.raises(ConfigError, match="several rows"):
        plots.plot_topic_shares(shares)
