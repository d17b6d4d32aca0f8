"""Classifiers users train on their own labels, and the named feature sets they can use.

::

    model = framing.fit_classifier(texts, labels)        # TF-IDF word + char n-grams, lexicon features, LR
    model.predict_proba(["Some sentence."])               # DataFrame, one column per label
    model.save("biased.json"); framing.load_classifier("biased.json")   # JSON, never pickle
    words = framing.fit_classifier(texts, marked_words, level="word")   # which words are biased
    words.predict_words(["Some sentence."])               # one row per token: offsets, probability, flagged
    proxy = framing.fit_distant_model(news_sentences, outlet_kinds)     # distant supervision from proxy labels
    model = framing.fit_classifier(texts, labels, distant=proxy)        # its scores become features

Feature sets are registered by name (:func:`register_feature_set`); a saved model stores the names only.
"""
from __future__ import annotations

from .analysis import classifier_sentences, classifier_summary, classifiers_sentences
from .design import Design, NgramBlock
from .distant import DistantModel, fit_distant_model, load_distant_model
from .features import (
    PROVIDERS,
    FeatureSet,
    available_feature_sets,
    feature_set,
    register_feature_set,
)
from .evaluate import evaluate_classifier
from .fit import DEFAULT_FEATURES, fit_classifier
from .fit_words import evaluate_word_classifier, fit_word_classifier
from .model import TextClassifier, load_classifier
from .words import WORD_TEMPLATES, WordClassifier, word_scores

__all__ = [
    "DEFAULT_FEATURES",
    "Design",
    "DistantModel",
    "fit_distant_model",
    "load_distant_model",
    "NgramBlock",
    "TextClassifier",
    "WordClassifier",
    "WORD_TEMPLATES",
    "evaluate_word_classifier",
    "fit_word_classifier",
    "word_scores",
    "classifier_sentences",
    "classifier_summary",
    "classifiers_sentences",
    "evaluate_classifier",
    "fit_classifier",
    "load_classifier",
    "FeatureSet",
    "PROVIDERS",
    "available_feature_sets",
    "feature_set",
    "register_feature_set",
]
