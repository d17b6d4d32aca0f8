"""Tests of the command line's table printing (framing quotes / framing terms)."""
from __future__ import annotations

import pandas as pd
import pytest

from framing.cli import fit_table, main


@pytest.mark.parametrize("command, last", [("quotes", "content"), ("terms", "term")])
def test_cli_tables_fit_the_terminal(command, last, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    assert main([command, "corpora/s400"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[-1] == last and len(lines) > 10
    assert max(map(len, lines)) <= 90


def test_cli_full_prints_every_column(capsys) -> None:
    assert main(["quotes", "corpora/s400", "--full"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    for col in ("speaker_mention", "cue_start", "affiliation", "country"):
        assert col in header


def test_cli_fit_table_cuts_long_values_and_keeps_short_ones() -> None:
    t = pd.DataFrame({"outlet": ["rt", "cbc"], "speaker": ["A" * 50, "Bo"], "content": ["x " * 60, "short"]})
    text = fit_table(t, ("outlet", "speaker", "content"), 60)
    lines = text.splitlines()
    assert max(map(len, lines)) <= 60
    assert "…" in lines[1] and lines[2].endswith("short")


def test_cli_convention_counts_thoughts_as_quotes_and_the_report_says_so(tmp_path, capsys) -> None:
    rows = {}
    for conv in ("reported-speech", "attribution"):
        out = tmp_path / f"{conv}.csv"
        assert main(["quotes", "corpora/s400", "--convention", conv, "--csv", str(out)]) == 0
        rows[conv] = pd.read_csv(out)
    assert len(rows["attribution"]) > len(rows["reported-speech"])
    html = tmp_path / "r.html"
    assert main(["report", "corpora/s400", "-o", str(html), "--no-coverage", "--convention", "attribution"]) == 0
    text = html.read_text(encoding="utf-8")
    assert "thoughts, beliefs and intentions count" in text and "thoughts and intentions are left out" not in text
    with pytest.raises(SystemExit):
        main(["quotes", "corpora/s400", "--convention", "beliefs"])
