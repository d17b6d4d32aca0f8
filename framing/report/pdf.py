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
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence
from xml.sax.saxutils import escape as _xml_escape

import matplotlib
import pandas as pd
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (CondPageBreak, Flowable, Image, KeepTogether, PageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

from .. import plots
from ..errors import ReportError
from ..io import atomic_write_bytes
from . import _common as C

__all__ = ["write_pdf", "render_pdf", "pdf_text", "FONT"]

FONT = "DejaVuSans"
PAGE_W, PAGE_H = A4
MARGIN = 1.7 * cm
FRAME_W = PAGE_W - 2 * MARGIN


# -- fonts and styles -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register DejaVu Sans (bundled with matplotlib) with reportlab; returns the family name."""
    from reportlab.lib.fonts import addMapping

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    files = {FONT: "DejaVuSans.ttf", f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
             f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf", f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf"}
    for name, fn in files.items():
        path = ttf / fn
        if not path.exists():
            raise ReportError(f"{path}: font file missing from matplotlib's data folder; reinstall matplotlib.")
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, f"{FONT}-Bold")
    addMapping(FONT, 0, 1, f"{FONT}-Oblique")
    addMapping(FONT, 1, 1, f"{FONT}-BoldOblique")
    return FONT


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles of the reports."""
    f = register_fonts()
    base = ParagraphStyle("base", fontName=f, fontSize=9, leading=12, alignment=TA_LEFT)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2),
        "cellb": ParagraphStyle("cellb", parent=base, fontSize=7.5, leading=9.2, fontName=f"{f}-Bold"),
        "title": ParagraphStyle("title", parent=base, fontName=f"{f}-Bold", fontSize=20, leading=25, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16, textColor=colors.HexColor("#333333"),
                                   spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=base, fontName=f"{f}-Bold", fontSize=15, leading=19, spaceBefore=4, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=f"{f}-Bold", fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "excerpt": ParagraphStyle("excerpt", parent=base, fontSize=9.5, leading=14, leftIndent=6, rightIndent=6),
        "warn": ParagraphStyle("warn", parent=base, fontSize=8.5, leading=11, textColor=colors.HexColor("#5A3E00")),
    }


def esc(text: Any) -> str:
    """Text made safe for a reportlab Paragraph: markup characters escaped, control characters dropped."""
    s = "" if text is None else str(text)
    s = "".join(ch if (ch >= " " or ch in "\n\t") and not ("\ud800" <= ch <= "\udfff") else " " for ch in s)
    return _xml_escape(s, {'"': "&quot;"})


def P(text: Any, style: str = "base", raw: bool = False) -> Paragraph:
    """A Paragraph from plain text (escaped) or, with ``raw=True``, from trusted markup we built."""
    return Paragraph(text if raw else esc(text), styles()[style])


# -- flowables --------------------------------------------------------------------------------------
def png_image(png: bytes, max_width: float = FRAME_W, max_height: float = PAGE_H - 5 * cm) -> Image:
    """An Image flowable of PNG bytes at their natural size (``_common.DPI``), shrunk to fit."""
    w_px, h_px = ImageReader(io.BytesIO(png)).getSize()
    w, h = w_px / C.DPI * inch, h_px / C.DPI * inch
    scale = min(1.0, max_width / w, max_height / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale)


class ColorBar(Flowable):
    """A thin coloured rule (the outlet's colour) above its page."""

    def __init__(self, color: str, width: float = FRAME_W, height: float = 4) -> None:
        super().__init__()
        self.color, self.width, self.height = color, width, height

    def draw(self) -> None:  # pragma: no cover - drawing
        self.canv.setFillColor(colors.HexColor(self.color))
        self.canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)


def table(rows: list[list[Any]], widths: Sequence[float], header: bool = True,
          swatches: Sequence[str | None] | None = None, zebra: bool = True,
          row_height: float | None = None) -> Table:
    """A styled table; string cells become wrapped Paragraphs. ``swatches`` colours the first column per row;
    ``row_height`` fixes the height of body rows (space to write in, on worksheets)."""
    body = []
    for r, row in enumerate(rows):
        st = "cellb" if header and r == 0 else "cell"
        body.append([c if isinstance(c, Flowable) else P(c, st) for c in row])
    heights = None
    if row_height is not None:
        heights = [None if header and r == 0 else row_height for r in range(len(body))]
    t = Table(body, colWidths=list(widths), rowHeights=heights, repeatRows=1 if header else 0)
    cmds: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#444444")) if header else ("NOSPLIT", (0, 0), (0, 0)),
    ]
    if row_height is not None:
        cmds.append(("LINEBELOW", (0, 1 if header else 0), (-1, -1), 0.4, colors.HexColor("#999999")))
        cmds.append(("VALIGN", (0, 0), (-1, -1), "MIDDLE"))
    if zebra:
        for r in range(1 if header else 0, len(rows)):
            if r % 2 == 0:
                cmds.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F4F4F4")))
    if swatches:
        off = 1 if header else 0
        for i, c in enumerate(swatches):
            if c:
                cmds.append(("BACKGROUND", (0, i + off), (0, i + off), colors.HexColor(c)))
    t.setStyle(TableStyle(cmds))
    return t


def box(flowables: list[Any], bg: str = "#FFF4D6", border: str = "#E0B040") -> Table:
    """A shaded box around some flowables (warnings, how-to-read notes)."""
    t = Table([[flowables]], colWidths=[FRAME_W])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(bg)),
                           ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(border)),
                           ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                           ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return t


# -- marked text ------------------------------------------------------------------------------------
def marked_markup(text: str, marks: list[C.Mark], start: int, end: int, pal: C.Palette,
                  label: Any = None) -> str:
    """Paragraph markup for ``text[start:end]``: loaded terms shaded by category, quotes in italics
    followed by a small ``[speaker]`` tag, speaker names underlined. Every text piece is escaped."""
    out: list[str] = []
    segs = C.segments(text, marks, start, end)
    for i, seg in enumerate(segs):
        piece = esc(seg.text).replace("\n\n", "<br/><br/>").replace("\n", "<br/>")
        if seg.term is not None:
            col = pal.categories.get(seg.term.label, "#DDDDDD")
            piece = f'<span backColor="{col}"><b>{piece}</b></span>'
        if seg.speaker is not None and seg.quote is None:
            piece = f"<u>{piece}</u>"
        if seg.quote is not None:
            piece = f'<i><font color="#1F3A60">{piece}</font></i>'
            nxt = segs[i + 1].quote if i + 1 < len(segs) else None
            if nxt is not seg.quote and (nxt is None or nxt != seg.quote):
                who = seg.quote.detail or "unattributed"
                piece += (f'<font size="6.5" color="#555555"> [{esc(who)} · {esc(seg.quote.label)}]</font>')
        out.append(piece)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).strip() + suffix


def category_legend(pal: C.Palette, cats: Sequence[str] | None = None) -> Paragraph:
    """One line explaining the highlight colours."""
    cats = list(cats) if cats is not None else sorted(pal.categories)
    bits = [f'<span backColor="{pal.categories.get(c, "#DDDDDD")}"><b>{esc(c.replace("_", " "))}</b></span>'
            for c in cats]
    text = ("Highlighted: loaded terms by category — " + "  ".join(bits) if bits else "No loaded terms found.")
    text += ' · <i><font color="#1F3A60">quotes in italics</font></i> followed by [speaker · affiliation].'
    return P(text, "small", raw=True)


# -- helpers on tables ------------------------------------------------------------------------------
def _col(df: Any, name: str) -> bool:
    return isinstance(df, pd.DataFrame) and name in df.columns and len(df) > 0


def _chart(fn: Any, table: Any, height: float, width: float = 7.2, **kw: Any) -> Image:
    fig, axes = C.figure(width, height)
    with matplotlib.rc_context(C.RC):
        fn(table, ax=axes[0][0], **kw)
    return png_image(C.fig_png(fig))


def _height(n_rows: int, per: float = 0.32, base: float = 1.1, lo: float = 2.0, hi: float = 8.5) -> float:
    return max(lo, min(hi, base + per * n_rows))


# -- sections ---------------------------------------------------------------------------------------
def cover(comp: Any, pal: C.Palette) -> list[Any]:
    """Title, outlets with their facts, articles, warnings."""
    from .sections import stories_section  # (pdf <- stories_section: imported through sections)

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
                     _chart(plots.plot_sentence_sentiment, comp.sentences, _height(n, 0.42, 1.0, 2.2, 7.5),
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
           _chart(plots.plot_actor_heatmap, comp.actor_sentiment, _height(n, 0.45, 1.6, 2.4, 8.0),
                  order=pal.order, labels=pal.names)]
    return el


def loaded_section(comp: Any, pal: C.Palette) -> list[Any]:
    """Flagged loaded terms per 1,000 of each outlet's own words (chart with 95 % whiskers), a table of
    own-word, quoted-word and epistemic rates each with count, words and interval, the epistemic-marker
    chart and the most frequent flagged terms (rows and texts from :mod:`framing.report.loaded_section`)."""
    from . import loaded_section as L

    lr = comp.loaded_rates
    sw = [pal.colors[k] for k in pal.order]
    kw = {"order": pal.order, "colors": pal.colors, "labels": pal.names}
    el: list[Any] = [P("2 · Loaded language", "h1"), P(L.HOW, "note", raw=True),
                     _chart(L.plot_own, lr, L.chart_height(comp, pal, "loaded"), kind="loaded", **kw)]
    rows = L.summary_rows(comp, pal)
    if len(rows) > 1:
        w = (FRAME_W - 3.35 * cm - 2.2 * cm) / 3
        el.append(table([[""] + r for r in rows], [0.35 * cm, 3.0 * cm, w, w, w, 2.2 * cm], swatches=sw))
    el += [P("Epistemic markers", "h2"), P(L.EPISTEMIC_NOTE, "note"),
           _chart(L.plot_own, lr, L.chart_height(comp, pal, "epistemic"), kind="epistemic", **kw),
           P("Most frequent flagged terms", "h2"),
           table([[""] + r for r in L.top_rows(comp, pal)], [0.35 * cm, 3.5 * cm, FRAME_W - 3.85 * cm], swatches=sw)]
    return el


def voices_section(comp: Any, pal: C.Palette) -> list[Any]:
    n = len(pal.order)
    el: list[Any] = [P("3 · Voices: who gets to speak", "h1"),
                     P("Share of each outlet's quotes (direct and indirect) by the speaker's affiliation. Whom an "
                       "outlet quotes, and whom it leaves out, frames a story as much as its own words.", "note"),
                     _chart(plots.plot_affiliation_shares, comp.affiliation_shares, _height(n, 0.38, 1.5, 2.6, 7.5),
                            order=pal.order, labels=pal.names, colors=pal.affiliations)]
    vs = comp.voice_summary
    if _col(vs, "outlet"):
        el += [KeepTogether([P("How they quote", "h2"),
                             _chart(plots.plot_voice_summary, vs, _height(3 * n, 0.08, 1.0, 2.0, 6.0),
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
    from .loaded_section import key_figure

    vs = C.rows_for(comp.voice_summary, outlet=k)
    tone = C.fmt(s["mean"].iloc[0], 2, True) if _col(s, "mean") else "–"
    rate = key_figure(comp, k)
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
    for key, title, meaning, limits in C.METHODS:
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
    from .sections import pdf_sections, stories_section

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
