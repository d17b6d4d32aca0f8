"""Articles and corpora, and the loaders that read them.

A corpus can come from

- a folder with ``manifest.yaml`` (the curated form, see ``corpora/s400``),
- a ``.jsonl`` file (one article per line) or a ``.csv`` file, with keys or
  columns ``id, outlet, text`` and optional ``title, date, author, url``,
- a pandas DataFrame (:meth:`Corpus.from_frame`) or a list of dicts
  (:meth:`Corpus.from_records`).

Every article's raw text is cleaned by :func:`framing.clean.clean_text`;
analyzers work on the cleaned text and their offsets point into it.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import logging
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import yaml

from .actors import Actor, actors_from_records, load_actors
from .clean import CleanResult, RemovedLine, clean_text
from .errors import CorpusError, FramingWarning, where
from .io import safe_load_yaml
from .dates import parse_date
from .outlets import Outlet, OutletRegistry, default_registry, normalize_domain
from .text import Span, looks_english, paragraph_spans, sentence_spans, word_count, word_counts

__all__ = ["Article", "Corpus", "LoadReport", "load_corpus", "read_text_file", "parse_article_date",
           "FramingWarning"]

log = logging.getLogger(__name__)




@dataclass(frozen=True)
class Article:
    """One news article.

    Attributes
    ----------
    id : str
        Unique id within the corpus.
    outlet : str
        Outlet key (registry key, or a slug of the name for unregistered outlets).
    raw : str
        The text as read.
    text : str
        Cleaned text; every analyzer offset points into it.
    title, author, url : str or None
    date : datetime.date or None
    date_approximate : bool
        True when the date is known only roughly (month, year, or inferred).
    removed : tuple of RemovedLine
        Lines the cleaner removed, each with its reason.
    meta : dict
        Any other fields from the manifest or input row.
    """

    id: str
    outlet: str
    raw: str
    text: str
    title: str | None = None
    date: _dt.date | None = None
    date_approximate: bool = False
    author: str | None = None
    url: str | None = None
    removed: tuple[RemovedLine, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Paragraph spans of :attr:`text`."""
        return tuple(paragraph_spans(self.text))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans of :attr:`text` (Punkt, never across paragraphs)."""
        return tuple(sentence_spans(self.text, list(self.paragraphs)))

    @cached_property
    def n_sentences(self) -> int:
        """Number of sentences in :attr:`text` (``len(self.sentences)``; a worker process that
        split the text may fill it in so the parent need not split it again)."""
        return len(self.sentences)

    def __repr__(self) -> str:
        from .display import article_repr

        return article_repr(self)

    @cached_property
    def n_words(self) -> int:
        """Number of word tokens in :attr:`text` (:func:`article_word_counts` fills it for many articles at
        once)."""
        return word_count(self.text)

    @cached_property
    def is_english(self) -> bool:
        """:func:`framing.text.looks_english` of :attr:`text`, computed once (the loader's warning and
        the report's caveat both read it)."""
        return looks_english(self.text)

    @classmethod
    def from_raw(cls, id: str, outlet: str, raw: str, *, clean: bool = True, **fields: Any) -> "Article":
        """Build an article from raw text, cleaning it and filling title/author/date from the header
        where the caller gave none."""
        if clean:
            res = clean_text(raw)
        else:
            res = CleanResult(raw, ())
        for name, found in (("title", res.title), ("author", res.author), ("date", res.date), ("url", res.url)):
            if fields.get(name) in (None, "") and found is not None:
                fields[name] = found
        return cls(id=id, outlet=outlet, raw=raw, text=res.text, removed=res.removed, **fields)


def article_word_counts(articles: Sequence[Article]) -> list[int]:
    """:attr:`Article.n_words` of each article: those of :class:`Article` objects not known yet are counted at once
    (:func:`framing.text.word_counts`, numpy over blocks of texts) and remembered on their articles, as the
    cached property does, so the ``article_counts`` and ``quoted_words`` analyzers count each text once.

    Examples
    --------
    >>> a = Article("a", "rt", "", "NATO's chief said: 'difficult'.")
    >>> article_word_counts([a]), a.n_words
    ([4], 4)
    """
    missing = [a for a in articles if isinstance(a, Article) and "n_words" not in a.__dict__]
    for a, n in zip(missing, word_counts([a.text for a in missing])):
        a.__dict__["n_words"] = n  # the slot functools.cached_property fills (a frozen dataclass allows it)
    return [a.n_words for a in articles]


@dataclass(frozen=True)
class Corpus:
    """An ordered collection of articles about one story.

    Attributes
    ----------
    articles : tuple of Article
    outlets : dict
        Outlet key -> :class:`framing.outlets.Outlet` for every outlet in the corpus.
    actors : tuple of Actor
        Story actors (from ``actors.yaml``), used to resolve speakers and targets.
    story : str
        Short description of the story.
    path : Path or None
        Where the corpus was read from.
    """

    articles: tuple[Article, ...]
    outlets: Mapping[str, Outlet] = field(default_factory=dict)
    actors: tuple[Actor, ...] = ()
    story: str = ""
    path: Path | None = None

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, i: int) -> Article:
        return self.articles[i]

    def __repr__(self) -> str:
        from .display import corpus_repr

        return corpus_repr(self)

    def _repr_html_(self) -> str:
        from .display import corpus_html

        return corpus_html(self)

    @property
    def outlet_keys(self) -> tuple[str, ...]:
        """Outlet keys in order of first appearance."""
        return tuple(dict.fromkeys(a.outlet for a in self.articles))

    @property
    def stories(self) -> tuple[str, ...]:
        """The stories of the corpus in order of first appearance: each article's ``story`` field
        (manifest, JSONL, CSV or DataFrame column), else the corpus's story.

        Examples
        --------
        >>> c = Corpus.from_records([{"id": "a", "outlet": "cbc", "text": "x", "story": "s-400"},
        ...                          {"id": "b", "outlet": "rt", "text": "y", "story": "f-35"}])
        >>> c.stories
        ('s-400', 'f-35')
        """
        return tuple(dict.fromkeys(self.story_of(a) for a in self.articles))

    def story_of(self, article: Article) -> str:
        """The story an article belongs to (its ``story`` field, else the corpus's story)."""
        own = article.meta.get("story") if article.meta else None
        return str(own) if own not in (None, "") else str(self.story or "")

    def outlet(self, key: str) -> Outlet:
        """The :class:`Outlet` for a key of this corpus."""
        return self.outlets.get(key) or default_registry().get(key)

    def to_frame(self, counts: Any = None):
        """One row per article with outlet metadata joined.

        Parameters
        ----------
        counts : DataFrame, optional
            An ``article_counts`` table (``article_id, n_words, n_sentences``) found while analysing
            the articles; without it the texts are tokenised here.

        Returns
        -------
        pandas.DataFrame
            Columns ``article_id, outlet, title, date, date_approximate, author, url,
            n_chars, n_words, n_sentences, n_removed_lines`` followed by the outlet's
            facts (``name, country, languages, type, owner, funding,
            state_affiliation, state_affiliation_basis, founded, domains, notes, registered``).
        """
        import pandas as pd

        known: dict[str, tuple[int, int]] = {} if counts is None else dict(
            zip(counts["article_id"], zip(counts["n_words"].tolist(), counts["n_sentences"].tolist())))

        rows = []
        facts_of: dict[str, dict[str, Any]] = {}
        for a in self.articles:
            facts = facts_of.get(a.outlet)
            if facts is None:  # one look-up per outlet, not per article
                facts = facts_of[a.outlet] = self.outlet(a.outlet).facts()
                facts.pop("outlet")
            rows.append({
                "article_id": a.id, "outlet": a.outlet, "story": self.story_of(a), "title": a.title, "date": a.date,
                "date_approximate": a.date_approximate, "author": a.author, "url": a.url,
                "n_chars": len(a.text), "n_words": known[a.id][0] if a.id in known else a.n_words,
                "n_sentences": known[a.id][1] if a.id in known else a.n_sentences,
                "n_removed_lines": len(a.removed), **facts,
            })
        cols = ["article_id", "outlet", "story", "title", "date", "date_approximate", "author", "url", "n_chars",
                "n_words", "n_sentences", "n_removed_lines", "name", "country", "languages", "type", "owner",
                "funding", "state_affiliation", "state_affiliation_basis", "founded", "domains", "notes", "registered"]
        return pd.DataFrame(rows, columns=cols)

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        actors: Iterable[Actor] | Iterable[Mapping[str, Any]] = (),
        story: str = "",
        registry: OutletRegistry | None = None,
        clean: bool = True,
        source: str | Path = "<records>",
        date_format: str | None = None,
        outlet_from_url: bool = True,
        report: LoadReport | None = None,
    ) -> "Corpus":
        """Build a corpus from dicts with ``id, outlet, text`` and optional
        ``title, date, author, url``.

        Parameters
        ----------
        records : iterable of mapping
        actors, story, registry, clean, source
            See :func:`load_corpus`.
        date_format : str, optional
            How to read numeric dates such as ``9/10/17``: ``"mdy"`` (the
            default: month first, US style), ``"dmy"`` or ``"ymd"``, or a
            ``strptime`` format tried first. See :mod:`framing.dates`.
        outlet_from_url : bool, default True
            When an article's outlet name is not in the registry but its URL's
            domain is, use that outlet (the load warning lists each such name).
        report : LoadReport, optional
            Collect the findings into this report and emit nothing (a chunked
            loader merges its chunks' reports and warns once); by default they
            are emitted as warnings when all records are read.

        Warns
        -----
        FramingWarning
            At most one each, after all records are read: outlet names not in
            the registry (with close registry names as suggestions), dates that
            could not be parsed (kept as missing), articles that do not look
            English.

        Examples
        --------
        >>> c = Corpus.from_records([{"id": "a1", "outlet": "cbc", "text": "NATO said so.", "date": "9/16/17"}])
        >>> c.outlet_keys, c[0].sentences[0].text, c[0].date
        (('cbc',), 'NATO said so.', datetime.date(2017, 9, 16))
        """
        registry = registry or default_registry()
        own = report is None
        report = LoadReport(str(source)) if report is None else report
        notes = _Loader(report, registry, date_format, outlet_from_url)
        arts: list[Article] = []
        outlets: dict[str, Outlet] = {}
        seen: dict[str, int] = {}
        for n, rec in enumerate(records, start=1):
            line = rec.get("_line", n) if isinstance(rec, Mapping) else n
            arts.append(_article_from_record(rec, line, source, registry, outlets, seen, clean, notes))
        if own:
            report.warn(registry)
        acts = tuple(a if isinstance(a, Actor) else None for a in actors)  # type: ignore[misc]
        if any(a is None for a in acts):
            acts = actors_from_records(actors, source)  # type: ignore[arg-type]
        return cls(tuple(arts), outlets, acts, story, Path(source) if source != "<records>" else None)

    @classmethod
    def from_frame(cls, frame, **kwargs: Any) -> "Corpus":
        """Build a corpus from a DataFrame with columns ``id, outlet, text`` (+ optional ones)."""
        missing = {"id", "outlet", "text"} - set(frame.columns)
        if missing:
            raise CorpusError(
                f"{where(kwargs.get('source', '<DataFrame>'))}: missing column(s) {sorted(missing)}; "
                f"a corpus table needs id, outlet, text (has {list(frame.columns)})."
            )
        recs = []
        for i, row in enumerate(frame.to_dict("records"), start=2 if "source" in kwargs else 1):
            rec = {k: (None if _isna(v) else v) for k, v in row.items()}
            rec["_line"] = i
            recs.append(rec)
        kwargs.setdefault("source", "<DataFrame>")
        return cls.from_records(recs, **kwargs)


def _isna(v: Any) -> bool:
    try:
        return v is None or (isinstance(v, float) and v != v) or str(v) in ("NaT", "<NA>")
    except Exception:  # pragma: no cover - exotic objects
        return False


def _article_from_record(rec: Mapping[str, Any], line: int, source: str | Path, registry: OutletRegistry,
                         outlets: dict[str, Outlet], seen: dict[str, int], clean: bool,
                         notes: "_Loader") -> Article:
    if not isinstance(rec, Mapping):
        raise CorpusError(f"{where(source, line)}: expected an object with id, outlet, text; got {type(rec).__name__}.")
    aid = rec.get("id")
    if aid is None or str(aid).strip() == "":
        raise CorpusError(f"{where(source, line, 'id')}: article id is missing. Give every article a unique id.")
    aid = str(aid).strip()
    if aid in seen:
        raise CorpusError(
            f"{where(source, line, 'id')}: duplicate article id {aid!r} (first at {seen[aid]}). Ids must be unique."
        )
    seen[aid] = line
    outlet_name = rec.get("outlet")
    if outlet_name is None or str(outlet_name).strip() == "":
        raise CorpusError(f"{where(source, line, 'outlet')}: outlet is missing for article {aid!r}. "
                          "Give an outlet key or name (see `framing outlets`).")
    url = _opt(rec.get("url"))
    outlet = notes.outlet(str(outlet_name).strip(), url, line)
    outlets.setdefault(outlet.key, outlet)
    text = rec.get("text")
    if not isinstance(text, str):
        raise CorpusError(f"{where(source, line, 'text')}: article {aid!r} has no text. Add its text.")
    if not text.strip():
        raise CorpusError(f"{where(source, line, 'text')}: article {aid!r} is empty or only white space.")
    date, approx = notes.date(rec.get("date"), line)
    approx = bool(rec.get("date_approximate", approx)) or approx
    extra = {k: v for k, v in rec.items() if k not in _CORE_FIELDS and not str(k).startswith("_")}
    article = Article.from_raw(
        aid, outlet.key, text, clean=clean, title=_opt(rec.get("title")), date=date, date_approximate=approx,
        author=_opt(rec.get("author")), url=url, meta=extra,
    )
    if not article.is_english:
        notes.report.non_english.append(aid)
    return article


_CORE_FIELDS = {"id", "outlet", "text", "title", "date", "date_approximate", "author", "url", "file"}


def _opt(v: Any) -> str | None:
    return None if v is None or str(v).strip() == "" else str(v).strip()


@dataclass
class LoadReport:
    """What loading a corpus found that the user must hear about once, not once per article or chunk.

    Corpus loaders fill one report and emit at most three :class:`FramingWarning`
    at the end (:meth:`warn`). A streaming or parallel loader passes its own
    report to :meth:`Corpus.from_records` for each chunk (nothing is emitted
    then), merges the chunks' reports (:meth:`merge`; reports pickle) and calls
    :meth:`warn` once.

    Attributes
    ----------
    source : str
        The file or label the records came from.
    unknown : dict
        Outlet name not in the registry -> lines (or record numbers) using it.
    by_url : dict
        ``(name, outlet key)`` -> number of articles whose unknown name was
        resolved from the URL's domain.
    bad_dates : list of (line, value)
        Dates that could not be read (kept as missing).
    non_english : list of str
        Ids of articles that do not look like English prose.

    Examples
    --------
    >>> report = LoadReport()
    >>> c = Corpus.from_records([{"id": "a", "outlet": "cbc", "text": "x", "date": "soon"}], report=report)
    >>> report.bad_dates, c[0].date is None
    ([(1, 'soon')], True)
    """

    source: str = "<records>"
    unknown: dict[str, list[int]] = field(default_factory=dict)
    by_url: dict[tuple[str, str], int] = field(default_factory=dict)
    bad_dates: list[tuple[int, str]] = field(default_factory=list)
    non_english: list[str] = field(default_factory=list)
    unknown_urls: dict[str, str] = field(default_factory=dict)

    def merge(self, other: "LoadReport") -> "LoadReport":
        """Add another report's findings (for example a later chunk's) to this one; returns self."""
        for name, lines in other.unknown.items():
            self.unknown.setdefault(name, []).extend(lines)
        for key, n in other.by_url.items():
            self.by_url[key] = self.by_url.get(key, 0) + n
        self.bad_dates.extend(other.bad_dates)
        self.non_english.extend(other.non_english)
        for name, url in other.unknown_urls.items():
            self.unknown_urls.setdefault(name, url)
        return self

    def messages(self, registry: OutletRegistry | None = None) -> list[str]:
        """The warning texts (0 to 3), in the order :meth:`warn` emits them."""
        registry = registry or default_registry()
        src, out = where(self.source), []
        if self.unknown or self.by_url:
            out.append(f"{src}: " + ". ".join(self._outlet_parts(registry)) + ".")
        if self.bad_dates:
            shown = ", ".join(f"line {line}: {value!r}" for line, value in self.bad_dates[:5])
            more = f" and {len(self.bad_dates) - 5} more" if len(self.bad_dates) > 5 else ""
            out.append(f"{src}: {len(self.bad_dates)} date(s) could not be read and are kept as missing "
                       f"({shown}{more}). Use YYYY-MM-DD, 9/16/17 (month first; date_format='dmy' for day first) "
                       "or 'Sept. 16, 2017'.")
        if self.non_english:
            shown = ", ".join(repr(a) for a in self.non_english[:5])
            more = f" and {len(self.non_english) - 5} more" if len(self.non_english) > 5 else ""
            out.append(f"{src}: {len(self.non_english)} article(s) do not look like English prose ({shown}{more}): "
                       "few English function words, so another language or mostly tables and lists. The lexicons "
                       "and the sentiment model are English; their figures for these articles are not meaningful.")
        return out

    def _outlet_parts(self, registry: OutletRegistry) -> list[str]:
        parts = []
        if self.unknown:
            n_art = sum(len(v) for v in self.unknown.values())
            listed = ", ".join(
                f"{name!r} ({len(lines)} article{'s' if len(lines) > 1 else ''}, first at line {min(lines)}"
                f"{_suggest(name, registry, self.unknown_urls.get(name))})" for name, lines in sorted(self.unknown.items()))
            parts.append(f"{len(self.unknown)} outlet name(s) are not in the registry and are used with their "
                         f"names only, without facts ({n_art} articles): {listed}. Add them (or an alias) to an "
                         "outlets YAML file to give them metadata")
        if self.by_url:
            listed = ", ".join(f"{name!r} -> {key} ({n})" for (name, key), n in sorted(self.by_url.items()))
            parts.append(f"{len(self.by_url)} unknown outlet name(s) were resolved from their articles' URLs "
                         f"(articles): {listed}. Pass outlet_from_url=False to keep the names instead")
        return parts

    def warn(self, registry: OutletRegistry | None = None) -> None:
        """Emit each message as one :class:`FramingWarning`."""
        for message in self.messages(registry):
            warnings.warn(message, FramingWarning, stacklevel=3)


def _suggest(name: str, registry: OutletRegistry, url: str | None = None) -> str:
    hit = registry.suggest(name, url)
    if hit is None:
        return ""
    outlet, why = hit
    return f"; did you mean {outlet.key!r}?" if why.startswith("close spelling") else \
        f"; did you mean {outlet.key!r} ({outlet.name}: {why})?"


class _Loader:
    """Per-load context: resolves outlets (cached per name and domain) and dates, recording findings."""

    def __init__(self, report: LoadReport, registry: OutletRegistry, date_format: str | None,
                 outlet_from_url: bool) -> None:
        self.report, self.registry = report, registry
        self.date_format, self.outlet_from_url = date_format, outlet_from_url
        self._by_name: dict[str, Outlet | None] = {}
        self._cache: dict[tuple[str, str | None], tuple[Outlet, bool]] = {}

    def outlet(self, name: str, url: str | None, line: int) -> Outlet:
        if name not in self._by_name:
            self._by_name[name] = self.registry.find(name)
        outlet, via_url = self._by_name[name], False
        if outlet is None:  # the URL's domain is read only for a name the registry does not know
            domain = normalize_domain(url) if url and self.outlet_from_url else None
            key = (name, domain)
            if key not in self._cache:
                hit = self.registry.find_domain(domain) if domain else None
                self._cache[key] = (hit, True) if hit is not None else (Outlet.unregistered(name), False)
            outlet, via_url = self._cache[key]
        if via_url:
            self.report.by_url[(name, outlet.key)] = self.report.by_url.get((name, outlet.key), 0) + 1
        elif not outlet.registered:
            self.report.unknown.setdefault(name, []).append(line)
            if url:
                self.report.unknown_urls.setdefault(name, url)
        return outlet

    def date(self, value: Any, line: int) -> tuple[_dt.date | None, bool]:
        try:
            return parse_article_date(value, where(self.report.source, line, "date"), date_format=self.date_format)
        except CorpusError:
            self.report.bad_dates.append((line, str(value)))
            return None, False


def parse_article_date(value: Any, loc: str = "<input>", *,
                       date_format: str | None = None) -> tuple[_dt.date | None, bool]:
    """Parse a date field: ISO date or datetime, ``9/16/17`` (month first unless
    ``date_format="dmy"``), ``Sept. 16, 2017``, ``16 September 2017``, or
    ``YYYY-MM`` / ``YYYY`` / ``September 2017`` (approximate). See :mod:`framing.dates`.

    Returns
    -------
    (date or None, approximate)

    Raises
    ------
    CorpusError
        For a value that is not a date (corpus loaders catch it, keep the date
        as missing and warn once for the whole corpus).

    Examples
    --------
    >>> parse_article_date("2019-07-16")
    (datetime.date(2019, 7, 16), False)
    >>> parse_article_date("2019-03")
    (datetime.date(2019, 3, 1), True)
    >>> parse_article_date("16/9/17", date_format="dmy")
    (datetime.date(2017, 9, 16), False)
    """
    if value is None or (isinstance(value, str) and not value.strip()) or _isna(value):
        return None, False
    if isinstance(value, _dt.datetime):
        return value.date(), False
    if isinstance(value, _dt.date):
        return value, False
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date(), False
    s = str(value).strip()
    try:
        return parse_date(s, date_format)
    except ValueError:
        raise CorpusError(
            f"{loc}: {s!r} is not a valid date. Use YYYY-MM-DD, 9/16/17 (month first), 'Sept. 16, 2017' "
            "or '16 September 2017' (YYYY-MM / YYYY for approximate dates)."
        ) from None


def read_text_file(path: str | Path, *, label: str | None = None) -> str:
    """Read an article file, decoding UTF-8, UTF-8 with BOM or UTF-16 with BOM, else cp1252 with a warning.

    Raises
    ------
    CorpusError
        For a missing, unreadable, binary, empty or whitespace-only file.
    """
    path = Path(path)
    loc = label or str(path)
    if not path.exists():
        raise CorpusError(f"{loc}: file not found. Check the path (relative paths are relative to the corpus folder).")
    if path.is_dir():
        raise CorpusError(f"{loc}: is a directory, expected a text file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{loc}: cannot read the file ({exc.strerror or exc}). Check its permissions.") from None
    text = decode_bytes(data, loc)
    if not text.strip():
        raise CorpusError(f"{loc}: the file is empty or only white space. Remove it from the manifest or add its text.")
    return text


def decode_bytes(data: bytes, loc: str) -> str:
    """Decode article bytes (see :func:`read_text_file`)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{loc}: starts with a UTF-8 mark (BOM) but byte {exc.start + 3} is not valid UTF-8. "
                              "Re-save it as UTF-8.") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CorpusError(f"{loc}: starts with a UTF-16 mark but does not decode as UTF-16. Re-save it as UTF-8.") from None
    if b"\x00" in data[:4096]:
        raise CorpusError(f"{loc}: looks like a binary file (NUL bytes), not text. Convert it to plain UTF-8 text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.warn(f"{loc}: not valid UTF-8; decoded as cp1252 (Windows-1252). Re-save it as UTF-8 to be sure.",
                      FramingWarning, stacklevel=3)
        return text


# -- loaders ---------------------------------------------------------------------------------------
def load_corpus(source: Any, *, registry: OutletRegistry | None = None, clean: bool = True,
                date_format: str | None = None, outlet_from_url: bool = True) -> Corpus:
    """Load a corpus from a folder with ``manifest.yaml``, a ``.jsonl``/``.csv`` file or a DataFrame.

    Parameters
    ----------
    source : str, Path or pandas.DataFrame
    registry : OutletRegistry, optional
        Outlet registry (default: the packaged one plus ``outlets.yaml`` in the corpus folder, if any).
    clean : bool
        Remove boilerplate lines (default True).
    date_format : str, optional
        Order of numeric dates such as ``9/10/17``: ``"mdy"`` (default, month
        first), ``"dmy"`` or ``"ymd"``, or a ``strptime`` format; see
        :mod:`framing.dates` for every accepted form. Dates that cannot be read
        are kept as missing, with one warning for the whole corpus.
    outlet_from_url : bool, default True
        Resolve an outlet name that is not in the registry from the article's
        URL when its domain is (listed in the load warning).

    Warns
    -----
    FramingWarning
        At most one for unknown outlet names, one for unreadable dates and one
        for articles that do not look English (see :meth:`Corpus.from_records`).

    Raises
    ------
    CorpusError
        Naming the file, line or field, and the fix.

    Examples
    --------
    >>> import framing
    >>> c = framing.load_corpus("corpora/s400")     # doctest: +SKIP
    >>> c.outlet_keys                               # doctest: +SKIP
    ('cbc', 'rt', 'presstv', 'revoi', 'wsws')
    """
    opts = {"date_format": date_format, "outlet_from_url": outlet_from_url}
    if hasattr(source, "columns") and hasattr(source, "to_dict"):
        return Corpus.from_frame(source, registry=registry, clean=clean, **opts)
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder. Give a corpus folder (with manifest.yaml), a .jsonl or a .csv file.")
    if path.is_dir():
        return _load_folder(path, registry, clean, opts)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return Corpus.from_records(_iter_jsonl(path), registry=registry, clean=clean, source=path, **opts)
    if suffix == ".csv":
        return _load_csv(path, registry, clean, opts)
    if path.name in ("manifest.yaml", "manifest.yml"):
        return _load_folder(path.parent, registry, clean, opts)
    raise CorpusError(f"{path}: unknown corpus format {suffix or '(no extension)'!r}. Use a folder with manifest.yaml, .jsonl or .csv.")


def _iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    text = read_text_file(path)
    for i, line in enumerate(text.split("\n"), start=1):  # not splitlines(): JSON strings may hold U+2028
        if line.strip():
            yield parse_jsonl_line(line, path, i)


def parse_jsonl_line(line: str | bytes, path: str | Path, number: int) -> dict[str, Any]:
    """One JSONL line as an article dict (with ``_line``), or a :class:`CorpusError` naming file and line."""
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise CorpusError(f"{where(path, number)}: malformed JSON ({detail}). "
                          "Each line must be one UTF-8 JSON object.") from None
    if not isinstance(rec, dict):
        raise CorpusError(f"{where(path, number)}: each line must be a JSON object with id, outlet, text.")
    rec["_line"] = number
    return rec


def _load_csv(path: Path, registry: OutletRegistry | None, clean: bool, opts: dict[str, Any]) -> Corpus:
    text = read_text_file(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        cols = reader.fieldnames or []
    except csv.Error as exc:
        raise CorpusError(f"{where(path, reader.line_num or 1)}: malformed CSV ({exc}). Re-export the file as CSV.") from None
    missing = {"id", "outlet", "text"} - set(cols)
    if missing:
        raise CorpusError(f"{where(path, 1)}: missing column(s) {sorted(missing)}; the header has {cols}. "
                          "A corpus CSV needs id, outlet, text columns.")
    def rows() -> Iterator[dict[str, Any]]:
        while True:
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise CorpusError(f"{where(path, reader.line_num)}: malformed CSV ({exc}). "
                                  "Re-export the file as CSV (quote fields that hold line breaks).") from None
            if row is None:
                return
            row = dict(row)
            row["_line"] = reader.line_num
            yield row
    corpus = Corpus.from_records(rows(), registry=registry, clean=clean, source=path, **opts)
    if not len(corpus):
        raise CorpusError(f"{where(path)}: the CSV has a header but no article rows. Add one row per article.")
    return corpus


def _load_folder(folder: Path, registry: OutletRegistry | None, clean: bool, opts: dict[str, Any]) -> Corpus:
    manifest = folder / "manifest.yaml"
    if not manifest.exists():
        alt = folder / "manifest.yml"
        if not alt.exists():
            raise CorpusError(f"{folder}: no manifest.yaml in this folder. Create one (see corpora/s400/manifest.yaml) "
                              "or build it with `framing ingest FILE... -o FOLDER`.")
        manifest = alt
    raw = read_text_file(manifest)
    try:
        data = safe_load_yaml(raw, dates=False)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CorpusError(f"{where(manifest, mark.line + 1 if mark else None)}: invalid YAML "
                          f"({getattr(exc, 'problem', None) or exc}). Fix the syntax.") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise CorpusError(f"{manifest}: expected a mapping with an 'articles:' list (see corpora/s400/manifest.yaml).")
    if not data["articles"]:
        raise CorpusError(f"{manifest}: 'articles' is empty. List at least one article.")
    if registry is None:
        user = folder / "outlets.yaml"
        registry = OutletRegistry.from_yaml(user) if user.exists() else default_registry()
    lines = _item_lines(raw)
    root = folder.resolve()
    records = []
    for i, item in enumerate(data["articles"]):
        line = lines[i] if i < len(lines) else None
        if not isinstance(item, dict):
            raise CorpusError(f"{where(manifest, line)}: each article must be a mapping with id, outlet, file.")
        rec = dict(item)
        f = rec.get("file")
        if not f:
            raise CorpusError(f"{where(manifest, line, 'file')}: article {rec.get('id')!r} has no 'file'. "
                              "Give the article's path relative to the corpus folder.")
        fp = Path(str(f))
        if fp.is_absolute():
            raise CorpusError(f"{where(manifest, line, 'file')}: {f!r} is an absolute path; use a path relative to the corpus folder.")
        target = (folder / fp).resolve()
        if root != target and root not in target.parents:
            raise CorpusError(f"{where(manifest, line, 'file')}: {f!r} points outside the corpus folder; "
                              "keep article files inside it.")
        rec["text"] = read_text_file(target, label=f"{folder / fp} (from {where(manifest, line, 'file')})")
        rec["_line"] = line
        records.append(rec)
    actors: tuple[Actor, ...] = ()
    if (folder / "actors.yaml").exists():
        actors = load_actors(folder / "actors.yaml")
    corpus = Corpus.from_records(records, registry=registry, clean=clean, source=manifest, **opts,
                                 story=str(data.get("story") or ""), actors=actors)
    return Corpus(corpus.articles, corpus.outlets, corpus.actors, corpus.story, folder)


def _item_lines(raw: str) -> list[int]:
    """Line numbers of the list items under ``articles:`` (for error messages)."""
    out = []
    in_articles = False
    indent = None
    for n, line in enumerate(raw.splitlines(), start=1):
        if re.match(r"^articles\s*:", line):
            in_articles = True
            continue
        if in_articles:
            m = re.match(r"^(\s*)-\s", line)
            if m and (indent is None or len(m.group(1)) == indent):
                indent = len(m.group(1))
                out.append(n)
            elif line and not line[0].isspace() and not line.startswith("-"):
                in_articles = False
    return out
