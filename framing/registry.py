"""The analyzers, each declared once.

An :class:`Analyzer` says what :func:`framing.analyze`, the streaming merge,
the Dask engine and the report need to know about one analysis:

* ``run(corpus, state, tables) -> DataFrame``: the analysis of a corpus or of
  a chunk of one (the runner cuts the corpus into chunks and concatenates the
  chunks' tables in corpus order). ``tables`` holds the same chunk's tables of
  the analyzers named in ``needs``; ``state`` is what ``fit`` learned from the
  whole corpus (None without ``fit``);
* ``table``: the declared table it returns (:mod:`framing.tables`);
* ``fit``: optional corpus-wide state, scikit-learn style, learned before any
  chunk runs, as a map (``Fit.partial`` of parts of the corpus, run in
  parallel) and a reduce (``Fit.merge``), so that chunks give the same tables
  as one serial run;
* ``scope``: ``"article"`` (rows depend on one article and the fitted state:
  may run in chunks) or ``"corpus"`` (needs the whole corpus at once, e.g.
  distinctive words: runs once, as one job);
* ``summaries``: per-outlet tables computed from the merged tables, each
  optionally with an additive form (``partial``/``merge``/``final``) that the
  streaming analysis uses with flat memory;
* ``params``: the options ``run`` takes as keywords, with their defaults
  (``framing.analyze(corpus, options={"voices": {"convention": "attribution"}})``);
  ``check_options`` rejects bad values before anything runs.

The package's analyzers are registered by :mod:`framing.analyzers.builtin`, whose ``resolve`` is the
one to call (importing it registers them). Adding an analyzer is adding one :func:`register` call
there (see
``docs/ARCHITECTURE.md``); the contract tests in ``tests/test_registry.py``
then run over it automatically.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Callable, Iterable, Mapping, Sequence

import pandas as pd

from .errors import FramingError
from .tables import TABLES

__all__ = ["Analyzer", "Fit", "Summary", "REGISTRY", "register", "resolve", "summary_tables"]

Tables = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Fit:
    """Corpus-wide state as map-reduce: ``merge([partial(part) for part in parts])``."""

    partial: Callable[[Any], Any]
    merge: Callable[[list[Any]], Any]


@dataclass(frozen=True)
class Summary:
    """A per-outlet (or per-article) summary table computed from merged tables.

    ``func(tables)`` gets every table of the analysis so far (per-article tables and ``articles``).
    A streamable summary also has ``partial(tables) -> counts`` for one chunk, ``merge(a, b)`` to add
    two chunks' counts exactly, and ``final(counts, outlets)`` giving the declared table.
    """

    table: str
    func: Callable[[Tables], pd.DataFrame]
    partial: Callable[[Tables], Any] | None = None
    merge: Callable[[Any, Any], Any] | None = None
    final: Callable[[Any, Sequence[str]], pd.DataFrame] | None = None

    @property
    def streamable(self) -> bool:
        return self.partial is not None and self.merge is not None and self.final is not None


@dataclass(frozen=True)
class Analyzer:
    """One analysis as the runner sees it (see the module docstring)."""

    name: str
    table: str
    run: Callable[[Any, Any, Tables], pd.DataFrame]
    doc: str = ""
    needs: tuple[str, ...] = ()
    fit: Fit | None = None
    scope: str = "article"
    summaries: tuple[Summary, ...] = ()
    default: bool = True
    params: Mapping[str, Any] = field(default_factory=dict)
    check_options: Callable[[Mapping[str, Any]], None] | None = None

    def __post_init__(self) -> None:
        if self.table not in TABLES:
            raise FramingError(f"analyzer {self.name!r}: table {self.table!r} is not declared in framing/tables.py.")
        for s in self.summaries:
            if s.table not in TABLES:
                raise FramingError(f"analyzer {self.name!r}: summary table {s.table!r} is not declared.")
        if self.scope not in ("article", "corpus"):
            raise FramingError(f"analyzer {self.name!r}: scope must be 'article' or 'corpus', not {self.scope!r}.")

    def configured(self, options: Mapping[str, Any]) -> Analyzer:
        """This analyzer with ``options`` (names from :attr:`params`) passed to ``run`` as keywords;
        ``params`` then holds the values it runs with.

        Raises
        ------
        FramingError
            For an option the analyzer does not take (the message lists those it takes), or a value
            its ``check_options`` rejects.
        """
        unknown = sorted(set(options) - set(self.params))
        if unknown:
            takes = ", ".join(f"{k}={v!r}" for k, v in self.params.items()) or "none"
            raise FramingError(f"analyzer {self.name!r} has no option {', '.join(map(repr, unknown))}; "
                               f"its options (with defaults): {takes}.")
        if not options:
            return self
        if self.check_options is not None:
            self.check_options(options)
        return replace(self, run=partial(self.run, **options), params={**self.params, **options})


#: Every registered analyzer by name, in registration order (which is a valid run order).
REGISTRY: dict[str, Analyzer] = {}


def register(analyzer: Analyzer) -> Analyzer:
    """Add ``analyzer`` to :data:`REGISTRY` (after the analyzers it needs).

    Raises
    ------
    FramingError
        When the name is taken or a needed analyzer is not registered yet.
    """
    if analyzer.name in REGISTRY:
        raise FramingError(f"analyzer {analyzer.name!r} is registered twice.")
    missing = [n for n in analyzer.needs if n not in REGISTRY]
    if missing:
        raise FramingError(f"analyzer {analyzer.name!r} needs {missing}: register those first.")
    REGISTRY[analyzer.name] = analyzer
    return analyzer


def resolve(names: Iterable[str] | None = None, extra: Sequence[Analyzer] = (),
            options: Mapping[str, Mapping[str, Any]] | None = None) -> list[Analyzer]:
    """The analyzers to run, in run order: ``names`` (default: every default analyzer) plus the
    analyzers they need, then ``extra`` (analyzers built for one call, e.g. user classifiers);
    ``options`` maps an analyzer's name to the options it runs with (:meth:`Analyzer.configured`).

    Raises
    ------
    FramingError
        For an unknown name (the message lists the known ones), options for an analyzer that does
        not run, or an option the analyzer does not take.
    """
    if names is None:
        wanted = {n for n, a in REGISTRY.items() if a.default}
    else:
        wanted = set(names)
        unknown = sorted(wanted - set(REGISTRY))
        if unknown:
            raise FramingError(f"unknown analyzer(s) {unknown}; known: {', '.join(REGISTRY)}.")
    changed = True
    while changed:  # close over needs
        needed = {d for n in wanted for d in REGISTRY[n].needs}
        changed = not needed <= wanted
        wanted |= needed
    options = dict(options or {})
    unknown = sorted(set(options) - set(REGISTRY))
    if unknown:
        raise FramingError(f"options given for unknown analyzer(s) {unknown}; known: {', '.join(REGISTRY)}.")
    idle = sorted(set(options) - wanted)
    if idle:
        raise FramingError(f"options given for {', '.join(map(repr, idle))}, which does not run; add it to "
                           "analyzers= or drop its options.")
    return [a.configured(options.get(n, {})) for n, a in REGISTRY.items() if n in wanted] + list(extra)


def summary_tables(analyzers: Sequence[Analyzer], tables: Tables) -> dict[str, pd.DataFrame]:
    """Every summary of ``analyzers`` computed from ``tables``, each conformed to its declaration."""
    out: dict[str, pd.DataFrame] = {}
    for a in analyzers:
        for s in a.summaries:
            out[s.table] = TABLES[s.table].conform(s.func(tables))
    return out
