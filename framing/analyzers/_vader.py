"""VADER's ``polarity_scores``, computed faster with exactly the same result.

vaderSentiment 3.3.2 lower-cases the whole sentence again for every
lexicon word (in ``_negation_check`` and ``_special_idioms_check``) and walks
the text character by character to replace emojis, so a sentence of *n*
words with *k* sentiment words costs O(n * k) list building. This module
runs the same rules in the same order over one lower-cased word list, and
hands every rare or quirky case back to the package itself:

* a sentence with a character of VADER's emoji lexicon is scored by
  ``SentimentIntensityAnalyzer.polarity_scores`` unchanged;
* the contrastive ``but`` rule and the final scoring are the package's own
  ``_but_check`` and ``score_valence``.

The lexicon is the analyzer's own dict (so a lexicon extension added to it
is used too). ``tests/analyzers/test_vader.py`` checks equality with
``polarity_scores`` on real and random text.
"""
from __future__ import annotations

import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

__all__ = ["FastVader"]

_PUNC = string.punctuation
_NEGATE = frozenset(NEGATE)


def _negated(word: str) -> bool:
    """vaderSentiment's ``negated([word])`` for one lower-case word."""
    return word in _NEGATE or "n't" in word


class FastVader:
    """Exact, faster ``polarity_scores`` for one :class:`SentimentIntensityAnalyzer`.

    Parameters
    ----------
    sia : SentimentIntensityAnalyzer
        The analyzer whose lexicon (and fallbacks) are used. Its lexicon is
        read when the scorer is built: extend it before, not after.

    Examples
    --------
    >>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    >>> sia = SentimentIntensityAnalyzer()
    >>> s = "NATO is not a great alliance, but it works!"
    >>> FastVader(sia).polarity_scores(s) == sia.polarity_scores(s)
    True
    """

    def __init__(self, sia: SentimentIntensityAnalyzer) -> None:
        self.sia = sia
        self.lexicon = dict(sia.lexicon)
        self._emojis = frozenset(k for k in sia.emojis if len(k) == 1)
        # words that get a valence of their own: in the lexicon, not a booster
        self._scorable = frozenset(w for w in self.lexicon if w not in BOOSTER_DICT)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``neg, neu, pos, compound`` exactly as ``sia.polarity_scores(text)``."""
        if not isinstance(text, str) or not self._emojis.isdisjoint(text):
            return self.sia.polarity_scores(text)
        text = text.strip()
        words = [tok if len(stripped := tok.strip(_PUNC)) <= 2 else stripped for tok in text.split()]
        n = len(words)
        lower = [w.lower() for w in words]
        scorable = self._scorable
        hits = [i for i, lw in enumerate(lower) if lw in scorable]
        if not hits:
            if not n:
                return self.sia.score_valence([], text)
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        n_upper = sum(map(str.isupper, words))
        is_cap_diff = 0 < n - n_upper < n
        sentiments: list[float] = [0] * n
        for i in hits:
            if lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of":
                continue
            sentiments[i] = self._valence(words, lower, i, is_cap_diff)
        if "but" in lower:
            sentiments = SentimentIntensityAnalyzer._but_check(words, sentiments)
        return self.sia.score_valence(sentiments, text)

    def _valence(self, words: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
        """``SentimentIntensityAnalyzer.sentiment_valence`` for a lexicon word at ``i``."""
        lex = self.lexicon
        n = len(words)
        lw = lower[i]
        valence = lex[lw]
        if lw == "no" and i != n - 1 and lower[i + 1] in lex:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") or (
            i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")
        ):
            valence = lex[lw] * N_SCALAR
        if is_cap_diff and words[i].isupper():
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lex:
                # scalar_inc_dec
                s = 0.0
                pw = lower[j]
                if pw in BOOSTER_DICT:
                    s = BOOSTER_DICT[pw]
                    if valence < 0:
                        s *= -1
                    if words[j].isupper() and is_cap_diff:
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        # _least_check
        if i > 1 and lower[i - 1] not in lex and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[i - 1] not in lex and lower[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lower[i - 1]):
            valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or (
            lower[i - 1] == "so" or lower[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    w0, w1, w2, w3 = lower[i], lower[i - 1], lower[i - 2], lower[i - 3]
    onezero = f"{w1} {w0}"
    twoonezero = f"{w2} {w1} {w0}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lower)
    if n - 1 > i:
        zeroone = f"{w0} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{w0} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence
