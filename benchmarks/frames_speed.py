"""Time of :func:`framing.frames` and :func:`framing.roles` against :func:`framing.sentence_sentiment` in one run.

Usage::

    python benchmarks/frames_speed.py ../shared/eval/allsides-articles [--limit N]

The corpus is built first; ``sentence_sentiment`` runs first and therefore also pays for Punkt sentence
splitting (cached on each article, as in ``framing.analyze``); frames and roles then reuse the sentences,
which is their marginal cost inside a full analysis. Timings are noisy on shared machines: compare the
ratios, which come from the same run.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _allsides import allsides_records  # noqa: E402

from framing.analyzers.frames import frames  # noqa: E402
from framing.analyzers.roles import roles  # noqa: E402
from framing.analyzers.sentiment import sentence_sentiment  # noqa: E402
from framing.corpus import Corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    recs = list(allsides_records(args.path))[: args.limit]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = Corpus.from_records(recs)
    frames(Corpus.from_records(recs[:5]))  # load the model and lexicons outside the timings
    times = {}
    for name, fn in (("sentence_sentiment", sentence_sentiment), ("frames", frames), ("roles", roles)):
        t0 = time.perf_counter()
        fn(corpus)
        times[name] = time.perf_counter() - t0
    base = times["sentence_sentiment"]
    print(f"{len(corpus)} articles of {args.path}")
    for name, t in times.items():
        print(f"  {name:<20} {t:7.2f} s  ({t / base:.2f} x sentence_sentiment)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
