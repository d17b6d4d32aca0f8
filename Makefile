# Two commands set everything up on a fresh machine:
#   make report   -> .venv, install, reports/s400.pdf (+ .html and the worksheet)
#   make test     -> the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
TSTAMP  = $(VENV)/.installed-test

.PHONY: report test install benchmarks clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# the report needs the runtime dependencies only; the tests add the `test` extra (Dask, pypdf, ...)
$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TSTAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/framing report corpora/s400 -o reports/s400.pdf
	$(BIN)/framing report corpora/s400 -o reports/s400.html
	$(BIN)/framing worksheet corpora/s400 -o reports/s400-worksheet.pdf --blind --answers reports/s400-worksheet-answers.pdf

test: $(TSTAMP)
	$(BIN)/python -m pytest -q

benchmarks: $(TSTAMP)
	$(BIN)/python benchmarks/quotes_gold.py
	$(BIN)/python benchmarks/quotes_polnear.py ../shared/eval/polnear-train
	$(BIN)/python benchmarks/target_sentiment.py ../shared/eval/newsmtsc-train
	$(BIN)/python benchmarks/loaded_babe.py ../shared/eval/babe-dev/babe_dev.csv
	$(BIN)/python benchmarks/throughput.py ../shared/eval/allsides-articles

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
