"""Uncommon words of many texts at once: :func:`._loaded_scan._uncommon_words` with numpy.

:func:`uncommon_words_of` tokenises a block of texts at a time (:func:`framing._token_arrays.blocks`) and keeps the
:data:`framing.text.TOKEN_RE` tokens made of a-z and inner hyphens only, not right after a joiner, of at least
``min_length`` characters, that are not common words. A token of up to sixteen characters is told common or not by
its packed keys (:class:`_CommonKeys`), without a Python string per token; only the few rare-looking ones, and the
rare tokens longer than sixteen characters, are cut out as strings. ``tests/analyzers/test_loaded.py`` compares it with
:func:`._loaded_scan._uncommon_words` on odd text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from .._token_arrays import GOLDEN, MAX_KEY_CHARS, KeyTable, blocks, code_points, key_bytes, no_zero_byte, packed_keys
from ..text import TOKEN_RE
from ._loaded_scan import _TOKEN_JOINERS, _common_words, _is_rare, _uncommon_words

__all__ = ["uncommon_words_of"]

_AZ_TOKEN_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
_JOINER_CODES = np.array(sorted(map(ord, _TOKEN_JOINERS)), dtype=np.uint32)


def _az_lut() -> np.ndarray:
    """1 for the key bytes (:func:`framing._token_arrays.packed_keys`: a character plus one, zero for none) of an
    a-z letter, a hyphen or no character; 0 for the others."""
    lut = np.zeros(256, dtype=np.uint8)
    lut[[0, ord("-") + 1, *range(ord("a") + 1, ord("z") + 2)]] = 1
    return lut


_AZ_LUT = _az_lut()
_ALL_ONES = np.uint64(0x0101010101010101)


def _az_bytes(keys: np.ndarray) -> np.ndarray:
    """Whether every byte of each key is an a-z letter, a hyphen or zero (:func:`_az_lut`)."""
    return _AZ_LUT[keys.astype("<u8").view(np.uint8)].view("<u8") == _ALL_ONES


def _pair(head: np.ndarray, tail: np.ndarray) -> np.ndarray:
    """One 64-bit hash of the two keys of a token of nine to sixteen characters (collisions are checked)."""
    return head * GOLDEN + tail


class _CommonKeys:
    """The common a-z words of up to sixteen characters as keys: the short ones (at most eight) by their key, the
    others by the hash of their two halves' keys (:func:`_pair`), the halves kept to confirm a hit."""

    def __init__(self, common: frozenset[str]) -> None:
        words = sorted(w for w in common if len(w) <= 2 * MAX_KEY_CHARS and _AZ_TOKEN_RE.fullmatch(w))
        starts = np.cumsum([0] + [len(w) + 1 for w in words[:-1]], dtype=np.int64)[:len(words)]
        ends = starts + np.array([len(w) for w in words], dtype=np.int64)
        cp = code_points("\n".join(words))
        head, short = packed_keys(cp, starts, ends)
        self.short = KeyTable()
        self.short.add(np.unique(head[short]), np.zeros(int(short.sum()), dtype=np.int64))
        medium = np.flatnonzero(~short)
        self.head, self.tail = head[medium], packed_keys(cp, starts[medium] + MAX_KEY_CHARS, ends[medium])[0]
        pairs = _pair(self.head, self.tail)
        order = np.argsort(pairs, kind="stable")
        self.medium = KeyTable()
        self.unique = len(np.unique(pairs)) == len(pairs)  # no two common words share a hash (else: strings)
        if self.unique:
            self.medium.add(pairs[order], order)

    def known(self, head: np.ndarray, tail: np.ndarray, medium: np.ndarray) -> np.ndarray:
        """Whether each a-z token (its first key ``head``, and for a ``medium`` token of nine to sixteen characters
        its second key ``tail``) is a common word."""
        out = np.zeros(len(head), dtype=bool)
        short = np.flatnonzero(~medium)
        out[short] = self.short.find(head[short]) >= 0
        mid = np.flatnonzero(medium)
        at = self.medium.find(_pair(head[mid], tail[mid]))
        hit = at >= 0
        out[mid[hit]] = (self.head[at[hit]] == head[mid[hit]]) & (self.tail[at[hit]] == tail[mid[hit]])
        return out


@lru_cache(maxsize=8)
def _common_keys(max_count: int, classes: tuple[str, ...] = ()) -> _CommonKeys:
    return _CommonKeys(_common_words(max_count, classes))


@lru_cache(maxsize=8)
def _hidden_rare(min_length: int, max_count: int, classes: tuple[str, ...] = ()) -> frozenset[str]:
    """Uncommon-looking tokens that are part of a longer common word ("xxxx" in a common "xxxx.yy"): where they
    stand only inside such words, :func:`._loaded_scan._uncommon_words` does not see them (it skips common white-space
    chunks). None with the packaged tables; :func:`uncommon_words_of` hands a text holding one to it."""
    common = _common_words(max_count, classes)
    return frozenset(t for w in common if not _AZ_TOKEN_RE.fullmatch(w) for t in TOKEN_RE.findall(w)
                     if t not in common and _AZ_TOKEN_RE.fullmatch(t) and _is_rare(t, min_length, common))


def _rare_tokens(block, min_length: int, table: _CommonKeys) -> np.ndarray:  # noqa: ANN001 - a Block
    """Indices of the block's tokens that may be uncommon: a-z and hyphens, at least ``min_length`` characters, not
    right after a joiner, and not common by their keys (tokens longer than sixteen characters: all of them)."""
    cp, starts, ends = block.cp, block.starts, block.ends
    cand = np.flatnonzero(ends - starts >= min_length)
    before = cp[np.maximum(starts[cand] - 1, 0)]
    cand = cand[(starts[cand] == 0) | ~np.isin(before, _JOINER_CODES)]
    data = key_bytes(cp)
    head, fits = packed_keys(cp, starts[cand], ends[cand], data)
    length = ends[cand] - starts[cand]
    longer = cand[~fits & (length > 2 * MAX_KEY_CHARS)]  # checked as strings
    keep = _az_bytes(head) & (fits | ((length <= 2 * MAX_KEY_CHARS) & no_zero_byte(head)))
    cand, head, fits = cand[keep], head[keep], fits[keep]
    medium = np.flatnonzero(~fits)
    tail = np.zeros(len(cand), dtype=np.uint64)
    tail[medium], tail_fits = packed_keys(cp, starts[cand[medium]] + MAX_KEY_CHARS, ends[cand[medium]], data)
    az = fits.copy()
    az[medium] = tail_fits & _az_bytes(tail[medium])
    if not table.unique:
        return np.sort(np.concatenate([cand[az & fits & ~table.known(head, tail, ~fits)], cand[az & ~fits], longer]))
    return np.sort(np.concatenate([cand[az & ~table.known(head, tail, ~fits)], longer]))


def uncommon_words_of(texts: Sequence[str], min_length: int, max_count: int,
                      classes: tuple[str, ...] = ()) -> list[list[tuple[int, int, str]]]:
    """:func:`._loaded_scan._uncommon_words` of each of ``texts`` (see the module docstring).

    Examples
    --------
    >>> uncommon_words_of(["A profligate, buffoonish fiefdom's anti-aircraft", "No."], 4, 5, ("common", "noun"))
    [[(2, 12, 'profligate'), (14, 24, 'buffoonish')], []]
    """
    common = _common_words(max_count, classes)
    table, hidden = _common_keys(max_count, classes), _hidden_rare(min_length, max_count, classes)
    verdict: dict[str, bool] = {}  # rare-looking token -> whether it is uncommon
    out: list[list[tuple[int, int, str]]] = []
    for b in blocks(texts):
        maybe = _rare_tokens(b, min_length, table)
        text_of = np.repeat(np.arange(len(b.per_text), dtype=np.int64), b.per_text)[maybe]
        rows: list[list[tuple[int, int, str]]] = [[] for _ in b.per_text]
        offsets = b.offsets.tolist()
        for k, a, e in zip(text_of.tolist(), b.starts[maybe].tolist(), b.ends[maybe].tolist()):
            w = b.text[a:e]
            ok = verdict.get(w)
            if ok is None:
                ok = verdict[w] = (bool(_AZ_TOKEN_RE.fullmatch(w)) and w not in common
                                   and _is_rare(w, min_length, common))
            if ok:
                rows[k].append((a - offsets[k], e - offsets[k], w))
        out += rows
    if hidden:  # exact for a text where a hidden token stands (never with the packaged tables)
        for k, rows in enumerate(out):
            if any(w in hidden for _, _, w in rows):
                out[k] = _uncommon_words(texts[k], min_length, max_count, classes)
    return out
