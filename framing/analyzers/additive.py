"""Additive forms of the per-outlet summaries, for the streaming analysis.

Each summary that can be computed with flat memory has three parts: ``*_counts(tables)`` gives the
counts of one chunk, ``add(a, b)`` merges two chunks' counts exactly, and ``*_final(counts, outlets)``
gives the declared table (:mod:`framing.tables`), with the same columns as the in-memory summary.
Counts are plain dicts ``outlet -> {name: int}`` (sentence scores summed as integers: VADER's compound
has four decimals, so ``round(compound * 10_000)`` is exact), so merging never loses precision.
The one difference from the in-memory tables: the sentiment interval is the normal approximation
(mean ± 1.96 standard errors), since a bootstrap needs every score.
"""
from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..tables import TABLES

__all__ = ["add", "sentiment_counts", "sentiment_final", "loaded_counts", "loaded_final", "loaded_summary_final",
           "voice_counts", "voice_final", "affiliation_counts", "affiliation_final", "frame_counts", "frame_final",
           "SCALE", "SCORE_SCALE"]

SCALE = 10_000  # compound scores have 4 decimals
SCORE_SCALE = 10 ** 12  # frame scores summed as integers of 1e-12
Counts = dict[Any, dict[str, Any]]


def add(a: Counts, b: Counts) -> Counts:
    """Merge two chunks' counts: integers add, sets unite (a new dict; inputs untouched)."""
    out: Counts = {k: dict(v) for k, v in a.items()}
    for key, vals in b.items():
        mine = out.setdefault(key, {})
        for name, v in vals.items():
            if name in mine:
                mine[name] = mine[name] | v if isinstance(v, (set, frozenset)) else mine[name] + v
            else:
                mine[name] = set(v) if isinstance(v, (set, frozenset)) else v
    return out


def _outlets_in(counts: Counts, outlets: Sequence[str]) -> list[str]:
    return [o for o in outlets if o in counts] + [o for o in counts if o not in set(outlets)]


# -- sentence sentiment ----------------------------------------------------------------------------
def sentiment_counts(tables: Mapping[str, pd.DataFrame]) -> Counts:
    """Per outlet: sentences, integer sums of scaled compound scores and squares, sign counts, articles."""
    s = tables["sentences"]
    out: Counts = {}
    if not len(s):
        return out
    c = np.rint(s["compound"].to_numpy(dtype=float) * SCALE).astype(np.int64)
    frame = pd.DataFrame({"outlet": s["outlet"].to_numpy(), "article_id": s["article_id"].to_numpy(), "c": c,
                          "c2": c * c, "neg": c <= -0.05 * SCALE, "pos": c >= 0.05 * SCALE})
    for outlet, g in frame.groupby("outlet", sort=False):
        out[outlet] = {"n_sentences": len(g), "sum": int(g["c"].sum()), "sumsq": int(g["c2"].sum()),
                       "neg": int(g["neg"].sum()), "pos": int(g["pos"].sum()),
                       "n_articles": int(g["article_id"].nunique())}
    return out


def sentiment_final(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    """``outlet_sentiment`` from merged :func:`sentiment_counts` (normal-approximation interval)."""
    rows = []
    for o in _outlets_in(counts, outlets):
        r = counts[o]
        n = r["n_sentences"]
        mean = r["sum"] / SCALE / n
        var = (r["sumsq"] / SCALE ** 2 - n * mean ** 2) / (n - 1) if n > 1 else 0.0
        se = math.sqrt(max(var, 0.0) / n)
        neg, pos = r["neg"] / n, r["pos"] / n
        rows.append((o, mean, mean - 1.96 * se, mean + 1.96 * se, neg, 1.0 - neg - pos, pos, n, r["n_articles"]))
    return TABLES["outlet_sentiment"].from_rows(rows)


# -- loaded terms ----------------------------------------------------------------------------------
def loaded_counts(tables: Mapping[str, pd.DataFrame]) -> Counts:
    """Per outlet: words and quoted words (from ``quoted_words``), and per voice and category the
    counted hits and the candidates (``hits:<voice>:<category>``, ``cand:<voice>:<category>``)."""
    from .loaded_rates import hit_counts

    out: Counts = {}
    qw = tables["quoted_words"]
    for outlet, g in qw.groupby("outlet", sort=False)[["n_words", "n_quoted_words"]].sum().iterrows():
        out[outlet] = {"n_words": int(g["n_words"]), "n_quoted_words": int(g["n_quoted_words"])}
    for (outlet, voice, cat), (n, cand) in hit_counts(tables["loaded_terms"]).items():
        mine = out.setdefault(outlet, {"n_words": 0, "n_quoted_words": 0})
        mine[f"hits:{voice}:{cat}"] = n
        mine[f"cand:{voice}:{cat}"] = cand
    return out


def _loaded_rates_of(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    from .loaded_rates import rates_from_counts

    order = _outlets_in(counts, outlets)
    words = {o: (counts[o].get("n_words", 0), counts[o].get("n_quoted_words", 0)) for o in order}
    hits = {}
    for o in order:
        for k, v in counts[o].items():
            if k.startswith("hits:"):
                _, voice, cat = k.split(":", 2)
                hits[(o, voice, cat)] = (v, counts[o].get(f"cand:{voice}:{cat}", 0))
    return rates_from_counts(hits, words)


def loaded_final(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    """``loaded_rates`` from merged :func:`loaded_counts` (same rows as the in-memory table)."""
    return _loaded_rates_of(counts, outlets)


def loaded_summary_final(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    """``loaded_summary`` from merged :func:`loaded_counts` (same rows as the in-memory table)."""
    from .loaded_rates import summary_from_rates

    return summary_from_rates(_loaded_rates_of(counts, outlets))


# -- voices ------------------------------------------------------------------------------------------
def voice_counts(tables: Mapping[str, pd.DataFrame]) -> Counts:
    """Per outlet: quotes by kind, anonymous and loaded-verb quotes, and the set of speakers."""
    from .voices import voice_counts as _counts

    return _counts(tables["voices"])


def voice_final(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    """``voice_summary`` from merged :func:`voice_counts`."""
    from .voices import summary_from_counts

    return summary_from_counts(counts, _outlets_in(counts, outlets))


def affiliation_counts(tables: Mapping[str, pd.DataFrame]) -> Counts:
    """Per outlet: quotes per speaker affiliation (``unknown`` when none)."""
    v = tables["voices"]
    out: Counts = {}
    if len(v):
        aff = v["affiliation"].fillna("unknown")
        for (outlet, a), n in v.assign(affiliation=aff).groupby(["outlet", "affiliation"], sort=False).size().items():
            out.setdefault(outlet, {})[a] = int(n)
    return out


def affiliation_final(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    """``affiliation_shares`` from merged :func:`affiliation_counts`."""
    rows = []
    for o in _outlets_in(counts, outlets):
        total = sum(counts[o].values())
        for a, n in sorted(counts[o].items(), key=lambda kv: (-kv[1], kv[0])):
            rows.append((o, a, n, n / total))
    return TABLES["affiliation_shares"].from_rows(rows)


# -- frames --------------------------------------------------------------------------------------------
def frame_counts(tables: Mapping[str, pd.DataFrame]) -> Counts:
    """Per ``(outlet, frame)``: articles, articles where the frame is present, scores summed in units of
    1e-12 (:data:`SCORE_SCALE`)."""
    t = tables["article_frames"]
    out: Counts = {}
    if len(t):
        score = np.rint(t["score"].to_numpy(dtype=float) * SCORE_SCALE).astype(np.int64)
        frame = pd.DataFrame({"outlet": t["outlet"].to_numpy(), "frame": t["frame"].to_numpy(),
                              "present": t["present"].to_numpy(dtype=bool), "score": score})
        for (outlet, f), g in frame.groupby(["outlet", "frame"], sort=False):
            out[(outlet, f)] = {"n": len(g), "k": int(g["present"].sum()), "score": int(g["score"].sum())}
    return out


def frame_final(counts: Counts, outlets: Sequence[str]) -> pd.DataFrame:
    """``frame_shares`` from merged :func:`frame_counts` (outlets sorted, frames in ``FRAMES`` order, as
    :func:`framing.analyzers.frames.frame_shares`; the mean score within 1e-12 of it)."""
    from ..stats import wilson_interval
    from ._frame_cues import FRAMES

    order = {f: i for i, f in enumerate(FRAMES)}
    rows = []
    for (outlet, f), c in sorted(counts.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99), kv[0][1])):
        n, k = c["n"], c["k"]
        lo, hi = wilson_interval(k, n)
        rows.append((outlet, f, n, k, k / n, lo, hi, c["score"] / SCORE_SCALE / n))
    return TABLES["frame_shares"].from_rows(rows)
