"""Compare documents across five-year-plan periods: coherence by K, topic shares by period with
bootstrap confidence intervals, and the distinctive terms of 十二五, 十三五 and 十四五.

    .venv/bin/python scripts/compare_eras.py [FOLDER] [--ks 4 6 8 10] [--k K] [--out DIR]

FOLDER defaults to ../shared/corpus/local (64 documents, 2012–2026, with manifest.csv). Every
number is seeded (gensim LdaModel with random_state, a seeded bootstrap), so a rerun prints the
same output except the final runtime line; check with

    .venv/bin/python scripts/compare_eras.py > a.txt; .venv/bin/python scripts/compare_eras.py > b.txt
    diff <(grep -v runtime a.txt) <(grep -v runtime b.txt)

With --out DIR it also writes the figures (coherence.png, shares.png) and the R export there.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "local"
ERAS = ("十二五", "十三五", "十四五")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--ks", type=int, nargs="+", default=[4, 6, 8, 10], help="K to score")
    parser.add_argument("--k", type=int, default=None, help="K to fit (default: best c_v)")
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=12, help="distinctive terms per period")
    parser.add_argument("--era", default="period", choices=["period", "year"],
                        help="period: the plan a document names, else its year's (default); "
                             "year: always the plan period its year falls in")
    parser.add_argument("--out", default=None, help="folder for figures and the R export")
    args = parser.parse_args(argv)

    for name in ("jieba", "gensim"):
        logging.getLogger(name).setLevel(logging.WARNING)
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.keyness import distinctive_terms
    from policytext.topics import TopicModel, choose_k, topic_shares

    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.unicode.east_asian_width", True)
    start = time.perf_counter()

    corpus = Corpus.from_folder(args.folder, era=args.era)
    print(f"corpus: {len(corpus)} documents from {args.folder}")
    for name, message in corpus.errors:
        print(f"  skipped {name}: {message}")
    counts = corpus.docs.groupby("era", dropna=False).size()
    print("documents by era:", ", ".join(f"{k}={v}" for k, v in counts.items()))
    sources = corpus.docs["era_source"].value_counts().to_dict()
    print("era taken from:", ", ".join(f"{k}={v}" for k, v in sorted(sources.items())),
          "(a period the document names is used when it fits the document's year)")

    dtm = corpus.dtm(min_df=2, max_df=0.9)
    print(f"document-term matrix: {dtm.shape[0]} documents x {dtm.shape[1]} terms, "
          f"{int(dtm.matrix.sum())} tokens")

    params = dict(backend="gensim", passes=args.passes, iterations=100, random_state=args.seed)
    print("\n== coherence by K (gensim LdaModel; higher is better) ==")
    table = choose_k(dtm, args.ks, **params)
    print(table.to_string(index=False, float_format=lambda v: f"{v:.4f}"))
    k = args.k or int(table.loc[table["best"], "k"].iloc[0])

    model = TopicModel(n_topics=k, **params).fit(dtm)
    theta = model.transform(dtm)
    labels = model.labels(3, method="frex")
    print(f"\n== topics (K={k}): top terms by relevance (lambda=0.6) ==")
    top = model.top_terms(8, method="relevance", lambda_=0.6)
    for topic in range(k):
        terms = " ".join(top.loc[top["topic"] == topic, "term"])
        print(f"{topic:>2} [{labels[topic]}] {terms}")

    print("\n== topic shares by period, mean of document shares, 95% bootstrap CI (1000 draws) ==")
    shares = topic_shares(theta, dtm.docs, by="era", n_boot=1000, random_state=args.seed, labels=labels)
    shares = shares[shares["era"].isin(ERAS)]
    shares = shares.assign(ci=[f"[{lo:.3f}, {hi:.3f}]" for lo, hi in zip(shares["ci_low"],
                                                                          shares["ci_high"], strict=True)])
    wide = shares.pivot(index=["topic", "label"], columns="era", values="share")[list(ERAS)]
    cis = shares.pivot(index=["topic", "label"], columns="era", values="ci")[list(ERAS)]
    for (topic, label), row in wide.iterrows():
        cells = "  ".join(f"{era} {row[era]:.3f} {cis.loc[(topic, label), era]}" for era in ERAS)
        print(f"{topic:>2} {label:<16} {cells}")

    print("\n== distinctive terms: each period against the other two (G², log ratio) ==")
    keyed = dtm.subset(dtm.docs["era"].isin(ERAS))
    table = distinctive_terms(keyed, by="era", min_count=5, top=args.top)
    for era in ERAS:
        rows = table[table["group"] == era]
        print(f"{era}: " + ", ".join(f"{t}({g:.1f}, {lr:+.2f})" for t, g, lr in
                                       zip(rows["term"], rows["g2"], rows["log_ratio"], strict=True)))
    print("\n== 十四五 against 十二五 ==")
    pair = distinctive_terms(keyed, by="era", target="十四五", reference="十二五", min_count=5,
                             top=args.top, direction="both")
    print(pair[["term", "target", "reference", "g2", "log_ratio"]].to_string(
        index=False, float_format=lambda v: f"{v:.2f}"))

    if args.out:
        from policytext.export import to_r
        from policytext.plots import plot_coherence, plot_topic_shares

        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        plot_coherence(choose_k(dtm, args.ks, **params)).savefig(out / "coherence.png", dpi=120)
        plot_topic_shares(shares).savefig(out / "shares.png", dpi=120)
        to_r(dtm, out / "r")
        print(f"\nfigures and R export written to {out}")
    print(f"\nruntime: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
