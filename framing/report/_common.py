"""Helpers shared by the PDF, HTML and worksheet reports.

Nothing here computes an analysis: these functions pick rows out of a
:class:`framing.compare.Comparison`, cut text into marked segments from the
analyzers' offsets, and render matplotlib figures to stable PNG bytes.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

import matplotlib

import pandas as pd  # noqa: E402
import yaml  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from ..resources import read_text  # noqa: E402
from ..plots import affiliation_colors, category_colors, outlet_colors  # noqa: E402

__all__ = [
    "Mark",
    "Segment",
    "segments",
    "Palette",
    "palette",
    "figure",
    "fig_png",
    "rows_for",
    "article_marks",
    "choose_excerpt",
    "load_accuracy",
    "METHODS",
    "methods",
    "fmt",
    "fmt_pct",
    "fact",
]

DPI = 120

#: Fixed matplotlib settings for every report chart (no dependence on the user's matplotlibrc).
RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "svg.hashsalt": "framing",
    "path.simplify": True,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
}


def figure(width: float, height: float, nrows: int = 1, ncols: int = 1) -> tuple[Figure, Any]:
    """A pyplot-free figure (no global state) with ``nrows x ncols`` axes."""
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(width, height), layout="tight")
        axes = fig.subplots(nrows, ncols, squeeze=False)
    return fig, axes


def distinctive_figures(comp: Any, pal: "Palette", width: float, per: int = 6) -> list[Figure]:
    """Small multiples of the distinctive-words table: ``per`` outlets (3 a row) per figure."""
    from .. import plots

    figs = []
    for i in range(0, len(pal.order), per):
        chunk = pal.order[i:i + per]
        rows = math.ceil(len(chunk) / 3)
        fig, axes = figure(width, 2.6 * rows, rows, 3)
        with matplotlib.rc_context(RC):
            for j in range(rows * 3):
                ax = axes[j // 3][j % 3]
                if j < len(chunk):
                    k = chunk[j]
                    plots.plot_distinctive(comp.distinctive, outlet=k, ax=ax, color=pal.colors[k],
                                           label=pal.names[k])
                else:
                    ax.set_visible(False)
            fig.tight_layout(w_pad=1.2, h_pad=1.0)
        figs.append(fig)
    return figs


def fig_png(fig: Figure, dpi: int = DPI) -> bytes:
    """PNG bytes of a figure, identical across runs (no software/date metadata)."""
    buf = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    return buf.getvalue()


# -- colours and labels -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Palette:
    """Outlet order, display names, colours, and colours for categories and affiliations."""

    order: tuple[str, ...]
    names: Mapping[str, str]
    colors: Mapping[str, str]
    categories: Mapping[str, str]
    affiliations: Mapping[str, str]


#: The tables every report reads (made by the default analyzers of :func:`framing.analyze`).
REQUIRED_TABLES = ("articles", "outlets", "sources", "sentences", "outlet_sentiment", "actor_sentiment",
                   "loaded_terms", "loaded_rates", "top_loaded_terms", "voices", "voice_summary",
                   "affiliation_shares", "distinctive")


def optional_table(comp: Any, name: str) -> pd.DataFrame | None:
    """The table ``name`` of ``comp`` when it was made and has rows, else None (the report sections of
    analyzers that are off by default read their tables through this)."""
    t = comp.frames.get(name) if hasattr(comp, "frames") else getattr(comp, name, None)
    return t if isinstance(t, pd.DataFrame) and not t.empty else None


def require_tables(comp: Any) -> None:
    """Raise :class:`ReportError` naming the missing tables when ``comp`` lacks what a report reads."""
    from ..errors import ReportError

    missing = [t for t in REQUIRED_TABLES if t not in comp.frames]
    if missing:
        raise ReportError(f"the report needs the tables {missing}, which this analysis did not make "
                          f"(it ran {', '.join(comp.analyzers)}); run framing.analyze(corpus) without analyzers=.")


def palette(comp: Any) -> Palette:
    """The one outlet order/colour/name mapping every chart and table of a report uses."""
    order = tuple(comp.outlet_order)
    names: dict[str, str] = {}
    out = comp.frames.get("outlets")
    if isinstance(out, pd.DataFrame) and {"outlet", "name"} <= set(out.columns):
        for k, n in zip(out["outlet"], out["name"]):
            if isinstance(n, str) and n.strip():
                names[str(k)] = n.strip()
    for k in order:
        names.setdefault(k, k)
    cats: set[str] = set()
    lt = comp.frames.get("loaded_terms")
    if isinstance(lt, pd.DataFrame) and "category" in lt.columns:
        cats |= {str(c) for c in lt["category"].dropna()}
    lr = comp.frames.get("loaded_rates")
    if isinstance(lr, pd.DataFrame) and "category" in lr.columns:
        cats |= {str(c) for c in lr["category"].dropna()}
    affs: dict[str, int] = {}
    vo = comp.frames.get("voices")
    if isinstance(vo, pd.DataFrame) and "affiliation" in vo.columns:
        for a in vo["affiliation"].fillna("unknown").astype(str):
            affs[a] = affs.get(a, 0) + 1
    sh = comp.frames.get("affiliation_shares")
    if isinstance(sh, pd.DataFrame) and "affiliation" in sh.columns:
        for a in sh["affiliation"].fillna("unknown").astype(str):
            affs.setdefault(a, 0)
    ranked = sorted(affs, key=lambda a: (-affs[a], a))
    return Palette(order, names, outlet_colors(order), category_colors(cats), affiliation_colors(ranked))


# -- table access -----------------------------------------------------------------------------------
def rows_for(table: Any, **equals: Any) -> pd.DataFrame:
    """Rows of ``table`` whose columns equal the given values; an empty frame when a column is missing."""
    if not isinstance(table, pd.DataFrame) or table.empty:
        return pd.DataFrame()
    mask = pd.Series(True, index=table.index)
    for col, val in equals.items():
        if col not in table.columns:
            return table.iloc[0:0]
        mask &= table[col] == val
    return table[mask]


def fmt(v: Any, digits: int = 2, signed: bool = False) -> str:
    """Format a number for a table; '–' for missing values."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return "–"
    if isinstance(v, (int,)) and not isinstance(v, bool):
        return f"{v:,}"
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    if math.isnan(f):
        return "–"
    return f"{f:+.{digits}f}" if signed else f"{f:.{digits}f}"


def fmt_pct(v: Any) -> str:
    """A share in [0, 1] as a whole percentage; '–' when missing."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return "–"
    return "–" if math.isnan(f) else f"{100 * f:.0f}%"


def fact(v: Any) -> str:
    """A metadata value as text; 'unknown' for missing ones (never guessed)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA or str(v).strip() in ("", "nan", "None"):
        return "unknown"
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# -- marked text ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mark:
    """A span to highlight: a loaded term (``kind='term'``) or a quote/speaker (``'quote'``, ``'speaker'``)."""

    start: int
    end: int
    kind: str
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Segment:
    """A piece of text with at most one active mark of each kind."""

    start: int
    end: int
    text: str
    term: Mark | None = None
    quote: Mark | None = None
    speaker: Mark | None = None


def segments(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> list[Segment]:
    """Cut ``text[start:end]`` at every mark boundary.

    Overlapping marks (a loaded term inside a quote, a speaker inside a
    quote, two overlapping terms) are handled by splitting: each segment
    carries the innermost active mark of each kind, so the caller can wrap
    segments without crossing tags. Marks outside the range are ignored;
    marks with bad offsets are dropped.

    Examples
    --------
    >>> segs = segments("He said 'a sly move' today.", [Mark(8, 20, "quote", "NATO"), Mark(11, 14, "term", "emotive")])
    >>> [(s.text, s.term and s.term.label, s.quote and s.quote.label) for s in segs]
    [('He said ', None, None), ("'a ", None, 'NATO'), ('sly', 'emotive', 'NATO'), (" move'", None, 'NATO'), (' today.', None, None)]
    """
    n = len(text)
    end = n if end is None else max(0, min(int(end), n))
    start = max(0, min(int(start), end))
    good = []
    for m in marks:
        try:
            s, e = max(int(m.start), start), min(int(m.end), end)
        except (TypeError, ValueError):
            continue
        if 0 <= m.start < m.end <= n and s < e:
            good.append(Mark(s, e, m.kind, m.label, m.detail))
    cuts = sorted({start, end, *(m.start for m in good), *(m.end for m in good)})
    by_start = sorted(good, key=lambda m: (m.start, -m.end))
    out: list[Segment] = []
    active: list[Mark] = []
    j = 0
    for a, b in zip(cuts, cuts[1:]):
        while j < len(by_start) and by_start[j].start <= a:
            active.append(by_start[j])
            j += 1
        active = [m for m in active if m.end > a]
        pick: dict[str, Mark] = {}
        for m in active:  # innermost (latest start) mark of each kind wins
            cur = pick.get(m.kind)
            if cur is None or m.start > cur.start or (m.start == cur.start and m.end < cur.end):
                pick[m.kind] = m
        out.append(Segment(a, b, text[a:b], pick.get("term"), pick.get("quote"), pick.get("speaker")))
    return out


def _int(v: Any) -> int | None:
    try:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        return int(v)
    except (TypeError, ValueError):
        return None


QUOTE_CHARS = frozenset("\"'“”‘’«»„‚‹›")


def article_marks(comp: Any, article_id: str, text: str | None = None) -> list[Mark]:
    """Loaded-term, quote and speaker marks of one article, from the comparison's tables.

    With ``text``, a quote mark is widened to take in the quotation marks right around it.
    """
    marks: list[Mark] = []
    lt = rows_for(comp.frames.get("loaded_terms"), article_id=article_id)
    if {"flagged", "in_quote", "word_flagged", "category"} <= set(lt.columns):  # the hits the rates count
        from ..analyzers.loaded import EPISTEMIC_CATEGORIES

        lt = lt[lt["category"].isin(EPISTEMIC_CATEGORIES) | lt["flagged"].astype(bool)
                | (lt["in_quote"].astype(bool) & lt["word_flagged"].astype(bool))]
    if {"start", "end"} <= set(lt.columns):
        cats = lt["category"] if "category" in lt.columns else [""] * len(lt)
        notes = lt["note"] if "note" in lt.columns else [""] * len(lt)
        for s, e, c, note in zip(lt["start"], lt["end"], cats, notes):
            s, e = _int(s), _int(e)
            if s is not None and e is not None:
                marks.append(Mark(s, e, "term", fact(c) if c is not None else "loaded",
                                  "" if not isinstance(note, str) else note))
    vo = rows_for(comp.frames.get("voices"), article_id=article_id)
    if {"start", "end"} <= set(vo.columns):
        rec = vo.to_dict("records")
        for r in rec:
            s, e = _int(r.get("start")), _int(r.get("end"))
            aff = r.get("affiliation")
            aff = "unknown" if aff is None or (isinstance(aff, float) and math.isnan(aff)) else str(aff)
            spk = r.get("speaker")
            spk = "unattributed" if spk is None or (isinstance(spk, float) and math.isnan(spk)) else str(spk)
            if s is not None and e is not None:
                if text is not None and 0 <= s <= e <= len(text):
                    if s > 0 and text[s - 1] in QUOTE_CHARS:
                        s -= 1
                    if e < len(text) and text[e] in QUOTE_CHARS:
                        e += 1
                marks.append(Mark(s, e, "quote", aff, spk))
            ss, se = _int(r.get("speaker_start")), _int(r.get("speaker_end"))
            if ss is not None and se is not None and ss >= 0:
                marks.append(Mark(ss, se, "speaker", aff, spk))
    return marks


def choose_excerpt(text: str, paragraphs: Sequence[Any], marks: Sequence[Mark], max_chars: int = 900,
                   skip_first: bool = True) -> tuple[int, int]:
    """Offsets of a run of whole paragraphs (at most ``max_chars``) with the most marks.

    Quotes count double (an excerpt should show voices as well as words).
    Ties go to the earliest run. When a single paragraph is longer than
    ``max_chars`` it is cut at a word boundary. Linear in the number of
    paragraphs and marks.
    """
    paras = [(int(p.start), int(p.end)) for p in paragraphs if int(p.end) > int(p.start)]
    if not paras:
        return (0, min(len(text), max_chars))
    if skip_first and len(paras) > 3:
        paras = paras[1:]  # the first paragraph is usually the headline
    starts = sorted(m.start for m in marks)
    qstarts = sorted(m.start for m in marks if m.kind == "quote")

    def weight(a: int, b: int) -> int:
        return (bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a)
                + bisect.bisect_left(qstarts, b) - bisect.bisect_left(qstarts, a))

    best = (-1, 0, 0)
    j = 0
    for i in range(len(paras)):
        j = max(j, i)
        while j + 1 < len(paras) and paras[j + 1][1] - paras[i][0] <= max_chars:
            j += 1
        a, b = paras[i][0], paras[j][1]
        if b - a > max_chars:
            cut = text.rfind(" ", a, a + max_chars)
            b = cut if cut > a + max_chars // 2 else a + max_chars
        w = weight(a, b)
        if w > best[0]:
            best = (w, a, b)
    return best[1], best[2]


# -- accuracy figures -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def load_accuracy() -> tuple[dict[str, Any], ...]:
    """Measured accuracy figures from ``framing/data/accuracy.yaml`` (empty when the file is absent)."""
    try:
        raw = read_text("accuracy.yaml")
    except (FileNotFoundError, OSError):
        return ()
    data = yaml.safe_load(raw) or {}
    out = []
    for m in data.get("measures") or ():
        if isinstance(m, dict) and m.get("measure") and m.get("value") is not None:
            out.append(dict(m))
    return tuple(out)


def accuracy_for(measure: str) -> list[dict[str, Any]]:
    """Accuracy entries for one measure (``sentiment``, ``actor_sentiment``, ``loaded``, ``voices``...)."""
    return [m for m in load_accuracy() if m.get("measure") == measure]


#: What each measure means and where it stops being reliable (shown in every report; read them through
#: :func:`methods`, which fills the voices entry's ``{scope}``).
METHODS: tuple[tuple[str, str, str, str], ...] = (
    ("sentiment", "Sentence sentiment",
     "Each sentence is scored with VADER (vaderSentiment), a rule-based lexicon of English words with "
     "valence ratings; the compound score runs from -1 (negative) to +1 (positive). The outlet figure is the "
     "mean over its sentences, with a 95 % bootstrap interval (sentences resampled; above 500 sentences, "
     "the skewness-corrected normal expansion of that bootstrap distribution).",
     "VADER was built for social-media text: it reads the tone of the words (war, attack, threat), not the "
     "stance of the writer, so a neutral report about a conflict scores negative. Sentences are not "
     "independent, so the intervals are too narrow when an outlet has few articles."),
    ("actor_sentiment", "Actor-directed sentiment",
     "Each mention of a story actor (from the corpus's actors.yaml, or repeated capitalised names) is scored "
     "within its sentence, weighting words near the mention; the cell shows the mean score and n mentions.",
     "A mention's score depends on a small window of words; irony, negation across clauses and quoted "
     "opinions attributed to others are often misread. Cells with n below 5 are anecdotes."),
    ("loaded", "Loaded language",
     "Words and phrases from a curated English lexicon (framing/data/lexicons/loaded.csv), scare quotes, "
     "affiliation compounds and uncommon words, each scored in its sentence by a small hand-set model; only "
     "the hits it flags count, per 1,000 of the outlet's own words (outside quotation marks). Words inside "
     "quotation marks are counted apart per 1,000 quoted words; hedges, factives and assertives apart as "
     "epistemic markers. Rates come with their counts and exact Poisson 95 % intervals.",
     "The model reads a sentence, not the story: a word can be neutral in one sense and loaded in another. "
     "Rare words count only with a sign of evaluation; on annotated news about a third of those flags were "
     "still neutral words, and rare loaded nouns (fiefdom) are missed unless the lexicon has them. Intervals "
     "treat hits as independent, which they are not within an article. English only."),
    ("voices", "Voices (quotes)",
     "Direct quotes (in quotation marks), indirect speech (said that, according to...) and mixed forms: "
     "{scope}, with the speaker named one way per story (titles left out, a bare surname taking the full "
     "name) and its affiliation; anonymous sources and loaded reporting verbs (claimed, admitted...) are flagged.",
     "Speakers named only by a pronoun or a distant description can be missed or misattributed (a pronoun "
     "takes the last speaker); affiliation comes from actors.yaml, then from the text (party tags, "
     "appositions such as 'a spokesman for the State Department'), and is 'unknown' otherwise."),
    ("distinctive", "Distinctive words",
     "Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008): words an outlet uses more than "
     "the other outlets together, as z-scores.",
     "With one article per outlet, distinctive words mostly reflect the article's topic and date, not a "
     "habit of the outlet."),
)


#: What the voices method counts under each quote convention (:mod:`framing.quotes.convention`), filling
#: the ``{scope}`` of its :data:`METHODS` entry.
_QUOTE_SCOPE = {
    "reported-speech": "what someone said or wrote (a verb of saying with reported content; thoughts and "
                       "intentions are left out)",
    "attribution": "what someone said, wrote, thought or believed (the attribution convention of PolNeAR: "
                   "thoughts, beliefs and intentions count)",
}


def methods(comp: Any) -> list[tuple[str, str, str, str]]:
    """:data:`METHODS` as they apply to ``comp``: the voices entry says what counted as a quote under the
    convention it ran with (``comp.options``)."""
    convention = getattr(comp, "options", {}).get("voices", {}).get("convention", "reported-speech")
    scope = _QUOTE_SCOPE[convention]
    return [(k, t, m.format(scope=scope) if k == "voices" else m, lim) for k, t, m, lim in METHODS]


def accuracy_text(measure: str) -> str:
    """One line per accuracy figure of a measure, or 'not yet measured'."""
    entries = accuracy_for(measure)
    if not entries:
        return "Measured accuracy: not yet measured."
    parts = []
    for m in entries:
        v = m.get("value")
        val = f"{float(v):.3f}" if isinstance(v, (int, float)) else str(v)
        bits = f"{m.get('metric', 'score')} = {val} on {m.get('dataset', 'an unnamed dataset')}"
        if m.get("note"):
            bits += f" ({m['note']})"
        if m.get("date"):
            bits += f", measured {m['date']}"
        parts.append(bits)
    return "Measured accuracy: " + "; ".join(parts) + "."
