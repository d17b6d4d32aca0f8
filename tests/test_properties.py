"""Property-based tests (hypothesis) over every analyzer, the cleaner and the sentence splitter.

For any text: nothing raises, every offset satisfies ``text[start:end] == span``, and the output
has the same columns and dtypes as for a real article and for an empty input.

Profiles (``HYPOTHESIS_PROFILE`` environment variable):

- ``framing-ci`` (default): 100 examples per test, the whole file runs in about a minute;
- ``fuzz``: 10,000 examples per test, for a local run, e.g.
  ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py -q -k extract_quotes``.
"""
from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from framing.actors import Actor
from framing.analyzers.distinctive import distinctive_terms
from framing.analyzers.kwic import kwic
from framing.analyzers.loaded import find_loaded_terms, loaded_terms
from framing.analyzers.mentions import actor_sentiment
from framing.analyzers.sentiment import sentence_sentiment, target_sentiment
from framing.analyzers.voices import extract_quotes, voices
from framing.clean import clean_text
from framing.corpus import Corpus
from framing.text import sentence_spans

from .conftest import seed_text

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("framing-ci", max_examples=100, deadline=None, suppress_health_check=_SLOW,
                          derandomize=True, print_blob=True)
settings.register_profile("fuzz", max_examples=10_000, deadline=None, suppress_health_check=_SLOW,
                          print_blob=True)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "framing-ci"))
prop = settings(PROFILE)  # applied per test, so other test files keep their own settings

# -- text strategies: random unicode, and news-like text assembled from risky fragments ----------
FRAGMENTS = [
    "NATO", "Turkey", "Jens Stoltenberg", "Erdogan", "the U.S.", "Mr. Putin", "officials", "experts", "he", "She",
    " said", " told reporters", " warned", " slammed", " claimed", " according to", ", said ", " says:",
    " the brutal regime", " so-called", " US-led", " terrorists", " concerned", " deal", " not good", " very bad",
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", '"We are concerned," ', "\u201cNo\u201d",
    ". ", "? ", "! ", ", ", ": ", "; ", " - ", " \u2014 ", "...", "\n", "\n\n", "\r\n", "\t", " ", "\u00a0",
    "S-400", "F-35", "2019", "Dr.", "Sen.", "<script>", "&amp;", "\u00e9", "\u4e2d\u6587", "\U0001f600", "\x00",
    "\u200b", "\ufeff", "\u0301", "\u0130", "\u00df", "\ufb01", "ǅ", "İstanbul",
]
news_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), news_text,
                     st.lists(st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=40).map("".join))
nonblank_text = any_text.filter(lambda t: t.strip() != "")

REAL = seed_text("cbc")
ACTORS = (Actor(name="NATO", aliases=("the alliance",)), Actor(name="Recep Tayyip Erdogan", aliases=("Erdogan",)),
          Actor(name="Turkey", aliases=("Ankara", "İstanbul")))


def _corpus(texts: list[str], actors: tuple[Actor, ...] = ()) -> Corpus:
    outlets = ("cbc", "rt", "presstv")
    recs = [{"id": f"a{i}", "outlet": outlets[i % 3], "text": t} for i, t in enumerate(texts)]
    return Corpus.from_records(recs, actors=actors)


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _schema(df: pd.DataFrame) -> list[tuple[str, str]]:
    return [(c, str(t)) for c, t in df.dtypes.items()]


def _check_spans(df: pd.DataFrame, texts: dict[str, str] | str, triples: list[tuple[str, str, str]]) -> None:
    """Every (start, end, span) triple of every row satisfies text[start:end] == span."""
    for row in df.itertuples(index=False):
        r = row._asdict()
        text = texts if isinstance(texts, str) else texts[r["article_id"]]
        for s, e, span in triples:
            if pd.isna(r[s]):
                assert pd.isna(r[e]), (s, e, r)
                continue
            a, b = int(r[s]), int(r[e])
            assert 0 <= a <= b <= len(text), (s, e, r)
            assert text[a:b] == r[span], (s, e, span, r)


# -- reference schemas: a real article and an empty input give the same columns and dtypes ---------
def _schemas() -> dict[str, tuple]:
    real, empty = _corpus([REAL, seed_text("rt")], ACTORS), Corpus(())
    return {
        "extract_quotes": (lambda: extract_quotes(REAL, ACTORS), lambda: extract_quotes("")),
        "find_loaded_terms": (lambda: find_loaded_terms(REAL), lambda: find_loaded_terms("")),
        "sentence_sentiment": (lambda: sentence_sentiment(real), lambda: sentence_sentiment(empty)),
        "actor_sentiment": (lambda: actor_sentiment(real), lambda: actor_sentiment(empty)),
        "loaded_terms": (lambda: loaded_terms(real), lambda: loaded_terms(empty)),
        "voices": (lambda: voices(real), lambda: voices(empty)),
        "distinctive_terms": (lambda: distinctive_terms(real), lambda: distinctive_terms(empty)),
        "kwic": (lambda: kwic(real, "NATO"), lambda: kwic(empty, "NATO")),
    }


_REF: dict[str, list[tuple[str, str]]] = {}


def ref_schema(name: str) -> list[tuple[str, str]]:
    if name not in _REF:
        _REF[name] = _schema(_quiet(_schemas()[name][0]))
    return _REF[name]


@pytest.mark.parametrize("name", sorted(_schemas()))
def test_properties_empty_and_real_outputs_have_the_same_schema(name: str) -> None:
    full_fn, empty_fn = _schemas()[name]
    full, empty = _quiet(full_fn), _quiet(empty_fn)
    assert len(full) > 0 and len(empty) == 0
    assert _schema(empty) == _schema(full)
    if name not in ("distinctive_terms", "extract_quotes", "find_loaded_terms"):
        assert list(full.columns[:2]) == ["article_id", "outlet"]


# -- text-level functions -------------------------------------------------------------------------
@prop
@given(text=any_text)
def test_properties_sentence_spans_cover_text(text: str) -> None:
    spans = sentence_spans(text)
    prev = 0
    for sp in spans:
        assert text[sp.start:sp.end] == sp.text and sp.text.strip(" \t\n\r") == sp.text != ""
        assert sp.start >= prev
        prev = sp.end


@prop
@given(text=any_text)
def test_properties_clean_text_keeps_raw_pieces(text: str) -> None:
    res = clean_text(text)
    assert isinstance(res.text, str) and len(res.text) <= len(text) + 1
    for c, r, n in res.offset_map:
        assert res.text[c:c + n] == text[r:r + n]
    for rl in res.removed:
        assert rl.text in text and rl.line >= 1 and rl.rule


@prop
@given(text=any_text)
def test_properties_extract_quotes(text: str) -> None:
    df = extract_quotes(text, ACTORS)
    assert _schema(df) == ref_schema("extract_quotes")
    _check_spans(df, text, [("start", "end", "content"), ("speaker_start", "speaker_end", "speaker_mention")])
    for row in df.itertuples(index=False):
        if not pd.isna(row.cue_start) and row.cue != ":":
            assert text[int(row.cue_start):int(row.cue_end)] == row.cue
        assert row.kind in ("direct", "indirect", "mixed")


@prop
@given(text=any_text)
def test_properties_find_loaded_terms(text: str) -> None:
    df = find_loaded_terms(text, warn_language=False)
    assert _schema(df) == ref_schema("find_loaded_terms")
    _check_spans(df, text, [("start", "end", "term")])
    assert df["score"].between(0, 1).all()


@prop
@given(data=st.data(), text=any_text)
def test_properties_target_sentiment(data, text: str) -> None:
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, len(text)), label="end")
    r = target_sentiment(text, start, end)
    assert -1 <= r.score <= 1 and r.label in ("negative", "neutral", "positive")
    assert abs(r.p_negative + r.p_neutral + r.p_positive - 1) < 1e-6
    assert 0 <= r.sentence_start <= start <= end <= r.sentence_end <= len(text)
    assert r.sentence_start <= r.clause_start <= r.clause_end <= r.sentence_end
    assert -1 <= r.sentence_compound <= 1


# -- corpus-level analyzers on tiny corpora of random text ----------------------------------------
corpus_texts = st.lists(nonblank_text, min_size=1, max_size=3)


@prop
@given(texts=corpus_texts, with_actors=st.booleans())
def test_properties_corpus_analyzers(texts: list[str], with_actors: bool) -> None:
    corpus = _corpus(texts, ACTORS if with_actors else ())
    arts = {a.id: a.text for a in corpus}
    for name, fn, triples in (
        ("sentence_sentiment", sentence_sentiment, [("start", "end", "text")]),
        ("actor_sentiment", actor_sentiment, [("start", "end", "mention")]),
        ("loaded_terms", loaded_terms, [("start", "end", "term")]),
        ("voices", voices, [("start", "end", "content"), ("speaker_start", "speaker_end", "speaker_mention")]),
    ):
        df = _quiet(fn, corpus)
        assert _schema(df) == ref_schema(name), name
        assert set(df["article_id"]) <= set(arts)
        _check_spans(df, arts, triples)
    df = _quiet(sentence_sentiment, corpus)
    assert df["compound"].between(-1, 1).all()
    df = _quiet(distinctive_terms, corpus, min_count=1)
    assert _schema(df) == ref_schema("distinctive_terms")
    assert set(df["outlet"]) <= set(corpus.outlet_keys)


@prop
@given(texts=corpus_texts, data=st.data())
def test_properties_kwic(texts: list[str], data) -> None:
    corpus = _corpus(texts)
    words = [w for t in texts for w in t.split() if any(ch.isalnum() for ch in w)]
    assume(words)
    pattern = data.draw(st.sampled_from(words), label="pattern")
    df = kwic(corpus, pattern, window=data.draw(st.integers(0, 5), label="window"))
    assert _schema(df) == ref_schema("kwic")
    _check_spans(df, {a.id: a.text for a in corpus}, [("start", "end", "match")])
