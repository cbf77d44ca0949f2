"""The only way a rendering may read a file: an allow-list of assets read beforehand.

The parent process reads the static files (through the staticfiles finders) and media (through
Django's storage API, so S3 works too) that a document names, and hands their bytes to the
child with the HTML. In the child, this fetcher serves exactly those and refuses everything
else: other ``file:`` paths (``/etc/passwd``, ``/dev/urandom``), ``data:``, any http(s) URL
(so no redirects and no cloud metadata address), and whatever an ``@import`` chain asks for.
No Django here: this module runs in the rendering child.
"""

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

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


class AllowListFetcher(URLFetcher):
    """Serves the given assets and refuses every other URL (recorded in ``refused``)."""

    def __init__(self, assets: dict[str, Asset]):
        # No protocol is fetched for real: every answer comes from ``assets``.
        super().__init__(timeout=1, allowed_protocols=set(), allow_redirects=False, fail_on_errors=False)
        self.assets = assets
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        key = asset_key(url)
        asset = self.assets.get(key) if key else None
        if asset is None:
            self.refused.append(url)
            raise RefusedURL(f"not an allowed asset: {url[:200]}")
        self.served.append(url)
        return URLFetcherResponse(url, body=asset.data, headers={"Content-Type": asset.mime_type})
