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
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

__all__ = ["TargetSentiment", "SentenceTokens", "target_features", "score_features", "LABELS", "load_model"]

#: Class labels in the order of the model's weight vectors.
LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")

_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_CLAUSE_CHARS = ",;:()—–\"“”"
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


#: Per word: the weights of its ``w=, L=, R=, CL=, CR=, M=`` features (None when the model has
#: none), whether it is a negation, and whether it is a clause opener. Filled on first sight of a
#: word (words repeat: this saves most string building and look-ups), cleared when large.
_WORD_INFO: dict[str, tuple[Any, ...]] = {}
_WORD_INFO_MAX = 500_000
_PREFIXES = ("w=", "L=", "R=", "CL=", "CR=", "M=")


def _word_info(word: str) -> tuple[Any, ...]:
    hit = _WORD_INFO.get(word)
    if hit is None:
        get = load_model()["weights"].get
        if len(_WORD_INFO) >= _WORD_INFO_MAX:
            _WORD_INFO.clear()
        hit = _WORD_INFO[word] = (*(get(p + word) for p in _PREFIXES),
                                  word in _NEGATE or word.endswith("n't"), word in _CLAUSE_OPENERS)
    return hit


class SentenceTokens:
    """The word tokens of one sentence, computed once for all its target mentions.

    Attributes
    ----------
    starts, ends : list of int
        Token offsets in the sentence (in order, not overlapping).
    words : list of str
        Lower-cased tokens.
    vals : list of float or None
        VADER lexicon valence of each word (None when not in the lexicon).
    lex_idx : list of int
        Indices of the tokens with a non-zero valence.
    """

    __slots__ = ("sentence", "starts", "ends", "words", "vals", "lex_idx", "_wkeys", "_marks", "_counts", "_base",
                 "_special", "_nonop", "_clause_w", "_info")

    def __init__(self, sentence: str) -> None:
        lex = _vader_lexicon()
        self.sentence = sentence
        spans = [m.span() for m in _TOKEN_RE.finditer(sentence)]
        self.starts = [sp[0] for sp in spans]
        self.ends = [sp[1] for sp in spans]
        self.words = words = [sentence[s:e].lower() for s, e in spans]
        self.vals = list(map(lex.get, words))
        self.lex_idx = [i for i, v in enumerate(self.vals) if v]
        self._info: list[tuple[Any, ...]] | None = None
        self._wkeys: list[str] | None = None
        self._marks: list[int] | None = None
        self._counts: dict[str, int] | None = None
        self._base: tuple[tuple[float, ...], tuple[float, float, float]] | None = None
        self._special: tuple[list[int], list[bool]] | None = None
        self._nonop: list[int] | None = None
        self._clause_w: dict[int, tuple[list[int], list[Any]]] = {}

    def info(self) -> list[tuple[Any, ...]]:
        """:func:`_word_info` of every token."""
        if self._info is None:
            get = _WORD_INFO.get
            info = list(map(get, self.words))
            if None in info:
                info = [inf if inf is not None else _word_info(w) for w, inf in zip(self.words, info)]
            self._info = info
        return self._info

    def special(self) -> tuple[list[int], list[bool]]:
        """Indices of the tokens that matter to the clause lexicon sums (negations and lexicon
        words), and whether each is a negation."""
        if self._special is None:
            idx, neg = [], []
            for i, (inf, v) in enumerate(zip(self.info(), self.vals)):
                if inf[6]:
                    idx.append(i)
                    neg.append(True)
                elif v is not None:
                    idx.append(i)
                    neg.append(False)
            self._special = idx, neg
        return self._special

    def non_openers(self) -> list[int]:
        """``non_openers()[i]``: how many of the first ``i`` tokens are not clause openers."""
        if self._nonop is None:
            acc, out = 0, [0]
            for inf in self.info():
                acc += not inf[7]
                out.append(acc)
            self._nonop = out
        return self._nonop

    def weighted(self, col: int) -> tuple[list[int], list[Any]]:
        """Indices of the tokens whose feature ``_PREFIXES[col] + word`` has a weight, and the weights."""
        hit = self._clause_w.get(col)
        if hit is None:
            info = self.info()
            idx = [i for i, inf in enumerate(info) if inf[col] is not None]
            hit = self._clause_w[col] = (idx, [info[i][col] for i in idx])
        return hit

    def clause_bounds(self, a: int, b: int) -> tuple[int, int]:
        """Same as ``_clause_bounds(sentence, a, b)``, from the sorted clause-punctuation positions."""
        if self._marks is None:
            self._marks = [m.start() for m in _CLAUSE_RE.finditer(self.sentence)]
        marks = self._marks
        i = bisect.bisect_left(marks, a)
        j = bisect.bisect_left(marks, b)
        return (marks[i - 1] + 1 if i > 0 else 0), (marks[j] if j < len(marks) else len(self.sentence))

    def counts(self) -> dict[str, int]:
        """How often each word occurs in the sentence."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for w in self.words:
                counts[w] = counts.get(w, 0) + 1
            self._counts = counts
        return self._counts

    def base(self, vader: Mapping[str, float], model: Mapping[str, Any]) -> tuple[float, float, float]:
        """Intercept plus the weights of the sentence-level features: VADER's scores, bias, and
        ``w=`` for every distinct word of the sentence."""
        key = (vader["neg"], vader["neu"], vader["pos"], vader["compound"])
        if self._base is None or self._base[0] != key:
            get = model["weights"].get
            z0, z1, z2 = model["intercept"]
            for k, v in (("s_neg", key[0]), ("s_neu", key[1]), ("s_pos", key[2]), ("s_compound", key[3]),
                         ("bias", 1.0)):
                w = get(k)
                if w is not None:
                    z0 += w[0] * v
                    z1 += w[1] * v
                    z2 += w[2] * v
            seen: set[str] = set()
            for w, inf in zip(self.words, self.info()):
                if w not in seen:
                    seen.add(w)
                    wt = inf[0]
                    if wt is not None:
                        z0 += wt[0]
                        z1 += wt[1]
                        z2 += wt[2]
            self._base = (key, (z0, z1, z2))
        return self._base[1]

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
    ``w=`` weights of words that occur only inside the mention.
    Returns ``(p_neg, p_neu, p_pos, clause_start, clause_end)``.
    """
    model = load_model()
    weights = model["weights"]
    get = weights.get
    z0, z1, z2 = tokens.base(vader, model)
    for key, v in (("start", a / max(1, len(sentence))),):
        w = get(key)
        if w is not None:
            z0 += w[0] * v
            z1 += w[1] * v
            z2 += w[2] * v
    ca, cb = tokens.clause_bounds(a, b)
    words, vals = tokens.words, tokens.vals
    n = len(words)
    il, ir, jl, kr, near = _window(tokens, a, b, ca, cb)
    counts = tokens.counts()
    info = tokens.info()
    wts: list[Any] = []  # weights of the binary features (value 1.0)
    inside: dict[str, int] = {}
    for w in words[il:ir]:
        inside[w] = inside.get(w, 0) + 1
    for w, c in inside.items():
        inf = _word_info(w)
        wts.append(inf[5])  # M=
        if c == counts[w] and inf[0] is not None:  # only inside the mention: not in the bag of words
            z0 -= inf[0][0]
            z1 -= inf[0][1]
            z2 -= inf[0][2]
    seen: set[str] = set()
    for i in range(max(0, il - _N_SIDE), il):
        if words[i] not in seen:
            seen.add(words[i])
            wts.append(info[i][1])  # L=
    seen = set()
    for i in range(ir, min(n, ir + _N_SIDE)):
        if words[i] not in seen:
            seen.add(words[i])
            wts.append(info[i][2])  # R=
    nonop = tokens.non_openers()
    role = "subj" if nonop[il] == nonop[jl] else "obj"  # only clause openers before the target
    wts.append(get("role_" + role))
    for w in wts:
        if w is not None:
            z0 += w[0]
            z1 += w[1]
            z2 += w[2]
    for col, lo, hi in ((3, jl, il), (4, ir, kr)):  # CL= / CR=: words of the clause, once each
        idx, cw = tokens.weighted(col)
        p0, p1 = bisect.bisect_left(idx, lo), bisect.bisect_left(idx, hi)
        seen = set()
        for k in range(p0, p1):
            w = words[idx[k]]
            if w not in seen:
                seen.add(w)
                wt = cw[k]
                z0 += wt[0]
                z1 += wt[1]
                z2 += wt[2]
    valued = [("near_lex", near / 4.0)]
    sp_idx, sp_neg = tokens.special()
    for side, lo, hi in (("l", jl, il), ("r", ir, kr)):
        # VADER valences of the clause words, a negation flipping the next three words
        pos = neg = 0.0
        last_neg = -10
        for k in range(bisect.bisect_left(sp_idx, lo), bisect.bisect_left(sp_idx, hi)):
            i = sp_idx[k]
            if sp_neg[k]:
                last_neg = i
                continue
            v = vals[i]
            if i - last_neg <= 3:
                v = -0.74 * v
            if v > 0:
                pos += v
            else:
                neg -= v
        for name, v in (("lex_" + side + "_pos", pos / 4.0), ("lex_" + side + "_neg", neg / 4.0)):
            valued.append((name, v))
            valued.append((role + "_" + name, v))
    for key, v in valued:
        w = get(key)
        if w is not None:
            z0 += w[0] * v
            z1 += w[1] * v
            z2 += w[2] * v
    return (*_softmax3(z0, z1, z2), ca, cb)


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
