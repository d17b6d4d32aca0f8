"""Load BASIL triplets (one event covered by Fox News, The New York Times and HuffPost) as a
multi-story ``framing`` corpus, and optionally write its report and worksheet.

Usage::

    python benchmarks/basil_corpus.py ../shared/eval/basil-dev --triplets 12 --out /tmp/basil12
    python benchmarks/basil_corpus.py ../shared/eval/basil-dev --triplets 12 --jsonl /tmp/basil12.jsonl

``--check-lex`` (dev figure, no tuning) sets the within-story differences of the flagged loaded-term
rate (what the report's "Across stories" table uses) against those of BASIL's annotated lexical-bias
spans per 1,000 words (``bias == "lex"``, headline spans left out; "own" = spans not inside a quote):
the correlation over articles of (article's rate - its story's mean), and each outlet's mean
within-story difference on both.

``--out DIR`` writes ``report.pdf``, ``report.html``, ``worksheet.pdf`` and ``worksheet-key.pdf``
there (keep them out of git: BASIL's texts are the publishers'); ``--jsonl`` writes the corpus as
JSONL records (``id, outlet, story, title, url, date, text``) for ``framing report FILE.jsonl``.

Each BASIL article file (``articles/<year>/<triplet-uuid>_<n>.json``, see the dataset's SOURCE.md)
becomes one record: outlet ``fox``/``nyt``/``hpo`` -> "Fox News" / "The New York Times" /
"HuffPost" (names as a user would give them), ``story`` = the triplet's uuid, ``title``, ``url``,
``date``, and the text from ``body-paragraphs`` (sentences joined by spaces, paragraphs by blank
lines). Triplets are taken in order of (year, triplet uuid), complete triplets only.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402

#: BASIL's source codes -> outlet names as a user would write them.
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def basil_records(path: str | Path, n_triplets: int | None = None) -> list[dict[str, Any]]:
    """Records of the first ``n_triplets`` complete BASIL triplets under ``path`` (all by default)."""
    root = Path(path)
    files = sorted((root / "articles").glob("*/*.json"))
    if not files:
        raise SystemExit(f"{root}/articles/<year>/*.json: no BASIL article files found; give the basil-dev folder.")
    by: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(s.strip() for s in p) for p in d.get("body-paragraphs") or [])
        src = str(d.get("source", "")).lower()
        if not text.strip() or src not in OUTLETS:
            continue
        by[(f.parent.name, d["triplet-uuid"])].append({
            "id": f"{src}-{d.get('date', '')}-{d['triplet-uuid'][:8]}", "outlet": OUTLETS[src],
            "story": d["triplet-uuid"], "title": d.get("title") or None, "url": d.get("url") or None,
            "date": d.get("date") or None, "text": text, "basil_uuid": d.get("uuid"),
            "basil_file": f"{f.parent.name}/{f.stem}"})
    out: list[dict[str, Any]] = []
    order = {name: i for i, name in enumerate(OUTLETS.values())}
    triplets = [sorted(v, key=lambda r: order[r["outlet"]]) for _k, v in sorted(by.items())
                if len({r["outlet"] for r in v}) == len(OUTLETS)]
    for trip in triplets[:n_triplets]:
        out += trip
    return out


def basil_corpus(path: str | Path, n_triplets: int | None = None) -> framing.Corpus:
    """The first ``n_triplets`` BASIL triplets as a corpus (one story per triplet)."""
    return framing.Corpus.from_records(basil_records(path, n_triplets), source=str(path))


def lex_counts(path: str | Path, records: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per record id: BASIL's lexical-bias spans in the body, (all, outside quotes)."""
    out = {}
    for r in records:
        ann = Path(path) / "annotations" / f"{r['basil_file']}_ann.json"
        spans = json.loads(ann.read_text(encoding="utf-8")).get("phrase-level-annotations") or []
        lex = [a for a in spans if a.get("bias") == "lex" and a.get("id") != "title"]
        out[r["id"]] = (len(lex), sum(a.get("quote") != "yes" for a in lex))
    return out


def check_lex(path: str | Path, records: list[dict[str, Any]], corpus: framing.Corpus) -> None:
    """Print the within-story agreement of the flagged loaded-term rate with BASIL's lexical-bias spans."""
    import pandas as pd
    from scipy.stats import pearsonr, spearmanr

    comp = framing.analyze(corpus, analyzers=["story_metrics"])
    m = comp.story_metrics
    ours = m[m["metric"] == "loaded_rate"].set_index("article_id")
    lex = lex_counts(path, records)
    rows = []
    for aid, r in ours.iterrows():
        n_all, n_own = lex[aid]
        rows.append((aid, r["outlet"], r["story"], r["value"], 1000 * n_all / r["n"], 1000 * n_own / r["n"]))
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "story", "ours", "basil", "basil_own"])
    for c in ("ours", "basil", "basil_own"):
        df[c + "_dev"] = df[c] - df.groupby("story")[c].transform("mean")
    print(f"{len(df)} articles, {df['story'].nunique()} stories (DEV data; nothing tuned on it)")
    for ref in ("basil", "basil_own"):
        r, p = pearsonr(df["ours_dev"], df[ref + "_dev"])
        rho, p2 = spearmanr(df["ours_dev"], df[ref + "_dev"])
        raw = spearmanr(df["ours"], df[ref])[0]
        print(f"within-story deviations vs BASIL {ref}: Pearson r={r:.3f} (p={p:.3g}), Spearman rho={rho:.3f} "
              f"(p={p2:.3g}); pooled rates Spearman rho={raw:.3f}")
    diff = story_differences_of(df)
    print(diff.round(2).to_string())


def story_differences_of(df: Any) -> Any:
    """Each outlet's mean within-story difference of our rate and BASIL's, via framing.story_differences."""
    from framing.analyzers.stories import story_differences

    out = {}
    for col in ("ours", "basil", "basil_own"):
        m = df.assign(metric=col, value=df[col], count=None, n=1)[
            ["article_id", "outlet", "story", "metric", "value", "count", "n"]]
        d = story_differences(m)
        out[col] = d.set_index("outlet")[["mean_diff", "ci_low", "ci_high"]].apply(
            lambda r: f"{r['mean_diff']:+.2f} [{r['ci_low']:+.2f}, {r['ci_high']:+.2f}]", axis=1)
    import pandas as pd

    return pd.DataFrame(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("basil", help="the basil-dev folder (with articles/<year>/*.json)")
    p.add_argument("--triplets", type=int, default=12, help="complete triplets to load (default 12)")
    p.add_argument("--out", help="folder for report.pdf, report.html, worksheet.pdf, worksheet-key.pdf")
    p.add_argument("--jsonl", help="write the corpus records as JSONL here")
    p.add_argument("--story", default=None, help="story (triplet uuid) of the worksheet (default: chosen)")
    p.add_argument("--blind", action="store_true", help="blind worksheet")
    p.add_argument("--check-lex", action="store_true",
                   help="within-story agreement of the loaded-term rate with BASIL's lexical-bias spans")
    args = p.parse_args(argv)
    recs = basil_records(args.basil, args.triplets)
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {args.jsonl} ({len(recs)} records)")
    corpus = framing.Corpus.from_records(recs, source=str(args.basil))
    print(f"{len(corpus)} articles, {len(corpus.stories)} stories, outlets {', '.join(corpus.outlet_keys)}")
    if args.check_lex:
        check_lex(args.basil, recs, corpus)
    if args.out:
        from framing.analyzers.builtin import REPORT_EXTRAS, default_analyzers
        from framing.report.worksheet import write_worksheet

        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        comp = framing.analyze(corpus, analyzers=default_analyzers() + list(REPORT_EXTRAS))
        print(f"analysed in {time.perf_counter() - t0:.1f} s")
        comp.to_pdf(out / "report.pdf")
        comp.to_html(out / "report.html")
        write_worksheet(comp, out / "worksheet.pdf", blind=args.blind, answers=out / "worksheet-key.pdf",
                        story=args.story)
        print(f"wrote {out}/report.pdf, report.html, worksheet.pdf, worksheet-key.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
