"""Tests of framing.quotes.evidence: each evidence-of-speech test with the sentence it is for."""
from __future__ import annotations

import pytest

from framing.analyzers.voices import extract_quotes
from framing.quotes.evidence import (cannot_speak, is_imperative, is_object_not_clause, is_verdict, lacks_content,
                                     opens_topic,
                                     needs_clause, opens_no_content)


@pytest.mark.parametrize("content, expected", [
    ("to continue publishing all of the titles", True),
    ("about civic affairs.", True),
    ("up this month when McElhinney was hurt", True),
    ("the talks failed", False),
])
def test_evidence_opens_no_content(content, expected):
    assert opens_no_content(content) is expected


@pytest.mark.parametrize("content, expected", [
    ("three more unanswered goals before the end of the period.", True),
    ("the personal coaching particularly useful.", True),
    ("the deal was final", False),
    ("he's ready", False),
    ("Turkey hopes to co-produce the systems", False),
    ("prices rose sharply", False),
    ("the plan stopped at the border", False),
    ("the drug group to its monitoring program, which tracks the dispensing of medications", True),
    ("insurance policies only when the beneficiaries were lenders", True),
])
def test_evidence_is_object_not_clause(content, expected):
    assert is_object_not_clause(content) is expected


def test_evidence_verdict_and_verb_senses():
    assert is_verdict("guilty and was handed two years in prison.")
    assert needs_clause("add") and needs_clause("find") and not needs_clause("say") and not needs_clause("want")
    assert lacks_content("three more goals before the break.", "add")
    assert not lacks_content("three more goals before the break.", "say")  # a speech verb keeps its object
    assert lacks_content("guilty and was handed two years in prison.", "say")


def test_evidence_cannot_speak_and_imperative():
    assert cannot_speak("Television images") and cannot_speak("Japan's Nikkei 225 index")
    assert not cannot_speak("the minister") and not cannot_speak("The white paper")
    assert is_imperative("", "Ask") and is_imperative("“", "Tell")
    assert not is_imperative("Smith ", "asked") and not is_imperative("", "Says")


@pytest.mark.parametrize("text", [
    "Carolina added three more unanswered goals before the end of the period.",
    "Galati found the personal coaching particularly useful.",
    "The company offered political risk insurance to its clients.",
    "He pleaded guilty and was handed two years and two months in prison.",
    "Television images showed when the tsunami hit the beach and residential areas.",
    "Ask him if he feels the same way about the beard.",
])
def test_evidence_non_speech_readings_give_no_row(text):
    assert extract_quotes(text).empty


@pytest.mark.parametrize("text, content", [
    ("Smith added that more talks were planned for next week.", "more talks were planned for next week."),
    ("The study found that youth unemployment costs billions.", "youth unemployment costs billions."),
    ("Turkey threatened to close access to the Incirlik base.", "to close access to the Incirlik base."),
])
def test_evidence_speech_readings_keep_their_row(text, content):
    # "found", "threatened" attribute a finding and an intention: rows under the attribution convention
    assert extract_quotes(text, convention="attribution")["content"].tolist() == [content]


@pytest.mark.parametrize("content, expected", [
    ("about a growing concern in the emergency wards", True),
    ("off assets worth billions of dollars", True),
    ("of a slowdown in the second half", True),
    ("about 550 students attend the school", False),  # about = roughly
    ("to investigate the leak", False),  # "urged her to investigate": left to opens_no_content
    ("the budget is balanced", False),
])
def test_evidence_opens_topic(content, expected):
    assert opens_topic(content) is expected


@pytest.mark.parametrize("text", [
    "Tokyo's Nikkei added 0.4 per cent to 20,402 while the Kospi rose 0.3 per cent.",
    "The ministry denied the request for a new middle school in the valley.",
    "Conventional wisdom says the cold snap is the result of a warmer Arctic.",
])
def test_evidence_quantity_object_and_non_speaker_give_no_row(text):
    assert extract_quotes(text, convention="attribution").empty


def test_evidence_deny_with_a_clause_keeps_its_row():
    df = extract_quotes("The ministry denied that the school request had been refused.")
    assert df["content"].tolist() == ["the school request had been refused."]
