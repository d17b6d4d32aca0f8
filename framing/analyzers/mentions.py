"""Actor-directed sentiment: how each article speaks of each actor, one row per mention.

Mentions come from the corpus's actors (``actors.yaml``), or, without actors, from a fallback
detector of frequent capitalised names; each mention is scored in its sentence by the target
model of :mod:`framing.analyzers._target` (see :func:`framing.analyzers.sentiment.target_sentiment`).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from typing import Any, Collection, Iterable, Mapping, Sequence

import pandas as pd

from ..actors import name_index, names_alternation
from ..tables import TABLES
from ._target import MAX_SENTENCE_CHARS, SentenceTokens, score_and_label
from .sentiment import _articles, _fast

ACTOR_COLUMNS = TABLES["actor_mentions"].names
ACTOR_SUMMARY_COLUMNS = TABLES["actor_sentiment"].names

__all__ = ["actor_sentiment", "actor_sentiment_summary", "fallback_names", "name_counts", "names_from_counts",
           "FALLBACK_TOP"]


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
    names = name_index(actors)
    if not names:
        return _Matcher(None, {})
    return _Matcher(re.compile(r"(?<!\w)(?:" + names_alternation(names) + r")(?!\w)"), names)


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
    matcher = _actor_matcher(actors)
    if matcher.pattern is not None:
        found = [_actor_mentions(art.text, matcher) for art in arts]
    else:
        found = _fallback_mentions(arts, fallback_names)
    cols: tuple[list[Any], ...] = tuple([] for _ in ACTOR_COLUMNS)
    (c_aid, c_outlet, c_actor, c_mention, c_start, c_end, c_sid, c_score, c_label, c_compound) = cols
    scores = _SentenceScores(arts, sentence_table)
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
            score, label = score_and_label(sent, s - s0, e - s0, vader, toks)
            c_actor.append(actor)
            c_mention.append(text[s:e])
            c_start.append(s)
            c_end.append(e)
            c_sid.append(i)
            c_score.append(score)
            c_label.append(label)
            c_compound.append(compound)
        n = len(c_start) - n_before  # the article's mentions kept
        c_aid.extend(repeat(art.id, n))
        c_outlet.extend(repeat(art.outlet, n))
    return TABLES["actor_mentions"].from_columns(dict(zip(ACTOR_COLUMNS, cols)))


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
        return TABLES["actor_sentiment"].empty()
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
    return TABLES["actor_sentiment"].conform(out[ACTOR_SUMMARY_COLUMNS].reset_index(drop=True))
