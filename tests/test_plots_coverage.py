"""plot_coverage_matrix draws the rows it is given and computes nothing."""
from __future__ import annotations

import pandas as pd

from framing.plots_coverage import plot_coverage_matrix


def test_plot_coverage_matrix_rows_and_columns():
    m = pd.DataFrame({"claim": ["shared", "only rt"], "story": ["s", "s"], "n_outlets": [2, 1], "only": ["", "rt"],
                      "rt": [True, True], "cbc": [True, False]}, index=pd.Index([4, 9], name="claim_id"))
    ax = plot_coverage_matrix(m, order=["cbc", "rt"], labels={"cbc": "CBC News"})
    assert [t.get_text() for t in ax.get_yticklabels()] == ["shared", "only rt"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["CBC News", "rt"]
    filled = sum(len(c.get_offsets()) for c in ax.collections if c.get_offsets().size and c.get_sizes()[0] > 20)
    assert filled == 3


def test_plot_coverage_matrix_empty():
    ax = plot_coverage_matrix(pd.DataFrame(columns=["claim", "n_outlets"]))
    assert ax.texts and ax.texts[0].get_text() == "no claims"
