"""Frames report section and worksheet task: read only comp tables, lay out, answer for every outlet."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

import framing
from framing.report import _common as C
from framing.report import frames_section as F
from tests.conftest import S400


@pytest.fixture(scope="module")
def comp():
    return framing.analyze(framing.load_corpus(S400), analyzers=["frames", "roles"])


def test_frames_section_rows_for_every_outlet(comp) -> None:
    pal = C.palette(comp)
    shares = F.share_rows(comp, pal)
    assert len(shares) == 1 + len(pal.order) and shares[0][1] == "Conflict"
    assert all("%" in c for row in shares[1:] for c in row[1:])
    ev = F.evidence_rows(comp, pal)
    assert {r["key"] for r in ev} == set(pal.order)
    fr = comp.frames["article_frames"]
    for r in ev:  # the quoted sentence is the article's own sentence
        row = fr[(fr.article_id == r["article_id"]) & (fr.frame == r["frame"])].iloc[0]
        assert " ".join(row.evidence.split()).startswith(r["evidence"].rstrip(" …"))
    assert [r[0] for r in F.role_rows(comp, pal)[1:]] == [pal.names[k] for k in pal.order]


def test_frames_section_pdf_and_html(comp, tmp_path) -> None:
    from reportlab.platypus import SimpleDocTemplate

    pal = C.palette(comp)
    flow = F.pdf_section(comp, pal)
    SimpleDocTemplate(str(tmp_path / "f.pdf")).build(flow)
    assert (tmp_path / "f.pdf").stat().st_size > 1000
    page = F.html_section(comp, pal)
    assert page.startswith('<section id="frames">') and "Heroes, villains, victims" in page
    assert "<script" not in page


def test_frames_section_escapes_hostile_text() -> None:
    pal = C.Palette(("x",), {"x": "X <b>"}, {"x": "#000000"}, {}, {})
    fr = pd.DataFrame({"article_id": ["a"], "outlet": ["x"], "frame": ["conflict"], "score": [0.9], "present": [True],
                       "evidence_start": [0], "evidence_end": [10], "evidence": ['<script>alert("x")</script> clash'],
                       "cues": ["clash"]})
    comp = SimpleNamespace(article_frames=fr, frame_shares=framing.frame_shares(fr), roles=None)
    page = F.html_section(comp, pal)
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>clash</b>" in page
    from reportlab.platypus import SimpleDocTemplate
    import io
    SimpleDocTemplate(io.BytesIO()).build(F.pdf_section(comp, pal))


def test_frames_section_without_tables() -> None:
    pal = C.Palette(("x",), {"x": "X"}, {"x": "#000000"}, {}, {})
    comp = SimpleNamespace()
    assert "No frame table" in F.html_section(comp, pal)


def test_frames_worksheet_task_answers_every_outlet(comp) -> None:
    task = F.worksheet_task(comp)
    pal = C.palette(comp)
    assert task["title"] == "Which frame does each source use?"
    assert [a["key"] for a in task["answers"]] == list(pal.order)
    for a in task["answers"]:
        assert a["frame"] in framing.analyzers.frames.FRAMES and a["quote"]
    blind = F.worksheet_task(comp, labels={k: chr(65 + i) for i, k in enumerate(pal.order)})
    assert [a["label"] for a in blind["answers"]] == ["A", "B", "C", "D", "E"]
    assert F.worksheet_task(comp) == task
