from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import paragraph_spans, sentence_spans, token_spans, word_count

from .conftest import SEED_FILES, seed_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. said no. Then it left.", ["The U.S. said no.", "Then it left."]),
        ("Gen. Mattis told reporters on Jan. 5 that it was over.", ["Gen. Mattis told reporters on Jan. 5 that it was over."]),
        ("Sen. Smith and Dr. Jones met. They agreed.", ["Sen. Smith and Dr. Jones met.", "They agreed."]),
        ("Headline without dot\n\nBody sentence one. Body two.", ["Headline without dot", "Body sentence one.", "Body two."]),
        ("“We are concerned.\n\nThis is it,” he said.", ["“We are concerned.", "This is it,” he said."]),
    ],
)
def test_text_sentences_split_with_our_abbreviations(text: str, expected: list[str]) -> None:
    assert [s.text for s in sentence_spans(text)] == expected


def test_text_sentences_never_cross_paragraphs_in_rt_seed() -> None:
    text = seed_text("rt")
    paras = paragraph_spans(text)
    for s in sentence_spans(text, paras):
        assert any(p.start <= s.start and s.end <= p.end for p in paras)
        assert text[s.start:s.end] == s.text


def test_text_paragraphs_split_before_bullets() -> None:
    text = "Intro line\n  • Reuters\n  • © Someone"
    assert [p.text for p in paragraph_spans(text)] == ["Intro line", "• Reuters", "• © Someone"]


@pytest.mark.parametrize(
    "text, n",
    [("", 0), ("S-400", 1), ("Turkey's co-produced S-400 deal", 4), ("U.S. officials", 2), ("Şişli’de 12 kişi", 3)],
)
def test_text_word_count(text: str, n: int) -> None:
    assert word_count(text) == n


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(st.sampled_from(["S-400", "U.S.", "it's", "don’t", "_x", "a_b", "²", "½", "Ⅳ", "İ", "-",
                                             "'", ".", " ", "\n", "\x1c", "\u2028", "\xa0", "ab", "12"]),
                            max_size=20).map("".join))
def test_text_word_count_equals_token_regex_count(text: str) -> None:
    from framing.text import TOKEN_RE

    assert word_count(text) == len(TOKEN_RE.findall(text))


_COUNT_PIECES = ["S-400", "U.S.", "it's", "don’t", "_x", "a_b", "²", "Ⅳ", "İ", "-", "'", ".", " ", "\n", "\u2028",
                 "ab", "😀", "\udcff"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text() | st.lists(st.sampled_from(_COUNT_PIECES), max_size=20).map("".join), max_size=6),
       st.integers(1, 4))
def test_text_word_counts_equal_the_token_regex_counts(texts: list[str], size: int) -> None:
    """The numpy counts (texts joined by line breaks, in blocks) equal the regex's count of each text."""
    from framing import _token_arrays
    from framing.text import TOKEN_RE, word_counts

    assert word_counts(texts) == [len(TOKEN_RE.findall(t)) for t in texts]
    got = [n for b in _token_arrays.blocks(texts, size=size) for n in b.per_text.tolist()]
    assert got == [len(TOKEN_RE.findall(t)) for t in texts]


def test_text_word_counts_of_the_seeds() -> None:
    from framing.text import word_counts

    texts = [seed_text(k) for k in SEED_FILES]
    assert word_counts(texts) == [word_count(t) for t in texts] and word_counts([]) == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_text_offsets_always_valid(text: str) -> None:
    for span in [*paragraph_spans(text), *sentence_spans(text), *token_spans(text)]:
        assert text[span.start:span.end] == span.text
        assert span.text.strip() == span.text or span in token_spans(text)


def test_text_huge_paragraph_is_split_in_linear_time() -> None:
    import time

    unit = "Ankara said it would buy the S-400 system from Moscow. "
    small, big = unit * 2_000, unit * 40_000  # ~110 kB and ~2.2 MB, no line break
    t0 = time.perf_counter()
    n_small = len(sentence_spans(small))
    t1 = time.perf_counter()
    spans = sentence_spans(big)
    t2 = time.perf_counter()
    assert n_small == 2_000 and len(spans) == 40_000
    assert all(big[s.start:s.end] == s.text for s in spans[:50])
    assert (t2 - t1) < 40 * (t1 - t0) + 1.0  # 20x the text: roughly linear, with slack for noise


# ---------------------------------------------------------------- Punkt shortcut (speed)

_CONTEXTS = [
    "said. The", "said. the", "Mr. Obama", "U.S. Army", "J. Bach", "1990. The", "3. next", "again... Then",
    "acting!!! I", "why? He", "Sen. Smith", "Gen. Milley", "Inc. said", "e.g. the", "it.\n\nThe", "said.) He",
    "(said. The", "Washington-based. Then", "No. 1", "Fig. 3", "p.m. Tuesday", "ok. Ok", "a. b", "ab. —",
    "said.\x1c--Mr.«", "end.\n\n\x1c", "end. \x1f", "end.\x1e The", "end.\n\u2028The",
    # closing punctuation after the end, dotted and hyphenated words, abbreviations before a plain word
    "years.”", "crime?\"", "Forward.)", "C.D.C. director", "re-election. He", "U.S. officials", "U.S.”",
    "now-Rep. Dave", "Mr. Trump’s", "Jr. Day,", "Mr. Smith.", "Mr. Smith’s.", "Mr. 3", "St. Louis-based", "e.g. x",
    "Dr.\nWho", "Dr.\u2028Who", "ab-J. Smith", "U.S? No", "Gen.! x",
]


def _nltk_punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from framing.text import abbreviations

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


@pytest.mark.parametrize("context", _CONTEXTS)
def test_text_punkt_shortcut_decides_like_nltk(context: str) -> None:
    from framing.text import _punkt

    assert _punkt().text_contains_sentbreak(context) == _nltk_punkt().text_contains_sentbreak(context)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr", "mr", "U.S", "said", "Dr", "re-", "J", "3", "e.g", "ab", "St", "x", "-", ".",
                                 "?", "!", "”", ")", "’s", "'", ",", " ", "\n", "\u2028", "\xa0", "Smith", "the"]),
                min_size=1, max_size=8).map("".join))
def test_text_punkt_quick_sentbreak_decides_like_nltk_when_it_decides(context: str) -> None:
    from framing.text import _has_separator, _punkt

    quick = _punkt()._quick_sentbreak(context, 0, len(context))
    assert _has_separator(context) or quick is None or quick == _nltk_punkt().text_contains_sentbreak(context)


@pytest.mark.parametrize("key", list(SEED_FILES))
def test_text_punkt_shortcut_splits_seeds_like_nltk(key: str) -> None:
    from framing.text import _punkt

    text = seed_text(key)
    assert list(_punkt().span_tokenize(text)) == list(_nltk_punkt().span_tokenize(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "U.S.", "said.", "It", "the", "J.", "3.", "why?", "wow!", "end.\n\n",
                                 "(so.", "no.)", "...", "e.g.", "A.", "x"]), max_size=30).map(" ".join))
def test_text_punkt_shortcut_equals_nltk_on_random_text(text: str) -> None:
    from framing.text import _punkt

    assert list(_punkt().span_tokenize(text)) == list(_nltk_punkt().span_tokenize(text))


_SPAN_CASES = [
    "", "   ", "No end", "One. Two.", "Very bad acting!!! I promise.", "(Sent1.) Sent2.", "He said “no.” Then left.",
    "It ended.'' Next one.", "Wait... what? Yes!", "U.S. and U.K. officials met. They left.", "a.\tb.\x0bc.\x0cd.",
    ".. . .  .x", "end. ", "Really?) (Yes.", "“We won.”\n“They lost.”", "Mr. Smith. Mrs. Jones!\u00a0Next.",
    "S-400s. NATO’s. F-35s.\r\nDone", "x.) ] } y. z.'--next", "\n. a", "!!", "a . b . c",
    # characters whose white-space status differs between the re and regex engines
    "One.\x1cTwo. Three!\x1d Four?\x1e\x1fFive. six.", "Hi. \x1c There. Yes.", "said.\x1c--Mr.«Mr.",
    "AbAbend.\n\n\x1c\x85»(so.\u2028».\xa0}AbAb\"", "end.\n\n\x1c\u2028said. Yes",
    # closing quotes and brackets moved to the previous sentence, or not
    'He said "Go." Then "Stop." (He left.) Next.', "“Yes.” ‘No.’ «Maybe.» »Oui.« Done.", "It was.\" --Him",
    "A. B.\tC d.\nE f.\rG h.", "End.)\n(Start.", "Wow!) ] Next.",
]


@pytest.mark.parametrize("text", _SPAN_CASES + [seed_text(k) for k in SEED_FILES])
def test_text_punkt_spans_equal_nltk_span_tokenize(text: str) -> None:
    from framing.text import _punkt

    assert _punkt().spans(text) == list(_nltk_punkt().span_tokenize(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "U.S.", "said.", "It", "J.", "3.", "why?", "wow!", "end.\n\n", "(so.", "no.)",
                                 "...", "A.", "x", ")", "”", "’.", "!\t", ".\u00a0", "\x0c", "--", "'", "\"", " ",
                                 "\x1c", ".\x1d", "«", "»", "\n"]),
                max_size=30).map("".join))
def test_text_punkt_spans_equal_nltk_on_random_text(text: str) -> None:
    from framing.text import _punkt

    assert _punkt().spans(text) == list(_nltk_punkt().span_tokenize(text))


def test_text_punkt_re_and_regex_white_space_differ_only_where_spans_expects() -> None:
    # spans() scans with an ``re`` copy of NLTK's ``regex`` pattern unless the text holds U+001C..U+001F
    import re

    import regex

    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall(r"\s", every)) ^ set(regex.findall(r"\s", every)) == set("\x1c\x1d\x1e\x1f")


def test_text_string_whitespace_is_what_spans_tests() -> None:
    import string

    assert string.whitespace == " \t\n\r\x0b\x0c"


@given(st.text(alphabet="ab. ", max_size=40), st.sampled_from(["a", "ab", ".", "a."]),
       st.integers(0, 45), st.integers(0, 45))
def test_text_find_all_equals_regex_lookahead_scan(text, sub, start, end) -> None:
    import re

    from framing.text import find_all

    want = [m.start() for m in re.finditer(f"(?={re.escape(sub)})", text[:end]) if m.start() >= start]
    assert find_all(text, sub, start, end) == want


_PLAIN_TOKEN = r"\w+(?:[-'’.]\w+)*"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé9_ -'’..,\n\tİΣ")), max_size=60))
def test_text_token_re_matches_the_plain_pattern(text):
    import re

    from framing.text import TOKEN_RE

    plain = re.compile(_PLAIN_TOKEN, re.UNICODE)
    assert [m.span() for m in TOKEN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):  # match / search at a position, as lexicons.py uses them
        a, b = TOKEN_RE.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span())
        a, b = TOKEN_RE.search(text, pos), plain.search(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_text_token_re_on_seed_texts():
    import re

    from framing.text import TOKEN_RE

    plain = re.compile(_PLAIN_TOKEN, re.UNICODE)
    for key in SEED_FILES:
        text = seed_text(key)
        assert TOKEN_RE.findall(text) == plain.findall(text)
        assert TOKEN_RE.findall(text.lower()) == plain.findall(text.lower())
