"""Run registered analyzers over a corpus: serially, in a process pool, or with Dask.

The runner knows chunks and workers, nothing about any analyzer's internals
(:mod:`framing.registry`). For every engine the steps are the same, so the
tables equal the serial run's, row for row:

1. *fit*: each analyzer's corpus-wide state, ``Fit.merge`` of ``Fit.partial``
   over parts of the corpus;
2. *chunks*: the ``scope="article"`` analyzers over chunks of articles, each
   chunk's analyzers in registration order (an analyzer gets the chunk's tables
   of those it ``needs``); the chunks' tables concatenated in corpus order;
3. *whole*: the ``scope="corpus"`` analyzers once, on the whole corpus.

In a process pool the corpus-scope jobs are submitted first; the other workers
fit meanwhile, then everyone takes chunks, large first and smaller towards the
end (guided self-scheduling) so that the workers finish together. Forked
workers (the default on Linux) inherit the corpus and receive only
``(key, start, stop)``; spawned ones receive their articles pickled without the
raw text. Python's cyclic garbage collector is paused while tables are built:
the analyzers allocate many short-lived containers but almost no reference
cycles, so its passes over the growing heap are pure overhead.
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd

from .corpus import Corpus
from .errors import FramingError
from .registry import Analyzer
from .tables import TABLES

__all__ = ["run", "run_chunk", "fit_states", "gc_paused", "chunk_bounds", "even_bounds", "corpus_slice", "concat"]

Part = Corpus | tuple[int, int, int]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block (restored after it, also on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# -- chunks ------------------------------------------------------------------------------------------
def chunk_bounds(n: int, n_jobs: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of chunks of ``n`` articles for ``n_jobs`` workers: each takes half a worker's
    share of what is left (at least 1/40 of a share), so chunks shrink towards the end.

    Examples
    --------
    >>> chunk_bounds(10, 2)
    [(0, 2), (2, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (9, 10)]
    """
    smallest = max(1, n // (n_jobs * 40))
    out, i = [], 0
    while i < n:
        size = max(smallest, (n - i) // (2 * n_jobs))
        out.append((i, min(n, i + size)))
        i += size
    return out


def even_bounds(n: int, k: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of ``k`` (or fewer) equal parts of ``n`` articles.

    Examples
    --------
    >>> even_bounds(5, 2)
    [(0, 3), (3, 5)]
    """
    size = max(1, -(-n // max(1, k)))
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def corpus_slice(corpus: Corpus, start: int, stop: int) -> Corpus:
    """Articles ``start:stop`` of ``corpus`` as a corpus (the corpus itself when that is all)."""
    if (start, stop) == (0, len(corpus)):
        return corpus
    return Corpus(corpus.articles[start:stop], corpus.outlets, corpus.actors, corpus.story, corpus.path)


def concat(table: str, parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Chunks' frames of the declared ``table`` joined in order (the empty declared frame for none)."""
    non_empty = [p for p in parts if len(p)]
    if not non_empty:
        return TABLES[table].empty()
    joined = non_empty[0] if len(non_empty) == 1 else pd.concat(non_empty, ignore_index=True)
    return TABLES[table].conform(joined)


# -- the steps ------------------------------------------------------------------------------------------
def fit_states(corpus: Corpus, analyzers: Sequence[Analyzer], parts: Iterable[Corpus] | None = None) -> dict[str, Any]:
    """Each analyzer's fitted corpus-wide state (None without ``fit``), from ``parts`` (default: the corpus)."""
    parts = [corpus] if parts is None else list(parts)
    return {a.name: a.fit.merge([a.fit.partial(p) for p in parts]) if a.fit else None for a in analyzers}


def run_chunk(corpus: Corpus, analyzers: Sequence[Analyzer], states: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """The ``scope="article"`` analyzers on one chunk, in order: ``{table: frame}``."""
    out: dict[str, pd.DataFrame] = {}
    with gc_paused():
        for a in analyzers:
            if a.scope != "article":
                continue
            got = {n: out[n] for n in a.needs}
            out[a.table] = a.run(corpus, states.get(a.name), got)
    return out


def _run_whole(corpus: Corpus, analyzers: Sequence[Analyzer]) -> dict[str, pd.DataFrame]:
    with gc_paused():
        return {a.table: a.run(corpus, None, {}) for a in analyzers if a.scope == "corpus"}


def run(corpus: Corpus, analyzers: Sequence[Analyzer], *, n_jobs: int = 1, engine: str = "local",
        client: Any = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every table of ``analyzers`` on ``corpus``, each conformed to its declaration.

    Parameters
    ----------
    corpus : Corpus
    analyzers : sequence of Analyzer
        In run order (:func:`framing.registry.resolve`).
    n_jobs : int, default 1
        Worker processes (engine ``"local"``).
    engine : {"local", "dask"}
        ``"dask"`` maps chunks over a ``dask.bag`` (extra ``media-framing[dask]``).
    client : distributed.Client, optional
        With ``engine="dask"``, the cluster (default: dask's local processes).
    progress : bool, default False
        A progress bar over chunks (tqdm).

    Raises
    ------
    FramingError
        For an unknown engine, or dask missing.
    """
    per_article = [a for a in analyzers if a.scope == "article"]
    with gc_paused():
        if engine == "dask":
            parts, whole = _run_dask(corpus, analyzers, client), _run_whole(corpus, analyzers)
        elif engine != "local":
            raise FramingError(f"engine={engine!r} is not known; use 'local' or 'dask'.")
        elif n_jobs <= 1 or len(corpus) <= 1:
            parts = [run_chunk(corpus, analyzers, fit_states(corpus, per_article))]
            whole = _run_whole(corpus, analyzers)
        else:
            parts, whole = _run_pool(corpus, analyzers, int(n_jobs), progress)
        tables = {a.table: concat(a.table, [p[a.table] for p in parts]) for a in per_article}
    tables.update({k: TABLES[k].conform(v) for k, v in whole.items()})
    return tables


# -- process pool -------------------------------------------------------------------------------------
#: Corpora of the parallel runs in progress, by key: forked workers inherit this dict and read their
#: chunks from it, so the parent sends ``(key, start, stop)`` instead of pickled articles.
_SHARED: dict[int, Corpus] = {}
_KEYS = itertools.count()


def _part(part: Part) -> Corpus:
    if isinstance(part, Corpus):
        return part
    key, start, stop = part
    return corpus_slice(_SHARED[key], start, stop)


def _light(corpus: Corpus) -> Corpus:
    """A chunk as pickled for a spawned worker: articles without raw text and removed lines."""
    arts = tuple(replace(a, raw="", removed=()) for a in corpus.articles)
    return Corpus(arts, corpus.outlets, corpus.actors, corpus.story, corpus.path)


def _fit_job(args: tuple[Part, Sequence[Analyzer]]) -> dict[str, Any]:
    part, analyzers = args
    corpus = _part(part)
    return {a.name: a.fit.partial(corpus) for a in analyzers if a.fit}


def _chunk_job(args: tuple[Part, Sequence[Analyzer], dict[str, Any]]) -> dict[str, pd.DataFrame]:
    part, analyzers, states = args
    return run_chunk(_part(part), analyzers, states)


def _whole_job(args: tuple[Part, Sequence[Analyzer]]) -> dict[str, pd.DataFrame]:
    part, analyzers = args
    return _run_whole(_part(part), analyzers)


def _run_pool(corpus: Corpus, analyzers: Sequence[Analyzer], n_jobs: int,
              progress: bool) -> tuple[list[dict[str, pd.DataFrame]], dict[str, pd.DataFrame]]:
    per_article = [a for a in analyzers if a.scope == "article"]
    fitted = [a for a in per_article if a.fit]
    has_whole = any(a.scope == "corpus" for a in analyzers)
    context = multiprocessing.get_context()
    key = next(_KEYS)
    forked = context.get_start_method() == "fork"
    if forked:
        _SHARED[key] = corpus  # before the pool forks its workers

    def part(start: int, stop: int) -> Part:
        return (key, start, stop) if forked else _light(corpus_slice(corpus, start, stop))

    try:
        with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context) as pool:
            whole = pool.submit(_whole_job, (part(0, len(corpus)), analyzers)) if has_whole else None
            states: dict[str, Any] = {a.name: None for a in per_article}
            if fitted:  # the worker busy with the whole-corpus job takes no share
                k = max(1, n_jobs - (1 if has_whole else 0))
                got = list(pool.map(_fit_job, [(part(i, j), fitted) for i, j in even_bounds(len(corpus), k)]))
                states.update({a.name: a.fit.merge([g[a.name] for g in got]) for a in fitted})
            bounds = chunk_bounds(len(corpus), n_jobs)
            futures = [pool.submit(_chunk_job, (part(i, j), per_article, states)) for i, j in bounds]
            results: Iterable[dict[str, pd.DataFrame]] = (f.result() for f in futures)
            if progress:
                from tqdm import tqdm

                results = tqdm(results, total=len(bounds), desc="analyzing", unit="chunk")
            parts = list(results)
            return parts, whole.result() if whole is not None else {}
    finally:
        _SHARED.pop(key, None)


# -- dask ------------------------------------------------------------------------------------------------
def _run_dask(corpus: Corpus, analyzers: Sequence[Analyzer], client: Any) -> list[dict[str, pd.DataFrame]]:
    try:
        import dask.bag as db
    except ImportError:
        raise FramingError("engine='dask' needs dask: pip install 'media-framing[dask]'.") from None
    per_article = [a for a in analyzers if a.scope == "article"]
    if not len(corpus):
        return [run_chunk(corpus, per_article, fit_states(corpus, per_article))]
    n = max(1, min(len(corpus), 4 * (len(client.ncores()) if client is not None else 2)))
    chunks = [corpus_slice(corpus, i, j) for i, j in even_bounds(len(corpus), n)]
    states = fit_states(corpus, per_article, chunks)
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(run_chunk, per_article, states)
    parts = client.gather(client.compute(bag)) if client is not None else bag.compute(scheduler="processes")
    return list(parts)
