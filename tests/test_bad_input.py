"""Catalogue of bad inputs through `framing report` (PDF and HTML).

Each case must: exit non-zero, print one clear line naming the file (and line/field) and the
fix, print no traceback, and leave an existing report at the output path untouched.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framing.cli import main

GOOD = "Ankara said on Tuesday it would buy the S-400 system. NATO said it was concerned about the purchase."
OLD_REPORT = b"%PDF-1.4 previous report that must survive"


def manifest(*entries: str, head: str = "story: test\narticles:\n") -> str:
    return head + "".join(entries)


def entry(id: str | None = "a", outlet: str | None = "cbc", file: str | None = "articles/a.txt",
          extra: str = "") -> str:
    """One manifest list item; a field given as None is left out."""
    fields = [f"{k}: {v}" for k, v in (("id", id), ("outlet", outlet), ("file", file)) if v is not None]
    return "  - " + "\n    ".join(fields) + "\n" + extra


def make(tmp: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp / "corpus"
    root.mkdir()
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            p.mkdir()
        elif isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root


CASES = {
    "missing folder": (None, "no such file or folder"),
    "folder without manifest": ({"articles/a.txt": GOOD}, "no manifest.yaml"),
    "invalid yaml": ({"manifest.yaml": "story: [unclosed\narticles:\n", "articles/a.txt": GOOD}, "invalid YAML"),
    "yaml python tag": ({"manifest.yaml": "articles: !!python/object/apply:os.system ['touch PWNED']\n",
                         "articles/a.txt": GOOD}, "invalid YAML"),
    "manifest is a list": ({"manifest.yaml": "- a\n- b\n", "articles/a.txt": GOOD}, "'articles:' list"),
    "manifest binary": ({"manifest.yaml": b"\x00\x01\x02\x03binary", "articles/a.txt": GOOD}, "binary file"),
    "no articles": ({"manifest.yaml": manifest(), "articles/a.txt": GOOD}, "'articles:' list"),
    "empty articles list": ({"manifest.yaml": "story: s\narticles: []\n"}, "'articles' is empty"),
    "missing id": ({"manifest.yaml": manifest(entry(id=None)), "articles/a.txt": GOOD}, "field 'id'"),
    "duplicate id": ({"manifest.yaml": manifest(entry(), entry()), "articles/a.txt": GOOD}, "duplicate article id"),
    "missing outlet": ({"manifest.yaml": manifest(entry(outlet=None)), "articles/a.txt": GOOD}, "outlet is missing"),
    "missing file field": ({"manifest.yaml": manifest(entry(file=None)), "articles/a.txt": GOOD}, "has no 'file'"),
    "path escapes folder": ({"manifest.yaml": manifest(entry(file="../../etc/passwd"))}, "outside the corpus folder"),
    "absolute path": ({"manifest.yaml": manifest(entry(file="/etc/passwd"))}, "absolute path"),
    "missing article": ({"manifest.yaml": manifest(entry(file="articles/nope.txt"))}, "file not found"),
    "empty article": ({"manifest.yaml": manifest(entry()), "articles/a.txt": ""}, "empty or only white space"),
    "whitespace article": ({"manifest.yaml": manifest(entry()), "articles/a.txt": " \n\t \n"}, "empty or only white space"),
    "binary article": ({"manifest.yaml": manifest(entry()), "articles/a.txt": b"\x7fELF\x02\x01\x00\x00\x00"}, "binary file"),
    "bad utf-16": ({"manifest.yaml": manifest(entry()), "articles/a.txt": b"\xff\xfe\x00\xd8"}, "UTF-16"),
    "directory as article": ({"manifest.yaml": manifest(entry(file="articles")), "articles/a.txt": GOOD}, "is a directory"),
    "invalid date": ({"manifest.yaml": manifest(entry(extra="    date: 2019-02-30\n")), "articles/a.txt": GOOD},
                     "not a valid date"),
    "date words": ({"manifest.yaml": manifest(entry(extra="    date: yesterday\n")), "articles/a.txt": GOOD},
                   "not a valid date"),
    "invalid actors yaml": ({"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD, "actors.yaml": "actors: [\n"},
                            "invalid YAML"),
    "actors python tag": ({"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD,
                           "actors.yaml": "actors: !!python/object/apply:os.system ['touch PWNED']\n"}, "invalid YAML"),
    "actor without name": ({"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD,
                            "actors.yaml": "actors:\n  - aliases: [x]\n"}, "field 'name'"),
    "invalid outlets yaml": ({"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD,
                              "outlets.yaml": "outlets: [\n"}, "invalid YAML"),
}

FILE_CASES = {
    "malformed jsonl": ("c.jsonl", '{"id": "a", "outlet": "cbc", "text": "' + GOOD + '"}\n{"id": "b",\n',
                        r"c.jsonl:2: malformed JSON"),
    "jsonl not object": ("c.jsonl", '[1, 2]\n', "c.jsonl:1: each line must be a JSON object"),
    "jsonl no text": ("c.jsonl", '{"id": "a", "outlet": "cbc"}\n', "c.jsonl:1 (field 'text')"),
    "jsonl empty": ("c.jsonl", "\n\n", "c.jsonl: the file is empty"),
    "csv without text column": ("c.csv", "id,outlet,body\na,cbc,hello\n", "missing column(s) ['text']"),
    "csv empty text": ("c.csv", "id,outlet,text\na,cbc,\n", "c.csv:2 (field 'text')"),
    "unknown format": ("c.docx", "whatever", "unknown corpus format"),
}


@pytest.fixture
def out(tmp_path):
    def _out(suffix: str) -> Path:
        p = tmp_path / f"report{suffix}"
        p.write_bytes(OLD_REPORT)
        return p
    return _out


def run(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.err


def check(code: int, err: str, message: str, out_path: Path, tmp_path: Path) -> None:
    assert code != 0
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("framing: error:")]
    assert len(lines) == 1, err
    assert message in lines[0], lines[0]
    assert out_path.read_bytes() == OLD_REPORT
    assert not list(out_path.parent.glob(".report*.tmp"))
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_folder_cases(case: str, suffix: str, tmp_path, out, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    files, message = CASES[case]
    corpus = tmp_path / "missing" if files is None else make(tmp_path, files)
    o = out(suffix)
    code, err = run(["report", str(corpus), "-o", str(o)], capsys)
    check(code, err, message, o, tmp_path)
    if files is not None:
        assert str(corpus.name) in err or "corpus" in err


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_input_file_cases(case: str, suffix: str, tmp_path, out, capsys) -> None:
    name, content, message = FILE_CASES[case]
    (tmp_path / name).write_text(content, encoding="utf-8")
    o = out(suffix)
    code, err = run(["report", str(tmp_path / name), "-o", str(o)], capsys)
    check(code, err, message, o, tmp_path)


def test_bad_input_unreadable_article(tmp_path, out, capsys, monkeypatch) -> None:
    corpus = make(tmp_path, {"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD})
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    o = out(".pdf")
    code, err = run(["report", str(corpus), "-o", str(o)], capsys)
    check(code, err, "cannot read the file (Permission denied)", o, tmp_path)


@pytest.mark.parametrize(
    "target, message",
    [("nofolder/report.pdf", "does not exist"), ("report.docx", "unsupported output type"),
     (".", "is a directory")],
)
def test_bad_input_bad_output_path(target: str, message: str, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = make(tmp_path, {"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD})
    code, err = run(["report", str(corpus), "-o", target], capsys)
    assert code != 0 and "Traceback" not in err and message in err


def test_bad_input_output_not_writable(tmp_path, out, capsys, monkeypatch) -> None:
    corpus = make(tmp_path, {"manifest.yaml": manifest(entry()), "articles/a.txt": GOOD})
    o = out(".pdf")

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("framing.io.tempfile.mkstemp", refuse)
    code, err = run(["report", str(corpus), "-o", str(o)], capsys)
    check(code, err, "cannot write", o, tmp_path)


def test_bad_input_catalogue_is_large_enough() -> None:
    assert len(CASES) + len(FILE_CASES) + 5 >= 30
