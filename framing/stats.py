"""Small statistics shared by the per-outlet summaries."""
from __future__ import annotations

import math

__all__ = ["wilson_interval", "poisson_rate_interval"]

#: The 97.5th percentile of the standard normal distribution (two-sided 95 % intervals).
Z95 = 1.959963984540054


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of ``k`` successes in ``n`` trials (NaN, NaN for ``n == 0``); the bounds
    always contain ``k / n`` (floating-point rounding may not exclude it) and stay in [0, 1].

    Examples
    --------
    >>> lo, hi = wilson_interval(1, 1)
    >>> round(lo, 3), hi
    (0.207, 1.0)
    """
    if n == 0:
        return math.nan, math.nan
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(0.0, min(p, mid - half)), min(1.0, max(p, mid + half))


def poisson_rate_interval(k: int, exposure: float, per: float = 1000.0, level: float = 0.95) -> tuple[float, float]:
    """Exact (Garwood) interval of a rate: ``k`` events in ``exposure`` units, per ``per`` units.

    The count is taken as Poisson; the bounds are the chi-square quantiles
    ``chi2(a/2; 2k) / 2`` and ``chi2(1 - a/2; 2k + 2) / 2`` scaled by ``per / exposure`` (the
    low bound is 0 for ``k == 0``). NaN, NaN when ``exposure`` is 0. Hits in one article are not
    independent (a writer repeats a word), so read the interval as the least uncertainty there is.

    Examples
    --------
    >>> lo, hi = poisson_rate_interval(6, 270)   # 6 hits in 270 words: 22.2 per 1,000
    >>> round(lo, 1), round(hi, 1)
    (8.2, 48.4)
    >>> poisson_rate_interval(0, 1000)[0]
    0.0
    """
    if not exposure:
        return math.nan, math.nan
    from scipy.stats import chi2

    a = 1.0 - level
    scale = per / float(exposure)
    lo = 0.0 if k <= 0 else float(chi2.ppf(a / 2, 2 * k)) / 2
    hi = float(chi2.ppf(1 - a / 2, 2 * k + 2)) / 2
    return lo * scale, hi * scale
