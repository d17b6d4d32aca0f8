"""Fast path of :func:`framing.frames`: cue features, word TF-IDF and evidence sentences of a chunk of articles
from one tokenisation of each sentence.

The reference path reads each text three times (the cue scan of :func:`._frame_cues.scan`, the word count
:func:`._frame_cues.n_words` and the TF-IDF words of :meth:`._frames_model.FrameModel.word_matrix`) and then
walks every cue hit in Python. Here each sentence of an article (:attr:`Article.sentences`, already split by
the sentence analyzer) is tokenised once with the cue tokens; every distinct token is looked up once per process
(:class:`_Types`: its TF-IDF words, the single-word cues it starts) and the rest is array arithmetic over the
chunk. Only tokens that may start a cue of several words are checked one by one, and only the sentences chosen as
evidence are read again for their offsets. The results equal the reference path's (tested on real text); an
article whose sentences do not cover all its words, or whose lower-casing changes its length, is left to the
reference path (``ok`` is False for it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from ._frame_cues import _TOKEN_RE, FRAMES, QUESTIONS, _Cue, _following, _Matcher, _matcher, _word_matches

__all__ = ["FastFeatures", "fast_features"]

_APOSTROPHE_RE = re.compile(r"['’]")
_WORD_CHAR = re.compile(r"\w").fullmatch


def _joined(low: str, b: int) -> bool:
    """Whether one cue token would run across position ``b`` (``low[b-1]`` and ``low[b]`` in one token).

    >>> _joined("ab", 1), _joined("a.b", 2), _joined("a'b", 1), _joined("a'b", 2)
    (True, False, True, True)
    """
    x, y = low[b - 1:b], low[b:b + 1]
    if not x or not y:
        return False
    if _WORD_CHAR(x):
        return bool(_WORD_CHAR(y)) or (y in "'’" and bool(_WORD_CHAR(low[b + 1:b + 2])))
    return x in "'’" and bool(_WORD_CHAR(y)) and bool(_WORD_CHAR(low[b - 2:b - 1]))
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
    """Lower-case cue token -> type id. A token not seen before gets the next id on first look-up
    (``__missing__``), so a known token costs one dict look-up; :meth:`arrays` then works out the new tokens'
    facts in one batch: their TF-IDF vocabulary ids (the words of two or more characters between their
    apostrophes), their single-word cue hits (per frame the first single-word cue of :meth:`_Matcher.starting`,
    which wins unless a longer cue of the frame matches there), the cues of several words they start, and bits for
    the pre-check of those cues' next words."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.matcher = _matcher()
        self.cue_ids: dict[tuple[str, str], int] = {}
        self.pending: list[str] = []
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

    def cue_id(self, c: _Cue) -> int:
        return self.cue_ids.setdefault((c.frame, c.cue), len(self.cue_ids))

    def __missing__(self, tok: str) -> int:
        i = self[tok] = len(self)
        self.pending.append(tok)
        return i

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


def _sentence_tokens(text: str, low: str, sents: Sequence[Any]) -> list[list[str]] | None:
    """The cue tokens of each sentence; None when text outside the sentences could hold a token or join two
    sentences' tokens (then the reference path reads the article)."""
    prev, out = 0, []
    findall = _TOKEN_RE.findall
    for s in sents:
        gap = text[prev:s.start]
        if (gap and not gap.isspace()) or (prev and not gap and _joined(low, prev)):
            return None
        out.append(findall(low[s.start:s.end]))  # a slice is read faster than findall(low, start, end)
        prev = s.end
    tail = text[prev:]
    return out if not tail or tail.isspace() else None


@dataclass
class _Chunk:
    """The ok articles of a chunk, tokenised: ``toks`` and their type ids ``tid`` one article after the other;
    ``art_first`` / ``sent_first`` the first token of each article / sentence (one extra at the end);
    ``sent_art`` the article of each sentence, ``art_sent`` the first sentence of each article."""

    texts: list[str]
    lows: list[str]
    sents: list[Sequence[Any]]
    toks: list[str]
    tid: np.ndarray
    art_first: np.ndarray
    sent_first: np.ndarray
    sent_art: np.ndarray
    art_sent: np.ndarray
    tok_art: np.ndarray
    tok_sent: np.ndarray

    def sentence(self, k: int) -> Any:
        """Sentence ``k`` of the chunk (a :class:`framing.text.Span`)."""
        a = int(self.sent_art[k])
        return self.sents[a][k - int(self.art_sent[a])]

    def token_span(self, p: int) -> tuple[int, int]:
        """``(start, end)`` of token ``p`` in its article's text (found by skipping the tokens before it in its
        sentence: one regex match, no match objects for them)."""
        k = int(self.tok_sent[p])
        s, low = self.sentence(k), self.lows[int(self.sent_art[k])]
        m = _skip(p - int(self.sent_first[k])).match(low, s.start, s.end)
        return _TOKEN_RE.search(low, m.end(), s.end).span()  # type: ignore[union-attr]

    def words(self, k: int, cache: dict[int, list[str]]) -> list[str]:
        """The cue tokens of sentence ``k`` as written (original case; read once per sentence)."""
        got = cache.get(k)
        if got is None:
            a = int(self.sent_art[k])
            s = self.sentence(k)
            got = _TOKEN_RE.findall(self.texts[a][s.start:s.end])
            if len(got) != self.sent_first[k + 1] - self.sent_first[k]:  # a character whose case changes its class
                got = [self.texts[a][i:j] for i, j in
                       (m.span() for m in _TOKEN_RE.finditer(self.lows[a], s.start, s.end))]
            cache[k] = got
        return got


@lru_cache(maxsize=256)
def _skip(n: int) -> re.Pattern[str]:
    """A regex matching the first ``n`` cue tokens of a text and what lies between them."""
    return re.compile(r"(?:[^\w$£€%]*(?:" + _TOKEN_RE.pattern + r")){%d}" % n)


def _tokenise(arts: Sequence[Any], types: _Types) -> tuple[list[bool], _Chunk]:
    ok: list[bool] = []
    texts, lows, sents, toks, sizes, n_sents = [], [], [], [], [], []
    for a in arts:
        text = a.text
        low = text.lower()
        per = _sentence_tokens(text, low, a.sentences) if len(low) == len(text) else None
        ok.append(per is not None)
        if per is None:
            continue
        texts.append(text)
        lows.append(low)
        sents.append(a.sentences)
        n_sents.append(len(per))
        for t in per:
            toks.extend(t)
            sizes.append(len(t))
    tid = np.fromiter(map(types.__getitem__, toks), dtype=np.int64, count=len(toks))
    sizes_a = np.array(sizes, dtype=np.int64)
    sent_first = np.concatenate([[0], np.cumsum(sizes_a)]).astype(np.int64)
    sent_art = np.repeat(np.arange(len(texts), dtype=np.int64), n_sents)
    art_sent = np.concatenate([[0], np.cumsum(n_sents)]).astype(np.int64)
    art_first = sent_first[art_sent]
    tok_sent = np.repeat(np.arange(len(sizes_a), dtype=np.int64), sizes_a)
    return ok, _Chunk(texts, lows, sents, toks, tid, art_first, sent_first, sent_art, art_sent,
                      sent_art[tok_sent] if len(tok_sent) else tok_sent, tok_sent)


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
    ``-1 - i`` for the ``i``-th distinct phrase), ``start, end`` (-1 for single words: read when needed)."""

    pos: np.ndarray
    frame: np.ndarray
    question: np.ndarray
    cue: np.ndarray
    key: np.ndarray
    start: np.ndarray
    end: np.ndarray


def _phrase_hits(ch: _Chunk, types: _Types) -> tuple[list[tuple[int, ...]], list[int]]:
    """Cues of several words: ``(pos, frame, question, cue, start, end, phrase)`` rows, checked word by word in the
    token lists first and then, for the few that agree, on the text (:func:`._frame_cues._following`), in the
    order :func:`._frame_cues.scan` tries them; and the ``pos * 5 + frame`` keys whose single-word hit they replace."""
    rows: list[tuple[int, ...]] = []
    phrases: dict[str, int] = {}
    toks, tid = ch.toks, ch.tid
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
            if not all(_word_matches(w, toks[p + j]) for j, w in enumerate(c.words[1:], 1)):
                continue
            start, end0 = ch.token_span(p)
            end = _following(ch.lows[a], end0, c.words[1:])
            if end is None:
                continue
            done.add(c.frame)
            key = phrases.setdefault(ch.texts[a][start:end].lower(), len(phrases))
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
    key, start, end = tid[pos], np.full(len(pos), -1, dtype=np.int64), np.full(len(pos), -1, dtype=np.int64)
    rows, replaced = _phrase_hits(ch, types)
    if rows:
        keep = ~np.isin(pos * _NF + frame, np.array(replaced, dtype=np.int64))
        extra = np.array(rows, dtype=np.int64)
        pos, frame, question, cue, start, end, key = (
            np.concatenate([x[keep], extra[:, j]]) for j, x in
            enumerate((pos, frame, question, cue, start, end, key)))
    return _Hits(pos, frame, question, cue, key, start, end)


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
    sent = ch.tok_sent[h.pos][in_sentence]
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


def _evidence(ch: _Chunk, h: _Hits, cache: dict) -> list[dict[str, tuple[int, int, str, str]]]:
    """Per article and frame ``(start, end, sentence, cues)`` as :func:`framing.analyzers.frames._evidence`."""
    sent = ch.tok_sent[h.pos]
    in_sentence = (h.end < 0) | (h.end <= np.array([s.end for ss in ch.sents for s in ss] or [0])[sent])
    best = _best_sentences(ch, h, in_sentence)
    wanted = np.array([k * _NF + f for (_, f), k in best.items()], dtype=np.int64)
    sel = np.nonzero(in_sentence & np.isin(sent * _NF + h.frame, wanted))[0]
    sel = sel[np.argsort(h.pos[sel], kind="stable")]
    words: dict[tuple[int, int], list[str]] = {}
    for i in sel.tolist():
        p, k = int(h.pos[i]), int(sent[i])
        a = int(ch.sent_art[k])
        start = int(h.start[i])
        word = ch.texts[a][start:int(h.end[i])] if start >= 0 else ch.words(k, cache)[p - int(ch.sent_first[k])]
        words.setdefault((a, int(h.frame[i])), []).append(word)
    out = []
    for a in range(len(ch.texts)):
        ev = {}
        for j, f in enumerate(FRAMES):
            k = best.get((a, j))
            if k is None:
                ev[f] = (0, 0, "", "")
                continue
            s = ch.sents[a][k - int(ch.art_sent[a])]
            ev[f] = (s.start, s.end, s.text, "; ".join(dict.fromkeys(words[(a, j)])))
        out.append(ev)
    return out


def fast_features(arts: Sequence[Any], model: Any) -> FastFeatures:
    """TF-IDF rows, cue features and evidence of ``arts`` for ``model`` (see the module docstring).

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> from framing.analyzers.frames import frame_model
    >>> c = Corpus.from_records([{"id": "a", "outlet": "x", "text": "Critics slammed the plan. It will cost $2 billion."}])
    >>> got = fast_features(c.articles, frame_model())
    >>> got.ok, got.evidence[0]["economic"][2:]
    ([True], ('It will cost $2 billion.', 'will cost; $; billion'))
    """
    types = _types(model)
    ok, ch = _tokenise(arts, types)
    cache: dict[int, list[str]] = {}
    h = _hits(ch, types)
    found = iter(_evidence(ch, h, cache))
    evidence = [next(found) if k else None for k in ok]
    return FastFeatures(ok, _word_matrix(ch, types, model.idf), _cue_features(ch, types, h), evidence)
