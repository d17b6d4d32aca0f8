"""How corpora, comparisons and outlets show themselves in a notebook.

Plain reprs are one line and never contain article text; ``_repr_html_``
builds a small escaped HTML summary (every value goes through
:func:`html.escape`, like the HTML report). Nothing here computes an
analysis: the Comparison summary reads its tables, the Corpus summary reads
article fields and outlet facts.

Examples
--------
>>> from framing.corpus import Corpus
>>> c = Corpus.from_records([{"id": "a1", "outlet": "cbc", "text": "NATO said <so>.", "date": "2017-09-16"}])
>>> corpus_repr(c)
'<Corpus: 1 article, 1 outlet (cbc); 2017-09-16; 0 actors>'
>>> h = corpus_html(c)
>>> "a1" in h, "NATO said" in h
(True, False)
"""
from __future__ import annotations

import datetime as _dt
import math
from html import escape
from typing import Any, Iterable, Sequence

import pandas as pd

__all__ = ["corpus_repr", "corpus_html", "article_repr", "comparison_html", "outlet_repr", "outlet_html",
           "PLOTS", "MAX_ROWS"]

#: Rows shown by a Corpus's HTML summary (the rest are counted).
MAX_ROWS = 50

#: The ``comp.plot`` functions, with what each draws (listed by the Comparison's HTML summary).
PLOTS: tuple[tuple[str, str], ...] = (
    ("sentiment", "sentence tone per outlet, mean and 95 % interval"),
    ("actors", "tone around each story actor, per outlet"),
    ("loaded", "flagged loaded terms per 1,000 own words, by category (kind='epistemic': hedges, factives)"),
    ("affiliations", "share of quotes by speaker affiliation"),
    ("voices", "direct, anonymous and loaded-verb shares of quotes"),
    ("distinctive", "an outlet's most distinctive words (outlet=...)"),
    ("words", "words of text per outlet"),
)

_STYLE = ("border-collapse:collapse;font-size:0.9em;margin:0.3em 0",
          "padding:2px 8px;text-align:left;border-bottom:1px solid #ddd")


def _e(v: Any) -> str:
    return escape(str(v), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _date_span(dates: Iterable[Any]) -> str:
    ds = sorted(d for d in dates if isinstance(d, _dt.date))
    if not ds:
        return "no dates"
    return ds[0].isoformat() if ds[0] == ds[-1] else f"{ds[0].isoformat()} to {ds[-1].isoformat()}"


def _short(s: Any, n: int = 60) -> str:
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _keys(keys: Sequence[str], k: int = 8) -> str:
    return ", ".join(keys[:k]) + (f" … (+{len(keys) - k})" if len(keys) > k else "")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table from already escaped cells."""
    th = "".join(f'<th style="{_STYLE[1]}">{h}</th>' for h in header)
    body = "".join("<tr>" + "".join(f'<td style="{_STYLE[1]}">{c}</td>' for c in r) + "</tr>" for r in rows)
    return f'<table style="{_STYLE[0]}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def _swatch(color: str) -> str:
    return (f'<span style="display:inline-block;width:0.9em;height:0.9em;background:{_e(color)};'
            'border:1px solid #333;vertical-align:middle"></span>')


def _fact(v: Any) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or str(v).strip() in ("", "nan", "None"):
        return "unknown"
    return v.isoformat() if isinstance(v, _dt.date) else str(v)


# -- corpus and article ---------------------------------------------------------------------------
def corpus_repr(corpus: Any) -> str:
    """One line: articles, outlets, date span, actors, story (shortened), never article text."""
    keys = list(corpus.outlet_keys)
    story = f"; story: {_short(corpus.story)!r}" if corpus.story else ""
    return (f"<Corpus: {_plural(len(corpus), 'article')}, {_plural(len(keys), 'outlet')} ({_keys(keys)}); "
            f"{_date_span(a.date for a in corpus.articles)}; {_plural(len(corpus.actors), 'actor')}{story}>")


def article_repr(article: Any) -> str:
    """One line: id, outlet, title (shortened), date, length; never the text."""
    date = article.date.isoformat() + ("~" if article.date_approximate else "") if article.date else "no date"
    title = f" {_short(article.title)!r}" if article.title else ""
    return f"<Article {article.id!r} ({article.outlet}){title} {date}, {len(article.text):,} chars>"


def corpus_html(corpus: Any, max_rows: int = MAX_ROWS) -> str:
    """One row per article (first ``max_rows``): outlet with its colour and facts, title, date, words."""
    from .plots import outlet_colors

    keys = list(corpus.outlet_keys)
    colors = outlet_colors(keys)
    facts = {k: corpus.outlet(k) for k in keys}
    rows = []
    for a in corpus.articles[:max_rows]:
        o = facts[a.outlet]
        date = (a.date.isoformat() + (" (approx.)" if a.date_approximate else "")) if a.date else "unknown"
        rows.append([_e(a.id), f"{_swatch(colors[a.outlet])} {_e(o.name)}", _e(_fact(o.country)), _e(_fact(o.type)),
                     _e(_fact(o.state_affiliation)), _e(_fact(o.owner)), _e(_short(a.title, 70) or "–"), _e(date),
                     f"{a.n_words:,}"])
    more = len(corpus) - len(rows)
    story = f"<div>{_e(corpus.story)}</div>" if corpus.story else ""
    return (f"<div><b>Corpus</b>: {_plural(len(corpus), 'article')} from {_plural(len(keys), 'outlet')}, "
            f"{_e(_date_span(a.date for a in corpus.articles))}, {_plural(len(corpus.actors), 'actor')}{story}"
            + _table(["id", "outlet", "country", "type", "state affiliation", "owner", "title", "date", "words"], rows)
            + (f"<div>… and {more} more article(s).</div>" if more > 0 else "")
            + "<div><code>framing.analyze(corpus)</code> compares the outlets.</div></div>")


# -- comparison -------------------------------------------------------------------------------------
def _rows_by_outlet(table: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(table, pd.DataFrame) or "outlet" not in table.columns:
        return {}
    return {str(r["outlet"]): r for r in table.drop_duplicates("outlet").to_dict("records")}


def _num(v: Any, fmt: str) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return "–"
    return "–" if math.isnan(f) else format(f, fmt)


def _pct(v: Any) -> str:
    try:
        f = 100 * float(v)
    except (TypeError, ValueError):
        return "–"
    return "–" if math.isnan(f) else f"{f:.0f}%"


def _loaded_per_1000(comp: Any) -> dict[str, str]:
    """Flagged loaded terms per 1,000 of each outlet's own words, with the count and the 95 % interval
    (``loaded_summary``), as the PDF's key figures show it."""
    ls = comp.frames.get("loaded_summary")
    if not isinstance(ls, pd.DataFrame) or ls.empty or not {"outlet", "voice", "n_loaded"} <= set(ls.columns):
        return {}
    own = ls[ls["voice"] == "own"]
    return {str(r.outlet): f"{_num(r.loaded_per_1000, '.1f')} ({r.n_loaded} in {r.n_words:,}; "
                           f"{_num(r.loaded_ci_low, '.1f')}–{_num(r.loaded_ci_high, '.1f')})"
            for r in own.itertuples(index=False)}


def _key_figures(comp: Any, order: Sequence[str], names: dict[str, str], colors: dict[str, str]) -> str:
    outs, sent, vs = (_rows_by_outlet(comp.frames.get(t)) for t in ("outlets", "outlet_sentiment", "voice_summary"))
    loaded = _loaded_per_1000(comp)
    rows = []
    for k in order:
        o, s, v = outs.get(k, {}), sent.get(k, {}), vs.get(k, {})
        ci = (f" [{_num(s.get('ci_low'), '+.2f')}, {_num(s.get('ci_high'), '+.2f')}]"
              if s and _num(s.get("ci_low"), ".2f") != "–" else "")
        rows.append([f"{_swatch(colors.get(k, '#bbb'))} {_e(names.get(k, k))}", _e(_num(o.get("n_articles"), ".0f")),
                     _e(_num(o.get("n_words"), ",.0f")), _e(_num(s.get("mean"), "+.2f") + ci), _e(loaded.get(k, "–")),
                     _e(_num(v.get("n_quotes"), ".0f")), _e(_pct(v.get("share_anonymous")))])
    return _table(["outlet", "articles", "words", "mean tone [95 % CI]",
                   "flagged loaded / 1,000 own words (n in words; 95 % CI)", "quotes",
                   "anonymous"], rows)


def comparison_html(comp: Any) -> str:
    """Key figures per outlet (with the report's colours), the warnings, the tables and plots to call next."""
    from .report._common import palette
    from .tables import TABLES

    pal = palette(comp)
    names, colors = dict(pal.names), dict(pal.colors)
    n_art = len(comp.frames.get("articles", ()))
    dates = comp.frames["articles"]["date"] if "articles" in comp.frames else ()
    head = (f"<div><b>Comparison</b>: {_plural(n_art, 'article')} from {_plural(len(pal.order), 'outlet')}, "
            f"{_e(_date_span(dates))}" + (f"<div>{_e(comp.story)}</div>" if comp.story else "") + "</div>")
    warn = "".join(f"<li>{_e(w)}</li>" for w in comp.warnings)
    warn = f'<div style="background:#FFF4D6;padding:2px 6px"><b>Warnings</b><ul>{warn}</ul></div>' if warn else ""
    tabs = []
    for name, t in comp.frames.items():
        doc = TABLES[name].doc.split("\n")[0] if name in TABLES else ""
        tabs.append([f"<code>comp.{_e(name)}</code>", _e(f"{len(t):,} × {len(t.columns)}"), _e(_short(doc, 90))])
    plots = "".join(f"<li><code>comp.plot.{_e(n)}()</code>: {_e(d)}</li>" for n, d in PLOTS)
    return ("<div>" + head + _key_figures(comp, pal.order, names, colors) + warn
            + "<details><summary><b>Tables</b> (pandas DataFrames)</summary>"
            + _table(["table", "rows × columns", "meaning"], tabs) + "</details>"
            + f"<div><b>Plots</b> (matplotlib Axes, the report's colours)<ul>{plots}</ul></div>"
            + "<div><b>Reports</b>: <code>comp.to_pdf(path)</code>, <code>comp.to_html(path)</code>, "
            + "<code>comp.to_csv(folder)</code>, <code>comp.to_excel(path)</code></div></div>")


# -- outlets ----------------------------------------------------------------------------------------
_OUTLET_FACTS = (("Name", "name"), ("Country", "country"), ("Languages", "languages"), ("Type", "type"),
                 ("Owner", "owner"), ("Funding", "funding"), ("State affiliation", "state_affiliation"),
                 ("Basis", "state_affiliation_basis"), ("Founded", "founded"), ("Domains", "domains"),
                 ("Notes", "notes"))


def outlet_repr(outlet: Any) -> str:
    """One line: key, name, country, state affiliation, number of cited sources."""
    return (f"<Outlet {outlet.key!r}: {outlet.name}, {_fact(outlet.country)}, {outlet.state_affiliation}, "
            f"{_plural(len(outlet.sources), 'source')}{'' if outlet.registered else ', unregistered'}>")


def _ref(ref: str) -> str:
    if ref.startswith(("http://", "https://")):
        return f'<a href="{_e(ref)}" target="_blank" rel="noopener">{_e(ref)}</a>'
    return _e(ref)


def outlet_html(outlet: Any) -> str:
    """The outlet's fact sheet: each fact with its sources (checked date; stale ones marked)."""
    facts = outlet.facts()
    rows = []
    for label, name in _OUTLET_FACTS:
        cites = [c for c in outlet.sources if c.field == name]
        if name in ("state_affiliation_basis", "notes", "domains") and _fact(facts.get(name)) == "unknown":
            continue
        src = "<br>".join(_ref(c.ref) + _e(f" (checked {c.checked or 'never'}{', stale' if c.stale() else ''})")
                          for c in cites) or "–"
        rows.append([_e(label), _e(_fact(facts.get(name))), src])
    other = sorted({c.field for c in outlet.sources} - {n for _, n in _OUTLET_FACTS})
    for name in other:
        rows.append([_e(name), "", "<br>".join(_ref(c.ref) for c in outlet.sources if c.field == name)])
    return (f"<div><b>{_e(outlet.name)}</b> (<code>{_e(outlet.key)}</code>)"
            + _table(["fact", "value", "sources"], rows) + "</div>")
