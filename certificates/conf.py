"""Settings of the certificates app, each with a default for the embedded mode.

Read at call time (not import time) so tests and ``override_settings`` can change them. Each
value comes from ``django.conf.settings`` when set there, else from the environment.
"""

import os
from pathlib import Path

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


def render_time_limit() -> float:
    """Seconds one PDF may take before its rendering is stopped."""
    return float(_setting("PASSAGE_CERTIFICATE_RENDER_SECONDS", _env_int("PASSAGE_CERTIFICATE_RENDER_SECONDS", 15)))


def render_memory_limit_mb() -> int:
    """Address space (RLIMIT_AS) of a rendering process, in MB."""
    return int(_setting("PASSAGE_CERTIFICATE_RENDER_MEMORY_MB", _env_int("PASSAGE_CERTIFICATE_RENDER_MEMORY_MB", 1024)))


def render_processes() -> int:
    """Rendering processes kept ready per worker (or web) process."""
    return int(_setting("PASSAGE_CERTIFICATE_RENDER_PROCESSES", _env_int("PASSAGE_CERTIFICATE_RENDER_PROCESSES", 1)))


def asset_max_bytes() -> int:
    """The largest image or stylesheet a certificate may embed."""
    return int(_setting("PASSAGE_CERTIFICATE_ASSET_MAX_BYTES", 8 * 1024 * 1024))


def signing_key_path() -> Path | None:
    """PEM private key for PAdES signatures (``PASSAGE_SIGNING_KEY``); unset: PDFs are not signed."""
    value = _setting("PASSAGE_SIGNING_KEY", os.environ.get("PASSAGE_SIGNING_KEY", ""))
    return Path(value) if value else None


def signing_cert_path() -> Path | None:
    """PEM certificate matching the signing key (``PASSAGE_SIGNING_CERT``)."""
    value = _setting("PASSAGE_SIGNING_CERT", os.environ.get("PASSAGE_SIGNING_CERT", ""))
    return Path(value) if value else None


def signing_passphrase() -> bytes | None:
    """The key's passphrase (``PASSAGE_SIGNING_PASSPHRASE``), if it has one."""
    value = _setting("PASSAGE_SIGNING_PASSPHRASE", os.environ.get("PASSAGE_SIGNING_PASSPHRASE", ""))
    return value.encode() if value else None


def demo_signing_dir() -> Path:
    """Where ``make_demo_signing_key`` writes its key and certificate (git-ignored var/)."""
    return Path(_setting("VAR_DIR", settings.BASE_DIR / "var")) / "signing"


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
