"""Target-dependent sentiment: how a sentence speaks of one mention in it.

The scorer is a multinomial logistic regression over cheap, hand-written
features of the sentence that holds the target mention:

* VADER's four sentence scores (``neg, neu, pos, compound``);
* bag of words of the sentence outside the mention, and of the four words
  just left (``L=``) and right (``R=``) of the mention;
* the words of the target's own clause (between the nearest clause
  punctuation ``, ; : ( ) — –`` on each side), marked by side (``CL=``/``CR=``);
* VADER lexicon valence summed over the left and the right part of the
  clause, with VADER's negation words flipping the next three words, split
  into positive and negative sums (this is where the target's role shows:
  the subject of a negative verb has negative valence on its right, the
  object on its left);
* the target's role: ``role_subj`` when only function words ("the", "and",
  "but" ...) precede it in its clause, else ``role_obj``; the four lexicon
  sums are repeated per role (``subj_lex_r_neg`` ...);
* VADER valence of every word of the sentence weighted by its distance (in
  characters) from the target, ``v / (1 + d/20)`` (``near_lex``);
* the words of the mention itself (``M=``) and where it starts in the
  sentence.

The coefficients are a plain JSON file, ``framing/data/models/target_sentiment.json``,
written by ``benchmarks/train_target_sentiment.py`` from NewsMTSC's training
file (Hamborg & Donnay 2021). Scoring is pure Python: one regex pass over
the sentence, dictionary look-ups and three dot products; no scikit-learn at
run time and nothing is downloaded.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

__all__ = ["TargetSentiment", "target_features", "score_features", "LABELS", "load_model"]

#: Class labels in the order of the model's weight vectors.
LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")

_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_CLAUSE_CHARS = ",;:()—–\"“”"
_NEGATE = frozenset(NEGATE)
#: Words that may precede a subject in its clause ("and", "but", "the" ...).
_CLAUSE_OPENERS = frozenset("the a an and but that which who while as then also said says".split())
_N_SIDE = 4
#: How far (in characters) to look around a target when the text has to be
#: split into sentences locally (see :func:`framing.target_sentiment`).
CONTEXT_CHARS = 1000
#: Longest sentence (in characters) fed to the features; longer "sentences"
#: (text without punctuation) are cut to this many characters around the target.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class TargetSentiment:
    """Sentiment towards one target mention.

    Attributes
    ----------
    score : float
        ``p(positive) - p(negative)``, in [-1, 1].
    label : str
        ``"negative"``, ``"neutral"`` or ``"positive"`` (most probable class).
    p_negative, p_neutral, p_positive : float
        Class probabilities of the model (they sum to 1).
    sentence_start, sentence_end : int
        Offsets (into the text given) of the sentence the score is based on.
    clause_start, clause_end : int
        Offsets of the target's clause (the window whose words weigh most).
    sentence_compound : float
        VADER's compound score of that whole sentence (the baseline).
    """

    score: float
    label: str
    p_negative: float
    p_neutral: float
    p_positive: float
    sentence_start: int
    sentence_end: int
    clause_start: int
    clause_end: int
    sentence_compound: float


@lru_cache(maxsize=1)
def _vader_lexicon() -> Mapping[str, float]:
    return SentimentIntensityAnalyzer().lexicon


def _clause_bounds(sentence: str, a: int, b: int) -> tuple[int, int]:
    """Offsets of the clause around ``sentence[a:b]``: nearest clause punctuation each side."""
    left = -1
    for ch in _CLAUSE_CHARS:
        i = sentence.rfind(ch, 0, a)
        if i > left:
            left = i
    right = len(sentence)
    for ch in _CLAUSE_CHARS:
        i = sentence.find(ch, b)
        if 0 <= i < right:
            right = i
    return left + 1, right


def target_features(
    sentence: str, a: int, b: int, vader: Mapping[str, float]
) -> tuple[dict[str, float], tuple[int, int]]:
    """Features of the target ``sentence[a:b]``.

    Parameters
    ----------
    sentence : str
        The sentence holding the target.
    a, b : int
        Offsets of the target mention in ``sentence``.
    vader : mapping
        VADER's ``polarity_scores`` of the whole sentence.

    Returns
    -------
    features : dict of str to float
        Sparse feature vector.
    clause : tuple of int
        Offsets of the target's clause in ``sentence``.
    """
    lex = _vader_lexicon()
    f: dict[str, float] = {
        "s_neg": vader["neg"],
        "s_neu": vader["neu"],
        "s_pos": vader["pos"],
        "s_compound": vader["compound"],
        "bias": 1.0,
        "start": a / max(1, len(sentence)),
    }
    ca, cb = _clause_bounds(sentence, a, b)
    left: list[str] = []
    right: list[str] = []
    cleft: list[str] = []
    cright: list[str] = []
    mention: list[str] = []
    near = 0.0
    for m in _TOKEN_RE.finditer(sentence):
        w = m.group().lower()
        s, e = m.span()
        if e <= a:
            left.append(w)
            if s >= ca:
                cleft.append(w)
            v = lex.get(w)
            if v:
                near += v / (1.0 + (a - e) / 20.0)
        elif s >= b:
            right.append(w)
            if e <= cb:
                cright.append(w)
            v = lex.get(w)
            if v:
                near += v / (1.0 + (s - b) / 20.0)
        else:
            mention.append(w)
    f["near_lex"] = near / 4.0
    for w in left:
        f["w=" + w] = 1.0
    for w in right:
        f["w=" + w] = 1.0
    for w in left[-_N_SIDE:]:
        f["L=" + w] = 1.0
    for w in right[:_N_SIDE]:
        f["R=" + w] = 1.0
    for w in cleft:
        f["CL=" + w] = 1.0
    for w in cright:
        f["CR=" + w] = 1.0
    for w in mention:
        f["M=" + w] = 1.0
    for side, words in (("l", cleft), ("r", cright)):
        pos = neg = 0.0
        flip = 0
        for w in words:
            if w in _NEGATE or w.endswith("n't"):
                flip = 3
                continue
            v = lex.get(w)
            if v is not None:
                if flip:
                    v = -0.74 * v
                if v > 0:
                    pos += v
                else:
                    neg -= v
            if flip:
                flip -= 1
        f["lex_" + side + "_pos"] = pos / 4.0
        f["lex_" + side + "_neg"] = neg / 4.0
    # the target's role: first in its clause (subject-like) or after other words (object-like)
    role = "subj" if all(w in _CLAUSE_OPENERS for w in cleft) else "obj"
    f["role_" + role] = 1.0
    for k in ("lex_l_pos", "lex_l_neg", "lex_r_pos", "lex_r_neg"):
        f[role + "_" + k] = f[k]
    return f, (ca, cb)


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """Read the packaged coefficients (``framing/data/models/target_sentiment.json``).

    Returns
    -------
    dict
        ``{"labels": [...], "weights": {feature: [w_neg, w_neu, w_pos]}, "intercept": [...], ...}``.
    """
    raw = resources.files("framing.data").joinpath("models/target_sentiment.json").read_text("utf-8")
    model = json.loads(raw)
    model["weights"] = {k: tuple(v) for k, v in model["weights"].items()}
    return model


def score_features(features: Mapping[str, float], model: Mapping[str, Any] | None = None) -> tuple[float, float, float]:
    """Class probabilities ``(p_neg, p_neu, p_pos)`` of a feature vector."""
    model = model if model is not None else load_model()
    weights = model["weights"]
    z0, z1, z2 = model["intercept"]
    for k, v in features.items():
        w = weights.get(k)
        if w is not None:
            z0 += w[0] * v
            z1 += w[1] * v
            z2 += w[2] * v
    m = max(z0, z1, z2)
    e0, e1, e2 = math.exp(z0 - m), math.exp(z1 - m), math.exp(z2 - m)
    t = e0 + e1 + e2
    return e0 / t, e1 / t, e2 / t


def score_in_sentence(
    sentence: str, a: int, b: int, vader: Mapping[str, float], offset: int = 0
) -> TargetSentiment:
    """Score the target ``sentence[a:b]``; ``offset`` shifts reported offsets into the full text."""
    f, (ca, cb) = target_features(sentence, a, b, vader)
    pn, pu, pp = score_features(f)
    probs = (pn, pu, pp)
    label = LABELS[max(range(3), key=probs.__getitem__)]
    return TargetSentiment(
        score=max(-1.0, min(1.0, pp - pn)),
        label=label,
        p_negative=pn,
        p_neutral=pu,
        p_positive=pp,
        sentence_start=offset,
        sentence_end=offset + len(sentence),
        clause_start=offset + ca,
        clause_end=offset + cb,
        sentence_compound=float(vader["compound"]),
    )
