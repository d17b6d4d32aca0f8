"""A tiny model for docstring examples and quick trials (eight hand-written sentences; not for use)."""
from __future__ import annotations

from functools import lru_cache

from .fit import fit_classifier
from .model import TextClassifier

__all__ = ["demo_model"]


@lru_cache(maxsize=1)
def demo_model() -> TextClassifier:
    """A tiny model for the docstring examples (not for use)."""
    biased = ["A disgraceful, shameful attack!", "This outrageous lie is a scandal.", "The shameful regime lied again!",
              "What a disgraceful and outrageous decision."]
    neutral = ["The committee met on Tuesday.", "The report was published in May.", "Officials said the talks continue.",
               "The minister visited the city."]
    return fit_classifier(biased + neutral, ["Biased"] * 4 + ["Non-biased"] * 4, C=1.0, char_ngrams=None,
                          features=(), folds=2, min_df=1)
