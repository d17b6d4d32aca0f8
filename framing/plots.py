"""Charts of the comparison tables (matplotlib).

Every function here *draws* a table that :mod:`framing.compare` computed;
none computes a statistic. They share one signature::

    plot_*(table, *, ax=None, order=None, colors=None, labels=None) -> Axes

``order`` is the outlet order (every chart of a report uses the same one),
``colors`` maps outlet keys to colours (:func:`outlet_colors`, the
colour-blind-safe Okabe-Ito palette followed by Paul Tol's "muted" one), and
``labels`` maps outlet keys to display names (wrapped so that 15+ outlets
stay readable). A table without the needed columns or rows gives an axes
that says "no data" instead of raising.

Examples
--------
>>> import pandas as pd
>>> from framing.plots import outlet_colors, plot_loaded_rates
>>> rates = pd.DataFrame({"outlet": ["cbc", "rt"], "category": ["emotive", "emotive"],
...                       "rate_per_1000": [2.0, 5.5]})
>>> ax = plot_loaded_rates(rates, order=["cbc", "rt"])
>>> outlet_colors(["cbc", "rt"])["cbc"]
'#E69F00'
"""
from __future__ import annotations

import textwrap
from typing import Any, Iterable, Mapping, Sequence

import matplotlib  # no matplotlib.use(): charts draw on pyplot-free Figures, the user's backend stays

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = [
    "OKABE_ITO",
    "outlet_colors",
    "category_colors",
    "affiliation_colors",
    "wrap_label",
    "plot_words",
    "plot_sentence_sentiment",
    "plot_actor_heatmap",
    "plot_loaded_rates",
    "plot_affiliation_shares",
    "plot_voice_summary",
    "plot_distinctive",
]

#: Okabe & Ito (2008) colour-blind-safe palette, black left out (used for text).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
#: Paul Tol's "muted" palette (colour-blind safe), used after Okabe-Ito for outlets 8-16.
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
#: Paul Tol's "light" palette, for categories and affiliations (kept apart from outlet colours).
TOL_LIGHT = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD")
NO_DATA_COLOR = "#BBBBBB"


def outlet_colors(order: Sequence[str]) -> dict[str, str]:
    """One fixed colour per outlet, by position in ``order``.

    The first 7 outlets get the Okabe-Ito colours, the next 9 Paul Tol's
    "muted" colours; beyond 16 the palette repeats (labels then carry the
    distinction).

    Examples
    --------
    >>> outlet_colors(["a", "b"])
    {'a': '#E69F00', 'b': '#56B4E9'}
    """
    pal = OKABE_ITO + TOL_MUTED
    return {k: pal[i % len(pal)] for i, k in enumerate(dict.fromkeys(order))}


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """A light colour per category (loaded-language categories, speaker affiliations).

    Colours follow the sorted category names, so the same category keeps its
    colour across charts and reports.

    Examples
    --------
    >>> category_colors(["hedge", "emotive"])
    {'emotive': '#77AADD', 'hedge': '#EE8866'}
    """
    cats = sorted({str(c) for c in categories})
    return {c: TOL_LIGHT[i % len(TOL_LIGHT)] for i, c in enumerate(cats)}


UNKNOWN_COLOR = "#C8C8C8"
OTHER_COLOR = "#E8E8E8"


def affiliation_colors(affiliations: Sequence[str]) -> dict[str, str]:
    """Distinct light colours for speaker affiliations, most frequent first.

    ``affiliations`` should be ordered by importance (e.g. number of quotes);
    the first eight get distinct colours, ``unknown`` is always grey and any
    further affiliation shares the light grey used for "other".

    Examples
    --------
    >>> affiliation_colors(["NATO", "unknown", "US government"])
    {'NATO': '#77AADD', 'unknown': '#C8C8C8', 'US government': '#EE8866'}
    """
    out: dict[str, str] = {}
    i = 0
    for a in dict.fromkeys(str(x) for x in affiliations):
        if a.lower() in ("unknown", "none", "nan", ""):
            out[a] = UNKNOWN_COLOR
        elif i < len(TOL_LIGHT) - 1:
            out[a] = TOL_LIGHT[i]
            i += 1
        else:
            out[a] = OTHER_COLOR
    return out


def wrap_label(text: object, width: int = 18, max_lines: int = 2) -> str:
    """Wrap a label on word boundaries, at most ``max_lines`` lines (ellipsis after).

    Examples
    --------
    >>> wrap_label("Press TV (Islamic Republic of Iran Broadcasting)", 16)
    'Press TV\\n(Islamic…'
    """
    lines = textwrap.wrap(str(text), width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(lines)


# -- helpers ----------------------------------------------------------------------------------------
def _ax(ax: Axes | None, size: tuple[float, float] = (7.0, 3.5)) -> Axes:
    if ax is not None:
        return ax
    fig = Figure(figsize=size)
    return fig.add_subplot(1, 1, 1)


def _has(table: object, *cols: str) -> bool:
    return isinstance(table, pd.DataFrame) and len(table) > 0 and all(c in table.columns for c in cols)


def _order(table: pd.DataFrame, order: Sequence[str] | None) -> list[str]:
    if order is not None:
        return list(dict.fromkeys(order))
    if isinstance(table, pd.DataFrame) and "outlet" in table.columns:
        return [str(o) for o in dict.fromkeys(table["outlet"])]
    return []


def _labels(order: Sequence[str], labels: Mapping[str, str] | None, width: int = 18) -> list[str]:
    labels = labels or {}
    return [wrap_label(labels.get(k, k), width) for k in order]


def _no_data(ax: Axes, message: str = "no data") -> Axes:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555", fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    return ax


def _clean(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def _fontsize(n: int) -> float:
    return 9.0 if n <= 8 else 8.0 if n <= 12 else 7.0


# -- charts -----------------------------------------------------------------------------------------

def _finish_grouped_bars(ax: Any, xlabel: str, n: int) -> Any:
    """Shared finish of horizontal grouped-bar charts: x label, grid, outlet legend at the right."""
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(fontsize=7 if n <= 8 else 6, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
              ncol=1 if n <= 10 else 2)
    _clean(ax)
    return ax

def plot_words(outlets: pd.DataFrame, *, ax: Axes | None = None, order: Sequence[str] | None = None,
               colors: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None,
               value: str = "n_words") -> Axes:
    """Horizontal bars of text volume per outlet (``outlet, n_words`` by default).

    Parameters
    ----------
    outlets : pandas.DataFrame
        One row per outlet with ``outlet`` and ``value`` columns (``Comparison.outlets``).
    """
    ax = _ax(ax, (6.5, 2.5))
    if not _has(outlets, "outlet", value):
        return _no_data(ax)
    order = _order(outlets, order)
    colors = colors or outlet_colors(order)
    vals = outlets.drop_duplicates("outlet").set_index("outlet")[value].reindex(order)
    y = np.arange(len(order))
    v = vals.fillna(0).to_numpy(dtype=float)
    ax.barh(y, v, color=[colors.get(k, NO_DATA_COLOR) for k in order], edgecolor="#333333", linewidth=0.4)
    for yi, vi, raw in zip(y, v, vals):
        ax.text(vi, yi, f" {int(vi):,}" if pd.notna(raw) else " n/a", va="center", fontsize=_fontsize(len(order)))
    ax.set_yticks(y, _labels(order, labels), fontsize=_fontsize(len(order)))
    ax.invert_yaxis()
    ax.set_xlim(0, max(1.0, float(v.max()) * 1.18))
    ax.set_xlabel("words" if value == "n_words" else value)
    _clean(ax)
    return ax


def plot_sentence_sentiment(sentences: pd.DataFrame, *, summary: pd.DataFrame | None = None,
                            ax: Axes | None = None, order: Sequence[str] | None = None,
                            colors: Mapping[str, str] | None = None,
                            labels: Mapping[str, str] | None = None) -> Axes:
    """Every sentence's compound score per outlet (dots), with the outlet mean and its interval.

    Parameters
    ----------
    sentences : pandas.DataFrame
        ``outlet, compound`` per sentence (``Comparison.sentences``).
    summary : pandas.DataFrame, optional
        ``outlet, mean, ci_low, ci_high`` (``Comparison.outlet_sentiment``), drawn as a
        black diamond with a bar; its ``n_sentences`` is written on the right.
    """
    ax = _ax(ax, (7.0, 3.5))
    if not _has(sentences, "outlet", "compound"):
        return _no_data(ax, "no sentence scores")
    order = _order(sentences, order)
    colors = colors or outlet_colors(order)
    n = len(order)
    rng = np.random.default_rng(12345)  # jitter only: fixed so the chart is reproducible
    groups = {k: g for k, g in sentences.groupby("outlet", sort=False)}
    for i, key in enumerate(order):
        g = groups.get(key)
        if g is None or len(g) == 0:
            ax.text(0, i, "no sentences", ha="center", va="center", fontsize=8, color="#555555")
            continue
        x = g["compound"].to_numpy(dtype=float)
        jit = rng.uniform(-0.28, 0.28, size=len(x))
        ax.scatter(x, i + jit, s=9, color=colors.get(key, NO_DATA_COLOR), alpha=0.55, linewidths=0,
                   rasterized=False, zorder=2)
    if _has(summary, "outlet", "mean"):
        s = summary.drop_duplicates("outlet").set_index("outlet")
        for i, key in enumerate(order):
            if key not in s.index:
                continue
            row = s.loc[key]
            if "ci_low" in s.columns and "ci_high" in s.columns and pd.notna(row["ci_low"]):
                ax.plot([row["ci_low"], row["ci_high"]], [i, i], color="black", linewidth=2.2, zorder=3,
                        solid_capstyle="butt")
            ax.plot([row["mean"]], [i], marker="D", color="black", markersize=5, zorder=4)
            if "n_sentences" in s.columns and pd.notna(row["n_sentences"]):
                ax.text(1.04, i, f"n={int(row['n_sentences'])}", va="center", fontsize=_fontsize(n) - 1,
                        color="#333333", clip_on=False)
    ax.axvline(0, color="#777777", linewidth=0.8, zorder=1)
    ax.set_xlim(-1.02, 1.02)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(np.arange(n), _labels(order, labels), fontsize=_fontsize(n))
    ax.set_xlabel("sentence sentiment (VADER compound): -1 negative … +1 positive")
    _clean(ax)
    return ax


def plot_actor_heatmap(actor_sentiment: pd.DataFrame, *, ax: Axes | None = None,
                       order: Sequence[str] | None = None, colors: Mapping[str, str] | None = None,
                       labels: Mapping[str, str] | None = None, actors: Sequence[str] | None = None,
                       max_actors: int = 8, value: str = "mean_score") -> Axes:
    """Outlet x actor grid of actor-directed sentiment; each cell shows the score and n.

    Parameters
    ----------
    actor_sentiment : pandas.DataFrame
        ``outlet, actor, n, mean_score`` (``Comparison.actor_sentiment``).
    actors : sequence of str, optional
        Actors (columns) to show; default: the ``max_actors`` with most mentions.
    """
    ax = _ax(ax, (7.0, 3.5))
    if not _has(actor_sentiment, "outlet", "actor", value):
        return _no_data(ax, "no actor mentions")
    order = _order(actor_sentiment, order)
    t = actor_sentiment
    if actors is None:
        if "n" in t.columns:
            tot = t.groupby("actor", sort=False)["n"].sum()  # selection of columns to show, not a statistic shown
            actors = sorted(tot.index, key=lambda a: (-tot[a], str(a)))[:max_actors]
        else:
            actors = list(dict.fromkeys(t["actor"]))[:max_actors]
    actors = list(actors)
    if not actors or not order:
        return _no_data(ax, "no actor mentions")
    idx = t.drop_duplicates(["outlet", "actor"]).set_index(["outlet", "actor"])
    grid = np.full((len(order), len(actors)), np.nan)
    counts = np.zeros((len(order), len(actors)), dtype=int)
    for i, o in enumerate(order):
        for j, a in enumerate(actors):
            if (o, a) in idx.index:
                grid[i, j] = float(idx.loc[(o, a), value])
                if "n" in idx.columns:
                    counts[i, j] = int(idx.loc[(o, a), "n"])
    finite = grid[np.isfinite(grid)]
    lim = max(0.2, float(np.ceil(np.abs(finite).max() * 10) / 10)) if finite.size else 1.0
    lim = min(lim, 1.0)
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="#EEEEEE")
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-lim, vmax=lim, aspect="auto")
    fs = 8 if len(actors) <= 6 and len(order) <= 8 else 7 if len(actors) <= 9 else 6
    for i in range(len(order)):
        for j in range(len(actors)):
            if np.isfinite(grid[i, j]):
                v = grid[i, j]
                txt = f"{v:+.2f}\nn={counts[i, j]}" if "n" in idx.columns else f"{v:+.2f}"
                ax.text(j, i, txt, ha="center", va="center", fontsize=fs,
                        color="white" if abs(v) > 0.6 * lim else "black")
            else:
                ax.text(j, i, "–", ha="center", va="center", fontsize=fs, color="#777777")
    ax.set_xticks(np.arange(len(actors)), [wrap_label(a, 22, 1) for a in actors], fontsize=fs + 0.5,
                  rotation=30, ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(len(order)), _labels(order, labels), fontsize=_fontsize(len(order)))
    ax.tick_params(length=0)
    cb = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("mean score: negative … positive", fontsize=8)
    cb.ax.tick_params(labelsize=7)
    return ax


def plot_loaded_rates(loaded_rates: pd.DataFrame, *, ax: Axes | None = None, order: Sequence[str] | None = None,
                      colors: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None,
                      categories: Sequence[str] | None = None, value: str = "rate_per_1000",
                      voice: str | None = "own", kind: str | None = "loaded",
                      xlabel: str | None = None) -> Axes:
    """Loaded terms per 1,000 words by category: one group per category, one bar per outlet, with the
    95 % interval as a whisker when the table has ``ci_low``/``ci_high``.

    Parameters
    ----------
    loaded_rates : pandas.DataFrame
        ``outlet, category, rate_per_1000`` (``Comparison.loaded_rates``), optionally with
        ``voice``, ``kind``, ``ci_low``, ``ci_high``.
    voice, kind : str or None
        Rows drawn when the table has these columns: default the outlet's own words
        (``voice="own"``) and loaded categories (``kind="loaded"``); ``kind="epistemic"`` draws the
        hedges, factives and assertives; None draws every row.
    categories : sequence of str, optional
        Categories in order; default those with a hit (``n_hits``, else the value) for some outlet.
    """
    ax = _ax(ax, (7.0, 4.0))
    t = loaded_rates
    if isinstance(t, pd.DataFrame):
        for col, want in (("voice", voice), ("kind", kind)):
            if want is not None and col in t.columns:
                t = t[t[col] == want]
    if not _has(t, "outlet", "category", value):
        return _no_data(ax, "no loaded terms")
    order = _order(t, order)
    colors = colors or outlet_colors(order)
    t = t.drop_duplicates(["outlet", "category"])
    if categories is None:
        hit = t["n_hits"] if "n_hits" in t.columns else t[value].fillna(0)
        categories = sorted({str(c) for c, h in zip(t["category"], hit) if h > 0}) or sorted({str(c) for c in t["category"]})
    categories = list(categories)
    piv = t.pivot(index="category", columns="outlet", values=value).reindex(index=categories, columns=order)
    ci = {c: t.pivot(index="category", columns="outlet", values=c).reindex(index=categories, columns=order)
          for c in ("ci_low", "ci_high") if c in t.columns}
    n = len(order)
    h = 0.84 / max(1, n)
    y0 = np.arange(len(categories))
    for i, key in enumerate(order):
        vals = piv[key].fillna(0).to_numpy(dtype=float)
        y = y0 - 0.42 + h * (i + 0.5)
        ax.barh(y, vals, height=h, color=colors.get(key, NO_DATA_COLOR),
                edgecolor="#333333", linewidth=0.3, label=(labels or {}).get(key, key))
        if len(ci) == 2:
            lo, hi = ci["ci_low"][key].to_numpy(dtype=float), ci["ci_high"][key].to_numpy(dtype=float)
            ok = ~(np.isnan(lo) | np.isnan(hi))
            ax.hlines(y[ok], lo[ok], hi[ok], color="#333333", linewidth=0.6)
    ax.set_yticks(y0, [c.replace("_", " ") for c in categories], fontsize=8)
    ax.set_ylim(len(categories) - 0.5, -0.5)
    if xlabel is None:
        what = "epistemic markers" if kind == "epistemic" else ("flagged loaded terms" if kind == "loaded" else "terms")
        xlabel = f"{what} per 1,000 {'quoted ' if voice == 'quoted' else 'own ' if voice == 'own' else ''}words" + \
            (" (bars: 95 % interval)" if len(ci) == 2 else "")
    return _finish_grouped_bars(ax, xlabel, n)


def plot_affiliation_shares(affiliation_shares: pd.DataFrame, *, ax: Axes | None = None,
                            order: Sequence[str] | None = None, colors: Mapping[str, str] | None = None,
                            labels: Mapping[str, str] | None = None, affiliations: Sequence[str] | None = None,
                            max_affiliations: int = 8) -> Axes:
    """100 % stacked bars: share of quotes by speaker affiliation, one bar per outlet.

    Parameters
    ----------
    affiliation_shares : pandas.DataFrame
        ``outlet, affiliation, share`` (and ``n``) (``Comparison.affiliation_shares``).
    colors : mapping, optional
        Colours per *affiliation* (default :func:`category_colors`).
    affiliations : sequence of str, optional
        Segments to show (default: the most frequent, the rest drawn as "other").
    """
    ax = _ax(ax, (7.0, 3.5))
    if not _has(affiliation_shares, "outlet", "affiliation", "share"):
        return _no_data(ax, "no quotes found")
    order = _order(affiliation_shares, order)
    t = affiliation_shares.copy()
    t["affiliation"] = t["affiliation"].fillna("unknown").astype(str)
    if affiliations is None:
        key = "n" if "n" in t.columns else "share"
        tot = t.groupby("affiliation", sort=False)[key].sum()
        affiliations = sorted(tot.index, key=lambda a: (-tot[a], a))
    affiliations = list(affiliations)
    if len(affiliations) > max_affiliations:
        keep = affiliations[: max_affiliations - 1]
        t.loc[~t["affiliation"].isin(keep), "affiliation"] = "other"
        affiliations = keep + ["other"]
    t = t.groupby(["outlet", "affiliation"], sort=False)["share"].sum().reset_index()
    colors = dict(colors or affiliation_colors(affiliations))
    colors.setdefault("other", OTHER_COLOR)
    used = [colors.get(a) for a in affiliations if a != "other"]
    if len(set(used)) < len(used):  # colours given for another set of affiliations collide here
        colors = affiliation_colors(affiliations)
        colors["other"] = OTHER_COLOR
    piv = t.pivot(index="outlet", columns="affiliation", values="share").reindex(index=order, columns=affiliations)
    piv = piv.fillna(0.0)
    y = np.arange(len(order))
    left = np.zeros(len(order))
    fs = _fontsize(len(order))
    for a in affiliations:
        vals = piv[a].to_numpy(dtype=float) * 100
        ax.barh(y, vals, left=left, color=colors.get(a, "#CCCCCC"), edgecolor="white", linewidth=0.6,
                label=wrap_label(a, 22))
        for yi, l, v in zip(y, left, vals):
            if v >= 9:
                ax.text(l + v / 2, yi, f"{v:.0f}%", ha="center", va="center", fontsize=fs - 1)
        left = left + vals
    empty = [i for i, k in enumerate(order) if piv.loc[k].sum() == 0]
    for i in empty:
        ax.text(50, i, "no quotes found", ha="center", va="center", fontsize=fs - 1, color="#555555")
    ax.set_yticks(y, _labels(order, labels), fontsize=fs)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of quotes, by the speaker's affiliation")
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="speaker affiliation",
              title_fontsize=7)
    _clean(ax)
    return ax


_VOICE_MEASURES = {
    "share_direct": "direct quotes",
    "share_indirect": "indirect (reported) speech",
    "share_anonymous": "anonymous sources",
    "share_loaded_verbs": "loaded reporting verbs",
}


def plot_voice_summary(voice_summary: pd.DataFrame, *, ax: Axes | None = None, order: Sequence[str] | None = None,
                       colors: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None,
                       measures: Sequence[str] = ("share_direct", "share_anonymous", "share_loaded_verbs")) -> Axes:
    """Grouped bars of per-outlet quote shares (direct, anonymous, loaded verbs...), one bar per outlet.

    Parameters
    ----------
    voice_summary : pandas.DataFrame
        ``outlet`` and ``share_*`` columns (``Comparison.voice_summary``).
    """
    ax = _ax(ax, (7.0, 3.0))
    measures = [m for m in measures if isinstance(voice_summary, pd.DataFrame) and m in voice_summary.columns]
    if not measures or not _has(voice_summary, "outlet"):
        return _no_data(ax, "no quotes found")
    order = _order(voice_summary, order)
    colors = colors or outlet_colors(order)
    t = voice_summary.drop_duplicates("outlet").set_index("outlet").reindex(order)
    n = len(order)
    h = 0.84 / max(1, n)
    y0 = np.arange(len(measures))
    for i, key in enumerate(order):
        vals = t[measures].loc[key].fillna(0).to_numpy(dtype=float) * 100
        ax.barh(y0 - 0.42 + h * (i + 0.5), vals, height=h, color=colors.get(key, NO_DATA_COLOR),
                edgecolor="#333333", linewidth=0.3, label=(labels or {}).get(key, key))
    ax.set_yticks(y0, [_VOICE_MEASURES.get(m, m) for m in measures], fontsize=8)
    ax.set_ylim(len(measures) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    return _finish_grouped_bars(ax, "% of the outlet's quotes", n)


def plot_distinctive(distinctive: pd.DataFrame, *, outlet: str, ax: Axes | None = None,
                     color: str | None = None, label: str | None = None, n: int = 10) -> Axes:
    """Top ``n`` distinctive words of one outlet as horizontal bars of their z-score.

    Parameters
    ----------
    distinctive : pandas.DataFrame
        ``outlet, term, z`` (and ``count``) (``Comparison.distinctive``); rows with
        the largest ``z`` are drawn (the table's own ranking when it has ``rank``).
    """
    ax = _ax(ax, (3.0, 2.5))
    if not _has(distinctive, "outlet", "term", "z"):
        ax.set_title(label or outlet, fontsize=9)
        return _no_data(ax)
    t = distinctive[distinctive["outlet"] == outlet]
    t = t[t["z"] > 0]
    t = t.sort_values(["rank"] if "rank" in t.columns else ["z"], ascending="rank" in t.columns,
                      kind="mergesort").head(n)
    ax.set_title(wrap_label(label or outlet, 34), fontsize=9)
    if t.empty:
        return _no_data(ax)
    y = np.arange(len(t))
    ax.barh(y, t["z"].to_numpy(dtype=float), color=color or OKABE_ITO[0], edgecolor="#333333", linewidth=0.3)
    terms = [wrap_label(x, 16, 1) for x in t["term"]]
    if "count" in t.columns:
        terms = [f"{w} ({int(c)})" for w, c in zip(terms, t["count"])]
    ax.set_yticks(y, terms, fontsize=7)
    ax.set_ylim(max(len(t), n) - 0.5, -0.5)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel("z (log-odds)", fontsize=7)
    _clean(ax)
    return ax
