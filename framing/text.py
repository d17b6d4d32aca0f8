"""Paragraphs, sentences and tokens with character offsets.

Sentences come from NLTK's Punkt algorithm with our own abbreviation list
(``framing/data/abbreviations.txt``): no trained model is loaded and nothing
is downloaded. Sentences never cross a paragraph break (a blank line, or a
line break followed by a bullet), which keeps headlines, sub-headings and the
one-sentence paragraphs of translated wire copy apart.

Every span is a half-open ``(start, end)`` pair of character offsets into the
text it was computed from, so ``text[start:end]`` is the span's text.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = [
    "Span",
    "paragraph_spans",
    "sentence_spans",
    "token_spans",
    "tokens",
    "word_count",
    "abbreviations",
]

#: A word token: letters/digits with inner hyphens or apostrophes (``S-400``,
#: ``Turkey's``, ``co-produce``).
TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)

_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\u00a0]*\n\s*|\n(?=[ \t]*[•·*\-–]\s)")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Return the packaged abbreviation list, lower case without the final dot.

    Examples
    --------
    >>> "gen" in abbreviations() and "u.s" in abbreviations()
    True
    """
    raw = resources.files("framing.data").joinpath("abbreviations.txt").read_text("utf-8")
    words = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower().rstrip("."))
    return frozenset(words)


#: A potential sentence end whose Punkt decision is known without annotating tokens: a word of
#: two or more letters, then ``.``, ``?`` or ``!``, then white space and another token.
_PLAIN_END_RE = re.compile(r"(?P<word>[^\W\d_]{2,})(?P<end>[.?!])\s+\S")

#: What NLTK's Punkt counts as white space before a candidate sentence end (``string.whitespace``).
_ASCII_WHITESPACE = tuple(string.whitespace)


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt with a shortcut for the commonest potential sentence end.

    ``text_contains_sentbreak`` gets the short context around each candidate
    ("said. The", "Mr. Obama"). With our parameters (abbreviations only: no
    collocations, sentence starters or orthographic statistics), a plain word
    of letters ending in ``?`` or ``!``, or in ``.`` when it is not an
    abbreviation, followed by another token is always a break: Punkt's second
    pass only revisits abbreviations, ellipses, initials and numbers. Those,
    and everything else, go to NLTK unchanged (memoised: the same contexts,
    "Mr. Obama", recur). ``tests/test_text.py`` checks the decisions against
    NLTK's.
    """

    _MEMO_MAX = 50_000

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._abbrev = frozenset(params.abbrev_types)
        self._memo: dict[str, bool] = {}
        # NLTK wraps its patterns in a time-out guard (nltk.redos); :meth:`spans` calls the compiled
        # patterns underneath directly (our windows of MAX_PUNKT_CHARS keep each call short)
        lang = self._lang_vars
        self._period_re = getattr(lang.period_context_re(), "_rx", lang.period_context_re())
        self._realign_re = getattr(lang.re_boundary_realignment, "_rx", lang.re_boundary_realignment)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``list(self.span_tokenize(text))``, computed in one loop.

        The same steps as NLTK's ``span_tokenize`` (``_match_potential_end_contexts``,
        ``_slices_from_text``, ``_realign_boundaries``) without its chain of generators, which
        took half the sentence-splitting time; ``tests/test_text.py`` checks the spans against
        NLTK's on the seeds and on random text.
        """
        contains_break = self.text_contains_sentbreak
        ws = _ASCII_WHITESPACE
        slices: list[tuple[int, int]] = []
        last_break = 0
        prev = None  # the previous candidate and its word (NLTK's previous_match, previous_slice)
        prev_start = prev_stop = 0
        for m in self._period_re.finditer(text):
            ms = m.start()
            # NLTK's _get_last_whitespace_index: index of the last ASCII white space in
            # text[prev_stop:ms], 0 when there is none (or when it is the first character)
            last_ws = max([text.rfind(c, prev_stop, ms) for c in ws]) - prev_stop
            word_start = prev_stop + last_ws + 1 if last_ws > 0 else prev_start
            if prev is not None and prev_stop <= word_start:
                if contains_break(text[prev_start:prev_stop] + prev.group() + prev.group("after_tok")):
                    slices.append((last_break, prev.end()))
                    last_break = prev.start("next_tok") if prev.group("next_tok") else prev.end()
            prev, prev_start, prev_stop = m, word_start, ms
        if prev is not None:
            if contains_break(text[prev_start:prev_stop] + prev.group() + prev.group("after_tok")):
                slices.append((last_break, prev.end()))
                last_break = prev.start("next_tok") if prev.group("next_tok") else prev.end()
        slices.append((last_break, len(text.rstrip())))
        # realign closing punctuation (NLTK's _realign_boundaries); 0 <= start and end <= len(text),
        # so ``end > start`` is NLTK's ``if text[sentence1]``
        out: list[tuple[int, int]] = []
        realign = 0
        last = len(slices) - 1
        for i, (a, b) in enumerate(slices):
            a += realign
            if i == last:
                if b > a:
                    out.append((a, b))
                continue
            a2, b2 = slices[i + 1]
            m2 = self._realign_re.match(text[a2:b2])
            if m2:
                out.append((a, a2 + len(m2.group(0).rstrip())))
                realign = m2.end()
            else:
                realign = 0
                if b > a:
                    out.append((a, b))
        return out

    def text_contains_sentbreak(self, text: str) -> bool:  # noqa: D102 - see the class docstring
        m = _PLAIN_END_RE.match(text)
        if m is not None and (m.group("end") != "." or m.group("word").lower() not in self._abbrev):
            return True
        hit = self._memo.get(text)
        if hit is None:
            hit = super().text_contains_sentbreak(text)
            if len(self._memo) >= self._MEMO_MAX:
                self._memo.clear()
            self._memo[text] = hit
        return hit


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return _Punkt(params)


def paragraph_spans(text: str) -> list[Span]:
    """Split ``text`` into paragraphs at blank lines and before bullets.

    Leading and trailing white space is left out of each span; empty
    paragraphs are dropped.

    Examples
    --------
    >>> [p.text for p in paragraph_spans("Title\\n\\nFirst para.\\nstill first.\\n\\n\\nSecond.")]
    ['Title', 'First para.\\nstill first.', 'Second.']
    """
    spans: list[Span] = []
    pos = 0
    for m in _PARAGRAPH_BREAK_RE.finditer(text):
        _add_stripped(text, pos, m.start(), spans)
        pos = m.end()
    _add_stripped(text, pos, len(text), spans)
    return spans


def _add_stripped(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


def sentence_spans(text: str, paragraphs: list[Span] | None = None) -> list[Span]:
    """Split ``text`` into sentences with Punkt, never across paragraphs.

    Parameters
    ----------
    text : str
        Any text.
    paragraphs : list of Span, optional
        Paragraph spans of ``text`` if already computed.

    Returns
    -------
    list of Span
        Sentences in text order, offsets into ``text``.

    Examples
    --------
    >>> [s.text for s in sentence_spans("The U.S. Sen. Smith spoke. He left.\\n\\nNew para")]
    ['The U.S. Sen. Smith spoke.', 'He left.', 'New para']
    """
    tok = _punkt()
    out: list[Span] = []
    for para in paragraphs if paragraphs is not None else paragraph_spans(text):
        for w_start, w_end in _windows(text, para.start, para.end):
            for s, e in tok.spans(text[w_start:w_end]):
                a, b = w_start + s, w_start + e
                out.append(Span(a, b, text[a:b]))
    return out


#: Longest piece of text handed to Punkt at once. Longer paragraphs (a 2 MB article without a
#: line break) are cut at white space first, so time stays linear and NLTK's regex time-outs
#: cannot trigger; a sentence is split there only if it runs past this length.
MAX_PUNKT_CHARS = 20_000


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= MAX_PUNKT_CHARS:
        return [(start, end)]
    out = []
    while end - start > MAX_PUNKT_CHARS:
        cut = start + MAX_PUNKT_CHARS
        # prefer a sentence end followed by a space, else any space, else a hard cut
        best = max(text.rfind(". ", start, cut), text.rfind("? ", start, cut), text.rfind("! ", start, cut))
        if best <= start:
            best = text.rfind(" ", start, cut)
        cut = best + 1 if best > start else cut
        out.append((start, cut))
        while cut < end and text[cut].isspace():
            cut += 1
        start = cut
    if end > start:
        out.append((start, end))
    return out


def token_spans(text: str) -> list[Span]:
    """Word tokens of ``text`` with offsets (punctuation is left out).

    Examples
    --------
    >>> [t.text for t in token_spans("Turkey's S-400 deal, the U.S. said.")]
    ["Turkey's", 'S-400', 'deal', 'the', 'U.S', 'said']
    """
    return [Span(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return [m.group().lower() for m in TOKEN_RE.finditer(text)]


def word_count(text: str) -> int:
    """Number of word tokens in ``text``.

    Examples
    --------
    >>> word_count("NATO's chief said: 'difficult'.")
    4
    """
    return len(TOKEN_RE.findall(text))
