"""Settings of the PDF renderer and of signing, each with a default for the embedded mode.

Read at call time (not import time) so tests and ``override_settings`` can change them. Each
value comes from ``django.conf.settings`` when set there, else from the environment. The
renderer's limits were the certificates' before every PDF went through it: the old
``PASSAGE_CERTIFICATE_RENDER_*`` and ``PASSAGE_CERTIFICATE_ASSET_MAX_BYTES`` names are still
read when the new ``PASSAGE_PDF_*`` ones are not set.
"""

import os
from pathlib import Path

from django.conf import settings


def _value(names: tuple[str, ...], default):
    """The first of ``names`` set in the settings, else in the environment, else ``default``."""
    for name in names:
        if hasattr(settings, name):
            return getattr(settings, name)
    for name in names:
        if os.environ.get(name, "").strip():
            return os.environ[name]
    return default


def _number(names: tuple[str, ...], default, kind):
    try:
        return kind(_value(names, default))
    except (TypeError, ValueError):
        return kind(default)


def render_time_limit() -> float:
    """Seconds one PDF may take before its rendering is stopped."""
    return _number(("PASSAGE_PDF_RENDER_SECONDS", "PASSAGE_CERTIFICATE_RENDER_SECONDS"), 15, float)


def render_memory_limit_mb() -> int:
    """Address space (RLIMIT_AS) of a rendering process, in MB."""
    return _number(("PASSAGE_PDF_RENDER_MEMORY_MB", "PASSAGE_CERTIFICATE_RENDER_MEMORY_MB"), 1024, int)


def render_processes() -> int:
    """Rendering processes kept ready per web or task-worker process (started on first use)."""
    return _number(("PASSAGE_PDF_RENDER_PROCESSES", "PASSAGE_CERTIFICATE_RENDER_PROCESSES"), 1, int)


def renders_per_process() -> int:
    """Documents a rendering process makes before the pool replaces it (0: no such bound)."""
    return _number(("PASSAGE_PDF_RENDERS_PER_PROCESS",), 500, int)


def asset_max_bytes() -> int:
    """The largest image or stylesheet a document may embed."""
    return _number(("PASSAGE_PDF_ASSET_MAX_BYTES", "PASSAGE_CERTIFICATE_ASSET_MAX_BYTES"), 8 * 1024 * 1024, int)


def _path(name: str) -> Path | None:
    value = _value((name,), "")
    return Path(value) if value else None


def signing_key_path() -> Path | None:
    """PEM private key for PAdES signatures (``PASSAGE_SIGNING_KEY``); unset: PDFs are not signed."""
    return _path("PASSAGE_SIGNING_KEY")


def signing_cert_path() -> Path | None:
    """PEM certificate matching the signing key (``PASSAGE_SIGNING_CERT``)."""
    return _path("PASSAGE_SIGNING_CERT")


def signing_passphrase() -> bytes | None:
    """The key's passphrase (``PASSAGE_SIGNING_PASSPHRASE``), if it has one."""
    value = _value(("PASSAGE_SIGNING_PASSPHRASE",), "")
    return value.encode() if value else None


def _var_dir() -> Path:
    return Path(getattr(settings, "VAR_DIR", settings.BASE_DIR / "var"))


def fontconfig_dir() -> Path:
    """The renderer's own fontconfig file and cache directory (git-ignored var/; see ``fonts``)."""
    return _var_dir() / "fontconfig"


def demo_signing_dir() -> Path:
    """Where ``make_demo_signing_key`` writes its key and certificate (git-ignored var/)."""
    return _var_dir() / "signing"
