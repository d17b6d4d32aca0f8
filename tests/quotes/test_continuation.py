"""Tests of framing.quotes.continuation: uncued direct quotes take a neighbour's speaker."""
from __future__ import annotations

from framing.quotes import quote_rows


def _rows(text):
    return [(r[0], r[3], r[4]) for r in quote_rows(text)]


def test_continuation_quote_after_an_attributed_quote_extends_it():
    rows = _rows("“We are ready,” said Smith. “We will talk to anyone who wants peace.”")
    assert len(rows) == 1 and rows[0][2] == "Smith"
    assert rows[0][1].endswith("wants peace.")


def test_continuation_quote_paragraph_after_an_attribution_paragraph_takes_its_speaker():
    text = ("Smith said the talks had failed on Monday.\n\n"
            "“We will come back next week with a new offer for everyone.”")
    rows = _rows(text)
    assert rows[-1] == ("direct", "We will come back next week with a new offer for everyone.", "Smith")


def test_continuation_free_standing_quote_is_left_out():
    assert _rows("The sign read “we will never give up this fight at all”.") == []
