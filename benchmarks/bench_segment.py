"""Segmentation throughput and agreement, as ratios measured in one run.

For each backend (lexicon loaded, protected spans on) this prints characters per second and the
ratio to bare ``jieba.lcut`` on the same lines in the same process, so the figures do not depend
on how busy the machine is. It also prints how many jieba+lexicon tokens the fast backend
(rjieba) reproduces at the same place (target >= 0.98) and its speed ratio (target >= 15x).

Text: the five seeds plus the .txt and .html documents of ../shared/corpus (read with
policytext.read_document), split into lines.

    .venv/bin/python benchmarks/bench_segment.py
    .venv/bin/python benchmarks/bench_segment.py --max-chars 300000 --pkuseg-model path/to/models/default
    .venv/bin/python benchmarks/bench_segment.py --hmm     # both jieba backends with the HMM on

Without ``--pkuseg-model`` the pkuseg row uses a tiny model trained here on the seeds (its speed
is that of spacy-pkuseg's decoder with few features, not of the 182 MB default model).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from policytext.errors import ReadError
from policytext.io import read_document
from policytext.segment import get_segmenter, split_sentences, token_agreement

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_lines(max_chars: int) -> list[str]:
    paths = sorted((ROOT / "data" / "raw").glob("*.txt"))
    for folder in ("local", "central", "html"):
        paths += sorted((SHARED / "corpus" / folder).glob("*.*"))
    lines: list[str] = []
    total = 0
    for path in paths:
        if path.suffix not in {".txt", ".html", ".htm"}:
            continue
        try:
            text = read_document(path).text
        except ReadError:
            continue
        for line in text.splitlines():
            line = line.strip()
            if line:
                lines.append(line)
                total += len(line)
        if total >= max_chars:
            break
    return lines


def best_time(cut: Callable[[str], object], lines: Sequence[str], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for line in lines:
            cut(line)
        timings.append(time.perf_counter() - start)
    return min(timings)


def tiny_pkuseg_model(folder: Path) -> Path:
    import spacy_pkuseg

    plain = get_segmenter("jieba", lexicons=())
    sentences = []
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        sentences += [s for s in split_sentences(path.read_text("utf-8")) if len(s) >= 8]
    train = folder / "train.txt"
    train.write_text("\n".join(" ".join(plain.cut(s)) for s in sentences[:400]) + "\n", "utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        spacy_pkuseg.train(str(train), str(train), str(folder / "model"), train_iter=3)
    return folder / "model"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-chars", type=int, default=400_000, help="text to segment (default 400000)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved timed rounds; best is kept")
    parser.add_argument("--pkuseg-model", type=Path, help="a pkuseg model folder (default: train a tiny one)")
    parser.add_argument("--hmm", action="store_true", help="turn on the HMM guesser of both jieba backends")
    parser.add_argument("--pkuseg-chars", type=int, default=100_000, help="text for the slow pkuseg row")
    args = parser.parse_args(argv)

    import jieba

    lines = load_lines(args.max_chars)
    n_chars = sum(map(len, lines))
    print(f"text: {len(lines)} lines, {n_chars} characters (seeds + ../shared/corpus)")

    jieba.setLogLevel(30)  # a benchmark script may quiet jieba's global logger
    jieba.initialize()
    segmenters = {name: get_segmenter(name, hmm=args.hmm) for name in ("jieba", "rjieba")}
    print(f"jieba backends with hmm={args.hmm}")
    for seg in segmenters.values():
        seg.cut("预热")  # build the tokenizer and load the lexicon before timing
    # Rounds interleave the contenders and each keeps its best pass, so that load from other
    # processes on a shared machine hits all of them alike.
    contenders: dict[str, Callable[[str], object]] = {"lcut": jieba.lcut}
    contenders.update({name: seg.cut for name, seg in segmenters.items()})
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(args.repeat):
        for name, cut in contenders.items():
            best[name] = min(best[name], best_time(cut, lines, 1))
    baseline = best["lcut"]
    ratios = {name: baseline / best[name] for name in segmenters}
    print(f"\n{'backend':<28}{'chars/s':>12}{'x jieba.lcut':>14}")
    print(f"{'jieba.lcut (bare, global)':<28}{n_chars / baseline:>12,.0f}{1.0:>14.2f}")
    for name in segmenters:
        print(f"{name + ' + lexicon':<28}{n_chars / best[name]:>12,.0f}{ratios[name]:>14.2f}")

    # pkuseg: a slice of the text, compared with jieba.lcut on the same slice
    with tempfile.TemporaryDirectory() as tmp:
        model = args.pkuseg_model or tiny_pkuseg_model(Path(tmp))
        label = "pkuseg + lexicon" + ("" if args.pkuseg_model else " (tiny model)")
        pku = get_segmenter("pkuseg", model_dir=model)
        pku.cut("预热")
        some, total = [], 0
        for line in lines:
            some.append(line)
            total += len(line)
            if total >= args.pkuseg_chars:
                break
        base_some = elapsed = float("inf")
        for _ in range(2):
            base_some = min(base_some, best_time(jieba.lcut, some, 1))
            elapsed = min(elapsed, best_time(pku.cut, some, 1))
        print(f"{label:<28}{total / elapsed:>12,.0f}{base_some / elapsed:>14.2f}")

    # agreement of the fast backend with jieba + lexicon, token by token at the same place
    reference = segmenters["jieba"]
    fast = segmenters["rjieba"]
    per_line = []
    agreed = tokens = 0.0
    differing = 0
    for line in lines:
        ref = reference.cut(line)
        score = token_agreement(ref, fast.cut(line))
        agreed += score * len(ref)
        tokens += len(ref)
        per_line.append(score)
        differing += score < 1.0
    agreement = agreed / tokens if tokens else 1.0
    print(
        f"\nrjieba vs jieba+lexicon: {agreement:.4f} of {int(tokens)} tokens agree "
        f"({differing} of {len(lines)} lines differ; median line {statistics.median(per_line):.3f})"
    )
    print(f"fast backend speed: {ratios['rjieba']:.1f}x jieba.lcut (target >= 15x); "
          f"agreement {agreement:.4f} (target >= 0.98)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
