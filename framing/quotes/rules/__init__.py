"""Attribution rules: one small named function per syntactic frame.

Each rule looks at one cue (or one paragraph, for colon labels) and either
claims it (returns True, with or without adding a row) or leaves it to the
next rule. :func:`framing.quotes.attribute.find_attributions` runs them:

* :mod:`.frames` - *this was stated by X*, *according to X*, *X's claim that*;
* :mod:`.verbs` - reporting verbs: quote then cue, participles, coordinated
  verbs, inversion, *as X said*, *said this*, *CONTENT, X said*, *X said:*
  before a quote, *X said (that) CONTENT*;
* :mod:`.fallback` - any other cue: its clause to the right;
* :mod:`.labels` - "Kasich: ‘We will win.’" and the headline "CONTENT: US".
"""
from __future__ import annotations

from .fallback import rule_fallback_clause
from .frames import rule_according_to, rule_nominal_that, rule_passive_by
from .labels import rule_colon_label
from .state import RawQuote, State
from .verbs import attribute_verb

__all__ = ["RawQuote", "State", "attribute_verb", "rule_according_to", "rule_colon_label", "rule_fallback_clause",
           "rule_nominal_that", "rule_passive_by"]
