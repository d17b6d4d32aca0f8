"""Segmentation: paragraphs, sentences and the segments the rules work in.

A segment is a sentence, widened to hold every double quote that starts or
ends in it (a quote of several sentences and its attribution are one
segment). :class:`Doc` holds the segments, the quotes and the lookups the
rules share.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text import Span, paragraph_spans, sentence_spans
from .marks import QuoteSpan, find_quotes
from .tokens import TokenCache

__all__ = ["Doc", "segment", "seg_of", "para_of", "inside", "strip_span", "MAX_PARAGRAPH"]

#: Paragraphs longer than this are cut at white space before sentence
#: splitting (Punkt's regular expressions time out on multi-megabyte input).
MAX_PARAGRAPH = 50_000


def _bounded(text: str, paras: list[Span]) -> list[Span]:
    out: list[Span] = []
    for p in paras:
        a = p.start
        while p.end - a > MAX_PARAGRAPH:
            cut = text.rfind(" ", a + MAX_PARAGRAPH // 2, a + MAX_PARAGRAPH)
            cut = cut if cut > a else a + MAX_PARAGRAPH
            out.append(Span(a, cut, text[a:cut]))
            a = cut
        out.append(Span(a, p.end, text[a:p.end]) if a != p.start else p)
    return out


_LINE_BREAK_RE = re.compile(r"(?<=[.!?\"”’:])[ \t]*\n\s*(?=[\"“‘(]?[A-Z])")


def _split_at_line_breaks(text: str, sentences: list[Span]) -> list[Span]:
    """Cut sentences at a line break after a sentence end ("... the U.S.\nChris Christie added")."""
    out: list[Span] = []
    for sp in sentences:
        if "\n" not in sp.text:
            out.append(sp)
            continue
        a = sp.start
        for m in _LINE_BREAK_RE.finditer(text, sp.start, sp.end):
            out.append(Span(a, m.start(), text[a:m.start()]))
            a = m.end()
        out.append(Span(a, sp.end, text[a:sp.end]) if a != sp.start else sp)
    return out


class Doc(TokenCache):
    """One text cut into segments, with its quotes and cached token windows."""

    def __init__(self, text: str, segs: list[tuple[int, int]], para_starts: list[int], para_ends: list[int],
                 dquotes: list[QuoteSpan], squotes: list[QuoteSpan]) -> None:
        super().__init__(text)
        self.segs = segs
        self.seg_starts = [s[0] for s in segs]
        self.para_starts = para_starts
        self.para_ends = para_ends
        self.dquotes = dquotes
        self.squotes = squotes
        self.dq_starts = [q.start for q in dquotes]
        self.sq_starts = [q.start for q in squotes]
        self.dq_opens = [q.open for q in dquotes]
        self.dq_ends = [q.outer_end for q in dquotes]
        self.sq_opens = [q.open for q in squotes]

    def last_quote_before(self, pos: int) -> int | None:
        """Index of the last double quote ending at or before ``pos``."""
        i = bisect_right(self.dq_ends, pos) - 1
        return i if i >= 0 else None

    def first_quote_after(self, pos: int) -> int | None:
        """Index of the first double quote opening at or after ``pos``."""
        i = bisect_left(self.dq_opens, pos)
        return i if i < len(self.dquotes) else None

    def contains_any_quote(self, a: int, b: int) -> bool:
        """Does a double or single quote open in ``[a, b)``?"""
        i = bisect_left(self.dq_opens, a)
        if i < len(self.dq_opens) and self.dq_opens[i] < b:
            return True
        j = bisect_left(self.sq_opens, a)
        return j < len(self.sq_opens) and self.sq_opens[j] < b


def segment(text: str, paragraphs: list[Span] | None, sentences: list[Span] | None) -> Doc:
    """Cut ``text`` into segments (sentences merged with the double quotes that cross them)."""
    paras = paragraphs if paragraphs is not None else paragraph_spans(text)
    if sentences is None:
        sentences = sentence_spans(text, _bounded(text, paras))
    sents = _split_at_line_breaks(text, sentences)
    para_starts = [p.start for p in paras]
    para_ends = [p.end for p in paras]
    quotes = find_quotes(text, para_starts, para_ends)
    dq = [q for q in quotes if q.double]
    sq = [q for q in quotes if not q.double]
    intervals = [(s.start, s.end) for s in sents] + [(q.open, q.outer_end) for q in dq]
    intervals.sort()
    segs: list[tuple[int, int]] = []
    for a, b in intervals:
        if segs and a < segs[-1][1]:
            if b > segs[-1][1]:
                segs[-1] = (segs[-1][0], b)
        else:
            segs.append((a, b))
    return Doc(text, segs, para_starts, para_ends, dq, sq)


def seg_of(doc: Doc, pos: int) -> int:
    return max(bisect_right(doc.seg_starts, pos) - 1, 0)


def para_of(doc: Doc, pos: int) -> int:
    return max(bisect_right(doc.para_starts, pos) - 1, 0)


def inside(spans_starts: list[int], spans: list[QuoteSpan], a: int, b: int) -> QuoteSpan | None:
    """The quote whose inner span contains [a, b)."""
    i = bisect_right(spans_starts, a) - 1
    # quotes do not overlap each other, so the candidate is the last one starting before a
    if i >= 0:
        q = spans[i]
        if q.start <= a and b <= q.end:
            return q
    return None


def strip_span(text: str, a: int, b: int, chars: str = " \t\n\r\u00a0") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b
