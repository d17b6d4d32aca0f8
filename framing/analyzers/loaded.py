"""Loaded language: ideological labels, emotive words, hedges, scare quotes ...

Two sources of hits, merged without overlaps:

1. **Lexicon terms** from a curated CSV lexicon (default: the packaged
   ``loaded`` lexicon, ``framing/data/lexicons/loaded.csv``; users can pass
   their own files, see :mod:`framing.lexicons`). Inflections are found
   through the Snowball stemmer (data-free).
2. **Structural cues** found by pattern:

   ``scare_quote``
       A single word or short phrase (at most three words) in quotation
       marks that is not a sentence of its own: ``the 'unacceptable' move``.
   ``compound_label``
       Affiliation compounds that frame a side: ``US-led``,
       ``Kremlin-backed``, ``pro-Western``, ``anti-Russian``.

Every hit gets a ``score`` in [0, 1] from a small hand-set logistic model
(``framing/data/models/loaded_context.json``: category weights, the word's
VADER valence, whether the hit sits inside a direct quotation); ``flagged``
is ``score >= threshold``. The weights were set by hand and tuned on one half
of the BABE dev set, never fitted on it (BABE is AGPL-3.0); see
``framing/data/README.md``.

The lexicon and VADER are English: texts that do not look English raise a
:class:`framing.corpus.FramingWarning` and still return a table.
"""
from __future__ import annotations

import json
import logging
import math
import re
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..lexicons import Lexicon, _as_lexicon
from ..text import TOKEN_RE

__all__ = [
    "CATEGORIES",
    "find_loaded_terms",
    "loaded_terms",
    "loaded_rates",
    "top_loaded_terms",
    "TERM_COLUMNS",
]

log = logging.getLogger(__name__)

#: Categories of the packaged lexicon and the structural cues, with what they mean.
CATEGORIES: dict[str, str] = {
    "ideological_label": "places a person, state or group on an ideological map or denies its legitimacy "
                         "(imperialist, regime, puppet, so-called)",
    "emotive": "dramatic or emotive verb, noun or adjective (slam, affront, fierce, bizarre)",
    "puffery": "praise word (heroic, historic, landmark)",
    "intensifier": "strengthens what it modifies (extremely, utterly)",
    "hedge": "lowers commitment or leaves the source vague (allegedly, reportedly, may)",
    "factive": "presents a claim as fact (reveal, acknowledge, realize)",
    "assertive": "commits the speaker to a claim to a degree (insist, argue, declare)",
    "reporting_verb": "loaded verb of saying (claim, admit, boast, deny)",
    "dysphemism": "derogatory name where a neutral one exists (thug, mob, cronies)",
    "evaluative_adverb": "the writer's comment on a fact (hypocritically, brazenly, clearly)",
    "scare_quote": "a word or short phrase in quotation marks that distances the writer ('unacceptable')",
    "compound_label": "affiliation compound that frames a side (US-led, Kremlin-backed, pro-Western)",
    "sentiment_word": "other word with a strong valence in VADER's lexicon (not in the curated lexicon)",
}

#: Columns of :func:`find_loaded_terms`.
TERM_COLUMNS = ["term", "start", "end", "category", "lemma", "note", "source", "score", "flagged"]

_QUOTE_CLASS = "\"\u201c\u201d\u00ab\u00bb\u201e"
# a short quoted phrase: 1-40 chars, starts and ends with a word char, no quote or line break inside
# a short quoted phrase: 1-40 chars, starts and ends with a word char, no quote or line break inside;
# tried only where an opening quotation mark follows white space, a bracket or a dash (or starts the text)
_OPEN_QUOTE_RE = re.compile(r"[\"\u201c\u2018'\u00ab]")
_BEFORE_OPEN_QUOTE = frozenset("([\u2014\u2013/-")
_SCARE_RE = re.compile(
    r"(?:"
    r"\u201c(?P<a>\w[^\u201c\u201d\n.!?;:]{0,38}?\w|\w)\u201d"
    r"|\"(?P<b>\w[^\"\n.!?;:]{0,38}?\w|\w)\""
    r"|\u2018(?P<c>\w[^\u2018\u2019\n.!?;:]{0,38}?\w|\w)\u2019"
    r"|'(?P<d>\w[^'\n.!?;:]{0,38}?\w|\w)'"
    r"|\u00ab\s?(?P<e>\w[^\u00ab\u00bb\n.!?;:]{0,38}?\w|\w)\s?\u00bb"
    r")"
    r"(?!\w)",
    re.UNICODE,
)
# affiliation compounds, found from their fixed part ("-led", "pro-") and widened to the whole token
_COMPOUND_HINT_RE = re.compile(
    r"-(?:led|backed|sponsored|funded|controlled|allied|aligned|leaning|friendly|dominated|installed|run|owned|"
    r"imposed|brokered|(?=[A-Z]))"
)
_COMPOUND_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][\w.]*-(?:led|backed|sponsored|funded|controlled|allied|aligned|leaning|friendly|"
    r"dominated|installed|run|owned|imposed|brokered)"
    r"|(?:[Pp]ro|[Aa]nti)-[A-Z][\w]*)(?![\w-])",
    re.UNICODE,
)
# direct quotations of some length (for the in-quote feature)
_QUOTATION_RE = re.compile(
    r"\u201c[^\u201c\u201d]{1,2000}\u201d|\"[^\"\n]{1,2000}\"|\u00ab[^\u00ab\u00bb]{1,2000}\u00bb"
)
_MAX_SCARE_WORDS = 3


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    raw = resources.files("framing.data").joinpath("models", "loaded_context.json").read_text("utf-8")
    return json.loads(raw)


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    """VADER's bundled valence lexicon (MIT licence), read from the installed package."""
    try:
        raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - dependency missing
        return {}
    out: dict[str, float] = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


_FUNCTION_WORDS_RE = re.compile(
    r"(?<!\w)(?:the|a|an|and|or|but|of|to|in|on|at|for|with|by|from|as|is|are|was|were|be|been|has|have|had|"
    r"it|its|this|that|these|those|he|she|they|we|i|you|not|will|would|said|which|who)(?!\w)"
)


def _looks_english(text: str, sample: int = 1000) -> bool:
    """True unless a sample with at least 30 words has almost no English function words."""
    head = text[:sample].lower()
    n = len(TOKEN_RE.findall(head))
    if n < 30:
        return True
    return len(_FUNCTION_WORDS_RE.findall(head)) / n >= 0.12


def _quote_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTATION_RE.finditer(text)]


def _structural(text: str) -> list[tuple[int, int, str, str]]:
    """Scare quotes and compound labels as (start, end, category, lemma)."""
    out: list[tuple[int, int, str, str]] = []
    last = -1
    for q in _OPEN_QUOTE_RE.finditer(text):
        a = q.start()
        if a < last or (a and not (text[a - 1].isspace() or text[a - 1] in _BEFORE_OPEN_QUOTE)):
            continue
        m = _SCARE_RE.match(text, a)
        if m is None:
            continue
        inner = next(g for g in m.groups() if g is not None)
        n_words = len(TOKEN_RE.findall(inner))
        if 1 <= n_words <= _MAX_SCARE_WORDS:
            out.append((m.start(), m.end(), "scare_quote", inner.lower()))
            last = m.end()
    last = -1
    for h in _COMPOUND_HINT_RE.finditer(text):
        # widen to the start of the token (at most 60 characters back)
        a = h.start()
        lo = max(0, a - 60)
        while a > lo and (text[a - 1].isalnum() or text[a - 1] in "._"):
            a -= 1
        if a < last:
            continue
        m = _COMPOUND_RE.match(text, a)
        if m is not None:
            out.append((m.start(), m.end(), "compound_label", m.group().lower()))
            last = m.end()
    out.sort()
    return out


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _empty_terms(extra: Sequence[str] = ()) -> pd.DataFrame:
    cols = list(extra) + TERM_COLUMNS
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    for c in ("start", "end"):
        df[c] = df[c].astype("int64")
    df["score"] = df["score"].astype("float64")
    df["flagged"] = df["flagged"].astype("bool")
    return df


def _term_rows(text: str, lex: Lexicon, structural: bool) -> list[tuple]:
    """Rows (term, start, end, category, lemma, note, source, score, flagged) in text order."""
    if not text:
        return []
    model = _model()
    w_cat: Mapping[str, float] = model["category_weights"]
    w_default = float(model.get("default_category_weight", 0.0))
    b0 = float(model["intercept"])
    w_val = float(model["abs_valence_weight"])
    w_quote = float(model["in_quotation_weight"])
    thr = float(model["threshold"])
    vader = _vader_lexicon()

    hits: list[tuple[int, int, str, str, str, str]] = []
    for m in lex.compile().finditer(text):
        e = m.entry
        if e.match != "case" and _proper_noun(text, m.start):
            continue
        hits.append((m.start, m.end, e.category, e.term.lower(), e.note, e.source))
    vmin = model.get("vader_candidate_min_abs")
    if vmin is not None and structural:
        hits = _add_vader_candidates(text, hits, vader, float(vmin))
    if structural:
        taken = [(s, e) for s, e, *_ in hits]
        extra = []
        for s, e, cat, lemma in _structural(text):
            extra.append((s, e, cat, lemma, CATEGORIES[cat], "framing structural pattern"))
        if extra:
            hits = _merge(hits, extra, taken)
    if not hits:
        return []
    quotes = _quote_regions(text) if w_quote else []
    qi = 0
    rows = []
    for s, e, cat, lemma, note, source in hits:
        while qi < len(quotes) and quotes[qi][1] <= s:
            qi += 1
        inside = qi < len(quotes) and quotes[qi][0] < s and e < quotes[qi][1]
        val = 0.0
        if w_val:
            for t in TOKEN_RE.findall(text, s, e):
                val = max(val, abs(vader.get(t.lower(), 0.0)))
            if val == 0.0:
                val = abs(vader.get(lemma, 0.0))
        x = b0 + w_cat.get(cat, w_default) + w_val * val + (w_quote if inside else 0.0)
        score = round(_sigmoid(x), 4)
        rows.append((text[s:e], s, e, cat, lemma, note, source, score, score >= thr))
    return rows


_SENT_START_CHARS = frozenset(".!?:;\"\u201c\u201d\u2018\u2019'([\n\u2014\u2013-\u2022*")


def _proper_noun(text: str, start: int) -> bool:
    """True if the word at ``start`` is capitalised and not at a sentence or line start."""
    if not text[start].isupper():
        return False
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] not in _SENT_START_CHARS


@lru_cache(maxsize=8)
def _vader_regex(vmin: float) -> re.Pattern[str] | None:
    from ..lexicons import trie_regex

    words = [w for w, v in _vader_lexicon().items() if abs(v) >= vmin and re.fullmatch(r"\w+", w)]
    if not words:
        return None
    return re.compile(r"(?<![\w'\u2019.-])" + trie_regex(w.lower() for w in words) + r"(?![\w'\u2019-])",
                      re.IGNORECASE)


def _add_vader_candidates(text: str, hits: list, vader: Mapping[str, float], vmin: float) -> list:
    """Add words outside lexicon hits whose VADER valence is at least ``vmin`` in absolute value."""
    rx = _vader_regex(vmin)
    if rx is None:
        return hits
    note = CATEGORIES["sentiment_word"]
    src = "VADER lexicon (Hutto & Gilbert 2014, MIT licence), read from the installed vaderSentiment package"
    extra = []
    hi = 0
    n = len(hits)
    for m in rx.finditer(text):
        s, e = m.start(), m.end()
        while hi < n and hits[hi][1] <= s:
            hi += 1
        if hi < n and hits[hi][0] < e:
            continue
        w = m.group().lower()
        if w in vader and not _proper_noun(text, s):
            extra.append((s, e, "sentiment_word", w, note, src))
    if not extra:
        return hits
    out = hits + extra
    out.sort(key=lambda h: (h[0], h[1]))
    return out


def _merge(hits: list, extra: list, taken: list[tuple[int, int]]) -> list:
    """Add structural hits that do not overlap lexicon hits; keep text order."""
    taken.sort()
    import bisect

    starts = [s for s, _ in taken]
    keep = []
    for h in extra:
        s, e = h[0], h[1]
        i = bisect.bisect_right(starts, s) - 1
        overlap = False
        for j in (i, i + 1):
            if 0 <= j < len(taken) and taken[j][0] < e and s < taken[j][1]:
                overlap = True
        if i + 2 < len(taken) and taken[i + 2][0] < e:
            overlap = True
        if not overlap or h[2] == "scare_quote":
            keep.append(h)
    # a scare quote around a lexicon word: keep both (the quote marks add distance)
    out = hits + keep
    out.sort(key=lambda h: (h[0], h[1]))
    return out


def find_loaded_terms(
    text: str,
    lexicon: str | Path | Lexicon | Sequence[str | Path | Lexicon] | None = None,
    *,
    structural: bool = True,
    warn_language: bool = True,
) -> pd.DataFrame:
    """Find loaded terms in one text.

    Parameters
    ----------
    text : str
        Any text (empty, huge, without line breaks, with unbalanced quotes).
    lexicon : name, path, Lexicon or list of them, optional
        Lexicon(s) to use; default the packaged ``loaded`` lexicon. A list is
        merged (first entry of a term wins), e.g. ``["loaded", "my_terms.csv"]``.
    structural : bool, default True
        Also find scare quotes and compound labels.
    warn_language : bool, default True
        Warn (:class:`framing.corpus.FramingWarning`) when the text does not
        look English; the lexicon is English.

    Returns
    -------
    pandas.DataFrame
        One row per hit in text order, with columns

        ``term`` (str)
            The text matched, ``text[start:end]`` (for scare quotes
            including the quotation marks).
        ``start``, ``end`` (int)
            Character offsets into ``text``.
        ``category`` (str)
            Lexicon category or ``scare_quote`` / ``compound_label``
            (see :data:`CATEGORIES`).
        ``lemma`` (str)
            The lexicon term that matched, lower case (for structural cues the
            quoted phrase or the compound).
        ``note``, ``source`` (str)
            The lexicon row's note and provenance.
        ``score`` (float)
            How likely expert annotators would call the word biased, from the
            hand-set context model (0..1).
        ``flagged`` (bool)
            ``score`` at or above the model's threshold.

    Examples
    --------
    >>> t = "Erdogan slammed the so-called 'unacceptable' US-led sanctions."
    >>> find_loaded_terms(t)[["term", "category"]].values.tolist()
    [['slammed', 'emotive'], ['so-called', 'ideological_label'], ["'unacceptable'", 'scare_quote'], ['unacceptable', 'emotive'], ['US-led', 'compound_label']]
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    lex = _as_lexicon(lexicon)
    if warn_language and text and not _looks_english(text):
        from ..corpus import FramingWarning

        warnings.warn(
            "text does not look English; the loaded-language lexicon and VADER are English, "
            "so few terms will be found. Pass warn_language=False to silence this.",
            FramingWarning,
            stacklevel=2,
        )
    rows = _term_rows(text, lex, structural)
    if not rows:
        return _empty_terms()
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def loaded_terms(
    corpus: Any,
    lexicon: str | Path | Lexicon | Sequence[str | Path | Lexicon] | None = None,
    *,
    structural: bool = True,
) -> pd.DataFrame:
    """Loaded terms of every article of a corpus.

    Parameters
    ----------
    corpus : Corpus
        Any object whose iteration yields articles with ``id``, ``outlet``
        and ``text``.
    lexicon : see :func:`find_loaded_terms`
    structural : bool, default True

    Returns
    -------
    pandas.DataFrame
        ``article_id, outlet`` followed by the columns of
        :func:`find_loaded_terms`; offsets point into ``article.text``.
        One row per hit, articles in corpus order.

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> c = Corpus.from_records([{"id": "a", "outlet": "rt", "text": "The regime lashed out."}])
    >>> loaded_terms(c)[["article_id", "outlet", "term", "category"]].values.tolist()
    [['a', 'rt', 'regime', 'ideological_label'], ['a', 'rt', 'lashed out', 'emotive']]
    """
    lex = _as_lexicon(lexicon)
    rows: list[tuple] = []
    non_english: list[str] = []
    for art in corpus:
        text = art.text or ""
        if text and not _looks_english(text):
            non_english.append(str(art.id))
        for r in _term_rows(text, lex, structural):
            rows.append((art.id, art.outlet) + r)
    if non_english:
        from ..corpus import FramingWarning

        warnings.warn(
            f"{len(non_english)} article(s) do not look English ({', '.join(non_english[:5])}"
            f"{' ...' if len(non_english) > 5 else ''}); the loaded-language lexicon is English.",
            FramingWarning,
            stacklevel=2,
        )
    if not rows:
        return _empty_terms(["article_id", "outlet"])
    return pd.DataFrame(rows, columns=["article_id", "outlet"] + TERM_COLUMNS)


def _word_counts(corpus_or_word_counts: Any) -> dict[str, int]:
    """Outlet -> number of words, from a corpus, a mapping, a Series or a table."""
    obj = corpus_or_word_counts
    if isinstance(obj, pd.DataFrame):
        if not {"outlet", "n_words"} <= set(obj.columns):
            raise ValueError("word-count table needs the columns outlet and n_words")
        return {str(k): int(v) for k, v in obj.groupby("outlet", sort=False)["n_words"].sum().items()}
    if isinstance(obj, pd.Series):
        return {str(k): int(v) for k, v in obj.items()}
    if isinstance(obj, Mapping):
        return {str(k): int(v) for k, v in obj.items()}
    counts: dict[str, int] = {}
    for art in obj:
        n = getattr(art, "n_words", None)
        if not isinstance(n, int):
            n = sum(1 for _ in TOKEN_RE.finditer(art.text or ""))
        counts[art.outlet] = counts.get(art.outlet, 0) + n
    return counts


def loaded_rates(
    loaded_table: pd.DataFrame,
    corpus_or_word_counts: Any,
    *,
    categories: Iterable[str] | None = None,
    flagged_only: bool = False,
) -> pd.DataFrame:
    """Loaded terms per 1,000 words, per outlet and category.

    Parameters
    ----------
    loaded_table : DataFrame
        Output of :func:`loaded_terms`.
    corpus_or_word_counts : Corpus, mapping, Series or DataFrame
        Where the word counts come from: a corpus, ``{outlet: n_words}``, or
        a table with ``outlet`` and ``n_words`` (summed per outlet).
    categories : iterable of str, optional
        Categories to report; default :data:`CATEGORIES` plus any other
        category in the table. Every outlet gets a row for each, zero if no hit.
    flagged_only : bool, default False
        Count only hits with ``flagged`` True.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet, category, n_hits, n_words, rate_per_1000``; outlets in
        the order of the word counts (corpus order), categories in the order
        given. ``rate_per_1000`` is ``1000 * n_hits / n_words`` (NaN if the
        outlet has no words).

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["rt", "rt"], "category": ["emotive", "hedge"], "flagged": [True, False]})
    >>> r = loaded_rates(t, {"rt": 500, "cbc": 1000}, categories=["emotive", "hedge"])
    >>> r.values.tolist()
    [['rt', 'emotive', 1, 500, 2.0], ['rt', 'hedge', 1, 500, 2.0], ['cbc', 'emotive', 0, 1000, 0.0], ['cbc', 'hedge', 0, 1000, 0.0]]
    """
    counts = _word_counts(corpus_or_word_counts)
    table = loaded_table
    if flagged_only and len(table) and "flagged" in table.columns:
        table = table[table["flagged"].astype(bool)]
    if categories is None:
        cats = list(CATEGORIES)
        if len(table):
            cats += [c for c in dict.fromkeys(table["category"]) if c not in CATEGORIES]
    else:
        cats = list(dict.fromkeys(categories))
    outlets = list(counts)
    if len(table):
        outlets += [o for o in dict.fromkeys(table["outlet"]) if o not in counts]
        hit_counts = table.groupby(["outlet", "category"], sort=False).size().to_dict()
    else:
        hit_counts = {}
    rows = []
    for o in outlets:
        n_words = counts.get(o, 0)
        for c in cats:
            n = int(hit_counts.get((o, c), 0))
            rate = 1000.0 * n / n_words if n_words else float("nan")
            rows.append((o, c, n, n_words, rate))
    out = pd.DataFrame(rows, columns=["outlet", "category", "n_hits", "n_words", "rate_per_1000"])
    return out.astype({"outlet": "object", "category": "object", "n_hits": "int64",
                       "n_words": "int64", "rate_per_1000": "float64"})


def top_loaded_terms(loaded_table: pd.DataFrame, n: int = 10, *, flagged_only: bool = False) -> pd.DataFrame:
    """The most frequent loaded terms of each outlet.

    Parameters
    ----------
    loaded_table : DataFrame
        Output of :func:`loaded_terms`.
    n : int, default 10
        Terms per outlet.
    flagged_only : bool, default False
        Count only hits with ``flagged`` True.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet, lemma, category, count, n_articles, rank``: per
        outlet the ``n`` most frequent lemmas (ties broken alphabetically),
        ``n_articles`` the number of articles using it, ``rank`` 1..n.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["rt"] * 3,
    ...                   "lemma": ["regime", "slam", "regime"], "category": ["ideological_label", "emotive",
    ...                   "ideological_label"], "flagged": [True] * 3})
    >>> top_loaded_terms(t, n=1).values.tolist()
    [['rt', 'regime', 'ideological_label', 2, 2, 1]]
    """
    cols = ["outlet", "lemma", "category", "count", "n_articles", "rank"]
    table = loaded_table
    if flagged_only and len(table) and "flagged" in table.columns:
        table = table[table["flagged"].astype(bool)]
    if not len(table):
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("count", "n_articles", "rank") else "object")
                             for c in cols})
    has_art = "article_id" in table.columns
    g = table.groupby(["outlet", "lemma", "category"], sort=False)
    agg = g.size().rename("count").to_frame()
    agg["n_articles"] = g["article_id"].nunique() if has_art else agg["count"]
    agg = agg.reset_index()
    order = {o: i for i, o in enumerate(dict.fromkeys(table["outlet"]))}
    agg["_o"] = agg["outlet"].map(order)
    agg = agg.sort_values(["_o", "count", "lemma", "category"], ascending=[True, False, True, True], kind="mergesort")
    agg["rank"] = agg.groupby("outlet", sort=False).cumcount() + 1
    agg = agg[agg["rank"] <= n].drop(columns="_o").reset_index(drop=True)
    return agg[cols].astype({"count": "int64", "n_articles": "int64", "rank": "int64"})
