"""Tokens and noun phrases: the words around a cue and the speaker phrases they form.

Tokens are regular-expression words with char offsets; noun phrases are read
to the left of a cue ("Mr. Brown, an expert at X, said") or to its right
("said Mr. Brown", "according to the report") from word classes: capitalised
words, role words of ``roles.csv``, modifiers, determiners and connectors.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .data import lexicon

__all__ = ["TokenCache", "tokens", "n_words", "np_left", "np_right", "loose_np_right"]

Token = tuple[int, int, str]

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

FUNC_CAPS = frozenset(
    """in on at however but and thus meanwhile recall as after before when while if although though
    because since so yet then also still for with by from to of this that these those it there here
    today yesterday tomorrow speaking responding asked according earlier later now moreover furthermore
    instead indeed still besides nevertheless rather overall finally first second last next despite
    under over during between among amid against without within through across toward towards upon
    about above below what who why how where which whether not no yes mr mrs ms dr""".split()
)

TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)

_TITLE_ABBR = frozenset("mr mrs ms dr prof gen sen rep gov lt col maj capt sgt st".split())

CONNECTIVE_RE = re.compile(
    r"^(?:\s*(?:however|thus|meanwhile|moreover|still|also|and|but|so|yet|recall that|at the same time|"
    r"in addition|furthermore|earlier|later|now|then|instead|indeed|therefore|for example)\b\s*,?)+\s*",
    re.I,
)

CAPS_NP_RE = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*(?:\s+(?:news|agency|ministry|government))?")

APPOS_START = frozenset(
    "a an the who which former head chief director founder author professor president spokesman spokeswoman".split()
)


class TokenCache:
    """Tokens and left noun phrases of one text, each window computed once.

    Several rules look at the same cue's left or right window (one in six
    windows repeats), and the fallback pass asks again for the subjects the
    rules for verbs already looked up; the cached lists are only read.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        #: Token lists by window ``(a, b)``.
        self.windows: dict[tuple[int, int], list[Token]] = {}
        #: Results of :func:`np_left` by ``(lo, pos, allow_comma)``.
        self.left_nps: dict[tuple[int, int, bool], tuple[int, int, str] | None] = {}
        #: The longest window tokenized from each start ``a``: ``(b, tokens)``.
        self.longest: dict[int, tuple[int, list[Token]]] = {}

    def tokens(self, a: int, b: int) -> list[Token]:
        """:func:`tokens` of ``text[a:b]``, computed once per window.

        The subjects of the cues of one sentence are looked for in windows
        from the sentence start to each cue. Where a window ends at white
        space no token crosses its end, so the tokens of a longer window from
        the same start are the shorter window's tokens plus those of the rest.
        """
        hit = self.windows.get((a, b))
        if hit is None:
            text = self.text
            prev = self.longest.get(a)
            if prev is not None and prev[0] < b and clean_cut(text, prev[0]):
                hit = prev[1] + tokens(text, prev[0], b)
            elif prev is not None and b < prev[0] and clean_cut(text, b):
                hit = prev[1][:bisect_left(prev[1], (b,))]
            else:
                hit = tokens(text, a, b)
            self.windows[(a, b)] = hit
            if prev is None or prev[0] < b:
                self.longest[a] = (b, hit)
        return hit


def clean_cut(text: str, p: int) -> bool:
    """Is there white space on either side of ``p`` (0 < p)? Then no token crosses ``p``, and
    no token rule looks across it, so tokenizing up to ``p`` and on from ``p`` gives the same
    tokens as one pass."""
    return p >= len(text) or text[p].isspace() or text[p - 1].isspace()


#: :data:`_TOK_RE` with the white space before each token as a group: only white space lies
#: between two tokens (every other character starts one), so :func:`tokens` gets all
#: offsets from the lengths of the strings ``findall`` returns, with no match objects.
_WS_TOK_RE = re.compile(r"(\s*)(" + _TOK_RE.pattern + ")")


def tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, token) of the tokens in ``text[a:b]`` (as ``_TOK_RE.finditer(text, a, b)``)."""
    out = []
    p = a
    for ws, tok in _WS_TOK_RE.findall(text, a, b):
        p += len(ws)
        e = p + len(tok)
        out.append((p, e, tok))
        p = e
    return out


def n_words(s: str, cap: int) -> int:
    """``min(len(s.split()), cap)``, without splitting all of a long ``s``."""
    return len(s.split(None, cap - 1))


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
        if low in FUNC_CAPS or low in TIME_WORDS:
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


def np_left(doc: TokenCache, lo: int, pos: int, roles: dict, allow_comma: bool = True) -> tuple[int, int, str] | None:
    """Noun phrase ending just before ``pos`` (skipping auxiliaries and adverbs).

    Returns (start, end, appositive) or None; computed once per document and arguments.
    """
    key = (lo, pos, allow_comma)
    res = doc.left_nps.get(key, _UNSET)
    if res is _UNSET:
        res = doc.left_nps[key] = _find_np_left(doc, lo, pos, roles, allow_comma,
                                                doc.tokens(max(lo, pos - 220), pos))
    return res


def _find_np_left(doc: TokenCache, lo: int, pos: int, roles: dict, allow_comma: bool,
                  toks: list[Token]) -> tuple[int, int, str] | None:
    """:func:`np_left`, computed from the tokens ``toks`` of the window before ``pos``."""
    text = doc.text
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
            res = np_left(doc, lo, toks[k][0], roles, allow_comma=False)
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
            res = np_left(doc, lo, toks[k][1], roles, allow_comma=False)
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
CLAUSE_OPENERS = frozenset(
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
        if low in TIME_WORDS and t[:1].isupper():
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
    if k >= 0 and prev not in (",", ";", ":", "(", "—", "–", '"', "“", "‘", "-") and prev.lower() not in CLAUSE_OPENERS:
        return None
    return start, toks[j][1], ""


#: Characters after a cue that :func:`np_right` tokenizes first (the phrase there is short).
_RIGHT_PREFIX = 48
_SPACE_RE = re.compile(r"\s")
#: :func:`_scan_np_right` on a prefix of the window: the phrase may go on past it.
_MORE = object()


def np_right(doc: TokenCache, pos: int, hi: int, roles: dict) -> tuple[int, int] | None:
    """Noun phrase starting right after ``pos`` (for "said Trump", "according to X").

    The window is tokenized up to the first white space after :data:`_RIGHT_PREFIX` characters
    (no token crosses it, so these are the first tokens of the whole window); the rest only when
    the phrase may run on past them.
    """
    end = min(hi, pos + 300)
    m = _SPACE_RE.search(doc.text, pos + _RIGHT_PREFIX, end) if pos + _RIGHT_PREFIX < end else None
    if m is not None:
        found = _scan_np_right(doc.tokens(pos, m.start()), roles, whole=False)
        if found is not _MORE:
            return found
    return _scan_np_right(doc.tokens(pos, end), roles, whole=True)


def _scan_np_right(toks: list[Token], roles: dict, whole: bool) -> tuple[int, int] | None | object:
    """:func:`np_right` over ``toks``; :data:`_MORE` when ``toks`` are not the ``whole`` window
    and the scan read or tested their last token (the answer may depend on the tokens after)."""
    if not toks:
        return None if whole else _MORE
    t0 = toks[0][2]
    if t0.lower() in _PRONOUNS:
        return toks[0][0], toks[0][1]
    start = toks[0][0]
    end = None
    k = 0
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
    if not whole and k + 1 >= len(toks):
        return _MORE
    if end is None:
        return None
    return start, end


_LOOSE_STOP = frozenset("who which that whose where when while and but because as if to , . ; : ( ) — – \" “ ”".split())


def loose_np_right(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """Any short phrase after ``pos`` up to punctuation or a relative word ("exit polls", "the results")."""
    toks = tokens(text, pos, min(hi, pos + 160))
    end = None
    for n, (a, b, t) in enumerate(toks):
        if n >= 10 or t.lower() in _LOOSE_STOP or not (t[:1].isalnum() or t in ("'s", "’s", "&", "-")):
            break
        end = b
    if end is None or not toks:
        return None
    return toks[0][0], end
