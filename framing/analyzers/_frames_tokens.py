"""Cue tokens of a text as arrays, for the fast path of :func:`framing.frames` (:mod:`._frames_fast`).

The cue tokens (:data:`._frame_cues._TOKEN_RE`: runs of word characters joined by single apostrophes, and each
``$ £ € %`` on its own) are found with numpy over the text's code points instead of a regex and a Python string per
token: each code point gets a class (word character as ``re``'s ``\\w`` reads it, apostrophe, currency sign), a
token starts where a run of word characters (and apostrophes between two of them) starts, or at a currency sign.
A token of at most eight characters below U+00FF is then one 64-bit integer (its characters plus one, a byte each),
so it is looked up by ``searchsorted`` in a sorted table of the tokens seen before (:class:`KeyTable`); only the
longer or wider tokens are cut out of the text as strings. ``tests/analyzers/test_frames_fast.py`` checks the
offsets against ``_TOKEN_RE.finditer``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["KeyTable", "token_bounds", "packed_keys"]

_WORD_CHAR_RE = re.compile(r"\w")
_WORD, _APOSTROPHE, _CURRENCY = 1, 2, 4
#: The longest token that fits in one key.
MAX_KEY_CHARS = 8
#: ``(1 << 8 * n) - 1``: the bytes of the first ``n`` characters of a key.
_MASKS = np.array([(1 << 8 * n) - 1 for n in range(MAX_KEY_CHARS + 1)], dtype=np.uint64)
_ONES, _HIGHS = np.uint64(0x0101010101010101), np.uint64(0x8080808080808080)


def _char_class(c: str) -> int:
    """What ``c`` can be in a cue token: a word character, an apostrophe, a currency sign (bits), or nothing."""
    return ((_WORD if _WORD_CHAR_RE.match(c) else 0) | (_APOSTROPHE if c in "'’" else 0)
            | (_CURRENCY if c in "$£€%" else 0))


@lru_cache(maxsize=1)
def _latin_classes() -> np.ndarray:
    """:func:`_char_class` of the code points below 256."""
    return np.array([_char_class(chr(c)) for c in range(256)], dtype=np.uint8)


def _classes(cp: np.ndarray) -> np.ndarray:
    """:func:`_char_class` of each code point (the few distinct ones above U+00FF are asked one by one)."""
    cls = _latin_classes()[np.minimum(cp, 255)]
    high = np.flatnonzero(cp > 255)
    if len(high):
        chars, inverse = np.unique(cp[high], return_inverse=True)
        cls[high] = np.array([_char_class(chr(c)) for c in chars.tolist()], dtype=np.uint8)[inverse]
    return cls


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` (one per character, lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def token_bounds(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the cue tokens of a text given by its code points ``cp``, in text order.

    Examples
    --------
    >>> [a.tolist() for a in token_bounds(code_points("don't pay $5'"))]
    [[0, 6, 10, 11], [5, 9, 11, 12]]
    """
    cls = _classes(cp)
    word = (cls & _WORD) != 0
    inside = word.copy()  # word characters, and apostrophes with a word character on both sides
    if len(cp) > 2:
        inside[1:-1] |= ((cls[1:-1] & _APOSTROPHE) != 0) & word[:-2] & word[2:]
    currency = (cls & _CURRENCY) != 0
    first = inside.copy()
    first[1:] &= ~inside[:-1]
    last = inside.copy()
    last[:-1] &= ~inside[1:]
    after = np.zeros(len(cp) + 1, dtype=bool)  # a token ends before these offsets (tokens never share an end)
    after[1:] = last | currency
    return np.flatnonzero(first | currency), np.flatnonzero(after)


def packed_keys(cp: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each token's key (its code points plus one, a byte each, first character lowest) and whether it fits
    (at most :data:`MAX_KEY_CHARS` characters, all below U+00FF): two tokens that fit are equal exactly when their
    keys are."""
    padded = np.zeros(len(cp) + MAX_KEY_CHARS, dtype=np.uint8)
    padded[:len(cp)] = np.where(cp < 255, cp + 1, 0)  # a zero byte marks a character from U+00FF up
    # an unaligned little-endian 64-bit view at every offset: the eight bytes from each character on
    at = np.ndarray((len(cp),), dtype="<u8", buffer=padded, strides=(1,))
    length = ends - starts
    mask = _MASKS[np.minimum(length, MAX_KEY_CHARS)]
    key = at[starts] & mask
    # the token's bytes, the ones after it set: a zero byte among them (the bit trick of "haszero") is a wide character
    v = key | ~mask
    fits = (length <= MAX_KEY_CHARS) & (((v - _ONES) & ~v & _HIGHS) == 0)
    return key, fits


#: Fibonacci hashing multiplier (2**64 / golden ratio, odd) of :class:`KeyTable`.
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


class KeyTable:
    """Keys of :func:`packed_keys` and the id of each (the ids come from elsewhere): sorted, for ``searchsorted``,
    and in a direct-mapped hash table of about four slots per key in front of it (a key alone in its slot is found
    with one gather; keys that share a slot, and keys not in the table, are looked up in the sorted arrays)."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)
        self.ids = np.zeros(0, dtype=np.int64)
        self._shift = np.uint64(64)
        self._slot_keys = np.zeros(1, dtype=np.uint64)
        self._slot_ids = np.full(1, -1, dtype=np.int64)

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * _GOLDEN) >> self._shift).astype(np.int64) if len(self.keys) else np.zeros(len(keys), np.int64)

    def _sorted_find(self, keys: np.ndarray) -> np.ndarray:
        if not len(self.keys):
            return np.full(len(keys), -1, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[pos] == keys, self.ids[pos], -1)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The id of each of ``keys``, -1 for a key not in the table."""
        slot = self._slots(keys)
        got = np.where(self._slot_keys[slot] == keys, self._slot_ids[slot], -1)
        miss = np.flatnonzero(got < 0)
        if len(miss):
            got[miss] = self._sorted_find(keys[miss])
        return got

    def add(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Remember ``ids`` for ``keys`` (sorted, distinct, none in the table)."""
        at = np.searchsorted(self.keys, keys)
        self.keys = np.insert(self.keys, at, keys)
        self.ids = np.insert(self.ids, at, ids)
        bits = max(10, int(4 * len(self.keys)).bit_length())
        self._shift = np.uint64(64 - bits)
        slot = self._slots(self.keys)
        used, first, count = np.unique(slot, return_index=True, return_counts=True)
        alone = count == 1
        self._slot_keys = np.zeros(1 << bits, dtype=np.uint64)  # key 0 is no token's (every byte of one is >= 1)
        self._slot_ids = np.full(1 << bits, -1, dtype=np.int64)
        self._slot_keys[used[alone]] = self.keys[first[alone]]
        self._slot_ids[used[alone]] = self.ids[first[alone]]
