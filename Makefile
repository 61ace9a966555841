# YJS Insight. `make run` serves the app on the embedded data; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     := $(or $(YJS_DB),data/yjs.duckdb)
PORT   ?= 8501

.PHONY: run serve-replicas test lint format build clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@ $(VENV)/.run-installed

# Built only when missing: a rebuild would replace data a user has imported.
$(DB): | $(VENV)/.run-installed
	$(BIN)/python -m yjs build --db $(DB)

# Plain `streamlit run app.py`, as Streamlit Community Cloud and most deployment guides run it.
run: $(VENV)/.run-installed | $(DB)
	YJS_DB=$(DB) $(BIN)/python -m streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT)

# N plain `streamlit run app.py` processes on loopback, each opening the database read-only, behind nginx
# (deploy/nginx.conf: sticky sessions, websockets) on PORT. Needs Debian's nginx.
N ?= 2
serve-replicas: $(VENV)/.run-installed | $(DB)
	$(BIN)/python -m yjs serve-replicas --db $(DB) --replicas $(N) --port $(PORT)

build: $(VENV)/.run-installed
	$(BIN)/python -m yjs build --db $(DB)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/browser/screenshots
