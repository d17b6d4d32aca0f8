"""Tests of framing.quotes.cues: fast leaf helpers against their plain reference versions."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.quotes.cues import find_cues
from framing.quotes.segment import segment

ROOT = Path(__file__).resolve().parents[2]

def test_cues_cue_spans_match_the_word_by_word_scan():
    """The fast cue finder agrees with matching every word against the phrase list."""
    from framing.quotes.data import lexicon
    from framing.quotes.cues import _WORD_SCAN_RE, cue_spans as _cue_spans

    first = lexicon().cue_first
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        slow = []
        for m in _WORD_SCAN_RE.finditer(text):
            for pat in first.get(m.group().lower(), ()):
                mm = pat.match(text, m.start())
                if mm is not None:
                    slow.append(mm.span())
                    break
        fast = _cue_spans(text, first)
        assert set(slow) <= set(fast), (path.name, sorted(set(slow) - set(fast))[:5])
        assert len(fast) >= 5


@pytest.mark.parametrize("text", [
    "He said, she says; they told us. The statement was issued. According to officials, it is said.",
    "Essays said nothing; resaid unsaid said-so. SAID Said 'said' saying-that sayings.",
    "The spokesman, the spokesman's statement and a statement: according to the according to.",
    "Ärzte told them. Zoë said so. Über sagte: said.",
    "",
])
def test_cues_cue_spans_equal_one_regex_scan_per_word(text):
    """Jumping to each cue word with str.find gives the matches of a regex scan of the whole text."""
    from framing.quotes.data import lexicon
    from framing.quotes.cues import _LOW_WORD_RE, _phrase_re, cue_spans as _cue_spans

    first = lexicon().cue_first
    low = text.lower()
    assert len(low) == len(text)
    words = set(_LOW_WORD_RE.findall(low)) & set(first)
    expected = sorted(m.span() for w in words for m in _phrase_re(w).finditer(low))
    assert _cue_spans(text, first) == expected


@pytest.mark.parametrize("text", [
    "said saidx xsaid said- -said said_ said2 said's said' said’s saidé _said said.said",
    "He warned: warned, warnedwarned WARNED (warned) 'warned' warned-ish un-warned warned's",
    "unsaid stated, said; restated warned said2 said stated's statedsaid said",
    "",
])
@pytest.mark.parametrize("words", [("said",), ("warned",), ("stated",), ("said", "stated", "warned")])
def test_cues_lone_runs_spans_equal_the_word_patterns(text, words):
    """One walk over the letter runs of cue words that start no phrase finds what their own patterns find."""
    import re

    from framing.quotes.cues import _lone_runs_spans, _lookup_words, _phrase_re
    from framing.quotes.data import lexicon

    assert set(words) <= _lookup_words(lexicon().cue_first)[2]
    low = text.lower()
    seq = [r for r in re.findall("[a-z]+", low) if r in words]
    assert _lone_runs_spans(low, seq) == sorted(m.span() for w in words for m in _phrase_re(w).finditer(low))


@pytest.mark.parametrize("s", [
    "", " ", "he did not ", "he did NOT even ", "they didn’t ", "they didn't really ", "no one ", "nor ",
    "never ", "short of ", "SHORT  of it ", "ſhort of ", "declined to ", "refused to ", "without ",
    "DECLINED TO ", "he knows ", "the economy ", "x not", "and ", "but then also ", "And ", "as ", "aſ ",
    "As\n", "has ", "the ", "Trump's ", "the  ", "voters’ ", "(the ", "x_the ", "of the\u00a0", "THE ",
    "U.S. ", "(Trump's ", "x-the ", "the. ", "can't. ", "no, ", "not not ",
    "they didn’t ", "“We did not ", "l’état n’a never ", "Zoë didn’t\u00a0", "ſhort of ", "NOT ", "İ NOT ",
    "café never ", "the “no” vote ", "he wouldn’t say ", "K ", "nıt ", "déclined to ", "did not\u2009",
])
def test_cues_shortcuts_agree_with_their_patterns(s):
    """The string pre-tests in front of the cue filters never change a pattern's answer."""
    import re

    from framing.quotes.cues import _NEG_RE, _NOUN_DETS, _negated, _noun_before
    from framing.quotes.rules.verbs import _AND_BUT_END_RE, _AS_END_RE, _and_but_end, _as_end
    from framing.quotes.tokens import n_words as _n_words

    _PREV_WORD_RE = re.compile(r"([\w'’]+)\s+$")  # the plain reference of _noun_before
    assert _negated(s) == (_NEG_RE.search(s) is not None)
    assert _and_but_end(s) == (_AND_BUT_END_RE.search(s) is not None)
    assert (_as_end(s) is None) == (_AS_END_RE.search(s) is None)
    text = s + "said"
    pw = _PREV_WORD_RE.search(text, max(0, len(s) - 30), len(s))
    assert _noun_before(text, len(s)) == (pw is not None and (pw.group(1).lower() in _NOUN_DETS
                                                              or pw.group(1).endswith(("'s", "’s"))))
    for cap in (1, 2, 3, 5):
        assert _n_words(s, cap) == min(len(s.split()), cap)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("notwhasdbuericlf ſıKİé'’_.\n\u00a0\u2009,(“") + ["n't", "n’t", "short of ", "the ", "and "]),
                max_size=30).map("".join))
def test_cues_shortcuts_agree_with_their_patterns_on_any_text(s):
    test_cues_shortcuts_agree_with_their_patterns(s)


@pytest.mark.parametrize("text, forms", [
    ("Smith said the talks failed.", ["said"]),
    ("Trump’s claims were false and his call for calm late.", []),  # nouns, not verbs
    ("“He said no,” Smith recalled.", ["recalled"]),  # speech inside a quote is not an outer cue
    ("Smith did not say whether the talks failed.", []),  # negated
    ("Smith (who said nothing) left.", []),  # in parentheses
    ("The show aired on Press TV Hope yesterday.", []),  # a capitalised name mid-sentence
])
def test_cues_find_cues_keeps_reporting_uses_only(text, forms):
    assert [c.form for c in find_cues(segment(text, None, None))] == forms


@pytest.mark.parametrize("text", [
    "He was found guilty of manslaughter last year.",  # passive participle of a verb with a non-speech sense
    "Nedeljkovic got called up this month when McElhinney was hurt.",
    "This image released by 20th Century Fox shows Rebecca Ferguson in a scene.",  # a photo caption
    "READ MORE: Burnaby RCMP warns of rise in sextortion cases",  # a link line
])
def test_cues_non_speech_contexts_have_no_cue(text):
    assert find_cues(segment(text, None, None)) == []


def test_cues_passive_frame_cues_stay():
    text = "The deal is final. This was stated by Foreign Minister Lavrov."
    assert [c.form for c in find_cues(segment(text, None, None))] == ["was stated"]
