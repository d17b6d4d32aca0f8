"""Loaded-language rates per outlet: flagged words only, the outlet's own words apart from quoted
ones, epistemic markers apart, each rate with its count, its words and a 95 % interval.

The rules (see ``docs/notes/loaded20.md``):

* **Flagged only.** A loaded-language category counts the hits the context model flags
  (``flagged`` for the outlet's own words, ``word_flagged`` inside quotations); every lexicon or
  pattern hit of the category is still counted as a *candidate* (``n_candidates``).
* **Epistemic markers apart.** Hedges, factives and assertives
  (:data:`framing.analyzers.loaded.EPISTEMIC_CATEGORIES`: "could", "reportedly", "know", "insist")
  say how sure a claim is; they are counted (every hit) as ``kind == "epistemic"`` and never enter
  the loaded rate.
* **Own words and quoted words apart.** A hit inside double quotation marks (``in_quote``) is
  someone else's words: it counts per 1,000 *quoted* words; the others per 1,000 of the outlet's
  own words (all words minus quoted words).
* **Counts and intervals.** Every rate comes with ``n_hits`` and ``n_words`` and an exact Poisson
  95 % interval (:func:`framing.stats.poisson_rate_interval`).

All counts are additive, so the streaming analysis (:mod:`framing.analyzers.additive`) gives the
same tables from chunk counts (:func:`hit_counts`, :func:`rates_from_counts`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Mapping

import pandas as pd

from ..stats import poisson_rate_interval
from ..tables import TABLES
from ..text import TOKEN_RE
from .loaded import CATEGORIES, EPISTEMIC_CATEGORIES

__all__ = ["VOICES", "counted_hits", "quoted_words", "loaded_rates", "loaded_summary", "rates_from_counts", "summary_from_rates", "hit_counts",
           "category_kind"]

#: Whose words a hit is: the outlet's own, or inside a quotation.
VOICES: tuple[str, ...] = ("own", "quoted")

HitCounts = Mapping[tuple[str, str, str], tuple[int, int]]


def category_kind(category: str) -> str:
    """``"epistemic"`` for :data:`~framing.analyzers.loaded.EPISTEMIC_CATEGORIES`, else ``"loaded"``.

    Examples
    --------
    >>> category_kind("hedge"), category_kind("emotive")
    ('epistemic', 'loaded')
    """
    return "epistemic" if category in EPISTEMIC_CATEGORIES else "loaded"


def counted_hits(loaded_table: pd.DataFrame, *, flagged_only: bool = True) -> tuple[pd.Series, pd.Series]:
    """``(counted, in_quote)``: boolean Series over the rows of a loaded-terms table, the hits the
    rates count (see :func:`hit_counts`) and those inside quotation marks (all False without the
    ``in_quote`` column)."""
    t = loaded_table
    inq = t["in_quote"].fillna(False).astype(bool) if "in_quote" in t.columns else pd.Series(False, index=t.index)
    if not flagged_only or "flagged" not in t.columns:
        return pd.Series(True, index=t.index), inq
    flagged = t["flagged"].fillna(False).astype(bool)
    word = t["word_flagged"].fillna(False).astype(bool) if "word_flagged" in t.columns else flagged
    epistemic = t["category"].isin(EPISTEMIC_CATEGORIES)
    return epistemic | (~inq & flagged) | (inq & word), inq


def hit_counts(loaded_table: pd.DataFrame, *, flagged_only: bool = True) -> dict[tuple[str, str, str], tuple[int, int]]:
    """``{(outlet, voice, category): (n_hits, n_candidates)}`` of a loaded-terms table.

    ``n_candidates`` counts every hit; ``n_hits`` the counted ones: for a loaded category the
    flagged hits (``flagged`` outside quotations, ``word_flagged`` inside), for an epistemic
    category every hit; with ``flagged_only=False`` every hit. A table without ``in_quote`` is taken
    as all own words; without ``word_flagged``, ``flagged`` stands for it.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["rt"] * 3, "category": ["emotive", "emotive", "hedge"],
    ...                   "flagged": [True, False, False]})
    >>> hit_counts(t)
    {('rt', 'own', 'emotive'): (1, 2), ('rt', 'own', 'hedge'): (1, 1)}
    """
    if not len(loaded_table):
        return {}
    t = loaded_table
    n = len(t)
    counted, inq = counted_hits(t, flagged_only=flagged_only)
    frame = pd.DataFrame({"outlet": t["outlet"].to_numpy(), "voice": inq.map({False: "own", True: "quoted"}).to_numpy(),
                          "category": t["category"].to_numpy(), "hit": counted.to_numpy(dtype=int),
                          "cand": [1] * n})
    g = frame.groupby(["outlet", "voice", "category"], sort=False)[["hit", "cand"]].sum()
    return {k: (int(h), int(c)) for k, (h, c) in zip(g.index, g.to_numpy().tolist())}


def quoted_words(corpus: Any) -> pd.DataFrame:
    """Words of each article and how many of them are inside double quotation marks.

    The quotation spans are those that set ``in_quote`` in :func:`framing.loaded_terms`
    (:func:`framing.analyzers._loaded_scan.quotation_spans`), so own-word and quoted-word rates
    divide each hit by the words of its own voice.

    Returns
    -------
    pandas.DataFrame
        The declared ``quoted_words`` table: ``article_id, outlet, n_words, n_quoted_words``.

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> c = Corpus.from_records([{"id": "a", "outlet": "rt", "text": 'He said: \u201cIt is a disgrace.\u201d'}])
    >>> quoted_words(c)[["n_words", "n_quoted_words"]].values.tolist()
    [[6, 4]]
    """
    from ..corpus import article_word_counts
    from ._loaded_scan import article_quotation_spans, quoted_word_count

    arts = list(corpus)
    n_quoted = []
    for a in arts:
        text = a.text or ""
        n_quoted.append(quoted_word_count(text, article_quotation_spans(a, text)))
    return TABLES["quoted_words"].from_columns({
        "article_id": [a.id for a in arts], "outlet": [a.outlet for a in arts],
        "n_words": article_word_counts(arts), "n_quoted_words": n_quoted})


def _word_counts(source: Any) -> dict[str, tuple[int, int]]:
    """Outlet -> (words, quoted words), from a corpus, a mapping, a Series or a table."""
    if isinstance(source, pd.DataFrame):
        if not {"outlet", "n_words"} <= set(source.columns):
            raise ValueError("word-count table needs the columns outlet and n_words (and n_quoted_words)")
        cols = ["n_words"] + (["n_quoted_words"] if "n_quoted_words" in source.columns else [])
        g = source.groupby("outlet", sort=False)[cols].sum()
        quoted = g["n_quoted_words"] if "n_quoted_words" in g.columns else pd.Series(0, index=g.index)
        return {str(k): (int(w), int(q)) for k, w, q in zip(g.index, g["n_words"], quoted)}
    if isinstance(source, (pd.Series, Mapping)):
        out = {}
        for k, v in source.items():
            out[str(k)] = (int(v[0]), int(v[1])) if isinstance(v, tuple) else (int(v), 0)
        return out
    from ._loaded_scan import quoted_word_count

    counts: dict[str, tuple[int, int]] = {}
    for art in source:
        text = art.text or ""
        n = getattr(art, "n_words", None)
        if not isinstance(n, int):
            n = sum(1 for _ in TOKEN_RE.finditer(text))
        w, q = counts.get(art.outlet, (0, 0))
        counts[art.outlet] = (w + n, q + quoted_word_count(text))
    return counts


def loaded_rates(
    loaded_table: pd.DataFrame,
    corpus_or_word_counts: Any,
    *,
    categories: Iterable[str] | None = None,
    flagged_only: bool = True,
) -> pd.DataFrame:
    """Loaded terms and epistemic markers per 1,000 words, per outlet, voice and category.

    Parameters
    ----------
    loaded_table : DataFrame
        Output of :func:`framing.loaded_terms` (``outlet, category, flagged, in_quote, word_flagged``).
    corpus_or_word_counts : Corpus, mapping, Series or DataFrame
        Where the word counts come from: a corpus (quoted words found in its texts), a
        ``quoted_words`` table (``outlet, n_words, n_quoted_words``, summed per outlet), a table
        with ``outlet, n_words`` only, or ``{outlet: n_words}`` / ``{outlet: (n_words,
        n_quoted_words)}``; without quoted-word counts every word is the outlet's own.
    categories : iterable of str, optional
        Categories to report; default :data:`framing.analyzers.loaded.CATEGORIES` plus any other
        category in the table. Every outlet gets a row for each voice and category, zero if no hit.
    flagged_only : bool, default True
        Count only flagged hits in the loaded categories (see :func:`hit_counts`); False counts
        every lexicon hit, as the rates did before.

    Returns
    -------
    pandas.DataFrame
        The declared ``loaded_rates`` table: ``outlet, voice, kind, category, n_hits,
        n_candidates, n_words, rate_per_1000, ci_low, ci_high``; outlets in the order of the word
        counts (corpus order), then voices (own, quoted), then categories in the order given.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["rt", "rt", "rt"], "category": ["emotive", "emotive", "hedge"],
    ...                   "flagged": [True, False, False], "in_quote": [False, True, False],
    ...                   "word_flagged": [True, False, False]})
    >>> r = loaded_rates(t, {"rt": (500, 100)}, categories=["emotive", "hedge"])
    >>> r[["voice", "category", "n_hits", "n_candidates", "n_words", "rate_per_1000"]].values.tolist()
    [['own', 'emotive', 1, 1, 400, 2.5], ['own', 'hedge', 1, 1, 400, 2.5], ['quoted', 'emotive', 0, 1, 100, 0.0], ['quoted', 'hedge', 0, 0, 100, 0.0]]
    """
    return rates_from_counts(hit_counts(loaded_table, flagged_only=flagged_only), _word_counts(corpus_or_word_counts),
                             categories)


def rates_from_counts(counts: HitCounts, word_counts: Mapping[str, tuple[int, int]],
                      categories: Iterable[str] | None = None) -> pd.DataFrame:
    """:func:`loaded_rates` from counts: ``{(outlet, voice, category): (n_hits, n_candidates)}`` and
    ``{outlet: (n_words, n_quoted_words)}``.

    Outlets come in the order of ``word_counts``, then those with hits only; categories are
    ``categories`` or :data:`CATEGORIES` followed by any other category with hits (first-seen order).
    Used by :func:`loaded_rates` and by the streaming merge, so both give the same rows.
    """
    if categories is None:
        cats = list(CATEGORIES)
        cats += [c for c in dict.fromkeys(c for _o, _v, c in counts) if c not in CATEGORIES]
    else:
        cats = list(dict.fromkeys(categories))
    outlets = list(word_counts)
    outlets += [o for o in dict.fromkeys(o for o, _v, _c in counts) if o not in word_counts]
    rows = []
    for o in outlets:
        n_all, n_quoted = word_counts.get(o, (0, 0))
        for voice, n_words in zip(VOICES, (n_all - n_quoted, n_quoted)):
            for c in cats:
                n, cand = counts.get((o, voice, c), (0, 0))
                rows.append((o, voice, category_kind(c), c, int(n), int(cand), int(n_words), *_rate(n, n_words)))
    return TABLES["loaded_rates"].from_rows(rows)


#: :func:`~framing.stats.poisson_rate_interval` remembered per (hits, words): a run asks for the same
#: pairs again and again (zero hits, the words of one outlet and voice; the rates and the summary)
_interval = lru_cache(maxsize=1 << 14)(poisson_rate_interval)


def _rate(k: int, n_words: int) -> tuple[float, float, float]:
    """Rate per 1,000 words and its exact Poisson 95 % interval (NaN without words)."""
    return (1000.0 * k / n_words if n_words else float("nan"), *_interval(k, n_words))


def summary_from_rates(rates: pd.DataFrame) -> pd.DataFrame:
    """The ``loaded_summary`` table (one row per outlet and voice) from a ``loaded_rates`` table.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["rt"] * 3, "category": ["emotive", "slur", "hedge"],
    ...                   "flagged": [True, False, False]})
    >>> s = summary_from_rates(loaded_rates(t, {"rt": 1000}))
    >>> s[["voice", "n_words", "n_loaded", "n_candidates", "loaded_per_1000", "n_epistemic"]].values.tolist()
    [['own', 1000, 1, 2, 1.0, 1], ['quoted', 0, 0, 0, nan, 0]]
    """
    rows = []
    if len(rates):
        # one grouped sum over the (outlet, voice) groups, in order of appearance
        kind = rates["kind"]
        parts = pd.DataFrame({"outlet": rates["outlet"], "voice": rates["voice"], "n_words": rates["n_words"],
                              "loaded": rates["n_hits"].where(kind == "loaded", 0),
                              "cand": rates["n_candidates"].where(kind == "loaded", 0),
                              "epistemic": rates["n_hits"].where(kind == "epistemic", 0)})
        g = parts.groupby(["outlet", "voice"], sort=False)
        sums = g[["loaded", "cand", "epistemic"]].sum()
        first_words = g["n_words"].first()
        for (o, voice), (n_loaded, n_cand, n_epi), n_words in zip(sums.index, sums.to_numpy().tolist(),
                                                                  first_words.tolist()):
            n_loaded, n_cand, n_epi, n_words = int(n_loaded), int(n_cand), int(n_epi), int(n_words)
            rows.append((o, voice, n_words, n_loaded, n_cand, *_rate(n_loaded, n_words), n_epi,
                         *_rate(n_epi, n_words)))
    return TABLES["loaded_summary"].from_rows(rows)


def loaded_summary(loaded_table: pd.DataFrame, corpus_or_word_counts: Any, *, flagged_only: bool = True) -> pd.DataFrame:
    """Per outlet and voice (own, quoted): flagged loaded terms and epistemic markers per 1,000 words,
    with counts and 95 % intervals (the declared ``loaded_summary`` table).

    Parameters are those of :func:`loaded_rates`.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["cbc"] * 6, "category": ["emotive"] * 6, "flagged": [True] * 6})
    >>> r = loaded_summary(t, {"cbc": 270}).iloc[0]
    >>> int(r["n_loaded"]), int(r["n_words"]), round(float(r["loaded_per_1000"]), 1), round(float(r["loaded_ci_low"]), 1)
    (6, 270, 22.2, 8.2)
    """
    return summary_from_rates(loaded_rates(loaded_table, corpus_or_word_counts, flagged_only=flagged_only))
