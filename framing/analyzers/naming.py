"""Naming: what each outlet calls each actor ("President Erdogan", "the Erdogan regime", "Ankara").

Every mention of an actor's name or alias (``corpus.actors``, from ``actors.yaml``; without actors,
the corpus's most frequent capitalised names) is widened to the naming form around it, by small
named rules:

- :func:`_extend_left`: titles and modifiers before the name: capitalised words ("Turkish President
  Recep Tayyip Erdogan", "NATO Secretary General Jens Stoltenberg"), compound labels ending in
  ``-led``/``-backed``/``-allied`` ("US-led NATO forces"), lower-case titles from
  :data:`TITLES` ("defence minister"), and a determiner when a head noun follows ("the Erdogan
  regime");
- :func:`_extend_right`: a head noun after the name from :data:`HEADS` ("NATO forces", "the Erdogan
  regime", "Ankara's leadership" is not widened: possessives end a form).

Two aliases of one actor side by side ("NATO Secretary General" + "Jens Stoltenberg") form one
mention. Metonyms (Ankara, Moscow, Washington) are whatever ``actors.yaml`` lists as aliases.
Labels that name an actor without any of its names ("imperialist alliances" for NATO) need
coreference and are not found (documented limit).
"""
from __future__ import annotations

import re
from typing import Any, Collection, Sequence

import pandas as pd

from ..actors import name_index, names_alternation
from ..tables import TABLES

__all__ = ["naming", "naming_summary", "NAMING_COLUMNS", "TITLES", "HEADS"]

NAMING_COLUMNS = ["article_id", "outlet", "actor", "name", "start", "end", "loaded", "loaded_term"]
SUMMARY_COLUMNS = ["actor", "outlet", "name", "count", "loaded"]

#: Lower-case words that can stand in a title before a name ("defence minister Isik").
TITLES = frozenset("president vice prime minister secretary chief spokesman spokeswoman spokesperson "
                   "defence defense foreign state minister's leader dictator strongman autocrat director ceo "
                   "chairman head ambassador envoy official officials senator".split())
#: Head nouns after a name that make one naming form with it ("NATO forces", "the Erdogan regime").
HEADS = frozenset("regime government administration forces alliance allies bloc leadership authorities officials "
                  "military army troops camp side junta establishment machine".split())
_DETERMINERS = frozenset("the a an".split())
_TOKEN_RE = re.compile(r"[A-Za-z][\w’'.]*(?:-[\w’'.]+)*")
_LABEL_SUFFIXES = ("-led", "-backed", "-allied", "-aligned", "-sponsored", "-controlled")


def _tokens_before(text: str, start: int, limit: int = 6) -> list[re.Match[str]]:
    """Up to ``limit`` word tokens just before ``start`` on the same line, nearest last; stops at
    punctuation other than a space between tokens."""
    window = text[max(0, start - 120):start]
    base = start - len(window)
    toks = list(_TOKEN_RE.finditer(window))
    out: list[re.Match[str]] = []
    edge = len(window)
    for m in reversed(toks):
        gap = window[m.end():edge]
        if gap.strip(" ") != "" or (out and not gap) or (m.group().endswith(".") and "." not in m.group()[:-1]):
            break
        out.append(m)
        edge = m.start()
        if len(out) >= limit:
            break
    out.reverse()
    return [(base + m.start(), base + m.end(), m.group()) for m in out]  # type: ignore[misc]


def _function_words() -> frozenset[str]:
    from .mentions import _NOT_NAMES

    return _NOT_NAMES


def _is_modifier(word: str) -> bool:
    """A word that can stand before a name inside one naming form."""
    w = word.rstrip(".")
    if w.lower() in _function_words():
        return False
    if w.lower().endswith(_LABEL_SUFFIXES):
        return True
    if w.lower() in TITLES:
        return True
    return w[:1].isupper() and w.lower() not in _DETERMINERS and not w.endswith(("'s", "’s"))


def _extend_left(text: str, start: int, floor: int) -> int:
    """New start of a mention: modifiers and titles before it (not before ``floor``)."""
    new = start
    toks = _tokens_before(text, start)
    for i in range(len(toks) - 1, -1, -1):
        s, _e, word = toks[i]
        # "of" inside a title between capitalised words: "Secretary of State Antony Blinken"
        inner_of = word == "of" and new < start and i > 0 and toks[i - 1][2][:1].isupper()
        if s < floor or not (inner_of or _is_modifier(word)):
            break
        new = s
    return new


def _extend_right(text: str, end: int) -> int:
    """New end of a mention: one or two head nouns right after it."""
    new = end
    for _ in range(2):
        m = re.match(r"[ ]([a-z]+)(?![\w’'-])", text[new:new + 30])
        if not m or m.group(1) not in HEADS:
            break
        new += m.end()
    return new


def _determiner(text: str, start: int, end: int, name_end: int) -> int:
    """Take a determiner before the form when a head noun follows the name ("the Erdogan regime")."""
    if end == name_end:
        return start
    m = re.search(r"(?:^|(?<=\s))([Tt]he|[Aa]n?)[ ]$", text[max(0, start - 5):start])
    return start - len(m.group()) if m else start


def _matcher(actors: Sequence[Any]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    names = name_index(actors)
    if not names:
        return None, {}
    return re.compile(r"(?<![\w-])(?:" + names_alternation(names) + r")(?![\w-])"), names


def _fallback_actors(arts: Sequence[Any], top: int) -> tuple[Any, ...]:
    from ..actors import Actor
    from .mentions import fallback_names

    return tuple(Actor(name=n) for n in sorted(fallback_names(arts, top=top)))


def _mentions(text: str, pattern: re.Pattern[str], names: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, actor) naming forms in ``text``, in text order, aliases side by side merged."""
    out: list[tuple[int, int, str]] = []
    for m in pattern.finditer(text):
        actor = names[m.group()]
        if out and out[-1][2] == actor and text[out[-1][1]:m.start()].strip() == "":
            s = out.pop()[0]
        else:
            s = _extend_left(text, m.start(), out[-1][1] if out else 0)
        e = _extend_right(text, m.end())
        s = _determiner(text, s, e, m.end())
        if out and s < out[-1][1]:
            s = max(s, out[-1][1])
        out.append((s, e, actor))
    return out


def _loaded_spans(text: str) -> list[tuple[int, int, str]]:
    from .loaded import find_loaded_terms

    t = find_loaded_terms(text, warn_language=False)
    return list(zip(t["start"].tolist(), t["end"].tolist(), t["term"].tolist())) if len(t) else []


def naming(corpus: Any, *, top: int = 10, names: Collection[str] | None = None,
           loaded: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every mention of every actor, widened to the naming form the outlet uses.

    Parameters
    ----------
    corpus : Corpus
        Articles; ``corpus.actors`` (``actors.yaml``) lists each actor's names and aliases.
    top : int, default 10
        Without actors, the ``top`` most frequent capitalised names (occurring at least twice)
        are the actors.
    names : collection of str, optional
        Without actors, these names are the actors (the corpus-wide fallback names when the
        corpus is analysed in chunks); overrides ``top``.
    loaded : pandas.DataFrame, optional
        A :func:`framing.loaded_terms` table of these articles (``article_id, start, end, term``), so
        the texts are not scanned again.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in corpus and text order, with columns

        ``article_id``, ``outlet`` (str)
            The article and its outlet key.
        ``actor`` (str)
            The actor's canonical name.
        ``name`` (str)
            The naming form as written, white space collapsed (``article.text[start:end]`` before
            collapsing).
        ``start``, ``end`` (int)
            Offsets of the naming form in ``article.text``.
        ``loaded`` (bool)
            The form contains a term of the loaded-language lexicon
            (:func:`framing.analyzers.loaded.find_loaded_terms`: lexicon, compound labels such as
            "US-led", flagged rare words).
        ``loaded_term`` (str)
            That term ("" when none).

    Examples
    --------
    >>> import framing
    >>> c = framing.Corpus.from_records(
    ...     [{"id": "a", "outlet": "rt", "text": "Ties with US-led NATO forces soured, said President Erdogan."}],
    ...     actors=[{"name": "NATO"}, {"name": "Recep Tayyip Erdogan", "aliases": ["Erdogan"]}])
    >>> naming(c)[["actor", "name", "loaded"]].values.tolist()
    [['NATO', 'US-led NATO forces', True], ['Recep Tayyip Erdogan', 'President Erdogan', False]]
    """
    arts = list(getattr(corpus, "articles", corpus))
    actors = tuple(getattr(corpus, "actors", ()) or ())
    if not actors and names is not None:
        from ..actors import Actor

        actors = tuple(Actor(name=n) for n in sorted(names))
    elif not actors and arts:
        actors = _fallback_actors(arts, top)
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    if loaded is not None:
        for aid, ls, le, term in zip(loaded["article_id"], loaded["start"], loaded["end"], loaded["term"]):
            by_article.setdefault(str(aid), []).append((int(ls), int(le), str(term)))
    pattern, names = _matcher(actors)
    rows: list[tuple] = []
    if pattern is not None:
        for a in arts:
            found = _mentions(a.text, pattern, names)
            if not found:
                continue
            spans = by_article.get(a.id, []) if loaded is not None else _loaded_spans(a.text)
            for s, e, actor in found:
                hit = next((t for ls, le, t in spans if ls < e and le > s), "")
                rows.append((a.id, a.outlet, actor, " ".join(a.text[s:e].split()), s, e, bool(hit), hit))
    return TABLES["naming"].from_rows(rows)


def naming_summary(table: pd.DataFrame) -> pd.DataFrame:
    """How often each outlet uses each naming form of each actor.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :func:`naming`.

    Returns
    -------
    pandas.DataFrame
        ``actor, outlet, name, count, loaded`` (the form contains a loaded term), sorted by actor,
        outlet, most used form first.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "a"], "outlet": ["rt", "rt"], "actor": ["NATO", "NATO"],
    ...                   "name": ["NATO", "NATO"], "start": [0, 9], "end": [4, 13], "loaded": [False, False],
    ...                   "loaded_term": ["", ""]})
    >>> naming_summary(t).values.tolist()
    [['NATO', 'rt', 'NATO', 2, False]]
    """
    if not len(table):
        return TABLES["naming_summary"].empty()
    g = table.groupby(["actor", "outlet", "name"], sort=False).agg(count=("name", "size"), loaded=("loaded", "any"))
    out = g.reset_index()
    out["count"] = out["count"].astype("int64")
    out = out.sort_values(["actor", "outlet", "count", "name"], ascending=[True, True, False, True], kind="mergesort")
    return TABLES["naming_summary"].conform(out.reset_index(drop=True)[SUMMARY_COLUMNS])
