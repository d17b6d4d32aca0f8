"""The side-by-side comparison report as PDF (reportlab platypus + matplotlib charts).

The report only reads a :class:`framing.compare.Comparison`. The same
comparison gives the same bytes: reportlab runs in invariant mode (fixed
creation date and document id), fonts are the DejaVu Sans files that ship
with matplotlib (so any Unicode article text renders, and nothing is
downloaded), and charts are PNGs without time stamps. The file is written
atomically.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
from pathlib import Path
from typing import Any

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

from .. import plots
from ..errors import ReportError
from ..io import atomic_write_bytes
from . import _common as C
from . import loaded_section as L
from . import stories_section
from ._pdfkit import (FONT, FRAME_W, MARGIN, PAGE_W, ColorBar, P, box, category_legend, chart, chart_height,
                      marked_markup, png_image, register_fonts, styles, table)
from .sections import pdf_sections

__all__ = ["write_pdf", "render_pdf", "pdf_text", "FONT"]

# -- helpers on tables ------------------------------------------------------------------------------
def _col(df: Any, name: str) -> bool:
    return isinstance(df, pd.DataFrame) and name in df.columns and len(df) > 0


# -- sections ---------------------------------------------------------------------------------------
def cover(comp: Any, pal: C.Palette) -> list[Any]:
    """Title, outlets with their facts, articles, warnings."""
    story = comp.story or "(no story description in the corpus)"
    n_out, n_art = len(pal.order), len(comp.articles)
    el: list[Any] = [
        P(stories_section.title(comp, n_out), "title"),
        P(stories_section.subtitle(comp, story), "subtitle"),
        P(f"{n_art} article{'s' if n_art != 1 else ''} from {', '.join(pal.names[k] for k in pal.order)}. "
          "This report puts the outlets side by side: the tone of their sentences, the loaded words they use, "
          "whom they let speak, and the words that set each apart. Every chart uses the same order and colour "
          "for each outlet. The figures describe these articles; read the caveats on the last pages before "
          "drawing conclusions about the outlets.", "base"),
        Spacer(1, 6),
    ]
    if stories_section.scope_text(comp):
        el += [P(stories_section.scope_text(comp), "base"), Spacer(1, 6)]
    if comp.warnings:
        el.append(box([P("Read this first", "cellb")] + [P("• " + w, "warn") for w in comp.warnings]))
        el.append(Spacer(1, 8))
    el.append(P("The outlets", "h2"))
    src = comp.sources
    refs = _source_numbers(src)
    rows = [["", "Outlet", "Type", "Owner", "Funding", "State affiliation", "Country", "Sources"]]
    sw: list[str | None] = []
    facts = comp.outlets.set_index("outlet")
    for k in pal.order:
        f = facts.loc[k] if k in facts.index else {}
        g = (lambda name: C.fact(f.get(name) if hasattr(f, "get") else None))
        nums = [str(n) for (o, _), n in refs.items() if o == k]
        rows.append(["", pal.names[k], g("type"), g("owner"), g("funding"), g("state_affiliation"), g("country"),
                     ", ".join(f"[{n}]" for n in nums) or "none"])
        sw.append(pal.colors[k])
    el.append(table(rows, [0.35 * cm, 2.7 * cm, 2.2 * cm, 3.2 * cm, 2.8 * cm, 2.5 * cm, 1.6 * cm, 2.2 * cm], swatches=sw))
    el.append(P("Facts come from the outlet registry; the numbers point to the sources in the appendix. "
                "'unknown' means the registry has no sourced value, not that there is none.", "note"))
    el.append(P("The articles", "h2"))
    rows = [["", "Outlet", "Title", "Date", "Words"]]
    sw = []
    arts = comp.articles
    for r in arts.to_dict("records"):
        d = C.fact(r.get("date"))
        if r.get("date_approximate") and d != "unknown":
            d += " (approx.)"
        rows.append(["", pal.names.get(r.get("outlet"), r.get("outlet")), C.fact(r.get("title")), d,
                     C.fmt(int(r["n_words"])) if r.get("n_words") is not None else "–"])
        sw.append(pal.colors.get(r.get("outlet")))
    el.append(table(rows, [0.35 * cm, 3.2 * cm, 9.7 * cm, 2.3 * cm, 2.0 * cm], swatches=sw))
    return el


def _source_numbers(src: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Number every (outlet, reference) once, in table order, for the appendix."""
    out: dict[tuple[str, str], int] = {}
    if not _col(src, "ref"):
        return out
    for o, ref in zip(src["outlet"], src["ref"]):
        out.setdefault((str(o), str(ref)), len(out) + 1)
    return out


def sentiment_section(comp: Any, pal: C.Palette) -> list[Any]:
    n = len(pal.order)
    el: list[Any] = [P("1 · Tone: sentence sentiment", "h1"),
                     P("Each dot is one sentence, placed by its VADER compound score (left negative, right positive). "
                       "The black diamond is the outlet's mean, the bar its 95 % bootstrap interval; n is the number "
                       "of sentences. Overlapping bars mean the data cannot tell the outlets' average tone apart.", "note"),
                     chart(plots.plot_sentence_sentiment, comp.sentences, chart_height(n, 0.42, 1.0, 2.2, 7.5),
                            summary=comp.outlet_sentiment, order=pal.order, colors=pal.colors, labels=pal.names)]
    s = comp.outlet_sentiment
    if _col(s, "outlet"):
        rows = [["", "Outlet", "Mean [95 % CI]", "Negative", "Positive", "Sentences", "Articles"]]
        idx = s.drop_duplicates("outlet").set_index("outlet")
        sw = []
        for k in pal.order:
            if k not in idx.index:
                rows.append(["", pal.names[k], "no sentences", "–", "–", "0", "0"])
            else:
                r = idx.loc[k]
                ci = (f" [{C.fmt(r.get('ci_low'), 2, True)}, {C.fmt(r.get('ci_high'), 2, True)}]"
                      if "ci_low" in idx.columns else "")
                rows.append(["", pal.names[k], C.fmt(r.get("mean"), 2, True) + ci, C.fmt_pct(r.get("share_negative")),
                             C.fmt_pct(r.get("share_positive")), C.fmt(r.get("n_sentences"), 0),
                             C.fmt(r.get("n_articles"), 0)])
            sw.append(pal.colors[k])
        el.append(table(rows, [0.35 * cm, 4.2 * cm, 4.2 * cm, 2.0 * cm, 2.0 * cm, 2.0 * cm, 2.0 * cm], swatches=sw))
    el += [CondPageBreak(9 * cm), P("Actor-directed sentiment", "h2"),
           P("How each outlet speaks of the story's main actors: the mean score of the sentences around each mention "
             "(-1 negative … +1 positive), with n mentions. Grey cells: the outlet does not mention the actor. "
             "Treat cells with n < 5 as anecdotes.", "note"),
           chart(plots.plot_actor_heatmap, comp.actor_sentiment, chart_height(n, 0.45, 1.6, 2.4, 8.0),
                  order=pal.order, labels=pal.names)]
    return el


def loaded_section(comp: Any, pal: C.Palette) -> list[Any]:
    """Flagged loaded terms per 1,000 of each outlet's own words (chart with 95 % whiskers), a table of
    own-word, quoted-word and epistemic rates each with count, words and interval, the epistemic-marker
    chart and the most frequent flagged terms (rows and texts from :mod:`framing.report.loaded_section`)."""
    lr = comp.loaded_rates
    sw = [pal.colors[k] for k in pal.order]
    kw = {"order": pal.order, "colors": pal.colors, "labels": pal.names}
    el: list[Any] = [P("2 · Loaded language", "h1"), P(L.HOW, "note", raw=True),
                     chart(L.plot_own, lr, L.chart_height(comp, pal, "loaded"), kind="loaded", **kw)]
    rows = L.summary_rows(comp, pal)
    if len(rows) > 1:
        w = (FRAME_W - 3.35 * cm - 2.2 * cm) / 3
        el.append(table([[""] + r for r in rows], [0.35 * cm, 3.0 * cm, w, w, w, 2.2 * cm], swatches=sw))
    el += [P("Epistemic markers", "h2"), P(L.EPISTEMIC_NOTE, "note"),
           chart(L.plot_own, lr, L.chart_height(comp, pal, "epistemic"), kind="epistemic", **kw),
           P("Most frequent flagged terms", "h2"),
           table([[""] + r for r in L.top_rows(comp, pal)], [0.35 * cm, 3.5 * cm, FRAME_W - 3.85 * cm], swatches=sw)]
    return el


def voices_section(comp: Any, pal: C.Palette) -> list[Any]:
    n = len(pal.order)
    el: list[Any] = [P("3 · Voices: who gets to speak", "h1"),
                     P("Share of each outlet's quotes (direct and indirect) by the speaker's affiliation. Whom an "
                       "outlet quotes, and whom it leaves out, frames a story as much as its own words.", "note"),
                     chart(plots.plot_affiliation_shares, comp.affiliation_shares, chart_height(n, 0.38, 1.5, 2.6, 7.5),
                            order=pal.order, labels=pal.names, colors=pal.affiliations)]
    vs = comp.voice_summary
    if _col(vs, "outlet"):
        el += [KeepTogether([P("How they quote", "h2"),
                             chart(plots.plot_voice_summary, vs, chart_height(3 * n, 0.08, 1.0, 2.0, 6.0),
                                    order=pal.order, colors=pal.colors, labels=pal.names)])]
        idx = vs.drop_duplicates("outlet").set_index("outlet")
        rows = [["", "Outlet", "Quotes", "Direct", "Indirect", "Anonymous", "Loaded verbs", "Speakers"]]
        sw = []
        for k in pal.order:
            r = idx.loc[k] if k in idx.index else pd.Series(dtype=object)
            rows.append(["", pal.names[k], C.fmt(r.get("n_quotes"), 0) if len(r) else "0", C.fmt_pct(r.get("share_direct")),
                         C.fmt_pct(r.get("share_indirect")), C.fmt_pct(r.get("share_anonymous")),
                         C.fmt_pct(r.get("share_loaded_verbs")), C.fmt(r.get("n_speakers"), 0)])
            sw.append(pal.colors[k])
        el.append(table(rows, [0.35 * cm, 4.0 * cm, 1.9 * cm, 1.9 * cm, 1.9 * cm, 2.2 * cm, 2.4 * cm, 1.9 * cm], swatches=sw))
        el.append(P("Loaded verbs: reporting verbs that pass judgement (claimed, admitted, insisted) instead of "
                    "'said'. Anonymous: a source the reader cannot identify (officials, experts).", "note"))
    rows = [["", "Outlet", "Most quoted speakers (quotes)"]]
    sw = []
    for k in pal.order:
        sp = comp.top_speakers(k)
        rows.append(["", pal.names[k], ", ".join(f"{s} ({m})" for s, m in sp) or "no attributed quotes found"])
        sw.append(pal.colors[k])
    el += [CondPageBreak(4 * cm), P("Most quoted speakers", "h2"),
           table(rows, [0.35 * cm, 3.5 * cm, 13.7 * cm], swatches=sw)]
    return el


def distinctive_section(comp: Any, pal: C.Palette) -> list[Any]:
    el: list[Any] = [P("4 · Distinctive words", "h1"),
                     P("Words each outlet uses more than the others together (log-odds ratio with an informative "
                       "Dirichlet prior, Monroe et al. 2008), as z-scores; the count is in brackets. z above 2 is "
                       "unlikely to be chance — but with one article per outlet it reflects that article's topic.",
                       "note")]
    if not _col(comp.distinctive, "z"):
        el.append(P("No distinctive-word table in this comparison.", "base"))
        return el
    for fig in C.distinctive_figures(comp, pal, 7.4):
        el.append(png_image(C.fig_png(fig)))
    return el


def outlet_pages(comp: Any, pal: C.Palette) -> list[Any]:
    """One page per outlet: fact sheet, key figures and a marked excerpt."""
    el: list[Any] = []
    facts = comp.outlets.set_index("outlet")
    arts_by_outlet = {k: g for k, g in comp.articles.groupby("outlet", sort=False)}
    for n, k in enumerate(pal.order, start=1):
        f = facts.loc[k] if k in facts.index else pd.Series(dtype=object)
        el += [PageBreak(), ColorBar(pal.colors[k]), Spacer(1, 4), P(f"5.{n} · {pal.names[k]}", "h1")]
        rows = [["Fact", "Value"]]
        for label, name in (("Country", "country"), ("Type", "type"), ("Owner", "owner"), ("Funding", "funding"),
                            ("State affiliation", "state_affiliation"), ("Basis", "state_affiliation_basis"),
                            ("Founded", "founded"), ("Languages", "languages"), ("Notes", "notes")):
            v = f.get(name) if len(f) else None
            if name in ("state_affiliation_basis", "notes", "languages") and C.fact(v) == "unknown":
                continue
            rows.append([label, C.fact(v)])
        arts = arts_by_outlet.get(k, comp.articles.iloc[0:0])
        dates = sorted(d.isoformat() for d in arts["date"] if isinstance(d, _dt.date))
        rows.append(["In this corpus", f"{len(arts)} article(s), {C.fmt(int(arts['n_words'].sum()))} words"
                     + (f", {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else "")])
        el.append(table(rows, [3.5 * cm, FRAME_W - 3.5 * cm]))
        el += [Spacer(1, 6), P("Key figures", "h2"), key_figures(comp, k)]
        if len(arts):
            art = arts.iloc[0]
            aid, date = art["article_id"], art["date"]
            text = comp.article_text(aid)
            marks = C.article_marks(comp, aid, text)
            s, e = C.choose_excerpt(text, comp.article_paragraphs(aid), marks, max_chars=1300)
            title = art["title"] if isinstance(art["title"], str) and art["title"] else aid
            el += [P("Excerpt", "h2"),
                   P(f"From “{title}”" + (f" ({date.isoformat()})" if isinstance(date, _dt.date) else "") +
                     ": the passage with the most loaded terms and quotes.", "note"), Spacer(1, 3),
                   box([Paragraph(marked_markup(text, marks, s, e, pal), styles()["excerpt"])],
                       bg="#FFFFFF", border="#BBBBBB"),
                   Spacer(1, 3), category_legend(pal, sorted({m.label for m in marks if m.kind == "term"}))]
    return el


def key_figures(comp: Any, k: str) -> Table:
    s = C.rows_for(comp.outlet_sentiment, outlet=k)
    vs = C.rows_for(comp.voice_summary, outlet=k)
    tone = C.fmt(s["mean"].iloc[0], 2, True) if _col(s, "mean") else "–"
    rate = L.key_figure(comp, k)
    quotes = C.fmt(vs["n_quotes"].iloc[0], 0) if _col(vs, "n_quotes") else "–"
    anon = C.fmt_pct(vs["share_anonymous"].iloc[0]) if _col(vs, "share_anonymous") else "–"
    rows = [["Mean sentence tone", "Flagged loaded terms, own words", "Quotes", "Anonymous sources"],
            [tone, rate, quotes, anon]]
    return table(rows, [FRAME_W * 0.2, FRAME_W * 0.4, FRAME_W * 0.2, FRAME_W * 0.2], zebra=False)


def methods_section(comp: Any, pal: C.Palette) -> list[Any]:
    el: list[Any] = [PageBreak(), P("6 · Methods and caveats", "h1"),
                     P("What each measure means, how well it works where it was measured, and where it stops "
                       "being reliable. Accuracy figures come from the benchmark scripts in benchmarks/ "
                       "(framing/data/accuracy.yaml); a measure without a figure says so.", "note")]
    for key, title, meaning, limits in C.methods(comp):
        el.append(KeepTogether([P(title, "h2"), P(meaning), Spacer(1, 2), P("Limits: " + limits),
                                Spacer(1, 2), P(C.accuracy_text(key), "note")]))
    el += [P("General caveats", "h2"),
           P("• Lexicons and VADER are English resources: machine-translated articles (e.g. from Russian) are "
             "scored in their translation, and translation choices become 'framing'."),
           P("• Counts on few articles are fragile: one article per outlet describes that article, not the outlet. "
             "Dates that differ by years mean the story itself changed."),
           P("• Outlet facts (ownership, funding, state affiliation) are descriptive and sourced; this report "
             "assigns no bias score.")]
    src = comp.sources
    el += [CondPageBreak(5 * cm), P("Appendix · Sources for outlet facts", "h2")]
    refs = _source_numbers(src)
    if refs:
        rows = [["#", "Outlet", "Fact", "Reference", "Checked"]]
        seen: set[int] = set()
        for r in src.to_dict("records"):
            num = refs[(str(r["outlet"]), str(r["ref"]))]
            fields = [str(x["field"]) for x in src.to_dict("records")
                      if str(x["outlet"]) == str(r["outlet"]) and str(x["ref"]) == str(r["ref"])]
            if num in seen:
                continue
            seen.add(num)
            checked = C.fact(r.get("checked")) + (" (stale: re-check)" if r["stale"] else "")
            rows.append([str(num), pal.names.get(str(r["outlet"]), str(r["outlet"])), ", ".join(fields),
                         str(r["ref"]), checked])
        el.append(table(rows, [0.8 * cm, 3.0 * cm, 2.8 * cm, 8.4 * cm, 2.5 * cm]))
        if src["stale"].any():
            el.append(P("Facts checked more than a year ago are marked stale: owners, funding and bans change, "
                        "so re-check them before showing them to a class.", "note"))
    else:
        el.append(P("The outlet registry lists no sources for these outlets.", "note"))
    el += [Spacer(1, 10), P(f"Made with framing {__import__('framing').__version__}. Outlet order: "
                            + ", ".join(pal.names[k] for k in pal.order) + ".", "note")]
    return el


# -- document ---------------------------------------------------------------------------------------
def _footer(story: str):
    def draw(canv: Any, doc: Any) -> None:  # pragma: no cover - drawing
        canv.saveState()
        canv.setFont(FONT, 7)
        canv.setFillColor(colors.HexColor("#666666"))
        txt = (story[:90] + "…") if len(story) > 90 else story
        canv.drawString(MARGIN, 0.9 * cm, f"framing · {txt}")
        canv.drawRightString(PAGE_W - MARGIN, 0.9 * cm, f"page {doc.page}")
        canv.restoreState()
    return draw


def render_pdf(comp: Any) -> bytes:
    """The report as PDF bytes (deterministic for a given comparison)."""
    C.require_tables(comp)
    register_fonts()
    pal = C.palette(comp)
    story = comp.story
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=1.5 * cm,
                            bottomMargin=1.6 * cm, title=f"framing report: {story}"[:200], author="framing",
                            subject="Side-by-side comparison of news framing", creator="framing",
                            keywords="", invariant=1, pageCompression=1)
    el: list[Any] = []
    el += cover(comp, pal)
    stories = stories_section.pdf_section(comp, pal)  # several stories: outlets compared within each story
    el += [PageBreak()] + stories if stories else []
    el += [PageBreak()] + sentiment_section(comp, pal)
    el += [PageBreak()] + loaded_section(comp, pal)
    el += [PageBreak()] + voices_section(comp, pal)
    el += [PageBreak()] + distinctive_section(comp, pal)
    for section in pdf_sections(comp, pal):
        el += [PageBreak()] + section
    el += outlet_pages(comp, pal)
    el += methods_section(comp, pal)
    foot = _footer(stories_section.footer_text(comp))
    try:
        doc.build(el, onFirstPage=foot, onLaterPages=foot)
    except Exception as exc:  # reportlab layout errors carry no file context
        raise ReportError(f"could not lay out the PDF report ({type(exc).__name__}: {exc}). "
                          "Nothing was written; re-run with --debug and report it.") from exc
    return buf.getvalue()


def write_pdf(comp: Any, path: str | Path) -> Path:
    """Write the PDF report to ``path`` atomically; an existing file is replaced only on success.

    Examples
    --------
    >>> import framing
    >>> framing.analyze(framing.load_corpus("corpora/s400")).to_pdf("reports/s400.pdf")  # doctest: +SKIP
    """
    data = render_pdf(comp)
    return atomic_write_bytes(path, data)


def pdf_text(path: str | Path) -> list[str]:
    """Text of every page of a PDF (pypdf), for tests and checks."""
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(os.fspath(path)).pages]
