"""Colon labels: "Kasich: ‘We will win.’" (transcripts, headlines) and "CONTENT: US".

One rule per paragraph: :func:`rule_colon_label`.
"""
from __future__ import annotations

import re

from ..tokens import n_words
from .state import RawQuote, State

__all__ = ["rule_colon_label", "label_colon"]

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

Label = tuple[tuple[int, int], int, tuple[int, int]]  # speaker span, colon offset, content span


def _speaker_label(text: str, m: re.Match[str], pe: int) -> Label | None:
    """"Matthews: We will win." opening a paragraph (not "UPDATE:", "Photo:", "WASHINGTON:")."""
    label = m.group(1)
    first = label.split()[0].lower().rstrip(".")
    if first in _NOT_LABELS or first.replace("’", "'").rstrip("'s") in _NOT_LABELS:
        return None
    if label.isupper() and len(label) > 3 and " " not in label:
        return None
    a = m.end()
    b = pe
    while b > a and text[b - 1] in " \t\n":
        b -= 1
    if n_words(text[a:b], 3) < 3:
        return None
    return (m.start(1), m.end(1)), m.end(1), (a, b)


def _headline_tail_label(text: str, ps: int, pe: int) -> Label | None:
    """A one-line headline "Turkey poses threat to NATO: US" (at most one sentence before the colon)."""
    if pe - ps > 250 or "\n" in text[ps:pe]:
        return None
    m = _TAIL_LABEL_RE.search(text, ps, pe)
    if m is None or text[ps:m.start()].count(".") > 1:
        return None
    if m.group(1).split()[0].lower() in _NOT_LABELS:
        return None
    if n_words(text[ps:m.start()], 4) < 4:
        return None
    return (m.start(1), m.end(1)), m.start(), (ps, m.start())


def label_colon(text: str, ps: int, pe: int) -> Label | None:
    """A colon attribution in the paragraph ``text[ps:pe]``: (speaker span, colon offset, content span)."""
    m = _LABEL_RE.match(text, ps, pe)
    if m is not None:
        return _speaker_label(text, m, pe)
    return _headline_tail_label(text, ps, pe)


def rule_colon_label(st: State, ps: int, pe: int) -> None:
    """Add the row of a colon label in paragraph ``[ps, pe)``, if it has one.

    The content is direct when it is one whole quote or a headline's words in
    single marks, else mixed (holding a quote) or indirect.
    """
    text, doc = st.text, st.doc
    if text.find(":", ps, pe) < 0:
        return  # both label patterns need a colon
    lab = label_colon(text, ps, pe)
    if lab is None:
        return
    (ms, me), colon, (a, b) = lab
    qd = doc.contains_any_quote(a, b)
    fi = doc.first_quote_after(a) if qd else None
    fq = doc.dquotes[fi] if fi is not None else None
    whole = fq is not None and fq.open <= a and text[fq.outer_end:b].strip(" .") == ""
    if whole:
        st.used_dq.add(fi)
        a, b = fq.start, fq.end
    else:
        bb = b - 1 if text[b - 1] in ".!" else b
        if bb - a > 2 and text[a] in "‘'" and text[bb - 1] in "’'":
            a, b, whole = a + 1, bb - 1, True  # the headline's words in single marks
    st.add(RawQuote("direct" if whole else ("mixed" if qd else "indirect"), a, b, ":", colon, colon + 1, "neutral",
                    (ms, me), quoted=qd))
