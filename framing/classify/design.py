"""The feature design of a text classifier: TF-IDF word and char n-grams plus named dense feature sets.

A :class:`Design` is fitted once on training texts and turns any texts into one sparse matrix. It is
plain data (vocabularies, idf weights, means and scales, feature-set names, word lists), written to
and read from JSON by :meth:`Design.to_json` / :meth:`Design.from_json`; nothing in it is code.
The same :meth:`Design.transform` runs before and after saving, so a loaded model predicts exactly
what the fitted one did.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from ..errors import ModelError
from ..lexicons import stem
from .features import feature_set

__all__ = ["NgramBlock", "Design", "WORD_TOKEN_PATTERN", "read_word_list"]

#: Tokens of the word n-grams: runs of word characters, single letters kept ("I", "a").
WORD_TOKEN_PATTERN = r"(?u)\b\w+\b"
_TOKEN_RE = re.compile(WORD_TOKEN_PATTERN)
_MAX_FEATURES = {"word": 100_000, "char_wb": 150_000}


@dataclass
class NgramBlock:
    """TF-IDF of word (``analyzer="word"``) or in-word character (``"char_wb"``) n-grams.

    Sublinear term frequency (``1 + log tf``), smoothed idf ``ln((1 + n) / (1 + df)) + 1``, rows
    scaled to unit length: scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``, computed here so
    that the fitted state is three JSON fields.
    """

    analyzer: str
    ngram_range: tuple[int, int]
    vocabulary: list[str]
    idf: np.ndarray

    def _counter(self, vocabulary: Mapping[str, int] | None = None, min_df: int = 1) -> CountVectorizer:
        return CountVectorizer(
            analyzer=self.analyzer, ngram_range=tuple(self.ngram_range), lowercase=True,
            token_pattern=WORD_TOKEN_PATTERN if self.analyzer == "word" else None,
            vocabulary=vocabulary, min_df=min_df, dtype=np.float64,
            max_features=None if vocabulary is not None else _MAX_FEATURES[self.analyzer],
        )

    @classmethod
    def fit(cls, analyzer: str, ngram_range: tuple[int, int], texts: Sequence[str], min_df: int = 2) -> tuple["NgramBlock", sp.csr_matrix]:
        """Learn vocabulary and idf from ``texts``; also return their raw counts (for in-fold idf)."""
        block = cls(analyzer, (int(ngram_range[0]), int(ngram_range[1])), [], np.zeros(0))
        counter = block._counter(min_df=min(min_df, max(1, len(texts) // 2)))
        try:
            counts = counter.fit_transform(texts).tocsr()
        except ValueError:  # nothing survived min_df: fall back to every n-gram
            counter = block._counter(min_df=1)
            counts = counter.fit_transform(texts).tocsr()
        vocab = counter.vocabulary_
        order = sorted(vocab, key=vocab.__getitem__)
        block.vocabulary = order
        block.idf = idf_of(counts)
        return block, counts

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Raw n-gram counts of ``texts`` over the fitted vocabulary."""
        vocab = {t: i for i, t in enumerate(self.vocabulary)}
        return self._counter(vocabulary=vocab).transform(list(texts)).tocsr()

    def weigh(self, counts: sp.csr_matrix, idf: np.ndarray | None = None) -> sp.csr_matrix:
        """Counts -> sublinear TF-IDF rows of unit length."""
        x = counts.astype(np.float64, copy=True).tocsr()
        np.log(x.data, out=x.data)
        x.data += 1.0
        x = x @ sp.diags(self.idf if idf is None else idf)
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ x)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        return self.weigh(self.counts(texts))

    def to_json(self) -> dict[str, Any]:
        return {"analyzer": self.analyzer, "ngram_range": list(self.ngram_range),
                "vocabulary": self.vocabulary, "idf": self.idf.tolist()}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "NgramBlock":
        block = cls(str(d["analyzer"]), tuple(int(v) for v in d["ngram_range"]),
                    [str(t) for t in d["vocabulary"]], np.asarray(d["idf"], dtype=float))
        if block.analyzer not in _MAX_FEATURES or len(block.vocabulary) != len(block.idf):
            raise ValueError("n-gram block: unknown analyzer or vocabulary and idf of different lengths")
        return block


def idf_of(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed idf of a count matrix (rows = documents)."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(float)
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def read_word_list(source: str | Sequence[str], name: str) -> list[str]:
    """Words of a list given as a path (one per line, ``#`` comments) or as an iterable of words."""
    if isinstance(source, str):
        try:
            with open(source, encoding="utf-8", errors="replace") as f:
                lines = f.read().splitlines()
        except OSError as e:
            raise ModelError(f"word list {name!r}: cannot read {source}: {e}. Give a text file with one word per line.") from None
    else:
        lines = [str(w) for w in source]
    words = sorted({w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#")})
    if not words:
        raise ModelError(f"word list {name!r} ({source if isinstance(source, str) else 'given words'}) is empty.")
    return words


@lru_cache(maxsize=32)
def _list_sets(key: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    return tuple((n, frozenset(ws), frozenset(stem(w) for w in ws if " " not in w)) for n, ws in key)


def _key(lists: Mapping[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((n, tuple(lists[n])) for n in sorted(lists))


def word_list_hits(text: str, lists: Mapping[str, list[str]]) -> list[tuple[int, int, str]]:
    """(start, end, list name) of every token of ``text`` in a list (the word or its Snowball stem)."""
    return _hits(text, _list_sets(_key(lists)))


def _hits(text: str, sets: Sequence[tuple[str, frozenset[str], frozenset[str]]]) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group().lower()
        st = stem(tok)
        out.extend((m.start(), m.end(), n) for n, words, stems in sets if tok in words or st in stems)
    return out


def _word_list_matrix(texts: Sequence[str], lists: Mapping[str, list[str]]) -> np.ndarray:
    """``log1p`` of the number of tokens of each text in each list (matching the word or its stem)."""
    sets = _list_sets(_key(lists))
    col = {n: j for j, (n, _, _) in enumerate(sets)}
    out = np.zeros((len(texts), len(sets)))
    for row, text in enumerate(texts):
        for _, _, n in _hits(text, sets):
            out[row, col[n]] += 1
    return np.log1p(out)


@dataclass
class Design:
    """Fitted feature design: n-gram blocks, dense feature sets and word lists, standardised dense part."""

    word: NgramBlock | None = None
    char: NgramBlock | None = None
    features: tuple[str, ...] = ()
    feature_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    word_lists: dict[str, list[str]] = field(default_factory=dict)
    dense_mean: np.ndarray = field(default_factory=lambda: np.zeros(0))
    dense_scale: np.ndarray = field(default_factory=lambda: np.zeros(0))
    dense_weight: float = 0.3
    word_model: Any = None  # a WordClassifier whose sentence features join the dense part (stacking)
    distant: Any = None  # a DistantModel whose scores join the dense part (distant supervision)

    # ----------------------------------------------------------------- dense part
    def dense_raw(self, texts: Sequence[str]) -> np.ndarray:
        """Unscaled dense features: the named sets in order, then the word lists (sorted by name)."""
        parts = [feature_set(n).transform(texts) for n in self.features]
        if self.word_lists:
            parts.append(_word_list_matrix(texts, self.word_lists))
        if self.word_model is not None:
            parts.append(self.word_model.sentence_features(texts))
        if self.distant is not None:
            parts.append(self.distant.scores(texts))
        return np.hstack(parts) if parts else np.zeros((len(texts), 0))

    def fit_scale(self, dense: np.ndarray) -> None:
        self.dense_mean = dense.mean(axis=0) if len(dense) else np.zeros(dense.shape[1])
        scale = dense.std(axis=0) if len(dense) else np.ones(dense.shape[1])
        scale[scale == 0] = 1.0
        self.dense_scale = scale

    def scale(self, dense: np.ndarray) -> sp.csr_matrix:
        return sp.csr_matrix((dense - self.dense_mean) / self.dense_scale * self.dense_weight)

    # ----------------------------------------------------------------- whole design
    def blocks(self) -> list[tuple[str, NgramBlock]]:
        return [(k, b) for k, b in (("word", self.word), ("char", self.char)) if b is not None]

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The full feature matrix of ``texts``: word block, char block, scaled dense part."""
        texts = [t if isinstance(t, str) else "" for t in texts]
        parts = [b.transform(texts) for _, b in self.blocks()]
        if self.n_dense:
            parts.append(self.scale(self.dense_raw(texts)))
        if not parts:
            return sp.csr_matrix((len(texts), 0))
        return sp.hstack(parts, format="csr")

    @property
    def n_dense(self) -> int:
        stacked = len(self.word_model.sentence_columns) if self.word_model is not None else 0
        distant = len(self.distant.names) if self.distant is not None else 0
        return sum(len(v) for v in self.feature_names.values()) + len(self.word_lists) + stacked + distant

    def dense_columns(self) -> list[tuple[str, str]]:
        """(block, column) of every dense column: ``("lexicon", "emotive")``, ``("word_list", "npov")``."""
        cols = [(n, c) for n in self.features for c in self.feature_names[n]]
        cols += [("word_list", n) for n in sorted(self.word_lists)]
        cols += [("word_model", c) for c in self.word_model.sentence_columns] if self.word_model is not None else []
        return cols + ([("distant", c) for c in self.distant.names] if self.distant is not None else [])

    def feature_labels(self) -> list[tuple[str, str]]:
        """(block, name) of every column of :meth:`transform`, in order."""
        out = []
        for kind, b in self.blocks():
            out.extend((kind, t) for t in b.vocabulary)
        return out + self.dense_columns()

    def to_json(self) -> dict[str, Any]:
        return {
            "word": self.word.to_json() if self.word else None,
            "char": self.char.to_json() if self.char else None,
            "features": list(self.features),
            "feature_names": {k: list(v) for k, v in self.feature_names.items()},
            "word_lists": self.word_lists,
            "dense_mean": self.dense_mean.tolist(),
            "dense_scale": self.dense_scale.tolist(),
            "dense_weight": self.dense_weight,
            "word_model": self.word_model.to_json() if self.word_model is not None else None,
            "distant": self.distant.to_json() if self.distant is not None else None,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any], source: str, word_model: Any = None, distant: Any = None) -> "Design":
        """Rebuild from :meth:`to_json`; the feature sets must be registered with the same column names.
        ``word_model``, ``distant``: the stacked word model and the distant model, rebuilt by the caller from
        ``d["word_model"]`` and ``d["distant"]``."""
        design = cls(
            word=NgramBlock.from_json(d["word"]) if d.get("word") else None,
            char=NgramBlock.from_json(d["char"]) if d.get("char") else None,
            features=tuple(str(n) for n in d.get("features", ())),
            feature_names={str(k): tuple(str(c) for c in v) for k, v in d.get("feature_names", {}).items()},
            word_lists={str(k): [str(w) for w in v] for k, v in d.get("word_lists", {}).items()},
            dense_mean=np.asarray(d.get("dense_mean", []), dtype=float),
            dense_scale=np.asarray(d.get("dense_scale", []), dtype=float),
            dense_weight=float(d.get("dense_weight", 1.0)),
        )
        design.word_model = word_model
        design.distant = distant
        for name in design.features:
            fs = feature_set(name, source=source)
            if fs.names != design.feature_names.get(name):
                raise ModelError(
                    f"{source}: feature set {name!r} now has columns {list(fs.names)} but the model was trained "
                    f"with {list(design.feature_names.get(name, ()))}. Retrain the model with this version of framing."
                )
        if len(design.dense_mean) != design.n_dense or len(design.dense_scale) != design.n_dense:
            raise ValueError("dense_mean/dense_scale do not match the feature sets")
        return design
