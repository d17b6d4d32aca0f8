"""Word tokens of a text as arrays (numpy over its code points): the cue tokens of :func:`framing.frames`
(:mod:`framing.analyzers._frames_fast`) and the :data:`framing.text.TOKEN_RE` tokens of
:func:`framing.distinctive_terms` and of the word counts (:func:`framing.text.word_counts`).

Both kinds of token are runs of word characters joined by single joiner characters (cue tokens: apostrophes,
``TOKEN_RE``: ``- ' ’ .``), cue tokens also each ``$ £ € %`` on its own. They are found with numpy over the text's
code points instead of a regex and a Python string per token: each code point gets a class (word character as
``re``'s ``\\w`` reads it, joiner, single), a token starts where a run of word characters (and joiners between two of
them) starts, or at a single. A token of at most eight characters below U+00FF is then one 64-bit integer (its
characters plus one, a byte each), so it is looked up by ``searchsorted`` in a sorted table of the tokens seen before
(:class:`KeyTable`) or counted by its key; only the longer or wider tokens are cut out of the text as strings.
``tests/analyzers/test_frames_fast.py`` checks the offsets against the two regexes, ``tests/test_text.py`` the
word counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

import numpy as np

__all__ = ["KeyTable", "token_bounds", "packed_keys", "key_bytes", "no_zero_byte", "code_points", "Block", "blocks",
           "CUE_JOINERS", "CUE_SINGLES", "WORD_JOINERS", "GOLDEN"]

_WORD_CHAR_RE = re.compile(r"\w")
_WORD, _JOINER, _SINGLE = 1, 2, 4
#: Joiners and singles of the cue tokens of :mod:`framing.analyzers._frame_cues` (``_TOKEN_RE``).
CUE_JOINERS, CUE_SINGLES = "'’", "$£€%"
#: Joiners of :data:`framing.text.TOKEN_RE` (``\\w++(?:[-'’.]\\w++)*+``; no singles).
WORD_JOINERS = "-'’."
#: The longest token that fits in one key.
MAX_KEY_CHARS = 8
#: ``(1 << 8 * n) - 1``: the bytes of the first ``n`` characters of a key.
_MASKS = np.array([(1 << 8 * n) - 1 for n in range(MAX_KEY_CHARS + 1)], dtype=np.uint64)
_ONES, _HIGHS = np.uint64(0x0101010101010101), np.uint64(0x8080808080808080)


def _char_class(c: str, joiners: str, singles: str) -> int:
    """What ``c`` can be in a token: a word character, a joiner, a single (bits), or nothing."""
    return ((_WORD if _WORD_CHAR_RE.match(c) else 0) | (_JOINER if c in joiners else 0)
            | (_SINGLE if c in singles else 0))


@lru_cache(maxsize=4)
def _latin_classes(joiners: str, singles: str) -> np.ndarray:
    """:func:`_char_class` of the code points below 256."""
    return np.array([_char_class(chr(c), joiners, singles) for c in range(256)], dtype=np.uint8)


def _classes(cp: np.ndarray, joiners: str, singles: str) -> np.ndarray:
    """:func:`_char_class` of each code point (the few distinct ones above U+00FF are asked one by one)."""
    cls = _latin_classes(joiners, singles)[np.minimum(cp, 255)]
    high = np.flatnonzero(cp > 255)
    if len(high):
        chars, inverse = np.unique(cp[high], return_inverse=True)
        cls[high] = np.array([_char_class(chr(c), joiners, singles) for c in chars.tolist()], dtype=np.uint8)[inverse]
    return cls


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` (one per character, lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def token_bounds(cp: np.ndarray, joiners: str = CUE_JOINERS,
                 singles: str = CUE_SINGLES) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the tokens of a text given by its code points ``cp``, in text order: runs of word
    characters joined by single ``joiners`` (each between two word characters), and each of ``singles`` alone. The
    defaults give the cue tokens of :mod:`framing.analyzers._frame_cues`; :data:`WORD_JOINERS` and no singles those of
    :data:`framing.text.TOKEN_RE`.

    Examples
    --------
    >>> [a.tolist() for a in token_bounds(code_points("don't pay $5'"))]
    [[0, 6, 10, 11], [5, 9, 11, 12]]
    >>> [a.tolist() for a in token_bounds(code_points("U.S.-led S-400 x--y"), WORD_JOINERS, "")]
    [[0, 5, 9, 15, 18], [3, 8, 14, 16, 19]]
    """
    cls = _classes(cp, joiners, singles)
    word = (cls & _WORD) != 0
    inside = word.copy()  # word characters, and joiners with a word character on both sides
    if len(cp) > 2:
        inside[1:-1] |= ((cls[1:-1] & _JOINER) != 0) & word[:-2] & word[2:]
    currency = (cls & _SINGLE) != 0
    first = inside.copy()
    first[1:] &= ~inside[:-1]
    last = inside.copy()
    last[:-1] &= ~inside[1:]
    after = np.zeros(len(cp) + 1, dtype=bool)  # a token ends before these offsets (tokens never share an end)
    after[1:] = last | currency
    return np.flatnonzero(first | currency), np.flatnonzero(after)


#: Texts tokenised at a time by :func:`blocks` (bounds the memory of the code point arrays).
BLOCK_TEXTS = 256


@dataclass
class Block:
    """Texts joined by line breaks (``text``; a line break is no word character nor joiner, so no token crosses one),
    its code points ``cp``, the ``starts, ends`` of its tokens, the number of tokens of each text ``per_text`` and
    where each text starts in ``text`` (``offsets``)."""

    text: str
    cp: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    per_text: np.ndarray
    offsets: np.ndarray


def blocks(texts: Sequence[str], joiners: str = WORD_JOINERS, singles: str = "",
           size: int | None = None) -> Iterator[Block]:
    """The tokens (:func:`token_bounds`) of ``texts``, :data:`BLOCK_TEXTS` (or ``size``) texts at a time.

    Examples
    --------
    >>> [b.per_text.tolist() for b in blocks(["U.S.-led talks", "", "S-400 deal's end"], size=2)]
    [[3, 0], [3]]
    """
    size = size or BLOCK_TEXTS
    for i in range(0, len(texts), size):
        part = texts[i:i + size]
        text = "\n".join(part)
        cp = code_points(text)
        starts, ends = token_bounds(cp, joiners, singles)
        first = np.cumsum([0] + [len(t) + 1 for t in part[:-1]], dtype=np.int64)
        per_text = np.diff(np.append(np.searchsorted(starts, first), len(starts)))
        yield Block(text, cp, starts, ends, per_text, first)


def key_bytes(cp: np.ndarray) -> np.ndarray:
    """The bytes the keys of :func:`packed_keys` are made of: each code point plus one, zero for a code point from
    U+00FF up (a wide character), and :data:`MAX_KEY_CHARS` zero bytes after the text."""
    data = np.zeros(len(cp) + MAX_KEY_CHARS, dtype=np.uint8)
    data[:len(cp)] = np.minimum(cp, 255)
    data += 1  # 255 + 1 wraps round to 0 in uint8
    data[len(cp):] = 0
    return data


def no_zero_byte(v: np.ndarray) -> np.ndarray:
    """Whether each 64-bit ``v`` has no zero byte (the bit trick of "haszero")."""
    return ((v - _ONES) & ~v & _HIGHS) == 0


def packed_keys(cp: np.ndarray, starts: np.ndarray, ends: np.ndarray,
                data: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each token's key (its code points plus one, a byte each, first character lowest; of its first
    :data:`MAX_KEY_CHARS` characters for a longer token) and whether it fits (at most :data:`MAX_KEY_CHARS`
    characters, all below U+00FF): two tokens that fit are equal exactly when their keys are. ``data`` is
    :func:`key_bytes` of ``cp`` when the caller has it."""
    data = key_bytes(cp) if data is None else data
    # an unaligned little-endian 64-bit view at every offset: the eight bytes from each character on
    at = np.ndarray((len(cp),), dtype="<u8", buffer=data, strides=(1,))
    length = ends - starts
    mask = _MASKS[np.minimum(length, MAX_KEY_CHARS)]
    key = at[starts] & mask
    # the token's bytes, the ones after it set: a zero byte among them is a wide character
    fits = (length <= MAX_KEY_CHARS) & no_zero_byte(key | ~mask)
    return key, fits


#: Fibonacci hashing multiplier (2**64 / golden ratio, odd) of :class:`KeyTable`, and of keys hashed together
#: elsewhere (:mod:`framing.analyzers._loaded_uncommon`).
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


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
        return ((keys * GOLDEN) >> self._shift).astype(np.int64) if len(self.keys) else np.zeros(len(keys), np.int64)

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
