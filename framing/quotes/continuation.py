"""Quote continuation: direct quotes with no cue of their own take a neighbour's speaker."""
from __future__ import annotations

from .rules import RawQuote

__all__ = ["merge_continuations"]


def merge_continuations(rows: list[RawQuote], text: str) -> list[RawQuote]:
    """Attach unattributed direct quotes to the attributed quote next to them.

    * "“A.\\n\\n“B,” he said.": a quote left open at its paragraph end joins
      the attributed quote that follows (one row);
    * "“A,” said X. “B.”" or the next paragraph: the quote extends the
      attributed direct quote before it (same speaker, one row);
    * a quote paragraph of six words or more right after an attribution
      paragraph gets its own row with that speaker.

    Any other free-standing quote with no attribution is left out. Hidden
    rows are dropped.
    """
    out: list[RawQuote] = []
    visible = [r for r in rows if not r.hidden]
    for i, r in enumerate(visible):
        if not r.unattributed:
            out.append(r)
            continue
        nxt = visible[i + 1] if i + 1 < len(visible) else None
        if r.continues and nxt is not None and nxt.kind == "direct" and not nxt.unattributed and nxt.para - r.para <= 1:
            nxt.start = r.start
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "direct" and r.para - prev.para <= 2 and prev.cue_start is not None:
            if len(text[prev.end:r.start]) < 400:
                prev.end = r.end
                continue
        if prev is not None and r.para - prev.para == 1 and prev.cue_start is not None and len(text[r.start:r.end].split()) >= 6:
            r.inherit = prev
            r.unattributed = False
            out.append(r)
    return out
