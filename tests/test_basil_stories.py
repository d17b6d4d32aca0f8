"""BASIL triplets (../shared/eval/basil-dev) load as a multi-story corpus with the outlet names users give;
skipped when the evaluation data is absent. Nothing of the dataset is copied into the tests."""
from __future__ import annotations

import importlib.util
import warnings

from tests.conftest import ROOT, eval_path


def _loader():
    spec = importlib.util.spec_from_file_location("basil_corpus", ROOT / "benchmarks" / "basil_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_basil_triplets_load_with_stories_and_no_outlet_warning():
    path = eval_path("basil-dev")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = _loader().basil_corpus(path, 3)
    assert len(corpus) == 9 and len(corpus.stories) == 3
    assert corpus.outlet_keys == ("fox-news", "nytimes", "huffpost")
    frame = corpus.to_frame()
    assert frame.groupby("story")["outlet"].nunique().eq(3).all()
    assert frame["url"].notna().all() and frame["date"].notna().all()
