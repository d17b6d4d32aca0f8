"""The attribution driver: cues through the rules, then labels, leftover quotes and nesting.

:func:`find_attributions` works on one text in one pass over its cues. Every
window a rule looks at is bounded (a sentence, at most a few hundred
characters around a cue), so the whole run is linear in the length of the
text.
"""
from __future__ import annotations

from bisect import bisect_right

from ..text import Span
from .convention import apply_convention, check_convention
from .cues import Cue, find_cues
from .marks import ascii_double_marks
from .rules import (RawQuote, State, attribute_verb, rule_according_to, rule_colon_label, rule_fallback_clause,
                    rule_nominal_that, rule_passive_by)
from .segment import Doc, para_of, seg_of, segment
from .tokens import n_words

__all__ = ["find_attributions", "attribute_cue"]

#: The rule for each cue frame; every other frame goes to :func:`attribute_verb`.
_FRAME_RULES = {"passive": rule_passive_by, "according": rule_according_to, "nominal": rule_nominal_that}


def find_attributions(
    text: str,
    paragraphs: list[Span] | None = None,
    sentences: list[Span] | None = None,
    convention: str = "reported-speech",
) -> tuple[list[RawQuote], Doc]:
    """Find attributions in ``text`` (speakers not yet resolved).

    Offsets refer to ``text``; ASCII double marks (``''``) are read as
    ``"`` (see :func:`framing.quotes.marks.ascii_double_marks`).
    ``convention`` says which attributions count (see
    :mod:`framing.quotes.convention`).

    Examples
    --------
    >>> rows, _ = find_attributions("“We are ready,” Smith said.")
    >>> [(r.kind, r.cue) for r in rows]
    [('direct', 'said')]
    """
    text = ascii_double_marks(text)
    doc = segment(text, paragraphs, sentences)
    st = State(doc, find_cues(doc))
    for ci, c in enumerate(st.cues):
        attribute_cue(st, ci, c)
    with_row = {r.cue_start for r in st.rows}
    for ci, c in enumerate(st.cues):
        if c.start not in with_row:
            rule_fallback_clause(st, ci, c)
    for ps, pe in zip(doc.para_starts, doc.para_ends):
        rule_colon_label(st, ps, pe)
    rows = apply_convention(st.rows, check_convention(convention), text)
    st.rows = rows
    rows.sort(key=lambda r: r.start)
    rows.extend(_unattributed_quotes(st))
    rows.sort(key=lambda r: (r.start, r.end))
    _hide_nested(rows)
    return rows, doc


def attribute_cue(st: State, ci: int, c: Cue) -> None:
    """Run the rules for cue ``c`` (number ``ci``): its frame's rule, or the rules for verbs."""
    rule = _FRAME_RULES.get(c.frame)
    if rule is not None:
        rule(st, ci, c)
    else:
        attribute_verb(st, ci, c)


def _unattributed_quotes(st: State) -> list[RawQuote]:
    """Direct quotes of four words or more that no row holds (continuations or unattributed)."""
    text, doc = st.text, st.doc
    row_spans = sorted((r.start, r.end) for r in st.rows)
    rs_starts = [s for s, _ in row_spans]
    out: list[RawQuote] = []
    for qi, q in enumerate(doc.dquotes):
        if qi in st.used_dq:
            continue
        i = bisect_right(rs_starts, q.start) - 1
        if i >= 0 and row_spans[i][0] <= q.start and q.end <= row_spans[i][1] + 1:
            continue  # inside a mixed or indirect row's content
        if n_words(text[q.start:q.end], 4) < 4:
            continue
        out.append(RawQuote("direct", q.start, q.end, "", None, None, "", None, unattributed=True,
                            para=para_of(doc, q.start), sentence=seg_of(doc, q.start), quoted=True,
                            continues=q.continues))
    return out


def _hide_nested(rows: list[RawQuote]) -> None:
    """Hide rows whose cue lies inside another row's content (outermost only).

    When two rows hold each other's cue ("X said Y, according to Z"), the
    one with the later cue is the outer one. Rows inheriting from a hidden
    row are hidden too.
    """
    attributed = sorted((r for r in rows if not r.unattributed), key=lambda r: r.start)
    starts = [r.start for r in attributed]
    max_end_before: list[int] = []
    m = -1
    for r in attributed:
        m = max(m, r.end)
        max_end_before.append(m)
    for r in rows:
        if r.cue_start is None or r.kind == "direct" or r.hidden:
            continue
        i = bisect_right(starts, r.cue_start - 1) - 1
        if i < 0 or max_end_before[i] <= r.cue_end:
            continue
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
    for r in rows:
        if r.inherit is not None and r.inherit.hidden:
            r.hidden = True
