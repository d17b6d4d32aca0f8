"""Distant supervision: a model fitted on many texts with cheap proxy labels, whose scores join a classifier.

Hand labels are few (BABE: 1,895 sentences); proxy labels are cheap. Sentences of a large news corpus can
be labelled by what is known of their outlet (an opinion or partisan outlet vs a wire service, the
outlet's left/centre/right rating): noisy labels, but over a vocabulary a hundred times larger than the
hand-labelled set. :func:`fit_distant_model` fits one logistic regression per proxy label on TF-IDF word
n-grams of those texts; ``fit_classifier(texts, labels, distant=model)`` adds its scores (one column per
proxy label) to the dense features of the classifier trained on the hand labels.

A :class:`DistantModel` is plain data (vocabulary, idf, weights, metadata), written into the classifier's
JSON file, and loaded without executing code. It is fitted on the user's texts: the package ships none.
"""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from ..errors import ModelError
from .common import check_texts, framing_version, write_model_json
from .design import NgramBlock

__all__ = ["DistantModel", "fit_distant_model", "load_distant_model", "DISTANT_FORMAT"]

#: Value of the ``format`` field of a saved distant model.
DISTANT_FORMAT = "framing-distant-model"


class DistantModel:
    """Logistic regressions over one TF-IDF word n-gram block, one per proxy label.

    Attributes
    ----------
    block : NgramBlock
        Vocabulary and idf learned from the proxy-labelled texts.
    names : list of str
        One name per proxy label (the columns of :meth:`scores`).
    coef_ : numpy.ndarray
        Shape ``(len(names), len(block.vocabulary))``.
    intercept_ : numpy.ndarray
        One per name.
    metadata : dict
        ``training`` (description, n_texts, label counts), ``options``, ``framing_version``, ``created``.
    """

    def __init__(self, block: NgramBlock, names: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
                 metadata: Mapping[str, Any] | None = None) -> None:
        self.block = block
        self.names = [str(n) for n in names]
        self.coef_ = np.asarray(coef, dtype=float)
        self.intercept_ = np.asarray(intercept, dtype=float)
        self.metadata = dict(metadata or {})
        if self.coef_.shape != (len(self.names), len(block.vocabulary)) or self.intercept_.shape != (len(self.names),):
            raise ValueError(f"distant model: weights of shape {self.coef_.shape} do not match {len(self.names)} "
                             f"labels and {len(block.vocabulary)} n-grams")

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Decision value of each proxy label for each text, shape ``(len(texts), len(names))``.

        Examples
        --------
        >>> from framing.classify._demo import demo_distant_model
        >>> demo_distant_model().scores(["A shameful lie!", "Shares rose 2 percent."]).shape
        (2, 1)
        """
        texts = [t if isinstance(t, str) else "" for t in texts]
        if not texts:
            return np.zeros((0, len(self.names)))
        return np.asarray(self.block.transform(texts) @ self.coef_.T) + self.intercept_

    def to_json(self) -> dict[str, Any]:
        return {"format": DISTANT_FORMAT, "names": self.names, "block": self.block.to_json(),
                "coef": self.coef_.tolist(), "intercept": self.intercept_.tolist(), "metadata": self.metadata}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "DistantModel":
        """Rebuild from :meth:`to_json` (plain data; a wrong shape is a ``ValueError``)."""
        if d.get("format") != DISTANT_FORMAT:
            raise ValueError(f"not a distant model (format {d.get('format')!r})")
        return cls(NgramBlock.from_json(d["block"]), list(d["names"]), np.asarray(d["coef"], dtype=float),
                   np.asarray(d["intercept"], dtype=float), d.get("metadata") or {})

    def save(self, path: str | Path) -> Path:
        """Write the model as one JSON file (no code, no pickle); read it with :func:`load_distant_model`."""
        return write_model_json(path, self.to_json())

    def __repr__(self) -> str:
        n = self.metadata.get("training", {}).get("n_texts", "?")
        return f"DistantModel(labels={self.names!r}, {len(self.block.vocabulary)} n-grams, trained on {n} texts)"


def _proxy_targets(labels: Any, n: int) -> tuple[list[str], list[np.ndarray], dict[str, int]]:
    """Proxy labels -> (column names, one 0/1 target per column, counts)."""
    from .fit import parse_labels

    lab = parse_labels(labels, n, source="distant labels")
    if lab.kind == "binary":
        targets = [(str(lab.classes[1]), lab.y == 1)]
    elif lab.kind == "multiclass":
        targets = [(str(c), lab.y == i) for i, c in enumerate(lab.classes)]
    else:
        targets = [(str(c), lab.y[:, i] == 1) for i, c in enumerate(lab.classes)]
    return [t[0] for t in targets], [t[1].astype(int) for t in targets], lab.counts()


def fit_distant_model(
    texts: Sequence[str],
    labels: Any,
    *,
    word_ngrams: tuple[int, int] = (1, 2),
    min_df: int = 3,
    C: float = 1.0,
    random_state: int = 0,
    description: str = "",
) -> DistantModel:
    """Fit a distant-supervision model on texts with proxy labels (e.g. sentences labelled by their outlet).

    One logistic regression (balanced class weights) per proxy label over sublinear TF-IDF word n-grams
    (at most 100,000, kept if in ``min_df`` texts or more). Pass the result to
    ``fit_classifier(..., distant=model)``: its scores become features of the classifier.

    Parameters
    ----------
    texts : sequence of str
        Many texts (tens of thousands of sentences is the intended size); none may be empty.
    labels : sequence, DataFrame or sequence of sets
        Proxy labels, in the forms :func:`framing.fit_classifier` takes: one label per text (binary: one
        score column, toward the second label in sorted order; multiclass: one column per class,
        one-vs-rest) or several 0/1 columns (one score column each).
    word_ngrams : (lo, hi), default (1, 2)
        Word n-gram range.
    min_df : int, default 3
        Keep n-grams found in at least this many texts.
    C : float, default 1.0
        Inverse regularisation strength.
    random_state : int, default 0
        Seed of the solver (the fit is deterministic given it).
    description : str, optional
        What the texts and proxy labels are (stored in the model).

    Returns
    -------
    DistantModel

    Raises
    ------
    framing.errors.ModelError
        Empty texts, labels missing or of the wrong length, a proxy label with one class only.

    Examples
    --------
    >>> texts = ["A disgraceful, shameful attack!", "Shares rose 2 percent on Tuesday.",
    ...          "This outrageous lie is a scandal.", "The report was published in May."] * 3
    >>> m = fit_distant_model(texts, ["opinion", "wire", "opinion", "wire"] * 3, min_df=1)
    >>> m.names, bool(m.scores(["What a shameful lie!"])[0, 0] < 0)
    (['wire'], True)
    """
    texts = check_texts(texts, source="distant texts")
    names, targets, counts = _proxy_targets(labels, len(texts))
    if C <= 0:
        raise ModelError(f"distant model: C must be positive, got {C!r}.")
    block, counts_matrix = NgramBlock.fit("word", tuple(word_ngrams), texts, min_df)
    x = block.weigh(counts_matrix)
    coef, intercept = [], []
    for y in targets:
        m = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=random_state,
                               max_iter=1000)
        m.fit(x, y)
        coef.append(m.coef_[0])
        intercept.append(float(m.intercept_[0]))
    meta = {"training": {"description": description, "n_texts": len(texts), "label_counts": counts},
            "options": {"word_ngrams": list(block.ngram_range), "min_df": min_df, "C": C, "random_state": random_state},
            "framing_version": framing_version(), "created": _dt.date.today().isoformat()}
    return DistantModel(block, names, np.vstack(coef), np.array(intercept), meta)


def load_distant_model(path: str | Path) -> DistantModel:
    """Load a model written by :meth:`DistantModel.save` (JSON only; nothing in the file is executed).

    Raises
    ------
    framing.errors.ModelError
        Missing or unreadable file, not JSON, not a distant model, or inconsistent shapes.
    """
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelError(f"{path}: cannot read the distant model ({e}). Check the path or save the model again.") from None
    try:
        if not isinstance(d, dict):
            raise ValueError("not a JSON object")
        return DistantModel.from_json(d)
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ModelError(f"{path}: not a framing distant model or damaged ({e}). Pass a file written by "
                         "DistantModel.save, or fit one with fit_distant_model.") from None
