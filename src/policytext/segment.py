"""Word segmentation that keeps policy terms, quantities and masked tokens whole.

One :class:`Segmenter` protocol, three backends, chosen by name with :func:`get_segmenter`:

* ``"jieba"`` (default) -- :class:`JiebaSegmenter`, its own ``jieba.Tokenizer`` per object;
  the process-wide ``jieba`` tokenizer is never touched.
* ``"rjieba"`` -- :class:`RjiebaSegmenter`, jieba-rs through the ``rjieba`` package
  (``pip install policytext[fast]``), about 17x faster than ``jieba.lcut`` and token for token
  the same as the jieba backend (``benchmarks/bench_segment.py``).
* ``"pkuseg"`` -- :class:`PkusegSegmenter`, spacy-pkuseg with a model folder you supply
  (``pip install policytext[pkuseg]``; see the README section "Segmentation").

Every backend loads the words of the :data:`DEFAULT_LEXICONS` (policy terms and programme names)
and any ``user_words``, so 高新技术企业 and 三区联动 stay one token, and protects quantities
(4500家, 3.5%, 20亿元) and masked tokens (201*, ***, ****万元) as :data:`PROTECTED_RE` describes,
before the backend sees the text.
Whitespace is never a token. Segmenters are picklable (their parameters are pickled, the
tokenizer is rebuilt lazily), so they work as ``tokenizer=`` in scikit-learn vectorizers and in
worker processes.

>>> seg = get_segmenter("jieba")
>>> seg.cut("到2025年，高新技术企业超过4500家")
['到', '2025年', '，', '高新技术企业', '超过', '4500家']
>>> seg("推进三区联动") == seg.cut("推进三区联动")
True
>>> seg.cut("")
[]
"""

from __future__ import annotations

import functools
import logging
import os
import re
import string
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import regex

from policytext.errors import ConfigError
from policytext.lexicon import load_lexicon

__all__ = [
    "DEFAULT_LEXICONS",
    "PROTECTED_RE",
    "SENTENCE_END_RE",
    "JiebaSegmenter",
    "PkusegSegmenter",
    "RjiebaSegmenter",
    "Segmenter",
    "available_backends",
    "get_segmenter",
    "load_policy_terms",
    "load_stopwords",
    "split_sentences",
    "token_agreement",
]

# ---------------------------------------------------------------------------------------------
# protected spans: quantities and masked tokens
# ---------------------------------------------------------------------------------------------

# Units that may follow a number; longest first so 平方公里 wins over 公里 and 万元 over 元.
_UNITS = sorted(
    {
        "%", "％", "‰", "个百分点", "百分点", "倍", "成",
        "元", "美元", "欧元", "港元", "块",
        "家", "个", "项", "人", "人次", "名", "位", "户", "所", "座", "条", "件", "次", "篇", "部",
        "本", "册", "张", "台", "套", "辆", "艘", "架", "栋", "幢", "间", "床", "支", "批", "类", "种",
        "处", "片", "层", "级", "期", "届", "场", "轮", "批次", "例", "宗", "笔",
        "平方米", "平方公里", "平方千米", "万平方米", "公顷", "亩", "公里", "千米", "米", "厘米",
        "吨", "千克", "公斤", "克", "升", "立方米", "标准箱", "标箱",
        "千瓦", "千瓦时", "兆瓦", "吉瓦", "瓦", "度", "千伏", "伏",
        "岁", "年", "年度", "周年", "月", "日", "号", "天", "周", "小时", "分钟", "秒", "季度",
        "GW", "MW", "kW", "KW", "kWh", "TEU", "G", "M",
    },
    key=len,
    reverse=True,
)

# A one-character unit is not taken when it begins a common word instead: 18部门 is 18 + 部门,
# ***人社局 is *** + 人社局, 70周年 takes the unit 周年. Keys: the unit; values: characters that,
# following it, make such a word (人才, 人力, 人社, 人民, 人大, 部门, 家庭, 所有, 名单, 成立 ...).
_UNIT_NOT_BEFORE = {
    "人": "力才社民大员口事群",
    "部": "门署分委",
    "家": "庭电具政",
    "所": "有在属以得",
    "名": "单称牌录额义",
    "号": "召称",
    "日": "常益",
    "期": "间限望",
    "级": "别",
    "种": "植类子",
    "条": "例件款",
    "件": "事",
    "批": "准复示",
    "处": "理置级长",
    "片": "区",
    "层": "次面级",
    "场": "所景地",
    "度": "过假",
    "成": "为果效立功本员",
    "类": "型别",
    "台": "湾阶账",
    "周": "边期",
    "位": "于置",
    "支": "持付出",
    "本": "地市区届级",
    "天": "然津地",
    "年": "轻",
    "月": "份",
}


def _unit_alternative(unit: str) -> str:
    forbidden = _UNIT_NOT_BEFORE.get(unit)
    return re.escape(unit) + (f"(?![{forbidden}])" if forbidden else "")


# A quantity or a masked number, from its first character (a digit or an asterisk) on.
_QUANTITY = r"""
    (?:
        [0-9０-９*＊]*[*＊][0-9０-９*＊]*     # a masked number: 201*, ***, 2*2*
      | [0-9０-９]+(?:[,，][0-9]{3})*        # digits with thousands separators
        (?:[.．][0-9０-９]+)?                # decimal part
    )
    (?:[余多])?                             # approximation: 1000余家
    (?:[十百千万亿]+[余多]?)?                 # multipliers: 1.8万, 20亿, 10万余
    (?:""" + "|".join(_unit_alternative(u) for u in _UNITS) + r""")?  # unit
    (?![A-Za-z])                            # a unit does not run into a Latin word
"""

#: Quantities (4500家, 1.8万家, 3.5%, 20亿元, 1000余家) and masked tokens (201*, ***, ****万元).
PROTECTED_RE = regex.compile(
    r"(?<![0-9０-９A-Za-z.．])  # not inside a longer number or a Latin word (H7N9)\n" + _QUANTITY,
    regex.VERBOSE,
)

# What cut() splits on, in one pass: whitespace runs (dropped) and protected spans (kept whole).
# Every alternative starts with one of a few characters, and the lookahead lets the engine skip
# Han text quickly; the "not after a Latin letter" test of PROTECTED_RE is done in cut().
_SPLIT_RE = re.compile(
    r"(?=[\s0-9０-９*＊])(?:(?P<space>\s+)|(?P<keep>" + _QUANTITY + "))",
    re.VERBOSE,
)
_NO_PROTECT_AFTER = frozenset("0123456789０１２３４５６７８９.．") | frozenset(string.ascii_letters)


# ---------------------------------------------------------------------------------------------
# lexicons
# ---------------------------------------------------------------------------------------------


#: Lexicons whose first column every segmenter keeps whole, unless told otherwise.
DEFAULT_LEXICONS = ("policy_terms", "programmes")

# A word a jieba dictionary can hold: the characters jieba keeps together in one block. Lexicon
# entries with other characters (双随机、一公开) cannot be one jieba token and are left out.
_WORD_RE = regex.compile(r"[\p{Han}A-Za-z0-9０-９+#&._%\-*＊]+")


@functools.cache
def load_policy_terms(lexicons: tuple[str, ...] = DEFAULT_LEXICONS) -> tuple[str, ...]:
    """Words to keep whole: the first column of each named lexicon, longest first.

    Entries with punctuation or spaces are left out (no jieba token can hold them), as are
    single characters.

    >>> terms = load_policy_terms()
    >>> "高新技术企业" in terms, "千人计划" in terms
    (True, True)
    >>> len(terms[0]) >= len(terms[-1])
    True
    """
    words: set[str] = set()
    for name in lexicons:
        words.update(t for t in load_lexicon(name).terms if len(t) > 1 and _WORD_RE.fullmatch(t))
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def load_stopwords(policy: bool = True) -> frozenset[str]:
    """General Chinese stopwords, plus policy boilerplate (坚持, 推进, 加快 ...) when ``policy``.

    >>> "的" in load_stopwords(policy=False)
    True
    >>> "推进" in load_stopwords(), "推进" in load_stopwords(policy=False)
    (True, False)
    >>> "高新技术企业" in load_stopwords()
    False
    """
    words = set(load_lexicon("stopwords").terms)
    if policy:
        words.update(load_lexicon("policy_stopwords").terms)
    words.discard("")
    return frozenset(words)


# ---------------------------------------------------------------------------------------------
# sentences
# ---------------------------------------------------------------------------------------------

#: A sentence ends at 。！？!? or ； (optionally followed by closing quotes/brackets), or at a newline.
SENTENCE_END_RE = regex.compile(
    r"""
    (?:[。！？!?；;]+[”’」』）)\]】]*)        # terminal punctuation and what closes after it
    | \n+                                   # a line break ends a sentence too
    """,
    regex.VERBOSE,
)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences on 。！？； and line breaks; blank pieces are dropped.

    A decimal point or a full stop inside a number is not a sentence end.

    >>> split_sentences("加快发展。到2025年，增长3.5%！“十四五”时期；\\n二、主要任务")
    ['加快发展。', '到2025年，增长3.5%！', '“十四五”时期；', '二、主要任务']
    >>> split_sentences("   ")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects str, got {type(text).__name__}")
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        piece = text[start : match.end()].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


# ---------------------------------------------------------------------------------------------
# the protocol and the shared machinery
# ---------------------------------------------------------------------------------------------


@runtime_checkable
class Segmenter(Protocol):
    """What every backend offers: ``cut(text) -> list[str]``; calling the object is the same."""

    name: str

    def cut(self, text: str) -> list[str]: ...

    def __call__(self, text: str) -> list[str]: ...


# Built tokenizers, read-only once built, shared by segmenters with the same backend and words
# (copies made by pickling, scikit-learn's clone, ...) for as long as one of them is alive.
_SHARED: weakref.WeakValueDictionary[tuple[Any, ...], Any] = weakref.WeakValueDictionary()


class _BaseSegmenter:
    """Protected spans, lexicon words, pickling and lazy building; backends add ``_cut_plain``.

    Subclasses store only plain parameters in ``__init__``; ``_build()`` makes the tokenizer on
    first use, and pickling drops it.
    """

    name = "base"

    def __init__(
        self,
        *,
        user_words: Iterable[str] = (),
        lexicons: Iterable[str] = DEFAULT_LEXICONS,
    ) -> None:
        if isinstance(user_words, str):
            raise TypeError("user_words must be an iterable of words, not one string")
        self.user_words = tuple(w.strip() for w in user_words if w and w.strip())
        self.lexicons = tuple(lexicons)
        self._backend: Any = None
        self._protect_re: Any = None

    # -- configuration --------------------------------------------------------------------------
    @property
    def words(self) -> tuple[str, ...]:
        """Every word this segmenter keeps whole: lexicon terms and ``user_words``, longest first."""
        words = set(load_policy_terms(self.lexicons)) | set(self.user_words)
        return tuple(sorted(words, key=lambda w: (-len(w), w)))

    def _params(self) -> dict[str, Any]:
        return {"user_words": self.user_words, "lexicons": self.lexicons}

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self._params().items() if k != "user_words")
        return f"{type(self).__name__}({params}, user_words=<{len(self.user_words)} words>)"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._params() == self._params()

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple(sorted(self._params().items(), key=lambda kv: kv[0]))))

    # -- pickling: parameters only, the tokenizer is rebuilt on first use ------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_backend"] = None
        state["_protect_re"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # -- segmentation ---------------------------------------------------------------------------
    def _build(self) -> Any:  # pragma: no cover - every backend overrides it
        raise NotImplementedError

    def _share_key(self) -> tuple[Any, ...] | None:
        """Segmenters with equal keys can share one built tokenizer (None: never share)."""
        return None

    def _shared_build(self) -> Any:
        key = self._share_key()
        if key is None:
            return self._build()
        backend = _SHARED.get(key)
        if backend is None:
            backend = self._build()
            _SHARED[key] = backend
        return backend

    def _cut_plain(self, backend: Any, text: str) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    def _specials(self) -> tuple[Any, Any] | None:
        """For lexicon words that hold a digit or ``*`` (973计划, 中国制造2025), which the quantity
        rule would cut: a pattern that finds them, and a split pattern that keeps them whole."""
        if self._protect_re is None:
            special = [w for w in self.words if regex.search(r"[0-9０-９*＊]", w)]
            if special:
                literal = "|".join(re.escape(w) for w in special)  # self.words is longest first
                self._protect_re = (
                    re.compile(literal),
                    re.compile(rf"(?P<special>{literal})|{_SPLIT_RE.pattern}", re.VERBOSE),
                )
            else:
                self._protect_re = False
        return self._protect_re or None

    def cut(self, text: str) -> list[str]:
        """Segment ``text`` into tokens; whitespace is dropped, protected spans stay whole.

        One pass of one compiled pattern splits the text at whitespace and protected spans; the
        backend only ever sees the plain stretches between them, so it never returns whitespace.
        """
        if not isinstance(text, str):
            if isinstance(text, bytes):
                raise TypeError("cut expects str, got bytes: decode it first (policytext.read_document)")
            raise TypeError(f"cut expects str, got {type(text).__name__}")
        backend = self._backend
        if backend is None:
            backend = self._backend = self._shared_build()
        split_re = _SPLIT_RE
        specials = self._specials()
        if specials is not None and specials[0].search(text):
            split_re = specials[1]
        cut_plain = self._cut_plain
        tokens: list[str] = []
        pos = 0
        for match in split_re.finditer(text):  # the hot loop of every backend
            group, start = match.lastgroup, match.start()
            if group == "keep" and start and text[start - 1] in _NO_PROTECT_AFTER:
                continue  # a number inside a Latin code (H7N9) is not a quantity
            if start > pos:
                tokens += cut_plain(backend, text[pos:start])
            if group != "space":
                tokens.append(match.group())
            pos = match.end()
        if pos < len(text):
            tokens += cut_plain(backend, text[pos:])
        return tokens

    def __call__(self, text: str) -> list[str]:
        return self.cut(text)


# ---------------------------------------------------------------------------------------------
# jieba
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _jieba_base_dict() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary, built in memory once per process (no cache file is written)."""
    import jieba

    with _quiet_logger("jieba"):
        tokenizer = jieba.Tokenizer()
        freq, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    return freq, total


class _quiet_logger:
    """Raise one logger's level to WARNING inside a ``with`` block, then restore it."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)
        self.level = self.logger.level

    def __enter__(self) -> None:
        self.level = self.logger.level
        self.logger.setLevel(logging.WARNING)

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.level)


class _JiebaLike(_BaseSegmenter):
    """A jieba-style backend: the base parameters plus ``hmm``, jieba's new-word guesser."""

    def __init__(
        self,
        *,
        user_words: Iterable[str] = (),
        lexicons: Iterable[str] = DEFAULT_LEXICONS,
        hmm: bool = False,
    ) -> None:
        super().__init__(user_words=user_words, lexicons=lexicons)
        self.hmm = bool(hmm)

    def _params(self) -> dict[str, Any]:
        return {**super()._params(), "hmm": self.hmm}


class JiebaSegmenter(_JiebaLike):
    """jieba with its own ``jieba.Tokenizer`` holding the lexicon words.

    ``hmm`` turns on jieba's HMM guesser for words not in the dictionary (jieba's own default is
    on; here it is off by default, so that names are not glued together and so that the
    rjieba backend gives the same tokens).

    >>> seg = JiebaSegmenter(user_words=["科创板块链"])
    >>> "科创板块链" in seg.cut("发展科创板块链")
    True
    >>> import pickle
    >>> pickle.loads(pickle.dumps(seg)).cut("三区联动") == seg.cut("三区联动")
    True
    """

    name = "jieba"

    def _build(self) -> Any:
        import jieba

        freq, total = _jieba_base_dict()
        with _quiet_logger("jieba"):
            tokenizer = jieba.Tokenizer()
            tokenizer.FREQ = dict(freq)
            tokenizer.total = total
            tokenizer.initialized = True
            for word in self.words:
                tokenizer.add_word(word)
        return tokenizer

    def _share_key(self) -> tuple[Any, ...] | None:
        return ("jieba", self.words)  # HMM is chosen per call, so it is not part of the key

    def _cut_plain(self, backend: Any, text: str) -> list[str]:
        return backend.lcut(text, HMM=self.hmm)


# ---------------------------------------------------------------------------------------------
# rjieba (jieba-rs)
# ---------------------------------------------------------------------------------------------


class RjiebaSegmenter(_JiebaLike):
    """jieba-rs through ``rjieba`` (``pip install policytext[fast]``), one ``rjieba.Jieba`` each.

    ``rjieba.Jieba()`` is a per-object dictionary, so lexicon words added here never reach the
    module-level ``rjieba.cut``. With ``hmm=False`` (the default) it gives the same tokens as
    :class:`JiebaSegmenter`.

    >>> seg = RjiebaSegmenter()
    >>> seg.cut("到2025年，高新技术企业超过4500家")
    ['到', '2025年', '，', '高新技术企业', '超过', '4500家']
    """

    name = "rjieba"

    def _build(self) -> Any:
        try:
            import rjieba
        except ImportError as exc:
            raise ConfigError(
                "the 'rjieba' backend needs the rjieba package: pip install 'policytext[fast]'"
            ) from exc
        tokenizer = rjieba.Jieba()
        for word in self.words:
            tokenizer.add_word(word, None, None)  # rjieba wants all three arguments
        return tokenizer

    def _cut_plain(self, backend: Any, text: str) -> list[str]:
        return backend.cut(text, self.hmm)


# ---------------------------------------------------------------------------------------------
# pkuseg (spacy-pkuseg with a user-supplied model folder)
# ---------------------------------------------------------------------------------------------

_PKUSEG_HELP = (
    "the 'pkuseg' backend needs a model folder (model_dir=...): spacy-pkuseg ships none and "
    "cannot download one offline. Use the 'default' model of the original pkuseg package: "
    "download pkuseg-0.0.25.tar.gz from https://pypi.org/project/pkuseg/0.0.25/#files (pkuseg 0.0.25 "
    "cannot be pip-installed), unpack it and pass model_dir='pkuseg-0.0.25/pkuseg/models/default'; "
    "or train your own with spacy_pkuseg.train(train_file, test_file, model_dir). A model folder "
    "holds weights.npz (or model.txt) and features.msgpack (or features.pkl / features.json)."
)


def _check_pkuseg_model(model_dir: str | os.PathLike[str] | None) -> Path:
    if model_dir is None:
        raise ConfigError(_PKUSEG_HELP)
    path = Path(model_dir).expanduser()
    if not path.is_dir():
        raise ConfigError(f"pkuseg model folder {str(path)!r} does not exist; {_PKUSEG_HELP}")
    has_weights = any((path / f).is_file() for f in ("weights.npz", "model.txt"))
    has_features = any((path / f).is_file() for f in ("features.msgpack", "features.pkl", "features.json"))
    if not (has_weights and has_features):
        raise ConfigError(f"{str(path)!r} is not a pkuseg model folder; {_PKUSEG_HELP}")
    return path.resolve()


class PkusegSegmenter(_BaseSegmenter):
    """spacy-pkuseg (``pip install policytext[pkuseg]``) with a model folder you supply.

    The lexicon words and ``user_words`` go in as pkuseg's user dictionary (a list), which
    pkuseg matches longest-first before its model sees the rest. The folder is checked when the
    segmenter is made, so a missing model fails at once with a message saying what to do.

    >>> PkusegSegmenter(model_dir=None)
    Traceback (most recent call last):
    ...
    policytext.errors.ConfigError: the 'pkuseg' backend needs a model folder (model_dir=...): ...
    """

    name = "pkuseg"

    def __init__(
        self,
        *,
        model_dir: str | os.PathLike[str] | None = None,
        user_words: Iterable[str] = (),
        lexicons: Iterable[str] = DEFAULT_LEXICONS,
    ) -> None:
        super().__init__(user_words=user_words, lexicons=lexicons)
        self.model_dir = str(_check_pkuseg_model(model_dir))

    def _params(self) -> dict[str, Any]:
        return {**super()._params(), "model_dir": self.model_dir}

    def _build(self) -> Any:
        try:
            import spacy_pkuseg
        except ImportError as exc:
            raise ConfigError(
                "the 'pkuseg' backend needs spacy-pkuseg: pip install 'policytext[pkuseg]'"
            ) from exc
        _check_pkuseg_model(self.model_dir)
        try:
            return spacy_pkuseg.pkuseg(model_name=self.model_dir, user_dict=list(self.words))
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigError(f"could not load the pkuseg model in {self.model_dir!r}: {exc}") from exc

    def _share_key(self) -> tuple[Any, ...] | None:
        return ("pkuseg", self.model_dir, self.words)  # a model takes hundreds of MB: load it once

    def _cut_plain(self, backend: Any, text: str) -> list[str]:
        return backend.cut(text)


# ---------------------------------------------------------------------------------------------
# comparing backends
# ---------------------------------------------------------------------------------------------


def _spans(tokens: Iterable[str]) -> set[tuple[int, int]]:
    spans, pos = set(), 0
    for token in tokens:
        spans.add((pos, pos + len(token)))
        pos += len(token)
    return spans


def token_agreement(reference: Iterable[str], other: Iterable[str]) -> float:
    """Share of ``reference`` tokens that ``other`` also has, at the same place in the text.

    Both token lists must spell the same text (whitespace already dropped). An empty reference
    agrees fully.

    >>> token_agreement(["高新技术", "企业", "超过"], ["高新技术企业", "超过"])
    0.3333333333333333
    >>> token_agreement(["a"], ["b"])
    Traceback (most recent call last):
    ...
    ValueError: the two token lists spell different texts
    """
    reference, other = list(reference), list(other)
    if "".join(reference) != "".join(other):
        raise ValueError("the two token lists spell different texts")
    if not reference:
        return 1.0
    return len(_spans(reference) & _spans(other)) / len(reference)


# ---------------------------------------------------------------------------------------------
# choosing a backend
# ---------------------------------------------------------------------------------------------

_BACKENDS: dict[str, type[_BaseSegmenter]] = {
    "jieba": JiebaSegmenter,
    "rjieba": RjiebaSegmenter,
    "pkuseg": PkusegSegmenter,
}


def available_backends() -> list[str]:
    """Names accepted by :func:`get_segmenter`.

    >>> available_backends()
    ['jieba', 'pkuseg', 'rjieba']
    """
    return sorted(_BACKENDS)


def get_segmenter(name: str = "jieba", **options: Any) -> Segmenter:
    """Make a segmenter by backend name; ``options`` go to the backend's constructor.

    >>> get_segmenter("jieba").name
    'jieba'
    >>> get_segmenter("thulac")
    Traceback (most recent call last):
    ...
    policytext.errors.ConfigError: unknown segmenter 'thulac'; choose one of: jieba, pkuseg, rjieba
    """
    cls = _BACKENDS.get(name)
    if cls is None:
        raise ConfigError(f"unknown segmenter {name!r}; choose one of: {', '.join(available_backends())}")
    try:
        return cls(**options)
    except TypeError as exc:
        raise ConfigError(f"bad option for the {name!r} segmenter: {exc}") from exc
