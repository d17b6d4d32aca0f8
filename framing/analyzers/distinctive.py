"""Words and phrases that set each outlet apart: log-odds with an informative Dirichlet prior.

For each outlet *i* against all other outlets pooled (*j*), following Monroe,
Colaresi & Quinn (2008, "Fightin' Words", section 3.5.1), with ``y`` term
counts, ``n`` total counts and a Dirichlet prior ``alpha_w`` proportional to
the term's frequency in the whole corpus (``alpha_0 = sum_w alpha_w``)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

Terms are unigrams and bigrams from scikit-learn's ``CountVectorizer`` with
its English stop words removed; tokens follow :data:`framing.text.TOKEN_RE`
(``S-400`` and ``U.S`` stay whole) with a possessive ``'s`` dropped.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..tables import TABLES
from .._token_arrays import MAX_KEY_CHARS, Block, blocks, key_bytes, no_zero_byte, packed_keys

__all__ = ["distinctive_terms", "DISTINCTIVE_COLUMNS"]

#: Columns of :func:`distinctive_terms`.
DISTINCTIVE_COLUMNS = ["outlet", "term", "ngram", "count", "count_other", "rate_per_1000", "log_odds", "z", "rank"]

def _empty() -> pd.DataFrame:
    return TABLES["distinctive"].empty()


def distinctive_terms(
    corpus: Any,
    ngram_range: tuple[int, int] = (1, 2),
    min_count: int = 2,
    prior: float = 500.0,
    *,
    top: int | None = None,
) -> pd.DataFrame:
    """Terms each outlet uses more (or less) than the other outlets, with z-scores.

    Parameters
    ----------
    corpus : Corpus
        Articles with ``outlet`` and ``text``; any number of outlets. With a
        single outlet the comparison is against the prior alone.
    ngram_range : (int, int), default (1, 2)
        Smallest and largest n-gram size (stop words are removed first).
    min_count : int, default 2
        Keep terms used at least this often in the whole corpus.
    prior : float, default 500.0
        Total pseudo-count ``alpha_0`` of the informative Dirichlet prior,
        spread over the vocabulary in proportion to each term's corpus
        frequency. Larger values shrink the log-odds of rare terms more.
    top : int, optional
        Keep only the ``top`` terms per outlet (highest ``z``, i.e. the most
        over-represented; the default None keeps every term).
        :func:`framing.analyze` uses ``top=200``: the full table of a large
        corpus has outlets x vocabulary rows (millions), and reports show the
        top of each outlet only.

    Returns
    -------
    pandas.DataFrame
        One row per outlet and term:

        ``outlet`` (str)
        ``term`` (str)
            Lower-cased unigram or bigram.
        ``ngram`` (int)
            Number of words in the term.
        ``count``, ``count_other`` (int)
            Uses by this outlet / by all other outlets.
        ``rate_per_1000`` (float)
            ``count`` per 1,000 counted terms of the same n-gram size in this outlet.
        ``log_odds`` (float)
            ``delta_w`` above: positive when the outlet over-uses the term.
        ``z`` (float)
            ``delta_w / sqrt(var_w)``; \\|z\\| > 1.96 is the usual threshold.
        ``rank`` (int)
            1 for the outlet's most distinctive term (highest ``z``; ties by
            higher ``count``, then term).

        Outlets in corpus order; within an outlet rows are sorted by ``rank``.

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> c = Corpus.from_records([
    ...     {"id": "a", "outlet": "rt", "text": "The regime. The regime again. Missiles."},
    ...     {"id": "b", "outlet": "cbc", "text": "The government. The government again. Missiles."}])
    >>> t = distinctive_terms(c, ngram_range=(1, 1), min_count=1)
    >>> t[t["rank"] == 1][["outlet", "term"]].values.tolist()
    [['rt', 'regime'], ['cbc', 'government']]
    """
    return _distinctive_terms(corpus, ngram_range, min_count, prior, top)


def _distinctive_terms(corpus: Any, ngram_range: tuple[int, int], min_count: int, prior: float,
                       top: int | None) -> pd.DataFrame:
    arts = [a for a in corpus]
    if not arts:
        return _empty()
    outlets = list(dict.fromkeys(a.outlet for a in arts))
    idx = {o: i for i, o in enumerate(outlets)}
    lo, hi = int(ngram_range[0]), int(ngram_range[1])
    terms, ngram, G = _outlet_counts([a.text or "" for a in arts], [idx[a.outlet] for a in arts], len(outlets),
                                     lo, hi, max(int(min_count), 1))
    if not len(terms):  # empty vocabulary (no text, only stop words, or no term frequent enough)
        return _empty()
    total = G.sum(axis=0)

    n_all = float(total.sum())
    a0 = float(prior) if prior and prior > 0 else 1e-6
    alpha = a0 * total / n_all
    n_terms = len(terms)
    cand_none = np.zeros(0, dtype=np.int64)
    term_rank = np.arange(n_terms)  # terms are sorted: the rank is the alphabetical tie-break
    ns, n_idx = np.unique(ngram, return_inverse=True)
    # counted terms of each n-gram size per outlet (for rate_per_1000)
    per_size = np.stack([G[:, ngram == n].sum(axis=1) for n in ns], axis=1).astype(float)
    keep_n = None if top is None else max(int(top), 0)
    cols: dict[str, list[np.ndarray]] = {c: [] for c in DISTINCTIVE_COLUMNS if c != "outlet"}
    sizes = []
    for k in range(len(outlets)):
        gk = G[k]
        yi = gk.astype(float)
        yj = (total - gk).astype(float)
        ni, nj = yi.sum(), yj.sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            li = np.log(yi + alpha) - np.log(np.maximum(ni + a0 - yi - alpha, 1e-12))
            lj = np.log(yj + alpha) - np.log(np.maximum(nj + a0 - yj - alpha, 1e-12))
            delta = li - lj
            var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha)
            z = delta / np.sqrt(var)
        # z descending (NaN last), then count descending, then term
        zkey = np.where(np.isnan(z), np.inf, -z)
        if keep_n is not None and keep_n < n_terms:
            # only the candidates at or above the top-th z (ties included) are sorted
            cand = np.flatnonzero(zkey <= np.partition(zkey, keep_n - 1)[keep_n - 1]) if keep_n else cand_none
            order = cand[np.lexsort((term_rank[cand], -gk[cand], zkey[cand]))][:keep_n]
        else:
            order = np.lexsort((term_rank, -gk, zkey))
        sizes.append(len(order))
        denom = per_size[k, n_idx[order]]
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = np.where(denom > 0, 1000.0 * yi[order] / np.where(denom > 0, denom, 1.0), 0.0)
        cols["term"].append(terms[order])
        cols["ngram"].append(ngram[order])
        cols["count"].append(gk[order])
        cols["count_other"].append((total - gk)[order])
        cols["rate_per_1000"].append(rate)
        cols["log_odds"].append(delta[order])
        cols["z"].append(z[order])
        cols["rank"].append(np.arange(1, len(order) + 1, dtype=np.int64))
    data: dict[str, Any] = {"outlet": pd.Series(np.repeat(np.array(outlets, dtype=object), sizes), dtype=object)}
    for c, parts in cols.items():
        arr = np.concatenate(parts)
        data[c] = pd.Series(arr, dtype=object) if c == "term" else arr
    return TABLES["distinctive"].conform(pd.DataFrame(data)[DISTINCTIVE_COLUMNS])


def _outlet_counts(docs: list[str], rows_of: list[int], n_outlets: int, lo: int, hi: int,
                   min_count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sorted terms (object array) used at least ``min_count`` times, their n-gram sizes, and the
    outlet x term counts.

    Terms and counts are those of scikit-learn's ``CountVectorizer(lowercase=True,
    stop_words="english", ngram_range=(lo, hi))`` with :data:`framing.text.TOKEN_RE` tokens minus a
    possessive ``'s``, summed per outlet: lower-case, tokenise, drop stop words, then n-grams of
    the remaining tokens. The words are numbered in sorted order, n-grams are integer codes
    counted with numpy, and the outlet x term matrix is built for frequent terms only.
    """
    lo, hi = max(1, lo), max(1, hi)
    vocab, arr, doc_of = _word_ids(docs)
    if not len(vocab):
        return np.array([], dtype=object), np.zeros(0, dtype=np.int64), np.zeros((n_outlets, 0), dtype=np.int64)
    base = len(vocab)
    owner_of = np.asarray(rows_of, dtype=np.int64)[doc_of]
    # n-gram codes: a base-``len(vocab)`` number of the word ids, one code space per n; an n-gram
    # belongs to one document when its first and last tokens do (doc_of never decreases)
    digit_list: list[np.ndarray] = []  # per term size n: the kept n-grams' word ids, one row per word
    count_list: list[np.ndarray] = []
    for n in range(lo, hi + 1):
        if base ** n >= 2 ** 62:
            raise ValueError(f"ngram_range up to {hi} is too large for a vocabulary of {base} words")
        m = len(arr) - n + 1
        if m <= 0:
            continue
        codes = arr[:m].copy()
        for j in range(1, n):
            codes = codes * base + arr[j:j + m]
        owners = owner_of[:m]
        if n > 1:
            same = doc_of[:m] == doc_of[n - 1:n - 1 + m]
            codes, owners = codes[same], owners[same]
        if not len(codes):
            continue
        if n == 1:  # unigram codes are the word ids (< base): counted directly, without sorting
            uniq, inv = None, codes
            freq = np.bincount(codes, minlength=base)
        else:  # distinct codes by hashing, in order of first use (the terms are sorted at the end)
            inv, uniq = pd.factorize(codes)
            freq = np.bincount(inv, minlength=len(uniq))
        kept = np.flatnonzero(freq >= min_count)
        if not len(kept):
            continue
        new_id = np.full(len(freq), -1, dtype=np.int64)
        new_id[kept] = np.arange(len(kept))
        col = new_id[inv]
        sel = col >= 0
        count_list.append(np.bincount(owners[sel] * len(kept) + col[sel],
                                      minlength=n_outlets * len(kept)).reshape(n_outlets, len(kept)))
        rest = kept if uniq is None else uniq[kept]
        digits = np.full((hi, len(kept)), -1, dtype=np.int64)  # -1: no word (shorter terms sort first)
        for i in range(n - 1, -1, -1):
            digits[i] = rest % base
            rest = rest // base
        digit_list.append(digits)
    if not digit_list:
        return np.array([], dtype=object), np.zeros(0, dtype=np.int64), np.zeros((n_outlets, 0), dtype=np.int64)
    digits = np.concatenate(digit_list, axis=1)
    # words are numbered in sorted order and every character of a token sorts after the space, so
    # sorting the word ids position by position (no word first) sorts the joined terms
    order = np.lexsort(digits[::-1])
    digits = digits[:, order]
    ngram = (digits >= 0).sum(axis=0).astype(np.int64)
    words = [vocab[d] for d in digits]  # per position, the words (vocab[-1] past a term's end: unused)
    terms = np.empty(digits.shape[1], dtype=object)
    for n in np.unique(ngram).tolist():
        at = np.flatnonzero(ngram == n)
        terms[at] = words[0][at] if n == 1 else [" ".join(t) for t in zip(*(w[at] for w in words[:n]))]
    return terms, ngram, np.concatenate(count_list, axis=1)[:, order]


def _word_ids(docs: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The words of ``docs`` (normalised tokens that are not stop words) in sorted order (object
    array), every document's word ids one document after the other, and the document of each.

    The documents are lower-cased and tokenised with numpy a block at a time
    (:func:`framing._token_arrays.blocks`: the same tokens as ``TOKEN_RE.findall``) and told apart by
    :class:`_Tokens`; each distinct token is normalised once (:func:`_token_words`).
    """
    toks = _Tokens()
    for block in blocks([d.lower() for d in docs]):
        toks.add(block)
    types, tokens = toks.types()
    words, word_of = _token_words(tokens)
    arr = word_of[types]
    doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), np.concatenate(toks.per_doc or [np.zeros(0, np.int64)]))
    keep = arr >= 0  # stop words dropped
    vocab = np.empty(len(words), dtype=object)
    vocab[:] = words
    return vocab, arr[keep], doc_of[keep]


class _Tokens:
    """The :data:`framing.text.TOKEN_RE` tokens of lower-case documents, added a block at a time, told apart by
    hashing (``pandas.factorize``, no sort) without a Python string per token: a token of at most eight Latin-1
    characters by its key (:func:`framing._token_arrays.packed_keys`), one of nine to sixteen by the keys of its two
    halves, the others (few) by their text."""

    def __init__(self) -> None:
        self.per_doc: list[np.ndarray] = []  # tokens per document
        self.kind: list[np.ndarray] = []  # per token: 0 short, 1 medium, 2 other
        self.key: list[np.ndarray] = []  # short: key, medium: key of the first half
        self.tail: list[np.ndarray] = []  # medium only: key of the second half
        self.texts: list[str] = []  # other only

    def add(self, block: Block) -> None:
        """Add the tokens of a block of lower-case documents."""
        low, cp, starts, ends = block.text, block.cp, block.starts, block.ends
        self.per_doc.append(block.per_text)
        data = key_bytes(cp)
        key, fits = packed_keys(cp, starts, ends, data)
        kind = np.where(fits, 0, 2).astype(np.int8)
        medium = np.flatnonzero(~fits & (ends - starts <= 2 * MAX_KEY_CHARS) & no_zero_byte(key))  # 8 Latin-1 first
        tail, tail_fits = packed_keys(cp, starts[medium] + MAX_KEY_CHARS, ends[medium], data)
        kind[medium[tail_fits]] = 1
        other = np.flatnonzero(kind == 2)
        self.kind.append(kind)
        self.key.append(key[kind < 2])
        self.tail.append(tail[tail_fits])
        self.texts += [low[a:b] for a, b in zip(starts[other].tolist(), ends[other].tolist())]

    def types(self) -> tuple[np.ndarray, list[str]]:
        """The type of each token added, and the text of each type."""
        if not self.kind:
            return np.zeros(0, dtype=np.int64), []
        kind, key, tail = np.concatenate(self.kind), np.concatenate(self.key), np.concatenate(self.tail)
        types = np.empty(len(kind), dtype=np.int64)
        is_short = kind[kind < 2] == 0
        short_type, short_keys = pd.factorize(key[is_short])
        head_code, heads = pd.factorize(key[~is_short])
        tail_code, tails = pd.factorize(tail)
        width = max(len(tails), 1)
        medium_type, pairs = pd.factorize(head_code * width + tail_code)
        other_type, other_tokens = pd.factorize(np.array(self.texts, dtype=object))
        types[kind == 0] = short_type
        types[kind == 1] = len(short_keys) + medium_type
        types[kind == 2] = len(short_keys) + len(pairs) + other_type
        pair_head, pair_tail = np.divmod(pairs, width)
        tokens = _key_texts(short_keys)
        tokens += map(str.__add__, _key_texts(heads[pair_head]), _key_texts(tails[pair_tail]))
        tokens += list(other_tokens)
        return types, tokens


def _key_texts(keys: np.ndarray) -> list[str]:
    """The token of each key of :func:`framing._token_arrays.packed_keys` (each byte: a character plus one)."""
    raw = keys.astype("<u8").view(np.uint8)
    chars = np.where(raw > 0, raw - 1, 0).astype(np.uint8)  # no token holds U+0000: a zero byte is padding
    return [b.decode("latin-1") for b in chars.view("S8").tolist()]


def _token_words(tokens: list[str]) -> tuple[list[str], np.ndarray]:
    """The sorted distinct words of distinct lower-case ``tokens`` (a possessive ``'s`` dropped, stop words
    left out), and the index of each token's word in them (-1 for a stop word)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    norm = [t[:-2] if t.endswith(("'s", "\u2019s")) else t for t in tokens]
    words = sorted(set(norm).difference(ENGLISH_STOP_WORDS))
    index = {w: i for i, w in enumerate(words)}
    return words, np.fromiter((index.get(w, -1) for w in norm), dtype=np.int64, count=len(norm))
