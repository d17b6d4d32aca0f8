from __future__ import annotations

import hashlib

import pytest
import yaml

from framing.errors import CorpusError
from framing.ingest import ingest_files

from .conftest import ROOT, S400, SEED_FILES, SEEDS


def test_ingest_seeds_are_the_shared_files_byte_for_byte() -> None:
    shared = ROOT / ".." / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("shared/seeds not available")
    for name in SEED_FILES.values():
        assert hashlib.sha256((SEEDS / name).read_bytes()).digest() == hashlib.sha256((shared / name).read_bytes()).digest()


def test_ingest_reproduces_the_curated_s400_corpus(tmp_path) -> None:
    out = ingest_files(sorted(SEEDS.glob("*.txt")), tmp_path / "s400", story="x")
    fresh = yaml.safe_load((out / "manifest.yaml").read_text(encoding="utf-8"))["articles"]
    curated = yaml.safe_load((S400 / "manifest.yaml").read_text(encoding="utf-8"))["articles"]
    assert [a["id"] for a in fresh] == [a["id"] for a in curated]
    for new, old in zip(fresh, curated):
        reviewed = set(old.get("reviewed", {}))
        for field in ("outlet", "file", "title", "date", "date_approximate", "author", "url", "source_file",
                      "removed_lines", "outlet_evidence"):
            if field not in reviewed:
                assert new[field] == old[field], f"{old['id']}.{field}"
        assert (out / new["file"]).read_bytes() == (S400 / old["file"]).read_bytes()
        assert (S400 / old["file"]).read_bytes() == (SEEDS / old["source_file"]).read_bytes()


def test_ingest_refuses_to_overwrite_a_manifest(tmp_path) -> None:
    seed = SEEDS / SEED_FILES["wsws"]
    ingest_files([seed], tmp_path)
    with pytest.raises(CorpusError, match="already exists"):
        ingest_files([seed], tmp_path)


def test_ingest_unknown_outlet_is_left_for_review(tmp_path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text("Some headline\n\nAnkara said on Tuesday that it would buy the system from Moscow, officials said.\n")
    out = ingest_files([raw], tmp_path / "c")
    entry = yaml.safe_load((out / "manifest.yaml").read_text())["articles"][0]
    assert entry["outlet"] is None and "by hand" in entry["outlet_evidence"]
    assert entry["title"] == "Some headline"


def test_ingest_reads_a_url_header_line_and_finds_the_outlet_from_it(tmp_path) -> None:
    body = ("Ankara said on Tuesday that it would buy the missile system from Moscow despite warnings "
            "from Washington, officials said.\n")
    files = []
    for i, day in enumerate(("2019-07-12", "2019-07-13")):
        raw = tmp_path / f"raw{i}.txt"
        raw.write_text(f"Turkey takes delivery of missiles day {i}\n\nhttps://www.cbc.ca/news/world/turkey-s400-{i}\n\n"
                       f"{day}\n\n{body}")
        files.append(raw)
    out = ingest_files(files, tmp_path / "c")
    entries = yaml.safe_load((out / "manifest.yaml").read_text())["articles"]
    assert [e["outlet"] for e in entries] == ["cbc", "cbc"]
    assert entries[0]["url"] == "https://www.cbc.ca/news/world/turkey-s400-0"
    assert entries[0]["id"] == "cbc-2019-07-12-turkey-takes-delivery-of-missiles-day"
    assert "0 url_line" not in entries[0]["removed_lines"] and any("url_line" in r for r in entries[0]["removed_lines"])
    import framing

    corpus = framing.load_corpus(out)
    assert all("http" not in a.text for a in corpus)  # the URL line is not article text
    assert corpus[0].url == "https://www.cbc.ca/news/world/turkey-s400-0"
