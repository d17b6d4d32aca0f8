"""Turn raw article files into a reviewable corpus folder.

``framing ingest FILE... -o DIR`` reads each file, cleans it, takes the URL,
title, author and date from the header where the text shows them (a URL line
is removed from the text and kept as the article's ``url``), recognises the
outlet from that URL first, then from the text
(:func:`framing.outlets.detect_outlet`), and writes

- ``DIR/articles/<id>.txt``: the raw text, unchanged (UTF-8), so cleaning can
  be re-checked at any time;
- ``DIR/manifest.yaml``: one entry per article with what was detected and
  the evidence, ready for a human to review.

Whatever a reviewer changes by hand should be recorded in the entry's
``reviewed`` mapping (field -> why), so that a re-ingest can be compared with
the curated folder field by field.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from .clean import clean_text
from .corpus import read_text_file
from .errors import CorpusError
from .io import atomic_write_text
from .outlets import OutletRegistry, default_registry, slugify

__all__ = ["ingest_files", "ingest_entries", "article_id"]


def ingest_entries(paths: Iterable[str | Path], registry: OutletRegistry | None = None) -> list[dict[str, Any]]:
    """Detect, clean and describe raw files; returns manifest entries (with ``text`` for each).

    Examples
    --------
    >>> entries = ingest_entries(["seeds/004_42b21dbca4c90612.txt"])   # doctest: +SKIP
    >>> entries[0]["outlet"], entries[0]["author"], entries[0]["date"]  # doctest: +SKIP
    ('wsws', 'Halil Celik', datetime.date(2017, 7, 21))
    """
    registry = registry or default_registry()
    entries: list[dict[str, Any]] = []
    found = []
    for p in paths:
        p = Path(p)
        raw = read_text_file(p)
        res = clean_text(raw)
        found.append((p, raw, registry.detect(raw, url=res.url), res))
    # Ids: the outlet key when an outlet has one article, else outlet, date and the title's first words.
    per_outlet: dict[str, int] = {}
    for _, _, match, _ in found:
        k = match.outlet.key if match else "unknown"
        per_outlet[k] = per_outlet.get(k, 0) + 1
    used: set[str] = set()
    for p, raw, match, res in found:
        key = match.outlet.key if match else None
        k = key or "unknown"
        base = k if per_outlet[k] == 1 and key else article_id(k, res.date, res.title or p.stem)
        aid, n = base, 2
        while aid in used:
            aid, n = f"{base}-{n}", n + 1
        used.add(aid)
        evidence = ""
        if match:
            short = match.evidence if len(match.evidence) <= 100 else match.evidence[:97] + "..."
            evidence = f"{match.method} (line {match.line}): {short}" if match.line else f"{match.method}: {short}"
        entries.append({
            "id": aid,
            "outlet": key,
            "outlet_evidence": evidence or "none found: set the outlet by hand",
            "file": f"articles/{aid}.txt",
            "title": res.title,
            "date": res.date,
            "date_approximate": False if res.date else None,
            "author": res.author,
            "url": res.url,
            "source_file": p.name,
            "removed_lines": [f"{r.line} {r.rule}" for r in res.removed],
            "text": raw,
        })
    return entries


def article_id(outlet: str, date: Any, title: str, words: int = 6) -> str:
    """A readable id: outlet key, ISO date (when known) and the first words of the title.

    Examples
    --------
    >>> import datetime
    >>> article_id("cbc", datetime.date(2019, 7, 12), "Turkey receives first parts of Russian S-400 system")
    'cbc-2019-07-12-turkey-receives-first-parts-of-russian'
    >>> article_id("unknown", None, "001_b844b83d6f81ed74")
    'unknown-001-b844b83d6f81ed74'
    """
    parts = [outlet] + ([date.isoformat()] if date else []) + [" ".join(str(title).split()[:words])]
    return slugify("-".join(parts))[:80].strip("-")


def ingest_files(paths: Iterable[str | Path], out_dir: str | Path, *, story: str = "",
                 registry: OutletRegistry | None = None, overwrite: bool = False) -> Path:
    """Write a corpus folder (``manifest.yaml`` + ``articles/``) from raw files.

    Raises
    ------
    CorpusError
        When a file cannot be read, or ``out_dir`` already holds a manifest and
        ``overwrite`` is False.
    """
    out = Path(out_dir)
    if (out / "manifest.yaml").exists() and not overwrite:
        raise CorpusError(f"{out}/manifest.yaml already exists; choose another folder or pass --overwrite.")
    entries = ingest_entries(paths, registry)
    if not entries:
        raise CorpusError("no input files given. Pass one or more raw article files.")
    (out / "articles").mkdir(parents=True, exist_ok=True)
    manifest = {"story": story, "articles": []}
    for e in entries:
        atomic_write_text(out / e["file"], e.pop("text"))
        manifest["articles"].append(e)
    atomic_write_text(out / "manifest.yaml", dump_manifest(manifest))
    return out


def dump_manifest(manifest: dict[str, Any]) -> str:
    """YAML text of a manifest (stable key order, dates as ISO)."""
    header = ("# Corpus manifest written by `framing ingest`. Review every entry; record hand changes\n"
              "# under `reviewed:` (field: why) so re-ingests can be compared.\n")
    return header + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=110)
