"""Tests of story_comparison (one story of a multi-story comparison) and pick_story."""
from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.errors import FramingError
from framing.story_view import pick_story, story_comparison, story_counts
from tests.analyzers.test_stories import split_seeds

ANALYZERS = ["sentences", "actor_mentions", "loaded_terms", "voices", "distinctive", "story_metrics"]


@pytest.fixture(scope="module")
def multi(s400):
    corpus = split_seeds(s400)
    return corpus, framing.analyze(corpus, analyzers=ANALYZERS)


def test_story_view_keeps_only_the_storys_rows(multi):
    _, comp = multi
    late = story_comparison(comp, "late")
    assert set(late.articles["story"]) == {"late"}
    for name, t in late.frames.items():
        if "article_id" in t.columns:
            assert t["article_id"].str.endswith("-late").all(), name
    assert late.outlet_order == comp.outlet_order and late.story == "late"
    assert late.outlets["n_articles"].tolist() == [1] * 5


def test_story_view_summaries_equal_an_analysis_of_the_story_alone(multi):
    corpus, comp = multi
    late = story_comparison(comp, "late")
    alone = framing.analyze(framing.Corpus(tuple(a for a in corpus.articles if a.id.endswith("-late")),
                                           corpus.outlets, corpus.actors, "late"), analyzers=ANALYZERS)
    for name in ("outlet_sentiment", "voice_summary", "affiliation_shares", "loaded_rates", "story_differences",
                 "distinctive", "articles", "outlets"):
        pd.testing.assert_frame_equal(late.frames[name], alone.frames[name], obj=name)


def test_story_view_unknown_story_names_the_stories(multi):
    _, comp = multi
    with pytest.raises(FramingError, match=r"'nope' is not in this corpus.*early \(5 outlets\), late"):
        story_comparison(comp, "nope")


def test_story_view_pick_story_most_outlets_then_articles_then_first():
    a = pd.DataFrame({"story": ["s1", "s2", "s2", "s3", "s3", "s3"], "outlet": ["x", "x", "y", "x", "y", "y"],
                      "date": [None] * 6})
    assert pick_story(a) == "s3"  # s2 and s3 have two outlets; s3 has more articles
    assert pick_story(a[a.story != "s3"]) == "s2"
    assert pick_story(a[a.story == "s1"]) == "s1"
    assert story_counts(a)["n_outlets"].tolist() == [1, 2, 2]
