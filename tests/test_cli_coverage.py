"""The `framing coverage` and `framing naming` subcommands."""
from __future__ import annotations

import csv

from framing.cli import main
from tests.conftest import S400


def test_cli_coverage_csv(tmp_path, capsys):
    out = tmp_path / "claims.csv"
    assert main(["coverage", str(S400), "--csv", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {"claim_id", "claim", "n_outlets", "cbc", "rt", "presstv", "revoi", "wsws"} <= set(rows[0])
    assert int(rows[0]["n_outlets"]) >= 2


def test_cli_naming_prints(capsys):
    assert main(["naming", str(S400)]) == 0
    assert "US-led NATO forces" in capsys.readouterr().out
