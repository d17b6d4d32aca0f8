"""Tests of framing.analyzers.sentiment on real seed sentences."""
from __future__ import annotations

import random
import sys
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.actors import Actor
from framing.analyzers import _target
from framing.analyzers.mentions import ACTOR_COLUMNS, ACTOR_SUMMARY_COLUMNS, actor_sentiment, actor_sentiment_summary
from framing.analyzers.sentiment import (
    ARTICLE_COLUMNS,
    OUTLET_COLUMNS,
    SENTENCE_COLUMNS,
    TargetSentiment,
    article_sentiment,
    load_news_lexicon,
    outlet_sentiment,
    sentence_sentiment,
    target_sentiment,
    vader_scores,
)
from framing.corpus import Corpus
from framing.errors import FramingError, LexiconError
from tests.conftest import ROOT, SEED_FILES, eval_path, seed_text

AFFRONT = "The S400 system is a direct affront to NATO and against the interests of the Turkish people"

# (real sentence from the seeds, target mention, expected label)
TARGETS = [
    ("Ankara accuses Gulen, a former ally of Erdogan, of masterminding the July 2016 coup attempt against the "
     "Turkish president.", "Gulen", "negative"),
    ("U.S. President Donald Trump described the situation Tuesday as unfair, appearing to blame decisions made by "
     "the former administration for the current situation.", "former administration", "negative"),
    ("As the coup attempt failed thanks to mass popular opposition, Erdogan and his government openly accused "
     "Ankara's Western allies\u2014especially the US and Germany\u2014of backing the putschists.",
     "Western allies", "negative"),
    ("Stoltenberg said this, speaking at a press conference following talks with Turkish Foreign Minister Mevlut "
     "Cavusoglu in Ankara.", "Mevlut Cavusoglu", "neutral"),
    ("Alexander Mikheyev, CEO of Russia's state-run arms exporter Rosoboronexport, also confirmed the purchase "
     "agreement.", "Alexander Mikheyev", "neutral"),
    ("Turkey's purchase of a Russian missile defence system represents a serious and difficult problem for NATO, "
     "says NATO Secretary General Jens Stoltenberg, but he remains optimistic a solution can be found.",
     "he", "positive"),
    pytest.param(
        "Hypocritically using Erdogan's post-coup crackdown on the opposition as a pretext, the European Parliament "
        "has voted against the continuation of accession talks between Ankara and the EU.",
        "European Parliament", "negative",
        marks=pytest.mark.xfail(strict=True, reason="evaluative adverb in a fronted clause is outside the target's clause"),
    ),
]

ACTORS = (
    Actor("Jens Stoltenberg", aliases=("Stoltenberg", "NATO Secretary General", "NATO chief"), affiliation="NATO"),
    Actor("NATO", aliases=("North Atlantic Alliance",), kind="organisation"),
    Actor("Recep Tayyip Erdogan", aliases=("Erdogan", "Erdoğan"), kind="person"),
    Actor("Turkey", aliases=("Ankara",), kind="government"),
)


def _corpus(keys=("cbc", "wsws", "presstv"), actors=ACTORS) -> Corpus:
    return Corpus.from_records(
        [{"id": k, "outlet": k, "text": seed_text(k)} for k in keys], actors=actors
    )


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return _corpus()


@pytest.fixture(scope="module")
def corpus_all() -> Corpus:
    return _corpus(keys=tuple(SEED_FILES))


@pytest.fixture(scope="module")
def sentences(corpus) -> pd.DataFrame:
    return sentence_sentiment(corpus)


# ------------------------------------------------------------------ sentence level


def test_sentiment_sentence_scores_equal_vader(corpus, sentences):
    sia = SentimentIntensityAnalyzer()
    texts = {a.id: a.text for a in corpus}
    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert len(sentences) == sum(len(a.sentences) for a in corpus)
    for row in sentences.itertuples():
        span = texts[row.article_id][row.start:row.end]
        assert span == row.text
        expected = sia.polarity_scores(span)
        assert (row.neg, row.neu, row.pos, row.compound) == (
            expected["neg"], expected["neu"], expected["pos"], expected["compound"])


def test_sentiment_recurring_sentences_scored_once_get_the_same_scores():
    from framing.analyzers.sentiment import _distinct_scores

    texts = ["NATO is a great alliance.", "Turkey bought the S400.", "NATO is a great alliance.", ""]
    calls = []

    def score(text):
        calls.append(text)
        return vader_scores_tuple(text)

    assert _distinct_scores(texts, score) == [vader_scores_tuple(t) for t in texts]
    assert calls == ["NATO is a great alliance.", "Turkey bought the S400.", ""]
    assert _distinct_scores(texts[:2], score) == [vader_scores_tuple(t) for t in texts[:2]]


def vader_scores_tuple(text):
    d = SentimentIntensityAnalyzer().polarity_scores(text)
    return d["neg"], d["neu"], d["pos"], d["compound"]


def test_sentiment_sentence_ids_count_within_article(sentences):
    for _, grp in sentences.groupby("article_id"):
        assert grp["sentence_id"].tolist() == list(range(len(grp)))
        assert grp["start"].is_monotonic_increasing


def test_sentiment_vader_gap_affront_scores_positive(corpus):
    text = corpus[0].text  # CBC, cleaned (it keeps a no-break space after "NATO")
    i = text.index("The S400 system")
    real = text[i:text.index("people", i) + len("people")]
    assert " ".join(real.split()) == AFFRONT
    for sentence in (real, AFFRONT):
        plain = vader_scores(sentence)
        assert plain == SentimentIntensityAnalyzer().polarity_scores(sentence)
        assert plain["compound"] == pytest.approx(0.25)  # VADER's known gap: 'interests' is its only cue
        assert vader_scores(sentence, news_lexicon=True)["compound"] < -0.05


def test_sentiment_news_lexicon_off_by_default_and_changes_scores(corpus, sentences):
    news = sentence_sentiment(corpus, news_lexicon=True)
    assert news[["article_id", "start", "end"]].equals(sentences[["article_id", "start", "end"]])
    assert (news["compound"] != sentences["compound"]).any()
    row = news[news["text"].str.contains("direct affront", regex=False)].iloc[0]
    assert row["compound"] < 0 < sentences.loc[row.name, "compound"]


@pytest.mark.parametrize(
    "row, problem",
    [
        ("affront,-2.0,note,src", None),
        ("two words,-1,note,src", "term"),
        ("affront,minus two,note,src", "valence"),
        ("affront,-9,note,src", "valence"),
        ("affront,-2.0,note,", "source"),
        ("affront,-2.0", "4 fields"),
    ],
)
def test_sentiment_news_lexicon_bad_row_names_file_and_line(tmp_path, row, problem):
    path = tmp_path / "mine.csv"
    path.write_text("# comment\nterm,valence,note,source\nhostile,-1.5,ok,me\n" + row + "\n", encoding="utf-8")
    if problem is None:
        assert load_news_lexicon(path) == {"hostile": -1.5, "affront": -2.0}
        return
    with pytest.raises(LexiconError) as err:
        load_news_lexicon(path)
    assert f"mine.csv:4" in str(err.value) and problem in str(err.value)


def test_sentiment_packaged_news_lexicon_is_valid():
    lex = load_news_lexicon()
    assert lex["affront"] < 0 and lex["interests"] == 0
    assert all(-4 <= v <= 4 for v in lex.values())


# ------------------------------------------------------------- article and outlet


def test_sentiment_article_table_matches_numpy(sentences):
    art = article_sentiment(sentences)
    assert list(art.columns) == ARTICLE_COLUMNS
    assert art["article_id"].tolist() == ["cbc", "wsws", "presstv"]
    for row in art.itertuples():
        x = sentences.loc[sentences["article_id"] == row.article_id, "compound"].to_numpy()
        assert row.n_sentences == len(x)
        assert row.mean == pytest.approx(x.mean())
        assert row.median == pytest.approx(np.median(x))
        assert row.sd == pytest.approx(x.std(ddof=1))
        assert row.share_negative == pytest.approx((x <= -0.05).mean())
        assert row.share_positive == pytest.approx((x >= 0.05).mean())
        assert row.share_negative + row.share_neutral + row.share_positive == pytest.approx(1.0)


def test_sentiment_outlet_ci_brackets_mean_and_is_deterministic(sentences):
    out = outlet_sentiment(sentences, n_boot=500, seed=3)
    assert list(out.columns) == OUTLET_COLUMNS
    assert out["outlet"].tolist() == ["cbc", "wsws", "presstv"]
    assert out.equals(outlet_sentiment(sentences, n_boot=500, seed=3))
    assert not out.equals(outlet_sentiment(sentences, n_boot=500, seed=4))
    assert (out["ci_low"] <= out["mean"]).all() and (out["mean"] <= out["ci_high"]).all()
    assert (out["ci_low"] < out["ci_high"]).all()
    assert out["n_sentences"].sum() == len(sentences)
    assert (out["n_articles"] == 1).all()


def test_sentiment_outlet_ci_independent_of_other_outlets(sentences):
    alone = outlet_sentiment(sentences[sentences["outlet"] == "wsws"], n_boot=300)
    together = outlet_sentiment(sentences, n_boot=300).set_index("outlet").loc["wsws"]
    assert alone.iloc[0]["ci_low"] == together["ci_low"]


def test_sentiment_outlet_ci_covers_known_mean():
    # 400 draws from a distribution with mean 0.2: the 95 % interval should contain it
    rng = np.random.default_rng(1)
    x = np.clip(rng.normal(0.2, 0.4, 400), -1, 1)
    table = pd.DataFrame({"article_id": ["a"] * 400, "outlet": ["o"] * 400, "compound": x})
    row = outlet_sentiment(table).iloc[0]
    assert row["ci_low"] < x.mean() < row["ci_high"]
    assert row["ci_high"] - row["ci_low"] == pytest.approx(2 * 1.96 * x.std(ddof=1) / 20, rel=0.2)


def test_sentiment_empty_corpus_gives_empty_tables_with_columns():
    empty = Corpus.from_records([], actors=())
    s = sentence_sentiment(empty)
    assert list(s.columns) == SENTENCE_COLUMNS and len(s) == 0
    assert list(article_sentiment(s).columns) == ARTICLE_COLUMNS
    assert list(outlet_sentiment(s).columns) == OUTLET_COLUMNS
    a = actor_sentiment(empty)
    assert list(a.columns) == ACTOR_COLUMNS and len(a) == 0
    assert list(actor_sentiment_summary(a).columns) == ACTOR_SUMMARY_COLUMNS


# ---------------------------------------------------------------- target sentiment


@pytest.mark.parametrize("sentence, target, label", TARGETS)
def test_sentiment_target_label_on_seed_sentences(corpus_all, sentence, target, label):
    assert sentence[:40] in "".join(a.text for a in corpus_all)  # real seed sentences
    i = sentence.index(target)
    r = target_sentiment(sentence, i, i + len(target))
    assert isinstance(r, TargetSentiment)
    assert r.label == label
    assert -1 <= r.score <= 1
    assert r.p_negative + r.p_neutral + r.p_positive == pytest.approx(1.0)


def test_sentiment_target_in_whole_article_equals_target_in_sentence():
    text = seed_text("wsws")
    target = "Erdogan has become the main target"
    i = text.index(target)
    r = target_sentiment(text, i, i + len("Erdogan"))
    sentence = text[r.sentence_start:r.sentence_end]
    assert sentence.startswith("Erdogan has become") and sentence.endswith("2016.")
    alone = target_sentiment(sentence, i - r.sentence_start, i - r.sentence_start + len("Erdogan"))
    assert (alone.score, alone.label) == (r.score, r.label)
    assert r.clause_start <= i and i + len("Erdogan") <= r.clause_end
    assert r.sentence_compound == vader_scores(sentence)["compound"]


def test_sentiment_target_two_targets_in_one_sentence_differ():
    s = TARGETS[0][0]
    g = target_sentiment(s, s.index("Gulen"), s.index("Gulen") + 5)
    a = target_sentiment(s, 0, len("Ankara"))
    assert g.score < a.score


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 2), (0, 10_000), ("a", 3)])
def test_sentiment_target_bad_offsets_raise_framing_error(start, end):
    with pytest.raises(FramingError, match="offsets|integers"):
        target_sentiment(AFFRONT, start, end)


def test_sentiment_target_uses_training_features():
    """The scorer uses the very features the shipped model was trained on."""
    s, t = TARGETS[1][0], TARGETS[1][1]
    i = s.index(t)
    f, _ = _target.target_features(s, i, i + len(t), vader_scores(s))
    assert {"bias", "s_compound", "L=made", "R=for", "M=administration", "w=blame"} <= set(f)
    p = _target.score_features(f)
    r = target_sentiment(s, i, i + len(t))
    assert (r.p_negative, r.p_neutral, r.p_positive) == pytest.approx(p)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.data())
def test_sentiment_target_any_text_returns_valid_result(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    r = target_sentiment(text, start, end)
    assert r.label in {"negative", "neutral", "positive"} and -1 <= r.score <= 1
    assert 0 <= r.sentence_start <= start <= end <= r.sentence_end <= len(text)


def test_sentiment_target_huge_text_without_newline_is_local():
    text = ("Turkey bought missiles and NATO objected " * 130_000)[:5_000_000]
    i = 2_500_000 + text[2_500_000:].index("NATO")
    r = target_sentiment(text, i, i + 4)
    assert r.sentence_end - r.sentence_start <= _target.MAX_SENTENCE_CHARS


# ----------------------------------------------------------------- actor sentiment


def test_sentiment_actor_rows_have_offsets_and_longest_match(corpus):
    table = actor_sentiment(corpus)
    assert list(table.columns) == ACTOR_COLUMNS
    texts = {a.id: a for a in corpus}
    names = {a.name for a in ACTORS}
    assert set(table["actor"]) <= names
    for row in table.itertuples():
        art = texts[row.article_id]
        assert art.text[row.start:row.end] == row.mention
        sp = art.sentences[row.sentence_id]
        assert sp.start <= row.start and row.end <= sp.end
        assert row.label in {"negative", "neutral", "positive"}
    # "NATO Secretary General Jens Stoltenberg" is one mention, not "NATO" + ... nor two Stoltenbergs
    cbc = table[table["article_id"] == "cbc"]
    assert "NATO Secretary General Jens Stoltenberg" in set(cbc["mention"])
    assert "Jens Stoltenberg" in set(cbc["mention"])
    for _, grp in table.groupby("article_id"):  # mentions never overlap
        assert (grp["start"].to_numpy()[1:] >= grp["end"].to_numpy()[:-1]).all()
    assert set(table["outlet"]) == {"cbc", "wsws", "presstv"}


def test_sentiment_actor_summary_counts(corpus):
    table = actor_sentiment(corpus)
    summ = actor_sentiment_summary(table)
    assert list(summ.columns) == ACTOR_SUMMARY_COLUMNS
    assert summ["n"].sum() == len(table)
    for row in summ.itertuples():
        sub = table[(table["outlet"] == row.outlet) & (table["actor"] == row.actor)]
        assert row.n == len(sub)
        assert row.mean_score == pytest.approx(sub["score"].mean())
        assert row.share_negative == pytest.approx((sub["label"] == "negative").mean())


def test_sentiment_actor_fallback_detector_without_actors():
    c = _corpus(keys=("cbc",), actors=())
    table = actor_sentiment(c)
    assert len(table) > 0
    assert {"Stoltenberg", "NATO", "Erdogan"} <= set(table["actor"])
    assert not set(table["actor"]) & {"The", "But", "He", "Tuesday"}
    text = c[0].text
    assert all(text[r.start:r.end] == r.mention for r in table.itertuples())


def test_sentiment_actor_is_deterministic_and_does_not_mutate(corpus):
    before = [(a.id, a.text) for a in corpus]
    one, two = actor_sentiment(corpus), actor_sentiment(corpus)
    pd.testing.assert_frame_equal(one, two)
    assert [(a.id, a.text) for a in corpus] == before


# ---------------------------------------------------------------------- odd input


@pytest.mark.parametrize(
    "text",
    [
        ".",
        "\u201cunbalanced quote about NATO and Turkey. \u2018and another",
        "".join(chr(random.Random(7).randrange(32, 0x2FFF)) for _ in range(3000)),
        "Die NATO kritisiert die Türkei scharf wegen des Kaufs der russischen Raketen. " * 5,
    ],
)
def test_sentiment_odd_text_returns_tables(text):
    c = Corpus.from_records([{"id": "x", "outlet": "cbc", "text": text}], actors=ACTORS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = sentence_sentiment(c)
        a = actor_sentiment(c)
    assert list(s.columns) == SENTENCE_COLUMNS and list(a.columns) == ACTOR_COLUMNS
    assert list(outlet_sentiment(s).columns) == OUTLET_COLUMNS


def test_sentiment_non_english_is_named_once_in_the_comparison():
    """The language check belongs to the corpus: the analysis names the articles once, the analyzers
    (run per chunk, in workers) do not warn each time."""
    import framing

    text = "Die NATO kritisiert die Türkei scharf wegen des Kaufs der russischen Raketen. " * 5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = Corpus.from_records([{"id": "x", "outlet": "cbc", "text": text}])
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        sentence_sentiment(c)
        comp = framing.analyze(c)
    assert [w for w in comp.warnings if "do not look like English prose (x)" in w]


def test_sentiment_english_does_not_warn(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        sentence_sentiment(corpus)


# --------------------------------------------------------------------- benchmark


@pytest.mark.slow
def test_sentiment_newsmtsc_heldout_macro_f1_beats_baseline_and_target():
    path = eval_path("newsmtsc-train", "train.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from target_sentiment import load_newsmtsc, macro_f1, split, vader_label
    finally:
        sys.path.pop(0)
    _, held = split(load_newsmtsc(path))
    gold = [r["label"] for r in held]
    ours, _ = macro_f1(gold, [target_sentiment(r["sentence"], r["start"], r["end"]).label for r in held])
    base, _ = macro_f1(gold, [vader_label(vader_scores(r["sentence"])["compound"]) for r in held])
    assert ours >= 0.62
    assert ours > base + 0.05


def test_sentiment_s400_corpus_has_tables_for_all_five_outlets(s400):
    sentences = sentence_sentiment(s400)
    out = outlet_sentiment(sentences, n_boot=200)
    assert out["outlet"].tolist() == list(s400.outlet_keys)
    assert len(out) == 5 and (out["n_sentences"] > 5).all()
    actors = actor_sentiment(s400)
    assert set(actor_sentiment_summary(actors)["outlet"]) == set(s400.outlet_keys)
    names = {a.name for a in s400.actors}
    assert set(actors["actor"]) <= names


# ------------------------------------------------------------------ speed paths


@pytest.mark.parametrize("key", ["cbc", "rt", "wsws"])
def test_sentiment_fast_target_scorer_equals_feature_dict_scoring(key):
    """The scorer used for every mention equals score_features(target_features(...)) to rounding."""
    from framing.analyzers.mentions import _named_mentions

    c = _corpus(keys=(key,), actors=())
    art = c[0]
    n = 0
    for sp in art.sentences:
        toks = _target.SentenceTokens(sp.text)
        v = vader_scores(sp.text)
        for s, e, _name in _named_mentions(sp.text):
            slow = _target.score_features(_target.target_features(sp.text, s, e, v)[0])
            fast = _target._score_target(sp.text, s, e, v, toks)
            assert fast[:3] == pytest.approx(slow, abs=1e-12)
            assert fast[3:] == _target._clause_bounds(sp.text, s, e)
            n += 1
    assert n > 20


def test_sentiment_actor_table_reuses_sentence_scores(corpus):
    plain = actor_sentiment(corpus)
    shared = actor_sentiment(corpus, sentence_table=sentence_sentiment(corpus))
    pd.testing.assert_frame_equal(plain, shared)


def test_sentiment_actor_fallback_chunks_equal_whole_with_corpus_names():
    from framing.analyzers.mentions import fallback_names

    c = _corpus(keys=("cbc", "rt", "wsws"), actors=())
    whole = actor_sentiment(c)
    names = fallback_names(c)
    parts = [actor_sentiment(Corpus((a,), c.outlets), fallback_names=names) for a in c]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)
    # the corpus-wide names matter: chunks left to count names on their own find other mentions
    alone = sum(len(actor_sentiment(Corpus((a,), c.outlets))) for a in c)
    assert alone != len(whole)


def test_sentiment_actor_fallback_keeps_only_the_most_frequent_names():
    from framing.analyzers.mentions import FALLBACK_TOP, _named_mentions, fallback_names

    c = _corpus(keys=("cbc", "rt", "presstv", "revoi", "wsws"), actors=())
    every = fallback_names(c, top=None)
    kept = fallback_names(c)
    assert len(every) > FALLBACK_TOP and len(kept) == FALLBACK_TOP and kept < every
    table = actor_sentiment(c)
    assert set(table["actor"]) <= kept
    counts = pd.Series([n for a in c for _s, _e, n in _named_mentions(a.text)]).value_counts()
    # every kept name is at least as frequent as every dropped one
    assert counts[list(kept)].min() >= counts[list(every - kept)].max()
    three = fallback_names(c, top=3)
    assert len(three) == 3 and three < kept


def test_sentiment_outlet_ci_of_large_outlet_matches_a_long_bootstrap():
    from framing.analyzers.sentiment import BOOTSTRAP_MAX_N

    rng = np.random.default_rng(7)
    n = 2 * BOOTSTRAP_MAX_N
    x = np.clip(np.where(rng.random(n) < 0.4, 0.0, rng.normal(-0.1, 0.5, n)), -1, 1)  # skewed, many zeros
    table = pd.DataFrame({"article_id": ["a"] * n, "outlet": ["o"] * n, "compound": x})
    row = outlet_sentiment(table).iloc[0]
    means = np.concatenate([x[rng.integers(0, n, size=(2000, n))].mean(axis=1) for _ in range(10)])
    lo, hi = np.quantile(means, [0.025, 0.975])
    assert row["ci_low"] == pytest.approx(lo, abs=0.002) and row["ci_high"] == pytest.approx(hi, abs=0.002)
    assert row["ci_low"] < x.mean() < row["ci_high"]


@pytest.mark.parametrize("text", [
    "The Bank of America's chief met The NATO allies. But Erdogan's S-400 deal stands.",
    "The of America’s claims; Mr Putin and Mr. Putin; THE NATO The",
    "",
])
def test_sentiment_name_counts_equal_fallback_mentions(text):
    from framing.analyzers.mentions import _named_mentions, name_counts

    texts = [text, seed_text("rt"), seed_text("wsws")]
    expected: dict[str, int] = {}
    for t in texts:
        for _s, _e, name in _named_mentions(t):
            expected[name] = expected.get(name, 0) + 1
    assert name_counts(texts) == expected


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Recep Tayyip Erdogan in Sochi; the U.S. and NATO objected.",
    "The White House said Trump's plan, the S-400 deal and al-Assad's fate were NATO-related.",
    "x-Ray aBc Smith_Jones 9Smith O'Neil McDonald-Smith Bank of America de Gaulle ABCd ABC-12",
    "Été Zoë Ångström İstanbul: US-Turkey ties; EU's rules—Russia’s S-400s.",
    "",
])
def test_sentiment_named_runs_equal_the_plain_pattern(text):
    """The fallback detector's pattern (capital first, look-behind after it) matches exactly what
    the plain definition (look-behind first, then two capitalised words) matches."""
    import re

    from framing.analyzers.mentions import _CAP_WORD, _NAMED_RE, _named_mentions

    plain = re.compile(rf"(?<![\w-]){_CAP_WORD}(?:[ ](?:of[ ]|de[ ]|al-)?{_CAP_WORD})*(?![\w-])")
    assert [m.span() for m in _NAMED_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for s, e, name in _named_mentions(text):
        assert text[s:e] == name and name and name.split(" ")[0].lower() not in {"the", "but", "mr"}


def _reference_tokens(sentence: str) -> tuple[list[int], list[int], list[str]]:
    """Token offsets and lower-cased words one match at a time (the plain way)."""
    spans = [m.span() for m in _target._TOKEN_RE.finditer(sentence)]
    return [s for s, _e in spans], [e for _s, e in spans], [sentence[s:e].lower() for s, e in spans]


@pytest.mark.parametrize("sentence", [
    "",
    "Turkey's S-400 deal DIDN'T please NATO — “not at all”, Erdoğan said.",
    "ΟΔΟΣ.Α and ΣΑΣ: İstanbul's İZMİR don’t",  # final sigma depends on context; İ lower-cases to two chars
    "ǅemal ǈubović ﬁnal Straße ΣΑΣ-Σ",
])
def test_sentiment_sentence_tokens_equal_one_match_at_a_time(sentence):
    toks = _target.SentenceTokens(sentence)
    assert (toks.starts, toks.ends, toks.words) == _reference_tokens(sentence)


def test_sentiment_sentence_tokens_equal_reference_on_seed_sentences():
    n = 0
    for key in ("cbc", "rt", "presstv", "wsws"):
        art = _corpus(keys=(key,), actors=())[0]
        for sp in art.sentences:
            toks = _target.SentenceTokens(sp.text)
            assert (toks.starts, toks.ends, toks.words) == _reference_tokens(sp.text)
            n += 1
    assert n > 100


@given(st.text(alphabet="aZ ΣσİiNn'’-t.Σ,", max_size=40))
@settings(max_examples=200, deadline=None)
def test_sentiment_sentence_tokens_equal_reference_on_random_text(sentence):
    toks = _target.SentenceTokens(sentence)
    assert (toks.starts, toks.ends, toks.words) == _reference_tokens(sentence)


_PIECES = ["not", "never", "didn't", "DIDN'T", "don’t", "good", "bad", "great", "hate", "the", "the", "Trump",
           "NATO", "Erdoğan's", "war", "peace", ",", ";", ":", "(", ")", "—", "–", '"', "“", "”", "-", "'"]


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "  ", "-"])), max_size=25))
@settings(max_examples=300, deadline=None)
def test_sentiment_sentence_tokens_clause_marks_and_lexicon_tokens_equal_reference(pieces):
    """The clause punctuation found with str.find and the tokens the clause lexicon sums read
    (negations, lexicon words) equal their plain definitions."""
    sentence = "".join(w + sep for w, sep in pieces)
    toks = _target.SentenceTokens(sentence)
    assert toks.marks == [m.start() for m in _target._CLAUSE_RE.finditer(sentence)]
    is_neg = [w in _target._NEGATE or w.endswith("n't") for w in toks.words]
    assert toks.sp_idx == [i for i, (n, v) in enumerate(zip(is_neg, toks.vals)) if n or v]
    assert [toks.sp_val[i] for i in toks.sp_idx] == [None if is_neg[i] else toks.vals[i] for i in toks.sp_idx]
    assert toks.repeats == (len(set(toks.words)) < len(toks.words))


@pytest.mark.parametrize("sentence", [
    "Erdogan didn't praise NATO, and the US did not condemn Turkey (nor did Russia) — never.",
    "NATO, NATO and NATO: the good, the bad and the ugly Trump said Trump was great.",
    "“Putin is not a good partner”, Macron said; Merkel never hated Putin, Putin said.",
    "Turkey",
    "Turkey Turkey Turkey",
])
def test_sentiment_fast_target_scorer_equals_feature_dict_scoring_with_negations_and_repeats(sentence):
    from framing.analyzers.mentions import _named_mentions

    toks = _target.SentenceTokens(sentence)
    v = vader_scores(sentence)
    hits = list(_named_mentions(sentence))
    assert hits
    for s, e, _name in hits:
        slow = _target.score_features(_target.target_features(sentence, s, e, v)[0])
        fast = _target._score_target(sentence, s, e, v, toks)
        assert fast[:3] == pytest.approx(slow, abs=1e-12)
        assert fast[3:] == _target._clause_bounds(sentence, s, e)


@pytest.mark.parametrize("run, expected", [
    ("Vladimir Putin", (0, 0, "Vladimir Putin")),
    ("NATO's", (0, 2, "NATO")),
    ("The White House", (4, 0, "White House")),
    ("The", None),
    ("But Erdogan’s", (4, 2, "Erdogan")),
    ("Monday", None),
])
def test_sentiment_split_named_drops_function_words_and_possessive(run, expected):
    from framing.analyzers.mentions import _split_named

    assert _split_named(run) == expected
