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

from framing.compare import Comparison, corpus_warnings, outlet_table, source_table
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
    """Build the Comparison; ``drop`` lists table names to leave empty (graceful degradation)."""
    texts = _texts()
    recs = [{"id": f"{k}-1", "outlet": k, "text": t, "title": f"Turkey S-400 story by {k}",
             "date": d} for (k, t), d in zip(texts.items(), (dt.date(2019, 7, 16), dt.date(2017, 9, 13), dt.date(2021, 1, 5)))]
    corpus = Corpus.from_records(recs, registry=OutletRegistry(OUTLETS), story="Turkey buys Russian S-400 missiles",
                                 actors=[{"name": "Jens Stoltenberg", "aliases": ["Stoltenberg"], "affiliation": "NATO"},
                                         {"name": "Turkish government", "aliases": ["Turkey", "Ankara"], "affiliation": "Turkish government"}])
    sent, terms, voices, actors = [], [], [], []
    for art in corpus:
        for i, sp in enumerate(art.sentences):
            comp = ((i * 37 + len(art.outlet) * 11) % 200 - 100) / 100
            sent.append((art.id, art.outlet, i, sp.start, sp.end, sp.text, 0.1, 0.8, 0.1, comp))
        low = art.text.lower()
        for term, cat in _TERMS.items():
            for m in re.finditer(r"\b" + re.escape(term) + r"\b", low):
                terms.append((art.id, art.outlet, art.text[m.start():m.end()], m.start(), m.end(), cat, term, "test note"))
        for m in _QUOTE.finditer(art.text):
            spk = "Jens Stoltenberg" if "Stoltenberg" in art.text[m.end():m.end() + 60] else None
            voices.append((art.id, art.outlet, "direct", m.start(1), m.end(1), m.group(1), spk,
                           "NATO" if spk else "unknown", spk is None))
        for m in re.finditer(r"\b(Stoltenberg|Turkey|Ankara)\b", art.text):
            name = "Jens Stoltenberg" if m.group(1) == "Stoltenberg" else "Turkish government"
            actors.append((art.id, art.outlet, name, m.group(1), m.start(), m.end(), ((m.start() % 9) - 4) / 5))
    sentences = pd.DataFrame(sent, columns=["article_id", "outlet", "sentence_id", "start", "end", "text", "neg", "neu", "pos", "compound"])
    loaded = pd.DataFrame(terms, columns=["article_id", "outlet", "term", "start", "end", "category", "lemma", "note"])
    vo = pd.DataFrame(voices, columns=["article_id", "outlet", "kind", "start", "end", "content", "speaker", "affiliation", "anonymous"])
    am = pd.DataFrame(actors, columns=["article_id", "outlet", "actor", "mention", "start", "end", "score"])
    order = list(corpus.outlet_keys)
    osent = sentences.groupby("outlet", sort=False)["compound"].agg(["mean", "count"]).reset_index()
    osent = pd.DataFrame({"outlet": osent["outlet"], "mean": osent["mean"], "ci_low": osent["mean"] - 0.1,
                          "ci_high": osent["mean"] + 0.1, "share_negative": 0.3, "share_positive": 0.2,
                          "n_sentences": osent["count"], "n_articles": 1})
    asum = am.groupby(["outlet", "actor"], sort=False)["score"].agg(["size", "mean"]).reset_index()
    asum.columns = ["outlet", "actor", "n", "mean_score"]
    rates = loaded.groupby(["outlet", "category"], sort=False).size().reset_index(name="n_hits")
    words = {a.outlet: a.n_words for a in corpus}
    rates["n_words"] = rates["outlet"].map(words)
    rates["rate_per_1000"] = rates["n_hits"] / rates["n_words"] * 1000
    top = loaded.groupby(["outlet", "term", "category"], sort=False).size().reset_index(name="count")
    vs = vo.groupby("outlet", sort=False).agg(n_quotes=("kind", "size"), share_anonymous=("anonymous", "mean")).reset_index()
    vs["share_direct"], vs["share_indirect"], vs["share_loaded_verbs"] = 1.0, 0.0, 0.1
    aff = vo.groupby(["outlet", "affiliation"], sort=False).size().reset_index(name="n")
    aff["share"] = aff["n"] / aff.groupby("outlet")["n"].transform("sum")
    dist = []
    for k in order:
        toks = re.findall(r"[a-z]{5,}", texts[k].lower())
        for r, w in enumerate(sorted(set(toks))[:12]):
            dist.append((k, w, toks.count(w), 1, 1.0, 3.0 - r * 0.2, r + 1))
    distinctive = pd.DataFrame(dist, columns=["outlet", "term", "count", "count_other", "log_odds", "z", "rank"])
    articles = corpus.to_frame()
    tables = dict(sentences=sentences, article_sentiment=pd.DataFrame(), outlet_sentiment=osent, actor_mentions=am,
                  actor_sentiment=asum, loaded_terms=loaded, loaded_rates=rates, top_loaded_terms=top, voices=vo,
                  voice_summary=vs, affiliation_shares=aff, distinctive=distinctive)
    for name in drop:
        tables[name] = pd.DataFrame()
    return Comparison(corpus=corpus, articles=articles, outlets=outlet_table(corpus), sources=source_table(corpus),
                      warnings=corpus_warnings(articles), **tables)


@pytest.fixture(scope="session")
def comp() -> Comparison:
    return make_comparison()


@pytest.fixture(scope="session")
def comp_empty_tables() -> Comparison:
    return make_comparison(drop=("sentences", "outlet_sentiment", "actor_sentiment", "loaded_terms", "loaded_rates",
                                 "top_loaded_terms", "voices", "voice_summary", "affiliation_shares", "distinctive"))
