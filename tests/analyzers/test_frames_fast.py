"""The fast path of framing.frames (one tokenisation per sentence, arrays per chunk) against the reference path
(cue_hits + features_from_hits + FrameModel.word_matrix + frames._evidence), article by article."""
from __future__ import annotations

from types import SimpleNamespace

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


@pytest.mark.parametrize("text", TRICKY + ["", "  ", " lead and trail ", "x", "$"])
def test_frames_fast_token_offsets_equal_finditer(text) -> None:
    from framing.analyzers._frame_cues import _TOKEN_RE

    types = fast._types(frame_model())
    ok, ch = fast._tokenise([SimpleNamespace(text=text, sentences=())], types)
    if not ok[0]:
        return
    types.arrays()
    names = types.names
    assert [(int(e - n), int(e), names[t]) for t, n, e in zip(ch.tid, ch.length, ch.end)] == \
        [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text.lower())]


@pytest.mark.parametrize("text", [
    "rock'n'roll, don't, dogs' 'quoted' a''b ’tis it’s x'", "$5 £6 €7 8% a$b 10%% _under_score_ x_'_y",
    "naïve café ÿes ŉ ǅ ﬁne ①② ٣٤ 中文字 😀x \udcff lone", "verylongword exactly8 nine9ch ok",
    "U.S.-led S-400 x--y a.-b co-produce 9.5% e.g. .x- -y' ’s",
])
def test_frames_tokens_bounds_and_keys_equal_the_token_pattern(text) -> None:
    from framing import _token_arrays as tok
    from framing.analyzers._frame_cues import _TOKEN_RE

    cp = tok.code_points(text)
    starts, ends = tok.token_bounds(cp)
    found = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    assert list(zip(starts.tolist(), ends.tolist())) == found
    key, fits = tok.packed_keys(cp, starts, ends)
    words = [text[a:b] for a, b in found]
    for w, k, f in zip(words, key.tolist(), fits.tolist()):
        assert f == (len(w) <= 8 and all(ord(c) < 255 for c in w))
        if f:
            assert k == sum((ord(c) + 1) << 8 * i for i, c in enumerate(w))
    assert len({k for k, f in zip(key.tolist(), fits.tolist()) if f}) == len({w for w, f in zip(words, fits) if f})
    # with the joiners of framing.text.TOKEN_RE and no singles: the tokens of TOKEN_RE
    from framing.text import TOKEN_RE

    starts, ends = tok.token_bounds(cp, tok.WORD_JOINERS, "")
    assert list(zip(starts.tolist(), ends.tolist())) == [m.span() for m in TOKEN_RE.finditer(text)]


def test_frames_tokens_key_table_finds_what_it_was_given() -> None:
    from framing._token_arrays import KeyTable

    table = KeyTable()
    assert table.find(np.array([5], dtype=np.uint64)).tolist() == [-1]
    table.add(np.array([3, 9], dtype=np.uint64), np.array([0, 1]))
    table.add(np.array([1, 5, 20], dtype=np.uint64), np.array([2, 3, 4]))
    assert table.find(np.array([9, 4, 1, 20, 21, 0, 5], dtype=np.uint64)).tolist() == [1, -1, 2, 4, -1, -1, 3]
    rng = np.random.default_rng(0)  # enough keys for many to share a hash slot
    keys = np.unique(rng.integers(1, 2**63, size=6000, dtype=np.uint64))
    known, unknown = keys[::2], keys[1::2]
    table = KeyTable()
    for part in np.array_split(np.arange(len(known)), 3):
        table.add(known[part], part + 100)
    assert table.find(known[::-1]).tolist() == (np.arange(len(known)) + 100)[::-1].tolist()
    assert (table.find(unknown) == -1).all()


def test_frames_fast_intern_numbers_new_keys_in_order_of_first_appearance() -> None:
    index = {"x": 0}
    got, new = fast._intern(index, ["b", "x", "a", "b", "c", "a"])
    assert got.tolist() == [1, 0, 2, 1, 3, 2] and new == ["b", "a", "c"]
    assert index == {"x": 0, "b": 1, "a": 2, "c": 3}
    got, new = fast._intern(index, ["c", "x"])
    assert got.tolist() == [3, 0] and new == []


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
