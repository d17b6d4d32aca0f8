"""Rules for cues whose frame fixes where the speaker and the content are.

* passive (*this was stated by X*): the content is the previous sentence;
* according (*according to X*): the content is the rest of the sentence;
* nominal (*X's statement that ...*): the content is the that-clause.
"""
from __future__ import annotations

import re

from ..cues import Cue
from ..tokens import CONNECTIVE_RE, loose_np_right, n_words, np_right
from ..evidence import is_object_not_clause
from .state import State

__all__ = ["rule_passive_by", "rule_according_to", "rule_nominal_that"]

_BY_RE = re.compile(r"\bby\b")
_COMMA_LEAD_RE = re.compile(r"\s*,\s*")
_SPACE_THAT_RE = re.compile(r"\s+that\b")
_POSSESSOR_END_RE = re.compile(r"((?:[A-Z][\w.-]*\s+)*(?:[A-Z][\w.-]*|\w+)(?:['’]s|s['’]))\s+(?:\w+\s+){0,2}$")


def rule_passive_by(st: State, ci: int, c: Cue) -> bool:
    """"The deal is final. This was stated by Foreign Minister Lavrov.": the previous sentence.

    The speaker is the noun phrase after *by*.
    """
    text, doc = st.text, st.doc
    s1 = doc.segs[c.seg][1]
    lowform = c.form.lower()
    by = _BY_RE.search(text[c.end:s1]) if not lowform.endswith(" by") else None
    np_from = c.end if lowform.endswith(" by") else (c.end + by.end() if by else -1)
    if np_from < 0 or c.seg == 0:
        return True
    sp = np_right(doc, np_from, s1, st.roles)
    if sp is None:
        return True
    ps0, ps1 = doc.segs[c.seg - 1]
    st.add(st.row("indirect", ps0, ps1, c, sp, appos=text[sp[1]:s1].strip(" ,.")))
    return True


def rule_according_to(st: State, ci: int, c: Cue) -> bool:
    """"According to the ministry, the talks failed." or "The talks failed, according to X."

    Opening the sentence, the content follows the speaker (after an
    appositive); later in the sentence, the content is what precedes the cue,
    or the whole sentence when the cue splits a clause ("Some of those
    concerns, according to experts, include ...": :func:`_splits_clause`).
    """
    text, doc = st.text, st.doc
    s0, s1 = doc.segs[c.seg]
    if c.form.lower() != "according to":
        return True
    sp = np_right(doc, c.end, s1, st.roles) or loose_np_right(text, c.end, s1)
    if sp is None:
        return True
    head = text[s0:c.start]
    m_lead = CONNECTIVE_RE.match(head)
    lead_empty = head.strip(" \t\n\"“") == "" or (m_lead is not None and m_lead.end() >= len(head.rstrip()))
    after = text[sp[1]:s1]
    if lead_empty:
        m = _COMMA_LEAD_RE.match(after)
        if not m:
            return True
        a = sp[1] + m.end()
        rest = text[a:s1]
        toks = rest.split(None, 1)
        appos = ""
        if toks and toks[0].lower().strip(",") in st.appos_words:
            k = rest.find(",")
            if 0 <= k < 200 and k < len(rest) - 3:
                appos = rest[:k]
                a = a + k + 1
        b = st.content_end(c, ci, a, s1)
        st.add(st.row("indirect", a, b, c, sp, appos=appos))
        return True
    a = s0 + (m_lead.end() if m_lead else 0)
    b = s0 + len(head.rstrip().rstrip(","))
    if _splits_clause(text[a:b], after):
        st.add(st.row("indirect", a, st.content_end(c, ci, a, s1), c, sp))
        return True
    if n_words(text[a:b], 3) < 3:
        return True
    st.add(st.row("indirect", a, b, c, sp, appos=after.strip(" ,.")))
    return True


def _splits_clause(before: str, after: str) -> bool:
    """Does "according to X" sit inside its content ("Some of those concerns, according to
    experts, include the link to ...")? The words before it hold no finite verb and a comma
    after the speaker goes on with at least three words that do not describe the speaker."""
    m = _COMMA_LEAD_RE.match(after)
    if m is None or not before.strip() or not is_object_not_clause(before):
        return False
    rest = after[m.end():]
    return n_words(rest, 3) >= 3 and rest.split(None, 1)[0].lower() not in _APPOS_DETS


#: First words of an appositive after the speaker (", a senior official"), not of the rest of a clause.
_APPOS_DETS = frozenset("a an the who which whose one".split())


def rule_nominal_that(st: State, ci: int, c: Cue) -> bool:
    """"Trump's claim that the vote was rigged": the that-clause, the possessor speaks."""
    text = st.text
    s0, s1 = st.doc.segs[c.seg]
    m_that = _SPACE_THAT_RE.match(text[c.end:s1])
    if not m_that:
        return True
    pre = text[max(s0, c.start - 120):c.start]
    m_pos = _POSSESSOR_END_RE.search(pre)
    if not m_pos:
        return True
    ps = c.start - len(pre) + m_pos.start(1)
    pe = c.start - len(pre) + m_pos.end(1)
    a = c.end + m_that.end()
    b = st.content_end(c, ci, a, s1)
    st.add(st.row("indirect", a, b, c, (ps, pe)))
    return True
