"""The coverage report section, the naming table and the worksheet task (read only comp tables)."""
from __future__ import annotations

import pandas as pd
import pytest

from framing.analyzers.coverage import coverage, coverage_matrix
from framing.analyzers.naming import naming, naming_summary
from framing.report import _common as C
from framing.report.coverage_section import (coverage_sentences, html_section, naming_rows, pdf_section,
                                             shown_claims, worksheet_task)


@pytest.fixture(scope="module")
def comp(s400):
    import framing

    c = framing.analyze(s400, analyzers=["coverage", "naming"])
    t = coverage(s400)
    pd.testing.assert_frame_equal(c.coverage, t)
    pd.testing.assert_frame_equal(c.naming_summary, naming_summary(naming(s400)))
    return c


def _with(comp, **tables):
    """The same Comparison with some tables replaced."""
    from dataclasses import replace

    return replace(comp, frames={**comp.frames, **tables})


def test_sentences_name_core_exclusives_and_omissions(comp):
    pal = C.palette(comp)
    s = coverage_sentences(comp, pal)
    assert len(s["core"]) >= 5 and len(s["exclusive"]) == len(pal.order) and s["omitted"]
    claims = set(coverage_matrix(comp.coverage)["claim"])
    assert any(c in s["core"][0] for c in claims)


def test_shown_claims_keeps_matrix_order(comp):
    shown = shown_claims(coverage_matrix(comp.coverage))
    idx = list(coverage_matrix(comp.coverage).index)
    assert [idx.index(i) for i in shown.index] == sorted(idx.index(i) for i in shown.index)


def test_naming_rows_cover_actors_and_outlets(comp):
    header, rows = naming_rows(comp, C.palette(comp))
    assert len(header) == 5 and len(rows) >= 3
    assert any("US-led NATO forces*" in cell for r in rows for cell in r)


def test_pdf_and_html_sections(comp):
    from reportlab.platypus import Paragraph

    el = pdf_section(comp, C.palette(comp))
    texts = " ".join(e.getPlainText() for e in el if isinstance(e, Paragraph))
    assert "What each outlet tells and leaves out" in texts and "Same actor, different names" in texts
    html = html_section(comp, C.palette(comp))
    assert html.startswith('<section id="coverage">') and "data:image/png;base64," in html
    assert "<script" not in html


def test_html_section_escapes_text(comp):
    t = comp.coverage.copy()
    t.loc[t["claim_id"] == t["claim_id"].iloc[0], "claim"] = "<script>alert(1)</script>"
    bad = _with(comp, coverage=t)
    assert "<script>" not in html_section(bad, C.palette(bad))


def test_worksheet_task_answer(comp):
    task = worksheet_task(comp, labels={k: "ABCDE"[i] for i, k in enumerate(comp.outlet_order)})
    assert task["label"] in "ABCDE" and task["title"].endswith(f"source {task['label']}?")
    assert task["facts"] and len(task["facts"]) == len(task["answer"])
    m = coverage_matrix(comp.coverage).set_index("claim")
    for a in task["answer"]:
        assert a["missing"] == (not bool(m.loc[a["claim"], task["outlet"]].any()))
    assert any(a["missing"] for a in task["answer"]) and not all(a["missing"] for a in task["answer"])


def test_sections_with_empty_tables(comp):
    empty = _with(comp, coverage=comp.coverage.iloc[0:0], naming_summary=comp.naming_summary.iloc[0:0])
    pal = C.palette(empty)
    assert pdf_section(empty, pal) and "No claims" in html_section(empty, pal)
    assert worksheet_task(empty)["facts"] == []
