"""Hero / villain / victim roles of :func:`framing.roles` against Frermann et al.'s entity annotations.

Used by ``benchmarks/frames_frermann.py``. Matching: gold and predicted actor strings lower-cased; a
prediction matches a gold entity of the same article and role when one string contains the other or
they share a content word of four or more letters (not a stop word). Precision: predicted
(article, role, actor) rows matching some gold entity; recall: gold (article, role, entity) rows
matched by some prediction. Nothing is fitted on these annotations.
"""
from __future__ import annotations

import re
import time

import pandas as pd

_STOP = frozenset("the a an of and for with from that this their they them climate change".split())
_WORD = re.compile(r"[a-z][a-z'-]{3,}")


def _words(s: str) -> set[str]:
    return {w for w in _WORD.findall(s.lower()) if w not in _STOP}


def matches(pred: str, gold: str) -> bool:
    p, g = pred.lower().strip(), gold.lower().strip()
    if not p or not g:
        return False
    return p in g or g in p or bool(_words(p) & _words(g))


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, tuple[float, float, float, int, int]]:
    """Per role (and ``all``): P, R, F1, predictions, gold entities."""
    out = {}
    for role in ("hero", "villain", "victim", "all"):
        pr = pred if role == "all" else pred[pred.role == role]
        gd = gold if role == "all" else gold[gold.role == role]
        gold_by = {k: list(g.entity) for k, g in gd.groupby(["ID", "role"])}
        pred_by = {k: list(g.actor) for k, g in pr.groupby(["article_id", "role"])}
        tp_p = sum(any(matches(a, e) for e in gold_by.get(k, ())) for k, acts in pred_by.items() for a in acts)
        tp_g = sum(any(matches(a, e) for a in pred_by.get(k, ())) for k, ents in gold_by.items() for e in ents)
        p = tp_p / max(1, len(pr))
        r = tp_g / max(1, len(gd))
        out[role] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, len(pr), len(gd))
    return out


def roles_report(path: str, gold: pd.DataFrame) -> None:
    from _frermann import read_frermann

    from framing.analyzers.roles import roles
    from framing.corpus import Corpus

    arts, _, _ = read_frermann(path)
    corpus = Corpus.from_records([{"id": str(i), "outlet": str(s), "text": t}
                                  for i, s, t in zip(arts["ID"], arts["source"], arts["text"])], clean=False)
    t0 = time.perf_counter()
    pred = roles(corpus)
    dt = time.perf_counter() - t0
    gold = gold.assign(ID=gold["ID"].astype(str))
    gold = gold[gold["ID"].isin(set(pred["article_id"]) | {str(i) for i in arts["ID"]})]
    print(f"\nRoles (no fitting; {len(corpus)} articles, {dt:.1f} s): entity matches per role")
    print(f"  {'role':<8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
    for role, (p, r, f1, n_p, n_g) in score(pred, gold).items():
        print(f"  {role:<8} {p:6.3f} {r:6.3f} {f1:6.3f} {n_p:5d} {n_g:5d}")
