"""Redis unreachable: pages are served, sessions come from the database, nothing stale returns."""

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from lms.cache import purge_stale_cache_keys
from lms.models import StaleCacheKey
from tests.factories import UserFactory
from tests.topology import REDIS_DOWN, REDIS_UP, redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(monkeypatch):
    """Redis stops answering this process (same address, same keys) until the test lifts it."""

    class Outage:
        def begin(self):
            def refuse(*args, **kwargs):
                raise RedisConnectionError("Connection refused")

            monkeypatch.setattr(RedisCacheClient, "get_client", refuse)

        def end(self, health_after=0.0):
            monkeypatch.undo()
            from lms import cache as module

            for health in module._health.values():  # the few seconds without retrying are over
                health.down_until = health_after

    return Outage()


def test_signed_in_pages_are_served_with_redis_unreachable(settings, client):
    redis_cache(settings, REDIS_DOWN)
    trainee = UserFactory()

    client.force_login(trainee)  # the session is written to the database; Redis refuses
    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert response.context["user"] == trainee


def test_the_cache_answers_misses_while_redis_is_unreachable(settings):
    redis_cache(settings, REDIS_DOWN)

    cache.set("lesson", "body")
    assert cache.get("lesson") is None
    assert cache.get_or_set("outline", lambda: "computed") == "computed"
    assert cache.add("lock", 1) is False
    assert cache.get_many(["a", "b"]) == {}


def test_a_session_changed_during_the_outage_is_read_back_after_it(settings, own_redis, outage):
    redis_cache(settings, REDIS_UP)
    session = SessionStore()
    session["language"] = "fr"
    session.create()
    key = session.session_key

    outage.begin()
    during = SessionStore(key)
    assert during["language"] == "fr"  # from the database
    during["language"] = "ar"
    during.save()
    outage.end()

    assert SessionStore(key)["language"] == "ar"  # Redis's older copy was deleted first
    assert not StaleCacheKey.objects.exists()


def test_a_session_signed_out_during_the_outage_stays_signed_out(settings, own_redis, outage, client):
    redis_cache(settings, REDIS_UP)
    client.force_login(UserFactory())
    old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(reverse("dashboard")).status_code == 200

    outage.begin()
    client.post(reverse("account_logout"))
    outage.end()

    client.cookies[settings.SESSION_COOKIE_NAME] = old_cookie  # someone replays the old cookie
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_another_process_reads_no_stale_value_once_the_periodic_job_ran(settings, own_redis, outage):
    """A process that never saw the outage keeps reading Redis: run_periodic purges for it (every 5 s)."""
    from lms import cache as module

    redis_cache(settings, REDIS_UP)
    cache.set("outline", "before")
    outage.begin()
    cache.set("outline", "during")  # missed by Redis, noted in the database
    outage.end()
    for health in module._health.values():
        health.purge_due = False  # as in a process that saw nothing
    assert cache.get("outline") == "before"  # the window the periodic job closes

    purge_stale_cache_keys()

    assert cache.get("outline") is None
    assert not StaleCacheKey.objects.exists()


def test_clearing_the_cache_keeps_the_task_queue(settings, own_redis):
    redis_cache(settings, REDIS_UP, prefix="passage")
    own_redis.rpush("rq:queue:default", "job-1")
    cache.set("outline", "x")

    cache.clear()

    assert cache.get("outline") is None
    assert own_redis.llen("rq:queue:default") == 1
