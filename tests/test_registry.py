"""The contract every registered analyzer keeps, generated from the registry.

A new analyzer gets these tests by being registered: its table and summaries have the declared
columns and dtypes, every offset pair points into the article text (and at the span it names),
the same input gives the same output, an empty corpus gives the empty declared tables, the corpus is
not mutated, and a chunked, parallel run equals the serial one.
"""
from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.corpus import Corpus
from framing.errors import FramingError
from framing.analyzers.builtin import resolve
from framing.registry import REGISTRY, Analyzer, register, summary_tables
from framing.runner import fit_states, run, run_chunk
from framing.tables import TABLES, declare

ANALYZERS = list(REGISTRY)  # every registered analyzer, default or not (importing builtin registered them)
#: For a ``start, end`` pair, the column holding ``text[start:end]`` (the first one a table has).
SPAN_COLUMNS = ("text", "term", "content", "mention", "match", "evidence", "sentence")


def _tables(corpus: Corpus, name: str) -> dict[str, pd.DataFrame]:
    chosen = resolve([name])
    tables = run(corpus, chosen)
    tables.update(summary_tables(chosen, {**tables, "articles": corpus.to_frame()}))
    return tables


def _snapshot(corpus: Corpus) -> list[tuple]:
    return [(a.id, a.outlet, a.raw, a.text, a.title, a.date, dict(a.meta)) for a in corpus.articles]


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return framing.load_corpus("corpora/s400")


@pytest.mark.parametrize("name", ANALYZERS)
def test_registry_tables_have_the_declared_schema(seeds, name) -> None:
    a = REGISTRY[name]
    tables = _tables(seeds, name)
    TABLES[a.table].check(tables[a.table])
    assert len(tables[a.table]) > 0, f"{name} found nothing in the five S-400 articles"
    for s in a.summaries:
        TABLES[s.table].check(tables[s.table])


@pytest.mark.parametrize("name", ANALYZERS)
def test_registry_offsets_point_into_the_text(seeds, name) -> None:
    table = _tables(seeds, name)[REGISTRY[name].table]
    if "article_id" not in table.columns:
        pytest.skip(f"{name} has no per-article rows")
    texts = {a.id: a.text for a in seeds.articles}
    pairs = [(c, c[:-5] + "end") for c in table.columns if c.endswith("start") and c[:-5] + "end" in table.columns]
    for start, end in pairs:
        span = next((c for c in SPAN_COLUMNS if c in table.columns), None) if start == "start" else None
        for row in table.itertuples(index=False):
            s, e, text = getattr(row, start), getattr(row, end), texts[row.article_id]
            if pd.isna(s):
                assert pd.isna(e)
                continue
            assert 0 <= s <= e <= len(text), (name, start, s, e)
            if span is not None:
                assert text[s:e] == getattr(row, span), (name, s, e)


@pytest.mark.parametrize("name", ANALYZERS)
def test_registry_same_input_same_output_and_input_untouched(seeds, name) -> None:
    before = _snapshot(seeds)
    first, second = _tables(seeds, name), _tables(seeds, name)
    for table, frame in first.items():
        pd.testing.assert_frame_equal(frame, second[table], obj=table)
    assert _snapshot(seeds) == before


@pytest.mark.parametrize("name", ANALYZERS)
def test_registry_empty_corpus_gives_the_empty_declared_tables(name) -> None:
    empty = Corpus.from_records([])
    tables = _tables(empty, name)
    a = REGISTRY[name]
    for table in (a.table, *(s.table for s in a.summaries)):
        assert tables[table].empty, table
        TABLES[table].check(tables[table])


@pytest.mark.parametrize("name", ANALYZERS)
def test_registry_chunked_parallel_run_equals_serial(seeds, name) -> None:
    chosen = resolve([name])
    serial = run(seeds, chosen)
    parallel = run(seeds, chosen, n_jobs=2)
    chunks = [Corpus(seeds.articles[i:i + 2], seeds.outlets, seeds.actors, seeds.story)
              for i in range(0, len(seeds), 2)]
    states = fit_states(seeds, chosen, chunks)
    for table, frame in serial.items():
        pd.testing.assert_frame_equal(frame, parallel[table], obj=table)
        if REGISTRY.get(name, chosen[-1]).scope == "article":
            pieces = [run_chunk(c, chosen, states)[table] for c in chunks]
            pd.testing.assert_frame_equal(frame, pd.concat(pieces, ignore_index=True).astype(frame.dtypes.to_dict()),
                                          obj=table)


def test_registry_refuses_undeclared_tables_and_unknown_needs() -> None:
    with pytest.raises(FramingError, match="not declared"):
        Analyzer("x", "no_such_table", lambda c, s, t: pd.DataFrame())
    with pytest.raises(FramingError, match="needs"):
        register(Analyzer("x", "kwic", lambda c, s, t: pd.DataFrame(), needs=("no_such_analyzer",)))
    with pytest.raises(FramingError, match="declared twice"):
        declare("kwic", "again", [])
    with pytest.raises(FramingError, match="unknown analyzer"):
        resolve(["no_such_analyzer"])


def test_registry_table_check_names_the_problem() -> None:
    t = TABLES["affiliation_shares"]
    with pytest.raises(FramingError, match=r"missing \['share'\]"):
        t.check(pd.DataFrame({"outlet": ["a"], "affiliation": ["b"], "n": [1]}))
    with pytest.raises(FramingError, match="n is float64, declared int64"):
        t.check(pd.DataFrame({"outlet": ["a"], "affiliation": ["b"], "n": [1.0], "share": [1.0]}).astype(
            {"outlet": "str", "affiliation": "str"}))


def test_registry_options_reach_run_and_are_checked_before_anything_runs(seeds) -> None:
    (voices,) = [a for a in resolve(["voices"], options={"voices": {"convention": "attribution"}})
                 if a.name == "voices"]
    assert voices.params == {"convention": "attribution"}
    assert REGISTRY["voices"].params == {"convention": "reported-speech"}  # the registered one is untouched
    with pytest.raises(FramingError, match=r"no option 'conventoin'.*convention='reported-speech'"):
        resolve(["voices"], options={"voices": {"conventoin": "attribution"}})
    with pytest.raises(FramingError, match="not a quote convention"):
        resolve(["voices"], options={"voices": {"convention": "speech"}})
    with pytest.raises(FramingError, match="which does not run"):
        resolve(["sentences"], options={"voices": {"convention": "attribution"}})
    with pytest.raises(FramingError, match="unknown analyzer"):
        resolve(None, options={"voicez": {}})
    with pytest.raises(FramingError, match="whole number"):
        resolve(["distinctive"], options={"distinctive": {"top": 0}})


def test_registry_configured_analyzer_runs_with_its_option(seeds) -> None:
    top = _tables(seeds, "distinctive")["distinctive"].groupby("outlet").size()
    chosen = resolve(["distinctive"], options={"distinctive": {"top": 3}})
    few = run(seeds, chosen)["distinctive"].groupby("outlet").size()
    assert (top > 3).all() and (few == 3).all()
