"""Score ``framing.extract_quotes`` on the hand-annotated S-400 seed gold.

Usage::

    python benchmarks/quotes_gold.py [--gold tests/data/s400_quotes.csv] [--seeds seeds]
                                     [--actors corpora/s400/actors.yaml | --no-actors] [-v]
                                     [--convention attribution|reported-speech]

A gold row is found when a predicted quote's ``content`` contains the row's
``content_start`` after whitespace and quote-mark normalisation (one
prediction per gold row, the nearest line first). The speaker is right when
the predicted ``speaker`` equals the gold ``speaker`` (case-insensitive) or
shares its last word. Predictions that start inside the caption / credit /
footer lines listed in the gold README are not counted.

The seed gold annotates every attribution ("asked X to", "accused X of",
"is concerned that"), so it is scored under ``convention="attribution"`` by
default. ``--convention reported-speech`` scores the default convention of
``extract_quotes`` against the gold rows that convention counts: direct
quotes, and indirect or mixed rows whose ``verb`` is a verb of saying
(:func:`framing.quotes.convention.is_speech_act`).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FILES = {
    "cbc": "000_91b9c4432941d692.txt",
    "rt": "001_b844b83d6f81ed74.txt",
    "presstv": "002_151e28b02c3019a7.txt",
    "revoi": "003_27e241ab6e7f3ee0.txt",
    "wsws": "004_42b21dbca4c90612.txt",
}
#: Excluded regions (1-based inclusive line ranges), from the gold README.
EXCLUDED = {
    "cbc": [(1, 1), (9, 9), (40, 40), (27, 32), (60, 60)],
    "rt": [(11, 15), (41, 45), (81, 85), (109, 113)],
    "presstv": [(1, 1), (5, 5), (37, 42)],
    "revoi": [(1, 3), (6, 6), (8, 11), (37, 46)],
    "wsws": [(5, 6), (44, 47)],
}
_DQ = re.compile(r"[\"“”„‟«»]")
_SQ = re.compile(r"[‘’‚‛']")
_WS = re.compile(r"\s+")


def normalise(s: str) -> str:
    """Collapse white space (NBSP included) and map quote marks to ASCII."""
    return _WS.sub(" ", _SQ.sub("'", _DQ.sub('"', s))).strip()


def same_speaker(pred: str, gold: str) -> bool:
    p, g = normalise(pred).lower(), normalise(gold).lower()
    if not p or not g:
        return False
    return p == g or p.split()[-1] == g.split()[-1]


def score(gold_path: Path, seeds: Path, actors: Any = None, verbose: bool = False,
          convention: str = "attribution") -> dict[str, float]:
    """Precision, recall and speaker accuracy over the five seed articles."""
    from framing.analyzers.voices import extract_quotes
    from framing.quotes.convention import is_speech_act

    with open(gold_path, encoding="utf-8", newline="") as fh:
        gold = list(csv.DictReader(fh))
    if convention == "reported-speech":
        gold = [g for g in gold if g["kind"] == "direct" or is_speech_act(g["verb"])]
    tp_pred = n_pred = found = spk_ok = 0
    for key, fname in FILES.items():
        text = (seeds / fname).read_text(encoding="utf-8")
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

        def line_of(pos: int) -> int:
            lo, hi = 0, len(line_starts)
            while lo + 1 < hi:
                mid = (lo + hi) // 2
                if line_starts[mid] <= pos:
                    lo = mid
                else:
                    hi = mid
            return lo + 1

        df = extract_quotes(text, actors, convention=convention)
        preds = []
        for row in df.itertuples(index=False):
            ln = line_of(row.start)
            if any(a <= ln <= b for a, b in EXCLUDED[key]):
                continue
            preds.append((ln, normalise(row.content), row))
        used: set[int] = set()
        grows = [g for g in gold if g["article"] == key]
        for g in grows:
            cs = normalise(g["content_start"])
            gl = int(g["line"])
            cands = [i for i, (ln, c, _) in enumerate(preds) if i not in used and cs in c]
            if not cands:
                if verbose:
                    print(f"MISS {key}:{gl} [{g['verb']}] {g['content_start'][:60]!r}")
                continue
            i = min(cands, key=lambda i: (abs(preds[i][0] - gl), preds[i][2].start))
            used.add(i)
            found += 1
            ok = same_speaker(preds[i][2].speaker, g["speaker"])
            spk_ok += ok
            if verbose and not ok:
                print(f"SPEAKER {key}:{gl} gold={g['speaker']!r} pred={preds[i][2].speaker!r} ({preds[i][2].speaker_mention!r})")
        n_pred += len(preds)
        tp_pred += len(used)
        if verbose:
            for i, (ln, c, row) in enumerate(preds):
                if i not in used:
                    print(f"FP   {key}:{ln} [{row.cue}] {row.kind} {row.speaker!r}: {c[:70]!r}")
    n_gold = len(gold)
    return {
        "n_gold": n_gold,
        "n_pred": n_pred,
        "found": found,
        "precision": tp_pred / n_pred if n_pred else 0.0,
        "recall": found / n_gold if n_gold else 0.0,
        "speaker_accuracy": spk_ok / found if found else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "s400_quotes.csv")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--actors", type=Path, default=ROOT / "corpora" / "s400" / "actors.yaml")
    ap.add_argument("--no-actors", action="store_true", help="resolve speakers from the text alone")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, speaker errors and false positives")
    ap.add_argument("--convention", choices=("attribution", "reported-speech"), default="attribution",
                    help="extract_quotes convention (the seed gold is attribution)")
    args = ap.parse_args(argv)
    actors = None
    if not args.no_actors and args.actors.exists():
        from framing.actors import load_actors

        actors = load_actors(args.actors)
    res = score(args.gold, args.seeds, actors, args.verbose, args.convention)
    print(
        f"gold={res['n_gold']} predicted={res['n_pred']} found={res['found']}  "
        f"precision={res['precision']:.3f} recall={res['recall']:.3f} speaker_accuracy={res['speaker_accuracy']:.3f}"
        f"  (actors: {'yes' if actors else 'no'}, convention: {args.convention})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
