"""A small hand-made Comparison for the report tests.

The tables are built by hand from short pieces of the real seed articles
(the analyzers are tested elsewhere): the report code must lay out whatever
tables it is given, including missing columns and hostile article text.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from framing.compare import Comparison, analyze
from framing.tables import TABLES
from framing.corpus import Corpus
from framing.outlets import Citation, Outlet, OutletRegistry

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = {"cbc": "000_91b9c4432941d692.txt", "rt": "001_b844b83d6f81ed74.txt", "wsws": "004_42b21dbca4c90612.txt"}


def seed_text(key: str) -> str:
    return (SEEDS / SEED_FILES[key]).read_text(encoding="utf-8")


HOSTILE = 'He wrote <script>alert("x")</script> & <b>bold</b> <para>p</para> <font color="red">f</font> — ünïcødé 中文.'

OUTLETS = (
    Outlet("cbc", "CBC News", country="CA", type="public broadcaster", owner="Canadian Broadcasting Corporation",
           funding="public", state_affiliation="public-service", sources=(Citation("owner", "https://cbc.radio-canada.ca/", "2024-01-01"),)),
    Outlet("rt", "RT", country="RU", type="international broadcaster", owner="TV-Novosti",
           funding="Russian state budget", state_affiliation="state-controlled",
           sources=(Citation("funding", "https://example.org/rt-funding", "2024-01-01"),)),
    Outlet("wsws", "World Socialist Web Site", country="US", type="website", owner="International Committee of the Fourth International",
           funding="party", state_affiliation="none"),
)

_TERMS = {"threat": "emotive", "concerned": "emotive", "aggressive": "emotive", "so-called": "ideological_label",
          "claimed": "reporting_verb", "imperialist": "ideological_label", "very": "intensifier", "bold": "emotive"}
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{3,300})[\"”]")


def _texts() -> dict[str, str]:
    out = {}
    for key in ("cbc", "rt", "wsws"):
        t = seed_text(key)
        out[key] = t[:2600]
    out["wsws"] = out["wsws"] + "\n\n" + HOSTILE + "\n"
    return out


def make_comparison(drop: tuple[str, ...] = ()) -> Comparison:
    """Analyse three seed excerpts; ``drop`` lists tables to leave empty (graceful degradation)."""
    texts = _texts()
    recs = [{"id": f"{k}-1", "outlet": k, "text": t, "title": f"Turkey S-400 story by {k}",
             "date": d} for (k, t), d in zip(texts.items(), (dt.date(2019, 7, 16), dt.date(2017, 9, 13), dt.date(2021, 1, 5)))]
    corpus = Corpus.from_records(recs, registry=OutletRegistry(OUTLETS), story="Turkey buys Russian S-400 missiles",
                                 actors=[{"name": "Jens Stoltenberg", "aliases": ["Stoltenberg"], "affiliation": "NATO"},
                                         {"name": "Turkish government", "aliases": ["Turkey", "Ankara"], "affiliation": "Turkish government"}])
    comp = analyze(corpus)
    for name in drop:  # an analysis that found nothing: the declared empty tables
        comp.frames[name] = TABLES[name].empty()
    return comp


@pytest.fixture(scope="session")
def comp() -> Comparison:
    return make_comparison()


@pytest.fixture(scope="session")
def comp_empty_tables() -> Comparison:
    return make_comparison(drop=("sentences", "outlet_sentiment", "actor_sentiment", "loaded_terms", "loaded_rates",
                                 "top_loaded_terms", "voices", "voice_summary", "affiliation_shares", "distinctive"))
