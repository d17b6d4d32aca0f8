"""The frame model: word TF-IDF plus frame-cue features, one linear score per frame, calibrated so that
probability 0.5 is the decision threshold chosen by cross-validation.

Stored as JSON (``framing/data/models/frames.json``): vocabulary (single words), idf, feature scaling,
coefficients, calibration and metadata; loading it runs no code. :func:`fit_frame_model` rebuilds it
(``benchmarks/train_frames.py``) and the cross-validated benchmark uses the same function on each fold.

Method (decided by cross-validation on the dev half of Frermann et al. 2023):

1. Features: sublinear TF-IDF of single words (``min_df`` documents, English stop words dropped, L2
   normalised) next to the standardised cue features of :mod:`._frame_cues` times ``cue_weight``.
2. One ridge regression per frame on a graded target: in Frermann et al.'s data the number of
   codebook questions of the frame the annotators answered "yes" (NO AGREEMENT = 0.5); a frame is
   present when enough of them are. The graded target carries more information than the binary
   label, which matters most for the rare frames (human interest, moral). Each frame's ridge penalty
   is chosen from a few values by the same inner cross-validation (lowest out-of-fold log-loss after
   the calibration below): the frames differ in how much shrinkage their word weights want.
3. Calibration: out-of-fold raw scores (``folds``-fold CV on the training texts) are calibrated per
   frame by a 1-D logistic fit (Platt scaling, with intercept) of the label on the raw score. The
   threshold is the raw score that maximises the **expected** F1 under those calibrated probabilities
   (articles sorted by probability; expected F1 of the top k is ``2 * sum(p[:k]) / (k + sum(p))``),
   which depends on the labels only through the two Platt parameters and so varies less than the
   cut that maximises the observed F1 of a few dozen positives (``threshold_rule="f1"``, the rule of
   the first version). The probability is then shifted so that
   ``p = 1 / (1 + exp(-slope * (raw - threshold)))`` and ``p >= 0.5`` is that threshold.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from ..errors import FramingError
from ._frame_cues import FEATURE_NAMES, FRAMES, cue_features

__all__ = ["FrameModel", "fit_frame_model", "FORMAT"]

FORMAT = "framing-frames/1"
_WORD_RE = re.compile(r"(?u)\b\w\w+\b")


class FrameModelError(FramingError):
    """A frame model file is malformed, or :func:`fit_frame_model` got an option it does not know."""


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -50, 50)))


@dataclass(frozen=True)
class FrameModel:
    """A fitted frame model (see the module docstring). Learned arrays are read-only numpy arrays."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    cue_mean: np.ndarray
    cue_scale: np.ndarray
    cue_weight: float
    coef: np.ndarray        # (n_frames, n_vocab + n_cue_features)
    intercept: np.ndarray   # (n_frames,)
    slope: np.ndarray       # (n_frames,)
    threshold: np.ndarray   # (n_frames,)
    meta: dict[str, Any] = field(default_factory=dict)

    # -- features ------------------------------------------------------------------------------
    def word_matrix(self, texts: Sequence[str]) -> Any:
        """Sublinear, L2-normalised TF-IDF of ``texts`` over the model's vocabulary (scipy CSR)."""
        from scipy.sparse import csr_matrix

        indptr, indices, data = [0], [], []
        vocab, idf = self.vocabulary, self.idf
        for t in texts:
            counts = {vocab[w]: n for w, n in Counter(_WORD_RE.findall(t.lower())).items() if w in vocab}
            cols = sorted(counts)
            vals = np.array([(1.0 + math.log(counts[j])) * idf[j] for j in cols])
            norm = float(np.sqrt((vals ** 2).sum())) if len(vals) else 0.0
            indices.extend(cols)
            data.extend((vals / norm).tolist() if norm else vals.tolist())
            indptr.append(len(indices))
        return csr_matrix((np.array(data, dtype=float), np.array(indices, dtype=np.int64), np.array(indptr)),
                          shape=(len(texts), len(vocab)))

    def raw_scores(self, texts: Sequence[str], cues: np.ndarray | None = None) -> np.ndarray:
        """Uncalibrated linear score per text and frame, shape ``(len(texts), n_frames)``; ``cues`` are the
        texts' :func:`cue_features` if already computed."""
        if cues is None:
            cues = cue_features(texts)
        return self.raw_from(self.word_matrix(texts), cues)

    def raw_from(self, words: Any, cues: np.ndarray) -> np.ndarray:
        """:meth:`raw_scores` from the texts' :meth:`word_matrix` and :func:`cue_features`."""
        n_vocab = len(self.vocabulary)
        z = (cues - self.cue_mean) / self.cue_scale * self.cue_weight
        return np.asarray(words @ self.coef[:, :n_vocab].T) + z @ self.coef[:, n_vocab:].T + self.intercept

    def proba(self, texts: Sequence[str], cues: np.ndarray | None = None) -> np.ndarray:
        """Calibrated probability per text and frame; 0.5 is the cross-validated decision threshold."""
        if not len(texts):
            return np.zeros((0, len(FRAMES)))
        return _sigmoid(self.slope * (self.raw_scores(texts, cues) - self.threshold))

    def proba_from(self, words: Any, cues: np.ndarray) -> np.ndarray:
        """:meth:`proba` from the texts' :meth:`word_matrix` and :func:`cue_features`."""
        return _sigmoid(self.slope * (self.raw_from(words, cues) - self.threshold))

    # -- JSON ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (numbers rounded to 6 significant digits)."""
        words = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        r = lambda a: [float(f"{v:.6g}") for v in np.asarray(a, dtype=float).ravel()]  # noqa: E731
        n_vocab = len(words)
        return {
            "format": FORMAT,
            "meta": self.meta,
            "frames": list(FRAMES),
            "vocabulary": words,
            "idf": r(self.idf),
            "cue_features": list(FEATURE_NAMES),
            "cue_mean": r(self.cue_mean),
            "cue_scale": r(self.cue_scale),
            "cue_weight": self.cue_weight,
            "weights": {f: {"words": r(self.coef[i, :n_vocab]), "cues": r(self.coef[i, n_vocab:]),
                            "intercept": float(self.intercept[i]), "slope": float(self.slope[i]),
                            "threshold": float(self.threshold[i])} for i, f in enumerate(FRAMES)},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = "<frames model>") -> "FrameModel":
        """Rebuild a model from :meth:`to_json` output, checking its shape (plain data, no code)."""
        try:
            if data.get("format") != FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
            if list(data["frames"]) != list(FRAMES) or list(data["cue_features"]) != list(FEATURE_NAMES):
                raise ValueError("its frames or cue feature names differ from this version of framing")
            words = list(data["vocabulary"])
            w = data["weights"]
            coef = np.array([list(w[f]["words"]) + list(w[f]["cues"]) for f in FRAMES], dtype=float)
            if coef.shape != (len(FRAMES), len(words) + len(FEATURE_NAMES)) or len(data["idf"]) != len(words):
                raise ValueError(f"weights have shape {coef.shape} for {len(words)} words")
            return cls(
                vocabulary={t: i for i, t in enumerate(words)},
                idf=np.array(data["idf"], dtype=float),
                cue_mean=np.array(data["cue_mean"], dtype=float),
                cue_scale=np.array(data["cue_scale"], dtype=float),
                cue_weight=float(data["cue_weight"]),
                coef=coef,
                intercept=np.array([w[f]["intercept"] for f in FRAMES], dtype=float),
                slope=np.array([w[f]["slope"] for f in FRAMES], dtype=float),
                threshold=np.array([w[f]["threshold"] for f in FRAMES], dtype=float),
                meta=dict(data.get("meta", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FrameModelError(
                f"{source}: not a frames model ({exc}). Rebuild it with benchmarks/train_frames.py."
            ) from None


def _platt(raw: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of the logistic fit of ``y`` on ``raw`` (slope at least 1e-3)."""
    from sklearn.linear_model import LogisticRegression

    if not 0 < y.sum() < len(y):
        return 1.0, 0.0
    lr = LogisticRegression(C=100.0).fit(raw[:, None], y)
    return max(float(lr.coef_[0, 0]), 1e-3), float(lr.intercept_[0])


def _expected_f1_threshold(raw: np.ndarray, slope: float, intercept: float) -> float:
    """The raw score that maximises the expected F1 when each score's probability of the label is
    ``sigmoid(slope * raw + intercept)``: the top k scores are taken, k maximising
    ``2 * sum(p[:k]) / (k + sum(p))``, and the cut lies midway between the k-th and the next score."""
    order = np.argsort(-raw, kind="stable")
    r = raw[order]
    p = _sigmoid(slope * r + intercept)
    k = int(np.argmax(2.0 * np.cumsum(p) / (np.arange(1, len(p) + 1) + p.sum())))
    return float(r[k]) if k + 1 >= len(r) else float((r[k] + r[k + 1]) / 2.0)


def _best_threshold(raw: np.ndarray, y: np.ndarray) -> float:
    """The raw score that maximises F1 of ``raw >= t`` (F1 smoothed over 3 neighbouring grid points)."""
    from sklearn.metrics import f1_score

    grid = np.unique(np.quantile(raw, np.linspace(0.02, 0.98, 49)))
    f1 = np.array([f1_score(y, raw >= t, zero_division=0.0) for t in grid])
    smooth = np.convolve(f1, np.ones(3) / 3, mode="same")
    return float(grid[int(np.argmax(smooth))])


def _fit_linear(texts: Sequence[str], cues: np.ndarray, targets: np.ndarray, *, alphas: Sequence[Any],
                cue_weight: float, min_df: int) -> list[FrameModel]:
    """One ridge model per entry of ``alphas`` (a penalty, or one per frame) on the same features."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge

    vec = TfidfVectorizer(min_df=min_df, sublinear_tf=True, stop_words="english")
    vec.fit(texts)
    vocab = {w: i for i, w in enumerate(sorted(vec.vocabulary_))}
    order = np.array([vec.vocabulary_[w] for w in sorted(vec.vocabulary_)])
    mean = cues.mean(axis=0)
    scale = cues.std(axis=0)
    scale[scale == 0] = 1.0
    n = len(FRAMES)
    model = FrameModel(vocab, vec.idf_[order], mean, scale, cue_weight, np.zeros((n, len(vocab) + cues.shape[1])),
                       np.zeros(n), np.ones(n), np.zeros(n))
    z = (cues - mean) / scale * cue_weight
    x = hstack([model.word_matrix(texts), csr_matrix(z)]).tocsr()
    out = []
    for alpha in alphas:
        reg = Ridge(alpha=alpha).fit(x, targets)
        out.append(FrameModel(vocab, model.idf, mean, scale, cue_weight, np.atleast_2d(reg.coef_),
                              np.atleast_1d(reg.intercept_), np.ones(n), np.zeros(n)))
    return out


def _log_loss(raw: np.ndarray, y: np.ndarray) -> float:
    """Mean log-loss of the Platt-calibrated ``raw`` scores (:func:`_platt`) against ``y``."""
    slope, intercept = _platt(raw, y)
    p = np.clip(_sigmoid(slope * raw + intercept), 1e-6, 1 - 1e-6)
    return float(-np.mean(np.where(y, np.log(p), np.log(1 - p))))


def fit_frame_model(texts: Sequence[str], labels: np.ndarray, targets: np.ndarray | None = None, *,
                    alpha: float | Sequence[float] = 1.0, cue_weight: float = 0.1, min_df: int = 3, folds: int = 5,
                    seed: int = 0, meta: dict[str, Any] | None = None, cues: np.ndarray | None = None,
                    threshold_rule: str = "expected_f1") -> FrameModel:
    """Fit a :class:`FrameModel` (see the module docstring for the method).

    Parameters
    ----------
    texts : sequence of str
        Training articles.
    labels : array of bool, shape (n, 5)
        Frame present, columns in :data:`FRAMES` order.
    targets : array of float, shape (n, 5), optional
        Graded regression target per frame (default: ``labels`` as 0/1).
    alpha : float or sequence of float
        Ridge penalty; with several, each frame takes the one whose out-of-fold scores have the
        lowest log-loss after Platt calibration (stored in ``meta["alpha"]``).
    cue_weight, min_df : float, int
        Weight of the standardised cue features beside TF-IDF, minimum document frequency of a
        vocabulary word.
    folds, seed : int
        Cross-validation that calibrates thresholds and slopes on out-of-fold scores.
    meta : dict, optional
        Metadata stored with the model (training data, licence, scores).
    cues : array, optional
        :func:`cue_features` of ``texts`` if already computed.
    threshold_rule : {"expected_f1", "f1"}
        How the out-of-fold scores set each frame's threshold: the cut that maximises the expected F1
        under the Platt-calibrated probabilities (default), or the one that maximises the observed F1
        (smoothed; the first version's rule).
    """
    from sklearn.model_selection import KFold

    if threshold_rule not in ("expected_f1", "f1"):
        raise FrameModelError(f"fit_frame_model: threshold_rule={threshold_rule!r}; use 'expected_f1' or 'f1'.")
    texts = list(texts)
    labels = np.asarray(labels, dtype=bool)
    targets = labels.astype(float) if targets is None else np.asarray(targets, dtype=float)
    cues = cue_features(texts) if cues is None else cues
    grid = [float(a) for a in np.atleast_1d(alpha)]
    kw = dict(cue_weight=cue_weight, min_df=min_df)
    oof = np.zeros((len(grid),) + labels.shape)
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(texts):
        parts = _fit_linear([texts[i] for i in tr], cues[tr], targets[tr], alphas=grid, **kw)
        words = parts[0].word_matrix([texts[i] for i in te])
        for k, part in enumerate(parts):
            oof[k][te] = part.raw_from(words, cues[te])
    best = [int(np.argmin([_log_loss(oof[k][:, j], labels[:, j]) for k in range(len(grid))])) if len(grid) > 1
            else 0 for j in range(len(FRAMES))]
    chosen = np.array([grid[k] for k in best])
    full = _fit_linear(texts, cues, targets, alphas=[chosen], **kw)[0]
    oof = np.column_stack([oof[k][:, j] for j, k in enumerate(best)])
    meta = {**(meta or {}), "alpha": {f: float(a) for f, a in zip(FRAMES, chosen)}}
    thresholds, slopes = np.zeros(len(FRAMES)), np.ones(len(FRAMES))
    for j in range(len(FRAMES)):
        slopes[j], intercept = _platt(oof[:, j], labels[:, j])
        if threshold_rule == "f1":
            thresholds[j] = _best_threshold(oof[:, j], labels[:, j])
        else:
            thresholds[j] = _expected_f1_threshold(oof[:, j], slopes[j], intercept)
    return FrameModel(full.vocabulary, full.idf, full.cue_mean, full.cue_scale, cue_weight, full.coef,
                      full.intercept, slopes, thresholds, meta)
