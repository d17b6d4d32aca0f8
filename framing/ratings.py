"""Import third-party outlet ratings (AllSides, Media Bias/Fact Check) as one tidy table.

The library computes no bias or reliability score of its own. These tables
let a report show what outside raters say about an outlet, each provider's
value and date kept apart (never averaged, never reconciled).

Supported inputs
----------------
``provider="allsides"``
    AllSides ratings CSV with columns ``news_source, news_link, bias_rating``
    (for example ``all_sides_snapshot_15_11_2023.csv`` as scraped by the
    Media Bias Group). One row per rated source; ``rating_type`` is ``"bias"``.
``provider="mbfc"``
    Either the MBFC scrape CSV with columns ``source, bias, factual_reporting``
    (and optionally ``mbfc_credibility_rating``; Idiap "News-Media-Reliability",
    ``mbfc.csv``), or the tab-separated ``corpus.tsv`` of Baly et al. (EMNLP
    2018 / ACL 2020) with columns ``source_url_normalized, fact, bias``.

A directory may be given instead of a file: its main table(s) are found by
name (``all_sides_snapshot*.csv``; ``mbfc.csv``; ``corpus.tsv`` in any
sub-folder) and read one after the other.

Snapshots, dates and conflicts
------------------------------
Every row carries the ``snapshot`` it comes from (provider, file and date),
so two snapshots of one provider (MBFC as scraped by Baly et al. in 2018 and
2020, by Idiap in 2024) are never merged under one key: group by
``provider, snapshot``, never by provider alone. A snapshot's ``date`` comes
from the ``date=`` argument, else the file or folder name (see
:func:`infer_snapshot_date`), else the ``SOURCE.md`` that documents the
dataset (a ``Scraped:``/``Snapshot date:`` line, else the year in its title:
the Idiap scrape is dated 2024). Rows of one snapshot that rate the same
source (same AllSides name, same MBFC domain) are flagged: ``conflict`` when
their values for a rating type differ (the Idiap file rates some domains
twice, e.g. ``factual_reporting`` high and mixed), ``duplicate`` when a row
repeats an earlier one's value. Nothing is dropped or reconciled.

Sections
--------
AllSides rates some outlets' news and opinion sections separately
("New York Times (News)", "New York Times (Opinion)"). Both match the same
``outlet_key``; the ``section`` column (``news``, ``opinion`` or None) keeps
the split visible, and it is not a conflict.

Matching to the registry
------------------------
``outlet_key`` is filled from :class:`framing.outlets.OutletRegistry`:
first by exact domain (the rating's domain, without ``www.``, equals one of
the outlet's domains), then by name or alias. AllSides rows whose link points
below a site's front page (an author page, a social-media profile) are
matched by name only, so a columnist is not credited to the outlet that hosts
their page. Sub-domains are not folded into their parent (MBFC rates some
sub-sites separately).
"""
from __future__ import annotations

import csv
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urlsplit

import pandas as pd

from .errors import OutletError, where

if TYPE_CHECKING:  # pragma: no cover
    from .outlets import OutletRegistry

__all__ = ["load_ratings", "outlet_ratings", "RATING_COLUMNS", "PROVIDERS"]

log = logging.getLogger(__name__)

#: Columns of the table returned by :func:`load_ratings`, in order.
RATING_COLUMNS = ("provider", "outlet_name", "domain", "outlet_key", "rating_type", "value", "date", "source",
                  "snapshot", "section", "conflict", "duplicate")

#: Supported providers.
PROVIDERS = ("allsides", "mbfc")

# format name -> (required columns, {rating_type: column}, domain column, name column, separator)
_FORMATS: dict[str, dict] = {
    "allsides_csv": {
        "provider": "allsides",
        "required": ("news_source", "news_link", "bias_rating"),
        "ratings": {"bias": "bias_rating"},
        "domain": "news_link",
        "name": "news_source",
    },
    "mbfc_idiap_csv": {
        "provider": "mbfc",
        "required": ("source", "bias", "factual_reporting"),
        "ratings": {"bias": "bias", "factual_reporting": "factual_reporting", "credibility": "mbfc_credibility_rating"},
        "domain": "source",
        "name": "source",
    },
    "mbfc_baly_tsv": {
        "provider": "mbfc",
        "required": ("source_url_normalized", "fact", "bias"),
        "ratings": {"bias": "bias", "factual_reporting": "fact"},
        "domain": "source_url_normalized",
        "name": "source_url_normalized",
    },
}

_EXPECTED = {
    "allsides": "an AllSides CSV with columns news_source, news_link, bias_rating",
    "mbfc": (
        "an MBFC CSV with columns source, bias, factual_reporting (Idiap mbfc.csv) "
        "or a tab-separated corpus.tsv with columns source_url_normalized, fact, bias (Baly et al.)"
    ),
}

_DIR_PATTERNS = {
    "allsides": ("all_sides_snapshot*.csv", "allsides*.csv", "all_sides*.csv"),
    "mbfc": ("mbfc.csv", "mbfc/mbfc.csv", "*/corpus.tsv", "corpus.tsv"),
}

_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[_.-](\d{1,2})[_.-]((?:19|20)\d{2})(?!\d)")
_DATE_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[_.-](\d{1,2})[_.-](\d{1,2})(?!\d)")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])")
_YEAR2 = re.compile(r"^[a-z]+(\d{2})$")
_DOTTED = re.compile(r"^\S+\.\S+$")
_SECTION_RE = (
    ("opinion", re.compile(r"(?:\(|\s-\s*)(?:opinion|editorial|editorial board|op-ed)s?\)?\s*$|editorial board$",
                           re.IGNORECASE)),
    ("news", re.compile(r"(?:\(|\s-\s*)(?:online\s+)?news\)?\s*$", re.IGNORECASE)),
)
_SOURCE_MD_LINE = re.compile(r"^\W*(?:scraped|scrape date|snapshot date|retrieved|collected)\W*:?\s*(.+)$",
                             re.IGNORECASE | re.MULTILINE)
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in RATING_COLUMNS})
    return frame.astype({"conflict": bool, "duplicate": bool})


def section_of(name: object) -> str | None:
    """``"news"`` or ``"opinion"`` when a provider's source name marks a section, else None.

    Examples
    --------
    >>> section_of("New York Times (Opinion)"), section_of("New York Times - News"), section_of("Reuters")
    ('opinion', 'news', None)
    >>> section_of("Wall Street Journal - Editorial"), section_of("CNN (Online News)")
    ('opinion', 'news')
    """
    if not isinstance(name, str):
        return None
    for section, pattern in _SECTION_RE:
        if pattern.search(name.strip()):
            return section
    return None


def source_md_date(path: str | Path) -> str | None:
    """Date of a dataset as its ``SOURCE.md`` documents it (the file's folder or up to two above).

    A line ``Scraped: 2024-03-01`` (or ``Snapshot date:``, ``Retrieved:``,
    ``Collected:``) wins; otherwise the last year in parentheses in the title,
    as in ``# MBFC ratings scrape (Idiap, "News-Media-Reliability", 2024)``.
    Returns None when there is no SOURCE.md or it names no date.
    """
    path = Path(path)
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        md = folder / "SOURCE.md"
        if not md.is_file():
            continue
        try:
            text = md.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        m = _SOURCE_MD_LINE.search(text)
        if m:
            iso = _ISO_DATE.search(m.group(1))
            year = _YEAR.search(m.group(1))
            if iso or year:
                return iso.group(0) if iso else year.group(1)
        title = next((line for line in text.splitlines() if line.startswith("#")), "")
        years = [y for group in re.findall(r"\(([^()]*)\)", title) for y in _YEAR.findall(group)]
        return years[-1] if years else None
    return None


def _normalize_domain(value: object) -> str | None:
    """Host of a URL or bare domain: lower case, no scheme, port, path or leading ``www.``/``wwwN.``."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return None
    host = re.sub(r"^www\d*\.", "", host.strip("."))
    return host if "." in host else None


def _is_front_page(url: object) -> bool:
    """True when a link points at a site's front page (no path beyond ``/``, ``/index.html`` ...)."""
    if not isinstance(url, str) or not url.strip():
        return False
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    path = parts.path.strip("/").lower()
    return path in ("", "index.html", "index.htm", "index.php", "home") and not parts.query


def infer_snapshot_date(path: str | Path) -> str | None:
    """Date of a ratings snapshot from its file or folder name, as ISO text.

    Recognises ``dd_mm_yyyy`` / ``yyyy-mm-dd`` in the file name, a four-digit
    year in the file or parent-folder name, and venue-style folders such as
    ``emnlp18``. Returns None when nothing date-like is found.

    Examples
    --------
    >>> infer_snapshot_date("eval/all_sides_snapshot_15_11_2023.csv")
    '2023-11-15'
    >>> infer_snapshot_date("eval/outlet-ratings-mbfc-baly/emnlp18/corpus.tsv")
    '2018'
    >>> infer_snapshot_date("ratings/mbfc.csv") is None
    True
    """
    path = Path(path)
    name = path.stem
    m = _DATE_DMY.search(name)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _DATE_YMD.search(name)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    for part in (name, path.parent.name):
        m = _YEAR.search(part)
        if m:
            return m.group(1)
        m = _YEAR2.match(part.lower())
        if m:
            return f"20{m.group(1)}"
    return None


def _read_table(path: Path) -> pd.DataFrame:
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8",
                           quoting=csv.QUOTE_MINIMAL)
    except FileNotFoundError:
        raise OutletError(f"{where(path)}: ratings file not found. Check the path.") from None
    except IsADirectoryError:
        raise OutletError(f"{where(path)}: is a directory, expected a ratings file.") from None
    except pd.errors.EmptyDataError:
        raise OutletError(f"{where(path)}: the ratings file is empty.") from None
    except UnicodeDecodeError as exc:
        raise OutletError(f"{where(path)}: not UTF-8 text ({exc.reason} at byte {exc.start}). "
                          "Save the table as UTF-8 CSV/TSV.") from None
    except (pd.errors.ParserError, csv.Error) as exc:
        raise OutletError(f"{where(path)}: cannot parse the table ({exc}).") from None
    except OSError as exc:
        raise OutletError(f"{where(path)}: cannot read the ratings file ({exc}).") from None


def _detect_format(frame: pd.DataFrame, provider: str, path: Path) -> dict:
    columns = {str(c).strip() for c in frame.columns}
    for fmt in _FORMATS.values():
        if fmt["provider"] == provider and set(fmt["required"]) <= columns:
            return fmt
    shown = ", ".join(sorted(columns)[:12]) or "(none)"
    raise OutletError(
        f"{where(path)}: not a {provider} ratings table. Expected {_EXPECTED[provider]}; "
        f"found columns: {shown}. Check the file and the provider= argument."
    )


def _resolve_files(path: Path, provider: str) -> list[Path]:
    if not path.exists():
        raise OutletError(f"{where(path)}: ratings file or folder not found. Check the path.")
    if path.is_file():
        return [path]
    found: list[Path] = []
    for pattern in _DIR_PATTERNS[provider]:
        for p in sorted(path.glob(pattern)):
            if p.is_file() and p not in found:
                found.append(p)
    if not found:
        raise OutletError(
            f"{where(path)}: no {provider} ratings table found in this folder "
            f"(looked for {', '.join(_DIR_PATTERNS[provider])}). Pass the table file itself."
        )
    return found


def _default_registry() -> "OutletRegistry | None":
    try:
        from .outlets import default_registry
    except ImportError:  # pragma: no cover - outlets module missing
        return None
    return default_registry()


class _Matcher:
    """Exact-domain then name lookup in a registry, cached per value."""

    def __init__(self, registry: "OutletRegistry | None") -> None:
        self.registry = registry
        self._cache: dict[tuple[str | None, str | None], str | None] = {}
        self._domains: dict[str, str] = {}
        if registry is not None:
            for outlet in registry:
                for d in outlet.domains:
                    self._domains.setdefault(d, outlet.key)

    def __call__(self, domain: str | None, name: str | None) -> str | None:
        if self.registry is None:
            return None
        key = (domain, name)
        if key not in self._cache:
            hit = self._domains.get(domain) if domain else None
            if hit is None and name:
                outlet = self.registry.find(name)
                if outlet is not None and _DOTTED.match(name):
                    # A domain-like name ("highline.huffingtonpost.com") must not reach the parent
                    # outlet through sub-domain folding: accept exact domain or alias only.
                    low = name.strip().lower()
                    if low not in outlet.domains and low not in {n.lower() for n in (outlet.name, *outlet.aliases)}:
                        outlet = None
                hit = outlet.key if outlet is not None else None
            self._cache[key] = hit
        return self._cache[key]


def _rows(frame: pd.DataFrame, fmt: dict, path: Path, date: str | None, match: _Matcher) -> Iterable[tuple]:
    provider = fmt["provider"]
    cols = {str(c).strip(): c for c in frame.columns}
    rating_cols = [(rt, cols[c]) for rt, c in fmt["ratings"].items() if c in cols]
    dom_col, name_col = cols[fmt["domain"]], cols[fmt["name"]]
    source = str(path)
    snapshot = f"{provider}:{path.parent.name}/{path.name}@{date or 'undated'}"
    domain_is_link = provider == "allsides"
    seen: dict[tuple[str, str], list[str]] = {}  # (rated source, rating type) -> values so far
    for rec in frame.itertuples(index=False, name=None):
        row = dict(zip(frame.columns, rec))
        raw_domain = row.get(dom_col)
        domain = _normalize_domain(raw_domain)
        name = str(row.get(name_col) or "").strip() or None
        lookup_domain = domain if (not domain_is_link or _is_front_page(raw_domain)) else None
        # Names that are bare domains (MBFC) are looked up as names too: the registry knows aliases.
        key = match(lookup_domain, name)
        ident = (name or "").lower() if domain_is_link else (domain or "")
        section = section_of(name) if domain_is_link else None
        for rating_type, col in rating_cols:
            value = str(row.get(col) or "").strip()
            if not value:
                continue
            earlier = seen.setdefault((ident, rating_type), []) if ident else []
            duplicate = value in earlier
            earlier.append(value)
            yield [provider, name, domain, key, rating_type, value, date, source, snapshot, section, False, duplicate]


def _flag_conflicts(rows: list[list]) -> None:
    """Set ``conflict`` on every row whose (snapshot, rated source, rating type) has several distinct values."""
    i_name, i_dom, i_type, i_val, i_snap = (RATING_COLUMNS.index(c) for c in
                                            ("outlet_name", "domain", "rating_type", "value", "snapshot"))
    i_conf = RATING_COLUMNS.index("conflict")
    values: dict[tuple, set[str]] = {}

    def ident(r: list) -> tuple | None:
        who = (r[i_name] or "").lower() if r[0] == "allsides" else (r[i_dom] or "")
        return (r[i_snap], who, r[i_type]) if who else None

    for r in rows:
        k = ident(r)
        if k is not None:
            values.setdefault(k, set()).add(r[i_val])
    for r in rows:
        k = ident(r)
        r[i_conf] = k is not None and len(values[k]) > 1


def load_ratings(
    path: str | Path,
    provider: str = "allsides",
    *,
    registry: "OutletRegistry | None" = None,
    match: bool = True,
    date: str | None = None,
) -> pd.DataFrame:
    """Read a third-party outlet-ratings table into a tidy DataFrame.

    Parameters
    ----------
    path : str or Path
        A ratings file, or a folder holding the provider's main table(s).
    provider : {"allsides", "mbfc"}
        Whose ratings these are; decides which formats are accepted.
    registry : OutletRegistry, optional
        Registry used to fill ``outlet_key``; defaults to the packaged one.
    match : bool, default True
        Set False to skip registry matching (``outlet_key`` is then all None).
    date : str, optional
        Date of the ratings when the file name does not tell it (ISO text).
        By default it is inferred from the file/folder name
        (see :func:`infer_snapshot_date`), else from the dataset's
        ``SOURCE.md`` (see :func:`source_md_date`), else None.

    Returns
    -------
    pandas.DataFrame
        One row per (rated source, rating type), in file order. Columns:

        provider : str
            ``"allsides"`` or ``"mbfc"``.
        outlet_name : str
            The source's name as the provider gives it (MBFC tables name
            sources by domain, so it is the domain there).
        domain : str or None
            Host of the provider's link, lower case, without ``www.``.
            For AllSides it may be a social-media or author-page host.
        outlet_key : str or None
            Key of the matching outlet in the registry, else None.
        rating_type : str
            ``"bias"``, ``"factual_reporting"`` or ``"credibility"``.
        value : str
            The provider's rating, exactly as given (e.g. ``"Lean Left"``,
            ``"left-center"``, ``"mixed"``). Values of different providers
            use different scales and are never merged.
        date : str or None
            Date of the rating or of the dataset snapshot (ISO text, may be a
            bare year), None when unknown.
        source : str
            Path of the file the row was read from.
        snapshot : str
            ``provider:folder/file@date``: which snapshot the row belongs to.
            Group by ``provider, snapshot``: snapshots are never merged.
        section : str or None
            ``"news"`` or ``"opinion"`` when the provider rates a section
            (AllSides "New York Times (Opinion)"), else None.
        conflict : bool
            True when the same snapshot rates the same source (AllSides name,
            MBFC domain) with different values for this rating type.
        duplicate : bool
            True when the row repeats an earlier row's value for the same
            source, rating type and snapshot.

    Raises
    ------
    OutletError
        When the provider is unknown, the file or folder is missing, or the
        table lacks the expected columns (the message names the file and the
        columns expected).

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "allsides_01_02_2024.csv")
    >>> _ = open(p, "w").write("news_source,news_link,bias_rating\\nCBC News,https://www.cbc.ca/,Lean Left\\n")
    >>> load_ratings(p)[["outlet_key", "rating_type", "value", "date", "conflict"]].values.tolist()
    [['cbc', 'bias', 'Lean Left', '2024-02-01', False]]
    """
    if provider not in PROVIDERS:
        raise OutletError(f"Unknown ratings provider {provider!r}; use one of {', '.join(PROVIDERS)}.")
    path = Path(path)
    files = _resolve_files(path, provider)
    matcher = _Matcher((registry if registry is not None else _default_registry()) if match else None)
    rows: list[tuple] = []
    for f in files:
        frame = _read_table(f)
        fmt = _detect_format(frame, provider, f)
        file_date = date if date is not None else (infer_snapshot_date(f) or source_md_date(f))
        before = len(rows)
        rows.extend(_rows(frame, fmt, f, file_date, matcher))
        log.debug("read %d %s ratings from %s", len(rows) - before, provider, f)
    if not rows:
        return _empty()
    _flag_conflicts(rows)
    out = pd.DataFrame(rows, columns=list(RATING_COLUMNS), dtype="object")
    n_conf = int(out["conflict"].sum())
    if n_conf:
        log.info("%d %s rating rows conflict with another row of the same snapshot (column 'conflict')",
                 n_conf, provider)
    return out.astype({"conflict": bool, "duplicate": bool})


def outlet_ratings(table: pd.DataFrame, outlet_keys: Iterable[str] | None = None) -> pd.DataFrame:
    """The ratings of some outlets, one row per outlet, provider snapshot, rated source and rating type.

    Values of one snapshot for one source are shown together (``"high | mixed"``)
    with ``conflict`` True when they differ; snapshots and sections stay apart.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of :func:`load_ratings` (several concatenated is fine).
    outlet_keys : iterable of str, optional
        Keep these outlets (in this order); default: every matched outlet.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet_key, provider, snapshot, date, rated_as, section,
        rating_type, value, conflict``, sorted by outlet (given order), provider,
        snapshot, section, rated_as and rating type. ``rated_as`` is how the
        provider identifies the source: the AllSides name, the MBFC domain.

    Examples
    --------
    >>> t = pd.DataFrame([["allsides", "New York Times (News)", "nytimes.com", "nytimes", "bias", "Lean Left",
    ...                    "2023-11-15", "f.csv", "allsides:x/f.csv@2023-11-15", "news", False, False],
    ...                   ["allsides", "New York Times (Opinion)", "nytimes.com", "nytimes", "bias", "Left",
    ...                    "2023-11-15", "f.csv", "allsides:x/f.csv@2023-11-15", "opinion", False, False]],
    ...                  columns=list(RATING_COLUMNS))
    >>> outlet_ratings(t)[["rated_as", "section", "value"]].values.tolist()
    [['New York Times (News)', 'news', 'Lean Left'], ['New York Times (Opinion)', 'opinion', 'Left']]
    """
    cols = ["outlet_key", "provider", "snapshot", "date", "rated_as", "section", "rating_type", "value", "conflict"]
    t = table[table["outlet_key"].notna()].copy()
    t["rated_as"] = t["outlet_name"].where(t["provider"] == "allsides", t["domain"])
    order = list(dict.fromkeys(outlet_keys)) if outlet_keys is not None else sorted(set(t["outlet_key"]))
    t = t[t["outlet_key"].isin(order)]
    if t.empty:
        return pd.DataFrame({c: pd.Series(dtype=bool if c == "conflict" else "object") for c in cols})
    keys = ["outlet_key", "provider", "snapshot", "date", "rated_as", "section", "rating_type"]
    g = t.fillna({"date": "", "section": "", "rated_as": ""}).groupby(keys, sort=False)
    out = g.agg(value=("value", lambda v: " | ".join(dict.fromkeys(v))), conflict=("conflict", "any")).reset_index()
    out = out.replace({"date": {"": None}, "section": {"": None}, "rated_as": {"": None}})
    out["_rank"] = out["outlet_key"].map({k: i for i, k in enumerate(order)})
    out = out.sort_values(["_rank", "provider", "snapshot", "section", "rated_as", "rating_type"],
                          na_position="first", kind="mergesort")
    return out[cols].reset_index(drop=True).astype({"conflict": bool})
