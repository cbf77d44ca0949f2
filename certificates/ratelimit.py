"""A fixed-window counter per client address in Django's cache (Redis in production)."""

import hashlib

from django.core.cache import cache

from certificates import conf


def client_address(request) -> str:
    # REMOTE_ADDR only: a forwarded-for header is written by the client unless a proxy rewrites
    # it, and the reverse proxy of the scale-out setup passes the real address here.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow_verification(request) -> bool:
    """Count one verify lookup for this address; False once it is over the limit in the window."""
    limit, window = conf.verify_rate_limit()
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"certificates:verify:{address}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit
