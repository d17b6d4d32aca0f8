"""A tiny model for docstring examples and quick trials (eight hand-written sentences; not for use)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .fit import fit_classifier
from .model import TextClassifier
from .words import WordClassifier

if TYPE_CHECKING:
    from .distant import DistantModel

__all__ = ["demo_model", "demo_word_model", "demo_distant_model"]


@lru_cache(maxsize=1)
def demo_model() -> TextClassifier:
    """A tiny model for the docstring examples (not for use)."""
    biased = ["A disgraceful, shameful attack!", "This outrageous lie is a scandal.", "The shameful regime lied again!",
              "What a disgraceful and outrageous decision."]
    neutral = ["The committee met on Tuesday.", "The report was published in May.", "Officials said the talks continue.",
               "The minister visited the city."]
    return fit_classifier(biased + neutral, ["Biased"] * 4 + ["Non-biased"] * 4, C=1.0, char_ngrams=None,
                          features=(), folds=2, min_df=1)


@lru_cache(maxsize=1)
def demo_word_model() -> "WordClassifier":
    """A tiny word model for the docstring examples (twelve hand-written sentences; not for use)."""
    from .fit_words import fit_word_classifier

    texts = ["What a disgraceful lie.", "The committee met on Tuesday.", "A shameful, disgraceful plan.",
             "The plan was published in May.", "The shameful regime lied again.", "Officials said the talks continue.",
             "An outrageous and shameful attack.", "The minister visited the city.", "This disgraceful, outrageous decision.",
             "The report was published on Monday.", "Another outrageous lie.", "The delegation arrived in Brussels."]
    words = [["disgraceful"], [], ["shameful", "disgraceful"], [], ["shameful"], [], ["outrageous", "shameful"], [],
             ["disgraceful", "outrageous"], [], ["outrageous"], []]
    return fit_word_classifier(texts, words, C=3.0, folds=2, min_count=1, templates=("word", "stem"))


@lru_cache(maxsize=1)
def demo_distant_model() -> "DistantModel":
    """A tiny distant model for the docstring examples (eight hand-written sentences; not for use)."""
    from .distant import fit_distant_model

    opinion = ["A disgraceful, shameful attack!", "This outrageous lie is a scandal.", "The shameful regime lied again!",
               "What a disgraceful and outrageous decision."]
    wire = ["Shares rose 2 percent on Tuesday.", "The report was published in May.", "Officials said the talks continue.",
            "The minister visited the city."]
    return fit_distant_model(opinion + wire, ["opinion"] * 4 + ["wire"] * 4, min_df=1)
