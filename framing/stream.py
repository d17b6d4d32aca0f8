"""Streaming analysis with flat memory, and the Dask engine.

:func:`analyze_stream` reads a corpus chunk by chunk (a JSONL path or any
iterable of article dicts), runs the per-article analyzers on each chunk,
keeps only additive per-outlet counts, and drops the chunk. Counts merge
exactly: sentence scores are summed as integers (VADER's compound score has
four decimals, so ``round(compound * 10_000)`` is exact), everything else is a
count. Memory therefore depends on the chunk size, not on the corpus size.

The same additive counts are what the Dask engine returns from each
partition, so a cluster run merges exactly like a local one. The counts use
no actor table, so streaming does not compute actor sentiment.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pandas as pd

from .corpus import Corpus, parse_jsonl_line
from .errors import CorpusError

__all__ = ["OutletCounts", "chunk_counts", "analyze_stream", "iter_records", "analyze_dask"]

SCALE = 10_000  # compound scores have 4 decimals

_SENT_COLS = ["n_articles", "n_words", "n_sentences", "compound_sum", "compound_sumsq", "n_negative", "n_positive"]
_VOICE_COLS = ["n_quotes", "n_direct", "n_indirect", "n_mixed", "n_anonymous", "n_loaded_verbs"]


@dataclass
class OutletCounts:
    """Additive per-outlet counts; ``a + b`` merges two chunks exactly.

    Attributes
    ----------
    outlets : DataFrame
        Index outlet; columns ``n_articles, n_words, n_sentences, compound_sum,
        compound_sumsq`` (integer sums of ``round(compound * 10000)`` and of its
        square), ``n_negative, n_positive`` and the voice counts ``n_quotes,
        n_direct, n_indirect, n_mixed, n_anonymous, n_loaded_verbs``.
    loaded : DataFrame
        Index (outlet, category); column ``n_hits``.
    affiliations : DataFrame
        Index (outlet, affiliation); column ``n``.
    order : list of str
        Outlets in order of first appearance.
    """

    outlets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_SENT_COLS + _VOICE_COLS, dtype="int64"))
    loaded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame({"n_hits": pd.Series(dtype="int64")}))
    affiliations: pd.DataFrame = field(default_factory=lambda: pd.DataFrame({"n": pd.Series(dtype="int64")}))
    order: list[str] = field(default_factory=list)

    def __add__(self, other: "OutletCounts") -> "OutletCounts":
        def add(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
            if a.empty:
                return b.copy()
            if b.empty:
                return a.copy()
            return a.add(b, fill_value=0).astype("int64")

        order = list(dict.fromkeys([*self.order, *other.order]))
        return OutletCounts(add(self.outlets, other.outlets), add(self.loaded, other.loaded),
                            add(self.affiliations, other.affiliations), order)

    # -- final tables ------------------------------------------------------------------------------
    def outlet_sentiment(self) -> pd.DataFrame:
        """``outlet, mean, ci_low, ci_high, share_negative, share_positive, n_sentences, n_articles``.

        The interval is the normal approximation (mean ± 1.96 standard errors),
        which can be computed from merged counts; :func:`framing.analyze` uses a
        bootstrap instead.
        """
        rows = []
        for o in self.order:
            r = self.outlets.loc[o]
            n = int(r["n_sentences"])
            mean = r["compound_sum"] / SCALE / n if n else math.nan
            var = (r["compound_sumsq"] / SCALE**2 - n * mean**2) / (n - 1) if n > 1 else math.nan
            se = math.sqrt(max(var, 0.0) / n) if n > 1 else math.nan
            rows.append({"outlet": o, "mean": mean, "ci_low": mean - 1.96 * se, "ci_high": mean + 1.96 * se,
                         "share_negative": r["n_negative"] / n if n else math.nan,
                         "share_positive": r["n_positive"] / n if n else math.nan,
                         "n_sentences": n, "n_articles": int(r["n_articles"])})
        return pd.DataFrame(rows, columns=["outlet", "mean", "ci_low", "ci_high", "share_negative", "share_positive",
                                           "n_sentences", "n_articles"])

    def loaded_rates(self) -> pd.DataFrame:
        """``outlet, category, n_hits, n_words, rate_per_1000`` (categories with hits)."""
        rows = []
        for (o, cat), r in self.loaded.sort_index().iterrows():
            words = int(self.outlets.loc[o, "n_words"])
            rows.append({"outlet": o, "category": cat, "n_hits": int(r["n_hits"]), "n_words": words,
                         "rate_per_1000": 1000 * r["n_hits"] / words if words else math.nan})
        out = pd.DataFrame(rows, columns=["outlet", "category", "n_hits", "n_words", "rate_per_1000"])
        rank = {o: i for i, o in enumerate(self.order)}
        return out.sort_values(["outlet", "category"], key=lambda s: s.map(rank) if s.name == "outlet" else s,
                               kind="stable").reset_index(drop=True)

    def voice_summary(self) -> pd.DataFrame:
        """``outlet, n_quotes, n_direct, n_indirect, n_mixed, share_direct, share_indirect, share_anonymous,
        share_loaded_verbs``."""
        rows = []
        for o in self.order:
            r = self.outlets.loc[o]
            n = int(r["n_quotes"])
            rows.append({"outlet": o, "n_quotes": n, "n_direct": int(r["n_direct"]), "n_indirect": int(r["n_indirect"]),
                         "n_mixed": int(r["n_mixed"]),
                         "share_direct": r["n_direct"] / n if n else math.nan,
                         "share_indirect": r["n_indirect"] / n if n else math.nan,
                         "share_anonymous": r["n_anonymous"] / n if n else math.nan,
                         "share_loaded_verbs": r["n_loaded_verbs"] / n if n else math.nan})
        return pd.DataFrame(rows)


def chunk_counts(corpus: Corpus, tables: Mapping[str, pd.DataFrame] | None = None) -> OutletCounts:
    """Per-outlet additive counts of one chunk (runs the analyzers unless ``tables`` are given)."""
    if tables is None:
        from .compare import analyze_articles

        # the merged counts use no actor table: do not compute one
        tables = analyze_articles(corpus, only=("sentences", "loaded_terms", "voices"))
    order = list(corpus.outlet_keys)
    base = pd.DataFrame(0, index=pd.Index(order, name="outlet"), columns=_SENT_COLS + _VOICE_COLS, dtype="int64")
    n_art = dict.fromkeys(order, 0)
    n_words = dict.fromkeys(order, 0)
    for a in corpus.articles:
        n_art[a.outlet] += 1
        n_words[a.outlet] += a.n_words
    base["n_articles"] = [n_art[o] for o in order]
    base["n_words"] = [n_words[o] for o in order]
    s = tables["sentences"]
    if len(s):
        c = (s["compound"].astype(float) * SCALE).round().astype("int64")
        g = pd.DataFrame({"outlet": s["outlet"], "c": c, "c2": c * c,
                          "neg": (s["compound"] <= -0.05).astype("int64"),
                          "pos": (s["compound"] >= 0.05).astype("int64")}).groupby("outlet", sort=False)
        agg = g.agg(n_sentences=("c", "size"), compound_sum=("c", "sum"), compound_sumsq=("c2", "sum"),
                    n_negative=("neg", "sum"), n_positive=("pos", "sum"))
        base.loc[agg.index, agg.columns] = agg.astype("int64").values
    v = tables["voices"]
    if len(v):
        kinds = v["kind"].astype(str)
        g = pd.DataFrame({"outlet": v["outlet"], "q": 1, "d": (kinds == "direct").astype("int64"),
                          "i": (kinds == "indirect").astype("int64"), "m": (kinds == "mixed").astype("int64"),
                          "a": v["anonymous"].astype(bool).astype("int64"),
                          "l": (v["verb_class"].astype(str) == "loaded").astype("int64")}).groupby("outlet", sort=False)
        agg = g.sum()
        agg.columns = _VOICE_COLS
        base.loc[agg.index, _VOICE_COLS] = agg.astype("int64").values
        aff = v.groupby(["outlet", "affiliation"], sort=True).size().rename("n").to_frame().astype("int64")
    else:
        aff = pd.DataFrame({"n": pd.Series(dtype="int64")})
    lt = tables["loaded_terms"]
    if len(lt):
        loaded = lt.groupby(["outlet", "category"], sort=True).size().rename("n_hits").to_frame().astype("int64")
    else:
        loaded = pd.DataFrame({"n_hits": pd.Series(dtype="int64")})
    return OutletCounts(base, loaded, aff, order)


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


def _count_batch(args: tuple[list[dict[str, Any]], tuple, str]) -> OutletCounts:
    batch, actors, source = args
    return chunk_counts(Corpus.from_records(batch, actors=actors, source=source))


def analyze_stream(source: str | Path | Iterable[Mapping[str, Any]], *, chunk_size: int = 500, n_jobs: int = 1,
                   actors: Iterable[Any] = (), progress: bool = False) -> OutletCounts:
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
        Story actors for speaker resolution and actor sentiment.

    Returns
    -------
    OutletCounts
        Merged counts; ``.outlet_sentiment()``, ``.loaded_rates()`` and
        ``.voice_summary()`` give the final per-outlet tables.

    Notes
    -----
    Article ids must be unique within a chunk; across chunks they are not
    checked (that would need memory proportional to the corpus).
    """
    actors = tuple(actors)
    src = str(source) if isinstance(source, (str, Path)) else "<stream>"
    jobs = ((b, actors, src) for b in _batches(iter_records(source), max(1, int(chunk_size))))
    total = OutletCounts()
    if n_jobs <= 1:
        results: Iterable[OutletCounts] = map(_count_batch, jobs)
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=n_jobs)
        results = _bounded_map(pool, jobs, 2 * n_jobs)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, desc="chunks", unit="chunk")
    try:
        for counts in results:
            total = total + counts
    finally:
        if n_jobs > 1:
            pool.shutdown(cancel_futures=True)
    return total


def _bounded_map(pool: Any, jobs: Iterator[Any], window: int) -> Iterator[OutletCounts]:
    """Like pool.map, in order, but with at most ``window`` chunks in flight (flat memory)."""
    from collections import deque

    pending: deque = deque()
    for job in jobs:
        pending.append(pool.submit(_count_batch, job))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def analyze_dask(corpus: Corpus, *, client: Any = None, npartitions: int | None = None) -> dict[str, pd.DataFrame]:
    """Run the per-article analyzers as a ``dask.bag`` map over partitions of articles.

    Returns the same per-article tables as :func:`framing.compare.analyze_articles`, in corpus
    order. With a ``distributed.Client`` the work goes to its cluster; without one, dask's
    local scheduler is used.
    """
    try:
        import dask.bag as db
    except ImportError:
        from .errors import FramingError

        raise FramingError("engine='dask' needs dask: pip install 'media-framing[dask]'.") from None
    from .compare import PER_ARTICLE_TABLES, _chunks, _concat, analyze_articles, chunk_names

    n = npartitions or max(1, min(len(corpus), 4 * (len(client.ncores()) if client is not None else 2)))
    chunks = _chunks(corpus, n)
    names = chunk_names(corpus)
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(analyze_articles, names)
    parts = client.gather(client.compute(bag)) if client is not None else bag.compute(scheduler="processes")
    parts = list(parts)
    return {name: _concat([p[name] for p in parts]) for name in PER_ARTICLE_TABLES}
