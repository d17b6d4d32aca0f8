"""Run every analyzer once over a corpus and hold the resulting tables.

A :class:`Comparison` is what reports read: nothing in ``framing.report``
computes an analysis. Per-article analyzers (sentiment, actor sentiment,
loaded terms, voices) run over chunks of articles, optionally in worker
processes; corpus-level statistics (summaries, distinctive words) are
computed once from the merged tables.

With ``n_jobs > 1`` the corpus is cut into chunks, large first and smaller
towards the end so that the workers finish together, and given to a process
pool. Forked workers (the default on Linux) inherit the corpus and receive only
the bounds of their chunk; spawned ones receive the chunk's articles pickled
without their raw text. What a chunk needs to know about the whole corpus (the
fallback actor names, counted by the workers) is computed first and sent along,
so the tables equal the serial run's, in the same order. The distinctive words
(which need the whole corpus) are one more pool job, submitted first; the
parent takes the word counts found on the way and the workers' sentence counts
for its own articles instead of tokenising the texts again.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import itertools
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping

import pandas as pd

from .corpus import Corpus

__all__ = ["Comparison", "analyze", "analyze_articles", "gc_paused", "PER_ARTICLE_TABLES"]

log = logging.getLogger(__name__)

#: Terms per outlet kept in ``Comparison.distinctive`` (highest z first).
DISTINCTIVE_TOP = 200

#: Per-article tables and the analyzer that makes each.
PER_ARTICLE_TABLES = ("sentences", "actor_mentions", "loaded_terms", "voices")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration of the block (restored after it,
    also on error; nested use is fine).

    The analyzers create millions of short-lived containers (tokens, spans, table rows) but almost
    no reference cycles (292 cyclic objects in a full AllSides run), so reference counting frees
    everything and the collector's passes over the growing heap are pure overhead: about 5 % of
    :func:`analyze` on 3,656 articles. Memory is unaffected. Other threads of the process also run
    without cyclic collection while an analysis is running.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyze_articles(corpus: Corpus, fallback_names: Collection[str] | None = None, *,
                     only: Collection[str] | None = None) -> dict[str, pd.DataFrame]:
    """Run the per-article analyzers on a corpus (or a chunk of one).

    Parameters
    ----------
    corpus : Corpus
        The articles (a whole corpus or one chunk).
    fallback_names : collection of str, optional
        For a chunk of a corpus without actors: the whole corpus's
        :func:`framing.analyzers.sentiment.fallback_names`, so that actor
        mentions do not depend on how the corpus was cut.
    only : collection of str, optional
        Compute only these of :data:`PER_ARTICLE_TABLES` (default: all).

    Returns
    -------
    dict
        ``sentences`` (sentence sentiment), ``actor_mentions`` (actor-directed
        sentiment), ``loaded_terms`` and ``voices`` tables, each with
        ``article_id, outlet`` first.
    """
    from .analyzers.loaded import loaded_terms
    from .analyzers.sentiment import actor_sentiment, sentence_sentiment
    from .analyzers.voices import voices

    want = set(PER_ARTICLE_TABLES if only is None else only)
    out: dict[str, pd.DataFrame] = {}
    with gc_paused():
        if want & {"sentences", "actor_mentions"}:
            out["sentences"] = sentence_sentiment(corpus)
        if "actor_mentions" in want:
            out["actor_mentions"] = actor_sentiment(corpus, sentence_table=out["sentences"],
                                                    fallback_names=fallback_names)
        if "loaded_terms" in want:
            out["loaded_terms"] = loaded_terms(corpus)
        if "voices" in want:
            out["voices"] = voices(corpus)
    return {name: out[name] for name in PER_ARTICLE_TABLES if name in want}


def _chunk_job(args: tuple[Corpus | tuple[int, int, int], Collection[str] | None]
               ) -> tuple[dict[str, pd.DataFrame], list[int]]:
    """Worker job: the per-article tables of a chunk and its articles' sentence counts (the parent
    counts words itself, while tokenising for distinctive terms)."""
    part, names = args
    corpus = _part(part)
    return analyze_articles(corpus, names), [a.n_sentences for a in corpus.articles]


def chunk_names(corpus: Corpus) -> Collection[str] | None:
    """What every chunk of ``corpus`` needs to know about the whole: the fallback actor names
    (None when the corpus has actors, which need nothing corpus-wide)."""
    if getattr(corpus, "actors", ()):
        return None
    from .analyzers.sentiment import fallback_names

    return fallback_names(corpus)


def _names_job(part: Corpus | tuple[int, int, int]) -> dict[str, int]:
    """Worker job: :func:`~framing.analyzers.sentiment.name_counts` of a part of the corpus."""
    from .analyzers.sentiment import name_counts

    return name_counts(a.text for a in _part(part).articles)


#: Corpora of the parallel analyses now running, by key. Forked workers inherit this dict and read
#: their chunks from it, so the parent sends ``(key, start, stop)`` instead of pickling articles.
_SHARED: dict[int, Corpus] = {}
_SHARED_KEYS = itertools.count()


def _part(part: Corpus | tuple[int, int, int]) -> Corpus:
    """A pool job's articles: the pickled chunk itself, or articles ``start:stop`` of the shared
    corpus ``key`` that a forked worker inherited."""
    if isinstance(part, Corpus):
        return part
    key, start, stop = part
    return _slice(_SHARED[key], start, stop)


def _on_part(job: Callable[[Corpus], Any], part: Corpus | tuple[int, int, int]) -> Any:
    """Worker job: ``job`` of a part of the corpus (see :func:`_part`)."""
    return job(_part(part))


def _light(corpus: Corpus) -> Corpus:
    """The chunk as pickled for a worker that does not share the parent's memory: articles without
    their raw text and removed lines, which no per-article analyzer reads (half the pickling)."""
    from dataclasses import replace

    arts = tuple(replace(a, raw="", removed=()) for a in corpus.articles)
    return Corpus(arts, corpus.outlets, corpus.actors, corpus.story, corpus.path)


def _distinctive_job(corpus: Corpus) -> tuple[pd.DataFrame, list[int | None]]:
    """``distinctive_terms(corpus, top=DISTINCTIVE_TOP)`` and each article's word count (found on the
    way); a pool job of its own in a parallel run."""
    from .analyzers.distinctive import distinctive_terms_and_word_counts

    with gc_paused():
        return distinctive_terms_and_word_counts(corpus, top=DISTINCTIVE_TOP)


def _set_word_counts(corpus: Corpus, counts: list[int | None]) -> None:
    """Fill the articles' ``n_words`` from :func:`_distinctive_job`, so the texts are not
    tokenised a second time."""
    for art, n in zip(corpus.articles, counts):
        if n is not None:
            art.__dict__.setdefault("n_words", n)  # functools.cached_property storage


def _guided_bounds(n: int, n_jobs: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of the chunks of ``n`` articles for a pool of ``n_jobs`` workers, large
    first and smaller towards the end (guided self-scheduling: each takes half a worker's share of
    what is left, at least 1/40 of a worker's share), so that the workers finish at about the same
    time."""
    smallest = max(1, n // (n_jobs * 40))
    out, i = [], 0
    while i < n:
        size = max(smallest, (n - i) // (2 * n_jobs))
        out.append((i, min(n, i + size)))
        i += size
    return out


def _even_bounds(n: int, k: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of ``k`` (or fewer) equal parts of ``n`` articles."""
    size = max(1, -(-n // k))
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def _slice(corpus: Corpus, start: int, stop: int) -> Corpus:
    """Articles ``start:stop`` of ``corpus`` as a corpus (the corpus itself when that is all)."""
    if (start, stop) == (0, len(corpus)):
        return corpus
    return Corpus(corpus.articles[start:stop], corpus.outlets, corpus.actors, corpus.story, corpus.path)


def _chunks(corpus: Corpus, n: int) -> list[Corpus]:
    """``corpus`` cut into ``n`` (or fewer) chunks of equal size, in order."""
    return [_slice(corpus, i, j) for i, j in _even_bounds(len(corpus), n)]


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if p is not None]
    if not parts:
        return pd.DataFrame()
    non_empty = [p for p in parts if len(p)]
    if not non_empty:
        return parts[0].iloc[0:0].copy()
    return pd.concat(non_empty, ignore_index=True)


@dataclass
class Comparison:
    """All tables of one analysed corpus.

    Attributes
    ----------
    corpus : Corpus
    articles : DataFrame
        One row per article with outlet facts (:meth:`Corpus.to_frame`).
    outlets : DataFrame
        One row per outlet of the corpus, in corpus order: its facts.
    sources : DataFrame
        ``outlet, field, ref, checked``: the citation for every outlet fact.
    sentences, article_sentiment, outlet_sentiment : DataFrame
        Sentence-level VADER scores and their per-article / per-outlet summaries.
    actor_mentions, actor_sentiment : DataFrame
        Actor-directed sentiment per mention, and per outlet x actor.
    loaded_terms, loaded_rates, top_loaded_terms : DataFrame
        Loaded-language hits, rates per 1,000 words per outlet x category, top terms.
    voices, voice_summary, affiliation_shares : DataFrame
        Quotes with speakers, the per-outlet summary, speaker-affiliation shares.
    distinctive : DataFrame
        Log-odds (informative Dirichlet prior) z-scores of words per outlet: the
        :data:`DISTINCTIVE_TOP` (200) most over-represented terms of each outlet
        (``distinctive_terms(corpus, top=None)`` gives every outlet x term).
    warnings : list of str
        Caveats about the corpus (date spread, little text for an outlet...).
    """

    corpus: Corpus
    articles: pd.DataFrame
    outlets: pd.DataFrame
    sources: pd.DataFrame
    sentences: pd.DataFrame
    article_sentiment: pd.DataFrame
    outlet_sentiment: pd.DataFrame
    actor_mentions: pd.DataFrame
    actor_sentiment: pd.DataFrame
    loaded_terms: pd.DataFrame
    loaded_rates: pd.DataFrame
    top_loaded_terms: pd.DataFrame
    voices: pd.DataFrame
    voice_summary: pd.DataFrame
    affiliation_shares: pd.DataFrame
    distinctive: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    @property
    def outlet_order(self) -> list[str]:
        """Outlet keys in the corpus order (the order every chart uses)."""
        return list(self.corpus.outlet_keys)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name."""
        return {name: getattr(self, name) for name in _TABLES}

    # -- exports ---------------------------------------------------------------------------------
    def to_pdf(self, path: str | Path) -> Path:
        """Write the PDF comparison report (atomically)."""
        from .report.pdf import write_pdf

        return write_pdf(self, path)

    def to_html(self, path: str | Path) -> Path:
        """Write the self-contained HTML report (atomically)."""
        from .report.html import write_html

        return write_html(self, path)

    def to_csv(self, folder: str | Path) -> Path:
        """Write every table as ``<folder>/<table>.csv``."""
        from .io import atomic_write_text

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            atomic_write_text(folder / f"{name}.csv", table.to_csv(index=False))
        return folder

    def to_excel(self, path: str | Path) -> Path:
        """Write every table as a sheet of one Excel workbook (needs openpyxl)."""
        import io

        from .errors import ReportError
        from .io import atomic_write_bytes

        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise ReportError("to_excel needs openpyxl: pip install openpyxl (or use to_csv).") from None
        buf = io.BytesIO()
        with pd.ExcelWriter(buf, engine="openpyxl") as xw:
            for name, table in self.tables().items():
                table.to_excel(xw, sheet_name=name[:31], index=False)
        return atomic_write_bytes(path, buf.getvalue())


_TABLES = ("articles", "outlets", "sources", "sentences", "article_sentiment", "outlet_sentiment",
           "actor_mentions", "actor_sentiment", "loaded_terms", "loaded_rates", "top_loaded_terms",
           "voices", "voice_summary", "affiliation_shares", "distinctive")


def analyze(corpus: Corpus, n_jobs: int = 1, *, progress: bool = False, engine: str = "local",
            client: Any = None) -> Comparison:
    """Run every analyzer once and return a :class:`Comparison`.

    Parameters
    ----------
    corpus : Corpus
    n_jobs : int
        Worker processes for the per-article analyzers (chunks of articles;
        results are identical to the serial run, in the same order).
    progress : bool
        Show a progress bar (tqdm) over chunks.
    engine : {"local", "dask"}
        ``"dask"`` runs the per-article analyzers as a ``dask.bag`` map over
        partitions (extra ``media-framing[dask]``); results equal the local run.
    client : distributed.Client, optional
        With ``engine="dask"``, the cluster to use (default: dask's local processes).

    Examples
    --------
    >>> import framing
    >>> comp = framing.analyze(framing.load_corpus("corpora/s400"))   # doctest: +SKIP
    >>> comp.outlet_sentiment[["outlet", "mean", "n_sentences"]]     # doctest: +SKIP

    The cyclic garbage collector is paused while the tables are built (see :func:`gc_paused`).
    """
    with gc_paused():
        return _analyze(corpus, n_jobs, progress, engine, client)


def _analyze(corpus: Corpus, n_jobs: int, progress: bool, engine: str, client: Any) -> Comparison:
    from .analyzers.loaded import loaded_rates, top_loaded_terms
    from .analyzers.sentiment import actor_sentiment_summary, article_sentiment, outlet_sentiment
    from .analyzers.voices import affiliation_shares, voice_summary

    if engine == "dask":
        from .stream import analyze_dask

        tables = analyze_dask(corpus, client=client) if len(corpus) else analyze_articles(corpus)
        distinctive, counts = _distinctive_job(corpus)
        _set_word_counts(corpus, counts)
    elif engine == "local":
        # distinctive words need the whole corpus: one job of its own, next to the chunks
        parts, (distinctive, counts) = _run_chunks(corpus, n_jobs, progress, _distinctive_job)
        _set_word_counts(corpus, counts)
        tables = {name: _concat([p[name] for p in parts]) if parts else analyze_articles(corpus)[name]
                  for name in PER_ARTICLE_TABLES}
    else:
        from .errors import FramingError

        raise FramingError(f"engine={engine!r} is not known; use 'local' or 'dask'.")
    articles = corpus.to_frame()
    outlets = outlet_table(corpus)
    sources = source_table(corpus)
    sentences = tables["sentences"]
    return Comparison(
        corpus=corpus,
        articles=articles,
        outlets=outlets,
        sources=sources,
        sentences=sentences,
        article_sentiment=article_sentiment(sentences),
        outlet_sentiment=outlet_sentiment(sentences),
        actor_mentions=tables["actor_mentions"],
        actor_sentiment=actor_sentiment_summary(tables["actor_mentions"]),
        loaded_terms=tables["loaded_terms"],
        loaded_rates=loaded_rates(tables["loaded_terms"], corpus),
        top_loaded_terms=top_loaded_terms(tables["loaded_terms"]),
        voices=tables["voices"],
        voice_summary=voice_summary(tables["voices"]),
        affiliation_shares=affiliation_shares(tables["voices"]),
        distinctive=distinctive,
        warnings=corpus_warnings(articles),
    )


def _run_chunks(corpus: Corpus, n_jobs: int, progress: bool,
                whole_job: Callable[[Corpus], Any]) -> tuple[list[dict[str, pd.DataFrame]], Any]:
    """Per-article tables of every chunk, in corpus order, and ``whole_job(corpus)`` (a module-level
    function: in a parallel run it is the pool's first job, while the other workers count the
    fallback actor names and then start on the chunks).

    Where pool workers are forked (the default on Linux), they inherit the corpus and get only
    ``(key, start, stop)``; elsewhere (spawn, forkserver) each job pickles its articles without
    their raw text."""
    n_jobs = max(1, int(n_jobs))
    if len(corpus) == 0 or n_jobs == 1:
        parts = [analyze_articles(corpus)] if len(corpus) else []
        return parts, whole_job(corpus)
    context = multiprocessing.get_context()
    key = next(_SHARED_KEYS)
    if context.get_start_method() == "fork":
        _SHARED[key] = corpus  # before the pool forks its workers

        def part(start: int, stop: int) -> Corpus | tuple[int, int, int]:
            return key, start, stop
    else:
        def part(start: int, stop: int) -> Corpus | tuple[int, int, int]:
            return _light(_slice(corpus, start, stop))
    try:
        with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context) as pool:
            whole = pool.submit(_on_part, whole_job, part(0, len(corpus)))
            names = None
            if not getattr(corpus, "actors", ()):
                from .analyzers.sentiment import names_from_counts

                # the worker busy with whole_job takes no share: the others split the texts
                total: dict[str, int] = {}
                for counts in pool.map(_names_job, [part(i, j) for i, j in _even_bounds(
                        len(corpus), max(1, n_jobs - 1))]):
                    for name, n in counts.items():
                        total[name] = total.get(name, 0) + n
                names = names_from_counts(total)
            bounds = _guided_bounds(len(corpus), n_jobs)
            futures = [pool.submit(_chunk_job, (part(i, j), names)) for i, j in bounds]
            it: Iterable[Any] = (f.result() for f in futures)
            if progress:
                from tqdm import tqdm

                it = tqdm(it, total=len(bounds), desc="analyzing", unit="chunk")
            parts = []
            for (i, j), (tables, n_sentences) in zip(bounds, it):
                for art, n in zip(corpus.articles[i:j], n_sentences):
                    art.__dict__.setdefault("n_sentences", n)  # functools.cached_property storage
                parts.append(tables)
            extra = whole.result()
    finally:
        _SHARED.pop(key, None)
    return parts, extra


def outlet_table(corpus: Corpus) -> pd.DataFrame:
    """One row per outlet of the corpus (corpus order) with its facts and article count."""
    rows = []
    for key in corpus.outlet_keys:
        facts = corpus.outlet(key).facts()
        arts = [a for a in corpus.articles if a.outlet == key]
        facts["n_articles"] = len(arts)
        facts["n_words"] = sum(a.n_words for a in arts)
        rows.append(facts)
    return pd.DataFrame(rows)


def source_table(corpus: Corpus) -> pd.DataFrame:
    """Citations for every outlet fact: ``outlet, field, ref, checked``."""
    rows = [
        {"outlet": key, "field": c.field, "ref": c.ref, "checked": c.checked}
        for key in corpus.outlet_keys
        for c in corpus.outlet(key).sources
    ]
    return pd.DataFrame(rows, columns=["outlet", "field", "ref", "checked"])


def corpus_warnings(articles: pd.DataFrame) -> list[str]:
    """Caveats a reader must see: dates far apart, outlets with far less text, missing dates."""
    out: list[str] = []
    if articles.empty:
        return ["The corpus is empty."]
    dates = [d for d in articles["date"] if isinstance(d, _dt.date)]
    if len(dates) >= 2:
        span = (max(dates) - min(dates)).days
        if span > 180:
            out.append(
                f"Article dates span {min(dates).isoformat()} to {max(dates).isoformat()} ({span / 365.25:.1f} years): "
                "differences between outlets may reflect a changing story, not only framing."
            )
    missing = articles.loc[[not isinstance(d, _dt.date) for d in articles["date"]], "outlet"].tolist()
    if missing:
        out.append(f"No date for: {', '.join(missing)}.")
    if "date_approximate" in articles and articles["date_approximate"].any():
        approx = articles.loc[articles["date_approximate"].astype(bool), "outlet"].tolist()
        out.append(f"Approximate dates (inferred from the text) for: {', '.join(approx)}.")
    words = articles.groupby("outlet", sort=False)["n_words"].sum()
    if len(words) >= 2:
        med = float(words.median())
        small = [f"{k} ({int(v)} words)" for k, v in words.items() if v < 0.5 * med]
        if small:
            out.append(f"Far less text than the median outlet ({int(med)} words): {', '.join(small)}; "
                       "its rates and shares rest on few words.")
    if len(articles) < 20:
        out.append(f"Only {len(articles)} articles: figures describe these articles, not the outlets in general.")
    return out
