"""Build ``framing/data/models/evaluative_stems.txt``: the Snowball stems of the evaluative words.

Usage::

    python benchmarks/build_evaluative_stems.py [--out FILE]

The ``family_weight`` feature of the loaded-language model asks whether an uncommon word shares its
Snowball stem with a word that has a VADER valence or with a one-word entry of the packaged loaded
lexicon outside the epistemic categories (:func:`framing.analyzers._loaded_scan.evaluative_family`).
Stemming those ~8,000 words takes longer than analysing a few hundred articles, so their stems are
packaged, with a fingerprint (SHA-1 of the NLTK version and the sorted words). At run time the file is
used only when the fingerprint matches the installed VADER and NLTK and the packaged lexicon;
otherwise the stems are computed as before, so a stale file costs time, never a different result.
Rebuild after changing ``framing/data/lexicons/loaded.csv`` or upgrading vaderSentiment or NLTK
(``tests/analyzers/test_loaded.py`` fails while the file is stale). Deterministic.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.analyzers._loaded_scan import evaluative_stems_text  # noqa: E402


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=root / "framing" / "data" / "models" / "evaluative_stems.txt")
    args = ap.parse_args()
    header = [
        "Snowball (English) stems of the evaluative words of the loaded-language model "
        "(framing.analyzers._loaded_scan._evaluative_stems), one per line.",
        f"Built by benchmarks/build_evaluative_stems.py on {datetime.date.today():%Y-%m}: NLTK {version('nltk')} "
        f"stemmer over the VADER lexicon words (vaderSentiment {version('vaderSentiment')}, MIT licence) and "
        "the one-word non-epistemic entries of framing/data/lexicons/loaded.csv. Provenance: framing/data/README.md.",
        "Used only while the inputs sha1 below matches the installed VADER and NLTK and the packaged lexicon.",
    ]
    args.out.write_text(evaluative_stems_text(header), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
