"""Build ``framing/data/models/english_word_classes.csv``: words the uncommon-word rule leaves alone.

Usage::

    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/sld && unzip -q /tmp/sld/*.whl -d /tmp/sld
    python benchmarks/build_english_word_classes.py /tmp/sld/spacy_lookups_data/data [--out FILE]

The loaded-language model calls a lower-case word *uncommon* when the packaged news word counts
(``models/news_word_counts.csv``, political news) hold it at most ``uncommon_word.max_count`` times.
Rare in political news is not the same as an unusual word choice: clothing, sport, household and
technical words are rare there and neutral. Two classes of words are written, each only when the news
table counts the word at most ``--max-count`` times (the others are never uncommon anyway):

``common``
    Frequent in general English: log-probability at least ``--min-logprob`` (default -13.0, about
    the 11,000 most frequent lower-case words) in spaCy's English lexeme probability table
    (``en_lexeme_prob``, spacy-lookups-data 1.0.5, MIT licence).
``noun``
    Nouns only: lemmas that WordNet 3.0 lists as nouns and not as adjectives, adverbs or verbs
    (``en_lemma_index`` of the same package; WordNet licence, Princeton University, permissive),
    attested in the probability table (log-probability at least -20), not ending in -ing or -ed
    (mugging, bed: mostly verb forms, and too short to tell). A bare noun names a thing
    (fedora, voicemail, dugout); evaluative words rare in news are verbs, adjectives and adverbs
    (scoffing, frosty, pityingly), and loaded nouns (thug, regime) are in the curated lexicon.

Only words (a-z with inner hyphens) and their class are written, sorted; deterministic.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.analyzers._loaded_scan import _news_word_counts  # noqa: E402

WORD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="spacy_lookups_data/data folder (unzipped wheel)")
    ap.add_argument("--out", type=Path, default=root / "framing" / "data" / "models" / "english_word_classes.csv")
    ap.add_argument("--min-logprob", type=float, default=-13.0)
    ap.add_argument("--max-count", type=int, default=5)
    args = ap.parse_args(argv)
    prob = json.loads(gzip.open(args.data / "en_lexeme_prob.json.gz").read())
    index = {k: set(v) for k, v in json.loads(gzip.open(args.data / "en_lemma_index.json.gz").read()).items()}
    news = _news_word_counts()
    other = index["adj"] | index["adv"] | index["verb"]
    classes: dict[str, str] = {}
    for w in index["noun"]:
        if WORD_RE.match(w) and w not in other and not w.endswith(("ing", "ed")) and prob.get(w, -99.0) >= -20.0:
            classes[w] = "noun"
    for w, lp in prob.items():
        if WORD_RE.match(w) and lp >= args.min_logprob:
            classes[w] = "common"
    rows = sorted((w, c) for w, c in classes.items() if news.get(w, 0) <= args.max_count)
    head = ("# Words the uncommon-word rule of the loaded-language model leaves alone (framing.analyzers.loaded).\n"
            f"# Built by benchmarks/build_english_word_classes.py (--min-logprob {args.min_logprob}, --max-count "
            f"{args.max_count}) from spacy-lookups-data 1.0.5 (MIT licence): common = en_lexeme_prob log-probability\n"
            "# >= the cutoff; noun = WordNet 3.0 noun-only lemma (en_lemma_index; WordNet 3.0 Copyright 2006 by "
            "Princeton University, permissive licence). Provenance: framing/data/README.md.\n")
    args.out.write_text(head + "word,class\n" + "".join(f"{w},{c}\n" for w, c in rows), encoding="utf-8")
    n_common = sum(c == "common" for _, c in rows)
    print(f"{args.out}: {len(rows)} words ({n_common} common, {len(rows) - n_common} noun)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
