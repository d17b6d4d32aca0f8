"""framing: compare how news outlets frame the same story."""
from __future__ import annotations

__version__ = "0.1.0"
__all__: list[str] = ["__version__"]
