"""Rule-based attribution finder: cues, speakers and reported content.

Works on one text in one pass over its sentences. Every window it looks at
is bounded (a sentence, at most a few hundred characters around a cue), so
the whole run is linear in the length of the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import Span, paragraph_spans, sentence_spans
from ._quotes_data import lexicon
from ._quotes_marks import QuoteSpan, find_quotes

__all__ = ["RawQuote", "find_attributions"]

#: Word-ish tokens: abbreviations with dots (U.S.), words with inner
#: hyphens/apostrophes and a possessive ending, or one punctuation char.
_TOK_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*(?:['’]s\b|s['’](?!\w))?|[^\w\s]")

_AUX = frozenset(
    """has have had also however reportedly once again earlier later previously repeatedly recently then now
    further publicly privately even would will could did does do is was were are be been being often
    still already just initially quickly frequently separately similarly likewise specifically
    explicitly openly allegedly apparently has later first last simply flatly angrily bluntly firmly
    strongly clearly directly immediately only subsequently yet too""".split()
)
_PRONOUNS = frozenset("he she they it we i him her them you".split())
_DETS = frozenset("the a an his her their its our several some two three many other most these those both".split())
_MODS = frozenset(
    """senior unidentified unnamed anonymous top former deputy vice foreign defence defense state state-run
    affairs policy security military diplomatic chief general press interior finance economy trade
    justice health energy national federal regional local foreign-affairs assistant acting executive
    independent leading prominent retired current new some other white house presumptive presidential
    republican democratic conservative liberal progressive longtime veteran outspoken fellow close one-time
    recent latest just-released separate internal statewide nationwide private public online republican-led
    democratic-led gop top-ranking high-ranking senior-level then-""".split()
)
_CONNECT = frozenset(["of", "for", "and", "at", "the", "de", "von", "van", "al", "bin"])
_FUNC_CAPS = frozenset(
    """in on at however but and thus meanwhile recall as after before when while if although though
    because since so yet then also still for with by from to of this that these those it there here
    today yesterday tomorrow speaking responding asked according earlier later now moreover furthermore
    instead indeed still besides nevertheless rather overall finally first second last next despite
    under over during between among amid against without within through across toward towards upon
    about above below what who why how where which whether not no yes mr mrs ms dr""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)
_TITLE_ABBR = frozenset("mr mrs ms dr prof gen sen rep gov lt col maj capt sgt st".split())
_NEG_RE = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno|short\s+of|declined\s+to|refused\s+to|without|\bnor)\s+(?:\w+\s+){0,1}$", re.I)
#: How the negations of :data:`_NEG_RE` end (lower case), for the shortcut in :func:`_negated`.
_NEG_ENDS = ("not", "n't", "never", "no", "nor", "without", "of", "to")
_THAT_RE = re.compile(r"\bthat\b")
_ING_PARTICIPIAL = re.compile(r"ing$")
_CONNECTIVE_RE = re.compile(
    r"^(?:\s*(?:however|thus|meanwhile|moreover|still|also|and|but|so|yet|recall that|at the same time|"
    r"in addition|furthermore|earlier|later|now|then|instead|indeed|therefore|for example)\b\s*,?)+\s*",
    re.I,
)
_WORD_SCAN_RE = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w'’-]\w)")
_CAPS_NP_RE = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*(?:\s+(?:news|agency|ministry|government))?")
_APPOS_START = frozenset(
    "a an the who which former head chief director founder author professor president spokesman spokeswoman".split()
)


@dataclass(slots=True)
class RawQuote:
    """One attribution before speaker resolution."""

    kind: str
    start: int
    end: int
    cue: str
    cue_start: int | None
    cue_end: int | None
    stance: str
    mention: tuple[int, int] | None  # offsets of the speaker mention
    appos: str = ""  # appositive text describing the speaker
    inherit: "RawQuote | None" = None  # row whose speaker this row shares
    para: int = 0
    quoted: bool = False  # content is (or contains) a direct quote
    unattributed: bool = False
    sentence: int = 0
    hidden: bool = False


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    form: str
    lemma: str
    stance: str
    frame: str
    seg: int
    nested: bool = False


@dataclass
class _Doc:
    text: str
    segs: list[tuple[int, int]]
    seg_starts: list[int]
    para_starts: list[int]
    para_ends: list[int]
    dquotes: list[QuoteSpan]
    squotes: list[QuoteSpan]
    dq_starts: list[int] = field(default_factory=list)
    #: Token lists by window ``(a, b)``: several rules look at the same cue's left or right
    #: window (one in six windows repeats), and the lists are only read, never changed.
    windows: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    #: Results of :func:`_np_left` by ``(lo, pos, allow_comma)``: the fallback pass asks again
    #: for the subjects the rules for verbs already looked up.
    left_nps: dict[tuple[int, int, bool], tuple[int, int, str] | None] = field(default_factory=dict)
    #: The longest window tokenized from each start ``a``: ``(b, tokens)``.
    longest: dict[int, tuple[int, list[tuple[int, int, str]]]] = field(default_factory=dict)

    def tokens(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """:func:`_tokens` of ``text[a:b]``, computed once per window.

        The subjects of the cues of one sentence are looked for in windows
        from the sentence start to each cue. Where a window ends at white
        space no token crosses its end, so the tokens of a longer window from
        the same start are the shorter window's tokens plus those of the rest.
        """
        hit = self.windows.get((a, b))
        if hit is None:
            text = self.text
            prev = self.longest.get(a)
            if prev is not None and prev[0] < b and _clean_cut(text, prev[0]):
                hit = prev[1] + _tokens(text, prev[0], b)
            elif prev is not None and b < prev[0] and _clean_cut(text, b):
                hit = prev[1][:bisect_left(prev[1], (b,))]
            else:
                hit = _tokens(text, a, b)
            self.windows[(a, b)] = hit
            if prev is None or prev[0] < b:
                self.longest[a] = (b, hit)
        return hit


def _clean_cut(text: str, p: int) -> bool:
    """Is there white space on either side of ``p`` (0 < p)? Then no token crosses ``p``, and
    no token rule looks across it, so tokenizing up to ``p`` and on from ``p`` gives the same
    tokens as one pass."""
    return p >= len(text) or text[p].isspace() or text[p - 1].isspace()


#: :data:`_TOK_RE` with the white space before each token as a group: only white space lies
#: between two tokens (every other character starts one), so :func:`_tokens` gets all
#: offsets from the lengths of the strings ``findall`` returns, with no match objects.
_WS_TOK_RE = re.compile(r"(\s*)(" + _TOK_RE.pattern + ")")


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, token) of the tokens in ``text[a:b]`` (as ``_TOK_RE.finditer(text, a, b)``)."""
    out = []
    p = a
    for ws, tok in _WS_TOK_RE.findall(text, a, b):
        p += len(ws)
        e = p + len(tok)
        out.append((p, e, tok))
        p = e
    return out


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and False)


def _strip_possessive(low: str) -> str:
    """``"trump's"`` -> ``"trump"``, ``"voters'"`` -> ``"voters"`` (string operations, no regex)."""
    if low.endswith(("'s", "’s")):
        return low[:-2]
    if low.endswith(("'", "’")):
        return low[:-1]
    return low


def _np_word(tok: str, lex_roles: dict) -> str:
    """Classify a token for noun-phrase scanning: 'cap', 'role', 'mod', 'det', 'conn', 'poss', ''."""
    low = tok.lower()
    base = _strip_possessive(low)
    if tok[:1].isupper():
        if low in _FUNC_CAPS or low in _TIME_WORDS:
            if low == "the":
                return "det"
            return ""
        return "cap"
    if base in lex_roles:
        return "role"
    if low in _MODS or base in _MODS:
        return "mod"
    if low in _DETS:
        return "det"
    if low in _CONNECT:
        return "conn"
    return ""


@lru_cache(maxsize=16384)
def _np_class(tok: str) -> str:
    """:func:`_np_word` with the packaged role words, cached: the same names, titles and
    function words come back before cue after cue (four in five calls repeat a token)."""
    return _np_word(tok, lexicon().roles)


def _abbrev_dot(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Is ``toks[k]`` the dot of an abbreviation or initial ("Mr.", "R.", "Jr.")?"""
    if toks[k][2] != "." or k == 0:
        return False
    prev = toks[k - 1]
    if prev[1] != toks[k][0]:
        return False
    w = prev[2]
    return w.lower() in _TITLE_ABBR or (len(w) == 1 and w.isupper()) or w in ("Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "St")


_UNSET = object()


def _np_left(doc: _Doc, lo: int, pos: int, roles: dict, allow_comma: bool = True) -> tuple[int, int, str] | None:
    """Noun phrase ending just before ``pos`` (skipping auxiliaries and adverbs).

    Returns (start, end, appositive) or None; computed once per document and arguments.
    """
    key = (lo, pos, allow_comma)
    res = doc.left_nps.get(key, _UNSET)
    if res is _UNSET:
        res = doc.left_nps[key] = _find_np_left(doc, lo, pos, roles, allow_comma)
    return res


def _find_np_left(doc: _Doc, lo: int, pos: int, roles: dict, allow_comma: bool) -> tuple[int, int, str] | None:
    """:func:`_np_left`, computed."""
    text = doc.text
    toks = doc.tokens(max(lo, pos - 220), pos)
    np_word = _np_class if roles is lexicon().roles else lambda t: _np_word(t, roles)
    j = len(toks) - 1
    while j >= 0 and toks[j][2].lower() in _AUX:
        j -= 1
    while (j >= 0 and toks[j][2].lower().endswith("ly") and toks[j][2].islower() and len(toks[j][2]) > 4
           and toks[j][2] not in _LY_NOUNS):
        j -= 1  # adverb: "openly", "reportedly"
        while j >= 0 and toks[j][2].lower() in _AUX:
            j -= 1
    j = _skip_left_adjuncts(toks, j)
    if j < 0:
        return None
    appos = ""
    if toks[j][2] == "," and allow_comma:
        # "X, who spoke to reporters, said" / "X, an expert at Y, said"
        k = j - 1
        while k >= 0 and (toks[k][2] not in {",", "(", ";", ":", ".", '"', "“", "”"} or _abbrev_dot(toks, k)):
            k -= 1
        if k >= 0 and toks[k][2] == "," and j - k <= 30:
            inner = toks[k + 1:j]
            if inner:
                appos = text[inner[0][0]:inner[-1][1]]
            res = _np_left(doc, lo, toks[k][0], roles, allow_comma=False)
            if res is not None:
                return res[0], res[1], appos
        return None
    tok = toks[j][2]
    if tok.lower() in _PRONOUNS:
        return toks[j][0], toks[j][1], ""
    if tok.lower() == "who" and allow_comma:
        # "Mr. Ekovich, who noted that ...", "voters who said ...": the antecedent
        k = j - 1
        if k >= 0 and toks[k][2] == ",":
            k -= 1
        if k >= 0:
            res = _np_left(doc, lo, toks[k][1], roles, allow_comma=False)
            if res is not None:
                return res
        return toks[j][0], toks[j][1], ""
    end = toks[j][1]
    start = None
    head_ok = False
    k = j
    while k >= 0:
        t = toks[k][2]
        if t == "." and k > 0 and toks[k - 1][2].lower() in _TITLE_ABBR:
            start = toks[k - 1][0]  # "Mr. Brown": the title belongs to the name
            k -= 2
            continue
        cls = np_word(t)
        if k == j:
            if cls not in ("cap", "role"):
                return _common_np_left(text, toks, j, roles)
            head_ok = True
        if cls == "":
            break
        if cls == "det":
            start = toks[k][0]
            prev = toks[k - 1][2].lower() if k > 0 else ""
            if prev in ("of", "for", "at") or (prev == "and" and t.lower() in ("his", "her", "their", "its")):
                k -= 1
                continue
            k -= 1
            break
        start = toks[k][0]
        k -= 1
    if start is None or not head_ok:
        return None
    if toks[j][2].islower():
        # "the congressional report": lower-case modifiers before a role word
        ext = _common_np_left(text, toks, j, roles)
        if ext is not None and ext[0] < start:
            start = ext[0]
    # do not start on a connector (the tokens of the phrase are already in ``toks``)
    k = bisect_left(toks, (start,))
    while k < len(toks) and toks[k][0] < end and toks[k][2].lower() in ("of", "for", "and", "at"):
        k += 1
    if k >= len(toks) or toks[k][0] >= end:
        return None
    return toks[k][0], end, appos


_PERIOD_WORDS = frozenset("week month year night weekend morning afternoon evening summer spring fall winter".split())
_NOT_HEAD = frozenset(
    """a an the this that these those it its his her their our my your and or but nor so yet if then than as
    because while when whether although though since until unless after before where which who whom whose what
    how why there here not no also only just even still to of in on at by for with from into onto about over
    under between among through during against without within upon out up down off is was were are be been being
    am has have had do does did would will could should can may might must shall very much more most less least
    many few some any all each every both either neither other another such same own one ones something nothing
    anything everything someone anyone everyone nobody somebody anybody everybody however therefore thus
    instead rather meanwhile moreover again ever never always often sometimes usually already yet too well
    whatever whoever whichever none way time times people thing things lot""".split()
)
#: Words that may open the clause a common-noun subject starts ("While some friends say ...").
_CLAUSE_OPENERS = frozenset(
    """and but or while whereas because since as although though if when after before so yet that where
    meanwhile however also still now then instead with even""".split()
)


_LY_NOUNS = frozenset("rally ally family assembly supply reply anomaly monopoly italy july".split())


def _skip_left_adjuncts(toks: list[tuple[int, int, str]], j: int) -> int:
    """Step left over a parenthesis and time adverbials between a subject and its verb.

    "Dianne Feinstein (D-Calif.) last week said", "Trump on Tuesday said".
    """
    for _ in range(4):
        if j < 0:
            return j
        t = toks[j][2]
        low = t.lower()
        if t == ")":
            k = j - 1
            while k >= 0 and j - k <= 12 and toks[k][2] not in "()":
                k -= 1
            if k >= 0 and toks[k][2] == "(":
                j = k - 1
                continue
            return j
        if low in _PERIOD_WORDS and j > 0 and toks[j - 1][2].lower() in ("last", "this", "that", "earlier", "later"):
            j -= 2
            continue
        if low in _TIME_WORDS and t[:1].isupper():
            j -= 2 if j > 0 and toks[j - 1][2].lower() in ("on", "last", "this") else 1
            continue
        if low in ("earlier", "later", "previously", "recently", "today", "yesterday", "tonight"):
            j -= 1
            continue
        break
    return j


def _common_np_left(text: str, toks: list[tuple[int, int, str]], j: int, roles: dict) -> tuple[int, int, str] | None:
    """A subject headed by a common noun: "the congressional report", "22 percent", "others".

    Accepted only when the noun phrase opens its clause (after the start of
    the sentence, a punctuation mark or a conjunction), which keeps objects
    and prepositional phrases out.
    """
    head = toks[j][2]
    low = head.lower()
    if not (head.isalpha() and head.islower()) or low in _NOT_HEAD or low in _AUX or len(head) < 3:
        return None
    if (low.endswith("ly") and low not in _LY_NOUNS) or (low.endswith("ed") and not low.endswith("eed")) or low.endswith("ing"):
        return None
    k = j - 1
    start = toks[j][0]
    n = 0
    while k >= 0 and n < 5:
        t = toks[k][2]
        tl = t.lower()
        if tl in _DETS or tl in ("some", "many", "most", "few", "several", "other", "all", "both"):
            start = toks[k][0]
            k -= 1
            break
        if t.isdigit() or (t.replace("-", "").isalpha() and tl not in _NOT_HEAD and tl not in _AUX) or tl.endswith(("'s", "’s")):
            start = toks[k][0]
            k -= 1
            n += 1
            continue
        break
    prev = toks[k][2] if k >= 0 else ""
    if prev.lower() in ("of", "for", "at") and k > 0:
        # "the organizer of a pro-Trump rally": the phrase before "of" must open the clause
        outer = _common_np_left(text, toks, k - 1, roles) if toks[k - 1][2].islower() else None
        if outer is None and _np_word(toks[k - 1][2], roles) in ("cap", "role"):
            return None
        return (outer[0], toks[j][1], "") if outer is not None else None
    if k >= 0 and prev not in (",", ";", ":", "(", "—", "–", '"', "“", "‘", "-") and prev.lower() not in _CLAUSE_OPENERS:
        return None
    return start, toks[j][1], ""


def _np_right(doc: _Doc, pos: int, hi: int, roles: dict) -> tuple[int, int] | None:
    """Noun phrase starting right after ``pos`` (for "said Trump", "according to X")."""
    text = doc.text
    toks = doc.tokens(pos, min(hi, pos + 300))
    if not toks:
        return None
    t0 = toks[0][2]
    if t0.lower() in _PRONOUNS:
        return toks[0][0], toks[0][1]
    start = toks[0][0]
    end = None
    k = 0
    seen_det = False
    while k < len(toks):
        t = toks[k][2]
        if t == "." and k > 0 and toks[k - 1][2].lower() in _TITLE_ABBR:
            k += 1
            continue
        if t.lower() in _TITLE_ABBR and k + 1 < len(toks) and toks[k + 1][2] == "." and toks[k + 1][0] == toks[k][1]:
            k += 1  # "Ms." before a name
            continue
        cls = _np_word(t, roles)
        if cls == "det" and (k == 0 or (k > 0 and toks[k - 1][2].lower() in ("of", "for", "at"))):
            seen_det = True
            k += 1
            continue
        if cls in ("cap", "role", "mod"):
            if cls != "mod":
                end = toks[k][1]
            k += 1
            continue
        if cls == "conn" and end is not None and k + 1 < len(toks) and _np_word(toks[k + 1][2], roles) in ("cap", "role", "det", "mod"):
            k += 1
            continue
        break
    if end is None:
        return None
    return start, end


_LOOSE_STOP = frozenset("who which that whose where when while and but because as if to , . ; : ( ) — – \" “ ”".split())


def _loose_np_right(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """Any short phrase after ``pos`` up to punctuation or a relative word ("exit polls", "the results")."""
    toks = _tokens(text, pos, min(hi, pos + 160))
    end = None
    for n, (a, b, t) in enumerate(toks):
        if n >= 10 or t.lower() in _LOOSE_STOP or not (t[:1].isalnum() or t in ("'s", "’s", "&", "-")):
            break
        end = b
    if end is None or not toks:
        return None
    return toks[0][0], end


_ADVERBIAL_START = frozenset(
    """in on at during to after before last this earlier later while when again also publicly privately
    recently repeatedly once today yesterday tonight then now afterward afterwards later over through via
    from with""".split()
)
_OBJECT_CUES = frozenset(
    """tell assure remind warn inform convince persuade promise show teach caution advise notify brief
    reassure ask""".split()
)


_INVERSION_END_RE = re.compile(r"\s*(?:[.!?;:\"”’)]|,|—|–|\s*$|\s+(?:on|in|at|during|last|this|earlier|late|yesterday|today|"
                               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|after|before|when|while|as)\b)")
_TIME_AFTER_CUE_RE = re.compile(
    r"\s+(?:(?:on|last|this|early|late|earlier)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|(?:last|this)\s+(?:week|month|year|weekend)|recently|earlier|later|again|also|repeatedly|publicly|"
    r"privately|previously)\b(?:\s+(?:morning|afternoon|evening|night))?,?(?=\s)",
    re.I,
)
_FINITE_RE = re.compile(r"\b(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b")


def _that_reachable(between: str, lemma: str) -> bool:
    """May the content skip ``between`` (cue ... that)? Adverbials and objects of *tell*-verbs only.

    "said in a statement that" and "told reporters that" yes; "said he saw
    no evidence that" no (the content starts right after the cue).
    """
    words = between.split()
    if not words:
        return True
    if _FINITE_RE.search(between):
        return False  # "said Thursday his biggest worry is that ...": the content starts before "that"
    first = words[0].lower().strip(",")
    if first in _ADVERBIAL_START or first in _TIME_WORDS or (first.endswith("ly") and len(first) > 4):
        return True
    return lemma in _OBJECT_CUES and len(words) <= 4


def _seg_of(doc: _Doc, pos: int) -> int:
    return max(bisect_right(doc.seg_starts, pos) - 1, 0)


def _para_of(doc: _Doc, pos: int) -> int:
    return max(bisect_right(doc.para_starts, pos) - 1, 0)


def _inside(spans_starts: list[int], spans: list[QuoteSpan], a: int, b: int) -> QuoteSpan | None:
    """The quote whose inner span contains [a, b)."""
    i = bisect_right(spans_starts, a) - 1
    # quotes do not overlap each other, so the candidate is the last one starting before a
    if i >= 0:
        q = spans[i]
        if q.start <= a and b <= q.end:
            return q
    return None


def _strip_span(text: str, a: int, b: int, chars: str = " \t\n\r\u00a0") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


_TAIL_RE = re.compile(
    r"^[\s,]*(?:(?:last|this|on|earlier|late)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|week|month|year|night|morning|afternoon|evening|weekend|recently|earlier|later|previously)\b\s*)?"
    r"(?:(?:in|at|on|during|to\s+(?:reporters|journalists|the\s+media|the\s+press|\w+\s+news)|with|after|before|while|from|via|through|"
    r"speaking|according|prior|following|ahead|when|as|but|and\s+(?:added|said)|,\s*[a-z]+ing)\b[^\"“”«»:;]*)?[.!?;,]?\s*$",
    re.I,
)


_THAT_WORD_RE = re.compile(r"\bthat\b")
#: An adjunct right after the cue: "said after meeting aides", "said of the plan", "said if elected".
_ADJUNCT_TAIL_RE = re.compile(
    r"^[\s,]*(?:after|about|of|if|to|for|under|over|upon|amid|despite|before|during|in|at|on|from|with|without|"
    r"via|through|outside|inside|near|while|when|as|since|until|afterward|afterwards|later|earlier)\b[^\"“”«»:;]*$",
    re.I,
)


def _n_words(s: str, cap: int) -> int:
    """``min(len(s.split()), cap)``, without splitting all of a long ``s``."""
    return len(s.split(None, cap - 1))


def _is_tail(s: str) -> bool:
    """True when ``s`` (text after a cue) holds no reported content."""
    if "that" in s and _THAT_WORD_RE.search(s):
        return False
    if _n_words(s, 13) <= 12 and _TAIL_RE.match(s) is not None:
        return True
    return False


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


def _segment_doc(text: str, paragraphs: list[Span] | None, sentences: list[Span] | None) -> _Doc:
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
    doc = _Doc(text, segs, [s[0] for s in segs], para_starts, para_ends, dq, sq)
    doc.dq_starts = [q.start for q in dq]
    return doc


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


_WS_RE = re.compile(r"\s+")
_PREV_WORD_RE = re.compile(r"([\w'’]+)\s+$")
#: :data:`_PREV_WORD_RE`'s word within the last word of the window (see :func:`_noun_before`).
_WORD_TAIL_RE = re.compile(r"[\w'’]+$")
#: Words before a cue word that make it a noun ("the claims", "a call for", "his comments").
_NOUN_DETS = frozenset("the a an his her their its our my your this these those whose".split())


def _noun_before(text: str, a: int) -> bool:
    """Does the word before ``a`` make the cue there a noun ("the claims", "Trump's call")?

    The word is ``_PREV_WORD_RE``'s in the 30 characters before ``a``; a
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


def _negated(before: str) -> bool:
    """``_NEG_RE.search(before)``, skipped when ``before`` holds none of its words.

    Every match holds "no" (not, no, nor), "n't", "never", "short", "declined",
    "refused" or "without", in any case.
    """
    if not before[-1:].isspace():
        return False  # every match ends with white space
    if before.isascii():  # non-ASCII text may hold "n’t" or case variants such as "ſ": no shortcut
        low = before.lower()
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


@lru_cache(maxsize=2048)
def _phrase_re(word: str) -> re.Pattern[str]:
    """All cue phrases starting with ``word``, as one pattern over lower-cased text.

    The literal word comes first so the engine searches for it quickly; the
    word boundary before it is checked by a look-behind.
    """
    cues = lexicon().cues
    rests = sorted({f.split(None, 1)[1] for f in cues if " " in f and f.split(None, 1)[0] == word}, key=len, reverse=True)
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
    cues = lexicon().cues
    if word in cues:
        return None
    rests = {f.split(None, 1)[1] for f in cues if " " in f and f.split(None, 1)[0] == word}
    return tuple(frozenset(_LOW_WORD_RE.findall(r)) for r in sorted(rests))


#: Byte table mapping every byte but ``a``-``z`` to a space.
_NON_LOWER_TO_SPACE = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_LOOKUP_WORDS: dict[int, tuple[dict, frozenset[str]]] = {}


def _lookup_words(first: dict) -> frozenset[str]:
    """The words :func:`_cue_spans` looks for: the cue words of ``first`` and the words of
    the rest of their phrases (see :func:`_phrase_keys`). Computed once per ``first``."""
    hit = _LOOKUP_WORDS.get(id(first))
    if hit is None or hit[0] is not first:
        words = set(first)
        for w in first:
            for key in _phrase_keys(w) or ():
                words |= key
        hit = _LOOKUP_WORDS[id(first)] = (first, frozenset(words))
    return hit[1]


def _cue_spans(text: str, first: dict) -> list[tuple[int, int]]:
    """Sorted (start, end) of the cue phrases of the packaged list in ``text``.

    One C-level pass finds the distinct words of the text; only the cue
    words among them (usually a dozen) are then searched for, each with one
    pattern holding all phrases it starts, so ordinary words cost no Python
    work at all.
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
    words = _lookup_words(first).intersection(runs)
    present = words.intersection(first)
    find = low.find
    for w in present:
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


#: A speaker label opening a paragraph ("Matthews:", "Dr. Ben Carson:", "NY Daily News:").
_LABEL_RE = re.compile(
    r"((?:[A-Z][\w'’.-]*)(?:[ \t]+(?:[A-Z][\w'’.-]*|of|the|on|for|and|de|van|von|al|bin)){0,5}):[ \t]+(?=[\"“‘'A-Z0-9])"
)
#: Paragraph-final speaker of a headline ("... poses threat to NATO: US").
_TAIL_LABEL_RE = re.compile(r":[ \t]+((?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){0,3})[.!]?$")
#: First words of labels that never name a speaker.
_NOT_LABELS = frozenset(
    """update updated note editor editor's related photo photos video videos watch read source sources credit
    correction clarification disclosure advertisement image images caption listen subscribe follow email contact
    topics tags share also see warning spoiler live breaking exclusive filed file posted published story
    previously bottom top more click sign join download get the a an this that these those it why how what when
    where who here there but and or so now today yesterday tonight in on at by for from to with after before
    day week part chapter step question answer q a summary background context bio location date time
    """.split()
)


def _label_colon(text: str, ps: int, pe: int) -> tuple[tuple[int, int], int, tuple[int, int]] | None:
    """A colon attribution in the paragraph ``text[ps:pe]``: (speaker span, colon offset, content span).

    "SPEAKER: CONTENT" (transcripts, headlines) or a one-line headline
    "CONTENT: SPEAKER". None when the paragraph has neither.
    """
    m = _LABEL_RE.match(text, ps, pe)
    if m is not None:
        label = m.group(1)
        first = label.split()[0].lower().rstrip(".")
        if first in _NOT_LABELS or first.replace("’", "'").rstrip("'s") in _NOT_LABELS:
            return None
        if label.isupper() and len(label) > 3 and " " not in label:
            return None  # "WASHINGTON:", "UPDATE:"
        a = m.end()
        b = pe
        while b > a and text[b - 1] in " \t\n":
            b -= 1
        if _n_words(text[a:b], 3) < 3:
            return None
        return (m.start(1), m.end(1)), m.end(1), (a, b)
    if pe - ps > 250 or "\n" in text[ps:pe]:
        return None
    m = _TAIL_LABEL_RE.search(text, ps, pe)
    if m is None or text[ps:m.start()].count(".") > 1:
        return None
    label = m.group(1)
    if label.split()[0].lower() in _NOT_LABELS:
        return None
    if _n_words(text[ps:m.start()], 4) < 4:
        return None
    return (m.start(1), m.end(1)), m.start(), (ps, m.start())


_FALLBACK_FRAMES = frozenset(("speech", "cognition", "directive", "accusation"))
_FALLBACK_MIN_WORDS = 3
_FALLBACK_NOT_OBJECT = frozenset([("insist", "on"), ("thank", "to"), ("thanks", "to")])
_LEAD_THAT_RE = re.compile(r"\s*,?\s*that\b")
#: Right-hand text that is no content: an anaphoric object ("said this, ...") or a preposition ("thanks to").
_FALLBACK_SKIP_RE = re.compile(r"\s*(?:(?:this|so|it|that|these|those)\s*[,.;:]|to\s+(?:the|a|an|his|her|their|its|these|this|that)\b)", re.I)

#: Patterns of :func:`find_attributions`, compiled once (it runs them for every cue).
_OPENERS_ONLY_RE = re.compile(r"[\"“‘(\s]*$")
_COMMA_END_RE = re.compile(r",\s*$")
_COMMA_OR_AND_END_RE = re.compile(r"(?:,|\band)\s*$")
_AND_END_RE = re.compile(r"\band\s*$")
_BY_RE = re.compile(r"\bby\b")
_COMMA_LEAD_RE = re.compile(r"\s*,\s*")
_SPACE_THAT_RE = re.compile(r"\s+that\b")
_POSSESSOR_END_RE = re.compile(r"((?:[A-Z][\w.-]*\s+)*(?:[A-Z][\w.-]*|\w+)(?:['’]s|s['’]))\s+(?:\w+\s+){0,2}$")
_DET_AFTER_RE = re.compile(r"\s+(?:the|a|an|one|another|two|three|\d+)\s", re.I)
_APPOS_AFTER_RE = re.compile(r"\s*,\s*([^,.;]{3,150})")
_OPT_THAT_RE = re.compile(r"\s*(?:that\b)?")
_AND_BUT_END_RE = re.compile(r"\b(?:and|but)\s+(?:(?:then|also|later|again|\w+ly)\s+)*$", re.I)
_QUOTE_OPEN_RE = re.compile(r"\s*[\"“«]")
_AS_END_RE = re.compile(r"(?:^|[\s,])as\s+$", re.I)
_COMMA_START_RE = re.compile(r"\s*,")
_THIS_SO_RE = re.compile(r"\s+(?:this|so)\b\s*[,.;]", re.I)
_ON_RE = re.compile(r"\s+on\b")
_QUOTE_OR_COLON_RE = re.compile(r"[\"“:]")
_THAT_OR_WORD_RE = re.compile(r"\s+(?:that\b|\w+)")
_COLON_CLOSE_RE = re.compile(r"^[^\"“«.;:]{0,80}:\s*$")
_UP_TO_THAT_RE = re.compile(r"^[^\"“«,;:]*?\bthat\b")
_UP_TO_COLON_RE = re.compile(r"^[^\"“«,;]{0,80}?:\s*")


def _and_but_end(left: str) -> bool:
    """``_AND_BUT_END_RE.search(left)``, skipped when ``left`` cannot match (no white space at its
    end, or no "and"/"but": no character but A-Z case-folds to one of their letters)."""
    if not left[-1:].isspace():
        return False
    low = left.lower()
    if "and" not in low and "but" not in low:
        return False
    return _AND_BUT_END_RE.search(left) is not None


def _as_end(head: str) -> re.Match[str] | None:
    """``_AS_END_RE.search(head)``, skipped unless ``head`` ends with "as" and white space."""
    if not head[-1:].isspace() or head.rstrip()[-2:] not in _AS_FORMS:
        return None
    return _AS_END_RE.search(head)


#: "as" in any case under ``re.I`` (the long s "ſ" folds to "s").
_AS_FORMS = frozenset(a + s for a in "aA" for s in "sSſ")


def find_attributions(
    text: str,
    paragraphs: list[Span] | None = None,
    sentences: list[Span] | None = None,
) -> tuple[list[RawQuote], _Doc]:
    """Find attributions in ``text`` (speakers not yet resolved).

    Offsets refer to ``text``; ASCII double marks (``''``) are read as
    ``"`` (see :func:`ascii_double_marks`).
    """
    text = ascii_double_marks(text)
    lex = lexicon()
    roles = lex.roles
    doc = _segment_doc(text, paragraphs, sentences)
    appos_words = _APPOS_START | roles.keys()
    sq_starts = [q.start for q in doc.squotes]

    # ---- cues --------------------------------------------------------
    cues: list[_Cue] = []
    first = lex.cue_first
    last_end = -1
    for a, b in _cue_spans(text, first):
        if a < last_end:
            continue  # inside a longer cue phrase already found
        last_end = b
        surface = text[a:b]
        form = surface.lower()
        if not form.isalpha():  # a phrase: one space between its words
            form = _WS_RE.sub(" ", form)
        lemma, stance, frame = lex.cues.get(form, ("", "neutral", "speech"))
        if frame not in ("nominal", "according", "passive") and _noun_before(text, a):
            continue  # "Trump's call for", "the claims": a noun, not a reporting verb
        if _inside(doc.dq_starts, doc.dquotes, a, b) is not None:
            continue  # speech inside a direct quote is not an outer attribution
        seg = _seg_of(doc, a)
        s0 = doc.segs[seg][0] if doc.segs else 0
        before = text[max(s0, a - 40):a]
        if _negated(before):
            continue
        # inside parentheses
        pre = text[max(s0, a - 200):a]
        if "(" in pre and pre.count("(") > pre.count(")"):
            continue
        # capitalised cue word in the middle of a sentence is a name ("Press TV", "Hope")
        if surface[:1].isupper() and a > s0 and not text[a - 2:a].strip() in ("", '"', "“", "‘", ":"):
            if not _OPENERS_ONLY_RE.match(text[s0:a]):
                continue
        cues.append(_Cue(a, b, surface, lemma, stance, frame, seg))

    rows: list[RawQuote] = []
    vetoed: set[int] = set()  # cues a rule rejected on purpose (no fallback row)
    used_dq: set[int] = set()
    dq_index = {id(q): i for i, q in enumerate(doc.dquotes)}
    last_in_seg: dict[int, int] = {}  # segment -> index of last row
    seg_cues: dict[int, list[int]] = {}
    prev_in_seg: list[int | None] = []  # the cue before each cue in its segment
    for ci, c in enumerate(cues):
        in_seg = seg_cues.setdefault(c.seg, [])
        prev_in_seg.append(in_seg[-1] if in_seg else None)
        in_seg.append(ci)

    dq_opens = [q.open for q in doc.dquotes]
    dq_ends = [q.outer_end for q in doc.dquotes]

    def last_quote_before(pos: int) -> QuoteSpan | None:
        i = bisect_right(dq_ends, pos) - 1
        return doc.dquotes[i] if i >= 0 else None

    def first_quote_after(pos: int) -> QuoteSpan | None:
        i = bisect_left(dq_opens, pos)
        return doc.dquotes[i] if i < len(doc.dquotes) else None

    sq_opens = [q.open for q in doc.squotes]

    def contains_any_quote(a: int, b: int) -> bool:
        i = bisect_left(dq_opens, a)
        if i < len(dq_opens) and dq_opens[i] < b:
            return True
        j = bisect_left(sq_opens, a)
        return j < len(sq_opens) and sq_opens[j] < b

    def content_end(c: _Cue, ci: int, a: int, seg_end: int) -> int:
        """End of content starting at a: segment end, or a later cue of the same speaker."""
        end = seg_end
        for cj in seg_cues.get(c.seg, []):
            if cj <= ci:
                continue
            d = cues[cj]
            if d.start < a:
                continue
            gap = text[max(a, d.start - 12):d.start]
            if d.form.lower().endswith("ing") and _COMMA_END_RE.search(gap):
                end = max(a, d.start - len(gap) + gap.rfind(",") + 1)
                break
            if _COMMA_OR_AND_END_RE.search(gap) and _AND_END_RE.search(gap):
                end = d.start - len(gap) + gap.rfind("and")
                break
            comma = text.rfind(",", a, d.start)
            if comma > a and d.start - comma < 80 and not _inside(doc.dq_starts, doc.dquotes, comma, comma + 1):
                # "While some friends worry about him, others say ...": a new clause with its own subject
                np_ = _np_left(doc, comma + 1, d.start, roles, allow_comma=False)
                if np_ is not None:
                    lead = text[comma + 1:np_[0]].strip().lower()
                    if lead == "" or lead in _CLAUSE_OPENERS:
                        end = comma
            break
        return end

    def add(row: RawQuote) -> int:
        a, b = _strip_span(text, row.start, row.end)
        if b <= a:
            return -1
        row.start, row.end = a, b
        row.para = _para_of(doc, a)
        row.sentence = _seg_of(doc, a)
        rows.append(row)
        return len(rows) - 1

    for ci, c in enumerate(cues):
        s0, s1 = doc.segs[c.seg]
        frame = c.frame
        lowform = c.form.lower()
        prev_ci = prev_in_seg[ci]
        # ---------------- passive: content is the previous sentence --------
        if frame == "passive":
            by = _BY_RE.search(text[c.end:s1]) if not lowform.endswith(" by") else None
            np_from = c.end if lowform.endswith(" by") else (c.end + by.end() if by else -1)
            if np_from < 0 or c.seg == 0:
                continue
            sp = _np_right(doc, np_from, s1, roles)
            if sp is None:
                continue
            ps0, ps1 = doc.segs[c.seg - 1]
            appos = text[sp[1]:s1].strip(" ,.")
            add(RawQuote("indirect", ps0, ps1, c.form, c.start, c.end, c.stance, sp, appos=appos,
                         quoted=contains_any_quote(ps0, ps1)))
            continue
        # ---------------- according to X -----------------------------------
        if frame == "according":
            if lowform != "according to":
                continue
            sp = _np_right(doc, c.end, s1, roles) or _loose_np_right(text, c.end, s1)
            if sp is None:
                continue
            head = text[s0:c.start]
            m_lead = _CONNECTIVE_RE.match(head)
            lead_empty = head.strip(" \t\n\"“") == "" or (m_lead is not None and m_lead.end() >= len(head.rstrip()))
            after = text[sp[1]:s1]
            appos = ""
            if lead_empty:
                # According to X[, appositive], CONTENT
                m = _COMMA_LEAD_RE.match(after)
                if not m:
                    continue
                a = sp[1] + m.end()
                rest = text[a:s1]
                toks = rest.split(None, 1)
                if toks and toks[0].lower().strip(",") in appos_words:
                    k = rest.find(",")
                    if 0 <= k < 200 and k < len(rest) - 3:
                        appos = rest[:k]
                        a = a + k + 1
                b = content_end(c, ci, a, s1)
                add(RawQuote("indirect", a, b, c.form, c.start, c.end, c.stance, sp, appos=appos,
                             quoted=contains_any_quote(a, b)))
            else:
                k = head.rstrip().rstrip(",")
                a = s0 + len(_CONNECTIVE_RE.match(head).group()) if _CONNECTIVE_RE.match(head) else s0
                b = s0 + len(k)
                if _n_words(text[a:b], 3) < 3:
                    continue
                appos = after.strip(" ,.")
                add(RawQuote("indirect", a, b, c.form, c.start, c.end, c.stance, sp, appos=appos,
                             quoted=contains_any_quote(a, b)))
            continue
        # ---------------- nominal: "X's statements that ..." -----------------
        if frame == "nominal":
            m_that = _SPACE_THAT_RE.match(text[c.end:s1])
            if not m_that:
                continue
            pre = text[max(s0, c.start - 120):c.start]
            m_pos = _POSSESSOR_END_RE.search(pre)
            if not m_pos:
                continue
            ps = c.start - len(pre) + m_pos.start(1)
            pe = c.start - len(pre) + m_pos.end(1)
            a = c.end + m_that.end()
            b = content_end(c, ci, a, s1)
            add(RawQuote("indirect", a, b, c.form, c.start, c.end, c.stance, (ps, pe),
                         quoted=contains_any_quote(a, b)))
            continue
        # ---------------- verbs -----------------------------------------------
        is_ing = lowform.endswith("ing")
        left_raw = text[s0:c.start]
        left_strip = left_raw.rstrip()
        # quoted cue word: Canada 'concerned' about ...
        q_single = _inside(sq_starts, doc.squotes, c.start, c.end)
        # 1. a direct quote right before the attribution
        q = last_quote_before(c.start + 1)
        speaker = None
        inverted = False
        gap_ok = False
        if q is not None:
            gap = text[q.outer_end:c.start]
            qs0 = s0
            if (q.open < s0 <= c.start and q.outer_end <= s0 and text[q.outer_end:s0].strip() == ""
                    and text[s0:c.start].strip() and _is_tail(text[c.end:s1])):
                qs0 = doc.segs[_seg_of(doc, q.open)][0]  # "“...?” | He asked." split by the sentence splitter
            lead = text[qs0:q.open].strip(" \t\n\u00a0-—–:") if q.open >= qs0 else "x"
            if lead and (_n_words(text[q.start:q.end], 6) >= 6 or _CONNECTIVE_RE.fullmatch(lead + " ")):
                lead = ""  # a whole quoted clause after a lead-in, or "But “...,” X said"
            if len(gap) < 160 and "\n\n" not in gap and q.outer_end > qs0 - 1 and q.open >= qs0 and lead == "":
                g = gap.strip(" \t\n,\u00a0")
                if g == "":
                    gap_ok = True
                else:
                    np_ = _np_left(doc, q.outer_end, c.start, roles, allow_comma=True)
                    if np_ is not None and text[q.outer_end:np_[0]].strip(" \t\n,\u00a0") == "":
                        gap_ok = True
                        speaker = np_
        if gap_ok and dq_index[id(q)] not in used_dq:
            if speaker is None:
                sp = _np_right(doc, c.end, s1, roles)
                if sp is None and _DET_AFTER_RE.match(text[c.end:s1]):
                    sp = _loose_np_right(text, c.end, s1)  # "said the 46-year-old"
                if sp is None:
                    continue
                speaker = (sp[0], sp[1], "")
                inverted = True
            used_dq.add(dq_index[id(q)])
            tail = text[(speaker[1] if inverted else c.end):s1]
            appos = ""
            m_app = _APPOS_AFTER_RE.match(tail)
            if inverted and m_app and m_app.group(1).split()[0].lower() in appos_words:
                appos = m_app.group(1)
            idx = add(RawQuote("direct", q.start, q.end, c.form, c.start, c.end, c.stance,
                               (speaker[0], speaker[1]), appos=appos or speaker[2], quoted=True))
            if idx >= 0:
                last_in_seg[c.seg] = idx
            continue
        if is_ing and prev_ci is not None and _COMMA_END_RE.search(left_raw):
            # participial ", adding that ..." shares the previous cue's speaker
            pidx = last_in_seg.get(c.seg)
            if pidx is None or rows[pidx].cue_start != cues[prev_ci].start:
                continue
            a = c.end
            rest = text[a:s1]
            mt = _OPT_THAT_RE.match(rest)
            a += mt.end() if mt else 0
            b = content_end(c, ci, a, s1)
            if _n_words(text[a:b], 2) < 2:
                continue
            kind = "indirect"
            idx = add(RawQuote(kind, a, b, c.form, c.start, c.end, c.stance, None, inherit=rows[pidx],
                               quoted=contains_any_quote(a, b)))
            if idx >= 0:
                last_in_seg[c.seg] = idx
            continue
        # coordinated "... and hinted about ..." shares the previous speaker
        if prev_ci is not None and left_strip.endswith("and") and _AND_END_RE.search(left_raw) and c.seg in last_in_seg:
            pidx = last_in_seg[c.seg]
            a = c.end
            b = content_end(c, ci, a, s1)
            if _n_words(text[a:b], 2) >= 2:
                idx = add(RawQuote("indirect", a, b, c.form, c.start, c.end, c.stance, None, inherit=rows[pidx],
                                   quoted=contains_any_quote(a, b)))
                if idx >= 0:
                    last_in_seg[c.seg] = idx
            continue
        lnp = None
        left_end_char = left_strip[-1:] if left_strip else ""
        if left_end_char in (",", "”", '"', "’", "") or left_strip.endswith(("\u201d", ",\u201d")):
            if left_end_char == "":
                lnp = None
            else:
                lnp = None
        if lnp is None and left_end_char not in (",", "”", '"'):
            lnp = _np_left(doc, s0, c.start, roles)
        if lnp is None and left_end_char == ",":
            # "X, who spoke ..., said" -> NP before the appositive
            lnp = _np_left(doc, s0, c.start, roles)
            if lnp is not None and lnp[0] <= s0 + 1 and False:
                lnp = None
        sp = None
        if lnp is None and left_end_char in (",", "”", '"', ":") and left_strip:
            # inversion: CONTENT, says X (X ends the clause: "..., says Smith." not "..., criticized Sanders for")
            sp = None if is_ing else _np_right(doc, c.end, s1, roles)
            if sp is not None and not _INVERSION_END_RE.match(text, sp[1], s1):
                sp = None
            if sp is None and not is_ing:
                continue
        if lnp is None and sp is not None and left_end_char in (",", "”", '"', ":") and left_strip:
            head = text[s0:c.start]
            m_lead = _CONNECTIVE_RE.match(head)
            a = s0 + (m_lead.end() if m_lead else 0)
            b = s0 + len(head.rstrip().rstrip(",:").rstrip())
            if _n_words(text[a:b], 3) < 3:
                continue
            tail = text[sp[1]:s1]
            appos = ""
            m_app = _APPOS_AFTER_RE.match(tail)
            if m_app and m_app.group(1).split()[0].lower() in appos_words:
                appos = m_app.group(1)
            qd = contains_any_quote(a, b)
            idx = add(RawQuote("mixed" if qd else "indirect", a, b, c.form, c.start, c.end, c.stance, sp,
                               appos=appos, quoted=qd))
            if idx >= 0:
                last_in_seg[c.seg] = idx
            continue
        if lnp is None and _and_but_end(left_raw):
            m_lead = _CONNECTIVE_RE.match(left_raw)
            subj = _np_right(doc, s0 + (m_lead.end() if m_lead else 0), c.start, roles)
            if subj is not None and subj[1] < c.start:
                lnp = (subj[0], subj[1], "")
        if lnp is None:
            if is_ing and (_QUOTE_OPEN_RE.match(text[c.end:s1]) or _SPACE_THAT_RE.match(text[c.end:s1])
                           or _COMMA_END_RE.search(left_raw)):
                # "X countered the sanctions saying “...": subject of the sentence
                lnp = _np_right(doc, s0 + len(_CONNECTIVE_RE.match(text[s0:c.start]).group()), c.start, roles) if _CONNECTIVE_RE.match(text[s0:c.start]) else _np_right(doc, s0, c.start, roles)
                if lnp is None:
                    continue
                lnp = (lnp[0], lnp[1], "")
            else:
                continue
        if text[lnp[0]:lnp[1]].lower() in ("it", "they"):
            # "the Ministry published a message in which it emphasized": nearest named body before
            ante = None
            for m_np in _CAPS_NP_RE.finditer(text, s0, lnp[0]):
                words = m_np.group().split()
                if all(w.lower().strip(".,") in _FUNC_CAPS or w.lower() in _TIME_WORDS or w.lower() == "the" for w in words):
                    continue
                ante = m_np
            if ante is not None:
                a0 = ante.start()
                while a0 < ante.end() and text[a0:ante.end()].split()[0].lower().strip(".,") in _FUNC_CAPS | _TIME_WORDS:
                    nxt = text.find(" ", a0, ante.end())
                    if nxt < 0:
                        break
                    a0 = nxt + 1
                lnp = (a0, ante.end(), "")
        # "As X explained, CONTENT"
        as_m = _as_end(text[s0:lnp[0]])
        after_cue = text[c.end:s1]
        if as_m and _COMMA_START_RE.match(after_cue):
            a = c.end + _COMMA_START_RE.match(after_cue).end()
            b = content_end(c, ci, a, s1)
            qd = contains_any_quote(a, b)
            idx = add(RawQuote("mixed" if qd else "indirect", a, b, c.form, c.start, c.end, c.stance,
                               (lnp[0], lnp[1]), appos=lnp[2], quoted=qd))
            if idx >= 0:
                last_in_seg[c.seg] = idx
            continue
        # anaphoric object: "X said this, ..."
        if _THIS_SO_RE.match(after_cue):
            if c.seg > 0 and not any(r.sentence == c.seg - 1 for r in rows[-3:]):
                ps0, ps1 = doc.segs[c.seg - 1]
                idx = add(RawQuote("indirect", ps0, ps1, c.form, c.start, c.end, c.stance, (lnp[0], lnp[1]),
                                   appos=lnp[2], quoted=contains_any_quote(ps0, ps1)))
            continue
        if c.lemma in ("insist",) and _ON_RE.match(after_cue):
            vetoed.add(c.start)
            continue
        # content on the right?
        if _is_tail(after_cue) or (c.lemma in ("tell", "ask") and _n_words(after_cue, 5) <= 4 and not _QUOTE_OR_COLON_RE.search(after_cue)):
            # CONTENT, X said.
            head = text[s0:lnp[0]]
            hs = head.rstrip()
            if hs.endswith((',"', ",”", ",'", ",’")):
                b = s0 + len(hs)  # CONTENT with a "quoted end," X said.
            elif hs.endswith((",", ":")):
                b = s0 + len(hs.rstrip(",:").rstrip())
            else:
                continue
            m_lead = _CONNECTIVE_RE.match(head)
            a = s0 + (m_lead.end() if m_lead else 0)
            if _n_words(text[a:b], 3) < 3:
                continue
            qd = contains_any_quote(a, b)
            idx = add(RawQuote("mixed" if qd else "indirect", a, b, c.form, c.start, c.end, c.stance,
                               (lnp[0], lnp[1]), appos=lnp[2], quoted=qd))
            if idx >= 0:
                last_in_seg[c.seg] = idx
            continue
        if c.frame == "cognition" and not _THAT_OR_WORD_RE.match(after_cue):
            continue
        if ":" in after_cue and _COLON_CLOSE_RE.match(after_cue) and c.seg + 1 < len(doc.segs):
            # "X said:" closing a paragraph, the quote opening the next one
            fq = first_quote_after(c.end)
            if fq is not None and fq.open <= doc.segs[c.seg + 1][0] + 1 and dq_index[id(fq)] not in used_dq:
                used_dq.add(dq_index[id(fq)])
                idx = add(RawQuote("direct", fq.start, fq.end, c.form, c.start, c.end, c.stance,
                                   (lnp[0], lnp[1]), appos=lnp[2], quoted=True))
                if idx >= 0:
                    last_in_seg[c.seg] = idx
                continue
        # content to the right: skip adverbials up to "that" or ":"
        a = c.end
        m_time = _TIME_AFTER_CUE_RE.match(text, a, s1)
        if m_time is not None:
            a = m_time.end()
        window = text[a:min(s1, a + 140)]
        m_that = _UP_TO_THAT_RE.search(window) if "that" in window else None
        if m_that and not _that_reachable(m_that.group()[:-4], c.lemma):
            m_that = None
        m_colon = _UP_TO_COLON_RE.match(window) if ":" in window else None
        if m_that and len(m_that.group().split()) <= 10:
            a = a + m_that.end()
        elif m_colon:
            a = a + m_colon.end()
        rest = text[a:s1]
        a = a + (len(rest) - len(rest.lstrip(" ,\t\n")))
        b = content_end(c, ci, a, s1)
        if _n_words(text[a:b], 2) < 2:
            continue
        kind = "indirect"
        qd = contains_any_quote(a, b)
        if qd:
            kind = "mixed"
            fq = first_quote_after(a)
            if fq is not None and fq.open <= a + 1 and (m_that is None or not (m_that and len(m_that.group().split()) <= 10)):
                # the whole content is one quote: said on Friday: “...”
                if text[fq.outer_end:b].strip(" \t\n.,;!?\"”’") == "":
                    used_dq.add(dq_index[id(fq)])
                    idx = add(RawQuote("direct", fq.start, fq.end, c.form, c.start, c.end, c.stance,
                                       (lnp[0], lnp[1]), appos=lnp[2], quoted=True))
                    if idx >= 0:
                        last_in_seg[c.seg] = idx
                    continue
        if q_single is not None:
            a = q_single.open
        idx = add(RawQuote(kind, a, b, c.form, c.start, c.end, c.stance, (lnp[0], lnp[1]), appos=lnp[2], quoted=qd))
        if idx >= 0:
            last_in_seg[c.seg] = idx

    # ---- fallback: a cue no rule above used; its clause to the right ----
    with_row = {r.cue_start for r in rows}
    for ci, c in enumerate(cues):
        if c.start in with_row or c.frame not in _FALLBACK_FRAMES or c.start in vetoed:
            continue
        s0, s1 = doc.segs[c.seg]
        a = c.end
        m_time = _TIME_AFTER_CUE_RE.match(text, a, s1)
        if m_time is not None:
            a = m_time.end()
        m_that = _LEAD_THAT_RE.match(text, a, s1)
        if m_that is not None:
            a = m_that.end()
        after = text[a:s1]
        if _n_words(after, _FALLBACK_MIN_WORDS) < _FALLBACK_MIN_WORDS or _is_tail(after) or _FALLBACK_SKIP_RE.match(after):
            continue
        if text[s0:c.start].rstrip().endswith((",", "”", '"', "’")) and not c.form.lower().endswith("ing"):
            continue  # "CONTENT, said X": the words after the cue name the speaker
        if (c.lemma, after.split(None, 1)[0].lower()) in _FALLBACK_NOT_OBJECT:
            continue  # "insist on its demands", "thanks to the protests"
        if c.form.lower().endswith("ing") and not text[s0:c.start].strip(" \t\n\"“‘'("):
            continue  # "Responding to the allegations, X said ...": an opening participle clause
        b = content_end(c, ci, a, s1)
        if _n_words(text[a:b], _FALLBACK_MIN_WORDS) < _FALLBACK_MIN_WORDS:
            continue
        lnp = _np_left(doc, s0, c.start, roles)
        qd = contains_any_quote(a, b)
        add(RawQuote("mixed" if qd else "indirect", a, b, c.form, c.start, c.end,
                     c.stance, (lnp[0], lnp[1]) if lnp is not None else None, appos=lnp[2] if lnp is not None else "",
                     quoted=qd))

    # ---- colon labels: "Kasich: ‘We will win.’", "CONTENT: US" -----------
    for ps, pe in zip(doc.para_starts, doc.para_ends):
        if text.find(":", ps, pe) < 0:
            continue  # both label patterns need a colon
        lab = _label_colon(text, ps, pe)
        if lab is None:
            continue
        (ms, me), colon, (a, b) = lab
        qd = contains_any_quote(a, b)
        fq = first_quote_after(a) if qd else None
        whole = fq is not None and fq.open <= a and text[fq.outer_end:b].strip(" .") == ""
        if whole:
            used_dq.add(dq_index[id(fq)])
            a, b = fq.start, fq.end
        else:
            bb = b - 1 if text[b - 1] in ".!" else b
            if bb - a > 2 and text[a] in "‘'" and text[bb - 1] in "’'":
                a, b, whole = a + 1, bb - 1, True  # the headline's words in single marks
        add(RawQuote("direct" if whole else ("mixed" if qd else "indirect"), a, b, ":", colon, colon + 1, "neutral",
                     (ms, me), quoted=qd))

    # ---- direct quotes left over: continuations or unattributed ----------
    rows.sort(key=lambda r: r.start)
    # mark quotes consumed by mixed/indirect content
    row_spans = sorted((r.start, r.end) for r in rows)
    rs_starts = [s for s, _ in row_spans]
    out = rows
    for qi, q in enumerate(doc.dquotes):
        if qi in used_dq:
            continue
        i = bisect_right(rs_starts, q.start) - 1
        if i >= 0 and row_spans[i][0] <= q.start and q.end <= row_spans[i][1] + 1:
            continue
        if _n_words(text[q.start:q.end], 4) < 4:
            continue
        out.append(RawQuote("direct", q.start, q.end, "", None, None, "", None, unattributed=True,
                            para=_para_of(doc, q.start), sentence=_seg_of(doc, q.start), quoted=True,
                            inherit=None))
        # remember whether it continues into the next paragraph
        out[-1].appos = "continues" if q.continues else ""
    out.sort(key=lambda r: (r.start, r.end))
    # drop rows whose cue lies inside another row's content (outermost only);
    # when two rows hold each other's cue ("X said Y, according to Z"), the
    # one with the later cue is the outer one
    attributed = sorted((r for r in out if not r.unattributed), key=lambda r: r.start)
    starts = [r.start for r in attributed]
    max_end_before: list[int] = []
    m = -1
    for r in attributed:
        m = max(m, r.end)
        max_end_before.append(m)
    keep: list[RawQuote] = []
    for r in out:
        if r.cue_start is not None and r.kind != "direct" and not r.hidden:
            i = bisect_right(starts, r.cue_start - 1) - 1
            if i >= 0 and max_end_before[i] > r.cue_end:
                for j in range(i, max(-1, i - 8), -1):
                    o = attributed[j]
                    if o is r or o.hidden or not (o.start <= r.cue_start and r.cue_end <= o.end):
                        continue
                    mutual = o.cue_start is not None and r.start <= o.cue_start and o.cue_end <= r.end
                    if mutual and r.cue_start > o.cue_start:
                        o.hidden = True
                    else:
                        r.hidden = True
                    break
        keep.append(r)
    # rows inheriting from a hidden row are hidden too
    for r in keep:
        if r.inherit is not None and r.inherit.hidden:
            r.hidden = True
    return keep, doc
