from __future__ import annotations

import json

import pandas as pd

import framing
import pytest

from framing.compare import analyze
from framing.corpus import Corpus
from framing.errors import CorpusError
from framing.stream import analyze_stream, chunk_counts
from framing.tables import TABLES


def _records(s400):
    return [{"id": a.id, "outlet": a.outlet, "text": a.raw, "title": a.title} for a in s400]


def test_stream_merges_exactly_across_chunk_sizes(s400, tmp_path) -> None:
    recs = _records(s400) * 2
    for i, r in enumerate(recs):
        recs[i] = {**r, "id": f"{r['id']}-{i}"}
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    whole = analyze_stream(path, chunk_size=len(recs), actors=s400.actors)
    for size in (1, 3):
        part = analyze_stream(path, chunk_size=size, actors=s400.actors)
        assert part.order == whole.order
        for name, table in whole.tables().items():
            pd.testing.assert_frame_equal(part.table(name), table, obj=name)


def test_stream_summaries_agree_with_the_full_analysis(s400) -> None:
    counts = analyze_stream(_records(s400), chunk_size=2, actors=s400.actors)
    comp = analyze(Corpus.from_records(_records(s400), actors=s400.actors))
    s = counts.outlet_sentiment().set_index("outlet")
    c = comp.outlet_sentiment.set_index("outlet")
    pd.testing.assert_series_equal(s["mean"], c["mean"], check_names=False, atol=1e-12)
    assert (s["n_sentences"] == c["n_sentences"]).all()
    v = counts.voice_summary().set_index("outlet")
    cv = comp.voice_summary.set_index("outlet")
    assert (v["n_quotes"] == cv["n_quotes"]).all() and (v["n_direct"] == cv["n_direct"]).all()
    r = counts.loaded_rates().set_index(["outlet", "category"])
    cr = comp.loaded_rates.set_index(["outlet", "category"])
    assert r["n_hits"].sort_index().equals(cr["n_hits"].sort_index())


def test_stream_parallel_equals_serial(s400) -> None:
    a = analyze_stream(_records(s400), chunk_size=1, actors=s400.actors)
    b = analyze_stream(_records(s400), chunk_size=1, n_jobs=2, actors=s400.actors)
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, b.table(name), obj=name)


def test_stream_bad_jsonl_line_is_named(tmp_path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "outlet": "cbc", "text": "NATO said so."}\n{broken\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c.jsonl:2: malformed JSON"):
        analyze_stream(p)


def test_stream_chunk_counts_of_empty_tables() -> None:
    c = Corpus.from_records([{"id": "a", "outlet": "cbc", "text": "Nothing quoted here at all."}])
    counts = chunk_counts(c)
    assert counts.n_articles == {"cbc": 1}
    assert counts.voice_summary().empty and list(counts.voice_summary().columns) == TABLES["voice_summary"].names
    rates = counts.loaded_rates()
    own = rates["voice"] == "own"
    assert (rates.loc[own, "n_words"] == 5).all() and (rates.loc[~own, "n_words"] == 0).all()
    assert rates["n_candidates"].sum() == len(framing.loaded_terms(c))  # "at all": an unflagged intensifier
    assert rates["n_hits"].sum() == 0


def test_stream_tables_have_the_declared_columns_of_the_full_analysis(s400) -> None:
    counts = analyze_stream(_records(s400), chunk_size=2, actors=s400.actors)
    comp = analyze(Corpus.from_records(_records(s400), actors=s400.actors))
    for name, table in counts.tables().items():
        TABLES[name].check(table)
        assert list(table.columns) == list(getattr(comp, name).columns)
    pd.testing.assert_frame_equal(counts.voice_summary(), comp.voice_summary)
    pd.testing.assert_frame_equal(counts.affiliation_shares(), comp.affiliation_shares)
    pd.testing.assert_frame_equal(counts.loaded_rates(), comp.loaded_rates)
    pd.testing.assert_frame_equal(counts.loaded_summary(), comp.loaded_summary)


def test_stream_dask_local_cluster_equals_serial(s400) -> None:
    distributed = pytest.importorskip("distributed")
    serial = analyze(s400)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        par = analyze(s400, engine="dask", client=client)
    for name, table in serial.tables().items():
        pd.testing.assert_frame_equal(table, par.tables()[name], obj=name)


def test_stream_options_match_the_full_analysis_and_fail_before_reading(s400) -> None:
    opts = {"voices": {"convention": "attribution"}}
    counts = analyze_stream(_records(s400), chunk_size=2, actors=s400.actors, options=opts)
    comp = analyze(Corpus.from_records(_records(s400), actors=s400.actors), options=opts)
    v = counts.voice_summary().set_index("outlet")
    cv = comp.voice_summary.set_index("outlet")
    assert (v["n_quotes"] == cv["n_quotes"]).all()
    default = analyze_stream(_records(s400), chunk_size=2, actors=s400.actors).voice_summary()
    assert v["n_quotes"].sum() > default["n_quotes"].sum()

    def never_read():
        raise AssertionError("the stream was read before the options were checked")
        yield {}

    with pytest.raises(framing.errors.FramingError, match="not a quote convention"):
        analyze_stream(never_read(), options={"voices": {"convention": "thoughts"}})
