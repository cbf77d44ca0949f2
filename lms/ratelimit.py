"""One rate limiter for every limit in Passage, counted in a store that all processes share.

The counts live in the ``ratelimit`` cache (``RATELIMIT_USE_CACHE``): Redis with ``REDIS_URL``,
else a diskcache directory under ``var/``. Both increment atomically across processes, so a
limit of 120 a minute stays 120 however many web workers serve the site. A process-local cache
(LocMemCache) would give each worker its own count.
"""

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from diskcache import Timeout as DiskTimeout
from django.http import HttpRequest
from django_ratelimit.core import get_usage

logger = logging.getLogger("passage.ratelimit")


def store_errors() -> tuple[type[BaseException], ...]:
    """What the two stores raise when they cannot count (Redis unreachable, disk locked or full).

    Redis's error only once its client is loaded, as it is whenever the Redis store is used:
    importing it (and the cryptography it pulls in) cost every embedded web process 10 MB.
    """
    redis_exceptions = sys.modules.get("redis.exceptions")
    errors = (DiskTimeout, OSError)
    return (redis_exceptions.RedisError, *errors) if redis_exceptions else errors


# django-ratelimit's own key for the client's address: REMOTE_ADDR (see RATELIMIT_IP_META_KEY),
# an IPv6 address reduced to its /64 network, which one client holds as a whole.
BY_ADDRESS = "ip"


@dataclass(frozen=True)
class Usage:
    """The outcome of counting one request against a limit."""

    allowed: bool
    count: int
    limit: int
    retry_after: int


def hit(request: HttpRequest, *, group: str, limit: int, seconds: int, key: str | Callable = BY_ADDRESS) -> Usage:
    """Count one request of ``key`` in ``group``; allowed while at most ``limit`` fall in the window."""
    try:
        usage = get_usage(request, group=group, key=key, rate=(limit, seconds), increment=True)
    except store_errors():
        # A limit that cannot be counted is not lifted: refuse with "try again later", not a 500.
        logger.warning("rate-limit store unavailable; refusing %s", group, exc_info=True)
        return Usage(allowed=False, count=0, limit=limit, retry_after=seconds)
    if usage is None:  # RATELIMIT_ENABLE = False
        return Usage(allowed=True, count=0, limit=limit, retry_after=0)
    return Usage(
        allowed=not usage["should_limit"],
        count=usage["count"],
        limit=usage["limit"],
        # -1 when the store failed: the request is refused (fail closed), retry in a window.
        retry_after=usage["time_left"] if usage["time_left"] > 0 else seconds,
    )


def remote_address(request: HttpRequest) -> str:
    """The address the connection came from (``RATELIMIT_IP_META_KEY``); one bucket when unknown."""
    # REMOTE_ADDR only: a forwarded-for header is written by the client unless a proxy rewrites
    # it, and the reverse proxy of the scale-out setup passes the real address here. Without an
    # address (a Unix socket) every such request shares one bucket rather than going uncounted.
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (an address, not a binding)
