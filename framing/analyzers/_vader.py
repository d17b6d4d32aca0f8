"""VADER's ``polarity_scores``, computed faster with exactly the same result.

vaderSentiment 3.3.2 lower-cases the whole sentence again for every
lexicon word (in ``_negation_check`` and ``_special_idioms_check``) and walks
the text character by character to replace emojis, so a sentence of *n*
words with *k* sentiment words costs O(n * k) list building. This module
runs the same rules in the same order over one lower-cased word list; a
sentence with a character of VADER's emoji lexicon is scored by
``SentimentIntensityAnalyzer.polarity_scores`` unchanged.

Most lexicon words have no booster, negation, "least", "no" or idiom word
among the three words before them; their valence is the lexicon value (plus
the ALL CAPS increment), and :meth:`FastVader.polarity_scores` skips the
rules for them. The final scoring is ``score_valence`` written out with the
same float operations in the same order, so the numbers are bit-identical,
and the contrastive "but" rule is replayed on the lexicon words alone
(``_but_check``).

The lexicon is the analyzer's own dict (so a lexicon extension added to it
is used too). ``tests/analyzers/test_vader.py`` checks equality with
``polarity_scores`` on real and random text.
"""
from __future__ import annotations

import math
import re
import string
from functools import lru_cache

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

#: Words whose presence among the three words before a lexicon word can change its valence
#: (boosters, negations, "no", "least", "never"/"so"/"this", "without"). A word containing
#: "n't" is a negation too; sentences with "n't" always take the full rules.
_MODIFIERS = frozenset(BOOSTER_DICT) | _NEGATE | {"no", "least", "never", "so", "this", "without"}

#: Every word of a multi-word idiom or booster (``_special_idioms_check``): an idiom can only
#: match where such words stand next to each other.
_IDIOM_WORDS = frozenset(w for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key for w in key.split())

_KEYS = ("neg", "neu", "pos", "compound")
_NEUTRAL = (0.0, 1.0, 0.0, 0.0)


def _values(scores: dict[str, float]) -> tuple[float, float, float, float]:
    """The values of a ``polarity_scores`` dict in the order of :data:`_KEYS`."""
    return scores["neg"], scores["neu"], scores["pos"], scores["compound"]


def _negated(word: str) -> bool:
    """vaderSentiment's ``negated([word])`` for one lower-case word."""
    return word in _NEGATE or "n't" in word


def _cap_differential(tokens: list[str]) -> bool:
    """vaderSentiment's ``allcap_differential``: some, not all, tokens are ALL CAPS.

    Leading and trailing punctuation has no case, so the raw tokens give the
    same answer as the stripped words.
    """
    n = len(tokens)
    return 0 < n - sum(map(str.isupper, tokens)) < n


def _emoji_hint(emojis: frozenset[str]) -> re.Pattern[str]:
    """A pattern found in every text holding one of ``emojis`` (a cheap pre-check).

    VADER's emojis are ``©``, ``®`` and characters from U+203C up; curly quotes,
    dashes and accented letters are below U+203C, so most non-ASCII news text
    is cleared by one regex scan instead of a set lookup per character.
    """
    low = sorted(c for c in emojis if ord(c) < 0x2000)
    high = min((c for c in emojis if ord(c) >= 0x2000), default="\U0010ffff")
    return re.compile("[" + "".join(map(re.escape, low)) + re.escape(high) + "-\U0010ffff]")


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
        self._emoji_hint = _emoji_hint(self._emojis)
        # an ASCII text holds no emoji (str.isascii is a flag lookup)
        self._ascii_safe = all(ord(c) > 127 for c in self._emojis)
        # words that get a valence of their own: in the lexicon, not a booster
        self._scorable = frozenset(w for w in self.lexicon if w not in BOOSTER_DICT)

    def _has_emoji(self, text: str) -> bool:
        """Does ``text`` hold a character of VADER's emoji lexicon?"""
        if self._ascii_safe and text.isascii():
            return False
        return self._emoji_hint.search(text) is not None and not self._emojis.isdisjoint(text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``neg, neu, pos, compound`` exactly as ``sia.polarity_scores(text)``."""
        return dict(zip(_KEYS, self.scores(text)))

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """``neg, neu, pos, compound`` of :meth:`polarity_scores` as a tuple (no dict built)."""
        if not isinstance(text, str) or self._has_emoji(text):
            return _values(self.sia.polarity_scores(text))
        text = text.strip()
        ltext = text.lower()
        punctuation = _PUNC
        if len(ltext) == len(text):
            # every character lower-cases to one character, so lower-casing the whole text
            # and then splitting and stripping equals vaderSentiment's split, strip, lower
            # (one str.lower call instead of one per word)
            lower = [tok if len(stripped := tok.strip(punctuation)) <= 2 else stripped for tok in ltext.split()]
            tokens = None
        else:  # "İ" lower-cases to two characters: the "<= 2 characters" rule needs the raw words
            tokens = text.split()
            lower = [(tok if len(stripped := tok.strip(punctuation)) <= 2 else stripped).lower() for tok in tokens]
        n = len(lower)
        found = self._scorable.intersection(lower)  # C-level: most sentences have none or one lexicon word
        if not found:
            # all valences 0: score_valence gives neu 1 (or all 0 for an empty text)
            return _NEUTRAL if n else _values(self.sia.score_valence([], text))
        hits = _positions(lower, found)
        # raw tokens, for ALL CAPS tests only: split when first needed
        ascii_text = text.isascii()
        lex = self.lexicon
        valence_of = self._valence
        cap_diff = None  # allcap_differential, computed when a capitalised word needs it
        full_rules = "n't" in ltext  # a negation that _MODIFIERS cannot list
        vals: list[float] = []
        for i in hits:
            lw = lower[i]
            if lw == "kind" and i < n - 1 and lower[i + 1] == "of":
                vals.append(0)
                continue
            # "plain": no modifier among the (up to) three words before, and no pair of idiom words
            # that _special_idioms_check could join (it looks at words i-3 .. i+2, from i = 3)
            if i > 2:
                w1, w2, w3 = lower[i - 1], lower[i - 2], lower[i - 3]
                plain = (w1 not in _MODIFIERS and w2 not in _MODIFIERS and w3 not in _MODIFIERS
                         and lw not in _IDIOM_WORDS
                         and not (w2 in _IDIOM_WORDS and (w1 in _IDIOM_WORDS or w3 in _IDIOM_WORDS)))
            elif i == 2:
                plain = lower[0] not in _MODIFIERS and lower[1] not in _MODIFIERS
            else:
                plain = i == 0 or lower[0] not in _MODIFIERS
            if plain and lw != "no" and not full_rules:
                # sentiment_valence with no rule firing: the lexicon value, raised for ALL CAPS
                # (the rules would only add scalars of 0.0)
                valence = lex[lw]
                # an ASCII word in capitals is lw.upper(): if that is not in the text, the word
                # is not in capitals and the text need not be split
                if tokens is None and ascii_text and lw.upper() not in text:
                    in_capitals = False
                else:
                    tokens = tokens or text.split()
                    in_capitals = tokens[i].isupper()
                if in_capitals:
                    if cap_diff is None:
                        cap_diff = _cap_differential(tokens)
                    if cap_diff:
                        if valence > 0:
                            valence += C_INCR
                        else:
                            valence -= C_INCR
            else:
                tokens = tokens or text.split()
                if cap_diff is None:
                    cap_diff = _cap_differential(tokens)
                valence = valence_of(tokens, lower, i, cap_diff)
            vals.append(valence)
        if "but" in lower:
            vals = _but_check(lower, hits, vals, tokens or text.split())
        return _score_valence(vals, n, text)

    def _valence(self, words: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
        """``SentimentIntensityAnalyzer.sentiment_valence`` for a lexicon word at ``i``.

        ``words`` are only tested with ``str.isupper``, so raw tokens do as well as stripped words.
        """
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


def _positions(words: list[str], found: set[str]) -> list[int]:
    """The indices of ``words`` that are in ``found`` (not empty), in order; one word found once is found by
    ``list.index`` instead of a Python loop over every word."""
    if len(found) == 1:
        (word,) = found
        if words.count(word) == 1:
            return [words.index(word)]
    return [i for i, w in enumerate(words) if w in found]


def _but_check(lower: list[str], hits: list[int], vals: list[float], tokens: list[str]) -> list[float]:
    """``SentimentIntensityAnalyzer._but_check`` on the valences ``vals`` of the words at ``hits``.

    The package walks all valences and, for each, scales the *first* entry equal
    to it: by 0.5 before the first "but", by 1.5 after it (so repeated values
    are scaled in a quirky order). The other words' valences are zeros, which
    stay zeros, and a non-zero value is never equal to a zero, so walking the
    lexicon words alone scales the same entries by the same factors.
    """
    bi = lower.index("but")
    vals = list(vals)
    for k in range(len(vals)):
        v = vals[k]
        if v == 0:
            continue
        if v != v:  # NaN: list.index matches it by identity only; let the package decide
            sentiments: list[float] = [0] * len(lower)
            for i, x in zip(hits, vals):
                sentiments[i] = x
            words = [tok if len(stripped := tok.strip(_PUNC)) <= 2 else stripped for tok in tokens]
            return SentimentIntensityAnalyzer._but_check(words, sentiments)
        j = vals.index(v)
        si = hits[j]
        if si < bi:
            vals[j] = v * 0.5
        elif si > bi:
            vals[j] = v * 1.5
    return vals


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


def _score_valence(vals: list[float], n: int, text: str) -> tuple[float, float, float, float]:
    """``SentimentIntensityAnalyzer.score_valence`` of a sentence of ``n`` words.

    ``vals`` are the valences of the sentence's lexicon words in word order (or
    of all its words); the other words have valence 0. The float operations are
    the package's, in its order: adding the integer zeros of the other words
    changes neither ``sum`` (its float total is never -0.0) nor the positive and
    negative sums, and they count as neutral.
    """
    sum_s = float(sum(vals))
    # _punctuation_emphasis: _amplify_ep + _amplify_qm
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        if qm_count <= 3:
            qm_amplifier = qm_count * 0.18
        else:
            qm_amplifier = 0.96
    punct_emph_amplifier = ep_amplifier + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    # normalize(sum_s, alpha=15)
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    # _sift_sentiment_scores
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n - len(vals)
    for sentiment_score in vals:
        if sentiment_score > 0:
            pos_sum += (float(sentiment_score) + 1)
        if sentiment_score < 0:
            neg_sum += (float(sentiment_score) - 1)
        if sentiment_score == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neg = math.fabs(neg_sum / total)
    neu = math.fabs(neu_count / total)
    # (a zero compound is its own rounding and skips the memo, where -0.0 would share 0.0's entry)
    return _round3(neg), _round3(neu), _round3(pos), _round4(compound) if compound else compound


# Rounding a float to decimals goes through a correctly rounded decimal conversion (thousands of
# instructions a call), and the proportions and compound scores of news sentences repeat (on 3,656
# AllSides articles most calls find their value here). Keys that compare equal are the same float
# except for 0.0 and -0.0, so the memo takes no -0.0: the proportions are ``fabs`` results (never
# -0.0) and a zero compound score is not looked up.
@lru_cache(maxsize=1 << 16)
def _round3(x: float) -> float:
    """``round(x, 3)``, memoised."""
    return round(x, 3)


@lru_cache(maxsize=1 << 16)
def _round4(x: float) -> float:
    """``round(x, 4)``, memoised."""
    return round(x, 4)
