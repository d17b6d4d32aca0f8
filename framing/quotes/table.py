"""Rows of the quote table: attributions, continuations and resolved speakers of one text."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, Iterable, Mapping

from ..actors import Actor
from ..text import Span
from .attribute import find_attributions
from .continuation import merge_continuations
from .names import TextName, strip_party_tag
from .resolve import Resolver, text_names
from .rules import RawQuote
from .segment import Doc, seg_of

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


_NAME_BEFORE_RE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*[,(]\s*$")
_AFTER_RE = re.compile(r"\s*(?:,\s*|\()((?:[RDI]\s?-\s?[A-Z][\w. ]{0,12}?\)?(?=[,.;)]|\s+said))|"
                       r"(?:a|an|the)\s+[^,;:\"“”]{3,80}?(?=,))")


def speaker_slot(text: str, ms: int, me: int, appos: str) -> tuple[int, int, str]:
    """The speaker mention's span and apposition, read from the text around the mention.

    Rule *a party tag is not a speaker*: a mention that is only a party-state tag ("R-Utah")
    moves to the name just before it ("Sen. Mike Lee, R-Utah"). A tag or an apposition right
    after the mention (", R-Texas,", ", a spokesman for the State Department,") joins ``appos``.

    Examples
    --------
    >>> t = "Sen. Mike Lee, R-Utah, said no."
    >>> speaker_slot(t, 15, 21, "")
    (0, 13, 'R-Utah')
    >>> t = "Tom Price, a spokesman for the State Department, said no."
    >>> speaker_slot(t, 0, 9, "")
    (0, 9, 'a spokesman for the State Department')
    """
    rest, party, _ = strip_party_tag(text[ms:me])
    if party and not rest.strip(" ,()"):
        base = max(0, ms - 80)
        hit = _NAME_BEFORE_RE.search(text[base:ms])
        if hit:
            return base + hit.start(1), base + hit.end(1), (appos + " " + text[ms:me]).strip()
        return ms, me, appos
    after = _AFTER_RE.match(text, me, min(len(text), me + 100))
    if after and after.group(1) not in appos:
        appos = (appos + " " + after.group(1)).strip()
    return ms, me, appos


_SUBJECT_RE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Sens|Reps|Lt|Gen)\.\s+)?"
                         r"([A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+)*)"
                         r"(?=(?:,?\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,?)?\s+([a-z]+)\b)")
_MARK_RE = re.compile("[\"“”«]")
_NOT_VERB = frozenset("of and or in on at to for with from by as the a an who whom whose which that than".split())


def subject_mention(text: str, seg_start: int, stop: int, known: set[str]) -> tuple[int, int] | None:
    """Rule *the sentence's subject speaks*: for a cue with no speaker of its own ("In one emailed
    statement, Perry stated, ..."; "Mr. Santorum did not back down, saying ..."), the last person's
    name between the sentence start and ``stop`` (the content or cue; for a mixed quote, its first
    quotation mark) that a verb follows ("Gov. Rick Perry of Texas is ..." too). A name
    is a person's when its last word is a surname in ``known`` (lower-cased). None when there is none.

    Examples
    --------
    >>> t = "After reporter Michael Scotto finished, Grimm stormed back and said, no."
    >>> subject_mention(t, 0, 62, {"scotto", "grimm"})
    (40, 45)
    """
    best = None
    for m in _SUBJECT_RE.finditer(text, seg_start, stop):
        last = m.group(1).split()[-1].lower().replace("’", "'")
        last = last[:-2] if last.endswith("'s") else last
        if last in known and m.group(2) not in _NOT_VERB and m.end(1) <= stop:
            best = (m.start(), m.end(1))
    return best


def _mark_quoted(names: list[TextName], doc: Doc) -> list[TextName]:
    """``names`` with ``quoted`` set for those inside a direct quote of ``doc``."""
    if not doc.dquotes:
        return list(names)
    spans = sorted((q.start, q.end) for q in doc.dquotes)
    starts = [s for s, _ in spans]
    out = []
    for n in names:
        i = bisect_right(starts, n.start) - 1
        out.append(TextName(n.start, n.end, n.name, n.roles, True) if i >= 0 and n.end <= spans[i][1] else n)
    return out


def _table(rows: list[RawQuote], text: str, doc: Doc, actors: Iterable[Actor] | None,
           story_names: Mapping[str, tuple[str, ...]] | None = None,
           people: list[TextName] | None = None, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of the quote table (``prefix``, then values in :data:`QUOTE_COLUMNS` order), sorted by
    content offsets.

    Plain tuples, not dicts: a corpus gives tens of thousands of rows, and
    the frame is built once from all of them.
    """
    rows = merge_continuations(rows, doc)
    rows.sort(key=lambda r: (r.cue_start if r.cue_start is not None else r.start))
    names = _mark_quoted(text_names(text) if people is None else people, doc)
    res = Resolver(actors, names, story_names)
    slots = {id(r): speaker_slot(text, r.mention[0], r.mention[1], r.appos) for r in rows if r.mention is not None}
    known = {n.name.split()[-1].lower().replace("’", "'") for n in names if not n.quoted}

    def subject(r: RawQuote) -> tuple[int, int, str] | None:
        if r.inherit is not None or r.cue_start is None or r.hidden:
            return None
        seg = doc.segs[seg_of(doc, r.cue_start)]
        stop = r.start if r.start > r.cue_start else r.cue_start
        if r.kind == "mixed" and r.start > r.cue_start:  # the clause that introduces the quoted words
            m = _MARK_RE.search(text, r.start, r.end)
            stop = m.start() if m else stop
        hit = subject_mention(text, seg[0], stop, known)
        return (hit[0], hit[1], "") if hit is not None else None

    for r in rows:
        if r.mention is None:
            hit = subject(r)
            if hit is not None:
                slots[id(r)] = hit
    res.prescan([(ms, text[ms:me], appos) for ms, me, appos in slots.values()])
    profiles: dict[int, Any] = {}
    for r in rows:  # speakers named here, in text order (pronouns refer back)
        if id(r) in slots:
            ms, me, appos = slots[id(r)]
            prof = res.resolve(ms, text[ms:me], appos)
            hit = subject(r) if not prof.name else None  # a pronoun with nothing to refer to
            if hit is not None and hit[0] != ms:
                ms, me, appos = hit
                prof = res.resolve(ms, text[ms:me], appos)
            profiles[id(r)] = (prof, ms, me)

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
        out.append((*prefix, r.kind, r.start, r.end, text[r.start:r.end], speaker, mention, ms, me, r.cue,
                    r.cue_start, r.cue_end, r.stance, anonymous, affiliation, country))
    k = len(prefix) + 1  # the column ``start``
    out.sort(key=lambda t: (t[k], t[k + 1]))
    return out


def quote_rows(text: str, actors: Iterable[Actor] | None = None, paragraphs: list[Span] | None = None,
               sentences: list[Span] | None = None, convention: str = "reported-speech", *,
               story_names: Mapping[str, tuple[str, ...]] | None = None,
               people: list[TextName] | None = None, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The quote table rows of ``text`` (tuples in :data:`QUOTE_COLUMNS` order) under ``convention``
    (see :mod:`framing.quotes.convention`). ``story_names`` are the person names of the text's story
    (:func:`framing.analyzers.voices.story_name_counts`), ``people`` the names the text gives
    (:func:`framing.quotes.resolve.text_names`, found here when not given); ``prefix`` opens every
    row (the article id and outlet of a corpus table).

    Examples
    --------
    >>> [r[:5] for r in quote_rows("“We are ready,” Smith said.")]
    [('direct', 1, 14, 'We are ready,', 'Smith')]
    """
    if not text or not text.strip():
        return []
    raw, doc = find_attributions(text, paragraphs, sentences, convention)
    return _table(raw, text, doc, actors, story_names, people, prefix)
