"""Fast path of :func:`framing.frames`: cue features, word TF-IDF and evidence sentences of a chunk of articles
with array arithmetic over the whole chunk.

The reference path reads each text three times (the cue scan of :func:`._frame_cues.scan`, the word count
:func:`._frame_cues.n_words` and the TF-IDF words of :meth:`._frames_model.FrameModel.word_matrix`) and then
walks every cue hit in Python. Here the chunk's lower-cased articles, joined by newlines, are tokenised once with
numpy (:mod:`framing._token_arrays`: the tokens' offsets from the classes of the code points, short tokens as keys
looked up in a sorted table) and each distinct token's facts are worked out once per process (:class:`_Types`: its
TF-IDF words, the single-word cues it starts, the longer cues it may start), so the rest is array arithmetic over
the chunk. Only tokens that may start a cue of several words are checked one by one; sentences
(:attr:`Article.sentences`, already split by the sentence analyzer) are looked up only for the cue hits. The results
equal the reference path's (tested on real text); an article whose lower-casing changes its length is left to the
reference path (``ok`` is False for it).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from ._frame_cues import FRAMES, QUESTIONS, _Cue, _following, _Matcher, _matcher, _word_matches
from .._token_arrays import KeyTable, code_points, packed_keys, token_bounds

__all__ = ["FastFeatures", "fast_features"]

_APOSTROPHE_RE = re.compile(r"['’]")
_QUESTIONS: tuple[str, ...] = tuple(q for f in FRAMES for q in QUESTIONS[f])
_Q_INDEX = {q: i for i, q in enumerate(_QUESTIONS)}
_F_INDEX = {f: i for i, f in enumerate(FRAMES)}
_NF = len(FRAMES)
#: Distinct tokens remembered per process before the table starts afresh (bounds memory on endless streams).
_MAX_TYPES = 1_000_000


def _unique(keys: np.ndarray, counts: bool = False) -> Any:
    """``np.unique(keys[, return_counts=True])`` by sorting (numpy's hash-based unique is slower on these keys)."""
    k = np.sort(keys, kind="stable")
    first = np.concatenate([[True], k[1:] != k[:-1]]) if len(k) else np.zeros(0, dtype=bool)
    if not counts:
        return k[first]
    at = np.nonzero(first)[0]
    return k[at], np.diff(np.append(at, len(k)))


def _cut(text: str, starts: np.ndarray, ends: np.ndarray) -> list[str]:
    """``text[starts[i]:ends[i]]`` for each ``i``."""
    return [text[a:b] for a, b in zip(starts.tolist(), ends.tolist())]


def _intern(index: dict[str, int], keys: list[str]) -> tuple[np.ndarray, list[str]]:
    """The id of each of ``keys`` in ``index``, new keys taking the next ids in order of first appearance; and the
    new keys in id order. One C-level ``dict.setdefault`` pass: a new key first gets ``len(index)`` plus its position
    (above every id), then the new keys' ids are renumbered densely."""
    base, n = len(index), len(keys)
    got = np.fromiter(map(index.setdefault, keys, itertools.count(base)), dtype=np.int64, count=n)
    at = got - base  # for a new key, the position where it first stands
    fresh = at >= 0
    if not fresh.any():
        return got, []
    first = np.flatnonzero(at == np.arange(n))
    new = [keys[p] for p in first.tolist()]
    index.update(zip(new, range(base, base + len(new))))
    rank = np.zeros(n, dtype=np.int64)
    rank[first] = np.arange(base, base + len(new))
    got[fresh] = rank[at[fresh]]
    return got, new


class _WordBits:
    """Bits of the words that can follow the first word of a cue (its second or third words), for a fast
    pre-check of the token after a cue's first word; several words may share a bit (the check is exact later)."""

    def __init__(self, words: set[str]) -> None:
        self.bit = {w: 1 << (i % 62) for i, w in enumerate(sorted(words))}
        self.matcher = _Matcher([_Cue((w,), "w", "w", w) for w in sorted(words)])

    def of(self, toks: Sequence[str], joined: str, starts: np.ndarray) -> dict[int, int]:
        """``{index: bits}`` of the tokens of ``toks`` that match one of the words (as :func:`_word_matches`)."""
        out = {}
        for j in _candidates(self.matcher, joined, starts):
            b = 0
            for c in self.matcher.starting(toks[j]):
                b |= self.bit[c.cue]
            if b:
                out[j] = b
        return out


def _candidates(matcher: _Matcher, joined: str, starts: np.ndarray) -> list[int]:
    """Indices of the tokens (joined by newlines, starting at ``starts``) that the matcher's candidate regex finds
    at their start: the only tokens :meth:`_Matcher.starting` can give cues for."""
    found = np.array([m.start() for m in matcher.candidates.finditer(joined)], dtype=np.int64)
    idx = np.searchsorted(starts, found)
    ok = idx < len(starts)
    idx, found = idx[ok], found[ok]
    return np.unique(idx[starts[idx] == found]).tolist()


class _Types(dict):
    """Lower-case cue token -> type id. :meth:`ids` gives tokens not seen before the next ids (:func:`_intern`), so
    a known token costs one dict look-up; :meth:`arrays` then works out the new tokens' facts in one batch: their TF-IDF vocabulary ids (the words of two or more characters between their
    apostrophes), their single-word cue hits (per frame the first single-word cue of :meth:`_Matcher.starting`,
    which wins unless a longer cue of the frame matches there), the cues of several words they start, and bits for
    the pre-check of those cues' next words."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.matcher = _matcher()
        self.cue_ids: dict[tuple[str, str], int] = {}
        self.pending: list[str] = []
        self.names: list[str] = []      # the token of each type id
        self.vocab_of: list[int] = []   # vocabulary id, -1 for none, -2 for several (in ``several``)
        self.several: dict[int, tuple[int, ...]] = {}
        self.hits: dict[int, tuple[tuple[int, int, int], ...]] = {}  # (frame, question, cue id) per type
        self.multi: dict[int, tuple[_Cue, ...]] = {}
        # bits of the second / third words of the cues a type starts (third: all bits when it starts a cue of two
        # words), and of the second / third words a type matches
        self.need: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self.match: tuple[dict[int, int], dict[int, int]] = ({}, {})
        m = self.matcher
        every = [c for d in (m.literal, *m.prefix.values()) for cs in d.values() for c in cs] + m.number
        self.follow = (_WordBits({c.words[1] for c in every if len(c.words) > 1}),
                       _WordBits({c.words[2] for c in every if len(c.words) > 2}))
        self._arrays: tuple[np.ndarray, ...] | None = None
        self.short = KeyTable()  # the ids of the tokens that fit in a key

    def cue_id(self, c: _Cue) -> int:
        return self.cue_ids.setdefault((c.frame, c.cue), len(self.cue_ids))

    def ids(self, toks: list[str]) -> np.ndarray:
        """The type id of each of ``toks`` (new tokens wait in ``pending`` for :meth:`arrays`)."""
        got, new = _intern(self, toks)
        self.pending.extend(new)
        return got

    def lookup(self, low: str, cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """The type id of each token ``low[starts[i]:ends[i]]`` (``cp``: the code points of ``low``): by its packed
        key (:func:`packed_keys`) when it fits, cut out as a string when it does not or is new."""
        key, fits = packed_keys(cp, starts, ends)
        out = np.empty(len(starts), dtype=np.int64)
        short = np.flatnonzero(fits)
        got = self.short.find(key[short])
        new = short[got < 0]
        if len(new):
            keys, first, inverse = np.unique(key[new], return_index=True, return_inverse=True)
            ids = self.ids(_cut(low, starts[new[first]], ends[new[first]]))
            self.short.add(keys, ids)
            got[got < 0] = ids[inverse]
        out[short] = got
        wide = np.flatnonzero(~fits)
        out[wide] = self.ids(_cut(low, starts[wide], ends[wide]))
        return out

    def _cues(self, i: int, tok: str) -> None:
        single, seen = [], set()
        cues = self.matcher.starting(tok)
        for c in cues:
            if len(c.words) == 1 and c.frame not in seen:
                seen.add(c.frame)
                single.append((_F_INDEX[c.frame], _Q_INDEX[c.question], self.cue_id(c)))
        if single:
            self.hits[i] = tuple(single)
        multi = tuple(c for c in cues if len(c.words) > 1)
        if multi:
            self.multi[i] = multi
            self.need[0][i] = self.need[1][i] = 0
            for c in multi:
                self.need[0][i] |= self.follow[0].bit[c.words[1]]
                self.need[1][i] |= self.follow[1].bit[c.words[2]] if len(c.words) > 2 else -1

    def _flush(self) -> None:
        toks, base = self.pending, len(self.vocab_of)
        self.pending = []
        self.names.extend(toks)
        voc = self.vocabulary
        self.vocab_of.extend(voc.get(t, -1) for t in toks)
        for j in [j for j, t in enumerate(toks) if "'" in t or "’" in t]:
            ids = tuple(voc[w] for w in _APOSTROPHE_RE.split(toks[j]) if len(w) > 1 and w in voc)
            self.vocab_of[base + j] = ids[0] if len(ids) == 1 else (-2 if ids else -1)
            if len(ids) > 1:
                self.several[base + j] = ids
        joined = "\n".join(toks)
        starts = np.cumsum([0] + [len(t) + 1 for t in toks[:-1]]).astype(np.int64)
        for j in _candidates(self.matcher, joined, starts):
            self._cues(base + j, toks[j])
        for k in (0, 1):
            self.match[k].update((base + j, b) for j, b in self.follow[k].of(toks, joined, starts).items())

    def arrays(self) -> tuple[np.ndarray, ...]:
        """``vocab_of, hit_ptr, hit_frame, hit_question, hit_cue, need2, need3, match2, match3`` over type ids."""
        if self.pending:
            self._flush()
            self._arrays = None
        if self._arrays is None:
            n = len(self.vocab_of)
            count = np.zeros(n, dtype=np.int64)
            count[list(self.hits)] = [len(h) for h in self.hits.values()]
            ptr = np.concatenate([[0], np.cumsum(count)])
            cols = np.zeros((int(ptr[-1]), 3), dtype=np.int64)
            for i, hs in self.hits.items():
                cols[ptr[i]:ptr[i + 1]] = hs
            bits = []
            for d in (*self.need, *self.match):
                b = np.zeros(n, dtype=np.int64)
                b[list(d)] = list(d.values())
                bits.append(b)
            self._arrays = (np.array(self.vocab_of, dtype=np.int64), ptr, cols[:, 0], cols[:, 1], cols[:, 2], *bits)
        return self._arrays


#: The token table of the packaged model, per process (``[vocabulary, table]``).
_CACHE: list[Any] = [None, None]


def _types(model: Any) -> _Types:
    """The process's token table for ``model`` (a fresh one for another model, or after :data:`_MAX_TYPES`
    distinct tokens)."""
    if _CACHE[0] is not model.vocabulary or len(_CACHE[1]) > _MAX_TYPES:
        _CACHE[:] = [model.vocabulary, _Types(model.vocabulary)]
    return _CACHE[1]


@dataclass
class FastFeatures:
    """What :func:`fast_features` found for a chunk: ``ok[i]`` tells whether article ``i`` was done here;
    ``words`` (CSR) and ``cues`` hold the rows of the ok articles in order, ``evidence[i]`` the per-frame
    ``(start, end, sentence, cues)`` of ok article ``i`` (None for the others)."""

    ok: list[bool]
    words: Any
    cues: np.ndarray
    evidence: list[dict[str, tuple[int, int, str, str]] | None]


@dataclass
class _Chunk:
    """The ok articles of a chunk, lower-cased and joined by newlines (``low``; ``text`` as written), tokenised:
    their type ids ``tid``, lengths and end offsets into ``low``, article ``tok_art``, ``art_first`` the first
    token of each article (one extra at the end); sentences numbered through the chunk with their offsets
    ``sent_start, sent_end``, article ``sent_art``, and ``art_sent`` the first sentence of each article."""

    texts: list[str]
    sents: list[Sequence[Any]]
    text: str
    low: str
    tid: np.ndarray
    length: np.ndarray
    end: np.ndarray
    tok_art: np.ndarray
    art_first: np.ndarray
    sent_start: np.ndarray
    sent_end: np.ndarray
    sent_art: np.ndarray
    art_sent: np.ndarray

    def start(self, pos: np.ndarray) -> np.ndarray:
        """Offsets in ``low`` where tokens ``pos`` start."""
        return self.end[pos] - self.length[pos]

    def sentence_of(self, pos: np.ndarray) -> np.ndarray:
        """The sentence each of tokens ``pos`` starts in (-1 outside its article's sentences), as
        ``bisect_right`` over the sentence starts of :func:`framing.analyzers.frames._evidence`."""
        k = np.searchsorted(self.sent_start, self.start(pos), side="right") - 1
        if not len(self.sent_start):
            return k
        return np.where((k >= 0) & (self.sent_art[np.maximum(k, 0)] == self.tok_art[pos]), k, -1)

    def sentence(self, k: int) -> Any:
        """Sentence ``k`` of the chunk (a :class:`framing.text.Span` of its article)."""
        a = int(self.sent_art[k])
        return self.sents[a][k - int(self.art_sent[a])]


def _tokenise(arts: Sequence[Any], types: _Types) -> tuple[list[bool], _Chunk]:
    """The cue tokens of the chunk's lower-cased articles (:func:`token_bounds`, :meth:`_Types.lookup`); an
    article whose lower-casing changes its length is left to the reference path."""
    texts = [a.text for a in arts]
    text = "\n".join(texts)
    low = text.lower()
    ok = [True] * len(arts)
    if len(low) != len(text):
        ok = [len(t.lower()) == len(t) for t in texts]
        texts = [t for t, k in zip(texts, ok) if k]
        text = "\n".join(texts)
        low = text.lower()
    kept = [a for a, k in zip(arts, ok) if k]
    cp = code_points(low)
    starts, end = token_bounds(cp)
    tid = types.lookup(low, cp, starts, end)
    length = end - starts
    n = len(end)
    base = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]).astype(np.int64)[:len(texts)]
    art_first = np.append(np.searchsorted(end, base, side="right"), n)  # no token runs across the newlines
    sents = [a.sentences for a in kept]
    n_sents = [len(ss) for ss in sents]
    sent_start = np.array([b + s.start for b, ss in zip(base.tolist(), sents) for s in ss], dtype=np.int64)
    sent_end = np.array([b + s.end for b, ss in zip(base.tolist(), sents) for s in ss], dtype=np.int64)
    return ok, _Chunk(texts, sents, text, low, tid, length, end,
                      np.repeat(np.arange(len(kept), dtype=np.int64), np.diff(art_first)), art_first,
                      sent_start, sent_end, np.repeat(np.arange(len(kept), dtype=np.int64), n_sents),
                      np.concatenate([[0], np.cumsum(n_sents)]).astype(np.int64))


def _word_matrix(ch: _Chunk, types: _Types, idf: np.ndarray) -> Any:
    """Sublinear, L2-normalised TF-IDF rows of the chunk's articles (as ``FrameModel.word_matrix``)."""
    from scipy.sparse import csr_matrix

    n, n_vocab = len(ch.texts), len(idf)
    v = types.arrays()[0][ch.tid]
    keep = v >= 0
    rows, cols = [ch.tok_art[keep]], [v[keep]]
    for p in np.nonzero(v == -2)[0].tolist():
        ids = types.several[int(ch.tid[p])]
        rows.append(np.full(len(ids), ch.tok_art[p], dtype=np.int64))
        cols.append(np.array(ids, dtype=np.int64))
    keys, counts = _unique(np.concatenate(rows) * n_vocab + np.concatenate(cols), counts=True)
    r, c = np.divmod(keys, n_vocab)
    vals = (1.0 + np.log(counts)) * idf[c]
    norm = np.sqrt(np.bincount(r, vals * vals, minlength=n))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=n))])
    return csr_matrix((vals / norm[r], c, indptr), shape=(n, n_vocab))


@dataclass
class _Hits:
    """Cue hits of a chunk as arrays: token position, frame, question, cue id, evidence key (the token's type, or
    ``-1 - i`` for the ``i``-th distinct phrase), ``start, end`` offsets in the chunk's text and the sentence
    (-1 when the hit's first word is outside its article's sentences)."""

    pos: np.ndarray
    frame: np.ndarray
    question: np.ndarray
    cue: np.ndarray
    key: np.ndarray
    start: np.ndarray
    end: np.ndarray
    sent: np.ndarray


def _phrase_hits(ch: _Chunk, types: _Types) -> tuple[list[tuple[int, ...]], list[int]]:
    """Cues of several words: ``(pos, frame, question, cue, start, end, phrase)`` rows, checked word by word in the
    token lists first and then, for the few that agree, on the text (:func:`._frame_cues._following`), in the
    order :func:`._frame_cues.scan` tries them; and the ``pos * 5 + frame`` keys whose single-word hit they replace."""
    rows: list[tuple[int, ...]] = []
    phrases: dict[str, int] = {}
    names, tid = types.names, ch.tid
    need2, need3, match2, match3 = types.arrays()[5:9]
    n1, n2 = np.append(tid[1:], 0), np.append(tid[2:], [0, 0])[:len(tid)]  # the types of the next two tokens
    first = need2[tid]
    maybe = ((first & match2[n1]) != 0) & ((need3[tid] == -1) | ((need3[tid] & match3[n2]) != 0))
    for p in np.nonzero(maybe)[0].tolist():  # the word checks below stop at the article's end
        a = int(ch.tok_art[p])
        hi = int(ch.art_first[a + 1])
        done: set[str] = set()
        for c in types.multi[int(tid[p])]:
            n = len(c.words)
            if c.frame in done or p + n > hi:
                continue
            if not all(_word_matches(w, names[tid[p + j]]) for j, w in enumerate(c.words[1:], 1)):
                continue
            start = int(ch.end[p] - ch.length[p])
            end = _following(ch.low, int(ch.end[p]), c.words[1:])  # the next tokens are the article's own
            if end is None:
                continue
            done.add(c.frame)
            key = phrases.setdefault(ch.text[start:end].lower(), len(phrases))
            rows.append((p, _F_INDEX[c.frame], _Q_INDEX[c.question], types.cue_id(c), start, end, -1 - key))
    return rows, [r[0] * _NF + r[1] for r in rows]


def _hits(ch: _Chunk, types: _Types) -> _Hits:
    """Every cue hit of the chunk: per token the single-word hits of its type, minus those a longer cue of the same
    frame replaces at that token, plus those longer cues."""
    ptr, h_frame, h_question, h_cue = types.arrays()[1:5]
    tid = ch.tid
    nh = ptr[tid + 1] - ptr[tid]
    pos = np.repeat(np.arange(len(tid), dtype=np.int64), nh)
    idx = np.repeat(ptr[tid] - (np.cumsum(nh) - nh), nh) + np.arange(len(pos), dtype=np.int64)
    frame, question, cue = h_frame[idx], h_question[idx], h_cue[idx]
    key, start, end = tid[pos], ch.start(pos), ch.end[pos]
    rows, replaced = _phrase_hits(ch, types)
    if rows:
        keep = ~np.isin(pos * _NF + frame, np.array(replaced, dtype=np.int64))
        extra = np.array(rows, dtype=np.int64)
        pos, frame, question, cue, start, end, key = (
            np.concatenate([x[keep], extra[:, j]]) for j, x in
            enumerate((pos, frame, question, cue, start, end, key)))
    return _Hits(pos, frame, question, cue, key, start, end, ch.sentence_of(pos))


def _cue_features(ch: _Chunk, types: _Types, h: _Hits) -> np.ndarray:
    """:func:`._frame_cues.features_from_hits` of every article of the chunk at once."""
    n, nq = len(ch.texts), len(_QUESTIONS)
    art = ch.tok_art[h.pos]
    words = np.maximum(1, np.diff(ch.art_first)).astype(float)[:, None]
    per_q = np.bincount(art * nq + h.question, minlength=n * nq).reshape(n, nq)
    per_f = np.bincount(art * _NF + h.frame, minlength=n * _NF).reshape(n, _NF)
    cue_frame = np.zeros(max(1, len(types.cue_ids)), dtype=np.int64)
    for (f, _), i in types.cue_ids.items():
        cue_frame[i] = _F_INDEX[f]
    pairs = _unique(art * len(cue_frame) + h.cue)
    a, c = np.divmod(pairs, len(cue_frame))
    distinct = np.bincount(a * _NF + cue_frame[c], minlength=n * _NF).reshape(n, _NF)
    return np.hstack([np.log1p(1000.0 * per_q / words), np.log1p(1000.0 * per_f / words), np.log1p(distinct),
                      np.log1p(words)])


def _best_sentences(ch: _Chunk, h: _Hits, in_sentence: np.ndarray) -> dict[tuple[int, int], int]:
    """``(article, frame) -> sentence`` holding the most distinct cues of the frame (ties: the earlier sentence)."""
    sent = h.sent[in_sentence]
    frame, key = h.frame[in_sentence], h.key[in_sentence]
    if not len(sent):
        return {}
    shift = int(-key.min()) if key.min() < 0 else 0
    span = int(key.max()) + shift + 1
    groups, cnt = _unique(_unique((sent * _NF + frame) * span + key + shift) // span, counts=True)
    s, f = np.divmod(groups, _NF)
    a = ch.sent_art[s]
    order = np.lexsort((s, -cnt, a * _NF + f))
    g = (a * _NF + f)[order]
    first = order[np.concatenate([[True], g[1:] != g[:-1]])]
    return dict(zip(zip(a[first].tolist(), f[first].tolist()), s[first].tolist()))


def _evidence(ch: _Chunk, h: _Hits) -> list[dict[str, tuple[int, int, str, str]]]:
    """Per article and frame ``(start, end, sentence, cues)`` as :func:`framing.analyzers.frames._evidence`: a hit
    counts for the sentence its first word is in when it ends inside it."""
    sent = h.sent
    in_sentence = (sent >= 0) & (h.end <= ch.sent_end[np.maximum(sent, 0)]) if len(ch.sent_end) else sent >= 0
    best = _best_sentences(ch, h, in_sentence)
    wanted = np.array([k * _NF + f for (_, f), k in best.items()], dtype=np.int64)
    sel = np.nonzero(in_sentence & np.isin(sent * _NF + h.frame, wanted))[0]
    sel = sel[np.argsort(h.pos[sel], kind="stable")]
    words: dict[tuple[int, int], list[str]] = {}
    text = ch.text
    for a, f, i, j in zip(ch.tok_art[h.pos[sel]].tolist(), h.frame[sel].tolist(), h.start[sel].tolist(),
                          h.end[sel].tolist()):
        words.setdefault((a, f), []).append(text[i:j])
    out = []
    for a in range(len(ch.texts)):
        ev = {}
        for j, f in enumerate(FRAMES):
            k = best.get((a, j))
            if k is None:
                ev[f] = (0, 0, "", "")
                continue
            s = ch.sentence(k)
            ev[f] = (s.start, s.end, s.text, "; ".join(dict.fromkeys(words[(a, j)])))
        out.append(ev)
    return out


def fast_features(arts: Sequence[Any], model: Any) -> FastFeatures:
    """TF-IDF rows, cue features and evidence of ``arts`` for ``model`` (see the module docstring).

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> from framing.analyzers.frames import frame_model
    >>> c = Corpus.from_records([{"id": "a", "outlet": "cbc", "text": "Critics slammed the plan. It costs $2 billion."}])
    >>> got = fast_features(c.articles, frame_model())
    >>> got.ok, got.evidence[0]["economic"][2:]
    ([True], ('It costs $2 billion.', 'costs; $; 2 billion; billion'))
    """
    types = _types(model)
    ok, ch = _tokenise(arts, types)
    h = _hits(ch, types)
    found = iter(_evidence(ch, h))
    evidence = [next(found) if k else None for k in ok]
    return FastFeatures(ok, _word_matrix(ch, types, model.idf), _cue_features(ch, types, h), evidence)
