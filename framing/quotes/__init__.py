"""Quote extraction: who is quoted, in whose words, with what verb.

One module per stage, run in this order by :func:`quote_rows`:

* :mod:`.marks` - quotation mark spans (and ASCII ``''`` read as ``"``);
* :mod:`.segment` - paragraphs, sentences and quote-widened segments;
* :mod:`.tokens` - tokens and noun phrases (speaker mentions);
* :mod:`.cues` - reporting verbs and phrases of ``reporting_verbs.csv``;
* :mod:`.evidence` - evidence of speech (content that is a clause, a
  speaker that can speak, no non-speech reading of the verb);
* :mod:`.rules` - one named rule per syntactic frame, run by
  :mod:`.attribute`;
* :mod:`.convention` - which attributions count: ``"reported-speech"``
  (default: what was said or written) or ``"attribution"`` (also beliefs,
  expectations, intentions and evaluations);
* :mod:`.continuation` - a cue-less quote right after an attribution
  takes its speaker (one row per quotation);
* :mod:`.resolve` - names, titles, pronouns and groups to speakers;
* :mod:`.data` - the packaged word lists.

The public table functions live in :mod:`framing.analyzers.voices`.
"""
from __future__ import annotations

from .attribute import find_attributions
from .marks import ascii_double_marks
from .table import QUOTE_COLUMNS, quote_rows

__all__ = ["QUOTE_COLUMNS", "ascii_double_marks", "find_attributions", "quote_rows"]
