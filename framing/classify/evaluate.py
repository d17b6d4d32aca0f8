"""Honest figures for a classifier: nested cross-validation with bootstrap intervals."""
from __future__ import annotations

import logging
from typing import Any, Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support

from ..errors import ModelError
from .common import EVALUATION_COLUMNS, check_texts
from .fit import _folds, fit_classifier, parse_labels

__all__ = ["evaluate_classifier", "EVALUATION_COLUMNS"]

log = logging.getLogger(__name__)



def _prf(y: np.ndarray, pred: np.ndarray, kind: str, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    if kind == "multilabel":
        return precision_recall_fscore_support(y, pred, average=None, zero_division=0)
    return precision_recall_fscore_support(y, pred, labels=list(range(k)), average=None, zero_division=0)


def evaluate_classifier(
    texts: Sequence[str],
    labels: Any,
    folds: int = 5,
    *,
    n_boot: int = 1000,
    confidence: float = 0.95,
    random_state: int = 0,
    level: str = "sentence",
    **options: Any,
) -> pd.DataFrame:
    """Cross-validated precision, recall and F1 per label, and macro-F1 with a bootstrap interval.

    Each of the ``folds`` outer folds is held out once while :func:`framing.fit_classifier` (with
    ``options``, including its own inner cross-validation for choosing C, n-grams and feature sets)
    is fitted on the rest, so no figure comes from data the model or its option choice saw. The
    held-out predictions of all folds are pooled; the interval resamples texts (``n_boot`` bootstrap
    samples, percentile interval).

    Parameters
    ----------
    texts, labels
        As for :func:`framing.fit_classifier`.
    folds : int, default 5
        Outer folds (stratified for single-label data).
    n_boot : int, default 1000
        Bootstrap samples for the F1 intervals.
    confidence : float, default 0.95
        Interval coverage.
    random_state : int, default 0
        Seed of the outer split, the bootstrap and the fits.
    level : {"sentence", "word"}, default "sentence"
        ``"word"``: ``labels`` are the marked words of each text and the figures are word precision,
        recall and F1 (word types per text, micro), folds split by text
        (:func:`~framing.classify.fit_words.evaluate_word_classifier`); one row, ``label == "marked word"``.
    **options
        Passed to :func:`framing.fit_classifier` (``C``, ``word_ngrams``, ``char_ngrams``, ``features``...).

    Returns
    -------
    pandas.DataFrame
        One row per label and a last row ``label == "macro"``, columns

        ``label``
            The label (``"macro"``: unweighted means over labels).
        ``precision``, ``recall``, ``f1`` (float)
            Of that label on the pooled held-out predictions (multilabel: of its yes-class).
        ``support`` (int)
            Texts with that label (macro row: all texts).
        ``f1_ci_low``, ``f1_ci_high`` (float)
            Bootstrap percentile interval of ``f1``.

        ``attrs["predictions"]`` holds the held-out predictions (label index per text, or a 0/1 matrix).

    Examples
    --------
    >>> texts = ["A disgraceful, shameful attack!", "This outrageous lie is a scandal.",
    ...          "The committee met on Tuesday.", "The report was published in May."] * 3
    >>> ev = evaluate_classifier(texts, ["B", "B", "N", "N"] * 3, folds=2, n_boot=50, features=(),
    ...                          char_ngrams=None, C=1.0, min_df=1)
    >>> ev["label"].tolist()
    ['B', 'N', 'macro']
    """
    if level == "word":
        from .fit_words import evaluate_word_classifier

        return evaluate_word_classifier(texts, labels, folds, n_boot=n_boot, confidence=confidence,
                                        random_state=random_state, **options)
    if level != "sentence":
        raise ModelError(f"level={level!r}: use 'sentence' or 'word' (the interval's coverage is `confidence=`).")
    texts = check_texts(texts)
    lab = parse_labels(labels, len(texts))
    outer = _folds(lab, folds, random_state)
    pred = np.zeros_like(lab.y)
    arr = np.array(texts, dtype=object)
    for i, (tr, te) in enumerate(outer):
        sub_labels = _subset_labels(labels, lab, tr)
        opts = dict(options)
        if opts.get("words") is not None:  # the marked words of a stacked word model, split like the texts
            opts["words"] = [list(options["words"])[i] for i in tr]
        model = fit_classifier(list(arr[tr]), sub_labels, random_state=random_state, **opts)
        scores = model.decision_function(list(arr[te]))
        pred[te] = _indices(scores, model, lab)
        log.info("outer fold %d/%d done", i + 1, len(outer))
    k = len(lab.classes)
    p, r, f, s = _prf(lab.y, pred, lab.kind, k)
    rng = np.random.default_rng(random_state)
    n = len(texts)
    boot = np.empty((n_boot, k + 1))
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        fb = _prf(lab.y[idx], pred[idx], lab.kind, k)[2]
        boot[b, :k] = fb
        boot[b, k] = fb.mean()
    lo, hi = np.quantile(boot, [(1 - confidence) / 2, 1 - (1 - confidence) / 2], axis=0) if n_boot else (np.full(k + 1, np.nan),) * 2
    rows = [(c, float(p[i]), float(r[i]), float(f[i]), int(s[i]), float(lo[i]), float(hi[i])) for i, c in enumerate(lab.classes)]
    rows.append(("macro", float(p.mean()), float(r.mean()), float(f.mean()), n, float(lo[k]), float(hi[k])))
    out = pd.DataFrame(rows, columns=EVALUATION_COLUMNS)
    out.attrs["predictions"] = pred
    out.attrs["folds"] = len(outer)
    return out


def _subset_labels(labels: Any, lab: Any, idx: np.ndarray) -> Any:
    """The original labels at ``idx`` (keeping their form: DataFrame rows or a list)."""
    if isinstance(labels, pd.DataFrame):
        return labels.iloc[idx].reset_index(drop=True)
    values = list(labels)
    return [values[i] for i in idx]


def _indices(scores: np.ndarray, model: Any, lab: Any) -> np.ndarray:
    """Predictions of a fold model as indices into the full label set (a fold may lack a rare class)."""
    proba = model.predict_proba_scores
    if lab.kind == "multilabel":
        out = np.zeros((len(scores), len(lab.classes)), dtype=int)
        for j, c in enumerate(model.classes_):
            out[:, lab.classes.index(c)] = (scores[:, j] > 0).astype(int)
        return out
    best = np.array([int(np.argmax(proba(s))) for s in scores])
    return np.array([lab.classes.index(model.classes_[b]) for b in best])
