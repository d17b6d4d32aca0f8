"""Tests of framing.quotes.segment: segments are sentences widened to hold whole quotes."""
from __future__ import annotations

from framing.quotes.segment import para_of, seg_of, segment


def test_segment_quote_of_several_sentences_is_one_segment():
    text = "“We came. We saw. We won,” Smith said. Then he left."
    doc = segment(text, None, None)
    assert [text[a:b] for a, b in doc.segs] == ["“We came. We saw. We won,” Smith said.", "Then he left."]
    assert seg_of(doc, text.index("Then")) == 1


def test_segment_line_break_after_a_sentence_end_cuts_the_sentence():
    text = "He spoke about the U.S.\nChris Christie added more."
    doc = segment(text, None, None)
    assert [text[a:b] for a, b in doc.segs] == ["He spoke about the U.S.", "Chris Christie added more."]


def test_segment_quote_lookups():
    text = "Smith said: “One two.” Brown said: “Three four.”\n\nNew paragraph."
    doc = segment(text, None, None)
    assert para_of(doc, text.index("New")) == 1
    assert doc.first_quote_after(0) == 0 and doc.first_quote_after(text.index("Brown")) == 1
    assert doc.last_quote_before(text.index("Brown")) == 0
    assert doc.contains_any_quote(0, 15) and not doc.contains_any_quote(0, 10)
