"""Tests of the within-story comparison: story_metrics (per article) and story_differences (over stories)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

import framing
from framing.analyzers.stories import metric_order, story_differences, story_metrics
from framing.tables import TABLES


def split_seeds(s400) -> framing.Corpus:
    """The five S-400 seeds cut in two: the first half of each article's paragraphs is story "early",
    the rest story "late" (fake story ids; real text), so every outlet is in both stories."""
    recs = []
    for a in s400.articles:
        paras = [a.text[p.start:p.end] for p in a.paragraphs]
        half = max(1, len(paras) // 2)
        for story, part in (("early", paras[:half]), ("late", paras[half:])):
            recs.append({"id": f"{a.id}-{story}", "outlet": a.outlet, "story": story, "text": "\n\n".join(part)})
    return framing.Corpus.from_records(recs, registry=framing.OutletRegistry(tuple(s400.outlets.values())))


@pytest.fixture(scope="module")
def two_stories(s400):
    corpus = split_seeds(s400)
    return corpus, framing.analyze(corpus, analyzers=["story_metrics", "frames"])


def _m(rows):
    return pd.DataFrame(rows, columns=["article_id", "outlet", "story", "metric", "value", "count", "n"])


def test_story_metrics_carry_each_articles_story(two_stories):
    corpus, comp = two_stories
    m = comp.story_metrics
    TABLES["story_metrics"].check(m)
    stories = {a.id: corpus.story_of(a) for a in corpus.articles}
    assert dict(zip(m["article_id"], m["story"])) == stories
    assert set(m["story"]) == {"early", "late"}


def test_story_metrics_tone_is_the_mean_sentence_score(two_stories):
    _, comp = two_stories
    m = comp.story_metrics
    tone = m[m.metric == "tone"].set_index("article_id")
    sent = comp.sentences.groupby("article_id")["compound"].agg(["mean", "size"])
    for aid, r in tone.iterrows():
        assert r["value"] == pytest.approx(sent.loc[aid, "mean"])
        assert r["n"] == sent.loc[aid, "size"]


def test_story_metrics_rates_count_flagged_terms_and_quotes(two_stories):
    from framing.analyzers.loaded import EPISTEMIC_CATEGORIES

    _, comp = two_stories
    m = comp.story_metrics.set_index(["article_id", "metric"])
    lt = comp.loaded_terms
    counted = lt[lt.flagged & ~lt.in_quote & ~lt.category.isin(EPISTEMIC_CATEGORIES)]
    qw = comp.quoted_words.set_index("article_id")
    for aid in comp.articles["article_id"]:
        flagged = int((counted.article_id == aid).sum())
        own = int(qw.loc[aid, "n_words"] - qw.loc[aid, "n_quoted_words"])
        assert m.loc[(aid, "loaded_rate"), "count"] == flagged
        assert m.loc[(aid, "loaded_rate"), "n"] == own
        assert m.loc[(aid, "loaded_rate"), "value"] == pytest.approx(1000 * flagged / own)
        n_q = int((comp.voices.article_id == aid).sum())
        assert m.loc[(aid, "quote_rate"), "count"] == n_q
        shares = [v for (a, k), v in m["value"].items() if a == aid and k.startswith("affiliation:")]
        if n_q:
            assert sum(shares) == pytest.approx(1.0)
    # the same count as the report's loaded-language figure (own words, loaded kind)
    rates = comp.loaded_rates
    own = rates[(rates.voice == "own") & (rates.kind == "loaded")].groupby("outlet")["n_hits"].sum()
    per_outlet = comp.story_metrics[comp.story_metrics.metric == "loaded_rate"].groupby("outlet")["count"].sum()
    assert per_outlet.astype(int).to_dict() == own.reindex(per_outlet.index, fill_value=0).astype(int).to_dict()


def test_story_differences_remove_the_topic():
    # x and y say the same in every story they share; y alone covers a gloomy third story, which pooled
    # means would count against y
    m = _m([("a", "x", "s1", "tone", 0.5, pd.NA, 10), ("b", "y", "s1", "tone", 0.5, pd.NA, 10),
            ("c", "x", "s2", "tone", -0.5, pd.NA, 10), ("d", "y", "s2", "tone", -0.5, pd.NA, 10),
            ("e", "y", "s3", "tone", -0.9, pd.NA, 10)])
    d = story_differences(m).set_index("outlet")
    assert d.loc["x", "mean_diff"] == pytest.approx(0) and d.loc["y", "mean_diff"] == pytest.approx(0)
    assert d.loc["y", "n_stories"] == 2  # s3 has one outlet: nothing to compare it with


def test_story_differences_find_a_constant_offset_with_an_interval():
    rows = []
    for i, level in enumerate([-0.6, -0.1, 0.2, 0.7]):
        rows += [(f"x{i}", "x", f"s{i}", "tone", level + 0.1 + 0.01 * i, pd.NA, 9),
                 (f"y{i}", "y", f"s{i}", "tone", level - 0.1, pd.NA, 9)]
    d = story_differences(_m(rows)).set_index("outlet")
    x = d.loc["x"]
    assert x["mean_diff"] == pytest.approx(0.1 + 0.0075, abs=1e-9)
    assert x["ci_low"] < x["mean_diff"] < x["ci_high"] and x["ci_low"] > 0
    assert d.loc["y", "mean_diff"] == pytest.approx(-x["mean_diff"])
    assert x["mean_value"] == pytest.approx(sum(r[4] for r in rows if r[1] == "x") / 4)


def test_story_differences_average_an_outlets_articles_within_a_story():
    # s2 has one outlet: left out of the differences, so x and y each have one story
    m = _m([("a", "x", "s1", "tone", 0.2, pd.NA, 5), ("b", "x", "s1", "tone", 0.4, pd.NA, 5),
            ("c", "y", "s1", "tone", 0.0, pd.NA, 5), ("d", "y", "s2", "tone", 0.9, pd.NA, 5)])
    d = story_differences(m).set_index("outlet")
    assert d.loc["x", "mean_diff"] == pytest.approx(0.15)  # x's value 0.3, the story's mean (0.3 + 0) / 2
    assert d.loc["x", "n_articles"] == 2 and d.loc["x", "n_stories"] == 1
    assert math.isnan(d.loc["x", "ci_low"]) and math.isnan(d.loc["x", "sd"])


def test_story_differences_of_one_story_are_empty():
    # one story has nothing to compare across, called directly or through analyze
    m = _m([("a", "x", "s1", "tone", 0.2, pd.NA, 5), ("c", "y", "s1", "tone", 0.0, pd.NA, 5)])
    assert story_differences(m).empty
    TABLES["story_differences"].check(story_differences(m))


def test_story_differences_count_an_unquoted_affiliation_as_zero():
    m = _m([("a", "x", "s1", "anonymous_share", 0.0, 0, 4), ("a", "x", "s1", "affiliation:NATO", 1.0, 4, 4),
            ("b", "y", "s1", "anonymous_share", 0.0, 0, 2), ("b", "y", "s1", "affiliation:unknown", 1.0, 2, 2),
            ("c", "y", "s2", "anonymous_share", 0.0, 0, 1)])  # a second story (one outlet: not compared)
    d = story_differences(m).set_index(["outlet", "metric"])
    assert d.loc[("x", "affiliation:NATO"), "mean_diff"] == pytest.approx(0.5)
    assert d.loc[("y", "affiliation:NATO"), "mean_diff"] == pytest.approx(-0.5)
    assert d.loc[("y", "affiliation:NATO"), "mean_value"] == 0


def test_story_differences_add_frame_scores(two_stories):
    _, comp = two_stories
    d = comp.story_differences
    TABLES["story_differences"].check(d)
    assert {"frame:conflict", "tone", "loaded_rate"} <= set(d["metric"])
    assert set(d["n_stories"]) == {2}
    for metric, g in d.groupby("metric"):  # every outlet is in every story: differences cancel
        assert g["mean_diff"].sum() == pytest.approx(0, abs=1e-9), metric


def test_story_differences_order_and_empty_input():
    assert metric_order(["frame:moral", "affiliation:NATO", "tone", "frame:conflict", "quote_rate"]) == [
        "tone", "quote_rate", "affiliation:NATO", "frame:conflict", "frame:moral"]
    assert story_differences(TABLES["story_metrics"].empty()).empty


def test_story_metrics_single_story_corpus(s400):
    comp = framing.analyze(s400, analyzers=["story_metrics"])
    assert set(comp.story_metrics["story"]) == {s400.story}
    assert comp.story_differences.empty  # one story: nothing to compare across stories
    needs = ("article_counts", "quoted_words", "sentences", "loaded_terms", "voices")
    assert story_metrics(s400, {t: comp.frames[t] for t in needs}).equals(comp.story_metrics)
