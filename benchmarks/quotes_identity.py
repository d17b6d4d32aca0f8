"""Check that ``framing.voices`` on the full AllSides corpus equals a saved snapshot.

Usage::

    python benchmarks/quotes_identity.py ALLSIDES_PATH SNAPSHOT.pkl [--save OUT.pkl]

The corpus is built as in the table snapshots (``benchmarks/_allsides.py``
records, dates through ``throughput._iso_date``, ``Corpus.from_records``);
SNAPSHOT.pkl is a pickle of a dict of DataFrames whose ``voices`` entry is
compared with :func:`pandas.testing.assert_frame_equal`.
"""
from __future__ import annotations

import argparse
import pickle
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("allsides", type=Path)
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--save", type=Path, default=None, help="also pickle the new voices table here")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import pandas as pd

    import framing
    from _allsides import allsides_records
    from framing.corpus import Corpus
    from throughput import _iso_date

    recs = [dict(r, date=_iso_date(r["date"])) for r in allsides_records(args.allsides)]
    corpus = Corpus.from_records(recs)
    t = time.perf_counter()
    new = framing.voices(corpus)
    took = time.perf_counter() - t
    if args.save is not None:
        with open(args.save, "wb") as f:
            pickle.dump(new, f)
    with open(args.snapshot, "rb") as f:
        old = pickle.load(f)
    old = old["voices"] if isinstance(old, dict) else old
    pd.testing.assert_frame_equal(new.reset_index(drop=True), old.reset_index(drop=True))
    print(f"voices identical: {new.shape} ({took:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
