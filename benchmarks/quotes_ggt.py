"""Score ``framing.extract_quotes`` on the Gender Gap Tracker's annotated quotes (Asr et al. 2021).

Usage::

    python benchmarks/quotes_ggt.py PATH [-v] [--kind direct|indirect|mixed] [--half A|B]
        [--convention reported-speech|attribution]

PATH is a folder with ``annotations.csv`` and ``rawtext/<id>.txt`` (as
``../shared/eval/ggt-quotes-dev``, see its SOURCE.md). The annotation
offsets are shifted against the texts, so every gold quote is located by its
string: the occurrence nearest to its annotated offset; the speaker string
is located the same way near its annotated offset moved by the quote's
shift. Quotes whose string is not in the text are left out (counted).

Scoring follows the project's ``evaluate_quotes.py``: gold quotes in order,
each takes the unmatched prediction with the highest overlap
``|gold ∩ pred| / |gold|`` above the threshold (0.3 and 0.8); precision =
matches / predictions, recall = matches / gold. A direct quote's span
includes its quotation marks in the gold, so a predicted direct quote is
widened by the marks around it. Speaker accuracy (of the matches at 0.3):

* ``mention``: the project's rule: the predicted and gold speaker spans
  overlap, or the gold quote has no speaker and the prediction no cue of
  its own (a floating quote);
* ``name``: the predicted canonical speaker equals the gold ``reference``
  (case-insensitive) or shares its last word.

Kinds: a gold quote wrapped in quotation marks is direct, one holding marks
mixed, else indirect; recall is by gold kind, precision by predicted kind.

``--half A|B`` scores one half of the articles (the first byte of the SHA-1
of the article id even: A, odd: B), to study one half and check on the other.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

THRESHOLDS = (0.3, 0.8)
_OPEN = "\"“„«‘'"
_CLOSE = "\"”»’'"
_MARKS = set("\"“”„‟«»")
_INDEX_RE = re.compile(r"\(?\s*(\d+)\s*,\s*(\d+)\s*\)?")
_ID_RE = re.compile(r"([0-9a-f]{24})")


def gold_kind(q: str) -> str:
    s = q.strip()
    if len(s) > 1 and s[0] in _OPEN and s[-1] in _CLOSE + "." and s[0] != "'":
        return "direct"
    return "mixed" if any(ch in _MARKS for ch in s) else "indirect"


def _index(s: str) -> tuple[int, int] | None:
    m = _INDEX_RE.match(s or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _nearest(text: str, s: str, near: int) -> int:
    """Offset of the occurrence of ``s`` in ``text`` nearest to ``near`` (-1 if none)."""
    best, i = -1, text.find(s)
    while i >= 0:
        if best < 0 or abs(i - near) < abs(best - near):
            best = i
        i = text.find(s, i + 1)
    return best


def load_gold(path: Path) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]], Counter]:
    """Texts by article id and gold quotes with located spans; counts of what was left out."""
    csv.field_size_limit(10**8)
    texts: dict[str, str] = {}
    gold: dict[str, list[dict[str, Any]]] = {}
    skipped: Counter = Counter()
    with open(path / "annotations.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            m = _ID_RE.search(row["_id"])
            f = path / "rawtext" / f"{m.group(1)}.txt" if m else None
            if f is None or not f.exists():
                skipped["article without text"] += 1
                continue
            try:
                quotes = json.loads(row["quotations"] or "[]")
            except json.JSONDecodeError:
                skipped["article with unreadable JSON"] += 1
                continue
            aid = m.group(1)
            text = f.read_text(encoding="utf-8")
            texts[aid] = text
            out = []
            for q in quotes:
                qs = (q.get("quote") or "").strip()
                qi = _index(q.get("quote_index", ""))
                a = _nearest(text, qs, qi[0] if qi else 0) if qs else -1
                if a < 0:
                    skipped["quote string not in text"] += 1
                    continue
                shift = a - qi[0] if qi else 0
                sp = (q.get("speaker") or "").strip()
                si = _index(q.get("speaker_index", ""))
                s0 = _nearest(text, sp, (si[0] + shift) if si else a) if sp else -1
                out.append({"start": a, "end": a + len(qs), "kind": gold_kind(qs), "quote": qs, "speaker": sp,
                            "speaker_span": (s0, s0 + len(sp)) if s0 >= 0 else None,
                            "reference": (q.get("reference") or "").strip()})
            gold[aid] = out
    return texts, gold, skipped


def _widen(text: str, a: int, b: int) -> tuple[int, int]:
    """A direct quote's content widened by the quotation marks around it."""
    if a > 0 and text[a - 1] in _OPEN + "”":
        a -= 1
    if b < len(text) and text[b] in _CLOSE + "“":
        b += 1
    return a, b


def predictions(text: str, convention: str = "reported-speech") -> list[dict[str, Any]]:
    from framing.analyzers.voices import extract_quotes

    df = extract_quotes(text, convention=convention)
    out = []
    for r in df.itertuples(index=False):
        a, b = (r.start, r.end)
        if r.kind == "direct":
            a, b = _widen(text, a, b)
        has_spk = r.speaker_start is not None and str(r.speaker_start) != "<NA>"
        out.append({"start": a, "end": b, "kind": r.kind, "speaker": r.speaker, "cue": r.cue,
                    "speaker_span": (int(r.speaker_start), int(r.speaker_end)) if has_spk else None,
                    "content": r.content, "mention": r.speaker_mention})
    return out


def _overlap(g: dict, p: dict) -> float:
    n = g["end"] - g["start"]
    if n <= 0:
        return 0.0
    return max(0, min(g["end"], p["end"]) - max(g["start"], p["start"])) / n


def same_name(pred: str, gold: str) -> bool:
    p, g = pred.strip().lower(), gold.strip().lower()
    if not p or not g:
        return False
    return p == g or p.split()[-1] == g.split()[-1]


def mention_match(g: dict, p: dict) -> bool:
    gs, ps = g["speaker_span"], p["speaker_span"]
    if not g["speaker"]:
        return p["cue"] == ""
    if gs is None or ps is None:
        return False
    return min(gs[1], ps[1]) > max(gs[0], ps[0])


def match(gold: list[dict], preds: list[dict], threshold: float) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs, greedily in gold order (best overlap above ``threshold``)."""
    free = set(range(len(preds)))
    pairs = []
    for gi, g in enumerate(gold):
        best, best_s = None, 0.0
        for pi in sorted(free):
            s = _overlap(g, preds[pi])
            if s > threshold and s > best_s:
                best, best_s = pi, s
        if best is not None:
            free.discard(best)
            pairs.append((gi, best))
    return pairs


def half_of(aid: str) -> str:
    """The half of an article: A when the first byte of the SHA-1 of its id is even, else B."""
    return "A" if hashlib.sha1(aid.encode()).digest()[0] % 2 == 0 else "B"


def score(path: Path, verbose: bool = False, show_kind: str | None = None, half: str | None = None,
          convention: str = "reported-speech") -> dict[str, Any]:
    texts, gold, skipped = load_gold(path)
    if half is not None:
        gold = {aid: g for aid, g in gold.items() if half_of(aid) == half}
    res: dict[str, Any] = {"skipped": dict(skipped), "n_articles": len(gold)}
    preds = {aid: predictions(texts[aid], convention) for aid in sorted(gold)}
    kinds = ("direct", "indirect", "mixed")
    for t in THRESHOLDS:
        c: Counter = Counter()
        for aid in sorted(gold):
            g, p = gold[aid], preds[aid]
            pairs = match(g, p, t)
            c["gold"] += len(g)
            c["pred"] += len(p)
            c["tp"] += len(pairs)
            for k in kinds:
                c[f"gold_{k}"] += sum(x["kind"] == k for x in g)
                c[f"pred_{k}"] += sum(x["kind"] == k for x in p)
            for gi, pi in pairs:
                c[f"tp_gold_{g[gi]['kind']}"] += 1
                c[f"tp_pred_{p[pi]['kind']}"] += 1
                c["mention"] += mention_match(g[gi], p[pi])
                c["name"] += same_name(p[pi]["speaker"], g[gi]["reference"])
                c[f"mention_{g[gi]['kind']}"] += mention_match(g[gi], p[pi])
            if verbose and t == THRESHOLDS[0]:
                _show(aid, texts[aid], g, p, pairs, show_kind)
        res[t] = c
    return res


def _show(aid: str, text: str, g: list, p: list, pairs: list, kind: str | None) -> None:
    got_g = {gi for gi, _ in pairs}
    got_p = {pi for _, pi in pairs}
    for gi, x in enumerate(g):
        if gi not in got_g and kind in (None, x["kind"]):
            print(f"MISS {aid[-6:]} {x['kind']:8} [{x['speaker']}] {x['quote'][:110]!r}")
    for pi, x in enumerate(p):
        if pi not in got_p and kind in (None, x["kind"]):
            print(f"FP   {aid[-6:]} {x['kind']:8} [{x['cue']}|{x['mention']}] {text[x['start']:x['end']][:110]!r}")
    for gi, pi in pairs:
        if not mention_match(g[gi], p[pi]) and kind in (None, g[gi]["kind"]):
            print(f"SPK  {aid[-6:]} gold={g[gi]['speaker']!r}/{g[gi]['reference']!r} "
                  f"pred={p[pi]['mention']!r}/{p[pi]['speaker']!r}: {g[gi]['quote'][:60]!r}")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false positives, speaker errors")
    ap.add_argument("--kind", choices=["direct", "indirect", "mixed"], default=None, help="with -v: only this kind")
    ap.add_argument("--half", choices=["A", "B"], default=None, help="score one half of the articles (see half_of)")
    ap.add_argument("--convention", choices=["reported-speech", "attribution"], default="reported-speech")
    args = ap.parse_args(argv)
    res = score(args.path, args.verbose, args.kind, args.half, args.convention)
    c3 = res[0.3]
    print(f"articles={res['n_articles']} gold={c3['gold']} predicted={c3['pred']}  left out: {res['skipped']}")
    for t in THRESHOLDS:
        c = res[t]
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        line = f"@{t}: P={p:.3f} R={r:.3f} F1={_f1(p, r):.3f}"
        if t == THRESHOLDS[0]:
            line += (f"  speaker mention={c['mention'] / max(c['tp'], 1):.3f}"
                     f" name={c['name'] / max(c['tp'], 1):.3f}")
        print(line)
        for k in ("direct", "indirect", "mixed"):
            pk = c[f"tp_pred_{k}"] / c[f"pred_{k}"] if c[f"pred_{k}"] else 0.0
            rk = c[f"tp_gold_{k}"] / c[f"gold_{k}"] if c[f"gold_{k}"] else 0.0
            extra = (f" speaker={c[f'mention_{k}'] / max(c[f'tp_gold_{k}'], 1):.3f}" if t == THRESHOLDS[0] else "")
            print(f"   {k:8} P={pk:.3f} ({c[f'tp_pred_{k}']}/{c[f'pred_{k}']})"
                  f" R={rk:.3f} ({c[f'tp_gold_{k}']}/{c[f'gold_{k}']}){extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
