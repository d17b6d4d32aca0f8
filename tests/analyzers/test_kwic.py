"""Tests of framing.analyzers.kwic."""
from __future__ import annotations

import pytest

from framing.analyzers.kwic import KWIC_COLUMNS, kwic
from framing.corpus import Corpus
from framing.errors import FramingError
from framing.text import word_count
from tests.conftest import seed_text

SENT = ("Interoperability with NATO allies lies at the heart of the problem, said Stoltenberg. "
        "NATO's secretary general said Tuesday that the alliance is concerned.")


def test_kwic_word_with_context():
    t = kwic(SENT, "nato", window=3)
    assert list(t.columns) == KWIC_COLUMNS
    assert t[["match", "left", "right"]].values.tolist() == [
        ["NATO", "Interoperability with", "allies lies at"],
        ["NATO", "problem, said Stoltenberg.", "'s secretary general"],
    ]
    for s, e, m in zip(t["start"], t["end"], t["match"]):
        assert SENT[s:e] == m


@pytest.mark.parametrize(
    "pattern, kwargs, n",
    [
        ("nato", {}, 2),
        ("NATO", {"case": True}, 2),
        ("Nato", {"case": True}, 0),
        ("said", {}, 2),
        ("secretary general", {}, 1),
        ("ally", {}, 0),  # whole words only
        (r"all(y|ies|iance)", {"regex": True}, 2),
        (r"\bsaid\s+\w+", {"regex": True}, 2),
        (r"\b", {"regex": True}, 0),  # empty matches are skipped
    ],
)
def test_kwic_match_counts(pattern, kwargs, n):
    assert len(kwic(SENT, pattern, **kwargs)) == n


def test_kwic_corpus_keeps_article_and_outlet():
    c = Corpus.from_records([
        {"id": "cbc1", "outlet": "cbc", "text": seed_text("cbc")},
        {"id": "revoi1", "outlet": "revoi", "text": seed_text("revoi")},
    ])
    t = kwic(c, "S-400", window=8)
    assert set(t["outlet"]) == {"cbc", "revoi"}
    texts = {a.id: a.text for a in c}
    for aid, s, e, m in zip(t["article_id"], t["start"], t["end"], t["match"]):
        assert texts[aid][s:e] == m
        assert m.lower() == "s-400"
    assert all(word_count(x) <= 8 for x in t["left"]) and all(word_count(x) <= 8 for x in t["right"])
    assert max(word_count(x) for x in t["left"]) == 8


def test_kwic_window_zero_and_edges():
    t = kwic("NATO", "nato", window=0)
    assert t[["left", "right"]].values.tolist() == [["", ""]]
    t = kwic("NATO", "nato", window=5)
    assert t[["left", "right"]].values.tolist() == [["", ""]]


@pytest.mark.parametrize("pattern, regex", [("", False), ("   ", False), ("(unclosed", True)])
def test_kwic_bad_pattern_raises_framing_error(pattern, regex):
    with pytest.raises(FramingError):
        kwic(SENT, pattern, regex=regex)


def test_kwic_no_match_or_empty_corpus_gives_typed_empty_table():
    for t in (kwic(SENT, "zebra"), kwic(Corpus.from_records([]), "nato"), kwic("", "nato")):
        assert list(t.columns) == KWIC_COLUMNS and len(t) == 0
