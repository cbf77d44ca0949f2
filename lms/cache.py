"""The shared cache on Redis, which the site survives losing.

``ResilientRedisCache`` is Django's RedisCache with short socket timeouts. When Redis cannot be
reached a read misses (the caller computes the value, sessions read their database copy) and a
write does nothing; for a few seconds this process then does not try Redis at all, so pages do
not each wait for a timeout.

A write that could not reach Redis leaves whatever Redis held before under that key: a session
changed or signed out during the outage would come back from Redis afterwards. So the key is
noted in the database (``StaleCacheKey``), and deleted from Redis before this process reads it
again, or by the periodic job (``manage.py run_periodic``) within seconds for other processes.

This module imports redis: settings name it only when REDIS_URL is set.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("passage.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# Seconds this process leaves Redis alone after it failed to answer.
RETRY_AFTER = 3.0
# Keys deleted per round of purging.
PURGE_BATCH = 1000


@dataclass
class _Health:
    down_until: float = 0.0
    # A new process first deletes what others noted (one query), as after an outage.
    purge_due: bool = True


# One record per Redis location, shared by the threads of a process (each thread has its own
# cache object, as Django's cache handler gives one per thread).
_health: dict[str, _Health] = {}
_health_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """Redis as the cache; a miss and a noted key when Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # Redis answers in well under a millisecond here: half a second means it is not coming.
        self._options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, **self._options}
        location = ",".join(self._servers)
        with _health_lock:
            self._health = _health.setdefault(location, _Health())

    # --- the guard ---------------------------------------------------------------------------

    def _guarded(self, call, *, default=None, writes=()):
        health = self._health
        if time.monotonic() < health.down_until:
            self._note_stale(writes)
            return default
        try:
            if health.purge_due:
                self.purge_stale()
            return call()
        except UNREACHABLE:
            health.down_until = time.monotonic() + RETRY_AFTER
            health.purge_due = True
            logger.warning("cache unreachable: answering without it for %.0f s", RETRY_AFTER)
            self._note_stale(writes)
            return default

    def _note_stale(self, keys) -> None:
        if not keys:
            return
        from lms.models import StaleCacheKey

        now = timezone.now()
        try:
            # In a savepoint: a failure must not break the transaction the caller is in.
            with transaction.atomic():
                StaleCacheKey.objects.bulk_create(
                    [StaleCacheKey(key=key, noted_at=now) for key in keys],
                    update_conflicts=True,
                    unique_fields=["key"],
                    update_fields=["noted_at"],
                )
        except Exception:  # the database may be away too; the page still answers
            logger.warning("could not note %d stale cache key(s)", len(keys), exc_info=True)

    def purge_stale(self) -> int:
        """Delete from Redis the keys whose writes it missed; returns how many."""
        from lms.models import StaleCacheKey

        try:
            noted = dict(StaleCacheKey.objects.order_by("noted_at").values_list("key", "noted_at")[:PURGE_BATCH])
        except Exception:
            logger.warning("could not read the stale cache keys", exc_info=True)
            return 0
        if noted:
            self._cache.delete_many(list(noted))
            # A key noted again since it was read (a newer missed write) stays for the next round.
            StaleCacheKey.objects.filter(key__in=list(noted), noted_at__lte=max(noted.values())).delete()
        if len(noted) < PURGE_BATCH:
            self._health.purge_due = False
        return len(noted)

    # --- Django's cache API --------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        made = self.make_and_validate_key(key, version=version)
        return self._guarded(lambda: self._cache.add(made, value, self.get_backend_timeout(timeout)), default=False, writes=[made])

    def get(self, key, default=None, version=None):
        made = self.make_and_validate_key(key, version=version)
        return self._guarded(lambda: self._cache.get(made, default), default=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        made = self.make_and_validate_key(key, version=version)
        self._guarded(lambda: self._cache.set(made, value, self.get_backend_timeout(timeout)), writes=[made])

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        made = self.make_and_validate_key(key, version=version)
        return self._guarded(lambda: self._cache.touch(made, self.get_backend_timeout(timeout)), default=False)

    def delete(self, key, version=None):
        made = self.make_and_validate_key(key, version=version)
        return self._guarded(lambda: self._cache.delete(made), default=False, writes=[made])

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).get_many(keys, version=version), default={})

    def has_key(self, key, version=None):
        made = self.make_and_validate_key(key, version=version)
        return self._guarded(lambda: self._cache.has_key(made), default=False)

    def incr(self, key, delta=1, version=None):
        made = self.make_and_validate_key(key, version=version)
        missing = object()
        value = self._guarded(lambda: self._cache.incr(made, delta), default=missing, writes=[made])
        if value is missing:
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        made = [self.make_and_validate_key(key, version=version) for key in data]
        self._guarded(lambda: super(ResilientRedisCache, self).set_many(data, timeout, version=version), writes=made)
        return []

    def delete_many(self, keys, version=None):
        made = [self.make_and_validate_key(key, version=version) for key in keys]
        self._guarded(lambda: super(ResilientRedisCache, self).delete_many(keys, version=version), writes=made)

    def clear(self):
        """Delete this cache's keys only: the Redis database may hold the task queue too."""
        if not self.key_prefix:
            return self._guarded(lambda: self._cache.clear(), default=False)

        def delete_prefixed():
            client = self._cache.get_client(write=True)
            for batch in _batches(client.scan_iter(match=f"{self.key_prefix}:*", count=1000), 1000):
                client.delete(*batch)
            return True

        return self._guarded(delete_prefixed, default=False)


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def purge_stale_cache_keys() -> None:
    """The periodic job: delete the keys other processes could not update during an outage."""
    from django.core.cache import caches

    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        try:
            cache.purge_stale()
        except UNREACHABLE:
            logger.warning("cache still unreachable; stale keys wait for it")
