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
  preceding row is the one whose speaker is taken);
* :func:`rule_quote_paragraph_continues`: a quote that is a paragraph of its
  own ("X said ... ¶ Some narration. ¶ “B.”") takes the speaker of the
  nearest preceding row when that row ends at most
  :data:`PARAGRAPH_REACH` paragraphs before it and no heading intervenes:
  newsroom style gives a quote paragraph no tag when its speaker was just
  quoted.

* :func:`rule_whole_quote_stands_alone`: any other quote that fills its
  paragraph or its sentence, of :data:`STANDALONE_MIN_WORDS` words or more,
  is a quotation
  whose speaker the rules cannot name: a row with an empty speaker (the
  Gender Gap Tracker gold annotates such quotes with no speaker).

Any other free-standing quote with no attribution ("The sign read “...”") is
left out.
"""
from __future__ import annotations

from .rules import RawQuote
from .segment import Doc, para_of, seg_of
from .tokens import n_words

__all__ = ["merge_continuations", "rule_open_quote_continues", "rule_follows_attribution",
           "rule_quote_paragraph_continues", "rule_whole_quote_stands_alone", "PARAGRAPH_REACH",
           "STANDALONE_MIN_WORDS"]

#: How many paragraphs back a quote paragraph looks for its speaker (one narration paragraph may intervene).
PARAGRAPH_REACH = 2

#: How long a stand-alone quote (a whole paragraph or sentence) must be to be kept without a speaker.
STANDALONE_MIN_WORDS = 6

#: What may stand around a quote that fills its paragraph: white space, quote marks, end punctuation.
_MARKS_PUNCT = " \t\n\u00a0\"“”«»‘’'.,!?…"


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


#: How a paragraph of running text ends (a heading ends with none of these).
_SENTENCE_ENDS = (".", "!", "?", "\"", "”", "’", ")", ":")


def _is_paragraph(doc: Doc, r: RawQuote) -> bool:
    """Does ``r`` fill its paragraph (nothing around it but quote marks and end punctuation)?"""
    if not doc.para_starts:
        return False
    pi = para_of(doc, r.start)
    text = doc.text
    return (text[doc.para_starts[pi]:r.start].strip(_MARKS_PUNCT) == ""
            and text[r.end:doc.para_ends[pi]].strip(_MARKS_PUNCT) == "")


def rule_quote_paragraph_continues(r: RawQuote, prev: RawQuote | None, doc: Doc) -> bool:
    """Give ``r`` the speaker of ``prev`` when ``r`` is a paragraph of its own at most
    :data:`PARAGRAPH_REACH` paragraphs after the end of ``prev``."""
    if prev is None or (prev.mention is None and prev.inherit is None) or not _is_paragraph(doc, r):
        return False
    end = prev.end if prev.cue_end is None else max(prev.end, prev.cue_end)
    p0, p1 = para_of(doc, max(end - 1, 0)), para_of(doc, r.start)
    if p1 - p0 > PARAGRAPH_REACH:
        return False
    for pi in range(p0 + 1, p1):  # a heading in between (no end punctuation) starts a new section
        if not doc.text[doc.para_starts[pi]:doc.para_ends[pi]].rstrip().endswith(_SENTENCE_ENDS):
            return False
    r.inherit = prev
    r.unattributed = False
    return True


def rule_whole_quote_stands_alone(r: RawQuote, doc: Doc) -> bool:
    """Keep ``r`` with no speaker when it fills its paragraph or its sentence and has at least
    :data:`STANDALONE_MIN_WORDS` words."""
    s0, s1 = doc.segs[seg_of(doc, r.start)]
    whole = doc.text[s0:r.start].strip(_MARKS_PUNCT) == "" and doc.text[r.end:s1].strip(_MARKS_PUNCT) == ""
    if not (_is_paragraph(doc, r) or whole) or n_words(doc.text[r.start:r.end], STANDALONE_MIN_WORDS) < STANDALONE_MIN_WORDS:
        return False
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
        prev = out[-1] if out else None
        if (rule_follows_attribution(r, prev, doc) or rule_quote_paragraph_continues(r, prev, doc)
                or rule_whole_quote_stands_alone(r, doc)):
            out.append(r)
    return out
