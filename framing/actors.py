"""Story actors: the people, governments and organisations a story is about.

A corpus folder may hold an ``actors.yaml``::

    actors:
      - name: Jens Stoltenberg
        aliases: [Stoltenberg, NATO chief, NATO's secretary general]
        affiliation: NATO
        country: NATO
        role: NATO Secretary General
        kind: person          # person | government | organisation | media | group

Analyzers use it to resolve who speaks (voices) and who is spoken about
(actor-directed sentiment).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import CorpusError, where
from .io import safe_load_yaml

__all__ = ["Actor", "load_actors", "actors_from_records"]

_KINDS = {"person", "government", "organisation", "media", "group"}


@dataclass(frozen=True)
class Actor:
    """One actor of a story.

    Attributes
    ----------
    name : str
        Canonical name ("Jens Stoltenberg", "US government").
    aliases : tuple of str
        Other ways the texts name the actor ("Stoltenberg", "Washington").
    affiliation : str
        Institution the actor speaks for ("NATO", "US government").
    country : str
        Country code or bloc ("US", "TR", "NATO").
    role : str
        Office or description ("NATO Secretary General").
    kind : str
        One of person, government, organisation, media, group.
    """

    name: str
    aliases: tuple[str, ...] = ()
    affiliation: str = "unknown"
    country: str = ""
    role: str = ""
    kind: str = "person"

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name followed by the aliases."""
        return (self.name, *self.aliases)


def name_index(actors: Iterable[Actor]) -> dict[str, str]:
    """Every name and alias of ``actors`` (stripped) -> its actor's canonical name; a name shared by two
    actors goes to the first.

    Examples
    --------
    >>> name_index([Actor("NATO", aliases=("the alliance",)), Actor("Turkey", aliases=("Ankara", "NATO"))])
    {'NATO': 'NATO', 'the alliance': 'NATO', 'Turkey': 'Turkey', 'Ankara': 'Turkey'}
    """
    names: dict[str, str] = {}
    for actor in actors:
        for n in actor.names:
            n = n.strip()
            if n and n not in names:
                names[n] = actor.name
    return names


def names_alternation(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, escaped, longest first (ties alphabetical), so the longest name
    at a position wins.

    Examples
    --------
    >>> names_alternation(["UN", "UNESCO", "NATO"])
    'UNESCO|NATO|UN'
    """
    return "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))


def actors_from_records(records: Iterable[dict[str, Any]], source: str | Path = "<actors>") -> tuple[Actor, ...]:
    """Build actors from dictionaries (as read from YAML), checking each field."""
    out: list[Actor] = []
    for i, rec in enumerate(records, start=1):
        loc = f"{where(source)} (actor #{i})"
        if not isinstance(rec, dict):
            raise CorpusError(f"{loc}: each actor must be a mapping with at least 'name'; got {type(rec).__name__}.")
        name = rec.get("name")
        if not isinstance(name, str) or not name.strip():
            raise CorpusError(f"{loc}: field 'name' is missing or empty. Add the actor's canonical name.")
        aliases = rec.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise CorpusError(f"{loc}: field 'aliases' must be a list of strings.")
        kind = str(rec.get("kind", "person"))
        if kind not in _KINDS:
            raise CorpusError(f"{loc}: field 'kind' is {kind!r}; use one of {sorted(_KINDS)}.")
        out.append(
            Actor(
                name=name.strip(),
                aliases=tuple(a.strip() for a in aliases if a.strip()),
                affiliation=str(rec.get("affiliation") or "unknown"),
                country=str(rec.get("country") or ""),
                role=str(rec.get("role") or ""),
                kind=kind,
            )
        )
    return tuple(out)


def load_actors(path: str | Path) -> tuple[Actor, ...]:
    """Read an ``actors.yaml`` file (safe YAML only).

    Raises
    ------
    CorpusError
        When the file is not valid YAML or an entry lacks a name.
    """
    path = Path(path)
    try:
        data = safe_load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise CorpusError(f"{where(path, line)}: invalid YAML ({getattr(exc, 'problem', exc)}). Fix the syntax.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{where(path)}: cannot read actors file ({exc}).") from None
    if data is None:
        return ()
    if isinstance(data, dict):
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise CorpusError(f"{where(path)}: expected a list under 'actors:'.")
    return actors_from_records(data, path)
