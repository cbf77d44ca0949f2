"""The production topology in tests: a Redis database of the tests' own, and one that is down.

The machine's Redis (6379) serves every checkout's tests: these use database 13 only and empty
it before and after each test that asks for it. A closed port (127.0.0.1:1) stands for a Redis
that cannot be reached: the connection is refused at once.
"""

import uuid

import pytest
import redis

REDIS_UP = "redis://127.0.0.1:6379/13"
REDIS_DOWN = "redis://127.0.0.1:1/0"


def rq_tasks(settings, url: str) -> None:
    """Point the task queue at ``url`` (TASK_BACKEND=rq, as in lms/settings.py)."""
    forget_outages()
    settings.TASKS = {
        "default": {
            "BACKEND": "lms.taskqueue.RQBackend",
            "QUEUES": ["default"],
            "OPTIONS": {"retries": 3, "retry_intervals": [10, 60, 300], "outbox": "outbox"},
        },
        "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    settings.RQ_QUEUES = {"default": {"URL": f"{url}?socket_connect_timeout=0.5&socket_timeout=1"}}


def redis_cache(settings, url: str, *, prefix: str | None = None) -> None:
    """Put the default cache and the sessions on Redis at ``url`` (REDIS_URL, as in settings)."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "lms.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix or f"test-{uuid.uuid4().hex[:8]}",
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    forget_outages()


def forget_outages() -> None:
    """Redis is believed up again (lms.cache remembers an outage per process for a few seconds)."""
    from lms import cache

    cache._health.clear()


def own_redis_database():
    """The tests' own Redis database, emptied; skips the test where Redis is absent."""
    client = redis.Redis.from_url(REDIS_UP)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    client.flushdb()
    return client
