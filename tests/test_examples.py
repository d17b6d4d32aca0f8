"""The example notebooks (Jupytext percent-format .py files in examples/) execute without a cell error.

They are converted to notebooks here (a few lines, no jupytext needed) and run with nbclient and an
IPython kernel from the repository root, on the S-400 corpus. Outputs are kept in memory only.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import ipykernel  # noqa: F401  (the test extra installs nbformat, nbclient and ipykernel: a missing one fails)
import nbclient
import nbformat
import pytest

from .conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
_CELL = re.compile(r"^# %%(.*)$")


def percent_to_notebook(source: str):
    """A notebook from a percent-format script: ``# %%`` starts a code cell, ``# %% [markdown]`` a
    markdown cell (its ``# `` prefixes removed); the header before the first marker is dropped."""
    cells: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        m = _CELL.match(line)
        if m:
            cells.append(("markdown" if "[markdown]" in m.group(1) else "code", []))
        elif cells:
            cells[-1][1].append(line)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind, lines in cells:
        text = "\n".join(lines).strip("\n")
        if kind == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell("\n".join(re.sub(r"^# ?", "", x) for x in text.splitlines())))
        elif text.strip():
            nb.cells.append(nbformat.v4.new_code_cell(text))
    return nb


def test_examples_converter_splits_cells():
    nb = percent_to_notebook("# header\n# %% [markdown]\n# # Title\n#\n# text\n\n# %%\nx = 1\n\n# %%\nx\n")
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "code"]
    assert nb.cells[0].source == "# Title\n\ntext" and nb.cells[1].source == "x = 1"


def test_examples_exist():
    assert {p.name for p in EXAMPLES} >= {"compare_outlets.py", "classroom_worksheet.py"}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_notebook_runs(path: Path, monkeypatch):
    nb = percent_to_notebook(path.read_text(encoding="utf-8"))
    assert sum(c.cell_type == "code" for c in nb.cells) >= 4
    # the kernel imports this checkout's framing, whatever is installed
    monkeypatch.delenv("MPLBACKEND", raising=False)  # CI sets Agg; a Jupyter kernel picks the inline backend
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "the comp.plot.* cells showed no figure (was the inline backend switched off?)"
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert html, "no rich (HTML) summary was displayed"
