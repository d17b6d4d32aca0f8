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
    assert "2017-07-21 to 2021-01-01" in text
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
    par = analyze(Corpus(bare.articles, bare.outlets), n_jobs=2)
    for name, table in serial.tables().items():
        pd.testing.assert_frame_equal(table, par.tables()[name], obj=name)


def test_compare_parallel_run_takes_sentence_counts_from_workers(s400) -> None:
    from framing.corpus import Corpus
    from framing.text import sentence_spans, word_count

    fresh = Corpus.from_records([{"id": a.id, "outlet": a.outlet, "text": a.raw} for a in s400])
    comp = analyze(fresh, n_jobs=2)
    for art in fresh:
        # counts set from the workers' results (sentences) and the distinctive-terms pass (words):
        # the parent never split the texts into sentences itself
        assert "n_sentences" in art.__dict__ and "n_words" in art.__dict__ and "sentences" not in art.__dict__
        assert art.n_sentences == len(sentence_spans(art.text, list(art.paragraphs)))
        assert art.n_words == word_count(art.text)
    assert comp.articles["n_sentences"].tolist() == [a.n_sentences for a in fresh]


def test_compare_distinctive_keeps_top_terms_per_outlet(s400, comp) -> None:
    from framing.analyzers.distinctive import distinctive_terms
    from framing.compare import DISTINCTIVE_TOP

    full = distinctive_terms(s400)
    assert (full.groupby("outlet").size() > DISTINCTIVE_TOP).any()  # the limit matters on this corpus
    pd.testing.assert_frame_equal(comp.distinctive, full[full["rank"] <= DISTINCTIVE_TOP].reset_index(drop=True))


@pytest.mark.parametrize("n_articles, n_jobs", [(1, 2), (5, 2), (100, 2), (1000, 3), (3656, 2)])
def test_compare_guided_chunks_cover_corpus_in_order_and_shrink(n_articles, n_jobs) -> None:
    from framing.compare import _guided_bounds

    bounds = _guided_bounds(n_articles, n_jobs)
    assert [k for i, j in bounds for k in range(i, j)] == list(range(n_articles))
    sizes = [j - i for i, j in bounds]
    assert all(s > 0 for s in sizes) and sizes[0] >= sizes[-1]
    assert len(bounds) <= 2 * n_jobs * 40


def test_compare_parallel_run_without_fork_pickles_chunks_and_equals_serial(s400, comp, monkeypatch) -> None:
    """Where workers are spawned (macOS, Windows, Python >= 3.14 on Linux) they do not inherit the
    corpus: each job carries its articles."""
    import multiprocessing

    import framing.compare as compare

    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(compare.multiprocessing, "get_context", lambda method=None: spawn)
    bare = framing.Corpus(s400.articles[:3], s400.outlets, (), s400.story, s400.path)
    serial, par = analyze(bare), analyze(bare, n_jobs=2)
    assert len(serial.actor_mentions) > 0
    for name, table in serial.tables().items():
        pd.testing.assert_frame_equal(table, par.tables()[name], obj=name)
    assert compare._SHARED == {}


def _failing_whole_job(corpus):
    raise ValueError(f"no whole-corpus result for {len(corpus)} articles")


def test_compare_parallel_run_releases_the_shared_corpus_also_on_error(s400) -> None:
    import framing.compare as compare

    with pytest.raises(ValueError, match="no whole-corpus result for 5 articles"):
        compare._run_chunks(s400, 2, False, _failing_whole_job)
    assert compare._SHARED == {}


def test_compare_gc_paused_restores_the_collector_even_on_error(s400) -> None:
    import gc

    from framing.compare import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner block does not switch it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused():
        1 / 0
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(s400)  # a caller that switched it off keeps it off
        assert not gc.isenabled()
    finally:
        gc.enable()
    analyze(s400)
    assert gc.isenabled()
