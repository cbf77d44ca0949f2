#!/usr/bin/env bash
# Start Passage in the embedded mode: migrate, load the demo, serve, run the task worker.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# say, fail, collect_static_once, use_demo_signing_key, require_free_port, wait_until_answering
. scripts/lib.sh
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# Links in emails and the certificates' QR codes point here: where this run serves, unless the
# public address is set (a proxy, a domain). Exported before the demo is made and the worker starts.
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://$HOST:$PORT}"

collect_static_once var

say "Preparing the database and the demo data"
$PY manage.py prepare || fail "preparing the database failed (see above). If var/passage.sqlite3 comes from another version of Passage, move it away and run make run again."

# Certificates are signed: without PASSAGE_SIGNING_KEY, a demo key made once into var/signing/.
use_demo_signing_key "$PWD/var"
require_free_port "$HOST" "$PORT" "make run PORT=8001"

pids=()
stop() {
  trap - INT TERM EXIT
  printf '\nStopping…\n'
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped. Your data is kept in var/."
}
trap stop INT TERM EXIT

# Work the demo left queued (search index, the demo colleagues' certificates and their emails)
# is done before the site opens, so the demo shows finished certificates and the console stays
# readable. Later runs skip this step: the worker started below takes whatever is queued.
if [ ! -f var/.demo-work-done ]; then
  say "Finishing the demo's queued work (certificates, search index)"
  $PY manage.py db_worker --queue-name '*' --batch --no-startup-delay -v0 >> var/worker.log 2>&1 \
    || echo "  some queued tasks failed: see var/worker.log (the site still starts)"
  touch var/.demo-work-done
fi

say "Starting the web server"
.venv/bin/gunicorn lms.wsgi:application --bind "$HOST:$PORT" --workers "${WEB_WORKERS:-2}" --threads 4 \
  --access-logfile - --access-logformat '%(t)s %(m)s %(U)s %(s)s %(M)sms' --log-level warning &
pids+=($!)

wait_until_answering "http://$HOST:$PORT/healthz" 50

# Started once the web server answers: on two cores, four processes importing Django at once
# made the site answer seconds later.
say "Starting the task worker"
$PY manage.py db_worker --queue-name '*' --interval 1 -v0 &
pids+=($!)
$PY manage.py run_periodic &
pids+=($!)
printf '\n  Passage is running at  http://%s:%s/\n\n' "$HOST" "$PORT"
$PY manage.py demo_logins || true
cat <<MSG

  Emails (invitations, password resets, address checks) are printed in this terminal.
  Press Ctrl-C to stop.

MSG
wait -n "${pids[@]}" 2>/dev/null || true
