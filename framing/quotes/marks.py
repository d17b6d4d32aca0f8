"""Quotation marks: the spans they enclose, and ASCII double marks read as ``"``.

Double and single marks, mismatched pairs, glued closing marks, quotes
running over several paragraphs and unclosed quotes, in one left-to-right
pass over the marks.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..text import find_all

__all__ = ["QuoteSpan", "find_quotes", "ascii_double_marks"]

#: Double and single quote marks.
_DOUBLE_MARKS = "\"“”„‟«»"
_SINGLE_MARKS = "'‘’‚‛"
_D_OPEN = "“„‟«"
_D_CLOSE = "”»"
_OPEN_BEFORE = set(" \t\n\r\u00a0([{—–-/:;")
#: A quote left open for longer than this many paragraphs / characters is
#: treated as unclosed (it then ends with its own paragraph).
MAX_PARAGRAPHS = 12
MAX_CHARS = 5000
MAX_SINGLE_CHARS = 300


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: marks at ``open`` and ``close`` (``close`` is -1 when unclosed).

    ``start``/``end`` delimit the quoted words (inside the marks).
    """

    open: int
    close: int
    start: int
    end: int
    double: bool
    continues: bool = False  # unclosed at a paragraph end, next paragraph opens a quote

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close >= 0 else self.end


def _opener_shape(text: str, p: int) -> bool:
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in "\"“‘'") and not after.isspace()


def _closer_shape(text: str, p: int) -> bool:
    before = text[p - 1] if p > 0 else " "
    return not before.isspace()


def _marks(text: str, chars: str) -> list[tuple[int, str]]:
    """(offset, mark) of each of ``chars`` in ``text``, in text order: what ``finditer`` with a
    character class gives, from :func:`framing.text.find_all` (C scans, several times faster than the
    regex engine stepping through every character)."""
    return sorted((i, ch) for ch in chars for i in find_all(text, ch))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_quotes(text: str, para_starts: list[int], para_ends: list[int]) -> list[QuoteSpan]:
    """Return double-quote spans then single-quote spans (each list in text order).

    Found once per text and paragraphs: the ``quoted_words`` and ``loaded_terms`` analyzers and
    ``voices`` all ask for the quotes of each article (the spans are shared: do not change them).

    Parameters
    ----------
    text : str
        The text.
    para_starts, para_ends : list of int
        Paragraph boundaries (sorted), used to end unclosed quotes.

    Examples
    --------
    >>> [(q.start, q.end, q.double) for q in find_quotes("“We are ready,” he said.", [0], [24])]
    [(1, 14, True)]
    """
    return list(_find_quotes(text, tuple(para_starts), tuple(para_ends)))


@lru_cache(maxsize=4096)
def _find_quotes(text: str, para_starts: tuple[int, ...], para_ends: tuple[int, ...]) -> tuple[QuoteSpan, ...]:
    """:func:`find_quotes`, computed."""
    def para(p: int) -> int:
        return max(bisect_right(para_starts, p) - 1, 0)

    def para_end(i: int) -> int:
        return para_ends[i] if 0 <= i < len(para_ends) else len(text)

    out: list[QuoteSpan] = []
    marks = _marks(text, _DOUBLE_MARKS)
    open_pos = -1
    open_char = ""
    i = 0
    n = len(marks)

    def emit_unclosed(cont: bool = False, end: int | None = None) -> None:
        e = para_end(para(open_pos)) if end is None else end
        a, b = _strip(text, open_pos + 1, e)
        if b > a:
            out.append(QuoteSpan(open_pos, -1, a, b, True, cont))

    while i < n:
        p, ch = marks[i]
        if open_pos < 0:
            if ch in _D_OPEN or (ch == '"' and _opener_shape(text, p)) or (ch == "»" and _opener_shape(text, p) and not _closer_shape(text, p)):
                open_pos, open_char = p, ch
            i += 1
            continue
        po, pp = para(open_pos), para(p)
        if pp - po > MAX_PARAGRAPHS or p - open_pos > MAX_CHARS:
            emit_unclosed()
            open_pos = -1
            continue  # re-examine this mark with no quote open
        at_para_start = pp != po and p <= para_starts[pp] + 1
        if ch in _D_CLOSE and not (ch == "»" and open_char == "»"):
            if pp != po and at_para_start and _opener_shape(text, p) and ch == "»":
                emit_unclosed(cont=True)
                open_pos, open_char = p, ch
            else:
                a, b = _strip(text, open_pos + 1, p)
                if b > a:
                    out.append(QuoteSpan(open_pos, p, a, b, True))
                open_pos = -1
            i += 1
            continue
        if ch in _D_OPEN or (ch == "»" and open_char == "»"):
            if pp != po:
                emit_unclosed(cont=at_para_start)
            else:
                emit_unclosed(end=p)
            open_pos, open_char = p, ch
            i += 1
            continue
        # a straight mark while a quote is open
        if pp != po and at_para_start and _opener_shape(text, p):
            emit_unclosed(cont=True)
            open_pos, open_char = p, ch
            i += 1
            continue
        if open_char != '"' and _opener_shape(text, p) and i + 1 < n:
            q, ch2 = marks[i + 1]
            if ch2 == '"' and para(q) == pp and q - p < 120 and _closer_shape(text, q) and "\n" not in text[p:q]:
                i += 2  # nested "..." inside a curly quote
                continue
        a, b = _strip(text, open_pos + 1, p)
        if b > a:
            out.append(QuoteSpan(open_pos, p, a, b, True))
        open_pos = -1
        i += 1
    if open_pos >= 0:
        emit_unclosed()

    # single quotes: pairs inside one paragraph, short
    singles: list[QuoteSpan] = []
    sopen = -1
    for p, ch in _marks(text, _SINGLE_MARKS):
        before = text[p - 1] if p > 0 else " "
        after = text[p + 1] if p + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word
        if sopen >= 0 and (p - sopen > MAX_SINGLE_CHARS or "\n\n" in text[sopen:p]):
            sopen = -1
        if sopen < 0:
            if ch in "‘'‛" and before in _OPEN_BEFORE | {'"', "“"} and after.isalnum():
                sopen = p
            continue
        if ch in "’'" and not before.isspace() and not after.isalnum():
            a, b = _strip(text, sopen + 1, p)
            if b > a:
                singles.append(QuoteSpan(sopen, p, a, b, False))
            sopen = -1
        elif ch in "‘'" and before in _OPEN_BEFORE and after.isalnum():
            sopen = p
    return tuple(out + singles)


_ASCII_DQ_RE = re.compile(r"'{3}|''|``")

_OPEN_CTX = " \t\n\r\u00a0([{—–-/:;"


def ascii_double_marks(text: str) -> str:
    """Rewrite ASCII double quote pairs ``''`` and ````` as ``"`` (same length).

    Newswire archives (LexisNexis, Penn Treebank) write double quotes as two
    apostrophes or backticks. An opening pair becomes `` "`` and a closing
    one ``" ``, so every offset stays the same.

    Examples
    --------
    >>> ascii_double_marks("''No,'' he said.")
    ' "No,"  he said.'
    """
    if "''" not in text and "``" not in text:
        return text
    out: list[str] = []
    last = 0
    n = len(text)
    for m in _ASCII_DQ_RE.finditer(text):
        p = m.start()
        k = len(m.group())
        before = text[p - 1] if p > 0 else " "
        after = text[p + k] if p + k < n else " "
        if m.group() == "``" or (before in _OPEN_CTX and not after.isspace()):
            rep = ' "' if k == 2 else ' "' + "'"  # three marks open a double then a single quote
        elif not before.isspace() and not after.isalnum():
            rep = '" ' if k == 2 else "'" + '" '  # three marks close a single then a double quote
        else:
            continue
        out.append(text[last:p])
        out.append(rep)
        last = p + k
    out.append(text[last:])
    return "".join(out)
