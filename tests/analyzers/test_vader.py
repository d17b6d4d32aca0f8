"""Tests of framing.analyzers._vader: the fast scorer equals vaderSentiment exactly."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.analyzers._vader import FastVader
from framing.analyzers.sentiment import load_news_lexicon
from framing.text import sentence_spans
from tests.conftest import SEED_FILES, seed_text

SIA = SentimentIntensityAnalyzer()
FAST = FastVader(SIA)

# every rule of polarity_scores: negation (1-3 words back, n't, "no"), boosters and dampeners,
# ALL CAPS emphasis, "but", "kind of", "least", idioms, punctuation emphasis, emoticons, emojis
RULES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "There is no good reason, no love or hate.",
    "no problem",
    "No",
    "It was a kiss of death for the deal, yeah right.",
    "Good good good good but bad bad but great???",
    "Is this the best??? Really????",
    "",
    "   ",
    "!!!",
    "NATO SLAMMED the deal but Turkey was very, very happy.",
    "They never so much as praised it; it was never this bad.",
    "The sanctions were not exactly harsh, hardly a punishment.",
]


@pytest.mark.parametrize("sentence", RULES)
def test_vader_fast_equals_vadersentiment_on_every_rule(sentence: str) -> None:
    assert FAST.polarity_scores(sentence) == SIA.polarity_scores(sentence)


@pytest.mark.parametrize("key", list(SEED_FILES))
def test_vader_fast_equals_vadersentiment_on_seed_sentences(key: str) -> None:
    text = seed_text(key)
    sents = [s.text for s in sentence_spans(text)]
    assert len(sents) > 5
    assert [FAST.polarity_scores(s) for s in sents] == [SIA.polarity_scores(s) for s in sents]


def test_vader_fast_uses_an_extended_lexicon() -> None:
    sia = SentimentIntensityAnalyzer()
    sia.lexicon.update(load_news_lexicon())
    s = "The S400 system is a direct affront to NATO and against the interests of the Turkish people"
    assert FastVader(sia).polarity_scores(s) == sia.polarity_scores(s)
    assert FastVader(sia).polarity_scores(s)["compound"] != FAST.polarity_scores(s)["compound"]


_WORDS = st.sampled_from(
    "not no never good bad great horrible very extremely kind of sort least at but BUT GOOD Bad "
    "without doubt so this the shit bomb yeah right isn't don't , . ! ? :) :( love hate NATO "
    "slightly barely".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_vader_fast_equals_vadersentiment_on_random_word_salad(sentence: str) -> None:
    assert FAST.polarity_scores(sentence) == SIA.polarity_scores(sentence)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_vader_fast_equals_vadersentiment_on_any_text(text: str) -> None:
    assert FAST.polarity_scores(text) == SIA.polarity_scores(text)
