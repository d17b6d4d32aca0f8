"""Small statistics shared by the per-outlet summaries."""
from __future__ import annotations

import math

__all__ = ["wilson_interval"]

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
