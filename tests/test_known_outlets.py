"""The rating-snapshot layer of the registry (framing/data/outlets_known.csv) and issue 20's acceptance points.

Snapshot samples skip cleanly when ../shared/eval is absent.
"""
from __future__ import annotations

import csv
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from framing import Corpus
from framing.known_outlets import KNOWN_NOTE
from framing.outlets import OutletRegistry, default_registry, is_mirror_url, load_known_outlets, normalize_domain
from framing.resources import read_text

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / ".." / "shared" / "eval"
ALLSIDES = EVAL / "outlet-ratings-allsides-2023" / "all_sides_snapshot_15_11_2023.csv"
IDIAP = EVAL / "outlet-ratings-mbfc-idiap" / "mbfc" / "mbfc.csv"
BALY = EVAL / "outlet-ratings-mbfc-baly" / "acl2020" / "corpus.tsv"


def _records():
    return [
        {"id": "fox-1", "outlet": "Fox News", "url": "https://www.foxnews.com/politics/x", "story": "s1",
         "text": "The Senate voted on Tuesday. Lawmakers said the bill would pass."},
        {"id": "nyt-1", "outlet": "The New York Times", "url": "https://www.nytimes.com/2010/12/08/us/x.html",
         "story": "s1", "text": "Senators voted on Tuesday. Aides said the measure was likely to pass."},
        {"id": "hp-1", "outlet": "HuffPost", "url": "https://www.huffpost.com/entry/x", "story": "s1",
         "text": "The Senate voted Tuesday. Critics said the bill was a giveaway."},
    ]


def test_known_outlets_issue20_triplet_loads_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = Corpus.from_records(_records())
    assert sorted(corpus.outlet_keys) == ["fox-news", "huffpost", "nytimes"]
    assert set(corpus.to_frame()["story"]) == {"s1"}
    assert corpus.outlet("fox-news").owner.startswith("Fox News Media")


def test_known_outlets_fox_news_is_researched_not_a_layer_entry():
    fox = default_registry().find("https://www.foxnews.com/politics/x")
    assert fox.key == "fox-news" and fox.notes != KNOWN_NOTE
    assert fox.sources_for("owner") and fox.founded == 1996


def test_known_outlets_layer_is_lower_priority():
    reg = default_registry()
    # outlets.yaml wins: cnn.com is in both, the researched entry answers
    assert reg.find("cnn.com").key == "cnn" and reg.find("cnn.com").notes != KNOWN_NOTE
    # a name only the layer knows resolves, with facts only from the snapshot
    hit = reg.find("Fox 5 Atlanta")
    assert hit is not None and hit.notes == KNOWN_NOTE and hit.owner is None and hit.state_affiliation == "unknown"
    assert hit.registered and {c.field for c in hit.sources} <= {"name", "domains", "country", "type"}
    assert hit.key in reg and reg.get(hit.key) is hit
    # iteration and len cover outlets.yaml only
    assert all(o.notes != KNOWN_NOTE for o in reg) and len(reg) < 100


def test_known_outlets_user_file_without_packaged_has_no_layer(tmp_path):
    f = tmp_path / "o.yaml"
    f.write_text("outlets:\n  - {key: riverside, name: Riverside Courier}\n", encoding="utf-8")
    reg = OutletRegistry.from_yaml(f, packaged=False)
    assert reg.find("Fox 5 Atlanta") is None and reg.known is None
    assert OutletRegistry.from_yaml(f).find("Fox 5 Atlanta") is not None


def test_known_outlets_every_fact_cited_and_no_mirror():
    outlets = load_known_outlets()
    assert len(outlets) > 1000
    for o in outlets:
        fields = {c.field for c in o.sources}
        assert "name" in fields and (not o.domains or "domains" in fields), o.key
        assert (o.country is None or "country" in fields) and (o.type is None or "type" in fields), o.key
    refs = {c.ref for o in outlets for c in o.sources}
    assert not [r for r in refs if is_mirror_url(r)]
    keys = [o.key for o in outlets]
    assert len(keys) == len(set(keys))


def test_known_outlets_file_ships_no_ratings():
    text = read_text("outlets_known.csv")
    header = next(line for line in text.splitlines() if not line.startswith("#"))
    assert header == "key,name,aliases,domain,country,type,refs"
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    values = {v.lower() for r in rows for k, v in r.items() if k in ("type", "country")}
    for rating in ("left-center", "right-center", "lean left", "lean right", "least biased", "mixed", "high credibility"):
        assert rating not in values


def test_known_outlets_no_registry_url_on_a_mirror():
    reg = default_registry()
    refs = [c.ref for o in list(reg) + reg.known_outlets() for c in o.sources]
    assert refs and not [r for r in refs if is_mirror_url(r)]


@pytest.mark.parametrize("name, url, key, why", [
    ("hpo", "https://www.huffpost.com/entry/x", "huffpost", "URL on huffpost.com"),
    ("hpo", None, "huffpost", "letters of 'hpo' in order"),
    ("Pres TV", None, "presstv", "close spelling"),
    ("Fox", None, "fox-news", "first word(s) of 'Fox News'"),
])
def test_known_outlets_suggest(name, url, key, why):
    outlet, reason = default_registry().suggest(name, url)
    assert outlet.key == key and reason.startswith(why)


def test_known_outlets_load_warning_suggests_from_url():
    recs = [{"id": "a", "outlet": "hpo", "url": "https://www.huffpost.com/entry/x", "text": "The Senate voted."}]
    with pytest.warns(Warning) as caught:
        Corpus.from_records(recs, outlet_from_url=False)
    message = " ".join(str(w.message) for w in caught)
    assert "did you mean 'huffpost' (HuffPost: URL on huffpost.com)?" in message


def test_known_outlets_registry_load_time():
    code = ("import time; t=time.time(); import framing; t1=time.time(); framing.default_registry(); "
            "t2=time.time(); framing.default_registry().find('Fox 5 Atlanta'); print(t2-t1, time.time()-t2)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    base, layer = map(float, out.stdout.split())
    assert base < 0.3, base  # the layer is not read by default_registry()
    assert layer < 0.5, layer  # first miss reads the layer once


def _sample(rows, n=40):
    step = max(1, len(rows) // n)
    return rows[::step]


@pytest.mark.skipif(not ALLSIDES.exists(), reason="../shared/eval absent")
def test_known_outlets_allsides_sample_resolves():
    reg = default_registry()
    rows = [r for r in csv.DictReader(ALLSIDES.open(encoding="utf-8"))
            if r["news_link"].strip() and normalize_domain(r["news_link"]).count(".") >= 1
            and r["news_link"].rstrip("/").count("/") == 2 and "twitter" not in r["news_link"]
            and "contributor" not in r["news_source"].lower()]
    missing = [r["news_source"] for r in _sample(rows) if reg.find(r["news_source"].strip('"')) is None]
    assert not missing


@pytest.mark.skipif(not IDIAP.exists(), reason="../shared/eval absent")
def test_known_outlets_mbfc_idiap_sample_resolves():
    reg = default_registry()
    rows = list(csv.DictReader(IDIAP.open(encoding="utf-8")))
    missing = [r["source"] for r in _sample(rows) if "." in r["source"] and reg.find(r["source"]) is None]
    assert not missing


@pytest.mark.skipif(not BALY.exists(), reason="../shared/eval absent")
def test_known_outlets_mbfc_baly_sample_resolves_by_domain_and_page_name():
    reg = default_registry()
    rows = list(csv.DictReader(BALY.open(encoding="utf-8"), delimiter="\t"))
    for r in _sample(rows):
        assert reg.find_domain(r["source_url_normalized"]) is not None, r["source_url_normalized"]
        page = re.sub(r"-\d+$", "", r["ref"].rstrip("/").rsplit("/", 1)[-1]).replace("-", " ")
        assert reg.find(page) is not None, page


def test_known_outlets_packaged_yaml_reads_the_same_with_the_fast_loader():
    import yaml

    from framing.io import safe_load_yaml

    text = read_text("outlets.yaml")
    assert yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == safe_load_yaml(text)  # noqa: S506
