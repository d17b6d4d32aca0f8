"""fit_classifier / TextClassifier / load_classifier / evaluate_classifier on small hand-labelled sentences."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from framing.classify import fit_classifier, load_classifier
from framing.classify.evaluate import evaluate_classifier
from framing.errors import ModelError
from tests.conftest import eval_path

BIASED = [
    "Erdogan slammed the so-called sanctions as a disgraceful assault on Turkey.",
    "The regime's puppet parliament rubber-stamped yet another outrageous power grab.",
    "Critics blasted the shameful decision, calling it a brazen betrayal of voters.",
    "The radical mob stormed the meeting, hurling vile insults at officials.",
    "Trump's bizarre rant was a stunning display of his utter contempt for the truth.",
    "The Kremlin-backed thugs brutally crushed the peaceful protest.",
    "This reckless, incompetent government has plunged the nation into chaos.",
    "The corrupt cronies of the regime shamelessly looted the treasury again.",
    "Left-wing extremists are waging a vicious war on common sense.",
    "The senator's hypocritical tirade exposed his pathetic desperation.",
    "The absurd plan is a catastrophic blunder that will devastate families.",
    "Fanatics hijacked the debate with their hateful, divisive propaganda.",
]
NEUTRAL = [
    "The committee met on Tuesday to discuss the budget.",
    "The report was published in May by the statistics office.",
    "Officials said the talks would continue next week in Geneva.",
    "The minister visited the city and met local representatives.",
    "Turkey's parliament approved the bill by 301 votes to 210.",
    "The central bank kept its main interest rate at 4.5 percent.",
    "The company said it would open two factories next year.",
    "Voters in the district will elect a new mayor in November.",
    "The court adjourned the hearing until January 12.",
    "The agency released figures showing a 2 percent rise in exports.",
    "Police said the road was closed for several hours on Sunday.",
    "The delegation arrived in Brussels on Monday morning.",
]
TEXTS = BIASED + NEUTRAL
LABELS = ["Biased"] * len(BIASED) + ["Non-biased"] * len(NEUTRAL)
FAST = dict(C=1.0, char_ngrams=(2, 4), folds=3, min_df=1)


@pytest.fixture(scope="module")
def model():
    return fit_classifier(TEXTS, LABELS, description="hand-labelled test sentences", **FAST)


def test_model_predicts_and_probabilities_sum_to_one(model):
    p = model.predict_proba(["A shameful, disgraceful betrayal by the corrupt regime!", "The committee met on Monday."])
    assert p.columns.tolist() == ["Biased", "Non-biased"]
    assert np.allclose(p.sum(axis=1), 1.0)
    assert model.predict(["A shameful, disgraceful betrayal by the corrupt regime!", "The committee met on Monday."]) == [
        "Biased", "Non-biased"]


def test_model_save_load_gives_identical_predictions(model, tmp_path):
    path = model.save(tmp_path / "m.json")
    again = load_classifier(path)
    probe = TEXTS + ["Unseen words: zebra quokka.", "The vile regime met on Tuesday."]
    assert again.classes_ == model.classes_
    assert np.array_equal(again.predict_proba(probe).to_numpy(), model.predict_proba(probe).to_numpy())
    assert again.metadata["training"]["n_texts"] == len(TEXTS)
    d = json.loads(path.read_text())
    assert d["metadata"]["feature_sets"] == ["lexicon", "vader", "quotes", "style"]
    assert "pickle" not in path.read_text()[:200]


def test_model_is_deterministic():
    a = fit_classifier(TEXTS, LABELS, C=[0.5, 2.0], **{k: v for k, v in FAST.items() if k != "C"})
    b = fit_classifier(TEXTS, LABELS, C=[0.5, 2.0], **{k: v for k, v in FAST.items() if k != "C"})
    assert np.array_equal(a.coef_, b.coef_)
    assert a.metadata["cv"]["candidates"] == b.metadata["cv"]["candidates"]


def test_model_repr_is_concise(model):
    r = repr(model)
    assert "Biased" in r and "24 texts" in r and "cv macro-F1" in r and len(r) < 200


def test_model_explain_offsets_point_at_the_words(model):
    text = "Critics slammed the disgraceful, brazen decision."
    ex = model.explain(text, top=None)
    assert set(ex["label"]) == {model.predict([text])[0]} == {"Biased"}
    located = ex.dropna(subset=["start"])
    assert len(located) > 0
    for s, e, term in zip(located["start"], located["end"], located["term"]):
        assert text[s:e] == term
    words = set(located.loc[located["contribution"] > 0, "term"].str.lower())
    assert words & {"slammed", "disgraceful", "brazen", "disgraceful,"}


def test_model_explain_contributions_add_up_to_the_score(model):
    text = "The regime's thugs met on Tuesday."
    ex = model.explain(text, label="Non-biased", top=None)  # binary weights point toward classes_[1]
    # word n-grams split a feature's contribution over its occurrences; summing all rows gives the score
    score = model.decision_function([text])[0, 0] - model.intercept_[0]
    assert ex["contribution"].sum() == pytest.approx(score, abs=1e-9)
    assert model.explain(text, label="Biased", top=None)["contribution"].sum() == pytest.approx(-score, abs=1e-9)


def test_model_multiclass_and_multilabel_round_trip(tmp_path):
    third = ["The weather was sunny and warm across the region."] * 4 + ["Rain is expected over the weekend."] * 4
    texts = TEXTS + third
    labels = LABELS + ["weather"] * 8
    m = fit_classifier(texts, labels, **FAST)
    assert m.kind == "multiclass" and m.classes_ == ["Biased", "Non-biased", "weather"]
    again = load_classifier(m.save(tmp_path / "mc.json"))
    assert np.array_equal(again.predict_proba(texts).to_numpy(), m.predict_proba(texts).to_numpy())

    sets = [{"loaded"} | ({"turkey"} if "Turk" in t else set()) if lab == "Biased" else ({"turkey"} if "Turk" in t else set())
            for t, lab in zip(TEXTS, LABELS)]
    ml = fit_classifier(TEXTS, sets, **FAST)
    assert ml.kind == "multilabel" and ml.classes_ == ["loaded", "turkey"]
    again = load_classifier(ml.save(tmp_path / "ml.json"))
    assert np.array_equal(again.predict_proba(TEXTS).to_numpy(), ml.predict_proba(TEXTS).to_numpy())
    assert all(isinstance(p, tuple) for p in ml.predict(TEXTS[:3]))
    frame = pd.DataFrame({"loaded": [int(x == "Biased") for x in LABELS], "other": [int(x != "Biased") for x in LABELS]})
    assert fit_classifier(TEXTS, frame, **FAST).classes_ == ["loaded", "other"]


def test_model_multilabel_rare_label_survives_cross_validation():
    sets = [{"loaded"} if lab == "Biased" else set() for lab in LABELS]
    sets[0] = sets[0] | {"rare"}  # in one text only: most training folds have no positive example
    m = fit_classifier(TEXTS, sets, **FAST)
    assert m.classes_ == ["loaded", "rare"]
    assert m.predict_proba(TEXTS).shape == (len(TEXTS), 2)


def test_model_word_lists_are_stored_in_the_model(tmp_path):
    lst = tmp_path / "bias.txt"
    lst.write_text("# my list\nslam\ndisgraceful\nvile\n", encoding="utf-8")
    m = fit_classifier(TEXTS, LABELS, word_lists={"mine": str(lst)}, features=(), **FAST)
    again = load_classifier(m.save(tmp_path / "wl.json"))
    assert again.design.word_lists == {"mine": ["disgraceful", "slam", "vile"]}
    assert np.array_equal(again.predict_proba(TEXTS).to_numpy(), m.predict_proba(TEXTS).to_numpy())
    ex = m.explain("They slammed the vile plan.", label="Biased", top=None)
    assert "slammed" in set(ex.loc[ex["block"] == "word_list", "term"])


@pytest.mark.parametrize("texts, labels, match", [
    (TEXTS, ["Biased"] * len(TEXTS), "only one class"),
    (TEXTS[:-1] + [""], LABELS, "empty"),
    (TEXTS[:-1] + [None], LABELS, "empty"),
    (TEXTS, LABELS[:-1], "labels for"),
    (TEXTS, LABELS[:-1] + [None], "label missing"),
    (TEXTS, LABELS[:-1] + ["rare"], "only 1 example"),
    ("one text", ["x"], "list"),
])
def test_model_bad_training_input_is_a_clear_error(texts, labels, match):
    with pytest.raises(ModelError, match=match):
        fit_classifier(texts, labels, **FAST)


def test_model_unknown_feature_set_is_an_error():
    with pytest.raises(ModelError, match="not registered"):
        fit_classifier(TEXTS, LABELS, features=("nope",), **FAST)


@pytest.mark.parametrize("content, match", [
    ('{"format": "framing-classifier", "format_version": 1, "kind": "bin', "not valid JSON"),
    ('{"model": "something else"}', "not a framing classifier"),
    ("[1, 2, 3]", "not a framing classifier"),
    ('{"format": "framing-classifier", "format_version": 99}', "format version 99"),
    ('{"format": "framing-classifier", "format_version": 1, "kind": "binary"}', "malformed"),
])
def test_model_bad_model_file_is_a_clear_error(tmp_path, content, match):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match=match) as info:
        load_classifier(path)
    assert "bad.json" in str(info.value)


def test_model_truncated_or_tampered_file_is_an_error(model, tmp_path):
    path = model.save(tmp_path / "m.json")
    d = json.loads(path.read_text())
    d["coef"][0] = d["coef"][0][:-3]
    path.write_text(json.dumps(d))
    with pytest.raises(ModelError, match="m.json: malformed"):
        load_classifier(path)
    d = json.loads(model.save(tmp_path / "m2.json").read_text())
    d["design"]["feature_names"]["vader"] = ["a", "b"]
    path.write_text(json.dumps(d))
    with pytest.raises(ModelError, match="Retrain"):
        load_classifier(path)


def test_model_missing_file_is_an_error(tmp_path):
    with pytest.raises(ModelError, match="cannot read"):
        load_classifier(tmp_path / "none.json")


def test_evaluate_classifier_reports_per_class_and_macro():
    ev = evaluate_classifier(TEXTS, LABELS, folds=3, n_boot=100, **{k: v for k, v in FAST.items() if k != "folds"})
    assert ev["label"].tolist() == ["Biased", "Non-biased", "macro"]
    macro = ev.iloc[-1]
    assert macro["support"] == len(TEXTS)
    assert 0 <= macro["f1_ci_low"] <= macro["f1"] <= macro["f1_ci_high"] <= 1
    assert macro["f1"] > 0.6


@pytest.mark.slow
def test_model_babe_dev_cross_validated():
    path = eval_path("babe-dev", "babe_dev.csv")
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    df = df[df["label_bias"].isin(["Biased", "Non-biased"])]
    m = fit_classifier(df["text"].tolist(), df["label_bias"].tolist(), char_ngrams=None)
    assert m.metadata["cv"]["macro_f1"] > 0.72
