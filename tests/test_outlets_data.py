"""Checks of the packaged outlet registry data (framing/data/outlets.yaml).

Every stated fact must carry a citation, keys and domains must be unique and
well formed, and the five seed outlets must be present. The AllSides coverage
tests read the evaluation dataset and skip when it is absent.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from framing.outlets import STATE_AFFILIATIONS, OutletRegistry

SCHEMA_KEYS = {
    "key", "name", "aliases", "domains", "country", "languages", "type", "owner", "funding",
    "state_affiliation", "state_affiliation_basis", "founded", "notes", "fingerprints", "sources",
}
FACT_FIELDS = ("name", "domains", "country", "languages", "type", "owner", "funding", "state_affiliation", "founded")
SEED_KEYS = ("cbc", "rt", "presstv", "revoi", "wsws")
DOMAIN_RE = re.compile(r"^(?!www\.)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ALLSIDES_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "allsides-articles"

#: AllSides "source" labels that name people or generic labels, not outlets (documented in outlets.yaml).
NON_OUTLET_LABELS = {
    "Andrew Sullivan", "Ann Coulter", "Barack Obama", "Ben Stein", "Brent Bozell", "Bret Stephens",
    "Charles Blow", "Christopher Buskirk", "Dana Milbank", "David Brooks", "David Leonhardt", "Dick Morris",
    "Frank Bruni", "Gail Collins", "Guest Writer", "Guest Writer - Left", "Guest Writer - Right",
    "International Institute for Strategic Studies", "John Stossel", "Jonathan Chait", "Matt Welch",
    "Michael Barone", "Michelle Goldberg", "Nicholas Kristof", "Noah Rothman", "Peter Thiel", "Ross Douthat",
    "Tucker Carlson",
}


def _entries() -> list[dict]:
    text = resources.files("framing.data").joinpath("outlets.yaml").read_text("utf-8")
    return yaml.safe_load(text)["outlets"]


ENTRIES = _entries()
IDS = [e.get("key", f"#{i}") for i, e in enumerate(ENTRIES)]


def _stated(entry: dict, fact: str) -> bool:
    value = entry.get(fact)
    if fact == "state_affiliation":
        return value not in (None, "", "unknown")
    return value not in (None, "", [])


def test_outlets_data_loads_into_registry():
    reg = OutletRegistry.from_yaml()
    assert len(reg) == len(ENTRIES)
    assert reg.get("wsws").name == "World Socialist Web Site"


@pytest.mark.parametrize("key", SEED_KEYS)
def test_outlets_data_seed_outlet_present(key):
    assert key in {e["key"] for e in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_outlets_data_entry_has_exactly_schema_keys(entry):
    assert set(entry) == SCHEMA_KEYS


def test_outlets_data_keys_unique_slugs():
    keys = [e["key"] for e in ENTRIES]
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert [k for k in keys if not KEY_RE.match(k)] == []


def test_outlets_data_domains_unique_and_well_formed():
    owners: dict[str, list[str]] = defaultdict(list)
    for e in ENTRIES:
        for d in e["domains"]:
            owners[d].append(e["key"])
    assert {d: ks for d, ks in owners.items() if len(ks) > 1} == {}
    assert [d for d in owners if not DOMAIN_RE.match(d)] == []


def test_outlets_data_aliases_do_not_collide_across_outlets():
    seen: dict[str, str] = {}
    clashes = []
    for e in ENTRIES:
        for n in {e["name"].lower(), *(a.lower() for a in e["aliases"])}:
            if n in seen and seen[n] != e["key"]:
                clashes.append((n, seen[n], e["key"]))
            seen.setdefault(n, e["key"])
    assert clashes == []


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_outlets_data_every_stated_fact_has_a_source(entry):
    sources = entry["sources"] or {}
    missing = [f for f in FACT_FIELDS if _stated(entry, f) and not sources.get(f)]
    assert missing == []


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_outlets_data_sources_are_well_formed(entry):
    for fact, refs in (entry["sources"] or {}).items():
        assert fact in FACT_FIELDS, f"source for unknown field {fact!r}"
        assert _stated(entry, fact), f"source given for empty field {fact!r}"
        assert isinstance(refs, list) and refs
        for ref in refs:
            assert set(ref) == {"ref", "checked"}
            assert isinstance(ref["ref"], str) and len(ref["ref"]) > 10
            assert isinstance(ref["checked"], dt.date)
            if ref["ref"].startswith("http"):
                assert urlsplit(ref["ref"]).hostname, ref["ref"]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_outlets_data_field_formats(entry):
    assert entry["state_affiliation"] in STATE_AFFILIATIONS
    if entry["state_affiliation"] != "unknown":
        assert entry["state_affiliation_basis"], "a stated affiliation needs a one-line basis"
    assert entry["country"] is None or re.fullmatch(r"[A-Z]{2}", entry["country"])
    assert all(re.fullmatch(r"[a-z]{2}", lang) for lang in entry["languages"])
    assert entry["founded"] is None or (isinstance(entry["founded"], int) and 1600 <= entry["founded"] <= 2026)
    assert entry["fingerprints"] is None or isinstance(entry["fingerprints"], list)
    for text_field in ("name", "type", "owner", "funding", "notes", "state_affiliation_basis"):
        assert entry[text_field] is None or (isinstance(entry[text_field], str) and entry[text_field].strip())


@pytest.mark.parametrize(
    "key, country, state_affiliation",
    [
        ("cbc", "CA", "public-service"),
        ("rt", "RU", "state-controlled"),
        ("presstv", "IR", "state-controlled"),
        ("revoi", None, "unknown"),
        ("wsws", "US", "none"),
    ],
)
def test_outlets_data_seed_facts(key, country, state_affiliation):
    outlet = OutletRegistry.from_yaml().get(key)
    assert outlet.country == country
    assert outlet.state_affiliation == state_affiliation


def _allsides_articles() -> list[tuple[str, str]]:
    if not (ALLSIDES_DIR / "jsons").is_dir():
        pytest.skip(f"evaluation dataset not found at {ALLSIDES_DIR}")
    rows = []
    for path in sorted((ALLSIDES_DIR / "jsons").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        rows.append((rec["source"], rec.get("url") or ""))
    return rows


def test_outlets_data_every_allsides_outlet_label_resolves():
    reg = OutletRegistry.from_yaml()
    labels = {label for label, _ in _allsides_articles()}
    unresolved = sorted(lab for lab in labels if lab not in NON_OUTLET_LABELS and reg.find(lab) is None)
    assert unresolved == []
    # people are not silently turned into outlets
    assert sorted(lab for lab in NON_OUTLET_LABELS & labels if reg.find(lab) is not None) == []


def test_outlets_data_allsides_urls_resolve_to_labelled_outlet():
    reg = OutletRegistry.from_yaml()
    per_key: dict[str, Counter] = defaultdict(Counter)
    for label, url in _allsides_articles():
        outlet = reg.find(label)
        if outlet is None or not url:
            continue
        hit = reg.find_domain(url)
        per_key[outlet.key][hit.key if hit else None] += 1
    weak = {}
    for key, counts in per_key.items():
        total = sum(counts.values())
        if total >= 5 and counts[key] / total < 0.9:
            weak[key] = dict(counts)
    assert weak == {}


# -- citation quality ------------------------------------------------------------------------------
#: Hosts whose pages are primary or canonical for any outlet: Wikipedia (English, not mirrors), statute and
#: government or regulator sites.
CANONICAL_HOSTS = (
    "en.wikipedia.org", "laws-lois.justice.gc.ca", "laws.justice.gc.ca", "eur-lex.europa.eu", "justice.gov",
    "federalregister.gov", "state.gov", "treasury.gov", "ofcom.org.uk", "parliament.uk", "consilium.europa.eu",
)
#: A reference that names its publisher before the URL ("Euronews, 18 March 2022: https://...") cites a named
#: newspaper, agency or official document; "House of Commons ..., https://..." likewise.
NAMED_REF_RE = re.compile(r"^[A-Z][^:]{3,}[:,] .*https?://")


def _urls(ref: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", ref)


def _host_in(host: str, hosts) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def is_primary_or_canonical(ref: str, outlet_domains: list[str]) -> bool:
    """The rule the seed-outlet test applies to one reference."""
    from framing.outlets import is_mirror_url, normalize_domain

    if is_mirror_url(ref):
        return False
    if ref.startswith("Project seed article") or ref.startswith("Internet Archive copy of the site's own"):
        return True  # the outlet's own published text
    if NAMED_REF_RE.match(ref):
        return True
    hosts = [normalize_domain(u) for u in _urls(ref)]
    return any(_host_in(h, CANONICAL_HOSTS) or _host_in(h, outlet_domains) for h in hosts)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_outlets_data_no_mirror_or_content_farm_urls(entry):
    from framing.outlets import is_mirror_url

    bad = [r["ref"] for refs in (entry["sources"] or {}).values() for r in refs if is_mirror_url(r["ref"])]
    assert bad == []


@pytest.mark.parametrize(
    "ref, expected",
    [
        ("https://wikimili.com/en/CBC_News", True),
        ("http://twiki.owiki.org/wiki/World_Socialist_Web_Site", True),
        ("https://zims-en.kiwix.campusafrica.gos.orange.com/wikipedia_en_all_nopic/A/Press_TV", True),
        ("https://pt.qwertyu.wiki/wiki/Press_TV", True),
        ("https://www.wiki3.en-us.nina.az/Canadian_Broadcasting_Corporation.html", True),
        ("https://n.global.ssl.fastly.net/search/?oldid=1119477939&title=RT_%28TV_network%29", True),
        ("https://rt.com.websitebiography.com", True),
        ("https://pt.wikipedia.org/wiki/Press_TV", True),
        ("https://en.wikipedia.org/wiki/Press_TV", False),
        ("https://eur-lex.europa.eu/eli/dec/2022/351/oj", False),
    ],
)
def test_outlets_data_mirror_denylist(ref, expected):
    from framing.outlets import is_mirror_url

    assert is_mirror_url(ref) is expected


@pytest.mark.parametrize(
    "ref, ok",
    [
        ("https://en.wikipedia.org/wiki/CBC_News", True),
        ("https://laws-lois.justice.gc.ca/eng/acts/B-9.01/section-35.html", True),
        ("https://www.cbc.ca/news", True),  # the outlet's own site
        ("Euronews, 18 March 2022: https://www.euronews.com/2022/03/18/x", True),
        ("https://www.euronews.com/2022/03/18/x", False),  # an unnamed third-party page
        ("https://wikimili.com/en/CBC_News", False),
        ("https://openparliament.ca/debates/2024/4/15/kevin-lamoureux-16", False),
    ],
)
def test_outlets_data_primary_rule(ref, ok):
    assert is_primary_or_canonical(ref, ["cbc.ca"]) is ok


@pytest.mark.parametrize("key", SEED_KEYS)
def test_outlets_data_seed_facts_cite_a_primary_or_canonical_source(key):
    entry = next(e for e in ENTRIES if e["key"] == key)
    weak = [
        fact for fact in FACT_FIELDS
        if _stated(entry, fact)
        and not any(is_primary_or_canonical(r["ref"], entry["domains"]) for r in entry["sources"][fact])
    ]
    assert weak == [], f"{key}: facts without a primary or canonical source: {weak}"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_outlets_data_checked_dates_not_in_the_future(entry):
    today = dt.date(2026, 12, 3)  # the date of the last check; never later than the commit that wrote it
    for refs in (entry["sources"] or {}).values():
        for r in refs:
            assert r["checked"] <= today
