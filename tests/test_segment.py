"""Segmentation: every backend keeps policy terms, quantities and masked tokens whole.

The pkuseg backend is tested for real with a tiny model trained here (spacy-pkuseg ships no
model and cannot download one offline); the lexicon words reach it as a user dictionary.
"""

from __future__ import annotations

import contextlib
import io
import logging
import pickle
import random
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext.errors import ConfigError
from policytext.lexicon import load_lexicon
from policytext.segment import (
    PROTECTED_RE,
    JiebaSegmenter,
    PkusegSegmenter,
    RjiebaSegmenter,
    Segmenter,
    available_backends,
    get_segmenter,
    load_policy_terms,
    load_stopwords,
    split_sentences,
    token_agreement,
)

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


# ---------------------------------------------------------------------------------------------
# fixtures: one segmenter per backend, built once per session
# ---------------------------------------------------------------------------------------------


def _training_lines(limit: int = 160) -> list[str]:
    """Seed sentences segmented by plain jieba (no policy lexicon), pkuseg's training format."""
    plain = JiebaSegmenter(lexicons=())
    lines: list[str] = []
    for path in sorted(RAW.glob("*.txt")):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            if len(sentence) >= 8:
                lines.append(" ".join(plain.cut(sentence)))
    return lines[:limit]


@pytest.fixture(scope="session")
def pkuseg_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import spacy_pkuseg  # the test extra installs it: a missing backend fails here, never skips
    folder = tmp_path_factory.mktemp("pkuseg")
    lines = _training_lines()
    train, test = folder / "train.txt", folder / "test.txt"
    train.write_text("\n".join(lines) + "\n", encoding="utf-8")
    test.write_text("\n".join(lines[:20]) + "\n", encoding="utf-8")
    model = folder / "model"
    with contextlib.redirect_stdout(io.StringIO()):  # spacy-pkuseg prints its training log
        spacy_pkuseg.train(str(train), str(test), str(model), train_iter=2)
    return model


@pytest.fixture(scope="session")
def segmenters(pkuseg_model: Path) -> dict[str, Segmenter]:
    return {
        "jieba": get_segmenter("jieba"),
        "rjieba": get_segmenter("rjieba"),
        "pkuseg": get_segmenter("pkuseg", model_dir=pkuseg_model),
    }


BACKENDS = ["jieba", "rjieba", "pkuseg"]


# ---------------------------------------------------------------------------------------------
# policy terms stay whole
# ---------------------------------------------------------------------------------------------

# Frames a term appears in: alone, and between typical policy-document neighbours.
FRAMES = ("{}", "积极推进{}工作。", "加快{}的建设，")


def _sample_terms(n: int = 240) -> list[str]:
    terms = sorted(load_policy_terms())
    return random.Random(20240501).sample(terms, n)


@pytest.mark.parametrize("backend", BACKENDS)
def test_policy_terms_stay_one_token(segmenters: dict[str, Segmenter], backend: str) -> None:
    seg = segmenters[backend]
    terms = _sample_terms()
    assert len(terms) >= 200
    trials = [(term, frame.format(term)) for term in terms for frame in FRAMES]
    kept = [term for term, text in trials if term in seg.cut(text)]
    rate = len(kept) / len(trials)
    missed = sorted({term for term, _ in trials} - set(kept))[:10]
    assert rate >= 0.95, f"{backend}: {rate:.3f} of policy terms kept whole; e.g. missed {missed}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_policy_terms_whole_in_running_text(segmenters: dict[str, Segmenter], backend: str) -> None:
    """In real sentences a lexicon term may lose a character to a neighbouring dictionary word
    (大 + 数据中心); it must still lie inside one token in >= 0.95 of its occurrences."""
    term_re = re.compile("|".join(map(re.escape, load_policy_terms())))
    kept = total = 0
    for path in sorted(RAW.glob("*.txt"))[3:]:  # the two shortest sample documents
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            spans, pos = [], 0
            for token in segmenters[backend].cut(sentence):
                spans.append((pos, pos + len(token)))
                pos += len(token)
            for match in term_re.finditer("".join(sentence.split())):
                total += 1
                kept += any(a <= match.start() and match.end() <= b for a, b in spans)
    assert total >= 100
    assert kept / total >= 0.95, f"{backend}: {kept}/{total}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_lexicon_matters(pkuseg_model: Path, backend: str) -> None:
    """Without the policy lexicon the same backend splits terms it keeps whole with it."""
    options = {"model_dir": pkuseg_model} if backend == "pkuseg" else {}
    bare = get_segmenter(backend, lexicons=(), **options)
    terms = _sample_terms(100)
    split = [t for t in terms if t not in bare.cut(f"积极推进{t}工作。")]
    assert len(split) >= 20, "the lexicon should make a difference on many terms"


@pytest.mark.parametrize("backend", BACKENDS)
def test_user_words_kept_whole(pkuseg_model: Path, backend: str) -> None:
    options = {"model_dir": pkuseg_model} if backend == "pkuseg" else {}
    seg = get_segmenter(backend, user_words=["蓝湾芯谷计划"], **options)
    assert "蓝湾芯谷计划" in seg.cut("支持蓝湾芯谷计划落地")


# ---------------------------------------------------------------------------------------------
# quantities and masked tokens
# ---------------------------------------------------------------------------------------------

# (label, text, a token the text must contain)
PROTECTED_WITH = [
    ("count", "科技企业总量超过4500家", "4500家"),
    ("percent", "年均增长3.5%左右", "3.5%"),
    ("full-width percent", "占比达到2.5％以上", "2.5％"),
    ("multiplier", "投入资金20亿元", "20亿元"),
    ("ten-thousands", "新增就业岗位1.8万个", "1.8万个"),
    ("approximate", "引进企业1000余家", "1000余家"),
    ("thousands separator", "完成投资1,200万元", "1,200万元"),
    ("area", "建成面积12.5万平方米", "12.5万平方米"),
    ("year", "到2025年，力争", "2025年"),
    ("masked year", "到201*年，把杨浦区", "201*年"),
    ("masked count", "培育了***家企业", "***家"),
    ("masked amount", "实现产值****万元", "****万元"),
    ("masked bare", "***积极整合", "***"),
    ("points", "提高2个百分点", "2个百分点"),
    ("lexicon term with digits", "实施973计划", "973计划"),
    ("multiplier then approximation", "带动就业10万余人", "10万余人"),
    ("anniversary", "建党100周年", "100周年"),
]

# (label, text, a token that must NOT appear) -- the protection must not overreach
PROTECTED_WITHOUT = [
    ("latin code stays whole", "防控H7N9疫情", "7"),
    ("no unit swallowed into a word", "100家企业", "100家企业"),
    ("chinese numerals untouched", "实施十四五规划", "十四五规划"),
    ("ordinal not a quantity", "第一产业增加值", "一"),
    ("unit char starting a word: 部门", "18部门联合印发", "18部"),
    ("unit char starting a word: 人社局", "**人社局与", "**人"),
    ("unit char starting a word: 人才", "****人才工程", "****人"),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("label", "text", "token"), PROTECTED_WITH, ids=[c[0] for c in PROTECTED_WITH])
def test_protected_spans_single_tokens(
    segmenters: dict[str, Segmenter], backend: str, label: str, text: str, token: str
) -> None:
    assert token in segmenters[backend].cut(text), label


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("label", "text", "token"), PROTECTED_WITHOUT, ids=[c[0] for c in PROTECTED_WITHOUT]
)
def test_protection_does_not_overreach(
    segmenters: dict[str, Segmenter], backend: str, label: str, text: str, token: str
) -> None:
    assert token not in segmenters[backend].cut(text), label


def test_protected_re_examples() -> None:
    assert PROTECTED_RE.fullmatch("4500家")
    assert PROTECTED_RE.fullmatch("****万元")
    assert PROTECTED_RE.fullmatch("3.5%")
    assert not PROTECTED_RE.search("十四五")
    assert not PROTECTED_RE.search("高新技术企业")


# ---------------------------------------------------------------------------------------------
# behaviour common to every backend
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_protocol_and_call(segmenters: dict[str, Segmenter], backend: str) -> None:
    seg = segmenters[backend]
    assert isinstance(seg, Segmenter)
    assert seg.name == backend
    text = "推进三区联动，加快建设科技创新中心。"
    assert seg(text) == seg.cut(text)
    assert seg.cut("") == []
    assert seg.cut(" \n\t ") == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_pickle_round_trip(segmenters: dict[str, Segmenter], backend: str) -> None:
    seg = segmenters[backend]
    text = "到2025年，高新技术企业超过4500家，实现产值****万元。"
    before = seg.cut(text)  # built: the tokenizer itself must not go into the pickle
    clone = pickle.loads(pickle.dumps(seg))
    assert clone == seg
    assert clone._backend is None  # type: ignore[attr-defined]
    assert clone.cut(text) == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_bytes_refused(segmenters: dict[str, Segmenter], backend: str) -> None:
    with pytest.raises(TypeError, match="decode"):
        segmenters[backend].cut("高新技术企业".encode())  # type: ignore[arg-type]


ALPHABET = "高新技术企业三区联动推进到年家万元%*.0123456789 \n，。AB"


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list(ALPHABET)), max_size=40))
def test_no_character_lost(segmenters: dict[str, Segmenter], backend: str, text: str) -> None:
    tokens = segmenters[backend].cut(text)
    assert "".join(tokens) == "".join(text.split())
    assert all(token and not token.isspace() for token in tokens)


def test_rjieba_agrees_with_jieba_on_seed_lines(segmenters: dict[str, Segmenter]) -> None:
    jieba_seg, fast = segmenters["jieba"], segmenters["rjieba"]
    lines = [line for path in sorted(RAW.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    same = total = 0
    for line in lines:
        reference = jieba_seg.cut(line)
        total += len(reference)
        same += token_agreement(reference, fast.cut(line)) * len(reference)
    assert total > 1000
    assert same / total >= 0.98


def test_token_agreement() -> None:
    assert token_agreement(["高新技术企业", "超过"], ["高新技术企业", "超过"]) == 1.0
    assert token_agreement(["高新", "技术", "企业"], ["高新技术企业"]) == 0.0
    assert token_agreement([], []) == 1.0


def test_sklearn_vectorizer_and_worker_process(segmenters: dict[str, Segmenter]) -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    seg = segmenters["jieba"]
    vectorizer = CountVectorizer(tokenizer=seg, token_pattern=None, lowercase=False)
    vectorizer.fit(["推进高新技术企业发展", "高新技术企业超过4500家"])
    assert "高新技术企业" in vectorizer.vocabulary_
    clone = pickle.loads(pickle.dumps(vectorizer))
    assert clone.transform(["高新技术企业"]).sum() == 1
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(seg.cut, "推进三区联动").result() == seg.cut("推进三区联动")


# ---------------------------------------------------------------------------------------------
# jieba: the process-wide tokenizer, logging and temp files are left alone
# ---------------------------------------------------------------------------------------------


def test_jieba_global_state_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd) -> None:
    import tempfile

    import jieba

    from policytext import segment

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    segment._jieba_base_dict.cache_clear()
    level = logging.getLogger("jieba").level
    seg = JiebaSegmenter(user_words=["青溪芯谷计划"])  # a word no other test builds a tokenizer with
    assert "青溪芯谷计划" in seg.cut("支持青溪芯谷计划")
    assert logging.getLogger("jieba").level == level
    assert list(tmp_path.iterdir()) == []  # no jieba.cache written
    assert "Building prefix dict" not in capfd.readouterr().err
    # the process-wide tokenizer never saw the word (jieba.lcut itself now logs and caches)
    assert "青溪芯谷计划" not in jieba.dt.FREQ
    assert "青溪芯谷计划" not in jieba.lcut("支持青溪芯谷计划")


@pytest.mark.parametrize("backend", ["jieba", "pkuseg"])
def test_equal_segmenters_share_one_tokenizer(
    segmenters: dict[str, Segmenter], pkuseg_model: Path, backend: str
) -> None:
    seg = segmenters[backend]
    seg.cut("三区联动")
    clone = pickle.loads(pickle.dumps(seg))
    clone.cut("三区联动")
    assert clone._backend is seg._backend  # type: ignore[attr-defined]
    options = {"model_dir": pkuseg_model} if backend == "pkuseg" else {}
    other = get_segmenter(backend, user_words=["另一个词"], **options)
    other.cut("三区联动")
    assert other._backend is not seg._backend  # type: ignore[attr-defined]


def test_rjieba_global_state_untouched() -> None:
    import rjieba

    seg = RjiebaSegmenter(user_words=["蓝湾芯谷计划"])
    assert "蓝湾芯谷计划" in seg.cut("支持蓝湾芯谷计划")
    assert not rjieba.has_word("蓝湾芯谷计划")


# ---------------------------------------------------------------------------------------------
# configuration errors say what to do
# ---------------------------------------------------------------------------------------------


def test_unknown_backend_lists_choices() -> None:
    with pytest.raises(ConfigError, match="jieba, pkuseg, rjieba"):
        get_segmenter("thulac")
    assert available_backends() == ["jieba", "pkuseg", "rjieba"]


def test_bad_option() -> None:
    with pytest.raises(ConfigError, match="bad option"):
        get_segmenter("jieba", model_dir="x")


def test_pkuseg_without_model_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"model_dir=.*pkuseg 0\.0\.25"):
        PkusegSegmenter()
    with pytest.raises(ConfigError, match="does not exist"):
        PkusegSegmenter(model_dir=tmp_path / "missing")
    with pytest.raises(ConfigError, match="not a pkuseg model folder"):
        PkusegSegmenter(model_dir=tmp_path)


def test_user_words_must_be_a_collection() -> None:
    with pytest.raises(TypeError, match="iterable of words"):
        JiebaSegmenter(user_words="高新技术企业")


# ---------------------------------------------------------------------------------------------
# sentences, stopwords, lexicons
# ---------------------------------------------------------------------------------------------

SENTENCES = [
    ("full stop", "加快发展。推进改革。", ["加快发展。", "推进改革。"]),
    ("decimal is not an end", "增长3.5%。", ["增长3.5%。"]),
    ("closing quote stays", "提出“三区联动”。”下一句", ["提出“三区联动”。”", "下一句"]),
    ("semicolon and line break", "一是创新；二是协调\n三是绿色", ["一是创新；", "二是协调", "三是绿色"]),
    ("question and exclamation", "怎么办？干！", ["怎么办？", "干！"]),
    ("no end keeps the tail", "没有句号", ["没有句号"]),
    ("blank", " \n ", []),
]


@pytest.mark.parametrize(("label", "text", "expect"), SENTENCES, ids=[c[0] for c in SENTENCES])
def test_split_sentences(label: str, text: str, expect: list[str]) -> None:
    assert split_sentences(text) == expect, label


def test_split_sentences_keeps_every_character() -> None:
    text = (RAW / "003_0133ad35131ad471.txt").read_text(encoding="utf-8")
    assert "".join(split_sentences(text)) == "".join(text.split())


def test_stopwords() -> None:
    general, policy = load_stopwords(policy=False), load_stopwords(policy=True)
    assert general < policy
    assert {"的", "了", "和"} <= general
    assert {"坚持", "推进", "加快", "进一步", "加强", "积极"} <= policy - general
    # no policy term is thrown away as a stopword
    assert not policy & set(load_policy_terms())


def test_lexicon_files() -> None:
    terms = load_lexicon("policy_terms")
    assert terms.columns == ("term", "source")
    assert len(terms) >= 300
    assert len(set(terms.terms)) == len(terms)
    assert set(terms.column("source")) <= {"FYP11", "FYP12", "FYP14", "GWR", "CPC", "SH"}
    assert load_lexicon("stopwords").columns[0] == "word"
    assert load_lexicon("policy_stopwords").columns == ("word", "kind")
