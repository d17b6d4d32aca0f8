"""Keyword in context: every match of a word, phrase or pattern with its surroundings."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Iterable

import pandas as pd

from ..errors import FramingError
from ..text import TOKEN_RE

__all__ = ["kwic", "KWIC_COLUMNS"]

#: Columns of :func:`kwic`.
KWIC_COLUMNS = ["article_id", "outlet", "start", "end", "match", "left", "right"]


@lru_cache(maxsize=256)
def _compile(pattern: str, regex: bool, case: bool) -> re.Pattern[str]:
    flags = re.UNICODE | (0 if case else re.IGNORECASE)
    if regex:
        try:
            return re.compile(pattern, flags)
        except re.error as exc:
            raise FramingError(
                f"kwic pattern {pattern!r} is not a valid regular expression ({exc}). "
                "Fix the pattern, or pass regex=False to search for the literal text."
            ) from None
    words = pattern.split()
    if not words:
        raise FramingError("kwic pattern is empty. Give a word or phrase, e.g. kwic(corpus, 'S-400').")
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _articles(corpus: Any) -> Iterable[tuple[str, str, str]]:
    if isinstance(corpus, str):
        yield ("text", "", corpus)
        return
    for art in corpus:
        yield (art.id, art.outlet, art.text or "")


_TRAILING = frozenset(".,;:!?\"'\u201d\u2019)]")


def _one_line(s: str) -> str:
    return " ".join(s.split())


def kwic(corpus: Any, pattern: str, window: int = 8, *, regex: bool = False, case: bool = False) -> pd.DataFrame:
    """Find every match of ``pattern`` with ``window`` words of context each side.

    Parameters
    ----------
    corpus : Corpus or str
        A corpus (articles with ``id``, ``outlet``, ``text``) or one text
        (then ``article_id`` is ``"text"`` and ``outlet`` is empty).
    pattern : str
        A word or phrase (matched as whole words, any white space between
        the words), or a regular expression if ``regex`` is True.
    window : int, default 8
        Number of word tokens of context on each side.
    regex : bool, default False
        Treat ``pattern`` as a regular expression.
    case : bool, default False
        Match case-sensitively.

    Returns
    -------
    pandas.DataFrame
        One row per match, articles in corpus order and matches in text order:

        ``article_id``, ``outlet`` (str)
        ``start``, ``end`` (int)
            Offsets of the match in the article's text.
        ``match`` (str)
            ``text[start:end]``.
        ``left``, ``right`` (str)
            Up to ``window`` words before and after the match, white space
            collapsed to single spaces (punctuation kept).

    Raises
    ------
    FramingError
        If ``pattern`` is empty or not a valid regular expression.

    Examples
    --------
    >>> t = "Turkey bought the S-400 from Russia. NATO said the S-400 cannot be integrated."
    >>> kwic(t, "s-400", window=2)[["match", "left", "right"]].values.tolist()
    [['S-400', 'bought the', 'from Russia.'], ['S-400', 'said the', 'cannot be']]
    """
    rx = _compile(str(pattern), bool(regex), bool(case))
    window = max(int(window), 0)
    rows: list[tuple] = []
    for art_id, outlet, text in _articles(corpus):
        if not text:
            continue
        tok_starts: list[int] | None = None
        tok_ends: list[int] = []
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if s == e:
                continue
            if tok_starts is None:
                spans = [(t.start(), t.end()) for t in TOKEN_RE.finditer(text)]
                tok_starts = [a for a, _ in spans]
                tok_ends = [b for _, b in spans]
            # left: the `window` tokens starting before s (a token cut by the match counts)
            i = bisect.bisect_left(tok_starts, s)
            left = text[tok_starts[max(i - window, 0)]:s] if window and i else ""
            # right: the `window` tokens ending after e (a token cut by the match counts),
            # plus punctuation glued to the last one
            right = ""
            if window:
                j = bisect.bisect_right(tok_ends, e)
                k = min(j + window, len(tok_starts))
                right_to = tok_ends[k - 1] if k > j else e
                n = len(text)
                while right_to < n and text[right_to] in _TRAILING and right_to - e < 10_000:
                    right_to += 1
                right = text[e:right_to]
            rows.append((art_id, outlet, s, e, text[s:e], _one_line(left), _one_line(right)))
    if not rows:
        out = pd.DataFrame({c: pd.Series(dtype=str) for c in KWIC_COLUMNS})  # str, as inferred when non-empty
        return out.astype({"start": "int64", "end": "int64"})
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
