"""What the sentence and word models share: the model-file format, input checks, C candidates, word lists."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from ..errors import ModelError
from .design import read_word_list

__all__ = ["FORMAT", "FORMAT_VERSION", "EVALUATION_COLUMNS", "check_texts", "c_grid", "word_lists_of",
           "framing_version"]

#: Value of the ``format`` field of a model file.
FORMAT = "framing-classifier"
#: Version of the model-file layout this package writes and reads.
FORMAT_VERSION = 1
#: Columns of :func:`framing.evaluate_classifier`.
EVALUATION_COLUMNS = ["label", "precision", "recall", "f1", "support", "f1_ci_low", "f1_ci_high"]


def check_texts(texts: Any, source: str = "texts") -> list[str]:
    """Texts as a list of non-empty strings.

    Raises
    ------
    framing.errors.ModelError
        Not a sequence, or some texts are empty/missing (their row numbers are named).

    Examples
    --------
    >>> check_texts(["One.", ""])
    Traceback (most recent call last):
    ...
    framing.errors.ModelError: texts: 1 empty or non-text value(s), e.g. at row(s) [1] (0-based); drop or fill them before training.
    """
    if isinstance(texts, str) or not hasattr(texts, "__iter__"):
        raise ModelError(f"{source}: give a list (or Series) of texts, not a {type(texts).__name__}.")
    values = list(texts)
    bad = [i for i, t in enumerate(values) if not isinstance(t, str) or not t.strip()]
    if bad:
        raise ModelError(f"{source}: {len(bad)} empty or non-text value(s), e.g. at row(s) {bad[:5]} (0-based); "
                         "drop or fill them before training.")
    if not values:
        raise ModelError(f"{source}: no texts given.")
    return values


def c_grid(value: Any) -> list[float]:
    """One C or a list of candidates -> list of positive floats.

    Examples
    --------
    >>> c_grid(1), c_grid((0.5, 2))
    ([1.0], [0.5, 2.0])
    """
    vals = [value] if isinstance(value, (int, float)) else list(value)
    if not vals or any(not isinstance(v, (int, float)) or v <= 0 for v in vals):
        raise ModelError(f"C must be a positive number or a list of them, got {value!r}.")
    return [float(v) for v in vals]


def word_lists_of(word_lists: Mapping[str, Any] | None) -> dict[str, list[str]]:
    """``{name: path or words}`` -> ``{name: sorted lower-cased words}`` (sorted by name)."""
    if not word_lists:
        return {}
    if not isinstance(word_lists, Mapping):
        raise ModelError("word_lists must be a dict {name: path or list of words}.")
    return {str(k): read_word_list(v, str(k)) for k, v in sorted(word_lists.items())}


def framing_version() -> str:
    from .. import __version__

    return __version__


def write_model_json(path: str | Path, payload: Mapping[str, Any]) -> Path:
    """Write a model's JSON form to ``path`` (compact UTF-8) and return the path; an unwritable path is a
    :class:`~framing.errors.ModelError` naming it (shared by the sentence and word models' ``save``)."""
    path = Path(path)
    try:
        path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    except OSError as e:
        raise ModelError(f"cannot write the model to {path}: {e}. Choose a writable path.") from None
    return path
