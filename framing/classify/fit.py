"""Fitting: check texts and labels, choose options by cross-validation inside the training data, fit."""
from __future__ import annotations

import datetime as _dt
import itertools
import logging
import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, StratifiedKFold

from ..errors import ModelError
from .common import c_grid, check_texts, framing_version, word_lists_of
from .design import Design, NgramBlock, idf_of
from .features import feature_set
from .model import TextClassifier
from .fit_words import fit_with_oof, fit_word_classifier
from .words import WordClassifier, sentence_features

__all__ = ["fit_classifier", "Labels", "parse_labels", "check_texts", "DEFAULT_FEATURES"]

log = logging.getLogger(__name__)

#: Named feature sets used by default (see :mod:`framing.classify.features`).
DEFAULT_FEATURES: tuple[str, ...] = ("lexicon", "vader", "quotes", "style")


# ------------------------------------------------------------------------------ input checks

@dataclass(frozen=True)
class Labels:
    """Labels turned into numbers: ``y`` (class index per text) or ``Y`` (0/1 matrix, multilabel)."""

    classes: list[Any]
    kind: str
    y: np.ndarray  # (n,) for binary/multiclass, (n, k) for multilabel

    def counts(self) -> dict[str, int]:
        if self.kind == "multilabel":
            return {str(c): int(v) for c, v in zip(self.classes, self.y.sum(axis=0))}
        return {str(c): int((self.y == i).sum()) for i, c in enumerate(self.classes)}


def _plain(v: Any) -> Any:
    """A label as a JSON-safe value: str, int or bool kept, numpy scalars converted, others str()."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, str):
        return v
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return int(v)
    return str(v)


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def parse_labels(labels: Any, n_texts: int, source: str = "labels") -> Labels:
    """Check labels and turn them into numbers.

    One label per text (a list or Series of str/int/bool) gives a ``binary`` or ``multiclass``
    problem; a DataFrame of 0/1 columns (one per label) or a list of label sets gives ``multilabel``.

    Raises
    ------
    framing.errors.ModelError
        Lengths differ, a label is missing, only one class, or (multilabel) a label never or always given.

    Examples
    --------
    >>> parse_labels(["b", "a", "b"], 3).classes
    ['a', 'b']
    >>> parse_labels([{"x"}, {"x", "y"}, set()], 3).kind
    'multilabel'
    """
    if isinstance(labels, pd.DataFrame):
        return _multilabel_frame(labels, n_texts, source)
    values = list(labels) if not isinstance(labels, str) else [labels]
    if len(values) != n_texts:
        raise ModelError(f"{source}: {len(values)} labels for {n_texts} texts; give one label per text.")
    if values and all(isinstance(v, (set, frozenset, list, tuple)) for v in values):
        names = sorted({_plain(x) for v in values for x in v}, key=lambda c: (type(c).__name__, c))
        frame = pd.DataFrame([[c in {_plain(x) for x in v} for c in names] for v in values], columns=names)
        return _multilabel_frame(frame, n_texts, source)
    bad = [i for i, v in enumerate(values) if _missing(v)]
    if bad:
        raise ModelError(f"{source}: label missing at row(s) {bad[:5]} (0-based); drop those rows or label them.")
    plain = [_plain(v) for v in values]
    classes = sorted(set(plain), key=lambda c: (type(c).__name__, c))
    if len(classes) < 2:
        raise ModelError(f"{source}: only one class ({classes[0]!r}) among {n_texts} labels; a classifier needs "
                         "examples of at least two classes.")
    index = {c: i for i, c in enumerate(classes)}
    return Labels(classes, "binary" if len(classes) == 2 else "multiclass", np.array([index[c] for c in plain]))


def _multilabel_frame(frame: pd.DataFrame, n_texts: int, source: str) -> Labels:
    if len(frame) != n_texts:
        raise ModelError(f"{source}: {len(frame)} label rows for {n_texts} texts; give one row per text.")
    if frame.shape[1] == 0:
        raise ModelError(f"{source}: the label table has no columns; give one 0/1 column per label.")
    try:
        y = frame.astype(float).to_numpy()
    except (TypeError, ValueError):
        raise ModelError(f"{source}: multilabel columns must be 0/1 or True/False.") from None
    if np.isnan(y).any() or not np.isin(y, (0.0, 1.0)).all():
        raise ModelError(f"{source}: multilabel columns must be 0/1 or True/False (found other values or gaps).")
    for c, col in zip(frame.columns, y.T):
        if col.min() == col.max():
            state = "every" if col.min() == 1 else "no"
            raise ModelError(f"{source}: label {c!r} is given to {state} text; drop that label or add counter-examples.")
    return Labels([_plain(c) for c in frame.columns], "multilabel", y.astype(int))


# ------------------------------------------------------------------------------ options

def _grid(value: Any, kind: str) -> list[Any]:
    """A single option value or a list of candidates -> list of candidates."""
    if kind == "C":
        return c_grid(value)
    if kind == "ngrams":
        if value is None or (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)):
            return [value]
        vals = [None if v is None else tuple(v) for v in value]
        if not vals or any(v is not None and (len(v) != 2 or not 1 <= v[0] <= v[1]) for v in vals):
            raise ModelError(f"n-gram range must be (lo, hi) with 1 <= lo <= hi, None, or a list of them; got {value!r}.")
        return vals
    # feature sets
    if value is None or (isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value)):
        return [tuple(value or ())]
    return [tuple(v or ()) for v in value]


@dataclass(frozen=True)
class Options:
    C: float
    word_ngrams: tuple[int, int] | None
    char_ngrams: tuple[int, int] | None
    features: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"C": self.C, "word_ngrams": list(self.word_ngrams) if self.word_ngrams else None,
                "char_ngrams": list(self.char_ngrams) if self.char_ngrams else None, "features": list(self.features)}


def _linear(x: sp.csr_matrix, y: np.ndarray, kind: str, n_classes: int, C: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Logistic regression with balanced class weights: (coef, intercept)."""
    def binary(target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if target.min() == target.max():  # a multilabel fold without (or with only) positives of a label
            return np.zeros(x.shape[1]), np.array([10.0 if target[0] else -10.0])
        # the dual problem is solved much faster when features outnumber texts (the usual case with n-grams)
        m = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", dual=x.shape[1] > x.shape[0],
                               random_state=seed, max_iter=1000)
        m.fit(x, target)
        return m.coef_[0], m.intercept_

    if kind == "binary":
        c, b = binary(y)
        return c[None, :], np.asarray(b)
    if kind == "multilabel":
        parts = [binary(y[:, k]) for k in range(y.shape[1])]
        return np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    m = LogisticRegression(C=C, class_weight="balanced", solver="newton-cg", max_iter=1000, random_state=seed)
    m.fit(x, y)
    return m.coef_, m.intercept_


def _predict_index(scores: np.ndarray, kind: str) -> np.ndarray:
    if kind == "binary":
        return (scores[:, 0] > 0).astype(int)
    if kind == "multilabel":
        return (scores > 0).astype(int)
    return scores.argmax(axis=1)


def macro_f1(y: np.ndarray, pred: np.ndarray, kind: str) -> float:
    """Macro-F1 over classes (multilabel: mean over labels of the yes-class F1)."""
    return float(f1_score(y, pred, average="macro", zero_division=0))


def _folds(labels: Labels, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    n = len(labels.y)
    if labels.kind == "multilabel":
        k = min(k, n)
        return list(KFold(k, shuffle=True, random_state=seed).split(np.zeros(n)))
    smallest = int(np.bincount(labels.y).min())
    if smallest < 2:
        rare = labels.classes[int(np.bincount(labels.y).argmin())]
        raise ModelError(f"labels: class {rare!r} has only {smallest} example; at least 2 per class are needed.")
    k = max(2, min(k, smallest))
    return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(n), labels.y))


# ------------------------------------------------------------------------------ selection

class _Precomputed:
    """Everything that does not depend on the fold: n-gram counts (vocabulary from all training texts,
    label-free) and raw dense features. Idf and scaling are recomputed inside each fold."""

    def __init__(self, texts: list[str], cands: list[Options], word_lists: Mapping[str, list[str]], min_df: int,
                 stacked: np.ndarray | None = None, distant: Any = None) -> None:
        self.blocks: dict[tuple[str, Any], tuple[NgramBlock, sp.csr_matrix]] = {}
        for o in cands:
            for analyzer, rng in (("word", o.word_ngrams), ("char_wb", o.char_ngrams)):
                if rng is not None and (analyzer, rng) not in self.blocks:
                    self.blocks[(analyzer, rng)] = NgramBlock.fit(analyzer, rng, texts, min_df)
        names = sorted({n for o in cands for n in o.features})
        self.dense = {n: feature_set(n).transform(texts) for n in names}
        if word_lists:
            self.dense["_word_lists"] = Design(word_lists=dict(word_lists)).dense_raw(texts)
        if stacked is not None:  # the word model's out-of-fold sentence features
            self.dense["_word_model"] = stacked
        if distant is not None:  # scores of a model fitted on other, proxy-labelled texts
            self.dense["_distant"] = distant.scores(texts)

    def dense_keys(self, o: Options) -> list[str]:
        return list(o.features) + [k for k in ("_word_lists", "_word_model", "_distant") if k in self.dense]

    def matrices(self, o: Options, tr: np.ndarray, te: np.ndarray, dense_weight: float) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        parts_tr, parts_te = [], []
        for analyzer, rng in (("word", o.word_ngrams), ("char_wb", o.char_ngrams)):
            if rng is None:
                continue
            block, counts = self.blocks[(analyzer, rng)]
            idf = idf_of(counts[tr])
            parts_tr.append(block.weigh(counts[tr], idf))
            parts_te.append(block.weigh(counts[te], idf))
        keys = self.dense_keys(o)
        if keys:
            d = np.hstack([self.dense[k] for k in keys])
            scaler = Design(dense_weight=dense_weight)
            scaler.fit_scale(d[tr])
            parts_tr.append(scaler.scale(d[tr]))
            parts_te.append(scaler.scale(d[te]))
        if not parts_tr:
            raise ModelError("no features: give word_ngrams, char_ngrams, features or word_lists.")
        return sp.hstack(parts_tr, format="csr"), sp.hstack(parts_te, format="csr")


def _select(pre: _Precomputed, labels: Labels, cands: list[Options],
            folds: list[tuple[np.ndarray, np.ndarray]], dense_weight: float, seed: int) -> list[dict[str, Any]]:
    """Mean macro-F1 over the folds of every candidate (options sharing everything but C share matrices)."""
    scores: dict[Options, list[float]] = {o: [] for o in cands}
    groups: dict[Options, list[Options]] = {}
    for o in cands:
        groups.setdefault(Options(0.0, o.word_ngrams, o.char_ngrams, o.features), []).append(o)
    n_classes = len(labels.classes)
    for tr, te in folds:
        for base, members in groups.items():
            x_tr, x_te = pre.matrices(base, tr, te, dense_weight)
            for o in members:
                coef, b = _linear(x_tr, labels.y[tr], labels.kind, n_classes, o.C, seed)
                pred = _predict_index(np.asarray(x_te @ coef.T) + b, labels.kind)
                scores[o].append(macro_f1(labels.y[te], pred, labels.kind))
    return [{"options": o.as_json(), "macro_f1": float(np.mean(s)), "sd": float(np.std(s))} for o, s in scores.items()]


def fit_classifier(
    texts: Sequence[str],
    labels: Any,
    *,
    level: str = "sentence",
    C: float | Sequence[float] | None = None,
    word_ngrams: tuple[int, int] | None | Sequence[tuple[int, int] | None] = (1, 2),
    char_ngrams: tuple[int, int] | None | Sequence[tuple[int, int] | None] = (2, 5),
    features: Sequence[str] | Sequence[Sequence[str]] | None = DEFAULT_FEATURES,
    word_lists: Mapping[str, str | Sequence[str]] | None = None,
    dense_weight: float = 0.3,
    min_df: int = 2,
    folds: int = 5,
    random_state: int = 0,
    description: str = "",
    words: Any = None,
    distant: Any = None,
    **word_options: Any,
) -> TextClassifier | WordClassifier:
    """Fit a classifier on your own labels: TF-IDF word and character n-grams, named feature sets, logistic regression.

    Each option takes one value or a list of candidates; every combination of candidates is scored by
    ``folds``-fold cross-validation inside the given data (macro-F1) and the best is refitted on all
    of it. Class weights are balanced. The result depends only on the data, the options and
    ``random_state``.

    Parameters
    ----------
    texts : sequence of str
        Sentences or whole articles; none may be empty.
    labels : sequence, DataFrame or sequence of sets
        One label per text (str, int or bool; two or more classes), or for several yes/no labels at
        once (``multilabel``) a DataFrame with one 0/1 column per label or one set of labels per text.
        With ``level="word"``: per text, the list of words a coder marked in it (BABE's ``biased_words``).
    level : {"sentence", "word"}, default "sentence"
        ``"word"``: a :class:`~framing.classify.words.WordClassifier` that flags the marked words of a text
        (:func:`~framing.classify.fit_words.fit_word_classifier`; it takes ``C``, ``word_lists``, ``folds``,
        ``random_state``, ``description`` and ``**word_options``).
    C : float or list of float, default (0.25, 1.0, 4.0); (0.1, 0.3, 1.0) for ``level="word"``
        Inverse regularisation strength of the logistic regression.
    word_ngrams : (lo, hi), None or list of them, default (1, 2)
        Word n-gram range (None: no word n-grams).
    char_ngrams : (lo, hi), None or list of them, default (2, 5)
        Character n-grams inside words (scikit-learn's ``char_wb``); None: none.
    features : list of names or list of lists, default ("lexicon", "vader", "quotes", "style")
        Named feature sets (:func:`framing.classify.available_feature_sets`); ``()`` for none.
    word_lists : dict, optional
        ``{name: path or list of words}``: your own word lists (e.g. a bias lexicon you may not
        redistribute); each becomes one feature (``log1p`` of the words of a text in the list, matched
        by word or Snowball stem). The words are stored in the saved model.
    dense_weight : float, default 0.3
        Scale of the standardised named features relative to the n-grams.
    min_df : int, default 2
        Keep n-grams found in at least this many training texts.
    folds : int, default 5
        Cross-validation folds for choosing the options (fewer if a class is smaller).
    random_state : int, default 0
        Seed of the fold split and the solver.
    description : str, optional
        What the training data is (stored in the model and shown in reports).
    words : sequence, optional
        Per text, the words a coder marked in it (as for ``level="word"``): a word model is fitted too, and
        four sentence features from its token probabilities (out-of-fold for the training texts) join the
        dense features (stacking). The word model is stored inside the sentence model.
    distant : DistantModel, optional
        A model fitted on other texts with proxy labels (:func:`~framing.classify.distant.fit_distant_model`,
        e.g. news sentences labelled by their outlet); its scores join the dense features, and it is stored
        inside the sentence model.
    **word_options
        Options of the word model (``level="word"``, or with ``words``): ``templates``,
        ``class_weight``, ``min_count``, ``unmatched``.

    Returns
    -------
    TextClassifier (WordClassifier for ``level="word"``)
        ``metadata["cv"]`` holds the mean macro-F1 of the chosen options (optimistic: the best of the
        candidates; use :func:`framing.evaluate_classifier` for an unbiased figure) and every candidate's score.

    Raises
    ------
    framing.errors.ModelError
        Empty texts, lengths differ, one class only, a class with a single example, unknown feature set.

    Examples
    --------
    >>> texts = ["A disgraceful, shameful attack!", "This outrageous lie is a scandal.",
    ...          "The committee met on Tuesday.", "The report was published in May."] * 2
    >>> m = fit_classifier(texts, ["Biased", "Biased", "Neutral", "Neutral"] * 2, features=(), char_ngrams=None, folds=2)
    >>> m.classes_, m.predict(["What a shameful lie!"])
    (['Biased', 'Neutral'], ['Biased'])
    """
    if level != "sentence" or (word_options and words is None):
        changed = dict(word_ngrams=word_ngrams != (1, 2), char_ngrams=char_ngrams != (2, 5), min_df=min_df != 2,
                       features=features != DEFAULT_FEATURES, dense_weight=dense_weight != 0.3, words=words is not None,
                       distant=distant is not None)
        return _fit_other_level(level, texts, labels, C, word_lists, folds, random_state, description, word_options, changed)
    C = (0.25, 1.0, 4.0) if C is None else C
    texts = check_texts(texts)
    lab = parse_labels(labels, len(texts))
    lists = word_lists_of(word_lists)
    cands = [Options(c, w, ch, f) for f, w, ch, c in itertools.product(
        _grid(features, "features"), _grid(word_ngrams, "ngrams"), _grid(char_ngrams, "ngrams"), _grid(C, "C"))]
    for n in {n for o in cands for n in o.features}:
        feature_set(n)  # unknown names fail here, before any work
    split = _folds(lab, folds, random_state)
    word_model, stacked = _stacked_word_model(texts, words, folds, random_state, word_options)
    _check_distant(distant)
    pre = _Precomputed(texts, cands, lists, min_df, stacked, distant)
    results = _select(pre, lab, cands, split, dense_weight, random_state)
    best = max(range(len(cands)), key=lambda i: (results[i]["macro_f1"], -i))
    chosen = cands[best]
    log.info("classifier options chosen by %d-fold CV: %s (macro-F1 %.3f)", len(split), chosen, results[best]["macro_f1"])
    model = _fit_final(pre, lab, chosen, lists, dense_weight, random_state)
    model.design.word_model = word_model
    model.design.distant = distant
    model.metadata = _metadata(description, len(texts), lab, results[best], results, len(split), chosen,
                               {"dense_weight": dense_weight, "min_df": min_df, "random_state": random_state,
                                "word_lists": sorted(lists)}, word_model, distant)
    return model


def _metadata(description: str, n_texts: int, lab: Labels, best: Mapping[str, Any], results: list[dict[str, Any]],
              n_folds: int, chosen: Options, options: Mapping[str, Any], word_model: WordClassifier | None,
              distant: Any) -> dict[str, Any]:
    """A fitted sentence model's metadata: training data, CV scores, options, stacked models, version, date."""
    return {
        "training": {"description": description, "n_texts": n_texts, "label_counts": lab.counts()},
        "cv": {"macro_f1": best["macro_f1"], "sd": best["sd"], "folds": n_folds,
               "note": "mean macro-F1 of the chosen options over the folds (best of the candidates, so optimistic)",
               "candidates": results},
        "options": {**chosen.as_json(), **options},
        "feature_sets": list(chosen.features),
        "word_model": _word_model_summary(word_model),
        "distant": _distant_summary(distant),
        "framing_version": framing_version(),
        "created": _dt.date.today().isoformat(),
    }


def _distant_summary(distant: Any) -> dict[str, Any] | None:
    """What a sentence model's metadata says about its distant model."""
    if distant is None:
        return None
    return {"labels": list(distant.names), "training": distant.metadata.get("training"),
            "options": distant.metadata.get("options")}


def _check_distant(distant: Any) -> None:
    """A distant model has ``names`` and ``scores`` (checked by shape, so this module need not import it)."""
    if distant is not None and not (callable(getattr(distant, "scores", None)) and hasattr(distant, "names")):
        raise ModelError(f"distant= takes a DistantModel (from fit_distant_model or load_distant_model), "
                         f"not a {type(distant).__name__}.")


def _word_model_summary(model: WordClassifier | None) -> dict[str, Any] | None:
    """What a stacked sentence model's metadata says about its word model."""
    if model is None:
        return None
    cv = model.metadata["cv"]
    return {"training": model.metadata["training"], "cv": {k: cv[k] for k in ("precision", "recall", "f1")},
            "options": model.metadata["options"]}


def _stacked_word_model(texts: list[str], words: Any, folds: int, seed: int,
                        word_options: Mapping[str, Any]) -> tuple[WordClassifier | None, np.ndarray | None]:
    """With ``words``: a word model fitted on all texts, and each text's sentence features from its
    out-of-fold token probabilities (so no text is described by a model that saw its own marks)."""
    if words is None:
        return None, None
    model, oof = fit_with_oof(texts, words, folds=folds, random_state=seed, **word_options)
    return model, sentence_features(oof, model.threshold)


def _fit_other_level(level: str, texts: Any, labels: Any, C: Any, word_lists: Any, folds: int, random_state: int,
                     description: str, word_options: Mapping[str, Any], changed: Mapping[str, bool]) -> WordClassifier:
    """``level="word"``: check that only options of the word model were given, and fit it."""
    if level != "word":
        if level == "sentence":
            raise ModelError(f"option(s) {sorted(word_options)} are not options of a sentence classifier; they belong "
                             "to level='word' (templates, class_weight, min_count, unmatched).")
        raise ModelError(f"level={level!r}: use 'sentence' (one label per text) or 'word' (marked words per text).")
    wrong = sorted(k for k, v in changed.items() if v)
    if wrong:
        raise ModelError(f"option(s) {wrong} apply to sentence classifiers only; a word model takes C, word_lists, "
                         "folds, random_state, description, templates, class_weight, min_count and unmatched.")
    opts = dict(word_options)
    if C is not None:
        opts["C"] = C
    return fit_word_classifier(texts, labels, word_lists=word_lists, folds=folds, random_state=random_state,
                               description=description or None, **opts)


def _fit_final(pre: _Precomputed, lab: Labels, o: Options, lists: Mapping[str, list[str]],
               dense_weight: float, seed: int) -> TextClassifier:
    """Refit the chosen options on all texts, reusing the precomputed counts and dense features."""
    design = Design(features=o.features, feature_names={n: feature_set(n).names for n in o.features},
                    word_lists=dict(lists), dense_weight=dense_weight)
    everything = np.arange(lab.y.shape[0])
    x, _ = pre.matrices(o, everything, everything[:0], dense_weight)
    if o.word_ngrams is not None:
        design.word = pre.blocks[("word", o.word_ngrams)][0]
    if o.char_ngrams is not None:
        design.char = pre.blocks[("char_wb", o.char_ngrams)][0]
    keys = pre.dense_keys(o)
    if keys:
        design.fit_scale(np.hstack([pre.dense[k] for k in keys]))
    coef, b = _linear(x, lab.y, lab.kind, len(lab.classes), o.C, seed)
    return TextClassifier(lab.classes, lab.kind, design, coef, b)
