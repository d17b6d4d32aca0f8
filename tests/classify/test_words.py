"""Word level: fit_classifier(level="word"), WordClassifier.predict_words / explain / save, evaluate, errors."""
from __future__ import annotations

import csv
import json
import warnings

import numpy as np
import pandas as pd
import pytest

from framing.classify import evaluate_classifier, fit_classifier, load_classifier
from framing.classify.data import read_word_csv
from framing.classify.fit_words import best_threshold
from framing.classify.words import WORD_COLUMNS, WordClassifier, parse_word_labels, token_features, word_scores
from framing.cli import main
from framing.errors import FramingWarning, ModelError
from tests.conftest import eval_path

# hand-written sentences; the marked words are the loaded ones
MARKED = [
    ("Erdogan slammed the so-called sanctions as a disgraceful assault on Turkey.", ["slammed", "disgraceful"]),
    ("The regime's puppet parliament rubber-stamped yet another outrageous power grab.", ["puppet", "outrageous"]),
    ("Critics blasted the shameful decision, calling it a brazen betrayal of voters.", ["blasted", "shameful", "brazen"]),
    ("The radical mob stormed the meeting, hurling vile insults at officials.", ["radical", "mob", "vile"]),
    ("Trump's bizarre rant was a stunning display of his utter contempt for the truth.", ["bizarre", "rant", "utter"]),
    ("The Kremlin-backed thugs brutally crushed the peaceful protest.", ["thugs", "brutally"]),
    ("This reckless, incompetent government has plunged the nation into chaos.", ["reckless", "incompetent"]),
    ("The corrupt cronies of the regime shamelessly looted the treasury again.", ["corrupt", "cronies", "shamelessly"]),
    ("Left-wing extremists are waging a vicious war on common sense.", ["extremists", "vicious"]),
    ("The senator's hypocritical tirade exposed his pathetic desperation.", ["hypocritical", "tirade", "pathetic"]),
    ("The committee met on Tuesday to discuss the budget.", []),
    ("The report was published in May by the statistics office.", []),
    ("Officials said the talks would continue next week in Geneva.", []),
    ("The minister visited the city and met local representatives.", []),
    ("Turkey's parliament approved the bill by 301 votes to 210.", []),
    ("The central bank kept its main interest rate at 4.5 percent.", []),
]
TEXTS = [t for t, _ in MARKED]
WORDS = [w for _, w in MARKED]
FAST = dict(C=1.0, folds=3, min_count=1)


@pytest.fixture(scope="module")
def model():
    return fit_classifier(TEXTS, WORDS, level="word", description="hand-marked test sentences", **FAST)


@pytest.mark.parametrize("value, expected", [
    (["Bizarre"], [0, 1, 0, 1, 0]),                       # case ignored, every occurrence marked
    ("['bizarre']", [0, 1, 0, 1, 0]),                     # BABE's list literal
    ("bizarre, rant", [0, 1, 1, 1, 0]),                   # comma-separated
    (['"bizarre"'], [0, 1, 0, 1, 0]),                     # quotes around a marked word stripped
    (["bizarre rant"], [0, 1, 1, 1, 0]),                  # a phrase marks each of its words
    (None, [0, 0, 0, 0, 0]),
    ("", [0, 0, 0, 0, 0]),
])
def test_words_parse_labels_forms(value, expected):
    y = parse_word_labels(["A bizarre rant, bizarre indeed.", "The plan was shameful."], [value, ["shameful"]])
    assert y[0].tolist() == expected
    assert y[1].tolist() == [0, 0, 0, 1]


def test_words_parse_labels_errors():
    texts = ["A bizarre rant.", "Talks resume."]
    with pytest.raises(ModelError, match="1 word lists for 2 texts"):
        parse_word_labels(texts, [["bizarre"]])
    with pytest.raises(ModelError, match=r"row 0: 'outrageous'.*unmatched='ignore'"):
        parse_word_labels(texts, [["outrageous"], []])
    with pytest.raises(ModelError, match="row 1.*not a list of words"):
        parse_word_labels(texts, [["bizarre"], "['unclosed"])
    with pytest.raises(ModelError, match="expected a list of words"):
        parse_word_labels(texts, [["bizarre"], 3])
    with pytest.raises(ModelError, match="no word of any text is marked"):
        parse_word_labels(texts, [[], []])
    with pytest.raises(ModelError, match="unmatched="):
        parse_word_labels(texts, [["bizarre"], []], unmatched="drop")
    with pytest.warns(FramingWarning, match="1 marked word"):
        y = parse_word_labels(texts, [["bizarre", "outrageous"], []], unmatched="ignore")
    assert y[0].tolist() == [0, 1, 0]


def test_words_token_features_describe_the_token():
    toks, feats = token_features("Critics blasted the shameful decision.")
    assert [t[2] for t in toks] == ["Critics", "blasted", "the", "shameful", "decision"]
    f = set(feats[3])
    assert {"w=shameful", "w-1=the", "w+1=decision", "first"} - f == {"first"}
    assert any(x.startswith("lex=") and x != "lex=none" for x in f)   # the packaged lexicon knows "shameful"
    assert "lex=none" in feats[2]


def test_words_predict_words_is_tidy_with_offsets(model):
    texts = ["A shameful, disgraceful betrayal by the corrupt regime!", "The committee met on Monday."]
    d = model.predict_words(texts)
    assert d.columns.tolist() == WORD_COLUMNS
    for r in d.itertuples():
        assert texts[r.text_id][r.start:r.end] == r.word
    assert (d["flagged"] == (d["probability"] >= model.threshold)).all()
    flagged = set(d.loc[d["flagged"], "word"].str.lower())
    assert {"shameful", "disgraceful"} <= flagged
    assert not flagged & {"the", "committee", "met", "monday"}
    assert model.predict_words([]).columns.tolist() == WORD_COLUMNS
    assert model.predict_words("").empty


def test_words_explain_gives_flagged_words_for_highlighting(model):
    from framing.report.classifier_section import highlights

    text = "A shameful, disgraceful betrayal."
    ex = model.explain(text)
    assert (ex["contribution"] > 0).all() and len(ex)
    assert all(text[s:e] == t for s, e, t in zip(ex["start"], ex["end"], ex["term"]))
    spans = highlights(model, text, "marked")
    assert (2, 10) in spans  # "shameful"


def test_words_save_load_identical(model, tmp_path):
    p = model.save(tmp_path / "w.json")
    m2 = load_classifier(p)
    assert isinstance(m2, WordClassifier)
    texts = ["Critics slammed the outrageous, vile plan.", "Officials met in Geneva."]
    pd.testing.assert_frame_equal(m2.predict_words(texts), model.predict_words(texts))
    assert m2.metadata["training"]["description"] == "hand-marked test sentences"
    d = json.loads(p.read_text())
    assert d["level"] == "word" and "pickle" not in p.read_text()


def test_words_corrupted_model_file_is_a_clear_error(model, tmp_path):
    d = model.to_json()
    d["coef"] = d["coef"][:-1]
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(d))
    with pytest.raises(ModelError, match="bad.json: malformed model"):
        load_classifier(p)
    d = model.to_json()
    d["templates"] = ["word", "eval"]
    p.write_text(json.dumps(d))
    with pytest.raises(ModelError, match="malformed"):
        load_classifier(p)


def test_words_fit_is_deterministic(model):
    again = fit_classifier(TEXTS, WORDS, level="word", description="hand-marked test sentences", **FAST)
    assert again.vocabulary == model.vocabulary
    assert np.array_equal(again.coef_, model.coef_) and again.threshold == model.threshold


def test_words_option_errors():
    with pytest.raises(ModelError, match=r"\['char_ngrams'\] apply to sentence classifiers only"):
        fit_classifier(TEXTS, WORDS, level="word", char_ngrams=None)
    with pytest.raises(ModelError, match="belong to level='word'"):
        fit_classifier(TEXTS, ["B"] * 10 + ["N"] * 6, templates=("word",))
    with pytest.raises(ModelError, match="level='token'"):
        fit_classifier(TEXTS, WORDS, level="token")
    with pytest.raises(ModelError, match="templates"):
        fit_classifier(TEXTS, WORDS, level="word", templates=("word", "pos_tags"))
    with pytest.raises(ModelError, match="empty or non-text"):
        fit_classifier(TEXTS[:-1] + [""], WORDS, level="word")


def test_words_model_is_not_a_sentence_classifier(model):
    from framing.classify import classifier_sentences

    with pytest.raises(ModelError, match="word model"):
        classifier_sentences([], model, "biased")


def test_words_best_threshold_and_scores():
    assert word_scores([{"a"}, set()], [set(), {"b"}]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                                          "tp": 0, "fp": 1, "fn": 1}
    thr, f1 = best_threshold(np.array([0.9, 0.8, 0.1]), np.array([True, True, False]), 2)
    assert (thr, f1) == (0.8, 1.0)


def test_words_evaluate_cross_validated():
    ev = evaluate_classifier(TEXTS, WORDS, folds=3, n_boot=50, level="word", **{k: v for k, v in FAST.items()
                                                                                 if k != "folds"})
    assert ev["label"].tolist() == ["marked word"]
    r = ev.iloc[0]
    assert 0 < r["f1"] <= 1 and r["f1_ci_low"] <= r["f1"] <= r["f1_ci_high"]
    assert r["support"] == sum(len(set(w)) for w in WORDS)
    with pytest.raises(ModelError, match="level='paragraph'"):
        evaluate_classifier(TEXTS, WORDS, level="paragraph")


@pytest.fixture()
def words_csv(tmp_path):
    p = tmp_path / "words.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["text", "biased_words"])
        for t, ws in MARKED:
            w.writerow([t, str(ws)])
    return p


def test_words_cli_train(words_csv, tmp_path, capsys):
    out = tmp_path / "w.json"
    rc = main(["train", str(words_csv), "--text", "text", "--words", "biased_words", "-o", str(out), "--folds", "3",
               "--C", "1"])
    printed = capsys.readouterr().out
    assert rc == 0 and "cv word P" in printed and "wrote" in printed
    assert isinstance(load_classifier(out), WordClassifier)


def test_words_csv_errors(words_csv, tmp_path, capsys):
    with pytest.raises(ModelError, match=r"\['marked'\] not found; the file has \['text', 'biased_words'\]"):
        read_word_csv(words_csv, "text", "marked")
    rc = main(["train", str(words_csv), "--text", "text", "-o", str(tmp_path / "x.json")])
    assert rc != 0 and "--label COL" in capsys.readouterr().err
    rc = main(["train", str(words_csv), "--text", "text", "--words", "marked", "-o", str(tmp_path / "x.json")])
    assert rc != 0 and "not found" in capsys.readouterr().err


@pytest.mark.slow
def test_words_babe_dev_beats_the_lexicon():
    """Inner-CV word F1 on babe-dev (a dev figure) above the shipped lexicon's 0.431 on half B."""
    path = eval_path("babe-dev", "babe_dev.csv")
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    df = df[df["label_bias"].isin(["Biased", "Non-biased"])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        m = fit_classifier(df["text"].tolist(), df["biased_words"].tolist(), level="word", C=0.3, folds=3,
                           unmatched="ignore")
    assert m.metadata["cv"]["f1"] > 0.45


# ------------------------------------------------------------------ a sentence model stacked on a word model
LABELS = ["Biased" if w else "Non-biased" for w in WORDS]
SENT = dict(C=1.0, char_ngrams=None, folds=3, min_df=1, features=("lexicon",))


@pytest.fixture(scope="module")
def stacked():
    return fit_classifier(TEXTS, LABELS, words=WORDS, min_count=1, **SENT)


def test_words_stacked_sentence_model_uses_word_features(stacked):
    assert isinstance(stacked.design.word_model, WordClassifier)
    assert stacked.metadata["word_model"]["training"]["n_texts"] == len(TEXTS)
    cols = stacked.design.dense_columns()
    assert cols[-4:] == [("word_model", c) for c in ("max", "top3", "mean", "n_flagged")]
    text = "Critics slammed the outrageous, vile plan."
    assert stacked.predict([text, "Officials met in Geneva on Monday."]) == ["Biased", "Non-biased"]
    ex = stacked.explain(text, top=None)
    wm = ex[(ex["block"] == "word_model") & ex["start"].notna()]
    assert len(wm) and all(text[s:e] == t for s, e, t in zip(wm["start"], wm["end"], wm["term"]))


def test_words_stacked_save_load_identical(stacked, tmp_path):
    m2 = load_classifier(stacked.save(tmp_path / "s.json"))
    texts = ["Critics slammed the outrageous, vile plan.", "Officials met in Geneva.", "A bizarre rant."]
    pd.testing.assert_frame_equal(m2.predict_proba(texts), stacked.predict_proba(texts))
    assert isinstance(m2.design.word_model, WordClassifier)


def test_words_stacked_errors():
    with pytest.raises(ModelError, match=r"\['words'\] apply to sentence classifiers only"):
        fit_classifier(TEXTS, WORDS, level="word", words=WORDS)
    with pytest.raises(ModelError, match="15 word lists for 16 texts"):
        fit_classifier(TEXTS, LABELS, words=WORDS[:-1], **SENT)


def test_words_stacked_evaluate_splits_the_words_with_the_texts():
    ev = evaluate_classifier(TEXTS, LABELS, folds=2, n_boot=20, words=WORDS, min_count=1,
                             **{k: v for k, v in SENT.items() if k != "folds"})
    assert ev["label"].tolist() == ["Biased", "Non-biased", "macro"]


def test_words_cli_train_label_and_words_stacks(words_csv, tmp_path, capsys):
    p = tmp_path / "both.csv"
    df = pd.read_csv(words_csv, sep=";")
    df["bias"] = LABELS
    df.to_csv(p, sep=";", index=False)
    out = tmp_path / "s.json"
    rc = main(["train", str(p), "--text", "text", "--label", "bias", "--words", "biased_words", "-o", str(out),
               "--folds", "3", "--C", "1", "--no-char", "--features", "lexicon"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "stacked on a word model: cv word P" in captured.out
    assert isinstance(load_classifier(out).design.word_model, WordClassifier)


def test_words_user_word_lists_become_token_features(tmp_path):
    m = fit_classifier(TEXTS, WORDS, level="word", word_lists={"mine": ["shame", "vile", "brazen"]}, **FAST)
    assert "list=mine" in m.vocabulary and m.word_lists == {"mine": ["brazen", "shame", "vile"]}
    _, feats = token_features("Such shameful acts.", word_lists=m.word_lists)
    assert "list=mine" in feats[1]   # matched by stem: shameful -> shame
    m2 = load_classifier(m.save(tmp_path / "l.json"))
    assert m2.word_lists == m.word_lists
    pd.testing.assert_frame_equal(m2.predict_words(["A vile, brazen plan."]), m.predict_words(["A vile, brazen plan."]))


def test_words_stacked_fit_is_deterministic(stacked):
    again = fit_classifier(TEXTS, LABELS, words=WORDS, min_count=1, **SENT)
    assert np.array_equal(again.coef_, stacked.coef_)
    assert np.array_equal(again.design.word_model.coef_, stacked.design.word_model.coef_)
