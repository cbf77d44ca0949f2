"""`make run` tells the site where it serves, so links and QR codes of the demo lead somewhere."""

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Stands in for .venv/bin/python: notes each command with the address it was given, and stops
# the script at "prepare" (the step that makes the demo certificates and their QR codes).
FAKE_PYTHON = """#!/usr/bin/env bash
echo "$* | ${PUBLIC_BASE_URL:-unset}" >> "$(dirname "$0")/../../calls.log"
[ "$2" = prepare ] && exit 1
exit 0
"""


def run_script(tmp_path, **env_extra) -> list[str]:
    """Run scripts/run.sh in a copy of the project whose Python is the fake; the calls it made."""
    (tmp_path / "scripts").mkdir()
    for script in ("run.sh", "lib.sh"):  # run.sh sources lib.sh
        shutil.copy(ROOT / "scripts" / script, tmp_path / "scripts" / script)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    (tmp_path / "requirements.lock").write_text("")
    (tmp_path / "var").mkdir()
    env = {key: value for key, value in os.environ.items() if key not in {"HOST", "PORT", "PUBLIC_BASE_URL"}}
    env.update(env_extra)
    result = subprocess.run([shutil.which("bash"), "scripts/run.sh"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "preparing the database failed" in result.stderr
    return (tmp_path / "calls.log").read_text().splitlines()


def test_the_public_address_is_where_make_run_serves(tmp_path):
    calls = run_script(tmp_path, HOST="127.0.0.1", PORT="8300")
    assert calls == [
        "manage.py collectstatic --no-input -v0 | http://127.0.0.1:8300",
        "manage.py prepare | http://127.0.0.1:8300",
    ]


def test_the_default_address_follows_the_default_port(tmp_path):
    assert run_script(tmp_path)[-1] == "manage.py prepare | http://127.0.0.1:8000"


def test_a_public_address_already_set_is_kept(tmp_path):
    calls = run_script(tmp_path, PORT="8300", PUBLIC_BASE_URL="https://training.example.org")
    assert calls[-1] == "manage.py prepare | https://training.example.org"
