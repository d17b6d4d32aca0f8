"""Tests for framing.ratings: importing AllSides and MBFC rating tables.

Tests on the real tables skip when /work/shared/eval is absent; format and
error tests use small files written to tmp_path.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.errors import OutletError
from framing.outlets import Citation, Outlet, OutletRegistry
from framing.ratings import RATING_COLUMNS, infer_snapshot_date, load_ratings

EVAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
ALLSIDES = EVAL / "outlet-ratings-allsides-2023"
MBFC_IDIAP = EVAL / "outlet-ratings-mbfc-idiap"
MBFC_BALY = EVAL / "outlet-ratings-mbfc-baly"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"evaluation dataset not found at {path}")
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def small_registry() -> OutletRegistry:
    return OutletRegistry([
        Outlet(key="cbc", name="CBC News", aliases=("CBC",), domains=("cbc.ca",),
               sources=(Citation("name", "test"),)),
        Outlet(key="nyt", name="The New York Times", aliases=("New York Times",), domains=("nytimes.com",)),
    ])


# ------------------------------------------------------------------ real tables (skip if absent)

@pytest.mark.parametrize(
    "outlet_name, outlet_key, value",
    [
        ("CBC News", "cbc", "Lean Left"),
        ("RT", "rt", "Lean Right"),
        ("Reuters", "reuters", "Center"),
        ("New York Times (Opinion)", "nytimes", "Left"),
    ],
)
def test_ratings_allsides_real_rows(outlet_name, outlet_key, value):
    table = load_ratings(_need(ALLSIDES), provider="allsides")
    row = table[table.outlet_name == outlet_name]
    assert len(row) == 1
    assert row.iloc[0].outlet_key == outlet_key
    assert row.iloc[0].value == value
    assert row.iloc[0].rating_type == "bias"
    assert row.iloc[0].date == "2023-11-15"


def test_ratings_allsides_real_table_shape():
    table = load_ratings(_need(ALLSIDES / "all_sides_snapshot_15_11_2023.csv"))
    assert list(table.columns) == list(RATING_COLUMNS)
    assert len(table) == 2225
    assert set(table.provider) == {"allsides"}
    assert set(table.value) == {"Left", "Lean Left", "Center", "Lean Right", "Right", "Mixed"}


def test_ratings_allsides_columnist_not_credited_to_host_outlet():
    table = load_ratings(_need(ALLSIDES), provider="allsides")
    # author pages on nytimes.com / foxnews.com keep their domain but get no outlet key
    authors = table[(table.domain == "nytimes.com") & ~table.outlet_name.str.contains("New York Times")]
    assert len(authors) > 0
    assert authors.outlet_key.isna().all()


@pytest.mark.parametrize(
    "domain, rating_type, value, outlet_key",
    [
        ("presstv.ir", "factual_reporting", "low", "presstv"),
        ("wsws.org", "bias", "left", "wsws"),
        ("rt.com", "factual_reporting", "very low", "rt"),
        ("cbc.ca", "factual_reporting", "high", "cbc"),
    ],
)
def test_ratings_mbfc_idiap_real_rows(domain, rating_type, value, outlet_key):
    table = load_ratings(_need(MBFC_IDIAP / "mbfc" / "mbfc.csv"), provider="mbfc")
    row = table[(table.domain == domain) & (table.rating_type == rating_type)]
    assert row.value.tolist() == [value]
    assert row.outlet_key.tolist() == [outlet_key]


def test_ratings_mbfc_baly_folder_keeps_each_snapshot_apart():
    table = load_ratings(_need(MBFC_BALY), provider="mbfc")
    assert {Path(s).parent.name for s in table.source} == {"emnlp18", "acl2020"}
    assert set(table.date) == {"2018", "2020"}
    wsws = table[(table.outlet_key == "wsws") & (table.rating_type == "factual_reporting")]
    assert sorted(wsws.date) == ["2018", "2020"]  # one row per snapshot, never averaged


def test_ratings_providers_kept_separate():
    a = load_ratings(_need(ALLSIDES), provider="allsides")
    m = load_ratings(_need(MBFC_IDIAP), provider="mbfc")
    both = pd.concat([a, m], ignore_index=True)
    rt = both[both.outlet_key == "rt"]
    assert set(rt.provider) == {"allsides", "mbfc"}
    assert rt.groupby("provider").source.nunique().tolist() == [1, 1]


# ------------------------------------------------------------------ small written files

def test_ratings_allsides_small_file(tmp_path, small_registry):
    p = _write(tmp_path, "allsides_snapshot_01_02_2024.csv",
               "news_source,news_link,bias_rating,community_feedback\n"
               "CBC News,https://www.cbc.ca/,Lean Left,1/2\n"
               "Jane Columnist,https://www.nytimes.com/by/jane,Left,3/4\n"
               "New York Times,https://www.nytimes.com/section/opinion,Left,5/6\n"
               "Nobody,,Center,0/0\n")
    t = load_ratings(p, registry=small_registry)
    assert t.outlet_key.tolist() == ["cbc", None, "nyt", None]
    assert t.domain.tolist() == ["cbc.ca", "nytimes.com", "nytimes.com", None]
    assert t.date.unique().tolist() == ["2024-02-01"]
    assert t.source.unique().tolist() == [str(p)]


def test_ratings_mbfc_small_file_ratings_long_format(tmp_path, small_registry):
    p = _write(tmp_path, "mbfc.csv",
               "source,country,bias,factual_reporting,mbfc_credibility_rating\n"
               "www.cbc.ca,canada,left-center,high,high credibility\n"
               "example.org,usa,,mixed,\n")
    t = load_ratings(p, provider="mbfc", registry=small_registry, date="2024-05-01")
    assert t[["domain", "rating_type", "value"]].values.tolist() == [
        ["cbc.ca", "bias", "left-center"],
        ["cbc.ca", "factual_reporting", "high"],
        ["cbc.ca", "credibility", "high credibility"],
        ["example.org", "factual_reporting", "mixed"],
    ]
    assert t.outlet_key.tolist() == ["cbc", "cbc", "cbc", None]
    assert set(t.date) == {"2024-05-01"}


def test_ratings_mbfc_baly_tsv_small_file(tmp_path, small_registry):
    p = _write(tmp_path, "corpus.tsv",
               "source_url\tsource_url_normalized\tref\tfact\tbias\n"
               "https://www.nytimes.com/\tnytimes.com\thttps://mediabiasfactcheck.com/x/\thigh\tleft-center\n")
    t = load_ratings(p, provider="mbfc", registry=small_registry)
    assert t[["outlet_key", "rating_type", "value"]].values.tolist() == [
        ["nyt", "bias", "left-center"], ["nyt", "factual_reporting", "high"]]


def test_ratings_match_false_leaves_keys_empty(tmp_path):
    p = _write(tmp_path, "a.csv", "news_source,news_link,bias_rating\nCBC News,https://www.cbc.ca/,Lean Left\n")
    assert load_ratings(p, match=False).outlet_key.tolist() == [None]


def test_ratings_header_only_file_gives_empty_table(tmp_path):
    p = _write(tmp_path, "a.csv", "news_source,news_link,bias_rating\n")
    t = load_ratings(p)
    assert t.empty and list(t.columns) == list(RATING_COLUMNS)


def test_ratings_same_input_same_output(tmp_path, small_registry):
    p = _write(tmp_path, "a.csv", "news_source,news_link,bias_rating\nCBC News,cbc.ca,Lean Left\nX,x.com,Right\n")
    pd.testing.assert_frame_equal(load_ratings(p, registry=small_registry), load_ratings(p, registry=small_registry))


# ------------------------------------------------------------------ bad input

def test_ratings_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nope.csv"
    with pytest.raises(OutletError, match="nope.csv.*not found"):
        load_ratings(missing)


@pytest.mark.parametrize(
    "provider, text, expected",
    [
        ("allsides", "name,url,rating\nCBC,cbc.ca,Left\n", "news_source, news_link, bias_rating"),
        ("mbfc", "news_source,news_link,bias_rating\nCBC,cbc.ca,Left\n", "source, bias, factual_reporting"),
        ("allsides", "source,bias,factual_reporting\ncbc.ca,left,high\n", "not a allsides ratings table"),
    ],
)
def test_ratings_wrong_columns_raise_clear_error(tmp_path, provider, text, expected):
    p = _write(tmp_path, "bad.csv", text)
    with pytest.raises(OutletError) as info:
        load_ratings(p, provider=provider)
    assert "bad.csv" in str(info.value)
    assert expected in str(info.value)


def test_ratings_empty_file_raises(tmp_path):
    p = _write(tmp_path, "empty.csv", "")
    with pytest.raises(OutletError, match="empty.csv.*empty"):
        load_ratings(p)


def test_ratings_non_utf8_file_raises(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("news_source,news_link,bias_rating\nCaf\xe9,cafe.fr,Center\n".encode("latin-1"))
    with pytest.raises(OutletError, match="latin.csv.*UTF-8"):
        load_ratings(p)


def test_ratings_unknown_provider_raises(tmp_path):
    p = _write(tmp_path, "a.csv", "news_source,news_link,bias_rating\n")
    with pytest.raises(OutletError, match="allsides, mbfc"):
        load_ratings(p, provider="adfontes")


def test_ratings_folder_without_table_raises(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutletError, match="no mbfc ratings table"):
        load_ratings(tmp_path, provider="mbfc")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("x/all_sides_snapshot_15_11_2023.csv", "2023-11-15"),
        ("x/ratings_2024-03-09.csv", "2024-03-09"),
        ("x/emnlp18/corpus.tsv", "2018"),
        ("x/acl2020/corpus.tsv", "2020"),
        ("x/mbfc/mbfc.csv", None),
        ("x/snapshot_45_99_2023.csv", "2023"),
    ],
)
def test_ratings_infer_snapshot_date(path, expected):
    assert infer_snapshot_date(path) == expected


def test_ratings_subdomain_not_folded_into_parent_outlet(tmp_path, small_registry):
    p = _write(tmp_path, "mbfc.csv",
               "source,bias,factual_reporting\nblogs.nytimes.com,left,high\nnytimes.com,left-center,high\n")
    t = load_ratings(p, provider="mbfc", registry=small_registry)
    assert t.groupby("domain").outlet_key.first().to_dict() == {"blogs.nytimes.com": None, "nytimes.com": "nyt"}


# ------------------------------------------------------------------ snapshots, dates, conflicts, sections

def test_ratings_mbfc_idiap_rows_get_the_scrape_date_of_source_md():
    table = load_ratings(_need(MBFC_IDIAP), provider="mbfc")
    assert set(table.date) == {"2024"}  # SOURCE.md: 'MBFC ratings scrape ... (Idiap, "News-Media-Reliability", 2024)'
    assert set(table.snapshot) == {"mbfc:mbfc/mbfc.csv@2024"}


def test_ratings_mbfc_idiap_conflicting_duplicates_are_flagged():
    table = load_ratings(_need(MBFC_IDIAP), provider="mbfc")
    cspan = table[(table.domain == "c-span.org") & (table.rating_type == "factual_reporting")]
    assert sorted(cspan.value) == ["high", "very high"]
    assert cspan.conflict.all()
    # al.com is listed twice with the same ratings: a duplicate, not a conflict
    al = table[(table.domain == "al.com") & (table.rating_type == "factual_reporting")]
    assert al.value.tolist() == ["high", "high"] and not al.conflict.any() and al.duplicate.tolist() == [False, True]
    # rows without a domain are not grouped into one unknown source
    assert not table[table.domain.isna()].conflict.any()


def test_ratings_snapshots_of_one_provider_never_share_a_key():
    baly = load_ratings(_need(MBFC_BALY), provider="mbfc")
    idiap = load_ratings(_need(MBFC_IDIAP), provider="mbfc")
    both = pd.concat([baly, idiap], ignore_index=True)
    assert both.groupby("snapshot").date.nunique().max() == 1
    assert set(both.snapshot) == {"mbfc:acl2020/corpus.tsv@2020", "mbfc:emnlp18/corpus.tsv@2018", "mbfc:mbfc/mbfc.csv@2024"}
    # conflicts are judged within a snapshot: a source rated differently in 2018 and 2024 is not a conflict
    wsws = both[(both.outlet_key == "wsws") & (both.rating_type == "factual_reporting")]
    assert wsws.snapshot.nunique() >= 2 and not wsws.conflict.any()


def test_ratings_allsides_nyt_news_opinion_split_visible():
    from framing.ratings import outlet_ratings

    table = load_ratings(_need(ALLSIDES), provider="allsides")
    nyt = outlet_ratings(table, ["nytimes"])
    assert nyt[["rated_as", "section", "value", "conflict"]].values.tolist() == [
        ["New York Times (News)", "news", "Lean Left", False],
        ["New York Times (Opinion)", "opinion", "Left", False],
    ]


def test_ratings_small_file_conflict_and_duplicate(tmp_path, small_registry):
    p = _write(tmp_path, "mbfc.csv",
               "source,bias,factual_reporting\n"
               "cbc.ca,left-center,high\n"
               "www.cbc.ca,left-center,mixed\n"
               "nytimes.com,left-center,high\n")
    t = load_ratings(p, provider="mbfc", registry=small_registry, date="2024-05-01")
    flags = t[["domain", "rating_type", "value", "conflict", "duplicate"]].values.tolist()
    assert flags == [
        ["cbc.ca", "bias", "left-center", False, False],
        ["cbc.ca", "factual_reporting", "high", True, False],
        ["cbc.ca", "bias", "left-center", False, True],
        ["cbc.ca", "factual_reporting", "mixed", True, False],
        ["nytimes.com", "bias", "left-center", False, False],
        ["nytimes.com", "factual_reporting", "high", False, False],
    ]
    from framing.ratings import outlet_ratings

    summary = outlet_ratings(t, ["cbc"])
    assert summary[["rating_type", "value", "conflict"]].values.tolist() == [
        ["bias", "left-center", False], ["factual_reporting", "high | mixed", True]]


def test_ratings_allsides_same_name_different_values_conflict(tmp_path, small_registry):
    p = _write(tmp_path, "allsides_snapshot_01_02_2024.csv",
               "news_source,news_link,bias_rating\n"
               "Andrew Sullivan,https://www.nytimes.com/topic/person/andrew-sullivan,Lean Left\n"
               "Andrew Sullivan,,Lean Right\n"
               "New York Times (News),http://www.nytimes.com/,Lean Left\n"
               "New York Times (Opinion),https://www.nytimes.com/section/opinion,Left\n")
    t = load_ratings(p, registry=small_registry)
    assert t.conflict.tolist() == [True, True, False, False]
    assert t.section.tolist() == [None, None, "news", "opinion"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('# MBFC ratings scrape (Idiap, "News-Media-Reliability", 2024)\n\n- Commit: abc (2025-05-20)\n', "2024"),
        ("# Some ratings\n\n- Scraped: 2023-11-15 by someone\n", "2023-11-15"),
        ("# Some ratings (2019)\n\nSnapshot date: 2021\n", "2021"),
        ("# Ratings without a date\n", None),
    ],
)
def test_ratings_source_md_date(tmp_path, text, expected):
    from framing.ratings import source_md_date

    (tmp_path / "sub").mkdir()
    (tmp_path / "SOURCE.md").write_text(text, encoding="utf-8")
    assert source_md_date(tmp_path / "sub" / "mbfc.csv") == expected
    assert source_md_date(Path("/nonexistent/x/y/mbfc.csv")) is None


def test_ratings_file_without_date_gets_source_md_date(tmp_path, small_registry):
    (tmp_path / "SOURCE.md").write_text('# Scrape ("X", 2022)\n', encoding="utf-8")
    (tmp_path / "mbfc").mkdir()
    p = _write(tmp_path / "mbfc", "mbfc.csv", "source,bias,factual_reporting\ncbc.ca,left-center,high\n")
    t = load_ratings(p, provider="mbfc", registry=small_registry)
    assert set(t.date) == {"2022"} and set(t.snapshot) == {"mbfc:mbfc/mbfc.csv@2022"}
    assert set(load_ratings(p, provider="mbfc", registry=small_registry, date="2020-01-01").date) == {"2020-01-01"}
