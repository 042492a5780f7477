# Two entry points: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate seed lint check messages openapi clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	@pkg-config --exists icu-i18n 2>/dev/null || { \
	  echo "ICU was not found (pkg-config icu-i18n): PyICU, which cuts Khmer into words for search, builds against it." >&2; \
	  echo "  Debian/Ubuntu: sudo apt install libicu-dev pkg-config" >&2; \
	  echo "  macOS: brew install icu4c pkg-config; export PKG_CONFIG_PATH=\"\$$(brew --prefix icu4c)/lib/pkgconfig\"" >&2; \
	  exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(BIN)/python manage.py compile_translations

migrate: messages
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo

run: seed
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# The committed OpenAPI document (docs/openapi.json): regenerate it after a deliberate API change;
# tests/portal/test_openapi_snapshot.py fails while the served one differs.
openapi: messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py export_openapi_schema \
	  --api portal.api.api --output docs/openapi.json --indent 2 --sorted

# One test process per core (pytest-xdist, each on its own copy of the test database);
# TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= auto
test: lint check
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) media db.sqlite3 staticfiles
