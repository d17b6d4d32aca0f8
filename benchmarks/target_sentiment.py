"""Target-dependent sentiment on NewsMTSC: whole-sentence VADER vs ``framing.target_sentiment``.

Usage::

    python benchmarks/target_sentiment.py ../shared/eval/newsmtsc-train [--news-lexicon]

PATH is the NewsMTSC folder (or its ``train.jsonl``). The file is split by
article (the ``allsides_<a>_<b>`` prefix of ``primary_gid``) with a fixed seed:
20 % of the articles are held out. The shipped coefficients
(``framing/data/models/target_sentiment.json``) are fitted on the other 80 % by
``benchmarks/train_target_sentiment.py``, so the figures below are on text the
model has never seen. Prints macro-F1 (and per-class F1) of

* the baseline: VADER's compound score of the whole sentence, thresholds +-0.05;
* the same baseline with the optional news lexicon (``--news-lexicon``);
* our method (:func:`framing.analyzers.sentiment.target_sentiment`).

The dataset text is read from PATH only; nothing from it is copied.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

POLARITY = {2: "negative", 4: "neutral", 6: "positive"}
SEED = 0
HOLDOUT_SHARE = 0.2


def load_newsmtsc(path: str | Path) -> list[dict]:
    """One record per target: group, sentence, start, end, label."""
    path = Path(path)
    if path.is_dir():
        path = path / "train.jsonl"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            group = "_".join(d["primary_gid"].split("_")[:3])
            for t in d["targets"]:
                rows.append(
                    {
                        "group": group,
                        "sentence": d["sentence_normalized"],
                        "start": int(t["from"]),
                        "end": int(t["to"]),
                        "label": POLARITY[int(t["polarity"])],
                    }
                )
    return rows


def split(rows: list[dict], seed: int = SEED, share: float = HOLDOUT_SHARE) -> tuple[list[dict], list[dict]]:
    """Split by article group: (train, held_out), deterministic."""
    groups = sorted({r["group"] for r in rows})
    random.Random(seed).shuffle(groups)
    held = set(groups[: int(len(groups) * share)])
    return [r for r in rows if r["group"] not in held], [r for r in rows if r["group"] in held]


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for c in ("negative", "neutral", "positive"):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        per[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / 3, per


def vader_label(compound: float) -> str:
    return "negative" if compound <= -0.05 else "positive" if compound >= 0.05 else "neutral"


def main(argv: list[str] | None = None) -> int:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.analyzers.sentiment import news_analyzer, target_sentiment

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--news-lexicon", action="store_true", help="also show whole-sentence VADER with the news lexicon")
    args = ap.parse_args(argv)
    if not Path(args.path).exists():
        print(f"{args.path}: not found; pass the NewsMTSC folder (shared/eval/newsmtsc-train) or its train.jsonl",
              file=sys.stderr)
        return 2
    rows = load_newsmtsc(args.path)
    _, held = split(rows)
    gold = [r["label"] for r in held]
    print(f"NewsMTSC {args.path}: {len(rows)} targets, held out {len(held)} (seed {SEED}, split by article)")
    sia = SentimentIntensityAnalyzer()
    f1, per = macro_f1(gold, [vader_label(sia.polarity_scores(r["sentence"])["compound"]) for r in held])
    print(f"baseline whole-sentence VADER     macro-F1 {f1:.4f}  " + "  ".join(f"{k} {v:.3f}" for k, v in per.items()))
    if args.news_lexicon:
        nsia = news_analyzer()
        f1, per = macro_f1(gold, [vader_label(nsia.polarity_scores(r["sentence"])["compound"]) for r in held])
        print(f"whole-sentence VADER+news lexicon macro-F1 {f1:.4f}  " + "  ".join(f"{k} {v:.3f}" for k, v in per.items()))
        # the lexicon was written by hand, not fitted: the whole file is fair ground too
        allg = [r["label"] for r in rows]
        f0, _ = macro_f1(allg, [vader_label(sia.polarity_scores(r["sentence"])["compound"]) for r in rows])
        f1, _ = macro_f1(allg, [vader_label(nsia.polarity_scores(r["sentence"])["compound"]) for r in rows])
        print(f"all {len(rows)} targets: whole-sentence VADER macro-F1 {f0:.4f}, with news lexicon {f1:.4f}")
    t0 = time.perf_counter()
    pred = [target_sentiment(r["sentence"], r["start"], r["end"]).label for r in held]
    dt = time.perf_counter() - t0
    f1, per = macro_f1(gold, pred)
    print(f"framing.target_sentiment          macro-F1 {f1:.4f}  " + "  ".join(f"{k} {v:.3f}" for k, v in per.items()))
    print(f"target_sentiment: {dt / len(held) * 1e6:.0f} us per target (incl. sentence split and VADER)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
