"""Tests of framing.runner: chunks, pools and engines give the serial run's tables."""
from __future__ import annotations

import gc

import pandas as pd
import pytest

import framing
from framing.analyzers.builtin import resolve
from framing.registry import Analyzer
from framing.runner import chunk_bounds, gc_paused, run


@pytest.mark.parametrize("n_articles, n_jobs", [(1, 2), (5, 2), (100, 2), (1000, 3), (3656, 2)])
def test_runner_guided_chunks_cover_corpus_in_order_and_shrink(n_articles, n_jobs) -> None:
    bounds = chunk_bounds(n_articles, n_jobs)
    assert [k for i, j in bounds for k in range(i, j)] == list(range(n_articles))
    sizes = [j - i for i, j in bounds]
    assert all(s > 0 for s in sizes) and sizes[0] >= sizes[-1]
    assert len(bounds) <= 2 * n_jobs * 40


def test_runner_without_fork_pickles_chunks_and_equals_serial(s400, monkeypatch) -> None:
    """Where workers are spawned (macOS, Windows, Python >= 3.14 on Linux) they do not inherit the
    corpus: each job carries its articles."""
    import multiprocessing

    import framing.runner as runner

    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(runner.multiprocessing, "get_context", lambda method=None: spawn)
    bare = framing.Corpus(s400.articles[:3], s400.outlets, (), s400.story, s400.path)
    serial, par = run(bare, resolve()), run(bare, resolve(), n_jobs=2)
    assert len(serial["actor_mentions"]) > 0
    for name, table in serial.items():
        pd.testing.assert_frame_equal(table, par[name], obj=name)
    assert runner._SHARED == {}


def _fail(corpus, state, tables):
    raise ValueError(f"no whole-corpus result for {len(corpus)} articles")


def test_runner_releases_the_shared_corpus_also_on_error(s400) -> None:
    import framing.runner as runner

    bad = Analyzer("failing", "distinctive", _fail, scope="corpus")
    with pytest.raises(ValueError, match="no whole-corpus result for 5 articles"):
        run(s400, [*resolve(["sentences"]), bad], n_jobs=2)
    assert runner._SHARED == {}


def test_runner_unknown_engine_is_a_clear_error(s400) -> None:
    with pytest.raises(framing.FramingError, match="engine='spark' is not known"):
        run(s400, resolve(["sentences"]), engine="spark")


def test_runner_gc_paused_restores_the_collector_even_on_error(s400) -> None:
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
        framing.analyze(s400)  # a caller that switched it off keeps it off
        assert not gc.isenabled()
    finally:
        gc.enable()
    framing.analyze(s400)
    assert gc.isenabled()
