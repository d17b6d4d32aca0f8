"""Build ``framing/data/outlets_known.csv``: the outlets named by the rating snapshots, facts only.

Usage::

    python benchmarks/build_known_outlets.py ../shared/eval/outlet-ratings-allsides-2023 \
        ../shared/eval/outlet-ratings-mbfc-idiap ../shared/eval/outlet-ratings-mbfc-baly \
        [-o framing/data/outlets_known.csv]

What is shipped, per snapshot (and why only that)
-------------------------------------------------
* AllSides snapshot of 15 Nov 2023 (Media Bias Group scrape, MIT; the ratings are AllSides',
  CC non-commercial): the source's **name** and the **domain** of its link. No rating.
* MBFC scrape by Idiap (2024, Apache-2.0; ratings are MBFC's): the **domain**, the **country** and
  the **media type** MBFC states. No bias, factuality, credibility, press-freedom or traffic value.
* MBFC labels of Baly et al. (EMNLP 2018, ACL 2020; no licence stated; labels from MBFC): the
  **domain** and, as a lower-case alias, the name in the address of its MBFC page
  (``mediabiasfactcheck.com/the-village-voice/`` -> ``the village voice``). No label.

AllSides rows that are people, not outlets, are left out: rows without a link, links to a person's
page on a shared platform (twitter, linkedin, youtube, wikipedia, allsides ...) or to an author page
on a site (``/author/``, ``/people/``, ``/by/``, ``/sites/`` ...), and the labels the packaged
registry lists as not outlets (``tests/test_outlets_data.py``). A row whose link points below a
site's front page keeps its domain only when no other AllSides row uses that host.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.outlets import normalize_domain, slugify  # noqa: E402

#: Snapshot codes used in the ``refs`` column, and the citation each stands for.
SNAPSHOTS = {
    "A": "AllSides ratings snapshot 15 Nov 2023 as scraped by the Media Bias Group "
         "(github.com/Media-Bias-Group/media-bias-data-aggregator @8043c4e, scraper/all_sides_snapshot_15_11_2023.csv), "
         "columns news_source, news_link",
    "I": "MBFC scrape by Idiap, News-Media-Reliability (github.com/idiap/News-Media-Reliability @c3f5025, "
         "data/golden_truth/mbfc/mbfc.csv, 2024), columns source, country, media_type",
    "B18": "MBFC labels of Baly et al., EMNLP 2018 (github.com/ramybaly/News-Media-Reliability @28ab9b4, "
           "data/emnlp18/corpus.tsv), columns source_url_normalized, ref",
    "B20": "MBFC labels of Baly et al., ACL 2020 (github.com/ramybaly/News-Media-Reliability @28ab9b4, "
           "data/acl2020/corpus.tsv), columns source_url_normalized, ref",
}

SHARED_HOSTS = ("twitter.com", "x.com", "linkedin.com", "youtube.com", "facebook.com", "instagram.com",
                "wikipedia.org", "allsides.com", "medium.com", "substack.com", "tiktok.com", "apple.com",
                "google.com", "github.com", "linktr.ee")
PERSON_PATH = re.compile(r"/(author|authors|people|person|by|profile|profiles|sites|columnist|columnists|staff|"
                         r"contributor|contributors|writer|writers|bio|tipsheet|team|users?|in|blogs?|column|columns|opinion/columnists)(/|$)", re.I)

LABEL = re.compile(r"\b(contributors?|guest writer|guest)\b", re.I)  # AllSides labels for writers, not outlets

# MBFC country names (as the Idiap scrape writes them) -> ISO 3166-1 alpha-2.
COUNTRIES = {
    "andorra": "AD", "argentina": "AR", "armenia": "AM", "australia": "AU", "austria": "AT",
    "bangladesh": "BD", "belarus": "BY", "belgium": "BE", "beligium": "BE", "bulgaria": "BG", "cambodia": "KH",
    "cameroon": "CM", "canada": "CA", "china": "CN", "columbia": "CO", "costa rica": "CR", "croatia": "HR",
    "cuba": "CU", "cyprus": "CY", "czech republic": "CZ", "denmark": "DK", "ecuador": "EC", "egypt": "EG",
    "estonia": "EE", "finland": "FI", "france": "FR", "germany": "DE", "greece": "GR", "guam": "GU",
    "hong kong": "HK", "hungary": "HU", "iceland": "IS", "india": "IN", "indonesia": "ID", "iran": "IR",
    "iraq": "IQ", "ireland": "IE", "israel": "IL", "italy": "IT", "japan": "JP", "jordan": "JO", "kenya": "KE",
    "latvia": "LV", "lebanon": "LB", "lithuania": "LT", "macedonia": "MK", "malaysia": "MY", "mexico": "MX",
    "morocco": "MA", "netherlands": "NL", "new zealand": "NZ", "nigeria": "NG", "north korea": "KP",
    "norway": "NO", "pakistan": "PK", "philippines": "PH", "poland": "PL", "portugal": "PT", "qatar": "QA",
    "romania": "RO", "russia": "RU", "saudi arabia": "SA", "serbia": "RS", "singapore": "SG", "slovenia": "SI",
    "south africa": "ZA", "south korea": "KR", "spain": "ES", "sri lanka": "LK", "sweden": "SE",
    "switzerland": "CH", "syria": "SY", "taiwan": "TW", "thailand": "TH", "tunisia": "TN", "turkey": "TR",
    "ukraine": "UA", "united arab emirates": "AE", "united kingdom": "GB", "united states": "US", "usa": "US",
    "uruguay": "UY", "zimbabwe": "ZW",
}

# MBFC media types -> the registry's wording (as in outlets.yaml); other values are kept as MBFC writes them.
TYPES = {
    "tv station": "television broadcaster", "website": "news website", "newspaper": "newspaper",
    "organization/foundation": "non-profit organisation", "magazine": "magazine", "news agency": "news agency",
    "radio station": "radio broadcaster", "radio": "radio broadcaster", "journal": "journal",
    "journals": "journal",
}


def _country(value: str) -> str | None:
    v = re.sub(r"\s*\(.*$", "", value.strip().lower()).strip(" |")
    v = re.sub(r"\(\d.*$", "", v).strip()
    return COUNTRIES.get(v)


def _type(value: str) -> str | None:
    v = value.strip().lower()
    return TYPES.get(v, v or None)


def _find(paths: list[Path], pattern: str) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob(pattern)) if p.is_dir() else ([p] if p.match(pattern) else []))
    return out


class _Entry:
    def __init__(self, domain: str | None) -> None:
        self.domain = domain
        self.names: list[str] = []
        self.aliases: list[str] = []
        self.country: str | None = None
        self.type: str | None = None
        self.refs: set[str] = set()


def _allsides(path: Path, entries: dict[str, _Entry], named: list[_Entry], excluded: set[str]) -> int:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    # front pages first, so a section row ("Fox News (Opinion)") joins its outlet's entry
    rows.sort(key=lambda r: urlsplit(r["news_link"].strip()).path.strip("/") not in ("", "home", "index.html", "en"))
    kept = 0
    for r in rows:
        name, link = r["news_source"].strip().strip('"'), r["news_link"].strip()
        if not name or not link or name in excluded or LABEL.search(name):
            continue
        host = normalize_domain(link)
        path_ = urlsplit(link).path
        if not host or any(host == h or host.endswith("." + h) for h in SHARED_HOSTS) or PERSON_PATH.search(path_):
            continue
        front = path_.strip("/") in ("", "home", "index.html", "en")
        domain = host if front else None
        if domain is None:  # a section or a page below the front page: the name only, or a section of a site
            base = _base(name)
            hit = next((e for e in entries.values() if base in {_base(n) for n in e.names}), None)
            if hit is not None:
                hit.names.append(name)
                kept += 1
                continue
        if domain is not None:
            e = entries.setdefault(domain, _Entry(domain))
        else:
            e = _Entry(None)
            named.append(e)
        e.names.append(name)
        e.refs.add("A")
        kept += 1
    return kept


def _mbfc_idiap(path: Path, entries: dict[str, _Entry]) -> int:
    n = 0
    for r in csv.DictReader(path.open(encoding="utf-8")):
        domain = normalize_domain(r["source"])
        if not domain or "." not in domain:
            continue
        e = entries.setdefault(domain, _Entry(domain))
        e.refs.add("I")
        e.country = e.country or _country(r.get("country") or "")
        e.type = e.type or _type(r.get("media_type") or "")
        n += 1
    return n


def _mbfc_baly(path: Path, entries: dict[str, _Entry]) -> int:
    code = "B18" if "emnlp18" in str(path) else "B20"
    n = 0
    for r in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        domain = normalize_domain(r["source_url_normalized"])
        if not domain or "." not in domain:
            continue
        e = entries.setdefault(domain, _Entry(domain))
        e.refs.add(code)
        slug = urlsplit(r.get("ref") or "").path.strip("/").split("/")[-1]
        if slug and "mediabiasfactcheck" in (r.get("ref") or ""):
            alias = re.sub(r"-\d+$", "", slug).replace("-", " ").strip()
            if alias and alias not in e.aliases:
                e.aliases.append(alias)
        n += 1
    return n


def _base(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip().lower()


def _display(names: list[str]) -> tuple[str, list[str]]:
    plain = [n for n in names if "(" not in n]
    name = plain[0] if plain else re.sub(r"\s*\([^)]*\)\s*$", "", names[0]).strip() or names[0]
    aliases = [n for n in names if n != name]
    for n in names:  # "CNN (Opinion)" -> "CNN" as an alias
        base = re.sub(r"\s*\([^)]*\)\s*$", "", n).strip()
        if base and base != name and base not in aliases:
            aliases.append(base)
    return name, aliases


def build(paths: list[Path], excluded: set[str]) -> tuple[list[list[str]], dict[str, int]]:
    """Rows of the known-outlets table and per-snapshot counts."""
    entries: dict[str, _Entry] = {}
    named: list[_Entry] = []
    counts = {"A": 0, "I": 0, "B": 0}
    for p in _find(paths, "all_sides_snapshot*.csv"):
        counts["A"] += _allsides(p, entries, named, excluded)
    for p in _find(paths, "mbfc.csv"):
        counts["I"] += _mbfc_idiap(p, entries)
    for p in _find(paths, "corpus.tsv"):
        counts["B"] += _mbfc_baly(p, entries)
    rows, keys = [], set()
    for e in sorted(entries.values(), key=lambda e: e.domain or "") + named:
        name, aliases = _display(e.names) if e.names else (e.domain or "", [])
        seen = {a.lower() for a in (name, *aliases)}
        aliases += [a for a in e.aliases if a.lower() not in seen]
        key = slugify(name)
        if key in keys:
            key = slugify(f"{name} {e.domain or 'allsides'}")
        n = 2
        while key in keys:
            key, n = f"{slugify(name)}-{n}", n + 1
        keys.add(key)
        rows.append([key, name, "|".join(aliases), e.domain or "", e.country or "", e.type or "",
                     "|".join(sorted(e.refs))])
    rows.sort(key=lambda r: r[0])
    return rows, counts


def _excluded() -> set[str]:
    text = (ROOT / "tests" / "test_outlets_data.py").read_text(encoding="utf-8")
    block = text[text.index("NON_OUTLET_LABELS"):]
    block = block[: block.index("}") + 1]
    return set(re.findall(r'"([^"]+)"', block))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path, help="rating snapshot folders or files")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "framing" / "data" / "outlets_known.csv")
    args = ap.parse_args(argv)
    rows, counts = build(args.paths, _excluded())
    buf = io.StringIO()
    buf.write("# framing/data/outlets_known.csv -- outlets named by third-party rating snapshots: facts only, NO ratings.\n")
    buf.write("# Built by benchmarks/build_known_outlets.py from the snapshots below (read 2026-12-03); do not edit by hand:\n")
    buf.write("# an entry of outlets.yaml (researched, cited facts) wins over a row here with the same name or domain.\n")
    buf.write("# Columns: key, name, aliases (|-separated), domain, country (ISO 3166-1 alpha-2, as MBFC states it),\n")
    buf.write("# type (MBFC media type), refs (|-separated snapshot codes; each stated fact cites the snapshots that state it).\n")
    buf.write("# Licences: AllSides scrape MIT (ratings CC BY-NC, not shipped); Idiap scrape Apache-2.0 (MBFC ratings not\n")
    buf.write("# shipped); Baly et al. no licence stated (only domains and MBFC page names shipped). Names and domains are facts.\n")
    for code, ref in SNAPSHOTS.items():
        buf.write(f"# ref {code}: {ref}\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["key", "name", "aliases", "domain", "country", "type", "refs"])
    w.writerows(rows)
    args.out.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{len(rows)} outlets written to {args.out} (AllSides rows kept {counts['A']}, MBFC Idiap rows {counts['I']}, "
          f"MBFC Baly rows {counts['B']}); with country {sum(1 for r in rows if r[4])}, with type {sum(1 for r in rows if r[5])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
