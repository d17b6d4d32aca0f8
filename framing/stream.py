"""Streaming analysis with flat memory.

:func:`analyze_stream` reads a corpus chunk by chunk (a JSONL path or any
iterable of article dicts), runs on each chunk the analyzers whose summaries
have an additive form (:class:`framing.registry.Summary` ``partial``/``merge``/
``final``), keeps only those counts and drops the chunk. Counts merge exactly,
so memory depends on the chunk size, not on the corpus size, and the final
tables have the same declared columns as :func:`framing.analyze`'s
(:mod:`framing.tables`). Summaries without an additive form (actor sentiment,
top terms, distinctive words) need the whole corpus and are not streamed.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pandas as pd

from .corpus import Corpus, LoadReport, parse_jsonl_line
from .errors import CorpusError
from .analyzers.builtin import resolve
from .registry import Analyzer, Summary

__all__ = ["StreamCounts", "OutletCounts", "chunk_counts", "analyze_stream", "iter_records", "streamed_analyzers"]


def streamed_analyzers(options: Mapping[str, Mapping[str, Any]] | None = None) -> list[Analyzer]:
    """The analyzers with at least one streamable summary, and those they need, in run order, with
    ``options`` (``{analyzer: {option: value}}``, as in :func:`framing.analyze`)."""
    names = [a.name for a in resolve() if any(s.streamable for s in a.summaries)]
    return resolve(names, options=options)


def _streamable(analyzers: list[Analyzer]) -> list[Summary]:
    return [s for a in analyzers for s in a.summaries if s.streamable]


@dataclass
class StreamCounts:
    """Merged additive counts of the streamed summaries; ``a + b`` merges two chunks exactly.

    Attributes
    ----------
    counts : dict
        Summary table name -> its merged counts (see :mod:`framing.analyzers.additive`).
    order : list of str
        Outlets in order of first appearance.
    n_articles : dict
        Outlet -> articles seen.
    """

    counts: dict[str, Any] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    n_articles: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: "StreamCounts") -> "StreamCounts":
        merge = {s.table: s.merge for s in _streamable(streamed_analyzers())}
        counts = dict(self.counts)
        for name, c in other.counts.items():
            counts[name] = merge[name](counts[name], c) if name in counts else c
        arts = dict(self.n_articles)
        for o, n in other.n_articles.items():
            arts[o] = arts.get(o, 0) + n
        return StreamCounts(counts, list(dict.fromkeys([*self.order, *other.order])), arts)

    def table(self, name: str) -> pd.DataFrame:
        """The final declared table ``name`` (one of :meth:`tables`)."""
        final = {s.table: s.final for s in _streamable(streamed_analyzers())}
        if name not in final:
            raise CorpusError(f"table {name!r} is not streamed; streamed tables: {', '.join(final)}.")
        from .tables import TABLES

        return TABLES[name].conform(final[name](self.counts.get(name, {}), self.order))

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every streamed table by name."""
        return {s.table: self.table(s.table) for s in _streamable(streamed_analyzers())}

    def outlet_sentiment(self) -> pd.DataFrame:
        """Declared ``outlet_sentiment`` (normal-approximation interval)."""
        return self.table("outlet_sentiment")

    def loaded_rates(self) -> pd.DataFrame:
        """Declared ``loaded_rates``."""
        return self.table("loaded_rates")

    def loaded_summary(self) -> pd.DataFrame:
        """Declared ``loaded_summary`` (own and quoted words, epistemic markers, counts and intervals)."""
        return self.table("loaded_summary")

    def voice_summary(self) -> pd.DataFrame:
        """Declared ``voice_summary``."""
        return self.table("voice_summary")

    def affiliation_shares(self) -> pd.DataFrame:
        """Declared ``affiliation_shares``."""
        return self.table("affiliation_shares")


#: The former name of :class:`StreamCounts`.
OutletCounts = StreamCounts


def chunk_counts(corpus: Corpus, tables: Mapping[str, pd.DataFrame] | None = None,
                 options: Mapping[str, Mapping[str, Any]] | None = None) -> StreamCounts:
    """The additive counts of one chunk (runs the streamed analyzers, with ``options``, unless
    ``tables`` are given)."""
    from .runner import fit_states, run_chunk

    analyzers = streamed_analyzers(options)
    if tables is None:
        tables = run_chunk(corpus, analyzers, fit_states(corpus, analyzers))
    counts = {s.table: s.partial(tables) for s in _streamable(analyzers)}
    n_art: dict[str, int] = {}
    for a in corpus.articles:
        n_art[a.outlet] = n_art.get(a.outlet, 0) + 1
    return StreamCounts(counts, list(corpus.outlet_keys), n_art)


def iter_records(source: str | Path | Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Article dicts from a JSONL path (read line by line) or from any iterable of dicts."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise CorpusError(f"{path}: no such JSONL file. Give a .jsonl file with one article per line.")
        with path.open("rb") as fh:
            for i, line in enumerate(fh, start=1):
                if line.strip():
                    yield parse_jsonl_line(line[3:] if i == 1 and line.startswith(b"\xef\xbb\xbf") else line, path, i)
    else:
        yield from source


def _batches(records: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _count_batch(args: tuple[list[dict[str, Any]], tuple, str, Mapping[str, Mapping[str, Any]] | None]
                 ) -> tuple[StreamCounts, LoadReport]:
    """One chunk's counts and what loading it found (warned about once, for the whole stream)."""
    batch, actors, source, options = args
    report = LoadReport(source)
    corpus = Corpus.from_records(batch, actors=actors, source=source, report=report)
    return chunk_counts(corpus, options=options), report


def analyze_stream(source: str | Path | Iterable[Mapping[str, Any]], *, chunk_size: int = 500, n_jobs: int = 1,
                   actors: Iterable[Any] = (), progress: bool = False,
                   options: Mapping[str, Mapping[str, Any]] | None = None) -> StreamCounts:
    """Analyse a corpus of any size chunk by chunk with flat memory.

    Parameters
    ----------
    source : path to a .jsonl file, or iterable of dicts
        Each article has ``id, outlet, text`` (+ optional ``title, date, author, url``).
    chunk_size : int
        Articles per chunk; memory grows with this, not with the corpus.
    n_jobs : int
        Worker processes (chunks are analysed in parallel, merged in order).
    actors : iterable of Actor
        Story actors for speaker resolution.
    options : dict, optional
        ``{analyzer: {option: value}}`` as in :func:`framing.analyze` (checked before any chunk is read).

    Returns
    -------
    StreamCounts
        Merged counts; ``.tables()`` (or ``.outlet_sentiment()``, ``.loaded_rates()``,
        ``.voice_summary()``, ``.affiliation_shares()``) give the final declared tables.

    Notes
    -----
    Article ids must be unique within a chunk; across chunks they are not
    checked (that would need memory proportional to the corpus).
    """
    actors = tuple(actors)
    options = {k: dict(v) for k, v in (options or {}).items()}
    streamed_analyzers(options)  # bad options fail here, before any chunk is read
    src = str(source) if isinstance(source, (str, Path)) else "<stream>"
    jobs = ((b, actors, src, options) for b in _batches(iter_records(source), max(1, int(chunk_size))))
    total = StreamCounts()
    found = LoadReport(src)
    pool = None
    if n_jobs <= 1:
        results: Iterable[tuple[StreamCounts, LoadReport]] = map(_count_batch, jobs)
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=n_jobs)
        results = _bounded_map(pool, jobs, 2 * n_jobs)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, desc="chunks", unit="chunk")
    try:
        for counts, report in results:
            total = total + counts
            found.merge(report)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    found.warn()
    return total


def _bounded_map(pool: Any, jobs: Iterator[Any], window: int) -> Iterator[tuple[StreamCounts, LoadReport]]:
    """Like pool.map, in order, but with at most ``window`` chunks in flight (flat memory)."""
    pending: deque = deque()
    for job in jobs:
        pending.append(pool.submit(_count_batch, job))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
