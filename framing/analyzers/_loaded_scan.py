"""Where loaded-language candidates are and what surrounds them: the scanning leaves of
:mod:`framing.analyzers.loaded`.

Scare quotes and affiliation compounds (structural patterns), uncommon words (against the packaged
news word counts), VADER words missing from the curated lexicon, quotation regions, and the
register cues of the rough sentence around a hit (reporting words, opinion words). Each function
works on one text and returns spans; the model in :mod:`framing.analyzers.loaded` scores them.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Sequence

from ..resources import read_text, vader_lexicon
from ..text import TOKEN_RE, Span, find_all, find_any

_QUOTE_CLASS = "\"\u201c\u201d\u00ab\u00bb\u201e"
# a short quoted phrase: 1-40 chars, starts and ends with a word char, no quote or line break inside
# a short quoted phrase: 1-40 chars, starts and ends with a word char, no quote or line break inside;
# tried only where an opening quotation mark follows white space, a bracket or a dash (or starts the text)
_OPEN_QUOTES = "\"\u201c\u2018'\u00ab"
_BEFORE_OPEN_QUOTE = frozenset("([\u2014\u2013/-")
_SCARE_RE = re.compile(
    r"(?:"
    r"\u201c(?P<a>\w[^\u201c\u201d\n.!?;:]{0,38}?\w|\w)\u201d"
    r"|\"(?P<b>\w[^\"\n.!?;:]{0,38}?\w|\w)\""
    r"|\u2018(?P<c>\w[^\u2018\u2019\n.!?;:]{0,38}?\w|\w)\u2019"
    r"|'(?P<d>\w[^'\n.!?;:]{0,38}?\w|\w)'"
    r"|\u00ab\s?(?P<e>\w[^\u00ab\u00bb\n.!?;:]{0,38}?\w|\w)\s?\u00bb"
    r")"
    r"(?!\w)",
    re.UNICODE,
)
# affiliation compounds, found from their fixed part ("-led", "pro-") and widened to the whole token
_COMPOUND_HINT_RE = re.compile(
    r"-(?:led|backed|sponsored|funded|controlled|allied|aligned|leaning|friendly|dominated|installed|run|owned|"
    r"imposed|brokered|(?=[A-Z]))"
)
_COMPOUND_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][\w.]*-(?:led|backed|sponsored|funded|controlled|allied|aligned|leaning|friendly|"
    r"dominated|installed|run|owned|imposed|brokered)"
    r"|(?:[Pp]ro|[Aa]nti)-[A-Z][\w]*)(?![\w-])",
    re.UNICODE,
)
# direct quotations of some length (for the in-quote feature)
_QUOTATION_RE = re.compile(
    r"\u201c[^\u201c\u201d]{1,2000}\u201d|\"[^\"\n]{1,2000}\"|\u00ab[^\u00ab\u00bb]{1,2000}\u00bb"
)
_MAX_SCARE_WORDS = 3
_SENT_WINDOW = 600  # look at most this far for the ends of the rough sentence around a hit


_SENT_END_CHARS = ".!?\n"


class _RoughSentences:
    """Bounds of the rough sentence around a span: from after the last ``.!?`` or line break before it
    to just after the next one, at most ``_SENT_WINDOW`` characters each side (cheap, not Punkt).

    The end characters are found once per text (one ``str.find`` loop per character); each lookup is
    then two binary searches.
    """

    def __init__(self, text: str) -> None:
        self.n = len(text)
        # str.find (memchr) per character: cheaper than a regex pass
        self.ends = find_any(text, _SENT_END_CHARS)

    def around(self, s: int, e: int) -> tuple[int, int]:
        ends = self.ends
        lo = max(0, s - _SENT_WINDOW)
        i = bisect.bisect_left(ends, s) - 1
        a = ends[i] + 1 if i >= 0 and ends[i] >= lo else lo
        hi = min(self.n, e + _SENT_WINDOW)
        j = bisect.bisect_left(ends, e)
        b = ends[j] + 1 if j < len(ends) and ends[j] < hi else hi
        return a, b


# cue words, most frequent first (a sentence check stops at the first cue found)
_REPORTING_CUE_WORDS = ("said", "says", "told", "according to", "reported", "announced", "monday", "tuesday",
                        "wednesday", "thursday", "friday", "saturday", "sunday")
_OPINION_CUE_WORDS = ("we", "us", "our", "you", "your", "just", "even", "simply")
_OPINION_CUE_CHARS = "!?"
#: hard-news register (matched on the lower-cased sentence): attribution and weekday
REPORTING_CUE_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, _REPORTING_CUE_WORDS)) + r")\b")
#: opinion register (matched on the lower-cased sentence): first/second person, "even/just/simply", ! and ?
OPINION_CUE_RE = re.compile(
    "[" + re.escape(_OPINION_CUE_CHARS) + r"]|\b(?:" + "|".join(map(re.escape, _OPINION_CUE_WORDS)) + r")\b"
)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _whole_word(low: str, i: int, e: int, end: int) -> bool:
    r"""Is ``low[i:e]`` between word boundaries, as ``\b...\b`` of a search ending at ``end`` sees it?"""
    return (i == 0 or not _is_word_char(low[i - 1])) and (e == end or not _is_word_char(low[e]))


def _has_cue(low: str, words: Sequence[str], chars: str, a: int, b: int) -> bool:
    r"""Whether ``low[a:b]`` holds one of ``chars`` or one of ``words`` between word boundaries.

    The same answer as ``re.search(r"[chars]|\b(?:words)\b", low, a, b)`` (boundaries look at the
    whole string before ``a`` and end at ``b``), found with ``str.find``.
    """
    for ch in chars:
        if low.find(ch, a, b) >= 0:
            return True
    for w in words:  # stops at the first cue (not find_all: most sentences have one early)
        i = low.find(w, a, b)
        while i >= 0:
            if _whole_word(low, i, i + len(w), b):
                return True
            i = low.find(w, i + 1, b)
    return False


@lru_cache(maxsize=8)
def _cue_keys(words: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """How :func:`_cue_starts` finds ``words``: (key, ((word, offset of the key in the word), ...)).

    Words that share a key are found with one ``str.find`` scan of the text instead of one each: a word
    that starts with another word of the list is found through it ("your" through "you"), else through
    its shortest suffix of three or more letters that another word ends with (the weekdays through "day").

    Examples
    --------
    >>> _cue_keys(("you", "your", "monday", "sunday", "said"))
    (('you', (('you', 0), ('your', 0))), ('day', (('monday', 3), ('sunday', 3))), ('said', (('said', 0),)))
    """
    keys: dict[str, list[tuple[str, int]]] = {}
    for w in words:
        key = min((v for v in words if v != w and w.startswith(v)), key=len, default=None)
        if key is None:  # the shortest suffix (3+ letters) that another word ends with, else the word
            suffixes = (w[k:] for k in range(len(w) - 3, 0, -1))
            key = next((x for x in suffixes if any(v != w and v.endswith(x) for v in words)), w)
        keys.setdefault(key, []).append((w, 0 if w.startswith(key) else len(w) - len(key)))
    return tuple((k, tuple(v)) for k, v in keys.items())


@lru_cache(maxsize=64)
def _whole_word_re(word: str) -> re.Pattern[str]:
    r"""``\bword\b`` for a word that starts and ends with a word character, written to start with the
    word itself, so that ``re`` scans for its literal prefix instead of trying every position."""
    w = re.escape(word)
    return re.compile(w + r"(?<!\w" + w + r")(?!\w)")


def _cue_starts(low: str, words: Sequence[str], chars: str) -> list[int]:
    r"""Sorted starts of all matches of ``r"[chars]|\b(?:words)\b"`` in ``low`` (cue matches never
    overlap), found with ``str.find`` (one scan of ``low`` per key of :func:`_cue_keys`)."""
    n = len(low)
    out = [i for ch in chars for i in find_all(low, ch)]
    for key, group in _cue_keys(tuple(words)):
        if len(group) == 1 and group[0][0] == key:
            if len(key) <= 2 and key.isalnum():
                # "us", "we": str.find stops inside many words (because, between); the regex checks the
                # word boundaries in C
                out += [m.start() for m in _whole_word_re(key).finditer(low)]
            else:
                out += [i for i in find_all(low, key) if _whole_word(low, i, i + len(key), n)]
            continue
        for j in find_all(low, key):
            for w, off in group:
                i = j - off
                if i >= 0 and low.startswith(w, i) and _whole_word(low, i, i + len(w), n):
                    out.append(i)
    out.sort()
    return out


@lru_cache(maxsize=1)
def _news_word_counts() -> dict[str, int]:
    """Word -> count in the packaged news word-count table (``models/news_word_counts.csv``)."""
    raw = read_text("models/news_word_counts.csv")
    out: dict[str, int] = {}
    for line in raw.splitlines():
        if not line or line.startswith("#") or line == "word,count":
            continue
        word, _, n = line.rpartition(",")
        try:
            out[word] = int(n)
        except ValueError:
            continue
    return out


@lru_cache(maxsize=1)
def _english_word_classes() -> dict[str, str]:
    """Word -> class (``common``: frequent in general English; ``noun``: a WordNet noun-only lemma) of
    the packaged ``models/english_word_classes.csv`` (words rare in news only)."""
    out: dict[str, str] = {}
    for line in read_text("models/english_word_classes.csv").splitlines():
        if not line or line.startswith("#") or line == "word,class":
            continue
        word, _, cls = line.partition(",")
        out[word] = cls
    return out


@lru_cache(maxsize=8)
def _common_words(max_count: int, classes: tuple[str, ...] = ()) -> frozenset[str]:
    """Words that are never uncommon: counted more than ``max_count`` times in the news word-count
    table, or of one of ``classes`` in :func:`_english_word_classes` (frequent in general English,
    nouns only)."""
    news = (w for w, n in _news_word_counts().items() if n > max_count)
    if not classes:
        return frozenset(news)
    wanted = set(classes)
    return frozenset(news).union(w for w, c in _english_word_classes().items() if c in wanted)


#: Categories that mark how sure a claim is (Recasens et al. 2013's epistemological bias), not loaded
#: words: reported apart, as epistemic markers (:func:`framing.analyzers.loaded_rates.loaded_rates`).
EPISTEMIC_CATEGORIES: tuple[str, ...] = ("hedge", "factive", "assertive")


def _evaluative_words() -> frozenset[str]:
    """The words with a VADER valence and the one-word entries of the packaged loaded lexicon outside
    the epistemic categories: their Snowball stems are the evaluative word families."""
    from ..lexicons import _as_lexicon

    words = {w for w in vader_lexicon() if w.isalpha()}
    words |= {e.term.lower() for e in _as_lexicon(None).entries
              if e.term.isalpha() and e.category not in EPISTEMIC_CATEGORIES}
    return frozenset(words)


@lru_cache(maxsize=1)
def _evaluative_stems() -> frozenset[str]:
    """Snowball stems of :func:`_evaluative_words`: the evaluative word families."""
    from ..lexicons import stem

    return frozenset(stem(w) for w in _evaluative_words())


@lru_cache(maxsize=1 << 14)
def evaluative_family(word: str) -> bool:
    """Whether a word (or one part of a hyphenated word) shares its Snowball stem with a word of
    VADER or of the curated lexicon: a rare form of an evaluative word ("pityingly", "profanely").

    Examples
    --------
    >>> evaluative_family("pityingly"), evaluative_family("voicemail")
    (True, False)
    """
    from ..lexicons import stem

    stems = _evaluative_stems()
    return any(stem(p) in stems for p in word.split("-") if p)


@lru_cache(maxsize=1 << 16)
def _rarest_count(span: str, lemma: str) -> int:
    """News count of the rarest word of a hit (its lemma when the span has no word), cached per span:
    the same few thousand lexicon forms recur across a corpus."""
    counts = _news_word_counts()
    return min((counts.get(w.lower(), 0) for w in TOKEN_RE.findall(span) or (lemma,)), default=0)


# runs of lower-case a-z (with inner hyphens) between word boundaries: a superset of the whole lower-case
# tokens; _uncommon_words checks the exact token boundaries of the few rare ones
_LOWER_RUN_RE = re.compile(r"\b[a-z]+(?:-[a-z]+)*\b")
_NOUN_SUFFIXES = ("tion", "tions", "ment", "ments", "ity", "ities")
#: endings of adjectives and manner adverbs, the parts of speech that evaluate ("sclerotic", "buffoonish")
_ADJECTIVE_SUFFIXES = ("ic", "ish", "ous", "ive", "ful", "less", "some", "esque", "ly")
_TOKEN_JOINERS = frozenset("-'\u2019.")
_MAX_FIND_WORDS = 64  # above this many distinct rare words, scan tokens once instead of str.find per word


def _is_rare(w: str, min_length: int, common: frozenset[str]) -> bool:
    """Whether a lower-case word that is not common counts as uncommon: at least ``min_length`` letters, and a
    hyphenated compound of common parts ("anti-aircraft", "surface-to-air") is technical, not loaded: it counts only
    when one of its parts is itself rare."""
    return len(w) >= min_length and ("-" not in w or any(len(p) >= min_length and p not in common
                                                         for p in w.split("-")))


def _uncommon_words(text: str, min_length: int, max_count: int,
                    classes: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """Whole lower-case tokens (a-z with inner hyphens, as :data:`framing.text.TOKEN_RE` cuts them) of
    at least ``min_length`` letters that the news table counts at most ``max_count`` times and that
    are of none of the English word ``classes`` (see :func:`_common_words`), as (start, end, word) in
    text order. One regex pass in C collects the lower-case runs; only the few
    rare ones are then located with ``str.find`` and checked for token boundaries."""
    common = _common_words(max_count, classes)
    # Whitespace-separated chunks first (str.split is far cheaper than a regex pass): a chunk that is a
    # common word holds no rare whole token, and no lower-case run crosses whitespace, so the regex
    # only needs to read the remaining distinct chunks.
    # (``set - frozenset`` walks the small set; ``difference_update`` would walk all of ``common``)
    chunks = set(text.split()) - common
    found = set(_LOWER_RUN_RE.findall(" ".join(chunks))) - common
    if not found:
        return []
    rare = {w for w in found if _is_rare(w, min_length, common)}
    if not rare:
        return []
    n = len(text)

    def whole_token(i: int, e: int) -> bool:
        if i > 0:
            c = text[i - 1]
            if _is_word_char(c) or c in _TOKEN_JOINERS:
                return False
        if e < n:
            c = text[e]
            if _is_word_char(c) or (c in _TOKEN_JOINERS and e + 1 < n and _is_word_char(text[e + 1])):
                return False
        return True

    out: list[tuple[int, int, str]] = []
    if len(rare) > _MAX_FIND_WORDS:
        # many distinct rare words (huge or odd text): one linear pass instead of one str.find scan per word
        for m in _LOWER_RUN_RE.finditer(text):
            w = m.group()
            if w in rare and whole_token(m.start(), m.end()):
                out.append((m.start(), m.end(), w))
        return out
    for w in rare:
        L = len(w)
        i = text.find(w)
        while i >= 0:
            e = i + L
            if whole_token(i, e):
                out.append((i, e, w))
            i = text.find(w, e)
    out.sort()
    return out


_QUOTATION_OPENERS = "\u201c\"\u00ab"  # the first characters of _QUOTATION_RE's matches


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of the matches of :data:`_QUOTATION_RE` (as ``finditer`` gives them).

    The regex is tried only where an opening mark stands (found with ``str.find``, cheaper than the
    regex's own scan for them), skipping the marks inside the last match, as ``finditer`` does.
    """
    out: list[tuple[int, int]] = []
    end = 0
    match = _QUOTATION_RE.match
    for a in find_any(text, _QUOTATION_OPENERS):
        if a < end:
            continue
        m = match(text, a)
        if m is not None:
            end = m.end()
            out.append((a, end))
    return out


def quotation_spans(text: str, paragraphs: Sequence[Span] | None = None) -> list[tuple[int, int]]:
    """The words inside double quotation marks, as ``(start, end)`` in text order (marks left out).

    What :func:`framing.quotes.marks.find_quotes` finds (curly, straight and guillemet marks, quotes
    running over paragraphs, unclosed quotes ended at their paragraph), double marks only: single
    marks are mostly apostrophes and scare quotes. A loaded-language hit inside one of these spans is
    someone else's words (``in_quote``); the same spans give each article's quoted words.
    ``paragraphs`` are :func:`framing.text.paragraph_spans` of ``text`` when the caller has them
    (an article's cached :attr:`~framing.corpus.Article.paragraphs`).

    Examples
    --------
    >>> t = 'He called it \u201ca disgrace\u201d and left.'
    >>> [t[a:b] for a, b in quotation_spans(t)]
    ['a disgrace']
    """
    from ..quotes.marks import find_quotes
    from ..text import paragraph_spans

    if not any(ch in text for ch in _QUOTE_CLASS):
        return []
    paras = paragraph_spans(text) if paragraphs is None else paragraphs
    spans = find_quotes(text, [p.start for p in paras], [p.end for p in paras])
    return sorted((q.start, q.end) for q in spans if q.double)


def article_quotation_spans(article: Any, text: str) -> list[tuple[int, int]]:
    """:func:`quotation_spans` of ``text``, the text of ``article``, from the article's cached paragraphs
    when it is a :class:`~framing.corpus.Article` (:func:`framing.quotes.marks.find_quotes` remembers
    recent texts, so ``quoted_words``, ``loaded_terms`` and ``voices`` scan each article's marks once).

    Examples
    --------
    >>> from framing.corpus import Article
    >>> a = Article("a", "rt", "", 'He called it “a disgrace” and left.')
    >>> article_quotation_spans(a, a.text) == quotation_spans(a.text) == [(14, 24)]
    True
    """
    from ..corpus import Article

    if isinstance(article, Article) and article.text is text:
        return quotation_spans(text, article.paragraphs)
    return quotation_spans(text)


def quoted_word_count(text: str, spans: Sequence[tuple[int, int]] | None = None) -> int:
    """Word tokens (:data:`framing.text.TOKEN_RE`) inside :func:`quotation_spans` of ``text``.

    Examples
    --------
    >>> quoted_word_count('She said \u201cthis is a disgrace\u201d on Monday.')
    4
    """
    spans = quotation_spans(text) if spans is None else spans
    return sum(len(TOKEN_RE.findall(text, a, b)) for a, b in spans)


def _structural(text: str) -> list[tuple[int, int, str, str]]:
    """Scare quotes and compound labels as (start, end, category, lemma)."""
    out: list[tuple[int, int, str, str]] = []
    last = -1
    # the opening quotation marks, found with str.find (cheaper than a regex scan for a character class)
    for a in find_any(text, _OPEN_QUOTES):
        if a < last or (a and not (text[a - 1].isspace() or text[a - 1] in _BEFORE_OPEN_QUOTE)):
            continue
        m = _SCARE_RE.match(text, a)
        if m is None:
            continue
        inner = next(g for g in m.groups() if g is not None)
        n_words = len(TOKEN_RE.findall(inner))
        if 1 <= n_words <= _MAX_SCARE_WORDS:
            out.append((m.start(), m.end(), "scare_quote", inner.lower()))
            last = m.end()
    last = -1
    for h in _COMPOUND_HINT_RE.finditer(text):
        # widen to the start of the token (at most 60 characters back)
        a = h.start()
        lo = max(0, a - 60)
        while a > lo and (text[a - 1].isalnum() or text[a - 1] in "._"):
            a -= 1
        if a < last:
            continue
        m = _COMPOUND_RE.match(text, a)
        if m is not None:
            out.append((m.start(), m.end(), "compound_label", m.group().lower()))
            last = m.end()
    out.sort()
    return out


def _drop_overlaps(spans: list[tuple[int, int, str]], hits: list) -> list[tuple[int, int, str]]:
    """``spans`` (sorted) that overlap no hit (sorted by start; hits may nest, e.g. scare quotes)."""
    out = []
    hi = 0
    n = len(hits)
    reach = -1  # furthest end of the hits passed so far
    for s, e, w in spans:
        while hi < n and hits[hi][0] < e:
            reach = max(reach, hits[hi][1])
            hi += 1
        if reach > s:
            continue
        out.append((s, e, w))
    return out


_SENT_START_CHARS = frozenset(".!?:;\"\u201c\u201d\u2018\u2019'([\n\u2014\u2013-\u2022*")


def _proper_noun(text: str, start: int) -> bool:
    """True if the word at ``start`` is capitalised and not at a sentence or line start."""
    if not text[start].isupper():
        return False
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] not in _SENT_START_CHARS


@lru_cache(maxsize=8)
def _vader_regex(vmin: float) -> re.Pattern[str] | None:
    from ..lexicons import trie_regex

    words = [w for w, v in vader_lexicon().items() if abs(v) >= vmin and re.fullmatch(r"\w+", w)]
    if not words:
        return None
    return re.compile(r"(?<![\w'\u2019.-])" + trie_regex(w.lower() for w in words) + r"(?![\w'\u2019-])",
                      re.IGNORECASE)


def _add_vader_candidates(text: str, hits: list, vmin: float, note: str) -> list:
    """Add words outside lexicon hits whose VADER valence is at least ``vmin`` in absolute value
    (category ``sentiment_word``, described by ``note``)."""
    rx = _vader_regex(vmin)
    if rx is None:
        return hits
    src = "VADER lexicon (Hutto & Gilbert 2014, MIT licence), read from the installed vaderSentiment package"
    extra = []
    hi = 0
    n = len(hits)
    for m in rx.finditer(text):
        s, e = m.start(), m.end()
        while hi < n and hits[hi][1] <= s:
            hi += 1
        if hi < n and hits[hi][0] < e:
            continue
        w = m.group().lower()
        if w in vader_lexicon() and not _proper_noun(text, s):
            extra.append((s, e, "sentiment_word", w, note, src))
    if not extra:
        return hits
    out = hits + extra
    out.sort(key=lambda h: (h[0], h[1]))
    return out


def _merge(hits: list, extra: list, taken: list[tuple[int, int]]) -> list:
    """Add structural hits that do not overlap lexicon hits; keep text order."""
    taken.sort()
    import bisect

    starts = [s for s, _ in taken]
    keep = []
    for h in extra:
        s, e = h[0], h[1]
        i = bisect.bisect_right(starts, s) - 1
        overlap = False
        for j in (i, i + 1):
            if 0 <= j < len(taken) and taken[j][0] < e and s < taken[j][1]:
                overlap = True
        if i + 2 < len(taken) and taken[i + 2][0] < e:
            overlap = True
        if not overlap or h[2] == "scare_quote":
            keep.append(h)
    # a scare quote around a lexicon word: keep both (the quote marks add distance)
    out = hits + keep
    out.sort(key=lambda h: (h[0], h[1]))
    return out


class RegisterContext:
    """The quotation and register-cue part of the score of hits of one text, asked in text order.

    A hit inside a quotation (``quotes``, default :func:`quotation_spans`) gets ``w_quote``; a hit whose rough sentence (:class:`_RoughSentences`)
    holds a reporting cue gets ``w_rep``, an opinion cue ``w_op``. The cue starts are found once per
    text with ``str.find`` (:func:`_cue_starts`); a rough sentence cut at the window limit (no
    sentence end near) is searched on its own, as a cue word may end just at the cut ("us|ing"),
    until those searches would read more than twice the text (e.g. one huge line).
    Call :meth:`restart` before a second pass over the text.
    """

    def __init__(self, text: str, low: str, w_quote: float, w_rep: float, w_op: float,
                 quotes: list[tuple[int, int]] | None = None) -> None:
        self.low = low
        self.w_quote, self.w_rep, self.w_op = w_quote, w_rep, w_op
        # also when w_quote is 0: in_quote is reported
        self.quotes = quotation_spans(text) if quotes is None else quotes
        self.use_cues = bool(w_rep or w_op)
        self.rough = _RoughSentences(text) if self.use_cues else None
        self.cache: dict[tuple[int, int], float] = {}
        self.cue_at: list[list[int]] = []
        self.budget = 2 * len(text)
        self.qi = 0

    def restart(self) -> None:
        """Start again from the beginning of the text."""
        self.qi = 0

    def best(self) -> float:
        """The largest context part any hit can get."""
        return max(self.w_op, 0.0) + max(self.w_rep, 0.0) + max(self.w_quote, 0.0)

    def score(self, s: int, e: int) -> tuple[float, bool]:
        """Context part of the score of ``text[s:e]`` and whether the span is inside a quotation
        (:func:`quotation_spans`; hits come in text order since the last restart)."""
        quotes, qi = self.quotes, self.qi
        while qi < len(quotes) and quotes[qi][1] <= s:
            qi += 1
        self.qi = qi
        inside = qi < len(quotes) and quotes[qi][0] <= s and e <= quotes[qi][1]
        cue = 0.0
        if self.use_cues:
            bounds = self.rough.around(s, e)
            cue = self.cache.get(bounds)
            if cue is None:
                cue = self.cache[bounds] = self._sentence_cue(*bounds)
        return (self.w_quote if inside else 0.0) + cue, inside

    def _sentence_cue(self, a: int, b: int) -> float:
        low, w_rep, w_op = self.low, self.w_rep, self.w_op
        if not self.cue_at:
            self.cue_at.append(_cue_starts(low, _REPORTING_CUE_WORDS, "") if w_rep else [])
            self.cue_at.append(_cue_starts(low, _OPINION_CUE_WORDS, _OPINION_CUE_CHARS) if w_op else [])
        self.budget -= b - a
        if self.budget >= 0 and b < len(low) and low[b - 1] not in _SENT_END_CHARS:
            return (w_rep if w_rep and _has_cue(low, _REPORTING_CUE_WORDS, "", a, b) else 0.0) + \
                   (w_op if w_op and _has_cue(low, _OPINION_CUE_WORDS, _OPINION_CUE_CHARS, a, b) else 0.0)
        cue = 0.0
        for starts, w in zip(self.cue_at, (w_rep, w_op)):
            i = bisect.bisect_left(starts, a)
            if i < len(starts) and starts[i] < b:
                cue += w
        return cue
