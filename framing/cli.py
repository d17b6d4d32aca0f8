"""The ``framing`` command.

Examples
--------
framing report corpora/s400 -o reports/s400.pdf
framing report corpora/s400 -o reports/s400.html
framing worksheet corpora/s400 -o worksheet.pdf --blind --answers key.pdf
framing ingest seeds/*.txt -o corpora/mystory --story "Turkey buys S-400 missiles"
framing outlets            # list the registry
framing outlets rt         # one outlet's fact sheet with sources (STALE marks old checks)
framing quotes corpora/s400 --csv quotes.csv
framing terms corpora/s400
framing train labels.csv --text sentence --label biased -o biased.json
"""
from __future__ import annotations

import argparse
import logging
import sys
import warnings
from pathlib import Path
from typing import Any
from typing import Sequence

from .errors import FramingError

__all__ = ["main"]

_EPILOG = """examples:
  framing report corpora/s400 -o reports/s400.pdf      PDF comparison report
  framing report corpora/s400 -o reports/s400.html     self-contained HTML report
  framing worksheet corpora/s400 -o ws.pdf --blind --answers key.pdf
  framing ingest seeds/*.txt -o corpora/mystory        raw files -> corpus folder
  framing outlets rt                                   one outlet's fact sheet
  framing quotes corpora/s400 --csv quotes.csv         quoted voices table
  framing terms corpora/s400                           loaded terms table
  framing coverage corpora/s400 --csv claims.csv       claims x outlets (what each outlet tells)
  framing naming corpora/s400                          what each outlet calls each actor
  framing train data.csv --text text --label label -o model.json   train a classifier on your labels
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framing", description="Compare how news outlets frame the same story.",
                                epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    r = sub.add_parser("report", help="write the side-by-side comparison report (PDF or HTML by extension)")
    r.add_argument("corpus", help="corpus folder with manifest.yaml, or a .jsonl/.csv file")
    r.add_argument("-o", "--output", required=True, help="output file, .pdf or .html")
    r.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    r.add_argument("--no-coverage", action="store_true",
                   help="skip 'what each outlet tells and leaves out' (claims across outlets; costly on large corpora)")
    r.add_argument("--classifier", action="append", default=[], metavar="NAME=MODEL.json",
                   help="also apply a classifier trained with `framing train` (repeatable)")
    _convention_arg(r)

    w = sub.add_parser("worksheet", help="write a classroom media-literacy worksheet (PDF)")
    w.add_argument("corpus")
    w.add_argument("-o", "--output", required=True, help="worksheet PDF")
    w.add_argument("--blind", action="store_true", help="replace outlet names by letters")
    w.add_argument("--answers", help="also write an answer key PDF here")
    w.add_argument("--story", default=None, metavar="ID",
                   help="the story to take excerpts and tasks from (default: the one most outlets covered)")
    _convention_arg(w)

    i = sub.add_parser("ingest", help="turn raw article files into a corpus folder")
    i.add_argument("files", nargs="+", help="raw text files")
    i.add_argument("-o", "--output", required=True, help="corpus folder to write")
    i.add_argument("--story", default="", help="one-line description of the story")
    i.add_argument("--overwrite", action="store_true", help="replace an existing manifest")

    o = sub.add_parser("outlets", help="list the outlet registry, or show one outlet's fact sheet")
    o.add_argument("key", nargs="?", help="outlet key, name or domain")
    o.add_argument("--max-age", type=int, default=None, metavar="DAYS",
                   help="mark facts last checked more than DAYS ago as stale (default 365)")

    for name, helptext in (("quotes", "print the quoted-voices table"), ("terms", "print the loaded-terms table"),
                           ("coverage", "print the claims x outlets matrix (which outlet tells which fact)"),
                           ("naming", "print how each outlet names each actor")):
        q = sub.add_parser(name, help=helptext)
        q.add_argument("corpus")
        q.add_argument("--csv", help="write the table as CSV to this file instead of printing it")
        q.add_argument("--full", action="store_true",
                       help="print every column at full width (default: the main columns, fitted to the terminal)")
        if name == "quotes":
            _convention_arg(q)
    _train_parser(sub)
    return p


def _convention_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--convention", choices=("reported-speech", "attribution"), default="reported-speech",
                        help="which attributions count as quotes: 'reported-speech' (what people said or wrote; "
                             "the default) or 'attribution' (also thoughts and beliefs, as PolNeAR annotates)")


def _train_parser(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("train", help="train a classifier on your own labelled texts (CSV) and save it as JSON")
    t.add_argument("data", help="CSV file with a text column and one or more label columns")
    t.add_argument("--text", required=True, help="column with the texts")
    t.add_argument("--label", action="append", default=[],
                   help="label column; repeat for several yes/no (0/1) labels at once")
    t.add_argument("--words", default=None, metavar="COL",
                   help="column listing each text's marked words (e.g. BABE's biased_words): alone, trains a word "
                        "model; with --label, a sentence model stacked on a word model")
    t.add_argument("-o", "--output", required=True, help="model file to write (.json)")
    t.add_argument("--sep", default=None, help="CSV separator (default: guessed)")
    t.add_argument("--C", type=float, nargs="+", default=None,
                   help="candidate C values (default 0.25 1 4; word model 0.1 0.3 1)")
    t.add_argument("--no-char", action="store_true", help="no character n-grams (faster)")
    t.add_argument("--features", nargs="*", default=None, help="named feature sets (default: lexicon vader quotes style)")
    t.add_argument("--word-list", action="append", default=[], metavar="NAME=FILE",
                   help="your own word list, one word per line (repeatable)")
    t.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5)")
    t.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    t.add_argument("--description", default=None, help="what the training data is (default: the file name)")
    t.add_argument("--unmatched", choices=["error", "ignore"], default="error",
                   help="with --words: a marked word missing from its text is an error (default) or left out")
    t.add_argument("--evaluate", action="store_true",
                   help="also print nested cross-validated P/R/F1 per label (slower: one fit per fold)")
    t.add_argument("--distant", default=None, metavar="FILE",
                   help="a distant-supervision model (framing distant ... -o FILE) whose scores join the features")
    d = sub.add_parser("distant", help="fit a distant-supervision model on many texts with cheap proxy labels "
                                       "(e.g. sentences labelled by their outlet) for framing train --distant")
    d.add_argument("data", help="CSV file with a text column and one or more proxy-label columns")
    d.add_argument("--text", required=True, help="column with the texts")
    d.add_argument("--label", action="append", required=True,
                   help="proxy-label column; repeat for several yes/no (0/1) labels at once")
    d.add_argument("-o", "--output", required=True, help="model file to write (.json)")
    d.add_argument("--sep", default=None, help="CSV separator (default: guessed)")
    d.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    d.add_argument("--description", default=None, help="what the proxy data is (default: the file name)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="framing: %(message)s")
    # warnings go to stderr as one "framing: warning: ..." line each; the global warning state is
    # restored on return, so calling main() from Python (or a test) changes nothing else
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.showwarning = _show_warning
        return _main(args)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    print(f"framing: warning: {message}", file=sys.stderr)


def _main(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except FramingError as exc:
        if args.debug:
            raise
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framing: interrupted; no output was written.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence for the CLI only
        if args.debug:
            raise
        print(f"framing: internal error: {type(exc).__name__}: {exc}. Nothing was written. "
              "Re-run with --debug for details and report it.", file=sys.stderr)
        return 3


def _run(args: argparse.Namespace) -> int:
    from .corpus import load_corpus

    if args.command == "ingest":
        from .ingest import ingest_files

        out = ingest_files(args.files, args.output, story=args.story, overwrite=args.overwrite)
        print(f"wrote {out}/manifest.yaml; review it (outlet, title, date, author) before use")
        return 0
    if args.command == "outlets":
        return _outlets(args.key, args.max_age)
    if args.command in ("report", "worksheet"):
        from .compare import analyze

        out = Path(args.output)
        _check_output(out, (".pdf", ".html", ".htm") if args.command == "report" else (".pdf",))
        if args.command == "worksheet" and args.answers:
            _check_output(Path(args.answers), (".pdf",))
        classifiers = _classifiers(getattr(args, "classifier", []))
        corpus = load_corpus(args.corpus)
        extra: dict[str, Any] = {"classifiers": classifiers} if classifiers else {}
        if args.convention != "reported-speech":
            extra["options"] = {"voices": {"convention": args.convention}}
        if not getattr(args, "no_coverage", False):  # roles, naming, claims: off in analyze() by default (cost)
            from .analyzers.builtin import REPORT_EXTRAS, default_analyzers

            extra["analyzers"] = default_analyzers() + list(REPORT_EXTRAS)
        comp = analyze(corpus, n_jobs=getattr(args, "jobs", 1), progress=sys.stderr.isatty(), **extra)
        if args.command == "report":
            if out.suffix.lower() == ".pdf":
                comp.to_pdf(out)
            else:
                comp.to_html(out)
        else:
            from .report.worksheet import write_worksheet

            write_worksheet(comp, out, blind=args.blind, answers=args.answers, story=args.story)
        print(f"wrote {out}")
        return 0
    if args.command == "train":
        return _train(args)
    if args.command == "distant":
        return _distant(args)
    if args.command in ("quotes", "terms", "coverage", "naming"):
        corpus = load_corpus(args.corpus)
        if args.command == "quotes":
            from .analyzers.voices import voices

            table = voices(corpus, convention=args.convention)
        elif args.command == "coverage":
            from .analyzers.coverage import coverage, coverage_matrix

            table = coverage_matrix(coverage(corpus)).reset_index()
        elif args.command == "naming":
            from .analyzers.naming import naming, naming_summary

            table = naming_summary(naming(corpus))
        else:
            from .analyzers.loaded import loaded_terms

            table = loaded_terms(corpus)
        if args.csv:
            from .io import atomic_write_text

            atomic_write_text(args.csv, table.to_csv(index=False))
            print(f"wrote {args.csv} ({len(table)} rows)")
        elif args.full:
            import pandas as pd

            with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", None):
                print(table.to_string(index=False, justify="left"))
        else:
            import shutil

            cols = _VIEWS[args.command]
            print(fit_table(table, cols, shutil.get_terminal_size((100, 24)).columns))
        return 0
    raise FramingError(f"unknown command {args.command!r}")  # pragma: no cover - argparse prevents it


_QUOTE_VIEW = ("outlet", "kind", "speaker", "cue", "content")
_TERM_VIEW = ("outlet", "category", "score", "flagged", "in_quote", "start", "term")
_VIEWS = {"quotes": _QUOTE_VIEW, "terms": _TERM_VIEW, "coverage": ("claim_id", "n_outlets", "only", "claim"),
          "naming": ("actor", "outlet", "count", "loaded", "name")}


def fit_table(table: Any, columns: tuple[str, ...], width: int) -> str:
    """``table``'s ``columns`` as text no wider than ``width``: every column but the last keeps its
    natural width up to a share of the line, the last (the long text) gets the rest; cut values end
    with "…".

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"outlet": ["rt"], "content": ["A long quoted sentence that does not fit."]})
    >>> print(fit_table(t, ("outlet", "content"), 30))
    outlet  content
    rt      A long quoted sentenc…
    """
    cols = [c for c in columns if c in table.columns]
    cells = [[str(v) for v in table[c].tolist()] for c in cols]
    widths = [max([len(c), *map(len, vals)]) for c, vals in zip(cols, cells)]
    gaps = 2 * (len(cols) - 1)
    widths = [min(w, 28) for w in widths[:-1]] + widths[-1:]
    room = max(20, int(0.45 * width))  # what the last column (the text) keeps at least
    while sum(widths[:-1]) + gaps + room > width and max(widths[:-1], default=0) > 8:
        i = widths.index(max(widths[:-1]))  # narrow the widest other column until the text has room
        widths[i] -= 1
    widths[-1] = max(len(cols[-1]), min(widths[-1], width - sum(widths[:-1]) - gaps))

    def cut(v: str, w: int) -> str:
        return v if len(v) <= w else v[: max(0, w - 1)] + "…"

    lines = ["  ".join(cut(c, w).ljust(w) for c, w in zip(cols, widths)).rstrip()]
    for row in zip(*cells):
        lines.append("  ".join(cut(v.replace("\n", " "), w).ljust(w) for v, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def _classifiers(options: Sequence[str]) -> dict:
    """``--classifier NAME=MODEL.json`` options -> {name: TextClassifier} (models loaded before any work)."""
    from .classify import load_classifier
    from .classify.data import parse_model_option

    out = {}
    for opt in options:
        name, path = parse_model_option(opt)
        out[name] = load_classifier(path)
    return out


def _train(args: argparse.Namespace) -> int:
    from .classify import DEFAULT_FEATURES, evaluate_classifier, fit_classifier
    from .classify.data import parse_model_option, read_labelled_csv, read_word_csv

    out = Path(args.output)
    if out.suffix.lower() != ".json":
        raise FramingError(f"{out}: the model is written as JSON; give an output name ending in .json.")
    if not args.label and not args.words:
        raise FramingError("framing train: give --label COL (sentence labels), --words COL (marked words), or both "
                           "(a sentence model stacked on a word model).")
    lists = dict(parse_model_option(w) for w in args.word_list)
    if not args.label:
        return _train_words(args, out, lists)
    texts, labels = read_labelled_csv(args.data, args.text, args.label, args.sep)
    stack = {"words": read_word_csv(args.data, args.text, args.words, args.sep)[1],
             "unmatched": args.unmatched} if args.words else {}
    if args.distant:
        from .classify import load_distant_model

        stack["distant"] = load_distant_model(args.distant)
    opts = dict(C=args.C or [0.25, 1.0, 4.0], char_ngrams=None if args.no_char else (2, 5), folds=args.folds,
                random_state=args.seed,
                features=tuple(args.features) if args.features is not None else DEFAULT_FEATURES,
                word_lists=lists or None, **stack)
    model = fit_classifier(texts, labels, description=args.description or Path(args.data).name, **opts)
    cv = model.metadata["cv"]
    print(f"{model!r}")
    print(f"options chosen by {cv['folds']}-fold cross-validation: {model.metadata['options']}")
    for c in cv["candidates"]:
        print(f"  cv macro-F1 {c['macro_f1']:.3f} (sd {c['sd']:.3f})  {c['options']}")
    stacked = model.metadata.get("word_model")
    if stacked:
        w = stacked["cv"]
        print(f"stacked on a word model: cv word P {w['precision']:.3f} R {w['recall']:.3f} F1 {w['f1']:.3f} "
              f"({stacked['training']['n_marked']} marked tokens)")
    if args.evaluate:
        ev = evaluate_classifier(texts, labels, folds=args.folds, random_state=args.seed,
                                 **{k: v for k, v in opts.items() if k not in ("random_state", "folds")})
        print(f"nested {ev.attrs['folds']}-fold cross-validation (held-out predictions pooled, 95% bootstrap interval):")
        print(ev.round(3).to_string(index=False))
    model.save(out)
    print(f"wrote {out}")
    return 0


def _distant(args: argparse.Namespace) -> int:
    """``framing distant``: fit a distant-supervision model on proxy-labelled texts and save it as JSON."""
    from .classify import fit_distant_model
    from .classify.data import read_labelled_csv

    out = Path(args.output)
    if out.suffix.lower() != ".json":
        raise FramingError(f"{out}: the model is written as JSON; give an output name ending in .json.")
    texts, labels = read_labelled_csv(args.data, args.text, args.label, args.sep)
    model = fit_distant_model(texts, labels, random_state=args.seed,
                              description=args.description or Path(args.data).name)
    model.save(out)
    print(f"{model!r}")
    print(f"wrote {out}")
    return 0


def _train_words(args: argparse.Namespace, out: Path, lists: dict) -> int:
    """``framing train --words COL``: a word model; prints its cross-validated word P/R/F1."""
    from .classify import evaluate_classifier, fit_classifier
    from .classify.data import read_word_csv

    texts, words = read_word_csv(args.data, args.text, args.words, args.sep)
    opts = dict(folds=args.folds, random_state=args.seed, word_lists=lists or None, unmatched=args.unmatched)
    if args.C:
        opts["C"] = args.C
    model = fit_classifier(texts, words, level="word", description=args.description or Path(args.data).name, **opts)
    cv = model.metadata["cv"]
    print(f"{model!r}")
    print(f"C and threshold chosen by {cv['folds']}-fold cross-validation: {model.metadata['options']}")
    for c in cv["candidates"]:
        print(f"  cv word P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}  C={c['C']} "
              f"threshold={c['threshold']:.3f}")
    if args.evaluate:
        ev = evaluate_classifier(texts, words, folds=args.folds, level="word",
                                 **{k: v for k, v in opts.items() if k != "folds"})
        print(f"nested {ev.attrs['folds']}-fold cross-validation (folds by text, 95% bootstrap interval):")
        print(ev.round(3).to_string(index=False))
    model.save(out)
    print(f"wrote {out}")
    return 0


def _check_output(out: Path, suffixes: tuple[str, ...]) -> None:
    from .errors import ReportError

    if out.is_dir():
        raise ReportError(f"{out}: is a directory. Give a file name for the output.")
    if out.suffix.lower() not in suffixes:
        raise ReportError(f"{out}: unsupported output type {out.suffix or '(none)'!r}; use one of {', '.join(suffixes)}.")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{out}: the folder {folder} does not exist. Create it first or choose another path.")


def _outlets(key: str | None, max_age: int | None = None) -> int:
    from .outlets import DEFAULT_MAX_AGE_DAYS, default_registry

    reg = default_registry()
    max_age = DEFAULT_MAX_AGE_DAYS if max_age is None else max_age
    if key is None:
        n_stale = 0
        for o in reg:
            stale = o.stale_facts(max_age)
            n_stale += bool(stale)
            mark = f"  STALE: {', '.join(stale)}" if stale else ""
            print(f"{o.key:24} {o.name:40} {o.country or '-':4} {o.state_affiliation:16} {o.type or ''}{mark}")
        print(f"{len(reg)} outlets; {n_stale} with facts last checked more than {max_age} days ago (STALE: "
              "re-check them before use). `framing outlets KEY` shows one with its sources.")
        print(f"{len(reg.known_outlets())} more outlets are known by name and domain only, from the AllSides and MBFC "
              "rating snapshots (`framing outlets NAME-OR-DOMAIN` shows one).")
        return 0
    o = reg.find(key)
    if o is None:
        reg.get(key)  # raises with close matches
    assert o is not None
    for k, v in o.facts().items():
        if v not in (None, ""):
            print(f"{k:24} {v}")
    stale = o.stale_facts(max_age)
    if stale:
        print(f"{'stale':24} {', '.join(stale)} (last checked more than {max_age} days ago: re-check)")
    print("sources:")
    for c in o.sources:
        mark = "  STALE" if c.stale(max_age) else ""
        print(f"  {c.field:18} {c.ref}  (checked {c.checked}){mark}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
