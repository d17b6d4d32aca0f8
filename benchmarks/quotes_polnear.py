"""Score ``framing.extract_quotes`` on PolNeAR (brat standoff attributions).

Usage::

    python benchmarks/quotes_polnear.py PATH [--half all|first|second] [--limit N] [--with-source-only]
        [--convention attribution|reported-speech]

PATH is the PolNeAR folder holding ``train/text`` and ``train/attributions``
(or a split folder itself), e.g. ``../shared/eval/polnear-train``. For each
article the first annotation file (sorted by name) is used.

Content: a gold content span is matched by the unused prediction that covers
the largest share of its characters, at least half. Precision = matched
predictions / predictions, recall = matched gold / gold, F1 their harmonic
mean. Source: among matched pairs whose gold has a source span, the share
whose predicted ``speaker_start:speaker_end`` overlaps the gold source span.

PolNeAR annotates a run of quotes by one speaker ("“A,” said X. “B.”") as one
attribution with discontinuous content; ``extract_quotes`` gives each
quotation its own row, the later ones with no cue and the speaker mention of
the first. Such continuation rows are scored together with the row they
continue, as one prediction with several fragments (``--rows-as-is`` scores
every row alone).

PolNeAR annotates attributions of beliefs, expectations, intentions and
evaluations as well as of speech, so it is scored under
``extract_quotes(convention="attribution")`` by default
(``--convention reported-speech`` gives the figure of the default convention).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[dict]:
    """Attribution relations of one .ann file: content spans, source spans, cue spans."""
    tspans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        if parts[0].startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) == 2:
                try:
                    tspans[parts[0]] = (head[0], _spans(head[1]))
                except ValueError:
                    continue
        elif parts[0].startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            rels.append(args)
    out = []
    for r in rels:
        typ = next((k for k in r if k.startswith("Attribution")), None)
        if typ is None or "Content" not in r or r["Content"] not in tspans:
            continue
        content = tspans[r["Content"]][1]
        source = tspans[r["Source"]][1] if "Source" in r and r["Source"] in tspans else []
        out.append({"content": content, "source": source})
    return out


class _Pred:
    """One scored prediction: a row, with the fragments of its continuation rows."""

    def __init__(self, row) -> None:
        self.kind, self.speaker_start, self.speaker_end = row.kind, row.speaker_start, row.speaker_end
        self.spans = [(row.start, row.end)]


def _has(v) -> bool:
    return v is not None and str(v) != "<NA>"


def attributions(df, rows_as_is: bool = False) -> list[_Pred]:
    """Predictions of a quote table: a continuation row (no cue, the speaker mention of the row
    before it) joins that row unless ``rows_as_is``."""
    out: list[_Pred] = []
    for row in df.sort_values(["start", "end"], kind="stable").itertuples(index=False):
        prev = out[-1] if out else None
        if (not rows_as_is and prev is not None and row.cue == "" and _has(row.speaker_start)
                and _has(prev.speaker_start) and int(row.speaker_start) == int(prev.speaker_start)):
            prev.spans.append((row.start, row.end))
            continue
        out.append(_Pred(row))
    return out


def _overlap(a: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(b, e) - max(x, s)) for x, b in a)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    ap.add_argument("--half", choices=("all", "first", "second"), default="all",
                    help="score the first or second half of the articles sorted by file name (tune on first, report both)")
    ap.add_argument("--with-source-only", action="store_true", help="ignore gold attributions without a source")
    ap.add_argument("--rows-as-is", action="store_true", help="score continuation rows as predictions of their own")
    ap.add_argument("--convention", choices=("attribution", "reported-speech"), default="attribution",
                    help="extract_quotes convention (PolNeAR's gold is attribution)")
    args = ap.parse_args(argv)
    from framing.analyzers.voices import extract_quotes

    base = args.path
    if (base / "train").is_dir():
        base = base / "train"
    texts = sorted((base / "text").glob("*.txt"))
    if args.half == "first":
        texts = texts[: len(texts) // 2]
    elif args.half == "second":
        texts = texts[len(texts) // 2:]
    if args.limit:
        texts = texts[: args.limit]
    anns = defaultdict(list)
    for p in sorted((base / "attributions").glob("*.ann")):
        anns[p.name.rsplit("_", 1)[0]].append(p)
    n_gold = n_pred = matched = src_total = src_ok = 0
    by_kind = defaultdict(lambda: [0, 0])
    t0 = time.perf_counter()
    n_docs = 0
    for tp in texts:
        stem = tp.stem
        if stem not in anns:
            continue
        n_docs += 1
        text = tp.read_text(encoding="utf-8")
        gold = read_ann(anns[stem][0])
        if args.with_source_only:
            gold = [g for g in gold if g["source"]]
        df = extract_quotes(text, convention=args.convention)
        preds = attributions(df, args.rows_as_is)
        n_gold += len(gold)
        n_pred += len(preds)
        used: set[int] = set()
        for g in gold:
            glen = sum(b - a for a, b in g["content"])
            if glen <= 0:
                continue
            best, best_cov = None, 0.0
            for i, p in enumerate(preds):
                if i in used:
                    continue
                cov = sum(_overlap(g["content"], a, b) for a, b in p.spans) / glen
                if cov > best_cov:
                    best, best_cov = i, cov
            if best is None or best_cov < 0.5:
                continue
            used.add(best)
            matched += 1
            p = preds[best]
            by_kind[p.kind][0] += 1
            if g["source"]:
                src_total += 1
                if p.speaker_start is not None and str(p.speaker_start) != "<NA>":
                    if _overlap(g["source"], int(p.speaker_start), int(p.speaker_end)) > 0:
                        src_ok += 1
        for i, p in enumerate(preds):
            by_kind[p.kind][1] += 1
    elapsed = time.perf_counter() - t0
    prec = matched / n_pred if n_pred else 0.0
    rec = matched / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"articles={n_docs} gold={n_gold} predicted={n_pred} matched={matched}")
    print(f"content precision={prec:.3f} recall={rec:.3f} F1={f1:.3f}")
    print(f"source match rate={src_ok / src_total if src_total else 0:.3f} ({src_ok}/{src_total} matched pairs with a gold source)")
    print("by predicted kind (matched/predicted): " + ", ".join(f"{k}={v[0]}/{v[1]}" for k, v in sorted(by_kind.items())))
    print(f"time={elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
