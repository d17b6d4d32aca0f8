"""Rules for reporting verbs (frames speech, directive, accusation, cognition).

The driver :func:`attribute_verb` tries them in this order; the first that
claims the cue ends the search (it may still add no row):

1. :func:`rule_quote_then_cue` - “We are ready,” Smith said. / “...,” said Smith.
2. :func:`rule_participle_adding` - X said ..., adding that ... (same speaker).
3. :func:`rule_coordinated_and` - X said ... and warned that ... (same speaker).
4. :func:`rule_content_comma_says_x` - The talks failed, says Smith.
   (only when no subject stands left of the cue)
5. with the subject found left of the cue (:func:`subject_of`):
   :func:`rule_as_x_said`, :func:`rule_said_this`, :func:`rule_insist_on`,
   :func:`rule_content_comma_x_said`, :func:`rule_cognition_needs_clause`,
   :func:`rule_said_colon_next_quote`, :func:`rule_said_that`.
"""
from __future__ import annotations

import re
from typing import Callable

from ..cues import Cue
from ..segment import inside, seg_of
from ..tokens import CAPS_NP_RE, CONNECTIVE_RE, FUNC_CAPS, TIME_WORDS, loose_np_right, n_words, np_left, np_right
from ..evidence import cannot_speak, is_object_not_clause, lacks_content
from .state import TIME_AFTER_CUE_RE, RawQuote, State, is_tail, that_reachable

__all__ = ["attribute_verb", "subject_of"]

Subject = tuple[int, int, str]  # start, end, appositive

_COMMA_END_RE = re.compile(r",\s*$")
_AND_END_RE = re.compile(r"\band\s*$")
_SPACE_THAT_RE = re.compile(r"\s+that\b")
_INVERSION_END_RE = re.compile(r"\s*(?:[.!?;:\"”’)]|,|—|–|\s*$|\s+(?:on|in|at|during|last|this|earlier|late|yesterday|today|"
                               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|after|before|when|while|as)\b)")
_DET_AFTER_RE = re.compile(r"\s+(?:the|a|an|one|another|two|three|\d+)\s", re.I)
_APPOS_AFTER_RE = re.compile(r"\s*,\s*([^,.;]{3,150})")
_OPT_THAT_RE = re.compile(r"\s*(?:that\b)?")
_AND_BUT_END_RE = re.compile(r"\b(?:and|but)\s+(?:(?:then|also|later|again|\w+ly)\s+)*$", re.I)
_QUOTE_OPEN_RE = re.compile(r"\s*[\"“«]")
_AS_END_RE = re.compile(r"(?:^|[\s,])as\s+$", re.I)
_COMMA_START_RE = re.compile(r"\s*,")
_COMMA_AND_RE = re.compile(r"\s*,\s+(?:and|but)\s")
_THIS_SO_RE = re.compile(r"\s+(?:this|so)\b\s*[,.;]", re.I)
_ON_RE = re.compile(r"\s+on\b")
_QUOTE_OR_COLON_RE = re.compile(r"[\"“:]")
_THAT_OR_WORD_RE = re.compile(r"\s+(?:that\b|\w+)")
_COLON_CLOSE_RE = re.compile(r"^[^\"“«.;:]{0,80}:\s*$")
_UP_TO_THAT_RE = re.compile(r"^[^\"“«,;:]*?\bthat\b")
_UP_TO_COLON_RE = re.compile(r"^[^\"“«,;]{0,80}?:\s*")
#: "as" in any case under ``re.I`` (the long s "ſ" folds to "s").
_AS_FORMS = frozenset(a + s for a in "aA" for s in "sSſ")


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


def _lead_end(text: str, s0: int, b: int) -> int:
    """``s0`` moved past connectives opening the sentence ("However, ", "But ")."""
    m = CONNECTIVE_RE.match(text[s0:b])
    return s0 + (m.end() if m else 0)


def _appositive_after(st: State, tail: str) -> str:
    """", a professor at X, ..." after an inverted speaker: the appositive, or ""."""
    m_app = _APPOS_AFTER_RE.match(tail)
    if m_app and m_app.group(1).split()[0].lower() in st.appos_words:
        return m_app.group(1)
    return ""


#: Most characters between a direct quote and the cue after it (:func:`rule_quote_then_cue`).
_MAX_GAP = 160


def rule_quote_then_cue(st: State, ci: int, c: Cue) -> bool:
    """“We are ready,” Smith said. / “We are ready,” said Smith, a senator.

    A direct quote right before the cue (in the same sentence, or the
    sentence before when the splitter cut "“...?” | He asked."), with at most
    the speaker between them.
    """
    text, doc = st.text, st.doc
    s0, s1 = doc.segs[c.seg]
    qi = doc.last_quote_before(c.start + 1)
    if qi is None or qi in st.used_dq:
        return False
    q = doc.dquotes[qi]
    if c.start - q.outer_end >= _MAX_GAP:
        return False  # the quote ends too far before the cue (the test below, before any slicing)
    gap = text[q.outer_end:c.start]
    qs0 = s0
    if (q.open < s0 <= c.start and q.outer_end <= s0 and text[q.outer_end:s0].strip() == ""
            and (not text[s0:c.start].strip() or is_tail(text[c.end:s1]))):
        qs0 = doc.segs[seg_of(doc, q.open)][0]  # "“...?” | He asked." / "“...?” | said Smith." split by the splitter
    lead = text[qs0:q.open].strip(" \t\n\u00a0-—–:") if q.open >= qs0 else "x"
    if lead and (n_words(text[q.start:q.end], 6) >= 6 or CONNECTIVE_RE.fullmatch(lead + " ")):
        lead = ""  # a whole quoted clause after a lead-in, or "But “...,” X said"
    if not (len(gap) < _MAX_GAP and "\n\n" not in gap and q.outer_end > qs0 - 1 and q.open >= qs0 and lead == ""):
        return False
    speaker = None
    if gap.strip(" \t\n,\u00a0") != "":
        np_ = np_left(doc, q.outer_end, c.start, st.roles, allow_comma=True)
        if np_ is None or text[q.outer_end:np_[0]].strip(" \t\n,\u00a0") != "":
            return False
        speaker = np_
    appos = ""
    if speaker is None:  # “...,” said Smith
        sp = _speaker_after_cue(st, c.end, s1)
        if sp is None and _DET_AFTER_RE.match(text[c.end:s1]):
            sp = loose_np_right(text, c.end, s1)  # "said the 46-year-old"
        if sp is None:
            return True
        speaker = (sp[0], sp[1], "")
        appos = _appositive_after(st, text[sp[1]:s1])
    st.used_dq.add(qi)
    st.add(st.row("direct", q.start, q.end, c, (speaker[0], speaker[1]), appos=appos or speaker[2], quoted=True),
           track=c)
    return True


_LOWER_WORD_RE = re.compile(r"\s+[a-z][a-z-]*(?=\s)")
#: Lower-case words that end a speaker phrase rather than modify the name after them ("said Smith on Tuesday").
_NOT_MODIFIERS = frozenset("""on in at to for from with by of and but or nor after before during since until last this
that these those who whom which when while as than then also again later earlier today yesterday tonight told
said says asked added is was are were has have had will would can could""".split())


def _np_after_modifiers(st: State, a: int, s1: int) -> tuple[int, int] | None:
    """A speaker after up to two lower-case modifiers ("said lead author Dr. Allan Garland",
    "said senior analyst Jane Roe"): the noun phrase after them, when it holds a capitalised word."""
    pos = a
    for _ in range(2):
        m = _LOWER_WORD_RE.match(st.text, pos, s1)
        if m is None or m.group().strip() in _NOT_MODIFIERS:
            return None
        pos = m.end()
        sp = np_right(st.doc, pos, s1, st.roles)
        if sp is not None and any(w[:1].isupper() for w in st.text[sp[0]:sp[1]].split()):
            return sp
    return None


def _speaker_after_cue(st: State, a: int, s1: int) -> tuple[int, int] | None:
    """The speaker phrase right after an inverted cue: a noun phrase, extended over lower-case
    modifiers to the name after them ("says Heart and Stroke senior manager Erin Kim"), or a name
    after such modifiers alone ("says lead author Dr. Allan Garland")."""
    sp = np_right(st.doc, a, s1, st.roles)
    if sp is None:
        return _np_after_modifiers(st, a, s1)
    ext = _np_after_modifiers(st, sp[1], s1)
    return (sp[0], ext[1]) if ext is not None else sp


def _inherit_row(st: State, ci: int, c: Cue, a: int, pidx: int, that: bool = False) -> None:
    """Content from ``a`` to the clause end, speaker shared with row ``pidx`` (``that``: after "that")."""
    s1 = st.doc.segs[c.seg][1]
    b = st.content_end(c, ci, a, s1)
    if n_words(st.text[a:b], 2) < 2:
        return
    if not that and not st.doc.contains_any_quote(a, b) and lacks_content(st.text[a:b], c.lemma):
        st.vetoed.add(c.start)  # ", adding three more goals"
        return
    row = st.row("indirect", a, b, c, None)
    row.inherit = st.rows[pidx]
    st.add(row, track=c)


def rule_participle_adding(st: State, ci: int, c: Cue) -> bool:
    """"Smith said the talks failed, adding that more were planned.": Smith's, too."""
    s0 = st.doc.segs[c.seg][0]
    prev_ci = st.prev_in_seg[ci]
    if not (c.form.lower().endswith("ing") and prev_ci is not None and _COMMA_END_RE.search(st.text[s0:c.start])):
        return False
    pidx = st.last_in_seg.get(c.seg)
    if pidx is None or st.rows[pidx].cue_start != st.cues[prev_ci].start:
        return True
    mt = _OPT_THAT_RE.match(st.text[c.end:st.doc.segs[c.seg][1]])
    _inherit_row(st, ci, c, c.end + (mt.end() if mt else 0), pidx, that=mt is not None and mt.group().strip() != "")
    return True


def rule_coordinated_and(st: State, ci: int, c: Cue) -> bool:
    """"Smith said the talks failed and warned that ...": the second verb shares the speaker."""
    left_raw = st.text[st.doc.segs[c.seg][0]:c.start]
    if not (st.prev_in_seg[ci] is not None and left_raw.rstrip().endswith("and") and _AND_END_RE.search(left_raw)
            and c.seg in st.last_in_seg):
        return False
    _inherit_row(st, ci, c, c.end, st.last_in_seg[c.seg])
    return True


def rule_content_comma_says_x(st: State, ci: int, c: Cue) -> bool:
    """"The talks failed, says Smith." (the speaker ends the clause after the cue).

    Only tried when no subject stands left of the cue; "..., criticized
    Sanders for" is no attribution (the phrase after the cue goes on).
    """
    text, doc = st.text, st.doc
    s0, s1 = doc.segs[c.seg]
    left_strip = text[s0:c.start].rstrip()
    if left_strip[-1:] not in (",", "”", '"', ":") or c.form.lower().endswith("ing"):
        return False
    sp = _speaker_after_cue(st, c.end, s1)
    if sp is None or not _INVERSION_END_RE.match(text, sp[1], s1):
        return True
    head = text[s0:c.start]
    a = _lead_end(text, s0, c.start)
    b = s0 + len(head.rstrip().rstrip(",:").rstrip())
    if n_words(text[a:b], 3) < 3:
        return True
    qd = doc.contains_any_quote(a, b)
    st.add(st.row("mixed" if qd else "indirect", a, b, c, sp, appos=_appositive_after(st, text[sp[1]:s1]), quoted=qd),
           track=c)
    return True


def _sentence_subject(st: State, c: Cue) -> Subject | None:
    """The subject of the sentence for a cue with none right before it.

    "Smith met aides and then said ..."; "Smith countered the sanctions,
    saying “...”" (a participle with a quote, a that-clause or a comma).
    """
    text, doc = st.text, st.doc
    s0, s1 = doc.segs[c.seg]
    left_raw = text[s0:c.start]
    if _and_but_end(left_raw):
        subj = np_right(doc, _lead_end(text, s0, c.start), c.start, st.roles)
        if subj is not None and subj[1] < c.start:
            return subj[0], subj[1], ""
    after = text[c.end:s1]
    if c.form.lower().endswith("ing") and (_QUOTE_OPEN_RE.match(after) or _SPACE_THAT_RE.match(after)
                                           or _COMMA_END_RE.search(left_raw)):
        subj = np_right(doc, _lead_end(text, s0, c.start), c.start, st.roles)
        if subj is not None:
            return subj[0], subj[1], ""
    return None


def _named_antecedent(st: State, c: Cue, subj: Subject) -> Subject:
    """"the Ministry published a message in which it emphasized": "it" is the nearest named body."""
    text = st.text
    if text[subj[0]:subj[1]].lower() not in ("it", "they"):
        return subj
    s0 = st.doc.segs[c.seg][0]
    ante = None
    for m_np in CAPS_NP_RE.finditer(text, s0, subj[0]):
        words = m_np.group().split()
        if all(w.lower().strip(".,") in FUNC_CAPS or w.lower() in TIME_WORDS or w.lower() == "the" for w in words):
            continue
        ante = m_np
    if ante is None:
        return subj
    a0 = ante.start()
    while a0 < ante.end() and text[a0:ante.end()].split()[0].lower().strip(".,") in FUNC_CAPS | TIME_WORDS:
        nxt = text.find(" ", a0, ante.end())
        if nxt < 0:
            break
        a0 = nxt + 1
    return a0, ante.end(), ""


def subject_of(st: State, ci: int, c: Cue) -> Subject | None:
    """The noun phrase left of the cue (none right after a closing quote mark)."""
    left_strip = st.text[st.doc.segs[c.seg][0]:c.start].rstrip()
    if left_strip[-1:] in ("”", '"'):
        return None
    return np_left(st.doc, st.doc.segs[c.seg][0], c.start, st.roles)


def rule_as_x_said(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"As Smith explained, the talks failed.": the clause after the comma."""
    text = st.text
    s0, s1 = st.doc.segs[c.seg]
    m_comma = _COMMA_START_RE.match(text, c.end, s1)
    if not (_as_end(text[s0:subj[0]]) and m_comma):
        return False
    a = m_comma.end()
    b = st.content_end(c, ci, a, s1)
    qd = st.doc.contains_any_quote(a, b)
    st.add(st.row("mixed" if qd else "indirect", a, b, c, (subj[0], subj[1]), appos=subj[2], quoted=qd), track=c)
    return True


def rule_said_this(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"The talks failed. Smith said this on Monday.": the previous sentence (unless already a row's)."""
    if not _THIS_SO_RE.match(st.text, c.end, st.doc.segs[c.seg][1]):
        return False
    if c.seg > 0 and not any(r.sentence == c.seg - 1 for r in st.rows[-3:]):
        ps0, ps1 = st.doc.segs[c.seg - 1]
        st.add(st.row("indirect", ps0, ps1, c, (subj[0], subj[1]), appos=subj[2]))
    return True


def rule_insist_on(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"Ankara insisted on its demands": a goal, not speech (no row, no fallback)."""
    if c.lemma == "insist" and _ON_RE.match(st.text, c.end, st.doc.segs[c.seg][1]):
        st.vetoed.add(c.start)
        return True
    return False


def rule_content_comma_x_said(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"The talks failed, Smith said on Monday." (nothing but adjuncts after the cue).

    Also "..., Smith told reporters.", a content ending with a quoted
    fragment: 'The talks “failed,” Smith said.', an attribution followed
    by a coordinated clause of the narrator: "The talks failed, sources said,
    and as workers worry ...", one followed by a participle cue ("The talks
    failed, Smith said, adding that ...") and an attribution inside its
    content (see :func:`_right_of_parenthetical`).
    """
    text = st.text
    s0, s1 = st.doc.segs[c.seg]
    after_cue = text[c.end:s1]
    hs = text[s0:subj[0]].rstrip()
    right = _right_of_parenthetical(st, c, hs, after_cue)
    if not (right is not None or is_tail(after_cue) or _COMMA_AND_RE.match(after_cue) or _cue_after_comma(st, c, after_cue)
            or (c.lemma in ("tell", "ask") and n_words(after_cue, 5) <= 4 and not _QUOTE_OR_COLON_RE.search(after_cue))):
        return False
    if hs.endswith((',"', ",”", ",'", ",’")):
        b = s0 + len(hs)
    elif hs.endswith((",", ":")):
        b = s0 + len(hs.rstrip(",:").rstrip())
    else:
        return True
    a = _lead_end(text, s0, subj[0])
    first = None
    if n_words(text[a:b], 3) >= 3:
        qd = st.doc.contains_any_quote(a, b)
        idx = st.add(st.row("mixed" if qd else "indirect", a, b, c, (subj[0], subj[1]), appos=subj[2], quoted=qd),
                     track=c)
        first = st.rows[idx] if idx >= 0 else None
    if right is not None:
        ra = c.end + right
        rb = st.content_end(c, ci, ra, s1)
        if n_words(text[ra:rb], 3) >= 3:
            qd = st.doc.contains_any_quote(ra, rb)
            row = st.row("mixed" if qd else "indirect", ra, rb, c, (subj[0], subj[1]), appos=subj[2], quoted=qd)
            if first is not None:  # the second part of one attribution: a continuation row (no cue of its own)
                row.cue, row.cue_start, row.cue_end, row.mention, row.inherit = "", None, None, None, first
            st.add(row, track=c if first is None else None)
    return True


_COMMA_GOES_ON_RE = re.compile(r"\s*,\s+")
_AND_BUT_RE = re.compile(r"(?:and|but)\s+([\w'’]+)", re.I)


def _right_of_parenthetical(st: State, c: Cue, head: str, after_cue: str) -> int | None:
    """Where the content resumes after a cue set in it by commas ("The drugs have few uses, he says,
    and are meant for short use."), as an offset into ``after_cue``; None when it does not.

    The words before the speaker end with a comma, the words after the cue start with one and go
    on with at least three words that are no tail (:func:`is_tail`); after "and"/"but" a finite verb
    must follow (the reported clause goes on: "and are meant"), not a clause of the narrator ("and
    as workers worry").
    """
    if not head.endswith(","):
        return None
    m = _COMMA_GOES_ON_RE.match(after_cue)
    if m is None or is_tail(after_cue) or n_words(after_cue[m.end():], 3) < 3:
        return None
    m_and = _AND_BUT_RE.match(after_cue, m.end())
    if m_and is not None and is_object_not_clause(m_and.group(1)):
        return None
    if _cue_after_comma(st, c, after_cue):
        return None  # ", adding that ...": a cue of its own
    return m.end()


def _cue_after_comma(st: State, c: Cue, after_cue: str) -> bool:
    """Does another cue follow the cue's comma ("The talks failed, Smith said, adding that ...")?"""
    m = _COMMA_GOES_ON_RE.match(after_cue)
    return m is not None and any(st.cues[cj].start == c.end + m.end() for cj in st.seg_cues.get(c.seg, ()))


def rule_cognition_needs_clause(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"Smith believes." / "Smith thinks, ...": a cognition verb with no clause after it is no report."""
    return c.frame == "cognition" and not _THAT_OR_WORD_RE.match(st.text, c.end, st.doc.segs[c.seg][1])


def rule_said_colon_next_quote(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"Smith said:" closing a paragraph, “We are ready.” opening the next one."""
    doc = st.doc
    after_cue = st.text[c.end:doc.segs[c.seg][1]]
    if not (":" in after_cue and _COLON_CLOSE_RE.match(after_cue) and c.seg + 1 < len(doc.segs)):
        return False
    fi = doc.first_quote_after(c.end)
    if fi is None or fi in st.used_dq or doc.dquotes[fi].open > doc.segs[c.seg + 1][0] + 1:
        return False
    fq = doc.dquotes[fi]
    st.used_dq.add(fi)
    st.add(st.row("direct", fq.start, fq.end, c, (subj[0], subj[1]), appos=subj[2], quoted=True), track=c)
    return True


def rule_said_that(st: State, ci: int, c: Cue, subj: Subject) -> bool:
    """"Smith said on Monday that the talks failed." / "Smith warned: the talks failed."

    The content is to the right of the cue, after adverbials up to "that"
    or a colon; a content that is one whole quote ("said: “...”") is a
    direct quote; a cue word in single quotes (Canada 'concerned' about)
    keeps its mark in the content.
    """
    text, doc = st.text, st.doc
    s1 = doc.segs[c.seg][1]
    a = c.end
    m_time = TIME_AFTER_CUE_RE.match(text, a, s1)
    if m_time is not None:
        a = m_time.end()
    window = text[a:min(s1, a + 140)]
    m_that = _UP_TO_THAT_RE.search(window) if "that" in window else None
    if m_that and not that_reachable(m_that.group()[:-4], c.lemma):
        m_that = None
    m_colon = _UP_TO_COLON_RE.match(window) if ":" in window else None
    took_that = m_that is not None and len(m_that.group().split()) <= 10
    if took_that:
        a = a + m_that.end()
    elif m_colon:
        a = a + m_colon.end()
    rest = text[a:s1]
    a = a + (len(rest) - len(rest.lstrip(" ,\t\n")))
    b = st.content_end(c, ci, a, s1)
    if n_words(text[a:b], 2) < 2:
        return True
    qd = doc.contains_any_quote(a, b)
    if cannot_speak(text[subj[0]:subj[1]]) or (not took_that and not m_colon and not qd and lacks_content(text[a:b], c.lemma)):
        st.vetoed.add(c.start)  # "Television images showed ...", "promised to continue", "denied the link"
        return True
    if qd and not took_that:
        fi = doc.first_quote_after(a)
        fq = doc.dquotes[fi] if fi is not None else None
        if fq is not None and fq.open <= a + 1 and text[fq.outer_end:b].strip(" \t\n.,;!?\"”’") == "":
            st.used_dq.add(fi)  # the whole content is one quote: said on Friday: “...”
            st.add(st.row("direct", fq.start, fq.end, c, (subj[0], subj[1]), appos=subj[2], quoted=True), track=c)
            return True
    q_single = inside(doc.sq_starts, doc.squotes, c.start, c.end)
    if q_single is not None:
        a = q_single.open
    st.add(RawQuote("mixed" if qd else "indirect", a, b, c.form, c.start, c.end, c.stance, (subj[0], subj[1]),
                    appos=subj[2], quoted=qd), track=c)
    return True


#: Rules tried before the subject is looked for, in order.
_FIRST_RULES: tuple[Callable[[State, int, Cue], bool], ...] = (
    rule_quote_then_cue, rule_participle_adding, rule_coordinated_and,
)
#: Rules for a cue with a subject, in order; :func:`rule_said_that` takes what is left.
_SUBJECT_RULES: tuple[Callable[[State, int, Cue, Subject], bool], ...] = (
    rule_as_x_said, rule_said_this, rule_insist_on, rule_content_comma_x_said, rule_cognition_needs_clause,
    rule_said_colon_next_quote, rule_said_that,
)


def _speaker_closes_sentence(st: State, c: Cue) -> bool:
    """Does a comma precede the cue and a name after it end the sentence ("..., coaching, recipes
    and goal setting, says Kim.")? Then the speaker is after the cue, whatever the words before the
    comma look like (a list is no appositive subject); a date or a weekday is no speaker."""
    text = st.text
    s0, s1 = st.doc.segs[c.seg]
    if not text[s0:c.start].rstrip().endswith(",") or c.form.lower().endswith("ing"):
        return False
    sp = np_right(st.doc, c.end, s1, st.roles)
    if sp is None or text[sp[1]:s1].strip(" .!?\"”’)") != "":
        return False
    words = text[sp[0]:sp[1]].lower().split()
    return not all(w.strip(".,") in TIME_WORDS or w in ("today", "yesterday", "tonight") for w in words)


def attribute_verb(st: State, ci: int, c: Cue) -> None:
    """Try the rules for a reporting verb in order (see the module docstring)."""
    for rule in _FIRST_RULES:
        if rule(st, ci, c):
            return
    subj = subject_of(st, ci, c)
    if subj is None or _speaker_closes_sentence(st, c):
        if rule_content_comma_says_x(st, ci, c):
            return
        subj = _sentence_subject(st, c)
        if subj is None:
            return
    subj = _named_antecedent(st, c, subj)
    for srule in _SUBJECT_RULES:
        if srule(st, ci, c, subj):
            return
