"""Named feature sets for :func:`framing.fit_classifier`: dense, hand-made features beside the n-grams.

A feature set is a pure function from texts to a float matrix with one column per named feature,
registered once under a name. A fitted classifier stores only the *names* of the feature sets it
used (and their column names), never code, so a model file can be loaded safely: on load the
names are looked up in this registry.

Built-in sets (registered when this module is imported):

``lexicon``
    Loaded-language hits of :func:`framing.find_loaded_terms` per category (``log1p`` of the
    count, categories of :data:`framing.analyzers.loaded.CATEGORIES`, hedges included), the
    number of hits the context model flags and the highest context score.
``vader``
    VADER's ``neg, neu, pos, compound`` of the whole text (:func:`framing.vader_scores`).
``quotes``
    Share of the characters inside quotation marks and ``log1p`` of the number of quotations.
``style``
    Length (``log1p`` of words), ``!`` and ``?`` counts, share of capitalised words, first- and
    second-person pronouns.

Other modules add theirs with :func:`register_feature_set`; for example the frames analyzer
registers ``frame_cues``. A module that registers a set on import and wants models using it to
load without the user importing it first adds its name to :data:`PROVIDERS`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Callable, Sequence

import numpy as np

from ..errors import ModelError

__all__ = [
    "FeatureSet",
    "register_feature_set",
    "feature_set",
    "available_feature_sets",
    "PROVIDERS",
]

#: A feature function: texts -> array of shape ``(len(texts), len(names))``.
FeatureFunc = Callable[[Sequence[str]], "np.ndarray"]
#: A span function: one text -> ``(start, end, feature_name)`` triples, the words behind the features.
SpanFunc = Callable[[str], "list[tuple[int, int, str]]"]

#: Feature sets registered by a module of the package on import: name -> module to import when a
#: model asks for the set before anyone imported that module. Only package modules, never a path.
PROVIDERS: dict[str, str] = {
    "lexicon": "framing.classify.features",
    "vader": "framing.classify.features",
    "quotes": "framing.classify.features",
    "style": "framing.classify.features",
    "frame_cues": "framing.analyzers.frames",
}

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class FeatureSet:
    """One registered feature set.

    Attributes
    ----------
    name : str
        Registry name (lower case, ``[a-z][a-z0-9_]*``), stored in saved models.
    func : callable
        ``func(texts) -> array (len(texts), len(names))`` of floats; pure and deterministic.
    names : tuple of str
        Column names (shown by :meth:`TextClassifier.explain` as ``"<set>:<name>"``).
    spans : callable or None
        ``spans(text) -> [(start, end, column_name), ...]``: where in the text a column's evidence
        lies, so explanations can highlight words; None when the set has no such words.
    doc : str
        One line saying what the set measures.
    """

    name: str
    func: FeatureFunc
    names: tuple[str, ...]
    spans: SpanFunc | None = None
    doc: str = ""

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """The feature matrix of ``texts``, checked for shape and finiteness."""
        x = np.asarray(self.func(list(texts)), dtype=float)
        if x.ndim != 2 or x.shape != (len(texts), len(self.names)):
            raise ModelError(
                f"feature set {self.name!r} returned an array of shape {x.shape} for {len(texts)} texts; "
                f"expected ({len(texts)}, {len(self.names)}). Fix the function registered under that name."
            )
        if not np.isfinite(x).all():
            x = np.nan_to_num(x, nan=0.0, posinf=0.0, neginf=0.0)
        return x


_REGISTRY: dict[str, FeatureSet] = {}


def register_feature_set(
    name: str,
    func: FeatureFunc,
    names: Sequence[str],
    *,
    spans: SpanFunc | None = None,
    doc: str = "",
    replace: bool = False,
) -> FeatureSet:
    """Register a named feature set that :func:`framing.fit_classifier` can use (``features=[name]``).

    Parameters
    ----------
    name : str
        Lower-case name, ``[a-z][a-z0-9_]*`` (e.g. ``"frame_cues"``). Saved models store it.
    func : callable
        ``func(texts: list[str]) -> array-like (len(texts), len(names))`` of floats. Must be pure and
        deterministic: a saved model is only reproducible if the same texts give the same numbers.
        Scale does not matter (the classifier standardises each column).
    names : sequence of str
        One name per column, unique. A saved model keeps them and refuses to load when the
        registered set's names changed.
    spans : callable, optional
        ``spans(text) -> [(start, end, column_name), ...]`` with char offsets into ``text``: the words
        behind each column, used by :meth:`TextClassifier.explain` to highlight them.
    doc : str, optional
        One line saying what the set measures.
    replace : bool, default False
        Allow replacing an existing registration of the same name (same module re-imported,
        or a deliberate override).

    Returns
    -------
    FeatureSet
        The registered record.

    Raises
    ------
    framing.errors.ModelError
        Bad name, empty or duplicate column names, or the name is already taken by another function.

    Examples
    --------
    >>> import numpy as np
    >>> fs = register_feature_set("n_chars_demo", lambda ts: np.array([[len(t)] for t in ts]), ["n_chars"],
    ...                           doc="length in characters", replace=True)
    >>> fs.transform(["abc", ""]).tolist()
    [[3.0], [0.0]]
    """
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ModelError(f"feature set name {name!r} is not valid; use lower case letters, digits and _ (e.g. 'frame_cues').")
    cols = tuple(str(n) for n in names)
    if not cols or len(set(cols)) != len(cols):
        raise ModelError(f"feature set {name!r}: column names must be non-empty and unique, got {list(cols)!r}.")
    if not callable(func):
        raise ModelError(f"feature set {name!r}: func must be callable, got {type(func).__name__}.")
    old = _REGISTRY.get(name)
    if old is not None and not replace and (old.func is not func or old.names != cols):
        raise ModelError(
            f"feature set {name!r} is already registered (by {getattr(old.func, '__module__', '?')}); "
            "choose another name or pass replace=True."
        )
    fs = FeatureSet(name, func, cols, spans, doc)
    _REGISTRY[name] = fs
    return fs


def feature_set(name: str, *, source: str | None = None) -> FeatureSet:
    """The feature set registered under ``name``, importing its provider module if needed.

    Parameters
    ----------
    name : str
        A registered name (see :func:`available_feature_sets`).
    source : str, optional
        Where the name came from (a model file), named in the error message.

    Raises
    ------
    framing.errors.ModelError
        The name is not registered and no package module provides it.

    Examples
    --------
    >>> feature_set("vader").names
    ('neg', 'neu', 'pos', 'compound')
    """
    if name not in _REGISTRY and name in PROVIDERS:
        try:
            import_module(PROVIDERS[name])
        except ImportError:
            pass
    fs = _REGISTRY.get(name)
    if fs is None:
        where = f" (asked for by {source})" if source else ""
        raise ModelError(
            f"feature set {name!r} is not registered{where}. Known: {', '.join(available_feature_sets())}. "
            "Import the module that calls framing.classify.register_feature_set for it first."
        )
    return fs


def available_feature_sets() -> list[str]:
    """Sorted names of the registered feature sets.

    Examples
    --------
    >>> {"lexicon", "vader", "quotes", "style"} <= set(available_feature_sets())
    True
    """
    return sorted(_REGISTRY)


# --------------------------------------------------------------------------- built-in sets

def _loaded_categories() -> tuple[str, ...]:
    from ..analyzers.loaded import CATEGORIES

    return tuple(CATEGORIES)


_LEXICON_EXTRA = ("n_flagged", "max_score")


def _lexicon_names() -> tuple[str, ...]:
    return _loaded_categories() + _LEXICON_EXTRA


@lru_cache(maxsize=1)
def _default_lexicon():  # noqa: ANN202 - a framing.lexicons.Lexicon
    from ..lexicons import _as_lexicon

    return _as_lexicon(None)


@lru_cache(maxsize=8192)
def _loaded_rows(text: str) -> tuple[tuple[int, int, str, float, bool], ...]:
    """(start, end, category, score, flagged) of the loaded-term hits of one text (as :func:`find_loaded_terms`)."""
    from ..analyzers.loaded import _term_rows

    rows = _term_rows(text, _default_lexicon(), True, True)
    return tuple((int(r[1]), int(r[2]), str(r[3]), float(r[7]), bool(r[8])) for r in rows)


def _lexicon_features(texts: Sequence[str]) -> np.ndarray:
    cats = _loaded_categories()
    index = {c: i for i, c in enumerate(cats)}
    out = np.zeros((len(texts), len(cats) + len(_LEXICON_EXTRA)))
    for row, text in enumerate(texts):
        hits = _loaded_rows(text)
        if not hits:
            continue
        counts: dict[str, int] = {}
        for _, _, cat, _, _ in hits:
            counts[cat] = counts.get(cat, 0) + 1
        for cat, n in counts.items():
            if cat in index:
                out[row, index[cat]] = math.log1p(n)
        out[row, len(cats)] = math.log1p(sum(h[4] for h in hits))
        out[row, len(cats) + 1] = max(h[3] for h in hits)
    return out


def _lexicon_spans(text: str) -> list[tuple[int, int, str]]:
    return [(s, e, c) for s, e, c, _, _ in _loaded_rows(text)]


def _vader_features(texts: Sequence[str]) -> np.ndarray:
    from ..analyzers.sentiment import vader_scores

    out = np.zeros((len(texts), 4))
    for row, text in enumerate(texts):
        d = vader_scores(text)
        out[row] = (d["neg"], d["neu"], d["pos"], d["compound"])
    return out


def _quote_spans_of(text: str) -> list[tuple[int, int]]:
    from ..analyzers._loaded_scan import _quote_regions

    return _quote_regions(text)


def _quote_features(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), 2))
    for row, text in enumerate(texts):
        spans = _quote_spans_of(text)
        if spans and text:
            out[row, 0] = sum(e - s for s, e in spans) / len(text)
            out[row, 1] = math.log1p(len(spans))
    return out


def _quote_spans(text: str) -> list[tuple[int, int, str]]:
    return [(s, e, "quote_share") for s, e in _quote_spans_of(text)]


_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
_SECOND_PERSON = frozenset({"you", "your", "yours"})
_STYLE_NAMES = ("log_words", "exclamations", "questions", "capitalised_share", "first_person", "second_person")


def _style_row(text: str) -> tuple[float, ...]:
    from ..text import TOKEN_RE

    words = TOKEN_RE.findall(text)
    n = len(words)
    low = [w.lower() for w in words]
    caps = sum(1 for w in words[1:] if w[:1].isupper()) / max(n - 1, 1)
    return (
        math.log1p(n),
        math.log1p(text.count("!")),
        math.log1p(text.count("?")),
        caps,
        math.log1p(sum(w in _FIRST_PERSON for w in low)),
        math.log1p(sum(w in _SECOND_PERSON for w in low)),
    )


def _style_features(texts: Sequence[str]) -> np.ndarray:
    return np.array([_style_row(t) for t in texts], dtype=float).reshape(len(texts), len(_STYLE_NAMES))


def _style_spans(text: str) -> list[tuple[int, int, str]]:
    from ..text import TOKEN_RE

    out = []
    for m in TOKEN_RE.finditer(text):
        w = m.group().lower()
        if w in _FIRST_PERSON:
            out.append((m.start(), m.end(), "first_person"))
        elif w in _SECOND_PERSON:
            out.append((m.start(), m.end(), "second_person"))
    for ch, col in (("!", "exclamations"), ("?", "questions")):
        out.extend((i, i + 1, col) for i, c in enumerate(text) if c == ch)
    return sorted(out)


def _register_builtins() -> None:
    register_feature_set(
        "lexicon", _lexicon_features, _lexicon_names(), spans=_lexicon_spans, replace=True,
        doc="loaded-language hits per category (packaged lexicon, structural cues, context model)",
    )
    register_feature_set(
        "vader", _vader_features, ("neg", "neu", "pos", "compound"), replace=True,
        doc="VADER sentiment scores of the whole text",
    )
    register_feature_set(
        "quotes", _quote_features, ("quote_share", "n_quotes"), spans=_quote_spans, replace=True,
        doc="share of characters inside quotation marks, number of quotations",
    )
    register_feature_set(
        "style", _style_features, _STYLE_NAMES, spans=_style_spans, replace=True,
        doc="length, ! and ?, capitalised words, first- and second-person pronouns",
    )


_register_builtins()
