# investportal: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
ARGS ?=
# Debian's Chromium: the browser tests and the audit use it, never a download.
CHROMIUM ?= /usr/bin/chromium
AUDIT_DIR ?= audit-report
AUDIT_ARGS ?=

.PHONY: run test lint format migrations-check serve demo messages clean help audit

help:
	@echo "make run               the portal with demo data on http://$(HOST):$(PORT)"
	@echo "make test              the whole test suite (ARGS=... passes to pytest)"
	@echo "make lint              ruff, and lint-imports for the floors"
	@echo "make format            ruff fixes and formatting"
	@echo "make migrations-check  fail when models changed without a migration"
	@echo "make serve             gunicorn with production settings"
	@echo "make audit             axe, HTML validation and Lighthouse over the demo site"

# The virtual environment is rebuilt when a requirements file changes.
$(BIN)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: $(BIN)/.installed
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py ensure_dev_superuser
	DEBUG=1 $(PY) manage.py remind_inquiries
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(BIN)/.installed-dev
	@test -x $(CHROMIUM) || echo "NOTE: $(CHROMIUM) is missing, so the browser tests (tests/browser) are SKIPPED. Install it: apt-get install chromium"
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/pytest $(ARGS)
	@test -x $(CHROMIUM) || echo "NOTE: the browser tests were SKIPPED: $(CHROMIUM) is missing."

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# The floors: no app imports one above it (pyproject.toml, [tool.importlinter]).
	$(BIN)/lint-imports

format: $(BIN)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(BIN)/.installed
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

# Production-like: DEBUG off, hashed static files, gunicorn. Set SECRET_KEY etc.
# yourself for a real deployment; these defaults only make it start locally.
serve: $(BIN)/.installed
	@test -n "$$SECRET_KEY" || echo "SECRET_KEY is not set: a random one is used for this run."
	$(eval export SECRET_KEY := $(or $(SECRET_KEY),$(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')))
	DEBUG=0 $(PY) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-0} \
	  CSRF_COOKIE_SECURE=$${CSRF_COOKIE_SECURE:-0} SERVE_MEDIA=$${SERVE_MEDIA:-1} \
	  $(BIN)/gunicorn investportal.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

# The audit's Node tools (axe-core, vnu-jar, Lighthouse), reinstalled when
# the lock file changes.
audit/node_modules/.installed: audit/package-lock.json
	npm ci --prefix audit --no-audit --no-fund --loglevel=error
	@touch $@

# Serves the demo data under gunicorn with production settings and audits
# the listed pages in both languages; fails when a target is missed.
# Its own SQLite file and media folder, so db.sqlite3 is left alone.
audit: $(BIN)/.installed-dev audit/node_modules/.installed
	@test -x $(CHROMIUM) || { echo "$(CHROMIUM) is missing: apt-get install chromium"; exit 1; }
	@# A fresh demo each time: the database and its pictures belong together.
	rm -rf $(AUDIT_DIR)/demo.sqlite3 $(AUDIT_DIR)/media
	@mkdir -p $(AUDIT_DIR)
	DEBUG=1 DATABASE_URL=sqlite:///$(CURDIR)/$(AUDIT_DIR)/demo.sqlite3 MEDIA_ROOT=$(CURDIR)/$(AUDIT_DIR)/media \
	  $(PY) manage.py migrate --noinput --verbosity 0
	DEBUG=1 DATABASE_URL=sqlite:///$(CURDIR)/$(AUDIT_DIR)/demo.sqlite3 MEDIA_ROOT=$(CURDIR)/$(AUDIT_DIR)/media \
	  $(PY) manage.py load_demo --verbosity 0
	CHROME_PATH=$(CHROMIUM) $(PY) audit/run.py --database $(CURDIR)/$(AUDIT_DIR)/demo.sqlite3 \
	  --media $(CURDIR)/$(AUDIT_DIR)/media --out $(CURDIR)/$(AUDIT_DIR) $(AUDIT_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
