"""Outlets compared within stories: per-article metrics with their story, and within-story differences.

A corpus of several stories (events) pools articles on different topics: an outlet that covered more
wars than weddings looks "negative" whatever its framing. Comparing outlets *within* each story and
then averaging over stories removes that: for every outlet, story and metric the outlet's value is
set against the story's mean over its outlets, and those differences are averaged over the stories
the outlet covered, with a t interval over stories (the story is the unit).

* :func:`story_metrics` (per article, from the tables of the same articles): sentence tone,
  flagged loaded terms per 1,000 words, quotes per 1,000 words, the share of quotes from unnamed
  sources and the share of quotes by speaker affiliation.
* :func:`story_differences` (a summary of the whole corpus): the within-story differences, adding
  the generic-frame scores when the frames analyzer ran.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..tables import TABLES
from .loaded import EPISTEMIC_CATEGORIES
from .loaded_rates import counted_hits

__all__ = ["story_metrics", "story_differences", "METRICS", "metric_order"]

#: The core metrics of :func:`story_metrics`, in display order (``affiliation:<class>`` and
#: ``frame:<frame>`` rows follow them).
METRICS = ("tone", "loaded_rate", "quote_rate", "anonymous_share")


def _flagged(loaded: pd.DataFrame) -> pd.DataFrame:
    """The hits that count for the loaded rate, as in the report's main loaded-language figure
    (:func:`framing.analyzers.loaded_rates.counted_hits`): loaded (not epistemic) terms the model
    flags, in the outlet's own words (outside quotation marks)."""
    counted, in_quote = counted_hits(loaded)
    keep = counted & ~in_quote
    if "category" in loaded.columns:
        keep &= ~loaded["category"].isin(EPISTEMIC_CATEGORIES)
    return loaded[keep]


def _own_words(tables: Mapping[str, pd.DataFrame]) -> dict[str, int]:
    """Per article, its words outside quotation marks (``quoted_words``), else all its words."""
    qw = tables.get("quoted_words")
    if qw is not None:
        return dict(zip(qw["article_id"], (qw["n_words"] - qw["n_quoted_words"]).astype(int)))
    return dict(zip(tables["article_counts"]["article_id"], tables["article_counts"]["n_words"]))


def _rows_of_article(aid: str, outlet: str, story: str, words: tuple[int, int], tone: tuple[float, int] | None,
                     n_loaded: int, n_quotes: int, n_anon: int, affs: list[tuple[str, int]]) -> list[tuple]:
    """The metric rows of one article (see :func:`story_metrics`); ``words`` is (all words, own words)."""
    rows: list[tuple] = []
    n_all, n_own = words
    if tone is not None:
        rows.append((aid, outlet, story, "tone", tone[0], pd.NA, tone[1]))
    if n_own > 0:
        rows.append((aid, outlet, story, "loaded_rate", 1000.0 * n_loaded / n_own, n_loaded, n_own))
    if n_all > 0:
        rows.append((aid, outlet, story, "quote_rate", 1000.0 * n_quotes / n_all, n_quotes, n_all))
    if n_quotes:
        rows.append((aid, outlet, story, "anonymous_share", n_anon / n_quotes, n_anon, n_quotes))
        rows += [(aid, outlet, story, f"affiliation:{name}", k / n_quotes, k, n_quotes) for name, k in affs]
    return rows


def _quote_counts(voices: pd.DataFrame) -> tuple[dict, dict, dict[str, list[tuple[str, int]]]]:
    """Per article: quotes, anonymous quotes, and (affiliation, quotes) sorted by affiliation."""
    n = voices.groupby("article_id", sort=False).size().to_dict()
    anon = voices["anonymous"].fillna(False).astype(bool).groupby(voices["article_id"], sort=False).sum().to_dict()
    aff = voices["affiliation"].fillna("").astype(str).str.strip().replace("", "unknown")
    affs: dict[str, list[tuple[str, int]]] = {}
    for (aid, name), k in sorted(aff.groupby([voices["article_id"], aff], sort=False).size().items()):
        affs.setdefault(aid, []).append((str(name), int(k)))
    return n, anon, affs


def story_metrics(corpus: Any, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per-article metrics with the article's story, for comparing outlets within stories.

    Parameters
    ----------
    corpus : Corpus
        The articles (or a chunk of them); only their ids, outlets and stories are read
        (:meth:`framing.Corpus.story_of`).
    tables : mapping
        The same articles' ``article_counts``, ``quoted_words``, ``sentences``, ``loaded_terms`` and
        ``voices`` tables (without ``quoted_words``, rates are per all words).

    Returns
    -------
    pandas.DataFrame
        Declared table ``story_metrics``: one row per article and metric, articles in corpus order:

        ``article_id, outlet, story`` : str
        ``metric`` : str, ``tone`` (mean VADER compound of the article's sentences), ``loaded_rate``
        (loaded terms the model flags per 1,000 of the outlet's own words, i.e. outside quotation
        marks, as in the report's loaded-language figure), ``quote_rate`` (quotes per 1,000 words),
        ``anonymous_share`` (share of quotes from unnamed sources) and ``affiliation:<class>`` (share
        of quotes whose speaker has that affiliation; only the classes the article quotes: an article
        with quotes and no row for a class has a share of 0)
        ``value`` : float
        ``count`` : Int64, the numerator (hits, quotes; missing for tone)
        ``n`` : int, the denominator (sentences, words or quotes)

    Examples
    --------
    >>> import framing
    >>> c = framing.Corpus.from_records([{"id": "a", "outlet": "cbc", "story": "s1",
    ...                                   "text": "Officials said the plan was a disaster. It rained."}])
    >>> m = framing.analyze(c, analyzers=["story_metrics"]).story_metrics
    >>> m.loc[m.metric == "tone", ["story", "n"]].values.tolist()
    [['s1', 2]]
    """
    all_words = dict(zip(tables["article_counts"]["article_id"], tables["article_counts"]["n_words"]))
    own_words = _own_words(tables)
    sent = tables["sentences"].groupby("article_id", sort=False)["compound"].agg(["mean", "size"])
    tone = dict(zip(sent.index, zip(sent["mean"].astype(float), sent["size"].astype(int))))
    loaded = _flagged(tables["loaded_terms"])["article_id"].value_counts().to_dict()
    n_q, n_anon, affs = _quote_counts(tables["voices"])
    rows: list[tuple] = []
    for a in corpus.articles:
        n_all = int(all_words.get(a.id, a.n_words))
        rows += _rows_of_article(a.id, a.outlet, corpus.story_of(a), (n_all, int(own_words.get(a.id, n_all))),
                                 tone.get(a.id), int(loaded.get(a.id, 0)), int(n_q.get(a.id, 0)),
                                 int(n_anon.get(a.id, 0)), affs.get(a.id, []))
    return TABLES["story_metrics"].from_rows(rows)


def metric_order(metrics: Any) -> list[str]:
    """Metrics in display order: the core ones, then affiliations (alphabetical), then frames."""
    from ._frame_cues import FRAMES

    core = {m: i for i, m in enumerate(METRICS)}
    frames = {f"frame:{f}": i for i, f in enumerate(FRAMES)}

    def key(m: str) -> tuple:
        if m in core:
            return (0, core[m], m)
        if m in frames:
            return (2, frames[m], m)
        return (1, 0, m)
    return sorted(set(map(str, metrics)), key=key)


def _with_frames(metrics: pd.DataFrame, frames: pd.DataFrame | None) -> pd.DataFrame:
    """``metrics`` plus one ``frame:<frame>`` row (the frame score) per article and frame."""
    if frames is None or not len(frames) or not len(metrics):
        return metrics
    story = dict(zip(metrics["article_id"], metrics["story"]))
    fr = frames[frames["article_id"].isin(story)]
    extra = pd.DataFrame({"article_id": fr["article_id"], "outlet": fr["outlet"],
                          "story": fr["article_id"].map(story), "metric": "frame:" + fr["frame"].astype(str),
                          "value": fr["score"].astype(float), "count": pd.NA, "n": 1})
    return pd.concat([metrics, extra], ignore_index=True)


def _zero_shares(metrics: pd.DataFrame) -> pd.DataFrame:
    """Add the share 0 for every affiliation an article with quotes does not quote."""
    affs = sorted({m for m in metrics["metric"] if m.startswith("affiliation:")})
    quoted = metrics[(metrics["metric"] == "anonymous_share") & (metrics["n"] > 0)]
    if not affs or quoted.empty:
        return metrics
    cols = ["article_id", "outlet", "story", "metric", "value", "count", "n"]
    grid = quoted[["article_id", "outlet", "story", "n"]].merge(pd.DataFrame({"metric": affs}), how="cross")
    have = pd.MultiIndex.from_frame(metrics[["article_id", "metric"]])
    grid = grid[~pd.MultiIndex.from_frame(grid[["article_id", "metric"]]).isin(have)]
    if grid.empty:
        return metrics
    extra = pd.DataFrame({"article_id": grid["article_id"].to_numpy(), "outlet": grid["outlet"].to_numpy(),
                          "story": grid["story"].to_numpy(), "metric": grid["metric"].to_numpy(), "value": 0.0,
                          "count": 0, "n": grid["n"].astype(int).to_numpy()})
    return pd.concat([metrics[cols], extra], ignore_index=True)


def _t975(df: np.ndarray) -> np.ndarray:
    """The 97.5th percentile of Student's t with ``df`` degrees of freedom (element-wise)."""
    from scipy.stats import t

    return t.ppf(0.975, df)


def story_differences(metrics: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each outlet's mean within-story difference from the other outlets, per metric, over stories.

    For a story, metric and outlet, the outlet's value is the mean over its articles in the story;
    the story's mean is the mean of those values over the story's outlets (each outlet counts once);
    the difference is the outlet's value minus the story's mean. Stories where fewer than two outlets
    have a value for the metric are left out of that metric. The differences are averaged over the
    stories with a 95 % t interval (stories as the unit, missing below two stories), so a topic that
    one outlet covered more often does not show as that outlet's framing.
    A corpus with fewer than two stories has nothing to compare across: the table is empty (the
    per-outlet figures of one story are in the other tables).

    Parameters
    ----------
    metrics : pandas.DataFrame
        A ``story_metrics`` table (:func:`story_metrics`).
    frames : pandas.DataFrame, optional
        An ``article_frames`` table (:func:`framing.frames`): adds the ``frame:<frame>`` metrics (frame
        score in [0, 1]).

    Returns
    -------
    pandas.DataFrame
        Declared table ``story_differences``: one row per outlet and metric (outlets in order of first
        appearance, metrics in :func:`metric_order`): ``outlet, metric, n_stories, n_articles,
        mean_value, mean_diff, sd, ci_low, ci_high``.

    Examples
    --------
    >>> m = pd.DataFrame({"article_id": list("abcd"), "outlet": ["x", "y", "x", "y"],
    ...                   "story": ["s1", "s1", "s2", "s2"], "metric": "tone",
    ...                   "value": [0.5, 0.1, -0.2, -0.4], "count": pd.NA, "n": 3})
    >>> d = story_differences(m)
    >>> d[["outlet", "n_stories", "mean_value", "mean_diff"]].round(2).values.tolist()
    [['x', 2, 0.15, 0.15], ['y', 2, -0.15, -0.15]]
    """
    if metrics.empty or metrics["story"].nunique() < 2:
        return TABLES["story_differences"].empty()
    m = _zero_shares(_with_frames(metrics, frames))
    if m.empty:
        return TABLES["story_differences"].empty()
    by = m.groupby(["story", "metric", "outlet"], sort=False).agg(value=("value", "mean"),
                                                                  n_articles=("article_id", "nunique"))
    by = by.reset_index()
    by = by[by["value"].notna()]
    size = by.groupby(["story", "metric"], sort=False)["outlet"].transform("size")
    by = by[size >= 2].copy()
    by["diff"] = by["value"] - by.groupby(["story", "metric"], sort=False)["value"].transform("mean")
    outlets = {o: i for i, o in enumerate(dict.fromkeys(metrics["outlet"]))}
    metric_rank = {mm: i for i, mm in enumerate(metric_order(by["metric"]))}
    g = by.groupby(["outlet", "metric"], sort=False).agg(
        n_stories=("diff", "size"), n_articles=("n_articles", "sum"), mean_value=("value", "mean"),
        mean_diff=("diff", "mean"), sd=("diff", "std")).reset_index()
    if g.empty:
        return TABLES["story_differences"].empty()
    n = g["n_stories"].to_numpy()
    half = _t975(np.maximum(n - 1, 1)) * g["sd"].to_numpy() / np.sqrt(n)
    half[n < 2] = math.nan
    g["sd"] = g["sd"].where(n >= 2)
    g["ci_low"], g["ci_high"] = g["mean_diff"] - half, g["mean_diff"] + half
    g["_o"] = g["outlet"].map(outlets).fillna(1e9)
    g["_m"] = g["metric"].map(metric_rank)
    g = g.sort_values(["_o", "_m"], kind="mergesort")
    rows = list(g[TABLES["story_differences"].names].itertuples(index=False, name=None))
    return TABLES["story_differences"].from_rows(rows)

