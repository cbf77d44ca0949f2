"""Settings of the certificates app, each with a default for the embedded mode.

Read at call time (not import time) so tests and ``override_settings`` can change them. Each
value comes from ``django.conf.settings`` when set there, else from the environment.
"""

import os

from django.conf import settings


def _setting(name: str, default):
    return getattr(settings, name, default)


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def serial_prefix() -> str:
    """The letters before the year in serials: ``PSG-2026-000123``."""
    return _setting("PASSAGE_CERTIFICATE_SERIAL_PREFIX", os.environ.get("PASSAGE_CERTIFICATE_SERIAL_PREFIX", "PSG"))


def public_base_url() -> str:
    """The site's public address: QR codes and emails are built from it, never from a request."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def verify_rate_limit() -> tuple[int, int]:
    """(lookups, seconds): how many verify lookups one address may make in a window."""
    return (
        int(_setting("PASSAGE_VERIFY_RATE_LIMIT", _env_int("PASSAGE_VERIFY_RATE_LIMIT", 30))),
        int(_setting("PASSAGE_VERIFY_RATE_WINDOW", _env_int("PASSAGE_VERIFY_RATE_WINDOW", 600))),
    )


def reminder_days() -> tuple[int, ...]:
    """Days before expiry when trainees are reminded (each window once per certificate)."""
    value = _setting("PASSAGE_CERTIFICATE_REMINDER_DAYS", os.environ.get("PASSAGE_CERTIFICATE_REMINDER_DAYS", "60,14"))
    if isinstance(value, str):
        value = [int(part) for part in value.split(",") if part.strip()]
    return tuple(sorted({int(day) for day in value}, reverse=True))
