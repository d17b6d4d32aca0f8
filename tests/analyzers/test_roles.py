"""Narrative roles: hero, villain, victim from role cues near actor mentions."""
from __future__ import annotations

import pytest

from framing.analyzers.roles import roles
from framing.corpus import Corpus
from framing.tables import TABLES


@pytest.mark.parametrize("text, role, actor", [
    ("Acme Oil polluted the river for years.", "villain", "Acme Oil"),
    ("The farmers suffer as the drought deepens.", "victim", "farmers"),
    ("Greta Thunberg has become a champion of young activists.", "hero", "Greta Thunberg"),
])
def test_roles_one_sentence(text, role, actor) -> None:
    t = roles(Corpus.from_records([{"id": "a", "outlet": "cbc", "text": text}]))
    assert (role, actor) in set(zip(t["role"], t["actor"]))


def test_roles_no_cue_no_role() -> None:
    t = roles(Corpus.from_records([{"id": "a", "outlet": "cbc", "text": "Acme Oil met Greta Thunberg on Tuesday."}]))
    assert t.empty and list(t.columns) == TABLES["roles"].names


def test_roles_s400_uses_actors_and_offsets(s400) -> None:
    t = roles(s400)
    TABLES["roles"].check(t)
    names = {a.name for a in s400.actors}
    texts = {a.id: a.text for a in s400}
    assert len(t) and set(t["actor"]) <= names
    for r in t.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.mention
        assert texts[r.article_id][r.sentence_start:r.sentence_end] == r.sentence
        assert r.sentence_start <= r.start < r.end <= r.sentence_end
    assert roles(s400).equals(t)
