"""Measure loaded-term flagging against BABE expert annotations.

Usage::

    python benchmarks/loaded_babe.py ../shared/eval/babe-dev/babe_dev.csv [--split A|B|all]
        [--recasens ../shared/eval/lexicons-recasens2013-mpqa/bias-lexicon/bias-lexicon_og.txt]

BABE (Spinde et al. 2021; AGPL-3.0) is used for measurement only: nothing
fitted on it ships with the package. Sentences with ``label_bias`` "No
agreement" are left out. ``--split A`` / ``B`` are the even / odd rows of the
file (the hand-set weights were tuned on A; report B).

Word level: per sentence, the set of lower-cased word tokens inside flagged
hits is compared with the set of lower-cased ``biased_words``; true/false
positives and false negatives are summed over sentences (micro P/R/F1).
Sentence level: the whole BABE sentence is one span for
:func:`framing.analyzers.loaded.loaded_sentence_scores` (noisy-or of the term
scores); ``flagged`` (score >= the model's ``sentence_threshold``, tuned on
half A) predicts ``label_bias == Biased``; macro-F1 over the two classes.
"""
from __future__ import annotations

import argparse
import ast
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.analyzers.loaded import find_loaded_terms, loaded_sentence_scores  # noqa: E402
from framing.lexicons import stem  # noqa: E402
from framing.text import TOKEN_RE  # noqa: E402


def read_babe(path: Path, split: str) -> pd.DataFrame:
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    df = df.reset_index(drop=True)
    if split == "A":
        df = df.iloc[0::2]
    elif split == "B":
        df = df.iloc[1::2]
    df = df[df["label_bias"].isin(["Biased", "Non-biased"])].copy()
    df["gold"] = [
        {w.lower() for w in ast.literal_eval(s)} if isinstance(s, str) and s.strip() else set()
        for s in df["biased_words"]
    ]
    return df


def score(df: pd.DataFrame, flagged: list[set[str]], sentence_flags: list[bool] | None = None) -> dict[str, float]:
    tp = fp = fn = 0
    for gold, pred in zip(df["gold"], flagged):
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    y = (df["label_bias"] == "Biased").to_numpy()
    yhat = [bool(x) for x in (flagged if sentence_flags is None else sentence_flags)]
    return {"word_P": p, "word_R": r, "word_F1": f, "sent_macroF1": f1_score(y, yhat, average="macro"),
            "sent_flag_rate": sum(yhat) / max(len(yhat), 1)}


def framing_flags(texts: list[str], uncommon: bool = False) -> tuple[list[set[str]], list[bool]]:
    """Flagged words and the sentence flag of each text."""
    out = []
    sent = []
    for t in texts:
        d = find_loaded_terms(t, warn_language=False, uncommon=uncommon)
        words: set[str] = set()
        for s, e in zip(d.loc[d["flagged"], "start"], d.loc[d["flagged"], "end"]):
            words.update(m.group().lower() for m in TOKEN_RE.finditer(t, s, e))
        out.append(words)
        sent.append(loaded_sentence_scores(d, [(0, len(t))])[0][3])
    return out, sent


def recasens_flags(texts: list[str], lexicon_path: Path) -> list[set[str]]:
    lemmas = {ln.strip().lower() for ln in lexicon_path.read_text("utf-8").splitlines()
              if ln.strip() and not ln.startswith("#")}
    return [{m.group().lower() for m in TOKEN_RE.finditer(t) if m.group().lower() in lemmas} for t in texts]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, help="babe_dev.csv")
    ap.add_argument("--split", choices=["A", "B", "all"], default="all")
    ap.add_argument("--recasens", type=Path, default=None,
                    help="Recasens et al. 2013 bias lexicon (bias-lexicon_og.txt) for the baseline")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: not found", file=sys.stderr)
        return 2
    df = read_babe(args.path, args.split)
    texts = df["text"].astype(str).tolist()
    print(f"BABE {args.path.name} split={args.split}: {len(df)} sentences "
          f"({int((df['label_bias'] == 'Biased').sum())} biased), {sum(len(g) for g in df['gold'])} gold words")
    for uncommon, label in ((True, "framing loaded (default):  "), (False, "without uncommon words:   ")):
        t0 = time.perf_counter()
        res = score(df, *framing_flags(texts, uncommon))
        dt = time.perf_counter() - t0
        print(label + "  ".join(f"{k}={v:.3f}" for k, v in res.items()) + f"  ({dt:.2f}s)")
    rec = args.recasens or (args.path.resolve().parents[1] / "lexicons-recasens2013-mpqa" / "bias-lexicon"
                            / "bias-lexicon_og.txt")
    if rec.exists():
        base = score(df, recasens_flags(texts, rec))
        print("Recasens lexicon only:    " + "  ".join(f"{k}={v:.3f}" for k, v in base.items()))
    else:
        print(f"(Recasens baseline skipped: {rec} not found)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
