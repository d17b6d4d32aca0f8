"""List the errors of ``framing.extract_quotes`` on the Gender Gap Tracker gold, with the rule behind each row.

Usage::

    python benchmarks/quotes_ggt_errors.py PATH [--half A|B] [--convention reported-speech|attribution]
                                          [--kind direct|indirect|mixed] [--causes]

PATH as for ``benchmarks/quotes_ggt.py`` (``../shared/eval/ggt-quotes-dev``).
One tab-separated line per false prediction (``FP``) and per missed gold
quote (``MISS``) at 0.3 overlap: half, article, kind, the rule that made the
row (the ``rule_*`` function that added it; ``continuation`` for a row with
no cue), cue, speaker mention, the best overlap with a gold quote, and the
first 160 characters of the content. ``--causes`` prints instead the count of
false indirect and mixed rows by cause (the breakdown of
``docs/notes/indirect14.md``): verb frame, a lemma of class
``not_speech_act``, no speaker, span boundary, or a verb of saying.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import quotes_ggt as ggt  # noqa: E402


def _record_rules() -> dict:
    """Wrap ``State.add`` so that each row added is recorded with the rule function that added it."""
    from framing.quotes.rules import state as state_mod

    made: dict = {}
    add = state_mod.State.add

    def recording_add(self, row, track=None):  # type: ignore[no-untyped-def]
        f, name = sys._getframe(1), "?"
        while f is not None:
            if f.f_code.co_name.startswith("rule_"):
                name = f.f_code.co_name
                break
            f = f.f_back
        idx = add(self, row, track)
        if idx >= 0:
            made[(row.start, row.end)] = name
        return idx

    state_mod.State.add = recording_add
    return made


def _cause(pred: dict, best: float) -> str:
    from framing.quotes.convention import _not_speech_acts
    from framing.quotes.data import lexicon

    form = " ".join(pred["cue"].lower().split())
    lemma, _, frame = lexicon().cues.get(form, (form, "", "speech"))
    if frame in ("cognition", "accusation"):
        return f"{frame} verb"
    if lemma in _not_speech_acts():
        return "act about speech / evaluation / request"
    if not pred["mention"]:
        return "no speaker"
    if best > 0:
        return "span boundary (overlap < 0.3)"
    return "verb of saying"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--half", choices=["A", "B"], default=None)
    ap.add_argument("--convention", choices=["reported-speech", "attribution"], default="reported-speech")
    ap.add_argument("--kind", choices=["direct", "indirect", "mixed"], default=None)
    ap.add_argument("--causes", action="store_true", help="count false indirect/mixed rows by cause")
    args = ap.parse_args(argv)
    made = _record_rules()
    texts, gold, _ = ggt.load_gold(args.path)
    causes: Counter = Counter()
    for aid in sorted(gold):
        half = ggt.half_of(aid)
        if args.half not in (None, half):
            continue
        made.clear()
        text = texts[aid]
        preds = ggt.predictions(text, args.convention)
        pairs = ggt.match(gold[aid], preds, 0.3)
        got_p, got_g = {pi for _, pi in pairs}, {gi for gi, _ in pairs}
        for pi, p in enumerate(preds):
            if pi in got_p or args.kind not in (None, p["kind"]):
                continue
            best = max([ggt._overlap(g, p) for g in gold[aid]] + [0.0])
            if args.causes:
                if p["kind"] != "direct" and p["cue"]:
                    causes[(_cause(p, best), half)] += 1
                continue
            rule = "continuation" if not p["cue"] else made.get((p["start"], p["end"]), made.get(
                (p["start"] + 1, p["end"] - 1), "?"))
            print("\t".join(["FP", half, aid[-6:], p["kind"], rule, p["cue"], p["mention"] or "", f"{best:.2f}",
                             repr(text[p["start"]:p["end"]][:160])]))
        if args.causes:
            continue
        for gi, g in enumerate(gold[aid]):
            if gi not in got_g and args.kind in (None, g["kind"]):
                print("\t".join(["MISS", half, aid[-6:], g["kind"], "", "", g["speaker"], "", repr(g["quote"][:160])]))
    if args.causes:
        for cause in sorted({c for c, _ in causes}):
            a, b = causes[(cause, "A")], causes[(cause, "B")]
            print(f"{cause:45} A={a:3} B={b:3} all={a + b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
