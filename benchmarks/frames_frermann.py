"""Generic frames and hero / villain / victim roles against the Narrative Frames Corpus (Frermann et al. 2023).

Usage::

    python benchmarks/frames_frermann.py ../shared/eval/narrative-frames-dev [--folds 5] [--seeds 0 1 2]
        [--model packaged]

Frames (DEV / CV figures): k-fold cross-validation repeated over seeds; on each fold the frame model is
fitted on the other folds with :func:`framing.analyzers._frames_model.fit_frame_model` (whose threshold
calibration runs its own inner cross-validation on those training folds only) and scored on the held-out
fold at threshold 0.5. An article is never scored by a model that saw it. Per frame P/R/F1 of the positive
class, pooled over the folds of a seed, then averaged over seeds; the macro average is over the five frames.
The same folds give two anchors: TF-IDF + logistic regression (sklearn defaults) and "every frame present".
``--model packaged`` instead scores the packaged model (fitted on the dev half: a TRAINING figure, not a
measure; use it on the held-out half).

Roles: :func:`framing.roles` on the articles against the annotated entity strings (lower-cased, matched
when one contains the other or they share a content word of 4+ letters); per role P/R/F1 over
(article, role, entity) matches; nothing is fitted on the roles.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _frermann import COLUMNS, read_frermann, read_roles  # noqa: E402
from train_frames import OPTIONS  # noqa: E402

from framing.analyzers._frame_cues import cue_features  # noqa: E402
from framing.analyzers._frames_model import fit_frame_model  # noqa: E402

FRAMES = list(COLUMNS)


def prf(y: np.ndarray, p: np.ndarray) -> tuple[float, float, float]:
    tp = int((y & p).sum())
    prec = tp / max(1, int(p.sum()))
    rec = tp / max(1, int(y.sum()))
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def cv_predictions(texts: list[str], labels: np.ndarray, targets: np.ndarray, folds: int, seed: int,
                   cues: np.ndarray, **options: object) -> dict[str, np.ndarray]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    out = {"framing": np.zeros(labels.shape, bool), "tfidf_lr": np.zeros(labels.shape, bool),
           "all_positive": np.ones(labels.shape, bool)}
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(texts):
        trt, tet = [texts[i] for i in tr], [texts[i] for i in te]
        model = fit_frame_model(trt, labels[tr], targets[tr], seed=seed, cues=cues[tr], **{**OPTIONS, **options})
        out["framing"][te] = model.proba(tet, cues[te]) >= 0.5
        vec = TfidfVectorizer().fit(trt)
        for j in range(len(FRAMES)):
            lr = LogisticRegression(max_iter=2000).fit(vec.transform(trt), labels[tr, j])
            out["tfidf_lr"][te, j] = lr.predict(vec.transform(tet))
    return out


def print_table(name: str, scores: list[dict[str, tuple[float, float, float]]]) -> float:
    print(f"\n{name}")
    print(f"  {'frame':<15} {'P':>6} {'R':>6} {'F1':>6}")
    f1s = []
    for f in FRAMES:
        p, r, f1 = (float(np.mean([s[f][k] for s in scores])) for k in range(3))
        f1s.append(f1)
        print(f"  {f:<15} {p:6.3f} {r:6.3f} {f1:6.3f}")
    macro = float(np.mean(f1s))
    per_seed = [float(np.mean([s[f][2] for f in FRAMES])) for s in scores]
    spread = (f"  (sd over {len(per_seed)} seeds {np.std(per_seed):.3f}, range {min(per_seed):.3f}-{max(per_seed):.3f})"
              if len(per_seed) > 1 else "")
    print(f"  {'macro-F1':<15} {'':>6} {'':>6} {macro:6.3f}{spread}")
    return macro


def frames_cv(path: str, folds: int, seeds: list[int], **options: object) -> None:
    arts, labels, targets = read_frermann(path)
    texts = arts["text"].tolist()
    t0 = time.perf_counter()
    cues = cue_features(texts)
    results: dict[str, list] = {"framing": [], "tfidf_lr": [], "all_positive": []}
    for seed in seeds:
        preds = cv_predictions(texts, labels, targets, folds, seed, cues, **options)
        for k, p in preds.items():
            results[k].append({f: prf(labels[:, j], p[:, j]) for j, f in enumerate(FRAMES)})
        f1s = [prf(labels[:, j], preds["framing"][:, j])[2] for j in range(len(FRAMES))]
        print(f"  seed {seed}: framing macro-F1 {np.mean(f1s):.3f}", flush=True)
    print(f"Frames, DEV / CV: {len(texts)} articles of {path}, {folds}-fold CV, seeds {seeds}, options "
          f"{ {**OPTIONS, **options} } "
          f"({time.perf_counter() - t0:.0f} s); positives {dict(zip(FRAMES, labels.sum(0).tolist()))}")
    print_table("framing frame model (fitted on the training folds only; threshold 0.5)", results["framing"])
    print_table("anchor: TF-IDF + logistic regression (same folds)", results["tfidf_lr"])
    print_table("anchor: every frame present", results["all_positive"])


def frames_packaged(path: str) -> None:
    from framing.analyzers.frames import frame_scores

    arts, labels, _ = read_frermann(path)
    p = frame_scores(arts["text"].tolist())[FRAMES].to_numpy() >= 0.5
    print(f"Frames, packaged model on {len(arts)} articles of {path} (a training figure on the dev half)")
    print_table("packaged frame model, threshold 0.5", [{f: prf(labels[:, j], p[:, j]) for j, f in enumerate(FRAMES)}])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--model", choices=["cv", "packaged"], default="cv")
    ap.add_argument("--no-roles", action="store_true")
    ap.add_argument("--threshold-rule", choices=["expected_f1", "f1"], default=None,
                    help="override the threshold rule of train_frames.OPTIONS (to compare with the first version's)")
    ap.add_argument("--alpha", type=float, default=None, help="override the ridge penalty of train_frames.OPTIONS")
    args = ap.parse_args(argv)
    options = {k: v for k, v in (("threshold_rule", args.threshold_rule), ("alpha", args.alpha)) if v is not None}
    if args.model == "cv":
        frames_cv(args.path, args.folds, args.seeds, **options)
    else:
        frames_packaged(args.path)
    if not args.no_roles:
        from roles_eval import roles_report
        roles_report(args.path, read_roles(args.path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
