"""Feature-set registry of framing.classify: registration rules and the built-in sets."""
from __future__ import annotations

import numpy as np
import pytest

from framing.classify import available_feature_sets, feature_set, register_feature_set
from framing.errors import ModelError


def test_features_builtins_registered():
    assert {"lexicon", "vader", "quotes", "style"} <= set(available_feature_sets())


def test_features_lexicon_counts_categories_and_spans():
    text = "Erdogan slammed the so-called sanctions."
    fs = feature_set("lexicon")
    x = fs.transform([text, ""])
    assert x.shape == (2, len(fs.names))
    assert x[0, fs.names.index("emotive")] > 0
    assert x[0, fs.names.index("ideological_label")] > 0
    assert not x[1].any()
    spans = fs.spans(text)
    assert any(text[s:e] == "slammed" and c == "emotive" for s, e, c in spans)


def test_features_vader_quotes_style():
    t = 'He called it a "disgrace" and a terrible idea! Why would we do that?'
    assert feature_set("vader").transform([t])[0, 3] < 0
    q = feature_set("quotes").transform([t, "No quotes."])
    assert q[0, 0] > 0 and q[1, 0] == 0
    st = feature_set("style")
    row = st.transform([t])[0]
    assert row[st.names.index("exclamations")] > 0 and row[st.names.index("first_person")] > 0
    assert any(t[s:e] == "we" for s, e, _ in st.spans(t))


def test_features_register_rejects_bad_names_and_duplicates():
    with pytest.raises(ModelError, match="not valid"):
        register_feature_set("Bad Name", lambda ts: np.zeros((len(ts), 1)), ["a"])
    with pytest.raises(ModelError, match="unique"):
        register_feature_set("dup_cols", lambda ts: np.zeros((len(ts), 2)), ["a", "a"])
    with pytest.raises(ModelError, match="already registered"):
        register_feature_set("vader", lambda ts: np.zeros((len(ts), 1)), ["a"])


def test_features_wrong_shape_is_an_error():
    fs = register_feature_set("wrong_shape_demo", lambda ts: np.zeros((len(ts), 3)), ["a", "b"], replace=True)
    with pytest.raises(ModelError, match="shape"):
        fs.transform(["x"])


def test_features_unknown_name_names_the_source():
    with pytest.raises(ModelError, match="model.json"):
        feature_set("no_such_set", source="model.json")
