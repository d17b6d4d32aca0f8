"""Reportlab primitives shared by the PDF report and its sections: fonts, paragraph styles, escaping,
tables, boxes, images, charts and marked excerpts.

The report (:mod:`framing.report.pdf`), the worksheet and every section module draw with these, so
no section needs to import the report module that lists it.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence
from xml.sax.saxutils import escape as _xml_escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from ..errors import ReportError
from . import _common as C

__all__ = ["FONT", "PAGE_W", "PAGE_H", "MARGIN", "FRAME_W", "ColorBar", "register_fonts", "styles", "esc", "P",
           "png_image", "table", "box", "marked_markup", "category_legend", "chart", "chart_height"]

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


def chart(fn: Any, table: Any, height: float, width: float = 7.2, **kw: Any) -> Image:
    """``fn(table, ax=…, **kw)`` drawn on a ``width`` × ``height`` inch figure, as a PNG flowable."""
    fig, axes = C.figure(width, height)
    with matplotlib.rc_context(C.RC):
        fn(table, ax=axes[0][0], **kw)
    return png_image(C.fig_png(fig))


def chart_height(n_rows: int, per: float = 0.32, base: float = 1.1, lo: float = 2.0, hi: float = 8.5) -> float:
    """Figure height in inches for a chart of ``n_rows`` bars, clipped to [lo, hi]."""
    return max(lo, min(hi, base + per * n_rows))
