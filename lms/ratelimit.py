"""One rate limiter for every limit in Passage, counted in a store that all processes share.

The counts live in the ``ratelimit`` cache (``RATELIMIT_USE_CACHE``): Redis with ``REDIS_URL``,
else a diskcache directory under ``var/``. Both increment atomically across processes, so a
limit of 120 a minute stays 120 however many web workers serve the site. A process-local cache
(LocMemCache) would give each worker its own count.
"""

import ipaddress
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from diskcache import Timeout as DiskTimeout
from django.conf import settings
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


# At most this many hops of X-Forwarded-For are read, from the right.
MAX_FORWARDED_HOPS = 20


def remote_address(request: HttpRequest) -> str:
    """The client's address (``RATELIMIT_IP_META_KEY``); one bucket when unknown.

    REMOTE_ADDR, unless it is one of ``TRUSTED_PROXIES``: then X-Forwarded-For is read from the
    right (the end each proxy appends to), passing over trusted proxies, and the first other
    address is the client. Whatever the client wrote further left is never believed, and a hop
    that is not an address stops the walk at the last proxy (that request shares the proxy's
    bucket rather than choosing its own). Without an address (a Unix socket) every such request
    shares one bucket rather than going uncounted.
    """
    address = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (an address, not a binding)
    trusted = settings.TRUSTED_PROXIES
    if not trusted or not _is_proxy(_parsed(address), trusted):
        return address
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-MAX_FORWARDED_HOPS:]
    for hop in reversed(hops):
        found = _parsed(hop.strip())
        if found is None:
            break
        address = str(found)
        if not _is_proxy(found, trusted):
            break
    return address


def _parsed(address: str):
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def _is_proxy(found, networks) -> bool:
    return found is not None and any(found in network for network in networks)
