"""CPU of the ``voices`` analyzer and its fit on the first N AllSides articles (for speed work).

The articles' paragraphs, sentences and quote marks are computed first (in ``framing.analyze`` the
``sentences`` and ``loaded_terms`` analyzers do that before ``voices``), then the fit
(``story_name_counts`` + ``merge_story_name_counts``) and the run (``voices``) are timed with
``time.process_time``, the cyclic GC off as in ``framing.analyze``.

Usage::

    python benchmarks/voices_cpu.py ../shared/eval/allsides-articles 3656
    # instruction counts, robust to other load: run up to a step and subtract
    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python benchmarks/voices_cpu.py ../shared/eval/allsides-articles 300 --stop {base,fit,all}
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
warnings.simplefilter("ignore")

from _allsides import allsides_records  # noqa: E402
from throughput import _iso_date  # noqa: E402

from framing.analyzers.voices import merge_story_name_counts, story_name_counts, voices  # noqa: E402
from framing.corpus import Corpus  # noqa: E402
from framing.quotes.marks import find_quotes  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("allsides", help="the AllSides articles folder (e.g. ../shared/eval/allsides-articles)")
    ap.add_argument("n", type=int, help="how many articles (in file-name order)")
    ap.add_argument("--stop", choices=("base", "fit", "all"), default="all",
                    help="stop after the set-up (base), after the fit, or after the run (default)")
    args = ap.parse_args()
    recs = [dict(r, date=_iso_date(r["date"])) for r in allsides_records(args.allsides)][:args.n]
    corpus = Corpus.from_records(recs)
    for art in corpus.articles:
        paras = art.paragraphs
        art.sentences
        find_quotes(art.text, [p.start for p in paras], [p.end for p in paras])
    gc.disable()
    if args.stop == "base":
        return
    t0 = time.process_time()
    names = merge_story_name_counts([story_name_counts(corpus)])
    t1 = time.process_time()
    if args.stop == "fit":
        print(f"fit {t1 - t0:.3f} s")
        return
    table = voices(corpus, names=names)
    t2 = time.process_time()
    print(f"fit {t1 - t0:.3f} s  run {t2 - t1:.3f} s  rows {len(table)}")


if __name__ == "__main__":
    main()
