"""``comp.plot``: the report's charts of a Comparison, one call each, pandas style.

Each method draws the same table with the same outlet order, names and
colours as the PDF and HTML reports (it calls the :mod:`framing.plots`
function the report calls, with :func:`framing.report._common.palette`)
and returns the matplotlib ``Axes``. Pass ``ax=`` to draw into your own
figure; without it a new pyplot figure is made (so a notebook shows it).

Examples
--------
>>> import framing
>>> comp = framing.analyze(framing.load_corpus("corpora/s400"))   # doctest: +SKIP
>>> ax = comp.plot.sentiment()                                     # doctest: +SKIP
>>> ax = comp.plot.distinctive(outlet="rt", n=8)                   # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any

import matplotlib

__all__ = ["PlotAccessor"]


class PlotAccessor:
    """The charts of one :class:`framing.compare.Comparison` (``comp.plot``).

    Every method takes ``ax=None`` and keyword arguments passed on to the
    :mod:`framing.plots` function, and returns the ``Axes`` drawn on.
    """

    def __init__(self, comp: Any) -> None:
        self._comp = comp
        from . import plots
        from .report import _common

        self._plots, self._common = plots, _common
        self._pal = self._common.palette(comp)

    def __repr__(self) -> str:
        names = ", ".join(n for n in dir(self) if not n.startswith("_"))
        return f"<comp.plot: {names}>"

    def _axes(self, ax: Any, width: float, height: float) -> Any:
        if ax is not None:
            return ax
        import matplotlib.pyplot as plt  # outside rc_context: importing it may switch interactive mode on

        _, ax = plt.subplots(figsize=(width, height), layout="tight")
        return ax

    def _draw(self, fn: Any, table: Any, ax: Any, size: tuple[float, float], **kw: Any) -> Any:
        ax = self._axes(ax, *size)
        with matplotlib.rc_context(self._common.RC):
            return fn(table, ax=ax, **kw)

    @staticmethod
    def _h(n: int, per: float, base: float, lo: float, hi: float) -> float:
        return max(lo, min(hi, base + per * n))

    def _outlet_kw(self) -> dict[str, Any]:
        p = self._pal
        return {"order": p.order, "colors": dict(p.colors), "labels": dict(p.names)}

    def sentiment(self, ax: Any = None, **kw: Any) -> Any:
        """Every sentence's tone per outlet, with the outlet mean and its 95 % interval
        (``comp.sentences``, ``comp.outlet_sentiment``; :func:`framing.plots.plot_sentence_sentiment`)."""
        n = len(self._pal.order)
        args = {"summary": self._comp.frames.get("outlet_sentiment"), **self._outlet_kw(), **kw}
        return self._draw(self._plots.plot_sentence_sentiment, self._comp.frames.get("sentences"), ax,
                          (8.0, self._h(n, 0.42, 1.0, 2.2, 7.5)), **args)

    def actors(self, ax: Any = None, **kw: Any) -> Any:
        """Outlet x actor grid of the tone around each actor's mentions
        (``comp.actor_sentiment``; :func:`framing.plots.plot_actor_heatmap`)."""
        n = len(self._pal.order)
        args = {"order": self._pal.order, "labels": dict(self._pal.names), **kw}
        return self._draw(self._plots.plot_actor_heatmap, self._comp.frames.get("actor_sentiment"), ax,
                          (8.0, self._h(n, 0.45, 1.8, 2.6, 8.0)), **args)

    def loaded(self, ax: Any = None, **kw: Any) -> Any:
        """Loaded terms per 1,000 words by category, one bar per outlet
        (``comp.loaded_rates``; :func:`framing.plots.plot_loaded_rates`)."""
        n, n_cats = len(self._pal.order), len(self._pal.categories) or 1
        return self._draw(self._plots.plot_loaded_rates, self._comp.frames.get("loaded_rates"), ax,
                          (8.0, self._h(n_cats * n, 0.075, 1.0, 2.4, 9.0)), **{**self._outlet_kw(), **kw})

    def affiliations(self, ax: Any = None, **kw: Any) -> Any:
        """Share of each outlet's quotes by the speaker's affiliation, in the report's affiliation colours
        (``comp.affiliation_shares``; :func:`framing.plots.plot_affiliation_shares`)."""
        n = len(self._pal.order)
        args = {"order": self._pal.order, "labels": dict(self._pal.names), "colors": dict(self._pal.affiliations),
                **kw}
        return self._draw(self._plots.plot_affiliation_shares, self._comp.frames.get("affiliation_shares"), ax,
                          (8.0, self._h(n, 0.38, 1.5, 2.6, 7.5)), **args)

    def voices(self, ax: Any = None, **kw: Any) -> Any:
        """How each outlet quotes: shares of direct quotes, anonymous sources and loaded reporting verbs
        (``comp.voice_summary``; :func:`framing.plots.plot_voice_summary`)."""
        n = len(self._pal.order)
        return self._draw(self._plots.plot_voice_summary, self._comp.frames.get("voice_summary"), ax,
                          (8.0, self._h(3 * n, 0.08, 1.0, 2.0, 6.0)), **{**self._outlet_kw(), **kw})

    def distinctive(self, outlet: str | None = None, ax: Any = None, n: int = 10, **kw: Any) -> Any:
        """One outlet's most distinctive words (z-scores), in its colour, as in the report's small
        multiples (``comp.distinctive``; :func:`framing.plots.plot_distinctive`).

        Parameters
        ----------
        outlet : str, optional
            Outlet key (default: the first outlet of the comparison).
        n : int, default 10
            Words shown.
        """
        order = self._pal.order
        key = outlet if outlet is not None else (order[0] if order else "")
        if order and key not in order:
            from .errors import FramingError

            raise FramingError(f"comp.plot.distinctive: outlet {key!r} is not in this comparison; "
                               f"use one of {', '.join(order)}.")
        args = {"outlet": key, "color": self._pal.colors.get(key), "label": self._pal.names.get(key, key), "n": n,
                **kw}
        return self._draw(self._plots.plot_distinctive, self._comp.frames.get("distinctive"), ax, (3.4, 2.8),
                          **args)

    def words(self, ax: Any = None, **kw: Any) -> Any:
        """Words of text per outlet (``comp.outlets``; :func:`framing.plots.plot_words`)."""
        n = len(self._pal.order)
        return self._draw(self._plots.plot_words, self._comp.frames.get("outlets"), ax,
                          (6.5, self._h(n, 0.3, 0.8, 2.0, 6.0)), **{**self._outlet_kw(), **kw})
