"""A report over 10+ outlets: one topic of the AllSides articles dataset (Baly et al. 2020).

Usage::

    python benchmarks/allsides_report.py ../shared/eval/allsides-articles [--topic national_defense]
        [--per-outlet 2] [--max-outlets 15] [--out reports] [--html]

Picks up to ``--max-outlets`` outlets with the most articles on the topic
(ties by name), up to ``--per-outlet`` articles each (first by file name),
builds a Corpus with :meth:`framing.corpus.Corpus.from_records`, runs
:func:`framing.compare.analyze` and writes ``<out>/allsides-<topic>.pdf``
(and ``.html`` with ``--html``). Prints the time of each step. The dataset
is read from PATH only; no text from it is copied into the repository
except in the generated report.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _allsides import allsides_records  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="folder of the AllSides articles dataset (with jsons/)")
    ap.add_argument("--topic", default="national_defense", help="dataset topic (default national_defense)")
    ap.add_argument("--per-outlet", type=int, default=2)
    ap.add_argument("--max-outlets", type=int, default=15)
    ap.add_argument("--out", default=str(ROOT / "reports"))
    ap.add_argument("--html", action="store_true", help="also write the HTML report")
    args = ap.parse_args(argv)

    from framing.compare import analyze
    from framing.corpus import Corpus

    t0 = time.perf_counter()
    recs = list(allsides_records(args.path, args.topic))
    if not recs:
        raise SystemExit(f"no articles with topic {args.topic!r} in {args.path}")
    counts = collections.Counter(r["outlet"] for r in recs)
    outlets = sorted(counts, key=lambda o: (-counts[o], o))[: args.max_outlets]
    picked, taken = [], collections.Counter()
    for r in recs:
        if r["outlet"] in outlets and taken[r["outlet"]] < args.per_outlet:
            taken[r["outlet"]] += 1
            picked.append({k: r[k] for k in ("id", "outlet", "url", "title", "date", "text")})
    t1 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unregistered outlets are expected here
        corpus = Corpus.from_records(picked, story=f"AllSides dataset, topic '{args.topic}' "
                                                   f"({len(picked)} articles, {len(outlets)} outlets)")
    t2 = time.perf_counter()
    comp = analyze(corpus)
    t3 = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pdf = comp.to_pdf(out / f"allsides-{args.topic}.pdf")
    t4 = time.perf_counter()
    print(f"topic {args.topic}: {len(picked)} articles, {len(corpus.outlet_keys)} outlets, "
          f"{sum(a.n_words for a in corpus):,} words")
    print(f"read {t1 - t0:.2f} s, corpus {t2 - t1:.2f} s, analyze {t3 - t2:.2f} s, PDF {t4 - t3:.2f} s "
          f"-> {pdf}")
    if args.html:
        h = comp.to_html(out / f"allsides-{args.topic}.html")
        print(f"HTML {time.perf_counter() - t4:.2f} s -> {h}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
