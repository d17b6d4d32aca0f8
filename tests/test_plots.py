"""Tests of framing.plots: charts draw the tables they are given and never fail on empty ones."""
from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from framing import plots

ORDER = ["cbc", "rt", "presstv"]
SENT = pd.DataFrame({"outlet": ["cbc", "cbc", "rt", "presstv"], "compound": [0.5, -0.2, -0.7, 0.1]})
SUMMARY = pd.DataFrame({"outlet": ORDER, "mean": [0.15, -0.7, 0.1], "ci_low": [-0.2, -0.7, 0.1],
                        "ci_high": [0.5, -0.7, 0.1], "n_sentences": [2, 1, 1]})
ACTORS = pd.DataFrame({"outlet": ["cbc", "rt", "rt"], "actor": ["NATO", "NATO", "Turkey"], "n": [3, 2, 1],
                       "mean_score": [0.2, -0.5, 0.1]})
RATES = pd.DataFrame({"outlet": ["cbc", "rt", "rt"], "category": ["emotive", "emotive", "hedge"],
                      "rate_per_1000": [2.0, 5.0, 1.0]})
AFF = pd.DataFrame({"outlet": ["cbc", "cbc", "rt"], "affiliation": ["NATO", "unknown", "Russian government"],
                    "n": [2, 1, 4], "share": [2 / 3, 1 / 3, 1.0]})
VOICE = pd.DataFrame({"outlet": ORDER, "share_direct": [0.5, 0.2, 0.0], "share_anonymous": [0.0, 0.1, 0.4],
                      "share_loaded_verbs": [0.1, 0.3, 0.2]})
DIST = pd.DataFrame({"outlet": ["cbc", "cbc", "rt"], "term": ["alliance", "trump", "sanctions"], "count": [4, 3, 5],
                     "z": [3.1, 2.2, 4.0], "rank": [1, 2, 1]})
WORDS = pd.DataFrame({"outlet": ORDER, "n_words": [640, 1260, 370]})

CASES = [
    (plots.plot_sentence_sentiment, SENT, {"summary": SUMMARY}),
    (plots.plot_actor_heatmap, ACTORS, {}),
    (plots.plot_loaded_rates, RATES, {}),
    (plots.plot_affiliation_shares, AFF, {}),
    (plots.plot_voice_summary, VOICE, {}),
    (plots.plot_words, WORDS, {}),
]


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("fn, table, kw", CASES, ids=[c[0].__name__ for c in CASES])
def test_plots_draw_given_table(fn, table, kw):
    ax = Figure().add_subplot()
    out = fn(table, ax=ax, order=ORDER, **kw)
    assert out is ax
    assert "no data" not in " ".join(_texts(ax))
    assert len(ax.patches) + len(ax.collections) + len(ax.images) + len(ax.lines) > 0


@pytest.mark.parametrize("fn, table, kw", CASES, ids=[c[0].__name__ for c in CASES])
@pytest.mark.parametrize("empty", [pd.DataFrame(), pd.DataFrame({"outlet": []}), None])
def test_plots_empty_table_says_no_data(fn, table, kw, empty):
    ax = Figure().add_subplot()
    fn(empty, ax=ax, order=ORDER)
    assert any("no " in t for t in _texts(ax))


def test_plots_outlet_order_is_respected():
    ax = Figure().add_subplot()
    plots.plot_words(WORDS, ax=ax, order=["rt", "cbc", "presstv"], labels={"rt": "RT", "cbc": "CBC News"})
    assert [t.get_text() for t in ax.get_yticklabels()] == ["RT", "CBC News", "presstv"]


def test_plots_outlet_colors_distinct_for_16_outlets():
    order = [f"o{i}" for i in range(16)]
    cols = plots.outlet_colors(order)
    assert list(cols) == order
    assert len(set(cols.values())) == 16


def test_plots_outlet_colors_stable_prefix():
    assert plots.outlet_colors(["a", "b"])["b"] == plots.outlet_colors(["a", "b", "c"])["b"]


def test_plots_affiliation_colors_unknown_grey_and_distinct():
    cols = plots.affiliation_colors(["NATO", "unknown", "US government", "Turkish government"])
    assert cols["unknown"] == plots.UNKNOWN_COLOR
    named = [cols[a] for a in ("NATO", "US government", "Turkish government")]
    assert len(set(named)) == 3 and plots.UNKNOWN_COLOR not in named


@pytest.mark.parametrize("text, width, expected", [
    ("RT", 18, "RT"),
    ("World Socialist Web Site", 18, "World Socialist\nWeb Site"),
    ("a b c d e f g h i j k l m n o p", 4, "a b\nc d…"),
])
def test_plots_wrap_label(text, width, expected):
    assert plots.wrap_label(text, width) == expected


def test_plots_heatmap_cells_show_n():
    ax = Figure().add_subplot()
    plots.plot_actor_heatmap(ACTORS, ax=ax, order=ORDER)
    texts = _texts(ax)
    assert "+0.20\nn=3" in texts and "-0.50\nn=2" in texts


def test_plots_distinctive_top_terms_by_rank():
    ax = Figure().add_subplot()
    plots.plot_distinctive(DIST, outlet="cbc", ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["alliance (4)", "trump (3)"]
