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
   label, which matters most for the rare frames (human interest, moral).
3. Calibration: out-of-fold raw scores (``folds``-fold CV on the training texts) give, per frame, the
   threshold that maximises F1 (smoothed over neighbouring grid points) and the slope of a 1-D
   logistic fit (with intercept) of the label on the raw score; the probability is then shifted so
   that ``p = 1 / (1 + exp(-slope * (raw - threshold)))`` and ``p >= 0.5`` is that threshold.
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
    """A frame model file is malformed."""


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


def _best_threshold(raw: np.ndarray, y: np.ndarray) -> float:
    """The raw score that maximises F1 of ``raw >= t`` (F1 smoothed over 3 neighbouring grid points)."""
    from sklearn.metrics import f1_score

    grid = np.unique(np.quantile(raw, np.linspace(0.02, 0.98, 49)))
    f1 = np.array([f1_score(y, raw >= t, zero_division=0.0) for t in grid])
    smooth = np.convolve(f1, np.ones(3) / 3, mode="same")
    return float(grid[int(np.argmax(smooth))])


def _fit_linear(texts: Sequence[str], cues: np.ndarray, targets: np.ndarray, *, alpha: float,
                cue_weight: float, min_df: int) -> FrameModel:
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
    from scipy.sparse import csr_matrix, hstack

    z = (cues - mean) / scale * cue_weight
    x = hstack([model.word_matrix(texts), csr_matrix(z)]).tocsr()
    reg = Ridge(alpha=alpha).fit(x, targets)
    return FrameModel(vocab, model.idf, mean, scale, cue_weight, np.atleast_2d(reg.coef_),
                      np.atleast_1d(reg.intercept_), np.ones(n), np.zeros(n))


def fit_frame_model(texts: Sequence[str], labels: np.ndarray, targets: np.ndarray | None = None, *,
                    alpha: float = 1.0, cue_weight: float = 0.1, min_df: int = 3, folds: int = 5,
                    seed: int = 0, meta: dict[str, Any] | None = None, cues: np.ndarray | None = None) -> FrameModel:
    """Fit a :class:`FrameModel` (see the module docstring for the method).

    Parameters
    ----------
    texts : sequence of str
        Training articles.
    labels : array of bool, shape (n, 5)
        Frame present, columns in :data:`FRAMES` order.
    targets : array of float, shape (n, 5), optional
        Graded regression target per frame (default: ``labels`` as 0/1).
    alpha, cue_weight, min_df : float, float, int
        Ridge penalty, weight of the standardised cue features beside TF-IDF, minimum document
        frequency of a vocabulary word.
    folds, seed : int
        Cross-validation that calibrates thresholds and slopes on out-of-fold scores.
    meta : dict, optional
        Metadata stored with the model (training data, licence, scores).
    cues : array, optional
        :func:`cue_features` of ``texts`` if already computed.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    texts = list(texts)
    labels = np.asarray(labels, dtype=bool)
    targets = labels.astype(float) if targets is None else np.asarray(targets, dtype=float)
    cues = cue_features(texts) if cues is None else cues
    kw = dict(alpha=alpha, cue_weight=cue_weight, min_df=min_df)
    oof = np.zeros(labels.shape)
    for tr, te in KFold(folds, shuffle=True, random_state=seed).split(texts):
        part = _fit_linear([texts[i] for i in tr], cues[tr], targets[tr], **kw)
        oof[te] = part.raw_scores([texts[i] for i in te], cues[te])
    full = _fit_linear(texts, cues, targets, **kw)
    thresholds, slopes = np.zeros(len(FRAMES)), np.ones(len(FRAMES))
    for j in range(len(FRAMES)):
        thresholds[j] = _best_threshold(oof[:, j], labels[:, j])
        if 0 < labels[:, j].sum() < len(labels):
            lr = LogisticRegression(C=100.0).fit(oof[:, j][:, None], labels[:, j])
            slopes[j] = max(float(lr.coef_[0, 0]), 1e-3)
    return FrameModel(full.vocabulary, full.idf, full.cue_mean, full.cue_scale, cue_weight, full.coef,
                      full.intercept, slopes, thresholds, dict(meta or {}))
