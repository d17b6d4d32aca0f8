"""A trained classifier applied to a corpus: one row per sentence, and shares per outlet with intervals."""
from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.stats import norm

from ..errors import ModelError
from ..stats import wilson_interval
from ..tables import TABLES
from .model import TextClassifier, load_classifier

__all__ = ["classifier_sentences", "classifiers_sentences", "classifier_summary", "SENTENCE_COLUMNS", "SUMMARY_COLUMNS"]

#: Columns of :func:`classifier_sentences` (declared in :mod:`framing.tables`).
SENTENCE_COLUMNS = TABLES["classifier_sentences"].names
#: Columns of :func:`classifier_summary` (declared in :mod:`framing.tables`).
SUMMARY_COLUMNS = TABLES["classifier_summary"].names
#: Outlets with fewer articles than this get a Wilson interval over sentences instead of the article bootstrap.
MIN_ARTICLES_FOR_BOOTSTRAP = 5


def _articles(corpus: Any) -> Sequence[Any]:
    arts = getattr(corpus, "articles", None)
    return tuple(arts) if arts is not None else tuple(corpus)


def classifier_sentences(corpus: Any, model: TextClassifier | str, name: str = "classifier",
                         threshold: float = 0.5) -> pd.DataFrame:
    """Apply a trained classifier to every sentence of every article.

    Parameters
    ----------
    corpus : Corpus
        The articles; their ``sentences`` spans (:attr:`framing.Article.sentences`) are classified.
    model : TextClassifier or path
        A model from :func:`framing.fit_classifier` or a file written by its ``save``.
    name : str, default "classifier"
        The name of this classifier in the table (``framing.analyze(corpus, classifiers={name: model})``).
    threshold : float, default 0.5
        For ``multilabel`` models: a label is given when its probability is at least this.

    Returns
    -------
    pandas.DataFrame
        One row per sentence in corpus order (``multilabel`` models: one row per sentence and label
        given to it, in label order, and one row with a missing ``label`` and ``probability`` for a
        sentence given no label, so every sentence is counted), with columns

        ``article_id`` (str), ``outlet`` (str)
            The article and its outlet key.
        ``classifier`` (str)
            ``name``.
        ``sentence_id`` (int)
            Index of the sentence in its article (0-based, as in ``sentence_sentiment``).
        ``start``, ``end`` (int)
            Char offsets into ``article.text``: ``text[start:end]`` is the sentence.
        ``label`` (str)
            The predicted label as text (multilabel: one label given).
        ``probability`` (float)
            The model's probability of that label.

    Examples
    --------
    >>> import framing
    >>> from framing.classify._demo import demo_model
    >>> corpus = framing.Corpus([framing.Article.from_raw("a1", "rt", "A disgraceful, shameful lie! The committee met.")])
    >>> classifier_sentences(corpus, demo_model(), "biased")[["sentence_id", "label"]].values.tolist()
    [[0, 'Biased'], [1, 'Non-biased']]
    """
    if isinstance(model, str) or hasattr(model, "__fspath__"):
        model = load_classifier(model)
    if getattr(model, "level", None) == "word":
        raise ModelError(f"classifier {name!r}: a word model (level='word') flags words, not sentences; give a sentence "
                         "classifier here, and use the word model's predict_words() or explain() for highlighting.")
    if not isinstance(model, TextClassifier):
        raise ModelError(f"classifier {name!r}: expected a TextClassifier or a model file path, got {type(model).__name__}.")
    meta: list[tuple[str, str, int, int, int]] = []
    texts: list[str] = []
    for art in _articles(corpus):
        text = art.text
        for i, sp in enumerate(art.sentences):
            meta.append((art.id, art.outlet, i, sp.start, sp.end))
            texts.append(text[sp.start:sp.end])
    if not texts:
        return _frame([])
    proba = model.predict_proba(texts).to_numpy()
    classes = model.classes_
    rows: list[tuple] = []
    if model.kind == "multilabel":
        for (aid, outlet, i, s, e), p in zip(meta, proba):
            given = [(classes[j], float(v)) for j, v in enumerate(p) if v >= threshold]
            for lab, v in given or [(None, math.nan)]:
                rows.append((aid, outlet, name, i, s, e, None if lab is None else str(lab), v))
    else:
        best = proba.argmax(axis=1)
        for (aid, outlet, i, s, e), j, p in zip(meta, best, proba):
            rows.append((aid, outlet, name, i, s, e, str(classes[j]), float(p[j])))
    return _frame(rows)


def classifiers_sentences(corpus: Any, classifiers: Mapping[str, TextClassifier | str]) -> pd.DataFrame:
    """:func:`classifier_sentences` of several classifiers, concatenated in name order.

    Parameters
    ----------
    corpus : Corpus
    classifiers : dict
        Name -> model or model file (``framing.analyze(corpus, classifiers=...)`` passes this).

    Returns
    -------
    pandas.DataFrame
        The ``classifier_sentences`` table (same columns), one block per classifier.

    Examples
    --------
    >>> classifiers_sentences([], {}).columns.tolist()[:3]
    ['article_id', 'outlet', 'classifier']
    """
    parts = [classifier_sentences(corpus, classifiers[name], name) for name in sorted(classifiers)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _frame([])
    return TABLES["classifier_sentences"].conform(pd.concat(parts, ignore_index=True))


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return TABLES["classifier_sentences"].from_rows(rows)


def _article_bootstrap(n_sent: np.ndarray, n_lab: np.ndarray, n_boot: int, rng: np.random.Generator,
                       level: float) -> tuple[float, float]:
    """Percentile interval of sum(n_lab)/sum(n_sent) over articles resampled with replacement."""
    idx = rng.integers(0, len(n_sent), size=(n_boot, len(n_sent)))
    den = n_sent[idx].sum(axis=1)
    shares = np.where(den > 0, n_lab[idx].sum(axis=1) / np.maximum(den, 1), np.nan)
    lo, hi = np.nanquantile(shares, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def classifier_summary(table: pd.DataFrame, *, n_boot: int = 2000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Share of sentences given each label, per classifier and outlet, with an interval.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`classifier_sentences` output (several classifiers may be concatenated).
    n_boot : int, default 2000
        Bootstrap samples.
    level : float, default 0.95
        Interval coverage.
    seed : int, default 0
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per classifier, outlet and label (every label the classifier gave anywhere), sorted,
        with columns

        ``classifier``, ``outlet``, ``label``
            What is counted where.
        ``n_sentences`` (int)
            Sentences of the outlet's articles.
        ``n_label`` (int)
            Of those, the sentences given ``label``.
        ``share`` (float)
            ``n_label / n_sentences``.
        ``ci_low``, ``ci_high`` (float)
            Interval of ``share``: sentences of one article are not independent, so the articles of
            the outlet are resampled (percentile bootstrap); an outlet with fewer than
            :data:`MIN_ARTICLES_FOR_BOOTSTRAP` articles gets a Wilson interval over its sentences
            instead (too narrow when sentences of an article resemble each other).

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["x", "x", "x"], "classifier": "c",
    ...                   "sentence_id": [0, 1, 0], "start": 0, "end": 1, "label": ["yes", "no", "yes"],
    ...                   "probability": 0.9})
    >>> classifier_summary(t)[["label", "n_sentences", "n_label"]].values.tolist()
    [['no', 3, 1], ['yes', 3, 2]]
    """
    missing = [c for c in SENTENCE_COLUMNS if c not in table.columns]
    if missing:
        raise ModelError(f"classifier_summary: the table lacks column(s) {missing}; pass classifier_sentences output.")
    rows: list[tuple] = []
    rng = np.random.default_rng(seed)
    z = float(norm.ppf(1 - (1 - level) / 2))
    for clf, t in table.groupby("classifier", sort=True):
        labels = sorted(t["label"].dropna().unique().tolist())
        sent = t.drop_duplicates(["article_id", "sentence_id"])
        for outlet, s in sent.groupby("outlet", sort=True):
            n_sent_art = s.groupby("article_id", sort=True).size()
            arts = n_sent_art.index
            t_out = t[t["outlet"] == outlet]
            for lab in labels:
                hits = t_out[t_out["label"] == lab].drop_duplicates(["article_id", "sentence_id"])
                n_lab_art = hits.groupby("article_id").size().reindex(arts, fill_value=0)
                n, k = int(n_sent_art.sum()), int(n_lab_art.sum())
                if len(arts) >= MIN_ARTICLES_FOR_BOOTSTRAP and n_boot > 0:
                    lo, hi = _article_bootstrap(n_sent_art.to_numpy(), n_lab_art.to_numpy(), n_boot, rng, level)
                else:
                    lo, hi = wilson_interval(k, n, z)
                rows.append((clf, outlet, lab, n, k, k / n if n else math.nan, lo, hi))
    return TABLES["classifier_summary"].from_rows(rows)
