"""Tests of framing.analyzers.distinctive (Monroe et al. 2008 log-odds)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.analyzers.distinctive import DISTINCTIVE_COLUMNS, distinctive_terms
from framing.corpus import Corpus
from tests.conftest import SEED_FILES, seed_text


def _two() -> Corpus:
    return Corpus.from_records([
        {"id": "rt1", "outlet": "rt", "text": "NATO urged Turkey to drop the S-400. NATO allies worry. Air defense."},
        {"id": "rt2", "outlet": "rt", "text": "Air defense systems from Russia. NATO again."},
        {"id": "cbc1", "outlet": "cbc", "text": "Turkey's purchase of a Russian missile defence system. Missile defence."},
    ])


def test_distinctive_columns_and_order():
    t = distinctive_terms(_two(), min_count=1)
    assert list(t.columns) == DISTINCTIVE_COLUMNS
    assert list(dict.fromkeys(t["outlet"])) == ["rt", "cbc"]
    for _, g in t.groupby("outlet", sort=False):
        assert g["rank"].tolist() == list(range(1, len(g) + 1))
        assert g["z"].is_monotonic_decreasing


@pytest.mark.parametrize("outlet, term", [("rt", "nato"), ("cbc", "missile defence"), ("cbc", "defence")])
def test_distinctive_top_terms_per_outlet(outlet, term):
    t = distinctive_terms(_two(), min_count=1)
    g = t[t["outlet"] == outlet]
    assert term in g.head(3)["term"].tolist()


def test_distinctive_removes_stop_words_and_possessive():
    t = distinctive_terms(_two(), min_count=1)
    assert not {"the", "of", "to", "a"} & set(t["term"])
    assert "turkey" in set(t["term"]) and "turkey's" not in set(t["term"])
    assert "s-400" in set(t["term"])


def test_distinctive_matches_monroe_formula():
    c = _two()
    prior = 50.0
    t = distinctive_terms(c, ngram_range=(1, 1), min_count=1, prior=prior)
    counts = t[t["outlet"] == "rt"].set_index("term")[["count", "count_other"]]
    total = counts.sum(axis=1)
    n = float(total.sum())
    yi, yj = counts.loc["nato", "count"], counts.loc["nato", "count_other"]
    ni, nj = counts["count"].sum(), counts["count_other"].sum()
    a = prior * total["nato"] / n
    delta = math.log((yi + a) / (ni + prior - yi - a)) - math.log((yj + a) / (nj + prior - yj - a))
    z = delta / math.sqrt(1 / (yi + a) + 1 / (yj + a))
    row = t[(t["outlet"] == "rt") & (t["term"] == "nato")].iloc[0]
    assert row["log_odds"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(z)


def test_distinctive_two_outlets_are_mirror_images():
    t = distinctive_terms(_two(), min_count=1)
    a = t[t["outlet"] == "rt"].set_index("term")["z"]
    b = t[t["outlet"] == "cbc"].set_index("term")["z"]
    pd.testing.assert_series_equal(a.sort_index(), -b.sort_index(), check_names=False)


def test_distinctive_five_seed_outlets_deterministic():
    c = Corpus.from_records([{"id": k, "outlet": k, "text": seed_text(k)} for k in SEED_FILES])
    t1 = distinctive_terms(c, top=10)
    t2 = distinctive_terms(c, top=10)
    pd.testing.assert_frame_equal(t1, t2)
    assert list(dict.fromkeys(t1["outlet"])) == list(SEED_FILES)
    assert (t1.groupby("outlet").size() == 10).all()
    assert set(t1["ngram"]) == {1, 2} or set(t1["ngram"]) == {1}
    assert (t1["count"] + t1["count_other"] >= 2).all()


@pytest.mark.parametrize("texts", [[], ["the of and"], ["It is what it is."]])
def test_distinctive_empty_or_stopword_corpus_gives_empty_table(texts):
    c = Corpus.from_records([{"id": str(i), "outlet": "rt", "text": t} for i, t in enumerate(texts)])
    t = distinctive_terms(c)
    assert list(t.columns) == DISTINCTIVE_COLUMNS and len(t) == 0


def test_distinctive_single_outlet_works():
    c = Corpus.from_records([{"id": "a", "outlet": "rt", "text": "NATO NATO Turkey missiles missiles"}])
    t = distinctive_terms(c, min_count=1)
    assert set(t["outlet"]) == {"rt"} and (t["count_other"] == 0).all()


@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2), (2, 3)])
def test_distinctive_counts_equal_scikit_learn_countvectorizer(ngram_range):
    """The fast counter gives exactly CountVectorizer's terms and per-outlet counts."""
    import re

    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    from framing.text import TOKEN_RE

    c = Corpus.from_records([{"id": k, "outlet": k, "text": seed_text(k)} for k in SEED_FILES])
    t = distinctive_terms(c, ngram_range=ngram_range, min_count=1)
    vec = CountVectorizer(tokenizer=lambda d: [re.sub(r"['\u2019]s$", "", m.group()) for m in TOKEN_RE.finditer(d)],
                          token_pattern=None, lowercase=True, stop_words="english", ngram_range=ngram_range)
    X = vec.fit_transform([a.text for a in c]).toarray()
    terms = vec.get_feature_names_out()
    for k, art in enumerate(c):
        got = t[t["outlet"] == art.outlet].set_index("term")["count"]
        want = {term: int(n) for term, n in zip(terms, X[k])}
        assert got.to_dict() == want
    assert np.array_equal(np.sort(t["term"].unique()), np.sort(terms))


@pytest.mark.parametrize("top", [0, 1, 3, 25])
def test_distinctive_top_equals_head_of_full_table(top):
    """The top-N path sorts only the candidates, yet keeps exactly the head of each outlet's full ranking."""
    c = Corpus.from_records([{"id": k, "outlet": k, "text": seed_text(k)} for k in SEED_FILES])
    full = distinctive_terms(c, min_count=1)
    head = full[full["rank"] <= top].reset_index(drop=True)
    pd.testing.assert_frame_equal(distinctive_terms(c, min_count=1, top=top), head)


def test_distinctive_lower_case_keeps_token_classes():
    # distinctive terms tokenise text.lower(); its tokens are those of the text when the lengths are
    # equal: true only if no character that lower-cases to one character changes
    # between word character, token joiner ("-'’.") and other.
    import re

    word = re.compile(r"\w")
    joiners = set("-'’.")
    changed = [hex(i) for i in range(0x110000)
               if len(low := chr(i).lower()) == 1
               and (bool(word.match(chr(i))) != bool(word.match(low)) or (chr(i) in joiners) != (low in joiners))]
    assert changed == []


def _plain_word_ids(docs):
    """The reference of ``_word_ids``: ``TOKEN_RE.findall`` of each lower-cased document, a possessive 's
    dropped, stop words left out, words numbered in sorted order."""
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from framing.text import TOKEN_RE

    toks = [[t[:-2] if t.endswith(("'s", "\u2019s")) else t for t in TOKEN_RE.findall(d.lower())] for d in docs]
    kept = [[t for t in ts if t not in ENGLISH_STOP_WORDS] for ts in toks]
    vocab = sorted({t for ts in kept for t in ts})
    index = {w: i for i, w in enumerate(vocab)}
    return (vocab, np.array([index[t] for ts in kept for t in ts], dtype=np.int64),
            np.array([k for k, ts in enumerate(kept) for _ in ts], dtype=np.int64))


@pytest.mark.parametrize("block", [1, 2, 256])
def test_distinctive_word_ids_equal_the_token_pattern(monkeypatch, block):
    """The numpy tokeniser (keys of short and medium tokens, text of the others, blocks of documents) gives the
    words of TOKEN_RE.findall."""
    import random

    from framing import _token_arrays
    from framing.analyzers import distinctive as d

    monkeypatch.setattr(_token_arrays, "BLOCK_TEXTS", block)
    words = ["the", "Trump's", "it’s", "S-400", "U.S.", "aaaaaaaa", "aaaaaaaab", "abcdefghijklmnop",
             "abcdefghijklmnopq", "abcdefgh’ij", "abcdefghij’s", "ÿÿ", "naïve", "x", "İzmir", "ΣΑΣ", "a_b",
             "9.5",
             "co-produce", "rock'n'roll", "don't", "x--y", "a.-b", "中文字", "😀x", "\udcff", "ŉ", "ﬁne"]
    seps = [" ", "\n", ", ", "-", "'", ".", "’", " \u00a0"]
    rng = random.Random(0)
    for _ in range(200):
        docs = ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 12)))
                for _ in range(rng.randint(0, 5))]
        vocab, arr, doc_of = d._word_ids(docs)
        want = _plain_word_ids(docs)
        assert vocab.tolist() == want[0] and arr.tolist() == want[1].tolist() and doc_of.tolist() == want[2].tolist()
    seeds = [seed_text(k) for k in SEED_FILES]
    vocab, arr, doc_of = d._word_ids(seeds)
    want = _plain_word_ids(seeds)
    assert vocab.tolist() == want[0] and arr.tolist() == want[1].tolist() and doc_of.tolist() == want[2].tolist()
