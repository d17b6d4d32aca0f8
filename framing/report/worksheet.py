"""A classroom worksheet (and its answer key) for a media-literacy lesson.

Written for a teacher of 15-18 year olds: one short excerpt per outlet, four
tasks (circle the loaded words; who is quoted and who is not; guess the
outlet and say why; compare how outlets name the same actor) and an answer
key with the tool's findings. With ``blind=True`` outlet names are replaced
by letters, also inside the excerpts, and the letters are not in corpus
order. Both PDFs are deterministic and written atomically.
"""
from __future__ import annotations

import io
import re
import zlib
from pathlib import Path
from typing import Any

import pandas as pd
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from ..errors import ReportError
from ..io import atomic_write_bytes
from . import _common as C
from ._pdfkit import FONT, FRAME_W, MARGIN, PAGE_W, P, box, esc, register_fonts, styles, table

__all__ = ["write_worksheet", "render_worksheet", "render_answers", "worksheet_plan"]


def _letters(n: int) -> list[str]:
    abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [abc[i % 26] + ("" if i < 26 else str(i // 26 + 1)) for i in range(n)]


def _mask_pattern(comp: Any, keys: list[str]) -> re.Pattern[str] | None:
    """The outlets' self-references, to hide them in blind excerpts: names and aliases as written
    (case-sensitive, with a leading "the" and a trailing "Digital"/"News"/"reported"-style word kept
    inside the mask), and web domains in any case. A name that continues a capitalised name
    ("Vicente Fox") is a person or place, not the outlet, and stays."""
    names: set[str] = set()
    domains: set[str] = set()
    for k in keys:
        for n in comp.outlet_names(k):
            n = n.strip()
            if "." in n and " " not in n:
                domains.add(n)
            elif len(n) >= 3 and n != k:  # keys are slugs, not words a text uses
                names.add(n)
    alts = [re.escape(n) for n in sorted(names, key=len, reverse=True)]
    parts = []
    if alts:
        parts.append(r"(?<![\w'’-])(?<![A-Z][a-z] )(?<![A-Z][a-z][a-z] )(?<![A-Z][a-z]{3} )(?<![A-Z][a-z]{4} )"
                     r"(?<![A-Z][a-z]{5} )(?<![A-Z][a-z]{6} )(?<![A-Z][a-z]{7} )(?:[Tt]he )?(?:"
                     + "|".join(alts) + r")(?: (?:Digital|Online|website|web site|newsroom))?(?![\w-])")
    if domains:
        parts.append(r"(?i:(?<![\w.-])(?:www\.)?(?:" + "|".join(re.escape(d) for d in sorted(domains, key=len, reverse=True))
                     + r")(?:/\S*)?)")
    return re.compile("|".join(parts)) if parts else None


def worksheet_plan(comp: Any, blind: bool = False, max_chars: int | None = None) -> list[dict[str, Any]]:
    """One entry per outlet: its label (letter or name), excerpt text and what the tool found in it.

    Returns
    -------
    list of dict
        ``key, name, label, text`` (excerpt, masked when blind), ``article_id``, ``start, end`` (the
        excerpt's offsets in the article's text), ``article`` (title), ``terms``
        (term, category) found in the excerpt, ``quotes`` (speaker, affiliation) in the excerpt,
        in label order.
    """
    pal = C.palette(comp)
    order = list(pal.order)
    if max_chars is None:
        max_chars = 850 if len(order) <= 5 else 650 if len(order) <= 8 else 480
    if blind:  # letters not in corpus order, but fixed for a given set of outlets
        shuffled = sorted(order, key=lambda k: (zlib.crc32(k.encode("utf-8")), k))
    else:
        shuffled = order
    labels = dict(zip(shuffled, _letters(len(shuffled)))) if blind else {k: pal.names[k] for k in order}
    mask = _mask_pattern(comp, order) if blind else None
    first = {k: g.iloc[0] for k, g in comp.articles.groupby("outlet", sort=False)}
    plan = []
    for k in shuffled:
        art = first.get(k)
        if art is None:
            continue
        aid = art["article_id"]
        full = comp.article_text(aid)
        marks = C.article_marks(comp, aid, full)
        s, e = C.choose_excerpt(full, comp.article_paragraphs(aid), marks, max_chars=max_chars)
        text = full[s:e].strip()
        text = re.sub(r"\n\s*\n+", "\n\n", text)
        if mask is not None:
            text = mask.sub("[the outlet]", text)
        terms = sorted({(full[m.start:m.end], m.label) for m in marks if m.kind == "term" and s <= m.start < e},
                       key=lambda t: (t[0].lower(), t[1]))
        quotes = []
        for m in marks:
            if m.kind == "quote" and s <= m.start < e and (m.detail, m.label) not in quotes:
                quotes.append((m.detail, m.label))
        plan.append({"key": k, "name": pal.names[k], "label": labels[k], "text": text, "article_id": aid,
                     "start": s, "end": e,
                     "prefix": s > 0, "suffix": e < len(full),
                     "article": art["title"] if isinstance(art["title"], str) and art["title"] else aid, "terms": terms, "quotes": quotes})
    return plan


def _shared_actor(comp: Any, plan: list[dict[str, Any]]) -> tuple[str | None, dict[str, list[tuple[str, int]]]]:
    """The actor named inside the most excerpts of ``plan`` (at least two, or the one excerpt there is;
    ties: more mentions, then name), and how each excerpt that names it does so (mention, count). Task 4
    shows only those excerpts, so its actor occurs in every excerpt shown for it."""
    am = comp.actor_mentions
    needed = {"article_id", "actor", "mention", "start"}
    if not isinstance(am, pd.DataFrame) or am.empty or not needed <= set(am.columns):
        return None, {}
    spans = {p["article_id"]: p for p in plan}
    hits: dict[str, dict[str, list[str]]] = {}
    for aid, actor, mention, start in zip(am["article_id"], am["actor"], am["mention"], am["start"]):
        p = spans.get(aid)
        if p is not None and p["start"] <= int(start) < p["end"]:
            hits.setdefault(str(actor), {}).setdefault(p["key"], []).append(str(mention))
    need = min(2, len(plan))
    ranked = sorted((a for a, by in hits.items() if len(by) >= need),
                    key=lambda a: (-len(hits[a]), -sum(map(len, hits[a].values())), a))
    if not ranked:
        return None, {}
    out: dict[str, list[tuple[str, int]]] = {}
    for k, mentions in hits[ranked[0]].items():
        vc = pd.Series(mentions).value_counts()
        out[k] = sorted(((m, int(n)) for m, n in vc.items()), key=lambda t: (-t[1], t[0]))
    return ranked[0], out


def _story_scope(comp: Any, story: str | None) -> tuple[Any, str | None]:
    """The comparison of the one story the worksheet uses, and a note for the teacher saying which
    (None for a one-story corpus when no story is asked for: the comparison as it is)."""
    from ..story_view import pick_story, story_comparison, story_counts

    counts = story_counts(comp.articles)
    if story is None and len(counts) <= 1:
        return comp, None
    chosen = str(story) if story is not None else pick_story(comp.articles)
    sub = story_comparison(comp, chosen)
    if len(counts) <= 1:
        return sub, None
    row = counts[counts["story"] == chosen].iloc[0]
    titles = [t for t in sub.articles["title"] if isinstance(t, str) and t]
    how = ("as asked" if story is not None else
           "chosen as the one covered by the most outlets (then the most articles)")
    note = (f"This corpus has {len(counts)} stories; this worksheet uses only story {chosen} ({row['n_outlets']} "
            f"outlets, {row['n_articles']} articles" + (f", {row['first_date']}" if row["first_date"] else "")
            + (f": “{titles[0]}”" if titles else "") + f"), {how}. Every excerpt, task and answer comes from it. "
            "Use another story with framing worksheet CORPUS --story ID (or write_worksheet(..., story=ID)); "
            "the stories are listed in the report.")
    return sub, note


def _story_text(comp: Any, scoped: bool) -> str:
    """What the worksheet calls the story: the corpus's description, or for one story of several its
    description when it reads as one (has a space), else "one news event" with its date."""
    if not scoped or " " in comp.story.strip():
        return comp.story or "one news story"
    dates = sorted(d.isoformat() for d in comp.articles["date"] if hasattr(d, "isoformat"))
    return "one news event" + (f" of {dates[0]}" if dates else "")


def _doc(buf: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=1.5 * cm,
                             bottomMargin=1.6 * cm, title=title, author="framing", creator="framing",
                             subject="Media-literacy worksheet", invariant=1)


def _footer(text: str):
    def draw(canv: Any, doc: Any) -> None:  # pragma: no cover - drawing
        canv.saveState()
        canv.setFont(FONT, 7)
        canv.drawString(MARGIN, 0.9 * cm, text)
        canv.drawRightString(PAGE_W - MARGIN, 0.9 * cm, f"page {doc.page}")
        canv.restoreState()
    return draw


def _lines(n: int) -> list[Any]:
    return [table([[""] for _ in range(n)], [FRAME_W], header=False, zebra=False, row_height=0.9 * cm)]


def _naming_task(actor: str | None, shown: list[dict[str, Any]], what: str, n_excerpts: int) -> Any:
    """Task 4 on the excerpts that name ``actor`` (a one-line note when no actor is named in two)."""
    if actor is None:
        return KeepTogether([P("4 · Same actor, different names", "h2"),
                             P("Not in this worksheet: no person or group is named in two or more of these "
                               "excerpts, so there is nothing to compare.", "note")])
    which = " (of the excerpts that name it)" if len(shown) < n_excerpts else ""
    return KeepTogether([P("4 · Same actor, different names", "h2"),
                         P(f"How does each {what.lower()}{which} refer to <b>{esc(actor)}</b>? Write the words it "
                           "uses (a name, a title, a label). What does each choice suggest?", raw=True),
                         table([[what, "Words used", "What it suggests"]] + [[p["label"], "", ""] for p in shown],
                               [3 * cm, (FRAME_W - 3 * cm) / 2, (FRAME_W - 3 * cm) / 2], zebra=False,
                               row_height=1.0 * cm)])


def render_worksheet(comp: Any, blind: bool = False, story: str | None = None) -> bytes:
    """The worksheet (teacher notes + student pages) as PDF bytes, on one story (``story``, or the
    one :func:`framing.story_view.pick_story` picks when the corpus has several)."""
    C.require_tables(comp)
    comp, scope = _story_scope(comp, story)
    register_fonts()
    st = styles()
    plan = worksheet_plan(comp, blind)
    story = _story_text(comp, scope is not None)
    n = len(plan)
    what = "Source" if blind else "Outlet"
    actor, named = _shared_actor(comp, plan)
    el: list[Any] = [
        P("Teacher notes", "title"),
        P(f"One story, {n} ways to tell it: {story}", "subtitle"),
        P(f"<b>Aim.</b> Students see that news is made of choices — which words, which voices, which facts first — "
          f"by comparing how {n} outlets reported the same event. Age 15–18, about 50 minutes, in pairs or small "
          "groups.", raw=True),
        Spacer(1, 4),
        P("<b>Before the lesson.</b> Print the student pages (one set per pair) and keep the answer key for "
          "yourself. Briefly explain the story's background without saying which outlets take which side.", raw=True),
        Spacer(1, 4),
        P("<b>Running it.</b> (1) 10 min: students read the excerpts and circle loaded words (task 1). "
          "(2) 10 min: who is quoted, who is missing (task 2). (3) 15 min: " +
          ("guess which outlet wrote each excerpt and justify it (task 3); then reveal the key. "
           if blind else "discuss how each outlet's owner and funding might shape its report (task 3). ") +
          "(4) 10 min: how the outlets name the same actor (task 4). (5) 10 min: frames and missing facts "
          "(tasks 5 and 6). (6) 5 min: reflection.", raw=True),
        Spacer(1, 4),
        P("<b>Discussion points.</b> A loaded word is not a lie; ask what it makes the reader feel and what a "
          "neutral word would be. Count voices: a story where only one side speaks is framed even if every quote is "
          "accurate. State funding does not decide every sentence, and independent outlets have owners and "
          "audiences too — ask for evidence from the text, not from the outlet's reputation.", raw=True),
        Spacer(1, 4),
        P("<b>About the computer's answers.</b> The answer key lists what the framing tool found. It uses word "
          "lists and simple rules, so it misses things and sometimes counts words students would not; disagreements "
          "are good discussion material. Excerpts are chosen automatically as the passage with the most loaded words "
          "and quotes, so they are the most 'charged' part of each article, not a fair sample.", raw=True),
    ]
    if scope:
        el += [Spacer(1, 4), P("<b>Which story.</b> " + esc(scope), raw=True)]
    if blind:
        el += [Spacer(1, 4), P("<b>Blind mode.</b> Outlet names are replaced by letters, also where an article names "
                               "itself ('[the outlet]'); the letters are not in the order the outlets are listed.",
                               raw=True)]
    if comp.warnings:
        el += [Spacer(1, 6), box([P("Keep in mind", "cellb")] + [P("• " + w, "warn") for w in comp.warnings])]
    # -- student pages
    el += [PageBreak(), P("Same story, different stories?", "title"),
           P("Name: ______________________________   Class: __________   Date: __________", "base"), Spacer(1, 6),
           P(f"All the texts below report the same news: <i>{esc(story)}</i>. Read each one carefully. "
             f"Each {what.lower()} is marked with {'a letter' if blind else 'its name'}.", raw=True), Spacer(1, 6)]
    for p in plan:
        body = esc(p["text"]).replace("\n\n", "<br/><br/>").replace("\n", "<br/>")
        body = ("… " if p["prefix"] else "") + body + (" …" if p["suffix"] else "")
        el.append(KeepTogether([P(f"{what} {p['label']}", "h2"),
                                box([Paragraph(body, st["excerpt"].clone("ws", leading=17, fontSize=10))],
                                    bg="#FFFFFF", border="#999999")]))
    # each task (heading, instructions, answer table) is kept on one page: a table split from its
    # instructions is hard to use on paper
    el += [PageBreak(), P("Tasks", "h1"),
           KeepTogether([P("1 · Circle the loaded words", "h2"),
           P("In every excerpt, circle words that carry a judgement or a feeling — words a neutral reporter might "
             "not use (for example 'regime' instead of 'government', 'claimed' instead of 'said'). Choose three and "
             "suggest a more neutral word for each."),
           table([[what, "Loaded word", "More neutral word"]] + [["", "", ""] for _ in range(3)],
                 [3 * cm, (FRAME_W - 3 * cm) / 2, (FRAME_W - 3 * cm) / 2], zebra=False, row_height=1.0 * cm)]),
           KeepTogether([P("2 · Who is quoted — and who is not?", "h2"),
           P("For each excerpt, write who gets to speak (a person, a government, 'officials'...) and which side "
             "of the story they are on. Then: whose view is missing?"),
           table([[what, "Who speaks?", "Which side?", "Who is missing?"]] + [[p["label"], "", "", ""] for p in plan],
                 [3 * cm, (FRAME_W - 3 * cm) / 3, (FRAME_W - 3 * cm) / 3, (FRAME_W - 3 * cm) / 3],
                 zebra=False, row_height=1.3 * cm)])]
    if blind:
        pal = C.palette(comp)
        facts = {r["outlet"]: r for r in comp.outlets.to_dict("records")} if isinstance(comp.outlets, pd.DataFrame) else {}
        rows = [["Outlet", "Country", "Type", "Relation to a state"]]
        for k in sorted(pal.order, key=lambda k: pal.names[k].lower()):
            f = facts.get(k, {})
            rows.append([pal.names[k], C.fact(f.get("country")), C.fact(f.get("type")), C.fact(f.get("state_affiliation"))])
        el += [KeepTogether([P("3 · Guess the outlet", "h2"),
               P("These outlets wrote the excerpts (in a different order). Match each letter to an outlet and give "
                 "one clue from the text: a word, a voice, what is said first."),
               table(rows, [5 * cm, 2.4 * cm, 5.2 * cm, FRAME_W - 12.6 * cm]), Spacer(1, 6),
               table([[what, "Outlet", "My clue"]] + [[p["label"], "", ""] for p in plan],
                     [3 * cm, 5 * cm, FRAME_W - 8 * cm], zebra=False, row_height=1.1 * cm)])]
    else:
        el += [KeepTogether([P("3 · Who is behind the outlet?", "h2"),
               P("Look up (or ask your teacher) who owns and funds each outlet. Find one sentence in its excerpt that "
                 "you think fits that owner's interests — and one that does not."), *_lines(4)])]
    el += [_naming_task(actor, [p for p in plan if p["key"] in named], what, len(plan)),
           *_frame_and_coverage_tasks(comp, plan, what),
           KeepTogether([P(f"{7 if 'coverage' in comp.frames else 6} · Reflection", "h2"),
           P("Which excerpt would you trust most to understand what happened, and why? What would you need to read "
             "to get the full picture?"), *_lines(4)])]
    buf = io.BytesIO()
    doc = _doc(buf, f"Worksheet: {story}"[:200])
    foot = _footer("framing worksheet · " + (story[:80] + "…" if len(story) > 80 else story))
    try:
        doc.build(el, onFirstPage=foot, onLaterPages=foot)
    except Exception as exc:
        raise ReportError(f"could not lay out the worksheet ({type(exc).__name__}: {exc}). Nothing was written.") from exc
    return buf.getvalue()


def render_answers(comp: Any, blind: bool = False, story: str | None = None) -> bytes:
    """The answer key as PDF bytes: real outlets, and what the tool found in each excerpt (of the same
    story as :func:`render_worksheet`)."""
    C.require_tables(comp)
    comp, scope = _story_scope(comp, story)
    register_fonts()
    plan = worksheet_plan(comp, blind)
    pal = C.palette(comp)
    story = _story_text(comp, scope is not None)
    what = "Source" if blind else "Outlet"
    el: list[Any] = [P("Answer key", "title"), P(story, "subtitle"),
                     P("For the teacher. These are the framing tool's findings, not the only right answers: the tool "
                       "uses word lists and rules and can be wrong. Accept any answer students can support from the text.",
                       "note"), Spacer(1, 6)] + ([P(scope, "note"), Spacer(1, 6)] if scope else [])
    rows = [[what, "Outlet", "Country", "Type", "Relation to a state"]]
    facts = {r["outlet"]: r for r in comp.outlets.to_dict("records")} if isinstance(comp.outlets, pd.DataFrame) else {}
    for p in plan:
        f = facts.get(p["key"], {})
        rows.append([p["label"], p["name"], C.fact(f.get("country")), C.fact(f.get("type")),
                     C.fact(f.get("state_affiliation"))])
    el += [P("Who wrote what" if blind else "The outlets", "h2"),
           table(rows, [2.2 * cm, 4.6 * cm, 2.0 * cm, 5.0 * cm, FRAME_W - 13.8 * cm])]
    sent = comp.outlet_sentiment
    sidx = sent.drop_duplicates("outlet").set_index("outlet") if isinstance(sent, pd.DataFrame) and "outlet" in sent.columns and len(sent) else pd.DataFrame()
    el.append(P("Task 1 and 2 · what the tool found in each excerpt", "h2"))
    for p in plan:
        terms = ", ".join(f"{t} ({c.replace('_', ' ')})" for t, c in p["terms"]) or "none found"
        quotes = "; ".join(f"{s} ({a})" for s, a in p["quotes"]) or "no quotes found"
        tone = C.fmt(sidx.loc[p["key"], "mean"], 2, True) if p["key"] in sidx.index and "mean" in sidx.columns else "–"
        el.append(KeepTogether([P(f"{what} {p['label']} — {p['name']}", "cellb"),
                                P(f"Loaded words: {terms}", "small"),
                                P(f"Voices: {quotes}", "small"),
                                P(f"Whole article: mean sentence tone {tone} (-1 negative … +1 positive). "
                                  f"Most quoted: " + (", ".join(f"{s} ({n})" for s, n in _speakers(comp, p['key']))
                                                       or "nobody identified") + ".", "small"),
                                Spacer(1, 5)]))
    actor, names = _shared_actor(comp, plan)
    el.append(P("Task 4 · how each outlet names " + (actor or "the main actor"), "h2"))
    if actor:
        rows = [[what, "Outlet", "Words used in the excerpt (times)"]]
        for p in plan:
            if p["key"] in names:
                rows.append([p["label"], p["name"], ", ".join(f"{m} ({n})" for m, n in names[p["key"]])])
        el.append(table(rows, [2.2 * cm, 4.6 * cm, FRAME_W - 6.8 * cm]))
    else:
        el.append(P("Task 4 was left out: the tool found no actor named in two or more of the excerpts.", "note"))
    el += _frame_and_coverage_answers(comp, plan, what)
    if comp.warnings:
        el += [Spacer(1, 6), box([P("Caveats", "cellb")] + [P("• " + w, "warn") for w in comp.warnings])]
    el += [Spacer(1, 6), P("The full comparison report (framing report) explains each measure and its accuracy.",
                           "note")]
    buf = io.BytesIO()
    doc = _doc(buf, f"Answer key: {story}"[:200])
    foot = _footer("framing worksheet answer key · " + ", ".join(pal.names[k] for k in pal.order)[:90])
    try:
        doc.build(el, onFirstPage=foot, onLaterPages=foot)
    except Exception as exc:
        raise ReportError(f"could not lay out the answer key ({type(exc).__name__}: {exc}). Nothing was written.") from exc
    return buf.getvalue()


def _labels(plan: list[dict[str, Any]]) -> dict[str, str]:
    return {p["key"]: p["label"] for p in plan}


def _frame_and_coverage_tasks(comp: Any, plan: list[dict[str, Any]], what: str) -> list[Any]:
    """Task 5 (which frame each source uses) and, when claims were grouped, task 6 (missing facts)."""
    from . import coverage_section, frames_section

    out: list[Any] = []
    if "article_frames" in comp.frames:
        t = frames_section.worksheet_task(comp, _labels(plan))
        kinds = "; ".join(f"<b>{esc(name)}</b>: {esc(d)}" for name, d in t["frames"].items())
        out.append(KeepTogether([P("5 · " + t["title"], "h2"), P(esc(t["instructions"]) + " Frames: " + kinds, raw=True),
                                 table([[what, "Frame", "The sentence that shows it"]] + [[p["label"], "", ""] for p in plan],
                                       [2.2 * cm, 3.6 * cm, FRAME_W - 5.8 * cm], zebra=False, row_height=1.3 * cm)]))
    if "coverage" in comp.frames:
        t = coverage_section.worksheet_task(comp, _labels(plan))
        if t["facts"]:
            rows = [["#", "Fact (reported by other sources)", f"In {t['label']}?"]]
            rows += [[str(f["number"]), f["claim"], ""] for f in t["facts"]]
            out.append(KeepTogether([P("6 · " + t["title"], "h2"), P(t["instructions"]),
                                     table(rows, [0.8 * cm, FRAME_W - 3.0 * cm, 2.2 * cm], zebra=False)]))
    return out


def _frame_and_coverage_answers(comp: Any, plan: list[dict[str, Any]], what: str) -> list[Any]:
    """The answer key of tasks 5 and 6 (what the tool found)."""
    from . import coverage_section, frames_section

    out: list[Any] = []
    if "article_frames" in comp.frames:
        t = frames_section.worksheet_task(comp, _labels(plan))
        rows = [[what, "Frame the tool finds most", "A sentence that shows it"]]
        rows += [[a["label"], a["frame_label"], a["quote"] or "–"] for a in t["answers"]]
        out += [P("Task 5 · frames (the tool's reading; discuss, it can be wrong)", "h2"),
                table(rows, [2.2 * cm, 3.6 * cm, FRAME_W - 5.8 * cm])]
    if "coverage" in comp.frames:
        t = coverage_section.worksheet_task(comp, _labels(plan))
        if t["answer"]:
            rows = [["#", "Fact", f"In {t['label']}?"]]
            rows += [[str(a["number"]), a["claim"], "no: left out" if a["missing"] else "yes"] for a in t["answer"]]
            out += [P(f"Task 6 · facts missing from {t['label']} (claims grouped by shared words: approximate)", "h2"),
                    table(rows, [0.8 * cm, FRAME_W - 3.4 * cm, 2.6 * cm])]
    return out


def _speakers(comp: Any, key: str) -> list[tuple[str, int]]:
    return comp.top_speakers(key, 3)


def write_worksheet(comp: Any, path: str | Path, *, blind: bool = False, answers: str | Path | None = None,
                    story: str | None = None) -> Path:
    """Write the worksheet PDF (and the answer key when ``answers`` is given), each atomically.

    Both documents are rendered before either is written, so a failure leaves both files untouched.
    All excerpts, tasks and answers come from one story: ``story`` (a value of ``comp.articles.story``),
    or, when the corpus has several stories, the one most outlets covered (then most articles); the
    teacher notes and the answer key say which.

    Examples
    --------
    >>> import framing
    >>> comp = framing.analyze(framing.load_corpus("corpora/s400"))               # doctest: +SKIP
    >>> write_worksheet(comp, "ws.pdf", blind=True, answers="ws-key.pdf")        # doctest: +SKIP
    """
    sheet = render_worksheet(comp, blind, story)
    key = render_answers(comp, blind, story) if answers is not None else None
    out = atomic_write_bytes(path, sheet)
    if key is not None:
        atomic_write_bytes(answers, key)  # type: ignore[arg-type]
    return out
