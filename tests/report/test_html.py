"""Tests of the HTML report: self-contained, escaped, highlights built from offsets."""
from __future__ import annotations

import re

import pytest

from framing.report import _common as C
from framing.report import html


@pytest.fixture(scope="module")
def page(comp) -> str:
    return html.render_html(comp)


def test_html_escapes_article_markup(page):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "&lt;b&gt;bold" in page or "&lt;b&gt;<" in page
    assert "<para>" not in page
    import html as _html

    assert "<para>p</para>" in _html.unescape(re.sub(r"<[^>]+>", "", page))  # shown as text, marks aside


def test_html_self_contained_and_complete(page, comp):
    assert page.count("data:image/png;base64,") >= 6
    assert 'src="http' not in page and "<link" not in page
    for name in ("CBC News", "RT", "World Socialist Web Site"):
        assert name in page
    plain = re.sub(r"<[^>]+>", "", page)
    for a in comp.corpus.articles:  # every article in full (its last paragraph, tags removed)
        assert str(html.escape(a.paragraphs[-1].text)) in plain


def test_html_terms_have_category_title(page, comp):
    import html as _html

    lt = comp.loaded_terms
    counted = lt[lt["category"].isin(("hedge", "factive", "assertive")) | lt["flagged"] | (lt["in_quote"] & lt["word_flagged"])]
    assert 0 < len(counted) < len(lt)  # unflagged hits (here a scare quote) are not highlighted
    for hit in counted.head(20).itertuples():
        assert f'class="term cat-{html._slug(hit.category)}" title="{_html.escape(hit.category.replace("_", " "))}: ' in page


def test_html_same_output_twice(comp, page):
    assert html.render_html(comp) == page


@pytest.mark.parametrize("text, marks, expected", [
    ("a <b> threat", [C.Mark(6, 12, "term", "emotive")],
     'a &lt;b&gt; <mark class="term cat-emotive" title="emotive">threat</mark>'),
    ('x "big & bad" y', [C.Mark(2, 13, "quote", "NATO", "Stoltenberg"), C.Mark(3, 6, "term", "intensifier")],
     'x <span class="quote" style="background:#9cf" title="Stoltenberg · NATO">&#34;</span>'
     '<span class="quote" style="background:#9cf" title="Stoltenberg · NATO"><mark class="term cat-intensifier" '
     'title="intensifier">big</mark></span><span class="quote" style="background:#9cf" title="Stoltenberg · NATO">'
     ' &amp; bad&#34;</span> y'),
    ("no marks <i>", [C.Mark(5, 999, "term", "emotive"), C.Mark(4, 2, "term", "emotive")], "no marks &lt;i&gt;"),
])
def test_html_highlight_overlaps_and_bad_offsets(text, marks, expected):
    pal = C.Palette(("x",), {"x": "X"}, {"x": "#000"}, {"emotive": "#fa0"}, {"NATO": "#9cf"})
    assert str(html.highlight_html(text, marks, pal)) == expected


def test_html_write_is_atomic(comp, tmp_path, monkeypatch):
    out = tmp_path / "r.html"
    out.write_text("old")

    def boom(*a, **k):
        raise RuntimeError("template failed")

    monkeypatch.setattr(html, "context", boom)
    with pytest.raises(RuntimeError):
        html.write_html(comp, out)
    assert out.read_text() == "old"
