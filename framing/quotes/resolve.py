"""Speaker resolution: names, titles, pronouns, descriptions, metonyms, groups.

Rules only: the mention's own words, the story's actors (``actors.yaml``) and
the packaged word lists. Descriptions ("the expert", "the minister") and
pronouns go to the most recent compatible speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, NamedTuple

from ..actors import Actor
from .data import Place, lexicon
from .names import (HONORIFICS, TITLE_ABBREVIATIONS, TextName, apposition_affiliation, gender_of, party_affiliation,
                    same_person, scan_names, strip_party_tag, us_states, word_kind)

__all__ = ["Profile", "Resolver"]

_WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*")
_DETS = {"the", "a", "an", "his", "her", "their", "its", "our", "several", "some", "two", "three", "many", "other", "most", "both"}
_DROP_MODS = {"unidentified", "senior", "unnamed", "anonymous", "top", "several", "some", "other", "many", "most", "two",
              "three", "both", "former", "state", "state-run", "leading", "prominent", "independent", "the"}
_PLACE_HEADS = frozenset({"county", "city", "parish", "township", "district", "borough"})
_DOCUMENTS = frozenset("""suit lawsuit statement statements report reports letter complaint filing filings paper memo
memorandum study survey poll indictment ruling order ad ads video release email tweet tweets post book article editorial
bill document documents brief motion petition opinion decision affidavit transcript""".split())
_OWN_WORDS = frozenset("""account feed page tweet tweets post posts statement statements speech remarks letter book
website interview message op-ed column memoir criticism criticisms comment comments words claim claims""".split())
_NAME_ONLY_RE = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2}")
_OFFICES = frozenset({"government", "military", "court", "party"})  # role classes whose titles name one holder
_SPELL = {"defence": "defense", "centre": "center", "organisation": "organization", **TITLE_ABBREVIATIONS}
_NON_PERSON_CAPS = {"news", "agency", "ministry", "department", "office", "institute", "center", "centre", "university",
                    "committee", "council", "party", "group", "company", "times", "post", "press", "tv", "network",
                    "house", "administration", "government", "media", "daily", "journal", "bank", "army", "forces",
                    "alliance", "union", "organization", "council", "commission", "parliament", "congress", "senate",
                    "district", "city", "county", "state", "republic", "people"}


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


@lru_cache(maxsize=16384)  # a story's names are shared by all its articles; the same names come back in each
def _story_form(forms: tuple[str, ...], full: str) -> str:
    """The one name of ``forms`` (a story's full names of one surname) that :func:`same_person`
    matches with ``full``, else ``full`` (see :meth:`Resolver._canonical`)."""
    cands = [n for n in forms if same_person(n, full)]
    return cands[0] if len(cands) == 1 else full


class _Mention(NamedTuple):
    """What a speaker mention's own words say, before any context (see :func:`_parse_mention`)."""

    place: Place | None  # the whole mention names a country or capital
    words: tuple[str, ...]  # its words without leading determiners
    org_hit: tuple[int, int, tuple[str, str, str, str]] | None  # first organisation alias: word span, record
    run: tuple[str, ...]  # trailing capitalised run: a person's name
    title: tuple[str, ...]  # the words before the name
    classes: tuple[frozenset[str], str, str, bool, str]  # :func:`_classify` of the title and appositive
    org_whole: bool  # the organisation ends the mention and no person's role precedes it
    party: str = ""  # from a party-state tag in the mention or its apposition ("R-Texas": Republican)


@lru_cache(maxsize=8192)
def _parse_mention(mention: str, appos: str) -> _Mention | None:
    """Split a mention into title, name and organisation using the packaged lists only.

    The same mentions ("Erdogan", "Turkish President Recep Tayyip Erdogan")
    recur in many articles, so this context-free part is cached; the
    resolver adds what depends on the text read so far. None when the
    mention has no words besides determiners.
    """
    lex = lexicon()
    mention, party, _ = strip_party_tag(mention)
    if not party:
        appos, party, _ = strip_party_tag(appos)
    if appos.split()[:1] and appos.split()[0].lower().endswith("ing"):
        appos = ""  # "Mr. Pence, briefing reporters,": what he did, not what he is
    low = mention.lower().replace("’", "'")
    words = _drop_place_suffix(_WORD_RE.findall(mention))
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
        if (w[:1].isupper() and not w.isupper() and n not in lex.roles and n not in HONORIFICS and n not in lex.adjectives
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
    return _Mention(None, tuple(words), org_hit, tuple(run), tuple(title), classes, org_whole, party)


def text_names(text: str) -> list[TextName]:
    """The people ``text`` names with a first and last name (:func:`framing.quotes.names.scan_names`
    with the packaged roles, places and organisations).

    Examples
    --------
    >>> [(n.name, sorted(n.roles)) for n in text_names("Sen. Bob Corker of Tennessee met President Barack Obama.")]
    [('Bob Corker', ['lawmaker', 'legislator', 'senator']), ('Barack Obama', ['president'])]
    """
    return list(_text_names(text))


@lru_cache(maxsize=4096)  # framing.analyze scans each article twice: voices' fit step (story names), then its run
def _text_names(text: str) -> tuple[TextName, ...]:
    return tuple(scan_names(text, _word_kind))


def _is_other(w: str) -> bool:
    lex = lexicon()
    return (w in lex.metonyms or w + "." in lex.metonyms or w in lex.adjectives or w in lex.orgs
            or w in _NON_PERSON_CAPS or w in us_states())


@lru_cache(maxsize=65536)  # every capitalised word of every text; names and titles recur
def _word_kind(word: str) -> str:
    return word_kind(word, lexicon().roles.__contains__, _is_other)


_STATES_RE = re.compile(r"(?:\s*(?:,|and|&)\s*)")


@lru_cache(maxsize=4096)
def us_states_named(mention: str) -> str:
    """The US states a mention consists of, joined by "and" ("" when it is anything else).

    >>> us_states_named("Nebraska and Oklahoma"), us_states_named("the state of Texas"), us_states_named("Perry")
    ('Nebraska and Oklahoma', '', '')
    """
    parts = [p for p in _STATES_RE.split(mention.strip().replace("’s", "").replace("'s", "")) if p]
    names = [us_states().get(p.lower()) for p in parts]
    if not names or any(n is None for n in names) or any(p[:1].islower() for p in parts):
        return ""
    if len(parts) == 1 and parts[0].lower() in lexicon().metonyms:
        return ""  # "Washington" is the US government, "Georgia" the country, as before
    return " and ".join(names)


def is_place(words: str) -> bool:
    """A US state, country or capital ("California", "Poland", "New York")."""
    low = words.lower().replace("’", "'")
    return low in us_states() or low in lexicon().metonyms


def _drop_place_suffix(words: list[str]) -> list[str]:
    """Rule *a place after a name is not the name*: "Representative Mike Thompson of California" names
    Mike Thompson; the words from "of" on are dropped when they name a US state, country or capital."""
    for k in range(len(words) - 2, 0, -1):
        head = _norm(words[k - 1])
        if words[k] == "of" and (words[k - 1][:1].isupper() or head in lexicon().roles) \
                and head not in _NON_PERSON_CAPS and (is_place(" ".join(words[k + 1:]))
                                                      or words[-1].lower() in _PLACE_HEADS and words[k + 1][:1].isupper()):
            return words[:k]
    return words


class Resolver:
    """Resolve speaker mentions of one text, in text order.

    ``text_names`` are the people the text names (:func:`framing.quotes.names.scan_names`), so a bare
    surname or a description can resolve to a person named outside a speaker slot; ``story_names``
    maps a surname to the full names the other articles of the story use (most frequent first).
    """

    def __init__(self, actors: Iterable[Actor] | None = None, text_names: Iterable[TextName] = (),
                 story_names: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.lex = lexicon()
        self.actors = tuple(actors or ())
        self.actor_pairs, self.actor_last = _actor_index(self.actors) if self.actors else ([], {})
        self.persons: dict[str, list[Profile]] = {}  # surname -> the people of that surname met so far
        self.history: list[Profile] = []
        self.named: list[tuple[int, Profile]] = []  # every named person speaker, by position
        self.text_names = tuple(text_names)
        self.by_surname: dict[str, list[TextName]] = {}
        for tn in self.text_names:
            if " " in tn.name:
                self.by_surname.setdefault(_norm(tn.name.split()[-1]), []).append(tn)
        self._genders: dict[str, str] | None = None  # surname -> "f"/"m", built at the first pronoun
        self.story_names = story_names or {}
        self.speaker_refs: dict[str, list[tuple[str, int]]] = {}  # surname -> (speaker's name, position)
        self._canon: dict[str, str] = {}  # written name -> the story's form (see _canonical)
        self._surname_groups: dict[tuple[str, bool], list[list[TextName]]] = {}  # see _groups

    # ------------------------------------------------------------------
    def _from_actor(self, act: Actor) -> Profile:
        roles = {_norm(w) for w in _WORD_RE.findall(act.role)}
        klass = "expert" if "expert" in act.affiliation.lower() or "analyst" in act.affiliation.lower() else ""
        kind = {"government": "government", "organisation": "organisation", "media": "media", "group": "group"}.get(act.kind, "person")
        prof = Profile(act.name, act.affiliation or "unknown", act.country, kind, kind == "group", roles, klass)
        if kind == "person":
            self._register(_norm(act.name.split()[-1]), prof)
        return prof

    def _register(self, last: str, prof: Profile) -> None:
        self.persons.setdefault(last, []).append(prof)

    def _person(self, full: str, roles: set[str], make: Profile | None = None) -> Profile:
        """The one profile of the person written ``full`` (rule *surnames collide, people do not*):
        a known person with the same last name and compatible first names, else ``make`` (or a new
        profile), registered."""
        full = self._canonical(full)
        if make is not None:
            make.name = full
        last = _norm(full.split()[-1])
        for known in self.persons.get(last, ()):
            if known.kind == "person" and not known.anonymous and same_person(known.name, full):
                known.roles |= roles
                if make is not None and known.affiliation == "unknown":
                    known.affiliation, known.country = make.affiliation, known.country or make.country
                if len(full.split()) > 1 and len(known.name.split()) == 1:
                    known.name = full  # "Trump" met first, "Donald Trump" now
                return known
        prof = make if make is not None else Profile(full, "unknown", "", "person", False, set(roles))
        self._register(last, prof)
        return prof

    def _canonical(self, full: str) -> str:
        """Rule *one name per person per story*: the story's most used form of ``full`` ("Donald J.
        Trump" -> "Donald Trump"), or ``full`` when the story has none or several matching people."""
        hit = self._canon.get(full)
        if hit is None:  # the story's names are fixed for the text: one answer per written form
            forms = self.story_names.get(_norm(full.split()[-1]), ())
            hit = self._canon[full] = _story_form(forms if isinstance(forms, tuple) else tuple(forms), full)
        return hit

    def _surname(self, last: str, pos: int) -> str | None:
        """The full name a bare surname stands for (rule *bare surname*): the one person of that
        surname the narration names in full (quoted names only when the narration names none); of
        several, see :meth:`_pick_group`; none in the text,
        the story's one full name of that surname. None when it stays ambiguous."""
        for quoted in (False, True):  # names in the narration first, those inside quotes only if none
            groups = self._groups(last, quoted)
            if len(groups) > 1:
                groups = self._pick_group(groups, last, pos)
            if len(groups) == 1:
                forms = [tn.name for tn in groups[0]]
                return max(forms, key=lambda f: (forms.count(f), -forms.index(f)))
            if groups:
                return None
        story = self.story_names.get(last, ())
        return story[0] if len(story) == 1 else None

    def _groups(self, last: str, quoted: bool) -> list[list[TextName]]:
        """The people of surname ``last`` the text names in full (inside quotes or not), one list of
        mentions per person (:func:`same_person`), in text order; computed once per surname."""
        key = (last, quoted)
        groups = self._surname_groups.get(key)
        if groups is None:
            groups = self._surname_groups[key] = []
            for tn in (n for n in self.by_surname.get(last, ()) if n.quoted == quoted):
                for g in groups:
                    if same_person(g[0].name, tn.name):
                        g.append(tn)
                        break
                else:
                    groups.append([tn])
        return groups

    def _pick_group(self, groups: list[list[TextName]], last: str, pos: int) -> list[list[TextName]]:
        """Of several people sharing a surname: the one last quoted under that surname before ``pos``,
        else the one named most often, else the one named last before ``pos`` (all of them when
        nothing decides)."""
        quoted = [(p, gi) for gi, g in enumerate(groups) for full, p in self.speaker_refs.get(last, ())
                  if p < pos and same_person(g[0].name, full)]
        if quoted:
            return [groups[max(quoted)[1]]]
        top = max(len(g) for g in groups)
        groups = [g for g in groups if len(g) == top]
        before = [(tn.start, gi) for gi, g in enumerate(groups) for tn in g if tn.start < pos]
        return [groups[max(before)[1]]] if len(groups) > 1 and before else groups

    def _last_named(self, pos: int, other_gender: str) -> Profile | None:
        """Rule *pronoun before any speaker*: the person the narration named last before ``pos``
        (not of ``other_gender``), when no speaker precedes the pronoun."""
        for tn in reversed(self.text_names):
            if tn.start < pos and not tn.quoted and gender_of(tn.roles) != other_gender:
                full = tn.name if " " in tn.name else self._surname(_norm(tn.name), pos) or tn.name
                prof = self._person(full, set(tn.roles))
                if self._gender(prof) != other_gender:
                    return prof
        return None

    def _gender(self, prof: Profile) -> str:
        if self._genders is None:
            seen: dict[str, set[str]] = {}
            for tn in self.text_names:
                g = gender_of(tn.roles)
                if g:
                    seen.setdefault(_norm(tn.name.split()[-1]), set()).add(g)
            self._genders = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._genders.get(_norm(prof.name.split()[-1]), "") if prof.name else ""

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
            prof = self._named(pos, mention, appos)
            if prof is not None and prof.kind == "person":
                self.named.append((pos, prof))

    def _named(self, pos: int, mention: str, appos: str) -> Profile | None:
        if self.actors:
            act = self._match_actor(mention.lower().replace("’", "'"))
            if act is not None:
                return self._from_actor(act)
        states = us_states_named(mention)
        if states:  # rule *a place speaks as its government*: "Nebraska and Oklahoma said"
            return Profile(states, "US state government", "US", "government")
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
        if run and len(run) == len(words) <= 3 and mention.lstrip()[:4].lower() == "the ":
            # rule *"the X" is not a person*: "according to The Hill"
            return Profile("The " + " ".join(words), "unknown", "", "organisation", False, roles)
        if run and (len(run) >= 2 or title or appos or len(words) == 1):
            return self._named_speaker(pos, parts, roles, appos)
        if not run and title and not group and (title[-1][:1].isupper()) and klass in ("government", "media", "expert", "military", "party", "court", "business") and len(title) >= 2 \
                and _norm(title[-1]) in _NON_PERSON_CAPS:
            # "the Turkish Foreign Ministry", "Bloomberg News"
            name = " ".join(title)
            return Profile(name, self._affiliation(klass, gov, country), country, "media" if klass == "media" else "organisation", False, roles, klass)
        if not run and len(words) <= 4 and all(w[:1].isupper() for w in words) and not group and klass == "":
            return Profile(" ".join(words), "unknown", country, "organisation", False, roles, klass)
        return None

    def _named_person(self, pos: int, parts: _Mention, roles: set[str], appos: str) -> Profile:
        """A mention ending in a person's name: the person it names, registered once."""
        run, title, words = list(parts.run), parts.title, parts.words
        _, klass, country, _, gov = parts.classes
        if len(run) >= 3 and title and title[-1].lower() == "of":
            run = run[1:]  # "director of Rosoboronexport Alexander Mikheev"
        aff = self._affiliation(klass, gov, country)
        if aff in ("unknown", "government"):  # rule *affiliation from the text*: tag, apposition, premodifier
            org = parts.org_hit[2][0] if parts.org_hit is not None and parts.org_hit[1] <= len(title) else ""
            aff = party_affiliation(parts.party, roles) or apposition_affiliation(appos) or org or aff
        if len(run) == 1:
            full = self._surname(_norm(run[0]), pos)
            if full is None:
                known = [p for p in self.persons.get(_norm(run[0]), ()) if p.kind == "person" and not p.anonymous]
                if len(known) == 1:  # no full name in the text: the one person of that name met so far
                    known[0].roles |= roles
                    return known[0]
                if len(run) == 1 and not title and not appos and len(words) == 1:
                    return self._person(run[0], roles, Profile(run[0], "unknown", "", "person", False, roles, klass))
                return self._person(run[0], roles, Profile(run[0], aff, country, "person", False, roles, klass))
            return self._person(full, roles, Profile(full, aff, country, "person", False, roles, klass))
        full = " ".join(run)
        return self._person(full, roles, Profile(full, aff, country, "person", False, roles, klass))

    def _named_speaker(self, pos: int, parts: _Mention, roles: set[str], appos: str) -> Profile:
        """:meth:`_named_person`, remembering who each surname named here (for :meth:`_pick_group`)."""
        prof = self._named_person(pos, parts, roles, appos)
        if prof.name:
            self.speaker_refs.setdefault(_norm(prof.name.split()[-1]), []).append((prof.name, pos))
        return prof

    # ------------------------------------------------------------------
    def resolve(self, pos: int, mention: str, appos: str = "") -> Profile:
        """Resolve one mention at character ``pos``."""
        low = mention.strip().lower()
        if low in ("he", "she", "him", "her"):
            other = "f" if low in ("he", "him") else "m"  # rule *pronoun gender*: honorifics of the text
            for prof in reversed(self.history):
                if prof.kind == "person" and not prof.anonymous and self._gender(prof) != other:
                    return prof
            named = self._last_named(pos, other)
            return named if named is not None else Profile("", "unknown", "", "person")
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
        last_word = mention.rstrip().rsplit(None, 1)[-1] if mention.strip() else ""
        if last_word[:1].isupper() and last_word.endswith(("'s", "’s")):
            mention = mention.rstrip()[:-2]  # "Mr. Trump's" cut before its noun: the owner's words
        prof = self._named(pos, mention, appos)
        if prof is not None:
            self._push(prof)
            return prof
        words = [w for w in _WORD_RE.findall(mention)]
        owned = self._owned(pos, words, appos)
        if owned is not None:
            self._push(owned)
            return owned
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
        if content and content[-1] in _DOCUMENTS and not any(w[:1].isupper() for w in words[1:]):
            # rule *a document speaks for itself*: "the lawsuit says", "a statement said"
            prof = Profile(" ".join(w for w in words if w.lower() not in _DETS), "unknown", country, "organisation",
                           False, roles, klass)
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

    def _owned(self, pos: int, words: list[str], appos: str = "") -> Profile | None:
        """Rule *someone's spokesman is not that someone*: "Ms. Pelosi's spokesman", "Trump's lawyer"
        name an unnamed person speaking for the owner (affiliation: the owner's full name), or the
        person the apposition names ("Ms. Pelosi's spokesman, Drew Hammill,"); the owner's own words
        ("Trump's account", "Perry's statement") are the owner's."""
        for i, w in enumerate(words[:-1]):
            if w[:1].isupper() and w.endswith(("'s", "’s")) and all(x[:1].islower() for x in words[i + 1:]):
                owner = [x for x in words[:i + 1] if _norm(x) not in HONORIFICS and x[:1].isupper()]
                if not owner:
                    return None
                last = _norm(owner[-1])
                full = (self._surname(last, pos) if len(owner) == 1 else None) or " ".join(owner)[:-2]
                head = " ".join(words[i + 1:])
                if _norm(words[-1]) in _OWN_WORDS:  # "Trump's account", "Perry's statement": the owner speaks
                    return self._person(full, set())
                if _NAME_ONLY_RE.fullmatch(appos.strip(" ,")):
                    named = self._named(pos, appos.strip(" ,"), "")
                    if named is not None and named.kind == "person":
                        if named.affiliation == "unknown":
                            named.affiliation = full
                        return named
                roles, klass, country, _, _ = self._classify_words(words[i + 1:])
                return Profile(f"{full}'s {head}", full, country, "person", True, roles, klass)
        return None

    def _score(self, prof: Profile, desc: set[str], klass: str, country: str, proper: set[str] = frozenset()) -> int:
        if proper and not (proper & prof.roles) and not (country and prof.country == country):
            return 0  # "NATO's secretary general" is not the US president
        if country and prof.country and prof.country != country:
            return 0
        titles = {w for w in desc - proper if self.lex.roles.get(w, ("",))[0] in _OFFICES}
        if titles and not titles & prof.roles and any(w in self.lex.roles for w in prof.roles):
            return 0  # rule *a title names its holder*: "the president" is not "FBI official Peter Strzok"
        if titles and any((m in prof.roles) != (m in desc) for m in ("vice", "deputy", "assistant")):
            return 0  # "the president" is not the vice president
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
        for tn in reversed(self.text_names):  # rule *description to a titled name*: "the president"
            if tn.start < pos and tn.roles and self._score(Profile(tn.name, roles=set(tn.roles)), desc, klass,
                                                          country, proper) > 0:
                full = tn.name if " " in tn.name else self._surname(_norm(tn.name), pos) or tn.name
                return self._person(full, set(tn.roles))
        for p, prof in self.named:
            if p > pos and self._score(prof, desc, klass, country) > 0:
                return prof
        return fallback

    def _push(self, prof: Profile) -> None:
        if prof.name:
            self.history.append(prof)
