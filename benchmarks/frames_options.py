"""Compare options of the frame model by repeated cross-validation on the dev half (DEV figures).

Usage::

    python benchmarks/frames_options.py ../shared/eval/narrative-frames-dev [--seeds 0 1 2 3 4 5 6 7 8 9]
        [--only NAME ...]

Each variant is scored exactly as ``benchmarks/frames_frermann.py`` scores the packaged method: 5-fold CV per
seed; on each outer fold the model is fitted on the other four folds, its thresholds come from an inner 5-fold
CV on those folds only, and the held-out fold is labelled at probability 0.5. Macro-F1 per seed; the table
gives the mean and standard deviation over seeds, per-frame F1 (mean over seeds) and every seed's figure.

It is fast because the ridge regressions are solved in their dual form from word kernels cached per training
set (the same numbers as :func:`framing.analyzers._frames_model.fit_frame_model`: the "f1 rule" variant on
seeds 0 1 2 gives frames_frermann.py's figures of the first version to the third decimal). Lexicon variants
are applied to the cue lists in memory; the files in ``framing/data/frames`` are not touched. Figures are DEV
figures: the options were chosen on this half.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _frermann import read_frermann  # noqa: E402

import framing.analyzers._frame_cues as fc  # noqa: E402
from framing.analyzers._frames_model import _best_threshold, _expected_f1_threshold, _log_loss, _platt  # noqa: E402


class Data:
    """Texts, labels, targets, cue features and a word-count matrix of the dev half."""

    def __init__(self, path: str) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        arts, self.labels, self.targets = read_frermann(path)
        self.texts = arts["text"].tolist()
        self.counts = CountVectorizer(stop_words="english").fit_transform(self.texts).tocsr().astype(float)
        self.cues = fc.cue_features(self.texts)
        self._kernels: dict[tuple[bytes, int], np.ndarray] = {}

    def word_kernel(self, tr: np.ndarray, min_df: int = 3) -> np.ndarray:
        """Centred linear kernel (all texts x training texts) of the TF-IDF fitted on ``tr`` (as the model's)."""
        key = (tr.tobytes(), min_df)
        if key not in self._kernels:
            c = self.counts
            df = np.asarray((c[tr] > 0).sum(0)).ravel()
            keep = np.nonzero(df >= min_df)[0]
            x = c[:, keep].copy()
            x.data = 1 + np.log(x.data)
            x = x.multiply((np.log((1 + len(tr)) / (1 + df[keep])) + 1)[None, :]).tocsr()
            norm = np.sqrt(np.asarray(x.multiply(x).sum(1)).ravel())
            norm[norm == 0] = 1
            w = np.asarray(x.multiply(1 / norm[:, None]).todense())
            mu = w[tr].mean(0)
            self._kernels[key] = (w - mu) @ (w[tr] - mu).T
        return self._kernels[key]


def raw_scores(d: Data, tr: np.ndarray, cues: np.ndarray, alpha: np.ndarray, cue_weight: float) -> np.ndarray:
    """Ridge scores of every text from a model fitted on ``tr`` (dual form; intercept unpenalised); ``alpha``
    holds one penalty per frame."""
    m, s = cues[tr].mean(0), cues[tr].std(0)
    s[s == 0] = 1
    z = (cues - m) / s * cue_weight
    k_all = d.word_kernel(tr) + z @ z[tr].T
    ym = d.targets[tr].mean(0)
    out = np.zeros((len(cues), d.targets.shape[1]))
    for a in np.unique(alpha):
        cols = np.nonzero(alpha == a)[0]
        dual = np.linalg.solve(k_all[tr] + a * np.eye(len(tr)), d.targets[tr][:, cols] - ym[cols])
        out[:, cols] = k_all @ dual + ym[cols]
    return out


def thresholds(raw: np.ndarray, y: np.ndarray, rule: str) -> np.ndarray:
    out = np.zeros(y.shape[1])
    for j in range(y.shape[1]):
        if rule == "f1":
            out[j] = _best_threshold(raw[:, j], y[:, j])
        else:
            out[j] = _expected_f1_threshold(raw[:, j], *_platt(raw[:, j], y[:, j]))
    return out


def f1_per_frame(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """F1 of the positive class per column."""
    return np.array([2 * (y[:, j] & pred[:, j]).sum() / max(1, y[:, j].sum() + pred[:, j].sum())
                     for j in range(y.shape[1])])


def cv_predictions(d: Data, seed: int, cues: np.ndarray, *, alpha: tuple[float, ...] = (1.0,),
                   cue_weight: float = 0.1, rule: str = "expected_f1", repeats: int = 1) -> np.ndarray:
    """Labels predicted by one seed's 5-fold CV. On each outer fold, an inner 5-fold CV (``repeats`` times,
    averaged) on the training folds gives out-of-fold scores; with several ``alpha`` each frame takes the one of
    lowest Platt log-loss (as ``fit_frame_model``), then the thresholds follow ``rule``."""
    from sklearn.model_selection import KFold

    nf = d.labels.shape[1]
    pred = np.zeros(d.labels.shape, bool)
    for tr, te in KFold(5, shuffle=True, random_state=seed).split(d.texts):
        y = d.labels[tr]
        oof = np.zeros((len(alpha), len(tr), nf))
        for k, a in enumerate(alpha):
            for r in range(repeats):
                for itr, ite in KFold(5, shuffle=True, random_state=seed + 1000 * r).split(tr):
                    oof[k][ite] += raw_scores(d, tr[itr], cues, np.full(nf, a), cue_weight)[tr[ite]] / repeats
        best = [int(np.argmin([_log_loss(oof[k][:, j], y[:, j]) for k in range(len(alpha))])) for j in range(nf)]
        th = thresholds(np.column_stack([oof[k][:, j] for j, k in enumerate(best)]), y, rule)
        chosen = np.array([alpha[k] for k in best])
        pred[te] = raw_scores(d, tr, cues, chosen, cue_weight)[te] >= th
    return pred


def cv_macro(d: Data, seed: int, cues: np.ndarray, **options: Any) -> np.ndarray:
    """Per-frame F1 of :func:`cv_predictions`."""
    return f1_per_frame(d.labels, cv_predictions(d, seed, cues, **options))


def bootstrap(d: Data, pred: np.ndarray, n: int, draws: int = 2000) -> np.ndarray:
    """Macro-F1 of ``draws`` resamples of ``n`` articles (with replacement) of the CV predictions ``pred``: the
    spread a test half of ``n`` articles adds."""
    rng = np.random.default_rng(0)
    return np.array([f1_per_frame(d.labels[i], pred[i]).mean()
                     for i in (rng.integers(0, len(pred), n) for _ in range(draws))])


def cues_with(d: Data, drop: list[tuple[str, str]], add: list[tuple[str, str, str]]) -> np.ndarray:
    """Cue features of the dev texts with ``drop`` (frame, cue) removed from and ``add`` (frame, cue, question)
    added to the packaged lexicons (in memory only)."""
    original = fc.read_csv
    gone = set(drop)

    def read(name: str, cols: Any) -> list[dict[str, str]]:
        frame = name.rsplit("/", 1)[-1][:-4]
        rows = [r for r in original(name, cols) if (frame, r["cue"]) not in gone]
        return rows + [{"cue": c, "question": q} for f, c, q in add if f == frame]

    fc.read_csv = read
    fc._matcher.cache_clear()
    try:
        return fc.cue_features(d.texts)
    finally:
        fc.read_csv = original
        fc._matcher.cache_clear()


def variants(d: Data) -> dict[str, Callable[[int], np.ndarray]]:
    """The compared variants (name -> per-frame F1 of a seed)."""
    c = d.cues
    grid = (1.0, 3.0, 10.0)
    return {
        "first version (f1 rule, alpha 1, cue weight 0.1)": lambda s: cv_macro(d, s, c, rule="f1"),
        "f1 rule, inner CV repeated 3x": lambda s: cv_macro(d, s, c, rule="f1", repeats=3),
        "expected-F1 rule": lambda s: cv_macro(d, s, c),
        "expected-F1, inner CV repeated 3x": lambda s: cv_macro(d, s, c, repeats=3),
        "expected-F1, alpha 0.3": lambda s: cv_macro(d, s, c, alpha=(0.3,)),
        "expected-F1, alpha 3": lambda s: cv_macro(d, s, c, alpha=(3.0,)),
        "expected-F1, alpha 10": lambda s: cv_macro(d, s, c, alpha=(10.0,)),
        "expected-F1, cue weight 0.05": lambda s: cv_macro(d, s, c, cue_weight=0.05),
        "expected-F1, cue weight 0.2": lambda s: cv_macro(d, s, c, cue_weight=0.2),
        "expected-F1, cue weight 0.4": lambda s: cv_macro(d, s, c, cue_weight=0.4),
        "expected-F1, alpha per frame of 1/3/10 (shipped)": lambda s: cv_macro(d, s, c, alpha=grid),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--seeds", type=int, nargs="+", default=list(range(10)))
    ap.add_argument("--only", nargs="+", default=None, help="names (or prefixes) of the variants to run")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="instead: resample N articles (the held-out half has 199) of the first seed's CV predictions "
                         "of the first version and the shipped method")
    args = ap.parse_args(argv)
    if args.bootstrap:
        d = Data(args.path)
        for name, kw in (("first version", {"rule": "f1"}), ("shipped", {"alpha": (1.0, 3.0, 10.0)})):
            b = bootstrap(d, cv_predictions(d, args.seeds[0], d.cues, **kw), args.bootstrap)
            print(f"{name}: seed {args.seeds[0]}, {args.bootstrap} of {len(d.texts)} articles resampled 2,000 times: "
                  f"macro-F1 mean {b.mean():.3f}, sd {b.std():.3f}, 5th percentile {np.percentile(b, 5):.3f}, "
                  f"P(>= 0.60) {np.mean(b >= 0.60):.2f}")
        return 0
    d = Data(args.path)
    print(f"DEV / CV: {len(d.texts)} articles, 5-fold CV, seeds {args.seeds}; macro-F1 mean ± sd over seeds")
    for name, run in variants(d).items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        per = np.array([run(s) for s in args.seeds])
        macro = per.mean(1)
        print(f"{name:<52} {macro.mean():.3f} ± {macro.std():.3f}  per frame "
              + " ".join(f"{x:.3f}" for x in per.mean(0)) + "  seeds " + " ".join(f"{x:.3f}" for x in macro),
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
