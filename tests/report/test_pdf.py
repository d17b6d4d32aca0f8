"""Tests of the PDF report: pages, outlet names, determinism, escaping, atomic writes."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from framing.errors import ReportError
from framing.report import _common as C
from framing.report import _pdfkit, pdf

S400 = Path(__file__).resolve().parents[2] / "corpora" / "s400"


def _text(path: Path) -> str:
    return "\n".join(pdf.pdf_text(path))


def test_pdf_has_six_pages_and_names_every_outlet(comp, tmp_path):
    out = pdf.write_pdf(comp, tmp_path / "r.pdf")
    assert len(PdfReader(out).pages) >= 6
    text = _text(out)
    for name in ("CBC News", "RT", "World Socialist Web Site"):
        assert name in text
    assert "Methods and caveats" in text and "not yet measured" in text or "Measured accuracy" in text


def test_pdf_same_bytes_twice(comp, tmp_path):
    a = pdf.write_pdf(comp, tmp_path / "a.pdf").read_bytes()
    b = pdf.write_pdf(comp, tmp_path / "b.pdf").read_bytes()
    assert a == b


def test_pdf_empty_tables_still_render(comp_empty_tables, tmp_path):
    out = pdf.write_pdf(comp_empty_tables, tmp_path / "e.pdf")
    text = _text(out)
    assert len(PdfReader(out).pages) >= 6
    assert "no loaded terms found" in text and "no attributed quotes found" in text


@pytest.mark.parametrize("raw", ['<script>alert("x")</script>', "<para>p</para> & <b>b</b>", '<font color="red">f',
                                 "a\x00b\x0bc", "unbalanced < & > \"'"])
def test_pdf_esc_makes_markup_text(raw):
    para = Paragraph(_pdfkit.esc(raw), _pdfkit.styles()["base"])
    assert para.getPlainText().replace(" ", "") == raw.replace("\x00", " ").replace("\x0b", " ").replace(" ", "")


def test_pdf_marked_markup_escapes_and_marks(comp):
    text = 'He said "a <b>threat</b> & more" today.'
    marks = [C.Mark(9, 31, "quote", "NATO", "Jens Stoltenberg"), C.Mark(14, 20, "term", "emotive")]
    markup = _pdfkit.marked_markup(text, marks, 0, len(text), C.palette(comp))
    assert "&lt;b&gt;" in markup and "&amp;" in markup and "<b>threat</b>" in markup
    assert "[Jens Stoltenberg · NATO]" in markup
    Paragraph(markup, _pdfkit.styles()["excerpt"])  # valid reportlab markup


def test_pdf_failed_render_leaves_existing_file(comp, tmp_path, monkeypatch):
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old report")

    def boom(*a, **k):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(pdf, "outlet_pages", boom)
    with pytest.raises(RuntimeError):
        pdf.write_pdf(comp, out)
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_pdf_missing_folder_is_a_report_error(comp, tmp_path):
    with pytest.raises(ReportError, match="does not exist"):
        pdf.write_pdf(comp, tmp_path / "nope" / "r.pdf")


@pytest.mark.skipif(not (S400 / "manifest.yaml").exists(), reason="corpora/s400 not available")
def test_pdf_s400_end_to_end(tmp_path):
    import framing.compare
    import framing.corpus

    comp = framing.compare.analyze(framing.corpus.load_corpus(S400))
    out = comp.to_pdf(tmp_path / "s400.pdf")
    assert len(PdfReader(out).pages) >= 6
    text = _text(out)
    for name in comp.outlets["name"]:
        assert name in text
