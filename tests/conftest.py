"""Shared fixtures: paths to the seeds, the S-400 corpus and the optional eval data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
S400 = ROOT / "corpora" / "s400"
EVAL = (ROOT / ".." / "shared" / "eval").resolve()

SEED_FILES = {
    "cbc": "000_91b9c4432941d692.txt",
    "rt": "001_b844b83d6f81ed74.txt",
    "presstv": "002_151e28b02c3019a7.txt",
    "revoi": "003_27e241ab6e7f3ee0.txt",
    "wsws": "004_42b21dbca4c90612.txt",
}


def seed_text(key: str) -> str:
    """Raw text of one seed article by outlet key."""
    return (SEEDS / SEED_FILES[key]).read_text(encoding="utf-8")


def eval_path(*parts: str) -> Path:
    """Path inside ../shared/eval, skipping the test when it is absent."""
    p = EVAL.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"evaluation data not available: {p}")
    return p


@pytest.fixture(scope="session")
def s400():
    import framing

    return framing.load_corpus(S400)
