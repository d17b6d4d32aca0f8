"""The ``framing`` command.

Examples
--------
framing report corpora/s400 -o reports/s400.pdf
framing report corpora/s400 -o reports/s400.html
framing worksheet corpora/s400 -o worksheet.pdf --blind --answers key.pdf
framing ingest seeds/*.txt -o corpora/mystory --story "Turkey buys S-400 missiles"
framing outlets            # list the registry
framing outlets rt         # one outlet's fact sheet with sources
framing quotes corpora/s400 --csv quotes.csv
framing terms corpora/s400
"""
from __future__ import annotations

import argparse
import logging
import sys
import warnings
from pathlib import Path
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

    w = sub.add_parser("worksheet", help="write a classroom media-literacy worksheet (PDF)")
    w.add_argument("corpus")
    w.add_argument("-o", "--output", required=True, help="worksheet PDF")
    w.add_argument("--blind", action="store_true", help="replace outlet names by letters")
    w.add_argument("--answers", help="also write an answer key PDF here")

    i = sub.add_parser("ingest", help="turn raw article files into a corpus folder")
    i.add_argument("files", nargs="+", help="raw text files")
    i.add_argument("-o", "--output", required=True, help="corpus folder to write")
    i.add_argument("--story", default="", help="one-line description of the story")
    i.add_argument("--overwrite", action="store_true", help="replace an existing manifest")

    o = sub.add_parser("outlets", help="list the outlet registry, or show one outlet's fact sheet")
    o.add_argument("key", nargs="?", help="outlet key, name or domain")

    for name, helptext in (("quotes", "print the quoted-voices table"), ("terms", "print the loaded-terms table"),
                           ("coverage", "print the claims x outlets matrix (which outlet tells which fact)"),
                           ("naming", "print how each outlet names each actor")):
        q = sub.add_parser(name, help=helptext)
        q.add_argument("corpus")
        q.add_argument("--csv", help="write the table as CSV to this file instead of printing it")
    return p


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
        return _outlets(args.key)
    if args.command in ("report", "worksheet"):
        from .compare import analyze

        out = Path(args.output)
        _check_output(out, (".pdf", ".html", ".htm") if args.command == "report" else (".pdf",))
        if args.command == "worksheet" and args.answers:
            _check_output(Path(args.answers), (".pdf",))
        corpus = load_corpus(args.corpus)
        comp = analyze(corpus, n_jobs=getattr(args, "jobs", 1), progress=sys.stderr.isatty())
        if args.command == "report":
            if out.suffix.lower() == ".pdf":
                comp.to_pdf(out)
            else:
                comp.to_html(out)
        else:
            from .report.worksheet import write_worksheet

            write_worksheet(comp, out, blind=args.blind, answers=args.answers)
        print(f"wrote {out}")
        return 0
    if args.command in ("quotes", "terms", "coverage", "naming"):
        corpus = load_corpus(args.corpus)
        if args.command == "quotes":
            from .analyzers.voices import voices

            table = voices(corpus)
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
        else:
            import pandas as pd

            with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                                   "display.max_colwidth", 60):
                print(table.to_string(index=False, max_colwidth=60, justify="left"))
        return 0
    raise FramingError(f"unknown command {args.command!r}")  # pragma: no cover - argparse prevents it


def _check_output(out: Path, suffixes: tuple[str, ...]) -> None:
    from .errors import ReportError

    if out.is_dir():
        raise ReportError(f"{out}: is a directory. Give a file name for the output.")
    if out.suffix.lower() not in suffixes:
        raise ReportError(f"{out}: unsupported output type {out.suffix or '(none)'!r}; use one of {', '.join(suffixes)}.")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"{out}: the folder {folder} does not exist. Create it first or choose another path.")


def _outlets(key: str | None) -> int:
    from .outlets import default_registry

    reg = default_registry()
    if key is None:
        for o in reg:
            print(f"{o.key:24} {o.name:40} {o.country or '-':4} {o.state_affiliation:16} {o.type or ''}")
        print(f"{len(reg)} outlets. `framing outlets KEY` shows one with its sources.")
        return 0
    o = reg.find(key)
    if o is None:
        reg.get(key)  # raises with close matches
    assert o is not None
    for k, v in o.facts().items():
        if v not in (None, ""):
            print(f"{k:24} {v}")
    print("sources:")
    for c in o.sources:
        print(f"  {c.field:18} {c.ref}  (checked {c.checked})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
