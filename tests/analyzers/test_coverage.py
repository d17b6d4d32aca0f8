"""Coverage: claims across outlets, the claims x outlets matrix, the S-400 acceptance and the claim gold."""
from __future__ import annotations

import csv
import sys

import pandas as pd
import pytest

import framing
from framing.analyzers.coverage import (COVERAGE_COLUMNS, THRESHOLD, _quote_blocks, claim_sentences, coverage,
                                        coverage_matrix, everyone_but, only_in)
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "data" / "s400_claims.csv"
GOLD_V2 = ROOT / "tests" / "data" / "s400_claims_v2.csv"


@pytest.fixture(scope="module")
def table(s400):
    return coverage(s400)


def test_coverage_columns_and_offsets_are_sentences(s400, table):
    assert list(table.columns) == COVERAGE_COLUMNS
    arts = {a.id: a for a in s400}
    for r in table.itertuples():
        spans = {(s.start, s.end) for s in arts[r.article_id].sentences}
        assert (r.start, r.end) in spans
        assert r.outlet == arts[r.article_id].outlet
    reps = table[table["similarity"] == 1.0]
    for r in reps.itertuples():  # the representative is the text of one member
        assert r.claim in set(table.loc[table["claim_id"] == r.claim_id, "claim"])


def test_coverage_s400_acceptance(table):
    n_out = table.groupby("claim_id")["outlet"].nunique()
    assert (n_out >= 2).sum() >= 5
    assert (n_out == 1).sum() >= 5


def test_coverage_matrix_has_a_column_per_outlet_and_shared_first(s400, table):
    m = coverage_matrix(table)
    for k in s400.outlet_keys:
        assert k in m.columns and m[k].dtype == bool
    k = m["n_outlets"].tolist()
    first_single = k.index(1)
    assert all(x >= 2 for x in k[:first_single]) and all(x == 1 for x in k[first_single:])
    assert k[:first_single] == sorted(k[:first_single], reverse=True)
    # exclusives grouped by outlet, in column order
    onlies = [o for o in m["only"].tolist() if o]
    outlets = list(m.columns[4:])
    assert onlies == sorted(onlies, key=outlets.index)
    assert (m[outlets].sum(axis=1) == m["n_outlets"]).all()


def test_only_in_and_everyone_but(table):
    m = coverage_matrix(table)
    for o in m.columns[4:]:
        ex = only_in(table, o)
        assert len(ex) and ex[o].all() and (ex["n_outlets"] == 1).all()
        miss = everyone_but(m, o, at_least=2)
        assert (~miss[o]).all() and (miss[[c for c in m.columns[4:] if c != o]].sum(axis=1) >= 2).all()
    assert only_in(table, "nope").empty and everyone_but(table, "nope").empty


def test_coverage_paraphrase_and_quote_meet():
    sents = ["“We are concerned about the consequences of Turkey's purchase of the S-400 system.",
             "This system could pose a threat to Allied air assets, ”Stoltenberg said.",
             "NATO chief Stoltenberg said the alliance was concerned about the consequences of the S-400 purchase.",
             "Berlin decided to redeploy its troops from the Incirlik base."]
    labels, sim = claim_sentences(sents, blocks=[0, 0, 1, 2])
    assert labels[0] == labels[2] and labels[3] != labels[0]
    assert sim[labels == labels[0]].max() == 1.0


def test_quote_blocks_join_a_quotation_over_sentences():
    text = "“This is serious. It is up to Turkey,” he said. Turkey disagreed."
    spans = [(0, 17), (18, 47), (48, 65)]
    assert _quote_blocks(text, spans) == [0, 0, 1]


def test_coverage_short_sentences_carry_no_claim():
    labels, _ = claim_sentences(["Global contradictions", "..."])
    assert labels.tolist() == [-1, -1]


def test_coverage_per_story_never_joins_two_stories():
    recs = [{"id": "a", "outlet": "rt", "text": "Turkey signed the $2.5 billion S-400 contract in 2017.", "story": "one"},
            {"id": "b", "outlet": "cbc", "text": "Turkey signed the $2.5 billion S-400 contract in 2017.", "story": "two"},
            {"id": "c", "outlet": "wsws", "text": "The S-400 contract worth $2.5 billion was signed by Turkey in 2017.",
             "story": "one"}]
    t = coverage(framing.Corpus.from_records(recs))
    by = t.set_index("article_id")
    assert by.loc["a", "claim_id"] == by.loc["c", "claim_id"] != by.loc["b", "claim_id"]
    assert by.loc["b", "story"] == "two"


def test_coverage_empty_corpus_and_determinism(s400, table):
    empty = coverage(framing.Corpus(articles=()))
    assert list(empty.columns) == COVERAGE_COLUMNS and empty.empty
    assert coverage_matrix(empty).empty
    pd.testing.assert_frame_equal(coverage(s400), table)


def test_coverage_threshold_moves_the_grouping(s400):
    n = {t: coverage(s400, t)["claim_id"].nunique() for t in (0.1, THRESHOLD, 0.5)}
    assert n[0.1] < n[THRESHOLD] < n[0.5]


@pytest.mark.parametrize("path", [GOLD, GOLD_V2], ids=["v1", "v2"])
def test_claim_gold_offsets_are_whole_sentences(s400, path):
    arts = {a.id: a for a in s400}
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) > 150 and len({r["claim_id"] for r in rows}) > 40
    for r in rows:
        a = arts[r["article_id"]]
        sp = a.sentences[int(r["sentence_id"])]
        assert (sp.start, sp.end) == (int(r["start"]), int(r["end"])) and a.outlet == r["outlet"]


def test_coverage_gold_benchmark_runs(capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import coverage_gold as cg

    gold = cg.read_gold(GOLD)
    pred = cg.predicted(coverage(framing.load_corpus(ROOT / "corpora" / "s400")))
    p, r, f = cg.prf(*cg.pair_counts(gold, pred, cross_only=True))
    assert 0 < p <= 1 and 0 < r <= 1
    # the packaged threshold beats a cut that joins almost nothing (a check that can fail)
    strict = cg.predicted(coverage(framing.load_corpus(ROOT / "corpora" / "s400"), 0.6))
    assert f > cg.prf(*cg.pair_counts(gold, strict, cross_only=True))[2]


def test_claim_gold_v2_differs_from_v1_only_by_its_written_rules():
    """v2 keeps v1's sentences; it only gives claims of their own (R1) or splits claims (R2)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import coverage_gold as cg

    v1, v2 = cg.read_gold(GOLD), cg.read_gold(GOLD_V2)
    assert set(v1) == set(v2)
    changed = {k for k in v1 if v1[k] != v2[k]}
    assert 15 <= len(changed) <= 30
    split = {"patriot": {"patriot_refused", "patriot_withdrawn"}, "coup": {"coup_gulen", "coup_west"},
             "alternative": {"alt_urged", "alt_eurosam"}}
    for k in changed:  # a split claim goes to one of its parts; anything else to a claim of one sentence
        (old,), (new,) = v1[k] - v2[k], v2[k] - v1[k]
        assert new in split.get(old, ()) or sum(new in v for v in v2.values()) == 1


def test_coverage_gold_matrix_level_counts():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import coverage_gold as cg

    gold = {("a", 0): {"x"}, ("b", 0): {"x"}, ("c", 0): {"x"}, ("a", 9): {"y"}, ("b", 9): {"z"}}
    # predicted: a0+b0 (right), a9+b9 (wrong), c0 alone -> links (x,a,b) found; (x,a,c), (x,b,c) missed
    pred = {("a", 0): 1, ("b", 0): 1, ("c", 0): 2, ("a", 9): 3, ("b", 9): 3}
    assert cg.carry_counts(gold, pred) == (1, 2, 1, 3)
    assert cg.carry_counts(gold, pred, involving="c") == (0, 0, 0, 2)
    # one-article claims: c0 (gold claim x is shared: wrong); y and z are exclusive in the gold but joined
    table = pd.DataFrame({"article_id": ["a", "b", "c", "a", "b"], "start": [0, 0, 0, 9, 9], "claim_id": [1, 1, 2, 3, 3]})
    assert cg.exclusive_counts(gold, table) == (0, 1, 0, 2)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sparse_average_linkage_equals_scipy_on_complete_graphs(seed):
    """The reference: scipy's average linkage cut at 1 - threshold, every pair an edge."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    from framing.analyzers.coverage import _average_linkage

    rng = np.random.default_rng(seed)
    pts = rng.random((25, 4))
    pts /= np.linalg.norm(pts, axis=1, keepdims=True)
    sims = pts @ pts.T
    iu = np.triu_indices(25, 1)
    t = float(np.quantile(sims[iu], 0.7))
    ref = fcluster(linkage(1 - sims[iu], method="average"), t=1 - t, criterion="distance")
    ours = _average_linkage(25, iu[0], iu[1], sims[iu], t)
    pairs = lambda lab: {(i, j) for i, j in zip(*iu) if lab[i] == lab[j]}  # noqa: E731
    assert pairs(ours) == pairs(ref)


def test_coverage_variants_benchmark_scores_the_current_method(capsys):
    """benchmarks/coverage_variants.py reproduces the packaged method's cross-validated figure."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import re

    import coverage_variants as cv

    assert cv.main(["--only", "current,clauses,wordnet"]) == 0
    out = capsys.readouterr().out
    f1 = {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\S+)\s+LOAO .*? F1 ([0-9.]+) \|", out, re.M)}
    assert set(f1) == {"current", "clauses"} and 0.2 < f1["current"] < 0.5
    assert "wordnet          skipped" in out
