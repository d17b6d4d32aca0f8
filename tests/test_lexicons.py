"""Tests of framing.lexicons: packaged and user lexicons, validation, matching."""
from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from framing.errors import LexiconError
from framing.lexicons import (
    Lexicon,
    _lower_same_length,
    available_lexicons,
    load_lexicon,
    merge_lexicons,
    read_lexicon_csv,
    stem,
)

HEADER = "term,category,note,source,match\n"


def _lex(rows: str) -> Lexicon:
    return read_lexicon_csv(io.StringIO(HEADER + rows), name="test.csv")


def _matches(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entry.term) for m in lex.compile().finditer(text)]


def test_lexicons_packaged_loaded_is_listed_and_valid():
    assert "loaded" in available_lexicons()
    lex = load_lexicon("loaded")
    assert len(lex) > 300
    assert all(e.source.strip() for e in lex)
    for cat in ("ideological_label", "emotive", "intensifier", "hedge", "factive", "assertive",
                "reporting_verb", "dysphemism", "evaluative_adverb"):
        assert cat in lex.categories


def test_lexicons_packaged_is_cached_object():
    assert load_lexicon("loaded") is load_lexicon("loaded")
    assert load_lexicon("loaded").compile() is load_lexicon("loaded").compile()


@pytest.mark.parametrize(
    "row, line, field",
    [
        ("regime,ideological_label,note,\n", 2, "source"),
        ("regime,Ideological Label,note,own\n", 2, "category"),
        (",emotive,note,own\n", 2, "term"),
        ("...,emotive,note,own\n", 2, "term"),
        ("regime,emotive,note,own,fuzzy\n", 2, "match"),
        ("regime,emotive,note\n", 2, None),
        ("slam,emotive,,own\nslam,emotive,,own\n", 3, "term"),
    ],
)
def test_lexicons_bad_row_names_file_line_and_fix(row, line, field):
    with pytest.raises(LexiconError) as exc:
        _lex(row)
    msg = str(exc.value)
    assert f"test.csv:{line}" in msg
    if field:
        assert f"field '{field}'" in msg
    assert msg.rstrip().endswith(".") and len(msg.split(". ")) >= 2  # says what to do


def test_lexicons_bad_row_in_file_counts_comment_lines(tmp_path: Path):
    p = tmp_path / "mine.csv"
    p.write_text("# my words\nterm,category,note,source\nsultan,dysphemism,,own\nvizier,,,own\n", "utf-8")
    with pytest.raises(LexiconError, match=r"mine\.csv:4 \(field 'category'\)"):
        load_lexicon(p)


def test_lexicons_missing_column_and_missing_file(tmp_path: Path):
    p = tmp_path / "x.csv"
    p.write_text("word,category\nslam,emotive\n", "utf-8")
    with pytest.raises(LexiconError, match="lacks the column"):
        load_lexicon(p)
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon(tmp_path / "nope.csv")
    with pytest.raises(LexiconError, match="no packaged lexicon"):
        load_lexicon("no_such_lexicon")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Critics slammed the move.", [("slammed", "slam")]),
        ("She slams it; they are slamming it.", [("slams", "slam"), ("slamming", "slam")]),
        ("They lashed out at Washington.", [("lashed out", "lash out")]),
        ("They lashed the boat.", []),
        ("The extremely extreme view.", [("extremely", "extremely"), ("extreme", "extreme")]),
        ("It may come in May.", [("may", "may")]),
        ("NATO’s regimes", [("regimes", "regime")]),
    ],
)
def test_lexicons_match_inflections_phrases_and_modes(text, expected):
    lex = _lex(
        "slam,emotive,,own,stem\n"
        "lash out,emotive,,own,stem\n"
        "extremely,intensifier,,own,exact\n"
        "extreme,emotive,,own,stem\n"
        "may,hedge,,own,case\n"
        "regime,ideological_label,,own,\n"
    )
    assert _matches(lex, text) == expected


def test_lexicons_longest_phrase_wins_and_no_overlap():
    lex = _lex("puppet,ideological_label,,own\npuppet state,ideological_label,,own\n")
    text = "Ankara is no puppet state, nor a puppet."
    assert _matches(lex, text) == [("puppet state", "puppet state"), ("puppet", "puppet")]


def test_lexicons_token_cache_keeps_results_and_priorities():
    # the per-token cache: the case index is tried first, a phrase start still reads on, repeats agree
    lex = _lex("may,hedge,,own,case\nMay,puffery,,own,exact\nlash out,emotive,,own\nlash,emotive,,own,exact\n")
    text = "It may come in May. They lash out, then lash. MAY"
    expected = [("may", "may"), ("May", "May"), ("lash out", "lash out"), ("lash", "lash"), ("MAY", "May")]
    assert _matches(lex, text) == expected
    assert _matches(lex, text) == expected


def test_lexicons_offsets_point_into_text():
    text = open(Path(__file__).parents[1] / "seeds" / "000_91b9c4432941d692.txt", encoding="utf-8").read()
    ms = load_lexicon().compile().find(text)
    assert ms
    for m in ms:
        assert stem(text[m.start:m.end].split()[0]) or True
        assert text[m.start:m.end].strip() == text[m.start:m.end]
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_lexicons_merge_user_lexicon_first_wins():
    mine = _lex("regime,dysphemism,my view,own\nsultan,dysphemism,,own\n")
    merged = merge_lexicons([mine, "loaded"])
    cats = {e.term: e.category for e in merged}
    assert cats["regime"] == "dysphemism"
    assert cats["sultan"] == "dysphemism"
    assert len(merged) == len(load_lexicon("loaded")) + 1


def test_lexicons_stem_is_snowball_with_curly_apostrophe():
    assert stem("Slammed") == "slam"
    assert stem("Turkey’s") == stem("Turkey's") == "turkey"


_PREFILTER_PIECES = ["anti", "slam", "slammed", "regime", "so-called", "lash", "out", "according", "to", "the",
                     "appear", "some", "Regime", "x", "_", "\u0130", " ", "  ", "-", "'", "\u2019", ".", "\n", "\u201c"]


@given(st.lists(st.sampled_from(_PREFILTER_PIECES), max_size=14))
@example(["appear", " ", "to", " ", "the", " ", "regime"])  # a phrase prefix holding another candidate ("to")
@example(["According", " ", "to", " ", "some", ",", "\n", "slammed"])
@settings(max_examples=300, deadline=None)
def test_lexicons_prefilter_spans_same_as_finditer(pieces):
    # the candidate scan gives the matches of the plain "(?<!\w)trie" prefilter, as finditer does
    m = load_lexicon("loaded").compile()
    low = _lower_same_length("".join(pieces))
    plain = _plain_prefilter(m._trie)
    assert m._prefilter_spans(low) == [x.span(1) for x in plain.finditer(low)]


@lru_cache(maxsize=1)
def _plain_prefilter(trie: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(" + trie + ")")


@pytest.mark.parametrize("text", ["", "\u0130stanbul slams the REGIME", "Critics slammed the regime. They lashed out."])
def test_lexicons_lower_same_length_keeps_offsets(text):
    low = _lower_same_length(text)
    assert len(low) == len(text)
    assert low == text.lower() or "\u0130" in text
