"""/healthz says the process is up; /readyz says whether the database, cache and queue answer."""

import json

import pytest
from django.db import OperationalError, connection

from tests.topology import REDIS_DOWN, REDIS_UP, redis_cache, rq_tasks

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_a_session_or_a_language_prefix(client):
    response = client.get("/healthz")

    assert response.status_code == 200 and response.content == b"ok"
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ready_on_the_embedded_setup(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "queue": "ok"}
    assert not response.cookies


def test_readyz_is_ready_with_redis_cache_and_queue(settings, client, own_redis):
    redis_cache(settings, REDIS_UP)
    rq_tasks(settings, REDIS_UP)

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "queue": "ok"}


def test_readyz_names_an_unreachable_cache_without_saying_where_it_is(settings, client):
    redis_cache(settings, REDIS_DOWN)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable", "queue": "ok"}
    assert b"127.0.0.1" not in response.content and b"refused" not in response.content.lower()


def test_readyz_names_an_unreachable_queue(settings, client, own_redis):
    redis_cache(settings, REDIS_UP)
    rq_tasks(settings, REDIS_DOWN)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "ok", "queue": "unavailable"}


def test_readyz_names_an_unreachable_database(client, monkeypatch):
    def refuse():
        raise OperationalError('connection to server at "db.internal" failed: password authentication failed')

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/readyz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["database"] == "unavailable"
    assert b"db.internal" not in response.content and b"password" not in response.content


def test_probes_are_not_sent_to_https_in_production(tmp_path):
    """Behind TLS, the load balancer still probes over plain HTTP inside the private network."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    probe = (
        "from django.test import Client; c = Client();"
        "print(c.get('/healthz').status_code, c.get('/readyz').status_code, c.get('/en/').status_code)"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "TASK_BACKEND"}}
    env.update(
        PASSAGE_PRODUCTION="1",
        SECRET_KEY="a-production-secret-that-is-long-enough-and-random-0123456789abcdefghijkl",
        PASSAGE_VAR_DIR=str(tmp_path),
        TASK_BACKEND="immediate",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.stdout.split()[-3:] == ["200", "200", "301"], result.stdout + result.stderr
