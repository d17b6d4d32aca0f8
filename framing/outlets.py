"""Source metadata: who publishes each outlet, who pays for it, how it relates to a state.

The packaged registry (``framing/data/outlets.yaml``) holds researched facts,
each with a cited source and the date it was checked. Users can add their own
YAML files with the same schema. No ideological scores are computed here;
third-party ratings are imported separately (:mod:`framing.ratings`) and kept
per provider.

Examples
--------
>>> reg = default_registry()
>>> reg.get("cbc").name
'CBC News'
>>> reg.find("https://www.rt.com/news/123").key
'rt'
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

import yaml

from .errors import OutletError, where
from .io import safe_load_yaml
from .resources import read_text

__all__ = [
    "Citation",
    "Outlet",
    "OutletMatch",
    "OutletRegistry",
    "default_registry",
    "detect_outlet",
    "STATE_AFFILIATIONS",
    "DEFAULT_MAX_AGE_DAYS",
    "SOURCE_COLUMNS",
    "is_mirror_url",
    "sources_frame",
]

#: Age in days after which a checked fact counts as stale (see :meth:`Citation.stale`).
DEFAULT_MAX_AGE_DAYS = 365

#: Columns of :func:`sources_frame`, in order.
SOURCE_COLUMNS = ("outlet", "field", "ref", "checked", "age_days", "stale")

#: Hosts (or host suffixes) of Wikipedia mirrors, copies and content farms that must not be cited:
#: they copy or rewrite other pages, drift from their source and name no author a reader can check.
MIRROR_HOSTS = (
    "wikimili.com", "owiki.org", "wiki.gravy.cc", "nina.az", "friendlywiki.com", "qwertyu.wiki", "wikitia.com",
    "kidzsearch.com", "thefullwiki.org", "howlingpixel.com", "worldlibrary.in", "fact-index.com", "wikiwand.com",
    "globaleng.biz", "websitebiography.com", "theinfolist.com", "newsnow.mu", "richniches.com", "ncesc.com",
    "infoismoney.com", "newsportalnp.com", "citizenreadyuk.com", "ticker.tv", "fastly.net", "efc.ca",
    "blogspot.com", "orer.eu",
)

#: Allowed values of :attr:`Outlet.state_affiliation`.
STATE_AFFILIATIONS = ("none", "public-service", "state-controlled", "unknown")

_FACT_FIELDS = (
    "name", "domains", "country", "languages", "type", "owner", "funding",
    "state_affiliation", "founded",
)


@dataclass(frozen=True)
class Citation:
    """Where one fact about an outlet comes from.

    Attributes
    ----------
    field : str
        The fact it supports (``owner``, ``funding`` ...).
    ref : str
        URL or bibliographic reference.
    checked : str
        ISO date the reference was checked.
    """

    field: str
    ref: str
    checked: str = ""

    @property
    def checked_date(self) -> _dt.date | None:
        """:attr:`checked` as a date, or None when missing or not an ISO date."""
        try:
            return _dt.date.fromisoformat(str(self.checked)[:10])
        except ValueError:
            return None

    def age_days(self, today: _dt.date | None = None) -> int | None:
        """Days between :attr:`checked` and ``today`` (default: the current date); None when never checked."""
        checked = self.checked_date
        if checked is None:
            return None
        return ((today or _dt.date.today()) - checked).days

    def stale(self, max_age_days: int = DEFAULT_MAX_AGE_DAYS, today: _dt.date | None = None) -> bool:
        """True when the reference was checked more than ``max_age_days`` ago, or never.

        Examples
        --------
        >>> c = Citation("owner", "https://en.wikipedia.org/wiki/RT_(TV_network)", "2024-01-01")
        >>> c.stale(today=_dt.date(2024, 6, 1)), c.stale(today=_dt.date(2025, 6, 1))
        (False, True)
        >>> c.stale(max_age_days=1000, today=_dt.date(2025, 6, 1))
        False
        """
        age = self.age_days(today)
        return age is None or age > max_age_days


@dataclass(frozen=True)
class Outlet:
    """A news outlet and the facts known about it, each with its source.

    Unknown facts are ``None`` (never guessed); caveats are in ``notes``.
    """

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None
    languages: tuple[str, ...] = ()
    type: str | None = None
    owner: str | None = None
    funding: str | None = None
    state_affiliation: str = "unknown"
    state_affiliation_basis: str | None = None
    founded: int | None = None
    notes: str | None = None
    fingerprints: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    registered: bool = True

    def sources_for(self, fact: str) -> tuple[Citation, ...]:
        """Citations that support one fact (``"owner"``, ``"funding"`` ...)."""
        return tuple(c for c in self.sources if c.field == fact)

    def stale_facts(self, max_age_days: int = DEFAULT_MAX_AGE_DAYS,
                    today: _dt.date | None = None) -> tuple[str, ...]:
        """Facts whose most recently checked citation is older than ``max_age_days`` (sorted).

        A fact is fresh as soon as one of its sources was checked recently.
        """
        newest: dict[str, _dt.date | None] = {}
        for c in self.sources:
            d = c.checked_date
            old = newest.get(c.field)
            newest[c.field] = d if old is None or (d is not None and d > old) else old
        return tuple(sorted(f for f, d in newest.items()
                            if Citation(f, "", d.isoformat() if d else "").stale(max_age_days, today)))

    def facts(self) -> dict[str, Any]:
        """The outlet's facts as a flat dict (for tables and fact sheets)."""
        return {
            "outlet": self.key,
            "name": self.name,
            "country": self.country,
            "languages": ", ".join(self.languages),
            "type": self.type,
            "owner": self.owner,
            "funding": self.funding,
            "state_affiliation": self.state_affiliation,
            "state_affiliation_basis": self.state_affiliation_basis,
            "founded": self.founded,
            "domains": ", ".join(self.domains),
            "notes": self.notes,
            "registered": self.registered,
        }

    @classmethod
    def unregistered(cls, name: str) -> "Outlet":
        """An outlet known only by its name (not in any registry)."""
        return cls(key=slugify(name), name=name, notes="Not in the outlet registry: no facts known.",
                   registered=False)


@dataclass(frozen=True)
class OutletMatch:
    """Result of :func:`detect_outlet`: the outlet and the evidence for it.

    Attributes
    ----------
    outlet : Outlet
    method : str
        ``"url"`` (domain of the URL) or ``"fingerprint"`` (a text pattern).
    evidence : str
        The URL or the matched line of text.
    line : int | None
        1-based line of the text where the fingerprint matched.
    """

    outlet: Outlet
    method: str
    evidence: str
    line: int | None = None

    def __getattr__(self, name: str) -> Any:
        # Lets a match be used like the Outlet it carries (match.key, match.name ...).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.outlet, name)


def slugify(name: str) -> str:
    """Lower-case ASCII slug for keys.

    Examples
    --------
    >>> slugify("The New York Times")
    'the-new-york-times'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "outlet"


def normalize_domain(value: str) -> str:
    """Host of a URL or domain, lower case, without ``www.`` or a port.

    Examples
    --------
    >>> normalize_domain("https://WWW.CBC.ca:443/news/politics/x")
    'cbc.ca'
    >>> normalize_domain("edition.cnn.com")
    'edition.cnn.com'
    """
    value = value.strip().lower()
    if "//" not in value:
        value = "//" + value
    try:
        host = urlsplit(value).hostname or ""
    except ValueError:  # "[::bad]", "[6.1e-05]": not a host at all
        return ""
    return host[4:] if host.startswith("www.") else host


def _norm_name(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.lower()).strip()


class OutletRegistry:
    """A set of outlets with lookup by key, alias, name or domain.

    Parameters
    ----------
    outlets : iterable of Outlet
        Later outlets with the same key replace earlier ones (so user files
        can correct packaged entries).
    """

    def __init__(self, outlets: Iterable[Outlet] = ()) -> None:
        self._by_key: dict[str, Outlet] = {}
        for o in outlets:
            self._by_key[o.key] = o
        self._index()

    def _index(self) -> None:
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for o in self._by_key.values():
            for n in (o.key, o.name, *o.aliases):
                self._by_name.setdefault(_norm_name(n), o)
            for d in o.domains:
                self._by_domain.setdefault(normalize_domain(d), o)
        self._fingerprints = [
            (o, re.compile(fp, re.IGNORECASE | re.MULTILINE)) for o in self._by_key.values() for fp in o.fingerprints
        ]

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def from_yaml(cls, *paths: str | Path, packaged: bool = True) -> "OutletRegistry":
        """Load the packaged registry (unless ``packaged=False``) plus user files."""
        outlets: list[Outlet] = []
        if packaged:
            text = read_text("outlets.yaml")
            outlets.extend(_with_fingerprints(_parse_outlets(text, "framing/data/outlets.yaml")))
        for p in paths:
            p = Path(p)
            try:
                text = p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise OutletError(f"{where(p)}: cannot read outlet file ({exc}). Check the path.") from None
            outlets.extend(_parse_outlets(text, p))
        return cls(outlets)

    def add(self, outlet: Outlet) -> None:
        """Add or replace one outlet."""
        self._by_key[outlet.key] = outlet
        self._index()

    # -- lookup ----------------------------------------------------------------------------
    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Outlet]:
        return iter(sorted(self._by_key.values(), key=lambda o: o.key))

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, key: str) -> Outlet:
        """Outlet by exact key; a clear error lists close matches.

        Raises
        ------
        OutletError
            When no outlet has this key.
        """
        try:
            return self._by_key[key]
        except KeyError:
            close = difflib.get_close_matches(str(key).lower(), list(self._by_key), n=5, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise OutletError(
                f"Unknown outlet key {key!r}.{hint} Run `framing outlets` to list the {len(self)} known outlets, "
                "or add your own with an outlets YAML file."
            ) from None

    def find(self, name_or_domain: str) -> Outlet | None:
        """Outlet by key, name, alias, domain or URL (subdomains handled), or None.

        Examples
        --------
        >>> default_registry().find("Press TV").key
        'presstv'
        >>> default_registry().find("edition.cbc.ca").key
        'cbc'
        """
        if not name_or_domain or not name_or_domain.strip():
            return None
        if name_or_domain in self._by_key:
            return self._by_key[name_or_domain]
        hit = self._by_name.get(_norm_name(name_or_domain))
        if hit is not None:
            return hit
        if "." in name_or_domain and " " not in name_or_domain.strip():
            return self.find_domain(name_or_domain)
        return None

    def find_domain(self, url_or_domain: str) -> Outlet | None:
        """Outlet whose domain is the URL's host or a parent of it."""
        host = normalize_domain(url_or_domain)
        parts = host.split(".")
        for i in range(len(parts) - 1):
            hit = self._by_domain.get(".".join(parts[i:]))
            if hit is not None:
                return hit
        return None

    def resolve(self, value: str) -> Outlet:
        """Outlet for a manifest's ``outlet`` value; unknown names become unregistered outlets."""
        hit = self.find(value)
        return hit if hit is not None else Outlet.unregistered(value)

    def detect(self, text: str, url: str | None = None) -> OutletMatch | None:
        """See :func:`detect_outlet`."""
        if url:
            hit = self.find_domain(url)
            if hit is not None:
                return OutletMatch(hit, "url", url)
        found: dict[str, tuple[Outlet, re.Match[str]]] = {}
        for outlet, pattern in self._fingerprints:
            m = pattern.search(text)
            if m is not None and outlet.key not in found:
                found[outlet.key] = (outlet, m)
        if len(found) != 1:
            return None  # no evidence, or evidence for several outlets: unsure
        outlet, m = next(iter(found.values()))
        start = m.start()
        while start < m.end() and text[start].isspace():
            start += 1
        line_no = text.count("\n", 0, start) + 1
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_text = text[line_start: line_end if line_end != -1 else len(text)].strip()
        return OutletMatch(outlet, "fingerprint", line_text, line_no)

    def to_frame(self):
        """All outlets as a DataFrame, one row per outlet (see :meth:`Outlet.facts`)."""
        import pandas as pd

        return pd.DataFrame([o.facts() for o in self])

    def sources_frame(self, *, max_age_days: int = DEFAULT_MAX_AGE_DAYS, today: _dt.date | None = None):
        """Every citation of every outlet, with its staleness (see :func:`sources_frame`)."""
        return sources_frame(self, max_age_days=max_age_days, today=today)


def sources_frame(outlets: Iterable[Outlet], *, max_age_days: int = DEFAULT_MAX_AGE_DAYS,
                  today: _dt.date | None = None):
    """The citations of some outlets as a table, each marked stale or not.

    Parameters
    ----------
    outlets : iterable of Outlet
        For example a registry, or ``corpus.outlet(k) for k in corpus.outlet_keys``.
    max_age_days : int, default 365
        A citation checked more than this many days before ``today`` is stale
        (:data:`DEFAULT_MAX_AGE_DAYS`): the fact may have changed since and should
        be re-checked before it is shown to students.
    today : datetime.date, optional
        Reference date (default: the current date); pass one for reproducible output.

    Returns
    -------
    pandas.DataFrame
        One row per citation, in outlet order then file order. Columns:

        outlet : str
            Outlet key.
        field : str
            The fact the citation supports (``owner``, ``funding`` ...).
        ref : str
            URL or bibliographic reference.
        checked : str
            ISO date the reference was last checked (may be empty).
        age_days : float
            Days since ``checked`` (NaN when never checked).
        stale : bool
            True when ``age_days > max_age_days`` or the reference was never checked.

    Examples
    --------
    >>> reg = default_registry()
    >>> t = sources_frame([reg.get("wsws")], today=_dt.date(2026, 12, 3))
    >>> list(t.columns)
    ['outlet', 'field', 'ref', 'checked', 'age_days', 'stale']
    >>> bool(sources_frame([reg.get("wsws")], today=_dt.date(2030, 1, 1))["stale"].all())
    True
    """
    import pandas as pd

    rows = [
        (o.key, c.field, c.ref, c.checked, c.age_days(today), c.stale(max_age_days, today))
        for o in outlets for c in o.sources
    ]
    frame = pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))
    frame["age_days"] = frame["age_days"].astype("float64")
    frame["stale"] = frame["stale"].astype(bool)
    return frame


def is_mirror_url(ref: str) -> bool:
    """True when a reference contains a URL on a mirror or content-farm host (:data:`MIRROR_HOSTS`),
    on a wiki other than ``en.wikipedia.org``, or serving a copy of Wikipedia (``/wiki/`` paths, kiwix).

    Examples
    --------
    >>> is_mirror_url("https://wikimili.com/en/CBC_News"), is_mirror_url("https://en.wikipedia.org/wiki/CBC_News")
    (True, False)
    >>> is_mirror_url("Euronews, 18 March 2022: http://twiki.owiki.org/wiki/RT")
    True
    """
    for url in re.findall(r"https?://[^\s\"'<>]+", ref):
        host = normalize_domain(url)
        if any(host == h or host.endswith("." + h) for h in MIRROR_HOSTS):
            return True
        if host in ("en.wikipedia.org", "en.m.wikipedia.org"):
            continue
        path = urlsplit(url).path.lower()
        if "wiki" in host or "kiwix" in host or "/wiki/" in path or "wikipedia" in path:
            return True  # another wiki, or a copy of Wikipedia served from elsewhere
    return False


def _parse_outlets(text: str, source: str | Path) -> list[Outlet]:
    try:
        data = safe_load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise OutletError(
            f"{where(source, mark.line + 1 if mark else None)}: invalid YAML ({getattr(exc, 'problem', exc)}). "
            "Fix the syntax (see framing/data/outlets.yaml for the schema)."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise OutletError(f"{where(source)}: expected a top-level 'outlets:' list (see framing/data/outlets.yaml).")
    known = {f.name for f in fields(Outlet)}
    out = []
    for i, rec in enumerate(data["outlets"], start=1):
        loc = f"{where(source)} (outlet #{i})"
        if not isinstance(rec, dict) or not rec.get("key") or not rec.get("name"):
            raise OutletError(f"{loc}: every outlet needs 'key' and 'name'.")
        unknown = set(rec) - known
        if unknown:
            raise OutletError(f"{loc} ({rec['key']}): unknown field(s) {sorted(unknown)}; allowed: {sorted(known - {'registered'})}.")
        sa = rec.get("state_affiliation") or "unknown"
        if sa not in STATE_AFFILIATIONS:
            raise OutletError(f"{loc} ({rec['key']}): state_affiliation {sa!r} must be one of {STATE_AFFILIATIONS}.")
        cites = []
        for fact, refs in (rec.get("sources") or {}).items():
            for ref in refs if isinstance(refs, list) else [refs]:
                if isinstance(ref, dict):
                    cites.append(Citation(str(fact), str(ref.get("ref", "")), str(ref.get("checked", ""))))
                else:
                    cites.append(Citation(str(fact), str(ref)))
        for fp in rec.get("fingerprints") or ():
            try:
                re.compile(fp)
            except re.error as exc:
                raise OutletError(f"{loc} ({rec['key']}): fingerprint {fp!r} is not a valid regex ({exc}).") from None
        founded = rec.get("founded")
        out.append(
            Outlet(
                key=str(rec["key"]),
                name=str(rec["name"]),
                aliases=tuple(rec.get("aliases") or ()),
                domains=tuple(normalize_domain(d) for d in rec.get("domains") or ()),
                country=rec.get("country"),
                languages=tuple(rec.get("languages") or ()),
                type=rec.get("type"),
                owner=rec.get("owner"),
                funding=rec.get("funding"),
                state_affiliation=sa,
                state_affiliation_basis=rec.get("state_affiliation_basis"),
                founded=int(founded) if isinstance(founded, (int, str)) and str(founded).isdigit() else None,
                notes=rec.get("notes"),
                fingerprints=tuple(rec.get("fingerprints") or ()),
                sources=tuple(cites),
            )
        )
    return out


def _with_fingerprints(outlets: list[Outlet]) -> list[Outlet]:
    """Add the packaged detection fingerprints (``outlet_fingerprints.yaml``) to packaged outlets."""
    from dataclasses import replace

    text = read_text("outlet_fingerprints.yaml")
    extra = yaml.safe_load(text) or {}
    for key, patterns in extra.items():
        for fp in patterns:
            re.compile(fp)
    return [replace(o, fingerprints=o.fingerprints + tuple(extra.get(o.key, ()))) for o in outlets]


@lru_cache(maxsize=1)
def default_registry() -> OutletRegistry:
    """The packaged registry (loaded once)."""
    return OutletRegistry.from_yaml()


def detect_outlet(text: str, url: str | None = None, registry: OutletRegistry | None = None) -> OutletMatch | None:
    """Recognise the outlet of a raw article from its URL or its text.

    The URL's domain is tried first; then each outlet's fingerprints
    (footers, self-references, share widgets) are searched in the text. The
    result says which evidence matched. When there is no evidence, or the
    text carries fingerprints of more than one outlet, the answer is ``None``
    (unsure) rather than a guess.

    Parameters
    ----------
    text : str
        Raw article text.
    url : str, optional
        The article's URL.
    registry : OutletRegistry, optional
        Defaults to the packaged registry.

    Returns
    -------
    OutletMatch or None
        ``.outlet`` (also reachable as ``.key``, ``.name`` ...), ``.method``,
        ``.evidence`` and ``.line``.

    Examples
    --------
    >>> detect_outlet("To contact the WSWS and the Socialist Equality Party visit:").key
    'wsws'
    >>> detect_outlet("Turkey bought missiles.") is None
    True
    """
    return (registry or default_registry()).detect(text, url)
