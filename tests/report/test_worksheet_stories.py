"""Worksheets on a corpus of several stories: one story's excerpts and tasks, and task 4's actor in every
excerpt shown (issue 20: "how each source names Trump" over excerpts of a 2010 story without him)."""
from __future__ import annotations

import pytest

import framing
from framing.errors import FramingError
from framing.report import worksheet
from framing.report.pdf import pdf_text
from tests.analyzers.test_stories import split_seeds

ACTORS = [{"name": "Donald Trump", "aliases": ["Trump"], "affiliation": "US government"},
          {"name": "Michael Steele", "aliases": ["Steele"], "affiliation": "Republican Party"},
          {"name": "Jim DeMint", "aliases": ["DeMint"], "affiliation": "US Congress"}]

# 2011: every outlet names Trump again and again; 2010: Steele is named by every outlet, Trump never
TRUMP = ("Trump said he would run. Trump told reporters the polls favoured him. Critics said Trump was "
         "wrong about the birth certificate. Trump laughed it off. Trump again said he would decide soon.")
STEELE = {"x": "Steele apologised for his remarks on Afghanistan. Senators said Steele had gone too far. "
               "The party chairman said he supported the troops.",
          "y": "Republican leaders criticised Steele on Sunday. DeMint said Steele must apologise. "
               "The chairman kept his post."}
NOBODY = {"x": "Rain fell on the city all day. Officials said the roads were flooded.",
          "y": "The storm closed schools. Residents said the water rose fast."}


def _corpus(second: dict[str, str]) -> framing.Corpus:
    recs = [{"id": f"{k}-2011", "outlet": k, "story": "trump-2011", "date": "2011-04-07",
             "text": TRUMP + f" Outlet {k} reported it."} for k in ("x", "y")]
    recs += [{"id": f"{k}-2010", "outlet": k, "story": "other-2010", "date": "2010-07-04", "text": t}
             for k, t in second.items()]
    recs.append({"id": "x-2011b", "outlet": "x", "story": "trump-2011", "date": "2011-04-08", "text": TRUMP})
    reg = framing.OutletRegistry((framing.Outlet("x", "Outlet X"), framing.Outlet("y", "Outlet Y")))
    return framing.Corpus.from_records(recs, registry=reg, actors=ACTORS)


@pytest.fixture(scope="module")
def steele():
    return framing.analyze(_corpus(STEELE))


def _actor_in_excerpts(comp, story):
    sub, _ = worksheet._story_scope(comp, story)
    plan = worksheet.worksheet_plan(sub)
    return plan, worksheet._shared_actor(sub, plan)


def test_worksheet_stories_task4_actor_is_in_every_excerpt(steele):
    plan, (actor, names) = _actor_in_excerpts(steele, "other-2010")
    assert actor == "Michael Steele" and set(names) == {"x", "y"}
    am = steele.actor_mentions
    for p in plan:
        inside = am[(am.article_id == p["article_id"]) & (am.start >= p["start"]) & (am.start < p["end"])]
        assert actor in set(inside["actor"])
        assert p["article_id"].endswith("-2010")


def test_worksheet_stories_default_story_has_most_outlets_then_articles(steele, tmp_path):
    ws, key = tmp_path / "ws.pdf", tmp_path / "key.pdf"
    worksheet.write_worksheet(steele, ws, answers=key)
    notes = pdf_text(ws)[0]
    assert "This corpus has 2 stories; this worksheet uses only story trump-2011" in " ".join(notes.split())
    text = " ".join(" ".join(pdf_text(ws)[1:]).split())
    assert "refer to Donald Trump" in text and "Steele" not in text
    assert "uses only story trump-2011" in " ".join(" ".join(pdf_text(key)).split())


def test_worksheet_stories_story_argument_scopes_excerpts_tasks_and_key(steele, tmp_path):
    ws, key = tmp_path / "ws.pdf", tmp_path / "key.pdf"
    worksheet.write_worksheet(steele, ws, answers=key, story="other-2010")
    text = " ".join(" ".join(pdf_text(ws)).split())
    assert "uses only story other-2010" in text and ", as asked" in text
    assert "refer to Michael Steele" in text and "Trump" not in text.split("Which story.")[1]
    answers = " ".join(" ".join(pdf_text(key)).split())
    assert "how each outlet names Michael Steele" in answers and "Trump" not in answers


def test_worksheet_stories_skip_task4_when_no_actor_is_shared(tmp_path):
    comp = framing.analyze(_corpus(NOBODY))
    plan, (actor, names) = _actor_in_excerpts(comp, "other-2010")
    assert actor is None and names == {}
    ws, key = tmp_path / "ws.pdf", tmp_path / "key.pdf"
    worksheet.write_worksheet(comp, ws, answers=key, story="other-2010")
    text = " ".join(" ".join(pdf_text(ws)).split())
    assert "4 · Same actor, different names Not in this worksheet" in text
    assert "Trump" not in text.split("Which story.")[1]
    assert "Task 4 was left out" in " ".join(" ".join(pdf_text(key)).split())


def test_worksheet_stories_unknown_story_is_an_error(steele, tmp_path):
    with pytest.raises(FramingError, match="is not in this corpus"):
        worksheet.write_worksheet(steele, tmp_path / "ws.pdf", story="2012")
    assert not (tmp_path / "ws.pdf").exists()


def test_worksheet_stories_seed_stories_blind_excerpts_from_one_story(s400):
    comp = framing.analyze(split_seeds(s400))
    sub, note = worksheet._story_scope(comp, "late")
    plan = worksheet.worksheet_plan(sub, blind=True)
    assert note and len(plan) == 5 and all(p["article_id"].endswith("-late") for p in plan)
    assert sorted(p["label"] for p in plan) == list("ABCDE")


def test_worksheet_stories_single_story_unchanged(comp):
    same, note = worksheet._story_scope(comp, None)
    assert same is comp and note is None


def test_worksheet_stories_cli_story_option(tmp_path, capsys):
    import json

    from framing.cli import main

    recs = [{"id": a.id, "outlet": a.outlet, "story": a.meta["story"], "text": a.text} for a in _corpus(STEELE)]
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert main(["worksheet", str(src), "-o", str(tmp_path / "ws.pdf"), "--story", "other-2010"]) == 0
    assert "uses only story other-2010" in " ".join(" ".join(pdf_text(tmp_path / "ws.pdf")).split())
    assert main(["worksheet", str(src), "-o", str(tmp_path / "bad.pdf"), "--story", "nope"]) != 0
    assert "'nope' is not in this corpus" in capsys.readouterr().err
    assert not (tmp_path / "bad.pdf").exists()
