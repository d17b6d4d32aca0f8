"""Report sections for a corpus of several stories: the outlets compared within each story.

For a corpus with more than one story (``articles.story``), the report states how many stories and
articles it covers, then shows

* **Across stories**: each outlet's mean within-story difference from the other outlets, per metric,
  with a 95 % interval over stories (``comp.story_differences``), so that a topic one outlet covered
  more often does not show as its framing;
* **Story by story**: each story's articles side by side, one row per outlet: headline, date, tone,
  flagged loaded terms per 1,000 words, quotes, the most quoted voices and the frames present
  (``comp.articles``, ``comp.story_metrics``, ``comp.voices``, ``comp.article_frames``).

A single-story corpus gets none of this (every function returns nothing) and the report's title stays
"How N outlets framed the same story". Reads only the Comparison's tables.
"""
from __future__ import annotations

import datetime as _dt
import html
import math
from typing import Any

import pandas as pd

from . import _common as C
from ._pdfkit import FRAME_W, P, table

__all__ = ["stories", "is_multi_story", "title", "scope_text", "subtitle", "footer_text", "summary_rows",
           "story_rows", "shown_stories", "pdf_section", "html_section", "nav_link"]

#: Speaker affiliations shown in the across-stories table (those with the largest shares overall).
MAX_AFFILIATIONS = 4
#: Outlets per across-stories table (more outlets: several tables).
OUTLETS_PER_TABLE = 4
#: At most this many stories are shown side by side (those most outlets covered, then most articles).
MAX_STORIES_SHOWN = 30
_LABELS = {"tone": "Sentence tone (-1 … +1)", "loaded_rate": "Loaded terms per 1,000 own words",
           "quote_rate": "Quotes per 1,000 words", "anonymous_share": "Quotes from unnamed sources (share)"}
_HOW = ("Outlets compared within each story, then over stories. For every story, metric and outlet, the outlet's "
        "value is set against the story's mean over its outlets; the table gives the mean of those differences "
        "over the stories the outlet covered, with a 95 % t interval over stories (the story is the unit), and in "
        "brackets the outlet's own mean. A difference near 0 means the outlet writes like the others on the same "
        "events; an interval that excludes 0 is marked *. Sections 1–4 pool all articles, where a topic one outlet "
        "covered more often can look like its framing: read this table first. Loaded terms count the words the "
        "loaded-language model flags in context; frame scores run from 0 to 1.")
_STORY_HOW = ("Each story's articles side by side. Tone: mean sentence score. Loaded: flagged loaded terms per "
              "1,000 words (count). Quotes: quotes found. Most quoted: the speakers quoted most (quotes). "
              "Frames: generic news frames the model finds present.")




def stories(comp: Any) -> list[dict[str, Any]]:
    """The corpus's stories in order of first appearance: ``story, number, articles`` (records of
    ``comp.articles``), ``outlets`` (keys), ``first_date`` and ``last_date`` (ISO or "")."""
    arts = C.optional_table(comp, "articles")
    if arts is None or "story" not in arts.columns:
        return []
    out = []
    for i, (story, g) in enumerate(arts.groupby(arts["story"].fillna("").astype(str), sort=False), start=1):
        dates = sorted(d.isoformat() for d in g["date"] if isinstance(d, _dt.date))
        out.append({"story": story, "number": i, "articles": g.to_dict("records"),
                    "outlets": list(dict.fromkeys(g["outlet"].astype(str))),
                    "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else ""})
    return out


def is_multi_story(comp: Any) -> bool:
    """True when the corpus's articles belong to more than one story."""
    arts = C.optional_table(comp, "articles")
    return arts is not None and "story" in arts.columns and arts["story"].fillna("").astype(str).nunique() > 1


def title(comp: Any, n_outlets: int) -> str:
    """The report's title: "How N outlets framed the same story", or "... covered K stories"."""
    s = "s" if n_outlets != 1 else ""
    if not is_multi_story(comp):
        return f"How {n_outlets} outlet{s} framed the same story"
    return f"How {n_outlets} outlet{s} covered {len(stories(comp))} stories"


def scope_text(comp: Any) -> str:
    """For several stories: how many stories and articles the report covers, and how to read it ("" else)."""
    if not is_multi_story(comp):
        return ""
    st = stories(comp)
    n_art = sum(len(s["articles"]) for s in st)
    dates = sorted(d for s in st for d in (s["first_date"], s["last_date"]) if d)
    shared = sum(len(s["outlets"]) >= 2 for s in st)
    span = f", from {dates[0]} to {dates[-1]}" if dates else ""
    return (f"This corpus covers {len(st)} different stories (events) in {n_art} articles{span}; {shared} of the "
            f"stories were covered by at least two of the outlets. The outlets are compared within each story first "
            "(“Across stories” and “Story by story”); the later sections pool all articles.")


def subtitle(comp: Any, default: str) -> str:
    """The line under the title: ``default`` for one story; for several, the corpus's story description
    when it has one, else "K stories, N articles"."""
    if not is_multi_story(comp):
        return default
    if comp.story:
        return comp.story
    st = stories(comp)
    return f"{len(st)} stories, {sum(len(s['articles']) for s in st)} articles"


def footer_text(comp: Any) -> str:
    """The page footer's story text: the corpus's story, or "K stories" for several."""
    if comp.story or not is_multi_story(comp):
        return comp.story
    return f"{len(stories(comp))} stories"


def _label(metric: str) -> str:
    if metric in _LABELS:
        return _LABELS[metric]
    if metric.startswith("affiliation:"):
        return f"Quotes from: {metric.split(':', 1)[1]} (share)"
    if metric.startswith("frame:"):
        from .frames_section import frame_label

        return f"Frame score: {frame_label(metric.split(':', 1)[1])}"
    return metric


def _shown_metrics(d: pd.DataFrame) -> list[str]:
    """Core metrics, the affiliations with the largest mean share, and the frames, in table order."""
    from ..analyzers.stories import metric_order

    affs = d[d["metric"].str.startswith("affiliation:")].groupby("metric", sort=False)["mean_value"].mean()
    top = sorted(affs.index, key=lambda m: (-affs[m], m))[:MAX_AFFILIATIONS]
    return [m for m in metric_order(d["metric"]) if not m.startswith("affiliation:") or m in top]


def _cell(r: Any, metric: str) -> str:
    digits = 1 if metric.endswith("_rate") else 2
    diff = C.fmt(r.mean_diff, digits, True)
    ci = ""
    if not (isinstance(r.ci_low, float) and math.isnan(r.ci_low)):
        ci = f" [{C.fmt(r.ci_low, digits, True)}, {C.fmt(r.ci_high, digits, True)}]"
        if r.ci_low > 0 or r.ci_high < 0:
            diff += "*"
    return f"{diff}{ci} ({C.fmt(r.mean_value, digits)})"


def summary_rows(comp: Any, pal: C.Palette) -> list[list[list[str]]]:
    """The across-stories tables (header + rows each), at most :data:`OUTLETS_PER_TABLE` outlets a table:
    one row per metric, a cell per outlet "difference [95 % interval] (outlet's mean)", and a last row
    with the number of stories. Empty for a single story or without ``comp.story_differences``."""
    d = C.optional_table(comp, "story_differences")
    if d is None or not is_multi_story(comp):
        return []
    idx = {(str(o), str(m)): r for o, m, r in zip(d["outlet"], d["metric"], d.itertuples(index=False))}
    keys = [k for k in pal.order if k in set(d["outlet"].astype(str))]
    metrics = _shown_metrics(d)
    out = []
    for i in range(0, len(keys), OUTLETS_PER_TABLE):
        chunk = keys[i:i + OUTLETS_PER_TABLE]
        rows = [["Difference from the story's mean [95 % CI] (outlet's mean)"] + [pal.names[k] for k in chunk]]
        for m in metrics:
            rows.append([_label(m)] + [_cell(idx[(k, m)], m) if (k, m) in idx else "–" for k in chunk])
        rows.append(["Stories compared"] + [str(max((int(idx[(k, m)].n_stories) for m in metrics if (k, m) in idx),
                                                    default=0)) for k in chunk])
        out.append(rows)
    return out


def _voices(comp: Any, aid: str, k: int = 3) -> str:
    v = C.optional_table(comp, "voices")
    if v is None:
        return "–"
    spk = v.loc[v["article_id"] == aid, "speaker"].fillna("").astype(str).str.strip()
    counts = spk[spk != ""].value_counts()
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return ", ".join(f"{s} ({n})" for s, n in items) or "none named"


def _frames_present(comp: Any, aid: str) -> str:
    from .frames_section import frame_label

    fr = C.optional_table(comp, "article_frames")
    g = fr[(fr["article_id"] == aid) & fr["present"].astype(bool)]
    return ", ".join(frame_label(str(f)) for f in g["frame"]) or "none"


def story_rows(comp: Any, pal: C.Palette, story: dict[str, Any]) -> list[list[str]]:
    """Header + one row per article of ``story`` (an entry of :func:`stories`): outlet, headline (date),
    tone, loaded rate (count), quotes, voices, and frames when the frames analyzer ran."""
    sm = C.optional_table(comp, "story_metrics")
    vals = {} if sm is None else {(str(a), str(m)): (v, c) for a, m, v, c in
                                  zip(sm["article_id"], sm["metric"], sm["value"], sm["count"])}
    frames = C.optional_table(comp, "article_frames") is not None
    rows = [["Outlet", "Headline (date)", "Tone", "Loaded / 1,000 (n)", "Quotes", "Most quoted"]
            + (["Frames present"] if frames else [])]
    for a in story["articles"]:
        aid = str(a["article_id"])
        head = C.fact(a.get("title")) if C.fact(a.get("title")) != "unknown" else aid
        date = C.fact(a.get("date"))
        tone = vals.get((aid, "tone"), (None, None))[0]
        rate, hits = vals.get((aid, "loaded_rate"), (None, None))
        quotes = vals.get((aid, "quote_rate"), (None, None))[1]
        rows.append([pal.names.get(str(a["outlet"]), str(a["outlet"])), f"{head} ({date})", C.fmt(tone, 2, True),
                     f"{C.fmt(rate, 1)} ({C.fmt(hits, 0)})" if rate is not None else "–",
                     C.fmt(quotes, 0) if quotes is not None else "–", _voices(comp, aid)]
                    + ([_frames_present(comp, aid)] if frames else []))
    return rows


def shown_stories(comp: Any) -> tuple[list[dict[str, Any]], int]:
    """The stories shown side by side (at most :data:`MAX_STORIES_SHOWN`: most outlets, then most
    articles, then corpus order; shown in corpus order) and the number of stories in all."""
    st = stories(comp)
    if len(st) <= MAX_STORIES_SHOWN:
        return st, len(st)
    best = sorted(st, key=lambda s: (-len(s["outlets"]), -len(s["articles"]), s["number"]))[:MAX_STORIES_SHOWN]
    return sorted(best, key=lambda s: s["number"]), len(st)


def _more_note(shown: list[dict[str, Any]], n: int) -> str:
    return ("" if len(shown) == n else f"Showing {len(shown)} of the {n} stories: those covered by the most outlets "
            "(then the most articles). Every story is in comp.story_metrics and comp.articles.")


def _story_heading(story: dict[str, Any], n: int) -> tuple[str, str]:
    """Heading and the note under it (the story's description, or its id when that is a bare id)."""
    dates = story["first_date"] + (f" to {story['last_date']}" if story["last_date"] != story["first_date"] else "")
    head = f"Story {story['number']} of {n}" + (f" · {dates}" if dates else "")
    sid = story["story"]
    note = (sid if " " in sid.strip() else f"story id: {sid or '(none)'}")
    note += f" · {len(story['outlets'])} outlet{'s' if len(story['outlets']) != 1 else ''}, " \
            f"{len(story['articles'])} article{'s' if len(story['articles']) != 1 else ''}"
    return head, note


def pdf_section(comp: Any, pal: C.Palette) -> list[Any]:
    """Reportlab flowables: "Across stories" and "Story by story" (nothing for a single story)."""
    if not is_multi_story(comp):
        return []
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

    el: list[Any] = [P("Across stories: the outlets compared within each story", "h1"), P(_HOW, "note")]
    tables = summary_rows(comp, pal)
    for rows in tables:
        first = 5.6 * cm
        w = (FRAME_W - first) / max(1, len(rows[0]) - 1)
        el.append(table(rows, [first] + [w] * (len(rows[0]) - 1)))
    if not tables:
        el.append(P("No within-story comparison in this analysis (the story_metrics analyzer did not run).", "note"))
    st, n_all = shown_stories(comp)
    el += [PageBreak(), P("Story by story", "h1"), P((_STORY_HOW + " " + _more_note(st, n_all)).strip(), "note")]
    for s in st:
        rows = story_rows(comp, pal, s)
        frames = len(rows[0]) == 7
        widths = [2.2, 5.0, 1.2, 1.8, 1.45, 3.6, 2.35] if frames else [2.4, 6.4, 1.3, 1.9, 1.45, 4.15]
        widths = [x * cm * FRAME_W / (sum(widths) * cm) for x in widths]
        head, note = _story_heading(s, n_all)
        el += [CondPageBreak(4 * cm), KeepTogether([P(head, "h2"), P(note, "note"),
                                                     table(rows, widths, zebra=False)])]
    return el


def _html_table(rows: list[list[str]], cls: str, colors: list[str | None] | None = None) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
    body = []
    for i, r in enumerate(rows[1:]):
        col = colors[i] if colors and i < len(colors) else None
        first = f' style="border-left: 6px solid {e(col)}"' if col else ""
        body.append("<tr>" + "".join(f"<td{first if j == 0 else ''}>{e(str(c))}</td>" for j, c in enumerate(r))
                    + "</tr>")
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def html_section(comp: Any, pal: C.Palette) -> str:
    """An escaped HTML fragment with the same content as :func:`pdf_section` ("" for a single story)."""
    if not is_multi_story(comp):
        return ""
    e = html.escape
    out = ['<section id="stories"><h2>Across stories: the outlets compared within each story</h2>',
           f'<p class="note">{e(_HOW)}</p>']
    tables = summary_rows(comp, pal)
    out += [_html_table(rows, "story-differences") for rows in tables]
    if not tables:
        out.append('<p class="note">No within-story comparison in this analysis.</p>')
    st, n_all = shown_stories(comp)
    out += ["<h2>Story by story</h2>", f'<p class="note">{e((_STORY_HOW + " " + _more_note(st, n_all)).strip())}</p>']
    for s in st:
        head, note = _story_heading(s, n_all)
        out += [f'<h3 id="story-{s["number"]}">{e(head)}</h3>', f'<p class="note">{e(note)}</p>',
                _html_table(story_rows(comp, pal, s), "story-articles",
                            [pal.colors.get(str(a["outlet"])) for a in s["articles"]])]
    out.append("</section>")
    return "\n".join(out)


def nav_link(comp: Any) -> str:
    """The navigation link to the section ("" for a single story)."""
    return '<a href="#stories">Stories</a>' if is_multi_story(comp) else ""
