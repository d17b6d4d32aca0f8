"""Person names for speaker resolution: titles, party-state tags, names in the text, same-person tests.

Small named rules, each used by :mod:`framing.quotes.resolve`:

* :func:`strip_party_tag`: "R-Texas", "(D-Calif.)", "D-N.Y." are party-state tags, not names;
  they give the speaker's party (and, with a legislator's title, ``US Congress``);
* :func:`scan_names`: the people the text names with two words or more ("President Donald
  Trump", "Rep. Blake Farenthold"), with their offsets and title words, so a bare surname or
  a description ("the president") can resolve to someone the text named outside a speaker slot;
* :func:`same_person`: "Donald Trump" and "Donald J. Trump" are one person, "Liz Cheney" and
  "Mary Cheney" are two;
* :func:`apposition_affiliation`: "X, a spokesman for the State Department" -> "State Department";
* :func:`story_names`: one written form per person across the articles of a story.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Mapping, NamedTuple

from ..resources import read_csv

__all__ = ["HONORIFICS", "TITLE_ABBREVIATIONS", "TextName", "apposition_affiliation", "gender_of", "party_affiliation",
           "same_person", "scan_names", "story_names", "strip_party_tag", "us_states", "word_kind"]

#: Courtesy titles: never part of a name, say nothing about the speaker's office.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "messrs"})

#: Abbreviated titles (AP style) -> the role word of ``roles.csv`` they stand for.
TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "sens": "senator", "rep": "representative",
                       "reps": "representative", "lt": "lieutenant", "gen": "general", "col": "colonel",
                       "maj": "major", "capt": "captain", "sgt": "sergeant", "adm": "admiral", "atty": "attorney",
                       "rev": "reverend", "supt": "superintendent", "cmdr": "commander", "amb": "ambassador"}

#: Role words that name the same office ("the congressman" for "Rep. X", "the lawmaker" for "Sen. X").
ROLE_SYNONYMS = {"representative": ("congressman", "congresswoman", "lawmaker", "legislator"),
                 "congressman": ("representative", "lawmaker"), "congresswoman": ("representative", "lawmaker"),
                 "senator": ("lawmaker", "legislator")}

_LEGISLATOR = {"senator", "representative", "congressman", "congresswoman", "lawmaker", "legislator"}
_PARTIES = {"R": "Republican", "D": "Democrat", "I": "independent"}
_TAG_RE = re.compile(r"\(?\b([RDI])\s?-\s?((?:[A-Z][A-Za-z]*\.?\s?){1,3})\)?")
_ABBR_WORDS = frozenset(TITLE_ABBREVIATIONS) | HONORIFICS | {"st", "jr", "sr"}
# A run starts with a capital that no word character precedes (``\b``, checked after the capital so that
# the regex engine can jump from capital to capital) and its words never give back letters (possessive:
# what follows them is a space or the end). Same matches as r"\b[A-Z][\w'’.-]*(?: +[A-Z][\w'’.-]*)+"
# (checked on the 3,656 AllSides texts), 2.6 times faster.
_RUN_RE = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’.-]*+(?: ++[A-Z][\w'’.-]*+)+")
_APPOS_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aide|adviser|advisor|lawyer|attorney|member|official|director|chairman|"
    r"chairwoman|chair|chief|head|president|CEO|executive|secretary|professor|researcher|fellow|analyst|"
    r"economist|strategist|founder|leader|manager|counsel|representative|consultant)\s+(?:for|at|of|with|to)\s+"
    r"(?:the\s+)?((?:[A-Z][\w.&'’-]*)(?:\s+(?:of|for|and|on|&)?\s*[A-Z][\w.&'’-]*)*)")
_NOT_NAME = frozenset("""the a an but and or if in on at of for to by from with as when while after before since
this that these those it its he she they we his her their our new old said says says according
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december street avenue road tower hall hill capitol court supreme federal national
state states republican republicans democrat democrats democratic gop white black house senate agent special
one two three four five first then now also more meanwhile however yet still so despite although though during
under over about against without within like unlike where why how what who whom whose which there here is was not
no yes even just only instead including because once until all every each any many most some other another former
late top dear last next earlier later""".split())


class TextName(NamedTuple):
    """A person the text names with two words or more."""

    start: int  # offset of the name (title excluded)
    end: int
    name: str  # the name without title ("Donald Trump")
    roles: frozenset[str]  # normalised title words and honorifics before it ("president", "mr")
    quoted: bool = False  # inside quotation marks (set by the caller)


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """Lower-cased state names, AP abbreviations (without dots) and postal codes -> state name.

    Examples
    --------
    >>> us_states()["calif"], us_states()["ny"], us_states()["texas"]
    ('California', 'New York', 'Texas')
    """
    out: dict[str, str] = {}
    for row in read_csv("us_states.csv", ("name", "abbreviations", "postal")):
        for form in [row["name"], row["postal"], *row["abbreviations"].split("|")]:
            if form:
                out[form.replace(".", "").replace(" ", "").lower()] = row["name"]
                out[form.lower()] = row["name"]
    return out


@lru_cache(maxsize=16384)  # every speaker mention and apposition; the same ones recur across articles
def strip_party_tag(text: str) -> tuple[str, str, str]:
    """``text`` without its party-state tag, the party and the state (rule *party tag is not a name*).

    Examples
    --------
    >>> strip_party_tag("Sen. Ted Cruz, R-Texas")
    ('Sen. Ted Cruz', 'Republican', 'Texas')
    >>> strip_party_tag("Rep. Nancy Pelosi (D-Calif.)")
    ('Rep. Nancy Pelosi', 'Democrat', 'California')
    >>> strip_party_tag("Rudy Giuliani")
    ('Rudy Giuliani', '', '')
    """
    for m in _TAG_RE.finditer(text):
        state = us_states().get(m.group(2).replace(".", "").replace(" ", "").lower())
        if state is None:
            continue
        rest = (text[:m.start()] + text[m.end():]).strip(" ,;()")
        return re.sub(r"\s*,\s*$", "", rest), _PARTIES[m.group(1)], state
    return text, "", ""


def party_affiliation(party: str, roles: set[str] | frozenset[str]) -> str:
    """Affiliation from a party tag: ``US Congress, Republican`` for a legislator, else the party.

    >>> party_affiliation("Republican", {"senator"}), party_affiliation("Democrat", set())
    ('US Congress, Republican', 'Democrat')
    """
    if not party:
        return ""
    return f"US Congress, {party}" if roles & _LEGISLATOR else party


@lru_cache(maxsize=65536)  # called for every pair of candidate names; few distinct pairs
def same_person(a: str, b: str) -> bool:
    """Do two written names name one person? Same last word, and the first names agree or one name's
    words hold the other's (rule *surnames collide, people do not*).

    Examples
    --------
    >>> same_person("Donald J. Trump", "Donald Trump"), same_person("Hillary Rodham Clinton", "Hillary Clinton")
    (True, True)
    >>> same_person("Liz Cheney", "Mary Cheney"), same_person("Trump", "Donald Trump")
    (False, True)
    """
    return _same_words(_name_words(a), _name_words(b))


def _same_words(wa: tuple[str, ...], wb: tuple[str, ...]) -> bool:
    """:func:`same_person` of two names given as their :func:`_name_words`."""
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return wa[0] == wb[0] or set(wa) <= set(wb) or set(wb) <= set(wa)


@lru_cache(maxsize=65536)  # each name is compared with many others (story names, surname groups)
def _name_words(name: str) -> tuple[str, ...]:
    """The lower-cased words of ``name`` without dots, initials left out ("Donald J. Trump" ->
    ("donald", "trump")): what :func:`same_person` compares."""
    return tuple(w.strip(".").lower() for w in name.split() if len(w.strip(".")) > 1)


def _norm_title(word: str) -> str:
    w = word.strip(".").lower()
    return TITLE_ABBREVIATIONS.get(w, w)


def word_kind(word: str, is_role: Callable[[str], bool], is_other: Callable[[str], bool]) -> str:
    """What a capitalised word is in a run of names: ``initial`` ("J."), ``honorific`` ("Mr."),
    ``role`` (a title: "President", "Sen."), ``other`` (a place, organisation or common word) or
    ``name``.

    >>> [word_kind(w, {"president"}.__contains__, {"texas"}.__contains__) for w in ("J.", "Mr.", "President", "Texas", "Perry")]
    ['initial', 'honorific', 'role', 'other', 'name']
    """
    if len(word) == 2 and word.endswith("."):
        return "initial"
    if word.isupper() or not word[1:2].isalpha() and word[1:2] not in ("'", "’"):
        return "other"  # "FBI", "U.S.", "A-list"
    low = _norm_title(word)
    if low in HONORIFICS:
        return "honorific"
    if is_role(low):
        return "role"
    return "other" if is_other(low) or low in _NOT_NAME else "name"


def scan_names(text: str, kind: Callable[[str], str]) -> list[TextName]:
    """People named in ``text`` with a first and a last name, or with a title and a surname, in
    text order.

    A run of capitalised words is split from the end like a speaker mention: the trailing words
    of ``kind`` ``name`` (or initials) are the name, the run's earlier titles and honorifics its
    roles (:func:`word_kind`). A one-word name counts only after a title ("President Trump").

    Examples
    --------
    >>> roles, other = {"president", "senator", "governor", "representative", "leader"}, {"house", "majority"}
    >>> ns = scan_names("House Majority Leader Steny Hoyer met President Donald J. Trump and Gov. Perry.",
    ...                 lambda w: word_kind(w, roles.__contains__, other.__contains__))
    >>> [(n.name, sorted(n.roles)) for n in ns]
    [('Steny Hoyer', ['leader']), ('Donald J. Trump', ['president']), ('Perry', ['governor'])]
    """
    out: list[TextName] = []
    for m in _RUN_RE.finditer(text):
        found = _parse_run(m.group(), kind)
        if found:  # most runs name nobody ("White House", "New York")
            base = m.start()
            out.extend(TextName(base + s, base + e, name, roles) for s, e, name, roles in found)
    return out


@lru_cache(maxsize=65536)  # runs recur across articles ("White House", "President Donald Trump")
def _parse_run(run: str, kind: Callable[[str], str]) -> tuple[tuple[int, int, str, frozenset[str]], ...]:
    """The names of one run of capitalised words: (start, end, name, roles), offsets into ``run``."""
    out = []
    for seg in _run_segments(run):
        name = _name_of(seg, kind)
        if name is not None:
            s, e, roles = name
            out.append((s, e, run[s:e], roles))
    return tuple(out)


def _run_segments(run: str) -> list[list[tuple[int, str]]]:
    """A run of capitalised words cut where a word ends a sentence ("Trump.") or owns ("Trump's"):
    the parts of two words or more, as lists of (offset, word without that ending)."""
    segs: list[list[tuple[int, str]]] = []
    seg: list[tuple[int, str]] = []
    pos = 0
    for w in run.split(" "):
        cut = True
        if w.endswith(("'s", "’s")):
            seg.append((pos, w[:-2]))
        elif w.endswith(".") and len(w) > 2 and "." not in w[:-1] and w[:-1].lower() not in _ABBR_WORDS:
            seg.append((pos, w[:-1]))
        else:
            cut = False
            if w:
                seg.append((pos, w))
        if cut:  # the word ends this part of the run
            if len(seg) >= 2:
                segs.append(seg)
            seg = []
        pos += len(w) + 1
    if len(seg) >= 2:
        segs.append(seg)
    return segs


def _name_of(seg: list[tuple[int, str]], kind: Callable[[str], str]) -> tuple[int, int, frozenset[str]] | None:
    """The name at the end of one run segment (see :func:`scan_names`) as (start, end, roles), or None."""
    kinds = [kind(w) for _, w in seg]
    n = len(kinds)
    k = n
    while k > 0 and kinds[k - 1] in ("name", "initial"):
        k -= 1
    if k == n:
        return None  # the run does not end with a name
    j = k
    while j < n and kinds[j] == "initial":
        j += 1  # a leading initial belongs to nobody ("U.S. Sen." split)
    n_words = kinds[j:].count("name")
    if n_words < 1:
        return None
    roles = {_norm_title(w) for (_, w), x in zip(seg[:k], kinds) if x in ("role", "honorific")}
    if n_words < 2 and not roles:
        return None  # one word is a name only after a title or honorific ("President Trump", "Mr. Trump")
    for r in list(roles):
        roles.update(ROLE_SYNONYMS.get(r, ()))
    return seg[j][0], seg[-1][0] + len(seg[-1][1]), frozenset(roles)


_FEMALE, _MALE = frozenset({"ms", "mrs", "miss"}), frozenset({"mr"})


def gender_of(roles: frozenset[str] | set[str]) -> str:
    """"f" or "m" when an honorific says it ("Ms. Rice", "Mr. Trump"), else "".

    >>> gender_of(frozenset({"ms"})), gender_of({"president", "mr"}), gender_of(set())
    ('f', 'm', '')
    """
    f, m = bool(roles & _FEMALE), bool(roles & _MALE)
    return "f" if f and not m else "m" if m and not f else ""


def apposition_affiliation(appos: str) -> str:
    """The organisation an apposition says the speaker works for, or "".

    Examples
    --------
    >>> apposition_affiliation("a spokesman for the State Department")
    'State Department'
    >>> apposition_affiliation("a professor at Georgetown University, said")
    'Georgetown University'
    >>> apposition_affiliation("who was there")
    ''
    """
    m = _APPOS_RE.search(appos)
    return m.group(1).rstrip(".,") if m else ""


def story_names(counts: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Per story, each surname's people as their most used full name, most named first (rule *one
    name per person per story*).

    ``counts`` maps a story to how often each full name occurs in its articles (see
    :func:`framing.analyzers.voices.story_name_counts`). Variants of one person
    (:func:`same_person`) are one entry, written as the variant used most.

    Examples
    --------
    >>> story_names({"s1": {"Donald Trump": 5, "Donald J. Trump": 2, "Melania Trump": 1, "Ted Cruz": 3}})
    {'s1': {'cruz': ('Ted Cruz',), 'trump': ('Donald Trump', 'Melania Trump')}}
    """
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for story in sorted(counts):
        by_last: dict[str, list[list[tuple[str, int]]]] = {}
        first_words: dict[int, tuple[str, ...]] = {}  # id of a group -> the words of its first name
        for name, n in sorted(counts[story].items(), key=lambda kv: (-kv[1], kv[0])):
            groups = by_last.setdefault(name.split()[-1].lower().replace("’", "'"), [])
            words = _name_words(name)
            for g in groups:
                if _same_words(first_words[id(g)], words):  # same_person(g[0][0], name)
                    g.append((name, n))
                    break
            else:
                groups.append([(name, n)])
                first_words[id(groups[-1])] = words
        out[story] = {last: tuple(g[0][0] for g in sorted(groups, key=lambda g: -sum(n for _, n in g)))
                      for last, groups in sorted(by_last.items())}
    return out
