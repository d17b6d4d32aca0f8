"""Tests of the report sections for several stories (and that one story keeps the report as it was)."""
from __future__ import annotations

import re

import pytest

import framing
from framing.report import stories_section
from framing.report._common import palette
from framing.report.html import render_html
from framing.report.pdf import pdf_text, write_pdf
from tests.analyzers.test_stories import split_seeds


@pytest.fixture(scope="module")
def multi(s400):
    return framing.analyze(split_seeds(s400), analyzers=["sentences", "actor_mentions", "loaded_terms", "voices",
                                                         "distinctive", "story_metrics", "frames"])


def test_stories_section_lists_each_story_in_order(multi):
    st = stories_section.stories(multi)
    assert [s["story"] for s in st] == ["early", "late"]
    assert all(len(s["articles"]) == 5 and len(s["outlets"]) == 5 for s in st)
    assert stories_section.is_multi_story(multi)


def test_stories_section_title_counts_stories_not_the_same_story(multi, comp):
    assert stories_section.title(multi, 5) == "How 5 outlets covered 2 stories"
    assert "2 different stories" in stories_section.scope_text(multi)
    assert "10 articles" in stories_section.scope_text(multi)
    assert stories_section.title(comp, 3) == "How 3 outlets framed the same story"
    assert stories_section.scope_text(comp) == "" and stories_section.pdf_section(comp, palette(comp)) == []
    assert stories_section.html_section(comp, palette(comp)) == ""


def test_stories_section_summary_reads_story_differences(multi):
    pal = palette(multi)
    (rows,) = stories_section.summary_rows(multi, pal)[:1]
    assert rows[0][1:] == [pal.names[k] for k in pal.order][:stories_section.OUTLETS_PER_TABLE]
    tone = next(r for r in rows if r[0].startswith("Sentence tone"))
    d = multi.story_differences.set_index(["outlet", "metric"])
    first = pal.order[0]
    assert tone[1].startswith(f"{d.loc[(first, 'tone'), 'mean_diff']:+.2f}")
    assert rows[-1] == ["Stories compared"] + ["2"] * (len(rows[0]) - 1)
    assert any(r[0].startswith("Frame score") for r in rows)
    assert len(stories_section.summary_rows(multi, pal)) == 2  # 5 outlets: 4 + 1 per table


def test_stories_section_story_rows_put_one_storys_articles_side_by_side(multi):
    pal = palette(multi)
    st = stories_section.stories(multi)[1]
    rows = stories_section.story_rows(multi, pal, st)
    assert rows[0][-1] == "Frames present" and len(rows) == 6
    assert [r[0] for r in rows[1:]] == [pal.names[k] for k in pal.order]
    m = multi.story_metrics.set_index(["article_id", "metric"])
    aid = st["articles"][0]["article_id"]
    assert aid.endswith("-late")
    assert rows[1][2] == f"{m.loc[(aid, 'tone'), 'value']:+.2f}"


def test_stories_section_in_pdf_and_html(multi, tmp_path):
    pages = pdf_text(write_pdf(multi, tmp_path / "r.pdf"))
    text = "\n".join(pages)
    assert "How 5 outlets covered 2 stories" in pages[0] and "same story" not in pages[0]
    assert "Across stories" in text and "Story 1 of 2" in text and "Story 2 of 2" in text
    assert text.index("Across stories") < text.index("1 · Tone")
    html = render_html(multi)
    assert "<h1>How 5 outlets covered 2 stories</h1>" in html and 'id="stories"' in html
    assert len(re.findall(r'<h3 id="story-\d+">', html)) == 2


def test_stories_section_single_story_report_has_no_story_sections(comp, tmp_path):
    text = "\n".join(pdf_text(write_pdf(comp, tmp_path / "one.pdf")))
    assert "framed the same story" in text
    assert "Across stories" not in text and "Story by story" not in text
    html = render_html(comp)
    assert 'id="stories"' not in html and 'href="#stories"' not in html


def test_stories_section_shows_at_most_max_stories(multi, monkeypatch):
    monkeypatch.setattr(stories_section, "MAX_STORIES_SHOWN", 1)
    shown, n = stories_section.shown_stories(multi)
    assert n == 2 and [s["story"] for s in shown] == ["early"]
    html = stories_section.html_section(multi, palette(multi))
    assert "Showing 1 of the 2 stories" in html and "Story 1 of 2" in html and "Story 2 of 2" not in html
