"""Read the Narrative Frames Corpus (Frermann, Li, Khanehzar, Mikolajczak, ACL 2023) as framing records.

The dataset stays where it is (article texts are the publishers'); scripts take its folder as argument.
Annotations are MIT (Lea Frermann 2023). Frames: RE(solution), HI (human interest), CO(nflict),
MO(ral), EC(onomic); codebook questions ``re1 .. co4`` per article; roles (hero / villain / victim)
as entity strings per article.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

#: Dataset column of each framing frame, in ``framing`` column order.
COLUMNS = {"conflict": "CO", "economic": "EC", "human_interest": "HI", "moral": "MO", "resolution": "RE"}
_ANSWER = {"yes": 1.0, "no": 0.0, "NO AGREEMENT": 0.5}


def read_frermann(path: str | Path) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Articles (``ID, source, text`` ...), frame labels (n, 5) bool and graded targets (n, 5): the number
    of the frame's codebook questions answered yes (NO AGREEMENT counts 0.5; ``re1``, answered yes for
    every article, is left out). Articles without frame labels are dropped."""
    folder = Path(path)
    meta = folder / "articles_metadata.tsv"
    if not meta.is_file():
        raise SystemExit(f"{path}: articles_metadata.tsv not found; pass the narrative-frames folder")
    arts = pd.read_csv(meta, sep="\t")
    arts = arts.dropna(subset=list(COLUMNS.values())).sort_values("ID").reset_index(drop=True)  # one has no labels
    labels = np.column_stack([arts[c].astype(str).str.lower().eq("true").to_numpy() for c in COLUMNS.values()])
    notes = json.loads((folder / "full_annotations.json").read_text(encoding="utf-8"))
    targets = np.zeros(labels.shape)
    for j, code in enumerate(COLUMNS.values()):
        prefix = code.lower()
        for i, aid in enumerate(arts["ID"]):
            rec = notes[str(aid)]
            targets[i, j] = sum(_ANSWER.get(v[0], 0.0) for q, v in rec.items()
                                if q.startswith(prefix) and q != "re1")
    return arts, labels, targets


def read_roles(path: str | Path) -> pd.DataFrame:
    """Role annotations: ``ID, entity, role`` (hero / villain / victim), one row per annotated entity."""
    df = pd.read_csv(Path(path) / "role_and_frame_annoations.tsv", sep="\t")
    return df[["ID", "entity", "role"]].dropna().reset_index(drop=True)
