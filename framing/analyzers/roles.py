"""Narrative roles: which actors an article casts as hero, villain or victim, and the sentence that does it.

Roles follow Frermann et al. (ACL 2023): the **hero** fixes, helps or fights the problem; the
**villain** causes it, harms or obstructs; the **victim** is harmed. Rules, no model:

1. Actors: the corpus's ``actors.yaml`` names and aliases when it has actors; otherwise runs of
   capitalised words (the fallback detector of :mod:`framing.analyzers.mentions`) plus the generic
   actor nouns of ``framing/data/frames/narrative_roles.csv`` ("farmers", "oil companies", "the planet").
2. Role cues (same file): words that cast someone near them ("blamed", "suffer", "champion").
3. In each sentence, every actor mention collects, per role, ``1 / (1 + d / 4)`` for each role cue
   ``d`` words away (a cue inside the mention counts with ``d = 0``; the mention's own words are
   not cues for it).
4. Per article and actor, the role with the largest sum wins; the actor is kept when that sum is at
   least :data:`MIN_SCORE`, and per article and role the :data:`TOP` actors with the largest sums are
   reported with the mention and sentence that contributed most.
"""
from __future__ import annotations

import bisect
from typing import Any, Sequence

import pandas as pd

from ..tables import TABLES
from ._frame_cues import _TOKEN_RE, role_matcher, scan
from .mentions import _actor_matcher, _actor_mentions, _named_mentions

__all__ = ["ROLES", "ROLE_COLUMNS", "roles", "MIN_SCORE", "TOP"]

#: The three narrative roles, in report order.
ROLES: tuple[str, ...] = ("hero", "villain", "victim")
#: Columns of :func:`roles`.
ROLE_COLUMNS: tuple[str, ...] = TABLES["roles"].names
#: Smallest summed cue weight for an actor to be given a role.
MIN_SCORE = 0.5
#: Actors reported per article and role.
TOP = 2


def _mentions(text: str, matcher: Any, nouns: list[Any]) -> list[tuple[int, int, str]]:
    """``(start, end, actor)`` mentions in ``text``: the corpus's actors, or names plus the actor-noun hits
    ``nouns`` that overlap no name."""
    if matcher is not None:
        return _actor_mentions(text, matcher)
    found = list(_named_mentions(text))
    starts = [s for s, _, _ in found]
    for h in nouns:
        k = bisect.bisect_left(starts, h.end)  # names starting before the noun ends
        if k and found[k - 1][1] > h.start:
            continue
        found.append((h.start, h.end, text[h.start:h.end].lower()))
    return sorted(found)


def _distance(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between spans ``a`` and ``b`` of one sentence (0 when they overlap)."""
    if a[0] < b[1] and b[0] < a[1]:
        return 0
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return len(_TOKEN_RE.findall(text, lo, hi))


def _article_roles(article: Any, matcher: Any) -> list[tuple]:
    text = article.text
    hits = scan(text, role_matcher())
    cues = [h for h in hits if h.frame != "actor"]
    if not cues:
        return []
    mentions = _mentions(text, matcher, [h for h in hits if h.frame == "actor"])
    if not mentions:
        return []
    sents = article.sentences
    s_starts = [s.start for s in sents]
    by_sent: dict[int, list] = {}
    for h in cues:
        k = bisect.bisect_right(s_starts, h.start) - 1
        if k >= 0:
            by_sent.setdefault(k, []).append(h)
    # (actor, role) -> [total, best contribution, mention start, end, sentence index]
    acc: dict[tuple[str, str], list] = {}
    for ms, me, actor in mentions:
        k = bisect.bisect_right(s_starts, ms) - 1
        if k < 0 or me > sents[k].end or k not in by_sent:
            continue
        for h in by_sent[k]:
            if ms <= h.start and h.end <= me:
                continue  # the mention's own words
            w = 1.0 / (1.0 + _distance(text, (ms, me), (h.start, h.end)) / 4.0)
            cell = acc.setdefault((actor, h.frame), [0.0, -1.0, 0, 0, 0])
            cell[0] += w
            if w > cell[1]:
                cell[1:] = [w, ms, me, k]
    best: dict[str, tuple[str, list]] = {}
    for (actor, role), cell in sorted(acc.items()):
        if actor not in best or cell[0] > best[actor][1][0]:
            best[actor] = (role, cell)
    rows = []
    for role in ROLES:
        cands = sorted(((c[0], a, c) for a, (r, c) in best.items() if r == role and c[0] >= MIN_SCORE),
                       key=lambda t: (-t[0], t[1]))
        for total, actor, cell in cands[:TOP]:
            s = sents[cell[4]]
            rows.append((article.id, article.outlet, role, actor, cell[2], cell[3], text[cell[2]:cell[3]],
                         s.start, s.end,
                         text[s.start:s.end], round(total, 6)))
    return rows


def roles(corpus: Any) -> pd.DataFrame:
    """The actors each article casts as hero, villain or victim, with the sentence that does it.

    Parameters
    ----------
    corpus : Corpus
        Articles; the corpus's actors (``actors.yaml``) are used when present.

    Returns
    -------
    pandas.DataFrame
        One row per article, role and actor (at most :data:`TOP` actors per article and role; articles
        in corpus order, roles in :data:`ROLES` order, larger scores first):

        ``article_id, outlet`` : str
        ``role`` : str, ``hero``, ``villain`` or ``victim``
        ``actor`` : str, the actor's canonical name (actors.yaml), the name as written, or the
        lower-cased actor noun
        ``start, end`` : int, the mention that contributed most
        ``mention`` : str, ``article.text[start:end]``
        ``sentence_start, sentence_end`` : int, its sentence
        ``sentence`` : str, ``article.text[sentence_start:sentence_end]``
        ``score`` : float, summed cue weight of the role for the actor in the article (>= :data:`MIN_SCORE`)

    Examples
    --------
    >>> from framing.corpus import Corpus
    >>> c = Corpus.from_records([{"id": "a1", "outlet": "cbc",
    ...     "text": "Acme Oil polluted the river. The farmers suffer as the drought deepens."}])
    >>> roles(c)[["role", "actor"]].values.tolist()
    [['villain', 'Acme Oil'], ['victim', 'farmers']]
    """
    actors: Sequence[Any] = getattr(corpus, "actors", ()) or ()
    matcher = _actor_matcher(actors) if actors else None
    rows = [r for a in corpus for r in _article_roles(a, matcher)]
    return TABLES["roles"].from_rows(rows)
