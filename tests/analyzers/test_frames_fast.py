"""The fast path of framing.frames (one tokenisation per sentence, arrays per chunk) against the reference path
(cue_hits + features_from_hits + FrameModel.word_matrix + frames._evidence), article by article."""
from __future__ import annotations

import numpy as np
import pytest

from framing.analyzers import _frames_fast as fast
from framing.analyzers._frame_cues import cue_hits, features_from_hits, n_words
from framing.analyzers.frames import _evidence, frame_model, frames
from framing.corpus import Corpus

TRICKY = [
    # phrases: across a dash, across punctuation (no phrase), a number phrase, a three-word phrase
    "Critics say the plan will cost $5 billion - or will, cost 3 million. On the other hand, the war on coal grows.",
    # sentences that touch without a space, and a cue token that would run across them
    'He said "We must act now."The senator\'s "bill" failed.It\'ll cost us; it will-cost them.',
    # a phrase whose words sit in two sentences (only white space between them)
    "They met at the United\n\nNations headquarters. Paris Agreement talks failed. The U.S. walked out.",
    # apostrophes, currency signs, words of one letter, numbers as words
    "Don't blame the children's fund: it'll cost £5, €6 and 7% more. I, my, we: 'tis a crisis; aged 34, she wept.",
    # lower-casing changes the length (the reference path reads it)
    "\u0130stanbul officials blamed the government for the crisis.",
    "...",
    "No cue here at all",
]


def _reference(arts):
    model = frame_model()
    hits = [cue_hits(a.text) for a in arts]
    x = np.array([features_from_hits(h, n_words(a.text)) for a, h in zip(arts, hits)], dtype=float)
    return model.word_matrix([a.text for a in arts]), x, [_evidence(a, h) for a, h in zip(arts, hits)]


def _corpus(texts):
    return Corpus.from_records([{"id": f"t{i}", "outlet": "cbc", "text": t} for i, t in enumerate(texts)])


@pytest.mark.filterwarnings("ignore")
def test_frames_fast_equals_reference_on_tricky_text() -> None:
    arts = _corpus(TRICKY).articles
    got = fast.fast_features(arts, frame_model())
    words, x, ev = _reference(arts)
    done = [i for i, ok in enumerate(got.ok) if ok]
    assert got.ok[4] is False and sum(got.ok) == len(TRICKY) - 1  # only the U+0130 text goes the reference way
    assert np.allclose(got.words.toarray(), words[done].toarray(), rtol=0, atol=1e-12)
    assert np.allclose(got.cues, x[done], rtol=0, atol=1e-12)
    assert [got.evidence[i] for i in done] == [ev[i] for i in done]


def test_frames_fast_equals_reference_on_s400(s400) -> None:
    arts = s400.articles
    got = fast.fast_features(arts, frame_model())
    words, x, ev = _reference(arts)
    assert all(got.ok)
    assert np.allclose(got.words.toarray(), words.toarray(), rtol=0, atol=1e-12)
    assert np.allclose(got.cues, x, rtol=0, atol=1e-12)
    assert got.evidence == ev


@pytest.mark.filterwarnings("ignore")
def test_frames_table_mixes_fast_and_reference_articles_in_order() -> None:
    c = _corpus(TRICKY)
    t = frames(c)
    one_by_one = [frames(_corpus([text])) for text in TRICKY]
    for i, part in enumerate(one_by_one):
        mine = t[t.article_id == f"t{i}"].reset_index(drop=True)
        assert np.allclose(mine.score, part.score, rtol=0, atol=1e-12)
        assert mine.evidence.tolist() == part.evidence.tolist() and mine.cues.tolist() == part.cues.tolist()


@pytest.mark.parametrize("text", TRICKY)
def test_frames_fast_token_offsets_equal_finditer(text) -> None:
    from framing.analyzers._frame_cues import _TOKEN_RE

    low = text.lower()
    found = fast._GAPPED_RE.findall(low)
    toks = [g[fast._LEAD_RE.match(g).end():] for g in found]
    ends = np.cumsum([len(g) for g in found]).tolist()
    assert [(e - len(t), e, t) for t, e in zip(toks, ends)] == \
        [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(low)]


def test_frame_shares_streamed_equals_in_memory(s400) -> None:
    from framing.analyzers import additive
    from framing.analyzers.frames import frame_shares

    t = frames(s400)
    half = len(t) // 2
    counts = additive.add(additive.frame_counts({"article_frames": t.iloc[:half]}),
                          additive.frame_counts({"article_frames": t.iloc[half:]}))
    got, want = additive.frame_final(counts, list(s400.outlet_keys)), frame_shares(t)
    assert got.drop(columns="mean_score").equals(want.drop(columns="mean_score"))
    assert np.allclose(got.mean_score, want.mean_score, rtol=0, atol=1e-11)
