from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.compare import analyze, corpus_warnings


@pytest.fixture(scope="module")
def comp(s400):
    return analyze(s400)


def test_compare_every_table_covers_all_five_outlets(comp) -> None:
    order = ["cbc", "rt", "presstv", "revoi", "wsws"]
    assert comp.outlet_order == order
    for name in ("outlet_sentiment", "voice_summary", "outlets"):
        assert list(getattr(comp, name)["outlet"]) == order, name
    for name in ("sentences", "loaded_terms", "voices", "distinctive", "loaded_rates", "affiliation_shares",
                 "actor_sentiment"):
        assert set(getattr(comp, name)["outlet"]) == set(order), name


def test_compare_per_article_tables_start_with_article_and_outlet(comp) -> None:
    for name in ("sentences", "actor_mentions", "loaded_terms", "voices"):
        assert list(getattr(comp, name).columns[:2]) == ["article_id", "outlet"], name


def test_compare_warns_about_date_spread_and_approximate_dates(comp) -> None:
    text = " ".join(comp.warnings)
    assert "2017-07-21 to 2021-02-01" in text
    assert "Approximate dates" in text


def test_compare_sources_cite_outlet_facts(comp) -> None:
    assert {"outlet", "field", "ref", "checked"} <= set(comp.sources.columns)
    assert set(comp.sources["outlet"]) >= {"cbc", "rt", "presstv", "wsws"}


def test_compare_parallel_run_equals_serial(s400, comp) -> None:
    par = analyze(s400, n_jobs=2)
    for name, table in comp.tables().items():
        pd.testing.assert_frame_equal(table, par.tables()[name], obj=name)


def test_compare_to_csv_writes_every_table(comp, tmp_path) -> None:
    comp.to_csv(tmp_path)
    assert sorted(p.stem for p in tmp_path.glob("*.csv")) == sorted(comp.tables())


def test_compare_unknown_engine_is_a_clear_error(s400) -> None:
    with pytest.raises(framing.FramingError, match="engine='spark' is not known"):
        analyze(s400, engine="spark")


def test_compare_warns_when_an_outlet_has_little_text() -> None:
    arts = pd.DataFrame({"outlet": ["a", "b", "c"], "n_words": [1000, 1100, 100], "date": [None] * 3,
                         "date_approximate": [False] * 3})
    assert any("Far less text" in w and "c (100 words)" in w for w in corpus_warnings(arts))


def test_compare_parallel_run_without_actors_equals_serial(s400) -> None:
    """Without actors the fallback name detector counts names over the whole corpus, not per chunk."""
    from framing.corpus import Corpus

    bare = Corpus(s400.articles, s400.outlets, (), s400.story, s400.path)
    serial = analyze(bare)
    assert len(serial.actor_mentions) > 0
    par = analyze(Corpus(bare.articles, bare.outlets, (), bare.story), n_jobs=2)
    for name, table in serial.tables().items():
        pd.testing.assert_frame_equal(table, par.tables()[name], obj=name)


def test_compare_parallel_run_takes_counts_from_workers(s400) -> None:
    """The parent never splits or tokenises the texts: the article_counts analyzer ran in the workers."""
    from framing.corpus import Corpus
    from framing.text import sentence_spans, word_count

    fresh = Corpus.from_records([{"id": a.id, "outlet": a.outlet, "text": a.raw} for a in s400])
    comp = analyze(fresh, n_jobs=2)
    for art in fresh:
        assert "sentences" not in art.__dict__ and "n_words" not in art.__dict__
    assert comp.articles["n_sentences"].tolist() == [len(sentence_spans(a.text, list(a.paragraphs))) for a in fresh]
    assert comp.articles["n_words"].tolist() == [word_count(a.text) for a in fresh]


def test_compare_distinctive_keeps_top_terms_per_outlet(s400, comp) -> None:
    from framing.analyzers.builtin import DISTINCTIVE_TOP
    from framing.analyzers.distinctive import distinctive_terms

    full = distinctive_terms(s400)
    assert (full.groupby("outlet").size() > DISTINCTIVE_TOP).any()  # the limit matters on this corpus
    pd.testing.assert_frame_equal(comp.distinctive, full[full["rank"] <= DISTINCTIVE_TOP].reset_index(drop=True))


def test_compare_tables_are_attributes_and_declared(comp) -> None:
    from framing.tables import TABLES

    for name, frame in comp.tables().items():
        assert getattr(comp, name) is frame
        TABLES[name].check(frame)
    assert len(repr(comp)) < 2000 and "Turkey" not in repr(comp)


def test_compare_subset_of_analyzers_adds_what_they_need(s400) -> None:
    comp = analyze(s400, analyzers=["actor_mentions"])
    assert set(comp.analyzers) == {"article_counts", "sentences", "actor_mentions"}
    assert len(comp.actor_sentiment) > 0
    with pytest.raises(AttributeError, match="did not run"):
        comp.voices
    with pytest.raises(framing.FramingError, match="unknown analyzer"):
        analyze(s400, analyzers=["tone"])


def test_compare_views_read_the_tables(comp) -> None:
    k = comp.outlet_order[0]
    speakers = comp.top_speakers(k, 3)
    v = comp.voices[(comp.voices["outlet"] == k) & (comp.voices["speaker"] != "")]
    assert speakers and speakers[0][1] == v["speaker"].value_counts().max()
    assert comp.top_terms(k, 2)[0][2] >= comp.top_terms(k, 2)[-1][2]
    aid = comp.articles["article_id"].iloc[0]
    t = comp.article_text(aid)
    assert all(t[p.start:p.end] for p in comp.article_paragraphs(aid))
    assert k in comp.outlet_names(k)


def test_compare_classifiers_run_per_sentence_and_reach_the_report(s400, tmp_path) -> None:
    from framing.classify._demo import demo_model
    from framing.report.html import render_html
    from framing.tables import TABLES

    path = demo_model().save(tmp_path / "demo.json")
    comp = analyze(s400, classifiers={"demo": str(path)})
    assert "classifiers" in comp.analyzers and list(comp.models) == ["demo"]
    TABLES["classifier_sentences"].check(comp.classifier_sentences)
    assert set(comp.classifier_summary["outlet"]) == set(s400.outlet_keys)
    assert len(comp.classifier_sentences) >= int(comp.articles["n_sentences"].sum())
    assert "Classifier: demo" in render_html(comp)
    plain = analyze(s400)
    assert "classifier_summary" not in plain.frames and "Classifier:" not in render_html(plain)
    with pytest.raises(framing.ReportError, match=r"needs the tables \['actor_sentiment'"):
        render_html(analyze(s400, analyzers=["sentences"]))


def test_analyze_options_choose_the_quote_convention(s400) -> None:
    from framing.analyzers.voices import voices

    default = framing.analyze(s400, analyzers=["voices"])
    comp = framing.analyze(s400, analyzers=["voices"], options={"voices": {"convention": "attribution"}})
    assert comp.options["voices"] == {"convention": "attribution"}
    assert default.options["voices"] == {"convention": "reported-speech"}
    pd.testing.assert_frame_equal(comp.voices, voices(s400, convention="attribution"))
    assert len(comp.voices) > len(default.voices)  # thoughts and beliefs count too
