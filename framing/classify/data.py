"""Labelled training data from a CSV file (what ``framing train`` reads)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from ..errors import ModelError, where

__all__ = ["read_labelled_csv", "read_word_csv", "parse_model_option"]


def read_labelled_csv(path: str | Path, text: str, labels: Sequence[str], sep: str | None = None) -> tuple[list[str], Any]:
    """Texts and labels from a CSV file.

    Parameters
    ----------
    path : path
        CSV file (UTF-8, a byte-order mark is fine). The separator is guessed (``,``, ``;``, tab)
        unless ``sep`` is given.
    text : str
        Column holding the texts.
    labels : list of str
        One column: one label per text. Several columns: several yes/no labels at once
        (``multilabel``; each column 0/1 or true/false).
    sep : str, optional
        Field separator.

    Returns
    -------
    (texts, labels)
        Ready for :func:`framing.fit_classifier`. Rows whose text or label is empty are errors,
        named by their line in the file.

    Raises
    ------
    framing.errors.ModelError
        File missing or unreadable, a column missing (the columns found are listed), empty cells.
    """
    path = Path(path)
    df = _read(path, sep)
    wanted = [text, *labels]
    _require_columns(path, df, wanted, "Name the columns with --text and --label.")
    for col in wanted:
        _refuse_empty(path, df, col, "cell(s)")
    texts = df[text].tolist()
    if len(labels) == 1:
        return texts, df[labels[0]].str.strip().tolist()
    frame = pd.DataFrame({c: df[c].str.strip().str.lower().map(_yes_no(path, c)) for c in labels})
    return texts, frame


def read_word_csv(path: str | Path, text: str, words: str, sep: str | None = None) -> tuple[list[str], list[str]]:
    """Texts and their marked words from a CSV file (``framing train --words COL``).

    Parameters
    ----------
    path : path
        CSV file (UTF-8, a byte-order mark is fine; separator guessed unless ``sep`` is given).
    text : str
        Column holding the texts (none may be empty).
    words : str
        Column holding each text's marked words: a list such as BABE's ``['bizarre', 'rant']``, or
        words separated by commas; empty for a text without marked words.

    Returns
    -------
    (texts, words)
        Ready for ``fit_classifier(texts, words, level="word")``.

    Raises
    ------
    framing.errors.ModelError
        File missing or unreadable, a column missing (the columns found are listed), empty texts.
    """
    path = Path(path)
    df = _read(path, sep)
    _require_columns(path, df, [text, words], "Name the text column with --text and the column of marked words "
                     "with --words.")
    _refuse_empty(path, df, text, "text(s)")
    return df[text].tolist(), df[words].tolist()


def _require_columns(path: Path, df: pd.DataFrame, wanted: Sequence[str], fix: str) -> None:
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise ModelError(f"{path}: column(s) {missing} not found; the file has {list(df.columns)}. {fix}")


def _refuse_empty(path: Path, df: pd.DataFrame, col: str, what: str) -> None:
    """A :class:`ModelError` naming the lines of ``col``'s empty cells, if any."""
    empty = [i for i, v in enumerate(df[col]) if not str(v).strip()]
    if empty:
        lines = ", ".join(str(i + 2) for i in empty[:5])  # +1 header, +1 one-based (no multi-line fields)
        raise ModelError(f"{where(path, None, col)}: {len(empty)} empty {what}, e.g. on line(s) {lines}. "
                         "Fill or drop those rows.")


def _read(path: Path, sep: str | None) -> pd.DataFrame:
    try:
        return pd.read_csv(path, sep=sep, engine="python" if sep is None else "c", encoding="utf-8-sig", dtype=str,
                           keep_default_na=False)
    except FileNotFoundError:
        raise ModelError(f"{path}: no such file. Give the path of a CSV file with a text and a label column.") from None
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as e:
        raise ModelError(f"{path}: cannot read it as CSV ({type(e).__name__}: {e}). Save it as UTF-8 CSV, "
                         "or give the separator with --sep.") from None


def _yes_no(path: Path, col: str) -> Any:
    values = {"1": 1, "0": 0, "true": 1, "false": 0, "yes": 1, "no": 0}

    def convert(v: str) -> int:
        if v not in values:
            raise ModelError(f"{where(path, None, col)}: value {v!r} is not 0/1, true/false or yes/no; with several "
                             "--label columns each is one yes/no label.")
        return values[v]

    return convert


def parse_model_option(option: str) -> tuple[str, str]:
    """``NAME=MODEL.json`` (the ``--classifier`` option of ``framing report``) -> (name, path).

    Examples
    --------
    >>> parse_model_option("biased=models/babe.json")
    ('biased', 'models/babe.json')
    """
    name, sep, path = option.partition("=")
    if not sep or not name.strip() or not path.strip():
        raise ModelError(f"--classifier {option!r}: write it as NAME=MODEL.json, e.g. biased=biased.json.")
    return name.strip(), path.strip()
