"""Fitting and evaluating the word-level model: options and threshold chosen by cross-validation, folds by text."""
from __future__ import annotations

import datetime as _dt
import logging
from collections import Counter
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from ..errors import ModelError
from .common import EVALUATION_COLUMNS, c_grid, check_texts, framing_version, word_lists_of
from .words import WORD_TEMPLATES, WordClassifier, feature_matrix, parse_word_labels, token_features, word_scores

__all__ = ["fit_word_classifier", "fit_with_oof", "evaluate_word_classifier", "WordData"]

log = logging.getLogger(__name__)


class WordData:
    """Texts with their tokens, token features and 0/1 token labels, and the token-feature matrix over the
    features seen on at least ``min_count`` tokens (label-free, so one vocabulary serves every fold)."""

    def __init__(self, texts: Sequence[str], words: Any, templates: Sequence[str],
                 word_lists: Mapping[str, Sequence[str]], unmatched: str, min_count: int = 2) -> None:
        self.texts = list(texts)
        self.y = parse_word_labels(self.texts, words, unmatched=unmatched)
        self.tokens, feats = [], []
        for t in self.texts:
            toks, f = token_features(t, templates, word_lists)
            self.tokens.append(toks)
            feats.append(f)
        self.gold = [{w.lower() for (_, _, w), v in zip(toks, y) if v} for toks, y in zip(self.tokens, self.y)]
        counts: Counter[str] = Counter(x for fs in feats for f in fs for x in set(f))
        self.vocabulary = {k: j for j, k in enumerate(sorted(k for k, v in counts.items() if v >= min_count))}
        self.x = feature_matrix([f for fs in feats for f in fs], self.vocabulary)
        self.bounds = np.cumsum([0] + [len(y) for y in self.y])

    def matrix(self, rows: np.ndarray) -> tuple[Any, np.ndarray]:
        """Token rows and labels of the texts ``rows``, in that order."""
        idx = np.concatenate([np.arange(self.bounds[i], self.bounds[i + 1]) for i in rows]) if len(rows) else []
        y = np.concatenate([self.y[i] for i in rows]) if len(rows) else np.zeros(0, dtype=int)
        return self.x[np.asarray(idx, dtype=np.int64)], y


def _logreg(x: Any, y: np.ndarray, C: float, class_weight: str | None, seed: int) -> tuple[np.ndarray, float]:
    # the dual solver: the same optimum, found faster on tens of thousands of tokens and features
    m = LogisticRegression(C=C, class_weight=class_weight, solver="liblinear", dual=True, random_state=seed,
                           max_iter=1000)
    m.fit(x, y)
    return m.coef_[0], float(m.intercept_[0])


def _type_probabilities(data: WordData, rows: np.ndarray, probs: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, int]:
    """Per (text, word type): the highest probability of its tokens and whether it is marked; gold total."""
    p_all, g_all = [], []
    n_gold = 0
    for i, p in zip(rows, probs):
        best: dict[str, float] = {}
        for (_, _, w), q in zip(data.tokens[i], p):
            lw = w.lower()
            best[lw] = max(best.get(lw, 0.0), float(q))
        p_all.extend(best.values())
        g_all.extend(w in data.gold[i] for w in best)
        n_gold += len(data.gold[i])
    return np.array(p_all), np.array(g_all, dtype=bool), n_gold


def best_threshold(p: np.ndarray, gold: np.ndarray, n_gold: int) -> tuple[float, float]:
    """The probability threshold with the highest word F1 (word types per text), and that F1.

    Examples
    --------
    >>> best_threshold(np.array([0.9, 0.6, 0.2]), np.array([True, False, True]), 2)
    (0.2, 0.8)
    """
    if not len(p) or not n_gold:
        return 0.5, 0.0
    order = np.argsort(-p, kind="stable")
    ps, gs = p[order], gold[order]
    tp = np.cumsum(gs)
    k = np.arange(1, len(ps) + 1)
    f1 = 2 * tp / (k + n_gold)
    last = np.r_[ps[1:] != ps[:-1], True]  # cut only between different probabilities
    f1 = np.where(last, f1, -1.0)
    j = int(np.argmax(f1))
    return float(ps[j]), float(f1[j])


def _folds(n: int, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    k = max(2, min(k, n))
    return list(KFold(k, shuffle=True, random_state=seed).split(np.zeros(n)))


def _select(data: WordData, Cs: Sequence[float], folds: list, class_weight: str | None,
            seed: int) -> tuple[list[dict[str, Any]], dict[float, list[np.ndarray]]]:
    """Out-of-fold token probabilities for every C; the threshold and word P/R/F1 of each."""
    oof: dict[float, list[np.ndarray]] = {c: [np.zeros(0)] * len(data.texts) for c in Cs}
    for tr, te in folds:
        x_tr, y_tr = data.matrix(tr)
        x_te, _ = data.matrix(te)
        bounds = np.cumsum([0] + [len(data.y[i]) for i in te])
        for c in Cs:
            if y_tr.min() == y_tr.max():
                s = np.full(x_te.shape[0], -10.0 if y_tr.max() == 0 else 10.0)
            else:
                coef, b = _logreg(x_tr, y_tr, c, class_weight, seed)
                s = x_te @ coef + b
            p = 1.0 / (1.0 + np.exp(-np.clip(s, -50, 50)))
            for j, i in enumerate(te):
                oof[c][i] = p[bounds[j]:bounds[j + 1]]
    rows = np.arange(len(data.texts))
    out = []
    for c in Cs:
        thr, _ = best_threshold(*_type_probabilities(data, rows, oof[c]))
        pred = [{w.lower() for (_, _, w), q in zip(data.tokens[i], oof[c][i]) if q >= thr} for i in rows]
        sc = word_scores(data.gold, pred)
        out.append({"C": c, "threshold": thr, **{k: sc[k] for k in ("precision", "recall", "f1")}})
    return out, oof


def fit_word_classifier(
    texts: Sequence[str],
    words: Any,
    *,
    C: float | Sequence[float] = (0.1, 0.3, 1.0),
    templates: Sequence[str] = tuple(WORD_TEMPLATES),
    word_lists: Mapping[str, Any] | None = None,
    class_weight: str | None = None,
    min_count: int = 2,
    folds: int = 5,
    random_state: int = 0,
    unmatched: str = "error",
    description: str | None = None,
) -> WordClassifier:
    """Fit a model that flags the marked words of texts (``fit_classifier(texts, words, level="word")``).

    Parameters
    ----------
    texts : list of str
        Training texts (sentences, usually).
    words : sequence
        Per text, the words a coder marked (see :func:`framing.classify.words.parse_word_labels`:
        lists, list literals such as BABE's ``biased_words`` column, or empty).
    C : float or list of float, default (0.1, 0.3, 1.0)
        Inverse regularisation strength; a list is chosen from by cross-validation.
    templates : list of str, default all of :data:`framing.classify.words.WORD_TEMPLATES`
        Token feature templates.
    word_lists : dict, optional
        ``{name: path or list of words}``: your own lists; a token in a list (word or stem) gets the
        feature ``list=<name>``. The words are stored in the model.
    class_weight : None or "balanced", default None
        Logistic-regression class weights (the threshold is chosen by cross-validation either way).
    min_count : int, default 2
        Keep features seen on at least this many training tokens.
    folds : int, default 5
        Cross-validation folds (split by text) for choosing C and the threshold.
    random_state : int, default 0
    unmatched : {"error", "ignore"}, default "error"
        A marked word that is not a word of its text: raise, or leave it out with a warning.
    description : str, optional
        What the training data is (stored in the model).

    Returns
    -------
    WordClassifier
        ``metadata["cv"]``: word precision, recall and F1 of the chosen C and threshold on the
        out-of-fold predictions (optimistic: the best candidate; use :func:`framing.evaluate_classifier`
        with ``level="word"`` for an unbiased figure).

    Examples
    --------
    >>> texts = ["What a disgraceful lie.", "The committee met today.", "A shameful, disgraceful plan.",
    ...          "The plan was published today."] * 3
    >>> words = [["disgraceful"], [], ["shameful", "disgraceful"], []] * 3
    >>> m = fit_word_classifier(texts, words, C=1.0, folds=2, min_count=1, templates=("word", "context"))
    >>> m.flagged_words(["A disgraceful committee."])
    [{'disgraceful'}]
    """
    return fit_with_oof(texts, words, C=C, templates=templates, word_lists=word_lists, class_weight=class_weight,
                        min_count=min_count, folds=folds, random_state=random_state, unmatched=unmatched,
                        description=description)[0]


def fit_with_oof(texts: Sequence[str], words: Any, *, C: float | Sequence[float] = (0.1, 0.3, 1.0),
                 templates: Sequence[str] = tuple(WORD_TEMPLATES), word_lists: Mapping[str, Any] | None = None,
                 class_weight: str | None = None, min_count: int = 2, folds: int = 5, random_state: int = 0,
                 unmatched: str = "error", description: str | None = None) -> tuple[WordClassifier, list[np.ndarray]]:
    """:func:`fit_word_classifier`, also returning each text's out-of-fold token probabilities at the chosen C
    (what a sentence classifier stacked on the word model trains on, so its word features are never
    computed by a model that saw the text's own marks)."""
    texts = check_texts(texts)
    Cs = c_grid(C)
    templates = tuple(templates)
    unknown = sorted(set(templates) - set(WORD_TEMPLATES))
    if unknown or not templates:
        raise ModelError(f"templates {unknown or '()'} not known; choose from {list(WORD_TEMPLATES)}.")
    if class_weight not in (None, "balanced"):
        raise ModelError(f"class_weight={class_weight!r}: use None or 'balanced'.")
    lists = word_lists_of(word_lists)
    data = WordData(texts, words, templates, lists, unmatched, min_count)
    split = _folds(len(texts), folds, random_state)
    results, oof = _select(data, Cs, split, class_weight, random_state)
    best = max(results, key=lambda r: (r["f1"], -Cs.index(r["C"])))
    everything = np.arange(len(texts))
    vocab = data.vocabulary
    x, y = data.matrix(everything)
    coef, b = _logreg(x, y, best["C"], class_weight, random_state)
    meta = {
        "level": "word",
        "training": {"description": description, "n_texts": len(texts), "n_tokens": int(len(y)),
                     "n_marked": int(y.sum())},
        "cv": {**{k: best[k] for k in ("precision", "recall", "f1")}, "folds": len(split),
               "note": "word P/R/F1 (word types per text, micro) of the out-of-fold predictions at the chosen C "
                       "and threshold (best of the candidates, so optimistic)", "candidates": results},
        "options": {"C": best["C"], "threshold": best["threshold"], "templates": list(templates),
                    "class_weight": class_weight, "min_count": min_count, "random_state": random_state,
                    "word_lists": sorted(lists)},
        "framing_version": framing_version(),
        "created": _dt.date.today().isoformat(),
    }
    return WordClassifier(list(vocab), coef, b, best["threshold"], templates, lists, meta), oof[best["C"]]


def evaluate_word_classifier(texts: Sequence[str], words: Any, folds: int = 5, *, n_boot: int = 1000,
                             confidence: float = 0.95, random_state: int = 0, unmatched: str = "error",
                             **options: Any) -> pd.DataFrame:
    """Word precision, recall and F1 by nested cross-validation, folds by text, with a bootstrap interval.

    Each outer fold's texts are held out while :func:`fit_word_classifier` (with its own inner
    cross-validation for C and the threshold) is fitted on the rest; the held-out flags are pooled
    and scored as :func:`framing.classify.words.word_scores` does (word types per text, micro).
    The interval resamples texts. Called by ``evaluate_classifier(texts, words, level="word")``.

    Returns
    -------
    pandas.DataFrame
        One row (``label == "marked word"``) with the columns of :func:`framing.evaluate_classifier`
        (``support``: marked words); ``attrs["flagged"]`` holds the held-out flagged words per text.
    """
    texts = check_texts(texts)
    gold_y = parse_word_labels(texts, words, unmatched=unmatched)
    gold = [{m.group().lower() for m, v in zip(_tokens(t), y) if v} for t, y in zip(texts, gold_y)]
    values = list(words)
    pred: list[set[str]] = [set() for _ in texts]
    outer = _folds(len(texts), folds, random_state)
    for k, (tr, te) in enumerate(outer):
        model = fit_word_classifier([texts[i] for i in tr], [values[i] for i in tr], random_state=random_state,
                                    unmatched="ignore" if unmatched == "ignore" else "error", **options)
        for i, flagged in zip(te, model.flagged_words([texts[i] for i in te])):
            pred[i] = flagged
        log.info("outer fold %d/%d done", k + 1, len(outer))
    sc = word_scores(gold, pred)
    rng = np.random.default_rng(random_state)
    boot = [word_scores([gold[i] for i in idx], [pred[i] for i in idx])["f1"]
            for idx in (rng.integers(0, len(texts), len(texts)) for _ in range(n_boot))]
    lo, hi = (np.quantile(boot, [(1 - confidence) / 2, 1 - (1 - confidence) / 2]) if n_boot else (np.nan, np.nan))
    out = pd.DataFrame([("marked word", sc["precision"], sc["recall"], sc["f1"], sc["tp"] + sc["fn"], float(lo),
                         float(hi))], columns=EVALUATION_COLUMNS)
    out.attrs["flagged"] = pred
    out.attrs["folds"] = len(outer)
    return out


def _tokens(text: str) -> list[Any]:
    from ..text import TOKEN_RE

    return list(TOKEN_RE.finditer(text))
