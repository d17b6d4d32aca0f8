"""Word level: which words of a sentence are biased (or loaded, or whatever a user marked).

Training data is a list of texts and, for each text, the list of words a coder marked in it (BABE's
``biased_words`` column: ``['bizarre', 'characteristically']``). Every occurrence of a marked word in
its text is a positive token, every other token a negative one. Each token is described by binary
features (the word, its stem and suffix, its neighbours, its shape and position, the package's
loaded-language categories covering it, quotation marks, your own word lists); a logistic regression
gives each token a probability, and a threshold chosen by cross-validation flags it.

A :class:`WordClassifier` is plain data (feature vocabulary, weights, threshold, word lists), saved as
JSON by :meth:`WordClassifier.save` and read back by :func:`framing.load_classifier`; nothing in the file
is executed.
"""
from __future__ import annotations

import ast
import math
import warnings
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import FramingWarning, ModelError
from ..lexicons import stem
from ..text import TOKEN_RE
from .common import FORMAT, FORMAT_VERSION, write_model_json
from .design import _key, _list_sets

__all__ = [
    "WordClassifier",
    "WORD_COLUMNS",
    "WORD_TEMPLATES",
    "SENTENCE_FEATURES",
    "sentence_features",
    "parse_word_labels",
    "text_tokens",
    "token_features",
    "word_scores",
]

#: Columns of :meth:`WordClassifier.predict_words`.
WORD_COLUMNS = ["text_id", "start", "end", "word", "probability", "flagged"]

#: Feature templates of a token (all on by default; ``fit_classifier(..., level="word", templates=...)``).
WORD_TEMPLATES: dict[str, str] = {
    "word": "the lower-cased word",
    "stem": "its Snowball stem",
    "affix": "its last three letters and its first three",
    "context": "the words one and two to the left and right (lower-cased), and the stems of the nearest ones",
    "shape": "capitalisation (Xx, XX, x, digits), word length, hyphen",
    "position": "first or last token, position in the text in fifths",
    "lexicon": "categories of the package's loaded-language hits covering the token or its neighbours, "
               "the context model's flag and score, and how many flagged hits the text has",
    "quotes": "inside quotation marks",
}
#: Sentence features a sentence classifier stacked on a word model gets (``fit_classifier(..., words=...)``).
SENTENCE_FEATURES = ("max", "top3", "mean", "n_flagged")
_MISSING_POLICIES = ("error", "ignore")
_STRIP = " \t\n\"'“”‘’«»()[]{}.,;:!?*"


# ------------------------------------------------------------------------------ labels

def text_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every word token (:data:`framing.text.TOKEN_RE`).

    Examples
    --------
    >>> text_tokens("A so-called 'reform'.")
    [(0, 1, 'A'), (2, 11, 'so-called'), (13, 19, 'reform')]
    """
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def _word_list(value: Any, row: int, source: str) -> list[str]:
    """One row of word labels: a list of words, a Python/JSON list literal, or empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return []
        if s[0] == "[":
            try:
                value = ast.literal_eval(s)  # a literal only: never evaluates code
            except (ValueError, SyntaxError):
                raise ModelError(f"{source}: row {row} (0-based): {s[:60]!r} is not a list of words; write it as "
                                 "['word', 'other word'] or give a Python list.") from None
        else:
            value = [w for w in s.replace(";", ",").split(",")]
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(w, str) for w in value):
        raise ModelError(f"{source}: row {row} (0-based): expected a list of words, got {type(value).__name__} "
                         f"{str(value)[:60]!r}.")
    return [w for w in value if w.strip(_STRIP)]


def parse_word_labels(texts: Sequence[str], words: Any, *, unmatched: str = "error",
                      source: str = "words") -> list[np.ndarray]:
    """Turn each text's marked words into 0/1 labels of its tokens.

    Parameters
    ----------
    texts : list of str
        The texts.
    words : sequence
        One entry per text: a list of words (``["bizarre", "fat cats"]``), a list literal as a string
        (BABE's ``"['bizarre', 'characteristically']"``), a comma-separated string, or empty / None
        for a text without marked words. Matching ignores case and surrounding quotes and punctuation;
        a phrase marks each of its words; every occurrence of a marked word in the text is positive.
    unmatched : {"error", "ignore"}, default "error"
        What to do with a marked word that is not a word of its text (a typo, a word glued to another):
        raise, or leave it out with a :class:`~framing.errors.FramingWarning` naming how many.
    source : str
        Named in error messages.

    Returns
    -------
    list of numpy.ndarray
        Per text, one 0/1 value per token of :func:`text_tokens`.

    Raises
    ------
    framing.errors.ModelError
        Lengths differ, an entry is not a list of words, a marked word is not in its text
        (``unmatched="error"``), or no word is marked at all.

    Examples
    --------
    >>> [y.tolist() for y in parse_word_labels(["A bizarre, bizarre rant.", "Talks resume."], [["Bizarre"], []])]
    [[0, 1, 1, 0], [0, 0]]
    """
    if unmatched not in _MISSING_POLICIES:
        raise ModelError(f"unmatched={unmatched!r}: use one of {_MISSING_POLICIES}.")
    if isinstance(words, str) or not hasattr(words, "__iter__"):
        raise ModelError(f"{source}: give one list of marked words per text, not a {type(words).__name__}.")
    values = list(words)
    if len(values) != len(texts):
        raise ModelError(f"{source}: {len(values)} word lists for {len(texts)} texts; give one (possibly empty) "
                         "list per text.")
    out, missing = [], []
    for row, (text, value) in enumerate(zip(texts, values)):
        toks = [t[2].lower() for t in text_tokens(text)]
        present = set(toks)
        gold: set[str] = set()
        for w in _word_list(value, row, source):
            parts = [p.strip(_STRIP).lower() for p in w.split()]
            for p in (p for p in parts if p):
                (gold.add(p) if p in present else missing.append((row, p)))
        out.append(np.array([int(t in gold) for t in toks], dtype=int))
    if missing and unmatched == "error":
        shown = ", ".join(f"row {r}: {w!r}" for r, w in missing[:5])
        raise ModelError(f"{source}: {len(missing)} marked word(s) are not words of their text ({shown}). Fix them, "
                         "or pass unmatched='ignore' to leave them out.")
    if missing:
        warnings.warn(f"{source}: {len(missing)} marked word(s) not found in their text were left out "
                      f"(e.g. row {missing[0][0]}: {missing[0][1]!r}).", FramingWarning, stacklevel=2)
    if not any(y.any() for y in out):
        raise ModelError(f"{source}: no word of any text is marked; a word model needs marked words.")
    if all(y.all() for y in out):
        raise ModelError(f"{source}: every word is marked; a word model needs unmarked words too.")
    return out


def word_scores(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, float]:
    """Micro precision, recall and F1 over texts of the sets of (lower-cased) marked words.

    The measure of ``benchmarks/loaded_babe.py``: per text, a word type counts once.

    Examples
    --------
    >>> word_scores([{"bizarre", "rant"}], [{"bizarre", "trump"}])
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'tp': 1, 'fp': 1, 'fn': 1}
    """
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    fp = sum(len(p - g) for g, p in zip(gold, pred))
    fn = sum(len(g - p) for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": prec, "recall": rec, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def sentence_features(probs: Sequence[np.ndarray], threshold: float) -> np.ndarray:
    """Per text, from its token probabilities: the highest, the mean of the three highest, the mean, and
    ``log1p`` of the number of flagged tokens (columns :data:`SENTENCE_FEATURES`).

    Examples
    --------
    >>> sentence_features([np.array([0.9, 0.1, 0.2, 0.6]), np.zeros(0)], 0.5).round(3).tolist()
    [[0.9, 0.567, 0.45, 1.099], [0.0, 0.0, 0.0, 0.0]]
    """
    out = np.zeros((len(probs), len(SENTENCE_FEATURES)))
    for i, p in enumerate(probs):
        if len(p):
            top = np.sort(p)[::-1]
            out[i] = (top[0], top[:3].mean(), p.mean(), math.log1p(int((p >= threshold).sum())))
    return out


# ------------------------------------------------------------------------------ features

def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if w.isupper() and len(w) > 1:
        return "XX"
    if w[:1].isupper():
        return "Xx"
    return "x" if w.isalpha() else "mixed"


def _bin(v: float, edges: Sequence[float]) -> int:
    return int(sum(v >= e for e in edges))


def _lexicon_marks(text: str, toks: Sequence[tuple[int, int, str]]) -> tuple[list[list[str]], int]:
    """Per token, the lexicon features of the hits covering it; and the number of flagged hits of the text."""
    from .features import _loaded_rows

    hits = _loaded_rows(text)
    marks: list[list[str]] = [[] for _ in toks]
    k = 0
    for s, e, cat, score, flagged in hits:
        while k < len(toks) and toks[k][1] <= s:
            k += 1
        j = k
        while j < len(toks) and toks[j][0] < e:
            marks[j] += [f"lex={cat}", f"lexscore={_bin(score, (0.25, 0.5, 0.75))}"] + (["lexflag"] if flagged else [])
            j += 1
    return marks, sum(h[4] for h in hits)


def token_features(text: str, templates: Sequence[str] = tuple(WORD_TEMPLATES),
                   word_lists: Mapping[str, Sequence[str]] | None = None) -> tuple[list[tuple[int, int, str]], list[list[str]]]:
    """The tokens of ``text`` and the binary features of each (strings such as ``"w=bizarre"``).

    Examples
    --------
    >>> toks, feats = token_features("A bizarre rant.", templates=("word", "context"))
    >>> feats[1][:3]
    ['w=bizarre', 'w-1=a', 'w+1=rant']
    """
    toks = text_tokens(text)
    low = [t[2].lower() for t in toks]
    stems = [stem(w) for w in low] if {"stem", "context"} & set(templates) or word_lists else []
    n = len(toks)
    lex, n_flag = _lexicon_marks(text, toks) if "lexicon" in templates else ([[] for _ in toks], 0)
    quotes = _quote_flags(text, toks) if "quotes" in templates else [False] * n
    sets = _list_sets(_key({k: list(v) for k, v in (word_lists or {}).items()}))
    out = []
    for i, (_, _, w) in enumerate(toks):
        lw = low[i]
        f: list[str] = []
        if "word" in templates:
            f.append(f"w={lw}")
        if "context" in templates:
            f += [f"w-1={low[i - 1] if i else '<s>'}", f"w+1={low[i + 1] if i + 1 < n else '</s>'}",
                  f"w-2={low[i - 2] if i > 1 else '<s>'}", f"w+2={low[i + 2] if i + 2 < n else '</s>'}",
                  f"s-1={stems[i - 1] if i else '<s>'}", f"s+1={stems[i + 1] if i + 1 < n else '</s>'}"]
        if "stem" in templates:
            f.append(f"s={stems[i]}")
        if "affix" in templates and len(lw) > 3:
            f += [f"suf={lw[-3:]}", f"pre={lw[:3]}"]
        if "shape" in templates:
            f += [f"shape={_shape(w)}", f"len={_bin(len(w), (4, 7, 10))}"] + (["hyphen"] if "-" in w else [])
        if "position" in templates:
            f.append(f"pos={min(4, 5 * i // max(n, 1))}")
            f += (["first"] if i == 0 else []) + (["last"] if i == n - 1 else [])
        if "lexicon" in templates:
            f += lex[i] or ["lex=none"]
            f += [m.replace("lex", "lex-1", 1) for m in (lex[i - 1] if i else []) if m.startswith("lex=")]
            f += [m.replace("lex", "lex+1", 1) for m in (lex[i + 1] if i + 1 < n else []) if m.startswith("lex=")]
            f.append(f"text_flags={min(n_flag, 3)}")
        if "quotes" in templates and quotes[i]:
            f.append("quoted")
        for name, words, st in sets:
            if lw in words or stems[i] in st:
                f.append(f"list={name}")
        out.append(f)
    return toks, out


def _quote_flags(text: str, toks: Sequence[tuple[int, int, str]]) -> list[bool]:
    from .features import _quote_spans_of

    spans = _quote_spans_of(text)
    return [any(s <= a and b <= e for s, e in spans) for a, b, _ in toks]


def feature_matrix(feats: Sequence[Sequence[str]], vocabulary: Mapping[str, int]) -> sp.csr_matrix:
    """Binary CSR matrix of token features over a fixed vocabulary (unknown features dropped)."""
    indptr, indices = [0], []
    for f in feats:
        cols = sorted({vocabulary[x] for x in f if x in vocabulary})
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices))
    return sp.csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(feats), len(vocabulary)))


# ------------------------------------------------------------------------------ the model

class WordClassifier:
    """A per-token linear model: which words of a text are marked (made by ``fit_classifier(..., level="word")``).

    Attributes
    ----------
    vocabulary : list of str
        Feature strings (``"w=bizarre"``, ``"lex=emotive"``...), one per weight.
    coef_ : numpy.ndarray
        One weight per feature.
    intercept_ : float
    threshold : float
        A token is flagged when its probability is at least this (chosen by cross-validation).
    templates : tuple of str
        Feature templates used (:data:`WORD_TEMPLATES`).
    word_lists : dict
        Your word lists ``{name: [words]}``, stored in the model.
    metadata : dict
        ``training`` (description, n_texts, n_tokens, n_marked), ``cv`` (word P/R/F1 of the chosen
        options and every candidate), ``options``, ``framing_version``, ``created``.
    """

    level = "word"
    #: Columns of :meth:`sentence_features` (what a stacked sentence classifier reads).
    sentence_columns = SENTENCE_FEATURES

    def __init__(self, vocabulary: Sequence[str], coef: np.ndarray, intercept: float, threshold: float,
                 templates: Sequence[str], word_lists: Mapping[str, Sequence[str]] | None = None,
                 metadata: Mapping[str, Any] | None = None) -> None:
        self.vocabulary = list(vocabulary)
        self.coef_ = np.asarray(coef, dtype=float)
        self.intercept_ = float(intercept)
        self.threshold = float(threshold)
        self.templates = tuple(templates)
        self.word_lists = {k: list(v) for k, v in sorted((word_lists or {}).items())}
        self.metadata = dict(metadata or {})
        self._index = {f: i for i, f in enumerate(self.vocabulary)}

    def token_probabilities(self, text: str) -> tuple[list[tuple[int, int, str]], np.ndarray]:
        """Tokens of one text and the probability that each is marked."""
        toks, feats = token_features(text, self.templates, self.word_lists)
        if not toks:
            return toks, np.zeros(0)
        s = feature_matrix(feats, self._index) @ self.coef_ + self.intercept_
        return toks, 1.0 / (1.0 + np.exp(-np.clip(s, -50, 50)))

    def predict_words(self, texts: str | Sequence[str], threshold: float | None = None) -> pd.DataFrame:
        """Every token of every text with its probability of being marked.

        Parameters
        ----------
        texts : str or list of str
        threshold : float, optional
            Flag tokens at or above this probability (default: the model's, chosen by cross-validation).

        Returns
        -------
        pandas.DataFrame
            One row per word token, in text order, columns

            ``text_id`` (int)
                Index of the text in ``texts``.
            ``start``, ``end`` (int)
                Char offsets: ``texts[text_id][start:end] == word``.
            ``word`` (str)
                The token as written.
            ``probability`` (float)
                Probability that the token is marked.
            ``flagged`` (bool)
                ``probability >= threshold``.

        Examples
        --------
        >>> from framing.classify._demo import demo_word_model
        >>> d = demo_word_model().predict_words(["What a disgraceful lie."])
        >>> d.loc[d["flagged"], "word"].tolist()
        ['disgraceful']
        """
        texts = [texts] if isinstance(texts, str) else ["" if not isinstance(t, str) else t for t in texts]
        thr = self.threshold if threshold is None else float(threshold)
        rows = []
        for i, text in enumerate(texts):
            toks, p = self.token_probabilities(text)
            rows.extend((i, s, e, w, float(q), bool(q >= thr)) for (s, e, w), q in zip(toks, p))
        out = pd.DataFrame(rows, columns=WORD_COLUMNS)
        return out.astype({"text_id": int, "start": int, "end": int, "word": object, "probability": float,
                           "flagged": bool})

    def flagged_words(self, texts: Sequence[str], threshold: float | None = None) -> list[set[str]]:
        """Per text, the set of lower-cased flagged words (what :func:`word_scores` compares)."""
        thr = self.threshold if threshold is None else threshold
        out = []
        for text in texts:
            toks, p = self.token_probabilities(text)
            out.append({w.lower() for (_, _, w), q in zip(toks, p) if q >= thr})
        return out

    def sentence_features(self, texts: Sequence[str]) -> np.ndarray:
        """:func:`sentence_features` of ``texts`` (what a stacked sentence classifier reads)."""
        return sentence_features([self.token_probabilities(t)[1] for t in texts], self.threshold)

    def feature_spans(self, text: str) -> list[tuple[int, int, str]]:
        """Words behind the :data:`SENTENCE_FEATURES` of ``text``: ``(start, end, column)``."""
        toks, p = self.token_probabilities(text)
        order = np.argsort(-p, kind="stable")
        out = [(toks[j][0], toks[j][1], "max") for j in order[:1]]
        out += [(toks[j][0], toks[j][1], "top3") for j in order[:3]]
        out += [(toks[j][0], toks[j][1], "n_flagged") for j in order if p[j] >= self.threshold]
        return out

    def explain(self, text: str, label: Any = None, top: int | None = 15) -> pd.DataFrame:
        """The flagged words of ``text`` in the layout of :meth:`TextClassifier.explain` (for highlighting).

        ``contribution`` is the token's log-odds minus the threshold's, so flagged words are positive;
        ``label`` is ignored (the model has one: "marked"). Largest first, ``top`` rows at most.

        Examples
        --------
        >>> from framing.classify._demo import demo_word_model
        >>> demo_word_model().explain("What a disgraceful lie.")[["term", "start", "end"]].values.tolist()
        [['disgraceful', 7, 18]]
        """
        toks, p = self.token_probabilities(text if isinstance(text, str) else "")
        thr = min(max(self.threshold, 1e-9), 1 - 1e-9)
        q = np.clip(p, 1e-12, 1 - 1e-12)
        margin = np.log(q / (1 - q)) - math.log(thr / (1 - thr))
        rows = [("marked", "word_model", w.lower(), float(m), s, e, w)
                for (s, e, w), m, v in zip(toks, margin, p) if v >= self.threshold]
        out = pd.DataFrame(rows, columns=["label", "block", "feature", "contribution", "start", "end", "term"])
        out = out.sort_values("contribution", ascending=False, kind="stable")
        out = (out.head(top) if top is not None else out).reset_index(drop=True)
        return out.astype({"start": "Int64", "end": "Int64"})

    # ------------------------------------------------------------------ persistence
    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "level": "word",
                "vocabulary": self.vocabulary, "coef": self.coef_.tolist(), "intercept": self.intercept_,
                "threshold": self.threshold, "templates": list(self.templates), "word_lists": self.word_lists,
                "metadata": self.metadata}

    def save(self, path: str | Path) -> Path:
        """Write the model as one JSON file (feature vocabulary, weights, threshold, metadata; no code).

        Examples
        --------
        >>> import tempfile, os
        >>> from framing.classify import load_classifier
        >>> from framing.classify._demo import demo_word_model
        >>> m = demo_word_model()
        >>> p = m.save(os.path.join(tempfile.mkdtemp(), "w.json"))
        >>> load_classifier(p).predict_words("A shameful lie.").equals(m.predict_words("A shameful lie."))
        True
        """
        return write_model_json(path, self.to_json())

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "WordClassifier":
        """Rebuild from :meth:`to_json` (called by :func:`framing.load_classifier`)."""
        vocab = [str(v) for v in d["vocabulary"]]
        coef = np.asarray(d["coef"], dtype=float)
        templates = [str(t) for t in d["templates"]]
        unknown = sorted(set(templates) - set(WORD_TEMPLATES))
        if coef.shape != (len(vocab),) or unknown or not np.isfinite(coef).all():
            raise ValueError(f"{len(vocab)} features but weights of shape {coef.shape}, or unknown templates {unknown}")
        lists = {str(k): [str(w) for w in v] for k, v in dict(d.get("word_lists") or {}).items()}
        return cls(vocab, coef, float(d["intercept"]), float(d["threshold"]), templates, lists, d.get("metadata") or {})

    def __repr__(self) -> str:
        tr = self.metadata.get("training", {})
        f1 = self.metadata.get("cv", {}).get("f1")
        score = f"cv word F1 {f1:.3f}" if isinstance(f1, (int, float)) else "no cv score"
        return f"WordClassifier(trained on {tr.get('n_texts', '?')} texts, {len(self.vocabulary)} features, {score})"
