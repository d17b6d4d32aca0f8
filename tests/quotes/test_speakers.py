"""Speakers you can trust (issue 20): one test per named rule of framing/quotes/names.py, resolve.py, table.py."""
from __future__ import annotations

import pytest

from framing import Corpus, extract_quotes, voices
from framing.quotes.names import apposition_affiliation, same_person, scan_names, story_names, strip_party_tag
from framing.quotes.resolve import text_names
from framing.quotes.table import speaker_slot, subject_mention


def speakers(text: str) -> list[str]:
    return extract_quotes(text)["speaker"].tolist()


def test_speakers_same_surname_people_kept_apart():
    text = ('Mary Cheney said the campaign was "a disgrace." Liz Cheney said she disagreed with her sister. '
            '"We are proud of her," Liz Cheney said.')
    sp = speakers(text)
    assert "Mary Cheney" in sp and "Liz Cheney" in sp
    assert sp[0] == "Mary Cheney" and sp[-1] == "Liz Cheney"


def test_speakers_bare_surname_takes_the_full_name_of_the_text():
    text = 'President Donald Trump arrived on Monday.\n\n"We will build the wall," Trump said.'
    assert speakers(text) == ["Donald Trump"]


def test_speakers_bare_surname_of_two_people_takes_the_one_quoted_last():
    text = ('Donald Trump spoke in Ohio. Donald Trump said "the polls are fake." Melania Trump appeared '
            'in an ad. "It is a disgrace," Trump said.')
    assert speakers(text)[-1] == "Donald Trump"


@pytest.mark.parametrize("mention", ["Mr. Trump", "President Trump", "Gov. Trump"])
def test_speakers_titles_and_honorifics_are_not_names(mention):
    text = f'Donald Trump spoke on Monday. "We will win," {mention} said.'
    assert speakers(text) == ["Donald Trump"]


def test_speakers_abbreviated_title_left_out_of_a_full_name():
    assert speakers('"The budget is balanced," said Gov. Chris Christie.') == ["Chris Christie"]


def test_speakers_party_tag_mention_moves_to_the_name():
    df = extract_quotes('Sen. Mike Lee, R-Utah, said the bill "goes too far."')
    assert df["speaker"].tolist() == ["Mike Lee"]
    assert df.loc[0, "affiliation"] == "US Congress, Republican"


def test_speakers_party_tag_is_stripped_with_its_state():
    assert strip_party_tag("Rep. Nancy Pelosi (D-Calif.)") == ("Rep. Nancy Pelosi", "Democrat", "California")
    assert strip_party_tag("Sen. Chuck Schumer, D-N.Y.")[1:] == ("Democrat", "New York")
    assert strip_party_tag("Roger Ailes") == ("Roger Ailes", "", "")


def test_speakers_place_after_a_name_is_not_the_speaker():
    text = 'Representative Mike Thompson of California said the vote "was rushed."'
    assert speakers(text) == ["Mike Thompson"]
    text = '"We had no choice," Senator Bob Corker of Tennessee said.'
    assert speakers(text) == ["Bob Corker"]


def test_speakers_the_x_is_an_outlet_not_a_person():
    df = extract_quotes('The senator called it "a stunning record of secrecy," according to The Hill.')
    assert df.loc[0, "speaker"] == "The Hill"


def test_speakers_wire_agency_speaks_as_news_media():
    df = extract_quotes("Reuters reported that the talks had stalled.")
    assert df.loc[0, "speaker"] == "Reuters" and df.loc[0, "affiliation"] == "news media"


def test_speakers_description_goes_to_the_titled_name():
    text = ('FBI official Peter Strzok said he was "deeply saddened." President Trump has attacked him for '
            'months.\n\nThe president tweeted: "It is a total Hoax."')
    df = extract_quotes(text)
    assert df["speaker"].tolist()[-1] == "Trump"
    assert df["speaker"].tolist()[0] == "Peter Strzok"


def test_speakers_affiliation_from_apposition():
    df = extract_quotes('John Kirby, a spokesman for the State Department, said the talks "went well."')
    assert df.loc[0, "speaker"] == "John Kirby"
    assert df.loc[0, "affiliation"] == "State Department"


def test_speakers_affiliation_from_actors_first():
    from framing.actors import Actor

    df = extract_quotes('John Kirby said the talks "went well."', actors=[Actor("John Kirby", affiliation="Pentagon")])
    assert df.loc[0, "affiliation"] == "Pentagon"


def test_speakers_sentence_subject_speaks_for_a_participle():
    text = ('Rick Santorum campaigned in Ohio.\n\nAsked whether he meant it, Mr. Santorum did not back down, '
            'saying, "I think the president has a very bad record."')
    assert speakers(text)[-1] == "Rick Santorum"


def test_speakers_subject_mention_takes_the_last_known_name_before_the_content():
    t = "After reporter Michael Scotto finished, Grimm stormed back and said, no."
    assert subject_mention(t, 0, 62, {"scotto", "grimm"}) == (40, 45)
    assert subject_mention(t, 0, 62, set()) is None


def test_speakers_pronoun_gender_from_honorifics():
    text = ('Ms. Rice spoke after Mr. Netanyahu. "I will not ascribe motives," Mr. Netanyahu said. '
            '"We want the relationship to be strong," she told Mr. Rose.')
    assert speakers(text)[-1] == "Rice"


def test_speakers_pronoun_before_any_speaker_takes_the_last_named_person():
    text = 'Gov. Paul LePage apologized on Tuesday.\n\n"I am not an alcoholic," he said.'
    assert speakers(text) == ["Paul LePage"]


def test_speakers_speaker_slot_reads_tags_and_appositions():
    assert speaker_slot("Sen. Mike Lee, R-Utah, said no.", 15, 21, "") == (0, 13, "R-Utah")
    t = "Tom Price, a spokesman for the State Department, said no."
    assert speaker_slot(t, 0, 9, "") == (0, 9, "a spokesman for the State Department")


def test_speakers_same_person_rule():
    assert same_person("Donald J. Trump", "Donald Trump")
    assert same_person("Hillary Rodham Clinton", "Hillary Clinton")
    assert not same_person("Liz Cheney", "Mary Cheney")
    assert not same_person("Bill Clinton", "Hillary Clinton")


def test_speakers_scan_names_skips_sentence_openers_and_places():
    names = [n.name for n in text_names("Despite Trump saying so, Senate Majority Leader Mitch McConnell met "
                                        "Gov. Rick Perry of Texas in New York.")]
    assert names == ["Mitch McConnell", "Rick Perry"]
    assert scan_names("no names here", lambda w: "name") == []


def test_speakers_apposition_affiliation():
    assert apposition_affiliation("a professor at Georgetown University") == "Georgetown University"
    assert apposition_affiliation("who was there") == ""


def test_speakers_story_names_one_form_per_person():
    got = story_names({"s": {"Donald Trump": 3, "Donald J. Trump": 1, "Melania Trump": 1}})
    assert got == {"s": {"trump": ("Donald Trump", "Melania Trump")}}


def test_speakers_unified_across_the_articles_of_a_story():
    recs = [
        {"id": "a", "outlet": "cbc", "story": "wall", "text": 'Donald J. Trump said the wall "will be built."'},
        {"id": "b", "outlet": "cbc", "story": "wall",
         "text": 'Donald Trump spoke. Donald Trump met aides. President Donald Trump said "it is a crisis."'},
        {"id": "c", "outlet": "cbc", "story": "wall", "text": 'President Trump said the wall "is needed."'},
        {"id": "d", "outlet": "cbc", "story": "other", "text": 'Ivanka Trump arrived.\n\n"Thanks," Trump said.'},
    ]
    corpus = Corpus.from_records(recs)
    v = voices(corpus)
    got = dict(zip(v["article_id"], v["speaker"]))
    assert got == {"a": "Donald Trump", "b": "Donald Trump", "c": "Donald Trump", "d": "Ivanka Trump"}


def test_speakers_states_speak_as_state_governments_not_people():
    df = extract_quotes("Nebraska and Oklahoma said the policy hurt their states.")
    assert df.loc[0, "speaker"] == "Nebraska and Oklahoma"
    assert df.loc[0, "affiliation"] == "US state government"


def test_speakers_county_after_a_name_is_not_the_speaker():
    text = '"We see more arrests," said Sheriff Adam Hayward of Deuel County.'
    assert speakers(text) == ["Adam Hayward"]


def test_speakers_document_speaks_for_itself():
    text = 'Gov. Rick Perry spoke on Monday.\n\nThe lawsuit says the law "is unconstitutional."'
    assert speakers(text)[-1] == "lawsuit"


def test_speakers_the_president_is_not_the_vice_president():
    text = ('Vice President Mike Pence said the plan was fair. President Donald Trump spoke first.\n\n'
            'The president said the wall "will be built."')
    assert speakers(text)[-1] == "Donald Trump"


def test_speakers_participle_after_a_name_is_not_an_apposition():
    df = extract_quotes('Mr. Pence, briefing reporters, said the speech "reflected a long process."')
    assert df.loc[0, "affiliation"] != "news media"


def test_speakers_wire_agency_and_the_person_each_keep_their_row():
    t = '"I am not in this business to be prom king," Christie said in 2014, according to the AP.'
    assert extract_quotes(t)["speaker"].tolist() == ["Associated Press", "Christie"]


def test_speakers_someones_spokesman_is_not_that_someone():
    t = ('House Speaker Nancy Pelosi spoke on Monday.\n\nMs. Pelosi’s spokesman, Drew Hammill, said the vote '
         '"will happen."\n\nMs. Pelosi’s spokesman said she was "confident."')
    df = extract_quotes(t)
    assert df["speaker"].tolist() == ["Drew Hammill", "Nancy Pelosi's spokesman"]
    assert df["affiliation"].tolist() == ["Nancy Pelosi", "Nancy Pelosi"]
    assert df["anonymous"].tolist() == [False, True]


def test_speakers_owners_own_words_are_the_owners():
    t = 'President Donald Trump spoke.\n\nTrump’s account posted that the report was "a total hoax."'
    assert speakers(t) == ["Donald Trump"]
