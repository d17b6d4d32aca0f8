"""Sentence, article, outlet and actor-directed sentiment.

Scores come from vaderSentiment's ``SentimentIntensityAnalyzer`` (Hutto &
Gilbert 2014) with its bundled lexicon: :func:`sentence_sentiment` returns
exactly the package's ``polarity_scores`` for every sentence, and the other
tables aggregate that one table (per article; per outlet with bootstrap
confidence intervals). :func:`target_sentiment` and :func:`actor_sentiment`
say how a sentence speaks *of a given mention* (NATO, Turkey, Erdogan ...),
using a small logistic regression over the target's clause and VADER
features (see :mod:`framing.analyzers._target`).

Known gaps of VADER on news
---------------------------
VADER was built for social-media posts. On news prose it misses much of
what matters:

* **Missing news vocabulary.** Words such as *affront*, *sanctions*,
  *invasion*, *regime*, *puppet*, *hypocrisy*, *blasted*, *slammed* are not in
  its lexicon, so they count for nothing.
* **Domain senses.** *interests* (+1.0), *interest* (+2.0), *defense* (+0.5),
  *security* (+1.4), *support* (+1.7) are positive in VADER but mostly neutral
  policy vocabulary in news. CBC's sentence "The S400 system is a direct
  affront to NATO and against the interests of the Turkish people" scores
  compound **+0.25** (positive) because *interests* is the only word VADER
  knows.
* **No target.** A whole-sentence score cannot say *whom* a sentence is
  negative about: "NATO criticised Turkey" is negative towards Turkey, not
  NATO. On held-out NewsMTSC targets (20 % of the training file's articles,
  seed 0) whole-sentence VADER reaches a macro-F1 of 0.506;
  :func:`target_sentiment` reaches 0.647 (``benchmarks/target_sentiment.py``).
* **Quoted speech and irony** are scored as if the outlet said them.
* **English only.** The lexicon is English; other languages get mostly
  zeros, and the analyzers warn (``UserWarning``) when a corpus does not look
  English.

An optional news-domain extension (``framing/data/lexicons/vader_news.csv``,
documented there) adds missing news words and neutralises the policy
senses above; on the same held-out targets it lifts whole-sentence VADER
from 0.506 to 0.533 macro-F1 (0.520 to 0.540 on all 8,739 targets). It
changes :func:`sentence_sentiment` only; :func:`target_sentiment` always
uses plain VADER features, as in training. It is **off by default** (``news_lexicon=False``) so the plain
VADER numbers stay available and comparable with other studies.

Examples
--------
>>> scores = vader_scores("The S400 system is a direct affront to NATO and against the interests of the Turkish people")
>>> scores["compound"] > 0
True
>>> vader_scores("The S400 system is a direct affront to NATO and against the interests of the Turkish people",
...              news_lexicon=True)["compound"] < 0
True
"""
from __future__ import annotations

import bisect
import csv
import io
import logging
import math
import re
import warnings
import zlib
from collections import Counter
from itertools import accumulate, compress, islice, repeat
from statistics import NormalDist
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..errors import FramingError, FramingWarning, LexiconError, where
from ..resources import read_text
from ..text import looks_english, sentence_spans
from ._vader import FastVader
from ._target import LABELS as _LABELS
from ._target import (CONTEXT_CHARS, MAX_SENTENCE_CHARS, SentenceTokens, TargetSentiment, _score_target,
                      score_in_sentence)

__all__ = [
    "sentence_sentiment",
    "article_sentiment",
    "outlet_sentiment",
    "target_sentiment",
    "actor_sentiment",
    "actor_sentiment_summary",
    "vader_scores",
    "news_analyzer",
    "load_news_lexicon",
    "TargetSentiment",
    "SENTENCE_COLUMNS",
    "ARTICLE_COLUMNS",
    "OUTLET_COLUMNS",
    "ACTOR_COLUMNS",
    "ACTOR_SUMMARY_COLUMNS",
]

log = logging.getLogger(__name__)

#: VADER's conventional thresholds on the compound score.
NEG_THRESHOLD = -0.05
POS_THRESHOLD = 0.05

SENTENCE_COLUMNS = ["article_id", "outlet", "sentence_id", "start", "end", "text", "neg", "neu", "pos", "compound"]
ARTICLE_COLUMNS = [
    "article_id", "outlet", "mean", "median", "sd",
    "share_negative", "share_neutral", "share_positive", "n_sentences",
]
OUTLET_COLUMNS = [
    "outlet", "mean", "ci_low", "ci_high", "share_negative", "share_neutral", "share_positive",
    "n_sentences", "n_articles",
]
ACTOR_COLUMNS = [
    "article_id", "outlet", "actor", "mention", "start", "end", "sentence_id",
    "score", "label", "sentence_compound",
]
ACTOR_SUMMARY_COLUMNS = ["outlet", "actor", "n", "mean_score", "share_negative", "share_neutral", "share_positive"]

_NEWS_LEXICON = "lexicons/vader_news.csv"
_LEXICON_FIELDS = ("term", "valence", "note", "source")


# --------------------------------------------------------------------------- VADER


def load_news_lexicon(path: str | Path | None = None) -> dict[str, float]:
    """Read a VADER lexicon extension (CSV with ``term, valence, note, source``).

    Parameters
    ----------
    path : str or Path, optional
        A user file with the same schema; default the packaged
        ``framing/data/lexicons/vader_news.csv``.

    Returns
    -------
    dict of str to float
        Lower-case single-word term -> valence in [-4, 4] (0 neutralises a
        VADER entry).

    Raises
    ------
    LexiconError
        When a row lacks a field, the term is not a single word, or the
        valence is not a number in [-4, 4]; the message names file and line.
    """
    if path is None:
        name = "framing/data/" + _NEWS_LEXICON
        raw = read_text(_NEWS_LEXICON)
    else:
        name = str(path)
        try:
            raw = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"{where(path)}: cannot read lexicon ({exc}).") from None
    reader = csv.reader(io.StringIO(raw))
    out: dict[str, float] = {}
    header: list[str] | None = None
    for row in reader:
        line = reader.line_num
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip() for c in row]
            if tuple(header[:4]) != _LEXICON_FIELDS:
                raise LexiconError(
                    f"{where(name, line)}: header is {header!r}; the first columns must be "
                    f"{', '.join(_LEXICON_FIELDS)}."
                )
            continue
        if len(row) < 4:
            raise LexiconError(f"{where(name, line)}: expected 4 fields ({', '.join(_LEXICON_FIELDS)}), got {len(row)}.")
        term = row[0].strip().lower()
        if not term or any(ch.isspace() for ch in term):
            raise LexiconError(
                f"{where(name, line, 'term')}: {row[0]!r} is not a single word; VADER looks up single tokens."
            )
        try:
            val = float(row[1])
        except ValueError:
            raise LexiconError(f"{where(name, line, 'valence')}: {row[1]!r} is not a number; use -4 .. 4.") from None
        if not -4.0 <= val <= 4.0:
            raise LexiconError(f"{where(name, line, 'valence')}: {val} is outside -4 .. 4.")
        if not row[3].strip():
            raise LexiconError(f"{where(name, line, 'source')}: empty source; say where the entry comes from.")
        out[term] = val
    return out


@lru_cache(maxsize=2)
def _analyzer(news_lexicon: bool) -> SentimentIntensityAnalyzer:
    sia = SentimentIntensityAnalyzer()
    if news_lexicon:
        sia.lexicon.update(load_news_lexicon())
    return sia


def news_analyzer() -> SentimentIntensityAnalyzer:
    """VADER with the packaged news-domain extension (a fresh analyzer is not built each call)."""
    return _analyzer(True)


@lru_cache(maxsize=2)
def _fast(news_lexicon: bool) -> FastVader:
    return FastVader(_analyzer(news_lexicon))


@lru_cache(maxsize=65536)
def _cached_scores(sentence: str, news_lexicon: bool) -> tuple[float, float, float, float]:
    d = _fast(news_lexicon).polarity_scores(sentence)
    return d["neg"], d["neu"], d["pos"], d["compound"]


def vader_scores(sentence: str, news_lexicon: bool = False) -> dict[str, float]:
    """VADER's ``polarity_scores`` of one sentence (memoised).

    Parameters
    ----------
    sentence : str
        Any text.
    news_lexicon : bool, default False
        Add the news-domain extension to VADER's lexicon.

    Returns
    -------
    dict
        ``neg, neu, pos, compound`` exactly as vaderSentiment computes them.

    Examples
    --------
    >>> vader_scores("NATO is a great alliance.")["compound"]
    0.6249
    """
    neg, neu, pos, comp = _cached_scores(sentence, bool(news_lexicon))
    return {"neg": neg, "neu": neu, "pos": pos, "compound": comp}


# ------------------------------------------------------------------- language check

def _warn_if_not_english(texts: Iterable[str]) -> None:
    """Warn once when most texts (of the first 50) do not look English (:func:`framing.text.looks_english`)."""
    sample = list(islice(texts, 50))
    if sample and sum(not looks_english(t) for t in sample) > len(sample) / 2:
        warnings.warn(
            "The corpus does not look English: VADER's lexicon (and framing's lexicons) are English, "
            "so sentiment scores of other languages are mostly zero and not meaningful.",
            FramingWarning,
            stacklevel=3,
        )


# ------------------------------------------------------------------ sentence tables


def _articles(corpus: Any) -> Sequence[Any]:
    arts = getattr(corpus, "articles", None)
    return tuple(arts) if arts is not None else tuple(corpus)


def sentence_sentiment(corpus: Any, news_lexicon: bool = False) -> pd.DataFrame:
    """VADER scores of every sentence of every article.

    Parameters
    ----------
    corpus : Corpus
        The articles; their ``sentences`` spans are used as they are.
    news_lexicon : bool, default False
        Use VADER with the documented news-domain extension
        (``framing/data/lexicons/vader_news.csv``). Off by default: the plain
        numbers are exactly vaderSentiment's.

    Returns
    -------
    pandas.DataFrame
        One row per sentence, in corpus order, with columns

        article_id : str
            Article id.
        outlet : str
            Outlet key.
        sentence_id : int
            Index of the sentence within its article (0-based).
        start, end : int
            Character offsets into ``article.text``; ``text[start:end]`` is the sentence.
        text : str
            The sentence.
        neg, neu, pos : float
            VADER's proportions of negative, neutral, positive text.
        compound : float
            VADER's normalised compound score in [-1, 1].
    """
    news = bool(news_lexicon)
    arts = _articles(corpus)
    _warn_if_not_english(a.text for a in arts)
    score = _fast(news).polarity_scores  # exact vaderSentiment scores, see _vader.py
    rows: list[tuple] = []
    for art in arts:
        text = art.text
        aid, outlet = art.id, art.outlet
        for i, sp in enumerate(art.sentences):
            s = text[sp.start:sp.end]
            d = score(s)
            rows.append((aid, outlet, i, sp.start, sp.end, s, d["neg"], d["neu"], d["pos"], d["compound"]))
    return _frame(rows, SENTENCE_COLUMNS, {"article_id": "str", "outlet": "str", "text": "str",
                                           "sentence_id": "int64", "start": "int64", "end": "int64",
                                           "neg": "float64", "neu": "float64", "pos": "float64",
                                           "compound": "float64"})


def _frame(rows: list[tuple], columns: list[str], dtypes: Mapping[str, str]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(rows, columns=columns)
    return df.astype(dict(dtypes)) if len(df) or dtypes else df


def _frame_columns(columns: Mapping[str, list[Any]], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """``_frame`` from column lists (the same table, without a tuple per row)."""
    return pd.DataFrame(dict(columns)).astype(dict(dtypes))


def article_sentiment(sentence_table: pd.DataFrame) -> pd.DataFrame:
    """Per-article summary of a :func:`sentence_sentiment` table.

    Parameters
    ----------
    sentence_table : pandas.DataFrame
        Output of :func:`sentence_sentiment`.

    Returns
    -------
    pandas.DataFrame
        One row per article (articles without sentences do not appear), columns

        article_id, outlet : str
        mean, median : float
            Mean and median compound score of the article's sentences.
        sd : float
            Sample standard deviation of the compound scores (NaN for one sentence).
        share_negative : float
            Share of sentences with compound <= -0.05.
        share_neutral : float
            Share with -0.05 < compound < 0.05.
        share_positive : float
            Share with compound >= 0.05.
        n_sentences : int
            Number of sentences behind the figures.
    """
    if len(sentence_table) == 0:
        return _frame([], ARTICLE_COLUMNS, {"n_sentences": "int64"})
    df = sentence_table[["article_id", "outlet", "compound"]].copy()
    c = df["compound"]
    df["_neg"] = (c <= NEG_THRESHOLD).astype(float)
    df["_pos"] = (c >= POS_THRESHOLD).astype(float)
    df["_neu"] = 1.0 - df["_neg"] - df["_pos"]
    g = df.groupby(["article_id", "outlet"], sort=False)
    out = pd.DataFrame(
        {
            "mean": g["compound"].mean(),
            "median": g["compound"].median(),
            "sd": g["compound"].std(ddof=1),
            "share_negative": g["_neg"].mean(),
            "share_neutral": g["_neu"].mean(),
            "share_positive": g["_pos"].mean(),
            "n_sentences": g["compound"].size().astype("int64"),
        }
    ).reset_index()
    return out[ARTICLE_COLUMNS]


_NORMAL = NormalDist()

#: Above this many sentences an outlet's interval comes from the Cornish-Fisher expansion of the
#: bootstrap distribution of the mean instead of resampling (see :func:`outlet_sentiment`).
BOOTSTRAP_MAX_N = 500


def _expansion_mean_ci(x: np.ndarray, level: float = 0.95) -> tuple[float, float]:
    """Percentiles of the bootstrap distribution of the mean from its Cornish-Fisher expansion:
    ``mean + s / sqrt(n) * (z + g * (z**2 - 1) / (6 * sqrt(n)))`` with the plug-in standard
    deviation ``s`` and skewness ``g`` of ``x`` (what infinitely many resamples converge to, up
    to O(1/n))."""
    n = len(x)
    m = float(x.mean())
    sd = float(x.std())
    if not sd > 0:
        return m, m
    g = float(((x - m) ** 3).mean()) / sd ** 3
    rn = math.sqrt(n)
    alpha = (1.0 - level) / 2.0
    out = []
    for q in (alpha, 1.0 - alpha):
        z = _NORMAL.inv_cdf(q)
        out.append(m + sd / rn * (z + g * (z * z - 1.0) / (6.0 * rn)))
    return out[0], out[1]


def _bootstrap_mean_ci(x: np.ndarray, n_boot: int, rng: np.random.Generator, level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap CI of the mean, vectorised in blocks of about 0.5M draws."""
    n = len(x)
    if n == 0:
        return float("nan"), float("nan")
    if n == 1 or n_boot <= 0:
        v = float(x[0]) if n == 1 else float(x.mean())
        return v, v
    block = max(1, min(n_boot, 500_000 // n))  # ~0.5M draws per block stays in cache
    means = np.empty(n_boot)
    done = 0
    while done < n_boot:
        k = min(block, n_boot - done)
        idx = rng.integers(0, n, size=(k, n), dtype=np.int32)
        means[done:done + k] = x[idx].mean(axis=1)
        done += k
    alpha = (1.0 - level) / 2.0
    lo, hi = np.quantile(means, [alpha, 1.0 - alpha])
    return float(lo), float(hi)


def outlet_sentiment(sentence_table: pd.DataFrame, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Per-outlet sentence sentiment with bootstrap 95 % confidence intervals.

    Parameters
    ----------
    sentence_table : pandas.DataFrame
        Output of :func:`sentence_sentiment`.
    n_boot : int, default 2000
        Bootstrap resamples (sentences resampled with replacement within the outlet).
    seed : int, default 0
        Seed; each outlet's generator is seeded with ``(seed, crc32(outlet))``,
        so an outlet's interval does not change when other outlets are added.

    Returns
    -------
    pandas.DataFrame
        One row per outlet (order of first appearance), columns

        outlet : str
        mean : float
            Mean compound score over the outlet's sentences.
        ci_low, ci_high : float
            95 % percentile bootstrap interval of that mean (equal to the mean
            for a single sentence). For an outlet with more than
            :data:`BOOTSTRAP_MAX_N` (500) sentences the percentiles come from
            the Cornish-Fisher (skewness-corrected normal) expansion of the
            bootstrap distribution instead of ``n_boot`` resamples: on news
            sentences it is closer to a 100,000-resample bootstrap than a
            2,000-resample one is (within 0.0005 against a Monte Carlo spread of
            0.001 at n = 500 to 1,000), and it costs O(n) instead of
            O(n * n_boot), which dominated the summaries of large corpora.
        share_negative, share_neutral, share_positive : float
            Shares of sentences with compound <= -0.05, in between, >= 0.05.
        n_sentences : int
            Sentences behind the figures.
        n_articles : int
            Articles behind the figures.
    """
    if len(sentence_table) == 0:
        return _frame([], OUTLET_COLUMNS, {"n_sentences": "int64", "n_articles": "int64"})
    rows = []
    for outlet, grp in sentence_table.groupby("outlet", sort=False):
        x = grp["compound"].to_numpy(dtype=float)
        rng = np.random.default_rng([int(seed), zlib.crc32(str(outlet).encode("utf-8"))])
        if len(x) > BOOTSTRAP_MAX_N and int(n_boot) > 0:
            lo, hi = _expansion_mean_ci(x)
        else:
            lo, hi = _bootstrap_mean_ci(x, int(n_boot), rng)
        neg = float((x <= NEG_THRESHOLD).mean())
        pos = float((x >= POS_THRESHOLD).mean())
        rows.append((outlet, float(x.mean()), lo, hi, neg, 1.0 - neg - pos, pos, len(x), grp["article_id"].nunique()))
    return _frame(rows, OUTLET_COLUMNS, {"n_sentences": "int64", "n_articles": "int64"})


# ----------------------------------------------------------------- target sentiment


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) of ``text`` covering ``text[start:end]`` (local split only)."""
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    chunk = text[lo:hi]
    a, b = start - lo, end - lo
    s0, s1 = None, None
    for sp in sentence_spans(chunk):
        if sp.end <= a and not (a == b == sp.end):
            continue
        if sp.start >= b and s0 is not None:
            break
        if s0 is None:
            s0 = sp.start
        s1 = sp.end
        if sp.end >= b:
            break
    if s0 is None:
        s0, s1 = a, b
    s0, s1 = min(s0, a), max(s1, b)
    # cap very long "sentences" (text without punctuation) around the target
    if s1 - s0 > MAX_SENTENCE_CHARS:
        half = max(0, (MAX_SENTENCE_CHARS - (b - a)) // 2)
        s0 = max(s0, a - half)
        s1 = min(s1, b + half)
    return lo + s0, lo + s1


def _check_offsets(text: Any, start: Any, end: Any) -> tuple[int, int]:
    if not isinstance(text, str):
        raise FramingError(f"target_sentiment: text must be a str, got {type(text).__name__}.")
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        raise FramingError(f"target_sentiment: start/end must be integers, got {start!r}, {end!r}.") from None
    if not 0 <= s <= e <= len(text):
        raise FramingError(
            f"target_sentiment: offsets ({s}, {e}) are outside the text (length {len(text)}); "
            "pass 0 <= start <= end <= len(text) so that text[start:end] is the target mention."
        )
    return s, e


def target_sentiment(text: str, start: int, end: int) -> TargetSentiment:
    """Sentiment of ``text`` towards the target mention ``text[start:end]``.

    The sentence around the mention is found with :func:`framing.text.sentence_spans`
    on a local window (so ``text`` may be a whole article); the score comes
    from a logistic regression over the target's clause, the words next to
    it, VADER's lexicon with negation, and VADER's sentence scores, fitted on
    NewsMTSC (see :mod:`framing.analyzers._target`).

    Parameters
    ----------
    text : str
        A sentence or a whole text.
    start, end : int
        Offsets of the target mention.

    Returns
    -------
    TargetSentiment
        ``.score`` in [-1, 1] (``p_positive - p_negative``), ``.label`` in
        {negative, neutral, positive}, class probabilities, and the evidence:
        sentence and clause offsets into ``text`` and VADER's whole-sentence
        compound score.

    Raises
    ------
    FramingError
        When ``text`` is not a string or the offsets are outside it.

    Examples
    --------
    >>> s = "Erdogan slammed the brutal sanctions imposed by Washington."
    >>> r = target_sentiment(s, s.index("Washington"), s.index("Washington") + 10)
    >>> r.label in {"negative", "neutral", "positive"} and -1 <= r.score <= 1
    True
    """
    s, e = _check_offsets(text, start, end)
    s0, s1 = _sentence_around(text, s, e)
    sent = text[s0:s1]
    return score_in_sentence(sent, s - s0, e - s0, vader_scores(sent), offset=s0)


# ------------------------------------------------------------------ actor sentiment

_CAP_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2,}[a-z]?(?:-\d+)?)"
#: Runs of capitalised words. The first word is ``_CAP_WORD`` with its leading capital taken out of
#: the alternation and the "no word character before" test written after it (the same matches):
#: a pattern that opens with a character class lets the regex engine skip ahead to the next
#: capital letter instead of trying every position (twice as fast over a corpus).
_NAMED_RE = re.compile(r"[A-Z](?<![\w-][A-Z])(?:[a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]+[a-z]?(?:-\d+)?)"
                       rf"(?:[ ](?:of[ ]|de[ ]|al-)?{_CAP_WORD})*(?![\w-])")
_NOT_NAMES = frozenset(
    "the a an he she it we they i you his her its their our this that these those but and or so if in on at "
    "for of to by with from as after before when while however also there here what who why how mr mrs ms "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


@dataclass(frozen=True, slots=True)
class _Matcher:
    pattern: re.Pattern[str] | None
    names: Mapping[str, str]


def _actor_matcher(actors: Sequence[Any]) -> _Matcher:
    """One regex over all actor names and aliases, longest first, word-bounded, case-sensitive."""
    names: dict[str, str] = {}
    for actor in actors:
        for n in actor.names:
            n = n.strip()
            if n and n not in names:
                names[n] = actor.name
    if not names:
        return _Matcher(None, {})
    alts = sorted(names, key=lambda n: (-len(n), n))
    pat = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in alts) + r")(?!\w)")
    return _Matcher(pat, names)


@lru_cache(maxsize=100_000)
def _split_named(run: str) -> tuple[int, int, str] | None:
    """A run of capitalised words matched by the fallback detector, as
    ``(chars dropped at the start, chars dropped at the end, name)``: leading
    function words and a possessive ending dropped; None when nothing is left.

    Cached because the same runs ("Trump", "The White House") recur in every
    article: each distinct run is split once.
    """
    space = run.find(" ")
    if (run if space < 0 else run[:space]).lower() not in _NOT_NAMES:  # most runs: nothing to drop in front
        if run.endswith(("'s", "’s")):
            return (0, 2, run[:-2]) if len(run) > 2 else None
        return 0, 0, run
    s, e = 0, len(run)
    words = run.split(" ")
    while words and words[0].lower() in _NOT_NAMES:
        s += len(words[0]) + 1
        words = words[1:]
    if not words:
        return None
    if run.endswith(("'s", "’s"), s, e):
        e -= 2
    return (s, len(run) - e, run[s:e]) if e > s else None


#: ``_NAMED_RE`` as one capturing group: ``split`` yields separator, run, separator, ... and the
#: running sum of the parts' lengths gives every run's offsets. The runs of a whole corpus (~90 per
#: article) are scanned without a match object or a tuple per run: keeping one per run alive until
#: the corpus's names are counted cost twice the scan itself (garbage-collector passes).
_NAMED_SPLIT_RE = re.compile("(" + _NAMED_RE.pattern + ")")


def _named_runs(text: str) -> tuple[list[str], list[int]]:
    """The runs ``_NAMED_RE`` finds in ``text`` and their offsets: run ``k`` is
    ``text[bounds[2k]:bounds[2k + 1]]``."""
    parts = _NAMED_SPLIT_RE.split(text)
    return parts[1::2], list(accumulate(map(len, parts)))


def _named_mentions(text: str) -> Iterable[tuple[int, int, str]]:
    """Fallback detector: runs of capitalised words, leading function words dropped."""
    for m in _NAMED_RE.finditer(text):
        hit = _split_named(m.group())
        if hit is not None:
            yield m.start() + hit[0], m.end() - hit[1], hit[2]


def _count_names(run_counts: Mapping[str, int]) -> dict[str, int]:
    """Name counts from counts of the raw runs (each distinct run split once)."""
    counts: dict[str, int] = {}
    for run, c in run_counts.items():
        hit = _split_named(run)
        if hit is not None:
            counts[hit[2]] = counts.get(hit[2], 0) + c
    return counts


class _SentenceScores:
    """VADER scores of a corpus's sentences: from a :func:`sentence_sentiment` table when one is
    given (no sentence is scored twice), else computed on demand and kept for this call."""

    def __init__(self, arts: Sequence[Any], table: pd.DataFrame | None) -> None:
        self._first: dict[int, int] = {}
        self._cols: tuple[Any, ...] | None = None
        self._memo: dict[tuple[int, int], dict[str, float]] = {}
        if table is not None and len(table):
            n = 0
            for art in arts:
                self._first[id(art)] = n
                n += len(art.sentences)
            if n == len(table):
                # Python lists: indexing them is several times cheaper than numpy element access
                self._cols = tuple(table[c].to_numpy().tolist() for c in ("article_id", "sentence_id", "neg", "neu",
                                                                           "pos", "compound"))

    def get(self, art: Any, i: int) -> dict[str, float] | None:
        if self._cols is not None:
            row = self._first.get(id(art), -1) + i
            aid, sid, neg, neu, pos, comp = self._cols
            if 0 <= row < len(aid) and aid[row] == art.id and sid[row] == i:
                return {"neg": neg[row], "neu": neu[row], "pos": pos[row], "compound": comp[row]}
        key = (id(art), i)
        hit = self._memo.get(key)
        if hit is None:
            sp = art.sentences[i]
            hit = self._memo[key] = _scores_dict(art.text[sp.start:sp.end])
        return hit


def _scores_dict(sentence: str) -> dict[str, float]:
    return _fast(False).polarity_scores(sentence)


#: Without actors, the fallback detector keeps at most this many names (the corpus's most frequent).
FALLBACK_TOP = 25


def _top_names(counts: Mapping[str, int], top: int | None) -> frozenset[str]:
    """Names occurring at least twice, the ``top`` most frequent (ties by name; all when None)."""
    eligible = [(-c, n) for n, c in counts.items() if c >= 2]
    if top is not None:
        eligible = sorted(eligible)[: max(0, int(top))]
    return frozenset(n for _c, n in eligible)


def name_counts(texts: Iterable[str]) -> dict[str, int]:
    """How often the fallback detector finds each name in ``texts`` (the names of
    :func:`_named_mentions`, counted from the matched strings without their offsets)."""
    runs: Counter[str] = Counter()
    for text in texts:
        runs.update(_NAMED_RE.findall(text))
    return _count_names(runs)


def names_from_counts(counts: Mapping[str, int], top: int | None = FALLBACK_TOP) -> frozenset[str]:
    """:func:`fallback_names` from :func:`name_counts` (summed over the parts of a corpus)."""
    return _top_names(counts, top)


def fallback_names(corpus: Any, top: int | None = FALLBACK_TOP) -> frozenset[str]:
    """Names the fallback detector of :func:`actor_sentiment` keeps: runs of capitalised words
    occurring at least twice in the corpus, at most the ``top`` most frequent (ties broken by
    name; ``top=None`` keeps them all). Passed to chunks when a corpus is analysed in chunks."""
    return _top_names(name_counts(a.text for a in _articles(corpus)), top)


def actor_sentiment(corpus: Any, *, sentence_table: pd.DataFrame | None = None,
                    fallback_names: Collection[str] | None = None) -> pd.DataFrame:
    """How each article speaks of each actor, one row per actor mention.

    Mentions are found with the corpus's ``actors`` (``actors.yaml``): every
    name and alias, case-sensitive, on word boundaries, longest match first
    (an alias shared by two actors goes to the first); two names of the same
    actor separated only by spaces ("NATO Secretary General Jens Stoltenberg")
    are one mention. When the corpus has
    no actors, a fallback detector takes runs of capitalised words
    ("Vladimir Putin", "NATO", "United States") that occur at least twice in
    the corpus, keeping only the :data:`FALLBACK_TOP` (25) most frequent of them
    (ties by name): charts show a few actors, and scoring every capitalised
    name of a large corpus costs more than the rest of the analysis; the actor
    is then the mention itself. Pass ``fallback_names=fallback_names(corpus, top=None)``
    to keep every name.
    Each mention is scored with :func:`target_sentiment` within its sentence.

    Parameters
    ----------
    corpus : Corpus
        Articles (with ``sentences``) and ``actors``.
    sentence_table : pandas.DataFrame, optional
        The :func:`sentence_sentiment` table of the same corpus (plain VADER);
        its scores are reused instead of scoring the sentences again.
    fallback_names : collection of str, optional
        Without actors, the names the fallback detector keeps (default:
        ``fallback_names(corpus)``, the 25 most frequent names occurring at
        least twice). A chunk of a larger corpus passes the whole corpus's
        :func:`fallback_names`, so chunked runs equal serial ones.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in text order, columns

        article_id, outlet : str
        actor : str
            Canonical actor name.
        mention : str
            The mention as written; ``text[start:end] == mention``.
        start, end : int
            Offsets into ``article.text``.
        sentence_id : int
            Index of the sentence holding the mention (as in :func:`sentence_sentiment`).
        score : float
            Target sentiment in [-1, 1] (``p_positive - p_negative``).
        label : str
            negative, neutral or positive.
        sentence_compound : float
            VADER's compound score of the whole sentence (the baseline).
    """
    arts = _articles(corpus)
    actors = tuple(getattr(corpus, "actors", ()) or ())
    _warn_if_not_english(a.text for a in arts)
    matcher = _actor_matcher(actors)
    if matcher.pattern is not None:
        found = [_actor_mentions(art.text, matcher) for art in arts]
    else:
        found = _fallback_mentions(arts, fallback_names)
    cols: tuple[list[Any], ...] = tuple([] for _ in ACTOR_COLUMNS)
    (c_aid, c_outlet, c_actor, c_mention, c_start, c_end, c_sid, c_score, c_label, c_compound) = cols
    scores = _SentenceScores(arts, sentence_table)
    score_target = _score_target
    neg_label, neu_label, pos_label = _LABELS
    for art, mentions in zip(arts, found):
        if not mentions:
            continue
        text = art.text
        sents = tuple(art.sentences)
        starts = [sp.start for sp in sents]
        last0 = last1 = -1
        toks: SentenceTokens | None = None
        sent, vader, compound = "", {}, 0.0
        n_before = len(c_start)
        for s, e, actor in mentions:
            i = bisect.bisect_right(starts, s) - 1
            if i < 0:
                continue  # mention before the first sentence
            s0 = starts[i]
            s1 = sents[i].end
            if s1 < e:
                continue  # mention outside any sentence or across a sentence break
            whole = True
            if s1 - s0 > MAX_SENTENCE_CHARS:
                half = max(0, (MAX_SENTENCE_CHARS - (e - s)) // 2)
                s0, s1 = max(s0, s - half), min(s1, e + half)
                whole = s0 == starts[i] and s1 == sents[i].end
            if s0 != last0 or s1 != last1:  # mentions come in text order: prepare each sentence once
                sent = text[s0:s1]
                last0, last1, toks = s0, s1, SentenceTokens(sent)
                vader = scores.get(art, i) if whole else None
                if vader is None:
                    vader = _scores_dict(sent)
                compound = float(vader["compound"])
            # what score_in_sentence returns, without building a TargetSentiment per mention
            pn, pu, pp, _ca, _cb = score_target(sent, s - s0, e - s0, vader, toks)
            c_actor.append(actor)
            c_mention.append(text[s:e])
            c_start.append(s)
            c_end.append(e)
            c_sid.append(i)
            d = pp - pn
            c_score.append(d if -1.0 <= d <= 1.0 else max(-1.0, min(1.0, d)))
            c_label.append(neg_label if pn >= pu and pn >= pp else (neu_label if pu >= pp else pos_label))
            c_compound.append(compound)
        n = len(c_start) - n_before  # the article's mentions kept
        c_aid.extend(repeat(art.id, n))
        c_outlet.extend(repeat(art.outlet, n))
    return _frame_columns(dict(zip(ACTOR_COLUMNS, cols)), {
        "article_id": "str", "outlet": "str", "actor": "str", "mention": "str", "start": "int64", "end": "int64",
        "sentence_id": "int64", "score": "float64", "label": "str", "sentence_compound": "float64"})


def _actor_mentions(text: str, matcher: _Matcher) -> list[tuple[int, int, str]]:
    """``(start, end, actor)`` of every mention of the corpus's actors in ``text``, in text order;
    two names of one actor separated only by spaces on one line are one mention."""
    found: list[tuple[int, int, str]] = []
    prev: tuple[int, int, str] | None = None
    names = matcher.names
    for m in matcher.pattern.finditer(text) if matcher.pattern is not None else ():
        s, e, actor = m.start(), m.end(), names[m.group()]
        if prev is not None and prev[2] == actor and (
            prev[1] == s or (text[prev[1]:s].isspace() and "\n" not in text[prev[1]:s])
        ):
            # apposition of two names of one actor: "NATO Secretary General Jens Stoltenberg"
            prev = found[-1] = (prev[0], e, actor)
            continue
        prev = (s, e, actor)
        found.append(prev)
    return found


def _fallback_mentions(arts: Sequence[Any], keep: Collection[str] | None) -> list[list[tuple[int, int, str]]]:
    """Per article, ``(start, end, name)`` of the fallback detector's mentions (those of
    :func:`_named_mentions`) whose name is in ``keep`` (default: the corpus's
    :data:`FALLBACK_TOP` most frequent names occurring at least twice)."""
    per_art = [_named_runs(art.text) for art in arts]
    distinct: Iterable[str]
    if keep is None:
        run_counts: Counter[str] = Counter()
        for runs, _bounds in per_art:
            run_counts.update(runs)
        keep = _top_names(_count_names(run_counts), FALLBACK_TOP)
        distinct = run_counts  # its keys: the distinct runs
    else:
        distinct = set().union(*(runs for runs, _bounds in per_art))
    kept: dict[str, tuple[int, int, str]] = {}  # distinct run -> its _split_named, when the name is kept
    for run in distinct:
        hit = _split_named(run)
        if hit is not None and hit[2] in keep:
            kept[run] = hit
    out: list[list[tuple[int, int, str]]] = []
    for runs, bounds in per_art:
        mentions = []
        for k in compress(range(len(runs)), map(kept.__contains__, runs)):
            drop_start, drop_end, name = kept[runs[k]]
            mentions.append((bounds[2 * k] + drop_start, bounds[2 * k + 1] - drop_end, name))
        out.append(mentions)
    return out


def actor_sentiment_summary(actor_table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and actor: how many mentions and how they are spoken of.

    Parameters
    ----------
    actor_table : pandas.DataFrame
        Output of :func:`actor_sentiment`.

    Returns
    -------
    pandas.DataFrame
        One row per (outlet, actor) with at least one mention, outlets in
        order of first appearance, actors by descending ``n`` then name; columns

        outlet, actor : str
        n : int
            Number of mentions.
        mean_score : float
            Mean target score in [-1, 1].
        share_negative, share_neutral, share_positive : float
            Shares of mentions labelled negative, neutral, positive.
    """
    if len(actor_table) == 0:
        return _frame([], ACTOR_SUMMARY_COLUMNS, {"n": "int64"})
    df = actor_table[["outlet", "actor", "score", "label"]].copy()
    for lab in ("negative", "neutral", "positive"):
        df["_" + lab] = (df["label"] == lab).astype(float)
    g = df.groupby(["outlet", "actor"], sort=False)
    out = pd.DataFrame(
        {
            "n": g["score"].size().astype("int64"),
            "mean_score": g["score"].mean(),
            "share_negative": g["_negative"].mean(),
            "share_neutral": g["_neutral"].mean(),
            "share_positive": g["_positive"].mean(),
        }
    ).reset_index()
    order = {o: i for i, o in enumerate(dict.fromkeys(actor_table["outlet"].tolist()))}
    out["_o"] = out["outlet"].map(order)
    out = out.sort_values(["_o", "n", "actor"], ascending=[True, False, True], kind="mergesort")
    return out[ACTOR_SUMMARY_COLUMNS].reset_index(drop=True)
