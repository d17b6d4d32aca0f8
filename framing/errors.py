"""Errors raised by :mod:`framing`.

Every error message says what was wrong, where (file, line or field) and
what to do about it. The command line prints the message without a
traceback and exits with a non-zero status.
"""
from __future__ import annotations

from pathlib import Path

__all__ = [
    "FramingError",
    "CorpusError",
    "OutletError",
    "LexiconError",
    "ReportError",
    "ModelError",
    "FramingWarning",
    "where",
]


class FramingError(Exception):
    """Base class of every error the library raises on purpose."""


class CorpusError(FramingError):
    """A corpus (folder, manifest, JSONL, CSV, article file) cannot be read."""


class OutletError(FramingError):
    """An outlet key, outlet file or ratings table is wrong."""


class LexiconError(FramingError):
    """A lexicon or other data file has a bad row."""


class ReportError(FramingError):
    """A report cannot be written."""


class ModelError(FramingError):
    """A classifier cannot be trained (bad labels or texts) or a model file cannot be loaded."""


class FramingWarning(UserWarning):
    """Something worked but deserves the user's attention (unknown outlet, decoding fallback, non-English text...)."""


def where(path: str | Path | None, line: int | None = None, field: str | None = None) -> str:
    """Format a location for an error message: ``file:line (field 'x')``.

    Examples
    --------
    >>> where("corpus/manifest.yaml", 12, "date")
    "corpus/manifest.yaml:12 (field 'date')"
    """
    out = str(path) if path is not None else "<input>"
    if line is not None:
        out += f":{line}"
    if field is not None:
        out += f" (field '{field}')"
    return out
