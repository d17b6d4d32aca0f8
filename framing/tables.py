"""Every table the package returns, declared once: name, columns, dtypes, meaning.

Analyzers build their frames from these declarations (:meth:`Table.from_rows`,
:meth:`Table.from_columns`, :meth:`Table.empty`), the streaming merge and the
Dask engine return the same declared tables, and the report reads columns that
are declared here, so a column name or dtype cannot drift between producers.
:meth:`Table.check` is what the contract tests run on every analyzer's output.

Dtypes are pandas dtype names: ``str`` (text; missing values allowed where the
meaning says so), ``int64``, ``Int64`` (integer or missing), ``float64``,
``bool`` and ``object`` (dates, which may be missing).

Examples
--------
>>> t = TABLES["affiliation_shares"]
>>> t.names
['outlet', 'affiliation', 'n', 'share']
>>> t.from_rows([("rt", "government", 3, 0.75)]).dtypes["n"]
dtype('int64')
>>> t.check(t.empty()) is None
True
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from .errors import FramingError

__all__ = ["Column", "Table", "TABLES", "declare", "table"]

_KNOWN_DTYPES = frozenset({"str", "int64", "Int64", "float64", "bool", "object"})


@dataclass(frozen=True)
class Column:
    """One declared column: ``name``, pandas ``dtype`` and a one-line ``doc``."""

    name: str
    dtype: str
    doc: str


@dataclass(frozen=True)
class Table:
    """A declared table: its ``name``, what one row is (``doc``) and its ``columns`` in order."""

    name: str
    doc: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        """Column names in order."""
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        """Column name -> declared dtype."""
        return {c.name: c.dtype for c in self.columns}

    def empty(self) -> pd.DataFrame:
        """A frame with no rows and the declared columns and dtypes."""
        return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in self.columns})

    def from_rows(self, rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
        """A frame from row tuples given in column order."""
        if not len(rows):
            return self.empty()
        return self.conform(pd.DataFrame.from_records(rows, columns=self.names))

    def from_columns(self, columns: Mapping[str, Any]) -> pd.DataFrame:
        """A frame from one list (or array) per column."""
        if not columns or not len(next(iter(columns.values()))):
            return self.empty()
        return self.conform(pd.DataFrame(dict(columns), columns=self.names))

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with exactly the declared columns, in order, cast to the declared dtypes.

        Raises
        ------
        FramingError
            When a declared column is missing or an extra column is present.
        """
        self._check_names(frame)
        if not len(frame):
            return self.empty()
        frame = frame[self.names] if list(frame.columns) != self.names else frame
        casts = {c.name: c.dtype for c in self.columns if not _dtype_ok(frame[c.name].dtype, c.dtype)}
        return frame.astype(casts) if casts else frame

    def check(self, frame: pd.DataFrame) -> None:
        """Raise :class:`FramingError` unless ``frame`` has exactly the declared columns and dtypes."""
        if not isinstance(frame, pd.DataFrame):
            raise FramingError(f"table {self.name!r}: expected a pandas DataFrame, got {type(frame).__name__}.")
        self._check_names(frame)
        bad = [f"{c.name} is {frame[c.name].dtype}, declared {c.dtype}" for c in self.columns
               if not _dtype_ok(frame[c.name].dtype, c.dtype)]
        if bad:
            raise FramingError(f"table {self.name!r}: wrong dtypes ({'; '.join(bad)}); "
                               "build it with framing.tables.TABLES[...].from_rows / conform.")

    def _check_names(self, frame: pd.DataFrame) -> None:
        have = list(frame.columns)
        if have != self.names:
            missing = [c for c in self.names if c not in have]
            extra = [c for c in have if c not in self.names]
            raise FramingError(
                f"table {self.name!r}: columns {have} differ from the declared {self.names} "
                f"(missing {missing}, extra {extra}, or another order); declare columns in framing/tables.py."
            )

    def describe(self) -> pd.DataFrame:
        """The declaration as a frame: ``column, dtype, meaning`` (for documentation)."""
        return pd.DataFrame([(c.name, c.dtype, c.doc) for c in self.columns], columns=["column", "dtype", "meaning"])


_PANDAS_2 = int(pd.__version__.split(".")[0]) < 3


def _dtype_ok(actual: Any, declared: str) -> bool:
    name = str(actual)
    if declared == "str":  # pandas >= 3 infers "str" for text; pandas 2 keeps text in object columns
        return name in ("str", "string") or (name == "object" and _PANDAS_2)
    return name == declared


#: Every declared table by name.
TABLES: dict[str, Table] = {}


def declare(name: str, doc: str, columns: Iterable[tuple[str, str, str]]) -> Table:
    """Declare a table (``columns`` as ``(name, dtype, meaning)`` triples) and add it to :data:`TABLES`.

    Raises
    ------
    FramingError
        When the name is taken or a dtype is not one of the known ones.
    """
    if name in TABLES:
        raise FramingError(f"table {name!r} is declared twice; pick another name.")
    cols = tuple(Column(*c) for c in columns)
    for c in cols:
        if c.dtype not in _KNOWN_DTYPES:
            raise FramingError(f"table {name!r}, column {c.name!r}: dtype {c.dtype!r} is not one of "
                               f"{sorted(_KNOWN_DTYPES)}.")
    TABLES[name] = Table(name, doc, cols)
    return TABLES[name]


def table(name: str) -> Table:
    """The declared table ``name``; a clear error naming the declared ones otherwise."""
    try:
        return TABLES[name]
    except KeyError:
        raise FramingError(f"no table {name!r} is declared; declared tables: {', '.join(TABLES)}.") from None


_ID = ("article_id", "str", "Article id.")
_OUTLET = ("outlet", "str", "Outlet key.")
_START = ("start", "int64", "Character offset of the span's start in article.text.")
_END = ("end", "int64", "Character offset of the span's end; article.text[start:end] is the span.")
_SHARES3 = [("share_negative", "float64", "Share with compound (or label) negative (<= -0.05)."),
            ("share_neutral", "float64", "Share in between (neutral)."),
            ("share_positive", "float64", "Share with compound (or label) positive (>= 0.05).")]
_FACTS = [
    ("name", "str", "Outlet name."),
    ("country", "str", "Country of the outlet (ISO code), missing when unknown."),
    ("languages", "str", "Publishing languages, comma-separated ISO codes."),
    ("type", "str", "Kind of outlet (public broadcaster, state media, ...)."),
    ("owner", "str", "Owner."),
    ("funding", "str", "How it is funded."),
    ("state_affiliation", "str", "none, public, state-funded, state-controlled, ..."),
    ("state_affiliation_basis", "str", "Why (the legal or financial tie)."),
    ("founded", "float64", "Year founded (missing when unknown)."),
    ("domains", "str", "Web domains, comma-separated."),
    ("notes", "str", "Other facts worth knowing."),
    ("registered", "bool", "True when the outlet is in the registry (facts known)."),
]

# -- corpus tables ------------------------------------------------------------------------------
declare("articles", "One row per article: its metadata and its outlet's facts.", [
    _ID, _OUTLET,
    ("story", "str", "The story (event) the article reports: its own story field, else the corpus's."),
    ("title", "str", "Headline (missing when not given)."),
    ("date", "object", "Publication date (datetime.date) or missing."),
    ("date_approximate", "bool", "True when the date is only a month/year or was inferred."),
    ("author", "str", "Byline."),
    ("url", "str", "Web address."),
    ("n_chars", "int64", "Characters of the cleaned text."),
    ("n_words", "int64", "Word tokens (framing.text.word_count)."),
    ("n_sentences", "int64", "Sentences (Punkt with framing's abbreviations)."),
    ("n_removed_lines", "int64", "Boilerplate lines removed by cleaning."),
    *_FACTS,
])
declare("outlets", "One row per outlet of the corpus, in corpus order: its facts and its amount of text.", [
    _OUTLET, *_FACTS,
    ("n_articles", "int64", "Articles of the outlet in the corpus."),
    ("n_words", "int64", "Word tokens of those articles."),
])
declare("sources", "One row per cited source of an outlet fact.", [
    _OUTLET,
    ("field", "str", "The fact it supports (owner, funding, ...)."),
    ("ref", "str", "The citation (URL or reference)."),
    ("checked", "str", "When the fact was last checked against it (ISO date)."),
    ("age_days", "float64", "Days since it was checked (missing: never)."),
    ("stale", "bool", "Checked more than 365 days ago (framing.outlets.DEFAULT_MAX_AGE_DAYS): re-check it."),
])

# -- sentiment ------------------------------------------------------------------------------------
declare("sentences", "One row per sentence with VADER's scores (framing.sentence_sentiment).", [
    _ID, _OUTLET,
    ("sentence_id", "int64", "Index of the sentence within its article (0-based)."),
    _START, _END,
    ("text", "str", "The sentence."),
    ("neg", "float64", "VADER's proportion of negative text."),
    ("neu", "float64", "VADER's proportion of neutral text."),
    ("pos", "float64", "VADER's proportion of positive text."),
    ("compound", "float64", "VADER's normalised compound score in [-1, 1]."),
])
declare("article_sentiment", "One row per article with sentences: summary of its sentence scores.", [
    _ID, _OUTLET,
    ("mean", "float64", "Mean compound score of the article's sentences."),
    ("median", "float64", "Median compound score."),
    ("sd", "float64", "Sample standard deviation (missing for one sentence)."),
    *_SHARES3,
    ("n_sentences", "int64", "Sentences behind the figures."),
])
declare("outlet_sentiment", "One row per outlet: mean sentence sentiment with a 95 % interval.", [
    _OUTLET,
    ("mean", "float64", "Mean compound score over the outlet's sentences."),
    ("ci_low", "float64", "Lower end of the 95 % interval of the mean (bootstrap; normal approximation when streamed)."),
    ("ci_high", "float64", "Upper end of that interval."),
    *_SHARES3,
    ("n_sentences", "int64", "Sentences behind the figures."),
    ("n_articles", "int64", "Articles behind the figures."),
])
declare("actor_mentions", "One row per mention of an actor with the sentiment directed at it.", [
    _ID, _OUTLET,
    ("actor", "str", "Actor (from actors.yaml, or a frequent name when there is none)."),
    ("mention", "str", "The words of the mention."),
    _START, _END,
    ("sentence_id", "int64", "Sentence of the mention (index in the article)."),
    ("score", "float64", "Target sentiment in [-1, 1] (p_positive - p_negative)."),
    ("label", "str", "negative, neutral or positive."),
    ("sentence_compound", "float64", "VADER compound score of the whole sentence (the baseline)."),
])
declare("actor_sentiment", "One row per outlet and actor: how the actor is spoken of.", [
    _OUTLET,
    ("actor", "str", "Actor."),
    ("n", "int64", "Mentions."),
    ("mean_score", "float64", "Mean target score in [-1, 1]."),
    ("share_negative", "float64", "Share of mentions labelled negative."),
    ("share_neutral", "float64", "Share labelled neutral."),
    ("share_positive", "float64", "Share labelled positive."),
])

# -- loaded language ------------------------------------------------------------------------------
declare("loaded_terms", "One row per loaded-language hit (framing.loaded_terms).", [
    _ID, _OUTLET,
    ("term", "str", "The words as written."),
    _START, _END,
    ("category", "str", "Lexicon category (emotive, ideological_label, hedge, ...)."),
    ("lemma", "str", "Lexicon entry."),
    ("note", "str", "Why the entry is loaded."),
    ("source", "str", "Where the entry comes from (lexicon provenance)."),
    ("score", "float64", "Probability that the hit is loaded in its context (the packaged model)."),
    ("flagged", "bool", "score at or above the model's threshold: loaded as the outlet's own wording."),
    ("in_quote", "bool", "Inside double quotation marks: someone else's words (a scare quote itself is not)."),
    ("word_flagged", "bool", "Would be flagged without the in-quotation part of the score (= flagged outside quotes)."),
])
_RATE_CI = [("ci_low", "float64", "Exact Poisson 95 % interval of the rate, low end (hits per word; missing with no words)."),
            ("ci_high", "float64", "High end of that interval.")]
declare("loaded_rates", "One row per outlet, voice (own or quoted words) and category: counted hits per 1,000 words.", [
    _OUTLET,
    ("voice", "str", "own (the outlet's words, outside quotation marks) or quoted (inside them)."),
    ("kind", "str", "loaded, or epistemic (hedge, factive, assertive: how sure a claim is, not loaded)."),
    ("category", "str", "Lexicon or pattern category."),
    ("n_hits", "int64", "Counted hits: flagged ones (word_flagged when quoted) for loaded kinds, every hit for epistemic."),
    ("n_candidates", "int64", "Every lexicon/pattern hit of the category in that voice, flagged or not."),
    ("n_words", "int64", "Words of that voice: all words minus quoted words (own), or quoted words."),
    ("rate_per_1000", "float64", "1000 * n_hits / n_words (missing with no words)."),
    *_RATE_CI,
])
declare("loaded_summary", "One row per outlet and voice: flagged loaded terms and epistemic markers per 1,000 words.", [
    _OUTLET,
    ("voice", "str", "own (the outlet's words) or quoted (words inside quotation marks)."),
    ("n_words", "int64", "Words of that voice."),
    ("n_loaded", "int64", "Flagged loaded-language hits (all loaded categories)."),
    ("n_candidates", "int64", "Every hit of the loaded categories, flagged or not."),
    ("loaded_per_1000", "float64", "1000 * n_loaded / n_words (missing with no words)."),
    ("loaded_ci_low", "float64", "Exact Poisson 95 % interval of loaded_per_1000, low end."),
    ("loaded_ci_high", "float64", "High end of that interval."),
    ("n_epistemic", "int64", "Epistemic markers (hedges, factives, assertives), every hit."),
    ("epistemic_per_1000", "float64", "1000 * n_epistemic / n_words."),
    ("epistemic_ci_low", "float64", "Exact Poisson 95 % interval of epistemic_per_1000, low end."),
    ("epistemic_ci_high", "float64", "High end of that interval."),
])
declare("quoted_words", "One row per article: its words and how many are inside double quotation marks.", [
    _ID, _OUTLET,
    ("n_words", "int64", "Word tokens (framing.text.word_count)."),
    ("n_quoted_words", "int64", "Of those, tokens inside double quotation marks (as in_quote of loaded_terms)."),
])
declare("top_loaded_terms", "Per outlet, its most frequent loaded lemmas.", [
    _OUTLET,
    ("lemma", "str", "Lexicon entry."),
    ("category", "str", "Its category."),
    ("count", "int64", "Hits."),
    ("n_articles", "int64", "Articles using it."),
    ("rank", "int64", "1 = most frequent (ties alphabetical)."),
])

# -- voices ----------------------------------------------------------------------------------------
declare("voices", "One row per quote (direct, indirect or mixed) with its speaker (framing.voices).", [
    _ID, _OUTLET,
    ("kind", "str", "direct, indirect or mixed."),
    ("start", "int64", "Start of the quoted content in article.text."),
    ("end", "int64", "End of the content; article.text[start:end] is the content."),
    ("content", "str", "What was said."),
    ("speaker", "str", "Resolved speaker (empty when unknown)."),
    ("speaker_mention", "str", "The speaker as written near the quote."),
    ("speaker_start", "Int64", "Offset of speaker_mention (missing when none)."),
    ("speaker_end", "Int64", "End offset of speaker_mention."),
    ("cue", "str", "Reporting verb or cue (said, according to, ...)."),
    ("cue_start", "Int64", "Offset of the cue (missing when none)."),
    ("cue_end", "Int64", "End offset of the cue."),
    ("verb_class", "str", "Stance class of the cue: neutral, loaded, ... (reporting_verbs.csv)."),
    ("anonymous", "bool", "Unnamed source (\"officials\", \"a source\")."),
    ("affiliation", "str", "Speaker's affiliation class (government, expert, media, ...)."),
    ("country", "str", "Speaker's country when known."),
])
declare("voice_summary", "One row per outlet: how it quotes.", [
    _OUTLET,
    ("n_quotes", "int64", "Quotes."),
    ("n_direct", "int64", "Direct quotes."),
    ("n_indirect", "int64", "Indirect quotes."),
    ("n_mixed", "int64", "Mixed quotes."),
    ("share_direct", "float64", "n_direct / n_quotes."),
    ("share_indirect", "float64", "n_indirect / n_quotes."),
    ("share_mixed", "float64", "n_mixed / n_quotes."),
    ("share_anonymous", "float64", "Share of quotes from unnamed sources."),
    ("share_loaded_verbs", "float64", "Share introduced by a loaded reporting verb."),
    ("n_speakers", "int64", "Distinct non-empty speakers."),
])
declare("affiliation_shares", "One row per outlet and speaker affiliation.", [
    _OUTLET,
    ("affiliation", "str", "Affiliation class (unknown when none)."),
    ("n", "int64", "Quotes."),
    ("share", "float64", "Of the outlet's quotes."),
])

# -- words ---------------------------------------------------------------------------------------
declare("distinctive", "Per outlet, the terms it uses more than the others (log-odds with an informative prior).", [
    _OUTLET,
    ("term", "str", "Word or bigram (lower case)."),
    ("ngram", "int64", "1 or 2."),
    ("count", "int64", "Uses by the outlet."),
    ("count_other", "int64", "Uses by all other outlets."),
    ("rate_per_1000", "float64", "Per 1,000 counted terms of that size of the outlet."),
    ("log_odds", "float64", "Log-odds ratio against the other outlets."),
    ("z", "float64", "z-score of the log-odds (Monroe et al. 2008)."),
    ("rank", "int64", "1 = most distinctive."),
])
declare("kwic", "One row per keyword-in-context hit (framing.kwic).", [
    _ID, _OUTLET, _START, _END,
    ("match", "str", "The matched words."),
    ("left", "str", "Words before (one line)."),
    ("right", "str", "Words after (one line)."),
])
declare("article_counts", "One row per article: word and sentence counts found while analysing it.", [
    _ID, _OUTLET,
    ("n_words", "int64", "Word tokens (framing.text.word_count)."),
    ("n_sentences", "int64", "Sentences."),
])

# -- frames and narrative roles (framing.frames, framing.roles) -----------------------------------
declare("article_frames", "One row per article and generic news frame (framing.frames; named so because Comparison.frames is the dict of tables).", [
    _ID, _OUTLET,
    ("frame", "str", "conflict, economic, human_interest, moral or resolution."),
    ("score", "float64", "Calibrated probability that the frame is present (framing.frame_scores)."),
    ("present", "bool", "score >= 0.5 (0.5 is the cross-validated decision threshold)."),
    ("evidence_start", "int64", "Start of the sentence with the most distinct cues of the frame (0 when none)."),
    ("evidence_end", "int64", "End of that sentence; article.text[evidence_start:evidence_end] is evidence."),
    ("evidence", "str", "The evidence sentence (empty when the article has no cue of the frame)."),
    ("cues", "str", "The frame's cue words in that sentence, '; '-separated."),
])
declare("frame_shares", "One row per outlet and frame: share of its articles where the frame is present.", [
    _OUTLET,
    ("frame", "str", "conflict, economic, human_interest, moral or resolution."),
    ("n_articles", "int64", "Articles of the outlet."),
    ("n_present", "int64", "Articles where the frame is present."),
    ("share", "float64", "n_present / n_articles."),
    ("ci_low", "float64", "95 % Wilson score interval of the share, low end (articles as the unit)."),
    ("ci_high", "float64", "High end of that interval."),
    ("mean_score", "float64", "Mean frame score of the outlet's articles."),
])
declare("roles", "One row per article, narrative role and actor cast in it (framing.roles).", [
    _ID, _OUTLET,
    ("role", "str", "hero, villain or victim."),
    ("actor", "str", "Actor name (actors.yaml canonical name, name as written, or actor noun)."),
    _START, _END,
    ("mention", "str", "article.text[start:end], the mention that contributed most."),
    ("sentence_start", "int64", "Start of the sentence that casts the actor."),
    ("sentence_end", "int64", "End of that sentence."),
    ("sentence", "str", "article.text[sentence_start:sentence_end]."),
    ("score", "float64", "Summed role-cue weight of the actor in the article."),
])
declare("classifier_sentences", "One row per sentence and trained classifier: its predicted label "
        "(framing.classifier_sentences; multilabel models: one row per label given, or one with no label).", [
    _ID, _OUTLET,
    ("classifier", "str", "Name given to the classifier (analyze(corpus, classifiers={name: model}))."),
    ("sentence_id", "int64", "Index of the sentence in its article (0-based)."),
    _START, _END,
    ("label", "str", "Predicted label as text (multilabel: one label given; missing when none is)."),
    ("probability", "float64", "The model's probability of that label (missing when no label is given)."),
])
declare("classifier_summary", "One row per classifier, outlet and label: share of sentences given the label.", [
    ("classifier", "str", "Name given to the classifier."),
    _OUTLET,
    ("label", "str", "Label as text."),
    ("n_sentences", "int64", "Sentences of the outlet's articles."),
    ("n_label", "int64", "Of those, sentences given the label."),
    ("share", "float64", "n_label / n_sentences."),
    ("ci_low", "float64", "95 % interval, low end (articles resampled; Wilson over sentences below 5 articles)."),
    ("ci_high", "float64", "95 % interval, high end."),
])
declare("coverage", "One row per sentence carrying a claim: which outlet tells which fact (framing.coverage).", [
    _ID, _OUTLET,
    ("claim_id", "int64", "The claim (sentences of different outlets stating the same fact), unique in the corpus."),
    ("claim", "str", "The claim's representative sentence."),
    _START, _END,
    ("similarity", "float64", "Cosine similarity of this sentence to the representative (1.0 for it)."),
    ("story", "str", "The story the claim belongs to (article meta 'story', else the corpus story)."),
])
declare("naming", "One row per actor mention, widened to the naming form the outlet uses (framing.naming).", [
    _ID, _OUTLET,
    ("actor", "str", "The actor's canonical name."),
    ("name", "str", "The naming form as written, white space collapsed."),
    _START, _END,
    ("loaded", "bool", "The form contains a loaded-language term."),
    ("loaded_term", "str", "That term (empty when none)."),
])
declare("naming_summary", "One row per actor, outlet and naming form: how often the outlet uses it.", [
    ("actor", "str", "The actor's canonical name."),
    _OUTLET,
    ("name", "str", "The naming form."),
    ("count", "int64", "Mentions with this form."),
    ("loaded", "bool", "The form contains a loaded-language term."),
])

# -- stories (framing.analyzers.stories) -----------------------------------------------------------
declare("story_metrics", "One row per article and metric, with the article's story: what outlets are compared on "
        "within each story (framing.story_metrics).", [
    _ID, _OUTLET,
    ("story", "str", "The story (event) of the article (Corpus.story_of)."),
    ("metric", "str", "tone, loaded_rate, quote_rate, anonymous_share or affiliation:<class>."),
    ("value", "float64", "Mean sentence compound (tone), per 1,000 words (rates) or a share in [0, 1]."),
    ("count", "Int64", "Numerator: flagged loaded terms, quotes (missing for tone)."),
    ("n", "int64", "Denominator: sentences (tone), words (rates) or quotes (shares)."),
])
declare("story_differences", "One row per outlet and metric: the outlet's mean difference from the story's mean "
        "over its outlets, averaged over stories (framing.story_differences); empty in a Comparison of "
        "one story (nothing to compare across).", [
    _OUTLET,
    ("metric", "str", "As in story_metrics, plus frame:<frame> (frame score) when frames ran."),
    ("n_stories", "int64", "Stories behind the figure (the outlet and at least one other outlet have a value)."),
    ("n_articles", "int64", "The outlet's articles in those stories."),
    ("mean_value", "float64", "Mean over those stories of the outlet's value (its own level, topic included)."),
    ("mean_diff", "float64", "Mean over stories of (outlet's value - story's mean over its outlets)."),
    ("sd", "float64", "Standard deviation of the differences over stories (missing below 2 stories)."),
    ("ci_low", "float64", "95 % t interval of mean_diff over stories, low end (missing below 2 stories)."),
    ("ci_high", "float64", "High end of that interval."),
])
