"""Tests of the classroom worksheet and its answer key."""
from __future__ import annotations

from pypdf import PdfReader

from framing.report import worksheet
from framing.report.pdf import pdf_text

NAMES = ("CBC News", "World Socialist Web Site")


def test_worksheet_blind_hides_outlet_names(comp, tmp_path):
    out = worksheet.write_worksheet(comp, tmp_path / "ws.pdf", blind=True)
    pages = pdf_text(out)
    student = "\n".join(pages[1:])  # page 1 is the teacher's
    assert "Source A" in student and "Source C" in student
    for name in NAMES:
        assert name not in student.split("Guess the outlet")[0]


def test_worksheet_blind_masks_names_inside_excerpts(comp):
    plan = worksheet.worksheet_plan(comp, blind=True, max_chars=5000)
    for p in plan:
        for name in NAMES:
            assert name.lower() not in p["text"].lower()
    assert sorted(p["label"] for p in plan) == ["A", "B", "C"]


def test_worksheet_answers_name_real_outlets(comp, tmp_path):
    ws, key = tmp_path / "ws.pdf", tmp_path / "key.pdf"
    worksheet.write_worksheet(comp, ws, blind=True, answers=key)
    text = "\n".join(pdf_text(key))
    for name in NAMES:
        assert name in text
    assert "Answer key" in text and len(PdfReader(ws).pages) >= 3


def test_worksheet_not_blind_uses_names(comp):
    plan = worksheet.worksheet_plan(comp, blind=False)
    assert [p["label"] for p in plan] == ["CBC News", "RT", "World Socialist Web Site"]


def test_worksheet_deterministic(comp):
    assert worksheet.render_worksheet(comp, True) == worksheet.render_worksheet(comp, True)
    assert worksheet.render_answers(comp, True) == worksheet.render_answers(comp, True)


def test_worksheet_excerpt_terms_lie_in_excerpt(comp):
    for p in worksheet.worksheet_plan(comp, blind=False, max_chars=5000):
        for term, _cat in p["terms"]:
            assert term.lower() in p["text"].lower()


def test_worksheet_blind_mask_hides_self_references_not_people():
    class _Comp:
        def outlet_names(self, key):
            return {"fox": ["fox", "Fox News", "Fox", "foxnews.com"],
                    "nyt": ["nyt", "The New York Times", "New York Times", "The Times", "nytimes.com"]}[key]

    rx = worksheet._mask_pattern(_Comp(), ["fox", "nyt"])
    cases = {
        "Senate aides told The Times on Monday.": "Senate aides told [X] on Monday.",
        "Former Mexican president Vicente Fox said so.": "Former Mexican president Vicente Fox said so.",
        "Fox News Digital has learned that": "[X] has learned that",
        "according to the New York Times,": "according to [X],",
        "see www.nytimes.com/2019/07/12/x.html today": "see [X] today",
    }
    for text, masked in cases.items():
        assert rx.sub("[X]", text) == masked
