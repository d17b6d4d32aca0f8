"""One test per attribution rule, each showing the sentence it is for.

Each test runs the rules for the cues before the one under test (so rows a
rule depends on exist), then calls the rule itself on that cue.
"""
from __future__ import annotations

import pytest

from framing.quotes.attribute import attribute_cue, find_attributions
from framing.quotes.cues import find_cues
from framing.quotes.rules import State, rule_according_to, rule_colon_label, rule_fallback_clause
from framing.quotes.rules import rule_nominal_that, rule_passive_by
from framing.quotes.rules import verbs
from framing.quotes.segment import segment
from framing.analyzers.voices import extract_quotes


def _apply(text, rule, cue, *, subject=False):
    """(claimed, new rows as (kind, content, mention), state) of ``rule`` on the cue written ``cue``."""
    doc = segment(text, None, None)
    st = State(doc, find_cues(doc))
    for ci, c in enumerate(st.cues):
        if c.form == cue:
            break
        attribute_cue(st, ci, c)
    else:
        raise AssertionError(f"no cue {cue!r} in {text!r}: {[c.form for c in st.cues]}")
    n = len(st.rows)
    if subject:
        subj = verbs.subject_of(st, ci, c)
        assert subj is not None
        claimed = rule(st, ci, c, subj)
    else:
        claimed = rule(st, ci, c)
    rows = [(r.kind, text[r.start:r.end], text[r.mention[0]:r.mention[1]] if r.mention else None)
            for r in st.rows[n:]]
    return claimed, rows, st


@pytest.mark.parametrize("rule, text, cue, expected", [
    (rule_passive_by, "The deal is final. This was stated by Foreign Minister Lavrov.", "was stated",
     ("indirect", "The deal is final.", "Foreign Minister Lavrov")),
    (rule_according_to, "According to the ministry, the talks failed on Monday.", "According to",
     ("indirect", "the talks failed on Monday.", "the ministry")),
    (rule_according_to, "The talks failed on Monday, according to the ministry.", "according to",
     ("indirect", "The talks failed on Monday", "the ministry")),
    (rule_nominal_that, "Mr. Trump's assertion that the vote was rigged drew criticism.", "assertion",
     ("indirect", "the vote was rigged drew criticism.", "Mr. Trump's")),
    (verbs.rule_quote_then_cue, "“We are ready to talk,” Smith said.", "said",
     ("direct", "We are ready to talk,", "Smith")),
    (verbs.rule_quote_then_cue, "“We are ready,” said Smith, a senator from Ohio.", "said",
     ("direct", "We are ready,", "Smith")),
    (verbs.rule_participle_adding, "Smith said the talks failed, adding that more were planned.", "adding",
     ("indirect", "more were planned.", None)),
    (verbs.rule_coordinated_and, "Smith said the talks failed and warned that more would follow.", "warned",
     ("indirect", "that more would follow.", None)),
    (verbs.rule_content_comma_says_x, "The talks failed badly, says Smith.", "says",
     ("indirect", "The talks failed badly", "Smith")),
])
def test_rule_adds_its_row(rule, text, cue, expected):
    claimed, rows, _ = _apply(text, rule, cue)
    assert claimed is not False
    assert rows == [expected]


@pytest.mark.parametrize("rule, text, cue, expected", [
    (verbs.rule_as_x_said, "As Smith explained, the talks failed badly.", "explained",
     ("indirect", "the talks failed badly.", "Smith")),
    (verbs.rule_said_this, "The talks failed badly. Smith said so, too.", "said",
     ("indirect", "The talks failed badly.", "Smith")),
    (verbs.rule_content_comma_x_said, "The talks failed badly, Smith said on Monday.", "said",
     ("indirect", "The talks failed badly", "Smith")),
    (verbs.rule_said_colon_next_quote, "Smith said:\n\n“We are ready to talk.”", "said",
     ("direct", "We are ready to talk.", "Smith")),
    (verbs.rule_said_that, "Smith said on Monday that the talks failed.", "said",
     ("indirect", "the talks failed.", "Smith")),
    (verbs.rule_said_that, "Smith said on Friday: “We are ready to talk.”", "said",
     ("direct", "We are ready to talk.", "Smith")),
])
def test_subject_rule_adds_its_row(rule, text, cue, expected):
    claimed, rows, _ = _apply(text, rule, cue, subject=True)
    assert claimed is True
    assert rows == [expected]


def test_rule_insist_on_vetoes_the_cue():
    """"insisted on its demands" is a goal, not speech: claimed, no row, and no fallback row."""
    claimed, rows, st = _apply("Ankara insisted on its demands for the talks.", verbs.rule_insist_on, "insisted",
                               subject=True)
    assert claimed is True and rows == [] and st.vetoed
    assert find_attributions("Ankara insisted on its demands for the talks.")[0] == []


def test_rule_cognition_needs_clause():
    """"Smith believes." holds no reported thought; "Smith believes that ..." does."""
    claimed, rows, _ = _apply("Smith believes.", verbs.rule_cognition_needs_clause, "believes", subject=True)
    assert claimed is True and rows == []
    claimed, _, _ = _apply("Smith believes that it works.", verbs.rule_cognition_needs_clause, "believes", subject=True)
    assert claimed is False


def test_rule_fallback_clause():
    text = "While saying that he does respect the process, Mr. Sanders said nothing."
    claimed, rows, _ = _apply(text, rule_fallback_clause, "saying")
    assert rows == [("indirect", "he does respect the process", None)]


@pytest.mark.parametrize("text, expected", [
    ("Kasich: ‘We will win this race.’", ("direct", "We will win this race.", "Kasich")),
    ("Turkey poses a grave threat to NATO: US", ("indirect", "Turkey poses a grave threat to NATO", "US")),
])
def test_rule_colon_label(text, expected):
    doc = segment(text, None, None)
    st = State(doc, [])
    rule_colon_label(st, 0, len(text))
    assert [(r.kind, text[r.start:r.end], text[r.mention[0]:r.mention[1]]) for r in st.rows] == [expected]


@pytest.mark.parametrize("text", ["UPDATE: The talks failed on Monday.", "Photo: Smith speaks to reporters."])
def test_rule_colon_label_skips_non_speakers(text):
    st = State(segment(text, None, None), [])
    rule_colon_label(st, 0, len(text))
    assert st.rows == []


def test_rules_see_no_speech_in_a_plain_sentence():
    assert find_attributions("The talks failed on Monday after three hours.")[0] == []


@pytest.mark.parametrize("text", [
    "KEEPING SCORE: The S&P 500 index gained 18 points to 2,651 as of 10 a.m.",  # a section label
    "** WINNER: Darren Criss, The Assassination of Gianni Versace",  # a list item
    "Earlier: Audrey Parker pushed Liberals to change the law",  # an adverb, not a speaker
    "Edgar Ramirez, The Assassination of Gianni Versace: American Crime Story",  # a headline with no clause
])
def test_rule_colon_label_skips_labels_lists_and_fragments(text):
    st = State(segment(text, None, None), [])
    rule_colon_label(st, 0, len(text))
    assert st.rows == []


@pytest.mark.parametrize("text, mention", [
    ("“Work is what people of that age need most,” said lead author Dr. Ann Berg, a cardiologist in Winnipeg.",
     "author Dr. Ann Berg"),
    ("“Rates will stay put,” said senior economist Paul Tran.", "senior economist Paul Tran"),
])
def test_rules_quote_then_cue_speaker_after_modifiers(text, mention):
    df = extract_quotes(text)
    assert df["speaker_mention"].tolist() == [mention]


def test_rules_quote_then_cue_inverted_after_question_mark():
    # the sentence splitter cuts after '?”': the cue opens the next segment
    df = extract_quotes("“Do we want more cases like hers?” said Gokool. “We are failing these families.”")
    assert df["content"].tolist() == ["Do we want more cases like hers?", "We are failing these families."]
    assert df["speaker_mention"].tolist() == ["Gokool", "Gokool"]


def test_rules_according_to_inside_its_clause_takes_the_whole_sentence():
    text = "Some of those worries, according to security analysts, include the firm's ties to the state."
    df = extract_quotes(text)
    assert df["content"].tolist() == [text]
    assert df["speaker_mention"].tolist() == ["security analysts"]
    # an appositive after the speaker is no part of the content
    df = extract_quotes("The talks failed, according to Smith, a senior official.")
    assert df["content"].tolist() == ["The talks failed"]


def test_rules_content_comma_x_said_before_a_coordinated_clause():
    text = "Details of the bid began to circulate on Friday, sources said, and as staff worry about cuts."
    df = extract_quotes(text)
    assert df["content"].tolist() == ["Details of the bid began to circulate on Friday"]
    assert df["speaker_mention"].tolist() == ["sources"]


@pytest.mark.parametrize("text, mention", [
    ("Early results are “very exciting,” says Heart and Stroke senior manager Erin Kim, who leads the project.",
     "Heart and Stroke senior manager Erin Kim"),
    ("The early results are good, says Heart and Stroke manager Erin Kim.", "Heart and Stroke manager Erin Kim"),
    ("The early results are good, said Smith on Tuesday.", "Smith"),  # "on Tuesday" is no part of the speaker
])
def test_rules_inverted_speaker_over_lower_case_modifiers(text, mention):
    assert extract_quotes(text)["speaker_mention"].tolist() == [mention]


def test_rules_parenthetical_cue_gives_both_parts():
    df = extract_quotes("The pills have a narrow set of uses, he says, and are meant to be taken for days only.")
    assert df["content"].tolist() == ["The pills have a narrow set of uses", "and are meant to be taken for days only."]
    assert df["cue"].tolist() == ["says", ""]  # the second part continues the first attribution
    assert df["speaker_mention"].tolist() == ["he", "he"]


def test_rules_content_comma_x_said_then_participle_cue():
    df = extract_quotes("The talks failed, Smith said, adding that more were planned.")
    assert df[["content", "cue"]].values.tolist() == [["The talks failed", "said"], ["more were planned.", "adding"]]


def test_rules_speaker_closing_the_sentence_after_a_list():
    # "..., recipes and goal setting, says Kim.": the list before the comma is no subject with an appositive
    text = "Most of the help comes through an app which includes coaching, recipes and goal setting, says Kim."
    df = extract_quotes(text)
    assert df["speaker_mention"].tolist() == ["Kim"]
    assert df["content"].tolist() == ["Most of the help comes through an app which includes coaching, recipes and goal setting"]
    assert extract_quotes("Smith, a senior official, said Tuesday.").empty  # a weekday is no speaker
