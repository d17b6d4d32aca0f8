"""Tests of framing.quotes.tokens: fast leaf helpers against their plain reference versions."""
from __future__ import annotations

import pytest

def test_tokens_token_windows_are_computed_once_and_unchanged():
    from framing.quotes.segment import segment as _segment_doc
    from framing.quotes.tokens import tokens as _tokens

    text = "Mr. Brown, the U.S. senator, said on Tuesday that he would vote."
    doc = _segment_doc(text, None, None)
    first = doc.tokens(0, 30)
    assert first == _tokens(text, 0, 30)
    assert doc.tokens(0, 30) is first and doc.tokens(5, 30) == _tokens(text, 5, 30)


_TOKEN_TEXTS = [
    "Mr. Brown, the U.S. senator, said on Tuesday that he would vote.",
    "voters'said Trump's aides’ plan, x_y-z 9.5 “quoted” don’t\u00a0stop\u2003it's  U.S.-based A.B.C.",
    "  \n leading space, trailing space  ",
]


@pytest.mark.parametrize("text", _TOKEN_TEXTS)
def test_tokens_tokens_equal_the_token_pattern_in_every_window(text):
    """Offsets from the findall strings, and windows built from a longer or shorter window of the
    same start, give the tokens of ``_TOK_RE.finditer`` over the window."""
    from framing.quotes.tokens import _TOK_RE, TokenCache, tokens as _tokens

    def expected(a, b):
        return [(m.start(), m.end(), m.group()) for m in _TOK_RE.finditer(text, a, b)]

    n = len(text)
    for a in range(n + 1):
        doc = TokenCache(text)
        for b in [*range(a, n + 1), *range(n, a - 1, -1)]:  # longer windows, then shorter ones
            assert _tokens(text, a, b) == expected(a, b)
            assert doc.tokens(a, b) == expected(a, b), (a, b)


@pytest.mark.parametrize("text, cue, expected", [
    ("Mr. Brown said it.", "said", "Mr. Brown"),
    ("Dianne Feinstein (D-Calif.) last week said it.", "said", "Dianne Feinstein"),
    ("Mr. Brown, an expert at the institute, said it.", "said", "Mr. Brown"),
    ("The congressional report said it.", "said", "The congressional report"),
    ("He said it.", "said", "He"),
])
def test_tokens_np_left_finds_the_subject(text, cue, expected):
    from framing.quotes.data import lexicon
    from framing.quotes.tokens import TokenCache, np_left

    pos = text.index(cue)
    np_ = np_left(TokenCache(text), 0, pos, lexicon().roles)
    assert np_ is not None and text[np_[0]:np_[1]] == expected


def test_tokens_np_left_keeps_the_appositive():
    from framing.quotes.data import lexicon
    from framing.quotes.tokens import TokenCache, np_left

    text = "Mr. Brown, an expert at the institute, said it."
    assert np_left(TokenCache(text), 0, text.index("said"), lexicon().roles)[2] == "an expert at the institute"


@pytest.mark.parametrize("text, expected", [
    ("said Foreign Minister Lavrov on Monday", "Foreign Minister Lavrov"),
    ("said the spokesman of the ministry.", "the spokesman of the ministry"),
    ("said the talks failed", None),
])
def test_tokens_np_right(text, expected):
    from framing.quotes.data import lexicon
    from framing.quotes.tokens import TokenCache, np_right

    np_ = np_right(TokenCache(text), 4, len(text), lexicon().roles)
    assert (text[np_[0]:np_[1]] if np_ else None) == expected


_RIGHT_TEXTS = [
    "said Senate Majority Leader Mitch McConnell of Kentucky and the Secretary of State for Foreign Affairs "
    "of the United Kingdom, who spoke first.",
    "according to Ms. Jane Roe, the senior deputy foreign policy adviser at the Council on Foreign Relations",
    "told reporters the president of the Federal Reserve Bank of New York and Governor of the Bank of England",
    "said he would go. " * 6,
]


@pytest.mark.parametrize("text", _RIGHT_TEXTS)
def test_tokens_np_right_from_a_prefix_equals_the_whole_window(text):
    """Reading the phrase after a cue from a prefix of its window first gives the phrase read from
    the whole window, at every start and window end."""
    from framing.quotes.data import lexicon
    from framing.quotes.tokens import TokenCache, _scan_np_right, np_right, tokens as _tokens

    roles = lexicon().roles
    for pos in range(len(text)):
        for hi in (len(text), min(len(text), pos + 60), min(len(text), pos + 100)):
            expected = _scan_np_right(_tokens(text, pos, min(hi, pos + 300)), roles, whole=True)
            assert np_right(TokenCache(text), pos, hi, roles) == expected, (pos, hi)
