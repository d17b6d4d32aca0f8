"""Word lists ("lexicons") by name or from the user's own CSV files.

A lexicon file is a UTF-8 CSV with a header row and the columns

``term``
    A word or a multi-word phrase (``regime``, ``lash out``, ``so-called``).
``category``
    A lower-case name such as ``ideological_label`` or ``hedge``
    (letters, digits and ``_``).
``note``
    Why the term is listed (may be empty).
``source``
    Where the entry comes from (required: our own curation is a source too,
    but say so).
``match`` (optional)
    ``stem`` (default): every word is compared by its Snowball stem, so
    ``slam`` also finds ``slammed`` and ``slams``; ``exact``: the lower-cased
    word forms must match; ``case``: the word forms must match with case.

Lines starting with ``#`` are comments. Packaged lexicons live in
``framing/data/lexicons/<name>.csv`` and are read with
:mod:`importlib.resources`; :func:`available_lexicons` lists them.

A lexicon is compiled once into a :class:`CompiledLexicon`: a dictionary
keyed by the first word (exact form and stem) that holds the phrases
starting with that word. Matching is one left-to-right pass over the word
tokens of a text; at each token the longest phrase wins, exact forms beat
stems, and matches never overlap.
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from nltk.stem.snowball import SnowballStemmer

from .errors import LexiconError, where
from .text import TOKEN_RE

__all__ = [
    "LexiconEntry",
    "Lexicon",
    "CompiledLexicon",
    "LexiconMatch",
    "load_lexicon",
    "read_lexicon_csv",
    "available_lexicons",
    "merge_lexicons",
    "stem",
    "trie_regex",
]

REQUIRED_COLUMNS = ("term", "category", "note", "source")
MATCH_MODES = ("stem", "exact", "case")
_CATEGORY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_STEMMER = SnowballStemmer("english")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word; curly apostrophes count as ``'``.

    Examples
    --------
    >>> stem("Slammed"), stem("regimes"), stem("Turkey’s")
    ('slam', 'regim', 'turkey')
    """
    return _STEMMER.stem(word.lower().translate(_APOSTROPHES))


def _lower_same_length(text: str) -> str:
    """``text.lower()`` with the same offsets: the few characters that change length when lower-cased
    (e.g. U+0130) are kept as they are.

    Examples
    --------
    >>> _lower_same_length("Turkey’s \u0130zmir")
    'turkey’s \u0130zmir'
    """
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return low


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a lexicon file.

    Attributes
    ----------
    term : str
        Word or phrase as written in the file.
    category : str
        Category name.
    note : str
        Why the term is listed.
    source : str
        Provenance of the entry.
    match : str
        ``stem``, ``exact`` or ``case``.
    file : str
        File the entry was read from.
    line : int
        Line number (1-based) in that file.
    """

    term: str
    category: str
    note: str
    source: str
    match: str = "stem"
    file: str = "<input>"
    line: int = 0


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    """A lexicon hit: ``text[start:end]`` is the matched phrase."""

    start: int
    end: int
    entry: LexiconEntry


@dataclass(frozen=True)
class Lexicon:
    """A named, ordered collection of :class:`LexiconEntry`.

    Attributes
    ----------
    name : str
        Packaged name or file path.
    entries : tuple of LexiconEntry
        Rows in file order.
    """

    name: str
    entries: tuple[LexiconEntry, ...]

    @property
    def categories(self) -> tuple[str, ...]:
        """Categories in first-appearance order."""
        return tuple(dict.fromkeys(e.category for e in self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        cats = ", ".join(self.categories[:8]) + (" ..." if len(self.categories) > 8 else "")
        return f"<Lexicon {self.name!r}: {len(self.entries)} entries; categories: {cats}>"

    def compile(self) -> "CompiledLexicon":
        """Return the matcher of this lexicon (built once, then cached on it)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = CompiledLexicon(self)
            object.__setattr__(self, "_compiled", compiled)
        return compiled


def _words(term: str) -> list[str]:
    return [m.group() for m in TOKEN_RE.finditer(term)]


def _fail(path: str, line: int, field: str | None, what: str, fix: str) -> LexiconError:
    return LexiconError(f"{where(path, line, field)}: {what}. {fix}")


def read_lexicon_csv(source: str | Path | io.TextIOBase, *, name: str | None = None) -> Lexicon:
    """Read and validate a lexicon CSV.

    Parameters
    ----------
    source : str, Path or text stream
        Path of the CSV file, or an open text stream.
    name : str, optional
        Name used in error messages and in :attr:`Lexicon.name`.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        If the file is missing, a column is missing, or a row is bad
        (empty term, a term without words, bad category, empty source,
        unknown match mode, wrong number of fields, a duplicate term). The
        message names the file and line and says how to fix it.

    Examples
    --------
    >>> import io
    >>> lex = read_lexicon_csv(io.StringIO("term,category,note,source\\nslam,emotive,,own\\n"))
    >>> [(e.term, e.category, e.line) for e in lex]
    [('slam', 'emotive', 2)]
    """
    if isinstance(source, (str, Path)):
        path = str(source)
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise LexiconError(
                f"{path}: lexicon file not found. Give the path of a CSV file with the columns "
                f"{', '.join(REQUIRED_COLUMNS)}, or one of the packaged names {available_lexicons()}."
            ) from None
        except UnicodeDecodeError as exc:
            raise LexiconError(f"{path}: not UTF-8 ({exc}). Save the file as UTF-8.") from None
    else:
        path = name or "<input>"
        text = source.read()
    return _parse(text, name or path, path)


def _parse(text: str, name: str, path: str) -> Lexicon:
    lines = text.splitlines()
    numbered = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        raise LexiconError(
            f"{where(path, 1)}: empty lexicon. Add a header row '{','.join(REQUIRED_COLUMNS)}' and one row per term."
        )
    header_line, header_text = numbered[0]
    header = [h.strip().lower() for h in next(csv.reader([header_text]))]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise _fail(path, header_line, None, f"header {header} lacks the column(s) {missing}",
                    f"The header row must name the columns {', '.join(REQUIRED_COLUMNS)} (and optionally match).")
    idx = {h: i for i, h in enumerate(header)}
    entries: list[LexiconEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for lineno, row_text in numbered[1:]:
        fields = next(csv.reader([row_text]))
        if len(fields) < len(header) and all(h not in REQUIRED_COLUMNS for h in header[len(fields):]):
            fields = fields + [""] * (len(header) - len(fields))  # optional trailing columns left out
        if len(fields) != len(header):
            raise _fail(path, lineno, None, f"{len(fields)} fields where the header has {len(header)}",
                        "Quote fields that contain commas with double quotes.")
        rec = {h: fields[i].strip() for h, i in idx.items()}
        term, category, source = rec["term"], rec["category"], rec["source"]
        match = rec.get("match", "") or "stem"
        if not term or not _words(term):
            raise _fail(path, lineno, "term", f"term {term!r} has no word in it",
                        "Write a word or phrase, e.g. 'regime' or 'lash out'.")
        if not _CATEGORY_RE.match(category):
            raise _fail(path, lineno, "category", f"category {category!r} is not a lower-case name",
                        "Use letters, digits and '_', e.g. 'ideological_label'.")
        if not source:
            raise _fail(path, lineno, "source", f"term {term!r} has no source",
                        "Say where the entry comes from (e.g. 'own curation 2026-11').")
        if match not in MATCH_MODES:
            raise _fail(path, lineno, "match", f"match mode {match!r} is unknown",
                        f"Use one of {', '.join(MATCH_MODES)} or leave it empty (stem).")
        key = (term.lower(), match)
        if key in seen:
            raise _fail(path, lineno, "term", f"term {term!r} is listed twice (first on line {seen[key]})",
                        "Keep one row per term.")
        seen[key] = lineno
        entries.append(LexiconEntry(term, category, rec["note"], source, match, path, lineno))
    return Lexicon(name, tuple(entries))


def available_lexicons() -> list[str]:
    """Names of the packaged lexicons (``framing/data/lexicons/*.csv``).

    Examples
    --------
    >>> "loaded" in available_lexicons()
    True
    """
    folder = resources.files("framing.data").joinpath("lexicons")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv") and _has_schema(p))


def _has_schema(res) -> bool:  # noqa: ANN001 - a Traversable
    """True when the file's header names the lexicon columns (other data CSVs share the folder)."""
    try:
        with res.open("r", encoding="utf-8-sig") as f:
            for line in f:
                if line.strip() and not line.lstrip().startswith("#"):
                    cols = {c.strip().lower() for c in next(csv.reader([line]))}
                    return set(REQUIRED_COLUMNS) <= cols
    except (OSError, UnicodeDecodeError, StopIteration):
        return False
    return False


@lru_cache(maxsize=64)
def _is_packaged(name: str) -> bool:
    if not re.fullmatch(r"[A-Za-z0-9_\-]+", name):
        return False
    return name in available_lexicons()


@lru_cache(maxsize=32)
def _packaged(name: str) -> Lexicon:
    res = resources.files("framing.data").joinpath("lexicons", f"{name}.csv")
    return _parse(res.read_text(encoding="utf-8-sig"), name, f"framing/data/lexicons/{name}.csv")


def load_lexicon(name_or_path: str | Path | Lexicon = "loaded") -> Lexicon:
    """Load a packaged lexicon by name, or a user lexicon from a CSV path.

    Parameters
    ----------
    name_or_path : str, Path or Lexicon
        A packaged name (see :func:`available_lexicons`), a path to a CSV
        file, or a :class:`Lexicon` (returned unchanged).

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        Unknown name, missing file or bad row (file and line in the message).

    Examples
    --------
    >>> lex = load_lexicon("loaded")
    >>> "ideological_label" in lex.categories
    True
    """
    if isinstance(name_or_path, Lexicon):
        return name_or_path
    if isinstance(name_or_path, str) and _is_packaged(name_or_path):
        return _packaged(name_or_path)
    p = Path(name_or_path)
    if p.suffix.lower() != ".csv" and not p.exists():
        raise LexiconError(
            f"{name_or_path}: no packaged lexicon of that name and no such file. "
            f"Use one of {available_lexicons()} or the path of a CSV file."
        )
    return _read_cached(str(p.resolve()), p.stat().st_mtime_ns if p.exists() else 0)


@lru_cache(maxsize=32)
def _read_cached(path: str, mtime: int) -> Lexicon:
    return read_lexicon_csv(path)


def merge_lexicons(lexicons: Iterable[str | Path | Lexicon], name: str | None = None) -> Lexicon:
    """Concatenate lexicons; for a term listed twice the first one wins.

    Examples
    --------
    >>> import io
    >>> extra = read_lexicon_csv(io.StringIO("term,category,note,source\\nsultan,dysphemism,,own\\n"), name="extra")
    >>> merged = merge_lexicons(["loaded", extra])
    >>> len(merged) == len(load_lexicon("loaded")) + 1
    True
    """
    lexs = [load_lexicon(x) for x in lexicons]
    seen: set[tuple[str, str]] = set()
    out: list[LexiconEntry] = []
    for lex in lexs:
        for e in lex:
            k = (e.term.lower(), e.match)
            if k not in seen:
                seen.add(k)
                out.append(e)
    return Lexicon(name or "+".join(x.name for x in lexs), tuple(out))


_Pattern = tuple[tuple[str, ...], LexiconEntry, int]  # (keys, entry, priority)


def _form(m: re.Match[str]) -> str:
    return m.group()


def _lower(m: re.Match[str]) -> str:
    return m.group().lower().translate(_APOSTROPHES)


def _stem_of(m: re.Match[str]) -> str:
    return stem(m.group())


_GAP = "\x01"  # between the words of a phrase: any non-word characters
_WORD_END = "\x02"  # the word must end here
_REST = "\x03"  # the rest of an inflected word
_SPECIAL = {_GAP: r"[\W_]+", _WORD_END: r"(?!\w)", _REST: r"[\w'\u2019.-]*"}


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (fast in :mod:`re`).

    Examples
    --------
    >>> trie_regex(["slam", "slur", "sham"])
    '(?:s(?:ham|l(?:am|ur)))'
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        kids = sorted(k for k in node if k)
        if not kids:
            return ""
        alts = [_SPECIAL.get(k, re.escape(k)) + build(node[k]) for k in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + "|)"  # same as "(?:body)?", but a plain branch is faster in re than a repeat
        return body

    return "(?:" + build(trie) + ")"


_PHRASE = object()  # CompiledLexicon._one_word: a phrase may start here
_NOT_CACHED = object()  # CompiledLexicon._by_token: token not seen yet
_TOKEN_CACHE_MAX = 100_000


class CompiledLexicon:
    """Matcher of a :class:`Lexicon`: one pass over the tokens of a text.

    Build it with :meth:`Lexicon.compile` (cached per lexicon).
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # three indexes: case-sensitive forms, lower-case forms, stems
        self._case: dict[str, list[_Pattern]] = {}
        self._exact: dict[str, list[_Pattern]] = {}
        self._stem: dict[str, list[_Pattern]] = {}
        self.max_len = 1
        for order, e in enumerate(lexicon.entries):
            words = _words(e.term)
            self.max_len = max(self.max_len, len(words))
            if e.match == "case":
                keys, index = tuple(words), self._case
            elif e.match == "exact":
                keys, index = tuple(w.lower().translate(_APOSTROPHES) for w in words), self._exact
            else:
                keys, index = tuple(stem(w) for w in words), self._stem
            index.setdefault(keys[0], []).append((keys, e, order))
            if e.match == "stem":
                # the exact word form of a stem entry beats another entry's stem
                low = tuple(w.lower().translate(_APOSTROPHES) for w in words)
                self._exact.setdefault(low[0], []).append((low, e, order))
        prefixes: set[str] = set()
        for e in lexicon.entries:
            parts = []
            for w in _words(e.term):
                low = w.lower().translate(_APOSTROPHES)
                if e.match == "stem":
                    # inflected forms start with the common prefix of the word and its stem (defy/defi -> def)
                    parts.append(os.path.commonprefix([low, stem(w)]) or low[:1])
                else:
                    parts.append(low + _WORD_END)
            prefixes.add((_REST + _GAP).join(parts) if e.match == "stem" else _GAP.join(parts))
        # The prefilter "(?<!\w)trie", written as its matches after a non-word character (group 1; see
        # _prefilter_spans). One regex: compiling the large trie is a good part of building the matcher.
        self._trie = trie_regex(prefixes) if prefixes else ""  # regex source of the trie
        self._prefilter: re.Pattern[str] | None = re.compile(r"\W(?=(" + self._trie + "))") if self._trie else None
        for index in (self._case, self._exact, self._stem):
            for k in index:
                # longest phrase first, then file order
                index[k].sort(key=lambda p: (-len(p[0]), p[2]))
        # first token (as written) -> its one-word entry, None or _PHRASE (phrases start with it: read on)
        self._by_token: dict[str, LexiconEntry | object | None] = {}

    def _one_word(self, token: str) -> LexiconEntry | object | None:
        """What :meth:`finditer` finds at ``token`` when no phrase starts with it: the first entry of the
        first index (case, exact, stem) that holds the token, None if none does; ``_PHRASE`` if one of
        them holds a phrase starting with the token (the following tokens decide)."""
        found: LexiconEntry | None = None
        for index, key in ((self._case, token), (self._exact, token.lower().translate(_APOSTROPHES)),
                           (self._stem, stem(token))):
            cands = index.get(key) if index else None
            if not cands:
                continue
            if any(len(keys) > 1 for keys, _, _ in cands):
                return _PHRASE
            if found is None:
                found = cands[0][1]
        return found

    def finditer(self, text: str) -> Iterator[LexiconMatch]:
        """Yield non-overlapping matches in text order.

        A single prefilter regex (a trie of the first words' prefixes) finds
        candidate words in C; only those are stemmed and checked, so the cost
        is one regex scan plus a little work per candidate.

        Examples
        --------
        >>> m = load_lexicon("loaded").compile()
        >>> [(text[x.start:x.end], x.entry.category) for text in ["Critics slammed the regime."]
        ...  for x in m.finditer(text)]
        [('slammed', 'emotive'), ('regime', 'ideological_label')]
        """
        for start, end, entry in self._spans(text):
            yield LexiconMatch(start, end, entry)

    def _prefilter_spans(self, low_text: str) -> list[tuple[int, int]]:
        r"""Spans of the matches of the prefilter ``(?<!\w)trie`` in ``low_text``, as ``re.finditer`` gives them.

        With the lookbehind first, ``re`` would attempt a match at every position of the text; a
        leading ``\W`` instead lets its C search loop skip the word characters. The trie sits in a
        lookahead, so that each match consumes only that one character and no start is passed over;
        starts inside the previous match are then skipped, as ``finditer`` skips them. The text is
        read with a space in front (a non-word character, as the text start is for ``(?<!\w)``), so
        a match at the start needs no second regex; offsets are shifted back by one.
        """
        out: list[tuple[int, int]] = []
        prev = 1
        for m in self._prefilter.finditer(" " + low_text):  # type: ignore[union-attr]
            start, end = m.span(1)
            if start >= prev:
                out.append((start - 1, end - 1))
                prev = end
        return out

    def _spans(self, text: str, low_text: str | None = None) -> list[tuple[int, int, LexiconEntry]]:
        """The matches of :meth:`finditer` as ``(start, end, entry)`` tuples (no match objects).

        ``low_text`` is ``_lower_same_length(text)`` when the caller has it already.
        """
        out: list[tuple[int, int, LexiconEntry]] = []
        if self._prefilter is None or not text:
            return out
        token_at = TOKEN_RE.match
        token_after = TOKEN_RE.search
        case_i, exact_i, stem_i = self._case, self._exact, self._stem
        last_end = 0
        # scan a lower-cased copy (same offsets) with a case-sensitive regex: much faster than IGNORECASE
        if low_text is None:
            low_text = _lower_same_length(text)
        lookups = [(index, get) for index, get in ((case_i, _form), (exact_i, _lower), (stem_i, _stem_of)) if index]
        by_token = self._by_token
        for pos, _ in self._prefilter_spans(low_text):
            if pos < last_end:
                continue
            if pos >= 2 and text[pos - 1] in "-'\u2019." and (text[pos - 2].isalnum() or text[pos - 2] == "_"):
                continue  # inside a token such as "anti-science"
            first = token_at(text, pos)
            if first is None:
                continue
            # most candidates are single words: their result depends on the token only (cached)
            token = first.group()
            one = by_token.get(token, _NOT_CACHED)
            if one is _NOT_CACHED:
                if len(by_token) >= _TOKEN_CACHE_MAX:
                    by_token.clear()
                one = by_token[token] = self._one_word(token)
            if one is None:
                continue
            if one is not _PHRASE:
                last_end = first.end()
                out.append((pos, last_end, one))  # type: ignore[arg-type]
                continue
            toks: list[re.Match[str]] | None = None  # the following tokens, read only for phrases
            best_len = 0
            best_entry: LexiconEntry | None = None
            for index, get in lookups:
                cands = index.get(get(first))
                if not cands:
                    continue
                for keys, entry, _ in cands:
                    L = len(keys)
                    if L <= best_len:
                        continue
                    if L > 1:
                        if toks is None:
                            toks = [first]
                        ok = True
                        for k in range(1, L):
                            while len(toks) <= k:
                                nxt = token_after(text, toks[-1].end())
                                if nxt is None:
                                    break
                                toks.append(nxt)
                            if len(toks) <= k or get(toks[k]) != keys[k]:
                                ok = False
                                break
                        if not ok:
                            continue
                    best_len, best_entry = L, entry
                    break
            if best_entry is None:
                continue
            end = first.end() if best_len == 1 else toks[best_len - 1].end()  # type: ignore[index]
            last_end = end
            out.append((pos, end, best_entry))
        return out

    def find(self, text: str) -> list[LexiconMatch]:
        """All matches of :meth:`finditer` as a list."""
        return list(self.finditer(text))


def _as_lexicon(lexicon: str | Path | Lexicon | Sequence[str | Path | Lexicon] | None) -> Lexicon:
    """Normalise the ``lexicon=`` argument of the analyzers."""
    if lexicon is None:
        return load_lexicon("loaded")
    if isinstance(lexicon, (str, Path, Lexicon)):
        return load_lexicon(lexicon)
    return merge_lexicons(lexicon)
