"""A fitted text classifier: predict, explain, save as JSON, load without executing code."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import ModelError
from .common import FORMAT, FORMAT_VERSION, write_model_json
from .design import Design, _TOKEN_RE, word_list_hits

if TYPE_CHECKING:
    from .words import WordClassifier

__all__ = ["TextClassifier", "load_classifier", "FORMAT", "FORMAT_VERSION"]

_KINDS = ("binary", "multiclass", "multilabel")
#: Words as ``char_wb`` sees them: runs of non-whitespace.
_NON_SPACE_RE = re.compile(r"\S+")


def _expit(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x, dtype=float)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def _as_texts(texts: str | Sequence[str] | pd.Series) -> list[str]:
    if isinstance(texts, str):
        return [texts]
    return ["" if t is None or (isinstance(t, float) and math.isnan(t)) else str(t) for t in texts]


class TextClassifier:
    """A linear classifier over TF-IDF n-grams and named feature sets (made by :func:`framing.fit_classifier`).

    Attributes
    ----------
    classes_ : list
        The labels, sorted (the columns of :meth:`predict_proba`).
    kind : str
        ``"binary"``, ``"multiclass"`` (one label per text) or ``"multilabel"`` (a set of labels
        per text, one yes/no model per label).
    coef_ : numpy.ndarray
        Weights, one row per class (one row in total for ``binary``: toward ``classes_[1]``).
    intercept_ : numpy.ndarray
        One per row of ``coef_``.
    metadata : dict
        ``training`` (description, n_texts, label counts), ``cv`` (cross-validated scores of the
        chosen options and of every candidate), ``options`` (chosen), ``framing_version``,
        ``created`` (date), ``feature_sets``.
    """

    def __init__(self, classes: Sequence[Any], kind: str, design: Design, coef: np.ndarray,
                 intercept: np.ndarray, metadata: Mapping[str, Any] | None = None) -> None:
        self.classes_ = list(classes)
        self.kind = kind
        self.design = design
        self.coef_ = np.asarray(coef, dtype=float)
        self.intercept_ = np.asarray(intercept, dtype=float)
        self.metadata = dict(metadata or {})

    # ------------------------------------------------------------------ prediction
    def decision_function(self, texts: str | Sequence[str]) -> np.ndarray:
        """Linear scores, shape ``(n_texts, n_rows_of_coef)``."""
        x = self.design.transform(_as_texts(texts))
        return np.asarray(x @ self.coef_.T) + self.intercept_

    def predict_proba(self, texts: str | Sequence[str]) -> pd.DataFrame:
        """Probability of each label, one row per text and one column per label (``classes_``).

        For ``multilabel`` models each column is that label's own yes-probability (rows need not
        sum to one); otherwise rows sum to one.

        Examples
        --------
        >>> from framing.classify._demo import demo_model
        >>> m = demo_model()
        >>> m.predict_proba(["What a disgraceful, shameful attack!"]).columns.tolist()
        ['Biased', 'Non-biased']
        """
        s = self.decision_function(texts)
        if self.kind == "binary":
            p1 = _expit(s[:, 0])
            p = np.column_stack([1.0 - p1, p1])
        elif self.kind == "multiclass":
            z = np.exp(s - s.max(axis=1, keepdims=True))
            p = z / z.sum(axis=1, keepdims=True)
        else:
            p = _expit(s)
        return pd.DataFrame(p, columns=pd.Index(self.classes_, dtype=object))

    def predict(self, texts: str | Sequence[str], threshold: float = 0.5) -> list[Any]:
        """The predicted label of each text (for ``multilabel``: the tuple of labels whose probability
        is at least ``threshold``, in ``classes_`` order).

        Examples
        --------
        >>> from framing.classify._demo import demo_model
        >>> demo_model().predict(["The committee met on Tuesday.", "A disgraceful, shameful, outrageous lie!"])
        ['Non-biased', 'Biased']
        """
        p = self.predict_proba(texts).to_numpy()
        if self.kind == "multilabel":
            return [tuple(c for c, v in zip(self.classes_, row) if v >= threshold) for row in p]
        return [self.classes_[i] for i in p.argmax(axis=1)]

    # ------------------------------------------------------------------ explanation
    def _row_for(self, label: Any, scores: np.ndarray) -> tuple[np.ndarray, float]:
        """Weight vector pushing toward ``label`` and its sign convention."""
        if label is None:
            label = self.classes_[int(np.argmax(self.predict_proba_scores(scores)))]
        if label not in self.classes_:
            raise ModelError(f"label {label!r} is not one of this model's labels {self.classes_}.")
        i = self.classes_.index(label)
        if self.kind == "binary":
            return (self.coef_[0] if i == 1 else -self.coef_[0]), label
        if self.kind == "multiclass":
            return self.coef_[i] - self.coef_.mean(axis=0), label
        return self.coef_[i], label

    def predict_proba_scores(self, scores: np.ndarray) -> np.ndarray:
        s = scores.reshape(1, -1)
        if self.kind == "binary":
            p1 = _expit(s[:, 0])[0]
            return np.array([1 - p1, p1])
        if self.kind == "multiclass":
            z = np.exp(s[0] - s[0].max())
            return z / z.sum()
        return _expit(s[0])

    def explain(self, text: str, label: Any = None, top: int | None = 15) -> pd.DataFrame:
        """The features that pushed ``text`` toward ``label`` (default: the predicted label) or away from it.

        Each feature's contribution is its value times its weight (the intercept is left out), so the
        contributions plus the intercept add up to the model's score. Word n-grams are located at each
        occurrence; character n-grams are summed per word that contains them; named feature sets give
        the words behind a column when they can (``start``/``end`` missing otherwise).

        Parameters
        ----------
        text : str
            One text.
        label : optional
            The label to explain; default the predicted one (multilabel: the most probable).
        top : int or None, default 15
            Keep the features with the largest absolute contributions (None: all non-zero ones).

        Returns
        -------
        pandas.DataFrame
            One row per feature occurrence, largest ``|contribution|`` first, columns

            ``label``
                The label explained.
            ``block`` (str)
                ``word``, ``char`` or the feature-set name (``lexicon``, ``word_list``...).
            ``feature`` (str)
                The n-gram, the word (for ``char``) or the feature-set column.
            ``contribution`` (float)
                Toward ``label`` if positive, away if negative (for a feature found at several places,
                split evenly between them).
            ``start``, ``end`` (Int64)
                Char offsets into ``text`` (``text[start:end]`` is the word or n-gram), or missing.
            ``term`` (str)
                ``text[start:end]`` or ``""``.

        Examples
        --------
        >>> from framing.classify._demo import demo_model
        >>> ex = demo_model().explain("A disgraceful, shameful lie!")
        >>> ex.iloc[0]["label"], bool(ex.iloc[0]["contribution"] > 0)
        ('Biased', True)
        """
        text = text if isinstance(text, str) else ""
        x = self.design.transform([text]).tocsr()
        scores = np.asarray(x @ self.coef_.T)[0] + self.intercept_
        w, label = self._row_for(label, scores)
        rows = _explain_rows(self.design, text, x, w)
        out = pd.DataFrame(rows, columns=["block", "feature", "contribution", "start", "end"])
        out = out[out["contribution"] != 0]
        out = out.reindex(out["contribution"].abs().sort_values(ascending=False, kind="stable").index)
        if top is not None:
            out = out.head(top)
        out.insert(0, "label", label)
        out["start"] = out["start"].astype("Int64")
        out["end"] = out["end"].astype("Int64")
        out["term"] = [text[s:e] if not pd.isna(s) else "" for s, e in zip(out["start"], out["end"])]
        return out.reset_index(drop=True)

    # ------------------------------------------------------------------ persistence
    def to_json(self) -> dict[str, Any]:
        """The model as plain JSON-ready data (what :meth:`save` writes)."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "kind": self.kind,
            "classes": self.classes_,
            "coef": self.coef_.tolist(),
            "intercept": self.intercept_.tolist(),
            "design": self.design.to_json(),
            "metadata": self.metadata,
        }

    def save(self, path: str | Path) -> Path:
        """Write the model as one JSON file (vocabularies, idf, weights, metadata; no code, no pickle).

        Examples
        --------
        >>> import tempfile, os
        >>> from framing.classify._demo import demo_model
        >>> m = demo_model()
        >>> p = m.save(os.path.join(tempfile.mkdtemp(), "m.json"))
        >>> load_classifier(p).predict(["A shameful lie!"]) == m.predict(["A shameful lie!"])
        True
        """
        return write_model_json(path, self.to_json())

    def __repr__(self) -> str:
        tr = self.metadata.get("training", {})
        cv = self.metadata.get("cv", {})
        f1 = cv.get("macro_f1")
        score = f"cv macro-F1 {f1:.3f}" if isinstance(f1, (int, float)) else "no cv score"
        return (f"TextClassifier({self.kind}, labels={self.classes_!r}, trained on {tr.get('n_texts', '?')} texts, "
                f"{score})")


def _explain_rows(design: Design, text: str, x: sp.csr_matrix, w: np.ndarray) -> list[tuple]:
    """(block, feature, contribution, start, end) rows for :meth:`TextClassifier.explain`."""
    contrib = {int(j): float(v * w[j]) for j, v in zip(x.indices, x.data)}
    rows: list[tuple] = []
    offset = 0
    for kind, block in design.blocks():
        n = len(block.vocabulary)
        local = {j - offset: c for j, c in contrib.items() if offset <= j < offset + n}
        if kind == "word":
            rows.extend(_word_rows(text, block, local))
        else:
            rows.extend(_char_rows(text, block, local))
        offset += n
    for k, (set_name, col) in enumerate(design.dense_columns()):
        c = contrib.get(offset + k, 0.0)
        if c == 0.0:
            continue
        spans = [(s, e) for s, e, name in _dense_spans(design, set_name, text) if name == col]
        if not spans:
            rows.append((set_name, col, c, None, None))
        else:
            rows.extend((set_name, col, c / len(spans), s, e) for s, e in spans)
    return rows


def _dense_spans(design: Design, set_name: str, text: str) -> list[tuple[int, int, str]]:
    from .features import feature_set

    if set_name == "word_list":
        return word_list_hits(text, design.word_lists)
    if set_name == "word_model":
        return design.word_model.feature_spans(text)
    if set_name == "distant":
        return []
    fs = feature_set(set_name)
    return list(fs.spans(text)) if fs.spans is not None else []


def _word_rows(text: str, block: Any, local: Mapping[int, float]) -> list[tuple]:
    toks = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN_RE.finditer(text)]
    index = {t: i for i, t in enumerate(block.vocabulary)}
    found: dict[int, list[tuple[int, int]]] = {}
    lo, hi = block.ngram_range
    for n in range(lo, hi + 1):
        for i in range(len(toks) - n + 1):
            j = index.get(" ".join(t[2] for t in toks[i:i + n]))
            if j is not None and j in local:
                found.setdefault(j, []).append((toks[i][0], toks[i + n - 1][1]))
    rows = []
    for j, spans in found.items():
        rows.extend(("word", block.vocabulary[j], local[j] / len(spans), s, e) for s, e in spans)
    return rows


def _char_rows(text: str, block: Any, local: Mapping[int, float]) -> list[tuple]:
    """Char n-gram contributions summed per word (``char_wb`` n-grams never cross a word boundary)."""
    index = {t: i for i, t in enumerate(block.vocabulary)}
    lo, hi = block.ngram_range
    words = [(m.start(), m.end(), f" {m.group().lower()} ") for m in _NON_SPACE_RE.finditer(text)]
    occurrences: dict[int, list[int]] = {}
    per_word: list[dict[int, int]] = []
    for k, (_, _, padded) in enumerate(words):
        grams: dict[int, int] = {}
        for n in range(lo, hi + 1):
            for i in range(len(padded) - n + 1):
                j = index.get(padded[i:i + n])
                if j is not None and j in local:
                    grams[j] = grams.get(j, 0) + 1
        per_word.append(grams)
        for j, c in grams.items():
            occurrences.setdefault(j, []).append(c)
    totals = {j: sum(v) for j, v in occurrences.items()}
    rows = []
    for (s, e, _), grams in zip(words, per_word):
        c = sum(local[j] * cnt / totals[j] for j, cnt in grams.items())
        if c:
            rows.append(("char", text[s:e].lower(), c, s, e))
    return rows




def _fail(path: Path, what: str, fix: str) -> ModelError:
    return ModelError(f"{path}: {what}. {fix}")


def load_classifier(path: str | Path) -> "TextClassifier | WordClassifier":
    """Load a model written by :meth:`TextClassifier.save` (or a word model's
    :meth:`~framing.classify.words.WordClassifier.save`). Reads JSON only: nothing in the file is executed.

    Raises
    ------
    framing.errors.ModelError
        The file is missing, not JSON (corrupted or truncated), not a framing classifier
        (foreign JSON), written in another format version, or inconsistent (wrong shapes, a feature
        set that is not registered or whose columns changed).

    Examples
    --------
    >>> load_classifier("no/such/model.json")
    Traceback (most recent call last):
    ...
    framing.errors.ModelError: no/such/model.json: cannot read the model file ([Errno 2] No such file or directory). Check the path, or train one with `framing train`.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        msg = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        code = f"[Errno {e.errno}] " if isinstance(e, OSError) and e.errno else ""
        raise _fail(path, f"cannot read the model file ({code}{msg})", "Check the path, or train one with `framing train`.") from None
    try:
        d = json.loads(raw)
    except json.JSONDecodeError as e:
        raise _fail(path.with_name(f"{path.name}:{e.lineno}"), f"not valid JSON ({e.msg}); the file is corrupted or truncated",
                    "Save the model again or retrain it with `framing train`.") from None
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise _fail(path, f"not a framing classifier (no \"format\": \"{FORMAT}\" field)",
                    "Pass a file written by TextClassifier.save or `framing train`.")
    if d.get("format_version") != FORMAT_VERSION:
        raise _fail(path, f"model format version {d.get('format_version')!r}, this framing reads version {FORMAT_VERSION}",
                    "Retrain the model with this version of framing (or install the version that wrote it).")
    try:
        if d.get("level", "sentence") == "word":
            from .words import WordClassifier

            return WordClassifier.from_json(d)
        if d.get("level", "sentence") != "sentence":
            raise _fail(path, f"unknown model level {d.get('level')!r}", "Pass a sentence or word model written by framing.")
        return _from_json(d, path)
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise _fail(path, f"malformed model ({type(e).__name__}: {e})", "The file is damaged; save the model again or retrain it.") from None


def _from_json(d: Mapping[str, Any], path: Path) -> TextClassifier:
    kind = d["kind"]
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    stacked = d["design"].get("word_model")
    if stacked:
        from .words import WordClassifier

        stacked = WordClassifier.from_json(stacked)
    distant = d["design"].get("distant")
    if distant:
        from .distant import DistantModel

        distant = DistantModel.from_json(distant)
    design = Design.from_json(d["design"], str(path), stacked or None, distant or None)
    coef = np.asarray(d["coef"], dtype=float)
    intercept = np.asarray(d["intercept"], dtype=float)
    classes = list(d["classes"])
    n_rows = 1 if kind == "binary" else len(classes)
    n_cols = sum(len(b.vocabulary) for _, b in design.blocks()) + design.n_dense
    if coef.shape != (n_rows, n_cols) or intercept.shape != (n_rows,) or len(classes) < 2:
        raise ValueError(f"weights of shape {coef.shape} do not match {len(classes)} labels and {n_cols} features")
    return TextClassifier(classes, kind, design, coef, intercept, d.get("metadata") or {})
