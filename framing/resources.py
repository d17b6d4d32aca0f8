"""Packaged data files, read one way (``importlib.resources``; nothing is downloaded).

Every data file of the package lives in ``framing/data`` and carries its
provenance (see ``framing/data/README.md``). Modules read them through these
helpers, which cache nothing themselves: callers cache what they parse.
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import LexiconError, where

__all__ = ["read_text", "read_json", "read_csv", "vader_lexicon"]


def read_text(name: str) -> str:
    """The text of ``framing/data/<name>`` (``name`` may contain ``/``).

    Examples
    --------
    >>> read_text("abbreviations.txt").startswith("#")
    True
    """
    return resources.files("framing.data").joinpath(*name.split("/")).read_text("utf-8")


def read_json(name: str) -> Any:
    """``framing/data/<name>`` parsed as JSON."""
    return json.loads(read_text(name))


def read_csv(name: str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of the packaged CSV ``framing/data/<name>`` as dicts, ``#`` comment lines and blank lines skipped,
    values stripped.

    Raises
    ------
    LexiconError
        When a required column is missing; the message names the file and the columns it needs.

    Examples
    --------
    >>> rows = read_csv("roles.csv", ("word", "class", "group"))
    >>> rows[0]["word"], rows[0]["class"]
    ('president', 'government')
    """
    raw = read_text(name)
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise LexiconError(
            f"{where('framing/data/' + name, 1)}: missing column(s) {missing}; "
            f"the header must contain {list(required)}."
        )
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's bundled valence lexicon (MIT licence), as vaderSentiment itself reads it:
    ``token -> mean valence``.

    Examples
    --------
    >>> vader_lexicon()["good"]
    1.9
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)
