"""CPU time of ``framing.voices`` of this checkout against another checkout of the library, in one process.

Usage::

    git archive <commit> | tar -x -C /tmp/base        # the other version's source tree
    python benchmarks/voices_speed_compare.py /tmp/base ../shared/eval/polnear-train [--limit 300] [--repeat 12]

Both versions' ``voices`` run on the first ``--limit`` PolNeAR texts (sorted by file name; paragraphs and
sentences computed before timing), alternating (order flipped each round, so load from other processes
hits both alike) with the cyclic garbage collector off for both (``framing.analyze`` runs analyzers that
way). The best and median CPU (process) times and their ratios this/other are printed: on a shared
machine the ratio is the figure to read, not the seconds. The other tree is imported as the package
``framing_other`` (a symbolic link in a temporary folder); its packaged data files are this checkout's.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, help="root of the other checkout (holds framing/)")
    ap.add_argument("path", type=Path, help="the PolNeAR folder")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=12)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    link_dir = Path(tempfile.mkdtemp())
    (link_dir / "framing_other").symlink_to((args.other / "framing").resolve(), target_is_directory=True)
    sys.path.insert(0, str(link_dir))
    base = args.path / "train" if (args.path / "train").is_dir() else args.path
    records = [{"id": p.stem, "outlet": p.stem.split("_")[0] or "unknown", "text": p.read_text(encoding="utf-8")}
               for p in sorted((base / "text").glob("*.txt"))[: args.limit]]
    runs = {}
    for pkg in ("framing_other", "framing"):
        voices = importlib.import_module(pkg + ".analyzers.voices").voices
        corpus = importlib.import_module(pkg + ".corpus").Corpus.from_records(records)
        for art in corpus:
            art.paragraphs, art.sentences  # noqa: B018
        voices(corpus)  # warm the caches
        runs[pkg] = (voices, corpus)
    times: dict[str, list[float]] = {k: [] for k in runs}
    gc.disable()
    for i in range(args.repeat):
        for pkg in (list(runs) if i % 2 == 0 else list(runs)[::-1]):
            voices, corpus = runs[pkg]
            c = time.process_time()
            voices(corpus)
            times[pkg].append(time.process_time() - c)
    gc.enable()
    best = {k: min(v) for k, v in times.items()}
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{len(records)} articles, {args.repeat} rounds, CPU seconds best / median")
    for k in runs:
        print(f"{k:14s}: {best[k]:.3f} / {med[k]:.3f}")
    print(f"ratio this/other: best {best['framing'] / best['framing_other']:.3f}, "
          f"median {med['framing'] / med['framing_other']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
