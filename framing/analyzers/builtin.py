"""The package's analyzers, registered with :mod:`framing.registry` (one entry each).

Import :func:`resolve` from here (not from :mod:`framing.registry`): importing this module is what
registers the analyzers. Each ``_run_*`` adapter calls the public analyzer with what the runner hands it: the corpus (or a
chunk of it), the fitted corpus-wide state and the chunk's tables of the analyzers it needs.
"""
from __future__ import annotations

from functools import partial
from typing import Any, Callable, Mapping

import pandas as pd

from ..errors import FramingError
from ..quotes.convention import check_convention
from ..registry import Analyzer, Fit, Summary, register, resolve
from ..tables import TABLES
from ..corpus import article_word_counts
from . import additive
from .distinctive import distinctive_terms
from .coverage import coverage
from .frames import frame_shares, frames
from .loaded import loaded_terms, top_loaded_terms
from .loaded_rates import loaded_rates, quoted_words, summary_from_rates
from .naming import naming, naming_summary
from .roles import roles
from .mentions import actor_sentiment, actor_sentiment_summary, name_counts, names_from_counts
from .sentiment import article_sentiment, outlet_sentiment, sentence_sentiment
from .stories import story_differences, story_metrics
from .voices import affiliation_shares, merge_story_name_counts, story_name_counts, voice_summary, voices

__all__ = ["resolve", "default_analyzers", "REPORT_EXTRAS", "DISTINCTIVE_TOP", "classifier_analyzer"]

Tables = Mapping[str, pd.DataFrame]

#: Terms per outlet kept in ``Comparison.distinctive`` (highest z first).
DISTINCTIVE_TOP = 200


def _run_article_counts(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    arts = corpus.articles
    return TABLES["article_counts"].from_columns({
        "article_id": [a.id for a in arts], "outlet": [a.outlet for a in arts],
        "n_words": article_word_counts(arts), "n_sentences": [a.n_sentences for a in arts]})


def _run_sentences(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return sentence_sentiment(corpus)


def _name_counts(corpus: Any) -> dict[str, int] | None:
    """Fit map: how often each capitalised name occurs (None when the corpus has actors)."""
    if getattr(corpus, "actors", ()):
        return None
    return name_counts(a.text for a in corpus.articles)


def _merge_names(parts: list[dict[str, int] | None]) -> frozenset[str] | None:
    """Fit reduce: the fallback actor names of the whole corpus (None when it has actors)."""
    if not parts or any(p is None for p in parts):
        return None
    total: dict[str, int] = {}
    for counts in parts:
        for name, n in counts.items():  # type: ignore[union-attr]
            total[name] = total.get(name, 0) + n
    return names_from_counts(total)


def _run_actor_mentions(corpus: Any, names: frozenset[str] | None, tables: Tables) -> pd.DataFrame:
    return actor_sentiment(corpus, sentence_table=tables["sentences"], fallback_names=names)


def _run_loaded(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return loaded_terms(corpus)


def _run_voices(corpus: Any, state: Any, tables: Tables, convention: str = "reported-speech") -> pd.DataFrame:
    return voices(corpus, names=state, convention=convention)


def _check_voices_options(options: Mapping[str, Any]) -> None:
    if "convention" in options:
        check_convention(options["convention"])


def _run_distinctive(corpus: Any, state: None, tables: Tables, top: int = DISTINCTIVE_TOP) -> pd.DataFrame:
    return distinctive_terms(corpus, top=top)


def _check_distinctive_options(options: Mapping[str, Any]) -> None:
    top = options.get("top", DISTINCTIVE_TOP)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise FramingError(f"distinctive option top={top!r}: give a whole number of terms per outlet, 1 or more.")


def _run_coverage(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return coverage(corpus)


def _run_naming(corpus: Any, names: frozenset[str] | None, tables: Tables) -> pd.DataFrame:
    return naming(corpus, names=names, loaded=tables["loaded_terms"])


def _apply(func: Callable[[pd.DataFrame], pd.DataFrame], name: str, tables: Tables) -> pd.DataFrame:
    return func(tables[name])


def _on(name: str, func: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[Tables], pd.DataFrame]:
    """Summary function ``tables -> func(tables[name])`` (picklable, unlike a lambda)."""
    return partial(_apply, func, name)


def _rates(tables: Tables) -> pd.DataFrame:
    return loaded_rates(tables["loaded_terms"], tables["quoted_words"])


def _loaded_summary(tables: Tables) -> pd.DataFrame:
    return summary_from_rates(_rates(tables))


def _run_quoted_words(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return quoted_words(corpus)


register(Analyzer(
    "article_counts", "article_counts", _run_article_counts,
    doc="Word and sentence counts of each article (for rates and the articles table)."))
register(Analyzer(
    "sentences", "sentences", _run_sentences,
    doc="VADER scores of every sentence (framing.sentence_sentiment).",
    summaries=(
        Summary("article_sentiment", _on("sentences", article_sentiment)),
        Summary("outlet_sentiment", _on("sentences", outlet_sentiment),
                additive.sentiment_counts, additive.add, additive.sentiment_final),
    )))
register(Analyzer(
    "actor_mentions", "actor_mentions", _run_actor_mentions, needs=("sentences",),
    fit=Fit(_name_counts, _merge_names),
    doc="Sentiment toward each actor mention (framing.actor_sentiment); without actors.yaml the "
        "actors are the corpus's most frequent names, found once for the whole corpus (the fit).",
    summaries=(Summary("actor_sentiment", _on("actor_mentions", actor_sentiment_summary)),)))
register(Analyzer(
    "quoted_words", "quoted_words", _run_quoted_words,
    doc="Words of each article inside double quotation marks (the quoted-word denominators of loaded rates)."))
register(Analyzer(
    "loaded_terms", "loaded_terms", _run_loaded, needs=("article_counts", "quoted_words"),
    doc="Loaded-language hits (framing.loaded_terms); rates count flagged hits, own and quoted words apart, "
        "epistemic markers apart (framing.analyzers.loaded_rates).",
    summaries=(
        Summary("loaded_rates", _rates,
                additive.loaded_counts, additive.add, additive.loaded_final),
        Summary("loaded_summary", _loaded_summary,
                additive.loaded_counts, additive.add, additive.loaded_summary_final),
        Summary("top_loaded_terms", _on("loaded_terms", partial(top_loaded_terms, flagged_only=True, voice="own"))),
    )))
register(Analyzer(
    "voices", "voices", _run_voices, fit=Fit(story_name_counts, merge_story_name_counts),
    params={"convention": "reported-speech"}, check_options=_check_voices_options,
    doc="Quotes and their speakers (framing.voices); the fit finds each story's person names, so a "
        "speaker is named one way across the articles of a story. Option ``convention``: "
        "'reported-speech' (speech only, the default) or 'attribution' (also thoughts and beliefs).",
    summaries=(
        Summary("voice_summary", _on("voices", voice_summary),
                additive.voice_counts, additive.add, additive.voice_final),
        Summary("affiliation_shares", _on("voices", affiliation_shares),
                additive.affiliation_counts, additive.add, additive.affiliation_final),
    )))
register(Analyzer(
    "distinctive", "distinctive", _run_distinctive, scope="corpus",
    params={"top": DISTINCTIVE_TOP}, check_options=_check_distinctive_options,
    doc=f"The most distinctive words of each outlet (framing.distinctive_terms); option ``top``: terms kept "
        f"per outlet (default {DISTINCTIVE_TOP})."))
def _run_frames(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return frames(corpus)


def _run_roles(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return roles(corpus)


register(Analyzer(
    "frames", "article_frames", _run_frames,
    doc="Generic news frames per article with evidence sentences (framing.frames).",
    summaries=(Summary("frame_shares", _on("article_frames", frame_shares),
                       additive.frame_counts, additive.add, additive.frame_final),)))
register(Analyzer(
    "roles", "roles", _run_roles, default=False,
    doc="Actors cast as hero, villain or victim, with the sentence that does it (framing.roles); "
        "not in the default run (with naming, about 15 % of a full analysis): the report adds it."))


register(Analyzer(
    "naming", "naming", _run_naming, needs=("loaded_terms",), fit=Fit(_name_counts, _merge_names), default=False,
    doc="What each outlet calls each actor (framing.naming); without actors.yaml the actors are the "
        "corpus's most frequent names (the fit).",
    summaries=(Summary("naming_summary", _on("naming", naming_summary)),)))
register(Analyzer(
    "coverage", "coverage", _run_coverage, scope="corpus", default=False,
    doc="Claims: sentences of different outlets stating the same fact, per story (framing.coverage); "
        "off by default: about 9x the sentence-sentiment time on a large corpus. "
        "framing.coverage_matrix(comp.coverage) gives claims x outlets."))


def _run_story_metrics(corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    return story_metrics(corpus, tables)


def _story_differences(tables: Tables) -> pd.DataFrame:
    return story_differences(tables["story_metrics"], tables.get("article_frames"))


register(Analyzer(
    "story_metrics", "story_metrics", _run_story_metrics,
    needs=("article_counts", "quoted_words", "sentences", "loaded_terms", "voices"),
    doc="Per-article tone, loaded-term and quote metrics with the article's story (framing.story_metrics); "
        "summary: each outlet's mean difference from the other outlets within a story, over stories.",
    summaries=(Summary("story_differences", _story_differences),)))


def _run_classifiers(models: Mapping[str, Any], corpus: Any, state: None, tables: Tables) -> pd.DataFrame:
    from ..classify import classifiers_sentences

    return classifiers_sentences(corpus, models)


def _classifier_summary(tables: Tables) -> pd.DataFrame:
    from ..classify import classifier_summary

    return classifier_summary(tables["classifier_sentences"])


def classifier_analyzer(models: Mapping[str, Any]) -> Analyzer:
    """The analyzer of user-trained classifiers ``{name: TextClassifier}`` for one call of
    :func:`framing.analyze` (not registered: its models are the caller's). Each sentence is classified
    on its own, so it runs in chunks like the other per-article analyzers."""
    return Analyzer("classifiers", "classifier_sentences", partial(_run_classifiers, dict(models)),
                    doc="Labels of the user's trained classifiers per sentence (framing.classifier_sentences).",
                    summaries=(Summary("classifier_summary", _classifier_summary),), default=False)


#: Analyzers the report and worksheet add to the default run: cheap on a story's few articles, costly on
#: thousands (coverage about 9x sentence sentiment; roles and naming together about 15 % of a full run
#: on the AllSides corpus).
REPORT_EXTRAS = ("roles", "naming", "coverage")


def default_analyzers() -> list[str]:
    """Names of the analyzers :func:`framing.analyze` runs by default, in run order (add
    :data:`REPORT_EXTRAS` for roles, naming and the claims across outlets).

    Examples
    --------
    >>> "frames" in default_analyzers() and "coverage" not in default_analyzers()
    True
    """
    return [a.name for a in resolve()]
