"""Fit framing's trainable classifier on BABE sentences and score it.

Usage::

    python benchmarks/classifier_babe.py DEV_CSV [TEST_CSV] [--folds 5] [--word-lists DIR]
        [--C 0.25 1 4] [--no-char] [--features lexicon vader quotes style] [--fit-time]

With TEST_CSV: fit on DEV_CSV (options chosen by cross-validation inside it) and report per-class
P/R/F1 and macro-F1 on TEST_CSV. With one file: nested k-fold cross-validation on it
(:func:`framing.evaluate_classifier`) -- a DEV figure if you chose any option by looking at it.
``--fit-time`` also times one fit on 2,000 sentences (the file's rows, repeated to 2,000 if fewer).
``--word-lists DIR`` adds every ``*.txt`` file in DIR as a word list (e.g. the Recasens/Pryzant lists
in ../shared/eval/lexicons-pryzant2020, which the package does not ship).

BABE (Spinde et al. 2021) is AGPL-3.0: nothing fitted here is saved or shipped. Rows whose
``label_bias`` is "No agreement" are dropped.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.classify import fit_classifier  # noqa: E402
from framing.classify.evaluate import _prf, evaluate_classifier  # noqa: E402

LISTS = ["npov_lexicon", "strong_subjectives_riloff2003", "weak_subjectives_riloff2003", "positive_liu2005",
         "negative_liu2005", "hedges_hyland2005", "factives_hooper1975", "assertives_hooper1975",
         "implicatives_karttunen1971", "report_verbs"]


def read_babe(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    return df[df["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)


def word_lists(folder: str | None) -> dict[str, str]:
    if not folder:
        return {}
    files = sorted(Path(folder).glob("*.txt"))
    return {f.stem: str(f) for f in files}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dev", type=Path)
    ap.add_argument("test", type=Path, nargs="?")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, nargs="+", default=[0.25, 1.0, 4.0])
    ap.add_argument("--no-char", action="store_true")
    ap.add_argument("--features", nargs="*", default=["lexicon", "vader", "quotes", "style"])
    ap.add_argument("--word-lists", default=None)
    ap.add_argument("--fit-time", action="store_true")
    args = ap.parse_args(argv)
    opts = dict(C=args.C, features=tuple(args.features), char_ngrams=None if args.no_char else (2, 5),
                word_lists=word_lists(args.word_lists) or None)
    dev = read_babe(args.dev)
    print(f"dev: {args.dev} ({len(dev)} sentences, {dict(dev['label_bias'].value_counts())})")
    print(f"options: {opts if not opts['word_lists'] else {**opts, 'word_lists': sorted(opts['word_lists'])}}")
    if args.fit_time:
        texts = (dev["text"].tolist() * 2)[:2000]
        labels = (dev["label_bias"].tolist() * 2)[:2000]
        t = time.perf_counter()
        model = fit_classifier(texts, labels, **opts)
        print(f"fit on {len(texts)} sentences: {time.perf_counter() - t:.1f}s -> {model!r}")
    t = time.perf_counter()
    if args.test is None:
        ev = evaluate_classifier(dev["text"].tolist(), dev["label_bias"].tolist(), folds=args.folds, **opts)
        print(f"nested {ev.attrs['folds']}-fold cross-validation on the dev file ({time.perf_counter() - t:.0f}s):")
    else:
        test = read_babe(args.test)
        model = fit_classifier(dev["text"].tolist(), dev["label_bias"].tolist(), **opts)
        pred = model.predict(test["text"].tolist())
        classes = model.classes_
        idx = {c: i for i, c in enumerate(classes)}
        import numpy as np

        y = np.array([idx[c] for c in test["label_bias"]])
        p = np.array([idx[c] for c in pred])
        pr, rc, f1, sup = _prf(y, p, "binary", len(classes))
        rows = [(c, pr[i], rc[i], f1[i], sup[i]) for i, c in enumerate(classes)]
        rows.append(("macro", pr.mean(), rc.mean(), f1.mean(), len(y)))
        ev = pd.DataFrame(rows, columns=["label", "precision", "recall", "f1", "support"])
        print(f"fitted on {args.dev}, scored on {args.test} ({len(test)} sentences, {time.perf_counter() - t:.0f}s); "
              f"{model!r}")
    print(ev.round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
