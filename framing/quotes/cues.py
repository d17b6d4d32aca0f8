"""Cue finding: reporting verbs and phrases of ``reporting_verbs.csv`` in a text.

:func:`cue_spans` finds every listed form; :func:`find_cues` keeps those that
report speech here: not a noun ("the claims"), not inside a direct quote,
not negated ("declined to say"), not in parentheses, not a capitalised name
("Press TV") in mid-sentence, not the passive participle of a verb with a
non-speech sense (:func:`is_passive`: "was found guilty", "got called up"), not in a photo
caption (:func:`in_caption`: "This image released by Fox shows ...") and
not in a link line (:func:`in_link_line`: "READ MORE: Police warn of ...").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .data import lexicon
from .evidence import needs_clause
from .segment import Doc, para_of

__all__ = ["Cue", "cue_spans", "find_cues", "is_passive", "in_caption", "in_link_line"]


@dataclass(slots=True)
class Cue:
    """A reporting cue: offsets, form as written, lemma, stance and frame, segment number."""

    start: int
    end: int
    form: str
    lemma: str
    stance: str
    frame: str
    seg: int


_WS_RE = re.compile(r"\s+")

_WORD_SCAN_RE = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w'’-]\w)")

#: Only opening quote marks, brackets or white space (a sentence-initial capitalised cue).
_OPENERS_ONLY_RE = re.compile(r"[\"“‘(\s]*$")

#: The word ending the window before a cue, found within its last word (see :func:`_noun_before`).
_WORD_TAIL_RE = re.compile(r"[\w'’]+$")

#: Words before a cue word that make it a noun ("the claims", "a call for", "his comments").
_NOUN_DETS = frozenset("the a an his her their its our my your this these those whose".split())


def _noun_before(text: str, a: int) -> bool:
    """Does the word before ``a`` make the cue there a noun ("the claims", "Trump's call")?

    The word is the last run of word characters and apostrophes followed by white space in the
    30 characters before ``a`` (the plain pattern is in the tests); a
    plain alphanumeric word (the usual case) is found by string methods.
    """
    window = text[max(0, a - 30):a]
    if not window[-1:].isspace():
        return False  # the pattern needs white space before the cue
    last = window.rsplit(None, 1)
    word = last[-1] if last else ""
    if not word.isalnum():  # empty, or with apostrophes or punctuation
        # the pattern's word is the longest ending of ``word`` made of its characters; found in
        # ``word`` alone, not by a search trying every offset of the window
        pw = _WORD_TAIL_RE.search(word)
        return pw is not None and (pw.group().lower() in _NOUN_DETS or pw.group().endswith(("'s", "’s")))
    return word.lower() in _NOUN_DETS


_NEG_RE = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno|short\s+of|declined\s+to|refused\s+to|without|\bnor)\s+(?:\w+\s+){0,1}$", re.I)

#: How the negations of :data:`_NEG_RE` end (lower case), for the shortcut in :func:`_negated`.
_NEG_ENDS = ("not", "n't", "never", "no", "nor", "without", "of", "to")


#: The characters outside ASCII that match an ASCII letter under ``re.I`` (Python's ``re`` documentation).
_FOLDS_TO_ASCII = ("İ", "ı", "ſ", "K")


def _folded(s: str) -> str | None:
    """``s`` lower-cased, with "’" as "'": what the ASCII letters and apostrophes of an ``re.I``
    pattern match in it, as plain substrings. None when ``s`` holds a character that matches an
    ASCII letter under ``re.I`` without being one ("ſhort")."""
    if s.isascii():
        return s.lower()
    if any(ch in s for ch in _FOLDS_TO_ASCII):
        return None
    return s.lower().replace("’", "'")


def _negated(before: str) -> bool:
    """``_NEG_RE.search(before)``, skipped when ``before`` holds none of its words.

    Every match holds "no" (not, no, nor), "n't", "never", "short", "declined",
    "refused" or "without", in any case.
    """
    if not before[-1:].isspace():
        return False  # every match ends with white space
    low = _folded(before)
    if low is not None:
        if ("no" not in low and "n't" not in low and "never" not in low and "short" not in low
                and "declined" not in low and "refused" not in low and "without" not in low):
            return False
        # a match ends with at most one word after the negation, so the negation ends the last or
        # the second-to-last word: look at those two before letting the search try every offset
        words = low.rsplit(None, 2)
        if not (words[-1].endswith(_NEG_ENDS) or (len(words) > 1 and words[-2].endswith(_NEG_ENDS))):
            return False
    return _NEG_RE.search(before) is not None


#: Runs of lower-case ASCII letters: a superset of the words, only used to pick the cue patterns to try.
_LOW_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _phrase_rests() -> dict[str, frozenset[str]]:
    """For each first word of a cue phrase of several words, the rests of its phrases
    ("according" -> {"to"}), from one pass over the packaged cues."""
    out: dict[str, set[str]] = {}
    for f in lexicon().cues:
        if " " in f:
            head, rest = f.split(None, 1)
            out.setdefault(head, set()).add(rest)
    return {w: frozenset(r) for w, r in out.items()}


#: A cue word that starts no phrase, at a position where :func:`cue_spans` found it: the same
#: match as its :func:`_phrase_re` pattern when the letter run matched here ends with the word
#: (one pattern for all such words, none compiled per word).
_LONE_WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])(?!['’]\w)")


@lru_cache(maxsize=2048)
def _phrase_re(word: str) -> re.Pattern[str]:
    """All cue phrases starting with ``word``, as one pattern over lower-cased text.

    The literal word comes first so the engine searches for it quickly; the
    word boundary before it is checked by a look-behind.
    """
    cues = lexicon().cues
    rests = sorted(_phrase_rests().get(word, ()), key=len, reverse=True)
    w = re.escape(word)
    body = w + r"(?<![\w-]" + w + r")"
    if rests:
        alt = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in rests)
        body += r"(?:\s+(?:" + alt + r"))" + ("?" if word in cues else "")
    return re.compile(body + r"(?![\w-])(?!['’]\w)")


@lru_cache(maxsize=2048)
def _phrase_keys(word: str) -> tuple[frozenset[str], ...] | None:
    """For each cue phrase starting with ``word``, the letter runs of the rest of it.

    None when ``word`` is a cue by itself. A phrase can only match where all
    its letter runs are words of the text (in :func:`_phrase_re` each of them
    is flanked by space or a non-letter), so a first word whose phrases all
    miss a run need not be searched: this skips "a", "the", "is", "was",
    which occur everywhere but start only a few rare phrases.
    """
    if word in lexicon().cues:
        return None
    return tuple(frozenset(_LOW_WORD_RE.findall(r)) for r in sorted(_phrase_rests().get(word, ())))


#: Byte table mapping every byte but ``a``-``z`` to a space.
_NON_LOWER_TO_SPACE = bytes(b if 97 <= b <= 122 else 32 for b in range(256))

_LOOKUP_WORDS: dict[int, tuple[dict, frozenset[str], frozenset[str], frozenset[str]]] = {}


def _lookup_words(first: dict) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words :func:`cue_spans` looks for (the cue words of ``first`` and the words of the rest
    of their phrases, see :func:`_phrase_keys`), the cue words alone, and those of them that start
    no phrase and are plain letters a-z (matched with :data:`_LONE_WORD_RE`), as sets (intersecting
    two sets costs the smaller one; intersecting a set with the dict ``first`` would walk the
    dict). Computed once per ``first``."""
    hit = _LOOKUP_WORDS.get(id(first))
    if hit is None or hit[0] is not first:
        words = set(first)
        for w in first:
            for key in _phrase_keys(w) or ():
                words |= key
        rests = _phrase_rests()
        lone = frozenset(w for w in first if w not in rests and w.isascii() and w.isalpha() and w.islower())
        hit = _LOOKUP_WORDS[id(first)] = (first, frozenset(words), frozenset(first), lone)
    return hit[1], hit[2], hit[3]


def cue_spans(text: str, first: dict) -> list[tuple[int, int]]:
    """Sorted (start, end) of the cue phrases of the packaged list in ``text``.

    One C-level pass finds the distinct words of the text; only the cue
    words among them (usually a dozen) are then searched for: those starting
    no phrase all in one walk along the text (:func:`_lone_runs_spans`), the
    others each with one pattern holding all phrases it starts, so ordinary
    words cost no Python work at all.
    """
    low = text.lower()
    out: list[tuple[int, int]] = []
    if len(low) != len(text):  # a few characters change length when lower-cased: match word by word
        for m in _WORD_SCAN_RE.finditer(text):
            w = m.group().lower()
            if w in first:
                for pat in first[w]:
                    mm = pat.match(text, m.start())
                    if mm is not None:
                        out.append((mm.start(), mm.end()))
                        break
        return out
    # the letter runs of ``low`` (``_LOW_WORD_RE.findall``): every byte but a-z becomes a space
    # (non-ASCII characters are bytes >= 0x80 in UTF-8), then one C-level split; of these only
    # the few words of the cue phrases are kept (probing a fixed set is cheaper than building one)
    runs = low.encode().translate(_NON_LOWER_TO_SPACE).decode("ascii").split()
    lookup, cue_words, lone = _lookup_words(first)
    words = lookup.intersection(runs)
    present = words & cue_words
    lone_here = present & lone
    if lone_here:  # all their places in one walk along the text, not one str.find scan per word
        out.extend(_lone_runs_spans(low, [r for r in runs if r in lone_here]))
    find = low.find
    for w in present - lone_here:
        keys = _phrase_keys(w)
        if keys is not None and not any(k <= words for k in keys):
            continue  # "is", "a": none of the phrases they start ("is shared by") can occur here
        if len(w) < 4:  # short words ("a", "the", "is") occur everywhere, also inside other words
            out.extend(m.span() for m in _phrase_re(w).finditer(low))
            continue
        # the same matches as ``_phrase_re(w).finditer(low)``: a match can only start where the
        # word occurs, and str.find jumps there faster than the regex engine's scan
        match = _phrase_re(w).match
        i = find(w)
        while i >= 0:
            m = match(low, i)
            if m is None:
                i = find(w, i + 1)
            else:
                out.append(m.span())
                i = find(w, m.end())
    out.sort()
    return out


def _lone_runs_spans(low: str, seq: list[str]) -> list[tuple[int, int]]:
    """``sorted(m.span() for w in set(seq) for m in _phrase_re(w).finditer(low))`` for cue words of
    letters a-z that start no phrase: each place where the letter run :data:`_LONE_WORD_RE` matches
    is exactly the word. ``seq`` lists the letter runs of ``low`` (its maximal runs of a-z) that are
    such words, in text order, so each is found by one str.find from where the one before it ended
    (skipping only places inside a longer run): the walk reads the text once for all the words,
    not once per word."""
    out = []
    n_low = len(low)
    find, match = low.find, _LONE_WORD_RE.match
    pos = 0
    for w in seq:
        n = len(w)
        i = find(w, pos)
        while (i > 0 and "a" <= low[i - 1] <= "z") or (i + n < n_low and "a" <= low[i + n] <= "z"):
            i = find(w, i + 1)  # inside a longer run ("unsaid", "saidx")
        m = match(low, i)
        if m is not None and m.end() == i + n:
            out.append((i, i + n))
        pos = i + n
    return out


#: The participle endings :func:`is_passive` looks at.
_PASSIVE_ENDS = ("ed", "found", "told", "shown", "thought", "felt", "said")
#: A be/get form right before a participle makes it passive ("was found", "got called").
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|was|are|were|be|been|being|get|gets|got|getting|gotten)\s+(?:\w+ly\s+)?$", re.I)
#: A photo caption opening its sentence ("This image released by ...", "In this photo, ...").
_CAPTION_RE = re.compile(r"[\s\"“(]*(?:in\s+)?(?:this|these|the|a|an)\s+(?:\w+\s+){0,2}?(?:image|images|photo|photos|"
                         r"photograph|picture|pictures|screenshot|screengrab|still|handout)\b", re.I)
#: A link line's label opening its paragraph ("READ MORE:", "RELATED:", "WATCH:").
_LINK_LABEL_RE = re.compile(r"[\s\"“(]*(?:READ MORE|RELATED|WATCH|LISTEN|SEE ALSO|MORE|CLICK HERE|VIDEO)\b\s*:", re.I)


def is_passive(text: str, a: int, form: str) -> bool:
    """Is the one-word participle cue at ``a`` passive ("was found guilty", "is expected to")?

    Multi-word passive cues of the list ("was stated") are attributions by
    their frame and are not looked at.
    """
    if " " in form or not form.lower().endswith(_PASSIVE_ENDS):
        return False
    return _PASSIVE_BEFORE_RE.search(text, max(0, a - 30), a) is not None


def in_caption(text: str, s0: int) -> bool:
    """Does the sentence starting at ``s0`` open as a photo caption?"""
    return _CAPTION_RE.match(text, s0, s0 + 80) is not None


def in_link_line(doc: Doc, a: int) -> bool:
    """Is ``a`` in a paragraph opening with a link label ("READ MORE: ...")?"""
    ps = doc.para_starts[para_of(doc, a)] if doc.para_starts else 0
    return _LINK_LABEL_RE.match(doc.text, ps, ps + 40) is not None


@lru_cache(maxsize=4096)
def _cue_entry(form: str) -> tuple[str, str, str, bool, bool]:
    """What :func:`find_cues` needs of a cue form (lower case, one space between words): lemma,
    stance, frame, whether a determiner before it makes it a noun (every frame but nominal,
    according and passive) and whether a be/get form before it makes it a non-speech passive."""
    lemma, stance, frame = lexicon().cues.get(form, ("", "neutral", "speech"))
    noun_test = frame not in ("nominal", "according", "passive")
    passive_test = (lemma == "call" or needs_clause(lemma)) and " " not in form and form.endswith(_PASSIVE_ENDS)
    return lemma, stance, frame, noun_test, passive_test


def _in_parentheses(text: str, lo: int, a: int) -> bool:
    """Does ``text[lo:a]`` open more parentheses than it closes (counted without slicing)?"""
    return text.find("(", lo, a) >= 0 and text.count("(", lo, a) > text.count(")", lo, a)


def find_cues(doc: Doc) -> list[Cue]:
    """The reporting cues of ``doc`` in text order (see the module docstring for what is left out)."""
    text = doc.text
    lex = lexicon()
    cues: list[Cue] = []
    skipped: dict[int, bool] = {}
    last_end = -1
    seg_starts, segs = doc.seg_starts, doc.segs
    dq_starts, dquotes = doc.dq_starts, doc.dquotes
    for a, b in cue_spans(text, lex.cue_first):
        if a < last_end:
            continue  # inside a longer cue phrase already found
        last_end = b
        surface = text[a:b]
        form = surface.lower()
        if not form.isalpha():  # a phrase: one space between its words
            form = _WS_RE.sub(" ", form)
        lemma, stance, frame, noun_test, passive_test = _cue_entry(form)
        if noun_test and _noun_before(text, a):
            continue  # "Trump's call for", "the claims": a noun, not a reporting verb
        qi = bisect_right(dq_starts, a) - 1  # :func:`inside`: the quote holding the cue, if any
        if qi >= 0 and b <= dquotes[qi].end:
            continue  # speech inside a direct quote is not an outer attribution
        seg = max(bisect_right(seg_starts, a) - 1, 0)  # :func:`seg_of`
        s0 = segs[seg][0] if segs else 0
        if _negated(text[max(s0, a - 40):a]):
            continue
        if _in_parentheses(text, max(s0, a - 200), a):
            continue  # inside parentheses
        # capitalised cue word in the middle of a sentence is a name ("Press TV", "Hope")
        if surface[:1].isupper() and a > s0 and not text[a - 2:a].strip() in ("", '"', "“", "‘", ":"):
            if not _OPENERS_ONLY_RE.match(text[s0:a]):
                continue
        if passive_test and _PASSIVE_BEFORE_RE.search(text, max(0, a - 30), a) is not None:
            continue  # :func:`is_passive`
        skip = skipped.get(s0)
        if skip is None:  # one look per segment: its sentence is a caption or a link line
            skip = skipped[s0] = in_caption(text, s0) or in_link_line(doc, s0)
        if skip:
            continue
        cues.append(Cue(a, b, surface, lemma, stance, frame, seg))
    return cues
