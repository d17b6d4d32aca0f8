"""Tests of framing.quotes.marks: fast leaf helpers against their plain reference versions."""
from __future__ import annotations

import pytest

_TEXTS = [
    "Mr. Brown, the U.S. senator, said on Tuesday that he would vote.",
    "voters'said Trump's aides’ plan, x_y-z 9.5 “quoted” don’t\u00a0stop\u2003it's  U.S.-based A.B.C.",
    "  \n leading space, trailing space  ",
]

@pytest.mark.parametrize(
    "raw, expected",
    [
        ("''No,'' he said.", ' "No,"  he said.'),
        ("He said ''yes''.", 'He said  "yes" .'),
        ("``Yes,'' she said.", ' "Yes,"  she said.'),
        ("rock''n''roll", "rock''n''roll"),
        ("plain text", "plain text"),
    ],
)
def test_marks_ascii_double_marks_keep_length(raw, expected):
    from framing.quotes.marks import ascii_double_marks

    out = ascii_double_marks(raw)
    assert out == expected
    assert len(out) == len(raw)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("''I would use the word 'old-school,''' said Gregory.", " \"I would use the word 'old-school,'\"  said Gregory."),
        ("he said, '''Hi' is fine.''", "he said,  \"'Hi' is fine.\" "),
    ],
)
def test_marks_ascii_triple_marks_are_single_plus_double(raw, expected):
    from framing.quotes.marks import ascii_double_marks

    out = ascii_double_marks(raw)
    assert out == expected and len(out) == len(raw)


@pytest.mark.parametrize("text", _TEXTS + ["\"A,” ‘b’ «c» „d‟ 'e'", ""])
def test_marks_quote_marks_found_with_str_find_equal_a_regex_scan(text):
    import re

    from framing.quotes.marks import _DOUBLE_MARKS, _SINGLE_MARKS, _marks

    for chars in (_DOUBLE_MARKS, _SINGLE_MARKS):
        pattern = re.compile("[" + re.escape(chars) + "]")
        assert _marks(text, chars) == [(m.start(), m.group()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, spans", [
    ("“We are ready,” he said.", [("We are ready,", True)]),
    ("He called it 'a farce' today.", [("a farce", False)]),
    ("“One.\n\n“Two,” he said.", [("One.", True), ("Two,", True)]),  # a quote running into the next paragraph
    ('"Unclosed quote at the end', [("Unclosed quote at the end", True)]),
])
def test_marks_find_quotes(text, spans):
    from framing.quotes.marks import find_quotes
    from framing.text import paragraph_spans

    paras = paragraph_spans(text)
    qs = find_quotes(text, [p.start for p in paras], [p.end for p in paras])
    assert [(text[q.start:q.end], q.double) for q in qs] == spans


def test_marks_quote_left_open_before_a_new_quote_paragraph_continues():
    from framing.quotes.marks import find_quotes
    from framing.text import paragraph_spans

    text = "“One two three.\n\n“Four,” he said."
    paras = paragraph_spans(text)
    qs = find_quotes(text, [p.start for p in paras], [p.end for p in paras])
    assert qs[0].continues and qs[0].close == -1
