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
from itertools import chain, filterfalse
from typing import Sequence

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .resources import read_text

__all__ = [
    "looks_english",
    "Span",
    "find_all",
    "paragraph_spans",
    "sentence_spans",
    "token_spans",
    "tokens",
    "word_count",
    "word_counts",
    "abbreviations",
]

#: A word token: letters/digits with inner hyphens or apostrophes (``S-400``,
#: ``Turkey's``, ``co-produce``). The repetitions are possessive (``++``, ``*+``): nothing
#: follows them, so the matches are those of ``\w+(?:[-'’.]\w+)*``, and the engine keeps no
#: backtracking state per character (about 12 % faster over a corpus).
TOKEN_RE = re.compile(r"\w++(?:[-'’.]\w++)*+", re.UNICODE)

_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\u00a0]*\n\s*|\n(?=[ \t]*[•·*\-–]\s)")


def find_all(text: str, sub: str, start: int = 0, end: int | None = None) -> list[int]:
    """Start of every occurrence of ``sub`` in ``text[start:end]`` (overlapping ones too), found with
    ``str.find``: a few scans at C speed instead of a regex attempt at every position.

    Examples
    --------
    >>> find_all("a.b.c. d", ".")
    [1, 3, 5]
    >>> find_all("aaa", "aa"), find_all("said. said.", "said", 1)
    ([0, 1], [6])
    """
    end = len(text) if end is None else end
    out: list[int] = []
    i = text.find(sub, start, end)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1, end)
    return out


def find_any(text: str, chars: str) -> list[int]:
    """Sorted positions of every occurrence of any of the characters ``chars`` in ``text``
    (:func:`find_all` per character: a few ``str.find`` scans instead of a regex character class).

    Examples
    --------
    >>> find_any("Yes? No! Maybe.", "!?.")
    [3, 7, 14]
    """
    present = [ch for ch in chars if ch in text]  # most texts hold few of the characters
    if len(present) == 1:
        return find_all(text, present[0])
    return sorted([i for ch in present for i in find_all(text, ch)])


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
    raw = read_text("abbreviations.txt")
    words = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower().rstrip("."))
    return frozenset(words)


#: A potential sentence end whose Punkt decision is known without annotating tokens: a word of
#: letters (two or more, or letters with inner dots and hyphens: ``U.S``, ``re-election``), then ``.``,
#: ``?`` or ``!``. With NLTK's ``(?P<after>...)`` group of the context it decides
#: :meth:`_Punkt.text_contains_sentbreak` (see :meth:`_Punkt._quick_sentbreak`). U+001C..U+001F are white
#: space to ``re`` and str.strip but not to NLTK's ``regex`` patterns: a text holding one of them is
#: left to NLTK.
_PLAIN_END_RE = re.compile(r"(?P<word>[^\W\d_](?:[^\W\d_]|[-.](?=[^\W\d_]))+)(?P<end>[.?!])")
#: After a plain end: another token follows (white space then a token, or punctuation that is not
#: part of a word, NLTK's ``_re_non_word_chars``; filled in by :class:`_Punkt`).
_NEXT_TOKEN_FMT = r"\s+\S|{non_word}"
#: After an abbreviation and its ``.``: white space, then one word of letters (a possessive and a
#: comma may follow) that ends the context, as in "Mr. Obama", "U.S. officials", "Jr. Day,".
_ABBREV_NEXT_RE = re.compile(r"\s+[^\W\d_]+(?:[’'][^\W\d_]+)?,?")


def _has_separator(text: str) -> bool:
    """Does ``text`` hold U+001C..U+001F, white space to ``re`` but not to ``regex``?"""
    return "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text


#: What NLTK's Punkt counts as white space before a candidate sentence end (``string.whitespace``).
_ASCII_WHITESPACE = tuple(string.whitespace)


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt with a shortcut for the commonest potential sentence end.

    ``text_contains_sentbreak`` gets the short context around each candidate
    ("said. The", "Mr. Obama"). With our parameters (abbreviations only: no
    collocations, sentence starters or orthographic statistics), a plain word
    of letters ending in ``?`` or ``!``, or in ``.`` when it is not an
    abbreviation, followed by another token is always a break: Punkt's second
    pass only revisits abbreviations, ellipses, initials and numbers; and an
    abbreviation followed by a plain word ("Mr. Obama") is never one (see
    :meth:`_quick_sentbreak`). Everything else goes to NLTK unchanged
    (memoised: the same contexts recur). ``tests/test_text.py`` checks the
    decisions against NLTK's.
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
        # the same pattern compiled by ``re``, whose scanning is faster. The two engines' \s differ
        # only on U+001C..U+001F (white space to ``re`` and str.isspace, not to ``regex``), so it is
        # used for texts without those characters (tests/test_text.py checks the claim).
        self._period_re_std = re.compile(self._period_re.pattern, re.UNICODE | re.VERBOSE)
        self._after_tok = self._period_re.groupindex["after_tok"]
        self._next_tok = self._period_re.groupindex["next_tok"]
        # character -> can a sentence starting with it be realigned (does it alone match the pattern)
        self._opens_realign: dict[str, bool] = {}
        self._next_token = re.compile(_NEXT_TOKEN_FMT.format(non_word=lang._re_non_word_chars)).match

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``list(self.span_tokenize(text))``, computed in one loop.

        The same steps as NLTK's ``span_tokenize`` (``_match_potential_end_contexts``,
        ``_slices_from_text``, ``_realign_boundaries``) without its chain of generators, which
        took half the sentence-splitting time; ``tests/test_text.py`` checks the spans against
        NLTK's on the seeds and on random text. The candidate ends are found with an ``re`` copy of
        NLTK's ``regex`` pattern, the common "word. Next" and "Mr. Obama" contexts are decided in
        place by :meth:`_quick_sentbreak` (the shortcut of :meth:`text_contains_sentbreak`), and the realignment
        regex runs only for sentences that start with one of its closing characters.
        """
        n = len(text) - 1
        if text.find(".", 0, n) < 0 and text.find("?", 0, n) < 0 and text.find("!", 0, n) < 0:
            # no candidate (an end character followed by another character): one sentence, as
            # most one-sentence paragraphs are
            end = len(text.rstrip())
            return [(0, end)] if end > 0 else []
        if _has_separator(text):  # NLTK's own regex engine, and NLTK decides every context
            candidates = self._period_re.finditer(text)
            quick = None
        else:
            candidates = self._period_re_std.finditer(text)
            quick = self._quick_sentbreak
        sentbreak = self._nltk_sentbreak
        after_tok, next_tok = self._after_tok, self._next_tok
        # a text whose only ASCII white space is " " (most paragraphs) needs one rfind per candidate,
        # not six (five substring tests are several times faster than one regex character class)
        only_spaces = not ("\n" in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text)
        slices: list[tuple[int, int]] = []
        last_break = 0
        prev = None  # the previous candidate and its word (NLTK's previous_match, previous_slice)
        prev_start = prev_stop = word_start = ms = 0
        for m in chain(candidates, (None,)):  # None: decide the last candidate
            if m is not None:
                ms = m.start()
                # the index of the last ASCII white space in text[prev_stop:ms]; the word starts
                # after it, unless there is none (or it is the first character): then NLTK keeps
                # the previous word
                if only_spaces:
                    last_ws = text.rfind(" ", prev_stop, ms)
                else:
                    last_ws = max([text.rfind(c, prev_stop, ms) for c in _ASCII_WHITESPACE])
                word_start = last_ws + 1 if last_ws > prev_stop else prev_start
            if prev is not None and (m is None or prev_stop <= word_start):
                # NLTK's context for text_contains_sentbreak: the word, the end character and the
                # "after_tok" lookahead group, which follow each other in the text
                ctx_end = prev.end(after_tok)
                # text_contains_sentbreak, its shortcut matched in place (no slice)
                brk = quick(text, prev_start, ctx_end) if quick else None
                if brk is None:
                    brk = sentbreak(text[prev_start:ctx_end])
                if brk:
                    slices.append((last_break, prev.end()))
                    next_start = prev.start(next_tok)  # -1 when the context has no next token
                    last_break = next_start if next_start >= 0 else prev.end()
            prev, prev_start, prev_stop = m, word_start, ms
        slices.append((last_break, len(text.rstrip())))
        # realign closing punctuation (NLTK's _realign_boundaries); 0 <= start and end <= len(text),
        # so ``end > start`` is NLTK's ``if text[sentence1]``
        realign_match = self._realign_re.match
        opens_realign = self._opens_realign
        out: list[tuple[int, int]] = []
        realign = 0
        for i in range(len(slices) - 1):
            a, b = slices[i]
            a += realign
            a2, b2 = slices[i + 1]
            m2 = None
            if b2 > a2:
                # the pattern starts with a class of closing quotes and brackets: a sentence that
                # starts with none of them (almost all) needs no regex call. Matching within
                # pos/endpos equals matching the slice text[a2:b2] (the pattern's only anchor is $).
                first = text[a2]
                can = opens_realign.get(first)
                if can is None:
                    can = opens_realign[first] = realign_match(first) is not None
                if can:
                    m2 = realign_match(text, a2, b2)
            if m2:
                out.append((a, a2 + len(m2.group(0).rstrip())))
                realign = m2.end() - a2
            else:
                realign = 0
                if b > a:
                    out.append((a, b))
        a, b = slices[-1]
        a += realign
        if b > a:
            out.append((a, b))
        return out

    def text_contains_sentbreak(self, text: str) -> bool:  # noqa: D102 - see the class docstring
        brk = None if _has_separator(text) else self._quick_sentbreak(text, 0, len(text))
        return self._nltk_sentbreak(text) if brk is None else brk

    def _quick_sentbreak(self, text: str, start: int, end: int) -> bool | None:
        """NLTK's ``text_contains_sentbreak(text[start:end])`` for the two commonest contexts, else
        None (NLTK decides).

        With our parameters (abbreviations only) Punkt marks a break at a token that ends in
        ``?``/``!``, or in ``.`` when it is not an abbreviation (its second pass revisits only
        abbreviations, ellipses, initials and numbers, and turns no abbreviation into a break: the
        orthographic heuristic has no statistics), and reports it when another token follows. So

        * a word of letters (``_PLAIN_END_RE``: no initial, number or ellipsis) ending in ``?``,
          ``!`` or in ``.`` and not an abbreviation, followed by another token, is a break;
        * an abbreviation ending in ``.`` followed only by a plain word (``_ABBREV_NEXT_RE``:
          "Mr. Obama", no token there can be a break) is not.

        ``text`` must hold no U+001C..U+001F (see :func:`_has_separator`).
        """
        m = _PLAIN_END_RE.match(text, start, end)
        if m is None:
            return None
        word = m.group(1).lower()
        if m.group(2) != "." or (word not in self._abbrev and word.rpartition("-")[2] not in self._abbrev):
            return True if self._next_token(text, m.end(), end) else None
        return False if _ABBREV_NEXT_RE.fullmatch(text, m.end(), end) else None

    def _nltk_sentbreak(self, text: str) -> bool:
        """NLTK's ``text_contains_sentbreak``, memoised."""
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
        p_start, p_end = para.start, para.end
        windows = ((p_start, p_end),) if p_end - p_start <= MAX_PUNKT_CHARS else _windows(text, p_start, p_end)
        for w_start, w_end in windows:
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
    # A token holds no white space, so the text's tokens are those of its white-space separated
    # chunks; a chunk of letters and digits only (str.isalnum: exactly the characters of \w but
    # "_") is one token, the commonest case. Only the other chunks go through the regex.
    chunks = text.split()
    rest = list(filterfalse(str.isalnum, chunks))
    return len(chunks) - len(rest) + len(TOKEN_RE.findall(" ".join(rest)))


def word_counts(texts: Sequence[str]) -> list[int]:
    """:func:`word_count` of each of ``texts``, counted with numpy over the texts' code points a block at a
    time (:func:`framing._token_arrays.blocks`): cheaper than a regex pass for many texts.

    Examples
    --------
    >>> word_counts(["NATO's chief said: 'difficult'.", "", "U.S.-led"])
    [4, 0, 2]
    """
    from ._token_arrays import blocks

    return [n for block in blocks(texts) for n in block.per_text.tolist()]


_FUNCTION_WORDS_RE = re.compile(
    r"(?<!\w)(?:the|a|an|and|or|but|of|to|in|on|at|for|with|by|from|as|is|are|was|were|be|been|has|have|had|"
    r"it|its|this|that|these|those|he|she|they|we|i|you|not|will|would|said|which|who)(?!\w)"
)


# the commonest function words between spaces: their counts are a lower bound of the regex's count
_FUNCTION_WORDS_SPACED = (" the ", " of ", " to ", " and ", " a ", " in ")


def looks_english(text: str, sample: int = 600) -> bool:
    """True unless the first ``sample`` characters hold at least 25 words and fewer than 12 % of them
    are common English function words: the package's one language check (its lexicons and VADER are
    English).

    Examples
    --------
    >>> looks_english("The minister said that the talks would resume in the spring and that both sides were ready. " * 2)
    True
    >>> looks_english("Der Minister sagte, die Gespräche würden im Frühjahr wieder aufgenommen, beide Seiten seien bereit. " * 2)
    False
    >>> looks_english("Zu kurz.")  # fewer than 25 words: no verdict, so True
    True
    """
    head = text[:sample].lower()
    n = len(TOKEN_RE.findall(head))
    if n < 25:
        return True
    # Shortcut: each " the " (etc.) holds its own match of _FUNCTION_WORDS_RE, so a few str.count calls
    # give a lower bound of the count; most English texts pass on it without the regex pass.
    if sum(map(head.count, _FUNCTION_WORDS_SPACED)) / n >= 0.12:
        return True
    return len(_FUNCTION_WORDS_RE.findall(head)) / n >= 0.12
