"""framing: compare how news outlets frame the same story.

The public surface (imported lazily, so ``import framing`` is fast)::

    corpus = framing.load_corpus("corpora/s400")
    comp = framing.analyze(corpus)            # every table, once
    comp.to_pdf("s400.pdf")

    framing.detect_outlet(raw_text, url=None)  # which outlet wrote this?
    framing.extract_quotes(text)               # quoted voices in any string
    framing.find_loaded_terms(text)            # loaded language in any string
    framing.target_sentiment(text, start, end) # sentiment toward one mention
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # errors
    "FramingError": "framing.errors",
    "CorpusError": "framing.errors",
    "OutletError": "framing.errors",
    "LexiconError": "framing.errors",
    "ReportError": "framing.errors",
    "ModelError": "framing.errors",
    "FramingWarning": "framing.errors",
    # outlets and ratings
    "Outlet": "framing.outlets",
    "OutletRegistry": "framing.outlets",
    "default_registry": "framing.outlets",
    "detect_outlet": "framing.outlets",
    "load_ratings": "framing.ratings",
    "outlet_ratings": "framing.ratings",
    "sources_frame": "framing.outlets",
    # corpus
    "Article": "framing.corpus",
    "Corpus": "framing.corpus",
    "load_corpus": "framing.corpus",
    "LoadReport": "framing.corpus",
    "Actor": "framing.actors",
    "load_actors": "framing.actors",
    "clean_text": "framing.clean",
    "ingest_files": "framing.ingest",
    # analyzers
    "extract_quotes": "framing.analyzers.voices",
    "voices": "framing.analyzers.voices",
    "voice_summary": "framing.analyzers.voices",
    "affiliation_shares": "framing.analyzers.voices",
    "reporting_verbs": "framing.analyzers.voices",
    "sentence_sentiment": "framing.analyzers.sentiment",
    "frame_scores": "framing.analyzers.frames",
    "frames": "framing.analyzers.frames",
    "frame_shares": "framing.analyzers.frames",
    "roles": "framing.analyzers.roles",
    "outlet_sentiment": "framing.analyzers.sentiment",
    "target_sentiment": "framing.analyzers.sentiment",
    "actor_sentiment": "framing.analyzers.mentions",
    "actor_sentiment_summary": "framing.analyzers.mentions",
    "article_sentiment": "framing.analyzers.sentiment",
    "TargetSentiment": "framing.analyzers.sentiment",
    "vader_scores": "framing.analyzers.sentiment",
    "load_news_lexicon": "framing.analyzers.sentiment",
    "outlet_colors": "framing.plots",
    "coverage": "framing.analyzers.coverage",
    "coverage_matrix": "framing.analyzers.coverage",
    "only_in": "framing.analyzers.coverage",
    "everyone_but": "framing.analyzers.coverage",
    "naming": "framing.analyzers.naming",
    "naming_summary": "framing.analyzers.naming",
    "find_loaded_terms": "framing.analyzers.loaded",
    "loaded_terms": "framing.analyzers.loaded",
    "loaded_rates": "framing.analyzers.loaded_rates",
    "loaded_summary": "framing.analyzers.loaded_rates",
    "top_loaded_terms": "framing.analyzers.loaded",
    "loaded_sentences": "framing.analyzers.loaded",
    "load_lexicon": "framing.lexicons",
    "available_lexicons": "framing.lexicons",
    "distinctive_terms": "framing.analyzers.distinctive",
    "kwic": "framing.analyzers.kwic",
    "story_metrics": "framing.analyzers.stories",
    "story_differences": "framing.analyzers.stories",
    # trainable classifiers
    "fit_classifier": "framing.classify",
    "load_classifier": "framing.classify",
    "evaluate_classifier": "framing.classify",
    "TextClassifier": "framing.classify",
    "WordClassifier": "framing.classify",
    "fit_distant_model": "framing.classify",
    "load_distant_model": "framing.classify",
    "DistantModel": "framing.classify",
    "register_feature_set": "framing.classify",
    "classifier_sentences": "framing.classify",
    "classifier_summary": "framing.classify",
    # comparison
    "analyze": "framing.compare",
    "analyze_stream": "framing.stream",
    "TABLES": "framing.tables",
    "default_analyzers": "framing.analyzers.builtin",
    "Comparison": "framing.compare",
    "story_comparison": "framing.story_view",
    "pick_story": "framing.story_view",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
