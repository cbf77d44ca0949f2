# Passage: `make run` starts everything, `make test` runs every test. See README.md.
.PHONY: run serve-prod test test-fast bench bench-ci load faults lint messages clean

PYTEST_ARGS ?=

run:
	@scripts/bootstrap.sh run
	@scripts/run.sh

# What a deployment runs on several machines, here on one: PostgreSQL, Redis, gunicorn workers,
# rq workers (docs/deploy.md). DATABASE_URL, REDIS_URL, PORT, WEB_WORKERS, TASK_WORKERS override.
serve-prod:
	@scripts/bootstrap.sh run
	@scripts/serve-prod.sh

test:
	@scripts/bootstrap.sh test
	@.venv/bin/python -m pytest $(PYTEST_ARGS)

test-fast:
	@scripts/bootstrap.sh test
	@.venv/bin/python -m pytest -m "not e2e" $(PYTEST_ARGS)

bench:
	@scripts/bootstrap.sh test
	@.venv/bin/python -m bench
	@.venv/bin/python -m bench.national
	@.venv/bin/python -m bench.workshops

bench-ci:
	@scripts/bootstrap.sh test
	@.venv/bin/python -m bench --short

# Load and fault drills on PostgreSQL and Redis (see bench/load/). LOAD_SCALE=smoke / FAULTS_SCALE=smoke
# run in about a minute each (CI); the full scale is the issue's workshop of 500 trainees.
LOAD_SCALE ?= full
FAULTS_SCALE ?= full

load:
	@scripts/bootstrap.sh test
	@LOAD_SCALE=$(LOAD_SCALE) .venv/bin/python -m bench.load.run

faults:
	@scripts/bootstrap.sh test
	@FAULTS_SCALE=$(FAULTS_SCALE) .venv/bin/python -m bench.load.faults

lint:
	@scripts/bootstrap.sh test
	@.venv/bin/ruff check .

messages:
	@.venv/bin/python manage.py makemessages -l fr -l ar -l ru -l es --ignore='.venv/*' --ignore='var/*'
	@.venv/bin/python manage.py compilemessages --ignore='.venv/*'

clean:
	rm -rf var/static var/.static-*
