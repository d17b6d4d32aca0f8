"""The result of one analysis: a :class:`Comparison` holds every table, and the views reports need.

:func:`analyze` resolves the analyzers (:mod:`framing.registry`), runs them
(:mod:`framing.runner`), computes their summaries and the corpus tables
(articles, outlets, sources) and returns a :class:`Comparison`. Nothing in
``framing.report`` computes an analysis or reads an article: it reads the
tables and the views below.
"""
from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from .corpus import Corpus
from .tables import TABLES
from .text import Span

__all__ = ["Comparison", "analyze", "outlet_table", "source_table", "corpus_warnings"]

log = logging.getLogger(__name__)

#: The corpus tables every Comparison has, before the analyzers' tables.
CORPUS_TABLES = ("articles", "outlets", "sources")


@dataclass
class Comparison:
    """All tables of one analysed corpus, by name, and the views the reports need.

    Every table is also an attribute: ``comp.outlet_sentiment`` is
    ``comp.frames["outlet_sentiment"]``. Columns are declared in
    :mod:`framing.tables` (``framing.tables.TABLES[name].describe()``).

    Attributes
    ----------
    corpus : Corpus
        The analysed corpus.
    frames : dict of str to DataFrame
        ``articles, outlets, sources`` (one row per article / outlet / cited source), then each
        analyzer's table and summaries in registry order.
    analyzers : tuple of str
        Names of the analyzers that ran.
    warnings : list of str
        Caveats about the corpus (date spread, little text for an outlet, non-English articles...).
    models : dict
        Trained classifiers used (name -> model), for the report to say what they were trained on.
    options : dict
        The options each analyzer that takes options ran with (``{"voices": {"convention":
        "reported-speech"}, ...}``), for the report to say how it counted.
    """

    corpus: Corpus
    frames: dict[str, pd.DataFrame]
    analyzers: tuple[str, ...] = ()
    warnings: list[str] = field(default_factory=list)
    models: dict[str, Any] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        frames = self.__dict__.get("frames")
        if frames is not None and name in frames:
            return frames[name]
        if name in TABLES:
            raise AttributeError(f"Comparison has no table {name!r}: its analyzer did not run "
                                 f"(ran: {', '.join(self.analyzers)}).")
        raise AttributeError(f"'Comparison' object has no attribute {name!r}")

    def __repr__(self) -> str:
        n_art = len(self.frames.get("articles", ()))
        outs = ", ".join(self.outlet_order[:8]) + (" ..." if len(self.outlet_order) > 8 else "")
        return (f"<Comparison: {n_art} articles, {len(self.outlet_order)} outlets ({outs}); "
                f"tables: {', '.join(self.frames)}; {len(self.warnings)} warning(s)>")

    def _repr_html_(self) -> str:
        """Key figures per outlet, warnings, and the tables and plots to call next (for notebooks)."""
        from .display import comparison_html

        return comparison_html(self)

    @property
    def plot(self) -> Any:
        """Charts of this comparison, as in the report: ``comp.plot.sentiment(ax=None)`` returns the Axes
        (see :class:`framing.plotting.PlotAccessor`)."""
        from .plotting import PlotAccessor

        return PlotAccessor(self)

    # -- views the reports read ---------------------------------------------------------------------
    @property
    def outlet_order(self) -> list[str]:
        """Outlet keys in the corpus order (the order every chart uses)."""
        return list(self.corpus.outlet_keys)

    @property
    def story(self) -> str:
        """The corpus's story description ("" when none)."""
        return str(self.corpus.story or "")

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (a new dict; the frames are shared)."""
        return dict(self.frames)

    def article_text(self, article_id: str) -> str:
        """The cleaned text of an article: what every offset of every table points into."""
        return self._article(article_id).text

    def article_paragraphs(self, article_id: str) -> tuple[Span, ...]:
        """Paragraph spans of an article's text."""
        return self._article(article_id).paragraphs

    def outlet_names(self, key: str) -> list[str]:
        """Every way the texts may name an outlet: its key, name, aliases and domains."""
        o = self.corpus.outlets.get(key)
        names = [key] if o is None else [key, o.name, *o.aliases, *o.domains]
        return [n for n in dict.fromkeys(names) if n]

    def top_speakers(self, outlet: str, k: int = 5) -> list[tuple[str, int]]:
        """The ``k`` most quoted speakers of an outlet: ``(speaker, quotes)``, most first, ties by name."""
        v = self.frames.get("voices")
        if v is None or not len(v):
            return []
        spk = v.loc[v["outlet"] == outlet, "speaker"].astype(str).str.strip()
        counts = spk[spk != ""].value_counts()
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(s, int(n)) for s, n in items[:k]]

    def top_terms(self, outlet: str, k: int = 8) -> list[tuple[str, str, int]]:
        """An outlet's ``k`` most frequent loaded lemmas: ``(lemma, category, count)`` by rank."""
        t = self.frames.get("top_loaded_terms")
        if t is None or not len(t):
            return []
        t = t[t["outlet"] == outlet].sort_values("rank", kind="mergesort").head(k)
        return [(str(r.lemma), str(r.category), int(r.count)) for r in t.itertuples(index=False)]

    def _article(self, article_id: str) -> Any:
        index = self.__dict__.setdefault("_by_id", {a.id: a for a in self.corpus.articles})
        return index[article_id]

    # -- exports ---------------------------------------------------------------------------------------
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
        for name, table in self.frames.items():
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
            for name, table in self.frames.items():
                table.to_excel(xw, sheet_name=name[:31], index=False)
        return atomic_write_bytes(path, buf.getvalue())


def analyze(corpus: Corpus, n_jobs: int = 1, *, analyzers: Iterable[str] | None = None,
            classifiers: Mapping[str, Any] | None = None, progress: bool = False, engine: str = "local",
            client: Any = None, options: Mapping[str, Mapping[str, Any]] | None = None) -> Comparison:
    """Run the analyzers once and return a :class:`Comparison`.

    Parameters
    ----------
    corpus : Corpus
    n_jobs : int, default 1
        Worker processes (chunks of articles; the tables equal the serial run's, in the same order).
    analyzers : iterable of str, optional
        Names from :data:`framing.registry.REGISTRY` (default: every default analyzer); the
        analyzers they need are added.
    classifiers : dict, optional
        ``{name: model}``: trained classifiers (:func:`framing.fit_classifier`, or a path to a saved
        model) whose labels of every sentence go into ``comp.classifier_sentences`` and, per outlet,
        ``comp.classifier_summary``; the models are kept in ``comp.models``.
    progress : bool, default False
        Show a progress bar (tqdm) over chunks.
    engine : {"local", "dask"}
        ``"dask"`` runs the chunks as a ``dask.bag`` map (extra ``media-framing[dask]``); the
        tables equal the local run's.
    client : distributed.Client, optional
        With ``engine="dask"``, the cluster to use (default: dask's local processes).
    options : dict, optional
        ``{analyzer: {option: value}}``, e.g. ``{"voices": {"convention": "attribution"}}`` (count
        thoughts and beliefs as quotes, the PolNeAR convention) or ``{"distinctive": {"top": 50}}``.
        ``framing.registry.REGISTRY[name].params`` lists an analyzer's options and defaults.

    Examples
    --------
    >>> import framing
    >>> comp = framing.analyze(framing.load_corpus("corpora/s400"))   # doctest: +SKIP
    >>> comp.outlet_sentiment[["outlet", "mean", "n_sentences"]]     # doctest: +SKIP
    """
    from .analyzers.builtin import classifier_analyzer, resolve
    from .registry import summary_tables
    from .runner import run

    models = _load_models(classifiers or {})
    extra = [classifier_analyzer(models)] if models else []
    chosen = resolve(None if analyzers is None else ["article_counts", *analyzers], extra, options)
    tables = run(corpus, chosen, n_jobs=n_jobs, engine=engine, client=client, progress=progress)
    counts = tables["article_counts"]
    frames = {"articles": TABLES["articles"].conform(corpus.to_frame(counts=counts)),
              "outlets": TABLES["outlets"].conform(outlet_table(corpus, counts)),
              "sources": TABLES["sources"].conform(source_table(corpus))}
    summaries = summary_tables(chosen, tables)
    for a in chosen:
        frames[a.table] = tables[a.table]
        frames.update({s.table: summaries[s.table] for s in a.summaries})
    notes = corpus_warnings(frames["articles"]) + language_warnings(corpus)
    used = {a.name: dict(a.params) for a in chosen if a.params}
    return Comparison(corpus, frames, tuple(a.name for a in chosen), notes, models, used)


def _load_models(classifiers: Mapping[str, Any]) -> dict[str, Any]:
    """``{name: TextClassifier}``, loading the models given as paths (before any analysis runs)."""
    out = {}
    for name, model in sorted(classifiers.items()):
        if isinstance(model, (str, Path)):
            from .classify import load_classifier

            model = load_classifier(model)
        out[str(name)] = model
    return out


def outlet_table(corpus: Corpus, counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per outlet of the corpus (corpus order) with its facts, articles and words
    (words from ``counts``, an ``article_counts`` table, when given)."""
    if counts is None:
        counts = pd.DataFrame({"outlet": [a.outlet for a in corpus.articles],
                               "n_words": [a.n_words for a in corpus.articles]})
    n_art = counts.groupby("outlet", sort=False).size()
    n_words = counts.groupby("outlet", sort=False)["n_words"].sum()
    rows = []
    for key in corpus.outlet_keys:
        facts = corpus.outlet(key).facts()
        facts["n_articles"] = int(n_art.get(key, 0))
        facts["n_words"] = int(n_words.get(key, 0))
        rows.append(facts)
    return pd.DataFrame(rows, columns=TABLES["outlets"].names)


def source_table(corpus: Corpus) -> pd.DataFrame:
    """Citations for every outlet fact of the corpus: ``outlet, field, ref, checked, age_days, stale``
    (:func:`framing.outlets.sources_frame`)."""
    from .outlets import sources_frame

    return sources_frame([corpus.outlet(k) for k in corpus.outlet_keys])


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


def language_warnings(corpus: Corpus) -> list[str]:
    """One caveat naming the articles that do not look English (:func:`framing.text.looks_english`), for
    the report (loading the corpus warned about them once already)."""
    odd = [a.id for a in corpus.articles if a.text and not a.is_english]
    if not odd:
        return []
    msg = (f"{len(odd)} article(s) do not look like English prose ({', '.join(odd[:5])}{' ...' if len(odd) > 5 else ''}): "
           "the lexicons and VADER are English, so their scores and terms mean little.")
    return [msg]
