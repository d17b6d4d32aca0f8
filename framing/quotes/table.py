"""Rows of the quote table: attributions, continuations and resolved speakers of one text."""
from __future__ import annotations

from typing import Any, Iterable

from ..actors import Actor
from ..text import Span
from .attribute import find_attributions
from .continuation import merge_continuations
from .resolve import Resolver
from .rules import RawQuote
from .segment import Doc

__all__ = ["QUOTE_COLUMNS", "quote_rows"]

#: Columns of :func:`framing.extract_quotes`, in order (documented there).
QUOTE_COLUMNS: tuple[str, ...] = (
    "kind",
    "start",
    "end",
    "content",
    "speaker",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "verb_class",
    "anonymous",
    "affiliation",
    "country",
)


def _table(rows: list[RawQuote], text: str, doc: Doc, actors: Iterable[Actor] | None) -> list[tuple[Any, ...]]:
    """Rows of the quote table (values in :data:`QUOTE_COLUMNS` order), sorted by content offsets.

    Plain tuples, not dicts: a corpus gives tens of thousands of rows, and
    the frame is built once from all of them.
    """
    rows = merge_continuations(rows, doc)
    rows.sort(key=lambda r: (r.cue_start if r.cue_start is not None else r.start))
    res = Resolver(actors)
    res.prescan([(r.mention[0], text[r.mention[0]:r.mention[1]], r.appos) for r in rows if r.mention is not None])
    profiles: dict[int, Any] = {}
    for r in rows:  # speakers named here, in text order (pronouns refer back)
        if r.mention is not None:
            ms, me = r.mention
            profiles[id(r)] = (res.resolve(ms, text[ms:me], r.appos), ms, me)

    def profile(r: RawQuote) -> Any:
        hit = profiles.get(id(r))
        if hit is None:  # a row sharing another row's speaker
            hit = profiles[id(r)] = profile(r.inherit) if r.inherit is not None else (None, None, None)
        return hit

    out: list[tuple[Any, ...]] = []
    for r in rows:
        prof, ms, me = profile(r)
        mention = text[ms:me] if ms is not None else ""
        if prof is not None:
            speaker, anonymous, affiliation, country = prof.name, bool(prof.anonymous), prof.affiliation, prof.country
        else:
            speaker, anonymous, affiliation, country = "", False, "unknown", ""
        out.append((r.kind, r.start, r.end, text[r.start:r.end], speaker, mention, ms, me, r.cue, r.cue_start,
                    r.cue_end, r.stance, anonymous, affiliation, country))
    out.sort(key=lambda t: (t[1], t[2]))
    return out


def quote_rows(text: str, actors: Iterable[Actor] | None = None, paragraphs: list[Span] | None = None,
               sentences: list[Span] | None = None, convention: str = "reported-speech") -> list[tuple[Any, ...]]:
    """The quote table rows of ``text`` (tuples in :data:`QUOTE_COLUMNS` order) under ``convention``
    (see :mod:`framing.quotes.convention`).

    Examples
    --------
    >>> [r[:5] for r in quote_rows("“We are ready,” Smith said.")]
    [('direct', 1, 14, 'We are ready,', 'Smith')]
    """
    if not text or not text.strip():
        return []
    raw, doc = find_attributions(text, paragraphs, sentences, convention)
    return _table(raw, text, doc, actors)
