"""Drawing of the claims x outlets matrix (computes nothing: takes :func:`framing.analyzers.coverage.coverage_matrix`
rows as they are)."""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd
from matplotlib.axes import Axes

from .plots import _ax, _no_data, wrap_label

__all__ = ["plot_coverage_matrix"]


def plot_coverage_matrix(matrix: pd.DataFrame, *, ax: Axes | None = None, order: Sequence[str] | None = None,
                         colors: Mapping[str, str] | None = None, labels: Mapping[str, str] | None = None,
                         width: int = 70) -> Axes:
    """Claims (rows, in the matrix's order) x outlets (columns): a filled square where the outlet
    carries the claim, a dot where it does not.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Rows of :func:`~framing.analyzers.coverage.coverage_matrix` (``claim`` and one bool column per
        outlet); pass the subset to draw.
    ax : matplotlib Axes, optional
    order : sequence of str, optional
        Outlet columns to draw, left to right (default: the matrix's outlet columns).
    colors, labels : mapping, optional
        Outlet key -> colour / display name.
    width : int
        Characters of each claim label before it is cut.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> m = pd.DataFrame({"claim": ["Turkey bought the S-400.", "Only RT says this."], "story": ["s", "s"],
    ...                   "n_outlets": [2, 1], "only": ["", "rt"], "rt": [True, True], "cbc": [True, False]})
    >>> plot_coverage_matrix(m).get_xticklabels()[0].get_text()
    'rt'
    """
    ax = _ax(ax, (7.0, 0.25 * max(4, len(matrix)) + 1))
    outlets = list(order) if order is not None else [c for c in matrix.columns
                                                     if c not in ("claim", "story", "n_outlets", "only")]
    outlets = [o for o in outlets if o in matrix.columns]
    if not len(matrix) or not outlets:
        return _no_data(ax, "no claims")
    colors = colors or {}
    n = len(matrix)
    for j, o in enumerate(outlets):
        has = matrix[o].astype(bool).tolist()
        ys = [i for i, h in enumerate(has) if h]
        no = [i for i, h in enumerate(has) if not h]
        ax.scatter([j] * len(ys), ys, marker="s", s=70, color=colors.get(o, "#4C72B0"), linewidths=0)
        ax.scatter([j] * len(no), no, marker=".", s=8, color="#BBBBBB", linewidths=0)
    shared = (matrix["n_outlets"] >= 2).tolist() if "n_outlets" in matrix.columns else [False] * n
    if any(shared) and not all(shared):
        ax.axhline(shared.index(False) - 0.5, color="#888888", linewidth=0.6, linestyle="--")
    ax.set_xticks(range(len(outlets)))
    ax.set_xticklabels([wrap_label((labels or {}).get(o, o), 12) for o in outlets], fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n))
    texts = [str(c) for c in matrix["claim"]]
    ax.set_yticklabels([t if len(t) <= width else t[: width - 1].rstrip() + "…" for t in texts], fontsize=6.5)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(-0.6, len(outlets) - 0.4)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    return ax
