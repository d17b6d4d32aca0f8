"""Classifiers users train on their own labels, and the named feature sets they can use.

::

    model = framing.fit_classifier(texts, labels)        # TF-IDF word + char n-grams, lexicon features, LR
    model.predict_proba(["Some sentence."])               # DataFrame, one column per label
    model.save("biased.json"); framing.load_classifier("biased.json")   # JSON, never pickle

Feature sets are registered by name (:func:`register_feature_set`); a saved model stores the names only.
"""
from __future__ import annotations

from .features import (
    PROVIDERS,
    FeatureSet,
    available_feature_sets,
    feature_set,
    register_feature_set,
)

__all__ = [
    "FeatureSet",
    "PROVIDERS",
    "available_feature_sets",
    "feature_set",
    "register_feature_set",
]
