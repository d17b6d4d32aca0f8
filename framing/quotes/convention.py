"""Annotation conventions: which attributions count as a quote.

Two conventions, chosen with ``convention=`` in
:func:`framing.extract_quotes` and :func:`framing.analyzers.voices.voices`:

* ``"reported-speech"`` (default): what someone *said* or wrote. An
  indirect or mixed row needs a verb of saying (say, tell, add, explain,
  write, argue, warn, urge, call ...). Rows whose cue reports a thought,
  a belief, a perception, an intention or a finding (think, believe, expect,
  want, seek, seem, show, find), an accusation (accuse, blame) or an act
  about speech whose object is no reported content (ask, decline, reject,
  question, praise, criticize, thank, discuss, promise to ...) are left out
  (:func:`rule_speech_act_only`); so are indirect rows with no speaker at
  all (:func:`rule_speaker_needed`: "Analysts have long suggested that ..."
  with no subject found), and indirect rows whose content opens with a
  preposition (:func:`rule_content_not_topic`: "warned about slowing
  sales", "tells us about a concern": a topic, not what was said), and
  indirect rows of a passive cue (:func:`rule_not_passive`: "they are
  encouraged to keep a log": the subject heard it, who said it is not
  named), and indirect rows where a document reports evidence
  (:func:`rule_document_says_only`: "a private survey suggested ...", "the
  study estimates ..."; "the report said" stays). This is
  the Gender Gap Tracker's
  convention (Asr et al. 2021): its gold holds said/says/told/writes/adds/
  explains/notes and no think/believe/expect/find, and 5 of its 257
  indirect quotes (dev half) have no speaker.
* ``"attribution"``: every attribution of a proposition or a stance,
  including cognition, intention and evaluation (PolNeAR's convention,
  Newell et al. 2018: "expected", "sought", "declined to", "criticized").

Direct quotes are kept under both: their words are the speaker's whatever
the verb ("“Why now?” she asked").

Word list: ``framing/data/quote_evidence.csv`` (class ``not_speech_act``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import FramingError
from ..resources import read_csv
from .cues import is_passive
from .data import lexicon
from .evidence import opens_topic
from .rules import RawQuote

__all__ = ["CONVENTIONS", "check_convention", "rule_speech_act_only", "rule_speaker_needed", "rule_content_not_topic", "rule_not_passive",
           "rule_document_says_only",
           "is_speech_act",
           "apply_convention"]

#: The conventions :func:`apply_convention` knows, the default first.
CONVENTIONS: tuple[str, ...] = ("reported-speech", "attribution")

#: An object pronoun opening the words after a cue ("tells us about"): the hearer, before the content.
_OBJECT_PRONOUN_RE = re.compile(r"^\s*(?:us|him|her|them|me|you)\s+", re.I)

#: Frames whose cues never report what was said (cognition: think, expect, find; accusation: accuse, blame).
_NON_SPEECH_FRAMES = frozenset(("cognition", "accusation"))


def check_convention(convention: str) -> str:
    """``convention`` when it is one of :data:`CONVENTIONS`; a :class:`FramingError` naming the choices otherwise.

    >>> check_convention("attribution")
    'attribution'
    """
    if convention not in CONVENTIONS:
        raise FramingError(f"convention={convention!r} is not a quote convention; use one of "
                           f"{', '.join(repr(c) for c in CONVENTIONS)}")
    return convention


@lru_cache(maxsize=1)
def _not_speech_acts() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in read_csv("quote_evidence.csv", ("word", "class"))
                     if row["class"] == "not_speech_act")


@lru_cache(maxsize=4096)  # one answer per cue as written; a corpus has a few hundred
def is_speech_act(cue: str) -> bool:
    """Does the cue (as written) report what someone said, under the reported-speech convention?

    >>> is_speech_act("said"), is_speech_act("told"), is_speech_act("believes"), is_speech_act("declined")
    (True, True, False, False)
    """
    form = " ".join(cue.lower().split())
    lemma, _, frame = lexicon().cues.get(form, (form, "neutral", "speech"))
    if frame in _NON_SPEECH_FRAMES:
        return False
    return lemma not in _not_speech_acts()


def rule_speech_act_only(row: RawQuote) -> bool:
    """Keep ``row`` under the reported-speech convention? Direct quotes, cue-less rows and rows
    whose cue is a verb of saying (:func:`is_speech_act`) are kept."""
    return row.kind == "direct" or not row.cue or row.cue == ":" or is_speech_act(row.cue)


def rule_speaker_needed(row: RawQuote) -> bool:
    """Keep ``row`` under the reported-speech convention? An indirect or mixed row needs a speaker
    mention of its own or a row whose speaker it shares."""
    return row.kind == "direct" or row.mention is not None or row.inherit is not None


def rule_content_not_topic(row: RawQuote, text: str) -> bool:
    """Keep ``row`` under the reported-speech convention? An indirect row whose content opens with
    a preposition or a particle names a topic ("warned about slowing sales"), not what was said;
    one opening with "to" after a verb that gives no order names a commitment ("agreed to pay",
    "is said to have"), not what was said; PolNeAR annotates such attributions, so they stay under
    ``"attribution"``."""
    if row.kind != "indirect":
        return True
    content = text[row.start:row.end]
    if opens_topic(content) or opens_topic(_OBJECT_PRONOUN_RE.sub("", content, count=1)):
        return False  # "warned about ...", "tells us about ..."
    if content[:3].lower() == "to " and row.cue:
        lemma, _, frame = lexicon().cues.get(" ".join(row.cue.lower().split()), ("", "", "speech"))
        return frame == "directive" or lemma == "tell"
    return True


def rule_not_passive(row: RawQuote, text: str) -> bool:
    """Keep ``row`` under the reported-speech convention? An indirect or mixed row whose cue is a
    passive participle ("were told to", "is said to have", "are encouraged to") names the hearer or
    the topic as its subject, not the speaker (PolNeAR annotates many of these without a source)."""
    return row.kind == "direct" or row.cue_start is None or not is_passive(text, row.cue_start, row.cue)


@lru_cache(maxsize=1)
def _evidence_words() -> tuple[frozenset[str], frozenset[str]]:
    rows = read_csv("quote_evidence.csv", ("word", "class"))
    return (frozenset(r["word"].lower() for r in rows if r["class"] == "document"),
            frozenset(r["word"].lower() for r in rows if r["class"] == "evidence_verb"))


def rule_document_says_only(row: RawQuote, text: str) -> bool:
    """Keep ``row`` under the reported-speech convention? A document (study, survey, poll, data)
    speaks with a verb of saying ("the report said") but not with a verb of evidence ("the survey
    suggested", "the study estimates": a finding, not a quote)."""
    if row.kind == "direct" or row.mention is None:
        return True
    documents, verbs = _evidence_words()
    words = text[row.mention[0]:row.mention[1]].lower().split()
    return not (words and words[-1].strip(".,'’") in documents and _lemma_of(row.cue) in verbs)


@lru_cache(maxsize=4096)
def _lemma_of(cue: str) -> str:
    """The lemma of a cue as written (its form, lower case with one space between words, when
    it is not a packaged cue)."""
    form = " ".join(cue.lower().split())
    return lexicon().cues.get(form, (form,))[0]


def apply_convention(rows: list[RawQuote], convention: str, text: str) -> list[RawQuote]:
    """The rows of ``rows`` (found in ``text``) that count as quotes under ``convention``.

    A row sharing the speaker of a row left out (``inherit``) takes that
    row's speaker mention instead.
    """
    if convention == "attribution":
        return rows
    dropped = {id(r) for r in rows
               if not (rule_speech_act_only(r) and rule_speaker_needed(r) and rule_content_not_topic(r, text)
                       and rule_not_passive(r, text) and rule_document_says_only(r, text))}
    if not dropped:
        return rows
    out = []
    for r in rows:
        if id(r) in dropped:
            continue
        while r.inherit is not None and id(r.inherit) in dropped:
            r.mention, r.appos, r.inherit = r.inherit.mention, r.inherit.appos, r.inherit.inherit
        out.append(r)
    return out
