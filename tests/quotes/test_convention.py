"""Tests of framing.quotes.convention: which attributions count under each convention."""
from __future__ import annotations

import pytest

from framing.analyzers.voices import extract_quotes
from framing.errors import FramingError
from framing.quotes.convention import CONVENTIONS, check_convention, is_speech_act


@pytest.mark.parametrize("cue, expected", [
    ("said", True), ("told", True), ("warned", True), ("urged", True), ("explains", True), ("writes", True),
    ("believes", False), ("expected", False), ("found", False), ("declined", False), ("asked", False),
    ("accused", False), ("criticized", False), ("point to", False),
])
def test_convention_is_speech_act(cue, expected):
    assert is_speech_act(cue) is expected


@pytest.mark.parametrize("text", [
    "Analysts believe the central bank will hold its rate next month.",
    "The mayor is expected to call a byelection early in the new year.",
    "The council declined to answer questions about the contract.",
    "Opposition members accused the minister of dodging the question.",
    "The premier criticized the federal plan for its cost.",
])
def test_convention_reported_speech_drops_non_speech_attributions(text):
    assert extract_quotes(text).empty
    assert len(extract_quotes(text, convention="attribution")) == 1


def test_convention_keeps_speech_and_direct_quotes():
    text = ("The mayor said the budget would be balanced by spring. "
            "“Why now?” she asked. Critics believe the plan is too late.")
    df = extract_quotes(text)
    assert df["cue"].tolist() == ["said", "asked"]
    assert df["kind"].tolist() == ["indirect", "direct"]
    assert extract_quotes(text, convention="attribution")["cue"].tolist() == ["said", "asked", "believe"]


def test_convention_continuation_keeps_speaker_of_dropped_row():
    # "adding" shares the speaker of "believes", which the default convention leaves out
    text = "Ms. Chen believes the deal is fair, adding that workers will vote on it next week."
    df = extract_quotes(text)
    assert df["cue"].tolist() == ["adding"]
    assert df.loc[0, "speaker_mention"] == "Ms. Chen"


def test_convention_unknown_value_names_the_choices():
    assert check_convention(CONVENTIONS[0]) == "reported-speech"
    with pytest.raises(FramingError, match="reported-speech"):
        extract_quotes("Smith said the talks failed.", convention="strict")


def test_convention_reported_speech_needs_a_speaker():
    # the fallback clause of "stated" has no subject: an attribution row with no speaker, no quote
    text = "Tuesday brought more of the same, with stated goals of cutting the deficit in half by 2021."
    rows = extract_quotes(text, convention="attribution")
    assert rows["cue"].tolist() == ["stated"] and rows.loc[0, "speaker_mention"] == ""
    assert extract_quotes(text).empty


def test_convention_reported_speech_topic_is_no_quote():
    text = "The chip makers warned about slowing sales because of the trade dispute."
    assert extract_quotes(text).empty
    assert extract_quotes(text, convention="attribution")["cue"].tolist() == ["warned"]
    assert extract_quotes("The station's health reporter tells us about a growing worry in the wards.").empty


def test_convention_reported_speech_passive_cue_is_no_quote():
    text = "Once enrolled, members are encouraged to keep a daily log of what they eat."
    assert extract_quotes(text).empty
    assert len(extract_quotes(text, convention="attribution")) == 1


def test_convention_reported_speech_document_says_only():
    evidence = "A private survey suggested that factory output had slowed in January."
    assert extract_quotes(evidence).empty
    assert len(extract_quotes(evidence, convention="attribution")) == 1
    speech = "The report said that factory output had slowed in January."
    assert extract_quotes(speech)["speaker_mention"].tolist() == ["The report"]


def test_convention_reported_speech_commitment_is_no_quote():
    text = "The two sides agreed to meet again in the spring to settle the claims."
    assert extract_quotes(text).empty
    assert len(extract_quotes(text, convention="attribution")) == 1
    # after a verb that gives an order, "to" opens what was said
    urged = extract_quotes("The mayor urged to investigate the contract before the vote.")
    assert urged["cue"].tolist() == ["urged"]
