"""Time ``framing.coverage`` against ``sentence_sentiment`` on the AllSides corpus, in one run.

Usage::

    python benchmarks/coverage_speed.py ../shared/eval/allsides-articles [--limit N] [--repeat 2]

Each AllSides record's ``topic`` is its story (102 topics; the largest, "politics", has 770 articles),
so claims are grouped per topic. Sentences are split once before either timing (both analyzers read
``article.sentences``), so the two timings compare the analyses themselves. Prints both times, the
ratio coverage / sentence_sentiment, the number of claims and the largest story's share of the time.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from _allsides import allsides_records  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="interleaved repeats; the fastest of each is kept")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import framing
    from framing.analyzers.coverage import coverage
    from framing.analyzers.sentiment import sentence_sentiment

    records = [dict(r, story=r.get("topic") or "", date=None) for r in allsides_records(args.path)][: args.limit]
    corpus = framing.Corpus.from_records(records)
    t = time.perf_counter()
    n_sent = sum(len(a.sentences) for a in corpus)
    split = time.perf_counter() - t
    print(f"corpus: {len(corpus)} articles, {n_sent:,} sentences (split once: {split:.2f} s), "
          f"{len({a.meta.get('story') for a in corpus})} stories")
    best_s = best_c = float("inf")
    table = None
    for _ in range(args.repeat):
        t = time.perf_counter()
        sentence_sentiment(corpus)
        best_s = min(best_s, time.perf_counter() - t)
        t = time.perf_counter()
        table = coverage(corpus)
        best_c = min(best_c, time.perf_counter() - t)
    big = max({a.meta.get("story") for a in corpus}, key=lambda s: sum(a.meta.get("story") == s for a in corpus))
    sub = framing.Corpus.from_records([r for r in records if r["story"] == big])
    _ = [a.sentences for a in sub]
    t = time.perf_counter()
    coverage(sub)
    t_big = time.perf_counter() - t
    n_out = table.groupby("claim_id")["outlet"].nunique()
    print(f"sentence_sentiment {best_s:.2f} s; coverage {best_c:.2f} s; ratio coverage/sentiment "
          f"{best_c / best_s:.2f}")
    print(f"{table['claim_id'].nunique():,} claims over {len(table):,} sentences; {(n_out >= 2).sum():,} shared by "
          f"two or more outlets; largest story {big!r} alone {t_big:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
