"""Notebook display: short plain reprs without article text, escaped HTML summaries with the right facts."""
from __future__ import annotations

import re
import time
import warnings

import pytest

import framing
from framing import display
from framing.corpus import Corpus
from framing.outlets import Citation, Outlet, OutletRegistry
from framing.plotting import PlotAccessor
from framing.report._common import palette

from .conftest import S400


@pytest.fixture(scope="module")
def corpus():
    return framing.load_corpus(S400)


@pytest.fixture(scope="module")
def comp(corpus):
    return framing.analyze(corpus)


def _text_pieces(corpus) -> list[str]:
    """Pieces of article text a repr must never show: every sentence of 25+ characters (but the title)."""
    return [s.text for a in corpus for s in a.sentences if len(s.text) >= 25 and s.text != a.title]


def test_display_comparison_repr_is_short_and_has_no_text(comp, corpus):
    r = repr(comp)
    assert len(r) < 2000
    assert "5 articles" in r and "outlet_sentiment" in r
    assert not [p for p in _text_pieces(corpus) if p in r]


def test_display_corpus_and_article_reprs_have_no_text(corpus):
    r = repr(corpus)
    assert r.startswith("<Corpus: 5 articles, 5 outlets (cbc, rt, presstv, revoi, wsws); 2017-07-21 to 2021-02-01")
    assert len(r) < 400
    for a in corpus:
        ra = repr(a)
        assert ra.startswith(f"<Article {a.id!r} ({a.outlet})") and f"{len(a.text):,} chars" in ra
        assert len(ra) < 200
    pieces = _text_pieces(corpus)
    assert not [p for p in pieces if p in r or any(p in repr(a) for a in corpus)]
    assert not [p for p in pieces if p in corpus._repr_html_()]


def test_display_many_outlets_stay_short():
    recs = [{"id": f"a{i}", "outlet": f"Outlet number {i}", "text": f"NATO said the deal was bad. Text {i}."}
            for i in range(40)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        big = Corpus.from_records(recs, story="x" * 500)
        comp = framing.analyze(big)
    assert len(repr(big)) < 400 and "(+32)" in repr(big)
    assert len(repr(comp)) < 2000
    html = big._repr_html_()
    assert html.count("<tr>") == 1 + display.MAX_ROWS if len(big) > display.MAX_ROWS else 1 + len(big)
    assert display.corpus_html(big, max_rows=3).count("<tr>") == 4
    assert "… and 37 more article(s)." in display.corpus_html(big, max_rows=3)


def test_display_comparison_html_key_figures(comp):
    t0 = time.perf_counter()
    html = comp._repr_html_()
    took = time.perf_counter() - t0
    assert took < 5.0  # measured 0.02 s warm, 0.6 s with the first imports (docs/notes/notebook.md)
    pal = palette(comp)
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    for k in pal.order:
        row = next(r for r in rows if f">{pal.names[k]}<" in r or f"</span> {pal.names[k]}<" in r)
        assert pal.colors[k] in row
        s = comp.outlet_sentiment.set_index("outlet").loc[k]
        assert f"{s['mean']:+.2f} [{s['ci_low']:+.2f}, {s['ci_high']:+.2f}]" in row
        lr = comp.loaded_rates[(comp.loaded_rates["outlet"] == k) & (comp.loaded_rates["voice"] == "own")]
        flagged = lr[lr["kind"] == "loaded"]  # flagged loaded terms in the outlet's own words, with n and words
        n, words = int(flagged["n_hits"].sum()), int(lr["n_words"].iloc[0])
        assert f">{1000 * n / words:.1f} ({n} in {words:,}; " in row
        v = comp.voice_summary.set_index("outlet").loc[k]
        assert f">{int(v['n_quotes'])}<" in row and f">{100 * v['share_anonymous']:.0f}%<" in row
    for w in comp.warnings:
        assert display._e(w) in html
    for name in comp.frames:
        assert f"<code>comp.{name}</code>" in html
    for name, _ in display.PLOTS:
        assert f"<code>comp.plot.{name}()</code>" in html
        assert callable(getattr(PlotAccessor, name))


def test_display_html_is_escaped():
    reg = OutletRegistry([Outlet("x", "X <i>&</i> News", country="<b>C</b>",
                                 sources=(Citation("country", 'https://e.org/?a=1&b="2"<', "2024-01-01"),))])
    c = Corpus.from_records([{"id": "<a1>", "outlet": "x", "title": "<script>alert(1)</script>",
                              "text": "NATO said <script>x</script> so."}], registry=reg, story="A & <B>")
    comp = framing.analyze(c)
    comp.warnings.append("<img src=x onerror=alert(1)>")
    for html in (c._repr_html_(), comp._repr_html_(), reg.get("x")._repr_html_()):
        assert "<script>" not in html and "<img" not in html and "<i>&" not in html and "<b>C</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c._repr_html_()
    assert "X &lt;i&gt;&amp;&lt;/i&gt; News" in comp._repr_html_()
    assert "&lt;img src=x onerror=alert(1)&gt;" in comp._repr_html_()
    assert 'href="https://e.org/?a=1&amp;b=&quot;2&quot;&lt;"' in reg.get("x")._repr_html_()


def test_display_outlet_fact_sheet_cites_sources(corpus):
    rt = corpus.outlet("rt")
    r = repr(rt)
    assert r.startswith("<Outlet 'rt': RT, RU, state-controlled,") and len(r) < 200
    html = rt._repr_html_()
    for c in rt.sources:
        assert display._e(c.ref) in html
    assert ">state-controlled<" in html and ">RU<" in html
    old = Outlet("o", "Old", owner="Someone", sources=(Citation("owner", "https://e.org/owner", "2000-01-01"),))
    assert "checked 2000-01-01, stale" in old._repr_html_()
    assert "unregistered" in repr(Outlet.unregistered("Some Blog"))


def test_display_lexicon_and_registry_reprs_are_short():
    lex = framing.load_lexicon("loaded")
    assert len(repr(lex)) < 400 and f"{len(lex)} entries" in repr(lex)
    reg = framing.default_registry()
    assert len(repr(reg)) < 400 and repr(reg).startswith(f"<OutletRegistry: {len(reg)} outlets (")
