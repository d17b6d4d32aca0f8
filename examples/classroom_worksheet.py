# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Classroom: build a worksheet from your articles
#
# Give students the same story as told by several outlets and ask them to find the framing
# themselves. This notebook builds a media-literacy worksheet (PDF) and its answer key from a corpus.
# It uses `corpora/s400`; to use your own articles, save them as text files in a folder and run
# `framing ingest FILES... -o my-story` first, then review `my-story/manifest.yaml`.

# %%
import tempfile
from pathlib import Path

import framing
from framing.report.worksheet import worksheet_plan, write_worksheet

corpus = framing.load_corpus("corpora/s400")
corpus

# %% [markdown]
# The worksheet reads the comparison's tables (it never re-analyses the texts).
# Read the warnings before class: they say what the figures cannot show.

# %%
comp = framing.analyze(corpus)
comp.warnings

# %% [markdown]
# A *blind* worksheet hides the outlets' names (Outlet A, B, ...) in the excerpts, so students judge the
# words before the brand; the answer key reveals them with the measured figures.

# %%
plan = worksheet_plan(comp, blind=True)
[(p["label"], len(p["terms"]), len(p["quotes"])) for p in plan]  # label, loaded terms, quotes in each excerpt

# %%
out = Path(tempfile.mkdtemp())
sheet = write_worksheet(comp, out / "worksheet.pdf", blind=True, answers=out / "answer-key.pdf")
sheet, sheet.stat().st_size, (out / "answer-key.pdf").exists()

# %% [markdown]
# Charts for the discussion afterwards, in the report's colours:

# %%
comp.plot.voices()

# %%
comp.plot.loaded()
