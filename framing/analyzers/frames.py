"""Generic news frames: conflict, economic consequences, human interest, morality and resolution.

Semetko & Valkenburg (2000) found five generic frames in news of any topic, each recognised by a few
coder questions ("does the story reflect disagreement between parties?", "is there a mention of
financial costs?", "does it provide a human example?", "does it contain a moral message?", "does it
suggest a solution or who is responsible?"). Frermann et al. (ACL 2023) annotated climate-change
news with the same five frames (resolution standing for responsibility/solution).

How ``framing`` reads them (interpretable, nothing downloaded):

* **Cue lexicons** written for this package from those coder questions
  (``framing/data/frames/<frame>.csv``, each cue tagged with the question it answers), matched in one
  pass over the words of a text (:func:`framing.analyzers._frame_cues.cue_hits`).
* **A linear model** over the cue rates and single-word TF-IDF, fitted on the dev half of Frermann et
  al.'s annotations (MIT) and shipped as JSON weights (``framing/data/models/frames.json``, no text),
  calibrated so that a probability of 0.5 is the threshold chosen by cross-validation
  (:mod:`framing.analyzers._frames_model`).
* **Evidence**: for each article and frame, the sentence holding the most distinct cues of the frame.

The model was fitted on climate-change articles; the cues are topic-free, the word weights are not
(see the notes on transfer in the README).
"""
from __future__ import annotations

import bisect
import logging
from functools import lru_cache
from typing import Any, Sequence

import numpy as np
import pandas as pd

from ..resources import read_json
from ..stats import wilson_interval
from ..tables import TABLES
from ._frame_cues import FEATURE_NAMES, FRAMES, CueHit, cue_features, cue_hits, features_from_hits, n_words
from ._frames_fast import fast_features
from ._frames_model import FrameModel

__all__ = ["FRAMES", "FRAME_COLUMNS", "SHARE_COLUMNS", "frame_scores", "frames", "frame_shares", "frame_model",
           "frame_cue_spans"]

log = logging.getLogger(__name__)

#: Columns of :func:`frames`, in order (declared in :mod:`framing.tables` as ``frames``).
FRAME_COLUMNS: tuple[str, ...] = tuple(TABLES["article_frames"].names)
#: Columns of :func:`frame_shares`, in order (declared as ``frame_shares``).
SHARE_COLUMNS: tuple[str, ...] = tuple(TABLES["frame_shares"].names)
#: A frame is present when its score is at least this (the model is calibrated so that 0.5 is the
#: threshold that maximised F1 in cross-validation on the training data).
THRESHOLD = 0.5
#: Articles read at once by the fast path of :func:`frames`.
_BLOCK = 500


@lru_cache(maxsize=1)
def frame_model() -> FrameModel:
    """The packaged frame model (``framing/data/models/frames.json``; plain JSON, no code)."""
    return FrameModel.from_json(read_json("models/frames.json"), "framing/data/models/frames.json")


def frame_scores(texts: Sequence[str]) -> pd.DataFrame:
    """Probability of each generic frame in each text.

    Parameters
    ----------
    texts : sequence of str
        Whole articles work best (the model was fitted on articles of 900 - 6,500 characters).

    Returns
    -------
    pandas.DataFrame
        One row per text, in order, with float columns ``conflict, economic, human_interest, moral,
        resolution`` in [0, 1]; a frame is present when its score is >= 0.5.

    Examples
    --------
    >>> s = frame_scores(["Republicans attacked the plan and Democrats fired back in a bitter dispute."])
    >>> list(s.columns), bool(s.loc[0, "conflict"] > s.loc[0, "moral"])
    (['conflict', 'economic', 'human_interest', 'moral', 'resolution'], True)
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    p = frame_model().proba(texts)
    return pd.DataFrame(p, columns=list(FRAMES)).astype(float)


def frame_cue_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, frame)`` of every frame cue in ``text`` (the words behind the ``frame_cues`` features).

    Examples
    --------
    >>> frame_cue_spans("Critics blamed the government for the ban.")
    [(0, 7, 'conflict'), (8, 14, 'conflict'), (38, 41, 'resolution')]
    """
    return [(h.start, h.end, h.frame) for h in cue_hits(text)]


def _evidence(article: Any, hits: list[CueHit]) -> dict[str, tuple[int, int, str, str]]:
    """Per frame, ``(start, end, sentence, cues)`` of the sentence with the most distinct cues of the frame
    (ties: the earlier sentence); frames without a cue get ``(0, 0, "", "")``."""
    sents = article.sentences
    starts = [s.start for s in sents]
    per: dict[str, dict[int, list[str]]] = {f: {} for f in FRAMES}
    for h in hits:
        k = bisect.bisect_right(starts, h.start) - 1
        if k >= 0 and h.end <= sents[k].end:
            per[h.frame].setdefault(k, []).append(article.text[h.start:h.end])
    out: dict[str, tuple[int, int, str, str]] = {}
    for f in FRAMES:
        if not per[f]:
            out[f] = (0, 0, "", "")
            continue
        best = max(sorted(per[f]), key=lambda k: (len({w.lower() for w in per[f][k]}), -k))
        s = sents[best]
        out[f] = (s.start, s.end, s.text, "; ".join(dict.fromkeys(per[f][best])))
    return out


def _features(arts: Sequence[Any]) -> tuple[Any, np.ndarray, list[dict[str, tuple[int, int, str, str]]]]:
    """TF-IDF rows, cue features and evidence of each article: the chunk's fast path
    (:mod:`._frames_fast`), and the reference path (:func:`cue_hits`, :meth:`FrameModel.word_matrix`,
    :func:`_evidence`) for the articles it leaves."""
    from scipy.sparse import vstack

    model = frame_model()
    fast = fast_features(arts, model)
    slow = [i for i, ok in enumerate(fast.ok) if not ok]
    if not slow:
        return fast.words, fast.cues, fast.evidence  # type: ignore[return-value]
    hits = {i: cue_hits(arts[i].text) for i in slow}
    done = [i for i, ok in enumerate(fast.ok) if ok]
    x = np.zeros((len(arts), len(FEATURE_NAMES)))
    x[done] = fast.cues
    x[slow] = [features_from_hits(hits[i], n_words(arts[i].text)) for i in slow]
    words = vstack([fast.words, model.word_matrix([arts[i].text for i in slow])]).tocsr()
    words = words[np.argsort(np.array(done + slow), kind="stable")]
    evidence = [ev if ev is not None else _evidence(arts[i], hits[i]) for i, ev in enumerate(fast.evidence)]
    return words, x, evidence


def frames(corpus: Any) -> pd.DataFrame:
    """Each article's score for each generic frame, whether the frame is present, and the sentence
    that shows it.

    Parameters
    ----------
    corpus : Corpus
        Articles (any topic; the model was fitted on climate-change news).

    Returns
    -------
    pandas.DataFrame
        One row per article and frame (articles in corpus order, frames in :data:`FRAMES` order):

        ``article_id, outlet`` : str
        ``frame`` : str, one of ``conflict, economic, human_interest, moral, resolution``
        ``score`` : float in [0, 1], :func:`frame_scores` of the article text
        ``present`` : bool, ``score >= 0.5`` (:data:`THRESHOLD`)
        ``evidence_start, evidence_end`` : int, char offsets into ``article.text`` of the sentence
        with the most distinct cues of the frame (ties: the earlier one); ``0, 0`` when the
        article has no cue of the frame
        ``evidence`` : str, ``article.text[evidence_start:evidence_end]``
        ``cues`` : str, the cue words found in that sentence, ``"; "``-separated

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> c = Corpus.from_records([{"id": "a1", "outlet": "cbc",
    ...                           "text": "Critics slammed the plan. It will cost $2 billion."}])
    >>> t = frames(c)
    >>> t.loc[t.frame == "economic", "evidence"].item()
    'It will cost $2 billion.'
    """
    arts = list(corpus)
    if not arts:
        return TABLES["article_frames"].empty()
    cols: dict[str, list[Any]] = {c: [] for c in FRAME_COLUMNS}
    for lo in range(0, len(arts), _BLOCK):  # blocks bound the memory of the token arrays
        block = arts[lo:lo + _BLOCK]
        words, x, evidence = _features(block)
        p = frame_model().proba_from(words, x)  # one row per article, frames in FRAMES order
        cols["article_id"] += [a.id for a in block for _ in FRAMES]
        cols["outlet"] += [a.outlet for a in block for _ in FRAMES]
        cols["frame"] += list(FRAMES) * len(block)
        cols["score"] += p.ravel().tolist()
        cols["present"] += (p >= THRESHOLD).ravel().tolist()
        found = [ev[f] for ev in evidence for f in FRAMES]
        for k, name in enumerate(("evidence_start", "evidence_end", "evidence", "cues")):
            cols[name] += [e[k] for e in found]
    return TABLES["article_frames"].from_columns(cols)


def frame_shares(frames_table: pd.DataFrame) -> pd.DataFrame:
    """Share of each outlet's articles in which each frame is present, with a 95 % Wilson interval.

    Parameters
    ----------
    frames_table : pandas.DataFrame
        Output of :func:`frames`.

    Returns
    -------
    pandas.DataFrame
        One row per outlet and frame (outlets sorted, frames in :data:`FRAMES` order):

        ``outlet, frame`` : str
        ``n_articles`` : int, articles of the outlet
        ``n_present`` : int, articles where the frame is present
        ``share`` : float, ``n_present / n_articles``
        ``ci_low, ci_high`` : float, 95 % Wilson score interval of the share (articles as the
        sampling unit; valid for small outlets, never outside [0, 1])
        ``mean_score`` : float, mean frame score of the outlet's articles

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["x", "x"], "frame": ["moral", "moral"],
    ...                   "score": [0.9, 0.2], "present": [True, False]})
    >>> frame_shares(t)[["outlet", "frame", "share", "ci_low"]].round(3).values.tolist()
    [['x', 'moral', 0.5, 0.095]]
    """
    rows = []
    if len(frames_table):
        order = {f: i for i, f in enumerate(FRAMES)}
        for (outlet, frame), g in sorted(frames_table.groupby(["outlet", "frame"], sort=False),
                                         key=lambda kv: (kv[0][0], order.get(kv[0][1], 99), kv[0][1])):
            n, k = len(g), int(g["present"].sum())
            lo, hi = wilson_interval(k, n)
            rows.append((outlet, frame, n, k, k / n, lo, hi, float(g["score"].mean())))
    return TABLES["frame_shares"].from_rows(rows)


def _register() -> None:
    """Register the cue features as the ``frame_cues`` feature set of :mod:`framing.classify` (when present)."""
    try:
        from ..classify import register_feature_set
    except ImportError:  # the classify module is not part of this build
        return

    def spans(text: str) -> list[tuple[int, int, str]]:
        return [(h.start, h.end, h.question) for h in cue_hits(text)]

    register_feature_set("frame_cues", cue_features, FEATURE_NAMES, spans=spans, replace=True,
                         doc="generic news frame cues (Semetko & Valkenburg 2000 coder questions) per 1,000 words")


_register()
