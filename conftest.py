"""Test-wide settings: immediate tasks, fast password hashing, plain static storage."""

import os

import pytest
from django.core.cache import cache
from django.utils import translation

# Browser tests drive a live server from the test process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PUBLIC_BASE_URL = "https://passage.test"
    # The shared rate-limit store (sign-in lockout...) is a fresh directory per test.
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "diskcache.DjangoCache", "LOCATION": str(tmp_path / "ratelimit")},
    }
    # Each test starts with empty caches (routing, branding) and in English,
    # whatever language an earlier request activated.
    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()


def pytest_collection_modifyitems(items):
    """Browser journeys run last: their transactional database flush must not precede other tests."""
    browser = [item for item in items if "/e2e/" in str(item.fspath)]
    for item in browser:
        item.add_marker(pytest.mark.e2e)
    items[:] = [item for item in items if item not in browser] + browser
