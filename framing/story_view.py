"""One story of an analysed multi-story corpus as a Comparison of its own (for worksheets).

:func:`story_comparison` keeps the rows of one story's articles in every per-article table and
recomputes the summaries from them with the registered summary functions, so a worksheet built on it
takes every excerpt, task and answer from that story. :func:`pick_story` chooses a story when the user
names none: the one most outlets covered, then the one with most articles, then the first.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from .compare import Comparison, corpus_warnings, language_warnings, outlet_table
from .corpus import Corpus
from .errors import FramingError
from .registry import REGISTRY, summary_tables
from .tables import TABLES

__all__ = ["story_comparison", "pick_story", "story_counts"]


def story_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Per story (order of first appearance): ``story, n_outlets, n_articles, first_date``."""
    if articles.empty or "story" not in articles.columns:
        return pd.DataFrame(columns=["story", "n_outlets", "n_articles", "first_date"])
    story = articles["story"].fillna("").astype(str)
    rows = []
    for s, g in articles.groupby(story, sort=False):
        dates = sorted(d for d in g["date"] if hasattr(d, "isoformat"))
        rows.append((s, int(g["outlet"].nunique()), len(g), dates[0].isoformat() if dates else ""))
    return pd.DataFrame(rows, columns=["story", "n_outlets", "n_articles", "first_date"])


def pick_story(articles: pd.DataFrame) -> str:
    """The story with the most outlets, then the most articles, then the first in the corpus.

    Examples
    --------
    >>> a = pd.DataFrame({"story": ["s1", "s2", "s2", "s3", "s3"], "outlet": ["x", "x", "y", "x", "y"],
    ...                   "date": [None] * 5})
    >>> pick_story(a)
    's2'
    """
    counts = story_counts(articles)
    if counts.empty:
        raise FramingError("the comparison has no articles, so no story to choose.")
    best = sorted(range(len(counts)), key=lambda i: (-counts["n_outlets"].iloc[i], -counts["n_articles"].iloc[i], i))
    return str(counts["story"].iloc[best[0]])


def _analyzers(comp: Comparison) -> list[Any]:
    """The Analyzer records of the comparison's analyzers (the user's classifiers rebuilt from its models)."""
    out = [REGISTRY[n] for n in comp.analyzers if n in REGISTRY]
    if "classifiers" in comp.analyzers and comp.models:
        from .analyzers.builtin import classifier_analyzer

        out.append(classifier_analyzer(comp.models))
    return out


def story_comparison(comp: Comparison, story: str) -> Comparison:
    """The comparison restricted to the articles of ``story``.

    Per-article tables keep that story's rows; summaries are recomputed from them; whole-corpus
    tables without article rows (distinctive words) are recomputed on the story's articles; the
    ``articles``, ``outlets`` and ``sources`` tables and the warnings describe the story's articles.

    Raises
    ------
    FramingError
        When no article belongs to ``story`` (the message lists the corpus's stories).

    Examples
    --------
    >>> import framing
    >>> comp = framing.analyze(framing.load_corpus("corpora/s400"), analyzers=["sentences"])  # doctest: +SKIP
    >>> story_comparison(comp, comp.articles["story"][0]).outlet_order                        # doctest: +SKIP
    ['cbc', 'rt', 'presstv', 'revoi', 'wsws']
    """
    arts = comp.frames["articles"]
    keep = arts["story"].fillna("").astype(str) == str(story)
    if not keep.any():
        known = story_counts(arts)
        listed = ", ".join(f"{s} ({n} outlets)" for s, n in zip(known["story"][:10], known["n_outlets"][:10]))
        listed += f" and {len(known) - 10} more" if len(known) > 10 else ""
        raise FramingError(f"story {story!r} is not in this corpus; its stories are: {listed}. "
                           "Give one of them (framing worksheet CORPUS --story ID).")
    ids = set(arts.loc[keep, "article_id"])
    articles = tuple(a for a in comp.corpus.articles if a.id in ids)
    keys = set(a.outlet for a in articles)
    corpus = Corpus(articles, {k: o for k, o in comp.corpus.outlets.items() if k in keys}, comp.corpus.actors,
                    str(story), comp.corpus.path)
    analyzers = _analyzers(comp)
    summaries = {s.table for a in analyzers for s in a.summaries}
    whole = {a.table: a for a in analyzers if a.scope == "corpus"}
    tables: dict[str, pd.DataFrame] = {}
    for name, t in comp.frames.items():
        if name in ("outlets", "sources") or name in summaries:
            continue
        if "article_id" in t.columns:
            tables[name] = t[t["article_id"].isin(ids)].reset_index(drop=True)
        elif name in whole:
            tables[name] = TABLES[name].conform(whole[name].run(corpus, None, {}))
        else:
            tables[name] = t
    counts = tables.get("article_counts")
    tables["outlets"] = TABLES["outlets"].conform(outlet_table(corpus, counts))
    src = comp.frames.get("sources")
    if src is not None:
        tables["sources"] = src[src["outlet"].isin(keys)].reset_index(drop=True)
    tables.update(summary_tables(analyzers, tables))
    frames = {name: tables[name] for name in comp.frames if name in tables}
    notes = corpus_warnings(frames["articles"]) + language_warnings(corpus)
    return Comparison(corpus, frames, comp.analyzers, notes, comp.models, comp.options)
