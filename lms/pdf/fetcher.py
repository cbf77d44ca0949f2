"""The only way a rendering may read a file: an allow-list of assets read beforehand.

The parent process reads the static files (through the staticfiles finders) and media (through
Django's storage API, so S3 works too) that a document names (``collector``), and hands their
bytes to the child with the HTML. In the child, this fetcher serves exactly those and refuses
everything else: other ``file:`` paths (``/etc/passwd``, ``/dev/urandom``), ``data:``, any
http(s) URL (so no redirects and no cloud metadata address), and whatever an ``@import`` chain
asks for.

Child side only: it imports WeasyPrint. The fork server preloads it (``pool``), so the web and
task-worker processes never do.
"""

from weasyprint.urls import URLFetcher, URLFetcherResponse

from lms.pdf.assets import Asset, RefusedURL, asset_key


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
