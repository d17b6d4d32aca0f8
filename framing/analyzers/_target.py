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

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import or_
from typing import Any, Mapping

from vaderSentiment.vaderSentiment import NEGATE

from ..resources import read_json, vader_lexicon
from ..text import find_any

__all__ = ["TargetSentiment", "SentenceTokens", "target_features", "score_features", "LABELS", "load_model"]

#: Class labels in the order of the model's weight vectors.
LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")

_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_CLAUSE_CHARS = ",;:()—–\"“”"
#: the clause punctuation as one regex (``SentenceTokens.marks`` finds it with ``str.find``, faster)
_CLAUSE_RE = re.compile("[" + re.escape(_CLAUSE_CHARS) + "]")
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


class _ModelParts:
    """The packaged model's weights arranged for :func:`_score_target` (built once, see
    :func:`_model_parts`): the per-word features as one dict per prefix keyed by the bare word
    (``w["nato"]`` is the weight of ``"w=nato"``), so a sentence's weights are looked up with
    ``map(dict.get, words)`` instead of building a ``prefix + word`` string per token."""

    __slots__ = ("intercept", "sentence", "start", "w", "left", "right", "cl", "cr", "m", "role", "valued")

    def __init__(self, model: Mapping[str, Any]) -> None:
        weights = model["weights"]
        get = weights.get
        self.intercept = tuple(model["intercept"])
        #: weights of ``s_neg, s_neu, s_pos, s_compound, bias`` (None when the model has none)
        self.sentence = tuple(get(k) for k in ("s_neg", "s_neu", "s_pos", "s_compound", "bias"))
        self.start = get("start")
        by_prefix: dict[str, dict[str, Any]] = {p: {} for p in _PREFIXES}
        for key, wt in weights.items():
            head, eq, word = key.partition("=")
            if eq and head + "=" in by_prefix:
                by_prefix[head + "="][word] = wt
        self.w, self.left, self.right, self.cl, self.cr, self.m = (by_prefix[p] for p in _PREFIXES)
        self.role = {r: get("role_" + r) for r in ("subj", "obj")}
        #: per role, the weights (None when the model has none) of the valued features in the order
        #: :func:`target_features` writes them: near_lex, then per side (l, r) and sign (pos, neg)
        #: ``lex_*`` and ``<role>_lex_*``
        self.valued = {}
        for r in ("subj", "obj"):
            names = ("near_lex", "lex_l_pos", r + "_lex_l_pos", "lex_l_neg", r + "_lex_l_neg",
                     "lex_r_pos", r + "_lex_r_pos", "lex_r_neg", r + "_lex_r_neg")
            self.valued[r] = tuple(map(get, names))


_PREFIXES = ("w=", "L=", "R=", "CL=", "CR=", "M=")


@lru_cache(maxsize=1)
def _model_parts() -> _ModelParts:
    return _ModelParts(load_model())


#: ``_TOKEN_RE`` as one capturing group: ``split`` then yields separator, token, separator, ...
#: and the running sum of the parts' lengths gives every token's offsets without a match object
#: per token (cheaper than ``finditer``, which builds one). The repeated group is possessive
#: (``*+``): nothing follows it, so the matches are the same, and the engine keeps no backtracking
#: state per hyphen or apostrophe.
_TOKEN_SPLIT_RE = re.compile(r"(\w+(?:[-'’]\w+)*+)", re.UNICODE)


class SentenceTokens:
    """The word tokens of one sentence, computed once for all its target mentions.

    Attributes
    ----------
    bounds : list of int
        Token offsets, flat: token ``i`` is ``sentence[bounds[2 * i]:bounds[2 * i + 1]]`` (one more
        entry at the end, the length of the sentence).
    starts, ends : list of int
        Token offsets in the sentence (in order, not overlapping).
    words : list of str
        Lower-cased tokens.
    vals : list of float or None
        VADER lexicon valence of each word (None when not in the lexicon).
    lex_idx : list of int
        Indices of the tokens with a non-zero valence.
    sp_idx, sp_val : list of int, list of float or None
        What the clause lexicon sums read: the indices of the negations and of the words of non-zero
        valence (a word of valence 0 changes no sum), in order, and every token's valence, None
        for a negation (a negation in the lexicon counts as a negation, as in :func:`target_features`).
    marks : list of int
        Offsets of the clause punctuation (``_CLAUSE_CHARS``) in the sentence.
    distinct : dict of str to None
        The distinct words, in order of first occurrence.
    repeats : bool
        Whether a word occurs more than once.
    """

    __slots__ = ("sentence", "bounds", "words", "vals", "lex_idx", "sp_idx", "sp_val", "marks", "distinct",
                 "repeats", "_wkeys", "_base_key", "_base")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        low = sentence.lower()
        if len(low) == len(sentence) and "Σ" not in sentence:
            # Lower-casing the whole sentence then maps every character to one character of the
            # same kind (word character or not; only "İ" lower-cases to two characters, and only
            # "Σ" depends on its neighbours): the tokens of ``low`` are the lower-cased tokens.
            parts = _TOKEN_SPLIT_RE.split(low)
            words = parts[1::2]
        else:
            parts = _TOKEN_SPLIT_RE.split(sentence)
            words = list(map(str.lower, parts[1::2]))
        self.bounds = list(accumulate(map(len, parts)))
        self.words = words
        self.vals = vals = list(map(vader_lexicon().get, words))
        self.lex_idx = list(compress(range(len(vals)), vals))
        if _NEGATE.isdisjoint(words) and "n't" not in low:  # no negation (most sentences)
            self.sp_idx, self.sp_val = self.lex_idx, vals
        else:
            negations = _NEGATE.intersection(words)
            if "n't" in low:
                negations = negations.union([w for w in words if w.endswith("n't")])
            is_neg = list(map(negations.__contains__, words))
            self.sp_idx = list(compress(range(len(words)), map(or_, is_neg, map(bool, vals))))
            self.sp_val = sp_val = vals.copy()
            for i in compress(range(len(words)), is_neg):
                sp_val[i] = None
        # str.find per clause character: a few times faster than a regex scan of the sentence
        self.marks = find_any(sentence, _CLAUSE_CHARS)
        self.distinct = distinct = dict.fromkeys(words)
        self.repeats = len(distinct) < len(words)
        self._wkeys: list[str] | None = None
        self._base_key: tuple[float, ...] | None = None
        self._base: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def starts(self) -> list[int]:
        """Start offset of every token."""
        return self.bounds[0:-1:2]

    @property
    def ends(self) -> list[int]:
        """End offset of every token."""
        return self.bounds[1::2]

    def base(self, vader: Mapping[str, float], parts: _ModelParts) -> tuple[float, float, float]:
        """Intercept plus the weights of the sentence-level features: VADER's scores, bias, and
        ``w=`` for every distinct word of the sentence (in order of first occurrence)."""
        key = (vader["neg"], vader["neu"], vader["pos"], vader["compound"], 1.0)
        if self._base_key != key:
            z0, z1, z2 = parts.intercept
            for w, v in zip(parts.sentence, key):
                if w is not None:
                    z0 += w[0] * v
                    z1 += w[1] * v
                    z2 += w[2] * v
            for w0, w1, w2 in filter(None, map(parts.w.get, self.distinct)):
                z0 += w0
                z1 += w1
                z2 += w2
            self._base = z0, z1, z2
            self._base_key = key
        return self._base

    @property
    def wkeys(self) -> list[str]:
        """``"w=" + word`` for every token (built on first use)."""
        if self._wkeys is None:
            self._wkeys = ["w=" + w for w in self.words]
        return self._wkeys


def target_features(
    sentence: str, a: int, b: int, vader: Mapping[str, float], tokens: SentenceTokens | None = None
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
    tokens : SentenceTokens, optional
        ``SentenceTokens(sentence)``, when several targets of one sentence are scored.

    Returns
    -------
    features : dict of str to float
        Sparse feature vector.
    clause : tuple of int
        Offsets of the target's clause in ``sentence``.
    """
    if tokens is None:
        tokens = SentenceTokens(sentence)
    f: dict[str, float] = {
        "s_neg": vader["neg"],
        "s_neu": vader["neu"],
        "s_pos": vader["pos"],
        "s_compound": vader["compound"],
        "bias": 1.0,
        "start": a / max(1, len(sentence)),
    }
    ca, cb = _clause_bounds(sentence, a, b)
    words, vals = tokens.words, tokens.vals
    il, ir, jl, kr, near = _window(tokens, a, b, ca, cb)
    f["near_lex"] = near / 4.0
    wkeys = tokens.wkeys
    for k in wkeys[:il]:
        f[k] = 1.0
    for k in wkeys[ir:]:
        f[k] = 1.0
    for w in words[max(0, il - _N_SIDE):il]:
        f["L=" + w] = 1.0
    for w in words[ir:ir + _N_SIDE]:
        f["R=" + w] = 1.0
    cleft = words[jl:il]
    for w in cleft:
        f["CL=" + w] = 1.0
    for w in words[ir:kr]:
        f["CR=" + w] = 1.0
    for w in words[il:ir]:
        f["M=" + w] = 1.0
    for side, lo, hi in (("l", jl, il), ("r", ir, kr)):
        pos = neg = 0.0
        flip = 0
        for i in range(lo, hi):
            w = words[i]
            if w in _NEGATE or w.endswith("n't"):
                flip = 3
                continue
            v = vals[i]
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
    model = read_json("models/target_sentiment.json")
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
    return _softmax3(z0, z1, z2)


def _window(tokens: "SentenceTokens", a: int, b: int, ca: int, cb: int) -> tuple[int, int, int, int, float]:
    """Token indexes around the target ``[a, b)`` in its clause ``[ca, cb)``, and nearby lexicon valence.

    Tokens ending at or before the target are left of it (``[:il]``), those starting at or after its
    end right of it (``[ir:]``); ``[jl, il)`` and ``[ir, kr)`` are the left and right tokens inside
    the clause. ``near`` sums VADER valences weighted by closeness to the target, divided by 4 later.
    """
    starts, ends, vals = tokens.starts, tokens.ends, tokens.vals
    il = bisect.bisect_right(ends, a)
    ir = max(il, bisect.bisect_left(starts, b))
    jl = min(il, bisect.bisect_left(starts, ca, 0, il))
    kr = max(ir, bisect.bisect_right(ends, cb, ir, len(starts)))
    near = 0.0
    for i in tokens.lex_idx:
        if i < il:
            near += vals[i] / (1.0 + (a - ends[i]) / 20.0)
        elif i >= ir:
            near += vals[i] / (1.0 + (starts[i] - b) / 20.0)
    return il, ir, jl, kr, near


def _softmax3(z0: float, z1: float, z2: float) -> tuple[float, float, float]:
    """Softmax of three logits (numerically stable)."""
    m = max(z0, z1, z2)
    e0, e1, e2 = math.exp(z0 - m), math.exp(z1 - m), math.exp(z2 - m)
    t = e0 + e1 + e2
    return e0 / t, e1 / t, e2 / t


def _score_target(
    sentence: str, a: int, b: int, vader: Mapping[str, float], tokens: SentenceTokens
) -> tuple[float, float, float, int, int]:
    """``score_features(target_features(...))`` without building the feature dict.

    Sums the same weights (so the probabilities agree with :func:`score_features` up to
    floating-point rounding, about 1e-15): the sentence-level part (VADER scores, bias, the
    ``w=`` bag of words) once per sentence, then per mention its own features, minus the
    ``w=`` weights of words that occur only inside the mention. A binary feature that occurs
    several times (a word twice in the clause) counts once, as in the feature dict: each group
    is the distinct words of a slice in order of first occurrence (``dict.fromkeys``).
    Returns ``(p_neg, p_neu, p_pos, clause_start, clause_end)``.
    """
    parts = _model_parts()
    z0, z1, z2 = tokens.base(vader, parts)
    w = parts.start
    if w is not None:
        v = a / max(1, len(sentence))
        z0 += w[0] * v
        z1 += w[1] * v
        z2 += w[2] * v
    marks = tokens.marks  # _clause_bounds(sentence, a, b) from the sorted clause-punctuation offsets
    i = bisect.bisect_left(marks, a)
    j = bisect.bisect_left(marks, b, i)
    ca = marks[i - 1] + 1 if i > 0 else 0
    cb = marks[j] if j < len(marks) else len(sentence)
    # _window(tokens, a, b, ca, cb), inlined (this runs once per mention of a corpus), on the flat
    # offsets: bounds[2i], bounds[2i + 1] are token i's start and end, so of the first k entries of
    # bounds, k // 2 are ends and (k + 1) // 2 are starts
    words, bounds, vals = tokens.words, tokens.bounds, tokens.vals
    il = bisect.bisect_right(bounds, a) >> 1  # tokens ending at or before a
    ir = (bisect.bisect_left(bounds, b) + 1) >> 1  # tokens starting before b
    if ir < il:
        ir = il
    jl = (bisect.bisect_left(bounds, ca) + 1) >> 1
    if jl > il:
        jl = il
    kr = bisect.bisect_right(bounds, cb) >> 1
    if kr < ir:
        kr = ir
    near = 0.0
    for i in tokens.lex_idx:
        if i < il:
            near += vals[i] / (1.0 + (a - bounds[2 * i + 1]) / 20.0)
        elif i >= ir:
            near += vals[i] / (1.0 + (bounds[2 * i] - b) / 20.0)
    mention = words[il:ir]
    inside = mention if len(mention) == 1 else dict.fromkeys(mention)  # distinct words, in order
    wget = parts.w.get
    repeats = tokens.repeats
    for word in inside:
        w = wget(word)
        if w is not None and (not repeats or mention.count(word) == words.count(word)):
            # only inside the mention: not in the bag of words
            z0 -= w[0]
            z1 -= w[1]
            z2 -= w[2]
    cleft = words[jl:il]
    role = "subj" if _CLAUSE_OPENERS.issuperset(cleft) else "obj"  # only clause openers before the target
    # the binary features (value 1.0) in the order the loop over the feature dict adds them, the
    # missing ones (None) filtered out; when no word of the sentence repeats, every slice is its
    # own distinct words (``iter`` instead of ``dict.fromkeys``)
    distinct = dict.fromkeys if repeats else iter
    for w0, w1, w2 in filter(None, chain(
        map(parts.m.get, inside),
        map(parts.left.get, distinct(words[max(0, il - _N_SIDE):il])),
        map(parts.right.get, distinct(words[ir:ir + _N_SIDE])),
        (parts.role[role],),
        map(parts.cl.get, distinct(cleft)),
        map(parts.cr.get, distinct(words[ir:kr])),
    )):
        z0 += w0
        z1 += w1
        z2 += w2
    sp_idx, sp_val = tokens.sp_idx, tokens.sp_val
    values = [near / 4.0]
    if sp_idx:
        sides = (sp_idx[bisect.bisect_left(sp_idx, jl):bisect.bisect_left(sp_idx, il)],
                 sp_idx[bisect.bisect_left(sp_idx, ir):bisect.bisect_left(sp_idx, kr)])
        # (no lexicon word nor negation in the clause: every clause sum is 0.0, see below)
        for side in sides if sides[0] or sides[1] else ():
            # VADER valences of the clause words, a negation flipping the next three words
            pos = neg = 0.0
            last_neg = -10
            for i in side:
                v = sp_val[i]
                if v is None:
                    last_neg = i
                    continue
                if i - last_neg <= 3:
                    v = -0.74 * v
                if v > 0:
                    pos += v
                else:
                    neg -= v
            pos /= 4.0
            neg /= 4.0
            values += (pos, pos, neg, neg)  # lex_<side>_pos, <role>_lex_<side>_pos, lex_<side>_neg, ...
    # only the non-zero values (mostly all but two or three; the missing ones are 0.0): a value
    # 0.0 adds w * 0.0 = +-0.0, which leaves a logit as it is (up to the sign of a zero logit,
    # which the softmax ignores)
    for v, w in compress(zip(values, parts.valued[role]), values):
        if w is not None:
            z0 += w[0] * v
            z1 += w[1] * v
            z2 += w[2] * v
    m = max(z0, z1, z2)  # _softmax3(z0, z1, z2), inlined
    e0, e1, e2 = math.exp(z0 - m), math.exp(z1 - m), math.exp(z2 - m)
    t = e0 + e1 + e2
    return e0 / t, e1 / t, e2 / t, ca, cb


def score_in_sentence(
    sentence: str, a: int, b: int, vader: Mapping[str, float], offset: int = 0,
    tokens: SentenceTokens | None = None,
) -> TargetSentiment:
    """Score the target ``sentence[a:b]``; ``offset`` shifts reported offsets into the full text.

    ``tokens`` (``SentenceTokens(sentence)``) saves re-tokenising a sentence with several targets.
    """
    if tokens is None:
        tokens = SentenceTokens(sentence)
    pn, pu, pp, ca, cb = _score_target(sentence, a, b, vader, tokens)
    return TargetSentiment(
        score=max(-1.0, min(1.0, pp - pn)),
        label=_label(pn, pu, pp),
        p_negative=pn,
        p_neutral=pu,
        p_positive=pp,
        sentence_start=offset,
        sentence_end=offset + len(sentence),
        clause_start=offset + ca,
        clause_end=offset + cb,
        sentence_compound=float(vader["compound"]),
    )


def _label(pn: float, pu: float, pp: float) -> str:
    """The most probable class, the first one on a tie (as ``max`` over the three)."""
    if pn >= pu and pn >= pp:
        return LABELS[0]
    return LABELS[1] if pu >= pp else LABELS[2]


def score_and_label(sentence: str, a: int, b: int, vader: Mapping[str, float],
                    tokens: SentenceTokens) -> tuple[float, str]:
    """``score`` and ``label`` of :func:`score_in_sentence` without the rest of its record (the
    actor-mention table keeps only these two)."""
    pn, pu, pp, _ca, _cb = _score_target(sentence, a, b, vader, tokens)
    return max(-1.0, min(1.0, pp - pn)), _label(pn, pu, pp)
