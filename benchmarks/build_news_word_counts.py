"""Build ``framing/data/models/news_word_counts.csv``: how often each word occurs in news text.

Usage::

    python benchmarks/build_news_word_counts.py ../shared/eval/allsides-articles [--out FILE]

Counts lower-cased word tokens (:data:`framing.text.TOKEN_RE`) in the
``content_original`` text of every AllSides article (Baly et al., EMNLP 2020;
repository https://github.com/ramybaly/Article-Bias-Prediction, Apache-2.0;
3,656 articles of 65 outlets, left, centre and right). Only words made of
the letters a-z (inner hyphens and apostrophes allowed) that occur at least
``--min-count`` times in at least ``--min-docs`` articles are written, with
their count; no sentence or other text is written. The loaded-language
model (``framing/data/models/loaded_context.json``) treats a lower-case word
that is absent from this table, or counted at most ``uncommon_word.max_count``
times, as *uncommon in news*. Output is deterministic (sorted by word).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from _allsides import allsides_records  # noqa: E402

from framing.text import TOKEN_RE  # noqa: E402

WORD_RE = re.compile(r"^[a-z](?:[a-z'\u2019-]*[a-z])?$")


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="folder of the AllSides articles (with jsons/)")
    ap.add_argument("--out", default=str(root / "framing" / "data" / "models" / "news_word_counts.csv"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-docs", type=int, default=2)
    args = ap.parse_args(argv)
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    n_docs = n_tokens = 0
    for rec in allsides_records(args.path):
        words = [m.group().lower() for m in TOKEN_RE.finditer(rec["text"])]
        counts.update(words)
        docs.update(set(words))
        n_docs += 1
        n_tokens += len(words)
    keep = sorted(w for w, n in counts.items()
                  if n >= args.min_count and docs[w] >= args.min_docs and WORD_RE.match(w))
    lines = [
        "# Word counts in news text, for the loaded-language model (framing.analyzers.loaded).",
        f"# Built by benchmarks/build_news_word_counts.py from {n_docs} AllSides articles ({n_tokens} tokens;",
        "# Baly et al. 2020, github.com/ramybaly/Article-Bias-Prediction, Apache-2.0). Only words counted at least",
        f"# {args.min_count} times in at least {args.min_docs} articles. Provenance: framing/data/README.md.",
        "word,count",
    ]
    lines += [f"{w},{counts[w]}" for w in keep]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(keep)} words from {n_docs} articles, {n_tokens} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
