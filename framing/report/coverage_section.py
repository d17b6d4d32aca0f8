"""Report section "What each outlet tells and leaves out" and the table "Same actor, different names",
plus the worksheet task "Which facts are missing from source C?".

Reads only ``comp.coverage``, ``comp.coverage_matrix`` (when the Comparison has no such table, the
reshaping :func:`framing.coverage_matrix` of ``comp.coverage``) and ``comp.naming_summary`` (and the
palette of outlet names and colours). The lead wires :func:`pdf_section`, :func:`html_section` and
:func:`worksheet_task` into the report and the worksheet.
"""
from __future__ import annotations

import zlib
from html import escape
from typing import Any, Mapping

import matplotlib
import pandas as pd

from . import _common as C
from ._pdfkit import FRAME_W, P, png_image, table

__all__ = ["pdf_section", "html_section", "worksheet_task", "shown_claims", "coverage_sentences", "naming_rows"]

#: At most this many shared claims and exclusive claims per outlet are drawn and listed.
MAX_SHARED = 12
MAX_EXCLUSIVE = 3
#: At most this many actors in the naming table.
MAX_ACTORS = 6

_ABOUT = ("Sentences of different outlets are grouped into claims (the same fact or statement) by shared words, "
          "names, numbers and dates; the grouping is approximate: on a hand-annotated gold for the five S-400 "
          "articles about a quarter of the sentence pairs that state the same fact are found (pairwise F1 0.28, "
          "cross-validated); about half of the claims shown as shared by two outlets are right, and about half of "
          "the sentences shown as one outlet's alone are told by another outlet in other words. Read the "
          "exclusives and omissions below as leads to check in the texts, not as proof.")


def _table(comp: Any, name: str) -> pd.DataFrame:
    t = comp.frames.get(name) if hasattr(comp, "frames") else getattr(comp, name, None)
    if not isinstance(t, pd.DataFrame) and name == "coverage_matrix":
        # the matrix has one column per outlet, so it is not a declared table: reshape comp.coverage
        from ..analyzers.coverage import coverage_matrix

        cov = _table(comp, "coverage")
        return coverage_matrix(cov) if len(cov) else pd.DataFrame()
    return t if isinstance(t, pd.DataFrame) else pd.DataFrame()


def _outlets(m: pd.DataFrame) -> list[str]:
    return [c for c in m.columns if c not in ("claim", "story", "n_outlets", "only")]


def shown_claims(matrix: pd.DataFrame) -> pd.DataFrame:
    """The matrix rows the figure shows: up to :data:`MAX_SHARED` shared claims, then up to
    :data:`MAX_EXCLUSIVE` exclusives per outlet (matrix order kept)."""
    if not len(matrix):
        return matrix
    shared = matrix[matrix["n_outlets"] >= 2].head(MAX_SHARED)
    ex = matrix[matrix["n_outlets"] == 1]
    parts = [shared] + [ex[ex["only"] == o].head(MAX_EXCLUSIVE) for o in _outlets(matrix)]
    return pd.concat(parts)


def _names(keys: list[str], pal: C.Palette) -> str:
    names = [pal.names.get(k, k) for k in keys]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def coverage_sentences(comp: Any, pal: C.Palette) -> dict[str, list[str]]:
    """Plain sentences for the section: ``core`` (shared claims), ``exclusive`` and ``omitted`` (per outlet)."""
    m = _table(comp, "coverage_matrix")
    out: dict[str, list[str]] = {"core": [], "exclusive": [], "omitted": []}
    if not len(m):
        return out
    outlets = [o for o in pal.order if o in m.columns] or _outlets(m)
    for _cid, r in m[m["n_outlets"] >= 2].head(MAX_SHARED).iterrows():
        carried = [o for o in outlets if bool(r[o])]
        out["core"].append(f"{_names(carried, pal)}: “{r['claim']}”")
    for o in outlets:
        ex = m[(m["n_outlets"] == 1) & (m["only"] == o)]
        if len(ex):
            eg = "; ".join(f"“{c}”" for c in ex["claim"].head(2))
            out["exclusive"].append(f"Only {pal.names.get(o, o)} ({len(ex)} claim{'s' * (len(ex) != 1)}), "
                                    f"e.g. {eg}")
        others = [x for x in outlets if x != o]
        need = max(2, (len(others) + 1) // 2)
        miss = m[~m[o].astype(bool) & (m[others].astype(bool).sum(axis=1) >= need)] if others else m.iloc[0:0]
        if len(miss):
            eg = "; ".join(f"“{c}”" for c in miss["claim"].head(2))
            out["omitted"].append(f"{pal.names.get(o, o)} leaves out {len(miss)} claim{'s' * (len(miss) != 1)} "
                                  f"that at least {need} other outlets carry, e.g. {eg}")
    return out


def naming_rows(comp: Any, pal: C.Palette, per_cell: int = 4) -> tuple[list[str], list[list[str]]]:
    """Header (outlet names) and rows (actor, then each outlet's forms ``name ×count``, loaded ones with *)
    for the actors named by the most outlets."""
    s = _table(comp, "naming_summary")
    outlets = [o for o in pal.order if len(s) and o in set(s["outlet"])]
    if not len(s) or not outlets:
        return [], []
    reach = s.groupby("actor")["outlet"].nunique()
    forms = s.groupby("actor")["name"].nunique()
    actors = sorted(reach.index, key=lambda a: (-reach[a], -forms[a], str(a)))[:MAX_ACTORS]
    rows = []
    for a in actors:
        row = [str(a)]
        for o in outlets:
            g = s[(s["actor"] == a) & (s["outlet"] == o)]
            row.append(", ".join(f"{n}{'*' if ld else ''} ×{c}" for n, c, ld in
                                 zip(g["name"].head(per_cell), g["count"].head(per_cell), g["loaded"].head(per_cell)))
                       or "–")
        rows.append(row)
    return [pal.names.get(o, o) for o in outlets], rows


def _figure_png(comp: Any, pal: C.Palette, width: float) -> bytes | None:
    from ..plots_coverage import plot_coverage_matrix

    shown = shown_claims(_table(comp, "coverage_matrix"))
    if not len(shown):
        return None
    fig, axes = C.figure(width, max(2.0, min(9.0, 0.9 + 0.2 * len(shown))))
    with matplotlib.rc_context(C.RC):
        plot_coverage_matrix(shown, ax=axes[0][0], order=[o for o in pal.order if o in shown.columns],
                             colors=pal.colors, labels=pal.names)
    return C.fig_png(fig)


def pdf_section(comp: Any, pal: C.Palette) -> list[Any]:
    """Reportlab flowables of the section."""
    from reportlab.lib.units import cm

    el: list[Any] = [P("What each outlet tells and leaves out", "h1"), P(_ABOUT, "note")]
    png = _figure_png(comp, pal, 7.2)
    if png is None:
        el.append(P("No claims were found.", "note"))
    else:
        el.append(png_image(png))
        sent = coverage_sentences(comp, pal)
        for title, key in (("The shared core", "core"), ("Each outlet's exclusives", "exclusive"),
                           ("Notable omissions", "omitted")):
            if sent[key]:
                el.append(P(title, "h2"))
                el.extend(P("• " + s, "small") for s in sent[key])
    header, rows = naming_rows(comp, pal)
    el.append(P("Same actor, different names", "h2"))
    if rows:
        el.append(P("How each outlet names the actors most outlets mention (form ×times; * = contains a loaded "
                    "term).", "note"))
        first = 3.0 * cm
        w = (FRAME_W - first) / max(1, len(header))
        el.append(table([["Actor", *header], *rows], [first] + [w] * len(header)))
    else:
        el.append(P("No actor is named in the texts.", "note"))
    return el


def html_section(comp: Any, pal: C.Palette) -> str:
    """An escaped HTML fragment of the section."""
    import base64

    parts = ['<section id="coverage"><h2>What each outlet tells and leaves out</h2>',
             f'<p class="note">{escape(_ABOUT)}</p>']
    png = _figure_png(comp, pal, 8.0)
    if png is None:
        parts.append('<p class="note">No claims were found.</p>')
    else:
        parts.append('<img alt="Claims by outlet" src="data:image/png;base64,'
                     + base64.b64encode(png).decode("ascii") + '">')
        sent = coverage_sentences(comp, pal)
        for title, key in (("The shared core", "core"), ("Each outlet's exclusives", "exclusive"),
                           ("Notable omissions", "omitted")):
            if sent[key]:
                parts.append(f"<h3>{escape(title)}</h3><ul>" + "".join(f"<li>{escape(s)}</li>" for s in sent[key])
                             + "</ul>")
    header, rows = naming_rows(comp, pal)
    parts.append("<h3>Same actor, different names</h3>")
    if rows:
        parts.append("<table><thead><tr><th>Actor</th>" + "".join(f"<th>{escape(h)}</th>" for h in header)
                     + "</tr></thead><tbody>" + "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r)
                                                        + "</tr>" for r in rows) + "</tbody></table>")
        parts.append('<p class="note">Form ×times; * = contains a loaded term.</p>')
    else:
        parts.append('<p class="note">No actor is named in the texts.</p>')
    parts.append("</section>")
    return "".join(parts)


def worksheet_task(comp: Any, labels: Mapping[str, str] | None = None, n_facts: int = 6) -> dict[str, Any]:
    """The worksheet task "Which facts are missing from source C?" and its answer.

    The outlet asked about is the one that leaves out the most claims other outlets share; the list
    mixes those claims with claims it does carry (fixed order, not sorted by answer).

    Parameters
    ----------
    comp : Comparison
        Reads ``comp.coverage_matrix``.
    labels : mapping, optional
        Outlet key -> label shown to students ("C" in a blind worksheet); default the key.
    n_facts : int
        How many facts to list.

    Returns
    -------
    dict
        ``title``, ``instructions`` (str), ``outlet`` (key), ``label``, ``facts`` (list of dicts
        ``number, claim, carried_by`` (labels of the other outlets carrying it)) and ``answer`` (list
        of dicts ``number, claim, missing`` (bool)); empty ``facts`` when no claim is shared.
    """
    m = _table(comp, "coverage_matrix")
    labels = dict(labels or {})
    outlets = _outlets(m) if len(m) else []
    shared = m[m["n_outlets"] >= 2] if len(m) else m
    base = {"title": "Which facts are missing from source {label}?", "instructions": "", "outlet": None, "label": "",
            "facts": [], "answer": []}
    if len(outlets) < 2 or not len(shared):
        return base | {"title": "Which facts are missing?", "instructions": "The tool found no fact shared by "
                                                                            "two outlets."}
    missing = {o: int((~shared[o].astype(bool)).sum()) for o in outlets}
    target = sorted(outlets, key=lambda o: (-missing[o], o))[0]
    label = labels.get(target, target)
    miss = shared[~shared[target].astype(bool)].head((n_facts + 1) // 2)
    has = shared[shared[target].astype(bool)].head(n_facts - len(miss))
    pool = pd.concat([miss, has])
    pool = pool.iloc[sorted(range(len(pool)), key=lambda i: zlib.crc32(str(pool.index[i]).encode()))]
    facts, answer = [], []
    for k, (cid, r) in enumerate(pool.iterrows(), 1):
        others = [labels.get(o, o) for o in outlets if o != target and bool(r[o])]
        facts.append({"number": k, "claim": str(r["claim"]), "carried_by": others})
        answer.append({"number": k, "claim": str(r["claim"]), "missing": not bool(r[target])})
    return {"title": f"Which facts are missing from source {label}?",
            "instructions": (f"Each fact below is reported by at least one other source. Read source {label} and "
                             "tick the facts it reports. For those it leaves out: does leaving them out change "
                             "the picture a reader gets?"),
            "outlet": target, "label": label, "facts": facts, "answer": answer}
