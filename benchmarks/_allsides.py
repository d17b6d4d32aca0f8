"""Read the AllSides articles dataset (Baly et al. 2020) as framing records.

The dataset stays where it is (publishers' copyright): scripts take its path.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator


def allsides_records(path: str | Path, topic: str | None = None) -> Iterator[dict]:
    """Yield ``id, outlet, url, title, date, text, topic`` dicts, sorted by file name."""
    folder = Path(path)
    jsons = folder / "jsons" if (folder / "jsons").is_dir() else folder
    files = sorted(jsons.glob("*.json"))
    if not files:
        raise SystemExit(f"{path}: no AllSides *.json files found (expected {jsons}/<ID>.json)")
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        if topic is not None and d.get("topic") != topic:
            continue
        text = d.get("content_original") or ""
        if not text.strip():
            continue
        yield {"id": d["ID"], "outlet": d["source"], "url": d.get("url"), "title": d.get("title"),
               "date": d.get("date") or None, "text": text, "topic": d.get("topic")}
