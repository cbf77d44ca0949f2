"""Assets a rendering may read, and the addresses a document uses for them.

Pure: no Django, no WeasyPrint. The parent builds asset URLs into the HTML (``asset_url``);
the child maps a URL back to an asset (``asset_key``) and refuses anything else.
"""

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

# A directory that does not exist: asset URLs look like files under it and are never opened.
ASSET_ROOT = "/__passage_assets__/"
BASE_URL = f"file://{ASSET_ROOT}"
ASSET_KINDS = ("static", "media")


@dataclass(frozen=True)
class Asset:
    data: bytes
    mime_type: str


class RefusedURL(ValueError):
    """A rendering asked for something outside the allow-list."""


def asset_url(kind: str, name: str) -> str:
    """The URL a document uses for an allow-listed asset."""
    if kind not in ASSET_KINDS:
        raise ValueError(kind)
    return f"{BASE_URL}{kind}/{quote(name.lstrip('/'))}"


def asset_key(url: str) -> str | None:
    """``static/<path>`` or ``media/<name>`` for an asset URL; None for anything else."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query:
        return None
    path = unquote(parts.path)
    if not path.startswith(ASSET_ROOT) or "\x00" in path or "\\" in path:
        return None
    relative = path[len(ASSET_ROOT):]
    normalised = posixpath.normpath(relative)
    if normalised != relative or normalised.startswith(("/", "..")) or "/../" in f"/{normalised}/":
        return None
    kind, _sep, name = normalised.partition("/")
    if kind not in ASSET_KINDS or not name:
        return None
    return normalised
