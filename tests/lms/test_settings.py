"""Production settings pass Django's deployment checks; the embedded mode needs no setup."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_extra):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "PASSAGE_PRODUCTION": "1",
            "SECRET_KEY": "a-production-secret-that-is-long-enough-and-random-0123456789abcdefghijkl",
            "ALLOWED_HOSTS": "passage.example.org",
            "PASSAGE_VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", env_extra={"PASSAGE_PRODUCTION": "1", "PASSAGE_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY must come from the environment" in result.stderr


def test_embedded_mode_generates_and_keeps_a_secret_key(tmp_path):
    first = run_manage("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)", env_extra={"PASSAGE_VAR_DIR": str(tmp_path)})
    second = run_manage("shell", "-c", "from django.conf import settings; print(settings.SECRET_KEY, settings.DEBUG)", env_extra={"PASSAGE_VAR_DIR": str(tmp_path)})
    assert first.returncode == 0, first.stderr
    key, debug = first.stdout.split()[-2:]
    assert len(key) > 50 and debug == "False"
    assert first.stdout == second.stdout
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_an_empty_database_url_means_the_embedded_sqlite_file(tmp_path):
    # `.ci/run` runs the SQLite leg as `DATABASE_URL= make test`.
    result = run_manage(
        "shell", "-v", "0", "-c", "from django.db import connection; print(connection.vendor, connection.settings_dict['NAME'])",
        env_extra={"DATABASE_URL": "", "PASSAGE_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["sqlite", str(tmp_path / "passage.sqlite3")]
