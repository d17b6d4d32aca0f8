"""Score who the quote extractor credits on BASIL (Fan et al. 2019): quoted spans of main actors.

Usage::

    python benchmarks/quotes_basil.py PATH [--half A|B|all] [--actors] [-v]

PATH is a BASIL folder with ``articles/<year>/*.json`` and
``annotations/<year>/*_ann.json`` (as ``../shared/eval/basil-dev``, see its
SOURCE.md). Each article becomes one record of a :class:`framing.Corpus`:
outlet ``fox``/``nyt``/``hpo`` -> Fox News / The New York Times / HuffPost,
``story`` = the triplet uuid, text = the body sentences joined by a space
within a paragraph and paragraphs joined by a blank line (``clean=False``), so
an annotation's sentence index ``pN`` and char offsets map to article
offsets. Headline spans (``id == "title"``) are left out (counted).

Gold: every phrase-level span with ``quote == "yes"`` whose ``speaker`` is a
main entity of its article (``Donald_Trump`` -> ``Donald Trump``; a speaker
not literally among the main entities is matched to the one sharing its last
word, e.g. ``Bibi_Netanyahu`` -> ``Benjamin Netanyahu``). Two subsets:

* ``named``: the entity is a named actor, i.e. every word capitalised and its
  head not a group noun (lawmakers, officials, campaign, Democrats, ...):
  ``Donald Trump``, ``Rick Perry``, ``Secure America Now``;
* ``all``: every main entity, groups included (``Democratic lawmakers``).

Per gold span:

* **found**: some predicted quote row's content ``[start, end)`` overlaps the
  span (the row with the largest overlap is the one scored);
* **credited**: that row's ``speaker`` names the entity. The rule
  (:func:`credits`): both lower-cased, titles ("President", "Sen.", "Mr.")
  and single-letter initials dropped, words compared as sets: equal; or the
  predicted words are a subset of the entity's words sharing its last word
  ("Trump" for "Donald Trump", "Ruth Ginsburg"); or the entity's words a
  subset of the prediction's sharing its last word ("Donald John Trump").
  "Liz Cheney" never credits "Mary Cheney" (different first names). The
  annotated ``speaker`` string itself also credits ("Bibi Netanyahu" for
  ``Bibi_Netanyahu``, whose main entity is "Benjamin Netanyahu").
  For group entities the row credits when the predicted speaker shares a
  content word with the entity ("Democrats" for "Democratic lawmakers":
  stems of 6 letters).

Printed: found, credited | found, credited (= found and credited / gold),
overall and by outlet, for the chosen half, and the error classes of the
missed credits. ``--half``: triplets sorted by uuid, A = even positions
(to study), B = odd (to check); default ``all`` prints A, B and all.
All articles load as one corpus (one ``story`` per triplet, so speakers are
unified per story); loading must raise no warning (no unknown outlet).
``--actors`` passes the main entities as actors (a user with an
``actors.yaml``); the default uses none (the extractor alone).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "president", "sen", "senator", "rep", "representative", "gov", "governor",
           "justice", "secretary", "speaker", "former", "vice", "gen", "general", "lt", "col", "judge", "sheriff",
           "candidate", "house", "senate", "the", "rev", "prime", "minister", "leader", "majority", "minority"}
_GROUP_HEADS = {"lawmakers", "officials", "campaign", "democrats", "republicans", "catholics", "protestors",
                "protesters", "plaintiffs", "police", "companies", "court", "party", "members", "voters", "leaders"}
_PRONOUNS = {"he", "she", "him", "her", "they", "it", "we", "i"}
_WIRES = {"associated press", "ap", "reuters", "afp", "agence france-presse", "bloomberg", "upi"}
_US_STATES = set("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
wisconsin wyoming""".split()) | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina",
                                  "north dakota", "rhode island", "south carolina", "south dakota", "west virginia"}


def words(name: str) -> list[str]:
    """Lower-cased words of a name without titles and single-letter initials."""
    ws = [w.strip(".’'").lower() for w in re.findall(r"[\w.’'-]+", name.replace("_", " "))]
    ws = [w[:-2] if w.endswith(("'s", "’s")) else w for w in ws]
    return [w for w in ws if w and w not in _TITLES and len(w.strip(".")) > 1]


def is_group(entity: str) -> bool:
    """A main entity naming a group, not one named actor ("Democratic lawmakers", "Romney campaign")."""
    ws = entity.replace("_", " ").split()
    return any(w[:1].islower() for w in ws) or ws[-1].lower() in _GROUP_HEADS


def credits(pred: str, entity: str) -> bool:
    """Does the predicted speaker name ``entity``? (the rule of the module docstring)

    >>> credits("Trump", "Donald Trump"), credits("President Donald J. Trump", "Donald Trump")
    (True, True)
    >>> credits("Liz Cheney", "Mary Cheney"), credits("Texas", "Rick Perry")
    (False, False)
    """
    p, e = words(pred), words(entity)
    if not p or not e:
        return False
    if is_group(entity):
        return bool({w[:6] for w in p} & {w[:6] for w in e})
    sp, se = set(p), set(e)
    if sp == se:
        return True
    return p[-1] == e[-1] and (sp <= se or se <= sp)


def entity_of(speaker: str, entities: list[str]) -> str | None:
    """The main entity a BASIL ``speaker`` value names (None for other_* or no match)."""
    if not speaker or speaker.startswith("other"):
        return None
    s = speaker.replace("_", " ").strip()
    for e in entities:
        if e.lower() == s.lower():
            return e
    last = s.split()[-1].lower()
    for e in entities:
        if e.split()[-1].lower() == last:
            return e
    return None


def load(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Counter]:
    """Corpus records and gold spans (article offsets) of a BASIL folder."""
    records, gold, skipped = [], [], Counter()
    for f in sorted((path / "articles").glob("*/*.json")):
        art = json.loads(f.read_text(encoding="utf-8"))
        key = f.stem
        ann_f = path / "annotations" / f.parent.name / f"{key}_ann.json"
        offsets, parts, pos = [], [], 0
        for para in art["body-paragraphs"]:
            sents = []
            for s in para:
                offsets.append(pos)
                sents.append(s)
                pos += len(s) + 1
            parts.append(" ".join(sents))
            pos += 1  # "\n\n" instead of the last " "
        text = "\n\n".join(parts)
        src = art["source"].lower()
        records.append({"id": key, "outlet": OUTLETS[src], "text": text, "title": art.get("title"),
                        "url": art.get("url"), "date": art.get("date"), "story": art["triplet-uuid"]})
        if not ann_f.exists():
            continue
        ents = list(art.get("main-entities") or [])
        for a in json.loads(ann_f.read_text(encoding="utf-8"))["phrase-level-annotations"]:
            if a.get("quote") != "yes":
                continue
            ent = entity_of(a.get("speaker", ""), ents)
            if ent is None:
                skipped["speaker not a main entity"] += 1
                continue
            if a["id"] == "title":
                skipped["headline span"] += 1
                continue
            base = offsets[int(a["id"][1:])]
            s, e = base + a["start"], base + a["end"]
            assert text[s:e] == a["txt"], (key, a["id"])
            gold.append({"article_id": key, "outlet": OUTLETS[src], "story": art["triplet-uuid"], "start": s,
                         "speaker": a["speaker"],
                         "end": e, "entity": ent, "named": not is_group(ent), "txt": a["txt"], "ents": ents})
    return records, gold, skipped


def error_class(row: Any, entity: str) -> str:
    """Why a found span's speaker did not credit ``entity``."""
    sp, mention = str(row["speaker"] or ""), str(row["speaker_mention"] or "").strip()
    low = sp.lower()
    if not sp:
        return "no speaker"
    if mention.lower() in _PRONOUNS:
        return "pronoun to another speaker"
    if re.search(r"\b[RD]-[A-Z]", sp) or low in _US_STATES or str(row["affiliation"]).endswith("government") \
            and " " not in sp.strip():
        return "place or party tag"
    if low in _WIRES or row["affiliation"] == "news media":
        return "wire agency or outlet"
    if words(sp) and words(entity) and words(sp)[-1] == words(entity)[-1]:
        return "same surname, other first name"
    if bool(row["anonymous"]):
        return "unnamed group"
    return "other named speaker"


def score(records: list[dict[str, Any]], gold: list[dict[str, Any]], actors: bool) -> list[dict[str, Any]]:
    """Gold spans with ``found``, ``credited``, ``pred`` and ``error`` filled in."""
    import warnings

    from framing import Corpus, voices

    ents = sorted({e for g in gold for e in g["ents"]}) if actors else []
    acts = [{"name": n, "kind": "group" if is_group(n) else "person"} for n in ents]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the three outlets must load with no unknown-outlet warning
        corpus = Corpus.from_records(records, clean=False, actors=acts)
    table = voices(corpus)
    out = []
    for g in gold:
        rows = table[(table["article_id"] == g["article_id"]) & (table["start"] < g["end"])
                     & (table["end"] > g["start"])]
        g = dict(g, found=len(rows) > 0, credited=False, pred="", error="not found")
        if len(rows):
            ov = [min(g["end"], e) - max(g["start"], s) for s, e in zip(rows["start"], rows["end"])]
            row = rows.iloc[max(range(len(ov)), key=ov.__getitem__)]
            g["pred"] = f"{row['speaker']} <- {row['speaker_mention']}"
            g["credited"] = credits(str(row["speaker"]), g["entity"]) or credits(str(row["speaker"]), g["speaker"])
            g["error"] = "" if g["credited"] else error_class(row, g["entity"])
        out.append(g)
    return out


def report(scored: list[dict[str, Any]], label: str, verbose: bool) -> None:
    for subset in ("named", "all"):
        gs = [g for g in scored if g["named"] or subset == "all"]
        if not gs:
            continue
        print(f"== {label} / {subset} main actors: {len(gs)} quoted spans, "
              f"{len({g['story'] for g in gs})} stories")
        groups = [("overall", gs)] + [(o, [g for g in gs if g["outlet"] == o]) for o in OUTLETS.values()]
        for name, sub in groups:
            if not sub:
                continue
            n, f = len(sub), sum(g["found"] for g in sub)
            c = sum(g["credited"] for g in sub)
            print(f"  {name:<20} n={n:4d}  found {f / n:.3f}  credited|found {c / max(f, 1):.3f}  "
                  f"credited {c / n:.3f}")
        errs = Counter(g["error"] for g in gs if not g["credited"])
        print("  errors:", ", ".join(f"{k} {v}" for k, v in errs.most_common()))
        if verbose and subset == "named":
            for g in gs:
                if not g["credited"]:
                    print(f"    [{g['error']}] {g['outlet'][:8]} {g['article_id'][:8]} {g['entity']!r}: "
                          f"{g['pred']!r} | {g['txt'][:90]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--half", choices=("A", "B", "all"), default="all")
    ap.add_argument("--actors", action="store_true", help="pass each story's main entities as actors")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    records, gold, skipped = load(args.path)
    triplets = sorted({r["story"] for r in records})
    half = {t: "AB"[i % 2] for i, t in enumerate(triplets)}
    if args.half != "all":
        records = [r for r in records if half[r["story"]] == args.half]
        gold = [g for g in gold if half[g["story"]] == args.half]
    print(f"{len(records)} articles, {len(gold)} gold spans; left out: {dict(skipped)}")
    scored = score(records, gold, args.actors)
    if args.half == "all":
        for h in "AB":
            report([g for g in scored if half[g["story"]] == h], f"half {h}", args.verbose and h == "A")
    report(scored, f"half {args.half}", args.verbose and args.half != "all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
