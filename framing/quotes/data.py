"""Packaged word lists used by the quote extractor (read once, cached).

Files in ``framing/data``: ``reporting_verbs.csv`` (cue, lemma, stance, frame,
note, source), ``countries.csv`` (names, capitals and adjectives to a
government label), ``roles.csv`` (title and office words to an affiliation
class) and ``organisations.csv`` (often quoted organisations and media).
Lines starting with ``#`` are provenance comments.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import read_csv

__all__ = ["Lexicon", "lexicon"]


@dataclass(frozen=True)
class Place:
    """A country: ISO-like code and government label."""

    code: str
    government: str
    adjective: str


@dataclass
class Lexicon:
    """All word lists the extractor needs, keyed for fast lookup."""

    cues: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # form -> (lemma, stance, frame)
    cue_first: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)  # first word -> phrase patterns
    metonyms: dict[str, Place] = field(default_factory=dict)  # lower name/capital -> place
    adjectives: dict[str, Place] = field(default_factory=dict)  # lower adjective -> place
    roles: dict[str, tuple[str, bool]] = field(default_factory=dict)  # word -> (class, group)
    orgs: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # lower alias -> (name, affiliation, country, kind)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and index the packaged word lists (cached)."""
    lex = Lexicon()
    for row in read_csv("reporting_verbs.csv", ("cue", "lemma", "stance", "frame")):
        lex.cues[row["cue"].lower()] = (row["lemma"], row["stance"], row["frame"])
    forms = sorted(lex.cues, key=len, reverse=True)
    for f in forms:
        pat = re.compile(re.escape(f).replace(r"\ ", r"\s+") + r"(?![\w-])", re.IGNORECASE)
        lex.cue_first.setdefault(f.split()[0], []).append(pat)
    for row in read_csv("countries.csv", ("code", "names", "capitals", "adjectives", "government")):
        adjs = [a for a in row["adjectives"].split("|") if a]
        place = Place(row["code"], row["government"], adjs[0] if adjs else row["code"])
        for name in row["names"].split("|") + row["capitals"].split("|"):
            if name:
                lex.metonyms.setdefault(name.lower(), place)
                if name.lower().startswith("the "):
                    lex.metonyms.setdefault(name.lower()[4:], place)
        for adj in adjs:
            lex.adjectives.setdefault(adj.lower(), place)
    for row in read_csv("roles.csv", ("word", "class", "group")):
        lex.roles[row["word"].lower()] = (row["class"], row["group"] == "yes")
    for row in read_csv("organisations.csv", ("name", "aliases", "affiliation", "country", "kind")):
        rec = (row["name"], row["affiliation"], row["country"], row["kind"])
        for alias in [row["name"], *row["aliases"].split("|")]:
            if alias:
                lex.orgs.setdefault(alias.lower(), rec)
                if alias.lower().startswith("the "):
                    lex.orgs.setdefault(alias.lower()[4:], rec)
    return lex
