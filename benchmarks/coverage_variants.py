"""Variants of the claim grouping of ``framing.coverage``, each scored on the S-400 claim gold with the
threshold chosen by leave-one-article-out cross-validation (the honest figure) and at its best threshold (DEV).

Usage::

    python benchmarks/coverage_variants.py [--gold tests/data/s400_claims.csv] [--corpus corpora/s400]
        [--only NAME,NAME] [--wordnet DIR] [--allsides ../shared/eval/allsides-articles]

Scoring as ``benchmarks/coverage_gold.py``: pairs of gold sentences from different articles; for each
article held out, the threshold (grid 0.05 .. 0.425) with the best F1 on pairs not involving it is
applied to the pairs that do, counts pooled over the five folds. Only the threshold is chosen per
fold here (coverage_gold.py also chooses the anchor weight and edge floor), so the "current" row can
differ a little from coverage_gold.py's figure. Differences under ~0.03 are within the noise of 144
(v1) or 107 (v2) gold pairs: per-fold F1 ranges over 0.19-0.37 for the same method.

Variants (what each tests):
  current        the packaged method (sparse average linkage, anchors at ANCHOR_WEIGHT, quote blocks)
  anchor-0/.15/.5  weight of the anchor block (actors, names, numbers, dates)
  no-quote-blocks  no anchor sharing over a multi-sentence quotation
  bigrams        adjacent content-word pairs added to the word block
  clauses        long sentences split into clauses (", but", "; ", ", saying" ...), each clause grouped,
                 a sentence carrying the claims of its clauses (a sentence may carry two claims)
  context-.2     each sentence vector blended with its neighbours' in the article (weight 0.2)
  lsa-.3         cosine blended with a 60-dim LSA cosine of the story's own sentences (weight 0.3)
  dense-average, single, complete, weighted   exact scipy linkage on the dense similarity matrix
  aliases        an actor with a country's name or capital as alias takes that country's anchor ("Turkey",
                 "Ankara", "U.S.", "Washington" meet), country adjectives ("Turkish") are anchors,
                 possessives ("Ankara's") are looked up without "'s"
  wordnet        first-sense WordNet 3.0 synsets of each content word as an extra block (weight 0.3);
                 needs --wordnet DIR (the folder with index.noun/verb/adj, e.g. Debian's wordnet-base)
  ppmi           soft cosine with PPMI-SVD word vectors (128 dims, window 5) built from the AllSides
                 articles (needs --allsides); neighbours with cosine >= 0.7 add 0.3 x cosine
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.preprocessing import normalize

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import framing  # noqa: E402
from framing.analyzers import coverage as cov  # noqa: E402

import coverage_gold as cg  # noqa: E402

THRESHOLDS = [round(0.05 + 0.025 * i, 3) for i in range(16)]
_CLAUSE = re.compile(r"(?:[,;:]\s+|\s+)(?=(?:but|while|whereas|although|though|and|saying|adding|insisting|as|which|"
                     r"after|despite|especially|because|since|so|hence)\b)|;\s+")


class Story:
    """The S-400 sentences, their places and quote blocks, and their features."""

    def __init__(self, corpus):
        self.actors = tuple(corpus.actors)
        self.sents, self.where, self.blocks = [], [], []
        for k, a in enumerate(corpus):
            spans = [(s.start, s.end) for s in a.sentences]
            for (s, e), b in zip(spans, cov._quote_blocks(a.text, spans)):
                self.sents.append(a.text[s:e])
                self.where.append((a.id, s))
                self.blocks.append((k, b))

    def features(self, share: bool = True, aliases=None):
        al = aliases if aliases is not None else cov._aliases(self.actors)
        st = cov._alias_starts(al)
        feats = [cov._features(s, al, st) for s in self.sents]
        words, anchors = [f[0] for f in feats], [f[1] for f in feats]
        if share:
            shared = defaultdict(set)
            for b, a in zip(self.blocks, anchors):
                shared[b].update(x for x in a if x.startswith(("actor:", "name:")))
            anchors = [sorted(set(a) | shared[b]) for b, a in zip(self.blocks, anchors)]
        return words, anchors


def labels_from_matrix(story, keep, X=None, S=None, method="sparse"):
    """Claim labels of every sentence (-1: not kept) at each threshold."""
    idx = np.flatnonzero(keep)

    def at(t):
        lab = np.full(len(story.sents), -1)
        if method == "sparse":
            lab[idx] = cov._cluster(sparse.csr_matrix(X), t)[0]
        else:
            sim = S if S is not None else (X @ X.T).toarray()
            D = np.clip(1 - sim, 0, None)
            np.fill_diagonal(D, 0)
            lab[idx] = fcluster(linkage(squareform(D, checks=False), method), 1 - t, "distance")
        return {w: ({int(x)} if x >= 0 else set()) for w, x in zip(story.where, lab)}
    return at


def vectors(story, words, anchors, aw=cov.ANCHOR_WEIGHT):
    keep = np.array([len([x for x in w if "_" not in x]) >= cov.MIN_CONTENT_WORDS for w in words])
    idx = np.flatnonzero(keep)
    return keep, cov._vectors([words[i] for i in idx], [anchors[i] for i in idx], aw)


def variant(name, story, args):
    """A function threshold -> {(article_id, start): set of claim labels}."""
    if name == "clauses":
        return clause_variant(story)
    share = name != "no-quote-blocks"
    aw = {"anchor-0": 0.0, "anchor-.15": 0.15, "anchor-.5": 0.5}.get(name, cov.ANCHOR_WEIGHT)
    words, anchors = story.features(share, aliases=alias_variant(story) if name == "aliases" else None)
    if name == "bigrams":
        words = [w + [a + "_" + b for a, b in zip(w, w[1:])] for w in words]
    keep, X = vectors(story, words, anchors, aw)
    if name == "context-.2":
        art = np.array([story.blocks[i][0] for i in np.flatnonzero(keep)])
        n = len(art)
        near = sparse.diags([(art[1:] == art[:-1]) * 0.2, (art[1:] == art[:-1]) * 0.2], [1, -1], shape=(n, n))
        X = normalize(X + near @ X)
    if name == "lsa-.3":
        from sklearn.decomposition import TruncatedSVD

        Z = normalize(TruncatedSVD(60, random_state=0).fit_transform(X))
        return labels_from_matrix(story, keep, S=0.7 * (X @ X.T).toarray() + 0.3 * np.clip(Z @ Z.T, 0, None),
                                  method="average")
    if name == "wordnet":
        syn = wordnet_synsets(Path(args.wordnet))
        idx = np.flatnonzero(keep)
        Xs = cov._vectors([["wn" + s for t in words[i] for s in sorted(syn.get(t, ()))] for i in idx],
                          [[] for _ in idx], 0.0)
        X = normalize(sparse.hstack([X, 0.3 * Xs]).tocsr())
    if name == "ppmi":
        X = soft_cosine(X, words, anchors, keep, ppmi_vectors(Path(args.allsides)))
        return labels_from_matrix(story, keep, X=X, method="average")
    if name in ("dense-average", "single", "complete", "weighted"):
        return labels_from_matrix(story, keep, X=X, method=name.replace("dense-", ""))
    return labels_from_matrix(story, keep, X=X)


def clause_variant(story):
    units, owner, blocks = [], [], []
    for i, s in enumerate(story.sents):
        parts, last = [], 0
        for m in _CLAUSE.finditer(s):
            parts.append((last, m.start()))
            last = m.end()
        parts.append((last, len(s)))
        merged: list[tuple[int, int]] = []
        for a, b in parts:  # a clause with fewer than 4 content words stays with its neighbour
            if merged and (len(cov._content_words(s[a:b])) < 4 or len(cov._content_words(s[slice(*merged[-1])])) < 4):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        for a, b in merged:
            units.append(s[a:b])
            owner.append(i)
            blocks.append(story.blocks[i])

    def at(t):
        lab, _ = cov.claim_sentences(units, actors=story.actors, threshold=t, blocks=blocks)
        out = {w: set() for w in story.where}
        for u, x in zip(owner, lab):
            if x >= 0:
                out[story.where[u]].add(int(x))
        return out
    return at


def alias_variant(story):
    countries = {}
    for r in framing.resources.read_csv("countries.csv", ("code", "names", "capitals", "adjectives")):
        for field in ("names", "capitals", "adjectives"):
            for n in (r.get(field) or "").split("|"):
                if n.strip():
                    countries.setdefault(n.strip(), "country:" + r["code"])
    names, takeover = {}, {}
    for n, a in countries.items():
        names[tuple(cov._WORD_RE.findall(n))] = a
    for actor in story.actors:
        for n in actor.names:
            toks = tuple(cov._WORD_RE.findall(n))
            if toks:
                names[toks] = "actor:" + actor.name.lower()
                if n in countries:
                    takeover.setdefault(countries[n], "actor:" + actor.name.lower())
    names.pop((), None)
    names = {k: takeover.get(v, v) for k, v in names.items()}
    # possessives: "Ankara's" is looked up as "Ankara"
    for k in list(names):
        names.setdefault(k[:-1] + (k[-1] + "'s",), names[k])
        names.setdefault(k[:-1] + (k[-1] + "’s",), names[k])
    return names


def wordnet_synsets(folder: Path) -> dict[str, set[str]]:
    """Stem of a one-word lemma -> its first-sense synsets (noun, verb, adjective) from WordNet's index files."""
    out: dict[str, set[str]] = defaultdict(set)
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"index.{pos}").open(encoding="utf-8"):
            if line.startswith(" ") or "_" in line.split(" ", 1)[0]:
                continue
            f = line.split()
            offsets = f[4 + int(f[3]) + 2:]
            out[cov._stemmer().stem(f[0])].add(pos[0] + offsets[0])
    return out


def ppmi_vectors(path: Path) -> dict[str, np.ndarray]:
    from sklearn.utils.extmath import randomized_svd

    from _allsides import allsides_records

    docs = []
    for r in allsides_records(path):
        for para in re.split(r"\n+", r["text"]):
            toks = [cov._token_features(m)[0] for m in cov._WORD_RE.findall(para)]
            toks = [x for x in toks if x is not None and not any(ch.isdigit() for ch in x)]
            if toks:
                docs.append(toks)
    count = defaultdict(int)
    for d in docs:
        for w in d:
            count[w] += 1
    vocab = sorted(w for w, c in count.items() if c >= 10)
    ix = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for d in docs:
        ids = [ix.get(w, -1) for w in d]
        for i, a in enumerate(ids):
            for b in ids[i + 1:i + 6]:
                if a >= 0 and b >= 0 and a != b:
                    rows += [a, b]
                    cols += [b, a]
    C = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab),) * 2).tocsr()
    C.sum_duplicates()
    total, rw = C.sum(), np.asarray(C.sum(1)).ravel()
    cw = np.asarray(C.sum(0)).ravel() ** 0.75
    C = C.tocoo()
    pmi = np.log(C.data / total / (rw[C.row] / total) / (cw[C.col] / cw.sum()))
    ok = pmi > 0
    P = sparse.coo_matrix((pmi[ok], (C.row[ok], C.col[ok])), shape=C.shape).tocsr()
    U, S, _ = randomized_svd(P, 128, random_state=0)
    E = normalize(U * np.sqrt(S))
    return {w: E[i] for w, i in ix.items()}


def soft_cosine(X, words, anchors, keep, vec, alpha=0.3, tau=0.7):
    idx = np.flatnonzero(keep)
    vocab = {}
    for i in idx:
        for t in words[i]:
            vocab.setdefault(t, len(vocab))
        for t in anchors[i]:
            vocab.setdefault(t, len(vocab))
    terms = list(vocab)
    have = [k for k, t in enumerate(terms) if t in vec]
    E = np.array([vec[terms[k]] for k in have])
    sim = E @ E.T
    r, c = np.nonzero((sim >= tau) & ~np.eye(len(have), dtype=bool))
    M = sparse.identity(len(terms)) + sparse.coo_matrix((alpha * sim[r, c], (np.array(have)[r], np.array(have)[c])),
                                                        shape=(len(terms),) * 2)
    return normalize(X @ M.tocsr())


def score(gold, at):
    preds = {t: at(t) for t in THRESHOLDS}

    def counts(P, involving=None, excluding=None):
        tp = fp = fn = 0
        for a, b in itertools.combinations(sorted(gold), 2):
            if a[0] == b[0] or (involving and involving not in (a[0], b[0])) or (excluding and excluding in (a[0], b[0])):
                continue
            g, p = bool(gold[a] & gold[b]), bool(P.get(a, set()) & P.get(b, set()))
            tp, fp, fn = tp + (g and p), fp + (p and not g), fn + (g and not p)
        return tp, fp, fn
    pooled, chosen = [0, 0, 0], []
    for held in sorted({k[0] for k in gold}):
        best = max(THRESHOLDS, key=lambda t: (cg.prf(*counts(preds[t], excluding=held))[2], -t))
        chosen.append(best)
        pooled = [x + y for x, y in zip(pooled, counts(preds[best], involving=held))]
    dev = max(THRESHOLDS, key=lambda t: cg.prf(*counts(preds[t]))[2])
    return cg.prf(*pooled), chosen, dev, cg.prf(*counts(preds[dev]))


NAMES = ["current", "anchor-0", "anchor-.15", "anchor-.5", "no-quote-blocks", "bigrams", "clauses", "context-.2",
         "lsa-.3", "dense-average", "single", "complete", "weighted", "aliases", "wordnet", "ppmi"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "tests/data/s400_claims.csv"))
    ap.add_argument("--corpus", default=str(ROOT / "corpora/s400"))
    ap.add_argument("--only", default=None)
    ap.add_argument("--wordnet", default=None, help="folder with WordNet 3.0 index.noun/index.verb/index.adj")
    ap.add_argument("--allsides", default=None, help="AllSides articles folder (for the ppmi variant)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    story = Story(framing.load_corpus(args.corpus))
    gold = cg.read_gold(Path(args.gold))
    names = args.only.split(",") if args.only else NAMES
    print(f"gold {args.gold}: cross-article pairs, LOAO (threshold per fold) and DEV (best threshold)")
    for name in names:
        if (name == "wordnet" and not args.wordnet) or (name == "ppmi" and not args.allsides):
            print(f"  {name:16s} skipped (needs --{'wordnet' if name == 'wordnet' else 'allsides'})")
            continue
        (p, r, f), chosen, dev, (dp, dr, df) = score(gold, variant(name, story, args))
        print(f"  {name:16s} LOAO P {p:.3f} R {r:.3f} F1 {f:.3f} | DEV t={dev:.3f} P {dp:.3f} R {dr:.3f} F1 {df:.3f} "
              f"| fold thresholds {chosen}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
