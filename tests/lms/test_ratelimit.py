"""One limit for all processes: the shared limiter counts across web workers, on disk and in Redis."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.core import checks

from lms import ratelimit

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/0"
LIMIT = 50
HITS_PER_PROCESS = 60  # > LIMIT: two processes counting alone would allow 2 × LIMIT

# One web worker: waits until its sibling is ready too, then counts HITS_PER_PROCESS requests for
# one API token from four threads at once, in a window both share; prints how many were allowed.
WORKER = """
import sys, threading, time
from pathlib import Path
from types import SimpleNamespace

import django
django.setup()
import django_ratelimit.core
from django.http import HttpRequest
from lms import ratelimit

name, sibling, window_time, hits, limit = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
django_ratelimit.core.time = SimpleNamespace(time=lambda: window_time)
Path(name).touch()
deadline = time.monotonic() + 60
while not Path(sibling).exists():
    if time.monotonic() > deadline:
        sys.exit("the other process never started")
    time.sleep(0.01)

allowed = []
def count(times):
    for _ in range(times):
        usage = ratelimit.hit(
            HttpRequest(), group="records.api", limit=limit, seconds=3600, key=lambda group, request: "token-7"
        )
        allowed.append(usage.allowed)

threads = [threading.Thread(target=count, args=(hits // 4,)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sum(allowed), len(allowed))
"""


def run_two_workers(tmp_path, env_extra) -> list[tuple[int, int]]:
    """Start two worker processes on the same store; each one's (allowed, counted)."""
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="ratelimit_test_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
        PASSAGE_VAR_DIR=str(tmp_path / "var"),
        **env_extra,
    )
    window = str(time.time())
    marks = [str(tmp_path / "ready-a"), str(tmp_path / "ready-b")]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, mine, other, window, str(HITS_PER_PROCESS), str(LIMIT)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for mine, other in (marks, marks[::-1])
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        allowed, counted = out.split()
        results.append((int(allowed), int(counted)))
    return results


def write_settings(tmp_path, extra: str = "") -> None:
    (tmp_path / "ratelimit_test_settings.py").write_text("from lms.settings import *  # noqa\n" + extra)


def test_two_processes_share_one_count_on_disk(tmp_path):
    write_settings(tmp_path)
    results = run_two_workers(tmp_path, {})
    assert [counted for _allowed, counted in results] == [HITS_PER_PROCESS, HITS_PER_PROCESS]
    assert sum(allowed for allowed, _counted in results) == LIMIT
    assert (tmp_path / "var" / "ratelimit").is_dir()


def test_two_processes_share_one_count_in_redis(tmp_path):
    prefix = f"passage-test-ratelimit-{uuid.uuid4().hex}"
    write_settings(tmp_path, f'CACHES["ratelimit"]["KEY_PREFIX"] = "{prefix}"\n')
    client = redis.Redis.from_url(REDIS_URL)
    try:
        results = run_two_workers(tmp_path, {"REDIS_URL": REDIS_URL})
        assert [counted for _allowed, counted in results] == [HITS_PER_PROCESS, HITS_PER_PROCESS]
        assert sum(allowed for allowed, _counted in results) == LIMIT
        (key,) = client.keys(f"{prefix}:*")
        assert int(client.get(key)) == 2 * HITS_PER_PROCESS
        assert 0 < client.ttl(key) <= 3600 + 5
    finally:
        stale = client.keys(f"{prefix}:*")
        if stale:
            client.delete(*stale)


@pytest.mark.parametrize("redis_url", ["", REDIS_URL])
def test_the_limiter_store_passes_django_ratelimits_checks(tmp_path, redis_url):
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(PASSAGE_VAR_DIR=str(tmp_path), REDIS_URL=redis_url)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "django_ratelimit" not in result.stdout + result.stderr


def test_a_non_atomic_store_is_refused(settings):
    from django_ratelimit.checks import check_caches

    settings.CACHES = {**settings.CACHES, "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "django_ratelimit.E003" in {message.id for message in check_caches(None) if message.level >= checks.ERROR}


@pytest.fixture
def unreachable_store(settings):
    """The limiter's store is a Redis that does not answer (stopped, or the network is down)."""
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }


def test_an_unreachable_store_refuses_cleanly_instead_of_failing(unreachable_store, rf):
    # Redis stopped: the limit is not lifted, and the caller gets a refusal it can explain.
    request = rf.get("/verify/", REMOTE_ADDR="192.0.2.7")

    usage = ratelimit.hit(request, group="test-unreachable", limit=5, seconds=60)

    assert usage.allowed is False and usage.retry_after == 60


@pytest.mark.django_db
def test_the_verify_page_says_try_again_when_the_store_is_unreachable(unreachable_store, client):
    response = client.post("/verify/", {"serial": "PSG-2026-000001", "family_name": "Diallo"})
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.5", "198.51.100.1", "203.0.113.5"),  # not a proxy: the header is ignored
        ("10.0.0.2", "198.51.100.1", "198.51.100.1"),
        ("10.0.0.2", "198.51.100.1, 10.0.0.9", "198.51.100.1"),  # two proxies
        ("10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # the client's own entry is not believed
        ("10.0.0.2", "198.51.100.1, not-an-address", "10.0.0.2"),  # garbage: stays at the proxy
        ("10.0.0.2", "", "10.0.0.2"),
        ("10.0.0.2", "10.0.0.3", "10.0.0.3"),  # only proxies: the left-most one
        ("10.0.0.2", " 2001:db8::1 ", "2001:db8::1"),
        ("", "198.51.100.1", "0.0.0.0"),  # noqa: S104 (an address, not a binding)
        ("10.0.0.2", ",".join(["198.51.100.1"] + ["10.0.0.5"] * 50), "10.0.0.5"),  # too many hops: not followed
    ],
)
def test_the_client_address_behind_trusted_proxies(rf, settings, remote, forwarded, expected):
    import ipaddress

    from lms.ratelimit import remote_address

    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert remote_address(request) == expected


def test_without_trusted_proxies_the_forwarded_header_is_never_read(rf, settings):
    from lms.ratelimit import remote_address

    settings.TRUSTED_PROXIES = ()
    assert remote_address(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")) == "10.0.0.2"


def test_a_bad_trusted_proxies_setting_is_named_at_start():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='lms.settings'; django.setup()"],
        env={**__import__("os").environ, "TRUSTED_PROXIES": "10.0.0.0/8, proxy.example"}, capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stderr and "proxy.example" in result.stderr
