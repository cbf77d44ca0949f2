# What scripts/run.sh (make run) and scripts/serve-prod.sh (make serve-prod) both do. Sourced,
# not run: the caller has cd'ed to the project's root and set PY to the project's Python.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

# Collects static files into VAR_DIR/static when the lock file or a static file changed since the
# last time (a stamp file in VAR_DIR remembers). Usage: collect_static_once VAR_DIR
collect_static_once() {
  local stamp
  stamp="$1/.static-$(cat requirements.lock <(find static -type f -newer requirements.lock -printf '%p%T@\n' 2>/dev/null) | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "Collecting static files"
    $PY manage.py collectstatic --no-input -v0 || fail "collectstatic failed."
    rm -f "$1"/.static-*
    touch "$stamp"
  fi
}

# Certificates are signed (PAdES). Without a configured key (PASSAGE_SIGNING_KEY), a self-signed
# demo key is made once into VAR_DIR/signing/ and exported: good for trying the feature, never for
# production (see README). VAR_DIR must be the settings' var dir (PASSAGE_VAR_DIR, else var/),
# where make_demo_signing_key writes. Usage: use_demo_signing_key VAR_DIR
use_demo_signing_key() {
  if [ -n "${PASSAGE_SIGNING_KEY:-}" ]; then
    return 0
  fi
  if [ ! -f "$1/signing/demo-key.pem" ] || [ ! -f "$1/signing/demo-cert.pem" ]; then
    $PY manage.py make_demo_signing_key --if-missing -v0 || fail "making the demo signing key failed."
  fi
  export PASSAGE_SIGNING_KEY="$1/signing/demo-key.pem" PASSAGE_SIGNING_CERT="$1/signing/demo-cert.pem"
}

# Stops with a hint when HOST:PORT cannot be bound (an earlier run, another program).
# Usage: require_free_port HOST PORT HINT
require_free_port() {
  if ! [[ "$2" =~ ^[0-9]{1,5}$ ]] || [ "$2" -lt 1 ] || [ "$2" -gt 65535 ]; then
    fail "PORT must be a number from 1 to 65535 (got '$2')."
  fi
  if ! $PY - "$1" "$2" <<'PYEOF'
import socket, sys
s = socket.socket()
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(1)
PYEOF
  then
    fail "Port $2 is taken. Stop what uses it, or run: $3"
  fi
}

# Waits until URL answers (at most TRIES x 0.2 s), then returns either way: the caller goes on.
# Usage: wait_until_answering URL TRIES
wait_until_answering() {
  local _
  for _ in $(seq 1 "$2"); do
    if $PY -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$1" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
}
