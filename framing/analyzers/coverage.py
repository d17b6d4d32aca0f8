"""Coverage: which facts each outlet tells and which it leaves out, traced to sentences.

Sentences of the articles on one story are grouped into **claims** (statements of the same fact,
event or statement content). The method is data-free at run time:

1. Every sentence with at least :data:`MIN_CONTENT_WORDS` content words becomes a vector: TF-IDF
   (sublinear term frequency, IDF from the story's own sentences) over stemmed content words, with
   British/American spellings and a few core news synonyms mapped to one form
   (``framing/data/claim_synonyms.csv``), plus a second block of **anchors** weighted by
   :data:`ANCHOR_WEIGHT`: the story's actors (any name or alias in ``corpus.actors`` becomes the
   actor; capitals and governments from ``framing/data/countries.csv``), other capitalised names,
   numbers and dates. A sentence inside a quotation that runs over several sentences shares the
   anchors of the whole quotation, so a quoted statement carries its speaker and meets its
   paraphrase ("... we are concerned about the consequences," Stoltenberg said / NATO's chief said
   the alliance was concerned).
2. Claims are the clusters of average-linkage agglomerative clustering on cosine similarity, cut
   at :data:`THRESHOLD` (two groups merge while their mean pairwise similarity is at least the
   threshold). The threshold, :data:`ANCHOR_WEIGHT` and :data:`EDGE_FLOOR` were chosen by
   leave-one-article-out cross-validation on the hand-annotated S-400 claim gold
   (``tests/data/s400_claims.csv``; ``benchmarks/coverage_gold.py``).
3. The clustering runs on a sparse graph (:func:`_average_linkage`): candidate pairs share a
   feature present in at most :data:`MAX_SHARED` of the story's sentences (their full similarity
   is then computed); pairs below ``EDGE_FLOOR * THRESHOLD`` count 0 in a mean; each sentence keeps
   its :data:`MAX_NEIGHBOURS` most similar. With every pair an edge this is exactly scipy's average
   linkage (tested); the cuts are documented approximations that keep the cost near-linear.

Every story is clustered separately (``article.meta["story"]``, else the corpus's story); the cost
grows about linearly with a story's sentences (see ``benchmarks/coverage_speed.py``).
"""
from __future__ import annotations

import heapq
import re
from collections import defaultdict
from functools import lru_cache
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..resources import read_csv
from ..tables import TABLES

__all__ = ["coverage", "coverage_matrix", "only_in", "everyone_but", "claim_sentences", "THRESHOLD",
           "COVERAGE_COLUMNS"]

#: Cut of the average-linkage tree (cosine similarity): chosen by leave-one-article-out
#: cross-validation on the S-400 claim gold (see ``benchmarks/coverage_gold.py``).
THRESHOLD = 0.15
#: Weight of the anchor block (actors, names, numbers, dates) against the word block.
ANCHOR_WEIGHT = 0.3
#: Sentences with fewer content words (headings, "It's a very tough situation") form no claim.
MIN_CONTENT_WORDS = 3
#: Features in more than this many of a story's sentences do not make candidate pairs on their own
#: (their weight still counts in the similarity of candidates). A fixed number keeps the candidate
#: pairs near-linear in a large story (on AllSides "politics", 35,805 sentences: 0.6 s instead of 15 s
#: with a cap of 2 % of the sentences).
MAX_SHARED = 50
#: Each sentence keeps its edges to its this many most similar sentences (an edge stays when either end
#: keeps it): bounds the graph at ``MAX_NEIGHBOURS * n`` edges on a large story.
MAX_NEIGHBOURS = 10
#: Pairs below this share of the threshold are not edges of the similarity graph: they count as 0 in
#: the mean similarity of two clusters (see :func:`_average_linkage`).
EDGE_FLOOR = 0.5

COVERAGE_COLUMNS = ["article_id", "outlet", "claim_id", "claim", "start", "end", "similarity", "story"]

_WORD_RE = re.compile(r"[A-Za-z0-9$%]+(?:[-'’.][A-Za-z0-9%]+)*")
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


# ------------------------------------------------------------------ words and anchors

@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS | {"said", "says", "say", "told", "according", "also", "would", "could",
                                           "mr", "ms", "mrs", "s", "t", "one", "two"} - {"not", "no", "never"})


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    return {r["word"].lower(): r["canonical"].lower() for r in read_csv("claim_synonyms.csv", ("word", "canonical"))}


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer  # algorithmic, no data download

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def _norm(word: str) -> str:
    """One word as a feature: lower case, possessive dropped, "S-400"/"S400" alike, synonyms mapped, stemmed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'.$")
    if any(ch.isdigit() for ch in w):
        return re.sub(r"(?<=[a-z])-(?=\d)", "", w).rstrip("s") if re.match(r"[a-z]+-?\d", w) else w
    syn = _synonyms()
    stem = _stemmer().stem(syn.get(w, w))
    return syn.get(stem, stem)


@lru_cache(maxsize=200_000)
def _token_features(token: str) -> tuple[str | None, str | None]:
    """(content-word feature, anchor) of one token; either may be None.

    Anchors: months and weekdays (``date:``), numbers (``num:``, the digits of "$2.5", "S-400", "2017"),
    other capitalised words (``name:``)."""
    low = token.lower()
    if low in _stop_words() or len(token) < 2:
        return None, None
    word = _norm(token)
    if low in _MONTHS or low in _DAYS:
        return word, "date:" + low
    if any(ch.isdigit() for ch in token):
        return word, "num:" + "".join(ch for ch in token if ch.isdigit() or ch == ".").strip(".")
    if token[0].isupper():
        return word, "name:" + word
    return word, None


def _content_words(sentence: str) -> list[str]:
    """Content-word features of a sentence (stop words and one-letter tokens dropped)."""
    return [f for f in (_token_features(m)[0] for m in _WORD_RE.findall(sentence)) if f is not None]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Country names, capitals and governments of the packaged country list -> the country's code."""
    out: dict[str, str] = {}
    for r in read_csv("countries.csv", ("code", "names", "capitals")):
        for field in ("names", "capitals"):
            for n in (r.get(field) or "").split("|"):
                if n.strip():
                    out[n.strip()] = "country:" + r["code"]
    return out


def _aliases(actors: Sequence[Any]) -> dict[tuple[str, ...], str]:
    """Name or alias as its word tokens ("the U.S." -> ("the", "U.S")) -> anchor (``actor:`` or ``country:``)."""
    names: dict[tuple[str, ...], str] = {}
    for n, a in _country_names().items():
        names[tuple(_WORD_RE.findall(n))] = a
    for actor in actors:
        for n in actor.names:
            toks = tuple(_WORD_RE.findall(n))
            if toks:
                names[toks] = "actor:" + actor.name.lower()
    names.pop((), None)
    return names


def _alias_starts(aliases: Mapping[tuple[str, ...], str]) -> dict[str, tuple[int, ...]]:
    """First token of the aliases -> the token lengths of the aliases starting with it, longest first."""
    starts: dict[str, set[int]] = defaultdict(set)
    for toks in aliases:
        starts[toks[0]].add(len(toks))
    return {t: tuple(sorted(ks, reverse=True)) for t, ks in starts.items()}


def _features(sentence: str, aliases: Mapping[tuple[str, ...], str],
              starts: Mapping[str, tuple[int, ...]] | None = None) -> tuple[list[str], list[str]]:
    """Content words and anchors of a sentence. A run of tokens that spells a name or alias of an actor or
    country becomes that actor's anchor (longest first) instead of name anchors. ``starts`` is
    :func:`_alias_starts` of ``aliases`` (computed when not given).

    Examples
    --------
    >>> _features("Ankara paid $2.5 billion in July.", _aliases(()))[1]
    ['country:TR', 'num:2.5', 'date:july']
    """
    first = starts if starts is not None else _alias_starts(aliases)
    toks = _WORD_RE.findall(sentence)
    feats = [_token_features(t) for t in toks]
    words = [w for w, _a in feats if w is not None]
    if first.keys().isdisjoint(toks):
        return words, [a for _w, a in feats if a is not None]
    anchors: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        hit = None
        for k in first.get(toks[i], ()):
            if i + k <= n:
                hit = aliases.get(tuple(toks[i:i + k]))
                if hit is not None:
                    anchors.append(hit)
                    i += k
                    break
        if hit is None:
            a = feats[i][1]
            if a is not None:
                anchors.append(a)
            i += 1
    return words, anchors


def _quote_blocks(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Block number of each sentence: consecutive sentences inside one quotation share a block.

    A sentence continues the previous one's block when a quotation is open where it starts (curly
    marks open and close; straight double quotes toggle). At most 8 sentences form one block, so an
    unbalanced mark cannot join a whole article.
    """
    blocks: list[int] = []
    open_ = False
    block = -1
    size = 0
    for start, end in spans:  # a quotation may run over paragraphs (one per sentence in some scrapes)
        if open_ and size < 8:
            size += 1
        else:
            block += 1
            size = 1
        blocks.append(block)
        seg = text[start:end]
        if '"' in seg and seg.count('"') % 2:
            open_ = not open_
        lo, lc = seg.rfind(_QUOTE_OPEN), seg.rfind(_QUOTE_CLOSE)
        if lo != lc:  # the last curly mark decides
            open_ = lo > lc
    return blocks


# ------------------------------------------------------------------ vectors and clustering

def _vectors(words: list[list[str]], anchors: list[list[str]], anchor_weight: float) -> sparse.csr_matrix:
    """L2-normalised rows: TF-IDF of the words and, times ``anchor_weight``, TF-IDF of the anchors, each
    block L2-normalised first (sublinear tf ``1 + ln(count)``, smoothed idf ``1 + ln((1 + n) / (1 + df))``
    from these sentences, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``)."""
    n = len(words)
    vocab: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for w, a in zip(words, anchors):
        indices.extend(vocab.setdefault(t, len(vocab)) for t in w)
        if anchor_weight > 0:
            indices.extend(vocab.setdefault(t, len(vocab)) for t in a)
        indptr.append(len(indices))
    if not vocab:
        return sparse.csr_matrix((n, 1))
    X = sparse.csr_matrix((np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
                          shape=(n, len(vocab)))
    X.sum_duplicates()
    is_anchor = np.fromiter((":" in t for t in vocab), dtype=bool, count=len(vocab))
    df = np.bincount(X.indices, minlength=len(vocab))
    idf = 1.0 + np.log((1.0 + n) / (1.0 + df))
    X.data = (1.0 + np.log(X.data)) * idf[X.indices]
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    anc = is_anchor[X.indices]
    sq = X.data ** 2
    norm_w = np.sqrt(np.bincount(rows[~anc], weights=sq[~anc], minlength=n))
    norm_a = np.sqrt(np.bincount(rows[anc], weights=sq[anc], minlength=n))
    scale = np.where(anc, anchor_weight / np.maximum(norm_a[rows], 1e-12), 1.0 / np.maximum(norm_w[rows], 1e-12))
    X.data = X.data * scale
    total = np.sqrt(np.bincount(rows, weights=X.data ** 2, minlength=n))
    X.data = X.data / np.maximum(total[rows], 1e-12)
    return X


def _candidate_pairs(X: sparse.csr_matrix, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(i < j)`` with cosine similarity >= ``threshold`` among pairs sharing a feature present in at
    most :data:`MAX_SHARED` sentences, and their exact similarity."""
    n = X.shape[0]
    df = np.bincount(X.indices, minlength=X.shape[1])
    rare = df <= MAX_SHARED
    Xr, Xc = X[:, np.flatnonzero(rare)].tocsr(), X[:, np.flatnonzero(~rare)].tocsr()
    XrT = Xr.T.tocsr()
    rows, cols, vals = [], [], []
    step = 2000
    for a in range(0, n, step):
        block = (Xr[a:a + step] @ XrT).tocoo()
        keep = block.col > block.row + a
        rows.append(block.row[keep] + a)
        cols.append(block.col[keep])
        vals.append(block.data[keep])
    r = np.concatenate(rows).astype(np.int64)
    c = np.concatenate(cols).astype(np.int64)
    v = np.concatenate(vals)
    if len(r) and Xc.nnz:
        # the common features add at most |xc_i| |xc_j| (Cauchy-Schwarz): pairs that cannot reach the
        # threshold are dropped before their common part is computed
        norm_c = np.sqrt(np.asarray(Xc.multiply(Xc).sum(axis=1)).ravel())
        can = v + norm_c[r] * norm_c[c] >= threshold - 1e-12
        r, c, v = r[can], c[can], v[can]
        v = v + np.asarray(Xc[r].multiply(Xc[c]).sum(axis=1)).ravel()
    ok = v >= threshold - 1e-12
    return _top_neighbours(r[ok], c[ok], v[ok], n, MAX_NEIGHBOURS)


def _top_neighbours(r: np.ndarray, c: np.ndarray, v: np.ndarray, n: int, k: int
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edges among the ``k`` most similar of at least one of their ends (ties in edge order).

    Examples
    --------
    >>> r, c, v = np.array([0, 0, 0]), np.array([1, 2, 3]), np.array([.9, .5, .4])
    >>> _top_neighbours(r, c, v, 4, 1)[1].tolist()
    [1, 2, 3]
    >>> _top_neighbours(np.array([0, 0, 2]), np.array([1, 2, 3]), np.array([.9, .5, .8]), 4, 1)[1].tolist()
    [1, 3]
    """
    if len(r) == 0 or k <= 0:
        return r, c, v
    m = len(r)
    ends = np.concatenate([r, c])
    vals = np.concatenate([v, v])
    # one float key (row, then descending similarity in [0, 1]); a stable sort keeps ties in edge order
    order = np.argsort(ends * 4.0 + (2.0 - np.clip(vals, 0.0, 1.0)), kind="stable")
    sorted_ends = ends[order]
    start = np.searchsorted(sorted_ends, sorted_ends, side="left")
    rank = np.arange(2 * m) - start
    keep = np.zeros(2 * m, dtype=bool)
    keep[order[rank < k]] = True
    ok = keep[:m] | keep[m:]
    return r[ok], c[ok], v[ok]


def _average_linkage(n: int, r: np.ndarray, c: np.ndarray, v: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clustering on a sparse similarity graph, cut at ``threshold``.

    Repeatedly merges the two clusters with the highest mean pairwise similarity (sum of the edge
    similarities between them over the product of their sizes; a pair without an edge counts 0) while
    that mean is at least ``threshold``. With every pair an edge this is scipy's average linkage cut at
    ``1 - threshold``. A merge only raises the mean towards clusters that were neighbours of the smaller
    side, so only those are pushed again; other heap entries are upper bounds, re-checked when popped.
    Returns a cluster number for each row, numbered by the cluster's first row.

    Examples
    --------
    >>> _average_linkage(4, np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3]), np.array([.9, .5, .5, .2]), .4).tolist()
    [0, 0, 0, 1]
    """
    # Clusters never cross a component of the graph of edges at or above the threshold (a mean over
    # pairs below it stays below it): edges between components are dropped, and a component of two
    # rows is one cluster without the heap.
    r0, c0 = r, c
    strong = v >= threshold
    _k, comp = connected_components(sparse.coo_matrix((np.ones(int(strong.sum())), (r[strong], c[strong])),
                                                      shape=(n, n)), directed=False)
    sizes = np.bincount(comp)
    within = (comp[r] == comp[c]) & (sizes[comp[r]] >= 3)
    pairs = strong & (sizes[comp[r]] == 2)
    r, c, v = r[within], c[within], v[within]
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    rl, cl, vl = r.tolist(), c.tolist(), v.tolist()
    for i, j, s in zip(rl, cl, vl):
        nbr[i][j] = s
        nbr[j][i] = s
    size = [1] * n
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    heap = [(-s, i, j) for i, j, s in zip(rl, cl, vl) if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        a, b = find(i), find(j)
        if a == b:
            continue
        s = nbr[a].get(b)
        if s is None:
            continue
        avg = s / (size[a] * size[b])
        if avg < threshold:
            continue
        if (min(a, b), max(a, b)) != (i, j) or abs(avg + neg) > 1e-12:
            heapq.heappush(heap, (-avg, min(a, b), max(a, b)))  # stale entry: push the current mean
            continue
        big, small = (a, b) if len(nbr[a]) >= len(nbr[b]) else (b, a)
        merged, other = nbr[big], nbr[small]
        merged.pop(small, None)
        other.pop(big, None)
        parent[small] = big
        size[big] += size[small]
        for k, sk in other.items():
            total = merged.get(k, 0.0) + sk
            merged[k] = total
            nk = nbr[k]
            nk.pop(small, None)
            nk[big] = total
            mean = total / (size[big] * size[k])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(big, k), max(big, k)))
        nbr[small] = {}
    for i, j in zip(r0[pairs].tolist(), c0[pairs].tolist()):
        parent[max(i, j)] = min(i, j)
    roots = np.fromiter((find(x) for x in range(n)), dtype=np.int64, count=n)
    first = np.full(n, n, dtype=np.int64)
    np.minimum.at(first, roots, np.arange(n))
    _u, labels = np.unique(first[roots], return_inverse=True)
    return labels.astype(np.int64)


def _cluster(X: sparse.csr_matrix, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Claim label of each row (numbered by first row) and its similarity to the claim's representative
    (the member with the highest summed similarity to the other members)."""
    n = X.shape[0]
    r, c, v = _candidate_pairs(X, threshold * EDGE_FLOOR)
    labels = _average_linkage(n, r, c, v, threshold)
    same = labels[r] == labels[c]
    score = np.bincount(r[same], weights=v[same], minlength=n) + np.bincount(c[same], weights=v[same], minlength=n)
    order = np.lexsort((np.arange(n), -score, labels))
    first = np.ones(n, dtype=bool)
    first[1:] = labels[order][1:] != labels[order][:-1]
    rep = np.empty(labels.max() + 1 if n else 0, dtype=np.int64)
    rep[labels[order][first]] = order[first]
    reps = rep[labels]
    simil = np.ones(n)
    other = np.flatnonzero(reps != np.arange(n))
    if len(other):
        simil[other] = np.asarray(X[other].multiply(X[reps[other]]).sum(axis=1)).ravel()
    return labels, simil


def claim_sentences(sentences: Sequence[str], *, actors: Sequence[Any] = (), threshold: float = THRESHOLD,
                    anchor_weight: float = ANCHOR_WEIGHT, blocks: Sequence[Any] | None = None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Group sentences of one story into claims.

    Parameters
    ----------
    sentences : sequence of str
        The story's sentences.
    actors : sequence of Actor
        The story's actors (names and aliases become one anchor each).
    threshold : float
        Average-linkage cut (cosine similarity).
    anchor_weight : float
        Weight of the anchor block.
    blocks : sequence, optional
        Quotation block key of each sentence (sentences with the same key share anchors).

    Returns
    -------
    (labels, similarity) : tuple of numpy arrays
        ``labels[i]`` is the claim number of sentence ``i`` (``-1``: too short to carry a claim),
        numbered by first sentence; ``similarity[i]`` its cosine similarity to its claim's
        representative (the member with the highest mean similarity to the others; 1.0 for it).

    Examples
    --------
    >>> s = ["Turkey bought the S-400 for $2.5 billion.", "The S-400 deal cost Turkey $2.5 billion.",
    ...      "Canada welcomed the talks between the allies."]
    >>> claim_sentences(s)[0].tolist()
    [0, 0, 1]
    """
    n = len(sentences)
    labels = np.full(n, -1, dtype=np.int64)
    simil = np.full(n, np.nan)
    aliases = _aliases(actors)
    starts = _alias_starts(aliases)
    feats = [_features(s, aliases, starts) for s in sentences]
    words = [f[0] for f in feats]
    anchors = [f[1] for f in feats]
    if blocks is not None:
        shared: dict[Any, set[str]] = defaultdict(set)
        for b, a in zip(blocks, anchors):
            shared[b].update(x for x in a if x.startswith(("actor:", "name:")))
        anchors = [sorted(set(a) | shared[b]) for b, a in zip(blocks, anchors)]
    keep = np.array([len(w) >= MIN_CONTENT_WORDS for w in words], dtype=bool)
    idx = np.flatnonzero(keep)
    if len(idx) == 0:
        return labels, simil
    X = _vectors([words[i] for i in idx], [anchors[i] for i in idx], anchor_weight)
    lab, sim = _cluster(X, threshold)
    labels[idx] = lab
    simil[idx] = sim
    return labels, simil


# ------------------------------------------------------------------ the corpus table

def _story_of(article: Any, corpus_story: str) -> str:
    meta = getattr(article, "meta", None) or {}
    story = meta.get("story") if isinstance(meta, Mapping) else None
    return str(story) if story not in (None, "") else corpus_story


def _empty() -> pd.DataFrame:
    return TABLES["coverage"].empty()


def coverage(corpus: Any, threshold: float = THRESHOLD, *, anchor_weight: float = ANCHOR_WEIGHT) -> pd.DataFrame:
    """Claims of each story and the sentences that carry them in each outlet.

    Parameters
    ----------
    corpus : Corpus
        Articles; those with the same story (``article.meta["story"]``, else ``corpus.story``) are
        compared. ``corpus.actors`` (from ``actors.yaml``) make names and aliases of one actor meet.
    threshold : float, default :data:`THRESHOLD`
        Average-linkage cut on cosine similarity: higher gives more, narrower claims.
    anchor_weight : float, default :data:`ANCHOR_WEIGHT`
        Weight of actors, names, numbers and dates against the other words.

    Returns
    -------
    pandas.DataFrame
        One row per sentence that carries a claim, in corpus and text order, with columns

        ``article_id``, ``outlet`` (str)
            The article and its outlet key.
        ``claim_id`` (int)
            The claim, unique in the corpus; claims are numbered by story, then by the position of
            their first sentence.
        ``claim`` (str)
            The claim's representative sentence (the member most similar to the others).
        ``start``, ``end`` (int)
            The sentence carrying the claim: ``article.text[start:end]`` is that sentence.
        ``similarity`` (float)
            Cosine similarity of this sentence to the representative (1.0 for the representative).
        ``story`` (str)
            The story the claim belongs to.

        A claim may be carried by one outlet only (an exclusive) and by several sentences of one
        article. Sentences with fewer than :data:`MIN_CONTENT_WORDS` content words carry no claim.

    Examples
    --------
    >>> import framing
    >>> c = framing.Corpus.from_records([
    ...     {"id": "a", "outlet": "rt", "text": "The first S-400 contract worth $2.5 billion was signed in 2017."},
    ...     {"id": "b", "outlet": "wsws", "text": "Turkey signed a $2.5 billion S-400 contract in 2017. Berlin moved its troops."}])
    >>> t = coverage(c)
    >>> t.groupby("claim_id")["outlet"].nunique().tolist()
    [2, 1]
    """
    arts = list(getattr(corpus, "articles", corpus))
    if not arts:
        return _empty()
    corpus_story = str(getattr(corpus, "story", "") or "")
    actors = tuple(getattr(corpus, "actors", ()) or ())
    by_story: dict[str, list[Any]] = defaultdict(list)
    for a in arts:
        by_story[_story_of(a, corpus_story)].append(a)
    rows: list[tuple] = []
    next_id = 0
    for story in sorted(by_story, key=lambda s: (s == "", s)):
        story_rows, next_id = _story_rows(story, by_story[story], actors, threshold, anchor_weight, next_id)
        rows.extend(story_rows)
    if not rows:
        return _empty()
    order = {a.id: i for i, a in enumerate(arts)}
    rows.sort(key=lambda r: (order[r[0]], r[4]))
    return TABLES["coverage"].from_rows(rows)


def _story_rows(story: str, arts: Sequence[Any], actors: Sequence[Any], threshold: float, anchor_weight: float,
                first_id: int) -> tuple[list[tuple], int]:
    """Rows of one story's claims, claim ids from ``first_id``; returns the rows and the next free id."""
    sents: list[str] = []
    where: list[tuple[Any, int, int]] = []
    blocks: list[tuple[int, int]] = []
    for k, a in enumerate(arts):
        spans = [(s.start, s.end) for s in a.sentences]
        for (s, e), b in zip(spans, _quote_blocks(a.text, spans)):
            sents.append(a.text[s:e])
            where.append((a, s, e))
            blocks.append((k, b))
    labels, simil = claim_sentences(sents, actors=actors, threshold=threshold, anchor_weight=anchor_weight,
                                    blocks=blocks)
    rep: dict[int, str] = {}
    for i, lab in enumerate(labels):
        if lab >= 0 and simil[i] == 1.0 and lab not in rep:
            rep[int(lab)] = sents[i]
    rows = []
    for i, lab in enumerate(labels):
        if lab < 0:
            continue
        a, s, e = where[i]
        rows.append((a.id, a.outlet, first_id + int(lab), rep[int(lab)], s, e, float(simil[i]), story))
    n_claims = int(labels.max()) + 1 if len(labels) and labels.max() >= 0 else 0
    return rows, first_id + n_claims


# ------------------------------------------------------------------ claims x outlets

def coverage_matrix(coverage_table: pd.DataFrame) -> pd.DataFrame:
    """Claims x outlets: which outlet carries which claim.

    Parameters
    ----------
    coverage_table : pandas.DataFrame
        The table of :func:`coverage`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``claim_id``, with columns ``claim`` (representative sentence), ``story``,
        ``n_outlets`` (how many outlets carry it), ``only`` (the outlet key when one outlet carries
        it, else empty) and one bool column per outlet (in the order outlets first appear in the
        table). Rows: claims shared by two or more outlets first (most outlets first, then most
        sentences), then each outlet's exclusive claims, outlet by outlet in column order.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "b", "b"], "outlet": ["x", "y", "y"], "claim_id": [0, 0, 1],
    ...                   "claim": ["c0", "c0", "c1"], "start": [0, 0, 9], "end": [8, 8, 20],
    ...                   "similarity": [1.0, 0.5, 1.0], "story": ["s", "s", "s"]})
    >>> coverage_matrix(t)[["n_outlets", "x", "y"]].values.tolist()
    [[2, True, True], [1, False, True]]
    """
    outlets = list(dict.fromkeys(coverage_table["outlet"].astype(str))) if len(coverage_table) else []
    cols = ["claim", "story", "n_outlets", "only", *outlets]
    if not len(coverage_table):
        return pd.DataFrame(columns=cols, index=pd.Index([], name="claim_id", dtype="int64"))
    t = coverage_table
    carried = pd.crosstab(t["claim_id"], t["outlet"].astype(str)).reindex(columns=outlets, fill_value=0) > 0
    first = t.drop_duplicates("claim_id").set_index("claim_id")
    n_sent = t.groupby("claim_id").size()
    m = pd.DataFrame({"claim": first["claim"], "story": first["story"]})
    m["n_outlets"] = carried.sum(axis=1).astype("int64")
    m["only"] = [next((o for o in outlets if row[o]), "") if k == 1 else ""
                 for (_, row), k in zip(carried.iterrows(), m["n_outlets"])]
    m = m.join(carried)
    pos = {o: i for i, o in enumerate(outlets)}
    key = [(0, -k, -int(n_sent[c]), c) if k > 1 else (1 + pos[o], 0, 0, c)
           for c, k, o in zip(m.index, m["n_outlets"], m["only"])]
    m = m.iloc[sorted(range(len(m)), key=lambda i: key[i])]
    m.index.name = "claim_id"
    return m[cols]


def _matrix(table: pd.DataFrame) -> pd.DataFrame:
    return table if "n_outlets" in table.columns else coverage_matrix(table)


def only_in(table: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """Claims carried by ``outlet`` alone (rows of :func:`coverage_matrix`; ``table`` is a coverage
    table or its matrix).

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "b", "b"], "outlet": ["x", "y", "y"], "claim_id": [0, 0, 1],
    ...                   "claim": ["c0", "c0", "c1"], "start": [0, 0, 9], "end": [8, 8, 20],
    ...                   "similarity": [1.0, 0.5, 1.0], "story": ["s", "s", "s"]})
    >>> only_in(t, "y")["claim"].tolist()
    ['c1']
    """
    m = _matrix(table)
    if outlet not in m.columns:
        return m.iloc[0:0]
    return m[m[outlet].astype(bool) & (m["n_outlets"] == 1)]


def everyone_but(table: pd.DataFrame, outlet: str, at_least: int | None = None) -> pd.DataFrame:
    """Claims ``outlet`` leaves out that the other outlets carry (``table`` is a coverage table or
    its matrix).

    Parameters
    ----------
    table : pandas.DataFrame
        A :func:`coverage` table or a :func:`coverage_matrix`.
    outlet : str
        Outlet key.
    at_least : int, optional
        How many other outlets must carry the claim; default all of them.

    Returns
    -------
    pandas.DataFrame
        Rows of :func:`coverage_matrix`, in its order.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["x", "y", "z"], "claim_id": [0, 0, 1],
    ...                   "claim": ["c0", "c0", "c1"], "start": [0, 0, 0], "end": [8, 8, 8],
    ...                   "similarity": [1.0, 0.5, 1.0], "story": ["s", "s", "s"]})
    >>> everyone_but(t, "z")["claim"].tolist()
    ['c0']
    """
    m = _matrix(table)
    if outlet not in m.columns:
        return m.iloc[0:0]
    outlets = [c for c in m.columns[4:] if c != outlet]
    need = len(outlets) if at_least is None else max(1, int(at_least))
    others = m[outlets].astype(bool).sum(axis=1)
    return m[~m[outlet].astype(bool) & (others >= need)]
