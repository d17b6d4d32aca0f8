"""Tests of framing.analyzers.loaded on real seed sentences."""
from __future__ import annotations

import random
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyzers._loaded_scan import (
    _OPINION_CUE_CHARS,
    _OPINION_CUE_WORDS,
    _QUOTATION_RE,
    _REPORTING_CUE_WORDS,
    OPINION_CUE_RE,
    REPORTING_CUE_RE,
    _cue_starts,
    _has_cue,
    _news_word_counts,
    _quote_regions,
    _uncommon_words,
)
from framing.analyzers.loaded import (
    CATEGORIES,
    SENTENCE_COLUMNS,
    TERM_COLUMNS,
    find_loaded_terms,
    loaded_sentence_scores,
    loaded_sentences,
    loaded_terms,
    top_loaded_terms,
)
from framing.corpus import Corpus
from tests.conftest import SEED_FILES, eval_path, seed_text

# (real sentence from the seeds, (term, category) that must be found)
FOUND = [
    ('"The S400 system is a direct affront to NATO and against the interests of the Turkish people," '
     "said Majumdar.", ("affront", "emotive")),
    ("US Secretary of State Antony Blinken termed the purchase as \u2018unacceptable\u2019 and hinted about "
     "more strict restrictions and sanctions.", ("\u2018unacceptable\u2019", "scare_quote")),
    ("Turkey's purchase of Russian missiles a 'serious and difficult' issue for NATO",
     ("'serious and difficult'", "scare_quote")),
    ("The Secretary General of the North Atlantic Alliance noted that now the partners are facing a number "
     'of "difficult questions" that are important to directly ask the Turkish leadership.',
     ('"difficult questions"', "scare_quote")),
    ("Tougher steps may be required in future to prevent the defence cooperation between Ankara and Moscow.",
     ("may", "hedge")),
    ("The US-led military alliance has repeatedly warned Ankara against the deal.", ("US-led", "compound_label")),
    ("Erdogan slammed the sanctions as an attack on Turkey's sovereignty.", ("slammed", "emotive")),
]

# (real sentence, term that must NOT be found)
NOT_FOUND = [
    ("Interoperability with NATO allies lies at the heart of the problem, said Stoltenberg.", "lies"),
    ("Turkey received the first parts of the S-400 Triumph system in July.", "Triumph"),
    ("The deal was signed in May 2017.", "May"),
    ('"This is a serious and difficult issue for all of us. It is up to Turkey to decide," he said.',
     '"This is a serious and difficult issue for all of us. It is up to Turkey to decide,"'),
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_loaded_finds_term_in_seed_sentence(text, expected):
    got = find_loaded_terms(text)
    assert expected in list(zip(got["term"], got["category"]))


@pytest.mark.parametrize("text, term", NOT_FOUND)
def test_loaded_ignores_neutral_use(text, term):
    assert term not in set(find_loaded_terms(text)["term"])


def test_loaded_columns_and_offsets_on_all_seeds():
    for key in SEED_FILES:
        text = seed_text(key)
        df = find_loaded_terms(text)
        assert list(df.columns) == TERM_COLUMNS
        assert len(df) > 0
        for term, s, e in zip(df["term"], df["start"], df["end"]):
            assert text[s:e] == term
        assert df["start"].is_monotonic_increasing
        assert set(df["category"]) <= set(CATEGORIES)
        assert df["score"].between(0, 1).all()
        assert (df["flagged"] == (df["score"] >= df["score"][df["flagged"]].min())).all() if df["flagged"].any() \
            else True


def test_loaded_lemma_is_lexicon_term():
    df = find_loaded_terms("Critics lashed out at the regimes.")
    assert df[["term", "lemma"]].values.tolist() == [["lashed out", "lash out"], ["regimes", "regime"]]


def test_loaded_user_lexicon_adds_terms(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("term,category,note,source\nsultan,dysphemism,for Erdogan,own curation\n", "utf-8")
    text = "The sultan in Ankara slammed NATO."
    only = find_loaded_terms(text, lexicon=p, structural=False)
    assert only[["term", "category"]].values.tolist() == [["sultan", "dysphemism"]]
    both = find_loaded_terms(text, lexicon=["loaded", p])
    assert {"sultan", "slammed"} <= set(both["term"])


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", '"unbalanced \u201cquotes \u2018here', "\u00e9\u4e2d\u6587 \U0001F600 \u202e\u0000",
     "'a' 'b' \"c\" \u201cd\u201d"],
)
def test_loaded_any_text_returns_table(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = find_loaded_terms(text)
    assert list(df.columns) == TERM_COLUMNS
    for term, s, e in zip(df["term"], df["start"], df["end"]):
        assert text[s:e] == term


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_loaded_random_unicode_never_raises(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = find_loaded_terms(text)
    for term, s, e in zip(df["term"], df["start"], df["end"]):
        assert text[s:e] == term


def test_loaded_huge_text_without_newline_is_linear():
    import time

    base = seed_text("presstv").replace("\n", " ")
    small = base * 20
    big = base * 200
    t0 = time.perf_counter()
    n_small = len(find_loaded_terms(small))
    t1 = time.perf_counter()
    n_big = len(find_loaded_terms(big))
    t2 = time.perf_counter()
    assert n_big == 10 * n_small
    assert (t2 - t1) < 30 * max(t1 - t0, 0.01)  # ~10x the work, never quadratic


def test_loaded_warns_on_non_english_text():
    text = ("Die Türkei hat das russische Raketenabwehrsystem gekauft, und die Nato ist darüber sehr "
            "besorgt, weil es nicht mit den Systemen der Allianz verbunden werden kann und die USA mit "
            "Sanktionen drohen, wie der Generalsekretär in Ankara sagte.")
    with pytest.warns(UserWarning, match="English"):
        find_loaded_terms(text)


def _corpus() -> Corpus:
    return Corpus.from_records([
        {"id": "cbc1", "outlet": "cbc", "text": seed_text("cbc")},
        {"id": "rt1", "outlet": "rt", "text": seed_text("rt")},
        {"id": "ptv1", "outlet": "presstv", "text": "The US-led bloc slammed the regime in Ankara."},
    ])


def test_loaded_terms_corpus_table():
    c = _corpus()
    before = [a.text for a in c]
    df = loaded_terms(c)
    assert list(df.columns[:2]) == ["article_id", "outlet"]
    assert list(df.columns[2:]) == TERM_COLUMNS
    assert list(dict.fromkeys(df["article_id"])) == ["cbc1", "rt1", "ptv1"]
    texts = {a.id: a.text for a in c}
    for aid, term, s, e in zip(df["article_id"], df["term"], df["start"], df["end"]):
        assert texts[aid][s:e] == term
    pd.testing.assert_frame_equal(df, loaded_terms(c))  # deterministic
    assert [a.text for a in c] == before  # not mutated
    ptv = df[df["outlet"] == "presstv"]
    assert ptv["category"].tolist() == ["compound_label", "emotive", "ideological_label"]


def test_loaded_terms_empty_corpus_has_columns():
    df = loaded_terms(Corpus.from_records([]))
    assert list(df.columns) == ["article_id", "outlet"] + TERM_COLUMNS
    assert len(df) == 0


def test_loaded_top_terms_counts_and_ties():
    rows = [("a", "rt", "regime", "ideological_label")] * 3 + [("b", "rt", "regime", "ideological_label")] \
        + [("a", "rt", "slam", "emotive")] * 2 + [("a", "rt", "bizarre", "emotive")] * 2 \
        + [("c", "cbc", "affront", "emotive")]
    t = pd.DataFrame(rows, columns=["article_id", "outlet", "lemma", "category"])
    top = top_loaded_terms(t, n=2)
    assert top.values.tolist() == [
        ["rt", "regime", "ideological_label", 4, 2, 1],
        ["rt", "bizarre", "emotive", 2, 1, 2],
        ["cbc", "affront", "emotive", 1, 1, 1],
    ]


def test_loaded_top_terms_empty():
    assert list(top_loaded_terms(loaded_terms(Corpus.from_records([]))).columns) == \
        ["outlet", "lemma", "category", "count", "n_articles", "rank"]


def test_loaded_babe_beats_lexicon_baseline_when_data_present():
    """On 300 BABE sentences the flagged words beat the Recasens-style 'any lexicon word' baseline."""
    import sys
    from pathlib import Path

    path = eval_path("babe-dev", "babe_dev.csv")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from loaded_babe import framing_flags, read_babe, score

    df = read_babe(path, "B").head(300)
    res = score(df, *framing_flags(df["text"].astype(str).tolist()))
    assert res["word_F1"] > 0.3
    assert res["sent_macroF1"] > 0.6


# ---- uncommon words, word frequency, sentence scores ----------------------------------------------

# (sentence, rare lower-case word not in the lexicon that must be flagged as uncommon_word)
UNCOMMON_FOUND = [
    ("The governor unveiled a sclerotic plan that critics called a fiefdom.", "sclerotic"),  # adjective ending
    ("Erdogan's buffoonish threats did not impress the alliance.", "buffoonish"),  # adjective ending
    ("The backlash against the chain has been ferocious.", "ferocious"),  # -ous is not a plural
    ("He kept scoffing at the plan.", "scoffing"),  # a form of an evaluative word ("scoff")
]

# (sentence, word that must NOT come out as uncommon_word, why)
UNCOMMON_NOT_FOUND = [
    ("Republicans praised the prioritization of spending.", "prioritization"),  # -tion noun
    ('"The plan is sclerotic," he said.', "sclerotic"),  # inside a direct quotation, attributed
    ("Sclerotic Industries opened a plant in Ankara.", "Sclerotic"),  # capitalised
    ("Turkey received the first parts of the S-400 Triumph system in July.", "parts"),  # common word
    # issue 20: words rare in political news but neutral are not uncommon_word
    ("She wore a fedora and a blouse to the hearing.", "fedora"),  # frequent in general English
    ("She wore a fedora and a blouse to the hearing.", "blouse"),  # a noun only (WordNet): names a thing
    ("He left a voicemail for the senator before the cameraman arrived.", "voicemail"),
    ("He left a voicemail for the senator before the cameraman arrived.", "cameraman"),
    ("The board budgeted the funds and rerouted the money.", "budgeted"),  # no sign of evaluation
    # a known loss: loaded nouns ("fiefdom") are left to the curated lexicon
    ("The governor unveiled a sclerotic plan that critics called a fiefdom.", "fiefdom"),
]


@pytest.mark.parametrize("text, word", UNCOMMON_FOUND)
def test_loaded_uncommon_word_flagged(text, word):
    got = find_loaded_terms(text)
    rows = got[got["term"] == word]
    assert list(rows["category"]) == ["uncommon_word"]
    assert bool(rows["flagged"].iloc[0])
    r = rows.iloc[0]
    assert text[r["start"]:r["end"]] == word


@pytest.mark.parametrize("text, word", UNCOMMON_NOT_FOUND)
def test_loaded_uncommon_word_not_flagged(text, word):
    got = find_loaded_terms(text)
    assert word not in set(got.loc[(got["category"] == "uncommon_word") & got["flagged"], "term"])


def test_loaded_quoted_uncommon_word_is_the_speakers():
    got = find_loaded_terms('"The plan is sclerotic," he said.')
    row = got[got["term"] == "sclerotic"].iloc[0]
    assert row["in_quote"] and not row["flagged"] and row["word_flagged"]  # counted per quoted word


def test_loaded_uncommon_can_be_switched_off():
    text = UNCOMMON_FOUND[0][0]
    assert "uncommon_word" in set(find_loaded_terms(text)["category"])
    assert "uncommon_word" not in set(find_loaded_terms(text, uncommon=False)["category"])
    c = Corpus.from_records([{"id": "a", "outlet": "rt", "text": text}])
    assert "uncommon_word" not in set(loaded_terms(c, uncommon=False)["category"])


@pytest.mark.parametrize("text, expected", [
    ("a sclerotic plan", [(2, 11, "sclerotic")]),
    ("pro-sclerotic and sclerotic-ish", [(0, 13, "pro-sclerotic"), (18, 31, "sclerotic-ish")]),
    ("anti-Sclerotic, sclerotic's, x.sclerotic, sclerotic", [(42, 51, "sclerotic")]),
    ("Sclerotic SCLEROTIC sclerotic_x", []),
    ("", []),
])
def test_loaded_uncommon_words_whole_tokens_only(text, expected):
    assert _uncommon_words(text, 4, 5) == expected
    from framing.analyzers._loaded_uncommon import uncommon_words_of

    assert uncommon_words_of([text, text], 4, 5) == [expected, expected]


_UNCOMMON_PIECES = ["sclerotic", "profligate", "hyper-sclerotic", "anti-aircraft", "xqzv", "xqzvwwwwwwwwwwwwwwww",
                    "buffoonishness", "sclerotica", "a-b-c", "fief-doms", "the", "government", "governments", "said",
                    "international", "administration", "Trump", " ", "\n", " -", " '", "-", "'", ".", ", ", "’",
                    "_", "A", "é", "1", " ", "—", '"', "İ", "😀"]


@given(st.lists(st.lists(st.sampled_from(_UNCOMMON_PIECES), max_size=14).map("".join), max_size=5),
       st.integers(1, 3))
@settings(max_examples=300, deadline=None)
def test_loaded_uncommon_words_of_many_texts_same_as_one_by_one(texts, size):
    """The numpy path (keys of short and medium tokens, strings of long ones, blocks of texts) finds what
    _uncommon_words finds in each text."""
    from framing import _token_arrays
    from framing.analyzers._loaded_uncommon import uncommon_words_of

    classes = ("common", "noun")
    want = [_uncommon_words(t, 4, 5, classes) for t in texts]
    assert uncommon_words_of(texts, 4, 5, classes) == want
    old = _token_arrays.BLOCK_TEXTS
    try:
        _token_arrays.BLOCK_TEXTS = size
        assert uncommon_words_of(texts, 4, 5, classes) == want
    finally:
        _token_arrays.BLOCK_TEXTS = old


def test_loaded_uncommon_words_of_the_seeds_and_hidden_tokens(monkeypatch):
    """Same words as _uncommon_words on the seed articles; the packaged tables hide no rare token inside a longer
    common word, and a text holding such a token is handed to _uncommon_words."""
    from framing.analyzers import _loaded_uncommon as lu

    classes = ("common", "noun")
    texts = [seed_text(k) for k in SEED_FILES]
    assert lu.uncommon_words_of(texts, 4, 5, classes) == [_uncommon_words(t, 4, 5, classes) for t in texts]
    assert lu._hidden_rare(4, 5, classes) == frozenset()
    monkeypatch.setattr(lu, "_hidden_rare", lambda *args: frozenset({"sclerotic"}))
    monkeypatch.setattr(lu, "_uncommon_words", lambda text, *args: [(0, 1, "stand-in")])
    assert lu.uncommon_words_of(["a sclerotic plan", "a profligate plan"], 4, 5, classes) == [
        [(0, 1, "stand-in")], [(2, 12, "profligate")]]


_CUE_PIECES = ["us", "we", "said", "you", "your", "our", "according to", "monday", "sunday", "wednes", "day", "a",
               "x", "_", "\u00e9", " ", "!", "?", ".", "\n", "-"]


@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=12), st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=300, deadline=None)
def test_loaded_cue_search_same_as_regex(pieces, a, b):
    text = "".join(pieces)
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    for words, chars, rx in ((_REPORTING_CUE_WORDS, "", REPORTING_CUE_RE),
                             (_OPINION_CUE_WORDS, _OPINION_CUE_CHARS, OPINION_CUE_RE)):
        assert _has_cue(text, words, chars, a, b) == bool(rx.search(text, a, b))
        assert _cue_starts(text, words, chars) == [m.start() for m in rx.finditer(text)]


_QUOTE_PIECES = ["\u201c", "\u201d", '"', "\u00ab", "\u00bb", "'", "\u2018", "\u2019", "a", "word", " ", "\n", "."]


@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=16))
@settings(max_examples=300, deadline=None)
def test_loaded_quote_regions_same_as_regex(pieces):
    text = "".join(pieces)
    assert _quote_regions(text) == [(m.start(), m.end()) for m in _QUOTATION_RE.finditer(text)]


def test_loaded_news_word_counts_table():
    counts = _news_word_counts()
    assert len(counts) > 10_000
    assert counts["the"] > counts["missile"] > 0
    assert all(w == w.lower() and "," not in w for w in list(counts)[:500])


def test_loaded_rare_word_scores_higher_than_common_one_of_same_category():
    # both emotive lexicon words in the same frame; the one rare in news text gets the higher score
    rare = find_loaded_terms("Critics lambasted the plan.")
    common = find_loaded_terms("Critics attacked the plan.")
    assert rare["category"].iloc[0] == common["category"].iloc[0] == "emotive"
    assert rare["score"].iloc[0] > common["score"].iloc[0]


def test_loaded_sentence_scores_noisy_or():
    terms = pd.DataFrame({"start": [0, 5, 30], "score": [0.5, 0.5, 0.9], "flagged": [True, False, True]})
    got = loaded_sentence_scores(terms, [(0, 20), (21, 25), (26, 40)])
    assert got[0][:3] == (2, 1, 0.75)
    assert got[1] == (0, 0, 0.0, False)
    assert got[2][:3] == (1, 1, 0.9)
    assert got[2][3] is True and got[0][3] is True  # threshold 0.65 of the packaged model


def test_loaded_sentences_table():
    texts = ["Critics slammed the sclerotic regime. The talks ended on Monday.", "The talks ended."]
    c = Corpus.from_records([{"id": f"a{i}", "outlet": o, "text": t}
                             for i, (o, t) in enumerate(zip(["rt", "cbc"], texts))])
    got = loaded_sentences(c)
    assert list(got.columns) == ["article_id", "outlet"] + SENTENCE_COLUMNS
    assert list(got["article_id"]) == ["a0", "a0", "a1"]
    assert list(got["flagged"]) == [True, False, False]
    assert list(got["n_terms"])[1:] == [0, 0]
    for art in c:
        rows = got[got["article_id"] == art.id]
        assert [(a, b) for a, b in zip(rows["start"], rows["end"])] == [(s.start, s.end) for s in art.sentences]
    # the term table can be passed in and gives the same result
    assert loaded_sentences(c, terms=loaded_terms(c)).equals(got)


def test_loaded_sentences_empty_corpus_has_columns():
    got = loaded_sentences(Corpus.from_records([]))
    assert list(got.columns) == ["article_id", "outlet"] + SENTENCE_COLUMNS
    assert len(got) == 0


@pytest.mark.parametrize("word", ["surface-to-air", "post-coup", "missile-defence"])
def test_loaded_compounds_of_common_words_are_not_uncommon(word: str) -> None:
    text = f"Officials said the {word} plan would go ahead as planned next year."
    hits = find_loaded_terms(text, warn_language=False)
    assert word not in set(hits.loc[hits["category"] == "uncommon_word", "term"])


def test_loaded_english_word_classes_table() -> None:
    from framing.analyzers._loaded_scan import _english_word_classes, _news_word_counts

    classes = _english_word_classes()
    assert len(classes) > 10_000 and set(classes.values()) == {"common", "noun"}
    news = _news_word_counts()
    assert all(news.get(w, 0) <= 5 for w in list(classes)[:2000])  # only words rare in news are listed
    assert classes["blouse"] == "noun" and "sclerotic" not in classes


def test_loaded_uncommon_word_classes_can_be_switched_off(monkeypatch) -> None:
    from framing.analyzers import loaded

    text = "She wore a blouse that the critics called vulgar and mulishly gaudy, the dugout roared!"
    assert "blouse" not in set(find_loaded_terms(text)["term"])
    cfg = dict(loaded._model()["uncommon_word"], english_word_classes=[], weight=0.0)
    monkeypatch.setitem(loaded._model(), "uncommon_word", cfg)
    assert "blouse" in set(find_loaded_terms(text)["term"])  # the version-2 rule flagged it


def test_loaded_evaluative_stems_are_the_stems_of_the_evaluative_words() -> None:
    from framing.analyzers._loaded_scan import _evaluative_stems, _evaluative_words
    from framing.lexicons import stem

    computed = frozenset(stem(w) for w in _evaluative_words())
    assert computed == _evaluative_stems()
    assert "piti" in computed and stem("pityingly") in computed


def test_loaded_uncommon_words_of_when_common_words_share_a_hash(monkeypatch):
    """If two common words of nine to sixteen letters had the same pair hash, such tokens are checked as strings."""
    from framing.analyzers import _loaded_uncommon as lu

    classes = ("common", "noun")
    texts = [seed_text(k) for k in SEED_FILES] + ["sclerotica international administrations xqzvwwwwwwwww"]
    monkeypatch.setattr(lu, "_pair", lambda head, tail: head * 0)
    lu._common_keys.cache_clear()
    try:
        assert not lu._common_keys(5, classes).unique
        assert lu.uncommon_words_of(texts, 4, 5, classes) == [_uncommon_words(t, 4, 5, classes) for t in texts]
    finally:
        lu._common_keys.cache_clear()
