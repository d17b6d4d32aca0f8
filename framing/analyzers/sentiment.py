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

import csv
import io
import logging
import math
import zlib
from statistics import NormalDist
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..errors import FramingError, LexiconError, where
from ..resources import read_text
from ..text import sentence_spans
from ._vader import FastVader
from ..tables import TABLES
from ._target import CONTEXT_CHARS, MAX_SENTENCE_CHARS, TargetSentiment, score_in_sentence

__all__ = [
    "sentence_sentiment",
    "article_sentiment",
    "outlet_sentiment",
    "target_sentiment",
    "vader_scores",
    "news_analyzer",
    "load_news_lexicon",
    "TargetSentiment",
    "SENTENCE_COLUMNS",
    "ARTICLE_COLUMNS",
    "OUTLET_COLUMNS",
]

log = logging.getLogger(__name__)

#: VADER's conventional thresholds on the compound score.
NEG_THRESHOLD = -0.05
POS_THRESHOLD = 0.05

SENTENCE_COLUMNS = TABLES["sentences"].names
ARTICLE_COLUMNS = TABLES["article_sentiment"].names
OUTLET_COLUMNS = TABLES["outlet_sentiment"].names

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
    cols: dict[str, list[Any]] = {c: [] for c in SENTENCE_COLUMNS}
    for art in _articles(corpus):
        text, spans = art.text, art.sentences
        cols["article_id"] += [art.id] * len(spans)
        cols["outlet"] += [art.outlet] * len(spans)
        cols["sentence_id"] += range(len(spans))
        cols["start"] += [sp.start for sp in spans]
        cols["end"] += [sp.end for sp in spans]
        cols["text"] += [text[sp.start:sp.end] for sp in spans]
    scores = _distinct_scores(cols["text"], _fast(bool(news_lexicon)).scores)
    for name, values in zip(("neg", "neu", "pos", "compound"), zip(*scores)):
        cols[name] = np.array(values, dtype=np.float64)
    for name in ("sentence_id", "start", "end"):
        cols[name] = np.array(cols[name], dtype=np.int64)
    return TABLES["sentences"].from_columns(cols)


def _distinct_scores(texts: list[str], score: Any) -> list[tuple[float, float, float, float]]:
    """``list(map(score, texts))``, calling ``score`` once per distinct text.

    A sentence that recurs (an outlet's standard lines, a quote several articles repeat: about 6 % of
    the sentences of 3,656 AllSides articles) gets the scores its first occurrence got; ``score``
    is a pure function of the text, so the table is the same.
    """
    distinct = dict.fromkeys(texts)
    if len(distinct) == len(texts):
        return list(map(score, texts))
    known = dict(zip(distinct, map(score, distinct)))
    return list(map(known.__getitem__, texts))


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
        return TABLES["article_sentiment"].empty()
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
    return TABLES["article_sentiment"].conform(out[ARTICLE_COLUMNS])


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
        return TABLES["outlet_sentiment"].empty()
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
    return TABLES["outlet_sentiment"].from_rows(rows)


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
