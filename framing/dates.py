"""Article dates as real corpora write them.

Third-party corpora do not use one format: the AllSides JSON files have
``2017-09-16`` and ``9/16/17``; scraped pages say ``Sept. 16, 2017`` or
``16 September 2017``. :func:`parse_date` reads all of these.

Accepted forms
--------------
- ISO date ``2017-09-16`` and ISO datetime ``2017-09-16T14:03:00Z`` /
  ``2017-09-16 14:03`` (the time is dropped);
- partial dates ``2017-09`` and ``2017`` (approximate: first day of the month
  or year);
- numeric dates with ``/``, ``.`` or ``-``: ``9/16/17``, ``09/16/2017``,
  ``16.09.2017``, ``2017/09/16``. A leading four-digit number is the year
  (year-month-day). Otherwise the order is ``date_format``: **month first by
  default** (``"mdy"``, the US order used by AllSides), ``"dmy"`` for
  day-first sources. When the given order is impossible (``16/9/2017`` read
  month-first) and the other order is a valid date, the other order is used.
  Two-digit years 00-68 are 2000-2068, 69-99 are 1969-1999 (as ``strptime``);
- month names, full or abbreviated, with or without a dot or a weekday:
  ``Sept. 16, 2017``, ``September 16 2017``, ``Sat, 16 Sep 2017``,
  ``16 September 2017``; ``September 2017`` is approximate (month only);
- any ``strptime`` format given as ``date_format`` (``"%d/%m/%Y"``), tried
  first.

Anything else raises :class:`ValueError`; corpus loaders keep such dates as
missing and warn once (see :mod:`framing.corpus`).

Examples
--------
>>> parse_date("9/16/17")
(datetime.date(2017, 9, 16), False)
>>> parse_date("9/10/17", date_format="dmy")
(datetime.date(2017, 10, 9), False)
>>> parse_date("Sept. 16, 2017"), parse_date("16 September 2017")[0]
((datetime.date(2017, 9, 16), False), datetime.date(2017, 9, 16))
"""
from __future__ import annotations

import datetime as _dt
import re

__all__ = ["parse_date", "DATE_ORDERS"]

#: Values of ``date_format`` that name an order of day, month and year.
DATE_ORDERS = ("mdy", "dmy", "ymd")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = r"(?P<mon>[A-Za-z]{3,9})\.?"
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_NUMERIC = re.compile(r"^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$")
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_MDY_NAME = re.compile(r"^" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})$")
_DMY_NAME = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<year>\d{4})$")
_MY_NAME = re.compile(r"^" + _MONTH_RE + r",?\s+(?P<year>\d{4})$")
_TIME_TAIL = re.compile(r"(?:,|\s+at)?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z)?$",
                        re.IGNORECASE)


_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")


def _month(name: str) -> int:
    key = name.lower()
    if key in _MONTHS:
        return _MONTHS[key]
    if key in _FULL_MONTHS:
        return _FULL_MONTHS.index(key) + 1
    raise ValueError(name)


def _year(text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        return 2000 + y if y <= 68 else 1900 + y
    return y


def _numeric(m: re.Match[str], order: str) -> _dt.date:
    a, _, b, c = m.groups()
    if len(a) == 4:  # 2017/09/16: the year comes first whatever the order
        return _dt.date(int(a), int(b), int(c))
    first, second, year = int(a), int(b), _year(c)
    month, day = (second, first) if order == "dmy" else (first, second)
    try:
        return _dt.date(year, month, day)
    except ValueError:
        if month > 12 and day <= 12:  # only the other order is a date: 16/9/2017 read month-first
            return _dt.date(year, day, month)
        raise


def parse_date(value: str, date_format: str | None = None) -> tuple[_dt.date, bool]:
    """Parse one date string; see the module docstring for the accepted forms.

    Parameters
    ----------
    value : str
        The date as written.
    date_format : str, optional
        ``"mdy"`` (default), ``"dmy"`` or ``"ymd"`` for numeric dates, or a
        ``strptime`` format (containing ``%``) tried before everything else.

    Returns
    -------
    (datetime.date, bool)
        The date and whether it is approximate (year or month only).

    Raises
    ------
    ValueError
        When the text is not a date in any accepted form, or ``date_format``
        is not one of the accepted values.

    Examples
    --------
    >>> parse_date("2017-09-16T14:03:00Z")
    (datetime.date(2017, 9, 16), False)
    >>> parse_date("September 2017")
    (datetime.date(2017, 9, 1), True)
    >>> parse_date("16/09/2017", date_format="%d/%m/%Y")
    (datetime.date(2017, 9, 16), False)
    """
    s = " ".join(str(value).split())
    order = date_format or "mdy"
    if "%" in order:
        try:
            return _dt.datetime.strptime(s, order).date(), False
        except ValueError:
            order = "mdy"
    elif order not in DATE_ORDERS:
        raise ValueError(f"date_format {date_format!r} is not one of {DATE_ORDERS} nor a strptime format")
    m = _ISO.match(s)
    if m:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
    m = _PARTIAL.match(s)
    if m:
        return _dt.date(int(m.group(1)), int(m.group(2) or 1), 1), True
    m = _NUMERIC.match(s)
    if m:
        return _numeric(m, order), False
    s = _TIME_TAIL.sub("", _WEEKDAY.sub("", s)).strip().rstrip(",")
    for pattern in (_MDY_NAME, _DMY_NAME):
        m = pattern.match(s)
        if m:
            return _dt.date(int(m.group("year")), _month(m.group("mon")), int(m.group("day"))), False
    m = _MY_NAME.match(s)
    if m:
        return _dt.date(int(m.group("year")), _month(m.group("mon")), 1), True
    raise ValueError(value)
