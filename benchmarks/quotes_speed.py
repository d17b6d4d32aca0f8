"""Speed of ``framing.voices`` against plain Punkt + VADER on the same texts, in one run.

Usage::

    python benchmarks/quotes_speed.py PATH [--limit 300] [--repeat 3]

PATH is the PolNeAR folder (``../shared/eval/polnear-train``). The first
``--limit`` article texts (sorted by file name) become a corpus with
:meth:`framing.corpus.Corpus.from_records`; the articles' paragraphs and
sentences are computed before timing (every analyzer shares them). Then, on
the same cleaned texts:

1. baseline: NLTK Punkt (default parameters) + vaderSentiment over every sentence;
2. ``voices(corpus)``.

The two are timed in turn ``--repeat`` times and the best wall-clock and CPU
(process) times kept; CPU time is the steadier figure on a shared machine.
The ratio voices/baseline is printed (target <= 0.4).
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def baseline(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds for Punkt + VADER over every sentence of ``texts``."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    tok = PunktSentenceTokenizer()
    sia = SentimentIntensityAnalyzer()
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        for s in tok.tokenize(text):
            sia.polarity_scores(s)
    return time.perf_counter() - t, time.process_time() - c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    from framing.analyzers.voices import voices
    from framing.corpus import Corpus

    base = args.path / "train" if (args.path / "train").is_dir() else args.path
    files = sorted((base / "text").glob("*.txt"))[: args.limit]
    records = [{"id": p.stem, "outlet": p.stem.split("_")[0] or "unknown", "text": p.read_text(encoding="utf-8")}
               for p in files]
    corpus = Corpus.from_records(records)
    for art in corpus:  # paragraphs and sentences are shared by all analyzers: compute them outside the timing
        art.paragraphs, art.sentences  # noqa: B018
    texts = [a.text for a in corpus]
    voices(Corpus.from_records(records[:5]))  # warm caches (word lists)
    tb = cb = tv = cv = float("inf")
    n_rows = 0
    for _ in range(args.repeat):  # interleaved, so load from other processes hits both alike
        w, c = baseline(texts)
        tb, cb = min(tb, w), min(cb, c)
        t, c0 = time.perf_counter(), time.process_time()
        df = voices(corpus)
        tv, cv = min(tv, time.perf_counter() - t), min(cv, time.process_time() - c0)
        n_rows = len(df)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words; best of {args.repeat} (wall / CPU seconds)")
    print(f"baseline Punkt+VADER: {tb:6.3f} / {cb:6.3f}")
    print(f"voices(corpus)      : {tv:6.3f} / {cv:6.3f}  ({n_rows} rows)")
    print(f"ratio voices/baseline: wall {tv / tb:.2f}, CPU {cv / cb:.2f}  (target <= 0.4)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
