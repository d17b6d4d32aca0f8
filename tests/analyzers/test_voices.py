"""Tests for framing.analyzers.voices (quoted voices)."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actors import Actor, load_actors
from framing.analyzers.voices import (
    QUOTE_COLUMNS,
    affiliation_shares,
    extract_quotes,
    reporting_verbs,
    voice_counts,
    voice_summary,
    voices,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
POLNEAR = ROOT / ".." / "shared" / "eval" / "polnear-train"


def _one(text: str, **kw) -> pd.Series:
    df = extract_quotes(text, **kw)
    assert len(df) >= 1, f"no quote found in {text!r}"
    return df.iloc[0]


# ---------------------------------------------------------------- kinds ----
@pytest.mark.parametrize(
    "text, kind, content_starts, speaker, cue",
    [
        # direct, attribution after the quote
        ('"The systems have to be able to work together," Stoltenberg told host Vassy Kapelos.',
         "direct", "The systems have to", "Stoltenberg", "told"),
        # direct, inverted attribution
        ('"We\'re concerned by the potential consequences," said Sajjan\'s press secretary Todd Lane.',
         "direct", "We're concerned", "Todd Lane", "said"),
        # direct, colon-introduced
        ("US Department of Defence spokesman John Kirby, in an interaction with the media, said on Friday: "
         "“We urge Turkey not to retain the S-400 system.”", "direct", "We urge Turkey", "John Kirby", "said"),
        # direct, closing mark glued to the verb
        ("“I call on Turkey to work with other allies to find alternative solutions, ”added Jens Stoltenberg.",
         "direct", "I call on Turkey", "Jens Stoltenberg", "added"),
        # indirect, said that
        ("Stoltenberg said that NATO and the U.S. are working to find a solution.",
         "indirect", "NATO and the U.S. are working", "Stoltenberg", "said"),
        # indirect, content before the cue
        ("Interoperability with NATO allies lies at the heart of the problem, said Stoltenberg.",
         "indirect", "Interoperability with NATO allies", "Stoltenberg", "said"),
        # indirect, directive with an object
        ("NATO Secretary General Jens Stoltenberg urged Turkey to look for an alternative to the S-400.",
         "indirect", "Turkey to look for", "Jens Stoltenberg", "urged"),
        # indirect, according to with an appositive
        ("According to Sergei Balmasov, an expert at the Institute of the Middle East, it is almost "
         "impossible to find a worthy replacement.", "indirect", "it is almost impossible", "Sergei Balmasov",
         "According to"),
        # indirect, accusation
        ("Ankara accuses Gulen, a former ally of Erdogan, of masterminding the July 2016 coup attempt.",
         "indirect", "Gulen, a former ally", "Turkish government", "accuses"),
        # mixed: indirect syntax with a quoted fragment
        ('Isik said that negotiations between the two governments are "on the point of a successful conclusion."',
         "mixed", "negotiations between", "Isik", "said"),
    ],
)
def test_voices_kinds_and_cues(text, kind, content_starts, speaker, cue):
    row = _one(text, convention="attribution")  # "accuses X of" is an attribution, not reported speech
    assert row["kind"] == kind
    assert row["content"].startswith(content_starts)
    assert row["speaker"] == speaker
    assert row["cue"] == cue
    assert text[row["start"]:row["end"]] == row["content"]
    assert text[row["cue_start"]:row["cue_end"]] == row["cue"]


def test_voices_multi_paragraph_quote_is_one_row():
    text = ("“We are concerned about the consequences of the purchase.\n\n"
            "This system could pose a threat to Allied air assets, \"Stoltenberg said.")
    df = extract_quotes(text)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["kind"] == "direct" and row["speaker"] == "Stoltenberg"
    assert row["content"].startswith("We are concerned") and row["content"].endswith("air assets,")


def test_voices_interrupted_quote_gives_one_row_per_quotation_with_one_speaker():
    text = ('"The S400 system is a direct affront to NATO," said Majumdar. '
            '"NATO cannot afford to risk the technological advances of the F-35."')
    df = extract_quotes(text)
    assert df["content"].tolist() == ["The S400 system is a direct affront to NATO,",
                                      "NATO cannot afford to risk the technological advances of the F-35."]
    assert df["speaker"].tolist() == ["Majumdar", "Majumdar"] and df["cue"].tolist() == ["said", ""]


def test_voices_participial_clause_is_its_own_row_with_the_same_speaker():
    text = ("“Turkey does what is necessary for its own interests,” Oktay insisted, "
            "adding that Ankara will not renege on its agreement with Russia.")
    df = extract_quotes(text)
    assert df["cue"].tolist() == ["insisted", "adding"]
    assert df["speaker"].tolist() == ["Oktay", "Oktay"]
    assert df["verb_class"].tolist() == ["loaded", "neutral"]


def test_voices_passive_attribution_takes_the_previous_sentence():
    text = ("In August 2020, the contract was signed.\n\n"
            "This was stated by the general director of Rosoboronexport Alexander Mikheev.")
    row = _one(text)
    assert row["content"] == "In August 2020, the contract was signed."
    assert row["speaker"].endswith("Mikheev")


def test_voices_negated_speech_is_not_an_attribution():
    df = extract_quotes("He stopped short of saying Putin was driving a wedge between allies.")
    assert df.empty


# ------------------------------------------------------------- speakers ---
@pytest.mark.parametrize(
    "text, speaker, mention, anonymous",
    [
        ("John Kirby said on Friday: “We urge Turkey not to retain the S-400 system.”\n\n"
         "“Turkey is a valued NATO ally,” he said.", "John Kirby", "he", False),
        ("Turkish Foreign Minister Mevlut Cavusoglu said the talks went well. "
         "The minister explained that Western governments are refusing to supply air defense systems.",
         "Mevlut Cavusoglu", "The minister", False),
        ("Earlier, Moscow said it will install the system in October.", "Russian government", "Moscow", False),
        ("Washington is concerned the S-400 missile could compromise the F-35 jets.", "US government",
         "Washington", False),
        ("Unidentified senior US officials, who spoke to journalists on Thursday, said the purchase was a threat.",
         "US officials", "Unidentified senior US officials", True),
        ("Turkey is a NATO member state, and the United States is trying to use this fact, experts remind.",
         "experts", "experts", True),
    ],
)
def test_voices_speaker_resolution(text, speaker, mention, anonymous):
    df = extract_quotes(text, convention="attribution")  # "is concerned" is an attribution, not speech
    row = df.iloc[-1]
    assert row["speaker"] == speaker
    assert row["speaker_mention"] == mention
    assert bool(row["anonymous"]) is anonymous
    assert text[row["speaker_start"]:row["speaker_end"]] == mention


def test_voices_description_goes_to_most_recent_compatible_expert():
    text = ("According to Sergei Balmasov, an expert at the Institute of the Middle East, it is hard to replace.\n\n"
            "A similar point of view is shared by Sergei Ermakov, head of a sector of the Center for Defense Research.\n\n"
            "“It is clear that both the USA and Europe have their own systems,” the expert said.")
    df = extract_quotes(text)
    assert df.iloc[-1]["speaker"] == "Sergei Ermakov"
    assert df.iloc[-1]["affiliation"] == "expert or analyst"


def test_voices_affiliation_and_country_from_title_words():
    row = _one("Turkish Vice President Fuat Oktay said that Ankara will not stop the purchase.")
    assert (row["speaker"], row["affiliation"], row["country"]) == ("Fuat Oktay", "Turkish government", "TR")


def test_voices_actors_give_canonical_names():
    actors = (Actor("Jens Stoltenberg", ("Stoltenberg", "NATO chief"), "NATO", "NATO", "NATO Secretary General"),)
    row = _one("Turkey's purchase is a 'serious and difficult' issue for alliance, says NATO chief", actors=actors)
    assert row["kind"] == "mixed"
    assert (row["speaker"], row["affiliation"]) == ("Jens Stoltenberg", "NATO")


# ----------------------------------------------------------- structure ----
def test_voices_columns_and_empty_input():
    for text in ("", "   \n\n ", "No one speaks here."):
        df = extract_quotes(text)
        assert list(df.columns) == list(QUOTE_COLUMNS)
        assert df.empty


def test_voices_deterministic():
    text = (ROOT / "seeds" / "001_b844b83d6f81ed74.txt").read_text(encoding="utf-8")
    pd.testing.assert_frame_equal(extract_quotes(text), extract_quotes(text))


@dataclass
class _Article:
    id: str
    outlet: str
    text: str
    paragraphs: tuple = ()
    sentences: tuple = ()


@dataclass
class _Corpus:
    articles: tuple
    actors: tuple = field(default_factory=tuple)


def _corpus(records):
    try:
        from framing.corpus import Corpus  # type: ignore[attr-defined]
    except ImportError:
        return _Corpus(tuple(_Article(r["id"], r["outlet"], r["text"]) for r in records))
    return Corpus.from_records(records)


def test_voices_corpus_table_and_summaries():
    corpus = _corpus([
        {"id": "a1", "outlet": "cbc", "title": "t", "text": "“We are concerned,” Stoltenberg said. US officials claimed the deal was a threat."},
        {"id": "a2", "outlet": "rt", "title": "t", "text": "Experts insisted that the system works well."},
    ])
    vt = voices(corpus)
    assert list(vt.columns[:2]) == ["article_id", "outlet"]
    assert list(vt.columns[2:]) == list(QUOTE_COLUMNS)
    assert vt["article_id"].tolist() == ["a1", "a1", "a2"]
    summ = voice_summary(vt).set_index("outlet")
    assert summ.loc["cbc", "n_quotes"] == 2 and summ.loc["cbc", "n_direct"] == 1
    assert summ.loc["cbc", "share_loaded_verbs"] == pytest.approx(0.5)
    assert summ.loc["rt", "share_anonymous"] == pytest.approx(1.0)
    aff = affiliation_shares(vt)
    assert list(aff.columns) == ["outlet", "affiliation", "n", "share"]
    assert aff.groupby("outlet")["share"].sum().round(6).eq(1.0).all()
    empty = voices(_corpus([]))
    assert empty.empty and list(empty.columns[2:]) == list(QUOTE_COLUMNS)
    assert voice_summary(empty).empty and affiliation_shares(empty).empty


def test_voices_reporting_verbs_have_stance_classes():
    rv = reporting_verbs()
    assert set(rv["stance"]) <= {"neutral", "loaded"}
    loaded = set(rv.loc[rv["stance"] == "loaded", "cue"])
    assert {"claimed", "insisted", "admitted", "alleged", "conceded", "boasted"} <= loaded
    assert "said" in set(rv.loc[rv["stance"] == "neutral", "cue"])
    assert rv["source"].str.len().gt(0).all()


# ------------------------------------------------------------------ gold ----
def _gold_module():
    spec = importlib.util.spec_from_file_location("quotes_gold", ROOT / "benchmarks" / "quotes_gold.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def test_voices_seed_gold_targets():
    gold = _gold_module()
    actors = load_actors(ROOT / "corpora" / "s400" / "actors.yaml")
    res = gold.score(DATA / "s400_quotes.csv", ROOT / "seeds", actors)
    assert res["precision"] >= 0.90, res
    assert res["recall"] >= 0.90, res
    assert res["speaker_accuracy"] >= 0.90, res


def test_voices_seed_gold_without_actors():
    gold = _gold_module()
    res = gold.score(DATA / "s400_quotes.csv", ROOT / "seeds", None)
    assert res["precision"] >= 0.90 and res["recall"] >= 0.90, res
    assert res["speaker_accuracy"] >= 0.85, res


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR.exists(), reason="PolNeAR eval data not available")
def test_voices_polnear_sample_runs_with_valid_offsets():
    texts = sorted((POLNEAR / "train" / "text").glob("*.txt"))[:20]
    for p in texts:
        text = p.read_text(encoding="utf-8")
        df = extract_quotes(text)
        for row in df.itertuples(index=False):
            assert text[row.start:row.end] == row.content


# ------------------------------------------------------------ properties ---
_ALPHABET = st.sampled_from(list("abc XYZ.,;:!?\n\"'“”‘’«»()-") + ["said", " he said", "according to ", "told", "Kirby ",
                                                                  "\n\n", "“", "”", ", adding that ", "U.S. "])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_ALPHABET, max_size=80).map("".join)))
def test_voices_any_text_gives_a_table_with_valid_offsets(text):
    df = extract_quotes(text)
    assert list(df.columns) == list(QUOTE_COLUMNS)
    for row in df.itertuples(index=False):
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start:row.end] == row.content
        if not pd.isna(row.speaker_start):
            assert text[row.speaker_start:row.speaker_end] == row.speaker_mention
        if not pd.isna(row.cue_start):
            assert text[row.cue_start:row.cue_end] == row.cue
        assert row.kind in {"direct", "indirect", "mixed"}


def test_voices_long_text_without_newline_is_linear():
    import time

    unit = "Turkish officials have said that they would not give in, insisting that it goes ahead. “Yes,” he said. "
    small = unit * 200
    big = unit * 2000
    extract_quotes(small)  # warm the caches outside the timings
    t_small, t_big = [], []
    for _ in range(3):  # interleaved, best of three: robust to a loaded machine
        t0 = time.perf_counter()
        extract_quotes(small)
        t_small.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        df = extract_quotes(big)
        t_big.append(time.perf_counter() - t0)
    assert len(df) > 0
    # 10x the text: linear growth is ~10x, quadratic 100x; allow 40x for noise
    assert min(t_big) < max(min(t_small), 0.005) * 10 * 4


# ------------------------------------------------ second-pass rules ----
@pytest.mark.parametrize(
    "text, content_starts, mention, cue",
    [
        # ASCII double marks ('' ... '') as written by newswire archives
        ("''We are in the people-pleasing business,'' Mr. Brown said on Sunday.",
         "We are in the people-pleasing", "Mr. Brown", "said"),
        # a title abbreviation belongs to the name between quote and verb
        ('"We will not back down," Mr. Sanders said.', "We will not back down", "Mr. Sanders", "said"),
        # a common-noun subject opening its clause
        ("In all, hackers compromised 12 workstations, the congressional report said.",
         "In all, hackers compromised 12", "the congressional report", "said"),
        ("While some friends worry about him, others say he has never been healthier.",
         "he has never been healthier", "others", "say"),
        # a noun phrase with "of" in front of the verb
        ("Even the organizer of a pro-Trump rally said the city's rules increased the chance of violence.",
         "the city's rules", "the organizer of a pro-Trump rally", "said"),
        # "according to" with a phrase that is not a name
        ("Mrs. Clinton leads Mr. Trump by three points, according to exit polls.",
         "Mrs. Clinton leads", "exit polls", "according to"),
        # the antecedent of a relative "who"
        ("Revenues rose, said Mr. Ekovich, who noted that golf courses had lost half their value.",
         "golf courses had lost", "Mr. Ekovich", "noted"),
        # a parenthesis and a time adverbial between subject and verb
        ("Senator Dianne Feinstein (D-Calif.) last week said Clinton was not the originator of the chains.",
         "Clinton was not the originator", "Senator Dianne Feinstein", "said"),
        # coordination with "but"
        ("Wealth-X keeps its own finances a secret but says its business has tripled over three years.",
         "its business has tripled", "Wealth-X", "says"),
        # a participle after a comma takes the subject of the sentence
        ("Kasich is trumpeting a positive message on the trail, refusing to attack his rivals.",
         "to attack his rivals", "Kasich", "refusing"),
        # "said the <description>" after a direct quote
        ('"Donald is, and always has been, an amazing leader," said the 46-year-old.',
         "Donald is, and always", "the 46-year-old", "said"),
        # attitude verbs from the second-pass list
        ("Hillary Clinton defended her record as secretary of state on Tuesday.",
         "her record as secretary", "Hillary Clinton", "defended"),
        ("Mr. Putin seemed most concerned with the economy.", "most concerned", "Mr. Putin", "seemed"),
        ("Ms. Conway was referring to herself and Mr. Bannon.", "herself and Mr. Bannon", "Ms. Conway", "referring to"),
    ],
)
def test_voices_second_pass_rules(text, content_starts, mention, cue):
    df = extract_quotes(text, convention="attribution")  # attitude verbs: PolNeAR's convention
    hits = df[df["content"].str.startswith(content_starts)]
    assert len(hits) == 1, df[["content", "speaker_mention", "cue"]].to_string()
    row = hits.iloc[0]
    assert row["speaker_mention"] == mention
    assert row["cue"] == cue
    assert text[row["start"]:row["end"]] == row["content"]
    assert text[row["speaker_start"]:row["speaker_end"]] == mention


@pytest.mark.parametrize(
    "text",
    [
        # "that" inside the content is not the complementizer of the cue
        "Shane Shook said he did not see convincing evidence that the Chinese government was behind the hack.",
    ],
)
def test_voices_content_keeps_words_before_a_later_that(text):
    row = _one(text)
    assert row["content"].startswith("he did not see")


def test_voices_line_break_after_abbreviation_ends_the_sentence():
    text = ("Cruz pivoted to arguing that the epidemic was a reason to secure the border with the U.S.\n"
            "Chris Christie added that he would approve cross-border enforcement.")
    df = extract_quotes(text)
    christie = df[df["cue"] == "added"]
    assert len(christie) == 1
    assert christie.iloc[0]["content"].startswith("he would approve")
    arguing = df[df["cue"] == "arguing"].iloc[0]
    assert "Christie" not in arguing["content"]




# ------------------------------------------------------- third-pass rules ----
@pytest.mark.parametrize(
    "text, content_starts, mention, cue",
    [
        # title abbreviation before the name in an inverted attribution
        ('"She knows what it takes to defeat a bully," said Ms. Warren, who has often been attacked.',
         "She knows what it takes", "Ms. Warren", "said"),
        # appositive holding an abbreviation dot ("Mr.")
        ("Nina Turner, a prominent surrogate for Mr. Sanders, said that she had seen several emails.",
         "she had seen several emails", "Nina Turner", "said"),
        # a quote split from its attribution by the sentence splitter ("...?” He said.")
        ("\u201cWhat did he mean by that?\u201d Mr. Biden said, clutching the lectern with two hands.",
         "What did he mean by that?", "Mr. Biden", "said"),
        # a participle after a reporting verb with a noun object ("Trump's call for" is no cue)
        ("The candidate blasted Trump's call for a \"deportation force\" on Wednesday, calling it \"absurd.\"",
         'it "absurd."', "The candidate", "calling"),
        # speaker label opening a paragraph (transcripts, headlines)
        ("Kasich: \u2018We Are Going To Go All The Way To Cleveland.\u2019\n\nThe governor spoke on Tuesday.",
         "We Are Going To Go All The Way", "Kasich", ":"),
        # headline "CONTENT: SPEAKER"
        ("Turkey's purchase of Russian missile poses threat to NATO: US\n\nOfficials spoke on Thursday.",
         "Turkey's purchase of Russian missile", "US", ":"),
        # a time adverbial right after the cue is not content
        ("Rep. Tom Cole, an ally of GOP leadership, said Thursday his biggest worry is that he is unpredictable.",
         "his biggest worry is", "Rep. Tom Cole", "said"),
    ],
)
def test_voices_third_pass_rules(text, content_starts, mention, cue):
    df = extract_quotes(text)
    hits = df[df["content"].str.startswith(content_starts)]
    assert len(hits) == 1, df[["content", "speaker_mention", "cue"]].to_string()
    row = hits.iloc[0]
    assert row["speaker_mention"] == mention and row["cue"] == cue
    assert text[row["start"]:row["end"]] == row["content"]


@pytest.mark.parametrize(
    "text",
    [
        "Related: Turkey buys missiles from Russia.\n\nMore text follows here.",
        "WASHINGTON: The talks ended without a deal on Friday.",
        "9:15 a.m. The polls opened across the state.",
    ],
)
def test_voices_labels_that_are_not_speakers_give_no_row(text):
    assert (extract_quotes(text)["cue"] != ":").all()


def test_voices_mutual_attributions_keep_the_later_cue():
    text = ("Some 55 percent of voters said they distrust Mrs. Clinton on the economy, "
            "according to a Quinnipiac poll conducted in February.")
    df = extract_quotes(text)
    assert df["cue"].tolist() == ["according to"], df[["content", "cue"]].to_string()
    assert df.loc[0, "content"].startswith("Some 55 percent of voters said")


def test_voices_cue_without_a_specific_rule_gives_its_clause():
    # the clause has no speaker of its own: a row under the attribution convention only
    df = extract_quotes("Mr. Sanders showed no sign of backing down. While saying that he does respect "
                        "Mrs. Clinton, he continued to attack her record.", convention="attribution")
    assert "he does respect Mrs. Clinton" in df["content"].tolist(), df[["content", "cue"]].to_string()


@pytest.mark.parametrize(
    "text",
    [
        "Revenues rose, said Mr. Ekovich, who noted that golf courses had lost value.",
        "The coup failed thanks to mass popular opposition, and the army withdrew.",
        "The leadership of the alliance continues to insist on its demands.",
    ],
)
def test_voices_no_fallback_row_for_speakers_or_prepositions(text):
    df = extract_quotes(text)
    assert not df["content"].str.startswith(("Mr. Ekovich", "to mass", "on its demands")).any(), df.to_string()




















def test_voices_story_actors_resolve_governments_but_not_their_media():
    actors = load_actors(ROOT / "corpora" / "s400" / "actors.yaml")
    names = {a.name for a in actors}
    assert {"NATO", "US government", "Turkish government", "Russian government", "Canadian government",
            "European Union"} <= names
    df = extract_quotes("Ankara said the deal was final. The US media reported that the deal was final.", actors)
    assert df["speaker"].tolist()[0] == "Turkish government"
    assert df["speaker"].tolist()[1] != "US government"


def test_voices_corpus_uses_article_sentences_and_one_table():
    corpus = _corpus([
        {"id": f"a{i}", "outlet": o, "title": "t", "text": "Kirby said the talks would continue. “No,” Lane said."}
        for i, o in enumerate(["cbc", "rt", "cbc"])
    ])
    vt = voices(corpus)
    assert vt["article_id"].tolist() == ["a0", "a0", "a1", "a1", "a2", "a2"]
    by_id = {a.id: a.text for a in corpus.articles}
    assert all(by_id[r.article_id][r.start:r.end] == r.content for r in vt.itertuples())


def _plain_voice_counts(table: pd.DataFrame) -> dict:
    """The group-by-group reference for :func:`voice_counts`."""
    out = {}
    for outlet, g in table.groupby("outlet", sort=False):
        kinds = g["kind"].value_counts()
        out[outlet] = {"n_quotes": len(g), "n_direct": int(kinds.get("direct", 0)),
                       "n_indirect": int(kinds.get("indirect", 0)), "n_mixed": int(kinds.get("mixed", 0)),
                       "n_anonymous": int(g["anonymous"].astype(bool).sum()),
                       "n_loaded": int((g["verb_class"] == "loaded").sum()),
                       "speakers": set(g.loc[g["speaker"] != "", "speaker"])}
    return out


def _plain_affiliation_shares(table: pd.DataFrame) -> pd.DataFrame:
    """The group-by-group reference for :func:`affiliation_shares`."""
    out = []
    for outlet, g in table.groupby("outlet", sort=False):
        counts = g["affiliation"].fillna("unknown").value_counts()
        for aff, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append({"outlet": outlet, "affiliation": aff, "n": int(n), "share": n / len(g)})
    return pd.DataFrame(out, columns=["outlet", "affiliation", "n", "share"])


def test_voices_outlet_counts_match_the_group_by_group_reference():
    texts = {
        "rt": "“We are ready,” Smith said. Officials said the talks failed. Jones claimed the vote was rigged.",
        "cbc": "The minister said the plan works. “No,” said Ms. Lee. An expert told reporters it was late.",
        "bbc": "Analysts warned that prices will rise. “Enough,” the president said.",
    }
    from framing.corpus import Corpus

    c = Corpus.from_records([{"id": f"{o}{i}", "outlet": o, "text": t}
                             for i in range(2) for o, t in texts.items()])
    table = voices(c)
    table.loc[table.index[:2], "affiliation"] = None  # missing affiliations count as "unknown"
    assert voice_counts(table) == _plain_voice_counts(table)
    pd.testing.assert_frame_equal(affiliation_shares(table), _plain_affiliation_shares(table))
