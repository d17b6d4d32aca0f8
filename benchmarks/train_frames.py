"""Fit the packaged frame model on the dev half of the Narrative Frames Corpus (Frermann et al. 2023).

Usage::

    python benchmarks/train_frames.py ../shared/eval/narrative-frames-dev [--out framing/data/models/frames.json]

Writes JSON weights only (vocabulary of single words with document frequency >= 3, idf, coefficients,
calibration); no article text. Annotations are MIT (Lea Frermann 2023), so the fitted weights may ship.
Options (alpha, cue_weight, min_df) are the ones chosen by nested cross-validation on the same dev half
(benchmarks/frames_frermann.py); figures from that half are dev figures.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _frermann import read_frermann  # noqa: E402
from framing.analyzers._frames_model import fit_frame_model  # noqa: E402

#: Chosen by nested 5-fold cross-validation on the dev half (docs/notes/frames.md, frames3.md; the
#: comparisons: benchmarks/frames_options.py). ``alpha``: each frame's penalty is picked from these by the
#: model's inner CV; ``threshold_rule``: the cut that maximises the expected F1 of the calibrated scores.
OPTIONS = {"alpha": (1.0, 3.0, 10.0), "cue_weight": 0.1, "min_df": 3, "threshold_rule": "expected_f1"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="narrative-frames folder (articles_metadata.tsv, full_annotations.json)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "framing/data/models/frames.json"))
    args = ap.parse_args(argv)
    arts, labels, targets = read_frermann(args.path)
    meta = {
        "what": "generic news frame model: ridge regression per frame on single-word TF-IDF and frame-cue rates "
                "(penalty per frame by 5-fold CV log-loss), Platt-calibrated by 5-fold CV; probability 0.5 = the "
                "cut of highest expected F1",
        "training_data": "Narrative Frames Corpus dev half (Frermann, Li, Khanehzar, Mikolajczak, ACL 2023; "
                         f"github.com/phenixace/narrative-framing @197314d), {len(arts)} climate-change articles",
        "target": "per frame, the number of its codebook questions answered yes (NO AGREEMENT = 0.5)",
        "licence": "annotations MIT (c) 2023 Lea Frermann; weights only, no article text",
        "options": {k: list(v) if isinstance(v, tuple) else v for k, v in OPTIONS.items()},
        "fitted": _dt.date.today().isoformat(),
        "positives": {f: int(n) for f, n in zip(
            ("conflict", "economic", "human_interest", "moral", "resolution"), labels.sum(axis=0))},
    }
    model = fit_frame_model(arts["text"].tolist(), labels, targets, meta=meta, **OPTIONS)
    Path(args.out).write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(model.vocabulary)} words, thresholds {model.threshold.round(3).tolist()}, "
          f"slopes {model.slope.round(3).tolist()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
