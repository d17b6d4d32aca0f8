"""Words and phrases that set each outlet apart: log-odds with an informative Dirichlet prior.

For each outlet *i* against all other outlets pooled (*j*), following Monroe,
Colaresi & Quinn (2008, "Fightin' Words", section 3.5.1), with ``y`` term
counts, ``n`` total counts and a Dirichlet prior ``alpha_w`` proportional to
the term's frequency in the whole corpus (``alpha_0 = sum_w alpha_w``)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

Terms are unigrams and bigrams from scikit-learn's ``CountVectorizer`` with
its English stop words removed; tokens follow :data:`framing.text.TOKEN_RE`
(``S-400`` and ``U.S`` stay whole) with a possessive ``'s`` dropped.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..text import TOKEN_RE

__all__ = ["distinctive_terms", "DISTINCTIVE_COLUMNS"]

#: Columns of :func:`distinctive_terms`.
DISTINCTIVE_COLUMNS = ["outlet", "term", "ngram", "count", "count_other", "rate_per_1000", "log_odds", "z", "rank"]

_POSSESSIVE = re.compile(r"['\u2019]s$")


def _tokenize(doc: str) -> list[str]:
    return [_POSSESSIVE.sub("", m.group()) for m in TOKEN_RE.finditer(doc)]


def _empty() -> pd.DataFrame:
    types = {"outlet": "object", "term": "object", "ngram": "int64", "count": "int64", "count_other": "int64",
             "rate_per_1000": "float64", "log_odds": "float64", "z": "float64", "rank": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in types.items()})


def distinctive_terms(
    corpus: Any,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 2,
    prior: float = 500.0,
    *,
    top: int | None = None,
) -> pd.DataFrame:
    """Terms each outlet uses more (or less) than the other outlets, with z-scores.

    Parameters
    ----------
    corpus : Corpus
        Articles with ``outlet`` and ``text``; any number of outlets. With a
        single outlet the comparison is against the prior alone.
    ngram_range : (int, int), default (1, 2)
        Smallest and largest n-gram size (stop words are removed first).
    min_count : int, default 2
        Keep terms used at least this often in the whole corpus.
    prior : float, default 500.0
        Total pseudo-count ``alpha_0`` of the informative Dirichlet prior,
        spread over the vocabulary in proportion to each term's corpus
        frequency. Larger values shrink the log-odds of rare terms more.
    top : int, optional
        Keep only the ``top`` terms per outlet (highest ``z``).

    Returns
    -------
    pandas.DataFrame
        One row per outlet and term:

        ``outlet`` (str)
        ``term`` (str)
            Lower-cased unigram or bigram.
        ``ngram`` (int)
            Number of words in the term.
        ``count``, ``count_other`` (int)
            Uses by this outlet / by all other outlets.
        ``rate_per_1000`` (float)
            ``count`` per 1,000 counted terms of the same n-gram size in this outlet.
        ``log_odds`` (float)
            ``delta_w`` above: positive when the outlet over-uses the term.
        ``z`` (float)
            ``delta_w / sqrt(var_w)``; \\|z\\| > 1.96 is the usual threshold.
        ``rank`` (int)
            1 for the outlet's most distinctive term (highest ``z``; ties by
            higher ``count``, then term).

        Outlets in corpus order; within an outlet rows are sorted by ``rank``.

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> c = Corpus.from_records([
    ...     {"id": "a", "outlet": "rt", "text": "The regime. The regime again. Missiles."},
    ...     {"id": "b", "outlet": "cbc", "text": "The government. The government again. Missiles."}])
    >>> t = distinctive_terms(c, ngram_range=(1, 1), min_count=1)
    >>> t[t["rank"] == 1][["outlet", "term"]].values.tolist()
    [['rt', 'regime'], ['cbc', 'government']]
    """
    from sklearn.feature_extraction.text import CountVectorizer

    arts = [a for a in corpus]
    if not arts:
        return _empty()
    outlets = list(dict.fromkeys(a.outlet for a in arts))
    docs = [a.text or "" for a in arts]
    vec = CountVectorizer(
        tokenizer=_tokenize, token_pattern=None, lowercase=True, stop_words="english",
        ngram_range=tuple(ngram_range), dtype=np.int64,
    )
    try:
        X = vec.fit_transform(docs)
    except ValueError:  # empty vocabulary (no text, or only stop words)
        return _empty()
    terms = vec.get_feature_names_out()
    idx = {o: i for i, o in enumerate(outlets)}
    rows_of = np.array([idx[a.outlet] for a in arts])
    # outlet x term counts
    G = np.zeros((len(outlets), X.shape[1]), dtype=np.int64)
    Xc = X.tocsr()
    for k, o in enumerate(outlets):
        sel = np.flatnonzero(rows_of == k)
        G[k] = np.asarray(Xc[sel].sum(axis=0)).ravel()
    total = G.sum(axis=0)
    keep = total >= max(int(min_count), 1)
    if not keep.any():
        return _empty()
    G, total, terms = G[:, keep], total[keep], terms[keep]
    ngram = np.array([t.count(" ") + 1 for t in terms], dtype=np.int64)

    n_all = float(total.sum())
    a0 = float(prior) if prior and prior > 0 else 1e-6
    alpha = a0 * total / n_all
    frames = []
    for k, o in enumerate(outlets):
        yi = G[k].astype(float)
        yj = (total - G[k]).astype(float)
        ni, nj = yi.sum(), yj.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            li = np.log(yi + alpha) - np.log(np.maximum(ni + a0 - yi - alpha, 1e-12))
            lj = np.log(yj + alpha) - np.log(np.maximum(nj + a0 - yj - alpha, 1e-12))
            delta = li - lj
            var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha)
            z = delta / np.sqrt(var)
        per_n = np.zeros(len(terms))
        for n in np.unique(ngram):
            m = ngram == n
            s = yi[m].sum()
            per_n[m] = 1000.0 * yi[m] / s if s else 0.0
        df = pd.DataFrame({
            "outlet": o, "term": terms, "ngram": ngram, "count": G[k], "count_other": total - G[k],
            "rate_per_1000": per_n, "log_odds": delta, "z": z,
        })
        df = df.sort_values(["z", "count", "term"], ascending=[False, False, True], kind="mergesort")
        df["rank"] = np.arange(1, len(df) + 1, dtype=np.int64)
        if top is not None:
            df = df.head(int(top))
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    return out[DISTINCTIVE_COLUMNS].astype({"outlet": "object", "term": "object"})
