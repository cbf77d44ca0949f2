"""Test-wide settings: immediate tasks, fast password hashing, plain static storage, files in tmp_path."""

import os
import time
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.core.cache import cache
from django.utils import translation

# Browser tests drive a live server from the test process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "lms.storage.PrivateFileSystemStorage", "OPTIONS": {"location": tmp_path / "private"}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PUBLIC_BASE_URL = "https://passage.test"
    # Rate-limit counts in a store of this test's own: none leaks into the next test, and none
    # is written under var/. (The same diskcache backend as the embedded mode.)
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "diskcache.DjangoCache", "LOCATION": str(tmp_path / "ratelimit")},
    }
    # One rate-limit window for the whole test, so that a count never restarts half-way
    # through (django-ratelimit reads the clock only to pick the window).
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
    # Each test starts with empty caches (routing, branding) and in English,
    # whatever language an earlier request activated.
    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def own_redis():
    """Database 13 of the machine's Redis, emptied before and after (tests/topology.py)."""
    from tests.topology import forget_outages, own_redis_database

    client = own_redis_database()
    yield client
    client.flushdb()
    forget_outages()


def pytest_collection_modifyitems(items):
    """Browser journeys run last: their transactional database flush must not precede other tests."""
    browser = [item for item in items if "/e2e/" in str(item.fspath)]
    for item in browser:
        item.add_marker(pytest.mark.e2e)
    items[:] = [item for item in items if item not in browser] + browser
