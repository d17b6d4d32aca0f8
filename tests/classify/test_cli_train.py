"""`framing train` and read_labelled_csv: scores printed, model written, clear errors."""
from __future__ import annotations

import csv

import pytest

from framing.classify import load_classifier
from framing.classify.data import parse_model_option, read_labelled_csv
from framing.cli import main
from framing.errors import ModelError
from tests.classify.test_model import LABELS, TEXTS


@pytest.fixture()
def data_csv(tmp_path):
    p = tmp_path / "labels.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["sentence", "bias", "turkey", "loaded"])
        for t, lab in zip(TEXTS, LABELS):
            w.writerow([t, lab, int("Turk" in t or "Erdogan" in t), "yes" if lab == "Biased" else "no"])
    return p


def test_cli_train_writes_a_model_and_prints_scores(data_csv, tmp_path, capsys):
    out = tmp_path / "m.json"
    rc = main(["train", str(data_csv), "--text", "sentence", "--label", "bias", "-o", str(out), "--folds", "3",
               "--no-char", "--C", "1"])
    printed = capsys.readouterr().out
    assert rc == 0 and out.exists()
    assert "cv macro-F1" in printed and "wrote" in printed
    m = load_classifier(out)
    assert m.classes_ == ["Biased", "Non-biased"]
    assert m.metadata["training"]["description"] == "labels.csv"


def test_cli_train_several_label_columns_is_multilabel(data_csv):
    with pytest.raises(ModelError, match="not 0/1"):
        read_labelled_csv(data_csv, "sentence", ["bias", "turkey"])
    texts, labels = read_labelled_csv(data_csv, "sentence", ["turkey", "loaded"])
    assert len(texts) == len(TEXTS) and labels.columns.tolist() == ["turkey", "loaded"]
    assert labels["loaded"].tolist() == [int(x == "Biased") for x in LABELS]


@pytest.mark.parametrize("args, message", [
    (["--text", "nope", "--label", "bias"], "column(s) ['nope'] not found"),
    (["--text", "sentence", "--label", "missing"], "column(s) ['missing'] not found"),
])
def test_cli_train_missing_column_is_a_clear_error(data_csv, tmp_path, capsys, args, message):
    rc = main(["train", str(data_csv), *args, "-o", str(tmp_path / "m.json")])
    err = capsys.readouterr().err
    assert rc == 2 and message in err and "labels.csv" in err
    assert not (tmp_path / "m.json").exists()


def test_cli_train_one_class_and_empty_cells(tmp_path, capsys):
    one = tmp_path / "one.csv"
    one.write_text("text,label\nA sentence.,x\nAnother one.,x\n", encoding="utf-8")
    assert main(["train", str(one), "--text", "text", "--label", "label", "-o", str(tmp_path / "m.json")]) == 2
    assert "only one class" in capsys.readouterr().err
    gap = tmp_path / "gap.csv"
    gap.write_text("text,label\nA sentence.,x\n,y\n", encoding="utf-8")
    assert main(["train", str(gap), "--text", "text", "--label", "label", "-o", str(tmp_path / "m.json")]) == 2
    assert "line(s) 3" in capsys.readouterr().err
    assert main(["train", str(tmp_path / "none.csv"), "--text", "t", "--label", "l", "-o", str(tmp_path / "m.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_report_classifier_option_parsing():
    assert parse_model_option("biased=m.json") == ("biased", "m.json")
    with pytest.raises(ModelError, match="NAME=MODEL.json"):
        parse_model_option("m.json")


def test_cli_report_bad_classifier_file_fails_before_work(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    rc = main(["report", "corpora/s400", "-o", str(tmp_path / "r.pdf"), "--classifier", f"b={bad}"])
    assert rc == 2 and "not a framing classifier" in capsys.readouterr().err


def test_cli_distant_then_train_with_it(data_csv, tmp_path, capsys):
    proxy = tmp_path / "proxy.json"
    assert main(["distant", str(data_csv), "--text", "sentence", "--label", "bias", "-o", str(proxy)]) == 0
    assert proxy.exists() and "wrote" in capsys.readouterr().out
    out = tmp_path / "m.json"
    assert main(["train", str(data_csv), "--text", "sentence", "--label", "bias", "-o", str(out), "--folds", "3",
                 "--no-char", "--C", "1", "--distant", str(proxy)]) == 0
    m = load_classifier(out)
    assert m.metadata["distant"]["training"]["description"] == "labels.csv"
    assert m.predict([TEXTS[0]]) == load_classifier(out).predict([TEXTS[0]])


def test_cli_distant_needs_a_json_output_and_a_model_file(data_csv, tmp_path, capsys):
    assert main(["distant", str(data_csv), "--text", "sentence", "--label", "bias", "-o", str(tmp_path / "p.pkl")]) == 2
    assert "ending in .json" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    assert main(["train", str(data_csv), "--text", "sentence", "--label", "bias", "-o", str(tmp_path / "m.json"),
                 "--distant", str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err and not (tmp_path / "m.json").exists()
