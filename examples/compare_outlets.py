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
# # Compare outlets on your own story
#
# Load a corpus, compare the outlets, look at the tables and charts, and write the report.
# This notebook uses the S-400 corpus shipped in `corpora/s400` (five outlets on Turkey's purchase of
# Russian S-400 missiles); run it from the repository root, or point `CORPUS` at your own folder
# (a `manifest.yaml` and the article files, see `framing ingest`), a `.jsonl` or a `.csv` file.

# %%
import tempfile
from pathlib import Path

import framing

CORPUS = "corpora/s400"
corpus = framing.load_corpus(CORPUS)
corpus  # one row per article with its outlet's facts; the text is never printed

# %% [markdown]
# An outlet's fact sheet, each fact with its source:

# %%
corpus.outlet(corpus.outlet_keys[1])

# %% [markdown]
# ## Analyse
# `framing.analyze` runs every analyzer once; the result shows the key figures per outlet,
# the warnings to read before drawing conclusions, and the tables and plots to call next.

# %%
comp = framing.analyze(corpus)
comp

# %% [markdown]
# ## Tables
# Every table is a pandas DataFrame whose first columns are `article_id, outlet` (per-article tables)
# or `outlet` (summaries). `framing.TABLES[name].describe()` documents its columns.

# %%
comp.outlet_sentiment[["outlet", "mean", "ci_low", "ci_high", "n_sentences"]]

# %%
comp.voice_summary[["outlet", "n_quotes", "share_direct", "share_anonymous", "share_loaded_verbs"]]

# %%
framing.TABLES["loaded_terms"].describe()

# %% [markdown]
# Every span has character offsets into the article's cleaned text, so you can read each hit in context:

# %%
hit = comp.loaded_terms.iloc[0]
text = comp.article_text(hit["article_id"])
assert text[hit["start"]:hit["end"]] == hit["term"]
text[max(0, hit["start"] - 60):hit["end"] + 60]

# %% [markdown]
# ## Charts
# `comp.plot.*` draws the same charts as the report, in the same outlet colours, and returns the
# matplotlib Axes (pass `ax=` to place a chart in your own figure).

# %%
comp.plot.sentiment()

# %%
comp.plot.loaded()

# %%
comp.plot.voices()

# %%
comp.plot.affiliations()

# %%
comp.plot.actors()

# %%
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2, figsize=(8, 3), layout="constrained")
comp.plot.distinctive("cbc", ax=axes[0], n=8)
comp.plot.distinctive("rt", ax=axes[1], n=8)

# %% [markdown]
# ## Report
# The PDF and the self-contained HTML report hold every chart, the tables, marked excerpts,
# the outlets' facts with their sources, and the methods with their limits.

# %%
out = Path(tempfile.mkdtemp())
pdf = comp.to_pdf(out / "s400.pdf")
html = comp.to_html(out / "s400.html")
csvs = comp.to_csv(out / "tables")
pdf, html, sorted(p.name for p in csvs.iterdir())[:5]
