"""The last rule: a cue no other rule used gives its clause to the right."""
from __future__ import annotations

import re

from ..cues import Cue
from ..tokens import n_words, np_left
from .state import TIME_AFTER_CUE_RE, State, is_tail

__all__ = ["rule_fallback_clause"]

_FALLBACK_FRAMES = frozenset(("speech", "cognition", "directive", "accusation"))
_FALLBACK_MIN_WORDS = 3
_FALLBACK_NOT_OBJECT = frozenset([("insist", "on"), ("thank", "to"), ("thanks", "to")])
_LEAD_THAT_RE = re.compile(r"\s*,?\s*that\b")
#: Right-hand text that is no content: an anaphoric object ("said this, ...") or a preposition ("thanks to").
_FALLBACK_SKIP_RE = re.compile(r"\s*(?:(?:this|so|it|that|these|those)\s*[,.;:]|to\s+(?:the|a|an|his|her|their|its|these|this|that)\b)", re.I)


def rule_fallback_clause(st: State, ci: int, c: Cue) -> None:
    """"While saying that he does respect the process, Sanders ...": the clause after the cue.

    The speaker is the noun phrase left of the cue when there is one. Not
    for "CONTENT, said X" (the words after the cue name the speaker),
    "insist on its demands", "thanks to the protests", an opening
    participle clause ("Responding to the allegations, X said ...") or a
    clause of fewer than three words.
    """
    text = st.text
    if c.frame not in _FALLBACK_FRAMES or c.start in st.vetoed:
        return
    s0, s1 = st.doc.segs[c.seg]
    a = c.end
    m_time = TIME_AFTER_CUE_RE.match(text, a, s1)
    if m_time is not None:
        a = m_time.end()
    m_that = _LEAD_THAT_RE.match(text, a, s1)
    if m_that is not None:
        a = m_that.end()
    after = text[a:s1]
    if n_words(after, _FALLBACK_MIN_WORDS) < _FALLBACK_MIN_WORDS or is_tail(after) or _FALLBACK_SKIP_RE.match(after):
        return
    is_ing = c.form.lower().endswith("ing")
    if text[s0:c.start].rstrip().endswith((",", "”", '"', "’")) and not is_ing:
        return
    if (c.lemma, after.split(None, 1)[0].lower()) in _FALLBACK_NOT_OBJECT:
        return
    if is_ing and not text[s0:c.start].strip(" \t\n\"“‘'("):
        return
    b = st.content_end(c, ci, a, s1)
    if n_words(text[a:b], _FALLBACK_MIN_WORDS) < _FALLBACK_MIN_WORDS:
        return
    lnp = np_left(st.doc, s0, c.start, st.roles)
    st.add(st.row("mixed" if st.doc.contains_any_quote(a, b) else "indirect", a, b, c,
                  (lnp[0], lnp[1]) if lnp is not None else None, appos=lnp[2] if lnp is not None else ""))
