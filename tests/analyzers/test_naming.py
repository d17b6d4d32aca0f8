"""Naming: what each outlet calls each actor."""
from __future__ import annotations

import pytest

import framing
from framing.analyzers.naming import NAMING_COLUMNS, naming, naming_summary


@pytest.fixture(scope="module")
def table(s400):
    return naming(s400)


def test_naming_offsets_and_columns(s400, table):
    assert list(table.columns) == NAMING_COLUMNS
    arts = {a.id: a for a in s400}
    for r in table.itertuples():
        assert " ".join(arts[r.article_id].text[r.start:r.end].split()) == r.name


def test_naming_s400_acceptance(table):
    s = naming_summary(table)
    reach = s.groupby("actor")["outlet"].nunique()
    assert (reach >= 4).sum() >= 3
    assert list(s.columns) == ["actor", "outlet", "name", "count", "loaded"]


@pytest.mark.parametrize("text, actor, name", [
    ("Ties between Turkey and US-led NATO forces deteriorated.", "NATO", "US-led NATO forces"),
    ("He met the Erdogan regime in May.", "Recep Tayyip Erdogan", "the Erdogan regime"),
    ("NATO Secretary General Jens Stoltenberg spoke.", "Jens Stoltenberg", "NATO Secretary General Jens Stoltenberg"),
    ("US Secretary of State Antony Blinken spoke.", "Antony Blinken", "US Secretary of State Antony Blinken"),
    ("Power & Politics.\n\nAnkara said no.", "Turkish government", "Ankara"),
    ("After Ankara said no, talks ended.", "Turkish government", "Ankara"),
])
def test_naming_forms(s400, text, actor, name):
    c = framing.Corpus.from_records([{"id": "x", "outlet": "rt", "text": text}], actors=s400.actors)
    t = naming(c)
    assert name in t.loc[t["actor"] == actor, "name"].tolist()


def test_naming_loaded_form(s400, table):
    row = table[table["name"] == "US-led NATO forces"]
    assert len(row) == 1 and bool(row["loaded"].iloc[0]) and row["loaded_term"].iloc[0] == "US-led"


def test_naming_without_actors_uses_frequent_names():
    recs = [{"id": "a", "outlet": "rt", "text": "Erdogan spoke. Erdogan left. President Erdogan returned."},
            {"id": "b", "outlet": "cbc", "text": "Erdogan said no."}]
    t = naming(framing.Corpus.from_records(recs))
    assert set(t["actor"]) == {"Erdogan"} and "President Erdogan" in set(t["name"])


def test_naming_empty():
    t = naming(framing.Corpus(articles=()))
    assert list(t.columns) == NAMING_COLUMNS and t.empty and naming_summary(t).empty
