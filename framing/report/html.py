"""The side-by-side comparison report as one self-contained HTML file.

Same sections as the PDF, charts inline (base64 PNG), plus every article in
full: loaded terms highlighted (hover shows the category and why the word is
loaded), quotes coloured by the speaker's affiliation (hover shows the
speaker). Jinja2 runs with autoescape, and the highlighted articles are
built piece by piece from the analyzers' offsets with every piece escaped,
so article text such as ``<script>`` or ``&`` comes out as text.
"""
from __future__ import annotations

import datetime as _dt

import base64
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import matplotlib
import pandas as pd
from markupsafe import Markup, escape

from .. import plots
from ..io import atomic_write_text
from . import _common as C
from . import stories_section

__all__ = ["write_html", "render_html", "highlight_html"]


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    def load(name: str) -> str:
        return resources.files("framing.report").joinpath("templates", name).read_text("utf-8")

    return jinja2.Environment(loader=jinja2.FunctionLoader(load), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _slug(s: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in str(s).lower()).strip("-") or "x"


def highlight_html(text: str, marks: list[C.Mark], pal: C.Palette) -> Markup:
    """``text`` as HTML with loaded terms in ``<mark>`` and quotes in coloured ``<q>``-like spans.

    Overlapping spans are split (see :func:`framing.report._common.segments`), so tags never cross.
    Every piece of text is escaped.

    Examples
    --------
    >>> pal = C.Palette(("x",), {"x": "X"}, {"x": "#000"}, {"emotive": "#fa0"}, {"NATO": "#9cf"})
    >>> str(highlight_html("a <b> threat", [C.Mark(6, 12, "term", "emotive", "fear")], pal))
    'a &lt;b&gt; <mark class="term cat-emotive" title="emotive: fear">threat</mark>'
    """
    out: list[str] = []
    for seg in C.segments(text, marks):
        piece = str(escape(seg.text))
        if seg.term is not None:
            t = seg.term
            tip = t.label.replace("_", " ") + (f": {t.detail}" if t.detail else "")
            piece = (f'<mark class="term cat-{_slug(t.label)}" title="{escape(tip)}">{piece}</mark>')
        if seg.speaker is not None:
            piece = f'<span class="speaker" title="speaker: {escape(seg.speaker.detail)}">{piece}</span>'
        if seg.quote is not None:
            q = seg.quote
            col = pal.affiliations.get(q.label, "#DDDDDD")
            piece = (f'<span class="quote" style="background:{col}" '
                     f'title="{escape(q.detail)} · {escape(q.label)}">{piece}</span>')
        out.append(piece)
    return Markup("".join(out))


def _png(fig: Any) -> str:
    return "data:image/png;base64," + base64.b64encode(C.fig_png(fig)).decode("ascii")


def _chart(fn: Any, table: Any, height: float, width: float = 8.0, **kw: Any) -> str:
    fig, axes = C.figure(width, height)
    with matplotlib.rc_context(C.RC):
        fn(table, ax=axes[0][0], **kw)
    return _png(fig)


def _h(n: int, per: float, base: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, base + per * n))


def _records(df: Any) -> list[dict[str, Any]]:
    return df.to_dict("records") if isinstance(df, pd.DataFrame) else []


def context(comp: Any) -> dict[str, Any]:
    from .loaded_section import html_section as loaded_html
    from .sections import html_sections

    """Everything the template shows (plain data; the template escapes it)."""

    pal = C.palette(comp)
    n = len(pal.order)
    names = pal.names
    facts = {r["outlet"]: r for r in _records(comp.outlets)}
    outlets = []
    for k in pal.order:
        f = facts.get(k, {})
        outlets.append({"key": k, "name": names[k], "color": pal.colors[k],
                        **{c: C.fact(f.get(c)) for c in ("type", "owner", "funding", "state_affiliation",
                                                         "state_affiliation_basis", "country", "founded",
                                                         "languages", "notes")},
                        "terms": comp.top_terms(k), "speakers": comp.top_speakers(k)})
    sent = {r["outlet"]: r for r in _records(comp.outlet_sentiment)}
    vs = {r["outlet"]: r for r in _records(comp.voice_summary)}
    stats = []
    for k in pal.order:
        s, v = sent.get(k, {}), vs.get(k, {})
        stats.append({"name": names[k], "color": pal.colors[k], "mean": C.fmt(s.get("mean"), 2, True),
                      "ci": f"[{C.fmt(s.get('ci_low'), 2, True)}, {C.fmt(s.get('ci_high'), 2, True)}]",
                      "neg": C.fmt_pct(s.get("share_negative")), "pos": C.fmt_pct(s.get("share_positive")),
                      "n_sent": C.fmt(s.get("n_sentences"), 0),
                      "n_quotes": C.fmt(v.get("n_quotes"), 0), "direct": C.fmt_pct(v.get("share_direct")),
                      "indirect": C.fmt_pct(v.get("share_indirect")), "anon": C.fmt_pct(v.get("share_anonymous")),
                      "loaded_verbs": C.fmt_pct(v.get("share_loaded_verbs")), "n_speakers": C.fmt(v.get("n_speakers"), 0)})
    charts = {
        "sentiment": _chart(plots.plot_sentence_sentiment, comp.sentences, _h(n, 0.42, 1.0, 2.2, 7.5),
                            summary=comp.outlet_sentiment, order=pal.order, colors=pal.colors, labels=names),
        "actors": _chart(plots.plot_actor_heatmap, comp.actor_sentiment, _h(n, 0.45, 1.8, 2.6, 8.0),
                         order=pal.order, labels=names),
        "affiliations": _chart(plots.plot_affiliation_shares, comp.affiliation_shares, _h(n, 0.38, 1.5, 2.6, 7.5),
                               order=pal.order, labels=names, colors=pal.affiliations),
        "voices": _chart(plots.plot_voice_summary, comp.voice_summary, _h(3 * n, 0.08, 1.0, 2.0, 6.0),
                         order=pal.order, colors=pal.colors, labels=names),
    }
    distinctive = [_png(fig) for fig in C.distinctive_figures(comp, pal, 8.0)]
    articles = []
    for a in comp.articles.itertuples(index=False):
        text = comp.article_text(a.article_id)
        marks = C.article_marks(comp, a.article_id, text)
        date = a.date.isoformat() if isinstance(a.date, _dt.date) else "unknown"
        articles.append({"id": a.article_id, "outlet": names.get(a.outlet, a.outlet),
                         "color": pal.colors.get(a.outlet, "#999"),
                         "title": a.title if isinstance(a.title, str) and a.title else a.article_id, "date": date,
                         "approx": bool(a.date_approximate), "url": a.url if isinstance(a.url, str) else "",
                         "n_words": a.n_words, "html": highlight_html(text, marks, pal),
                         "anchor": "article-" + _slug(a.article_id)})
    refs: dict[tuple[str, str], dict[str, Any]] = {}
    for r in _records(comp.sources):
        key = (str(r.get("outlet")), str(r.get("ref")))
        e = refs.setdefault(key, {"n": len(refs) + 1, "outlet": names.get(key[0], key[0]), "ref": key[1],
                                  "fields": [], "checked": C.fact(r.get("checked")),
                                  "stale": bool(r.get("stale"))})
        e["fields"].append(str(r.get("field")))
    methods = [{"title": t, "meaning": m, "limits": l, "accuracy": C.accuracy_text(k)}
               for k, t, m, l in C.methods(comp)]
    import framing

    return {
        "story": comp.story or "(no story description)",
        "outlets": outlets, "stats": stats, "charts": charts, "distinctive": distinctive, "articles": articles,
        "warnings": list(comp.warnings), "sources": list(refs.values()), "methods": methods,
        "extra_sections": Markup(html_sections(comp, pal)),
        "title": stories_section.title(comp, n),
        "subtitle": stories_section.subtitle(comp, comp.story or "(no story description)"),
        "scope": stories_section.scope_text(comp), "stories_nav": Markup(stories_section.nav_link(comp)),
        "stories_section": Markup(stories_section.html_section(comp, pal)),
        "loaded_section": Markup(loaded_html(comp, pal)),
        "categories": [{"name": c, "slug": _slug(c), "color": col} for c, col in sorted(pal.categories.items())],
        "affiliations": [{"name": a, "color": col} for a, col in sorted(pal.affiliations.items())],
        "version": framing.__version__, "n_articles": len(comp.articles),
        "article_rows": [{"outlet": names.get(r.get("outlet"), r.get("outlet")), "color": pal.colors.get(r.get("outlet")),
                          "title": C.fact(r.get("title")), "date": C.fact(r.get("date")),
                          "approx": bool(r.get("date_approximate")), "n_words": C.fmt(r.get("n_words"), 0),
                          "anchor": "article-" + _slug(r.get("article_id"))} for r in _records(comp.articles)],
    }


def render_html(comp: Any) -> str:
    """The report as an HTML string (deterministic for a given comparison)."""
    C.require_tables(comp)
    return _env().get_template("report.html.j2").render(**context(comp))


def write_html(comp: Any, path: str | Path) -> Path:
    """Write the self-contained HTML report to ``path`` atomically."""
    return atomic_write_text(path, render_html(comp))
