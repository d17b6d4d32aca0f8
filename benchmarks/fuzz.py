"""Fuzz ``framing.load_corpus`` and ``framing.extract_quotes`` with hypothesis for a fixed time.

Usage::

    python benchmarks/fuzz.py [--minutes 3] [--target load_corpus|extract_quotes|all] [--batch 200]

``load_corpus`` gets random corpus folders (manifest.yaml built from random YAML values, mutated
YAML text or raw bytes; article files in UTF-8, UTF-8 with BOM, UTF-16, cp1252 or random bytes;
optional actors.yaml and outlets.yaml), random JSONL and random CSV files, each written to a fresh
temporary folder. It must either return a corpus whose articles have non-blank text and unique ids,
or raise a :class:`framing.errors.FramingError`; anything else is a finding.

``extract_quotes`` gets random and news-like text; it must return a table whose offsets satisfy
``text[start:end] == content`` (and the same for the speaker mention).

Findings are collected, not raised, so one run lists every distinct failure (exception type and
the place it was raised) with the first input that triggered it. Exit status 1 when anything was
found. Nothing is read from or written to the network; temporary folders are removed.
"""
from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import re
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import yaml  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from framing.analyzers.voices import extract_quotes  # noqa: E402
from framing.corpus import load_corpus  # noqa: E402
from framing.errors import FramingError  # noqa: E402

# -- strategies ------------------------------------------------------------------------------------
SPECIAL = ["cbc", "rt", "presstv", "CBC News", "Unknown Outlet", "2019-07-16", "2019-02-30", "2019", "2019-13",
           "yesterday", "../x.txt", "../../etc/passwd", "/etc/passwd", "articles", "articles/a.txt",
           "articles/b.txt", "a.txt", "", " ", "~", "nul\x00byte", "\u202e", "C:\\x.txt", "file:///etc/passwd",
           "articles/./a.txt", "articles//a.txt", "articles/../articles/a.txt", ".", "NaN", "null", "1e309"]
KEYS = ["id", "outlet", "file", "text", "title", "date", "author", "url", "date_approximate", "story",
        "articles", "name", "aliases", "actors", "outlets", "key", "domains"]
scalar = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(), st.text(max_size=20),
                   st.sampled_from(SPECIAL), st.dates())
yaml_value = st.recursive(
    scalar,
    lambda ch: st.lists(ch, max_size=3) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), ch, max_size=4),
    max_leaves=12,
)
file_value = st.one_of(st.sampled_from(SPECIAL), scalar)
entry = st.fixed_dictionaries(
    {"id": scalar, "outlet": scalar, "file": file_value},
    optional={"date": scalar, "title": scalar, "author": scalar, "url": scalar, "date_approximate": scalar,
              "extra": yaml_value},
)
FILE_NAMES = ["articles/a.txt", "articles/b.txt", "a.txt", "articles/c.md", "x"]
# mostly plausible entries (so the loader gets past the manifest), some random ones
plausible_entry = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=6) | st.integers(0, 9), "outlet": st.sampled_from(["cbc", "rt", "RT", "Some Blog", "wsws"]),
     "file": st.sampled_from(FILE_NAMES)},
    optional={"date": st.sampled_from(["2019-07-16", "2019-07", "2019", "2019-07-16T10:00:00", "", "2019-02-30"]),
              "title": st.text(max_size=10), "author": scalar},
)
_manifest = st.fixed_dictionaries({"articles": st.lists(st.one_of(plausible_entry, plausible_entry, entry, yaml_value),
                                                        max_size=4)}, optional={"story": yaml_value})
manifest_obj = st.one_of(_manifest, _manifest, _manifest, yaml_value)
MUTATIONS = ["!!python/object/apply:os.system ['true']", "&a [1]", "*a", "*undefined", ":", "- ", "\t", "'", '"',
             "{", "[", "%YAML 1.1\n", "---\n", "...\n", "!!binary aGVsbG8=", "? ", "|\n", "\x00", "\ufeff", "<<: *a"]


@st.composite
def yaml_bytes(draw, obj=yaml_value) -> bytes:
    """YAML text from a random value, sometimes mutated, sometimes raw bytes, in some encoding."""
    kind = draw(st.sampled_from(["dump", "dump", "dump", "mutated", "raw"]))
    if kind == "raw":
        return draw(st.binary(max_size=200))
    text = yaml.safe_dump(draw(obj), allow_unicode=draw(st.booleans()), sort_keys=False)
    if kind == "mutated":
        for _ in range(draw(st.integers(1, 3))):
            pos = draw(st.integers(0, len(text)))
            text = text[:pos] + draw(st.sampled_from(MUTATIONS) | st.text(max_size=3)) + text[pos + draw(st.integers(0, 3)):]
    return draw(encoded(st.just(text)))


@st.composite
def encoded(draw, texts=st.text(max_size=400)) -> bytes:
    text = draw(texts)
    enc = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
    data = text.encode(enc, errors="replace")
    if draw(st.integers(0, 9)) == 0:  # flip some bytes
        b = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            if b:
                b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(0, 255))
        data = bytes(b)
    return data


NEWS = ["NATO", "Turkey", "Jens Stoltenberg", " said", " told reporters", ' "We are concerned," ', "\u201cNo\u201d",
        ". ", "\n", "\n\n", "\r\n", "'", "\u2019", '"', " the so-called regime", "Mr. Erdogan", ", according to "]
no_nul = st.characters(exclude_characters="\x00", exclude_categories=["Cs"])  # NUL bytes make a file "binary": tested apart
news_text = st.lists(st.sampled_from(NEWS) | st.text(no_nul, max_size=8), max_size=50).map("".join)
article_bytes = st.one_of(encoded(news_text), encoded(news_text), encoded(news_text), encoded(), st.binary(max_size=300), st.just(b""),
                          st.just(b" \n"))


@st.composite
def folder_case(draw) -> dict[str, bytes | None]:
    files: dict[str, bytes | None] = {"manifest.yaml": draw(yaml_bytes(manifest_obj))}
    for name in draw(st.lists(st.sampled_from(FILE_NAMES), min_size=1, max_size=5, unique=True)):
        files[name] = None if draw(st.integers(0, 30)) == 0 else draw(article_bytes)  # None: a directory
    if draw(st.integers(0, 3)) == 0:
        files["actors.yaml"] = draw(yaml_bytes(st.one_of(
            st.fixed_dictionaries({"actors": st.lists(st.dictionaries(st.sampled_from(KEYS), yaml_value, max_size=4),
                                                      max_size=3)}), yaml_value)))
    if draw(st.integers(0, 8)) == 0:
        files["outlets.yaml"] = draw(yaml_bytes(st.one_of(
            st.fixed_dictionaries({"outlets": st.lists(st.dictionaries(st.sampled_from(KEYS), yaml_value, max_size=4),
                                                       max_size=3)}), yaml_value)))
    return files


@st.composite
def plausible_folder_case(draw) -> dict[str, bytes | None]:
    """A corpus folder that is nearly right: every listed file exists with news-like text."""
    entries = draw(st.lists(plausible_entry, min_size=1, max_size=4, unique_by=lambda e: str(e["id"]).strip()))
    files: dict[str, bytes | None] = {"manifest.yaml": yaml.safe_dump({"story": "s", "articles": entries}).encode()}
    for name in FILE_NAMES:
        files[name] = draw(news_text.filter(lambda t: t.strip() != "").map(lambda t: t.encode("utf-8", "replace")) | encoded(news_text))
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from(["NATO", "Turkey", "Erdogan", "the alliance", ""]), min_size=1, max_size=3))
        files["actors.yaml"] = yaml.safe_dump({"actors": [{"name": n, "aliases": [n.lower()]} for n in names]}).encode()
    return files


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                          lambda ch: st.lists(ch, max_size=3) | st.dictionaries(st.text(max_size=6), ch, max_size=3),
                          max_leaves=8)
json_record = st.fixed_dictionaries(
    {"id": st.text(max_size=5), "outlet": st.sampled_from(["cbc", "rt", "Some Blog"]), "text": news_text}) | st.fixed_dictionaries({}, optional={"id": json_value, "outlet": json_value | st.sampled_from(SPECIAL),
                                                  "text": json_value | news_text, "date": json_value | st.sampled_from(SPECIAL),
                                                  "title": json_value})


@st.composite
def jsonl_case(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["record", "record", "value", "text"]))
        if kind == "record":
            lines.append(json.dumps(draw(json_record), ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(json_value)))
        else:
            lines.append(draw(st.text(max_size=40)))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85"]))
    return draw(encoded(st.just(sep.join(lines))))


@st.composite
def csv_case(draw) -> bytes:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=300))
    cols = draw(st.lists(st.sampled_from(["id", "outlet", "text", "title", "date", "url", "", "id"]) | st.text(max_size=5),
                         max_size=6))
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(cols)
    for _ in range(draw(st.integers(0, 4))):
        w.writerow(draw(st.lists(st.text(max_size=20) | st.sampled_from(SPECIAL) | news_text, max_size=len(cols) + 1)))
    text = buf.getvalue()
    if draw(st.booleans()):
        pos = draw(st.integers(0, len(text)))
        text = text[:pos] + draw(st.sampled_from(['"', ",", "\n", "\r", "\x00", "\ufeff"])) + text[pos:]
    return draw(encoded(st.just(text)))


corpus_case = st.one_of(
    st.tuples(st.just("folder"), folder_case()),
    st.tuples(st.just("folder"), plausible_folder_case()),
    st.tuples(st.just("jsonl"), jsonl_case()),
    st.tuples(st.just("csv"), csv_case()),
)


# -- targets ---------------------------------------------------------------------------------------
class Findings:
    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], dict[str, Any]] = {}
        self.examples = 0
        self.outcomes: dict[str, int] = {}
        self.framing_errors: collections.Counter[str] = collections.Counter()

    def add(self, exc: BaseException, case: Any) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        frame = next((f for f in reversed(tb) if "/framing/" in f.filename), tb[-1] if tb else None)
        where = f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}" if frame else "?"
        key = (type(exc).__name__, where)
        hit = self.by_key.setdefault(key, {"count": 0, "message": str(exc)[:300], "case": repr(case)[:600]})
        hit["count"] += 1


def _message_kind(msg: str) -> str:
    """An error message without its paths, values and line numbers (to count kinds of errors)."""
    msg = re.sub(r"^.*?: (?=[a-z'])", "", msg.split(". ")[0], count=1)
    return re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "_", msg)[:70]


def _write_case(root: Path, kind: str, payload: Any) -> Path:
    if kind == "folder":
        folder = root / "corpus"
        folder.mkdir()
        for name, content in payload.items():
            p = folder / name
            p.parent.mkdir(parents=True, exist_ok=True)
            if content is None:
                p.mkdir(exist_ok=True)
            else:
                p.write_bytes(content)
        return folder
    p = root / f"corpus.{kind}"
    p.write_bytes(payload)
    return p


def fuzz_load_corpus(findings: Findings) -> Callable[[Any], None]:
    def check(case: tuple[str, Any]) -> None:
        kind, payload = case
        findings.examples += 1
        root = Path(tempfile.mkdtemp(prefix="framing-fuzz-"))
        try:
            path = _write_case(root, kind, payload)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    corpus = load_corpus(path)
                except FramingError as exc:
                    findings.framing_errors[_message_kind(str(exc))] += 1
                    findings.outcomes["FramingError"] = findings.outcomes.get("FramingError", 0) + 1
                    return
                ids = [a.id for a in corpus]
                assert len(ids) == len(set(ids)) > 0, f"ids {ids!r}"
                for a in corpus:
                    assert isinstance(a.text, str) and a.text.strip(), f"blank text in {a.id!r}"
                    for sp in a.sentences:
                        assert a.text[sp.start:sp.end] == sp.text
                findings.outcomes["loaded"] = findings.outcomes.get("loaded", 0) + 1
        except Exception as exc:  # noqa: BLE001 - collecting findings is the point
            findings.add(exc, case)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return check


def fuzz_extract_quotes(findings: Findings) -> Callable[[str], None]:
    def check(text: str) -> None:
        findings.examples += 1
        try:
            df = extract_quotes(text)
            for r in df.itertuples(index=False):
                assert text[r.start:r.end] == r.content, (r.start, r.end, r.content)
                if not pd.isna(r.speaker_start):
                    assert text[int(r.speaker_start):int(r.speaker_end)] == r.speaker_mention
            findings.outcomes["rows"] = findings.outcomes.get("rows", 0) + len(df)
        except Exception as exc:  # noqa: BLE001
            findings.add(exc, text)
    return check


def run(name: str, strategy: st.SearchStrategy, make_check: Callable[[Findings], Callable], seconds: float,
        batch: int) -> Findings:
    findings = Findings()
    check = make_check(findings)
    deadline = time.monotonic() + seconds
    cfg = settings(max_examples=batch, deadline=None, database=None, derandomize=False,
                   suppress_health_check=list(HealthCheck))
    test = cfg(given(strategy)(check))
    while time.monotonic() < deadline:
        test()
    return findings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=3.0, help="time per target (default 3)")
    ap.add_argument("--target", choices=["load_corpus", "extract_quotes", "all"], default="all")
    ap.add_argument("--batch", type=int, default=200, help="hypothesis examples per batch")
    args = ap.parse_args(argv)
    targets = {
        "load_corpus": (corpus_case, fuzz_load_corpus),
        "extract_quotes": (st.one_of(st.text(max_size=400), news_text), fuzz_extract_quotes),
    }
    names = list(targets) if args.target == "all" else [args.target]
    found = False
    for name in names:
        t0 = time.monotonic()
        f = run(name, *targets[name], seconds=args.minutes * 60, batch=args.batch)
        print(f"{name}: {f.examples} examples in {time.monotonic() - t0:.0f} s; outcomes {f.outcomes}; "
              f"{len(f.by_key)} distinct finding(s)")
        if f.framing_errors:
            print("  FramingError kinds: " + "; ".join(f"{k} x{n}" for k, n in f.framing_errors.most_common(12)))
        for (etype, where), hit in sorted(f.by_key.items()):
            found = True
            print(f"  {etype} at {where} x{hit['count']}: {hit['message']}\n    first input: {hit['case']}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
