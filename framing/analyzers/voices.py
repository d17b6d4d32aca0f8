"""Quoted voices: who speaks in each outlet, in whose words, with what verb.

Rules over regular-expression tokens and packaged word lists (no parser, no
model, nothing downloaded):

* direct quotes with any quote marks (" “ ” ‘ ’ « »), mismatched pairs,
  closing marks glued to the next word, quotes running over several
  paragraphs, unclosed quotes, colon-introduced quotes; the attribution
  before, inside or after the quote;
* indirect speech: *said (that)*, *told X that*, *warned/urged/asked X to*,
  *according to X*, *CONTENT, X insisted*, *accused X of*, *this was stated
  by X* (content in the previous sentence), participial *..., adding that*;
* mixed: indirect syntax holding a quoted fragment;
* speaker labels: "Kasich: ‘We will win.’" (transcripts, headlines) and the
  headline form "CONTENT: SPEAKER";
* any other reporting cue of the list that no rule above used gives its
  clause to the right as content (speaker: the noun phrase before the cue,
  when there is one);
* speakers: names, titles, pronouns and descriptions ("the expert") to the
  most recent compatible speaker, metonyms (Washington, Ankara) to a
  government, unnamed groups ("US officials", "experts") marked anonymous.

Reporting verbs and their stance class live in
``framing/data/reporting_verbs.csv``; see :func:`reporting_verbs`.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from ..actors import Actor
from ..quotes import QUOTE_COLUMNS, quote_rows
from ..quotes.names import TextName, story_names
from ..quotes.resolve import text_names
from ..tables import TABLES
from ..resources import read_csv

__all__ = [
    "QUOTE_COLUMNS",
    "extract_quotes",
    "voices",
    "voice_summary",
    "affiliation_shares",
    "reporting_verbs",
    "story_name_counts",
    "merge_story_name_counts",
]

log = logging.getLogger(__name__)

_INT_COLS = ("speaker_start", "speaker_end", "cue_start", "cue_end")


def _empty(prefix: tuple[str, ...] = ()) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in (*prefix, *QUOTE_COLUMNS)})
    return _types(df)


def _types(df: pd.DataFrame) -> pd.DataFrame:
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    for c in _INT_COLS:
        df[c] = df[c].astype("Int64")
    df["anonymous"] = df["anonymous"].astype("bool")
    for c in ("kind", "content", "speaker", "speaker_mention", "cue", "verb_class", "affiliation", "country"):
        df[c] = df[c].astype("object")
    return df


def extract_quotes(text: str, actors: Iterable[Actor] | None = None, *,
                   convention: str = "reported-speech") -> pd.DataFrame:
    """Find who is quoted in ``text``, how, and with which reporting verb.

    Parameters
    ----------
    text : str
        Any text (cleaned article text; offsets refer to it).
    actors : iterable of Actor, optional
        Story actors (``actors.yaml``): names and aliases resolve to the
        canonical name, affiliation and country. Without them speakers
        resolve from the names and titles in the text.
    convention : {"reported-speech", "attribution"}
        Which attributions count (:mod:`framing.quotes.convention`).
        ``"reported-speech"`` (default): what someone said or wrote; an
        indirect row needs a verb of saying (the Gender Gap Tracker's
        convention). ``"attribution"``: also thoughts, beliefs,
        expectations, intentions and evaluations ("expected that",
        "sought to", "criticized"), as PolNeAR annotates them. Direct
        quotes are kept under both.

    Returns
    -------
    pandas.DataFrame
        One row per attribution, in text order, with columns:

        kind : str
            ``direct`` (words in quote marks), ``indirect`` (reported
            speech or thought without quote marks) or ``mixed`` (indirect
            syntax holding a quoted fragment).
        start, end : int
            Offsets of the reported content: ``text[start:end] == content``.
            For direct quotes the marks are left out.
        content : str
            The reported content.
        speaker : str
            Canonical speaker: a person's full name, an organisation, a
            government ("US government") or a group label ("US officials");
            empty when none is found.
        speaker_mention : str
            The words naming the speaker at that spot ("he", "the expert").
        speaker_start, speaker_end : Int64
            Offsets of the mention (NA when there is none).
        cue : str
            The reporting verb or phrase as written (":" for a headline
            "CONTENT: SPEAKER").
        cue_start, cue_end : Int64
            Offsets of the cue (NA when there is none).
        verb_class : str
            Stance class of the cue from ``reporting_verbs.csv``: neutral or
            loaded.
        anonymous : bool
            True for unnamed people or groups ("officials", "experts").
        affiliation : str
            Institution the speaker speaks for ("NATO", "US government",
            "expert or analyst", "news media") or ``unknown``.
        country : str
            Country code or bloc of the speaker ("US", "TR", "NATO") or "".

    Examples
    --------
    >>> df = extract_quotes('"We are concerned," Stoltenberg said on Tuesday.')
    >>> df.loc[0, ["kind", "content", "speaker", "cue"]].tolist()
    ['direct', 'We are concerned,', 'Stoltenberg', 'said']
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    rows = quote_rows(text, actors, convention=convention)
    if not rows:
        return _empty()
    return _types(pd.DataFrame(rows, columns=list(QUOTE_COLUMNS)))


def _story_of(corpus: Any, art: Any) -> str:
    story_of = getattr(corpus, "story_of", None)
    if story_of is not None:
        return story_of(art)
    meta = getattr(art, "meta", None) or {}
    return str(meta.get("story") or "")


def story_name_counts(corpus: Any) -> dict[str, dict[str, int]]:
    """How often each person's full name occurs in the articles of each story (fit map of ``voices``).

    Names as :func:`framing.quotes.resolve.text_names` finds them (a first and a last name, titles
    left out). Additive over parts of a corpus: :func:`merge_story_name_counts` sums them.

    Examples
    --------
    >>> from framing import Corpus
    >>> c = Corpus.from_records([{"id": "a", "outlet": "cbc", "text": "Sen. Ted Cruz spoke.", "story": "s"}])
    >>> story_name_counts(c)
    {'s': {'Ted Cruz': 1}}
    """
    arts = list(getattr(corpus, "articles", corpus))
    return _count_names(corpus, arts, [text_names(a.text) for a in arts])


def _count_names(corpus: Any, arts: list[Any], people: list[list[TextName]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for art, names in zip(arts, people):
        counts = out.setdefault(_story_of(corpus, art), {})
        for n in names:
            if " " in n.name:
                counts[n.name] = counts.get(n.name, 0) + 1
    return out


def merge_story_name_counts(parts: list[dict[str, dict[str, int]]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Fit reduce of ``voices``: the summed counts of ``parts`` as :func:`framing.quotes.names.story_names`."""
    total: dict[str, dict[str, int]] = {}
    for part in parts:
        for story, counts in part.items():
            t = total.setdefault(story, {})
            for name, n in counts.items():
                t[name] = t.get(name, 0) + n
    return story_names(total)


def voices(corpus: Any, names: Mapping[str, Mapping[str, tuple[str, ...]]] | None = None, *,
           convention: str = "reported-speech") -> pd.DataFrame:
    """Quotes of every article of a corpus.

    Speakers are resolved within each article, then named one way per story (rule *one name per
    person per story*): a bare surname that the article never gives in full takes the one full name
    the story's other articles give it, and variants ("Donald J. Trump", "Donald Trump") become the
    story's most used form. Stories are the articles' ``story`` field (else the corpus's story).

    Parameters
    ----------
    corpus : Corpus
        A :class:`framing.corpus.Corpus` (or anything with ``.articles``
        and ``.actors``).
    names : mapping, optional
        The stories' person names (:func:`merge_story_name_counts` of
        :func:`story_name_counts`); computed from ``corpus`` when not given
        (the registry's fit passes the whole corpus's when it runs in chunks).
    convention : {"reported-speech", "attribution"}
        Which attributions count (see :func:`extract_quotes`).

    Returns
    -------
    pandas.DataFrame
        ``article_id`` (str), ``outlet`` (str), then the columns of
        :func:`extract_quotes`; offsets refer to ``article.text`` (declared table ``voices``).
    """
    from ..runner import gc_paused  # here, not at the top: the runner imports the analyzers

    with gc_paused():  # as in framing.analyze: the names held for the story step only feed full collections
        return _voices(corpus, names, convention)


def _voices(corpus: Any, names: Mapping[str, Mapping[str, tuple[str, ...]]] | None, convention: str) -> pd.DataFrame:
    actors = tuple(getattr(corpus, "actors", ()) or ())
    arts = list(getattr(corpus, "articles", corpus))
    people: list[Any] = [None] * len(arts)
    if names is None:  # the whole corpus is here: find each article's names once, for both steps
        people = [text_names(a.text) for a in arts]
        names = merge_story_name_counts([_count_names(corpus, arts, people)])
    records: list[tuple[Any, ...]] = []
    for art, found in zip(arts, people):
        paras = list(getattr(art, "paragraphs", ()) or ()) or None
        sents = list(getattr(art, "sentences", ()) or ()) or None
        story = names.get(_story_of(corpus, art), {})
        records.extend(quote_rows(art.text, actors, paras, sents, convention, story_names=story, people=found,
                                  prefix=(art.id, art.outlet)))
    return TABLES["voices"].from_rows(records)


def voice_summary(voices_table: pd.DataFrame) -> pd.DataFrame:
    """Per-outlet summary of a :func:`voices` table (declared table ``voice_summary``).

    Returns
    -------
    pandas.DataFrame
        One row per outlet (in first-appearance order): ``outlet``,
        ``n_quotes``, ``n_direct``, ``n_indirect``, ``n_mixed`` (int),
        ``share_direct``, ``share_indirect``, ``share_mixed``,
        ``share_anonymous``, ``share_loaded_verbs`` (float, 0-1, of
        ``n_quotes``), ``n_speakers`` (distinct non-empty speakers).
    """
    counts = voice_counts(voices_table)
    return summary_from_counts(counts, list(counts))


def voice_counts(voices_table: pd.DataFrame | None) -> dict[str, dict[str, Any]]:
    """Per outlet (first-appearance order): quotes, quotes by kind, anonymous quotes, quotes with a
    loaded verb, and the set of non-empty speakers; additive across chunks of a corpus.

    Counted over the whole table at once (:func:`_outlet_codes`), not group by group.
    """
    out: dict[str, dict[str, Any]] = {}
    if voices_table is None or len(voices_table) == 0:
        return out
    codes, outlets = _outlet_codes(voices_table)
    k = len(outlets)

    def count(mask: Any) -> list[int]:
        return np.bincount(codes[np.asarray(mask, dtype=bool) & (codes >= 0)], minlength=k).tolist()

    kind = voices_table["kind"]
    n, direct, indirect, mixed = (count(codes >= 0), count(kind == "direct"), count(kind == "indirect"),
                                  count(kind == "mixed"))
    anonymous, loaded = count(voices_table["anonymous"].astype(bool)), count(voices_table["verb_class"] == "loaded")
    speakers: list[set[str]] = [set() for _ in range(k)]
    for code, speaker in zip(codes.tolist(), voices_table["speaker"].tolist()):
        if code >= 0 and speaker != "":
            speakers[code].add(speaker)
    for i, outlet in enumerate(outlets):
        out[outlet] = {"n_quotes": n[i], "n_direct": direct[i], "n_indirect": indirect[i], "n_mixed": mixed[i],
                       "n_anonymous": anonymous[i], "n_loaded": loaded[i], "speakers": speakers[i]}
    return out


def _outlet_codes(table: pd.DataFrame) -> tuple[np.ndarray, list[Any]]:
    """Each row's outlet as a number (-1 when missing) and the outlets in first-appearance order:
    the groups of ``table.groupby("outlet", sort=False)``."""
    codes, uniques = pd.factorize(table["outlet"], sort=False)
    return np.asarray(codes), list(uniques)


def summary_from_counts(counts: Mapping[str, Mapping[str, Any]], outlets: list[str]) -> pd.DataFrame:
    """:func:`voice_summary` from :func:`voice_counts` (merged over chunks when streaming)."""
    rows = []
    for o in outlets:
        c = counts[o]
        n = c["n_quotes"]
        rows.append((o, n, c["n_direct"], c["n_indirect"], c["n_mixed"], c["n_direct"] / n, c["n_indirect"] / n,
                     c["n_mixed"] / n, c["n_anonymous"] / n, c["n_loaded"] / n, len(c["speakers"])))
    return TABLES["voice_summary"].from_rows(rows)


def affiliation_shares(voices_table: pd.DataFrame) -> pd.DataFrame:
    """Share of quotes by speaker affiliation, per outlet (long format).

    Returns
    -------
    pandas.DataFrame
        ``outlet``, ``affiliation`` (str), ``n`` (int: quotes),
        ``share`` (float: of the outlet's quotes); sorted by outlet
        (first appearance) then descending ``n`` then affiliation.
    """
    cols = ["outlet", "affiliation", "n", "share"]
    if voices_table is None or len(voices_table) == 0:
        return pd.DataFrame({"outlet": pd.Series(dtype="object"), "affiliation": pd.Series(dtype="object"),
                             "n": pd.Series(dtype="int64"), "share": pd.Series(dtype="float64")})
    codes, outlets = _outlet_codes(voices_table)
    counts: list[dict[str, int]] = [{} for _ in outlets]
    for code, aff in zip(codes.tolist(), voices_table["affiliation"].fillna("unknown").tolist()):
        if code >= 0:
            c = counts[code]
            c[aff] = c.get(aff, 0) + 1
    out: dict[str, list[Any]] = {c: [] for c in cols}
    for outlet, c in zip(outlets, counts):
        total = sum(c.values())
        for aff, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            out["outlet"].append(outlet)
            out["affiliation"].append(aff)
            out["n"].append(n)
            out["share"].append(n / total)
    return pd.DataFrame(out, columns=cols)


def reporting_verbs() -> pd.DataFrame:
    """The packaged reporting-verb list.

    Returns
    -------
    pandas.DataFrame
        ``cue`` (surface form, may be a phrase), ``lemma``, ``stance``
        (neutral or loaded), ``frame`` (speech, directive, accusation,
        cognition, according, passive, nominal), ``note``, ``source``.

    Examples
    --------
    >>> rv = reporting_verbs()
    >>> rv.set_index("cue").loc["claimed", "stance"]
    'loaded'
    """
    rows = read_csv("reporting_verbs.csv", ("cue", "lemma", "stance", "frame", "note", "source"))
    return pd.DataFrame(rows, columns=["cue", "lemma", "stance", "frame", "note", "source"])
