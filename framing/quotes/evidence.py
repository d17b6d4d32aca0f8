"""Evidence of speech: tests the rules apply before they report content.

Indirect speech needs a reporting verb with reported content, a speaker
that can speak, and no other reading of the verb. Each test is one small
named function:

* :func:`needs_clause` - the verb has a common non-speech sense; the next
  two tests apply to such verbs only;
* :func:`opens_no_content` - the words after the verb start with an
  infinitive or a preposition ("promised to continue", "writes about civic
  affairs", "got called up"): a goal or topic, not content;
* :func:`is_object_not_clause` - the words after the verb hold no finite verb:
  an object ("denied the existence of a link", "added three more goals"),
  not a clause;
* :func:`opens_topic` - any verb (reported-speech convention only, applied
  by :mod:`framing.quotes.convention`): the words after it start with a
  preposition, a particle or a conjunction ("tells us about a growing
  concern", "warned about slowing sales", "wrote off assets"): a topic or
  another verb, not content;
* :func:`opens_with_quantity` - verbs with a non-speech sense: the words
  after the verb start with a number ("the index added 0.4 per cent");
* :func:`is_verdict` - "pleaded guilty", "found innocent";
* :func:`cannot_speak` - the subject is a picture, a figure or a market
  ("Television images showed ...", "the index added 0.5 per cent");
* :func:`is_imperative` - the verb opens the sentence with no subject
  ("Ask him if he feels the same way.").

Word lists: ``framing/data/quote_evidence.csv``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import read_csv

__all__ = ["opens_no_content", "opens_topic", "opens_with_quantity", "is_object_not_clause", "is_verdict", "needs_clause", "cannot_speak",
           "is_imperative", "lacks_content"]

_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
#: Contractions that make a word run a clause ("he's", "they're", "we'll", "don't").
_CONTRACTION_RE = re.compile(r"['’](?:s|re|ve|ll|d|m)\b|n['’]t\b", re.I)
#: A past tense or participle form: "-ed" after at least three letters ("stopped", "raised").
_ED_RE = re.compile(r"^[a-z]{3,}ed$")
#: Words after which an "-ed" form is an adjective ("the affected", "more unanswered goals").
_DET_BEFORE = frozenset("""the a an his her their its our my your this that these those more most less many few some
all no any very one two three four five six seven eight nine ten""".split())
#: A present-tense third-person form: "-s" but not "-ss", "-us", "-is" ("hopes", "needs").
_PRESENT_RE = re.compile(r"^[a-z]{2,}[^su]s$")
_SUBJECT_PRONOUNS = frozenset("he she it this that there".split())
#: Words that open a relative or adverbial clause inside an object ("the drug, which tracks ...").
_SUBORDINATORS = frozenset("which who whom whose where when while because although though unless until whereas".split())
#: Words at most this far into the content are looked at for a finite verb.
_CLAUSE_WINDOW = 20


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_csv("quote_evidence.csv", ("word", "class")):
        out.setdefault(row["class"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _first_word(s: str) -> str:
    m = _WORD_RE.search(s[:40])
    return m.group().lower() if m is not None and not s[:m.start()].strip(" ,") else ""


def opens_no_content(content: str) -> bool:
    """Does ``content`` start with an infinitive, a preposition or a particle?

    >>> opens_no_content("to continue publishing all of the titles"), opens_no_content("the talks failed")
    (True, False)
    """
    return _first_word(content) in _words()["lead"]


def opens_topic(content: str) -> bool:
    """Does ``content`` start with a preposition or a particle (not "to", not "about" a number)?

    Any reporting verb followed by one of these names a topic or is part of
    another verb ("write off"); "to" opens content after directives ("urged
    her to investigate") and is left to :func:`opens_no_content`.

    >>> opens_topic("about a growing concern"), opens_topic("off assets worth billions"), opens_topic("to act")
    (True, True, False)
    """
    first = _first_word(content)
    if first == "about" and opens_with_quantity(content[content.lower().find("about") + 5:]):
        return False  # "says about 550 students attend": about = roughly
    return first != "to" and first in _words()["lead"]


_NUMBER_RE = re.compile(r"[\s$€£(-]*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|half)\b)", re.I)


def opens_with_quantity(content: str) -> bool:
    """Does ``content`` start with a number ("0.4 per cent to 2,106", "three more goals")?

    >>> opens_with_quantity("0.4 per cent to 5,835.20"), opens_with_quantity("the deal is final")
    (True, False)
    """
    return _NUMBER_RE.match(content) is not None


def is_verdict(content: str) -> bool:
    """Is the verb's object a verdict ("pleaded guilty and was sentenced")?"""
    return _first_word(content) in _words()["object"]


def is_object_not_clause(content: str) -> bool:
    """Do the first words of ``content`` hold no finite verb (an object, not a clause)?

    A finite verb is an auxiliary or modal, a contraction ("he's"), a common
    irregular past tense, an "-ed" form not right after a determiner or a
    number, or an
    "-s" form right after a capitalised word or a subject pronoun. Only the
    words before the first subordinating word (which, who, when, because
    ...) are looked at: a verb in a relative or adverbial clause does not
    make the object a clause.

    >>> is_object_not_clause("the existence of such a link between their operations")
    True
    >>> is_object_not_clause("the deal was final"), is_object_not_clause("prices rose sharply")
    (False, False)
    """
    finite = _words()["finite"]
    prev, prev_cap = "", False
    for n, m in enumerate(_WORD_RE.finditer(content)):
        if n >= _CLAUSE_WINDOW:
            break
        w = m.group()
        if n > 0 and w.lower() in _SUBORDINATORS:
            break  # "policies only when they were ...", "the group, which tracks ...": not the main clause
        low = w.lower().replace("’", "'")
        if low in finite or _CONTRACTION_RE.search(w):
            return False
        if _ED_RE.match(low) and prev not in _DET_BEFORE and not prev.isdigit():
            return False
        if n > 0 and _PRESENT_RE.match(low) and (prev_cap or prev in _SUBJECT_PRONOUNS):
            return False  # "Turkey hopes to", "it needs"
        prev, prev_cap = low, w[:1].isupper()
    return True


def needs_clause(lemma: str) -> bool:
    """Has the verb a common non-speech sense ("added three goals", "found it useful", "offered
    insurance"), so that it reports speech only with a clause after it?"""
    return lemma in _words()["needs_clause"]


def lacks_content(content: str, lemma: str) -> bool:
    """The words after a reporting verb of lemma ``lemma`` are no reported content.

    Any verb: a verdict ("pleaded guilty"). Verbs with a non-speech sense
    (:func:`needs_clause`): also an infinitive, a preposition, a number or
    an object with no finite verb. (A topic after any verb, :func:`opens_topic`,
    is no quote under the reported-speech convention only; see
    :mod:`framing.quotes.convention`.)
    """
    if is_verdict(content):
        return True
    return needs_clause(lemma) and (opens_no_content(content) or opens_with_quantity(content)
                                    or is_object_not_clause(content))


def cannot_speak(mention: str) -> bool:
    """Is the head of the speaker phrase a thing that cannot speak ("Television images")?

    >>> cannot_speak("Television images"), cannot_speak("the minister")
    (True, False)
    """
    words = _WORD_RE.findall(mention)
    return bool(words) and words[-1].lower() in _words()["non_speaker"]


def is_imperative(before: str, form: str) -> bool:
    """Does the cue open its sentence as a bare verb ("Ask him if ...", "Tell him why ...")?

    ``before`` is the sentence up to the cue; only quote marks, brackets or
    white space may precede it, and the cue must be a base form (no -s, -ed, -ing).
    """
    if before.strip(" \t\n\"“‘'(") != "":
        return False
    low = form.lower()
    return not low.endswith(("s", "ed", "ing")) and " " not in low
