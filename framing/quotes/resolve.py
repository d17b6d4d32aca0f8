"""Speaker resolution: names, titles, pronouns, descriptions, metonyms, groups.

Rules only: the mention's own words, the story's actors (``actors.yaml``) and
the packaged word lists. Descriptions ("the expert", "the minister") and
pronouns go to the most recent compatible speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, NamedTuple

from ..actors import Actor
from .data import Place, lexicon

__all__ = ["Profile", "Resolver"]

_WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*")
_DETS = {"the", "a", "an", "his", "her", "their", "its", "our", "several", "some", "two", "three", "many", "other", "most", "both"}
_DROP_MODS = {"unidentified", "senior", "unnamed", "anonymous", "top", "several", "some", "other", "many", "most", "two",
              "three", "both", "former", "state", "state-run", "leading", "prominent", "independent", "the"}
_SPELL = {"defence": "defense", "centre": "center", "organisation": "organization"}
_NON_PERSON_CAPS = {"news", "agency", "ministry", "department", "office", "institute", "center", "centre", "university",
                    "committee", "council", "party", "group", "company", "times", "post", "press", "tv", "network",
                    "house", "administration", "government", "media", "daily", "journal", "bank", "army", "forces",
                    "alliance", "union", "organization", "council", "commission", "parliament", "congress", "senate"}


@lru_cache(maxsize=16384)  # called for every word of every mention; few distinct words
def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return _SPELL.get(w, w)


@dataclass
class Profile:
    """A resolved speaker."""

    name: str
    affiliation: str = "unknown"
    country: str = ""
    kind: str = "person"  # person, government, organisation, media, group
    anonymous: bool = False
    roles: set[str] = field(default_factory=set)
    klass: str = ""


def _country_label(adj: str) -> str:
    return "US" if adj.replace(".", "").upper() == "US" else adj


@lru_cache(maxsize=8192)
def _classify(words: tuple[str, ...]) -> tuple[frozenset[str], str, str, bool, str]:
    """roles, class, country code/adjective, group head?, government label of ``words``.

    Depends only on the words and the packaged lists, and the same titles
    ("President", "the Turkish Foreign Ministry") come back in every article,
    so the result is cached; the roles are frozen because callers keep them.
    """
    lex = lexicon()
    roles: set[str] = set()
    klass = ""
    country = ""
    gov = ""
    group = False
    for w in words:
        n = _norm(w)
        roles.add(n)
        if n in lex.roles:
            c, g = lex.roles[n]
            if c not in ("generic",) and (not klass or klass == "generic"):
                klass = c
            elif not klass:
                klass = c
            group = group or g
        if w[:1].isupper() or w.isupper():
            low = w.lower().replace("’", "'")
            base = low[:-2] if low.endswith("'s") else low
            place = lex.adjectives.get(base) or lex.metonyms.get(base)
            if place is not None and not country:
                country, gov = place.code, place.government
            if base in lex.orgs and not country:
                org = lex.orgs[base]
                if org[1] in ("NATO", "EU", "UN"):
                    country, gov = org[2], org[1]
    return frozenset(roles), klass, country, group, gov


@lru_cache(maxsize=1)
def _org_index() -> tuple[frozenset[str], int]:
    """First words of the organisation aliases and the longest alias in words."""
    orgs = lexicon().orgs
    return frozenset(a.split()[0] for a in orgs if a.split()), max((len(a.split()) for a in orgs), default=1)


@lru_cache(maxsize=64)
def _actor_index(actors: tuple[Actor, ...]) -> tuple[list[tuple[str, Actor]], dict[str, Actor]]:
    pairs: list[tuple[str, Actor]] = []
    last: dict[str, Actor] = {}
    for act in actors:
        for n in act.names:
            pairs.append((n.lower(), act))
        if act.kind == "person":
            last.setdefault(_norm(act.name.split()[-1]), act)
    pairs.sort(key=lambda p: -len(p[0]))
    return pairs, last


@lru_cache(maxsize=4096)
def _org_country(low_words: str) -> str:
    """Country of the first multi-word organisation alias inside ``low_words`` ("" when none).

    Cached: it scans every alias, and descriptions ("the expert", "officials")
    recur across articles.
    """
    for alias, org in lexicon().orgs.items():
        if " " in alias and alias in low_words and org[2]:
            return org[2]
    return ""


class _Mention(NamedTuple):
    """What a speaker mention's own words say, before any context (see :func:`_parse_mention`)."""

    place: Place | None  # the whole mention names a country or capital
    words: tuple[str, ...]  # its words without leading determiners
    org_hit: tuple[int, int, tuple[str, str, str, str]] | None  # first organisation alias: word span, record
    run: tuple[str, ...]  # trailing capitalised run: a person's name
    title: tuple[str, ...]  # the words before the name
    classes: tuple[frozenset[str], str, str, bool, str]  # :func:`_classify` of the title and appositive
    org_whole: bool  # the organisation ends the mention and no person's role precedes it


@lru_cache(maxsize=8192)
def _parse_mention(mention: str, appos: str) -> _Mention | None:
    """Split a mention into title, name and organisation using the packaged lists only.

    The same mentions ("Erdogan", "Turkish President Recep Tayyip Erdogan")
    recur in many articles, so this context-free part is cached; the
    resolver adds what depends on the text read so far. None when the
    mention has no words besides determiners.
    """
    lex = lexicon()
    low = mention.lower().replace("’", "'")
    words = _WORD_RE.findall(mention)
    while words and words[0].lower() in _DETS:
        words = words[1:]
    if not words:
        return None
    base = " ".join(words).lower()
    if base in lex.metonyms or low.strip() in lex.metonyms:
        place = lex.metonyms.get(base) or lex.metonyms[low.strip()]
        return _Mention(place, (), None, (), (), (frozenset(), "", "", False, ""), False)
    # organisation alias inside the mention
    org_hit = None
    org_first, org_max = _org_index()
    for k in range(len(words)):
        if words[k].lower() not in org_first:
            continue
        for e in range(min(len(words), k + org_max), k, -1):
            cand = " ".join(words[k:e]).lower()
            if cand in lex.orgs:
                org_hit = (k, e, lex.orgs[cand])
                break
        if org_hit:
            break
    # person name: trailing capitalised run
    run: list[str] = []
    for w in reversed(words):
        n = _norm(w)
        if (w[:1].isupper() and not w.isupper() and n not in lex.roles and n not in lex.adjectives
                and n not in lex.metonyms and n not in _NON_PERSON_CAPS and not w.endswith(("'s", "’s"))
                and n not in lex.orgs):
            run.append(w)
        else:
            break
    run.reverse()
    if run and (" ".join(run).lower() in lex.orgs or _norm(run[-1]) in _NON_PERSON_CAPS):
        run = []  # "Secretary General of the North Atlantic Alliance"
    title = words[: len(words) - len(run)]
    classes = _classify(tuple(title + _WORD_RE.findall(appos)))
    org_whole = org_hit is not None and org_hit[1] == len(words) and not any(
        _norm(w) in lex.roles and not lex.roles[_norm(w)][1] and lex.roles[_norm(w)][0] != "media"
        for w in words[: org_hit[0]]
    )
    return _Mention(None, tuple(words), org_hit, tuple(run), tuple(title), classes, org_whole)


class Resolver:
    """Resolve speaker mentions of one text, in text order."""

    def __init__(self, actors: Iterable[Actor] | None = None) -> None:
        self.lex = lexicon()
        self.actors = tuple(actors or ())
        self.actor_pairs, self.actor_last = _actor_index(self.actors) if self.actors else ([], {})
        self.persons: dict[str, Profile] = {}
        self.history: list[Profile] = []
        self.named: list[tuple[int, Profile]] = []  # every named person speaker, by position

    # ------------------------------------------------------------------
    def _from_actor(self, act: Actor) -> Profile:
        roles = {_norm(w) for w in _WORD_RE.findall(act.role)}
        klass = "expert" if "expert" in act.affiliation.lower() or "analyst" in act.affiliation.lower() else ""
        kind = {"government": "government", "organisation": "organisation", "media": "media", "group": "group"}.get(act.kind, "person")
        prof = Profile(act.name, act.affiliation or "unknown", act.country, kind, kind == "group", roles, klass)
        if kind == "person":
            self.persons.setdefault(_norm(act.name.split()[-1]), prof)
        return prof

    def _match_actor(self, low: str) -> Actor | None:
        for alias, act in self.actor_pairs:
            i = low.find(alias)
            while i >= 0:
                j = i + len(alias)
                if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                    rest = low[j:].strip(" .,")
                    if act.kind == "person" or rest in ("", "'s", "’s", "s"):
                        return act
                    # "the US media", "Turkey's foreign ministry": the place only modifies the speaker
                i = low.find(alias, i + 1)
        return None

    def _classify_words(self, words: list[str]) -> tuple[set[str], str, str, bool, str]:
        """roles, class, country code/adjective, group head?, government label."""
        roles, klass, country, group, gov = _classify(tuple(words))
        return set(roles), klass, country, group, gov  # a new set: profiles extend their roles later

    def _affiliation(self, klass: str, gov: str, country: str) -> str:
        if klass == "expert":
            return "expert or analyst"
        if klass == "media":
            return "news media"
        if gov and klass in ("government", "military", "generic", "", "party"):
            return gov
        if klass == "government":
            return "government"
        if klass == "business":
            return "business"
        return "unknown"

    def prescan(self, mentions: list[tuple[int, str, str]]) -> None:
        """Register named persons before resolving (headlines name speakers later)."""
        for pos, mention, appos in mentions:
            if " " not in mention.strip() or mention[:1].islower() and not any(w[:1].isupper() for w in mention.split()[1:]):
                continue  # only multi-word names ("Donald Trump", "the expert Sergei Balmasov") matter ahead
            prof = self._named(mention, appos)
            if prof is not None and prof.kind == "person":
                self.named.append((pos, prof))
        # reset: registration again happens in order during resolve
        self.persons_prescan = dict(self.persons)
        self.persons = {}

    def _named(self, mention: str, appos: str) -> Profile | None:
        if self.actors:
            act = self._match_actor(mention.lower().replace("’", "'"))
            if act is not None:
                return self._from_actor(act)
        parts = _parse_mention(mention, appos)
        if parts is None:
            return None
        if parts.place is not None:
            place = parts.place
            return Profile(place.government, place.government, place.code, "government")
        words, org_hit, run, title = parts.words, parts.org_hit, parts.run, parts.title
        frozen_roles, klass, country, group, gov = parts.classes
        roles = set(frozen_roles)  # a new set per profile: profiles extend their roles later
        if parts.org_whole:
            name, aff, ctry, kind = org_hit[2]
            return Profile(name, aff, ctry, kind if kind in ("media", "organisation") else "organisation", False, roles,
                           "media" if kind == "media" else "")
        if run and (len(run) >= 2 or title or appos or len(words) == 1):
            if len(run) >= 3 and title and title[-1].lower() == "of":
                run = run[1:]  # "director of Rosoboronexport Alexander Mikheev"
            last = _norm(run[-1])
            known = self.persons.get(last) or getattr(self, "persons_prescan", {}).get(last)
            if len(run) == 1 and known is not None:
                known.roles |= roles
                return known
            if len(run) == 1 and not title and not appos and len(words) == 1:
                # a single capitalised word: person surname unless it is a known place
                prof = Profile(run[0], "unknown", "", "person", False, roles, klass)
            else:
                aff = self._affiliation(klass, gov, country)
                prof = Profile(" ".join(run), aff, country, "person", False, roles, klass)
            if known is not None and len(run) >= 2 and known.name.split()[-1] == run[-1]:
                known.roles |= roles
                if known.affiliation == "unknown":
                    known.affiliation = prof.affiliation
                return known
            self.persons[last] = prof
            return prof
        if not run and title and not group and (title[-1][:1].isupper()) and klass in ("government", "media", "expert", "military", "party", "court", "business") and len(title) >= 2 \
                and _norm(title[-1]) in _NON_PERSON_CAPS:
            # "the Turkish Foreign Ministry", "Bloomberg News"
            name = " ".join(title)
            return Profile(name, self._affiliation(klass, gov, country), country, "media" if klass == "media" else "organisation", False, roles, klass)
        if not run and len(words) <= 4 and all(w[:1].isupper() for w in words) and not group and klass == "":
            return Profile(" ".join(words), "unknown", country, "organisation", False, roles, klass)
        return None

    # ------------------------------------------------------------------
    def resolve(self, pos: int, mention: str, appos: str = "") -> Profile:
        """Resolve one mention at character ``pos``."""
        low = mention.strip().lower()
        if low in ("he", "she", "him", "her"):
            for prof in reversed(self.history):
                if prof.kind == "person" and not prof.anonymous:
                    return prof
            return Profile("", "unknown", "", "person")
        if low in ("they", "them"):
            for prof in reversed(self.history[-4:]):
                if prof.kind in ("group", "government", "organisation", "media"):
                    return prof
            return Profile("", "unknown", "", "group")
        if low == "it":
            for prof in reversed(self.history[-4:]):
                if prof.kind in ("government", "organisation", "media"):
                    return prof
            return Profile("", "unknown", "", "organisation")
        if low in ("we", "i", "you") or mention.strip() == "us":
            return Profile("", "unknown", "", "person")
        prof = self._named(mention, appos)
        if prof is not None:
            self._push(prof)
            return prof
        words = [w for w in _WORD_RE.findall(mention)]
        roles, klass, country, group, gov = self._classify_words(words + _WORD_RE.findall(appos))
        content = [_norm(w) for w in words if w.lower() not in _DETS]
        if group or (words and _norm(words[-1]).endswith("s") and _norm(words[-1]) in self.lex.roles and self.lex.roles[_norm(words[-1])][1]):
            keep = [w for w in words if w.lower() not in _DROP_MODS and w.lower() not in _DETS]
            label_words = []
            for w in keep:
                n = _norm(w)
                place = self.lex.adjectives.get(n) or self.lex.metonyms.get(n)
                if place is not None and (w[:1].isupper()):
                    label_words.append(_country_label(w.replace("’s", "").replace("'s", "")))
                elif n in self.lex.roles and self.lex.roles[n][1]:
                    label_words.append(w.lower())
            if not label_words:
                label_words = [w.lower() for w in keep[-1:]]
            prof = Profile(" ".join(label_words), self._affiliation(klass, gov, country), country, "group", True, roles, klass)
            self._push(prof)
            return prof
        # a description: most recent compatible named speaker
        desc = set(content) - {"former", "new", "top", "senior"}
        proper = {_norm(w) for w in words if w[:1].isupper() and _norm(w) not in self.lex.roles and w.lower() not in _DETS}
        low_words = " ".join(w.lower() for w in words)
        country = country or _org_country(low_words)
        best = self._antecedent(pos, desc, klass, country, proper)
        if best is not None:
            self._push(best)
            return best
        prof = Profile(" ".join(w for w in words if w.lower() not in _DETS), self._affiliation(klass, gov, country),
                       country, "person", True, roles, klass)
        self._push(prof)
        return prof

    def _score(self, prof: Profile, desc: set[str], klass: str, country: str, proper: set[str] = frozenset()) -> int:
        if proper and not (proper & prof.roles) and not (country and prof.country == country):
            return 0  # "NATO's secretary general" is not the US president
        if country and prof.country and prof.country != country:
            return 0
        s = len((desc - proper) & prof.roles)
        if klass and (prof.klass == klass or (klass == "expert" and prof.affiliation == "expert or analyst")
                      or (klass == "government" and "government" in prof.affiliation.lower())):
            s += 1
        if country and prof.country == country:
            s += 1
        return s

    def _antecedent(self, pos: int, desc: set[str], klass: str, country: str, proper: set[str] = frozenset()) -> Profile | None:
        seen: set[int] = set()
        fallback = None
        for prof in reversed(self.history):
            if prof.kind != "person" or prof.anonymous or id(prof) in seen:
                continue
            seen.add(id(prof))
            if fallback is None:
                fallback = prof
            if self._score(prof, desc, klass, country, proper) > 0:
                return prof
        for p, prof in self.named:
            if p > pos and self._score(prof, desc, klass, country) > 0:
                return prof
        return fallback

    def _push(self, prof: Profile) -> None:
        if prof.name:
            self.history.append(prof)
