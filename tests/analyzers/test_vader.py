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
    # the fast paths: words in capitals, idioms and modifiers 1-3 words back, "but" with repeated valences
    "This is SO GOOD and the rest is GOOD.", "GOOD", "It was GOOD", "Good, good, GOOD!", "A GREAT deal for NATO.",
    "He had a good day at the bus stop.", "The deal was the bomb, the kiss of death.", "Yeah right, great.",
    "Good bad good bad but good bad", "good good but good good but bad", "Nice but no, never nice.",
    "a b c good", "a b least good", "at least good", "very least good", "no or nor good", "(no) good", "(ok) fine",
    "İstanbul is GREAT, but the traffic is bad.", "ΟΔΟΣ GOOD ΣΑΣ bad Σ.", "© 2019 good news", "Good ® bad",
    "It was kind of good but kind of bad", "kind", "not kind", "He isn’t good.", "He isn't good.",
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


_NEWS = SentimentIntensityAnalyzer()
_NEWS.lexicon.update(load_news_lexicon())
_NEWS_FAST = FastVader(_NEWS)

_DECORATED = st.tuples(
    st.sampled_from(["", "", "", "(", "\"", "'", "“", "--"]),
    st.sampled_from(sorted(SIA.lexicon)[::97] + "not no never least at very so this kind of but without doubt "
                    "the bus stop kiss death yeah right NATO said a I".split()),
    st.sampled_from(["lower", "lower", "upper", "title"]),
    st.sampled_from(["", "", "", ",", ".", "!", "?", ")", "...", "'", "”", "!!!", "??"]),
).map(lambda t: t[0] + getattr(t[1], t[2])() + t[3])


@settings(max_examples=400, deadline=None)
@given(st.lists(_DECORATED, max_size=30).map(" ".join))
def test_vader_fast_equals_vadersentiment_on_decorated_lexicon_words(sentence: str) -> None:
    assert FAST.polarity_scores(sentence) == SIA.polarity_scores(sentence)
    assert _NEWS_FAST.polarity_scores(sentence) == _NEWS.polarity_scores(sentence)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0, 0, 0, 1.5, -1.5, 0.75, 2.0, -0.5, 3]), min_size=1, max_size=12), st.data())
def test_vader_but_check_on_lexicon_words_equals_the_package(sentiments: list, data) -> None:
    from framing.analyzers._vader import _but_check

    n = len(sentiments)
    lower = ["w"] * n
    lower[data.draw(st.integers(0, n - 1))] = "but"
    hits = [i for i, v in enumerate(sentiments) if v != 0 or data.draw(st.booleans())]
    expected = SentimentIntensityAnalyzer._but_check(lower, list(sentiments))
    got = _but_check(lower, hits, [sentiments[i] for i in hits], lower)
    assert [v for i, v in enumerate(expected) if i in hits] == got
    assert all(v == 0 for i, v in enumerate(expected) if i not in hits)


def test_vader_lower_casing_the_whole_text_keeps_words_apart() -> None:
    # FastVader lower-cases a sentence before splitting it when no character changes length
    import string

    for c in map(chr, range(0x110000)):
        low = c.lower()
        if len(low) == 1:
            assert c.isspace() == low.isspace() and (c in string.punctuation) == (low in string.punctuation)
        if c.isspace():  # white space ends a word for the final-sigma rule too
            assert ("AΣ" + c + "B").lower() == "aς" + c + "b"


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=-1.0, max_value=1.0).filter(bool))
def test_vader_memoised_rounding_equals_round(proportion: float, compound: float) -> None:
    # what the memo is given: proportions (fabs results, >= 0) and non-zero compound scores
    from framing.analyzers._vader import _round3, _round4

    for _ in range(2):  # the first call fills the memo, the second reads it
        assert repr(_round3(proportion)) == repr(round(proportion, 3))
        assert repr(_round4(compound)) == repr(round(compound, 4))
