#!/usr/bin/env bash
# Start, on this machine, what a deployment runs on several (docs/deploy.md): gunicorn with
# several workers, PostgreSQL, Redis for the cache and sessions, the task queue on Redis with
# separate rq workers, and the periodic jobs. JSON logs with request ids on the console.
#
#   make serve-prod                         PostgreSQL passage_prod on 127.0.0.1:5432, Redis db 2
#   make serve-prod PORT=8001 WEB_WORKERS=2 TASK_WORKERS=1
#   DATABASE_URL=postgres://... REDIS_URL=redis://... make serve-prod
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# say, fail, collect_static_once, use_demo_signing_key, require_free_port, wait_until_answering
. scripts/lib.sh
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
WEB_WORKERS="${WEB_WORKERS:-4}"
TASK_WORKERS="${TASK_WORKERS:-2}"

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/passage_prod}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/2}"
export TASK_BACKEND=rq
export LOG_FORMAT="${LOG_FORMAT:-json}"
export LOG_LEVEL="${LOG_LEVEL:-WARNING}"
# Its own secret key, static files, private files and signing key: never those of `make run`.
export PASSAGE_VAR_DIR="${PASSAGE_VAR_DIR:-$PWD/var/prod}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://$HOST:$PORT}"
mkdir -p "$PASSAGE_VAR_DIR"

say "Checking PostgreSQL and Redis"
$PY - <<'PYEOF' || fail "PostgreSQL or Redis is not reachable (see above)."
import os, sys
import dj_database_url, psycopg, redis
from psycopg import sql

db = dj_database_url.parse(os.environ["DATABASE_URL"])
if "postgresql" not in db["ENGINE"]:
    sys.exit(f"DATABASE_URL must name a PostgreSQL database (got {db['ENGINE']}).")
server = dict(host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"] or None,
              password=db["PASSWORD"] or None, connect_timeout=5)
try:
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
            print(f"  created the database {db['NAME']}", file=sys.stderr)
except psycopg.Error as error:
    sys.exit(f"PostgreSQL: {error}")
try:
    redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=2).ping()
except redis.RedisError as error:
    sys.exit(f"Redis: {error}")
PYEOF

collect_static_once "$PASSAGE_VAR_DIR"

say "Applying migrations and loading the demo (idempotent)"
$PY manage.py prepare >&2 || fail "preparing the database failed (see above)."

# Certificates are signed: without PASSAGE_SIGNING_KEY, a demo key made once into its var dir.
use_demo_signing_key "$PASSAGE_VAR_DIR"
require_free_port "$HOST" "$PORT" "make serve-prod PORT=8001"

pids=()
stop() {
  trap - INT TERM EXIT
  printf '\nStopping…\n' >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped. The data stays in PostgreSQL ($DATABASE_URL) and $PASSAGE_VAR_DIR." >&2
}
trap stop INT TERM EXIT

say "Starting $WEB_WORKERS web workers (gunicorn)"
# No access log: the site writes one JSON line per request (lms/logs.py), without addresses.
.venv/bin/gunicorn lms.wsgi:application --bind "$HOST:$PORT" --workers "$WEB_WORKERS" --threads 4 \
  --graceful-timeout 10 --log-level warning &
pids+=($!)

wait_until_answering "http://$HOST:$PORT/healthz" 100

say "Starting $TASK_WORKERS task workers (rqworker) and the periodic jobs"
for i in $(seq 1 "$TASK_WORKERS"); do
  # The first one also moves retried and deferred jobs back into the queue when they are due.
  scheduler=(); [ "$i" = 1 ] && scheduler=(--with-scheduler)
  # Its log lines name jobs by id only: arguments (an email task's address) stay out of the logs.
  $PY manage.py rqworker --worker-class lms.taskqueue.Worker --job-class django_tasks_rq.Job "${scheduler[@]}" default &
  pids+=($!)
done
# Overdue attempts, reminders, retention; and after a Redis outage: tasks kept in the database
# are handed to the queue, cache keys Redis missed are deleted.
$PY manage.py run_periodic &
pids+=($!)

printf '\n  Passage (production topology) is running at  http://%s:%s/\n' "$HOST" "$PORT" >&2
printf '  Ready check: http://%s:%s/readyz    PostgreSQL: %s    Redis: %s\n\n' "$HOST" "$PORT" \
  "${DATABASE_URL%%\?*}" "$REDIS_URL" | sed -E 's#//([^:@/]+):[^@/]*@#//\1:***@#g' >&2
$PY manage.py demo_logins >&2 || true
printf '\n  Press Ctrl-C to stop.\n\n' >&2
wait -n "${pids[@]}" 2>/dev/null || true
