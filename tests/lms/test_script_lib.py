"""scripts/lib.sh: what `make run` and `make serve-prod` share (the port check, the demo signing
key, collecting static files once), and serve-prod.sh running with it."""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")

# Stands in for .venv/bin/python: notes each command (with the public address it was given) and
# succeeds, or fails for the command named in FAKE_FAILS. It makes no file.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "$* | ${PUBLIC_BASE_URL:-unset}" >> "$(dirname "$0")/../../calls.log"
[ -n "${FAKE_FAILS:-}" ] && [ "$2" = "$FAKE_FAILS" ] && exit 1
exit 0
"""


def project(tmp_path: Path, *scripts: str) -> Path:
    """A copy of scripts/lib.sh (and ``scripts``) in ``tmp_path`` with the fake Python."""
    (tmp_path / "scripts").mkdir()
    for script in ("lib.sh", *scripts):
        shutil.copy(ROOT / "scripts" / script, tmp_path / "scripts" / script)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return tmp_path


def environment(**extra) -> dict:
    skipped = {
        "HOST",
        "PORT",
        "PUBLIC_BASE_URL",
        "DATABASE_URL",
        "REDIS_URL",
        "PASSAGE_VAR_DIR",
        "FAKE_FAILS",
    }
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in skipped and not key.startswith("PASSAGE_SIGNING")
    }
    env.update(extra)
    return env


def with_lib(
    tmp_path: Path, commands: str, *, python: str = ".venv/bin/python", **env
) -> subprocess.CompletedProcess:
    """Run ``commands`` in bash after sourcing lib.sh, as run.sh and serve-prod.sh do."""
    script = f"set -euo pipefail\nPY={python}\n. scripts/lib.sh\n{commands}\n"
    return subprocess.run(  # noqa: S603 - bash with our own script
        [BASH, "-c", script],
        cwd=tmp_path,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return [line.split(" | ")[0] for line in log.read_text().splitlines()] if log.exists() else []


def test_a_taken_port_stops_the_script_with_a_hint(tmp_path):
    project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = with_lib(
            tmp_path,
            f'require_free_port 127.0.0.1 {port} "make run PORT=8001"\necho went on',
            python=sys.executable,
        )
    assert result.returncode == 1
    assert f"Port {port} is taken. Stop what uses it, or run: make run PORT=8001" in result.stderr
    assert "went on" not in result.stdout


def test_a_free_port_lets_the_script_go_on(tmp_path):
    project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = with_lib(
        tmp_path,
        f'require_free_port 127.0.0.1 {port} "make run PORT=8001"\necho went on',
        python=sys.executable,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "went on"


def test_a_port_that_is_no_port_number_is_refused_clearly(tmp_path):
    project(tmp_path)
    for port in ("eighty", "0", "70000", "-1", "80 81", ""):
        result = with_lib(
            tmp_path,
            f'require_free_port 127.0.0.1 "{port}" "make run PORT=8001"',
            python=sys.executable,
        )
        assert result.returncode == 1
        assert f"PORT must be a number from 1 to 65535 (got '{port}')" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_missing_demo_key_is_made_and_exported(tmp_path):
    project(tmp_path)
    result = with_lib(
        tmp_path,
        'use_demo_signing_key "$PWD/var"\necho "$PASSAGE_SIGNING_KEY $PASSAGE_SIGNING_CERT"',
    )
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == ["manage.py make_demo_signing_key --if-missing -v0"]
    var = tmp_path / "var"
    assert result.stdout.split() == [f"{var}/signing/demo-key.pem", f"{var}/signing/demo-cert.pem"]


def test_an_existing_demo_key_is_not_made_again(tmp_path):
    project(tmp_path)
    (tmp_path / "var" / "signing").mkdir(parents=True)
    for name in ("demo-key.pem", "demo-cert.pem"):
        (tmp_path / "var" / "signing" / name).write_text("made earlier")
    result = with_lib(tmp_path, 'use_demo_signing_key "$PWD/var"\necho "$PASSAGE_SIGNING_KEY"')
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == []
    assert result.stdout.strip().endswith("/var/signing/demo-key.pem")


def test_a_key_without_its_certificate_is_made_again(tmp_path):
    project(tmp_path)
    (tmp_path / "var" / "signing").mkdir(parents=True)
    (tmp_path / "var" / "signing" / "demo-key.pem").write_text("half made")
    assert with_lib(tmp_path, 'use_demo_signing_key "$PWD/var"').returncode == 0
    assert calls(tmp_path) == ["manage.py make_demo_signing_key --if-missing -v0"]


def test_a_configured_signing_key_is_kept(tmp_path):
    project(tmp_path)
    result = with_lib(
        tmp_path,
        'use_demo_signing_key "$PWD/var"\necho "$PASSAGE_SIGNING_KEY $PASSAGE_SIGNING_CERT"',
        PASSAGE_SIGNING_KEY="/srv/keys/key.pem",
        PASSAGE_SIGNING_CERT="/srv/keys/cert.pem",
    )
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == []
    assert result.stdout.strip() == "/srv/keys/key.pem /srv/keys/cert.pem"


def test_a_failed_demo_key_stops_the_script_with_a_message(tmp_path):
    project(tmp_path)
    result = with_lib(
        tmp_path,
        'use_demo_signing_key "$PWD/var"\necho went on',
        FAKE_FAILS="make_demo_signing_key",
    )
    assert result.returncode == 1
    assert "making the demo signing key failed" in result.stderr
    assert "went on" not in result.stdout


def test_static_files_are_collected_again_only_after_a_change(tmp_path):
    project(tmp_path)
    (tmp_path / "requirements.lock").write_text("django==5.2\n")
    os.utime(tmp_path / "requirements.lock", (1_000_000, 1_000_000))
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "site.css").write_text("body {}")
    (tmp_path / "var").mkdir()
    for _ in range(2):
        assert with_lib(tmp_path, "collect_static_once var").returncode == 0
    assert calls(tmp_path) == ["manage.py collectstatic --no-input -v0"]
    os.utime(tmp_path / "static" / "site.css", (2_000_000_000, 2_000_000_000))
    assert with_lib(tmp_path, "collect_static_once var").returncode == 0
    assert calls(tmp_path) == ["manage.py collectstatic --no-input -v0"] * 2
    assert len(list((tmp_path / "var").glob(".static-*"))) == 1


def test_serve_prod_runs_with_the_shared_library(tmp_path):
    """Copied with lib.sh alone, serve-prod.sh checks the services, collects the static files into
    its own var dir and stops, with its message, where preparing the database fails."""
    project(tmp_path, "serve-prod.sh")
    (tmp_path / "requirements.lock").write_text("")
    result = subprocess.run(  # noqa: S603
        [BASH, "scripts/serve-prod.sh"],
        cwd=tmp_path,
        env=environment(PORT="8310", FAKE_FAILS="prepare"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "preparing the database failed" in result.stderr
    assert (tmp_path / "calls.log").read_text().splitlines() == [
        "- | http://127.0.0.1:8310",
        "manage.py collectstatic --no-input -v0 | http://127.0.0.1:8310",
        "manage.py prepare | http://127.0.0.1:8310",
    ]
    assert list((tmp_path / "var" / "prod").glob(".static-*"))
