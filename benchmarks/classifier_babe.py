"""Fit framing's trainable classifier on BABE sentences and score it.

Usage::

    python benchmarks/classifier_babe.py DEV_CSV [TEST_CSV] [--folds 5] [--word-lists DIR]
        [--C 0.25 1 4] [--no-char] [--features lexicon vader quotes style] [--fit-time] [--level word] [--stack-words]
        [--distant-allsides DIR] [--seeds 0 1 2]

With TEST_CSV: fit on DEV_CSV (options chosen by cross-validation inside it) and report per-class
P/R/F1 and macro-F1 on TEST_CSV. With one file: nested k-fold cross-validation on it
(:func:`framing.evaluate_classifier`) -- a DEV figure if you chose any option by looking at it.
``--fit-time`` also times one fit on 2,000 sentences (the file's rows, repeated to 2,000 if fewer).
``--word-lists DIR`` adds every ``*.txt`` file in DIR as a word list (e.g. the Recasens/Pryzant lists
in ../shared/eval/lexicons-pryzant2020, which the package does not ship).

``--stack-words``: the sentence classifier is stacked on a word model fitted on ``biased_words``
(``fit_classifier(texts, labels, words=biased_words)``; out-of-fold word features inside each training set).
``--level word``: the word model (``fit_classifier(texts, biased_words, level="word")``), scored by word
precision/recall/F1 (word types per sentence, micro; the measure of ``benchmarks/loaded_babe.py``). Marked
words that are not words of their sentence (23 of 1,940 in babe-dev: typos, glued words) are left out.

``--distant-allsides DIR``: distant supervision from the AllSides articles in DIR (``DIR/jsons/*.json``, e.g.
../shared/eval/allsides-articles): every sentence of 5+ words is labelled by its outlet -- ``partisan`` (an
opinion or partisan outlet, or any outlet not in the wire/news list ``NEWS_DESKS`` below), ``left`` and
``right`` (the outlet's AllSides rating) -- and :func:`framing.fit_distant_model` is fitted on them once
(no BABE label is used); ``fit_classifier(..., distant=model)`` adds its three scores to the features.
``--seeds``: repeat the nested cross-validation with several seeds and print mean and spread.

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


#: AllSides sources written as straight news (wire services, news desks); every other source counts as
#: partisan or opinion. Chosen by what the outlets are, once, before any measurement.
NEWS_DESKS = {"New York Times - News", "Bloomberg", "CNBC", "BBC News", "Reuters", "Associated Press", "ABC News",
              "Wall Street Journal - News", "Axios", "New York Times (Online News)", "AP Fact Check",
              "ABC News (Online)", "FiveThirtyEight", "ProPublica", "CNN (Web News)"}


def allsides_distant(folder: str) -> "object":
    """A distant model fitted on AllSides article sentences labelled by their outlet (nothing is saved)."""
    import json
    import re

    from framing.classify import fit_distant_model

    sents, rows = [], []
    for f in sorted(Path(folder, "jsons").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        for s in re.split(r"(?<=[.!?])\s+|\n+", d.get("content_original") or ""):
            if len(s.split()) >= 5:
                sents.append(s)
                rows.append((int(d["source"] not in NEWS_DESKS), int(d["bias"] == 0), int(d["bias"] == 2)))
    labels = pd.DataFrame(rows, columns=["partisan", "left", "right"])
    t = time.perf_counter()
    model = fit_distant_model(sents, labels, description=f"AllSides article sentences in {folder}, labelled by outlet")
    print(f"distant model: {model!r}, {dict(labels.sum())} ({time.perf_counter() - t:.0f}s)")
    return model


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
    ap.add_argument("--level", choices=["sentence", "word"], default="sentence")
    ap.add_argument("--stack-words", action="store_true", help="stack the sentence model on a word model")
    ap.add_argument("--distant-allsides", default=None, help="AllSides articles folder for distant supervision")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0], help="seeds of the nested cross-validation")
    args = ap.parse_args(argv)
    if args.level == "word":
        return words(args)
    opts = dict(C=args.C, features=tuple(args.features), char_ngrams=None if args.no_char else (2, 5),
                word_lists=word_lists(args.word_lists) or None)
    dev = read_babe(args.dev)
    if args.stack_words:
        import warnings

        from framing.errors import FramingWarning

        warnings.simplefilter("ignore", FramingWarning)  # 23 marked words of babe-dev are not words of their sentence
        opts.update(words=dev["biased_words"].tolist(), unmatched="ignore")
    print(f"dev: {args.dev} ({len(dev)} sentences, {dict(dev['label_bias'].value_counts())})")
    shown = {**opts, "word_lists": sorted(opts["word_lists"] or ())}
    if args.stack_words:
        shown["words"] = "biased_words"
    if args.distant_allsides:
        opts["distant"] = allsides_distant(args.distant_allsides)
        shown["distant"] = args.distant_allsides
    print(f"options: {shown}")
    if args.fit_time:
        texts = (dev["text"].tolist() * 2)[:2000]
        labels = (dev["label_bias"].tolist() * 2)[:2000]
        fit_opts = {**opts, "words": (opts["words"] * 2)[:2000]} if args.stack_words else opts
        t, cpu = time.perf_counter(), time.process_time()
        model = fit_classifier(texts, labels, **fit_opts)
        print(f"fit on {len(texts)} sentences: {time.perf_counter() - t:.1f}s wall, {time.process_time() - cpu:.1f}s CPU "
              f"-> {model!r}")
    t = time.perf_counter()
    if args.test is None:
        macro = []
        for seed in args.seeds:
            t = time.perf_counter()
            ev = evaluate_classifier(dev["text"].tolist(), dev["label_bias"].tolist(), folds=args.folds,
                                     random_state=seed, **opts)
            macro.append(float(ev["f1"].iloc[-1]))
            print(f"seed {seed}: nested {ev.attrs['folds']}-fold cross-validation on the dev file "
                  f"({time.perf_counter() - t:.0f}s): macro-F1 {macro[-1]:.4f}", flush=True)
        if len(macro) > 1:
            import numpy as np

            print(f"macro-F1 over seeds {args.seeds}: mean {np.mean(macro):.4f}, sd {np.std(macro, ddof=1):.4f}, "
                  f"min {min(macro):.4f}, max {max(macro):.4f}")
        print(f"last seed ({args.seeds[-1]}):")
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


def words(args: argparse.Namespace) -> int:
    import warnings

    from framing.classify.words import word_scores
    from framing.errors import FramingWarning

    warnings.simplefilter("ignore", FramingWarning)
    opts = dict(unmatched="ignore", word_lists=word_lists(args.word_lists) or None)
    if args.C != [0.25, 1.0, 4.0]:
        opts["C"] = args.C
    dev = read_babe(args.dev)
    texts, marked = dev["text"].tolist(), dev["biased_words"].tolist()
    print(f"dev: {args.dev} ({len(dev)} sentences); word model, options {opts}")
    if args.fit_time:
        t, cpu = time.perf_counter(), time.process_time()
        model = fit_classifier((texts * 2)[:2000], (marked * 2)[:2000], level="word", **opts)
        print(f"fit on 2000 sentences: {time.perf_counter() - t:.1f}s wall, {time.process_time() - cpu:.1f}s CPU "
              f"-> {model!r}")
    t = time.perf_counter()
    if args.test is None:
        ev = evaluate_classifier(texts, marked, folds=args.folds, level="word", **opts)
        print(f"nested {ev.attrs['folds']}-fold cross-validation, folds by sentence ({time.perf_counter() - t:.0f}s):")
        print(ev.round(3).to_string(index=False))
        return 0
    test = read_babe(args.test)
    model = fit_classifier(texts, marked, level="word", **opts)
    from framing.classify.words import parse_word_labels, text_tokens

    ys = parse_word_labels(test["text"].tolist(), test["biased_words"].tolist(), unmatched="ignore")
    gold = [{w.lower() for (_, _, w), v in zip(text_tokens(x), y) if v} for x, y in zip(test["text"], ys)]
    sc = word_scores(gold, model.flagged_words(test["text"].tolist()))
    print(f"fitted on {args.dev}, scored on {args.test} ({time.perf_counter() - t:.0f}s); {model!r}")
    print("  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in sc.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
