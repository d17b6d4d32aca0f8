"""What the attribution rules share: the document, its cues, the rows found so far.

Also the two content tests several rules use: :func:`is_tail` (the words
after a cue hold no reported content) and :func:`that_reachable` (the
content may skip the words between the cue and a later "that").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..cues import Cue
from ..data import lexicon
from ..segment import Doc, inside, para_of, seg_of, strip_span
from ..tokens import APPOS_START, CLAUSE_OPENERS, TIME_WORDS, n_words, np_left

__all__ = ["RawQuote", "State", "is_tail", "that_reachable", "TIME_AFTER_CUE_RE"]


@dataclass(slots=True)
class RawQuote:
    """One attribution before speaker resolution.

    ``start, end`` delimit the content, ``cue_start, cue_end`` the cue and
    ``mention`` the speaker's words (None when the row has none: it then
    shares the speaker of ``inherit``). ``appos`` is text describing the
    speaker ("an expert at X"). ``continues`` marks an unattributed quote left
    open at a paragraph end whose next paragraph opens a quote.
    """

    kind: str
    start: int
    end: int
    cue: str
    cue_start: int | None
    cue_end: int | None
    stance: str
    mention: tuple[int, int] | None
    appos: str = ""
    inherit: "RawQuote | None" = None
    para: int = 0
    quoted: bool = False
    unattributed: bool = False
    sentence: int = 0
    hidden: bool = False
    continues: bool = False


class State:
    """The document, its cues and the rows the rules have added, for one text."""

    def __init__(self, doc: Doc, cues: list[Cue]) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = cues
        self.roles = lexicon().roles
        self.appos_words = APPOS_START | self.roles.keys()
        self.rows: list[RawQuote] = []
        self.vetoed: set[int] = set()  # cues a rule rejected on purpose (no fallback row)
        self.used_dq: set[int] = set()  # double quotes a rule attributed
        self.last_in_seg: dict[int, int] = {}  # segment -> index of its last row
        self.seg_cues: dict[int, list[int]] = {}
        self.prev_in_seg: list[int | None] = []  # the cue before each cue in its segment
        for ci, c in enumerate(cues):
            in_seg = self.seg_cues.setdefault(c.seg, [])
            self.prev_in_seg.append(in_seg[-1] if in_seg else None)
            in_seg.append(ci)

    def add(self, row: RawQuote, track: Cue | None = None) -> int:
        """Add ``row`` with its content stripped of white space; -1 when nothing is left.

        With ``track``, the row becomes the last row of the cue's segment
        (participles and coordinated verbs after it share its speaker).
        """
        a, b = strip_span(self.text, row.start, row.end)
        if b <= a:
            return -1
        row.start, row.end = a, b
        row.para = para_of(self.doc, a)
        row.sentence = seg_of(self.doc, a)
        self.rows.append(row)
        idx = len(self.rows) - 1
        if track is not None:
            self.last_in_seg[track.seg] = idx
        return idx

    def row(self, kind: str, a: int, b: int, c: Cue, mention: tuple[int, int] | None, appos: str = "",
            quoted: bool | None = None) -> RawQuote:
        """A row for content ``[a, b)`` of cue ``c`` (``quoted``: does the content hold a quote)."""
        if quoted is None:
            quoted = self.doc.contains_any_quote(a, b)
        return RawQuote(kind, a, b, c.form, c.start, c.end, c.stance, mention, appos=appos, quoted=quoted)

    def content_end(self, c: Cue, ci: int, a: int, seg_end: int) -> int:
        """End of content starting at ``a``: the segment end, or before the next cue's clause.

        "..., adding that": before the comma; "... and added": before "and";
        "While some friends worry about him, others say ...": before the
        comma that opens a clause with its own subject.
        """
        text = self.text
        end = seg_end
        for cj in self.seg_cues.get(c.seg, []):
            if cj <= ci:
                continue
            d = self.cues[cj]
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
            if comma > a and d.start - comma < 80 and not inside(self.doc.dq_starts, self.doc.dquotes, comma, comma + 1):
                np_ = np_left(self.doc, comma + 1, d.start, self.roles, allow_comma=False)
                if np_ is not None:
                    lead = text[comma + 1:np_[0]].strip().lower()
                    if lead == "" or lead in CLAUSE_OPENERS:
                        end = comma
            break
        return end


_COMMA_END_RE = re.compile(r",\s*$")
_COMMA_OR_AND_END_RE = re.compile(r"(?:,|\band)\s*$")
_AND_END_RE = re.compile(r"\band\s*$")

_ADVERBIAL_START = frozenset(
    """in on at during to after before last this earlier later while when again also publicly privately
    recently repeatedly once today yesterday tonight then now afterward afterwards later over through via
    from with""".split()
)

_OBJECT_CUES = frozenset(
    """tell assure remind warn inform convince persuade promise show teach caution advise notify brief
    reassure ask""".split()
)

_FINITE_RE = re.compile(r"\b(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b")


def that_reachable(between: str, lemma: str) -> bool:
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
    if first in _ADVERBIAL_START or first in TIME_WORDS or (first.endswith("ly") and len(first) > 4):
        return True
    return lemma in _OBJECT_CUES and len(words) <= 4


_TAIL_RE = re.compile(
    r"^[\s,]*(?:(?:last|this|on|earlier|late)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|week|month|year|night|morning|afternoon|evening|weekend|recently|earlier|later|previously)\b\s*)?"
    r"(?:(?:in|at|on|during|to\s+(?:reporters|journalists|the\s+media|the\s+press|\w+\s+news)|with|after|before|while|from|via|through|"
    r"speaking|according|prior|following|ahead|when|as|but|and\s+(?:added|said)|,\s*[a-z]+ing)\b[^\"“”«»:;]*)?[.!?;,]?\s*$",
    re.I,
)

_THAT_WORD_RE = re.compile(r"\bthat\b")


def is_tail(s: str) -> bool:
    """True when ``s`` (text after a cue) holds no reported content."""
    if "that" in s and _THAT_WORD_RE.search(s):
        return False
    if n_words(s, 13) <= 12 and _TAIL_RE.match(s) is not None:
        return True
    return False


TIME_AFTER_CUE_RE = re.compile(
    r"\s+(?:(?:on|last|this|early|late|earlier)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|(?:last|this)\s+(?:week|month|year|weekend)|recently|earlier|later|again|also|repeatedly|publicly|"
    r"privately|previously)\b(?:\s+(?:morning|afternoon|evening|night))?,?(?=\s)",
    re.I,
)
