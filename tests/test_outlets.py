from __future__ import annotations

import pytest

import framing
from framing.errors import OutletError
from framing.outlets import Outlet, OutletRegistry, default_registry, normalize_domain

from .conftest import SEED_FILES, seed_text


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_outlets_detect_every_raw_seed(key: str) -> None:
    match = framing.detect_outlet(seed_text(key))
    assert match is not None and match.outlet.key == key
    assert match.method == "fingerprint"
    # The evidence is the line that matched, and it is really in the text at that line.
    assert match.evidence in seed_text(key).split("\n")[match.line - 1]


@pytest.mark.parametrize(
    "text",
    ["", "Turkey bought a Russian missile system, officials said.", "NATO is a military alliance of 29 countries."],
)
def test_outlets_detect_says_none_without_evidence(text: str) -> None:
    assert framing.detect_outlet(text) is None


def test_outlets_detect_says_none_when_evidence_conflicts() -> None:
    text = seed_text("wsws") + "\n\n" + seed_text("presstv")
    assert framing.detect_outlet(text) is None


@pytest.mark.parametrize(
    "url, key",
    [
        ("https://www.cbc.ca/news/politics/stoltenberg-turkey-1.5215049", "cbc"),
        ("https://www.rt.com/news/502345-nato-turkey-s400/", "rt"),
        ("http://www.presstv.com/Detail/2019/03/08/590588/", "presstv"),
        ("https://www.wsws.org/en/articles/2017/07/21/turk-j21.html", "wsws"),
        ("https://edition.cnn.com/2019/07/12/politics/turkey", "cnn"),
    ],
)
def test_outlets_detect_by_url_first(url: str, key: str) -> None:
    match = framing.detect_outlet("no evidence in this text", url=url)
    assert match is not None and match.key == key and match.method == "url"


@pytest.mark.parametrize(
    "query, key",
    [("cbc", "cbc"), ("CBC News", "cbc"), ("Russia Today", "rt"), ("www.rt.com", "rt"), ("Press TV", "presstv"),
     ("World Socialist Web Site", "wsws"), ("news.wsws.org", "wsws"), ("https://www.revoi.in/x", "revoi")],
)
def test_outlets_find_by_key_alias_name_domain(query: str, key: str) -> None:
    hit = default_registry().find(query)
    assert hit is not None and hit.key == key


def test_outlets_unknown_key_lists_close_matches() -> None:
    with pytest.raises(OutletError, match=r"Did you mean: .*presstv"):
        default_registry().get("presstvv")


def test_outlets_seed_entries_cite_every_fact() -> None:
    reg = default_registry()
    for key in SEED_FILES:
        o = reg.get(key)
        assert o.state_affiliation in ("none", "public-service", "state-controlled", "unknown")
        for fact in ("name", "domains", "country", "languages", "type", "owner", "funding", "founded",
                     "state_affiliation"):
            value = getattr(o, fact)
            if value not in (None, (), "unknown"):
                assert o.sources_for(fact), f"{key}.{fact} has no source"


def test_outlets_user_file_overrides_and_adds(tmp_path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "outlets:\n  - key: localnews\n    name: Local News\n    domains: [local.example]\n"
        "    fingerprints: ['Local News Daily']\n",
        encoding="utf-8",
    )
    reg = OutletRegistry.from_yaml(f)
    assert reg.get("localnews").domains == ("local.example",)
    assert reg.find("https://www.local.example/a").key == "localnews"
    assert reg.detect("Read more in Local News Daily.").outlet.key == "localnews"
    assert "cbc" in reg


@pytest.mark.parametrize(
    "content, message",
    [
        ("outlets: [", "invalid YAML"),
        ("just text", "top-level 'outlets:'"),
        ("outlets:\n  - name: No key\n", "needs 'key' and 'name'"),
        ("outlets:\n  - key: x\n    name: X\n    bias: left\n", "unknown field"),
        ("outlets:\n  - key: x\n    name: X\n    state_affiliation: partly\n", "state_affiliation"),
        ("outlets:\n  - key: x\n    name: X\n    fingerprints: ['(']\n", "not a valid regex"),
    ],
)
def test_outlets_bad_user_file_names_file_and_problem(tmp_path, content: str, message: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(OutletError, match=message) as err:
        OutletRegistry.from_yaml(f, packaged=False)
    assert "bad.yaml" in str(err.value)


def test_outlets_yaml_tags_are_refused(tmp_path) -> None:
    f = tmp_path / "evil.yaml"
    f.write_text("outlets: !!python/object/apply:os.system ['echo hacked > pwned']\n", encoding="utf-8")
    with pytest.raises(OutletError, match="invalid YAML"):
        OutletRegistry.from_yaml(f, packaged=False)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    "value, domain",
    [("https://WWW.CBC.ca:443/news", "cbc.ca"), ("rt.com", "rt.com"), ("http://m.rt.com/x?y=1", "m.rt.com")],
)
def test_outlets_normalize_domain(value: str, domain: str) -> None:
    assert normalize_domain(value) == domain


def test_outlets_unregistered_outlet_has_only_a_name() -> None:
    o = Outlet.unregistered("Kalamazoo Weekly Bugle")
    assert (o.key, o.registered, o.owner) == ("kalamazoo-weekly-bugle", False, None)


# -- staleness -------------------------------------------------------------------------------------
def test_outlets_citation_stale() -> None:
    import datetime as dt

    from framing.outlets import DEFAULT_MAX_AGE_DAYS, Citation

    c = Citation("owner", "https://en.wikipedia.org/wiki/CNN", "2025-01-01")
    assert DEFAULT_MAX_AGE_DAYS == 365
    assert c.age_days(dt.date(2025, 12, 31)) == 364
    assert not c.stale(today=dt.date(2026, 1, 1))          # 365 days: not yet
    assert c.stale(today=dt.date(2026, 1, 2))              # 366 days
    assert not c.stale(max_age_days=400, today=dt.date(2026, 1, 2))
    assert Citation("owner", "x", "").stale(today=dt.date(2020, 1, 1))  # never checked: stale
    assert Citation("owner", "x", "soon").checked_date is None


def test_outlets_stale_facts_use_the_newest_check() -> None:
    import datetime as dt

    from framing.outlets import Citation, Outlet

    o = Outlet(key="x", name="X", owner="Y", sources=(
        Citation("owner", "old", "2020-01-01"), Citation("owner", "new", "2026-11-01"),
        Citation("name", "old", "2020-01-01")))
    assert o.stale_facts(today=dt.date(2026, 12, 3)) == ("name",)
    assert o.stale_facts(max_age_days=10, today=dt.date(2026, 12, 3)) == ("name", "owner")


def test_outlets_sources_frame_marks_stale_rows() -> None:
    import datetime as dt

    from framing.outlets import SOURCE_COLUMNS, default_registry, sources_frame

    reg = default_registry()
    t = sources_frame([reg.get("cbc"), reg.get("rt")], max_age_days=5, today=dt.date(2026, 12, 3))
    assert tuple(t.columns) == SOURCE_COLUMNS
    assert list(dict.fromkeys(t.outlet)) == ["cbc", "rt"]
    assert t.stale.dtype == bool and t.stale.any() and not t.stale.all()
    assert (t.stale == (t.age_days > 5)).all()
    fresh = reg.sources_frame(today=dt.date(2026, 12, 3))
    assert not fresh.stale.any()  # every packaged check is within the default 365 days on the check date
    assert reg.sources_frame(today=dt.date(2028, 1, 1)).stale.all()


def test_outlets_cli_marks_stale_facts(capsys) -> None:
    from framing.cli import main

    assert main(["outlets", "--max-age", "0"]) == 0
    out = capsys.readouterr().out
    assert "STALE: " in out and "with facts last checked more than 0 days ago" in out
    assert main(["outlets", "rt", "--max-age", "100000"]) == 0
    out = capsys.readouterr().out
    assert "STALE" not in out and "stale" not in out
    assert main(["outlets", "abc-news", "--max-age", "0"]) == 0
    assert "(last checked more than 0 days ago: re-check)" in capsys.readouterr().out
