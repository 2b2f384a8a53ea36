# investportal: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
ARGS ?=

.PHONY: run test lint format migrations-check serve demo messages clean help

help:
	@echo "make run               the portal with demo data on http://$(HOST):$(PORT)"
	@echo "make test              the whole test suite (ARGS=... passes to pytest)"
	@echo "make lint / format     ruff"
	@echo "make migrations-check  fail when models changed without a migration"
	@echo "make serve             gunicorn with production settings"

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
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(BIN)/.installed-dev
	$(BIN)/pytest $(ARGS)

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
