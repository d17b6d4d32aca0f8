"""Frame cue lexicons and the cheap matcher behind :mod:`framing.analyzers.frames`.

The five generic news frames and the coder questions of Semetko & Valkenburg (2000) that each cue
answers live in ``framing/data/frames/<frame>.csv`` (``cue,question``; provenance in each file's header).
A cue is one to four lower-case words; a word ending in ``*`` is a prefix, ``<num>`` is any number,
and ``$ £ € %`` are words of their own. Matching runs over the tokens of the lower-cased text, so a
text is scanned once whatever the number of cues.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..errors import LexiconError, where
from ..lexicons import _lower_same_length, trie_regex
from ..resources import read_csv

__all__ = ["FRAMES", "QUESTIONS", "FEATURE_NAMES", "CueHit", "cue_hits", "cue_features", "features_from_hits",
           "n_words", "scan", "role_matcher"]

#: The five frames, in column order.
FRAMES: tuple[str, ...] = ("conflict", "economic", "human_interest", "moral", "resolution")

#: Coder questions per frame (Semetko & Valkenburg 2000; H5, visual information, does not apply to text).
QUESTIONS: dict[str, tuple[str, ...]] = {
    "conflict": ("C1", "C2", "C3", "C4"),
    "economic": ("E1", "E2", "E3"),
    "human_interest": ("H1", "H2", "H3", "H4"),
    "moral": ("M1", "M2", "M3"),
    "resolution": ("R1", "R2", "R3", "R4", "R5"),
}

_TOKEN_RE = re.compile(r"[$£€%]|\w+(?:['’]\w+)*")
_GAP_RE = re.compile(r"[\s\-–]*")


@dataclass(frozen=True, slots=True)
class CueHit:
    """One cue found in a text: ``text[start:end]`` is the matched words."""

    start: int
    end: int
    frame: str
    question: str
    cue: str


@dataclass(frozen=True, slots=True)
class _Cue:
    words: tuple[str, ...]
    frame: str
    question: str
    cue: str


def _word_matches(pattern: str, token: str) -> bool:
    if pattern == "<num>":
        return token[:1].isdigit()
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern


class _Matcher:
    """Cues indexed by their first word: literal words in a dict, prefixes by length, numbers in a list
    (looked up once per distinct token), and one regex that finds the words that can start a cue."""

    def __init__(self, cues: Sequence[_Cue]) -> None:
        self.literal: dict[str, list[_Cue]] = {}
        self.prefix: dict[int, dict[str, list[_Cue]]] = {}
        self.number: list[_Cue] = []
        for c in cues:
            first = c.words[0]
            if first == "<num>":
                self.number.append(c)
            elif first.endswith("*"):
                self.prefix.setdefault(len(first) - 1, {}).setdefault(first[:-1], []).append(c)
            else:
                self.literal.setdefault(first, []).append(c)
        self._by_token: dict[str, tuple[_Cue, ...]] = {}
        lit = trie_regex(self.literal) + r"(?!\w)" if self.literal else "(?!)"
        pre = trie_regex(p for d in self.prefix.values() for p in d) if self.prefix else "(?!)"
        # a word start (not inside a word, nor after an apostrophe inside one), then a possible first word
        self.candidates = re.compile(r"(?<!\w)(?<!\w['’])(?:" + lit + "|" + pre + r"|\d)|[$£€%]")

    def starting(self, token: str) -> tuple[_Cue, ...]:
        """Cues whose first word matches ``token``, longest cues first."""
        got = self._by_token.get(token)
        if got is None:
            found = list(self.literal.get(token, ()))
            for n, by_prefix in sorted(self.prefix.items()):
                found += by_prefix.get(token[:n], ()) if len(token) >= n else ()
            if token[:1].isdigit():
                found += self.number
            got = tuple(sorted(found, key=lambda c: -len(c.words)))
            if len(self._by_token) < 200_000:
                self._by_token[token] = got
        return got


def _parse_cue(raw: str, frame: str, question: str, line: int, file: str = "") -> _Cue:
    words = tuple(raw.lower().split())
    if not 1 <= len(words) <= 4:
        raise LexiconError(
            f"{where('framing/data/frames/' + (file or frame + '.csv'), None, 'cue')}: data row {line}, cue {raw!r} has "
            f"{len(words)} words; write one to four words."
        )
    return _Cue(words, frame, question, raw)


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    cues: list[_Cue] = []
    for frame in FRAMES:
        rows = read_csv(f"frames/{frame}.csv", ("cue", "question"))
        for i, row in enumerate(rows, start=1):
            if row["question"] not in QUESTIONS[frame]:
                raise LexiconError(
                    f"{where('framing/data/frames/' + frame + '.csv', None, 'question')}: row {i} has question "
                    f"{row['question']!r}; use one of {list(QUESTIONS[frame])}."
                )
            cues.append(_parse_cue(row["cue"], frame, row["question"], i))
    return _Matcher(cues)


def _following(low: str, end: int, words: tuple[str, ...]) -> int | None:
    """End of the cue whose first word ends at ``end`` when its other ``words`` follow, separated by white
    space or dashes only (no sentence punctuation); None otherwise."""
    for w in words:
        m = _TOKEN_RE.search(low, end)
        if m is None or not _word_matches(w, m.group()):
            return None
        gap = low[end:m.start()]
        if gap and _GAP_RE.fullmatch(gap) is None:
            return None
        end = m.end()
    return end


def scan(text: str, matcher: "_Matcher") -> list[CueHit]:
    """Every cue of ``matcher`` in ``text``, in text order: at each word, the longest cue of each group
    (``CueHit.frame`` is the group: a frame, or a role for the narrative-role cues).

    Only the words the matcher's candidate regex finds are looked at (the plain version, one look-up
    per word of the text, is in the tests and gives the same hits).
    """
    low = _lower_same_length(text)
    out: list[CueHit] = []
    token_at = _TOKEN_RE.match
    for cand in matcher.candidates.finditer(low):
        tok = token_at(low, cand.start())
        if tok is None:
            continue
        cues = matcher.starting(tok.group())
        if not cues:
            continue
        seen: set[str] = set()
        for c in cues:
            if c.frame in seen:
                continue
            end = tok.end() if len(c.words) == 1 else _following(low, tok.end(), c.words[1:])
            if end is None:
                continue
            seen.add(c.frame)
            out.append(CueHit(tok.start(), end, c.frame, c.question, c.cue))
    return out


def cue_hits(text: str) -> list[CueHit]:
    """Every frame cue in ``text``, in text order: at each word, the longest cue of each frame.

    Examples
    --------
    >>> [(h.frame, h.question, h.cue) for h in cue_hits("Critics say the plan will cost $3 billion.")][:3]
    [('conflict', 'C2', 'critic*'), ('resolution', 'R3', 'plan'), ('economic', 'E3', 'will cost')]
    """
    return scan(text, _matcher())


@lru_cache(maxsize=1)
def role_matcher() -> "_Matcher":
    """The narrative-role cues of ``framing/data/frames/narrative_roles.csv`` (group = hero, villain,
    victim, or actor for the generic actor nouns)."""
    rows = read_csv("frames/narrative_roles.csv", ("cue", "role"))
    roles = ("hero", "villain", "victim", "actor")
    cues = []
    for i, row in enumerate(rows, start=1):
        if row["role"] not in roles:
            raise LexiconError(f"{where('framing/data/frames/narrative_roles.csv', None, 'role')}: data row {i} "
                               f"has role {row['role']!r}; use one of {list(roles)}.")
        cues.append(_parse_cue(row["cue"], row["role"], row["role"], i, "narrative_roles.csv"))
    return _Matcher(cues)


#: Column names of :func:`cue_features`: one rate per coder question, one per frame, and text length.
FEATURE_NAMES: tuple[str, ...] = (
    tuple(f"{q}" for f in FRAMES for q in QUESTIONS[f])
    + tuple(f"{f}_all" for f in FRAMES)
    + tuple(f"{f}_distinct" for f in FRAMES)
    + ("log_words",)
)


def n_words(text: str) -> int:
    """Number of words as the cue matcher counts them (at least 1)."""
    return max(1, len(_TOKEN_RE.findall(text)))


def features_from_hits(hits: Sequence[CueHit], words: int) -> list[float]:
    """One row of :func:`cue_features` from the cue hits of a text of ``words`` words."""
    per_q: dict[str, int] = {}
    per_f: dict[str, int] = {}
    distinct: dict[str, set[str]] = {f: set() for f in FRAMES}
    for h in hits:
        per_q[h.question] = per_q.get(h.question, 0) + 1
        per_f[h.frame] = per_f.get(h.frame, 0) + 1
        distinct[h.frame].add(h.cue)
    row = [math.log1p(1000.0 * per_q.get(q, 0) / words) for f in FRAMES for q in QUESTIONS[f]]
    row += [math.log1p(1000.0 * per_f.get(f, 0) / words) for f in FRAMES]
    row += [math.log1p(len(distinct[f])) for f in FRAMES]
    row.append(math.log1p(words))
    return row


def cue_features(texts: Sequence[str]) -> np.ndarray:
    """Frame-cue features of each text: ``log1p`` of cues per 1,000 words for each coder question and
    each frame, ``log1p`` of the number of distinct cues per frame, and ``log1p`` of the word count.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(texts), len(FEATURE_NAMES))``.

    Examples
    --------
    >>> x = cue_features(["The senators clashed over the cost of the plan."])
    >>> x.shape == (1, len(FEATURE_NAMES)) and bool(x[0, FEATURE_NAMES.index("conflict_all")] > 0)
    True
    """
    if not texts:
        return np.zeros((0, len(FEATURE_NAMES)))
    return np.array([features_from_hits(cue_hits(t), n_words(t)) for t in texts], dtype=float)
