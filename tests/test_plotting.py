"""comp.plot.*: each returns an Axes drawing the report's table with the report's colours (checked on the
figure's data: bar widths, point positions, colours and tick labels, never pixels)."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import framing
from framing import plots
from framing.errors import FramingError
from framing.report._common import palette

from .conftest import S400


@pytest.fixture(scope="module")
def comp():
    return framing.analyze(framing.load_corpus(S400))


@pytest.fixture(scope="module")
def pal(comp):
    return palette(comp)


def _ax():
    return Figure().add_subplot(1, 1, 1)


def _ticks(ax, axis="y"):
    return [t.get_text() for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]


def _names(pal):
    return [plots.wrap_label(pal.names[k], 18) for k in pal.order]


def test_plotting_sentiment_points_are_the_sentence_scores(comp, pal):
    ax = comp.plot.sentiment(ax=_ax())
    assert isinstance(ax, Axes)
    assert _ticks(ax) == _names(pal)
    scatters = ax.collections
    with_sentences = [k for k in pal.order if (comp.sentences["outlet"] == k).any()]
    assert len(scatters) == len(with_sentences) == 5
    for k, coll in zip(with_sentences, scatters):
        x = coll.get_offsets()[:, 0]
        assert np.allclose(x, comp.sentences.loc[comp.sentences["outlet"] == k, "compound"].to_numpy())
        assert to_hex(coll.get_facecolor()[0]) == to_hex(pal.colors[k])
        assert np.all(np.abs(coll.get_offsets()[:, 1] - pal.order.index(k)) <= 0.28 + 1e-9)
    means = {int(line.get_ydata()[0]): float(line.get_xdata()[0]) for line in ax.lines if line.get_marker() == "D"}
    s = comp.outlet_sentiment.set_index("outlet")
    assert means == pytest.approx({i: float(s.loc[k, "mean"]) for i, k in enumerate(pal.order)})


def test_plotting_loaded_bars_are_the_rates(comp, pal):
    ax = comp.plot.loaded(ax=_ax())
    rates = comp.loaded_rates
    rates = rates[(rates["voice"] == "own") & (rates["kind"] == "loaded")]  # the outlets' own words, flagged
    cats = sorted(set(rates.loc[rates["n_hits"] > 0, "category"]))
    assert cats and "hedge" not in cats
    assert _ticks(ax) == [c.replace("_", " ") for c in cats]
    assert len(ax.containers) == len(pal.order)
    for k, bars in zip(pal.order, ax.containers):
        r = rates[rates["outlet"] == k].set_index("category")["rate_per_1000"].reindex(cats).fillna(0)
        assert [p.get_width() for p in bars] == pytest.approx(r.tolist())
        assert {to_hex(p.get_facecolor()) for p in bars} == {to_hex(pal.colors[k])}
        assert bars.get_label() == pal.names[k]


def test_plotting_voices_bars_are_the_shares(comp, pal):
    ax = comp.plot.voices(ax=_ax())
    vs = comp.voice_summary.set_index("outlet")
    measures = ["share_direct", "share_anonymous", "share_loaded_verbs"]
    assert len(ax.containers) == len(pal.order)
    for k, bars in zip(pal.order, ax.containers):
        assert [p.get_width() for p in bars] == pytest.approx([100 * float(vs.loc[k, m]) for m in measures])
        assert {to_hex(p.get_facecolor()) for p in bars} == {to_hex(pal.colors[k])}


def test_plotting_affiliations_stack_the_quote_shares(comp, pal):
    ax = comp.plot.affiliations(ax=_ax())
    assert _ticks(ax) == _names(pal)
    sh = comp.affiliation_shares
    totals = np.zeros(len(pal.order))
    for bars in ax.containers:
        totals += [p.get_width() for p in bars]
        aff = bars.get_label()
        if aff != "other" and "\n" not in aff:
            want = [100 * float(sh.loc[(sh["outlet"] == k) & (sh["affiliation"] == aff), "share"].sum())
                    for k in pal.order]
            assert [p.get_width() for p in bars] == pytest.approx(want)
            assert to_hex(bars[0].get_facecolor()) == to_hex(pal.affiliations[aff])
    quoted = [k in set(sh["outlet"]) for k in pal.order]
    assert totals == pytest.approx([100.0 if q else 0.0 for q in quoted])


def test_plotting_actors_grid_is_the_actor_table(comp, pal):
    ax = comp.plot.actors(ax=_ax())
    grid = ax.images[0].get_array()
    actors = [t.get_text() for t in ax.get_xticklabels()]
    t = comp.actor_sentiment.set_index(["outlet", "actor"])["mean_score"]
    assert len(actors) == min(8, comp.actor_sentiment["actor"].nunique())
    for i, k in enumerate(pal.order):
        for j, a in enumerate(actors):
            if (k, a) in t.index:
                assert float(grid[i, j]) == pytest.approx(float(t.loc[(k, a)]))
            else:
                assert np.ma.is_masked(grid[i, j])


def test_plotting_distinctive_bars_are_the_top_z(comp, pal):
    ax = comp.plot.distinctive("rt", ax=_ax(), n=6)
    d = comp.distinctive
    top = d[(d["outlet"] == "rt") & (d["z"] > 0)].sort_values("rank").head(6)
    assert [p.get_width() for p in ax.patches] == pytest.approx(top["z"].tolist())
    assert {to_hex(p.get_facecolor()) for p in ax.patches} == {to_hex(pal.colors["rt"])}
    assert ax.get_title() == pal.names["rt"]
    assert comp.plot.distinctive(ax=_ax()).get_title() == plots.wrap_label(pal.names[pal.order[0]], 34)
    with pytest.raises(FramingError, match="not in this comparison"):
        comp.plot.distinctive("nyt")


def test_plotting_words_bars_are_the_outlet_words(comp, pal):
    ax = comp.plot.words(ax=_ax())
    assert [p.get_width() for p in ax.patches] == comp.outlets.set_index("outlet").loc[list(pal.order), "n_words"].tolist()


REPORT_CALLS = {  # how framing/report/html.py and pdf.py call each chart
    "sentiment": lambda c, p, ax: plots.plot_sentence_sentiment(c.sentences, ax=ax, summary=c.outlet_sentiment,
                                                                order=p.order, colors=p.colors, labels=p.names),
    "actors": lambda c, p, ax: plots.plot_actor_heatmap(c.actor_sentiment, ax=ax, order=p.order, labels=p.names),
    "loaded": lambda c, p, ax: plots.plot_loaded_rates(c.loaded_rates, ax=ax, order=p.order, colors=p.colors,
                                                       labels=p.names),
    "affiliations": lambda c, p, ax: plots.plot_affiliation_shares(c.affiliation_shares, ax=ax, order=p.order,
                                                                   labels=p.names, colors=p.affiliations),
    "voices": lambda c, p, ax: plots.plot_voice_summary(c.voice_summary, ax=ax, order=p.order, colors=p.colors,
                                                        labels=p.names),
    "distinctive": lambda c, p, ax: plots.plot_distinctive(c.distinctive, outlet=p.order[0], ax=ax,
                                                           color=p.colors[p.order[0]], label=p.names[p.order[0]]),
}


def _content(ax):
    """What a chart shows: points, bars, lines, images, texts and tick labels with their colours."""
    out = [[(np.round(c.get_offsets(), 9).tolist(), np.round(c.get_facecolor(), 6).tolist()) for c in ax.collections],
           [(round(p.get_x(), 9), round(p.get_y(), 9), round(p.get_width(), 9), round(p.get_height(), 9),
             to_hex(p.get_facecolor())) for p in ax.patches],
           [(np.asarray(line.get_xdata(), float).tolist(), np.asarray(line.get_ydata(), float).tolist(), line.get_color()) for line in ax.lines],
           [t.get_text() for t in ax.texts], _ticks(ax), _ticks(ax, "x"), ax.get_title()]
    out += [[[None if np.isnan(v) else v for v in row] for row in np.ma.filled(im.get_array(), np.nan).round(9)]
            for im in ax.images]
    return out


@pytest.mark.parametrize("name", sorted(REPORT_CALLS))
def test_plotting_equals_the_report_chart(comp, pal, name):
    mine = getattr(comp.plot, name)(ax=_ax())
    report = REPORT_CALLS[name](comp, pal, _ax())
    assert _content(mine) == _content(report)


def test_plotting_without_ax_makes_a_figure_and_keeps_the_backend(comp):
    import matplotlib
    import matplotlib.pyplot as plt

    before = matplotlib.get_backend()
    ax = comp.plot.voices()
    try:
        assert isinstance(ax, Axes) and ax.figure.get_size_inches()[0] == pytest.approx(8.0)
        assert matplotlib.get_backend() == before
    finally:
        plt.close(ax.figure)


def test_plotting_empty_tables_say_no_data(comp):
    from framing.compare import Comparison
    from framing.tables import TABLES

    frames = {k: (TABLES[k].empty() if k in TABLES and k not in ("articles", "outlets") else v)
              for k, v in comp.frames.items()}
    empty = Comparison(comp.corpus, frames, comp.analyzers, [])
    for name in ("sentiment", "actors", "loaded", "affiliations", "voices", "distinctive"):
        ax = getattr(empty.plot, name)(ax=_ax())
        assert any("no " in t.get_text() for t in ax.texts), name
