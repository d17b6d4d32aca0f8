"""fit_distant_model / DistantModel and fit_classifier(distant=...) on small hand-written sentences."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from framing.classify import fit_classifier, load_classifier
from framing.classify.distant import DistantModel, fit_distant_model, load_distant_model
from framing.errors import ModelError
from tests.classify.test_model import FAST, LABELS, TEXTS

# proxy-labelled "news": sentences in the voice of opinion outlets vs wire copy (not the test sentences)
OPINION = [
    "This shameless administration keeps lying to the American people.",
    "The elites sneer at ordinary families while wrecking the economy.",
    "Only a fool would believe the radical left's latest scheme.",
    "The mainstream media buried the scandal, as usual.",
    "Our cowardly leaders caved to the mob once again.",
    "This disastrous policy is an insult to every hard-working taxpayer.",
]
WIRE = [
    "The ministry said on Tuesday that exports rose 3 percent in June.",
    "Lawmakers voted 52 to 48 to approve the measure, officials said.",
    "The company reported quarterly revenue of 4.2 billion dollars.",
    "The talks will resume in Vienna next week, a spokesman said.",
    "Police said two people were injured in the collision on Sunday.",
    "The court is expected to rule on the appeal in March.",
]
D_TEXTS = OPINION + WIRE
D_LABELS = ["opinion"] * len(OPINION) + ["wire"] * len(WIRE)


@pytest.fixture(scope="module")
def distant():
    return fit_distant_model(D_TEXTS, D_LABELS, min_df=1, description="hand-written proxy sentences")


def test_distant_binary_scores_one_column_toward_second_label(distant):
    assert distant.names == ["wire"]
    s = distant.scores(["The shameless elites keep lying.", "The ministry said exports rose 2 percent."])
    assert s.shape == (2, 1)
    assert s[0, 0] < 0 < s[1, 0]


def test_distant_multiclass_and_multilabel_give_one_column_per_label():
    three = ["opinion"] * 6 + ["wire"] * 4 + ["blog"] * 2
    m = fit_distant_model(D_TEXTS, three, min_df=1)
    assert m.names == ["blog", "opinion", "wire"]
    frame = pd.DataFrame({"partisan": [1] * 6 + [0] * 6, "right": [1, 0] * 6})
    m = fit_distant_model(D_TEXTS, frame, min_df=1)
    assert m.names == ["partisan", "right"]
    assert m.scores(D_TEXTS[:3]).shape == (3, 2)


def test_distant_is_deterministic(distant):
    again = fit_distant_model(D_TEXTS, D_LABELS, min_df=1)
    assert np.array_equal(again.coef_, distant.coef_)


@pytest.mark.parametrize("texts, labels, match", [
    (D_TEXTS[:-1] + [""], D_LABELS, "empty"),
    (D_TEXTS, ["wire"] * len(D_TEXTS), "only one class"),
    (D_TEXTS, D_LABELS[:-1], "labels for"),
])
def test_distant_bad_input_is_a_clear_error(texts, labels, match):
    with pytest.raises(ModelError, match=match):
        fit_distant_model(texts, labels, min_df=1)


def test_distant_save_load_round_trip_and_bad_files(distant, tmp_path):
    p = distant.save(tmp_path / "d.json")
    back = load_distant_model(p)
    assert np.array_equal(back.scores(TEXTS), distant.scores(TEXTS))
    (tmp_path / "bad.json").write_text("{\"format\": \"something-else\"}", encoding="utf-8")
    with pytest.raises(ModelError, match="not a framing distant model"):
        load_distant_model(tmp_path / "bad.json")
    (tmp_path / "cut.json").write_text(p.read_text(encoding="utf-8")[:100], encoding="utf-8")
    with pytest.raises(ModelError, match="cannot read"):
        load_distant_model(tmp_path / "cut.json")


def test_classifier_with_distant_scores_saves_and_loads_identically(distant, tmp_path):
    model = fit_classifier(TEXTS, LABELS, distant=distant, **FAST)
    assert ("distant", "wire") in model.design.dense_columns()
    assert model.metadata["distant"]["labels"] == ["wire"]
    p = model.save(tmp_path / "m.json")
    assert json.loads(p.read_text(encoding="utf-8"))["design"]["distant"]["names"] == ["wire"]
    back = load_classifier(p)
    probe = TEXTS + ["The elites keep lying about the shameless scheme.", "Exports rose 2 percent in May."]
    assert np.array_equal(back.predict_proba(probe).to_numpy(), model.predict_proba(probe).to_numpy())
    ex = back.explain(probe[0], top=None)
    assert "distant" in set(ex["block"])


def test_classifier_distant_changes_the_features(distant):
    plain = fit_classifier(TEXTS, LABELS, **FAST)
    with_d = fit_classifier(TEXTS, LABELS, distant=distant, **FAST)
    assert with_d.coef_.shape[1] == plain.coef_.shape[1] + 1


def test_classifier_distant_wrong_type_or_level_is_an_error(distant):
    with pytest.raises(ModelError, match="DistantModel"):
        fit_classifier(TEXTS, LABELS, distant="proxy.json", **FAST)
    with pytest.raises(ModelError, match="sentence classifiers only"):
        fit_classifier(TEXTS, [["shameful"]] * len(TEXTS), level="word", distant=distant)


def test_distant_model_rejects_inconsistent_weights(distant):
    d = distant.to_json()
    d["coef"] = d["coef"][0][:-1]
    with pytest.raises((ValueError, TypeError)):
        DistantModel.from_json(d)
