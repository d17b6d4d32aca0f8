"""classifier_sentences / classifier_summary on the S-400 corpus."""
from __future__ import annotations

import pandas as pd
import pytest

from framing.classify import fit_classifier
from framing.classify.analysis import SENTENCE_COLUMNS, SUMMARY_COLUMNS, classifier_sentences, classifier_summary
from framing.errors import ModelError
from tests.classify.test_model import FAST, LABELS, TEXTS


@pytest.fixture(scope="module")
def model():
    return fit_classifier(TEXTS, LABELS, **FAST)


@pytest.fixture(scope="module")
def table(s400, model):
    return classifier_sentences(s400, model, "biased")


def test_analysis_one_row_per_sentence_with_offsets(s400, table):
    assert table.columns.tolist() == SENTENCE_COLUMNS
    assert len(table) == sum(len(a.sentences) for a in s400)
    texts = {a.id: a.text for a in s400}
    for a in s400:
        assert table.loc[table["article_id"] == a.id, "sentence_id"].tolist() == list(range(len(a.sentences)))
    row = table.iloc[5]
    assert texts[row["article_id"]][row["start"]:row["end"]] == next(a for a in s400 if a.id == row["article_id"]).sentences[row["sentence_id"]].text
    assert set(table["label"]) <= {"Biased", "Non-biased"}
    assert table["probability"].between(0.5, 1.0).all()
    assert table["classifier"].eq("biased").all()


def test_analysis_same_input_same_output(s400, model, table):
    pd.testing.assert_frame_equal(classifier_sentences(s400, model, "biased"), table)


def test_analysis_empty_corpus_gives_empty_table(model):
    t = classifier_sentences([], model, "biased")
    assert t.columns.tolist() == SENTENCE_COLUMNS and t.empty
    s = classifier_summary(t)
    assert s.columns.tolist() == SUMMARY_COLUMNS and s.empty


def test_analysis_model_path_and_bad_model(s400, model, tmp_path):
    p = model.save(tmp_path / "m.json")
    small = list(s400)[:2]
    pd.testing.assert_frame_equal(classifier_sentences(small, str(p), "biased"), classifier_sentences(small, model, "biased"))
    with pytest.raises(ModelError, match="expected a TextClassifier"):
        classifier_sentences(small, 42, "biased")


def test_analysis_summary_counts_and_intervals(table):
    s = classifier_summary(table)
    assert s.columns.tolist() == SUMMARY_COLUMNS
    n_per_outlet = table.groupby("outlet").size()
    for _, row in s.iterrows():
        assert row["n_sentences"] == n_per_outlet[row["outlet"]]
        assert row["n_label"] == ((table["outlet"] == row["outlet"]) & (table["label"] == row["label"])).sum()
        assert row["ci_low"] <= row["share"] <= row["ci_high"]
    both = s.groupby("outlet")["share"].sum()
    assert (both.round(9) == 1).all()
    pd.testing.assert_frame_equal(classifier_summary(table), s)


def test_analysis_multilabel_rows_per_given_label(s400):
    sets = [{"loaded", "any"} if lab == "Biased" else {"any"} if i % 2 else set() for i, lab in enumerate(LABELS)]
    m = fit_classifier(TEXTS, sets, **FAST)
    small = list(s400)[:3]
    t = classifier_sentences(small, m, "multi")
    n_sent = sum(len(a.sentences) for a in small)
    assert t.drop_duplicates(["article_id", "sentence_id"]).shape[0] == n_sent
    assert (t["label"].isna() == t["probability"].isna()).all()
    assert (t["probability"].dropna() >= 0.5).all()
    s = classifier_summary(t)
    assert set(s["label"]) <= {"loaded", "any"}
    assert (s["n_sentences"] == s["outlet"].map(t.drop_duplicates(["article_id", "sentence_id"]).groupby("outlet").size())).all()


def test_analysis_several_classifiers_concatenated_in_name_order(s400, model, table):
    from framing.classify import classifiers_sentences

    small = list(s400)[:2]
    both = classifiers_sentences(small, {"zeta": model, "alpha": model})
    assert both["classifier"].drop_duplicates().tolist() == ["alpha", "zeta"]
    one = classifier_sentences(small, model, "alpha")
    assert len(both) == 2 * len(one)
    s = classifier_summary(both)
    assert s["classifier"].drop_duplicates().tolist() == ["alpha", "zeta"]
