"""Tests of framing.analyzers.loaded_rates: flagged hits only, own and quoted words apart, epistemic
markers apart, counts and exact intervals beside every rate (issue 20), on the seed articles."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.analyzers._loaded_scan import quotation_spans, quoted_word_count
from framing.analyzers.loaded import EPISTEMIC_CATEGORIES, find_loaded_terms, loaded_terms
from framing.analyzers.loaded_rates import (category_kind, hit_counts, loaded_rates, loaded_summary, quoted_words,
                                            summary_from_rates)
from framing.corpus import Corpus
from framing.stats import poisson_rate_interval
from framing.tables import TABLES
from framing.text import TOKEN_RE
from tests.conftest import SEED_FILES, eval_path, seed_text


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return Corpus.from_records([{"id": k, "outlet": k, "text": seed_text(k)} for k in SEED_FILES])


@pytest.fixture(scope="module")
def terms(seeds) -> pd.DataFrame:
    return loaded_terms(seeds)


# ---- rule 1: flagged hits only; hedges and factives are epistemic markers, not loaded --------------

def test_loaded_rates_count_only_flagged_loaded_hits(seeds, terms):
    rates = loaded_rates(terms, quoted_words(seeds))
    TABLES["loaded_rates"].check(rates)
    loaded = rates[rates["kind"] == "loaded"]
    own = terms[~terms["in_quote"] & ~terms["category"].isin(EPISTEMIC_CATEGORIES)]
    quoted = terms[terms["in_quote"] & ~terms["category"].isin(EPISTEMIC_CATEGORIES)]
    assert loaded.loc[loaded["voice"] == "own", "n_hits"].sum() == own["flagged"].sum()
    assert loaded.loc[loaded["voice"] == "quoted", "n_hits"].sum() == quoted["word_flagged"].sum()
    # the seeds have unflagged lexicon hits ("of course", "really"): candidates, not counted
    assert (loaded["n_candidates"] >= loaded["n_hits"]).all()
    assert loaded["n_candidates"].sum() > loaded["n_hits"].sum()


def test_loaded_rates_hedges_are_epistemic_not_loaded(seeds, terms):
    # RT's seed: "This system could pose a threat"; RevoI's: "could make the American systems vulnerable"
    hedges = terms[terms["category"] == "hedge"]
    assert {"could", "may"} <= set(hedges["term"].str.lower())
    assert not hedges["flagged"].any()  # the model never flags them ...
    rates = loaded_rates(terms, quoted_words(seeds))
    epi = rates[rates["kind"] == "epistemic"]
    assert set(epi["category"]) == set(EPISTEMIC_CATEGORIES)
    assert epi["n_hits"].sum() == terms["category"].isin(EPISTEMIC_CATEGORIES).sum()  # ... yet each one counts here
    s = summary_from_rates(rates)
    assert s["n_epistemic"].sum() == epi["n_hits"].sum()
    assert s["n_loaded"].sum() == rates.loc[rates["kind"] == "loaded", "n_hits"].sum()
    assert category_kind("factive") == "epistemic" and category_kind("dysphemism") == "loaded"


def test_loaded_rates_flagged_only_false_counts_every_hit(seeds, terms):
    rates = loaded_rates(terms, quoted_words(seeds), flagged_only=False)
    assert rates["n_hits"].sum() == len(terms)


# ---- rule 2: own words and quoted words apart -----------------------------------------------------

@pytest.mark.parametrize("key, term", [("cbc", "affront"), ("cbc", "imperils"), ("revoi", "‘multiple opportunities’")])
def test_loaded_hit_inside_quotation_marks_is_quoted(key, term):
    # CBC: '"The S400 system is a direct affront to NATO ...' and 'purchase "imperils the integrity" of ...'
    text = seed_text(key)
    d = find_loaded_terms(text)
    row = d[d["term"] == term].iloc[0]
    inside = any(a <= row["start"] and row["end"] <= b for a, b in quotation_spans(text))
    assert inside == bool(row["in_quote"])
    if term.startswith("‘"):  # a scare quote inside a quotation is inside it too (RevoI: “Turkey had ‘multiple ...’”)
        assert row["in_quote"]
    else:
        assert row["in_quote"] and not row["flagged"]


@pytest.mark.parametrize("key, term, inside", [
    ("cbc", '"difficult"', False),  # 'represented a "difficult" problem': the marks are the outlet's
    ("revoi", "‘unacceptable’", False),  # 'Blinken termed the purchase as ‘unacceptable’'
    ("rt", '"umbrella"', True),  # inside an expert's quotation that runs over paragraphs (“It is clear ...)
])
def test_loaded_scare_quote_is_own_words_unless_inside_a_quotation(key, term, inside):
    d = find_loaded_terms(seed_text(key))
    row = d[d["term"] == term].iloc[0]
    assert row["category"] == "scare_quote" and bool(row["in_quote"]) is inside


def test_loaded_word_flagged_equals_flagged_outside_quotes(terms):
    own = terms[~terms["in_quote"]]
    assert (own["flagged"] == own["word_flagged"]).all()
    quoted = terms[terms["in_quote"]]
    assert not quoted["flagged"].any() and quoted["word_flagged"].any()  # RT: "undermining discipline"


def test_loaded_quoted_words_counts_tokens_inside_the_marks(seeds):
    qw = quoted_words(seeds)
    TABLES["quoted_words"].check(qw)
    for art, n, q in zip(seeds, qw["n_words"], qw["n_quoted_words"]):
        spans = quotation_spans(art.text)
        assert q == sum(len(TOKEN_RE.findall(art.text[a:b])) for a, b in spans) == quoted_word_count(art.text)
        assert n == art.n_words and 0 <= q < n
    assert qw["n_quoted_words"].gt(0).all()  # every seed quotes someone


def test_loaded_rates_divide_each_voice_by_its_words(seeds, terms):
    rates = loaded_rates(terms, quoted_words(seeds))
    qw = quoted_words(seeds).set_index("outlet")
    for (outlet, voice), g in rates.groupby(["outlet", "voice"]):
        q = int(qw.loc[outlet, "n_quoted_words"])
        want = q if voice == "quoted" else int(qw.loc[outlet, "n_words"]) - q
        assert (g["n_words"] == want).all()
        assert g["rate_per_1000"].tolist() == pytest.approx((1000 * g["n_hits"] / want).tolist())


def test_loaded_rates_from_a_corpus_equal_those_from_the_table(seeds, terms):
    pd.testing.assert_frame_equal(loaded_rates(terms, seeds), loaded_rates(terms, quoted_words(seeds)))


# ---- rule 3: counts and intervals beside every rate ----------------------------------------------

def test_poisson_interval_of_6_hits_in_270_words():
    lo, hi = poisson_rate_interval(6, 270)
    assert 1000 * 6 / 270 == pytest.approx(22.22, abs=0.01)
    assert (round(lo, 1), round(hi, 1)) == (8.2, 48.4)  # exact Garwood interval
    assert poisson_rate_interval(0, 270)[0] == 0.0 and poisson_rate_interval(0, 270)[1] > 0
    assert all(math.isnan(x) for x in poisson_rate_interval(3, 0))


def test_loaded_summary_has_count_words_and_interval(seeds, terms):
    s = loaded_summary(terms, quoted_words(seeds))
    TABLES["loaded_summary"].check(s)
    assert len(s) == 2 * len(SEED_FILES)
    for r in s.itertuples():
        if r.n_words:
            assert r.loaded_ci_low <= r.loaded_per_1000 <= r.loaded_ci_high
            assert r.epistemic_ci_low <= r.epistemic_per_1000 <= r.epistemic_ci_high
            assert (r.loaded_ci_low, r.loaded_ci_high) == pytest.approx(poisson_rate_interval(r.n_loaded, r.n_words))


def test_hit_counts_of_a_bare_table_take_every_hit_as_own_words():
    t = pd.DataFrame({"outlet": ["cbc"] * 2, "category": ["emotive", "hedge"], "flagged": [True, False]})
    assert hit_counts(t) == {("cbc", "own", "emotive"): (1, 1), ("cbc", "own", "hedge"): (1, 1)}


def test_loaded_rates_of_an_empty_corpus_have_the_columns():
    c = Corpus.from_records([])
    r = loaded_rates(loaded_terms(c), quoted_words(c))
    assert r.empty and list(r.columns) == TABLES["loaded_rates"].names


# ---- on the BASIL dev triplets (skipped without ../shared/eval) -----------------------------------

_CLOTHING = {"fedora", "blouse", "sweater", "necktie", "capes", "cardigan", "sneakers", "tuxedo", "gown", "underpants"}


def _basil(n_files: int = 45) -> Corpus:
    import json

    root = eval_path("basil-dev", "articles")
    recs = []
    for i, f in enumerate(sorted(root.glob("*/*.json"))[:n_files]):
        d = json.loads(f.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        recs.append({"id": f"basil-{i}", "outlet": {"fox": "fox-news", "hpo": "huffpost"}.get(d["source"].lower(),
                                                                                           d["source"].lower()),
                     "text": text})
    return Corpus.from_records(recs)


def test_loaded_rates_on_basil_follow_the_rules():
    c = _basil()
    t = loaded_terms(c)
    qw = quoted_words(c)
    s = loaded_summary(t, qw).set_index(["outlet", "voice"])
    every = loaded_rates(t, qw, flagged_only=False)
    for o, g in every.groupby("outlet"):
        all_hits_rate = 1000 * g["n_hits"].sum() / qw.loc[qw["outlet"] == o, "n_words"].sum()
        own = s.loc[(o, "own")]
        assert own["loaded_per_1000"] < all_hits_rate / 2  # most lexicon hits are unflagged or epistemic
        assert own["loaded_ci_low"] < own["loaded_per_1000"] < own["loaded_ci_high"]
    assert qw["n_quoted_words"].sum() > 0.1 * qw["n_words"].sum()  # news quotes a lot: it matters whose words
    unc = t[(t["category"] == "uncommon_word") & t["flagged"]]
    assert not set(unc["term"]) & _CLOTHING
