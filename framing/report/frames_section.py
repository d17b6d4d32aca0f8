"""Report section for generic news frames and narrative roles, and the worksheet task on frames.

Reads only the Comparison's tables ``article_frames`` (:func:`framing.frames`; not called ``frames``
because ``comp.frames`` is the Comparison's dict of tables), ``frame_shares`` (:func:`framing.frame_shares`)
and ``roles`` (:func:`framing.roles`), as ``comp.article_frames`` etc.
"""
from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ..analyzers._frame_cues import FRAMES
from . import _common as C
from ._pdfkit import FRAME_W, P, esc, table

__all__ = ["pdf_section", "html_section", "worksheet_task", "frame_label", "share_rows", "evidence_rows",
           "role_rows"]

#: Display names of the frames.
LABELS = {"conflict": "Conflict", "economic": "Economic consequences", "human_interest": "Human interest",
          "moral": "Morality", "resolution": "Resolution / responsibility"}
_QUOTE_CHARS = 320
_ACTORS_PER_ROLE = 3
_HOW = ("Generic news frames (Semetko and Valkenburg 2000): <b>conflict</b> (disagreement, blame, winners and "
        "losers), <b>economic</b> (costs, losses, gains), <b>human interest</b> (a human example, emotions), "
        "<b>morality</b> (moral messages, religion, how people ought to behave) and <b>resolution</b> (solutions, "
        "who is responsible, what should be done). A frame is present in an article when the model's score is at "
        "least 0.5. The model combines cue words written from those coder questions with word weights learned "
        "from 229 annotated climate-change articles (Frermann et al. 2023; {figure}); on other topics read the evidence sentences before trusting a share. Intervals: 95 % Wilson, "
        "articles as the unit, so an outlet with few articles gets a wide one.")


def _how() -> str:
    """:data:`_HOW` (markup for the PDF and HTML) with the frame model's measured figure from
    ``accuracy.yaml`` (measure ``frames``), escaped."""
    entries = C.accuracy_for("frames")
    if not entries:
        return _HOW.format(figure="accuracy not yet measured")
    m = entries[0]
    figure = f"{m.get('metric', 'score')} {float(m['value']):.2f} there, {m.get('dataset', '')}"
    return _HOW.format(figure=html.escape(figure, quote=False))


_ROLES_HOW = ("Who each article casts as hero (fixes or fights the problem), villain (causes it, harms, obstructs) "
              "or victim (is harmed), found by role words near the actor's name. This is a rough reading: on "
              "annotated climate news it matched the annotators' entities in about one case in seven.")




def frame_label(frame: str) -> str:
    """Display name of a frame (``"human_interest"`` -> ``"Human interest"``)."""
    return LABELS.get(frame, frame.replace("_", " ").capitalize())


def _clip(text: str, n: int = _QUOTE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + " …"


def share_rows(comp: Any, pal: C.Palette) -> list[list[str]]:
    """Header plus one row per outlet: the share of its articles with each frame and the 95 % interval."""
    rows = [["Outlet"] + [frame_label(f) for f in FRAMES]]
    sh = C.optional_table(comp, "frame_shares")
    if sh is None:
        return rows
    idx = {(str(o), str(f)): r for o, f, r in zip(sh["outlet"], sh["frame"], sh.itertuples(index=False))}
    for k in pal.order:
        cells = [pal.names[k]]
        for f in FRAMES:
            r = idx.get((k, f))
            cells.append("–" if r is None else
                         f"{C.fmt_pct(r.share)} ({C.fmt_pct(r.ci_low)}–{C.fmt_pct(r.ci_high)}) · {r.n_present}/{r.n_articles}")
        rows.append(cells)
    return rows


def _best_evidence(fr: pd.DataFrame, outlet: str, frame: str) -> pd.Series | None:
    """The evidence row of the outlet's article with the highest score for the frame (with a non-empty
    evidence sentence; ties by article id)."""
    g = fr[(fr["outlet"] == outlet) & (fr["frame"] == frame) & (fr["evidence"].astype(str).str.len() > 0)]
    if g.empty:
        return None
    return g.sort_values(["score", "article_id"], ascending=[False, True], kind="mergesort").iloc[0]


def evidence_rows(comp: Any, pal: C.Palette) -> list[dict[str, Any]]:
    """One dict per outlet and frame present in at least one of its articles: ``key, name, frame, label,
    present, n, score, evidence, cues, article_id`` (the sentence of its highest-scoring article)."""
    fr = C.optional_table(comp, "article_frames")
    if fr is None:
        return []
    out = []
    for k in pal.order:
        mine = fr[fr["outlet"] == k]
        for f in FRAMES:
            g = mine[mine["frame"] == f]
            n_present = int(g["present"].sum())
            if not n_present:
                continue
            best = _best_evidence(fr, k, f)
            if best is None:
                continue
            out.append({"key": k, "name": pal.names[k], "frame": f, "label": frame_label(f), "present": n_present,
                        "n": len(g), "score": float(best["score"]), "evidence": _clip(best["evidence"]),
                        "cues": str(best["cues"]), "article_id": str(best["article_id"])})
    return out


def role_rows(comp: Any, pal: C.Palette) -> list[list[str]]:
    """Header plus one row per outlet: its most frequent heroes, villains and victims (articles naming
    them in that role)."""
    rows = [["Outlet", "Heroes", "Villains", "Victims"]]
    ro = C.optional_table(comp, "roles")
    for k in pal.order:
        cells = [pal.names[k]]
        for role in ("hero", "villain", "victim"):
            if ro is None:
                cells.append("–")
                continue
            g = ro[(ro["outlet"] == k) & (ro["role"] == role)]
            counts = g.groupby("actor")["article_id"].nunique()
            scores = g.groupby("actor")["score"].sum()
            top = sorted(counts.index, key=lambda a: (-counts[a], -scores[a], str(a)))[:_ACTORS_PER_ROLE]
            cells.append(", ".join(f"{a} ({counts[a]})" if counts[a] > 1 else str(a) for a in top) or "–")
        rows.append(cells)
    return rows


def pdf_section(comp: Any, pal: C.Palette) -> list[Any]:
    """Reportlab flowables: frame shares per outlet with intervals, one evidence sentence per outlet and
    frame present, and the "Heroes, villains, victims" table."""
    from reportlab.lib.units import cm

    el: list[Any] = [P("Frames", "h1"), P(_how(), "note", raw=True)]
    rows = share_rows(comp, pal)
    if len(rows) == 1:
        return el + [P("No frame table in this comparison.", "note")]
    first = 3.0 * cm
    el.append(table([[""] + r for r in rows], [0.35 * cm, first] + [(FRAME_W - first - 0.35 * cm) / len(FRAMES)] * len(FRAMES),
                    swatches=[pal.colors[k] for k in pal.order]))
    ev = evidence_rows(comp, pal)
    if ev:
        el.append(P("The sentence that shows it", "h2"))
        body = [["Outlet", "Frame", "Evidence (cue words in bold)"]]
        for r in ev:
            text = esc(r["evidence"])
            for cue in sorted({c for c in r["cues"].split("; ") if c}, key=len, reverse=True):
                text = text.replace(esc(cue), f"<b>{esc(cue)}</b>", 1)
            body.append([r["name"], f"{r['label']} ({r['present']}/{r['n']})", P(text, "cell", raw=True)])
        el.append(table(body, [3.0 * cm, 3.4 * cm, FRAME_W - 6.4 * cm]))
    el += [P("Heroes, villains, victims", "h2"), P(_ROLES_HOW, "note"),
           table([[""] + r for r in role_rows(comp, pal)], [0.35 * cm, 3.0 * cm] + [(FRAME_W - 3.35 * cm) / 3] * 3,
                 swatches=[pal.colors[k] for k in pal.order])]
    return el


def _html_table(rows: list[list[str]], cls: str) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows[1:])
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def html_section(comp: Any, pal: C.Palette) -> str:
    """An escaped HTML fragment with the same content as :func:`pdf_section`."""
    out = ['<section id="frames"><h2>Frames</h2>', f'<p class="note">{_how()}</p>']
    rows = share_rows(comp, pal)
    if len(rows) == 1:
        return "".join(out) + '<p class="note">No frame table in this comparison.</p></section>'
    out.append(_html_table(rows, "frame-shares"))
    ev = evidence_rows(comp, pal)
    if ev:
        out.append("<h3>The sentence that shows it</h3><table class=\"frame-evidence\"><thead><tr><th>Outlet</th>"
                   "<th>Frame</th><th>Evidence (cue words in bold)</th></tr></thead><tbody>")
        for r in ev:
            text = html.escape(r["evidence"])
            for cue in sorted({c for c in r["cues"].split("; ") if c}, key=len, reverse=True):
                text = text.replace(html.escape(cue), f"<b>{html.escape(cue)}</b>", 1)
            out.append(f"<tr><td>{html.escape(r['name'])}</td><td>{html.escape(r['label'])} "
                       f"({r['present']}/{r['n']})</td><td>{text}</td></tr>")
        out.append("</tbody></table>")
    out += ["<h3>Heroes, villains, victims</h3>", f'<p class="note">{html.escape(_ROLES_HOW)}</p>',
            _html_table(role_rows(comp, pal), "roles"), "</section>"]
    return "".join(out)


def worksheet_task(comp: Any, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """The worksheet task "Which frame does each source use? Quote the sentence that shows it", with the
    answer key.

    Parameters
    ----------
    comp : Comparison
    labels : dict, optional
        Outlet key -> label shown to students (the letters of a blind worksheet, see
        ``worksheet_plan``); default the outlet names.

    Returns
    -------
    dict
        ``title, instructions, frames`` (display names to choose from, with one-line definitions) and
        ``answers``: one dict per outlet in report order with ``key, label, name, frame, frame_label,
        share, n_articles, quote, cues`` (the outlet's frame with the largest share, ties by mean score;
        the evidence sentence of its highest-scoring article for that frame).
    """
    pal = C.palette(comp)
    labels = labels or {k: pal.names[k] for k in pal.order}
    task = {
        "title": "Which frame does each source use?",
        "instructions": "For each source, pick the frame that fits it best and quote the sentence that shows it.",
        "frames": {frame_label(f): d for f, d in zip(FRAMES, (
            "people or groups disagree, blame each other, win or lose",
            "money: costs, losses, gains, jobs",
            "a person's story, feelings, how people are affected",
            "right and wrong, religion, what people ought to do",
            "a solution, who is responsible, what should be done"))},
        "answers": [],
    }
    sh, fr = C.optional_table(comp, "frame_shares"), C.optional_table(comp, "article_frames")
    if sh is None or fr is None:
        return task
    for k in pal.order:
        g = sh[sh["outlet"] == k]
        if g.empty:
            continue
        order = {f: i for i, f in enumerate(FRAMES)}
        top = sorted(g.itertuples(index=False), key=lambda r: (-r.share, -r.mean_score, order.get(r.frame, 9)))[0]
        best = _best_evidence(fr, k, str(top.frame))
        task["answers"].append({
            "key": k, "label": labels.get(k, pal.names[k]), "name": pal.names[k], "frame": str(top.frame),
            "frame_label": frame_label(str(top.frame)), "share": float(top.share), "n_articles": int(top.n_articles),
            "quote": "" if best is None else _clip(best["evidence"]),
            "cues": "" if best is None else str(best["cues"])})
    return task
