"""Tests of framing.quotes.continuation: uncued direct quotes take a neighbour's speaker."""
from __future__ import annotations

from framing.analyzers.voices import extract_quotes
from framing.quotes import quote_rows


def _rows(text):
    return [(r[0], r[3], r[4]) for r in quote_rows(text)]


def test_continuation_quote_after_an_attributed_quote_takes_its_speaker():
    rows = _rows("“We are ready,” said Smith. “We will talk to anyone who wants peace.”")
    assert rows == [("direct", "We are ready,", "Smith"), ("direct", "We will talk to anyone who wants peace.", "Smith")]


def test_continuation_stops_at_an_intervening_sentence():
    rows = _rows("“We are ready,” said Smith. The meeting ended at noon. “We will talk to anyone who wants peace.”")
    # the last quote stands alone (a whole sentence): kept, with no speaker carried over the sentence between
    assert rows == [("direct", "We are ready,", "Smith"), ("direct", "We will talk to anyone who wants peace.", "")]


def test_continuation_stops_at_a_heading():
    text = "“We are ready,” said Smith.\n\nWhat comes next\n\n“We will talk to anyone who wants peace.”"
    # the quote paragraph stands alone: no speaker is carried over the heading
    assert _rows(text) == [("direct", "We are ready,", "Smith"), ("direct", "We will talk to anyone who wants peace.", "")]


def test_continuation_open_quote_joins_the_next_paragraph():
    text = "“We are ready to talk.\n\n“We will talk to anyone who wants peace,” said Smith."
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][1].startswith("We are ready") and rows[0][2] == "Smith"


def test_continuation_quote_paragraph_after_an_attribution_paragraph_takes_its_speaker():
    text = ("Smith said the talks had failed on Monday.\n\n"
            "“We will come back next week with a new offer for everyone.”")
    rows = _rows(text)
    assert rows[-1] == ("direct", "We will come back next week with a new offer for everyone.", "Smith")


def test_continuation_free_standing_quote_is_left_out():
    assert _rows("The sign read “we will never give up this fight at all”.") == []


def test_continuation_quote_paragraph_after_a_narration_paragraph_takes_the_last_speaker():
    text = ("“Three years on, most of them were still out of work,” Garcia said.\n\n"
            "The losses were largest after a stroke.\n\n"
            "“Stroke patients were losing about a third of their incomes.”")
    rows = _rows(text)
    assert rows[-1] == ("direct", "Stroke patients were losing about a third of their incomes.", "Garcia")


def test_continuation_quote_paragraph_too_far_from_its_speaker_has_none():
    text = ("“Three years on, most of them were still out of work,” Garcia said.\n\n"
            "The losses were largest after a stroke.\n\nThe study ran from 2005 to 2013.\n\n"
            "“Stroke patients were losing about a third of their incomes.”")
    assert [r[2] for r in _rows(text)] == ["Garcia", ""]


def test_continuation_quote_paragraph_with_no_speaker_in_reach_stands_alone():
    text = ("The plant closed in 2019.\n\nThe town lost a third of its jobs.\n\n"
            "“We had nothing left to hold on to after the gates shut.”")
    df = extract_quotes(text)
    assert df["content"].tolist() == ["We had nothing left to hold on to after the gates shut."]
    assert df.loc[0, "speaker"] == "" and df.loc[0, "cue"] == ""
    assert extract_quotes("The town lost its jobs.\n\n“We had nothing left.”").empty  # too short to stand alone


def test_continuation_quote_sentence_with_no_speaker_in_reach_stands_alone():
    text = ("Early on, he lost a number of patients to overdoses and learned what the mix can do. "
            "“When somebody young dies, you tend to remember that for a long time.”")
    rows = _rows(text)
    assert rows == [("direct", "When somebody young dies, you tend to remember that for a long time.", "")]
    # a quoted phrase inside a sentence is no quote of its own
    assert _rows("The sign read “we will never give up this fight at all”.") == []
