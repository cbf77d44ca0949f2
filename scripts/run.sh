#!/usr/bin/env bash
# Start Passage in the embedded mode: migrate, load the demo, serve, run the task worker.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }
PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# Links in emails and the certificates' QR codes point here: where this run serves, unless the
# public address is set (a proxy, a domain). Exported before the demo is made and the worker starts.
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://$HOST:$PORT}"

static_stamp="var/.static-$(cat requirements.lock <(find static -type f -newer requirements.lock -printf '%p%T@\n' 2>/dev/null) | sha256sum | cut -c1-16)"
if [ ! -f "$static_stamp" ]; then
  say "Collecting static files"
  $PY manage.py collectstatic --no-input -v0 || fail "collectstatic failed."
  rm -f var/.static-*; touch "$static_stamp"
fi

say "Preparing the database and the demo data"
$PY manage.py prepare || fail "preparing the database failed (see above). If var/passage.sqlite3 comes from another version of Passage, move it away and run make run again."

# Certificates are signed (PAdES). Without a configured key, a self-signed demo key is made once
# into var/signing/: good for trying the feature, never for production (see README).
if [ -z "${PASSAGE_SIGNING_KEY:-}" ]; then
  if [ ! -f var/signing/demo-key.pem ] || [ ! -f var/signing/demo-cert.pem ]; then
    $PY manage.py make_demo_signing_key --if-missing -v0 || fail "making the demo signing key failed."
  fi
  export PASSAGE_SIGNING_KEY="$PWD/var/signing/demo-key.pem" PASSAGE_SIGNING_CERT="$PWD/var/signing/demo-cert.pem"
fi

if ! $PY - "$HOST" "$PORT" <<'PYEOF'
import socket, sys
s = socket.socket()
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(1)
PYEOF
then
  fail "Port $PORT is taken. Stop what uses it, or run: make run PORT=8001"
fi

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

for _ in $(seq 1 50); do
  if $PY -c "import urllib.request,sys; urllib.request.urlopen('http://$HOST:$PORT/healthz', timeout=1)" 2>/dev/null; then break; fi
  sleep 0.2
done

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
