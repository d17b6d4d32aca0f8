"""Report section for loaded language: flagged terms in the outlet's own words, quoted words apart,
epistemic markers apart, every rate with its count, its words and a 95 % interval.

The rows, texts and charts for both reports, and the HTML fragment; the PDF lays them out in
:func:`framing.report.pdf.loaded_section`.

Reads only the Comparison's tables ``loaded_rates`` and ``loaded_summary``
(:mod:`framing.analyzers.loaded_rates`) and ``top_loaded_terms``; a comparison made before
``loaded_summary`` existed gets the old chart and no table.
"""
from __future__ import annotations

import html
import math
from typing import Any

from . import _common as C

__all__ = ["rate_text", "summary_rows", "top_rows", "key_figure", "chart_height", "plot_own", "charts", "html_section",
           "HOW", "EPISTEMIC_NOTE"]

#: What the epistemic-marker chart shows.
EPISTEMIC_NOTE = ("Hedges, factives and assertives per 1,000 of each outlet's own words (not loaded language: how "
                  "sure the writer makes a claim sound).")

#: What the section shows (shown above its charts).
HOW = ("Words the loaded-language model flags as loaded (emotive words, ideological labels, dysphemisms, loaded "
       "reporting verbs, evaluative adverbs, uncommon words...), per 1,000 of each outlet's <b>own words</b>: "
       "words inside double quotation marks are someone else's and are counted apart, per 1,000 quoted words. "
       "Lexicon hits the model does not flag in their context are left out (they are shown as candidates). "
       "Hedges, factives and assertives (could, reportedly, know, insist) say how sure a claim is, not how "
       "loaded it is: they are counted apart as <b>epistemic markers</b>. Every rate has its count, its words "
       "and an exact Poisson 95 % interval; hits in one article are not independent, so read a wide interval "
       "as 'too few words to tell'.")




def _num(v: Any) -> float:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return math.nan
    return f


def rate_text(n: Any, n_words: Any, rate: Any, lo: Any, hi: Any, what: str = "") -> str:
    """``"22.2 per 1,000 (6 in 270 words; 95 % CI 8.2–48.4)"``; ``"no words"`` without words.

    Examples
    --------
    >>> rate_text(6, 270, 22.22, 8.15, 48.4)
    '22.2 per 1,000 (6 in 270 words; 95 % CI 8.2–48.4)'
    >>> rate_text(0, 0, float("nan"), float("nan"), float("nan"), "quoted ")
    'no quoted words'
    """
    w = int(_num(n_words)) if not math.isnan(_num(n_words)) else 0
    if w <= 0:
        return f"no {what}words"
    k = int(_num(n)) if not math.isnan(_num(n)) else 0
    return (f"{_num(rate):.1f} per 1,000 ({k:,} in {w:,} {what}words; "
            f"95 % CI {_num(lo):.1f}–{_num(hi):.1f})")


def _summary(comp: Any) -> dict[tuple[str, str], Any]:
    s = C.optional_table(comp, "loaded_summary")
    if s is None:
        return {}
    return {(str(r.outlet), str(r.voice)): r for r in s.itertuples(index=False)}


def key_figure(comp: Any, outlet: str) -> str:
    """The outlet's flagged loaded terms per 1,000 of its own words, with count and interval ('–' when
    the comparison has no ``loaded_summary``)."""
    r = _summary(comp).get((outlet, "own"))
    if r is None:
        return "–"
    return rate_text(r.n_loaded, r.n_words, r.loaded_per_1000, r.loaded_ci_low, r.loaded_ci_high)


def summary_rows(comp: Any, pal: C.Palette) -> list[list[str]]:
    """Header plus one row per outlet: flagged loaded terms in its own words and in quoted words,
    epistemic markers in its own words, and the lexicon hits the model did not flag."""
    rows = [["Outlet", "Loaded, own words", "Loaded, quoted words", "Epistemic markers, own words",
             "Candidates not flagged"]]
    by = _summary(comp)
    if not by:
        return rows
    for k in pal.order:
        own, quo = by.get((k, "own")), by.get((k, "quoted"))
        if own is None:
            rows.append([pal.names[k], "–", "–", "–", "–"])
            continue
        cand = sum(int(r.n_candidates) - int(r.n_loaded) for r in (own, quo) if r is not None)
        rows.append([pal.names[k],
                     rate_text(own.n_loaded, own.n_words, own.loaded_per_1000, own.loaded_ci_low, own.loaded_ci_high),
                     rate_text(quo.n_loaded, quo.n_words, quo.loaded_per_1000, quo.loaded_ci_low, quo.loaded_ci_high,
                               "quoted ") if quo is not None else "–",
                     rate_text(own.n_epistemic, own.n_words, own.epistemic_per_1000, own.epistemic_ci_low,
                               own.epistemic_ci_high),
                     f"{cand:,}"])
    return rows


def top_rows(comp: Any, pal: C.Palette) -> list[list[str]]:
    rows = [["Outlet", "Flagged terms in its own words (category) × count"]]
    for k in pal.order:
        terms = comp.top_terms(k)
        rows.append([pal.names[k], ", ".join(f"{t} ({c.replace('_', ' ')}) ×{m}" for t, c, m in terms)
                     or "no loaded terms found"])
    return rows


def chart_height(comp: Any, pal: C.Palette, kind: str) -> float:
    lr = C.optional_table(comp, "loaded_rates")
    n_cats = 1
    if lr is not None and {"kind", "voice", "n_hits"} <= set(lr.columns):
        sel = lr[(lr["kind"] == kind) & (lr["voice"] == "own") & (lr["n_hits"] > 0)]
        n_cats = max(1, sel["category"].nunique())
    return max(1.8, min(8.5, 1.0 + 0.075 * n_cats * max(1, len(pal.order)) + 0.12 * n_cats))


def plot_own(table: Any, ax: Any = None, **kw: Any) -> Any:
    from .. import plots

    return plots.plot_loaded_rates(table, ax=ax, voice="own", **kw)


def charts(comp: Any, pal: C.Palette, width: float = 8.0) -> dict[str, str]:
    """The two charts of the section as PNG data URIs (``loaded``, ``epistemic``) for the HTML report."""
    import base64

    import matplotlib

    out = {}
    for kind in ("loaded", "epistemic"):
        fig, axes = C.figure(width, chart_height(comp, pal, kind))
        with matplotlib.rc_context(C.RC):
            plot_own(comp.loaded_rates, ax=axes[0][0], order=pal.order, colors=pal.colors, labels=pal.names,
                         kind=kind)
        out[kind] = "data:image/png;base64," + base64.b64encode(C.fig_png(fig)).decode("ascii")
    return out


def html_section(comp: Any, pal: C.Palette) -> str:
    """An escaped HTML fragment with the same content as the PDF section (charts inline)."""
    ch = charts(comp, pal)
    out = ['<h2 id="loaded">2 · Loaded language</h2>', f'<p class="note">{HOW}</p>',
           f'<img class="chart" alt="flagged loaded terms per 1,000 own words" src="{ch["loaded"]}">']
    rows = summary_rows(comp, pal)
    if len(rows) > 1:
        out.append(_html_table(rows, pal, "loaded-rates"))
    out += ['<h3>Epistemic markers</h3>',
            f'<p class="note">{html.escape(EPISTEMIC_NOTE)}</p>',
            f'<img class="chart" alt="epistemic markers per 1,000 own words" src="{ch["epistemic"]}">',
            '<h3>Most frequent flagged terms</h3>', _html_table(top_rows(comp, pal), pal, "loaded-terms")]
    return "".join(out)


def _html_table(rows: list[list[str]], pal: C.Palette, cls: str) -> str:
    head = "<th></th>" + "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
    body = []
    for k, r in zip(pal.order, rows[1:]):
        cells = "".join(f"<td>{html.escape(str(c))}</td>" for c in r)
        body.append(f'<tr><td class="sw" style="background:{html.escape(pal.colors[k])}"></td>{cells}</tr>')
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
