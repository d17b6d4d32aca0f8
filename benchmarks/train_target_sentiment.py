"""Fit the target-sentiment coefficients shipped in ``framing/data/models/target_sentiment.json``.

Usage::

    python benchmarks/train_target_sentiment.py ../shared/eval/newsmtsc-train [--out FILE] [--all]

Fits a multinomial logistic regression (scikit-learn, lbfgs, C=0.1) on the
features of :func:`framing.analyzers._target.target_features` over the
training part of the split made by ``benchmarks/target_sentiment.py``
(80 % of the articles, seed 0), so that benchmark measures held-out text.
``--all`` fits on every target instead (not what is shipped). Features seen in
fewer than 2 training targets are dropped; weights are rounded to 5 decimals.
The output is deterministic: same data, same file. Only coefficients and
single-word feature names are written, never sentences.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from target_sentiment import SEED, load_newsmtsc, split  # noqa: E402

C = 0.1  # chosen by 5-fold grouped cross-validation on the training part
MIN_COUNT = 2


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.analyzers._target import LABELS, target_features

    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--out", default=str(root / "framing" / "data" / "models" / "target_sentiment.json"))
    ap.add_argument("--all", action="store_true", help="fit on all targets (no held-out part)")
    args = ap.parse_args(argv)
    rows = load_newsmtsc(args.path)
    train, _ = split(rows)
    if args.all:
        train = rows
    sia = SentimentIntensityAnalyzer()
    cache: dict[str, dict] = {}
    feats = []
    for r in train:
        s = r["sentence"]
        if s not in cache:
            cache[s] = sia.polarity_scores(s)
        feats.append(target_features(s, r["start"], r["end"], cache[s])[0])
    counts = Counter(k for f in feats for k in f)
    keep = {k for k, n in counts.items() if n >= MIN_COUNT}
    feats = [{k: v for k, v in f.items() if k in keep} for f in feats]
    dv = DictVectorizer(sort=True)
    X = dv.fit_transform(feats)
    y = np.array([LABELS.index(r["label"]) for r in train])
    clf = LogisticRegression(C=C, max_iter=5000, tol=1e-6)
    clf.fit(X, y)
    assert list(clf.classes_) == [0, 1, 2]
    names = dv.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        w = [round(float(clf.coef_[c, j]), 5) for c in range(3)]
        if max(abs(x) for x in w) >= 1e-4:
            weights[str(name)] = w
    model = {
        "description": "Target-dependent sentiment: multinomial logistic regression over framing.analyzers._target.target_features",
        "labels": list(LABELS),
        "intercept": [round(float(x), 5) for x in clf.intercept_],
        "weights": dict(sorted(weights.items())),
        "training": {
            "data": "NewsMTSC train.jsonl (Hamborg & Donnay, EACL 2021), https://github.com/fhamborg/NewsMTSC commit b9d9b797",
            "licence": "MIT-style permission notice of the NewsMTSC repository (c) 2020 Felix Hamborg",
            "split": "all targets" if args.all else f"80% of articles, split seed {SEED} (benchmarks/target_sentiment.py)",
            "n_targets": len(train),
            "C": C,
            "min_count": MIN_COUNT,
            "script": "benchmarks/train_target_sentiment.py",
        },
    }
    # one feature per line: small, diff-friendly, still plain JSON
    head = json.dumps({k: v for k, v in model.items() if k != "weights"}, ensure_ascii=False, indent=1)[:-2]
    body = ",\n".join(json.dumps(k, ensure_ascii=False) + ": " + json.dumps(v) for k, v in model["weights"].items())
    Path(args.out).write_text(head + ',\n "weights": {\n' + body + "\n }\n}\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} features from {len(train)} targets")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
