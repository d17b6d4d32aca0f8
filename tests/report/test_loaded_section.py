"""The report's loaded-language section (framing.report.loaded_section): own words, quoted words and
epistemic markers apart, every rate printed with its count, its words and its interval (issue 20)."""
from __future__ import annotations

import re

from framing.report import _common as C
from framing.report import loaded_section as L


def test_loaded_section_rate_text_never_bare():
    assert L.rate_text(6, 270, 1000 * 6 / 270, 8.15, 48.4) == "22.2 per 1,000 (6 in 270 words; 95 % CI 8.2–48.4)"
    assert L.rate_text(0, 0, float("nan"), float("nan"), float("nan"), "quoted ") == "no quoted words"


def test_loaded_section_rows_come_from_the_summary(comp):
    pal = C.palette(comp)
    rows = L.summary_rows(comp, pal)
    assert len(rows) == 1 + len(pal.order)
    s = comp.loaded_summary.set_index(["outlet", "voice"])
    for k, row in zip(pal.order, rows[1:]):
        own, quo = s.loc[(k, "own")], s.loc[(k, "quoted")]
        assert row[1].startswith(f"{own['loaded_per_1000']:.1f} per 1,000 ({int(own['n_loaded'])} in "
                                 f"{int(own['n_words']):,} words; 95 % CI ")
        assert f"{int(quo['n_loaded'])} in {int(quo['n_words']):,} quoted words" in row[2]
        assert f"({int(own['n_epistemic'])} in {int(own['n_words']):,} words" in row[3]
        assert row[4] == f"{int(own['n_candidates'] - own['n_loaded'] + quo['n_candidates'] - quo['n_loaded']):,}"


def test_loaded_section_in_pdf_and_html(comp, tmp_path):
    from framing.report import html, pdf

    text = " ".join(pdf.pdf_text(pdf.write_pdf(comp, tmp_path / "r.pdf")))
    text = re.sub(r"\s+", " ", text)
    assert "own words" in text and "Epistemic markers" in text and "95 % CI" in text
    pal = C.palette(comp)
    for k in pal.order:  # the key figures of each outlet page print the count and the interval
        assert L.key_figure(comp, k).split(" (")[0] in text
    page = html.render_html(comp)
    assert 'alt="epistemic markers per 1,000 own words"' in page and "Loaded, quoted words" in page
    assert "Lexicon words per 1,000 words by category" not in page  # the old all-hits chart is gone


def test_loaded_section_without_summary_says_so(comp):
    from framing.compare import Comparison

    frames = {k: v for k, v in comp.frames.items() if k != "loaded_summary"}
    old = Comparison(comp.corpus, frames, comp.analyzers, comp.warnings, {})
    assert L.key_figure(old, comp.outlet_order[0]) == "–"
    assert len(L.summary_rows(old, C.palette(old))) == 1
