"""Quote continuation: direct quotes with no cue of their own take a neighbour's speaker.

Newsroom style names the speaker once and lets the quotes that follow stand
alone: "“A,” said X. “B.”" or "X said ... ¶ “B.”". Two rules:

* :func:`rule_open_quote_continues`: a quote left open at its paragraph end,
  the next paragraph reopening it ("“A. ¶ “B,” he said.") is one quotation:
  it joins the attributed quote that follows;
* :func:`rule_follows_attribution`: a quote in the sentence right after an
  attribution (nothing between them but the attribution's own sentence)
  is a row of its own with that attribution's speaker. A sentence or a
  heading in between stops it, and so does a new speaker (the nearest
  preceding row is the one whose speaker is taken).

Any other free-standing quote with no attribution is left out.
"""
from __future__ import annotations

from .rules import RawQuote
from .segment import Doc, seg_of

__all__ = ["merge_continuations", "rule_open_quote_continues", "rule_follows_attribution"]


def rule_open_quote_continues(r: RawQuote, nxt: RawQuote | None) -> bool:
    """Join ``r`` to ``nxt`` when ``r`` is a quote left open that the next paragraph's attributed
    direct quote reopens (one quotation over two paragraphs)."""
    if r.continues and nxt is not None and nxt.kind == "direct" and not nxt.unattributed and nxt.para - r.para <= 1:
        nxt.start = r.start
        return True
    return False


def _last_segment(doc: Doc, row: RawQuote) -> int:
    """The last segment holding ``row``'s content or cue."""
    end = row.end if row.cue_end is None else max(row.end, row.cue_end)
    return seg_of(doc, max(end - 1, 0))


def rule_follows_attribution(r: RawQuote, prev: RawQuote | None, doc: Doc) -> bool:
    """Give ``r`` the speaker of ``prev`` when ``r`` opens the sentence right after ``prev``'s."""
    if prev is None or (prev.mention is None and prev.inherit is None):
        return False
    if r.sentence - _last_segment(doc, prev) > 1:
        return False  # a sentence or a heading intervenes
    r.inherit = prev
    r.unattributed = False
    return True


def merge_continuations(rows: list[RawQuote], doc: Doc) -> list[RawQuote]:
    """The visible rows of ``rows`` with the continuation rules applied (see the module docstring)."""
    out: list[RawQuote] = []
    visible = [r for r in rows if not r.hidden]
    for i, r in enumerate(visible):
        if not r.unattributed:
            out.append(r)
            continue
        if rule_open_quote_continues(r, visible[i + 1] if i + 1 < len(visible) else None):
            continue
        if rule_follows_attribution(r, out[-1] if out else None, doc):
            out.append(r)
    return out
